package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// Prioritising (prickröstning) through the real server: phones and
// dashboards on websockets, the writer, the database.

type phoneVoteSnapshot struct {
	Votes       []domain.Vote        `json:"votes"`
	VoteResults []domain.VoteResults `json:"voteResults"`
	Dots        []domain.TableDots   `json:"dots"`
}

// answer stores an answer from a table to question q.
func answer(t *testing.T, ts *testServer, f testutil.Fixture, table, q int, text string) domain.Input {
	t.Helper()
	res, err := writer.Run(context.Background(), ts.writer, &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: f.Table(table).ID,
		QuestionID: f.Question(q).ID, ID: newID(), Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return res.Input
}

// drain collects what a client receives until it has been quiet for a moment.
func drain(c *wsClient, quiet time.Duration) []message {
	var got []message
	for {
		select {
		case m, ok := <-c.incoming:
			if !ok {
				return got
			}
			if m.Type != "ping" {
				got = append(got, m)
			}
		case <-time.After(quiet):
			return got
		}
	}
}

func dot(vote, item string, delta int) map[string]any {
	return map[string]any{"type": "dot", "id": newID(), "vote": vote, "item": item, "delta": delta}
}

// skipped keeps the changes reply passed over, by client, so that a test
// can still check everything a phone was sent.
var skipped = map[*wsClient][]message{}

// reply waits for the answer to the dot with id (ack or error), skipping changes.
func reply(t *testing.T, c *wsClient, id string) message {
	t.Helper()
	isReply := func(m message) bool { return (m.Type == "ack" || m.Type == "error") && m.ID == id }
	for i, m := range skipped[c] {
		if isReply(m) {
			skipped[c] = append(skipped[c][:i:i], skipped[c][i+1:]...)
			return m
		}
	}
	for {
		m := c.next()
		if isReply(m) {
			return m
		}
		skipped[c] = append(skipped[c], m)
	}
}

// received is everything a client was sent that the test has not looked at yet.
func received(c *wsClient, quiet time.Duration) []message {
	msgs := append(skipped[c], drain(c, quiet)...)
	delete(skipped, c)
	return msgs
}

func send(t *testing.T, c *wsClient, msg map[string]any) message {
	t.Helper()
	c.send(msg)
	return reply(t, c, msg["id"].(string))
}

// command sends a dashboard command and waits for its reply.
func command(t *testing.T, d *wsClient, msg map[string]any) message {
	t.Helper()
	d.send(msg)
	for {
		m := d.next()
		if (m.Type == "ok" || m.Type == "error") && m.Req == msg["req"] {
			return m
		}
	}
}

func noResults(t *testing.T, who string, msgs []message) {
	t.Helper()
	for _, m := range msgs {
		if m.Type == "vote_results" || strings.Contains(string(m.Data), `"counts"`) {
			t.Errorf("%s was sent hidden results: %s %s", who, m.Type, m.Data)
		}
	}
}

func TestVoteThroughTheServer(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	a := answer(t, ts, f, 0, 0, "Fler mötesplatser för föreningar")
	b := answer(t, ts, f, 1, 0, "Långsiktig finansiering av föreningslivet")
	c := answer(t, ts, f, 2, 0, "Enklare ansökningar om bidrag")
	hidden := answer(t, ts, f, 2, 0, "Något som processledaren döljer")
	merged := answer(t, ts, f, 1, 0, "Fler mötesplatser")

	dash := staffSocket(t, ts, f)
	if m := command(t, dash, map[string]any{"type": "moderate", "req": "h", "item": hidden.ID, "action": "hide"}); m.Type != "ok" {
		t.Fatalf("hide: %+v", m)
	}
	if m := command(t, dash, map[string]any{"type": "moderate", "req": "m", "item": a.ID, "action": "merge", "sources": []string{merged.ID}}); m.Type != "ok" {
		t.Fatalf("merge: %+v", m)
	}

	// A phone at table 0 that follows the workshop from before the vote, to resume later.
	early := phone(t, ts, f.Table(0), -1)
	earlyCursor := cursorOf(early.nextOf("snapshot"))

	if m := command(t, dash, map[string]any{"type": "vote", "req": "o", "action": "open", "scope": "question",
		"item": f.Question(0).ID, "dots": 3, "limit": 2}); m.Type != "ok" {
		t.Fatalf("open: %+v", m)
	}
	vote := decode[domain.Vote](t, dash.nextOf("vote").Data)
	var ids []string
	for _, cand := range vote.Candidates {
		ids = append(ids, cand.ID)
	}
	// The hidden answer is not a candidate, and the merged one counts once, as its target.
	if want := []string{a.ID, b.ID, c.ID}; strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("candidates %v, want %v", ids, want)
	}
	if vote.Dots != 3 || vote.Limit != 2 || vote.State != domain.VoteOpen || vote.Shown {
		t.Fatalf("vote %+v", vote)
	}
	if r := decode[domain.VoteResults](t, dash.nextOf("vote_results").Data); r.Total != 0 || len(r.Counts) != 3 {
		t.Fatalf("first results %+v", r)
	}
	if m := command(t, dash, map[string]any{"type": "vote", "req": "o2", "action": "open", "scope": "workshop"}); m.Code != "vote_already_open" {
		t.Errorf("a second open vote: %+v", m)
	}

	p1 := phone(t, ts, f.Table(0), -1)
	p2 := phone(t, ts, f.Table(0), -1)
	other := phone(t, ts, f.Table(1), -1)
	snap := decode[phoneVoteSnapshot](t, p1.nextOf("snapshot").Data)
	p2.nextOf("snapshot")
	other.nextOf("snapshot")
	if len(snap.Votes) != 1 || len(snap.VoteResults) != 0 || len(snap.Dots) != 1 || snap.Dots[0].Left != 3 {
		t.Fatalf("phone snapshot %+v", snap)
	}

	t.Run("two phones at one table share its dots", func(t *testing.T) {
		ack := send(t, p1, dot(vote.ID, a.ID, 1))
		if ack.Type != "ack" {
			t.Fatalf("dot: %+v", ack)
		}
		if d := decode[domain.TableDots](t, ack.Data); d.Left != 2 || d.Dots[a.ID] != 1 {
			t.Fatalf("ack %+v", d)
		}
		if d := decode[domain.TableDots](t, p2.nextOf("vote_dots").Data); d.Left != 2 || d.Dots[a.ID] != 1 {
			t.Fatalf("the other phone at the table sees %+v", d)
		}
		// Both phones at once: three dots for the two left; one is refused.
		moves := []struct {
			c   *wsClient
			msg map[string]any
		}{{p1, dot(vote.ID, b.ID, 1)}, {p2, dot(vote.ID, b.ID, 1)}, {p2, dot(vote.ID, b.ID, 1)}}
		// Each phone sends from a goroutine of its own (a connection has one writer).
		var wg sync.WaitGroup
		for _, phone := range []*wsClient{p1, p2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, mv := range moves {
					if mv.c == phone {
						phone.send(mv.msg)
					}
				}
			}()
		}
		wg.Wait()
		acks, refused := 0, 0
		for _, mv := range moves {
			switch m := reply(t, mv.c, mv.msg["id"].(string)); {
			case m.Type == "ack":
				acks++
			case m.Code == "vote_no_dots_left":
				refused++
			default:
				t.Errorf("unexpected reply %+v", m)
			}
		}
		if acks != 2 || refused != 1 {
			t.Fatalf("%d acknowledged, %d refused; want 2 and 1", acks, refused)
		}
		fresh := phone(t, ts, f.Table(0), -1)
		s := decode[phoneVoteSnapshot](t, fresh.nextOf("snapshot").Data)
		total := 0
		for _, n := range s.Dots[0].Dots {
			total += n
		}
		if s.Dots[0].Left != 0 || total != 3 || s.Dots[0].Dots[b.ID] != 2 {
			t.Fatalf("table 0 after the race: %+v", s.Dots[0])
		}
		if m := send(t, p2, dot(vote.ID, c.ID, 1)); m.Code != "vote_no_dots_left" {
			t.Errorf("a fourth dot: %+v", m)
		}
	})

	t.Run("limits and idempotency", func(t *testing.T) {
		first := dot(vote.ID, a.ID, 1)
		if m := send(t, other, first); m.Type != "ack" {
			t.Fatalf("%+v", m)
		}
		if m := send(t, other, dot(vote.ID, a.ID, 1)); m.Type != "ack" {
			t.Fatalf("%+v", m)
		}
		if m := send(t, other, dot(vote.ID, a.ID, 1)); m.Code != "vote_limit_reached" {
			t.Errorf("a third dot on one answer: %+v", m)
		}
		if m := send(t, other, dot(vote.ID, c.ID, -1)); m.Code != "vote_no_dot_here" {
			t.Errorf("taking a dot that is not there: %+v", m)
		}
		if m := send(t, other, dot(vote.ID, hidden.ID, 1)); m.Code != "vote_answer_not_found" {
			t.Errorf("a dot on a hidden answer: %+v", m)
		}
		// A resend counts once.
		m := send(t, other, first)
		if d := decode[domain.TableDots](t, m.Data); m.Type != "ack" || !m.Duplicate || d.Dots[a.ID] != 2 || d.Left != 1 {
			t.Errorf("a resend: %+v %s", m, m.Data)
		}
		reused := dot(vote.ID, b.ID, 1)
		reused["id"] = first["id"]
		if m := send(t, other, reused); m.Code != "id_reused" {
			t.Errorf("an id reused for another dot: %+v", m)
		}
		// Moving a dot: take one back and give it elsewhere.
		if m := send(t, other, dot(vote.ID, a.ID, -1)); m.Type != "ack" {
			t.Errorf("%+v", m)
		}
		m = send(t, other, dot(vote.ID, b.ID, 1))
		if d := decode[domain.TableDots](t, m.Data); d.Dots[a.ID] != 1 || d.Dots[b.ID] != 1 || d.Left != 1 {
			t.Errorf("after moving a dot: %s", m.Data)
		}
	})

	t.Run("hidden results reach staff only", func(t *testing.T) {
		var r domain.VoteResults
		for _, m := range drain(dash, 300*time.Millisecond) {
			if m.Type == "vote_results" {
				r = decode[domain.VoteResults](t, m.Data)
			}
		}
		if r.Total != 5 || r.Tables != 2 || r.Counts[0].ID != b.ID || r.Counts[0].Dots != 3 {
			t.Errorf("the dashboard's latest results: %+v", r)
		}
		noResults(t, "a phone", received(p1, 200*time.Millisecond))
		noResults(t, "a phone", received(p2, 50*time.Millisecond))
		noResults(t, "a phone at another table", received(other, 50*time.Millisecond))
		// Resuming from before the vote: the vote and the table's dots, no results.
		early.conn.Close()
		back := phoneAt(t, ts, f.Table(0), earlyCursor)
		if m := back.next(); m.Type != "resume" {
			t.Fatalf("want a resume, got %s", m.Type)
		}
		msgs := drain(back, 200*time.Millisecond)
		noResults(t, "a resuming phone", msgs)
		var types []string
		for _, m := range msgs {
			types = append(types, m.Type)
			if m.Type == "vote_dots" {
				if d := decode[domain.TableDots](t, m.Data); d.Table != f.Table(0).ID {
					t.Errorf("a resuming phone was sent another table's dots: %s", m.Data)
				}
			}
		}
		if !strings.Contains(strings.Join(types, ","), "vote,") || !strings.Contains(strings.Join(types, ","), "vote_dots") {
			t.Errorf("resume holds %v, want the vote and the table's dots", types)
		}
		s := decode[phoneVoteSnapshot](t, phone(t, ts, f.Table(2), -1).nextOf("snapshot").Data)
		if len(s.VoteResults) != 0 {
			t.Errorf("a snapshot holds hidden results: %+v", s.VoteResults)
		}
	})

	t.Run("shown results reach everyone", func(t *testing.T) {
		if m := command(t, dash, map[string]any{"type": "vote", "req": "s", "action": "show", "vote": vote.ID}); m.Type != "ok" {
			t.Fatalf("show: %+v", m)
		}
		if v := decode[domain.Vote](t, other.nextOf("vote").Data); !v.Shown {
			t.Errorf("vote not shown: %+v", v)
		}
		if r := decode[domain.VoteResults](t, other.nextOf("vote_results").Data); r.Total != 5 {
			t.Errorf("shown results: %+v", r)
		}
		if m := send(t, p1, dot(vote.ID, a.ID, -1)); m.Type != "ack" {
			t.Fatalf("%+v", m)
		}
		if r := decode[domain.VoteResults](t, other.nextOf("vote_results").Data); r.Total != 4 {
			t.Errorf("results after a dot while shown: %+v", r)
		}
		s := decode[phoneVoteSnapshot](t, phone(t, ts, f.Table(2), -1).nextOf("snapshot").Data)
		if len(s.VoteResults) != 1 || s.VoteResults[0].Total != 4 {
			t.Errorf("a snapshot after showing: %+v", s.VoteResults)
		}
	})

	t.Run("a closed vote refuses dots and keeps its results", func(t *testing.T) {
		if m := command(t, dash, map[string]any{"type": "vote", "req": "c", "action": "close", "vote": vote.ID}); m.Type != "ok" {
			t.Fatalf("close: %+v", m)
		}
		if m := send(t, other, dot(vote.ID, c.ID, 1)); m.Code != "vote_closed" {
			t.Errorf("a dot after closing: %+v", m)
		}
		if m := command(t, dash, map[string]any{"type": "vote", "req": "h2", "action": "hide", "vote": vote.ID}); m.Type != "ok" {
			t.Fatalf("hide: %+v", m)
		}
		votes, results, err := ts.store.Votes(context.Background(), f.WorkshopID())
		if err != nil {
			t.Fatal(err)
		}
		if len(votes) != 1 || votes[0].State != domain.VoteClosed || votes[0].ClosedAt == nil || results[0].Total != 4 {
			t.Errorf("kept: %+v %+v", votes, results)
		}
		s := decode[phoneVoteSnapshot](t, phone(t, ts, f.Table(2), -1).nextOf("snapshot").Data)
		if len(s.VoteResults) != 0 {
			t.Errorf("results hidden again are still in a phone's snapshot")
		}
	})

	t.Run("audit and exports", func(t *testing.T) {
		admin := ts.browser(t)
		admin.login(adminEmail, adminPassword)
		page := admin.get("/admin/audit?event=" + f.WorkshopID())
		for _, want := range []string{"vote.open", "vote.show", "vote.close", "vote.hide"} {
			if !strings.Contains(page.Body, want) && !strings.Contains(page.Body, actionText(want)) {
				t.Errorf("the audit log lacks %s", want)
			}
		}
		res := admin.get("/admin/workshops/" + f.WorkshopID() + "/export.csv")
		if res.Status != http.StatusOK {
			t.Fatalf("csv: %d", res.Status)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(res.Body, "\uFEFF")))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		dots := map[string]string{}
		for _, row := range rows[1:] {
			dots[row[col["Id"]]] = row[col["Prickar"]]
		}
		// Table 0 ended with b 2 (its dot on a taken back), table 1 with a 1 and b 1.
		want := map[string]string{a.ID: "1", b.ID: "3", c.ID: "0", hidden.ID: "", merged.ID: ""}
		for id, n := range want {
			if dots[id] != n {
				t.Errorf("Prickar of %s = %q, want %q", id, dots[id], n)
			}
		}
		x := admin.get("/admin/workshops/" + f.WorkshopID() + "/export.xlsx")
		book, err := excelize.OpenReader(bytes.NewReader([]byte(x.Body)))
		if err != nil {
			t.Fatal(err)
		}
		defer book.Close()
		if head, _ := book.GetCellValue("Fråga 1", "J2"); head != "Prickar" {
			t.Errorf("XLSX question sheet column J is %q", head)
		}
		if idx, _ := book.GetSheetIndex("Prioritering"); idx < 0 {
			t.Errorf("no sheet Prioritering in %v", book.GetSheetList())
		}
		// The workshop's documentation ranks the answers too, in Word and on the page to print.
		doc := docxText(t, admin.get("/admin/workshops/"+f.WorkshopID()+"/export.docx").Body)
		for _, want := range []string{"Prioriteringar", "Omröstning 1: ", "2 bord prickade, 4 prickar totalt"} {
			if !strings.Contains(doc, want) {
				t.Errorf("the documentation lacks %q:\n%s", want, doc)
			}
		}
		if page := admin.get("/admin/workshops/" + f.WorkshopID() + "/report"); !strings.Contains(page.Body, `<h2 id="votes">Prioriteringar</h2>`) {
			t.Errorf("the page to print lacks the votes")
		}
	})
}

// actionText is how the audit page names an action, in Swedish.
func actionText(action string) string {
	return map[string]string{"vote.open": "Öppnade en omröstning", "vote.show": "Visade omröstningens resultat",
		"vote.close": "Stängde en omröstning", "vote.hide": "Dolde omröstningens resultat"}[action]
}

func TestVoteSettingsAreChecked(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	answer(t, ts, f, 0, 0, "Fler mötesplatser")
	dash := staffSocket(t, ts, f)
	for _, tc := range []struct {
		name string
		msg  map[string]any
		code string
	}{
		{"too many dots", map[string]any{"scope": "workshop", "dots": 21}, "vote_dots_invalid"},
		{"limit above dots", map[string]any{"scope": "workshop", "dots": 2, "limit": 3}, "vote_limit_invalid"},
		{"unknown scope", map[string]any{"scope": "table"}, "vote_scope_invalid"},
		{"a question without answers", map[string]any{"scope": "question", "item": f.Question(1).ID}, "vote_no_answers"},
		{"a theme of another workshop", map[string]any{"scope": "theme", "item": newID()}, "theme_not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := map[string]any{"type": "vote", "req": tc.name, "action": "open"}
			for k, v := range tc.msg {
				msg[k] = v
			}
			if m := command(t, dash, msg); m.Code != tc.code {
				t.Errorf("got %+v, want %s", m, tc.code)
			}
		})
	}
	// The defaults: 3 dots, at most 2 on one answer.
	if m := command(t, dash, map[string]any{"type": "vote", "req": "ok", "action": "open", "scope": "workshop"}); m.Type != "ok" {
		t.Fatalf("%+v", m)
	}
	if v := decode[domain.Vote](t, dash.nextOf("vote").Data); v.Dots != domain.DefaultVoteDots || v.Limit != domain.DefaultVoteLimit {
		t.Errorf("defaults: %+v", v)
	}
}

// Retention deletes the answers, and with them the texts a vote copied and
// every dot on them; the vote itself stays on record.
func TestVoteTextsGoWithRetention(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	a := answer(t, ts, f, 0, 0, "Fler mötesplatser")
	dash := staffSocket(t, ts, f)
	if m := command(t, dash, map[string]any{"type": "vote", "req": "o", "action": "open", "scope": "workshop"}); m.Type != "ok" {
		t.Fatalf("%+v", m)
	}
	vote := decode[domain.Vote](t, dash.nextOf("vote").Data)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	if m := send(t, p, dot(vote.ID, a.ID, 1)); m.Type != "ack" {
		t.Fatalf("%+v", m)
	}
	ts.do(t, &workshop.Purge{WorkshopID: f.WorkshopID()})
	votes, results, err := ts.store.Votes(context.Background(), f.WorkshopID())
	if err != nil {
		t.Fatal(err)
	}
	if len(votes) != 1 || len(votes[0].Candidates) != 0 || results[0].Total != 0 || len(results[0].Counts) != 0 {
		t.Errorf("after retention: %+v %+v", votes, results)
	}
}
