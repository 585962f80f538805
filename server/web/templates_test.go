package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
)

// createFrom makes a workshop from a template on the new-workshop page and
// returns what it got.
func createFrom(t *testing.T, ts *testServer, b *browser, templateID, name string) storage.Snapshot {
	t.Helper()
	res := b.postForm("/admin/workshops/new/"+templateID, "/admin/workshops/from-template",
		url.Values{"template": {templateID}, "name": {name}, "date": {"2026-09-17"}, "place": {"Ljungskile folkhögskola"}})
	if res.Status != http.StatusSeeOther || !strings.HasSuffix(res.Location, "?saved=created") {
		t.Fatalf("create from %s: %d %q %s", templateID, res.Status, res.Location, res.Body)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(res.Location, "/admin/workshops/"), "?saved=created")
	snap, err := ts.store.Snapshot(context.Background(), id, storage.NoInputs)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Workshop.Name != name || snap.Workshop.Date != "2026-09-17" || snap.Workshop.State != domain.WorkshopDraft {
		t.Errorf("new workshop %+v", snap.Workshop)
	}
	return snap
}

func TestTemplateRoundTrip(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	ctx := context.Background()
	ts.withAdmin(t)
	other := ts.withUser(t, "other@example.se", "leder en annan workshop", domain.RoleFacilitator)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	page := "/admin/workshops/" + f.WorkshopID()

	// Make the workshop its own: a word question, keywords, a summary (which
	// a template leaves out), a table with a name.
	addWordQuestion(t, ts, b, f.WorkshopID(), "Ett ord om dagen?")
	theme := f.Theme(1)
	if res := b.postForm(page, page+"/themes/"+theme.ID, url.Values{"name": {theme.Name}, "color": {"teal"},
		"keywords": {"dialog\nsamtal, möten"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("keywords: %d", res.Status)
	}
	ts.do(t, &workshop.SetThemeSummary{WorkshopID: f.WorkshopID(), ThemeID: theme.ID, Summary: "Mer dialog"})
	if res := b.postForm(page, page+"/tables/"+f.Table(2).ID, url.Values{"name": {"Bord 3 – vid fönstret"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("rename: %d", res.Status)
	}
	// A time box travels with its question.
	if res := b.postForm(page, page+"/questions/"+f.Question(0).ID+"/timebox", url.Values{"duration": {"2:30"}, "auto_close": {"on"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("time box: %d", res.Status)
	}
	original, err := ts.store.Snapshot(ctx, f.WorkshopID(), storage.NoInputs)
	if err != nil {
		t.Fatal(err)
	}

	res := b.postForm(page, page+"/template", url.Values{"name": {"Vår mall för dialogdagar"}})
	if res.Status != http.StatusSeeOther || !strings.Contains(res.Location, "saved=template") {
		t.Fatalf("save as template: %d %q", res.Status, res.Location)
	}
	list, err := ts.store.Templates(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "Vår mall för dialogdagar" {
		t.Fatalf("templates %+v %v", list, err)
	}
	tpl := list[0]
	listing := b.get("/admin/templates")
	for _, want := range []string{"Vår mall för dialogdagar", "Konferensen i Ljungskile", "5 frågor · 6 teman · 3 bord"} {
		if !strings.Contains(listing.Body, want) {
			t.Errorf("the templates page does not show %q", want)
		}
	}
	if newPage := b.get("/admin/workshops/new"); !strings.Contains(newPage.Body, "Vår mall för dialogdagar") {
		t.Errorf("the new-workshop page does not offer the template")
	}

	copied := createFrom(t, ts, b, tpl.ID, "Dialogdag 2")
	if copied.Workshop.ID == f.WorkshopID() || copied.Workshop.JoinCode == original.Workshop.JoinCode {
		t.Errorf("the copy is not a workshop of its own")
	}
	if original.Questions[0].Duration != 150 || !original.Questions[0].AutoClose {
		t.Fatalf("the original's time box: %+v", original.Questions[0])
	}
	if len(copied.Questions) != len(original.Questions) {
		t.Fatalf("questions %d, want %d", len(copied.Questions), len(original.Questions))
	}
	for i, q := range copied.Questions {
		o := original.Questions[i]
		if q.Text != o.Text || q.Kind != o.Kind || q.Duration != o.Duration || q.AutoClose != o.AutoClose ||
			q.State != domain.QuestionPending || q.ID == o.ID {
			t.Errorf("question %d: %+v, want %q (%s), not yet open", i, q, o.Text, o.Kind)
		}
	}
	if len(copied.Themes) != len(original.Themes) {
		t.Fatalf("themes %d, want %d", len(copied.Themes), len(original.Themes))
	}
	for i, th := range copied.Themes {
		o := original.Themes[i]
		if th.Name != o.Name || th.Color != o.Color || th.Parking != o.Parking || !slices.Equal(th.Keywords, o.Keywords) || th.Summary != "" {
			t.Errorf("theme %d: %+v, want %+v without its summary", i, th, o)
		}
	}
	if got := copied.Themes[1].Keywords; !slices.Equal(got, []string{"dialog", "samtal", "möten"}) {
		t.Errorf("keywords %v", got)
	}
	if len(copied.Tables) != len(original.Tables) {
		t.Fatalf("tables %d, want %d", len(copied.Tables), len(original.Tables))
	}
	for i, tb := range copied.Tables {
		if tb.Name != original.Tables[i].Name || tb.Code == original.Tables[i].Code {
			t.Errorf("table %d: %+v, want %q with a code of its own", i, tb, original.Tables[i].Name)
		}
	}

	// Who did what is on record.
	var actions []string
	for _, e := range auditActions(t, ts, f.WorkshopID()) {
		actions = append(actions, e.Action)
	}
	if !slices.Contains(actions, "template.create") {
		t.Errorf("audit of the workshop %v, want template.create", actions)
	}
	fromTemplate := false
	for _, e := range auditActions(t, ts, copied.Workshop.ID) {
		if e.Action == "workshop.create_from_template" && strings.Contains(e.Before, tpl.ID) && e.ObjectID == copied.Workshop.ID {
			fromTemplate = true
		}
	}
	if !fromTemplate {
		t.Errorf("the audit log does not say the copy was made from the template")
	}

	// A processledare who did not save it may not delete it; an administrator may.
	ob := ts.browser(t)
	ob.login(other.Email, "leder en annan workshop")
	if res := ob.postForm("/admin/templates", "/admin/templates/"+tpl.ID+"/delete", url.Values{}); res.Status != http.StatusForbidden {
		t.Errorf("another processledare deleting: %d", res.Status)
	}
	if res := b.postForm("/admin/templates", "/admin/templates/"+tpl.ID+"/delete", url.Values{}); res.Status != http.StatusSeeOther {
		t.Fatalf("delete: %d %s", res.Status, res.Body)
	}
	if list, _ := ts.store.Templates(ctx); len(list) != 0 {
		t.Errorf("after delete: %+v", list)
	}
	entries, err := ts.store.AuditEntries(ctx, storage.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	deleted := false
	for _, e := range entries {
		if e.Action == "template.delete" && e.ObjectID == tpl.ID && strings.Contains(e.Before, "Vår mall") {
			deleted = true
		}
	}
	if !deleted {
		t.Errorf("the deletion is not in the audit log")
	}
}

func TestLjungskileTemplateShipsWithSamrad(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	snap := createFrom(t, ts, b, workshop.LjungskileTemplateID, "Ljungskile igen")

	// Slide 14 of the conference's presentation.
	slide14 := []string{
		"Vad ser ni för möjligheter i er nämnd/styrelse att arbeta tillsammans med social ekonomi?",
		"Vilka samarbeten har ni idag?",
		"Hur skulle ni kunna utveckla samarbetet?",
		"Utmaningar?",
	}
	var texts []string
	for _, q := range snap.Questions {
		texts = append(texts, q.Text)
	}
	if !slices.Equal(texts, slide14) {
		t.Errorf("questions %q, want slide 14's", texts)
	}
	names, _ := domain.PresetThemes("vgr")
	keywords, _ := sense.PresetKeywords("vgr")
	if len(snap.Themes) != len(names)+1 || !snap.Themes[len(names)].Parking {
		t.Fatalf("themes %+v, want VGR:s verksamheter and the parking lot", snap.Themes)
	}
	for i, name := range names {
		th := snap.Themes[i]
		if th.Name != name || len(th.Keywords) == 0 || !slices.Equal(th.Keywords, keywords[name]) {
			t.Errorf("theme %d: %s with %d keywords, want %s with the shipped list", i, th.Name, len(th.Keywords), name)
		}
	}
	if len(snap.Tables) != 20 || snap.Tables[19].Name != "Bord 20" {
		t.Errorf("tables %d", len(snap.Tables))
	}
	if res := b.postForm("/admin/templates", "/admin/templates/"+workshop.LjungskileTemplateID+"/delete", url.Values{}); res.Status != http.StatusConflict {
		t.Errorf("deleting the built-in template: %d", res.Status)
	}
}
