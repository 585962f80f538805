package remiss

import (
	"strings"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// Publication on the web: after the deadline the working group publishes
// the answers whose respondents said yes, without contact details or
// attachment, and may remove text from the published copy (a person's name
// in a comment), giving a reason each time. What was submitted is never
// changed; the public page is made from it and the redactions.

// MaxReasonRunes bounds a redaction's reason.
const MaxReasonRunes = 500

// publishable loads a respondent's latest answer and checks that it may be
// published now.
func publishable(tx *storage.Tx, consultationID, respondentID string) (domain.Respondent, domain.Version, error) {
	con, err := tx.Consultation(consultationID)
	if err != nil {
		return domain.Respondent{}, domain.Version{}, err
	}
	if con.State == domain.ConsultationDraft || (con.State == domain.ConsultationOpen && !con.DeadlinePassed(tx.Now())) {
		return domain.Respondent{}, domain.Version{}, domain.Errorf(domain.KindConflict, "publish_before_deadline",
			"when", i18n.DateTime("sv", con.Deadline))
	}
	r, v, err := tx.RespondentStatus(consultationID, respondentID)
	if err != nil {
		return r, domain.Version{}, err
	}
	if v == nil {
		return r, domain.Version{}, domain.Errorf(domain.KindConflict, "analysis_no_answer")
	}
	return r, *v, nil
}

// Publish puts a respondent's latest answer on the consultation's public
// page, or takes it down (Publish false). Only an answer whose respondent
// said yes may be published.
type Publish struct {
	ConsultationID string
	RespondentID   string
	Publish        bool
	By             string
}

func (p *Publish) AuditAfter(*storage.Tx) any {
	return map[string]any{"respondent": p.RespondentID, "published": p.Publish}
}

func (p *Publish) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if !p.Publish {
		if _, err := tx.Respondent(p.ConsultationID, p.RespondentID); err != nil {
			return nil, err
		}
		return nil, tx.DeletePublication(p.RespondentID)
	}
	r, v, err := publishable(tx, p.ConsultationID, p.RespondentID)
	if err != nil {
		return nil, err
	}
	if v.Answer.Publish != domain.PublishYes {
		return nil, domain.Errorf(domain.KindConflict, "publish_no_consent", "organisation", r.Organisation)
	}
	return nil, tx.SetPublication(domain.Publication{RespondentID: r.ID, Version: v.Version, PublishedBy: p.By})
}

// Redact removes a text from the published copy of a respondent's latest
// answer, wherever it occurs in the part named, with a reason.
type Redact struct {
	ConsultationID string
	RespondentID   string
	Part           string
	Text           string
	Reason         string
	By             string

	Redaction domain.Redaction // set by Apply
}

func (rd *Redact) AuditAfter(*storage.Tx) any { return rd.Redaction }

func (rd *Redact) Apply(tx *storage.Tx) ([]domain.Change, error) {
	r, v, err := publishable(tx, rd.ConsultationID, rd.RespondentID)
	if err != nil {
		return nil, err
	}
	text, derr := clean(rd.Text, domain.MaxLongTextRunes, "redaction")
	if derr != nil {
		return nil, derr
	}
	reason, derr := cleanLine(rd.Reason, MaxReasonRunes, "reason")
	if derr != nil {
		return nil, derr
	}
	if reason == "" {
		return nil, domain.Errorf(domain.KindInvalid, "redaction_reason_required")
	}
	if text == "" || !strings.Contains(PartText(v.Answer, rd.Part), text) {
		return nil, domain.Errorf(domain.KindInvalid, "redaction_text_not_found")
	}
	rd.Redaction = domain.Redaction{ID: newID(), RespondentID: r.ID, Version: v.Version, Part: rd.Part, Text: text, Reason: reason,
		CreatedBy: rd.By, CreatedAt: tx.Now()}
	return nil, tx.InsertRedaction(rd.Redaction)
}

// Unredact takes a redaction back.
type Unredact struct {
	ConsultationID string
	RespondentID   string
	RedactionID    string
}

func (u *Unredact) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.Respondent(u.ConsultationID, u.RespondentID); err != nil {
		return nil, err
	}
	if _, err := tx.Redaction(u.RespondentID, u.RedactionID); err != nil {
		return nil, err
	}
	return nil, tx.DeleteRedaction(u.RedactionID)
}

// PartText is the text of one part of an answer that a redaction may name.
func PartText(a domain.Answer, part string) string {
	switch part {
	case domain.PartSummary:
		return a.Summary
	case domain.PartGeneral:
		return a.General
	case domain.PartOther:
		return a.Other
	case domain.PartDecidedBy:
		return a.DecidedBy
	}
	return a.Sections[part].Comment
}

// PublicAnswer is an answer as the public page shows it: no contact
// person, e-mail address or attachment, and every redacted text replaced
// by marker.
func PublicAnswer(a domain.Answer, redactions []domain.Redaction, marker string) domain.Answer {
	out := a
	out.Contact, out.Email, out.AttachmentID, out.AttachmentName = "", "", "", ""
	out.Sections = make(map[string]domain.SectionAnswer, len(a.Sections))
	for id, sa := range a.Sections {
		out.Sections[id] = sa
	}
	for _, r := range redactions {
		replace := func(s string) string { return strings.ReplaceAll(s, r.Text, marker) }
		switch r.Part {
		case domain.PartSummary:
			out.Summary = replace(out.Summary)
		case domain.PartGeneral:
			out.General = replace(out.General)
		case domain.PartOther:
			out.Other = replace(out.Other)
		case domain.PartDecidedBy:
			out.DecidedBy = replace(out.DecidedBy)
		default:
			if sa, ok := out.Sections[r.Part]; ok {
				sa.Comment = replace(sa.Comment)
				out.Sections[r.Part] = sa
			}
		}
	}
	return out
}
