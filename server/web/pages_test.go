package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
)

func TestLoginRequired(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	id := f.WorkshopID()
	for _, path := range []string{"/admin", "/admin/users", "/admin/workshops/new", "/admin/workshops/" + id,
		"/admin/workshops/" + id + "/dashboard", "/admin/workshops/" + id + "/projector", "/admin/workshops/" + id + "/print",
		"/admin/workshops/" + id + "/export.csv", "/admin/workshops/" + id + "/qr/event.png"} {
		res := b.get(path)
		if res.Status != http.StatusFound || !strings.HasPrefix(res.Location, "/login?next=") {
			t.Errorf("GET %s without login: %d → %q, want a redirect to the login page", path, res.Status, res.Location)
		}
	}
	if _, status, err := dial(t, ts.URL, "/ws/workshop/"+id, nil); err == nil || status != http.StatusUnauthorized {
		t.Errorf("dashboard websocket without login: err=%v", err)
	}
	// A table's code opens its table, not the facilitators' views.
	res := b.post("/admin/workshops/"+id+"/state", url.Values{"state": {"closed"}})
	if res.Status == http.StatusSeeOther {
		t.Errorf("POST without login changed state")
	}
}

func TestLoginLogout(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	b := ts.browser(t)

	res := b.postForm("/login", "/login", url.Values{"email": {adminEmail}, "password": {"fel lösenord!!"}})
	if res.Status != http.StatusUnauthorized || !strings.Contains(res.Body, "Fel e-postadress eller lösenord") {
		t.Errorf("wrong password: %d", res.Status)
	}
	res = b.postForm("/login?next=/admin/users", "/login", url.Values{"email": {adminEmail}, "password": {adminPassword}, "next": {"//evil.example/"}})
	if res.Status != http.StatusSeeOther || res.Location != "/admin" {
		t.Errorf("login with an off-site next: %d → %q, want /admin", res.Status, res.Location)
	}
	var session *http.Cookie
	for _, c := range b.c.Jar.Cookies(mustURL(ts.URL)) {
		if c.Name == "samrad_session" {
			session = c
		}
	}
	if session == nil {
		t.Fatal("no session cookie")
	}
	if res := b.get("/admin"); res.Status != http.StatusOK {
		t.Errorf("admin after login: %d", res.Status)
	}
	if res := b.postForm("/admin", "/logout", url.Values{}); res.Status != http.StatusSeeOther {
		t.Errorf("logout: %d", res.Status)
	}
	// The old cookie is worthless after logout, even if someone kept it.
	old := ts.browser(t)
	old.c.Jar.SetCookies(mustURL(ts.URL), []*http.Cookie{session})
	if res := old.get("/admin"); res.Status != http.StatusFound {
		t.Errorf("admin with a logged-out session: %d", res.Status)
	}
}

func TestSessionCookieFlags(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	b := ts.browser(t)
	res := b.postForm("/login", "/login", url.Values{"email": {adminEmail}, "password": {adminPassword}})
	cookie := ""
	for _, c := range res.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, "samrad_session=") {
			cookie = strings.ToLower(c)
		}
	}
	if !strings.Contains(cookie, "httponly") || !strings.Contains(cookie, "samesite=lax") {
		t.Errorf("session cookie %q: want HttpOnly and SameSite=Lax", cookie)
	}
}

func TestCSRF(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	action := "/admin/workshops/" + f.WorkshopID() + "/state"
	if res := b.post(action, url.Values{"state": {"closed"}}); res.Status != http.StatusForbidden {
		t.Errorf("POST without token: %d, want 403", res.Status)
	}
	if res := b.post(action, url.Values{"state": {"closed"}, "_csrf": {"made-up"}}); res.Status != http.StatusForbidden {
		t.Errorf("POST with a made-up token: %d, want 403", res.Status)
	}
	w, _ := ts.store.Workshop(t.Context(), f.WorkshopID())
	if w.State != domain.WorkshopOpen {
		t.Errorf("a refused POST changed the state to %s", w.State)
	}
	if res := b.postForm("/admin/workshops/"+f.WorkshopID(), action, url.Values{"state": {"closed"}}); res.Status != http.StatusSeeOther {
		t.Errorf("POST with the page's token: %d", res.Status)
	}
}

func TestCrossSiteWebsocketRefused(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	h := b.cookieHeader()
	h.Set("Origin", "https://evil.example")
	if _, status, err := dial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), h); err == nil || status != http.StatusForbidden {
		t.Errorf("cross-site dashboard socket: err=%v", err)
	}
	h.Set("Origin", ts.URL)
	mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), h).nextOf("snapshot")
}

func TestFirstAdministratorSetup(t *testing.T) {
	ts := newServer(t)
	b := ts.browser(t)
	if res := b.get("/setup/wrong-token"); res.Status != http.StatusNotFound {
		t.Errorf("wrong setup token: %d", res.Status)
	}
	page := "/setup/" + setupToken
	res := b.postForm(page, page, url.Values{"name": {"Birgitta Adler"}, "email": {"birgitta@example.se"}, "password": {"kort"}})
	if res.Status != http.StatusBadRequest || !strings.Contains(res.Body, "minst 10 tecken") || !strings.Contains(res.Body, "Birgitta Adler") {
		t.Errorf("short password: %d; want the rule and the typed name kept", res.Status)
	}
	res = b.postForm(page, page, url.Values{"name": {"Birgitta Adler"}, "email": {"birgitta@example.se"}, "password": {"kultur och social ekonomi"}})
	if res.Status != http.StatusSeeOther || res.Location != "/admin" {
		t.Fatalf("setup: %d → %q", res.Status, res.Location)
	}
	if res := b.get("/admin/users"); !strings.Contains(res.Body, "birgitta@example.se") {
		t.Errorf("the new administrator is not logged in or not listed")
	}
	if res := ts.browser(t).get(page); res.Status != http.StatusNotFound {
		t.Errorf("setup link after the first user: %d, want 404", res.Status)
	}
}

func TestCreateWorkshopForm(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	form := url.Values{"name": {""}, "date": {"2013-09-17"}, "place": {"Ljungskile"}, "questions": {"Vilka samarbeten har ni idag?"},
		"preset": {"vgr"}, "tables": {"4"}}
	res := b.postForm("/admin/workshops/new", "/admin/workshops", form)
	if res.Status != http.StatusBadRequest || !strings.Contains(res.Body, "Skriv ett namn") || !strings.Contains(res.Body, "Vilka samarbeten har ni idag?") {
		t.Errorf("missing name: %d; want the message and the typed questions kept", res.Status)
	}
	form.Set("name", "Konferens <Ljungskile>")
	res = b.postForm("/admin/workshops/new", "/admin/workshops", form)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: %d", res.Status)
	}
	page := b.get(res.Location)
	for _, want := range []string{"Konferens &lt;Ljungskile&gt;", "Hälso- och sjukvård", "Övrigt / ej sorterat", "Bord 4", "17 september 2013"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("workshop page lacks %q", want)
		}
	}
	if strings.Contains(page.Body, "<Ljungskile>") {
		t.Error("a name was not escaped")
	}
}

func TestExports(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	for _, text := range []string{"Föreningar på landsbygden; \"service\"", "=HYPERLINK(\"http://evil\")"} {
		p.send(submitMsg(f, newID(), text))
		p.nextOf("ack")
	}
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	base := "/admin/workshops/" + f.WorkshopID() + "/export."

	csv := b.get(base + "csv")
	if csv.Status != http.StatusOK || !strings.HasPrefix(csv.Body, "\ufeff") || !strings.Contains(csv.Body, "\r\n") {
		t.Errorf("CSV: %d, want a BOM and CRLF", csv.Status)
	}
	if !strings.Contains(csv.Body, `"Föreningar på landsbygden; ""service"""`) || !strings.Contains(csv.Body, `"'=HYPERLINK(""http://evil"")"`) {
		t.Errorf("CSV quoting or formula neutralising is wrong:\n%s", csv.Body)
	}
	if cd := csv.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".csv") {
		t.Errorf("Content-Disposition %q", cd)
	}

	xlsx := b.get(base + "xlsx")
	book, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx.Body)))
	if err != nil {
		t.Fatalf("XLSX does not open: %v", err)
	}
	sheets := book.GetSheetList()
	if len(sheets) != 5 || sheets[0] != "Sammanfattning" || sheets[1] != "Fråga 1" {
		t.Errorf("sheets %v", sheets)
	}

	var doc struct {
		Inputs []map[string]any `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(b.get(base+"json").Body), &doc); err != nil || len(doc.Inputs) != 2 {
		t.Errorf("JSON: %v, %d inputs", err, len(doc.Inputs))
	}
	if res := b.get(base + "pdf"); res.Status != http.StatusNotFound {
		t.Errorf("unknown format: %d", res.Status)
	}
}

func TestQRCode(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	res := b.get("/admin/workshops/" + f.WorkshopID() + "/qr/" + f.Table(0).ID + ".png")
	if res.Status != http.StatusOK || !strings.HasPrefix(res.Body, "\x89PNG") {
		t.Errorf("table QR: %d", res.Status)
	}
	if res := b.get("/admin/workshops/" + f.WorkshopID() + "/qr/" + newID() + ".png"); res.Status != http.StatusNotFound {
		t.Errorf("QR of an unknown table: %d", res.Status)
	}
	print := b.get("/admin/workshops/" + f.WorkshopID() + "/print")
	for _, tb := range f.Snapshot.Tables {
		if !strings.Contains(print.Body, tb.Code) {
			t.Errorf("print page lacks the code of %s", tb.Name)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newServer(t)
	res := ts.browser(t).get("/")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff")
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestMetrics(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	p.send(submitMsg(f, newID(), "Räknas"))
	p.nextOf("ack")

	b := ts.browser(t)
	if res := b.get("/metrics"); res.Status != http.StatusUnauthorized {
		t.Errorf("metrics without login or token: %d", res.Status)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+metricsToken)
	res := b.do(req)
	for _, want := range []string{"samrad_connections_phones 1", "samrad_inputs_stored_total 1", "samrad_commit_duration_seconds_count", "go_goroutines"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	b.login(adminEmail, adminPassword)
	if res := b.get("/metrics"); res.Status != http.StatusOK {
		t.Errorf("metrics for an administrator: %d", res.Status)
	}
}
