package workshop

import (
	"fmt"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Purge deletes a workshop's input when its retention period has passed. The
// workshop, its questions and themes remain, so the event is still on record;
// the audit log keeps that it happened but loses the deleted text.
type Purge struct {
	WorkshopID string
	Deleted    int64 // set by Apply
}

func (p *Purge) Apply(tx *storage.Tx) ([]domain.Change, error) {
	w, err := tx.Workshop(p.WorkshopID)
	if err != nil {
		return nil, err
	}
	if p.Deleted, err = tx.PurgeInputs(p.WorkshopID); err != nil {
		return nil, err
	}
	err = tx.AppendAudit(domain.AuditEntry{Actor: domain.SystemActor, Action: "retention.purge", ObjectKind: domain.KindWorkshop,
		ObjectID: p.WorkshopID, EventID: p.WorkshopID,
		After: fmt.Sprintf(`{"deletedInputs":%d,"retentionMonths":%d}`, p.Deleted, w.RetentionMonths)})
	// Live views learn nothing: by the time retention runs, the event is long over.
	return nil, err
}
