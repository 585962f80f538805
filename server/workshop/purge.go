package workshop

import (
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Purge deletes a workshop's input when its retention period has passed. The
// workshop, its questions and themes remain, so the event is still on record;
// the audit log keeps that it happened but loses the deleted text. Live views
// learn nothing: by the time retention runs, the event is long over (and the
// workshop's timeline is new, so a client that still shows input starts over).
type Purge struct {
	WorkshopID string

	deleted int64
	months  int
}

// Deleted is how many inputs the purge deleted.
func (p *Purge) Deleted() int64 { return p.deleted }

func (p *Purge) Apply(tx *storage.Tx) ([]domain.Change, error) {
	w, err := tx.Workshop(p.WorkshopID)
	if err != nil {
		return nil, err
	}
	p.months = w.RetentionMonths
	p.deleted, err = tx.PurgeInputs(p.WorkshopID)
	return nil, err
}

func (p *Purge) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "retention.purge", Kind: domain.KindWorkshop, ObjectID: p.WorkshopID, EventID: p.WorkshopID}, nil
}

func (p *Purge) AuditAfter(*storage.Tx) any {
	return map[string]any{"deletedInputs": p.deleted, "retentionMonths": p.months}
}

// SetRetention changes how long a workshop's input is kept.
type SetRetention struct {
	WorkshopID string
	Months     int
}

func (s *SetRetention) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if !validRetention(s.Months) {
		return nil, domain.Errorf(domain.KindInvalid, "retention_invalid")
	}
	return nil, tx.SetRetention(s.WorkshopID, s.Months)
}

func (s *SetRetention) Audit(tx *storage.Tx) (audit.Entry, error) {
	w, err := tx.Workshop(s.WorkshopID)
	if err != nil {
		return audit.Entry{}, err
	}
	return audit.Entry{Action: "retention.set", Kind: domain.KindWorkshop, ObjectID: s.WorkshopID, EventID: s.WorkshopID,
		Before: map[string]int{"months": w.RetentionMonths}}, nil
}

func (s *SetRetention) AuditAfter(*storage.Tx) any { return map[string]int{"months": s.Months} }

func validRetention(months int) bool {
	for _, m := range domain.RetentionChoices {
		if m == months {
			return true
		}
	}
	return false
}
