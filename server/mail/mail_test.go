package mail_test

import (
	"context"
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
	"github.com/samrad-se/samrad/server/writer"
)

func config(smtp *smtptest.Server) mail.Config {
	cfg := mail.Config{Host: smtp.Host(), Port: smtp.Port(), TLS: "none", From: "Samråd <samrad@vgregion.example.se>",
		BaseURL: "https://samrad.example.se", Organisation: "Västra Götalandsregionen", ContactEmail: "remiss@vgregion.example.se",
		Timeout: 2 * time.Second, Backoff: func(int) time.Duration { return 20 * time.Millisecond }}
	if err := cfg.Check(); err != nil {
		panic(err)
	}
	return cfg
}

// running starts a worker until the test ends (or stop is called).
func running(t *testing.T, cfg mail.Config, store *storage.Store) (w *mail.Worker, stop func()) {
	t.Helper()
	w = mail.New(cfg, store, nil)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); w.Run(ctx) }()
	stop = sync.OnceFunc(func() { cancel(); wg.Wait() })
	t.Cleanup(stop)
	return w, stop
}

// consultation creates an open consultation with three invitees (one who
// reads English), invited by e-mail as it opens.
func consultation(t *testing.T, store *storage.Store, w *writer.Writer) (string, []domain.Respondent) {
	t.Helper()
	ctx := context.Background()
	d := remiss.DemoDetails(time.Now())
	create := &remiss.Create{Details: d, Sections: remiss.DemoSections()}
	must(t, w, create)
	inv := &remiss.Invite{ConsultationID: create.ID, List: []remiss.Invitee{
		{Organisation: "Coompanion Göteborgsregionen", Email: "info@coompanion.example.se"},
		{Organisation: "Länsbygderådet", Email: "info@lbr.example.se"},
		{Organisation: "Refugees Welcome Göteborg", Email: "hello@rwg.example.se", Lang: "en"},
	}}
	must(t, w, inv)
	must(t, w, &remiss.SetState{ConsultationID: create.ID, State: domain.ConsultationOpen, Invite: true})
	list, err := store.ConsultationMail(ctx, create.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("%d messages queued on opening, want 3 (%v)", len(list), err)
	}
	return create.ID, inv.Added
}

func must(t *testing.T, w *writer.Writer, cmd writer.Command) {
	t.Helper()
	if err := w.Do(context.Background(), cmd); err != nil {
		t.Fatalf("%T: %v", cmd, err)
	}
}

// waitFor polls the outbox until every message of the consultation is in state.
func waitFor(t *testing.T, store *storage.Store, id string, state domain.MailState) []domain.Mail {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, err := store.ConsultationMail(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		done := len(list) > 0
		for _, m := range list {
			done = done && m.State == state
		}
		if done {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("outbox not all %s: %+v", state, list)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestInvitationsInTheRecipientsLanguage(t *testing.T) {
	smtp := smtptest.Start(t)
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	id, invited := consultation(t, store, w)
	running(t, config(smtp), store)
	got := smtp.Wait(3, 10*time.Second)
	byTo := map[string]smtptest.Message{}
	for _, m := range got {
		byTo[m.To[0]] = m
	}
	sv, en := byTo["info@lbr.example.se"], byTo["hello@rwg.example.se"]
	if !strings.HasPrefix(sv.Subject, "Remiss: Överenskommelse") || sv.Header.Get("Content-Language") != "sv" ||
		!strings.Contains(sv.Text, "https://samrad.example.se/r/"+invited[1].Token) || !strings.Contains(sv.Text, "Svara senast den ") {
		t.Errorf("Swedish invitation: %q\n%s", sv.Subject, sv.Text)
	}
	if !strings.HasPrefix(en.Subject, "Consultation: ") || en.Header.Get("Content-Language") != "en" ||
		!strings.Contains(en.HTML, `href="https://samrad.example.se/r/`+invited[2].Token+`"`) || !strings.Contains(en.HTML, `<html lang="en">`) {
		t.Errorf("English invitation: %q\n%s", en.Subject, en.HTML)
	}
	for _, m := range got {
		if m.Header.Get("Auto-Submitted") != "auto-generated" || !strings.HasSuffix(m.Header.Get("Message-Id"), "@vgregion.example.se>") {
			t.Errorf("headers %v", m.Header)
		}
		// No tracking: no images, no link that is not our own.
		if strings.Contains(m.HTML, "<img") || strings.Count(m.HTML, "href=") != strings.Count(m.HTML, `href="https://samrad.example.se/`) {
			t.Errorf("tracking or foreign links in %s", m.HTML)
		}
	}
	list := waitFor(t, store, id, domain.MailSent)
	if list[0].Subject == "" || list[0].Attempts != 1 {
		t.Errorf("the outbox does not record the sent message: %+v", list[0])
	}
}

// Acceptance 2: with the SMTP server stopped, messages wait, and go out when
// it returns, once each.
func TestMessagesWaitForTheSMTPServer(t *testing.T) {
	smtp := smtptest.Start(t)
	smtp.Stop()
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	id, _ := consultation(t, store, w)
	running(t, config(smtp), store)
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _ := store.ConsultationMail(context.Background(), id)
		retried := 0
		for _, m := range list {
			if m.State == domain.MailQueued && m.Attempts >= 2 && strings.Contains(m.LastError, "connection refused") {
				retried++
			}
		}
		if retried == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("messages are not retried while the server is down: %+v", list)
		}
		time.Sleep(10 * time.Millisecond)
	}
	smtp.Restart()
	waitFor(t, store, id, domain.MailSent)
	time.Sleep(200 * time.Millisecond) // ten back-off periods: nothing more may arrive
	got := smtp.Messages()
	seen := map[string]int{}
	for _, m := range got {
		seen[m.To[0]]++
	}
	if len(got) != 3 || len(seen) != 3 {
		t.Fatalf("%d messages delivered to %v, want 3, once each", len(got), seen)
	}
}

// Queued messages survive a restart of Samråd and go out once after it.
func TestQueuedMessagesSurviveARestart(t *testing.T) {
	smtp := smtptest.Start(t)
	dir := t.TempDir()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := writer.New(store, testutil.NewRecorder(), nil)
	id, _ := consultation(t, store, w)
	w.Close()
	store.Close()

	store, err = storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	running(t, config(smtp), store)
	waitFor(t, store, id, domain.MailSent)
	if got := smtp.Messages(); len(got) != 3 {
		t.Fatalf("%d messages after the restart, want 3", len(got))
	}
}

// A message the server was handing over when it crashed is not sent again
// by itself: it waits, marked uncertain, until a person resends it.
func TestInterruptedSendIsNotRepeated(t *testing.T) {
	smtp := smtptest.Start(t)
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	id, _ := consultation(t, store, w)
	// The crash: a message claimed (marked as being sent), never recorded.
	claimed, ok, err := store.ClaimMail(context.Background())
	if err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	worker, stop := running(t, config(smtp), store)
	smtp.Wait(2, 10*time.Second)
	time.Sleep(200 * time.Millisecond)
	if got := smtp.Messages(); len(got) != 2 {
		t.Fatalf("%d messages, want the 2 that were not interrupted", len(got))
	}
	m, err := store.Mail(context.Background(), claimed.ID)
	if err != nil || m.State != domain.MailUncertain {
		t.Fatalf("the interrupted message is %q, want uncertain (%v)", m.State, err)
	}
	must(t, w, &remiss.ResendMail{ConsultationID: id, MailID: claimed.ID})
	worker.Wake() // as the e-mail page does after a resend
	got := smtp.Wait(3, 10*time.Second)
	if got[2].To[0] != claimed.Recipient {
		t.Fatalf("resent to %v, want %s", got[2].To, claimed.Recipient)
	}
	// A message that went out cannot be resent.
	waitFor(t, store, id, domain.MailSent)
	if err := w.Do(context.Background(), &remiss.ResendMail{ConsultationID: id, MailID: claimed.ID}); domain.AsError(err).Code != "mail_not_resendable" {
		t.Errorf("resending a sent message: %v", err)
	}
	stop()
}

// A recipient the server refuses for good fails at once, with the reason.
func TestRefusedRecipientFails(t *testing.T) {
	smtp := smtptest.Start(t)
	smtp.Reject("info@lbr.example.se")
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	_, invited := consultation(t, store, w)
	running(t, config(smtp), store)
	smtp.Wait(2, 10*time.Second)
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _ := store.RespondentMail(context.Background(), invited[1].ID)
		if len(list) == 1 && list[0].State == domain.MailFailed {
			if list[0].Attempts != 1 || !strings.Contains(list[0].LastError, "550") {
				t.Fatalf("refused message: %+v", list[0])
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the refused message is %+v", list)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
