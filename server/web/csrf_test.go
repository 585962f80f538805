package web_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
)

func TestAnonymousFormsWriteNothing(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	con, err := ts.store.Consultation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	link := links["Länsbygderådet"]
	ts.browser(t).get(link) // the first visit records that the link was opened

	db, err := sql.Open("sqlite3", "file:"+ts.store.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background()) // data_version is per connection
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	version := func() int64 {
		var v int64
		if err := conn.QueryRowContext(context.Background(), `PRAGMA data_version`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := version()
	for i := 0; i < 20; i++ {
		b := ts.browser(t) // no cookies
		for _, page := range []string{"/login", "/accessibility", "/p/" + con.PublicToken, link} {
			b.csrf(page)
		}
	}
	if after := version(); after != before {
		t.Errorf("80 anonymous form views committed to the database (data_version %d → %d)", before, after)
	}
}

func TestOpenFormsSurviveARestart(t *testing.T) {
	store := testutil.MustOpenStore(t)
	ts := serveStore(t, store, nil)
	ts.withAdmin(t)
	b := ts.browser(t)
	token := b.csrf("/login")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ts.srv.Shutdown(ctx)
	ts.writer.Close()

	again := serveStore(t, store, nil)
	b.base = again.URL
	u, _ := url.Parse(ts.URL)
	b.c.Jar.SetCookies(mustURL(again.URL), b.c.Jar.Cookies(u))
	res := b.post("/login", url.Values{"email": {adminEmail}, "password": {adminPassword}, "_csrf": {token}})
	if res.Status != http.StatusSeeOther {
		t.Errorf("a login form opened before the restart: status %d", res.Status)
	}
}

func TestCSRFTokenIsRotatedAtLogin(t *testing.T) {
	ts := newServerWith(t, storage.Options{})
	ts.withAdmin(t)
	b := ts.browser(t)
	anonymous := b.csrf("/login")
	u := mustURL(ts.URL)
	var cookie *http.Cookie
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == "samrad_csrf" {
			cookie = c
		}
	}
	if cookie == nil {
		t.Fatal("no CSRF cookie")
	}
	b.login(adminEmail, adminPassword)
	if b.csrf("/admin/account") == anonymous {
		t.Error("the CSRF token of the anonymous visit is still the one after login")
	}
	// Even with the old cookie put back, the anonymous token is not taken
	// with the session.
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: cookie.Name, Value: cookie.Value, Path: "/"}})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/session", nil)
	req.Header.Set("X-Csrf-Token", anonymous)
	if res := b.do(req); res.Status != http.StatusForbidden {
		t.Errorf("an anonymous visit's token with a session: status %d, want 403", res.Status)
	}
}
