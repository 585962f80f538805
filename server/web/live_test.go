package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/storage"
)

type phoneSnapshot struct {
	Workshop  domain.Workshop     `json:"workshop"`
	Table     domain.Table        `json:"table"`
	Questions []domain.Question   `json:"questions"`
	Themes    []domain.Theme      `json:"themes"`
	Inputs    []domain.TableInput `json:"inputs"`
}

type dashSnapshot struct {
	Inputs []domain.Input `json:"inputs"`
}

func phone(t *testing.T, ts *testServer, table domain.Table, since int64) *wsClient {
	t.Helper()
	return phoneAt(t, ts, table, liveclient.Cursor{Seq: since})
}

// phoneAt connects a phone that has followed the table up to cursor.
func phoneAt(t *testing.T, ts *testServer, table domain.Table, cursor liveclient.Cursor) *wsClient {
	t.Helper()
	return mustDial(t, ts.URL, "/ws/table/"+table.Code+"?"+cursor.Query(), nil)
}

// cursorOf is where a client stands after an opening message.
func cursorOf(m message) liveclient.Cursor { return liveclient.Cursor{Epoch: m.Epoch, Seq: m.Seq} }

func submitMsg(f testutil.Fixture, id, text string) map[string]any {
	return map[string]any{"type": "submit", "id": id, "question": f.Question(0).ID, "theme": "", "text": text}
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

func storedInputs(t *testing.T, ts *testServer, f testutil.Fixture) []domain.Input {
	t.Helper()
	snap, err := ts.store.Snapshot(context.Background(), f.WorkshopID(), storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	return snap.Inputs
}

func TestPhoneSubmitReachesDashboardAndTable(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)

	dash := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	dash.nextOf("snapshot")
	p1 := phone(t, ts, f.Table(0), -1)
	snap := decode[phoneSnapshot](t, p1.nextOf("snapshot").Data)
	if snap.Table.ID != f.Table(0).ID || len(snap.Questions) != 4 {
		t.Fatalf("phone snapshot: table %q, %d questions", snap.Table.Name, len(snap.Questions))
	}
	p1b := phone(t, ts, f.Table(0), -1) // a second phone at the same table
	p1b.nextOf("snapshot")
	p2 := phone(t, ts, f.Table(1), -1) // a phone at another table
	p2.nextOf("snapshot")

	id := newID()
	msg := submitMsg(f, id, "Vi samarbetar med Studieförbundet Vuxenskolan")
	msg["theme"] = f.Theme(1).ID
	p1.send(msg)
	ack := p1.nextOf("ack")
	if ack.ID != id || ack.Duplicate || ack.Seq != 0 || decode[domain.TableInput](t, ack.Data).Text != "Vi samarbetar med Studieförbundet Vuxenskolan" {
		t.Fatalf("ack %+v, want the stored input, matched by id and not numbered", ack)
	}

	in := decode[domain.Input](t, dash.nextOf("input").Data)
	if in.ID != id || in.ThemeID != f.Theme(1).ID || in.TableID != f.Table(0).ID {
		t.Errorf("dashboard got %+v", in)
	}
	mate := p1b.nextOf("input")
	if got := decode[domain.TableInput](t, mate.Data); got.Text != "Vi samarbetar med Studieförbundet Vuxenskolan" {
		t.Errorf("the other phone at the table got %+v", got)
	}
	if strings.Contains(string(mate.Data), "hidden") {
		t.Errorf("phones were sent moderation fields: %s", mate.Data)
	}
	p2.quiet(300 * time.Millisecond)
}

func TestIdempotentResend(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := newID()
	p.send(submitMsg(f, id, "Skickas två gånger"))
	first := p.nextOf("ack")
	// The phone did not see the ack (say) and sends again on a new connection.
	p2 := phone(t, ts, f.Table(0), -1)
	p2.nextOf("snapshot")
	p2.send(submitMsg(f, id, "Skickas två gånger"))
	second := p2.nextOf("ack")
	if !second.Duplicate || string(second.Data) != string(first.Data) {
		t.Errorf("resend ack %+v, want a duplicate of %s", second, first.Data)
	}
	if n := len(storedInputs(t, ts, f)); n != 1 {
		t.Errorf("stored %d inputs, want 1", n)
	}
}

func TestResumeAfterReconnect(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	left := cursorOf(p.nextOf("snapshot"))
	p.conn.Close()

	other := phone(t, ts, f.Table(0), -1)
	other.nextOf("snapshot")
	for _, text := range []string{"Medan du var borta 1", "Medan du var borta 2"} {
		other.send(submitMsg(f, newID(), text))
		other.nextOf("ack")
	}

	back := phoneAt(t, ts, f.Table(0), left)
	first := back.next()
	if first.Type != "resume" || first.Epoch != left.Epoch || first.Seq != left.Seq+2 || len(first.Changes) != 2 {
		t.Fatalf("first message %+v, want a resume from %d to %d with 2 changes", first, left.Seq, left.Seq+2)
	}
	for _, want := range []string{"Medan du var borta 1", "Medan du var borta 2"} {
		m := back.nextOf("input")
		if got := decode[domain.TableInput](t, m.Data).Text; got != want || m.Seq <= left.Seq {
			t.Errorf("missed change: %q at seq %d, want %q after %d", got, m.Seq, want, left.Seq)
		}
	}

	t.Run("StaleSequenceGetsSnapshot", func(t *testing.T) {
		c := phoneAt(t, ts, f.Table(0), liveclient.Cursor{Epoch: left.Epoch, Seq: 1_000_000})
		m := c.next()
		if m.Type != "snapshot" || len(decode[phoneSnapshot](t, m.Data).Inputs) != 2 {
			t.Errorf("a client ahead of the server got %q, want a full snapshot", m.Type)
		}
	})
	t.Run("OtherTimelineGetsSnapshot", func(t *testing.T) {
		c := phoneAt(t, ts, f.Table(0), liveclient.Cursor{Epoch: "another", Seq: left.Seq})
		if m := c.next(); m.Type != "snapshot" {
			t.Errorf("a client of another timeline got %q, want a snapshot", m.Type)
		}
	})
}

func TestTableSeesOnlyItsOwnInput(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p1 := phone(t, ts, f.Table(0), -1)
	p1.nextOf("snapshot")
	p1.send(submitMsg(f, newID(), "Hemligt för bord 2"))
	p1.nextOf("ack")

	p2 := phone(t, ts, f.Table(1), -1)
	snap := decode[phoneSnapshot](t, p2.nextOf("snapshot").Data)
	if len(snap.Inputs) != 0 {
		t.Errorf("table 2 sees %d inputs of table 1", len(snap.Inputs))
	}
	// Even an explicit id of table 1's input cannot be read back by table 2.
	theirs := storedInputs(t, ts, f)[0]
	p2.send(submitMsg(f, theirs.ID, "x"))
	if m := p2.nextOf("error"); m.Code != "id_invalid" || strings.Contains(m.Message, "Hemligt") {
		t.Errorf("reply %+v", m)
	}
}

func TestSubmitValidation(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")

	cases := []struct {
		name string
		raw  string
		msg  map[string]any
		code string
	}{
		{"ErrTextEmpty", "", submitMsg(f, newID(), "   "), "text_required"},
		{"ErrTextTooLong", "", submitMsg(f, newID(), strings.Repeat("ä", domain.MaxInputRunes+1)), "text_too_long"},
		{"ErrUnknownQuestion", "", map[string]any{"type": "submit", "id": newID(), "question": newID(), "text": "x"}, "question_not_found"},
		{"ErrClosedQuestion", "", map[string]any{"type": "submit", "id": newID(), "question": f.Question(1).ID, "text": "x"}, "question_closed"},
		{"ErrBadID", "", submitMsg(f, "123", "x"), "id_invalid"},
		{"ErrMalformedJSON", `{"type":"submit",`, nil, "message_invalid"},
		{"ErrUnknownField", `{"type":"submit","admin":true}`, nil, "message_invalid"},
		{"ErrUnknownType", `{"type":"moderate","item":"x","action":"hide"}`, nil, "message_invalid"},
		{"ErrOversized", `{"type":"submit","text":"` + strings.Repeat("x", 20_000) + `"}`, nil, "message_too_large"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.msg != nil {
				p.send(tc.msg)
			} else if err := p.conn.SendRaw(false, []byte(tc.raw)); err != nil {
				t.Fatal(err)
			}
			m := p.nextOf("error")
			if m.Code != tc.code {
				t.Fatalf("code %q (%s), want %s", m.Code, m.Message, tc.code)
			}
			if m.Message == "" || m.Message == "error."+tc.code || m.Retry {
				t.Errorf("message %q retry=%v: want a Swedish explanation and no retry", m.Message, m.Retry)
			}
		})
	}
	if n := len(storedInputs(t, ts, f)); n != 0 {
		t.Errorf("bad input stored %d rows", n)
	}
	t.Run("MessageNamesTheLimit", func(t *testing.T) {
		p.send(submitMsg(f, newID(), strings.Repeat("å", 2500)))
		if m := p.nextOf("error"); !strings.Contains(m.Message, "2\u00a0000") || !strings.Contains(m.Message, "2\u00a0500") {
			t.Errorf("message %q should state the limit and the length", m.Message)
		}
	})
	t.Run("ConnectionSurvivesBadInput", func(t *testing.T) {
		p.send(submitMsg(f, newID(), "Nu rätt"))
		p.nextOf("ack")
	})
	t.Run("BinaryMessage", func(t *testing.T) {
		p.conn.SendRaw(true, []byte{1, 2, 3})
		if m := p.nextOf("error"); m.Code != "message_invalid" {
			t.Errorf("code %q", m.Code)
		}
	})
	t.Run("OverHardLimitClosesConnection", func(t *testing.T) {
		p.conn.SendRaw(false, []byte(strings.Repeat("x", 70_000)))
		if err := p.closed(); liveclient.CloseCode(err) != 1009 {
			t.Errorf("closed with %v, want 1009 (message too big)", err)
		}
	})
}

func TestWrongCodes(t *testing.T) {
	ts := newServer(t)
	ts.workshop(t)
	b := ts.browser(t)
	if res := b.get("/t/ZZZZZZ"); res.Status != http.StatusNotFound || !strings.Contains(res.Body, "Bordet finns inte") {
		t.Errorf("unknown table page: %d", res.Status)
	}
	if _, status, err := dial(t, ts.URL, "/ws/table/ZZZZZZ", nil); err == nil || status != http.StatusNotFound {
		t.Errorf("websocket with a wrong code: err=%v", err)
	}
	if res := b.get("/join?code=nope"); res.Status != http.StatusNotFound || !strings.Contains(res.Body, "Koden finns inte") {
		t.Errorf("join with a wrong code: %d", res.Status)
	}
	// Guessing is limited per address: after 30 failures, even right codes wait.
	for i := 0; i < 30; i++ {
		b.get("/t/ZZZZZZ")
	}
	if res := b.get("/t/ZZZZZZ"); res.Status != http.StatusTooManyRequests {
		t.Errorf("after 31 wrong codes: status %d, want 429", res.Status)
	}
}

func TestJoinByCode(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	lower := strings.ToLower(f.Table(1).Code)
	if res := b.get("/join?code=" + lower[:3] + "+" + lower[3:]); res.Status != http.StatusSeeOther || res.Location != "/t/"+f.Table(1).Code {
		t.Errorf("typed table code: %d → %q", res.Status, res.Location)
	}
	if res := b.get("/join?code=" + f.Snapshot.Workshop.JoinCode); res.Location != "/e/"+f.Snapshot.Workshop.JoinCode {
		t.Errorf("typed event code → %q", res.Location)
	}
	res := b.get("/e/" + f.Snapshot.Workshop.JoinCode)
	for _, tb := range f.Snapshot.Tables {
		if !strings.Contains(res.Body, "/t/"+tb.Code) {
			t.Errorf("table picker lacks %s", tb.Name)
		}
	}
	if page := b.get("/t/" + f.Table(0).Code); page.Status != 200 || !strings.Contains(page.Body, `lang="sv"`) || !strings.Contains(page.Body, "Bord 1") {
		t.Errorf("table page: %d", page.Status)
	}
}

func TestDashboardModeration(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := newID()
	p.send(submitMsg(f, id, "Flytta mig"))
	p.nextOf("ack")

	d1 := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	snap := decode[dashSnapshot](t, d1.nextOf("snapshot").Data)
	if len(snap.Inputs) != 1 {
		t.Fatalf("dashboard snapshot has %d inputs", len(snap.Inputs))
	}
	d2 := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	d2.nextOf("snapshot")

	d1.send(map[string]any{"type": "moderate", "req": "r1", "item": id, "action": "move", "theme": f.Theme(2).ID})
	if ok := d1.nextOf("ok"); ok.Req != "r1" {
		t.Errorf("reply %+v", ok)
	}
	if in := decode[domain.Input](t, d2.nextOf("input").Data); in.ThemeID != f.Theme(2).ID {
		t.Errorf("second facilitator saw theme %q, want %q", in.ThemeID, f.Theme(2).ID)
	}
	p.quiet(300 * time.Millisecond) // moderation is not the table's business

	d1.send(map[string]any{"type": "moderate", "req": "r2", "item": id, "action": "fly"})
	if m := d1.nextOf("error"); m.Req != "r2" || m.Code != "action_invalid" {
		t.Errorf("reply %+v", m)
	}
	d1.send(map[string]any{"type": "question", "req": "r3", "item": f.Question(1).ID, "state": "open"})
	d1.nextOf("ok")
	if q := decode[domain.Question](t, p.nextOf("question").Data); q.ID != f.Question(1).ID || q.State != domain.QuestionOpen {
		t.Errorf("phone saw %+v, want question 2 open", q)
	}
}

func TestShutdownTellsClientsToReconnect(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	go ts.srv.Shutdown(ctx)
	if err := p.closed(); liveclient.CloseCode(err) != live.CloseServerRestart {
		t.Errorf("closed with %v, want 1012 (service restart)", err)
	}
}

// A room reconnecting at once (after a restart, or when the Wi-Fi returns)
// comes from one address; successful joins must never count as guessing.
func TestManyPhonesFromOneAddressAtOnce(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	// Far more than the 30 failures a minute the limiter allows, and few
	// enough to connect in time under the race detector on a busy machine.
	const n = 300
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			c, status, err := dial(t, ts.URL, "/ws/table/"+f.Table(i%3).Code, nil)
			if err != nil {
				errs <- fmt.Errorf("status %d: %w", status, err)
				return
			}
			c.conn.Close()
			errs <- nil
		}()
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Fatalf("phone %d could not join: %v", i, err)
		}
	}
}
