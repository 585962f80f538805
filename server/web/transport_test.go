package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// forged sends a request that claims, in X-Forwarded-*, to have come
// through a proxy for another host over HTTPS.
func (b *browser) forged(path string) response {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	req.Header.Set("X-Forwarded-Host", "evil.example")
	req.Header.Set("X-Forwarded-Proto", "https")
	return b.do(req)
}

func TestForwardedHeadersNeedTheProxySetting(t *testing.T) {
	for _, proxy := range []string{"", "X-Forwarded-For"} {
		t.Run("proxy="+proxy, func(t *testing.T) {
			ts := newConfiguredServer(t, storage.Options{}, func(cfg *web.Config, _ *storage.Store) { cfg.ProxyHeader = proxy })
			ts.withAdmin(t)
			f := ts.workshop(t)
			b := ts.browser(t)
			b.login(adminEmail, adminPassword)
			page := b.forged("/admin/workshops/" + f.WorkshopID())
			hsts := b.forged("/").Header.Get("Strict-Transport-Security")
			h := http.Header{"Origin": {"http://evil.example"}, "X-Forwarded-Host": {"evil.example"}}
			_, status, err := dial(t, ts.URL, "/ws/table/"+f.Table(0).Code, h)
			if proxy == "" {
				if strings.Contains(page.Body, "evil.example") {
					t.Error("X-Forwarded-Host from a client made it into the join links")
				}
				if hsts != "" {
					t.Errorf("X-Forwarded-Proto from a client switched on HSTS: %q", hsts)
				}
				if err == nil {
					t.Error("X-Forwarded-Host from a client passed the websocket origin check")
				}
			} else {
				if !strings.Contains(page.Body, "https://evil.example") {
					t.Error("behind the configured proxy, its X-Forwarded-Host should name the site")
				}
				if hsts == "" {
					t.Error("behind the configured proxy, X-Forwarded-Proto https should bring HSTS")
				}
				if err != nil {
					t.Errorf("behind the configured proxy, the forwarded host is the origin: status %d, %v", status, err)
				}
			}
		})
	}
}

func setCookies(res response) map[string]*http.Cookie {
	out := map[string]*http.Cookie{}
	for _, c := range (&http.Response{Header: res.Header}).Cookies() {
		out[c.Name] = c
	}
	return out
}

func TestCookiesAreSecureBehindHTTPS(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cfg    web.Config
		secure bool
	}{
		{"plain http", web.Config{}, false},
		{"http base address", web.Config{BaseURL: "http://192.168.1.20:8080"}, false},
		{"https base address", web.Config{BaseURL: "https://samrad.example.se"}, true},
		{"SAMRAD_SECURE_COOKIES", web.Config{SecureCookies: true}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newConfiguredServer(t, storage.Options{}, func(cfg *web.Config, _ *storage.Store) {
				cfg.BaseURL, cfg.SecureCookies = tc.cfg.BaseURL, tc.cfg.SecureCookies
			})
			ts.withAdmin(t)
			prefix := ""
			if tc.secure {
				prefix = "__Host-"
			}
			b := ts.browser(t)
			page := b.get("/login")
			csrf := setCookies(page)[prefix+"samrad_csrf"]
			if csrf == nil {
				t.Fatalf("GET /login set %v, want %ssamrad_csrf", page.Header.Values("Set-Cookie"), prefix)
			}
			token := csrfField.FindStringSubmatch(page.Body)[1]
			form := url.Values{"email": {adminEmail}, "password": {adminPassword}, "_csrf": {token}}
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: csrf.Name, Value: csrf.Value})
			login := ts.browser(t).do(req)
			session := setCookies(login)[prefix+"samrad_session"]
			if login.Status != http.StatusSeeOther || session == nil {
				t.Fatalf("login: %d, cookies %v", login.Status, login.Header.Values("Set-Cookie"))
			}
			lang := setCookies(b.get("/lang/en?next=/"))[prefix+"lang"]
			if lang == nil {
				t.Fatalf("no %slang cookie", prefix)
			}
			for _, c := range []*http.Cookie{csrf, session, lang} {
				if c.Secure != tc.secure || c.Path != "/" || c.Domain != "" || !c.HttpOnly {
					t.Errorf("%s: Secure %v, Path %q, Domain %q, HttpOnly %v", c.Name, c.Secure, c.Path, c.Domain, c.HttpOnly)
				}
			}
		})
	}
}
