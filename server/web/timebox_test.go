package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/workshop"
)

// timeboxQuestion is a question as live clients get it, with the server's clock.
type timeboxQuestion struct {
	domain.Question
	Now time.Time `json:"now"`
}

// facilitator logs in an administrator: a browser for the workshop page and
// a dashboard socket past its snapshot.
func timeboxFacilitator(t *testing.T, ts *testServer, f testutil.Fixture) (*browser, *wsClient) {
	t.Helper()
	ts.withAdmin(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	d.nextOf("snapshot")
	return b, d
}

// setTimebox saves a question's time box through the workshop page.
func postTimebox(t *testing.T, b *browser, f testutil.Fixture, q domain.Question, duration string, auto bool) response {
	t.Helper()
	form := url.Values{"duration": {duration}}
	if auto {
		form.Set("auto_close", "on")
	}
	page := "/admin/workshops/" + f.WorkshopID()
	return b.postForm(page, page+"/questions/"+q.ID+"/timebox", form)
}

// replyAndChanges reads a dashboard's messages until the reply to its
// command and n changes of type typ have come, in whatever order: the
// changes are published as the reply is written.
func replyAndChanges(t *testing.T, c *wsClient, typ string, n int) (message, []message) {
	t.Helper()
	var reply message
	var changes []message
	for reply.Type == "" || len(changes) < n {
		switch m := c.next(); m.Type {
		case "ok", "error":
			reply = m
		case typ:
			changes = append(changes, m)
		}
	}
	return reply, changes
}

// nextQuestionChange waits for the next change of question id.
func nextQuestionChange(t *testing.T, c *wsClient, id string) timeboxQuestion {
	t.Helper()
	for {
		m := c.nextOf("question")
		if q := decode[timeboxQuestion](t, m.Data); q.ID == id {
			return q
		}
	}
}

// Opening a question with a duration sends its deadline with the server's
// clock, in changes, snapshots and resumes alike, to phones and dashboards.
func TestTimeboxDeadlineAndServerClockReachEveryone(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b, d := timeboxFacilitator(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	opening := p.nextOf("snapshot")
	q := f.Question(1)

	for _, bad := range []string{"tio", "2:75", "181", "-3"} {
		if res := postTimebox(t, b, f, q, bad, true); res.Status != http.StatusBadRequest || !strings.Contains(res.Body, "högst 180 minuter") {
			t.Errorf("duration %q: status %d", bad, res.Status)
		}
	}
	if res := postTimebox(t, b, f, q, "2:30", true); res.Status != http.StatusSeeOther {
		t.Fatalf("set time box: status %d", res.Status)
	}
	for name, c := range map[string]*wsClient{"dashboard": d, "phone": p} {
		if set := nextQuestionChange(t, c, q.ID); set.Duration != 150 || !set.AutoClose || set.Deadline != nil {
			t.Fatalf("%s: a pending question with a time box: %+v", name, set)
		}
	}
	if page := b.get("/admin/workshops/" + f.WorkshopID()); !strings.Contains(page.Body, "Tidsgräns 2:30, stängs automatiskt") {
		t.Error("the workshop page does not show the time box")
	}

	d.send(map[string]any{"type": "question", "req": "open", "item": q.ID, "state": "open"})
	_, changes := replyAndChanges(t, d, "question", 1)
	opened := map[string]timeboxQuestion{"dashboard": decode[timeboxQuestion](t, changes[0].Data), "phone": nextQuestionChange(t, p, q.ID)}
	for name, got := range opened {
		if got.Deadline == nil || got.Now.IsZero() {
			t.Fatalf("%s: no deadline or server clock in %+v", name, got)
		}
		if left := got.Deadline.Sub(got.Now); left < 148*time.Second || left > 150*time.Second {
			t.Errorf("%s: %s left of 2:30 just after opening", name, left)
		}
	}

	// A phone that connects now gets it in its snapshot, with the clock.
	snap := phone(t, ts, f.Table(1), -1).nextOf("snapshot")
	data := decode[struct {
		Questions []domain.Question `json:"questions"`
		Now       time.Time         `json:"now"`
	}](t, snap.Data)
	if data.Now.IsZero() || data.Questions[1].Deadline == nil || data.Questions[1].Deadline.Sub(data.Now) > 150*time.Second {
		t.Errorf("snapshot: now %v, question %+v", data.Now, data.Questions[1])
	}
	// A phone that resumes gets the change, with the clock of when it was sent.
	again := phoneAt(t, ts, f.Table(0), cursorOf(opening))
	if m := again.next(); m.Type != "resume" {
		t.Fatalf("expected a resume, got %s", m.Type)
	}
	if got := nextQuestionChange(t, again, q.ID); got.Deadline == nil || got.Now.IsZero() {
		t.Errorf("resume: %+v", got)
	}

	// Closing it stops the countdown.
	d.send(map[string]any{"type": "question", "req": "close", "item": q.ID, "state": "closed"})
	if got := nextQuestionChange(t, d, q.ID); got.Deadline != nil || !got.Now.IsZero() {
		t.Errorf("a closed question still counts down: %+v", got)
	}
}

// At zero a question set to close by itself is closed by the server, which
// says so in the audit log; one that is not set to stays open.
func TestTimeboxClosesItselfAtZero(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b, d := timeboxFacilitator(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	stays, closes := f.Question(2), f.Question(1)
	postTimebox(t, b, f, stays, "0:01", false)
	postTimebox(t, b, f, closes, "0:02", true)
	for _, q := range []domain.Question{stays, closes} {
		d.send(map[string]any{"type": "question", "req": "open", "item": q.ID, "state": "open"})
		d.nextOf("ok")
	}
	for name, c := range map[string]*wsClient{"dashboard": d, "phone": p} {
		for {
			got := nextQuestionChange(t, c, closes.ID)
			if got.State == domain.QuestionClosed {
				if got.Deadline != nil {
					t.Errorf("%s: closed with a deadline", name)
				}
				break
			}
		}
	}
	var closed []domain.AuditEntry
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		if e.Action == "question.time_out" {
			closed = append(closed, e)
		}
	}
	if len(closed) != 1 || closed[0].Actor != domain.TimeboxActor || closed[0].ObjectID != closes.ID {
		t.Fatalf("audit of the automatic close: %+v", closed)
	}
	snap, err := ts.store.Snapshot(context.Background(), f.WorkshopID(), "-")
	if err != nil {
		t.Fatal(err)
	}
	if q := snap.Questions[2]; q.State != domain.QuestionOpen || q.Deadline == nil {
		t.Errorf("the question without automatic closing: %+v", q)
	}
}

// A deadline that passes while the server is down closes its question when
// the server starts again.
func TestTimeboxClosesAfterARestart(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 2)
	q := f.Question(1)
	ctx := context.Background()
	for _, cmd := range []audit.Command{
		&workshop.SetTimebox{WorkshopID: f.WorkshopID(), QuestionID: q.ID, Duration: 1, AutoClose: true},
		&workshop.SetQuestionState{WorkshopID: f.WorkshopID(), QuestionID: q.ID, State: domain.QuestionOpen},
	} {
		if err := w.Do(ctx, audit.Audited{Command: cmd, Actor: domain.SystemActor}); err != nil {
			t.Fatal(err)
		}
	}
	// The server that set it stops before the time is out (this writer has no closer).
	w.Close()
	deadline := time.Now().Add(1100 * time.Millisecond)
	for time.Now().Before(deadline) {
		time.Sleep(time.Until(deadline))
	}

	ts := serveStore(t, store, nil)
	wait := time.Now().Add(5 * time.Second)
	for {
		snap, err := ts.store.Snapshot(ctx, f.WorkshopID(), "-")
		if err != nil {
			t.Fatal(err)
		}
		if snap.Questions[1].State == domain.QuestionClosed {
			break
		}
		if time.Now().After(wait) {
			t.Fatal("the question whose time ran out while the server was down is still open")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// "Nästa fråga" closes the open question and opens the next as one change:
// consecutive numbers, one audit entry; at the last question it refuses.
func TestNextQuestionInOneStep(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	b, d := timeboxFacilitator(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	postTimebox(t, b, f, f.Question(1), "5", false)
	d.nextOf("question")
	p.nextOf("question")

	d.send(map[string]any{"type": "next_question", "req": "n1"})
	reply, staff := replyAndChanges(t, d, "question", 2)
	if reply.Type != "ok" || reply.Req != "n1" {
		t.Fatalf("reply %+v", reply)
	}
	seen := map[string][]message{"dashboard": staff, "phone": {p.nextOf("question"), p.nextOf("question")}}
	for name, got := range seen {
		first, second := got[0], got[1]
		a, b := decode[timeboxQuestion](t, first.Data), decode[timeboxQuestion](t, second.Data)
		if second.Seq != first.Seq+1 || a.ID != f.Question(0).ID || a.State != domain.QuestionClosed ||
			b.ID != f.Question(1).ID || b.State != domain.QuestionOpen || b.Deadline == nil {
			t.Errorf("%s: %d %+v then %d %+v", name, first.Seq, a, second.Seq, b)
		}
	}
	var next []domain.AuditEntry
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		if e.Action == "question.next" {
			next = append(next, e)
		}
	}
	if len(next) != 1 || !strings.Contains(next[0].Before, f.Question(0).ID) || !strings.Contains(next[0].After, f.Question(1).ID) {
		t.Fatalf("audit: %+v", next)
	}

	for i := 0; i < 2; i++ {
		d.send(map[string]any{"type": "next_question", "req": "n"})
		if reply, _ := replyAndChanges(t, d, "question", 2); reply.Type != "ok" {
			t.Fatalf("next question %d: %+v", i+3, reply)
		}
	}
	d.send(map[string]any{"type": "next_question", "req": "last"})
	if m := d.nextOf("error"); m.Req != "last" || m.Code != "no_next_question" {
		t.Fatalf("at the last question: %+v", m)
	}
}

// Rounds give each table a theme, rotate it with "Nästa runda", and each
// table's phones hear of their own table only.
func TestRoundsRotateAndEachTableGetsItsOwn(t *testing.T) {
	ts := newServer(t)
	f := testutil.MustWorkshop(t, ts.store, ts.writer, 4)
	_, d := timeboxFacilitator(t, ts, f)
	first, third := phone(t, ts, f.Table(0), -1), phone(t, ts, f.Table(2), -1)
	firstOpening := first.nextOf("snapshot")
	third.nextOf("snapshot")
	a, b := f.Theme(0), f.Theme(1)

	d.send(map[string]any{"type": "rounds", "req": "none", "action": "start", "themes": []string{}})
	if m := d.nextOf("error"); m.Code != "rounds_themes_required" {
		t.Fatalf("start without themes: %+v", m)
	}
	d.send(map[string]any{"type": "rounds", "req": "next", "action": "next"})
	if m := d.nextOf("error"); m.Code != "rounds_not_running" {
		t.Fatalf("next round before the first: %+v", m)
	}

	type want struct {
		round        int
		first, third string
	}
	for _, step := range []struct {
		action string
		want   want
	}{
		{"start", want{1, a.ID, b.ID}},
		{"next", want{2, b.ID, a.ID}},
		{"next", want{3, a.ID, b.ID}},
		{"stop", want{0, "", ""}},
	} {
		d.send(map[string]any{"type": "rounds", "req": step.action, "action": step.action, "themes": []string{a.ID, b.ID}})
		reply, changes := replyAndChanges(t, d, "table", 4)
		if reply.Type != "ok" {
			t.Fatalf("%s: %+v", step.action, reply)
		}
		staff := map[string]domain.Table{}
		for _, m := range changes {
			tb := decode[domain.Table](t, m.Data)
			staff[tb.ID] = tb
		}
		if staff[f.Table(1).ID].RoundTheme != step.want.first || staff[f.Table(3).ID].RoundTheme != step.want.third {
			t.Errorf("%s: staff see %+v", step.action, staff)
		}
		for _, c := range []struct {
			phone *wsClient
			table domain.Table
			theme string
		}{{first, f.Table(0), step.want.first}, {third, f.Table(2), step.want.third}} {
			got := decode[domain.Table](t, c.phone.nextOf("table").Data)
			if got.ID != c.table.ID || got.Round != step.want.round || got.RoundTheme != c.theme {
				t.Errorf("%s: %s got %+v, want round %d theme %s", step.action, c.table.Name, got, step.want.round, c.theme)
			}
		}
	}
	// Nothing of the other tables reached the phones.
	first.quiet(200 * time.Millisecond)
	third.quiet(100 * time.Millisecond)

	// A phone that was away resumes its own table's latest state.
	d.send(map[string]any{"type": "rounds", "req": "again", "action": "start", "themes": []string{b.ID, a.ID}})
	replyAndChanges(t, d, "table", 4)
	back := phoneAt(t, ts, f.Table(0), cursorOf(firstOpening))
	back.nextOf("resume")
	if got := decode[domain.Table](t, back.nextOf("table").Data); got.Round != 1 || got.RoundTheme != b.ID {
		t.Errorf("resumed table: %+v", got)
	}
	rounds := 0
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		if strings.HasPrefix(e.Action, "workshop.rounds_") {
			rounds++
		}
	}
	if rounds != 5 {
		t.Errorf("%d audited round actions, want 5", rounds)
	}
}
