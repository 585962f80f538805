package web_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/sorting"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
)

// vgrWorkshop creates a workshop with the "VGR:s verksamheter" themes and
// their shipped keywords, as the form does, opened with question 1 open.
func vgrWorkshop(t *testing.T, ts *testServer, themes []string, keywords map[string][]string) testutil.Fixture {
	t.Helper()
	ctx := context.Background()
	create := &workshop.Create{Details: workshop.Details{Name: "Sortering"}, Questions: []string{"Vad kan vi göra tillsammans?"},
		Themes: themes, Tables: 4, Keywords: keywords}
	if err := ts.writer.Do(ctx, create); err != nil {
		t.Fatal(err)
	}
	snap, err := ts.store.Snapshot(ctx, create.ID, storage.NoInputs)
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []interface {
		Apply(*storage.Tx) ([]domain.Change, error)
	}{
		&workshop.SetState{WorkshopID: create.ID, State: domain.WorkshopOpen},
		&workshop.SetQuestionState{WorkshopID: create.ID, QuestionID: snap.Questions[0].ID, State: domain.QuestionOpen},
	} {
		if err := ts.writer.Do(ctx, cmd); err != nil {
			t.Fatal(err)
		}
	}
	snap, err = ts.store.Snapshot(ctx, create.ID, storage.NoInputs)
	if err != nil {
		t.Fatal(err)
	}
	return testutil.Fixture{Snapshot: snap}
}

func presetVGR(t *testing.T) ([]string, map[string][]string) {
	names, _ := domain.PresetThemes("vgr")
	kw, ok := sense.PresetKeywords("vgr")
	if !ok {
		t.Fatal("no VGR keywords")
	}
	return names, kw
}

func themeNamed(f testutil.Fixture, name string) domain.Theme {
	for _, th := range f.Snapshot.Themes {
		if th.Name == name {
			return th
		}
	}
	panic("no theme " + name)
}

// staffSocket is a logged-in administrator's dashboard connection, past its snapshot.
func staffSocket(t *testing.T, ts *testServer, f testutil.Fixture) *wsClient {
	t.Helper()
	ts.withAdmin(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	d.nextOf("snapshot")
	return d
}

// nextInput waits for the dashboard's next change of input id.
func nextInput(t *testing.T, d *wsClient, id string) domain.Input {
	t.Helper()
	for {
		m := d.nextOf("input")
		if in := decode[domain.Input](t, m.Data); in.ID == id {
			return in
		}
	}
}

func sendAnswer(t *testing.T, p *wsClient, f testutil.Fixture, text string) string {
	t.Helper()
	id := newID()
	p.send(submitMsg(f, id, text))
	if m := p.nextOf("ack"); m.ID != id {
		t.Fatalf("ack %+v", m)
	}
	return id
}

func auditActions(t *testing.T, ts *testServer, workshopID string) []domain.AuditEntry {
	t.Helper()
	entries, err := ts.store.AuditEntries(context.Background(), storage.AuditFilter{EventID: workshopID})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestSuggestionTravelsWithTheAnswer(t *testing.T) {
	ts := newServer(t)
	names, kw := presetVGR(t)
	f := vgrWorkshop(t, ts, names, kw)
	d := staffSocket(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")

	id := newID()
	p.send(submitMsg(f, id, "Folktandvården kan komma till fritidsgården och prata om tänder"))
	ack := p.nextOf("ack")
	if strings.Contains(string(ack.Data), "suggested") || strings.Contains(string(ack.Data), "confidence") {
		t.Errorf("the phone was told the suggestion: %s", ack.Data)
	}
	in := nextInput(t, d, id)
	tandvard := themeNamed(f, "Tandvård")
	if in.Suggested != tandvard.ID || in.Confidence <= 0 || len(in.Because) == 0 || in.PlacedBy != domain.PlacedByNobody {
		t.Errorf("dashboard got %+v, want a suggestion of Tandvård with its words, nobody placing it", in)
	}
	if in.ThemeID != f.Parking().ID {
		t.Errorf("suggested answer placed in %s without a person", in.ThemeID)
	}
	stored := storedInputs(t, ts, f)
	if len(stored) != 1 || stored[0].Suggested != in.Suggested || stored[0].Confidence != in.Confidence || !slices.Equal(stored[0].Because, in.Because) {
		t.Errorf("stored %+v, want the suggestion that was sent", stored)
	}

	// The table's own choice stands, and is who placed it.
	chosen := newID()
	p.send(map[string]any{"type": "submit", "id": chosen, "question": f.Question(0).ID, "theme": themeNamed(f, "Kultur").ID,
		"text": "Tandläkare på biblioteket"})
	p.nextOf("ack")
	if in := nextInput(t, d, chosen); in.ThemeID != themeNamed(f, "Kultur").ID || in.PlacedBy != domain.PlacedByPhone {
		t.Errorf("chosen theme %+v", in)
	}
}

func TestAcceptAndUndoAreAudited(t *testing.T) {
	ts := newServer(t)
	names, kw := presetVGR(t)
	f := vgrWorkshop(t, ts, names, kw)
	d := staffSocket(t, ts, f)
	p := phone(t, ts, f.Table(1), -1)
	p.nextOf("snapshot")
	a := sendAnswer(t, p, f, "Fler bussar på kvällarna så att unga kan ta sig till föreningen")
	b := sendAnswer(t, p, f, "Folktandvården borde besöka äldreboenden oftare")
	nextInput(t, d, a)
	nextInput(t, d, b)

	d.send(map[string]any{"type": "moderate", "req": "acc", "item": a, "action": "accept", "sources": []string{b}})
	if m := d.nextOf("ok"); m.Req != "acc" {
		t.Fatalf("reply %+v", m)
	}
	// Both changes arrive, in the order they were committed: read them as
	// they come rather than one id after the other.
	want := map[string]string{a: "Kollektivtrafik", b: "Tandvård"}
	for seen := map[string]bool{}; len(seen) < len(want); {
		in := decode[domain.Input](t, d.nextOf("input").Data)
		theme, ok := want[in.ID]
		if !ok || seen[in.ID] {
			continue
		}
		seen[in.ID] = true
		if in.ThemeID != themeNamed(f, theme).ID || in.PlacedBy != domain.PlacedByPerson {
			t.Errorf("accepted %+v, want %s placed by a person", in, theme)
		}
	}
	d.send(map[string]any{"type": "moderate", "req": "undo", "item": b, "action": "unplace"})
	d.nextOf("ok")
	if in := nextInput(t, d, b); in.ThemeID != f.Parking().ID || in.PlacedBy != domain.PlacedByNobody {
		t.Errorf("undone %+v, want back in the parking lot, placed by nobody", in)
	}
	var actions []string
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		actions = append(actions, e.Action)
		if e.Action == "input.accept" && (!strings.Contains(e.Before, a) || !strings.Contains(e.After, `"placedBy":"person"`)) {
			t.Errorf("accept entry %+v, want both answers before and after", e)
		}
	}
	if !slices.Contains(actions, "input.accept") || !slices.Contains(actions, "input.unplace") {
		t.Errorf("audit log %v, want the acceptance and the undo", actions)
	}
}

func TestAutomaticSortingPlacesConfidentSuggestions(t *testing.T) {
	ts := newServer(t)
	names, kw := presetVGR(t)
	f := vgrWorkshop(t, ts, names, kw)
	d := staffSocket(t, ts, f)
	d.send(map[string]any{"type": "autosort", "req": "on", "state": "on"})
	d.nextOf("ok")
	if w := decode[domain.Workshop](t, d.nextOf("workshop").Data); !w.AutoSort {
		t.Fatalf("workshop %+v, want automatic sorting on", w)
	}
	p := phone(t, ts, f.Table(2), -1)
	p.nextOf("snapshot")
	sure := sendAnswer(t, p, f, "Folktandvården och tandläkarna borde informera om tandvårdsstödet för tänderna")
	unsure := sendAnswer(t, p, f, "Vi vet inte riktigt")
	in := nextInput(t, d, sure)
	if in.PlacedBy != domain.PlacedByAuto || in.ThemeID != themeNamed(f, "Tandvård").ID || in.Confidence < sense.ConfidentAt {
		t.Errorf("confident answer %+v, want placed in Tandvård by the setting", in)
	}
	if in := nextInput(t, d, unsure); in.PlacedBy != domain.PlacedByNobody || in.ThemeID != f.Parking().ID {
		t.Errorf("unsure answer %+v, want it to wait in the parking lot", in)
	}
	var found *domain.AuditEntry
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		if e.Action == "input.auto_place" {
			found = &e
		}
	}
	if found == nil || found.Actor.Name != domain.AutoSortActor.Name || found.ObjectID != sure || !strings.Contains(found.After, `"placedBy":"auto"`) {
		t.Errorf("audit entry %+v, want the automatic placement of %s by the setting", found, sure)
	}
	// A person undoes it: back to be sorted.
	d.send(map[string]any{"type": "moderate", "req": "u", "item": sure, "action": "unplace"})
	d.nextOf("ok")
	if in := nextInput(t, d, sure); in.PlacedBy != domain.PlacedByNobody || in.ThemeID != f.Parking().ID {
		t.Errorf("after undo %+v", in)
	}
}

// A workshop with themes of its own and no keywords learns from what people
// place, live, and knows it again after a restart (the models are rebuilt
// from the rows).
func TestModelsLearnFromPlacementsAndSurviveARestart(t *testing.T) {
	store := testutil.MustOpenStore(t)
	ts := serveStore(t, store, nil)
	f := vgrWorkshop(t, ts, []string{"Mat och fika", "Lokaler"}, nil)
	fika, lokaler := themeNamed(f, "Mat och fika"), themeNamed(f, "Lokaler")
	d := staffSocket(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	placed := map[string][]string{
		fika.ID:    {"kaffe och bullar på mötena", "smörgåsar och kaffe till volontärerna", "gratis kaffe lockar folk"},
		lokaler.ID: {"billiga lokaler att hyra på kvällen", "föreningar saknar lokaler för möten", "skolans lokaler står tomma på kvällen"},
	}
	for theme, texts := range placed {
		for _, text := range texts {
			id := sendAnswer(t, p, f, text)
			d.send(map[string]any{"type": "moderate", "req": "m", "item": id, "action": "move", "theme": theme})
			d.nextOf("ok")
		}
	}
	ctx := context.Background()
	waitFor := func(models *sorting.Registry, text, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s, err := models.SuggestText(ctx, f.WorkshopID(), text)
			if err != nil {
				t.Fatal(err)
			}
			if s.ThemeID == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("suggestion for %q is %+v, want %s", text, s, want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitFor(ts.models, "mer kaffe på träffarna", fika.ID)
	waitFor(ts.models, "vi behöver lokaler", lokaler.ID)

	// The answers waiting to be sorted get the new suggestions too.
	waiting := sendAnswer(t, p, f, "kaffe och kakor")
	deadline := time.Now().Add(10 * time.Second)
	for {
		if in := nextInput(t, d, waiting); in.Suggested == fika.ID {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the waiting answer never got the learned suggestion")
		}
	}

	again := serveStore(t, store, nil)
	waitFor(again.models, "mer kaffe på träffarna", fika.ID)
	waitFor(again.models, "vi behöver lokaler", lokaler.ID)
}

// Editing a theme's keywords gives the answers waiting to be sorted new
// suggestions (and nothing is placed by it).
func TestKeywordsEditedOnTheWorkshopPage(t *testing.T) {
	ts := newServer(t)
	f := vgrWorkshop(t, ts, []string{"Idrott", "Natur"}, nil)
	d := staffSocket(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := sendAnswer(t, p, f, "Fler elljusspår och motionsslingor i skogen")
	if in := nextInput(t, d, id); in.Suggested == themeNamed(f, "Natur").ID && in.Confidence >= sense.ConfidentAt {
		t.Fatalf("confident before any keyword: %+v", in)
	}
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	natur := themeNamed(f, "Natur")
	page := "/admin/workshops/" + f.WorkshopID()
	res := b.postForm(page, page+"/themes/"+natur.ID, url.Values{"name": {"Natur"}, "color": {natur.Color},
		"keywords": {"skog, elljusspår\nmotionsslinga, friluftsliv"}})
	if res.Status != 303 {
		t.Fatalf("status %d: %s", res.Status, res.Body)
	}
	if th := decode[domain.Theme](t, d.nextOf("theme").Data); !slices.Equal(th.Keywords, []string{"skog", "elljusspår", "motionsslinga", "friluftsliv"}) {
		t.Errorf("theme %+v", th)
	}
	in := nextInput(t, d, id)
	if in.Suggested != natur.ID || in.PlacedBy != domain.PlacedByNobody || in.ThemeID != f.Parking().ID {
		t.Errorf("after keywords %+v, want Natur suggested and nothing placed", in)
	}
	if !strings.Contains(b.get(page).Body, "motionsslinga") {
		t.Error("the workshop page does not show the keywords")
	}
}

func TestDashboardViewsAndSummary(t *testing.T) {
	ts := newServer(t)
	names, kw := presetVGR(t)
	f := vgrWorkshop(t, ts, names, kw)
	d := staffSocket(t, ts, f)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	q := phone(t, ts, f.Table(1), -1)
	q.nextOf("snapshot")
	a := sendAnswer(t, p, f, "Läxhjälp via ideella organisationer")
	b := sendAnswer(t, q, f, "Läxhjälp genom föreningar")
	sendAnswer(t, q, f, "Bussarna går för sällan på landsbygden")
	utb := themeNamed(f, "Utbildning")
	for _, id := range []string{a, b} {
		d.send(map[string]any{"type": "moderate", "req": "m", "item": id, "action": "move", "theme": utb.ID})
		d.nextOf("ok")
	}
	// The learner takes changes on its own goroutine: ask until it knows them.
	var similar struct {
		Similar []sorting.Similar `json:"similar"`
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		d.send(map[string]any{"type": "similar", "req": "s", "item": a})
		similar = decode[struct {
			Similar []sorting.Similar `json:"similar"`
		}](t, d.nextOf("ok").Data)
		if len(similar.Similar) > 0 || time.Now().After(deadline) {
			break
		}
	}
	if len(similar.Similar) != 1 || similar.Similar[0].ID != b || len(similar.Similar[0].Shared) == 0 {
		t.Fatalf("similar %+v, want the other answer on läxhjälp with the words they share", similar)
	}
	d.send(map[string]any{"type": "similar", "req": "all"})
	pairs := decode[struct {
		Pairs []sorting.Pair `json:"pairs"`
	}](t, d.nextOf("ok").Data)
	if len(pairs.Pairs) != 1 || pairs.Pairs[0].A == pairs.Pairs[0].B {
		t.Errorf("pairs %+v, want the one pair", pairs)
	}
	d.send(map[string]any{"type": "theme_view", "req": "v", "item": utb.ID})
	view := decode[sorting.ThemeView](t, d.nextOf("ok").Data)
	if len(view.Terms) == 0 || view.Terms[0].Word != "läxhjälp" || view.Terms[0].Count != 2 {
		t.Errorf("terms %+v, want läxhjälp in both", view.Terms)
	}
	if len(view.Representatives) != 1 || view.Representatives[0].Tables != 2 {
		t.Errorf("representatives %+v, want one standing for two tables", view.Representatives)
	}
	d.send(map[string]any{"type": "summary", "req": "sum", "item": utb.ID, "text": "  Läxhjälp   med föreningar "})
	d.nextOf("ok")
	if th := decode[domain.Theme](t, d.nextOf("theme").Data); th.Summary != "Läxhjälp med föreningar" {
		t.Errorf("summary %q", th.Summary)
	}
	// Phones see themes, not the facilitators' keywords and summaries.
	if m := p.nextOf("theme"); strings.Contains(string(m.Data), "summary") || strings.Contains(string(m.Data), "keywords") {
		t.Errorf("phone got %s", m.Data)
	}
}

func TestReadersSeeViewsButSortNothing(t *testing.T) {
	ts := newServer(t)
	names, kw := presetVGR(t)
	f := vgrWorkshop(t, ts, names, kw)
	reader := ts.withUser(t, "lasare@example.se", "ett långt lösenord för läsaren", domain.RoleReader)
	ts.assign(t, domain.KindWorkshop, f.WorkshopID(), reader.ID)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := sendAnswer(t, p, f, "Folktandvården på skolan")
	b := ts.browser(t)
	b.login("lasare@example.se", "ett långt lösenord för läsaren")
	d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	d.nextOf("snapshot")
	d.send(map[string]any{"type": "theme_view", "req": "v", "item": f.Parking().ID})
	if m := d.nextOf("ok"); m.Req != "v" {
		t.Errorf("view refused: %+v", m)
	}
	for _, msg := range []map[string]any{
		{"type": "moderate", "req": "a", "item": id, "action": "accept"},
		{"type": "autosort", "req": "b", "state": "on"},
		{"type": "summary", "req": "c", "item": f.Parking().ID, "text": "x"},
	} {
		d.send(msg)
		if m := d.nextOf("error"); m.Code != "read_only" {
			t.Errorf("%v: reply %+v, want read_only", msg, m)
		}
	}
}
