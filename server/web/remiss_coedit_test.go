package web_test

// Colleagues who answer a consultation through the same private link at
// the same time (issue 13, bug 1): nothing one of them types is lost, and
// when both change the same field both versions are kept until a person
// chooses.

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/samrad-se/samrad/server/domain"
)

// The draft as answer forms see it (see README, "Websocket messages").
type fieldState struct {
	Value string `json:"value"`
	Rev   int64  `json:"rev"`
	By    string `json:"by"`
}

type formDraft struct {
	Rev    int64                 `json:"rev"`
	Fields map[string]fieldState `json:"fields"`
}

type savedReply struct {
	Rev       int64                 `json:"rev"`
	Conflicts map[string]fieldState `json:"conflicts"`
}

// edit is one field of a draft message: the new value and the revision the
// typist started from.
type edit struct {
	Base  int64  `json:"base"`
	Value string `json:"value"`
}

func draftMsg(req, author string, patch map[string]edit) map[string]any {
	return map[string]any{"type": "draft", "req": req, "author": author, "patch": patch}
}

// openForm dials the answer form's websocket and returns it with the draft
// its snapshot carries.
func openForm(t *testing.T, ts *testServer, token string) (*wsClient, formDraft) {
	t.Helper()
	ws, d, _ := openFormAt(t, ts, token, "")
	return ws, d
}

// openFormAt is openForm for a form that had followed the consultation up
// to cursor (a query "epoch=…&since=…"); it returns the new cursor too.
func openFormAt(t *testing.T, ts *testServer, token, cursor string) (*wsClient, formDraft, string) {
	t.Helper()
	path := "/ws/remiss/" + token
	if cursor != "" {
		path += "?" + cursor
	}
	ws := mustDial(t, ts.URL, path, nil)
	snap := ws.nextOf("snapshot")
	return ws, decode[struct {
		Draft formDraft `json:"draft"`
	}](t, snap.Data).Draft, "epoch=" + url.QueryEscape(snap.Epoch) + "&since=" + strconv.FormatInt(snap.Seq, 10)
}

// savedOf waits for the reply to req (changes may come first).
func savedOf(t *testing.T, ws *wsClient, req string) savedReply {
	t.Helper()
	for {
		m := ws.next()
		if m.Type == "draft" || m.Type == "submitted" {
			continue
		}
		if m.Type != "saved" || m.Req != req {
			t.Fatalf("reply to %s: %+v", req, m)
		}
		return replyOf(t, m)
	}
}

func replyOf(t *testing.T, m message) savedReply {
	t.Helper()
	r := savedReply{Rev: m.Rev}
	if len(m.Conflicts) > 0 {
		r.Conflicts = decode[map[string]fieldState](t, m.Conflicts)
	}
	return r
}

func storedDraft(t *testing.T, ts *testServer, token string) domain.Draft {
	t.Helper()
	r, err := ts.store.RespondentByToken(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ts.store.Draft(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func coeditSetup(t *testing.T) (*testServer, []domain.Section, string, string) {
	t.Helper()
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	link := links["Länsbygderådet"]
	return ts, ts.sections(t, id), link, strings.TrimPrefix(link, "/r/")
}

// The bug as reported: one colleague types in section 1's comment, the
// other in section 2's, within a moment. Both texts are kept, in the store
// and on both screens.
func TestCoeditDifferentFieldsBothKept(t *testing.T) {
	ts, sections, link, token := coeditSetup(t)
	s1, s2 := "s-"+sections[0].ID+"-comment", "s-"+sections[1].ID+"-comment"
	anna, d := openForm(t, ts, token)
	bo, _ := openForm(t, ts, token)
	if d.Rev != 0 || d.Fields[s1].Value != "" {
		t.Fatalf("a new draft: %+v", d)
	}
	// Both send before either has seen the other's.
	anna.send(draftMsg("a1", "anna", map[string]edit{s1: {Base: 0, Value: "Annas synpunkt på avsnitt 1"}}))
	bo.send(draftMsg("b1", "bo", map[string]edit{s2: {Base: 0, Value: "Bos synpunkt på avsnitt 2"},
		"s-" + sections[1].ID + "-stance": {Base: 0, Value: string(domain.StancePartly)}}))
	for _, c := range []struct {
		ws    *wsClient
		req   string
		other string
		value string
	}{{anna, "a1", s2, "Bos synpunkt på avsnitt 2"}, {bo, "b1", s1, "Annas synpunkt på avsnitt 1"}} {
		var saved *savedReply
		var seen *formDraft
		for saved == nil || seen == nil {
			m := c.ws.next()
			switch m.Type {
			case "saved":
				r := replyOf(t, m)
				saved = &r
			case "draft":
				f := decode[formDraft](t, m.Data)
				seen = &f
			}
		}
		if len(saved.Conflicts) != 0 {
			t.Errorf("%s: conflicts %+v on fields nobody else changed", c.req, saved.Conflicts)
		}
		if got := seen.Fields[c.other].Value; got != c.value {
			t.Errorf("%s's form is told %q of the colleague's field, want %q", c.req, got, c.value)
		}
		if len(seen.Fields) > 2 {
			t.Errorf("a colleague's change carries %d fields; only the changed ones belong in it", len(seen.Fields))
		}
	}
	stored := storedDraft(t, ts, token)
	if stored.Answer.Sections[sections[0].ID].Comment != "Annas synpunkt på avsnitt 1" ||
		stored.Answer.Sections[sections[1].ID].Comment != "Bos synpunkt på avsnitt 2" ||
		stored.Answer.Sections[sections[1].ID].Stance != domain.StancePartly {
		t.Fatalf("stored draft lost a colleague's text: %+v", stored.Answer.Sections)
	}
	page := ts.browser(t).get(link)
	for _, want := range []string{">Annas synpunkt på avsnitt 1</textarea>", ">Bos synpunkt på avsnitt 2</textarea>"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("a freshly opened form lacks %q", want)
		}
	}
}

// Both change the same field: the first save stands, the second is
// answered with the colleague's text and keeps its own (in the typist's
// form) until the person chooses; choosing "keep mine" then saves it.
func TestCoeditSameFieldConflictCarriesBoth(t *testing.T) {
	ts, _, _, token := coeditSetup(t)
	anna, _ := openForm(t, ts, token)
	bo, _ := openForm(t, ts, token)

	anna.send(draftMsg("a1", "anna", map[string]edit{"summary": {Base: 0, Value: "Annas sammanfattning"}}))
	first := savedOf(t, anna, "a1")
	bo.send(draftMsg("b1", "bo", map[string]edit{"summary": {Base: 0, Value: "Bos sammanfattning"},
		"general": {Base: 0, Value: "Bos allmänna synpunkter"}}))
	var reply savedReply
	for {
		m := bo.next()
		if m.Type == "saved" {
			reply = replyOf(t, m)
			break
		}
	}
	c, ok := reply.Conflicts["summary"]
	if !ok || c.Value != "Annas sammanfattning" || c.Rev != first.Rev {
		t.Fatalf("conflict reply %+v: want the colleague's summary at rev %d", reply, first.Rev)
	}
	if _, ok := reply.Conflicts["general"]; ok {
		t.Fatal("a field nobody else changed is reported as a conflict")
	}
	d := storedDraft(t, ts, token)
	if d.Answer.Summary != "Annas sammanfattning" || d.Answer.General != "Bos allmänna synpunkter" {
		t.Fatalf("stored %+v: the colleague's summary must stay and the other field be saved", d.Answer)
	}
	// Anna was told only of what was saved: the general views.
	m := anna.nextOf("draft")
	if f := decode[formDraft](t, m.Data); f.Fields["general"].Value != "Bos allmänna synpunkter" || f.Fields["summary"].Value != "" {
		t.Fatalf("anna is told %+v", f.Fields)
	}

	// Bo keeps his text, knowing Anna's: it is saved on top of hers.
	bo.send(draftMsg("b2", "bo", map[string]edit{"summary": {Base: c.Rev, Value: "Bos sammanfattning"}}))
	if r := savedOf(t, bo, "b2"); len(r.Conflicts) != 0 {
		t.Fatalf("keeping one's own text after seeing the colleague's: %+v", r)
	}
	if m := anna.nextOf("draft"); decode[formDraft](t, m.Data).Fields["summary"].Value != "Bos sammanfattning" {
		t.Fatalf("anna is told %s", m.Data)
	}
	// A form resending its own earlier edit (a reply it never saw) is no
	// conflict with itself.
	bo.send(draftMsg("b3", "bo", map[string]edit{"summary": {Base: c.Rev, Value: "Bos sammanfattning, längre"}}))
	if r := savedOf(t, bo, "b3"); len(r.Conflicts) != 0 {
		t.Fatalf("a form's own earlier save reported as a colleague's: %+v", r)
	}
	// The same text as stored is no conflict either, whatever the base.
	anna.send(draftMsg("a2", "anna", map[string]edit{"summary": {Base: 0, Value: "Bos sammanfattning, längre"}}))
	if r := savedOf(t, anna, "a2"); len(r.Conflicts) != 0 {
		t.Fatalf("the stored text sent again: %+v", r)
	}
}

// A form without JavaScript posts the whole answer. A colleague's newer
// draft is not overwritten: fields the person did not touch keep the
// colleague's text, fields only they changed are saved, and a field both
// changed comes back with both texts to choose between.
func TestCoeditStalePlainPostShowsBothTexts(t *testing.T) {
	ts, sections, link, token := coeditSetup(t)
	plain := ts.browser(t)
	form := formOf(t, plain.get(link).Body)

	colleague, _ := openForm(t, ts, token)
	colleague.send(draftMsg("k1", "kollega", map[string]edit{"general": {Value: "Kollegans allmänna synpunkter"},
		"summary": {Value: "Kollegans sammanfattning"}}))
	savedOf(t, colleague, "k1")

	form.Set("general", "Mina allmänna synpunkter")
	form.Set("other", "Mina övriga synpunkter")
	form.Set("action", "draft")
	res := plain.post(link, form)
	if res.Status != http.StatusConflict {
		t.Fatalf("stale post: status %d, want 409 with both texts", res.Status)
	}
	for _, want := range []string{">Mina allmänna synpunkter</textarea>", "Kollegans allmänna synpunkter", "En kollega har ändrat det här fältet"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("the conflict page lacks %q", want)
		}
	}
	d := storedDraft(t, ts, token)
	if d.Answer.General != "Kollegans allmänna synpunkter" || d.Answer.Summary != "Kollegans sammanfattning" ||
		d.Answer.Other != "Mina övriga synpunkter" {
		t.Fatalf("stored after the stale post: %+v", d.Answer)
	}

	// Choosing one's own text saves it; choosing the colleague's keeps theirs.
	again := formOf(t, res.Body)
	if again.Get("general") != "Mina allmänna synpunkter" {
		t.Fatalf("the conflict page's form holds %q", again.Get("general"))
	}
	again.Set("choose-general", "mine")
	again.Set("action", "draft")
	if res := plain.post(link, again); res.Status != http.StatusSeeOther {
		t.Fatalf("after choosing: status %d", res.Status)
	}
	if d := storedDraft(t, ts, token); d.Answer.General != "Mina allmänna synpunkter" || d.Answer.Summary != "Kollegans sammanfattning" {
		t.Fatalf("stored after keeping mine: %+v", d.Answer)
	}

	// The other way round, on a stance: the colleague's choice stands.
	stance := "s-" + sections[2].ID + "-stance"
	form = formOf(t, plain.get(link).Body)
	colleague.send(draftMsg("k2", "kollega", map[string]edit{stance: {Base: storedDraft(t, ts, token).Rev, Value: string(domain.StanceOppose)}}))
	savedOf(t, colleague, "k2")
	form.Set(stance, string(domain.StanceSupport))
	form.Set("action", "draft")
	res = plain.post(link, form)
	if res.Status != http.StatusConflict || !strings.Contains(res.Body, "Avstyrker") {
		t.Fatalf("stance conflict: status %d", res.Status)
	}
	again = formOf(t, res.Body)
	again.Set("choose-"+stance, "theirs")
	again.Set("action", "draft")
	if res := plain.post(link, again); res.Status != http.StatusSeeOther {
		t.Fatalf("after choosing the colleague's: status %d", res.Status)
	}
	if d := storedDraft(t, ts, token); d.Answer.Sections[sections[2].ID].Stance != domain.StanceOppose {
		t.Fatalf("the colleague's stance was replaced: %+v", d.Answer.Sections)
	}
	// Unanswered conflicts block sending the answer: nothing is submitted.
	form = formOf(t, plain.get(link).Body)
	colleague.send(draftMsg("k3", "kollega", map[string]edit{"other": {Base: storedDraft(t, ts, token).Rev, Value: "Kollegans övriga"}}))
	savedOf(t, colleague, "k3")
	form.Set("other", "Mina nya övriga")
	form.Set("action", "draft")
	res = plain.post(link, form)
	again = formOf(t, res.Body)
	for k, v := range answerForm("Länsbygderådet", nil) {
		again[k] = v
	}
	again.Set("action", "submit")
	if res := plain.post(link, again); res.Status != http.StatusConflict {
		t.Fatalf("submitting with an open conflict: status %d", res.Status)
	}
	if r, _ := ts.store.RespondentByToken(context.Background(), token); r.Version != 0 {
		t.Fatal("an answer was submitted while a conflict was open")
	}
}

// A form that loses its connection while a save is on its way, and a
// colleague's form that was away meanwhile, both come back to everything.
func TestCoeditReconnectKeepsEverything(t *testing.T) {
	ts, _, _, token := coeditSetup(t)
	anna, _ := openForm(t, ts, token)
	bo, _, cursor := openFormAt(t, ts, token, "")
	bo.conn.Close() // Bo's train enters a tunnel

	// Anna's save is committed, but her line drops before the reply.
	anna.send(draftMsg("a1", "anna", map[string]edit{"summary": {Base: 0, Value: "Annas text"}}))
	savedOf(t, anna, "a1")
	anna.conn.Close()

	// Anna's form resends what it never saw confirmed (its outbox), with the
	// same base: it is her own save, not a conflict.
	anna2, d := openForm(t, ts, token)
	if f := d.Fields["summary"]; f.Value != "Annas text" || f.By != "anna" {
		t.Fatalf("snapshot after reconnecting: %+v", f)
	}
	anna2.send(draftMsg("a1", "anna", map[string]edit{"summary": {Base: 0, Value: "Annas text, och mer"}}))
	if r := savedOf(t, anna2, "a1"); len(r.Conflicts) != 0 {
		t.Fatalf("resend after reconnect: %+v", r)
	}

	// Bo typed in another field offline; back online he resumes from his
	// cursor, learns of Anna's text and sends his own.
	bo2, d, _ := openFormAt(t, ts, token, cursor)
	if d.Fields["summary"].Value != "Annas text, och mer" {
		t.Fatalf("bo's snapshot: %+v", d.Fields["summary"])
	}
	bo2.send(draftMsg("b1", "bo", map[string]edit{"other": {Base: 0, Value: "Skrivet i tunneln"}}))
	if r := savedOf(t, bo2, "b1"); len(r.Conflicts) != 0 {
		t.Fatalf("bo's offline text: %+v", r)
	}
	if m := anna2.nextOf("draft"); decode[formDraft](t, m.Data).Fields["other"].Value != "Skrivet i tunneln" {
		t.Fatalf("anna is told %s", m.Data)
	}
	stored := storedDraft(t, ts, token)
	if stored.Answer.Summary != "Annas text, och mer" || stored.Answer.Other != "Skrivet i tunneln" {
		t.Fatalf("stored: %+v", stored.Answer)
	}
}

// formOf reads the answer form on a page as a browser posts it: every
// named input (radios and checkboxes only when checked), textarea and
// selected option, hidden fields included.
func formOf(t *testing.T, body string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, key string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val, true
			}
		}
		return "", false
	}
	var form *html.Node
	for n := range doc.Descendants() {
		if id, _ := attr(n, "id"); n.DataAtom == atom.Form && id == "answer" {
			form = n
			break
		}
	}
	if form == nil {
		t.Fatal("no answer form on the page")
	}
	v := url.Values{}
	for n := range form.Descendants() {
		name, ok := attr(n, "name")
		if !ok || n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Input:
			typ, _ := attr(n, "type")
			value, _ := attr(n, "value")
			_, checked := attr(n, "checked")
			switch typ {
			case "file", "submit":
			case "radio", "checkbox":
				if checked {
					v.Add(name, value)
				}
			default:
				v.Add(name, value)
			}
		case atom.Textarea:
			text := ""
			if n.FirstChild != nil {
				text = n.FirstChild.Data
			}
			v.Add(name, strings.TrimPrefix(text, "\n"))
		}
	}
	return v
}

// The working group's notes and summaries reach the pages that show them
// live, with the stamp a form saves on top of; a page that missed changes
// gets them in its snapshot.
func TestAnalysisIsLive(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, sections, byOrg, _ := answered(t, ts, admin)
	lbr := byOrg["Länsbygderådet"]
	section := "/admin/consultations/" + id + "/sections/" + sections[1].ID
	con, _ := ts.store.Consultation(context.Background(), id)
	cursor := "?epoch=" + url.QueryEscape(con.Epoch) + "&since=" + strconv.FormatInt(con.Seq, 10)

	colleague := mustDial(t, ts.URL, "/ws/consultation/"+id+cursor, admin.cookieHeader())
	if m := colleague.next(); m.Type != "resume" || len(m.Changes) != 0 {
		t.Fatalf("a page that missed nothing: %+v", m)
	}
	note := url.Values{"respondent": {lbr.ID}, "part": {sections[1].ID}, "comment": {"Beaktas i avsnitt 4."},
		"action": {"partly"}, "base": {""}, "back": {sections[1].ID}}
	if res := admin.postForm(section, "/admin/consultations/"+id+"/analysis/note", note); res.Status != http.StatusSeeOther {
		t.Fatalf("save note: %d", res.Status)
	}
	type liveNote struct {
		Respondent string `json:"respondent"`
		Part       string `json:"part"`
		Comment    string `json:"comment"`
		Action     string `json:"action"`
		Stamp      string `json:"stamp"`
	}
	got := decode[liveNote](t, colleague.nextOf("note").Data)
	page := admin.get(section)
	if got.Comment != "Beaktas i avsnitt 4." || got.Action != "partly" || got.Stamp == "" ||
		!strings.Contains(page.Body, `name="base" value="`+got.Stamp+`"`) {
		t.Fatalf("live note %+v: its stamp must be the one the form carries", got)
	}
	// Saving on that stamp, as a colleague's page does after taking the note live, is no conflict.
	note.Set("comment", "")
	note.Set("action", "")
	note.Set("base", got.Stamp)
	if res := admin.postForm(section, "/admin/consultations/"+id+"/analysis/note", note); res.Status != http.StatusSeeOther {
		t.Fatalf("save on the live stamp: %d", res.Status)
	}
	if emptied := decode[liveNote](t, colleague.nextOf("note").Data); emptied.Stamp != "" {
		t.Fatalf("an emptied note's stamp %q, want none (nothing is stored)", emptied.Stamp)
	}
	if res := admin.postForm(section, "/admin/consultations/"+id+"/analysis/summary", url.Values{"part": {"overall"},
		"text": {"Sammantaget stöd."}, "base": {""}, "back": {"analysis"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("save summary: %d", res.Status)
	}
	late := mustDial(t, ts.URL, "/ws/consultation/"+id+cursor, admin.cookieHeader())
	snap := decode[struct {
		Notes     map[string]liveNote `json:"notes"`
		Summaries map[string]struct {
			Text  string `json:"text"`
			Stamp string `json:"stamp"`
		} `json:"summaries"`
	}](t, late.nextOf("snapshot").Data)
	if s := snap.Summaries["overall"]; s.Text != "Sammantaget stöd." || s.Stamp == "" || len(snap.Notes) != 0 {
		t.Fatalf("snapshot: %+v", snap)
	}
}
