package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/smtptest"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/mail"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// newMailServer is the real server with e-mail on, sending to a real SMTP
// server started by the test, with the test's clock.
func newMailServer(t *testing.T) (*testServer, *testClock, *smtptest.Server, *mail.Worker) {
	t.Helper()
	smtp := smtptest.Start(t)
	clock := &testClock{now: remissDeadline.Add(-20 * 24 * time.Hour)}
	var worker *mail.Worker
	ts := serveStore(t, testutil.MustOpenStore(t), func(cfg *web.Config, store *storage.Store) {
		cfg.Now = clock.Now
		store.SetClock(clock.Now)
		mc := mail.Config{Host: smtp.Host(), Port: smtp.Port(), TLS: "none", From: "Samråd <samrad@vgregion.example.se>",
			BaseURL: "https://samrad.example.se", Organisation: "Västra Götalandsregionen", Timeout: 2 * time.Second}
		if err := mc.Check(); err != nil {
			t.Fatal(err)
		}
		worker = mail.New(mc, store, clock.Now)
		cfg.Mail = worker
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); worker.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
	ts.withAdmin(t)
	return ts, clock, smtp, worker
}

// openWithInvitations creates the example consultation, invites six
// organisations (one reading English) and opens it, sending the invitations.
func openWithInvitations(t *testing.T, admin *browser, mailOn bool) string {
	t.Helper()
	save := sectionFields(remiss.DemoSections())
	for k, v := range map[string]string{"title": "Överenskommelsen – remiss", "remitting_body": "Västra Götalandsregionen",
		"dnr": "RS 2014-00123", "deadline_date": "2026-03-15", "deadline_time": "23:59", "allow_spontaneous": "1", "op": "save"} {
		save.Set(k, v)
	}
	res := admin.postForm("/admin/consultations/new", "/admin/consultations", save)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: %d", res.Status)
	}
	id := consultationPath.FindStringSubmatch(res.Location)[1]
	page := "/admin/consultations/" + id
	list := "Organisation\tE-post\tSpråk\n" +
		"Coompanion Göteborgsregionen\tinfo@coompanion.example.se\tsv\nStudieförbundet Vuxenskolan\tkansli@sv.example.se\n" +
		"Länsbygderådet\tinfo@lbr.example.se\nIdeell Arena\tkontakt@ideellarena.example.se\nRSMH Västra Götaland\trsmh@example.se\n" +
		"Refugees Welcome Göteborg\thello@rwg.example.se\tengelska\n"
	if res := admin.postForm(page, page+"/invitees", url.Values{"list": {list}}); res.Status != http.StatusSeeOther {
		t.Fatalf("invite: %d", res.Status)
	}
	if offered := strings.Contains(admin.get(page).Body, `name="invite" value="1" checked`); offered != mailOn {
		t.Fatalf("opening offers to send the invitations: %v, want %v", offered, mailOn)
	}
	if res := admin.postForm(page, page+"/state", url.Values{"state": {"open"}, "invite": {"1"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("open: %d", res.Status)
	}
	return id
}

var privateLink = regexp.MustCompile(`https://samrad\.example\.se(/r/[A-Za-z0-9_-]+)`)

// Acceptance 2: invitations, receipts, a reminder and a digest arrive with
// the right links and language.
func TestRemissMailEndToEnd(t *testing.T) {
	ts, clock, smtp, worker := newMailServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id := openWithInvitations(t, admin, true)
	respondents, _, _ := ts.store.Respondents(context.Background(), id)
	tokens := map[string]string{}
	for _, r := range respondents {
		tokens[r.Email] = r.Token
	}

	invitations := smtp.Wait(6, 10*time.Second)
	links := map[string]string{}
	for _, m := range invitations {
		to := m.To[0]
		link := privateLink.FindStringSubmatch(m.Text)
		if link == nil || link[1] != "/r/"+tokens[to] || !strings.Contains(m.HTML, `href="https://samrad.example.se/r/`+tokens[to]+`"`) {
			t.Fatalf("invitation to %s carries the wrong link:\n%s", to, m.Text)
		}
		links[to] = link[1]
		wantSubject := "Remiss: Överenskommelsen – remiss"
		if to == "hello@rwg.example.se" {
			wantSubject = "Consultation: Överenskommelsen – remiss"
		}
		if m.Subject != wantSubject || !strings.Contains(m.Text, "RS 2014-00123") {
			t.Errorf("invitation to %s: %q", to, m.Subject)
		}
	}
	if !strings.Contains(invitations[0].Text, "Västra Götalandsregionen skickar remissen") && !strings.Contains(invitations[0].Text, "sends the consultation") {
		t.Errorf("the invitation does not say who sends the consultation:\n%s", invitations[0].Text)
	}
	// The invitation link works, and the e-mail page shows the sent invitations per consultee.
	if res := ts.browser(t).get(links["info@lbr.example.se"]); res.Status != http.StatusOK {
		t.Fatalf("the mailed link: %d", res.Status)
	}
	waitSent(t, ts, id, 6)
	mailPage := admin.get("/admin/consultations/" + id + "/mail")
	if strings.Count(mailPage.Body, `mail-state mail-sent">Skickat</span>`) < 6 {
		t.Errorf("the e-mail page does not show six sent invitations")
	}

	// Receipts: one answer from a Swedish page, one from an English one.
	sections := ts.sections(t, id)
	sv := ts.browser(t)
	f := answerForm("Länsbygderådet", sections, domain.StanceOppose)
	f.Set("action", "submit")
	f.Set("email", "per@lbr.example.se")
	if res := sv.postForm(links["info@lbr.example.se"], links["info@lbr.example.se"], f); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	en := ts.browser(t)
	en.get("/lang/en?next=/")
	f = answerForm("Refugees Welcome Göteborg", sections, domain.StanceSupport, domain.StancePartly)
	f.Set("action", "submit")
	f.Set("email", "anna@rwg.example.se")
	if res := en.postForm(links["hello@rwg.example.se"], links["hello@rwg.example.se"], f); res.Status != http.StatusSeeOther {
		t.Fatalf("submit in English: %d", res.Status)
	}
	got := smtp.Wait(8, 10*time.Second)
	receipts := map[string]smtptest.Message{}
	for _, m := range got[6:] {
		receipts[m.To[0]] = m
	}
	r1, r2 := receipts["per@lbr.example.se"], receipts["anna@rwg.example.se"]
	if !strings.HasPrefix(r1.Subject, "Kvitto: ert svar på remissen Överenskommelsen – remiss (RV-2026-") ||
		!strings.Contains(r1.Text, "Synpunkt från Länsbygderådet på avsnitt 1") || !strings.Contains(r1.Text, "Avstyrker") ||
		!strings.Contains(r1.Text, links["info@lbr.example.se"]+"/receipt/1") {
		t.Errorf("Swedish receipt: %q\n%s", r1.Subject, r1.Text)
	}
	if !strings.HasPrefix(r2.Subject, "Receipt: your answer") || !strings.Contains(r2.Text, "Synpunkt från Refugees Welcome Göteborg på avsnitt 2") ||
		!strings.Contains(r2.Text, "Partly supports") {
		t.Errorf("English receipt: %q\n%s", r2.Subject, r2.Text)
	}

	// Digests go out from 7 in the morning and cover the days before: the
	// first one, 16 days later, lists the two answers, to the working group.
	page := "/admin/consultations/" + id + "/mail"
	if res := admin.postForm(page, page+"/settings", url.Values{"reminder_days": {"3"}, "digest": {"1"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("settings: %d", res.Status)
	}
	clock.Set(remissDeadline.Add(-4 * 24 * time.Hour)) // 11 March, 23.59
	queueDue(t, ts, worker)
	queueDue(t, ts, worker)
	got = smtp.Wait(9, 10*time.Second)
	digest := got[8]
	if digest.To[0] != adminEmail || digest.Subject != "Nya remissvar: Överenskommelsen – remiss (2)" ||
		!strings.Contains(digest.Text, "Länsbygderådet") || !strings.Contains(digest.Text, "Refugees Welcome Göteborg") ||
		!strings.Contains(digest.Text, "https://samrad.example.se/admin/consultations/"+id+"/responses/") {
		t.Errorf("digest to %v: %q\n%s", digest.To, digest.Subject, digest.Text)
	}
	time.Sleep(100 * time.Millisecond)
	if n := len(smtp.Messages()); n != 9 {
		t.Fatalf("%d messages four days before the deadline, want no reminder yet and one digest", n)
	}

	// Three days before the deadline: a reminder to the four who have not answered, once.
	clock.Set(remissDeadline.Add(-2 * 24 * time.Hour)) // 13 March, 23.59
	queueDue(t, ts, worker)
	queueDue(t, ts, worker)
	got = smtp.Wait(13, 10*time.Second)
	for _, m := range got[9:] {
		if !strings.HasPrefix(m.Subject, "Påminnelse: svara på remissen Överenskommelsen – remiss senast 15 mars 2026") ||
			!strings.Contains(m.Text, "https://samrad.example.se"+links[m.To[0]]) || m.To[0] == "info@lbr.example.se" ||
			m.To[0] == "hello@rwg.example.se" {
			t.Errorf("reminder to %s: %q\n%s", m.To[0], m.Subject, m.Text)
		}
	}

	// One more answer that evening; the next morning's digest lists only it.
	ia := ts.browser(t)
	f = answerForm("Ideell Arena", sections, domain.StanceNoComments)
	f.Set("action", "submit")
	if res := ia.postForm(links["kontakt@ideellarena.example.se"], links["kontakt@ideellarena.example.se"], f); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	smtp.Wait(14, 10*time.Second) // its receipt
	clock.Set(time.Date(2026, 3, 14, 7, 5, 0, 0, remissDeadline.Location()))
	queueDue(t, ts, worker)
	queueDue(t, ts, worker)
	got = smtp.Wait(15, 10*time.Second)
	if d := got[14]; d.Subject != "Nya remissvar: Överenskommelsen – remiss (1)" || !strings.Contains(d.Text, "Ideell Arena") ||
		strings.Contains(d.Text, "Länsbygderådet") {
		t.Errorf("second digest: %q\n%s", d.Subject, d.Text)
	}
	time.Sleep(100 * time.Millisecond)
	if n := len(smtp.Messages()); n != 15 {
		t.Errorf("%d messages, want 15: a reminder or digest went out twice", n)
	}
	// Per consultee: Ideell Arena has its invitation, reminder and receipt sent.
	waitSent(t, ts, id, 15-1)
	admin.login(adminEmail, adminPassword) // days have passed
	ideell := regexp.MustCompile(`(?s)<th scope="row">Ideell Arena</th>.*?</tr>`).FindString(admin.get(page).Body)
	if strings.Count(ideell, "Skickat") != 3 {
		t.Errorf("the e-mail page does not show Ideell Arena's three messages as sent: %s", ideell)
	}
}

func queueDue(t *testing.T, ts *testServer, w *mail.Worker) {
	t.Helper()
	if err := w.QueueDue(context.Background(), ts.writer); err != nil {
		t.Fatal(err)
	}
}

func waitSent(t *testing.T, ts *testServer, id string, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _ := ts.store.ConsultationMail(context.Background(), id)
		sent := 0
		for _, m := range list {
			if m.State == domain.MailSent {
				sent++
			}
		}
		if sent >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d messages sent", sent, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Staff invitations and password resets are e-mailed, and the link is still
// shown to copy.
func TestStaffLinksAreMailed(t *testing.T) {
	ts, _, smtp, _ := newMailServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	res := admin.postForm("/admin/users", "/admin/users", url.Values{"email": {"ny@vgregion.example.se"}, "role": {"facilitator"}, "lang": {"en"}})
	shown := regexp.MustCompile(`id="made-link" type="text" readonly value="[^"]*(/account/link/[A-Za-z0-9_-]+)"`).FindStringSubmatch(res.Body)
	if shown == nil || !strings.Contains(res.Body, "Länken är också skickad med e-post till ny@vgregion.example.se.") {
		t.Fatalf("the invitation link is not shown to copy, or not said to be mailed")
	}
	m := smtp.Wait(1, 10*time.Second)[0]
	if m.To[0] != "ny@vgregion.example.se" || m.Subject != "Invitation to Samråd" ||
		!strings.Contains(m.Text, "https://samrad.example.se"+shown[1]) || !strings.Contains(m.Text, "as Processledare") && !strings.Contains(m.Text, "Facilitator") {
		t.Fatalf("staff invitation: %q\n%s", m.Subject, m.Text)
	}
	if res := ts.browser(t).get(shown[1]); res.Status != http.StatusOK {
		t.Fatalf("the mailed link: %d", res.Status)
	}
	u := ts.withUser(t, "glomsk@vgregion.example.se", "ett annat långt lösenord", domain.RoleReader)
	res = admin.postForm("/admin/users", "/admin/users/"+u.ID+"/reset", url.Values{})
	shown = regexp.MustCompile(`(/account/link/[A-Za-z0-9_-]+)"`).FindStringSubmatch(res.Body)
	m = smtp.Wait(2, 10*time.Second)[1]
	if shown == nil || m.To[0] != "glomsk@vgregion.example.se" || m.Subject != "Välj ett nytt lösenord i Samråd" ||
		!strings.Contains(m.Text, "https://samrad.example.se"+shown[1]) {
		t.Fatalf("password reset: %q\n%s", m.Subject, m.Text)
	}
	// The token is not kept once the message has left, and the users page
	// shows how the messages went.
	deadline := time.Now().Add(5 * time.Second)
	for {
		list, err := ts.store.StaffMail(context.Background(), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 2 && list[0].State == domain.MailSent && list[1].State == domain.MailSent {
			for _, m := range list {
				if m.Params.Token != "" {
					t.Errorf("the link token of %s is still in the outbox after sending", m.Kind)
				}
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("staff mail: %+v", list)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if page := admin.get("/admin/users"); strings.Count(page.Body, `mail-state mail-sent">Skickat</span>`) != 2 {
		t.Error("the users page does not show the two sent messages")
	}
}

// Without SMTP nothing is queued and the e-mail page says so.
func TestNoMailWithoutSMTP(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id := openWithInvitations(t, admin, false)
	if list, _ := ts.store.ConsultationMail(context.Background(), id); len(list) != 0 {
		t.Fatalf("%d messages queued without SMTP", len(list))
	}
	if page := admin.get("/admin/consultations/" + id + "/mail"); !strings.Contains(page.Body, "Samråd skickar ingen e-post") {
		t.Error("the e-mail page does not say that e-mail is off")
	}
}

// Removing a contact person's details on request forgets their address in
// the outbox too.
func TestContactRemovalClearsTheOutbox(t *testing.T) {
	ts, _, smtp, _ := newMailServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id := openWithInvitations(t, admin, true)
	smtp.Wait(6, 10*time.Second)
	waitSent(t, ts, id, 6)
	list, _, _ := ts.store.Respondents(context.Background(), id)
	r := list[0]
	page := "/admin/consultations/" + id + "/responses/" + r.ID
	if res := admin.postForm(page, page+"/contact", url.Values{}); res.Status != http.StatusSeeOther {
		t.Fatalf("remove: %d", res.Status)
	}
	mails, _ := ts.store.RespondentMail(context.Background(), r.ID)
	if len(mails) != 1 || mails[0].Recipient != "" || mails[0].State != domain.MailSent {
		t.Fatalf("the outbox after removal: %+v", mails)
	}
}
