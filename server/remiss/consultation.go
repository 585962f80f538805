package remiss

import (
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Details are the parts of a consultation the working group types.
type Details struct {
	Title            string
	RemittingBody    string
	Dnr              string
	Intro            string
	Deadline         time.Time // zero: reported as missing
	AllowSpontaneous bool
}

func (d *Details) validate() error {
	var err *domain.Error
	if d.Title, err = cleanLine(d.Title, domain.MaxTitleRunes, "title"); err != nil {
		return err
	}
	if d.Title == "" {
		return domain.Errorf(domain.KindInvalid, "remiss_title_required")
	}
	if d.RemittingBody, err = cleanLine(d.RemittingBody, domain.MaxTitleRunes, "remitting_body"); err != nil {
		return err
	}
	if d.Dnr, err = cleanLine(d.Dnr, domain.MaxNameRunes, "dnr"); err != nil {
		return err
	}
	if d.Intro, err = clean(d.Intro, domain.MaxIntroRunes, "intro"); err != nil {
		return err
	}
	if d.Deadline.IsZero() {
		return domain.Errorf(domain.KindInvalid, "remiss_deadline_required")
	}
	return nil
}

// Check cleans the details in place and says what is wrong with them.
func (d *Details) Check() error { return d.validate() }

// Create makes a consultation in the utkast state, with the sections the
// working group confirmed (see Split), which may be none.
type Create struct {
	Details   Details
	Sections  []domain.Section
	CreatedBy string

	ID string // set by Apply
}

func (c *Create) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := c.Details.validate(); err != nil {
		return nil, err
	}
	sections, err := checkSections(c.Sections)
	if err != nil {
		return nil, err
	}
	token, err := uniqueToken(tx.PublicTokenTaken)
	if err != nil {
		return nil, err
	}
	d := c.Details
	con := domain.Consultation{ID: newID(), Title: d.Title, RemittingBody: d.RemittingBody, Dnr: d.Dnr, Intro: d.Intro,
		Deadline: d.Deadline, State: domain.ConsultationDraft, AllowSpontaneous: d.AllowSpontaneous, PublicToken: token}
	if err := tx.InsertConsultation(con, c.CreatedBy); err != nil {
		return nil, err
	}
	if err := insertSections(tx, con.ID, sections); err != nil {
		return nil, err
	}
	c.ID = con.ID
	return nil, nil
}

func insertSections(tx *storage.Tx, consultationID string, sections []domain.Section) error {
	for i, s := range sections {
		s.ID, s.ConsultationID, s.Position = newID(), consultationID, i+1
		if err := tx.InsertSection(s); err != nil {
			return err
		}
	}
	return nil
}

// uniqueToken draws a private token until it is unused (a clash of 256
// random bits does not happen, but the check costs nothing).
func uniqueToken(taken func(string) (bool, error)) (string, error) {
	for {
		t := auth.NewToken()
		used, err := taken(t)
		if err != nil || !used {
			return t, err
		}
	}
}

// UpdateDetails changes title, body, dnr, intro, deadline and whether
// spontaneous answers are taken. Allowed in every state: a deadline may be
// extended while the consultation is open.
type UpdateDetails struct {
	ConsultationID string
	Details        Details
}

func (u *UpdateDetails) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := u.Details.validate(); err != nil {
		return nil, err
	}
	con, err := tx.Consultation(u.ConsultationID)
	if err != nil {
		return nil, err
	}
	d := u.Details
	con.Title, con.RemittingBody, con.Dnr, con.Intro, con.Deadline, con.AllowSpontaneous =
		d.Title, d.RemittingBody, d.Dnr, d.Intro, d.Deadline, d.AllowSpontaneous
	return nil, tx.UpdateConsultationDetails(con)
}

// SetState moves a consultation on: utkast → öppen → stängd, and stängd
// back to öppen. Once open it never returns to utkast, because answers then
// refer to its sections. Opening needs at least one section.
type SetState struct {
	ConsultationID string
	State          domain.ConsultationState
	// Invite: on opening, e-mail the private links to everyone on the list
	// who has not had one.
	Invite bool
}

func (s *SetState) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if !domain.ValidConsultationState(s.State) {
		return nil, domain.Errorf(domain.KindInvalid, "state_invalid")
	}
	con, err := tx.Consultation(s.ConsultationID)
	if err != nil {
		return nil, err
	}
	if con.State == s.State {
		return nil, nil
	}
	if s.State == domain.ConsultationDraft {
		return nil, domain.Errorf(domain.KindConflict, "remiss_state_back_to_draft")
	}
	if s.State == domain.ConsultationOpen {
		sections, err := tx.Sections(con.ID)
		if err != nil {
			return nil, err
		}
		if len(sections) == 0 {
			return nil, domain.Errorf(domain.KindConflict, "remiss_no_sections")
		}
	}
	if err := tx.SetConsultationState(con.ID, s.State); err != nil {
		return nil, err
	}
	if s.Invite && s.State == domain.ConsultationOpen {
		if _, err := queueInvitations(tx, con.ID); err != nil {
			return nil, err
		}
	}
	seq, err := tx.NextConsultationSeq(con.ID)
	if err != nil {
		return nil, err
	}
	con.State = s.State
	return []domain.Change{{Topic: domain.ConsultationTopic(con.ID), Seq: seq, Type: "consultation", Audience: domain.ToEveryone, Payload: con}}, nil
}

// AttachDraft stores the draft as a PDF for respondents to download.
type AttachDraft struct {
	ConsultationID string
	File           Upload
}

func (a *AttachDraft) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := a.File.Check(); err != nil {
		return nil, err
	}
	if _, err := tx.Consultation(a.ConsultationID); err != nil {
		return nil, err
	}
	att := domain.Attachment{ID: newID(), ConsultationID: a.ConsultationID, Filename: a.File.Filename}
	if err := tx.InsertAttachment(&att, a.File.Data); err != nil {
		return nil, err
	}
	return nil, tx.SetConsultationDraftPDF(a.ConsultationID, att.ID)
}

// AcceptsAnswers says whether a respondent may save or submit now, and
// whether what arrives is late. The deadline names a minute ("senast kl.
// 23.59"), so that whole minute still counts as in time.
func AcceptsAnswers(con domain.Consultation, r domain.Respondent, now time.Time) (late bool, err error) {
	switch con.State {
	case domain.ConsultationDraft:
		return false, domain.Errorf(domain.KindConflict, "remiss_not_open")
	case domain.ConsultationClosed:
		return false, domain.Errorf(domain.KindConflict, "remiss_closed")
	}
	if !r.Invited && !con.AllowSpontaneous {
		return false, domain.Errorf(domain.KindConflict, "remiss_spontaneous_off")
	}
	if !con.DeadlinePassed(now) {
		return false, nil
	}
	if r.Reopened {
		return true, nil
	}
	return false, domain.Errorf(domain.KindConflict, "remiss_deadline_passed")
}

// normalEmail is a light check: one @, something on both sides, a dot in
// the domain, no spaces. Deliverability is the sender's business.
func normalEmail(s string) (string, bool) {
	s = strings.TrimSpace(s)
	at := strings.LastIndexByte(s, '@')
	if at < 1 || at == len(s)-1 || strings.ContainsAny(s, " \t\n<>,;") || !strings.Contains(s[at:], ".") {
		return s, false
	}
	return s, true
}
