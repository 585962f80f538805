package remiss

import (
	"fmt"
	"maps"
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
	if a.Publish != "" && a.Publish != domain.PublishYes && a.Publish != domain.PublishNo {
		errs = append(errs, FieldError{"publish", domain.Errorf(domain.KindInvalid, "remiss_publish_invalid")})
	}
	if submit {
		errs = append(errs, checkFormats(a)...)
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

// checkFormats checks what a submitted answer must get right and a draft
// may still have half typed: the organisation number, e-mail address and date.
func checkFormats(a *domain.Answer) []FieldError {
	var errs []FieldError
	if a.OrgNumber != "" && !orgNumber.MatchString(a.OrgNumber) {
		errs = append(errs, FieldError{"org_number", domain.Errorf(domain.KindInvalid, "remiss_org_number_invalid")})
	}
	if a.Email != "" {
		if _, ok := normalEmail(a.Email); !ok {
			errs = append(errs, FieldError{"email", domain.Errorf(domain.KindInvalid, "remiss_email_invalid")})
		}
	}
	if a.DecidedOn != "" {
		if _, err := time.Parse("2006-01-02", a.DecidedOn); err != nil || !isoDate.MatchString(a.DecidedOn) {
			errs = append(errs, FieldError{"decided_on", domain.Errorf(domain.KindInvalid, "remiss_date_invalid")})
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
// attachment the answer already names is the respondent's own. For a
// draft (release), a new file or an answer that no longer names the
// draft's file lets go of the draft's file: it is removed unless a
// submitted version uses it, so that saving a draft with a file many times
// keeps one. A submission leaves that to the draft's own update, which may
// keep a colleague's file.
func attach(tx *storage.Tx, r domain.Respondent, a *domain.Answer, file *Upload, release bool) error {
	d, err := tx.Draft(r.ID)
	if err != nil {
		return err
	}
	if prev := d.Answer.AttachmentID; release && prev != "" && (file != nil || a.AttachmentID != prev) {
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

// Submitted is what a respondent's other open forms are told of a
// submission: the new version, and the fields of the draft it changed.
type Submitted struct {
	Version   int        `json:"version"`
	Reference string     `json:"reference"`
	Draft     *FormDraft `json:"draft,omitempty"`
}

// Submit stores a new version of a response. BaseVersion is the version the
// form was showing (0 for none): if another tab or a colleague has submitted
// since, the submission is refused rather than silently stacked on top of
// an answer its author has not seen; nothing is lost, the form comes back
// with what was typed.
//
// The draft stays as the working copy: the fields the sending form changed
// (Patch, read as SaveDraft reads it; nil: every field) take the submitted
// values, except where a colleague changed them first, whose text stays in
// the draft. Keep names fields whose value the person chose to take from
// the draft rather than from the form.
type Submit struct {
	ConsultationID string
	RespondentID   string
	BaseVersion    int
	Answer         domain.Answer
	Patch          map[string]FieldPatch
	Author         string
	Keep           []string
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
	d, err := tx.Draft(r.ID)
	if err != nil {
		return nil, err
	}
	a := s.Answer
	for _, name := range s.Keep {
		a.SetField(name, d.Answer.Field(name))
	}
	if err := firstError(CheckAnswer(&a, sections, true)); err != nil {
		return nil, err
	}
	if err := attach(tx, r, &a, s.File, false); err != nil {
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
	work, err := s.workingCopy(tx, r, &d, sections, a)
	if err != nil {
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
	ch, err := statusChange(tx, s.ConsultationID, r.ID, "submitted", Submitted{Version: v.Version, Reference: r.Reference, Draft: work})
	if err != nil {
		return nil, err
	}
	return []domain.Change{ch}, nil
}

// workingCopy brings the draft up to the submitted answer a, as the sending
// form changed it; it returns what colleagues' forms are told (nil: nothing
// changed).
func (s *Submit) workingCopy(tx *storage.Tx, r domain.Respondent, d *domain.Draft, sections []domain.Section, a domain.Answer) (*FormDraft, error) {
	patch := make(map[string]FieldPatch, len(s.Patch))
	if s.Patch == nil {
		for _, name := range domain.AnswerFields(sections) {
			patch[name] = FieldPatch{Base: Overwrite}
		}
	} else {
		maps.Copy(patch, s.Patch)
	}
	for _, name := range s.Keep {
		delete(patch, name)
	}
	// What was submitted, as it was stored (cleaned, the new file's id).
	for name, p := range patch {
		p.Value = a.Field(name)
		patch[name] = p
	}
	res, err := applyPatch(tx, r, d, sections, patch, s.Author, nil)
	if err != nil || len(res.changed) == 0 {
		return nil, err
	}
	f := FormDraftOf(*d, res.changed)
	return &f, nil
}
