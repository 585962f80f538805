package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

func TestPrivateLinksOnlyForThoseWhoRunTheConsultation(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin) // checks that the runner sees every link
	u := ts.withUser(t, "reader@example.se", "läser men ändrar inget", domain.RoleReader)
	ts.assign(t, domain.KindConsultation, id, u.ID)
	reader := ts.browser(t)
	reader.login("reader@example.se", "läser men ändrar inget")
	page := reader.get("/admin/consultations/" + id)
	if page.Status != http.StatusOK {
		t.Fatalf("reader's consultation page: %d", page.Status)
	}
	for org, link := range links {
		if strings.Contains(page.Body, link) {
			t.Errorf("a reader sees the private link of %s", org)
		}
	}
}

func TestAnswerFromAStaffSessionIsRecordedAsSuch(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Ideell Arena"]
	f := answerForm("Ideell Arena", sections, domain.StanceSupport)
	f.Set("action", "submit")
	if res := admin.postForm(link, link, f); res.Status != http.StatusSeeOther {
		t.Fatalf("submit from a staff session: %d", res.Status)
	}
	r, err := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := ts.store.Version(ctx, r.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.SentBy, adminEmail) {
		t.Errorf("version 1 sent by %q, want the administrator", v.SentBy)
	}
	audit := admin.get("/admin/audit.csv").Body
	if !strings.Contains(audit, "consultation.staff_response") || !strings.Contains(audit, adminEmail) {
		t.Error("the audit log does not name the user who sent the response")
	}
	page := admin.get("/admin/consultations/" + id + "/responses/" + r.ID)
	if !strings.Contains(page.Body, "Skickat av en inloggad användare: ") || !strings.Contains(page.Body, adminEmail) {
		t.Error("the response page does not say that staff sent it")
	}
	// A respondent's own answer says nothing of the kind.
	own := links["Länsbygderådet"]
	g := answerForm("Länsbygderådet", sections, domain.StanceOppose)
	g.Set("action", "submit")
	if res := ts.browser(t).postForm(own, own, g); res.Status != http.StatusSeeOther {
		t.Fatalf("respondent's submit: %d", res.Status)
	}
	r2, _ := ts.store.RespondentByToken(ctx, strings.TrimPrefix(own, "/r/"))
	if v, _ := ts.store.Version(ctx, r2.ID, 1); v.SentBy != "" {
		t.Errorf("a respondent's own answer is marked sent by %q", v.SentBy)
	}
}
