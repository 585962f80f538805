package remiss

import (
	"fmt"
	"regexp"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// FieldError ties a message to the form field it is about, so the form can
// show it next to that field.
type FieldError struct {
	Field string // form field name: "organisation", "s-<section id>-comment", ...
	Err   *domain.Error
}

var (
	orgNumber = regexp.MustCompile(`^\d{6}-?\d{4}$`)
	isoDate   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// CheckAnswer cleans an answer in place and lists what is wrong with it.
// Lengths, formats and stances are always checked; the fields a response
// needs (organisation, contact person, e-mail) only when submitting, so a
// half-written draft can be saved. Answers to unknown sections are dropped.
func CheckAnswer(a *domain.Answer, sections []domain.Section, submit bool) []FieldError {
	var errs []FieldError
	field := func(name string, p *string, max int, line bool) {
		var v string
		var err *domain.Error
		if line {
			v, err = cleanLine(*p, max, name)
		} else {
			v, err = clean(*p, max, name)
		}
		if err != nil {
			errs = append(errs, FieldError{name, err})
			return
		}
		*p = v
	}
	field("organisation", &a.Organisation, domain.MaxNameRunes, true)
	field("org_number", &a.OrgNumber, 20, true)
	field("contact", &a.Contact, domain.MaxNameRunes, true)
	field("email", &a.Email, domain.MaxNameRunes, true)
	field("decided_by", &a.DecidedBy, domain.MaxNameRunes, true)
	field("decided_on", &a.DecidedOn, 10, true)
	field("summary", &a.Summary, domain.MaxLongTextRunes, false)
	field("general", &a.General, domain.MaxLongTextRunes, false)
	field("other", &a.Other, domain.MaxLongTextRunes, false)
	if a.OrgNumber != "" && !orgNumber.MatchString(a.OrgNumber) {
		errs = append(errs, FieldError{"org_number", domain.Errorf(domain.KindInvalid, "remiss_org_number_invalid")})
	}
	if a.Email != "" {
		if _, ok := normalEmail(a.Email); !ok {
			errs = append(errs, FieldError{"email", domain.Errorf(domain.KindInvalid, "remiss_email_invalid")})
		}
	}
	if a.Publish != "" && a.Publish != domain.PublishYes && a.Publish != domain.PublishNo {
		errs = append(errs, FieldError{"publish", domain.Errorf(domain.KindInvalid, "remiss_publish_invalid")})
	}
	if a.DecidedOn != "" {
		if _, err := time.Parse("2006-01-02", a.DecidedOn); err != nil || !isoDate.MatchString(a.DecidedOn) {
			errs = append(errs, FieldError{"decided_on", domain.Errorf(domain.KindInvalid, "remiss_date_invalid")})
		}
	}
	known := make(map[string]bool, len(sections))
	for _, s := range sections {
		known[s.ID] = true
	}
	kept := make(map[string]domain.SectionAnswer, len(a.Sections))
	for id, sa := range a.Sections {
		if !known[id] {
			continue
		}
		if !domain.ValidStance(sa.Stance) {
			errs = append(errs, FieldError{"s-" + id + "-stance", domain.Errorf(domain.KindInvalid, "remiss_stance_invalid")})
		}
		c, err := clean(sa.Comment, domain.MaxCommentRunes, "comment")
		if err != nil {
			errs = append(errs, FieldError{"s-" + id + "-comment", err})
		}
		sa.Comment = c
		if sa.Stance != domain.StanceNone || sa.Comment != "" {
			kept[id] = sa
		}
	}
	a.Sections = kept
	if submit {
		for _, req := range []struct{ field, value string }{
			{"organisation", a.Organisation}, {"contact", a.Contact}, {"email", a.Email},
		} {
			if req.value == "" && !hasError(errs, req.field) {
				errs = append(errs, FieldError{req.field, domain.Errorf(domain.KindInvalid, "remiss_"+req.field+"_required")})
			}
		}
	}
	return errs
}

func hasError(errs []FieldError, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

// respondentFor loads what a save or submission needs and checks that the
// consultation takes answers from this respondent now.
func respondentFor(tx *storage.Tx, consultationID, respondentID string) (domain.Consultation, domain.Respondent, bool, error) {
	con, err := tx.Consultation(consultationID)
	if err != nil {
		return con, domain.Respondent{}, false, err
	}
	r, err := tx.Respondent(consultationID, respondentID)
	if err != nil {
		return con, r, false, err
	}
	late, err := AcceptsAnswers(con, r, tx.Now())
	return con, r, late, err
}

// Caps on what respondents may store, beyond each file's own 10 MB: a
// respondent's current draft and submitted versions together, and all
// respondents of a consultation together. Variables so that tests can
// reach them with small files.
var (
	MaxAttachedPerRespondent   int64 = 30 << 20
	MaxAttachedPerConsultation int64 = 1 << 30
)

// attach stores an uploaded file for the respondent, or checks that an
// attachment the answer already names is the respondent's own. A new file,
// or an answer that no longer names the draft's file, lets go of the
// draft's file: it is removed unless a submitted version uses it, so that
// saving a draft with a file many times keeps one.
func attach(tx *storage.Tx, r domain.Respondent, a *domain.Answer, file *Upload) error {
	d, err := tx.Draft(r.ID)
	if err != nil {
		return err
	}
	if prev := d.Answer.AttachmentID; prev != "" && (file != nil || a.AttachmentID != prev) {
		if err := tx.DeleteUnusedAttachment(r.ID, prev); err != nil {
			return err
		}
	}
	if file != nil {
		if err := file.Check(); err != nil {
			return err
		}
		own, all, err := tx.AttachedBytes(r.ConsultationID, r.ID)
		if err != nil {
			return err
		}
		size := int64(len(file.Data))
		if own+size > MaxAttachedPerRespondent || all+size > MaxAttachedPerConsultation {
			return domain.Errorf(domain.KindTooLarge, "remiss_attachments_full")
		}
		att := domain.Attachment{ID: newID(), ConsultationID: r.ConsultationID, RespondentID: r.ID, Filename: file.Filename}
		if err := tx.InsertAttachment(&att, file.Data); err != nil {
			return err
		}
		a.AttachmentID, a.AttachmentName = att.ID, att.Filename
		return nil
	}
	if a.AttachmentID == "" {
		a.AttachmentName = ""
		return nil
	}
	att, err := tx.Attachment(r.ConsultationID, a.AttachmentID)
	if err != nil || att.RespondentID != r.ID {
		return domain.Errorf(domain.KindInvalid, "remiss_attachment_not_found")
	}
	a.AttachmentName = att.Filename
	return nil
}

// firstError turns a list of field errors into the error a command returns.
func firstError(errs []FieldError) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0].Err
}

// SaveDraft overwrites the respondent's draft and returns it as saved.
// Colleagues with the same link get it live; the working group sees that a
// draft exists, not what it says.
type SaveDraft struct {
	ConsultationID string
	RespondentID   string
	Answer         domain.Answer
	File           *Upload
	Origin         any
}

func (s *SaveDraft) Apply(tx *storage.Tx) (domain.Draft, []domain.Change, error) {
	_, r, _, err := respondentFor(tx, s.ConsultationID, s.RespondentID)
	if err != nil {
		return domain.Draft{}, nil, err
	}
	sections, err := tx.Sections(s.ConsultationID)
	if err != nil {
		return domain.Draft{}, nil, err
	}
	a := s.Answer
	if err := firstError(CheckAnswer(&a, sections, false)); err != nil {
		return domain.Draft{}, nil, err
	}
	if err := attach(tx, r, &a, s.File); err != nil {
		return domain.Draft{}, nil, err
	}
	if a.Publish == "" {
		// A form that does not carry the question (the live form's script
		// sends only the fields it knows) keeps the answer given before.
		old, err := tx.Draft(r.ID)
		if err != nil {
			return domain.Draft{}, nil, err
		}
		a.Publish = old.Answer.Publish
	}
	rev, err := tx.SaveDraft(r.ID, a)
	if err != nil {
		return domain.Draft{}, nil, err
	}
	d := domain.Draft{Rev: rev, Answer: a, UpdatedAt: tx.Now()}
	ch, err := statusChange(tx, s.ConsultationID, r.ID, "draft", d)
	if err != nil {
		return domain.Draft{}, nil, err
	}
	ch.Origin = s.Origin
	return d, []domain.Change{ch}, nil
}

// Submitted is what a respondent's other open forms are told of a submission.
type Submitted struct {
	Version   int    `json:"version"`
	Reference string `json:"reference"`
}

// Submit stores a new version of a response. BaseVersion is the version the
// form was showing (0 for none): if another tab or a colleague has submitted
// since, the submission is refused rather than silently stacked on top of
// an answer its author has not seen; nothing is lost, the form comes back
// with what was typed.
type Submit struct {
	ConsultationID string
	RespondentID   string
	BaseVersion    int
	Answer         domain.Answer
	File           *Upload
	// Staff is the logged-in user whose browser sends the answer, if any:
	// the version records it and the audit log names them.
	Staff *domain.Actor
	// ReceiptLang, if set, queues a receipt with a copy of the answer to
	// the address it gives, in that language.
	ReceiptLang string

	Stored    domain.Version // set by Apply
	Reference string
}

func (s *Submit) Apply(tx *storage.Tx) ([]domain.Change, error) {
	_, r, late, err := respondentFor(tx, s.ConsultationID, s.RespondentID)
	if err != nil {
		return nil, err
	}
	if r.Version != s.BaseVersion {
		return nil, domain.Errorf(domain.KindConflict, "remiss_version_conflict", "version", r.Version)
	}
	sections, err := tx.Sections(s.ConsultationID)
	if err != nil {
		return nil, err
	}
	a := s.Answer
	if err := firstError(CheckAnswer(&a, sections, true)); err != nil {
		return nil, err
	}
	if err := attach(tx, r, &a, s.File); err != nil {
		return nil, err
	}
	if r.Reference == "" {
		year := tx.Now().In(i18n.Stockholm).Year()
		n, err := tx.NextReference(year)
		if err != nil {
			return nil, err
		}
		r.Reference = fmt.Sprintf("RV-%d-%04d", year, n)
		if err := tx.SetReference(r.ID, r.Reference); err != nil {
			return nil, err
		}
	}
	v := domain.Version{RespondentID: r.ID, Version: r.Version + 1, Answer: a, SubmittedAt: tx.Now(), Late: late}
	if s.Staff != nil {
		v.SentBy = s.Staff.Name
	}
	if err := tx.InsertVersion(v); err != nil {
		return nil, err
	}
	if err := tx.DeleteDraft(r.ID); err != nil {
		return nil, err
	}
	if !r.Invited {
		if err := tx.SetRespondentOrganisation(r.ID, a.Organisation); err != nil {
			return nil, err
		}
	}
	if s.ReceiptLang != "" && a.Email != "" {
		if _, err := tx.QueueMail(domain.Mail{Kind: domain.MailReceipt, ConsultationID: s.ConsultationID, RespondentID: r.ID,
			Recipient: a.Email, Lang: s.ReceiptLang, Params: domain.MailParams{Version: v.Version}}); err != nil {
			return nil, err
		}
	}
	s.Stored, s.Reference = v, r.Reference
	ch, err := statusChange(tx, s.ConsultationID, r.ID, "submitted", Submitted{Version: v.Version, Reference: r.Reference})
	if err != nil {
		return nil, err
	}
	return []domain.Change{ch}, nil
}
