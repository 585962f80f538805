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

func TestContactDetailsCanBeRemovedWhileTheResponseStays(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Länsbygderådet"]
	org := ts.browser(t)
	answer := answerForm("Länsbygderådet", sections, domain.StanceSupport)
	answer.Set("action", "submit")
	if res := org.postForm(link, link, answer); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	r, err := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))
	if err != nil {
		t.Fatal(err)
	}
	before, err := ts.store.Versions(ctx, r.ID)
	if err != nil || len(before) != 1 || before[0].Answer.Email == "" || before[0].Answer.Contact == "" {
		t.Fatalf("submitted version: %+v %v", before, err)
	}

	page := "/admin/consultations/" + id + "/responses/" + r.ID
	res := admin.postForm(page, page+"/contact", url.Values{})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("remove contact details: %d", res.Status)
	}
	after, err := ts.store.Versions(ctx, r.ID)
	if err != nil || len(after) != 1 {
		t.Fatal(err)
	}
	a, b := after[0].Answer, before[0].Answer
	if a.Contact != "" || a.Email != "" {
		t.Errorf("contact details left: %q %q", a.Contact, a.Email)
	}
	if a.Organisation != b.Organisation || a.General != b.General || len(a.Sections) != len(b.Sections) ||
		after[0].SubmittedAt != before[0].SubmittedAt {
		t.Errorf("the response changed beyond its contact details")
	}
	if shown := admin.get(res.Location); strings.Contains(shown.Body, b.Email) || !strings.Contains(shown.Body, "Kontaktuppgifterna är borttagna") {
		t.Errorf("the response page still shows the e-mail, or no confirmation")
	}
	entries, _ := ts.store.AuditEntries(ctx, storage.AuditFilter{EventID: id})
	logged := false
	for _, e := range entries {
		if e.Action == "consultation.contact_removed" && e.ObjectID == r.ID {
			logged = !strings.Contains(e.After+e.Before, b.Email)
		}
	}
	if !logged {
		t.Errorf("the removal is not in the audit log (or the log kept the e-mail)")
	}
	// A second request changes nothing and is not an error.
	if res := admin.postForm(page, page+"/contact", url.Values{}); res.Status != http.StatusSeeOther {
		t.Errorf("second removal: %d", res.Status)
	}
}
