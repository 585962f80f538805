package storage

import (
	"context"
	"database/sql"

	"github.com/samrad-se/samrad/server/domain"
)

// Snapshot is a consistent picture of a workshop at sequence number
// Workshop.Seq: every change up to and including it is in, none after it.
type Snapshot struct {
	Workshop  domain.Workshop
	Questions []domain.Question
	Themes    []domain.Theme
	Tables    []domain.Table
	Inputs    []domain.Input
	Votes     VoteSet // with the inputs: staff's all, a table's what its phones may see
}

// Which inputs (and tables) a snapshot carries.
const (
	NoInputs  = "-" // the workshop's set-up only
	AllInputs = ""  // a facilitator's view
	// any other value is a table id: that table and its inputs, what its phones may see
)

// Snapshot reads a workshop in one read transaction.
func (s *Store) Snapshot(ctx context.Context, workshopID, inputs string) (Snapshot, error) {
	var snap Snapshot
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return snap, translate(err)
	}
	defer tx.Rollback()
	if snap.Workshop, err = workshop(ctx, tx, workshopID); err != nil {
		return snap, err
	}
	if snap.Questions, err = questions(ctx, tx, workshopID); err != nil {
		return snap, err
	}
	if snap.Themes, err = themes(ctx, tx, workshopID); err != nil {
		return snap, err
	}
	switch inputs {
	case NoInputs, AllInputs:
		snap.Tables, err = tables(ctx, tx, workshopID)
	default:
		// A phone needs only its own table; a big conference has hundreds.
		var t domain.Table
		t, err = scanTable(tx.QueryRowContext(ctx, `SELECT `+tableColumns+` FROM tables WHERE id = ? AND workshop_id = ?`, inputs, workshopID))
		snap.Tables = []domain.Table{t}
	}
	if err != nil {
		return snap, err
	}
	switch inputs {
	case NoInputs:
	case AllInputs:
		snap.Inputs, err = collectInputs(ctx, tx, `SELECT `+inputColumns+` FROM inputs WHERE workshop_id = ? ORDER BY created_at, id`, workshopID)
	default:
		snap.Inputs, err = collectInputs(ctx, tx, sqlTableInputs, inputs, workshopID)
	}
	if err == nil && inputs != NoInputs {
		snap.Votes, err = voteSet(ctx, tx, workshopID, inputs, -1)
	}
	return snap, err
}
