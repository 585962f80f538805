package workshop

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// numbered takes the workshop's next sequence number for a change.
func numbered(tx *storage.Tx, c domain.Change) (domain.Change, error) {
	seq, err := tx.NextSeq(c.WorkshopID)
	c.Seq = seq
	return c, err
}

func workshopChange(tx *storage.Tx, id string) (domain.Change, error) {
	w, err := tx.Workshop(id)
	if err != nil {
		return domain.Change{}, err
	}
	return numbered(tx, domain.Change{WorkshopID: id, Type: "workshop", Audience: domain.ToEveryone, Payload: w})
}

func questionChange(tx *storage.Tx, q domain.Question) (domain.Change, error) {
	return numbered(tx, domain.Change{WorkshopID: q.WorkshopID, Type: "question", Audience: domain.ToEveryone, Payload: q})
}

func themeChange(tx *storage.Tx, t domain.Theme) (domain.Change, error) {
	return numbered(tx, domain.Change{WorkshopID: t.WorkshopID, Type: "theme", Audience: domain.ToEveryone, Payload: t})
}

func tableChange(tx *storage.Tx, t domain.Table) (domain.Change, error) {
	return numbered(tx, domain.Change{WorkshopID: t.WorkshopID, Type: "table", Audience: domain.ToTable, TableID: t.ID, Payload: t})
}

// saveInput stores a moderated input under a new sequence number; only
// dashboards hear of it, since phones see their own words, not moderation.
func saveInput(tx *storage.Tx, in domain.Input) (domain.Change, error) {
	c, err := numbered(tx, domain.Change{WorkshopID: in.WorkshopID, Type: "input", Audience: domain.ToDashboards})
	if err != nil {
		return c, err
	}
	in.Seq = c.Seq
	c.Payload = in
	return c, tx.UpdateInput(in)
}
