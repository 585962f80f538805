package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func (b *browser) getWith(path string, header http.Header) response {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	return b.do(req)
}

var switchLink = regexp.MustCompile(`href="/lang/([a-z]+)\?next=([^"]*)"`)

func acceptLanguage(v string) http.Header { return http.Header{"Accept-Language": {v}} }

func TestLanguageFromBrowser(t *testing.T) {
	ts := newServer(t)
	b := ts.browser(t)
	for _, tc := range []struct {
		accept, html, text, switchTo string
	}{
		{"", `<html lang="sv">`, "Delta i en workshop", `lang="en" hreflang="en">English</a>`},
		{"en-GB,en;q=0.9", `<html lang="en">`, "Take part in a workshop", `lang="sv" hreflang="sv">Svenska</a>`},
		{"de-DE", `<html lang="sv">`, "Delta i en workshop", `>English</a>`},
		{"de-DE,en-US;q=0.7", `<html lang="en">`, "Take part in a workshop", `>Svenska</a>`},
	} {
		res := b.getWith("/", acceptLanguage(tc.accept))
		for _, want := range []string{tc.html, tc.text, tc.switchTo} {
			if !strings.Contains(res.Body, want) {
				t.Errorf("Accept-Language %q: page lacks %q", tc.accept, want)
			}
		}
	}
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	phonePage := "/t/" + f.Table(0).Code

	// The phone page offers the switch, back to itself.
	page := b.getWith(phonePage, acceptLanguage("sv"))
	link := switchLink.FindStringSubmatch(page.Body)
	if link == nil {
		t.Fatal("phone page lacks the language switch")
	}
	if next, _ := url.QueryUnescape(link[2]); link[1] != "en" || next != phonePage {
		t.Fatalf("switch link goes to %s, next=%s", link[1], next)
	}
	res := b.get("/lang/en?next=" + url.QueryEscape(phonePage))
	if res.Status != http.StatusSeeOther || res.Location != phonePage {
		t.Fatalf("switch: %d → %q", res.Status, res.Location)
	}
	if c := res.Header.Get("Set-Cookie"); !strings.Contains(c, "lang=en") || !strings.Contains(c, "HttpOnly") {
		t.Errorf("cookie: %q", c)
	}
	// The choice outranks the browser's language.
	page = b.getWith(phonePage, acceptLanguage("sv"))
	if !strings.Contains(page.Body, `<html lang="en">`) || !strings.Contains(page.Body, "About your information") {
		t.Errorf("phone page is not in English after switching")
	}
	b.get("/lang/sv?next=/")
	if page := b.getWith("/", acceptLanguage("en")); !strings.Contains(page.Body, `<html lang="sv">`) {
		t.Errorf("switching back to Swedish did not stick")
	}
}

func TestLanguageSwitchStaysOnSite(t *testing.T) {
	ts := newServer(t)
	b := ts.browser(t)
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", ""} {
		if res := b.get("/lang/en?next=" + url.QueryEscape(next)); res.Location != "/" {
			t.Errorf("next=%q → %q", next, res.Location)
		}
	}
	if res := b.get("/lang/xx?next=/"); res.Status != http.StatusNotFound {
		t.Errorf("unknown language: %d", res.Status)
	}
}

func TestErrorsInEnglish(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	if res := b.getWith("/no-such-page", acceptLanguage("en")); res.Status != 404 || !strings.Contains(res.Body, "The page does not exist.") {
		t.Errorf("404 page: %d %s", res.Status, res.Body)
	}
	if res := b.getWith("/join?code=ZZZZZZ", acceptLanguage("en")); !strings.Contains(res.Body, "That code does not exist.") {
		t.Errorf("unknown code: %d", res.Status)
	}

	// A phone whose browser asks for English gets its error replies in English.
	c := mustDial(t, ts.URL, "/ws/table/"+f.Table(0).Code, acceptLanguage("en"))
	c.nextOf("snapshot")
	c.send(map[string]any{"type": "submit", "id": newID(), "question": f.Question(0).ID, "text": ""})
	reply := c.nextOf("error")
	if reply.Message != "Write something before you send." {
		t.Errorf("websocket error: %+v", reply)
	}
}
