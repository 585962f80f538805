package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// venue is the one address a conference's Wi-Fi shows the server.
const venue = "203.0.113.50"

// joinAsPhone goes the way a phone does: the typed code, the table's page,
// the table's websocket.
func joinAsPhone(t *testing.T, ts *testServer, code string) (*wsClient, bool) {
	t.Helper()
	b := ts.browser(t)
	b.from = venue
	if res := b.get("/join?code=" + url.QueryEscape(code)); res.Status != http.StatusSeeOther || res.Location != "/t/"+code {
		t.Errorf("join %s: status %d → %q", code, res.Status, res.Location)
		return nil, false
	}
	if res := b.get("/t/" + code); res.Status != http.StatusOK {
		t.Errorf("table page %s: status %d", code, res.Status)
		return nil, false
	}
	ws, status, err := dial(t, ts.URL, "/ws/table/"+code, http.Header{"X-Forwarded-For": {venue}})
	if err != nil {
		t.Errorf("table websocket %s: status %d, %v", code, status, err)
		return nil, false
	}
	ws.nextOf("snapshot")
	return ws, true
}

// TestOneGuesserDoesNotLockOutTheVenue: 300 phones behind one address, one
// of them typing 100 wrong codes; the others join and submit untouched, and
// the guesser is held back.
func TestOneGuesserDoesNotLockOutTheVenue(t *testing.T) {
	ts := newConfiguredServer(t, storage.Options{}, func(cfg *web.Config, _ *storage.Store) { cfg.ProxyHeader = "X-Forwarded-For" })
	ts.withAdmin(t)
	f := testutil.MustWorkshop(t, ts.store, ts.writer, 10)
	elsewhere := testutil.MustWorkshop(t, ts.store, ts.writer, 1) // another event's, never used at this venue
	staff := ts.browser(t)
	staff.from = venue
	staff.login(adminEmail, adminPassword)

	var phones []*wsClient
	join := func(n int) {
		for i := 0; i < n; i++ {
			if ws, ok := joinAsPhone(t, ts, f.Table(len(phones)%10).Code); ok {
				phones = append(phones, ws)
			}
		}
	}
	join(150) // the room fills

	guesser := ts.browser(t)
	guesser.from = venue
	statuses := map[int]int{}
	for i := 0; i < 100; i++ {
		statuses[guesser.get("/join?code="+wrongCode(i)).Status]++
	}
	if statuses[http.StatusNotFound] > 31 || statuses[http.StatusTooManyRequests] < 69 {
		t.Errorf("100 wrong codes answered %v: want 30 free failures, then the guesser held back", statuses)
	}
	// Held back, the guesser learns nothing even from a real code of a
	// workshop nobody here has reached.
	if res := guesser.get("/join?code=" + elsewhere.Table(0).Code); res.Status != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Errorf("a held-back guesser with another event's real code: status %d, Retry-After %q", res.Status, res.Header.Get("Retry-After"))
	}

	join(150) // latecomers, and the event code, still work
	event := ts.browser(t)
	event.from = venue
	if res := event.get("/e/" + f.Snapshot.Workshop.JoinCode); res.Status != http.StatusOK {
		t.Errorf("event page at the venue: status %d", res.Status)
	}
	if len(phones) != 300 {
		t.Fatalf("%d of 300 phones joined", len(phones))
	}
	for i, p := range phones {
		p.send(submitMsg(f, newID(), "Svar från telefon "+string(rune('A'+i%26))))
	}
	for i, p := range phones {
		if m := p.nextOf("ack"); m.Type != "ack" {
			t.Fatalf("phone %d: %+v", i, m)
		}
	}
	if n := len(storedInputs(t, ts, f)); n != 300 {
		t.Errorf("%d inputs stored, want 300", n)
	}
	// Staff at the venue: a logged-in user is untouched, and logging in is
	// counted apart from codes.
	if res := staff.get("/admin/"); res.Status != http.StatusOK {
		t.Errorf("logged-in user at the venue: status %d", res.Status)
	}
	late := ts.browser(t)
	late.from = venue
	late.login(adminEmail, adminPassword)
}

// wrongCode is the i-th of a run of codes that belong to no table or event
// (the alphabet has no 0, 1, I, L or O).
func wrongCode(i int) string {
	const digits = "ABCDEFGHJK"
	return "ZZZ" + string(digits[i/100%10]) + string(digits[i/10%10]) + string(digits[i%10])
}

// One table's code must not lead to every table: the pages a phone gets
// with a table code do not carry the event-wide code.
func TestTablePageDoesNotCarryTheEventCode(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	for _, path := range []string{"/t/" + f.Table(0).Code, "/join?code=" + f.Table(0).Code, "/sw.js"} {
		res := b.get(path)
		if strings.Contains(res.Body, f.Snapshot.Workshop.JoinCode) || strings.Contains(res.Location, f.Snapshot.Workshop.JoinCode) {
			t.Errorf("%s hands the phone the event code", path)
		}
	}
}
