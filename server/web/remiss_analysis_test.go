package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// answered creates the example consultation with two submitted answers and
// returns its id, sections and the respondents by organisation.
func answered(t *testing.T, ts *testServer, admin *browser) (string, []domain.Section, map[string]domain.Respondent, map[string]string) {
	t.Helper()
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	for org, stances := range map[string][]domain.Stance{
		"Coompanion Göteborgsregionen": {domain.StanceSupport, domain.StancePartly},
		"Länsbygderådet":               {domain.StanceOppose, domain.StanceOppose},
	} {
		f := answerForm(org, sections, stances...)
		f.Set("action", "submit")
		f.Set("general", "Allmänt från "+org)
		if res := ts.browser(t).postForm(links[org], links[org], f); res.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d", org, res.Status)
		}
	}
	list, _, _ := ts.store.Respondents(context.Background(), id)
	byOrg := map[string]domain.Respondent{}
	for _, r := range list {
		byOrg[r.Organisation] = r
	}
	return id, sections, byOrg, links
}

func TestWorkingGroupAnalysis(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, sections, byOrg, links := answered(t, ts, admin)
	lbr := byOrg["Länsbygderådet"]
	section := "/admin/consultations/" + id + "/sections/" + sections[1].ID
	note := "/admin/consultations/" + id + "/analysis/note"

	page := admin.get(section)
	if !strings.Contains(page.Body, `id="n-`+lbr.ID+`-`+sections[1].ID+`-comment"`) || !strings.Contains(page.Body, "Arbetsgruppens kommentar") {
		t.Fatal("the section page has no note form for the view")
	}
	form := url.Values{"respondent": {lbr.ID}, "part": {sections[1].ID}, "comment": {"Landsbygden nämns i avsnitt 4."},
		"action": {"partly"}, "base": {""}, "back": {sections[1].ID}}
	res := admin.postForm(section, note, form)
	if res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, section+"?saved=note#n-"+lbr.ID) {
		t.Fatalf("save: %d → %q: %s", res.Status, res.Location, res.Body)
	}
	page = admin.get(res.Location)
	if !strings.Contains(page.Body, ">Landsbygden nämns i avsnitt 4.</textarea>") || !strings.Contains(page.Body, `<option value="partly" selected>Beaktas delvis</option>`) ||
		!strings.Contains(page.Body, "Senast ändrad av Anna Processledare") && !strings.Contains(page.Body, "Senast ändrad av Administratör") {
		t.Fatalf("the saved note is not shown")
	}

	// A colleague who opened the page before the save is not allowed to overwrite it unseen.
	stale := url.Values{"respondent": {lbr.ID}, "part": {sections[1].ID}, "comment": {"Min egen text"}, "action": {"rejected"},
		"base": {""}, "back": {sections[1].ID}}
	res = admin.postForm(section, note, stale)
	if res.Status != http.StatusConflict || !strings.Contains(res.Body, "En kollega sparade här medan du skrev") ||
		!strings.Contains(res.Body, ">Min egen text</textarea>") || !strings.Contains(res.Body, "Landsbygden nämns i avsnitt 4.") {
		t.Fatalf("a stale save: %d", res.Status)
	}
	notes, _ := ts.store.Notes(context.Background(), id)
	if n := notes[lbr.ID+"/"+sections[1].ID]; n.Comment != "Landsbygden nämns i avsnitt 4." || n.Action != domain.ActionPartly || n.Version != 1 {
		t.Fatalf("stored note %+v", n)
	}

	// Summaries: one for the section, one for everything; notes on general views.
	summary := "/admin/consultations/" + id + "/analysis/summary"
	if res := admin.postForm(section, summary, url.Values{"part": {sections[1].ID}, "text": {"Två av två avstyrker eller tillstyrker delvis."},
		"base": {""}, "back": {sections[1].ID}}); res.Status != http.StatusSeeOther {
		t.Fatalf("section summary: %d", res.Status)
	}
	analysis := "/admin/consultations/" + id + "/analysis"
	if res := admin.postForm(analysis, summary, url.Values{"part": {"overall"}, "text": {"Remissinstanserna vill se landsbygden."},
		"base": {""}, "back": {"analysis"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("overall summary: %d", res.Status)
	}
	if res := admin.postForm(analysis, note, url.Values{"respondent": {lbr.ID}, "part": {"general"}, "comment": {"Noterat."},
		"action": {"none"}, "base": {""}, "back": {"analysis"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("note on general views: %d", res.Status)
	}
	page = admin.get(analysis)
	for _, want := range []string{">Remissinstanserna vill se landsbygden.</textarea>", "Allmänt från Länsbygderådet", ">Noterat.</textarea>",
		`<option value="none" selected>Ingen åtgärd</option>`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the analysis page lacks %q", want)
		}
	}
	if res := admin.postForm(analysis, note, url.Values{"respondent": {lbr.ID}, "part": {"kanske"}, "action": {"none"}, "back": {"analysis"}}); res.Status != http.StatusNotFound {
		t.Errorf("a note on no part: %d", res.Status)
	}
	if res := admin.postForm(analysis, note, url.Values{"respondent": {lbr.ID}, "part": {"other"}, "action": {"kanske"}, "back": {"analysis"}}); res.Status != http.StatusBadRequest {
		t.Errorf("an unknown action: %d", res.Status)
	}

	// Audited: who, what, before and after.
	entries, err := ts.store.AuditEntries(context.Background(), storage.AuditFilter{EventID: id, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e.Action == "consultation.note" && strings.Contains(e.After, "Landsbygden nämns") && strings.Contains(e.Before, `"comment":""`) {
			found = true
		}
	}
	if !found {
		t.Error("the note is not in the audit log with before and after")
	}

	// A new version of the answer makes the note stale, and says so.
	f := answerForm("Länsbygderådet", sections, domain.StanceSupport, domain.StanceSupport)
	f.Set("action", "submit")
	f.Set("base_version", "1")
	if res := ts.browser(t).postForm(links["Länsbygderådet"], links["Länsbygderådet"], f); res.Status != http.StatusSeeOther {
		t.Fatalf("version 2: %d", res.Status)
	}
	if page := admin.get(section); !strings.Contains(page.Body, "Kommentaren skrevs om version 1 av svaret.") {
		t.Error("a note on an earlier version is not marked")
	}

	// A reader sees the analysis and cannot change it.
	reader := ts.withUser(t, "reader@example.se", "läser men ändrar inget", domain.RoleReader)
	ts.assign(t, domain.KindConsultation, id, reader.ID)
	rb := ts.browser(t)
	rb.login("reader@example.se", "läser men ändrar inget")
	page = rb.get(section)
	if strings.Contains(page.Body, "/analysis/note") || !strings.Contains(page.Body, "Landsbygden nämns i avsnitt 4.") {
		t.Error("a reader gets the form, or does not see the note")
	}
	form.Set("_csrf", rb.csrf("/admin/account"))
	if res := rb.post(note, form); res.Status != http.StatusForbidden {
		t.Errorf("a reader's save: %d", res.Status)
	}
}
