package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

// cloudEntry is one entry of a word cloud as the dashboard receives it.
type cloudEntry struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

type cloudReply struct {
	Question string       `json:"question"`
	Answers  int          `json:"answers"`
	Words    []cloudEntry `json:"words"`
}

func askCloud(t *testing.T, d *wsClient, req, question string) cloudReply {
	t.Helper()
	d.send(map[string]any{"type": "wordcloud", "req": req, "question": question})
	for {
		m := d.next()
		if m.Req != req {
			continue
		}
		if m.Type != "ok" {
			t.Fatalf("wordcloud %s: %+v", req, m)
		}
		return decode[cloudReply](t, m.Data)
	}
}

// addWordQuestion adds a word question through the workshop page, as a
// facilitator does, and returns it.
func addWordQuestion(t *testing.T, ts *testServer, b *browser, workshopID, text string) domain.Question {
	t.Helper()
	page := "/admin/workshops/" + workshopID
	res := b.postForm(page, page+"/questions", url.Values{"text": {text}, "kind": {"ord"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("add word question: %d %s", res.Status, res.Body)
	}
	qs, err := ts.store.Questions(context.Background(), workshopID)
	if err != nil {
		t.Fatal(err)
	}
	q := qs[len(qs)-1]
	if q.Text != text || q.Kind != domain.QuestionWords {
		t.Fatalf("added %+v, want a word question", q)
	}
	return q
}

func TestWordQuestionCountsInflectedFormsAndLeavesHiddenOut(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	d := staffSocket(t, ts, f)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	q := addWordQuestion(t, ts, b, f.WorkshopID(), "Ett till tre ord: vad behöver samarbetet?")
	if page := b.get("/admin/workshops/" + f.WorkshopID()); !strings.Contains(page.Body, "Ordmoln") {
		t.Errorf("the workshop page does not mark the word question")
	}
	d.send(map[string]any{"type": "question", "req": "open", "item": q.ID, "state": "open"})
	d.nextOf("ok")

	p := phone(t, ts, f.Table(0), -1)
	snap := p.nextOf("snapshot")
	if !strings.Contains(string(snap.Data), `"kind":"ord"`) {
		t.Errorf("the phone is not told the question's kind: %s", snap.Data)
	}
	word := func(text string) map[string]any {
		return map[string]any{"type": "submit", "id": newID(), "question": q.ID, "theme": "", "text": text}
	}
	sent := map[string]string{}
	for _, text := range []string{"Bemötande", "bemötandet", "Bemötande!", "Gott bemötande", "tillit", "Tillit", "samverkan", "IOP-avtal"} {
		m := word(text)
		p.send(m)
		if ack := p.nextOf("ack"); ack.ID != m["id"] {
			t.Fatalf("%q: %+v", text, ack)
		}
		sent[text] = m["id"].(string)
	}
	// More than three words, or one too long, is refused with a clear reason.
	for text, code := range map[string]string{
		"ett bra bemötande av personalen":              "words_count",
		strings.Repeat("samverkansöverenskommelse", 3): "words_too_long",
	} {
		m := word(text)
		p.send(m)
		if reply := p.next(); reply.Type != "error" || reply.ID != m["id"] || reply.Code != code || reply.Message == "" || reply.Message == code {
			t.Errorf("%q: %+v, want error %s with a message", text, reply, code)
		}
	}
	// A free-text question still takes a sentence.
	sendAnswer(t, p, f, "Vi behöver mer tid för att träffas mellan mötena")

	got := askCloud(t, d, "c1", q.ID)
	want := []cloudEntry{{"bemötande", 3}, {"tillit", 2}, {"gott bemötande", 1}, {"IOP-avtal", 1}, {"samverkan", 1}}
	if got.Answers != 8 || !slices.Equal(got.Words, want) {
		t.Errorf("cloud %+v, want 8 answers as %v", got, want)
	}

	// Hiding answers takes their words out; showing one brings it back.
	for _, text := range []string{"tillit", "Tillit", "Bemötande!"} {
		d.send(map[string]any{"type": "moderate", "req": "h-" + text, "item": sent[text], "action": "hide"})
		d.nextOf("ok")
	}
	got = askCloud(t, d, "c2", q.ID)
	want = []cloudEntry{{"bemötande", 2}, {"gott bemötande", 1}, {"IOP-avtal", 1}, {"samverkan", 1}}
	if got.Answers != 5 || !slices.Equal(got.Words, want) {
		t.Errorf("after hiding: %+v, want %v", got, want)
	}
	d.send(map[string]any{"type": "moderate", "req": "show", "item": sent["tillit"], "action": "show"})
	d.nextOf("ok")
	if got = askCloud(t, d, "c3", q.ID); !slices.Contains(got.Words, cloudEntry{"tillit", 1}) {
		t.Errorf("after showing: %+v, want tillit back once", got)
	}

	// A free-text question has no cloud.
	d.send(map[string]any{"type": "wordcloud", "req": "text", "question": f.Question(0).ID})
	if m := d.nextOf("error"); m.Req != "text" || m.Code != "question_not_words" {
		t.Errorf("cloud of a text question: %+v", m)
	}
	// The question's kind is on record.
	found := false
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		if e.Action == "question.add" && strings.Contains(e.After, `"kind":"ord"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("the audit log does not show the word question added")
	}
}

func TestWordQuestionKindIsChecked(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	page := "/admin/workshops/" + f.WorkshopID()
	res := b.postForm(page, page+"/questions", url.Values{"text": {"Vad?"}, "kind": {"bild"}})
	if res.Status != http.StatusBadRequest || !strings.Contains(res.Body, "Välj fritt svar eller ord") {
		t.Errorf("unknown kind: %d", res.Status)
	}
}
