package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
)

// One theme view shows both what a workshop's tables said and the
// consultation comments tagged with that theme.
func TestThemeViewShowsWorkshopInputAndTaggedComments(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	f := testutil.MustWorkshop(t, ts.store, ts.writer, 2)
	theme := f.Theme(0)

	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	p.send(map[string]any{"type": "submit", "id": newID(), "question": f.Question(0).ID, "theme": theme.ID,
		"text": "Långsiktiga avtal med föreningarna"})
	p.nextOf("ack")

	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	org := ts.browser(t)
	link := links["RSMH Västra Götaland"]
	answer := answerForm("RSMH Västra Götaland", sections, domain.StanceOppose)
	answer.Set("s-"+sections[0].ID+"-comment", "Överenskommelsen behöver längre avtal")
	answer.Set("action", "submit")
	if res := org.postForm(link, link, answer); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	r, _ := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))

	page := "/admin/consultations/" + id
	section := page + "/sections/" + sections[0].ID
	// Without a theme workshop there is nothing to tag with.
	if res := admin.postForm(section, section+"/tag", url.Values{"respondent": {r.ID}, "theme": {theme.ID}}); res.Status != http.StatusNotFound {
		t.Errorf("tag before choosing a workshop: %d, want 404", res.Status)
	}
	if res := admin.postForm(page, page+"/themes", url.Values{"workshop": {f.WorkshopID()}}); res.Status != http.StatusSeeOther {
		t.Fatalf("choose the workshop: %d", res.Status)
	}
	if res := admin.postForm(section, section+"/tag", url.Values{"respondent": {r.ID}, "theme": {theme.ID}}); res.Status != http.StatusSeeOther {
		t.Fatalf("tag: %d", res.Status)
	}
	if res := admin.get(section); !strings.Contains(res.Body, "/admin/workshops/"+f.WorkshopID()+"/themes/"+theme.ID) {
		t.Errorf("the section page does not link the comment to its theme")
	}

	view := admin.get("/admin/workshops/" + f.WorkshopID() + "/themes/" + theme.ID)
	if view.Status != http.StatusOK {
		t.Fatalf("theme page: %d", view.Status)
	}
	for _, want := range []string{"Långsiktiga avtal med föreningarna", "Överenskommelsen behöver längre avtal", "RSMH Västra Götaland", "Avstyrker"} {
		if !strings.Contains(view.Body, want) {
			t.Errorf("the theme page lacks %q", want)
		}
	}
	other := admin.get("/admin/workshops/" + f.WorkshopID() + "/themes/" + f.Theme(1).ID)
	if strings.Contains(other.Body, "Överenskommelsen behöver längre avtal") {
		t.Errorf("the comment shows under another theme")
	}

	// A processledare who may see the workshop but not the consultation sees only the workshop's input.
	fac := ts.withUser(t, "camilla@example.se", "processledare 2026", domain.RoleFacilitator)
	ts.assign(t, domain.KindWorkshop, f.WorkshopID(), fac.ID)
	b := ts.browser(t)
	b.login("camilla@example.se", "processledare 2026")
	mine := b.get("/admin/workshops/" + f.WorkshopID() + "/themes/" + theme.ID)
	if !strings.Contains(mine.Body, "Långsiktiga avtal med föreningarna") || strings.Contains(mine.Body, "Överenskommelsen behöver längre avtal") {
		t.Errorf("a processledare without access to the consultation sees its comments (or not the workshop's input)")
	}

	// Untagging removes it from the view.
	if res := admin.postForm(section, section+"/tag", url.Values{"respondent": {r.ID}, "theme": {""}}); res.Status != http.StatusSeeOther {
		t.Fatalf("untag: %d", res.Status)
	}
	view = admin.get("/admin/workshops/" + f.WorkshopID() + "/themes/" + theme.ID)
	tagged, suggested, _ := strings.Cut(view.Body, "Remissynpunkter som kanske hör hit")
	if strings.Contains(tagged, "Överenskommelsen behöver längre avtal") {
		t.Errorf("an untagged comment still shows as tagged")
	}
	// It is offered instead, as the theme suggested for it (the table's
	// answer on long agreements placed in the theme taught it), to be tagged
	// by a person.
	if !strings.Contains(suggested, "Överenskommelsen behöver längre avtal") || !strings.Contains(suggested, "Märk med temat") {
		t.Errorf("the untagged comment is not offered with its suggestion:\n%s", suggested)
	}
}

// Someone who may not see the workshop chosen for a consultation's themes
// neither sees its theme names nor tags with them.
func TestThemesNeedAccessToTheirWorkshop(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	f := testutil.MustWorkshop(t, ts.store, ts.writer, 1)
	theme := f.Theme(0)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Ideell Arena"]
	answer := answerForm("Ideell Arena", sections, domain.StanceSupport)
	answer.Set("action", "submit")
	if res := ts.browser(t).postForm(link, link, answer); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	r, _ := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))
	page := "/admin/consultations/" + id
	if res := admin.postForm(page, page+"/themes", url.Values{"workshop": {f.WorkshopID()}}); res.Status != http.StatusSeeOther {
		t.Fatalf("choose the workshop: %d", res.Status)
	}

	section := page + "/sections/" + sections[0].ID
	if !strings.Contains(admin.get(section).Body, theme.ID) {
		t.Fatal("the administrator, who may see the workshop, is not offered its themes")
	}
	fac := ts.withUser(t, "camilla@example.se", "processledare 2026", domain.RoleFacilitator)
	ts.assign(t, domain.KindConsultation, id, fac.ID)
	b := ts.browser(t)
	b.login("camilla@example.se", "processledare 2026")
	view := b.get(section)
	if view.Status != http.StatusOK {
		t.Fatalf("section page: %d", view.Status)
	}
	if strings.Contains(view.Body, theme.Name) || strings.Contains(view.Body, theme.ID) {
		t.Errorf("the section page shows the theme %q of a workshop the user may not see", theme.Name)
	}
	if res := b.postForm(section, section+"/tag", url.Values{"respondent": {r.ID}, "theme": {theme.ID}}); res.Status != http.StatusNotFound {
		t.Errorf("tagging with another workshop's theme: %d, want 404", res.Status)
	}
	if tags, _ := ts.store.CommentThemes(ctx, id); len(tags) != 0 {
		t.Errorf("the comment was tagged: %v", tags)
	}
}
