package web_test

// The live protocol as an independent client meets it: every problem the
// outside test of issue 10 found is reproduced here against the real server.

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// At a busy table the page's own acknowledgements arrive between changes
// from the table's other phones with higher numbers. A client that filtered
// replies by number dropped them and left answers "waiting" for ever; a
// reply carries no number, and a client that follows the protocol (replies
// by id, changes by number) gets every one.
func TestBusyTableAcknowledgesEveryAnswer(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	page := phone(t, ts, f.Table(0), -1)
	cursor := cursorOf(page.nextOf("snapshot"))
	const others, each, mine = 30, 5, 15
	mates := make([]*wsClient, others)
	for i := range mates {
		mates[i] = phone(t, ts, f.Table(0), -1)
		mates[i].nextOf("snapshot")
	}
	var start sync.WaitGroup
	start.Add(1)
	var sent sync.WaitGroup
	for _, m := range mates {
		sent.Add(1)
		go func() {
			defer sent.Done()
			start.Wait()
			for i := 0; i < each; i++ {
				m.send(submitMsg(f, newID(), fmt.Sprintf("Ett annat bords svar %d", i)))
			}
		}()
	}
	want := map[string]bool{}
	for i := 0; i < mine; i++ {
		want[newID()] = true
	}
	start.Done()
	for id := range want {
		page.send(submitMsg(f, id, "Mitt svar "+id[:8]))
	}
	sent.Wait()
	acked := map[string]bool{}
	changes := 0
	for len(acked) < mine || changes < others*each {
		m := page.next()
		switch m.Type {
		case "ack":
			if m.Seq != 0 {
				t.Errorf("an acknowledgement carries a number (%d): a client filtering by number could drop it", m.Seq)
			}
			acked[m.ID] = true
		case "input":
			if cursor.Apply(m) {
				changes++
			}
		case "error":
			t.Fatalf("refused: %+v", m)
		}
	}
	for id := range want {
		if !acked[id] {
			t.Errorf("answer %s was never acknowledged", id)
		}
	}
}

// A resend of an answer that facilitators have moderated since is
// acknowledged with the answer itself, not a number the phone never saw.
func TestDuplicateAckIsTheAnswer(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := newID()
	p.send(submitMsg(f, id, "Dolt av processledaren"))
	first := p.nextOf("ack")
	hide := audit.Audited{Command: &workshop.Moderate{WorkshopID: f.WorkshopID(), InputID: id, Action: workshop.ActHide},
		Actor: domain.SystemActor}
	if err := ts.writer.Do(context.Background(), hide); err != nil {
		t.Fatal(err)
	}
	p.send(submitMsg(f, id, "Dolt av processledaren"))
	again := p.nextOf("ack")
	if !again.Duplicate || again.Seq != 0 || string(again.Data) != string(first.Data) {
		t.Errorf("duplicate ack %+v, want the same answer as first acknowledged: %s", again, first.Data)
	}
}

func TestReusedIDIsRefused(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := newID()
	p.send(submitMsg(f, id, "Första versionen"))
	p.nextOf("ack")
	p.send(submitMsg(f, id, "En helt annan text"))
	if m := p.nextOf("error"); m.ID != id || m.Code != "id_reused" || m.Retry || m.Message == "" {
		t.Errorf("reply %+v, want id_reused for this id, not to be retried", m)
	}
	if got := storedInputs(t, ts, f); len(got) != 1 || got[0].Text != "Första versionen" {
		t.Errorf("stored %+v", got)
	}
}

// Every refusal names the message it refuses, however broken the message.
func TestRefusalsNameTheMessage(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := newID()
	for _, tc := range []struct {
		name   string
		binary bool
		raw    string
		code   string
	}{
		{"MalformedJSON", false, `{"type":"submit","id":"` + id + `","text":"oavslutad`, "message_invalid"},
		{"WrongType", false, `{"type":"submit","id":"` + id + `","question":7,"text":"x"}`, "message_invalid"},
		{"UnknownField", false, `{"type":"submit","id":"` + id + `","admin":true}`, "message_invalid"},
		{"TooLarge", false, `{"type":"submit","id":"` + id + `","text":"` + strings.Repeat("x", 20_000) + `"}`, "message_too_large"},
		{"Binary", true, `{"type":"submit","id":"` + id + `","text":"x"}`, "message_invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := p.conn.SendRaw(tc.binary, []byte(tc.raw)); err != nil {
				t.Fatal(err)
			}
			if m := p.nextOf("error"); m.ID != id || m.Code != tc.code {
				t.Errorf("reply %+v, want %s for id %s", m, tc.code, id)
			}
		})
	}
	// The same on a staff connection, with the request's req.
	ts.withAdmin(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	d.nextOf("snapshot")
	d.conn.SendRaw(false, []byte(`{"type":"moderate","req":"r9","item":5}`))
	if m := d.nextOf("error"); m.Req != "r9" || m.Code != "message_invalid" {
		t.Errorf("staff reply %+v, want message_invalid for req r9", m)
	}
}

// Text is stored as typed or refused, never silently altered.
func TestTextIsNeverAlteredSilently(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	q := f.Question(0).ID
	for _, tc := range []struct{ name, text, code string }{
		{"LoneSurrogate", `Trasig \ud800 text`, "text_invalid"},
		{"NUL", `Hej\u0000då`, "text_invalid"},
		{"OnlyZeroWidth", `\u200b\u200b\u2060\ufeff`, "text_required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := newID()
			raw := `{"type":"submit","id":"` + id + `","question":"` + q + `","theme":"","text":"` + tc.text + `"}`
			p.conn.SendRaw(false, []byte(raw))
			if m := p.nextOf("error"); m.ID != id || m.Code != tc.code {
				t.Errorf("reply %+v, want %s", m, tc.code)
			}
		})
	}
	if n := len(storedInputs(t, ts, f)); n != 0 {
		t.Errorf("stored %d altered answers", n)
	}
	t.Run("InvalidUTF8ClosesWith1007", func(t *testing.T) {
		raw := []byte(`{"type":"submit","id":"` + newID() + `","question":"` + q + `","text":"Trasig `)
		raw = append(raw, 0xff, 0xfe)
		raw = append(raw, []byte(` text"}`)...)
		p.conn.SendRaw(false, raw)
		if err := p.closed(); liveclient.CloseCode(err) != live.CloseInvalidUTF8 {
			t.Errorf("closed with %v, want 1007", err)
		}
	})
}

// A page that speaks a protocol this server no longer does is told to
// reload; a page of the previous version (no version in its handshake, as
// one kept by the service worker from before) is still served: it gets a
// snapshot on every connect, and its acknowledgements by id.
func TestProtocolVersions(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	t.Run("TooNewOrTooOld", func(t *testing.T) {
		for _, v := range []string{"0", "99"} {
			c := mustDial(t, ts.URL, "/ws/table/"+f.Table(0).Code+"?v="+v, nil)
			if m := c.nextOf("error"); m.Code != "reload" || m.Message == "" {
				t.Errorf("v=%s: reply %+v, want reload", v, m)
			}
			if err := c.closed(); liveclient.CloseCode(err) != live.CloseReload {
				t.Errorf("v=%s: closed with %v, want %d", v, err, live.CloseReload)
			}
		}
	})
	t.Run("Version1", func(t *testing.T) {
		old := mustDial(t, ts.URL, "/ws/table/"+f.Table(0).Code+"?v=1", nil)
		seq := old.nextOf("snapshot").Seq
		id := newID()
		old.send(submitMsg(f, id, "Från en gammal sida"))
		if m := old.nextOf("ack"); m.ID != id || m.Seq != 0 {
			t.Errorf("ack %+v", m)
		}
		// Its cursor has no timeline: it is never resumed into one it cannot name.
		again := mustDial(t, ts.URL, fmt.Sprintf("/ws/table/%s?since=%d", f.Table(0).Code, seq), nil)
		if m := again.next(); m.Type != "snapshot" {
			t.Errorf("a version 1 page reconnecting got %q, want a snapshot", m.Type)
		}
	})
}

// A phone that sends far faster than it reads (pipelining) is slowed, never
// closed: every answer is acknowledged or refused with "try again".
func TestPipeliningPhoneIsSlowedNotClosed(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	p.stopReading()
	const n = 600
	ids := make([]string, n)
	for i := range ids {
		ids[i] = newID()
		p.send(submitMsg(f, ids[i], fmt.Sprintf("Svar nummer %d i ett svep", i)))
	}
	for i := 0; i < 200; i++ {
		p.send(map[string]any{"type": "ping"})
	}
	p.startReading()
	acked, retry, pongs := 0, 0, 0
	for acked+retry < n || pongs < 200 {
		m := p.nextWithin(30 * time.Second)
		switch {
		case m.Type == "ack":
			acked++
		case m.Type == "error" && m.Retry:
			retry++
		case m.Type == "pong":
			pongs++
		case m.Type == "error":
			t.Fatalf("refused for good: %+v", m)
		}
	}
	if acked == 0 {
		t.Error("nothing was acknowledged")
	}
	t.Logf("%d acknowledged, %d told to try again, %d pongs", acked, retry, pongs)
	p.send(map[string]any{"type": "ping"})
	p.nextOf("pong") // still open
	if st := ts.hub.Stats(); st.Dropped != 0 {
		t.Errorf("%d connections dropped", st.Dropped)
	}
	if n := len(storedInputs(t, ts, f)); n != acked {
		t.Errorf("stored %d, acknowledged %d", n, acked)
	}
}

// After a restore from a backup the database hands out numbers again that
// clients have already seen for other changes; such a client must start
// from a snapshot, not resume into the other timeline.
func TestRestoredBackupGivesOldCursorsASnapshot(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	submit := func(p *wsClient, text string) {
		p.send(submitMsg(f, newID(), text))
		p.nextOf("ack")
	}
	for i := 0; i < 10; i++ {
		submit(p, fmt.Sprintf("Före kopian %d", i))
	}
	backup := filepath.Join(t.TempDir(), "kopia.db")
	if _, err := ts.store.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		submit(p, fmt.Sprintf("Efter kopian %d", i))
	}
	d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	seen := cursorOf(d.nextOf("snapshot"))

	// Restore, as README says: a data folder holding only the copy.
	dir := t.TempDir()
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "samrad.db"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	restored := serveStore(t, store, nil)
	rp := phone(t, restored, f.Table(0), -1)
	rp.nextOf("snapshot")
	for i := 0; i < 12; i++ {
		submit(rp, fmt.Sprintf("Efter återställningen %d", i))
	}
	rb := restored.browser(t)
	rb.login(adminEmail, adminPassword)
	back := mustDial(t, restored.URL, "/ws/workshop/"+f.WorkshopID()+"?"+seen.Query(), rb.cookieHeader())
	m := back.next()
	if m.Type != "snapshot" {
		t.Fatalf("a dashboard of the old timeline got %q with %d changes, want a snapshot", m.Type, len(m.Changes))
	}
	if got := len(decode[dashSnapshot](t, m.Data).Inputs); got != 22 {
		t.Errorf("snapshot with %d inputs, want the 10 restored and 12 new", got)
	}
}

// Clients resume across a restart from the rows, and a phone at a quiet
// table resumes however much happened at other tables meanwhile.
func TestResumeAcrossRestartAndQuietTable(t *testing.T) {
	store := testutil.MustOpenStore(t)
	ts := serveStore(t, store, nil)
	f := ts.workshop(t)
	quiet := phone(t, ts, f.Table(2), -1)
	left := cursorOf(quiet.nextOf("snapshot"))
	quiet.conn.Close()
	// Far more than any in-memory history would hold, at the other tables.
	const n = 5000
	var wg sync.WaitGroup
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += 50 {
				s := &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: f.Table(i % 2).ID, QuestionID: f.Question(0).ID,
					ID: newID(), Text: fmt.Sprintf("Ett annat bord svarar %d", i)}
				if _, err := writer.Run(context.Background(), ts.writer, s); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	mine := phone(t, ts, f.Table(2), -1)
	mine.nextOf("snapshot")
	mine.send(submitMsg(f, newID(), "Det tysta bordet säger något"))
	mine.nextOf("ack")

	// Restart: a new server process on the same database.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ts.srv.Shutdown(ctx)
	ts.writer.Close()
	again := serveStore(t, store, nil)
	back := phoneAt(t, again, f.Table(2), left)
	m := back.next()
	if m.Type != "resume" {
		t.Fatalf("the quiet table's phone got %q after a restart and %d changes elsewhere, want a resume", m.Type, n)
	}
	if len(m.Changes) != 1 || decode[domain.TableInput](t, m.Changes[0].Data).Text != "Det tysta bordet säger något" {
		t.Errorf("resume with %d changes, want only the table's own answer", len(m.Changes))
	}
}

// Shutting down answers what was read before it closes: a phone that sent
// answers at SIGTERM is told of every one that was committed.
func TestShutdownAcknowledgesCommittedWork(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	// Each connection's messages are handled one after another, so many
	// phones make many answers in flight at once.
	const phones, each = 100, 3
	ps := make([]*wsClient, phones)
	sent := make([][]string, phones)
	for i := range ps {
		ps[i] = phone(t, ts, f.Table(i%3), -1)
		ps[i].nextOf("snapshot")
	}
	for i, p := range ps {
		for j := 0; j < each; j++ {
			id := newID()
			sent[i] = append(sent[i], id)
			p.send(submitMsg(f, id, fmt.Sprintf("Telefon %d svar %d", i, j)))
		}
	}
	// Shut down while the answers are being committed.
	acked := map[string]bool{}
	first := ps[0].nextOf("ack")
	acked[first.ID] = true
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	go ts.srv.Shutdown(ctx)
	for _, p := range ps {
		for m := range p.incoming {
			if m.Type == "ack" {
				acked[m.ID] = true
			}
		}
		if code := liveclient.CloseCode(p.closeErr); code != live.CloseServerRestart {
			t.Errorf("closed with %v, want 1012", p.closeErr)
		}
	}
	ts.writer.Close()
	stored := storedInputs(t, ts, f)
	for _, in := range stored {
		if !acked[in.ID] {
			t.Errorf("answer %s was committed but never acknowledged", in.ID)
		}
	}
	t.Logf("%d sent, %d committed, all acknowledged", phones*each, len(stored))
}

// Rights are checked on open connections too: a command after access was
// taken away is refused, and the connection closes within seconds of a
// logout, a deactivation or an access removal.
func TestRightsAreCheckedOnOpenSockets(t *testing.T) {
	ts := newServer(t)
	ts.hub.RecheckEvery = 100 * time.Millisecond
	ts.withAdmin(t)
	f := ts.workshop(t)
	ctx := context.Background()
	grant := func(u domain.User) {
		ts.assign(t, domain.KindWorkshop, f.WorkshopID(), u.ID)
	}
	dashboardOf := func(email, password string) *wsClient {
		b := ts.browser(t)
		b.login(email, password)
		d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
		d.nextOf("snapshot")
		return d
	}
	closedWith := func(t *testing.T, d *wsClient, code int) {
		t.Helper()
		if err := d.closed(); liveclient.CloseCode(err) != code {
			t.Errorf("closed with %v, want %d", err, code)
		}
	}

	t.Run("Logout", func(t *testing.T) {
		b := ts.browser(t)
		b.login(adminEmail, adminPassword)
		d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
		d.nextOf("snapshot")
		b.postForm("/admin", "/logout", url.Values{})
		closedWith(t, d, live.CloseRevoked)
	})
	t.Run("Deactivated", func(t *testing.T) {
		u := ts.withUser(t, "anna@example.se", "ett annat långt lösenord", domain.RoleFacilitator)
		grant(u)
		d := dashboardOf("anna@example.se", "ett annat långt lösenord")
		ts.do(t, &accounts.UpdateUser{UserID: u.ID, Role: domain.RoleFacilitator, Active: false})
		d.send(map[string]any{"type": "workshop", "req": "r1", "state": "closed"})
		closedWith(t, d, live.CloseRevoked)
		if w, _ := ts.store.Workshop(ctx, f.WorkshopID()); w.State != domain.WorkshopOpen {
			t.Errorf("a deactivated user closed the workshop")
		}
	})
	t.Run("AccessRemoved", func(t *testing.T) {
		u := ts.withUser(t, "bo@example.se", "ett tredje långt lösenord", domain.RoleReader)
		grant(u)
		d := dashboardOf("bo@example.se", "ett tredje långt lösenord")
		ts.do(t, &accounts.Revoke{Kind: domain.KindWorkshop, EventID: f.WorkshopID(), UserID: u.ID})
		closedWith(t, d, live.CloseRevoked)
	})
	t.Run("RoleLoweredToReader", func(t *testing.T) {
		u := ts.withUser(t, "cecilia@example.se", "ett fjärde långt lösenord", domain.RoleFacilitator)
		grant(u)
		d := dashboardOf("cecilia@example.se", "ett fjärde långt lösenord")
		// Changing a role ends the user's sessions; the connection closes.
		ts.do(t, &accounts.UpdateUser{UserID: u.ID, Role: domain.RoleReader, Active: true})
		closedWith(t, d, live.CloseRevoked)
	})
}

// The event-wide code leads to every table; a table's phones never get it.
func TestPhonesDoNotGetTheEventCode(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	m := p.nextOf("snapshot")
	if strings.Contains(string(m.Data), f.Snapshot.Workshop.JoinCode) {
		t.Errorf("the phone's snapshot holds the event code: %s", m.Data)
	}
	ws := &workshop.SetState{WorkshopID: f.WorkshopID(), State: domain.WorkshopClosed}
	if err := ts.writer.Do(context.Background(), ws); err != nil {
		t.Fatal(err)
	}
	if c := p.nextOf("workshop"); strings.Contains(string(c.Data), f.Snapshot.Workshop.JoinCode) {
		t.Errorf("the phone's workshop change holds the event code: %s", c.Data)
	}
}
