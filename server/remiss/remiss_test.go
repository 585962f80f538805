package remiss_test

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/writer"
)

// clock is a settable time for deadlines.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

type fixture struct {
	store    *storage.Store
	w        *writer.Writer
	clock    *clock
	id       string
	sections []domain.Section
	invited  []domain.Respondent
}

var stockholm, _ = time.LoadLocation("Europe/Stockholm")

// deadline is "senast den 15 mars 2026 kl. 23.59".
var deadline = time.Date(2026, 3, 15, 23, 59, 0, 0, stockholm)

func setup(t *testing.T) *fixture {
	t.Helper()
	store := testutil.MustOpenStore(t)
	c := &clock{now: deadline.Add(-30 * 24 * time.Hour)}
	store.SetClock(c.Now)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := &fixture{store: store, w: w, clock: c}
	d := remiss.DemoDetails(c.Now())
	d.Deadline = deadline
	create := &remiss.Create{Details: d, Sections: remiss.DemoSections()}
	f.do(t, create)
	f.id = create.ID
	inv := &remiss.Invite{ConsultationID: f.id, List: []remiss.Invitee{
		{Organisation: "Studieförbundet Vuxenskolan Västra Götaland", Email: "kansli@sv.example.se"},
		{Organisation: "Coompanion Göteborgsregionen", Email: "info@coompanion.example.se"},
	}}
	f.do(t, inv)
	f.invited = inv.Added
	f.do(t, &remiss.SetState{ConsultationID: f.id, State: domain.ConsultationOpen})
	var err error
	if f.sections, err = store.Sections(context.Background(), f.id); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) do(t *testing.T, cmd writer.Command) {
	t.Helper()
	if err := f.w.Do(context.Background(), cmd); err != nil {
		t.Fatalf("%T: %v", cmd, err)
	}
}

func (f *fixture) answer(org string) domain.Answer {
	return domain.Answer{Organisation: org, Contact: "Karin Åberg", Email: "karin@example.se", DecidedBy: "styrelsen",
		DecidedOn: "2026-03-10", Summary: "Vi tillstyrker i huvudsak.",
		Sections: map[string]domain.SectionAnswer{
			f.sections[0].ID: {Stance: domain.StanceSupport, Comment: "Bra bakgrund."},
			f.sections[2].ID: {Stance: domain.StancePartly, Comment: "Principen om långsiktighet bör förtydligas."},
		}}
}

func TestSplitDemo(t *testing.T) {
	sections, err := remiss.Split(remiss.DemoDocument)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1. Inledning och bakgrund", "2. Vision och syfte", "3. Utgångspunkter och värdegrund",
		"4. Gemensamma utmaningar", "5. Åtaganden", "6. Uppföljning och fortsatt arbete"}
	if len(sections) != len(want) {
		t.Fatalf("got %d sections, want %d: %+v", len(sections), len(want), sections)
	}
	for i, s := range sections {
		if s.Label() != want[i] {
			t.Errorf("section %d: %q, want %q", i, s.Label(), want[i])
		}
		if s.Body == "" {
			t.Errorf("section %d has no text", i)
		}
	}
}

func TestSplitHeadingStyles(t *testing.T) {
	doc := "Förord utan rubrik.\n\n# Mål\nText om mål.\n## 2.1 Delmål\nMer.\n§ 3 Avtalstid\nTre år.\n" +
		"1. Detta är en numrerad mening i en lista och inte en rubrik.\n"
	sections, err := remiss.Split(doc)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, s := range sections {
		got = append(got, s.Number+"|"+s.Heading)
	}
	want := []string{"|Inledning", "|Mål", "2.1|Delmål", "§ 3|Avtalstid"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d: %q, want %q", i, got[i], want[i])
		}
	}
	if _, err := remiss.Split("Bara löptext, ingen rubrik alls."); !domain.IsKind(err, domain.KindInvalid) {
		t.Errorf("text without headings: %v, want invalid", err)
	}
}

func TestVersionsAreKept(t *testing.T) {
	f := setup(t)
	r := f.invited[0]
	first := &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer(r.Organisation)}
	f.do(t, first)
	if first.Stored.Version != 1 || first.Reference != "RV-2026-0001" {
		t.Fatalf("first submission: version %d, reference %q", first.Stored.Version, first.Reference)
	}
	changed := f.answer(r.Organisation)
	changed.Summary = "Vi avstyrker efter nytt styrelsebeslut."
	second := &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, BaseVersion: 1, Answer: changed}
	f.do(t, second)
	if second.Stored.Version != 2 || second.Reference != first.Reference {
		t.Fatalf("second submission: version %d, reference %q", second.Stored.Version, second.Reference)
	}
	versions, err := f.store.Versions(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != 2 || versions[0].Answer.Summary != "Vi tillstyrker i huvudsak." || versions[1].Answer.Summary != changed.Summary {
		t.Fatalf("versions: %+v", versions)
	}
	// The database itself refuses to change a submitted version.
	tx, err := f.store.BeginWrite(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.InsertVersion(domain.Version{RespondentID: r.ID, Version: 1, Answer: changed, SubmittedAt: time.Now()}); !domain.IsKind(err, domain.KindConflict) {
		t.Errorf("inserting version 1 again: %v, want conflict", err)
	}
}

func TestTwoTabsSubmitAtOnce(t *testing.T) {
	f := setup(t)
	r := f.invited[0]
	const tabs = 8
	errs := make(chan error, tabs)
	var wg sync.WaitGroup
	for i := 0; i < tabs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer(r.Organisation)})
		}()
	}
	wg.Wait()
	close(errs)
	ok, conflicts := 0, 0
	for err := range errs {
		switch {
		case err == nil:
			ok++
		case domain.IsKind(err, domain.KindConflict) && domain.AsError(err).Code == "remiss_version_conflict":
			conflicts++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 || conflicts != tabs-1 {
		t.Fatalf("%d accepted, %d conflicts; want 1 and %d", ok, conflicts, tabs-1)
	}
}

func TestDeadlineAndLateReopening(t *testing.T) {
	f := setup(t)
	r := f.invited[1]
	// The whole minute 23.59 is in time.
	f.clock.Set(deadline.Add(59 * time.Second))
	if _, err := writer.Run(context.Background(), f.w, &remiss.SaveDraft{ConsultationID: f.id, RespondentID: r.ID,
		Patch: patchOf(f.answer("Utkast"), f.sections)}); err != nil {
		t.Fatal(err)
	}
	f.clock.Set(deadline.Add(time.Minute))
	err := f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer(r.Organisation)})
	if domain.AsError(err).Code != "remiss_deadline_passed" {
		t.Fatalf("after the deadline: %v, want remiss_deadline_passed", err)
	}
	f.do(t, &remiss.Reopen{ConsultationID: f.id, RespondentID: r.ID, Reopen: true})
	late := &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer(r.Organisation)}
	f.do(t, late)
	if !late.Stored.Late {
		t.Error("a response after the deadline is not marked late")
	}
	// Others stay closed.
	err = f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: f.invited[0].ID, Answer: f.answer("X")})
	if domain.AsError(err).Code != "remiss_deadline_passed" {
		t.Errorf("another organisation after the deadline: %v", err)
	}
	f.do(t, &remiss.SetState{ConsultationID: f.id, State: domain.ConsultationClosed})
	err = f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, BaseVersion: 1, Answer: f.answer(r.Organisation)})
	if domain.AsError(err).Code != "remiss_closed" {
		t.Errorf("closed consultation: %v", err)
	}
}

func TestSpontaneous(t *testing.T) {
	f := setup(t)
	start := &remiss.StartSpontaneous{ConsultationID: f.id}
	f.do(t, start)
	r, err := f.store.RespondentByToken(context.Background(), start.Token)
	if err != nil {
		t.Fatal(err)
	}
	if r.Invited {
		t.Fatal("a spontaneous respondent is marked invited")
	}
	f.do(t, &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer("Föreningen Gemenskap")})
	list, latest, err := f.store.Respondents(context.Background(), f.id)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[2].Organisation != "Föreningen Gemenskap" || latest[r.ID].Version != 1 {
		t.Fatalf("respondents: %+v", list)
	}
	// Turning spontaneous answers off closes the door for those not invited.
	con, _ := f.store.Consultation(context.Background(), f.id)
	d := remiss.Details{Title: con.Title, Deadline: con.Deadline, AllowSpontaneous: false}
	f.do(t, &remiss.UpdateDetails{ConsultationID: f.id, Details: d})
	err = f.w.Do(context.Background(), &remiss.StartSpontaneous{ConsultationID: f.id})
	if domain.AsError(err).Code != "remiss_spontaneous_off" {
		t.Errorf("spontaneous when off: %v", err)
	}
}

func TestRequiredFieldsAndLimits(t *testing.T) {
	f := setup(t)
	a := domain.Answer{Email: "inte-en-adress", Sections: map[string]domain.SectionAnswer{
		f.sections[1].ID: {Stance: "kanske", Comment: string(bytes.Repeat([]byte("å"), domain.MaxCommentRunes+1))},
	}}
	errs := remiss.CheckAnswer(&a, f.sections, true)
	got := map[string]string{}
	for _, e := range errs {
		got[e.Field] = e.Err.Code
	}
	want := map[string]string{
		"organisation":                       "remiss_organisation_required",
		"contact":                            "remiss_contact_required",
		"email":                              "remiss_email_invalid",
		"s-" + f.sections[1].ID + "-stance":  "remiss_stance_invalid",
		"s-" + f.sections[1].ID + "-comment": "remiss_too_long",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("field %s: %q, want %q", k, got[k], v)
		}
	}
	// A draft may lack the required fields.
	d := domain.Answer{Summary: "Påbörjat"}
	if errs := remiss.CheckAnswer(&d, f.sections, false); len(errs) != 0 {
		t.Errorf("draft: %+v", errs)
	}
}

func TestAttachmentChecks(t *testing.T) {
	f := setup(t)
	r := f.invited[0]
	tooBig := append([]byte("%PDF-1.7\n"), make([]byte, domain.MaxAttachmentBytes)...)
	cases := []struct {
		name string
		data []byte
		code string
	}{
		{"too big", tooBig, "remiss_attachment_too_large"},
		{"not a pdf", []byte("PK\x03\x04 a zip, named .pdf"), "remiss_attachment_not_pdf"},
		{"empty", nil, "remiss_attachment_empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID,
				Answer: f.answer(r.Organisation), File: &remiss.Upload{Filename: "yttrande.pdf", Data: c.data}})
			if domain.AsError(err).Code != c.code {
				t.Fatalf("%v, want %s", err, c.code)
			}
		})
	}
	ok := &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer(r.Organisation),
		File: &remiss.Upload{Filename: `C:\Users\karin\Yttrande styrelsen.pdf`, Data: []byte("%PDF-1.4\n%âãÏÓ\n")}}
	f.do(t, ok)
	if ok.Stored.Answer.AttachmentName != "Yttrande styrelsen.pdf" {
		t.Fatalf("attachment name %q", ok.Stored.Answer.AttachmentName)
	}
	att, data, err := f.store.AttachmentData(context.Background(), f.id, ok.Stored.Answer.AttachmentID)
	if err != nil || att.RespondentID != r.ID || !bytes.HasPrefix(data, []byte("%PDF-1.4")) {
		t.Fatalf("stored attachment: %+v, %v", att, err)
	}
	// Another respondent cannot claim it.
	other := f.answer("Annan")
	other.AttachmentID = att.ID
	err = f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: f.invited[1].ID, Answer: other})
	if domain.AsError(err).Code != "remiss_attachment_not_found" {
		t.Errorf("someone else's attachment: %v", err)
	}
}

func TestSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := writer.New(store, testutil.NewRecorder(), nil)
	create := &remiss.Create{Details: remiss.DemoDetails(time.Now()), Sections: remiss.DemoSections()}
	must := func(cmd writer.Command) {
		if err := w.Do(context.Background(), cmd); err != nil {
			t.Fatal(err)
		}
	}
	must(create)
	inv := &remiss.Invite{ConsultationID: create.ID, List: []remiss.Invitee{{Organisation: "Länsbygderådet", Email: "a@b.se"}, {Organisation: "Ideell arena", Email: "c@d.se"}}}
	must(inv)
	must(&remiss.SetState{ConsultationID: create.ID, State: domain.ConsultationOpen})
	sections, _ := store.Sections(context.Background(), create.ID)
	a := domain.Answer{Organisation: "Länsbygderådet", Contact: "Per", Email: "per@example.se",
		Sections: map[string]domain.SectionAnswer{sections[3].ID: {Stance: domain.StanceOppose, Comment: "Nej."}}}
	sub := &remiss.Submit{ConsultationID: create.ID, RespondentID: inv.Added[0].ID, Answer: a}
	must(sub)
	if _, err := writer.Run(context.Background(), w, &remiss.SaveDraft{ConsultationID: create.ID, RespondentID: inv.Added[1].ID,
		Patch: map[string]remiss.FieldPatch{domain.FieldGeneral: {Value: "Halvfärdigt utkast"}}}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	store.Close()

	store, err = storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	v, err := store.Version(context.Background(), inv.Added[0].ID, 1)
	if err != nil || v.Answer.Sections[sections[3].ID].Comment != "Nej." {
		t.Fatalf("version after restart: %+v, %v", v, err)
	}
	r, err := store.RespondentByToken(context.Background(), inv.Added[0].Token)
	if err != nil || r.Reference != sub.Reference || r.Version != 1 {
		t.Fatalf("receipt after restart: %+v, %v", r, err)
	}
	d, err := store.Draft(context.Background(), inv.Added[1].ID)
	if err != nil || d.Answer.General != "Halvfärdigt utkast" || d.Rev != 1 {
		t.Fatalf("draft after restart: %+v, %v", d, err)
	}
}

func TestAttachedBytesAreCapped(t *testing.T) {
	f := setup(t)
	defer func(r, c int64) { remiss.MaxAttachedPerRespondent, remiss.MaxAttachedPerConsultation = r, c }(
		remiss.MaxAttachedPerRespondent, remiss.MaxAttachedPerConsultation)
	remiss.MaxAttachedPerRespondent, remiss.MaxAttachedPerConsultation = 3000, 5000
	file := func() *remiss.Upload {
		return &remiss.Upload{Filename: "yttrande.pdf", Data: append([]byte("%PDF-1.7\n"), make([]byte, 991)...)}
	}
	submit := func(r domain.Respondent, version int) error {
		return f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, BaseVersion: version,
			Answer: f.answer(r.Organisation), File: file()})
	}
	first := f.invited[0]
	for v := 0; v < 3; v++ {
		if err := submit(first, v); err != nil {
			t.Fatalf("version %d: %v", v+1, err)
		}
	}
	if err := submit(first, 3); domain.AsError(err).Code != "remiss_attachments_full" {
		t.Errorf("a fourth file of 1000 bytes over a cap of 3000: %v", err)
	}
	// Drafts count too, but a draft's file replaces its previous one.
	draft := func(r domain.Respondent) error {
		_, err := writer.Run(context.Background(), f.w, &remiss.SaveDraft{ConsultationID: f.id, RespondentID: r.ID,
			Patch: map[string]remiss.FieldPatch{domain.FieldGeneral: {Value: "utkast"}}, File: file()})
		return err
	}
	second := f.invited[1]
	for i := 0; i < 5; i++ {
		if err := draft(second); err != nil {
			t.Fatalf("draft %d: %v", i, err)
		}
	}
	if err := submit(second, 0); err != nil {
		t.Fatalf("second's version 1: %v", err)
	}
	// 3000 + 1000 (the submitted one; the draft's was dropped at submission)
	// leave room for one more in the consultation.
	if err := draft(second); err != nil {
		t.Fatalf("a draft file within the consultation's cap: %v", err)
	}
	spont := &remiss.StartSpontaneous{ConsultationID: f.id}
	f.do(t, spont)
	r, err := f.store.RespondentByToken(context.Background(), spont.Token)
	if err != nil {
		t.Fatal(err)
	}
	if err := draft(r); domain.AsError(err).Code != "remiss_attachments_full" {
		t.Errorf("a file over the consultation's cap: %v", err)
	}
}
