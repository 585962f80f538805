package web_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

// attachedBytes reads, from the database file, how many files a respondent
// has stored and their size.
func attachedBytes(t *testing.T, ts *testServer, respondentID string) (files int, size int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+ts.store.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT count(*), coalesce(sum(size), 0) FROM consultation_attachments WHERE respondent_id = ?`,
		respondentID).Scan(&files, &size); err != nil {
		t.Fatal(err)
	}
	return files, size
}

func TestDraftUploadsReplaceTheirAttachment(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["RSMH Västra Götaland"]
	org := ts.browser(t)
	r, err := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := func(n int) []byte {
		return append([]byte("%PDF-1.7\n% utkast "+strings.Repeat("x", n)+"\n"), make([]byte, 256<<10)...)
	}
	draft := url.Values{"action": {"draft"}, "general": {"Utkast med bilaga"}}
	for i := 0; i < 5; i++ {
		draft.Set("_csrf", org.csrf(link))
		if res := org.postMultipart(link, draft, "attachment", "utkast.pdf", pdf(i)); res.Status != http.StatusSeeOther {
			t.Fatalf("draft %d: status %d", i, res.Status)
		}
	}
	if files, size := attachedBytes(t, ts, r.ID); files != 1 || size > 300<<10 {
		t.Errorf("after 5 draft saves with a file: %d files, %d bytes stored, want the one the draft uses", files, size)
	}
	d, _ := ts.store.Draft(ctx, r.ID)
	// Sending keeps the draft's file with the version; a later draft with
	// another file replaces only the draft's.
	answer := answerForm("RSMH Västra Götaland", sections, domain.StanceSupport)
	answer.Set("action", "submit")
	answer.Set("attachment_id", d.Answer.AttachmentID)
	if res := org.postForm(link, link, answer); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	for i := 0; i < 3; i++ {
		draft.Set("_csrf", org.csrf(link))
		if res := org.postMultipart(link, draft, "attachment", "nytt.pdf", pdf(10+i)); res.Status != http.StatusSeeOther {
			t.Fatalf("later draft %d: status %d", i, res.Status)
		}
	}
	if files, _ := attachedBytes(t, ts, r.ID); files != 2 {
		t.Errorf("%d files, want the version's and the new draft's", files)
	}
	v, _ := ts.store.Version(ctx, r.ID, 1)
	if res := admin.get("/admin/consultations/" + id + "/attachments/" + v.Answer.AttachmentID); res.Status != http.StatusOK {
		t.Errorf("the submitted version's file: %d", res.Status)
	}
	// Removing the file from the draft removes it.
	remove := formOf(t, org.get(link).Body)
	remove.Set("remove_attachment", "1")
	remove.Set("action", "draft")
	if res := org.post(link, remove); res.Status != http.StatusSeeOther {
		t.Fatalf("remove: %d", res.Status)
	}
	if files, _ := attachedBytes(t, ts, r.ID); files != 1 {
		t.Errorf("%d files after removing the draft's, want the version's", files)
	}
}
