package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// newClockedServer is the real server with a clock the test moves.
func newClockedServer(t *testing.T) (*testServer, *testClock) {
	t.Helper()
	clock := &testClock{now: time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC)}
	ts := serveStore(t, testutil.MustOpenStore(t), func(cfg *web.Config, store *storage.Store) {
		cfg.Now = clock.Now
		store.SetClock(clock.Now)
	})
	return ts, clock
}

func inputByID(t *testing.T, ts *testServer, f testutil.Fixture, id string) domain.Input {
	t.Helper()
	for _, in := range storedInputs(t, ts, f) {
		if in.ID == id {
			return in
		}
	}
	t.Fatalf("input %s not stored", id)
	return domain.Input{}
}

// A table corrects and withdraws its own answers within five minutes of
// the server storing them; other tables cannot, nor can it later; a resend
// from the outbox changes nothing; facilitators keep the original.
func TestTableCorrectsAndWithdrawsItsAnswer(t *testing.T) {
	ts, clock := newClockedServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	dash := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	dash.nextOf("snapshot")
	p1 := phone(t, ts, f.Table(0), -1)
	p1.nextOf("snapshot")
	mate := phone(t, ts, f.Table(0), -1) // another phone at the same table
	mate.nextOf("snapshot")
	other := phone(t, ts, f.Table(1), -1)
	other.nextOf("snapshot")

	id := newID()
	msg := submitMsg(f, id, "Mer läxhjälp i skolan")
	msg["theme"] = f.Theme(2).ID
	p1.send(msg)
	if got := decode[domain.TableInput](t, p1.nextOf("ack").Data); got.ChosenTheme != f.Theme(2).ID {
		t.Errorf("ack has chosen theme %q, want %q", got.ChosenTheme, f.Theme(2).ID)
	}
	mate.nextOf("input")
	dash.nextOf("input")

	// Four minutes later the table corrects it.
	clock.Set(clock.Now().Add(4 * time.Minute))
	correct := map[string]any{"type": "correct", "req": "c1", "item": id, "text": "Mer läxhjälp efter skolan"}
	p1.send(correct)
	ok := p1.nextOf("ok")
	if got := decode[domain.TableInput](t, ok.Data); ok.Req != "c1" || got.Text != "Mer läxhjälp efter skolan" || !got.Corrected {
		t.Fatalf("reply %+v %s, want the corrected answer", ok, ok.Data)
	}
	if got := decode[domain.TableInput](t, mate.nextOf("input").Data); got.Text != "Mer läxhjälp efter skolan" || !got.Corrected {
		t.Errorf("the other phone at the table saw %+v", got)
	}
	seen := decode[domain.Input](t, dash.nextOf("input").Data)
	if seen.Text != "Mer läxhjälp efter skolan" || seen.Original != "Mer läxhjälp i skolan" || seen.ThemeID != f.Theme(2).ID {
		t.Errorf("dashboard saw %+v, want the correction with the original kept", seen)
	}
	seq := inputByID(t, ts, f, id).Seq

	// Another table cannot touch it, and learns nothing about it.
	other.send(map[string]any{"type": "withdraw", "req": "w0", "item": id})
	if e := other.nextOf("error"); e.Req != "w0" || e.Code != "input_not_found" || e.Retry {
		t.Errorf("another table's withdrawal: %+v", e)
	}

	// The phone was offline and did not see the reply: its outbox sends the
	// same correction again, after the window has closed. Nothing changes.
	clock.Set(clock.Now().Add(2 * time.Minute))
	again := phone(t, ts, f.Table(0), -1)
	again.nextOf("snapshot")
	correct["req"] = "c1-again"
	again.send(correct)
	if ok := again.nextOf("ok"); decode[domain.TableInput](t, ok.Data).Text != "Mer läxhjälp efter skolan" {
		t.Errorf("resend reply %s", ok.Data)
	}
	if in := inputByID(t, ts, f, id); in.Seq != seq || in.Original != "Mer läxhjälp i skolan" {
		t.Errorf("resend wrote: seq %d → %d, original %q", seq, in.Seq, in.Original)
	}
	dash.quiet(200 * time.Millisecond)

	// Six minutes after sending, a new correction or a withdrawal is refused.
	for _, m := range []map[string]any{
		{"type": "correct", "req": "c2", "item": id, "text": "Något helt annat"},
		{"type": "withdraw", "req": "w1", "item": id},
	} {
		p1.send(m)
		if e := p1.nextOf("error"); e.Req != m["req"] || e.Code != "change_window_closed" || e.Retry || !strings.Contains(e.Message, "5 minuter") {
			t.Errorf("%s after the window: %+v", m["type"], e)
		}
	}

	// A new answer is withdrawn at once: gone for the table, hidden and
	// marked for facilitators, who cannot show it again.
	id2 := newID()
	p1.send(submitMsg(f, id2, "Fel fråga, förlåt"))
	p1.nextOf("ack")
	mate.nextOf("input")
	dash.nextOf("input")
	p1.send(map[string]any{"type": "withdraw", "req": "w2", "item": id2})
	if got := decode[domain.TableInput](t, p1.nextOf("ok").Data); !got.Withdrawn {
		t.Errorf("withdraw reply %+v", got)
	}
	if got := decode[domain.TableInput](t, mate.nextOf("input").Data); !got.Withdrawn {
		t.Errorf("the other phone saw %+v", got)
	}
	if got := decode[domain.Input](t, dash.nextOf("input").Data); !got.Withdrawn || !got.Hidden || got.Text != "Fel fråga, förlåt" {
		t.Errorf("dashboard saw %+v", got)
	}
	p1.send(map[string]any{"type": "withdraw", "req": "w3", "item": id2}) // from the outbox again
	p1.nextOf("ok")
	dash.quiet(200 * time.Millisecond)
	p1.send(map[string]any{"type": "correct", "req": "c3", "item": id2, "text": "Ändå"})
	if e := p1.nextOf("error"); e.Code != "input_withdrawn" {
		t.Errorf("correcting a withdrawn answer: %+v", e)
	}
	dash.send(map[string]any{"type": "moderate", "req": "m1", "item": id2, "action": "show"})
	if e := dash.nextOf("error"); e.Req != "m1" || e.Code != "input_withdrawn" {
		t.Errorf("showing a withdrawn answer: %+v", e)
	}

	// The exports leave the withdrawn answer out and carry the correction.
	csv := b.get("/admin/workshops/" + f.WorkshopID() + "/export.csv").Body
	if strings.Contains(csv, "Fel fråga") || !strings.Contains(csv, "Mer läxhjälp efter skolan") {
		t.Errorf("CSV export:\n%s", csv)
	}
	// A phone that reconnects sees the withdrawal as well.
	late := phone(t, ts, f.Table(0), -1)
	for _, in := range decode[phoneSnapshot](t, late.nextOf("snapshot").Data).Inputs {
		if in.ID == id2 && !in.Withdrawn {
			t.Errorf("snapshot shows the withdrawn answer %+v", in)
		}
	}
}

// "N av M bord har svarat": tables with a visible answer to the open
// questions, or to any question while none is open, asked for by the
// dashboard and the projector over their websocket.
func TestTablesAnsweredProgress(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	dash := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	dash.nextOf("snapshot")
	n := 0
	progress := func() storage.Progress {
		t.Helper()
		n++
		req := "p" + string(rune('0'+n))
		dash.send(map[string]any{"type": "progress", "req": req})
		for {
			m := dash.next()
			if m.Type == "ok" && m.Req == req {
				return decode[storage.Progress](t, m.Data)
			}
			if m.Type == "error" {
				t.Fatalf("progress: %+v", m)
			}
		}
	}
	want := func(answered int, open ...string) {
		t.Helper()
		p := progress()
		if p.Answered != answered || p.Tables != 3 || strings.Join(p.Open, ",") != strings.Join(open, ",") {
			t.Errorf("progress %+v, want %d of 3 answered, open %v", p, answered, open)
		}
	}
	q1 := f.Question(0).ID
	want(0, q1)

	send := func(table int, text string) string {
		p := phone(t, ts, f.Table(table), -1)
		p.nextOf("snapshot")
		id := newID()
		p.send(submitMsg(f, id, text))
		p.nextOf("ack")
		return id
	}
	send(0, "Långsiktiga avtal")
	send(0, "Fler mötesplatser") // a second answer from the same table counts once
	hidden := send(1, "Testar bara")
	want(2, q1)

	dash.send(map[string]any{"type": "moderate", "req": "h", "item": hidden, "action": "hide"})
	dash.nextOf("ok")
	want(1, q1)

	// The next question opens: nobody has answered it yet.
	q2 := f.Question(1).ID
	dash.send(map[string]any{"type": "question", "req": "o", "item": q2, "state": "open"})
	dash.nextOf("ok")
	dash.send(map[string]any{"type": "question", "req": "c", "item": q1, "state": "closed"})
	dash.nextOf("ok")
	want(0, q2)

	// Nothing open: every question counts.
	dash.send(map[string]any{"type": "question", "req": "c2", "item": q2, "state": "closed"})
	dash.nextOf("ok")
	want(1)
}
