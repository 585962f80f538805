package remiss

import (
	"encoding/json"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// command is what the writer runs (named here so that this package does not
// depend on the writer).
type command interface {
	Apply(tx *storage.Tx) ([]domain.Change, error)
}

// Audited runs a working-group command on a consultation and records it in
// the audit log in the same transaction: who, what, the consultation before,
// and what changed.
type Audited struct {
	Command        command
	Actor          domain.Actor
	ConsultationID string // empty when the command creates the consultation
}

// beforer is a command that says itself what it changes, for the log:
// a note rather than the whole consultation.
type beforer interface {
	Before(tx *storage.Tx) any
}

// afterer is a command that says itself what it made, for the log.
type afterer interface {
	After() any
}

func (a *Audited) Apply(tx *storage.Tx) ([]domain.Change, error) {
	var before string
	if b, ok := a.Command.(beforer); ok {
		before = jsonOf(b.Before(tx))
	} else if a.ConsultationID != "" {
		if con, err := tx.Consultation(a.ConsultationID); err == nil {
			before = jsonOf(con)
		}
	}
	changes, err := a.Command.Apply(tx)
	if err != nil {
		return nil, err
	}
	id := a.ConsultationID
	if c, ok := a.Command.(*Create); ok {
		id = c.ID
	}
	after := make([]any, 0, len(changes))
	for _, c := range changes {
		after = append(after, c.Payload)
	}
	if a, ok := a.Command.(afterer); ok {
		after = append(after, a.After())
	}
	if len(after) == 0 {
		if con, err := tx.Consultation(id); err == nil {
			after = append(after, con)
		}
	}
	err = tx.AppendAudit(domain.AuditEntry{Actor: a.Actor, Action: auditAction(a.Command), ObjectKind: domain.KindConsultation,
		ObjectID: id, EventID: id, Before: before, After: jsonOf(after)})
	return changes, err
}

func auditAction(cmd command) string {
	switch cmd.(type) {
	case *Create:
		return "consultation.create"
	case *UpdateDetails:
		return "consultation.details"
	case *SetState:
		return "consultation.state"
	case *AttachDraft:
		return "consultation.pdf"
	case *ReplaceSections, *AddSection, *EditSection, *MoveSection, *DeleteSection:
		return "consultation.sections"
	case *Invite:
		return "consultation.invite"
	case *Reopen:
		return "consultation.reopen"
	case *RemoveSpontaneous:
		return "consultation.remove_respondent"
	case *SendInvitations:
		return "consultation.mail_invite"
	case *SetMailSettings:
		return "consultation.mail_settings"
	case *ResendMail:
		return "consultation.mail_resend"
	case *SetNote:
		return "consultation.note"
	case *SetSummary:
		return "consultation.summary"
	case *ImportNotes:
		return "consultation.notes_import"
	case *Publish:
		return "consultation.publish"
	case *Redact:
		return "consultation.redact"
	case *Unredact:
		return "consultation.unredact"
	}
	return "consultation.change"
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
