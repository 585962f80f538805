package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// offSite are next= values that a browser would take to another site: tab
// and newline are dropped from URLs, a backslash is a slash, and a path
// that starts with two slashes names a host.
var offSite = []string{
	"/%09/example.org/", "/%0a/example.org", "/%0d/example.org", "//example.org", "//x", `\/x`, `/\x`, `/\/x`,
	"https://example.org/", "javascript:alert(1)", "/%5cexample.org", "%2f%2fexample.org", "/%2f/example.org",
	"%20//example.org", "/%00/example.org", "http:/example.org", "x", "",
}

// roundTrip sends one request without the client's redirect handling,
// which refuses to parse a Location with control characters (a browser
// strips them and follows).
func (b *browser) roundTrip(req *http.Request) response {
	b.t.Helper()
	for _, c := range b.c.Jar.Cookies(req.URL) {
		req.AddCookie(c)
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		b.t.Fatal(err)
	}
	res.Body.Close()
	b.c.Jar.SetCookies(req.URL, res.Cookies())
	return response{Status: res.StatusCode, Location: res.Header.Get("Location"), Header: res.Header}
}

func (b *browser) rawGet(path string) response {
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	return b.roundTrip(req)
}

func TestRedirectsStayOnThisSite(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	anonymous := ts.browser(t)
	staff := ts.browser(t)
	staff.login(adminEmail, adminPassword)
	for i, next := range offSite {
		// next arrives percent-encoded, as a link would carry it.
		raw := "next=" + next
		if res := anonymous.rawGet("/lang/en?" + raw); res.Status != http.StatusSeeOther || res.Location != "/" {
			t.Errorf("/lang/en?%s: %d → %q, want /", raw, res.Status, res.Location)
		}
		if res := staff.rawGet("/login?" + raw); res.Status != http.StatusFound && res.Status != http.StatusSeeOther || res.Location != "/admin" {
			t.Errorf("logged in, /login?%s: %d → %q, want /admin", raw, res.Status, res.Location)
		}
		if i%4 != 0 {
			continue // logging in is slow (bcrypt): a few of them suffice for the form's next
		}
		decoded, err := url.QueryUnescape(next)
		if err != nil {
			decoded = next
		}
		b := ts.browser(t)
		form := url.Values{"email": {adminEmail}, "password": {adminPassword}, "next": {decoded}, "_csrf": {b.csrf("/login")}}
		req, _ := http.NewRequest(http.MethodPost, b.base+"/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if res := b.roundTrip(req); res.Status != http.StatusSeeOther || res.Location != "/admin" {
			t.Errorf("login with next=%q: %d → %q, want /admin", decoded, res.Status, res.Location)
		}
	}
	// Paths on this site are kept, with their query.
	b := ts.browser(t)
	for _, next := range []string{"/admin/workshops/abc?x=1", "/t/ABC234", "/"} {
		if res := b.get("/lang/en?next=" + url.QueryEscape(next)); res.Location != next {
			t.Errorf("/lang/en?next=%s → %q", next, res.Location)
		}
	}
}
