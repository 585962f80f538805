package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

func TestPublicLinkCannotFillAConsultation(t *testing.T) {
	clock := &testClock{now: remissDeadline.Add(-20 * 24 * time.Hour)}
	ts := serveStore(t, testutil.MustOpenStore(t), func(cfg *web.Config, store *storage.Store) {
		cfg.Now, cfg.ProxyHeader = clock.Now, "X-Forwarded-For"
		store.SetClock(clock.Now)
	})
	ts.withAdmin(t)
	admin := ts.browser(t)
	admin.from = "192.0.2.200"
	admin.login(adminEmail, adminPassword)
	id, _ := createDemo(t, ts, admin)
	ctx := context.Background()
	con, err := ts.store.Consultation(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	public := "/p/" + con.PublicToken
	count := func() int {
		list, _, err := ts.store.Respondents(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	before := count()

	// One address posting the public form over and over is stopped early.
	flood := ts.browser(t)
	flood.from = "198.51.100.30"
	token := flood.csrf(public)
	started := 0
	for i := 0; i < 50; i++ {
		res := flood.post(public, url.Values{"_csrf": {token}})
		if res.Status == http.StatusSeeOther {
			started++
		} else if res.Status != http.StatusTooManyRequests {
			t.Fatalf("start %d: status %d", i, res.Status)
		}
	}
	if started == 0 || started > 10 {
		t.Errorf("one address started %d spontaneous answers in a row, want a few", started)
	}
	if n := count() - before; n != started {
		t.Errorf("%d respondents created for %d starts", n, started)
	}
	// Someone else still can.
	visitor := ts.browser(t)
	visitor.from = "198.51.100.31"
	if res := visitor.postForm(public, public, url.Values{}); res.Status != http.StatusSeeOther {
		t.Fatalf("another visitor: status %d", res.Status)
	}

	// Spontaneous answers never take the invited list's room: with the
	// spontaneous side full, the working group still invites.
	var wg sync.WaitGroup
	sem := make(chan struct{}, 64)
	for i := 0; i < domain.MaxRespondents; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			ts.writer.Do(ctx, &remiss.StartSpontaneous{ConsultationID: id})
		}()
	}
	wg.Wait()
	page := "/admin/consultations/" + id
	if res := admin.postForm(page, page+"/invitees", url.Values{"list": {"Nya Föreningen;ny@example.se"}}); res.Status != http.StatusSeeOther {
		t.Errorf("inviting with many spontaneous starts: status %d", res.Status)
	}
	// Empty spontaneous starts expire: a day later there is room again.
	if res := visitor.postForm(public, public, url.Values{}); res.Status != http.StatusConflict {
		t.Errorf("spontaneous side full: status %d, want 409", res.Status)
	}
	clock.Set(clock.Now().Add(25 * time.Hour))
	if res := visitor.postForm(public, public, url.Values{}); res.Status != http.StatusSeeOther {
		t.Errorf("a day later: status %d", res.Status)
	}
	if n := count(); n > before+10 {
		t.Errorf("%d respondents after the empty ones expired", n)
	}
}

func TestWorkingGroupRemovesSpamRespondents(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	con, _ := ts.store.Consultation(ctx, id)
	public := "/p/" + con.PublicToken

	start := func() (string, *browser) {
		b := ts.browser(t)
		res := b.postForm(public, public, url.Values{})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("start: %d", res.Status)
		}
		return strings.TrimSuffix(res.Location, "?new=1"), b
	}
	spamLink, spammer := start()
	if res := spammer.postForm(spamLink, spamLink, url.Values{"action": {"draft"}, "general": {"Köp billiga klockor"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("spam draft: %d", res.Status)
	}
	realLink, real := start()
	answer := answerForm("Föreningen Gemenskap", sections, domain.StancePartly)
	answer.Set("action", "submit")
	if res := real.postForm(realLink, realLink, answer); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	find := func(link string) domain.Respondent {
		r, err := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		return r
	}
	spam, submitted, invited := find(spamLink), find(realLink), find(links["Länsbygderådet"])
	page := "/admin/consultations/" + id
	if body := admin.get(page).Body; !strings.Contains(body, `action="`+page+"/responses/"+spam.ID+`/delete"`) ||
		strings.Contains(body, "/responses/"+submitted.ID+"/delete") || strings.Contains(body, "/responses/"+invited.ID+"/delete") {
		t.Error("the consultation page should offer removal for the unsent spontaneous draft only")
	}
	// A submitted response is a public record, and invitees are the working group's list.
	for _, r := range []domain.Respondent{submitted, invited} {
		if res := admin.postForm(page, page+"/responses/"+r.ID+"/delete", url.Values{}); res.Status != http.StatusConflict {
			t.Errorf("removing %s: status %d, want 409", r.Organisation, res.Status)
		}
		find("/r/" + r.Token)
	}
	if res := admin.postForm(page, page+"/responses/"+spam.ID+"/delete", url.Values{}); res.Status != http.StatusSeeOther {
		t.Fatalf("removing spam: %d", res.Status)
	}
	if _, err := ts.store.RespondentByToken(ctx, spam.Token); !domain.IsKind(err, domain.KindNotFound) {
		t.Errorf("the spam respondent is still there: %v", err)
	}
	if res := spammer.get(spamLink); res.Status != http.StatusNotFound {
		t.Errorf("the spam link after removal: %d", res.Status)
	}
	audit := admin.get("/admin/audit.csv").Body
	if !strings.Contains(audit, "consultation.remove_respondent") || !strings.Contains(audit, spam.ID) {
		t.Error("the removal is not in the audit log with the respondent")
	}
}
