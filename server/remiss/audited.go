package remiss

import (
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// How each working-group command on a consultation appears in the audit log
// (audit.Audited records it): the action, filed under the consultation, with
// the consultation as it was before, or what the command changes when that
// is smaller (a note, a publication).

func consultationEntry(tx *storage.Tx, id, action string) (audit.Entry, error) {
	e := audit.Entry{Action: action, Kind: domain.KindConsultation, ObjectID: id, EventID: id}
	if con, err := tx.Consultation(id); err == nil {
		e.Before = con
	}
	return e, nil
}

// partEntry names a change to one part of a consultation, with that part before.
func partEntry(id, action string, before any) (audit.Entry, error) {
	return audit.Entry{Action: action, Kind: domain.KindConsultation, ObjectID: id, EventID: id, Before: before}, nil
}

func (c *Create) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "consultation.create", Kind: domain.KindConsultation}, nil
}
func (c *Create) CreatedID() string { return c.ID }

func (c *Create) AuditAfter(tx *storage.Tx) any {
	con, err := tx.Consultation(c.ID)
	if err != nil {
		return nil
	}
	return con
}

func (c *UpdateDetails) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.details")
}
func (c *SetState) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.state")
}
func (c *AttachDraft) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.pdf")
}
func (c *ReplaceSections) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.sections")
}
func (c *AddSection) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.sections")
}
func (c *EditSection) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.sections")
}
func (c *MoveSection) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.sections")
}
func (c *DeleteSection) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.sections")
}
func (c *Invite) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.invite")
}
func (c *Reopen) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.reopen")
}
func (c *RemoveSpontaneous) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.remove_respondent")
}
func (c *SendInvitations) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.mail_invite")
}
func (c *SetMailSettings) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.mail_settings")
}
func (c *ResendMail) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.mail_resend")
}
func (c *SetNote) Audit(tx *storage.Tx) (audit.Entry, error) {
	n, _ := tx.Note(c.RespondentID, c.Part)
	return partEntry(c.ConsultationID, "consultation.note", n)
}
func (c *SetSummary) Audit(tx *storage.Tx) (audit.Entry, error) {
	m, _ := tx.Summary(c.ConsultationID, c.Part)
	return partEntry(c.ConsultationID, "consultation.summary", m)
}
func (c *ImportNotes) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.notes_import")
}
func (c *Publish) Audit(tx *storage.Tx) (audit.Entry, error) {
	pub, _, _ := tx.Publication(c.RespondentID)
	return partEntry(c.ConsultationID, "consultation.publish", pub)
}
func (c *Redact) Audit(tx *storage.Tx) (audit.Entry, error) {
	return consultationEntry(tx, c.ConsultationID, "consultation.redact")
}
func (c *Unredact) Audit(tx *storage.Tx) (audit.Entry, error) {
	r, _ := tx.Redaction(c.RespondentID, c.RedactionID)
	return partEntry(c.ConsultationID, "consultation.unredact", r)
}

// Audit is the entry of an answer that staff send through an organisation's
// private link (one that came by post, say): filed under the respondent, so
// the log names who sent it. Organisations' own answers are not audited.
func (s *Submit) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "consultation.staff_response", Kind: domain.KindConsultation, ObjectID: s.RespondentID,
		EventID: s.ConsultationID}, nil
}
