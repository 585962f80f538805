package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/samrad-se/samrad/server/domain"
)

// newEpoch is SQL for a fresh timeline id (see the live package).
const newEpoch = `lower(hex(randomblob(8)))`

// Numbered is an object with the number of its latest change.
type Numbered[T any] struct {
	Seq   int64
	Value T
}

// History is what changed in a workshop after a sequence number, as a
// client that follows it may see it, read from the rows in one read
// transaction: each changed object once, in its current state.
type History struct {
	// Workshop.Seq is the number every change up to is included; Epoch the
	// timeline. WorkshopSeq is the workshop object's own latest change when
	// that is after since, else 0.
	Workshop      domain.Workshop
	WorkshopSeq   int64
	Questions     []Numbered[domain.Question]
	Themes        []Numbered[domain.Theme]
	RemovedThemes []Numbered[string]
	Tables        []Numbered[domain.Table]
	Inputs        []domain.Input // each carries its Seq
	Votes         VoteSet        // votes (each with its Seq), results and dots changed since
}

// MarkChanged records that change number seq is the latest of an object
// (kind is the change's type: "question", "theme", "table", "workshop", or
// "theme_removed", which leaves a marker for the removed theme).
func (tx *Tx) MarkChanged(workshopID, kind, id string, seq int64) error {
	var err error
	switch kind {
	case "workshop":
		_, err = tx.q.ExecContext(tx.ctx, `UPDATE workshops SET changed_seq = ? WHERE id = ?`, seq, workshopID)
	case "question":
		_, err = tx.q.ExecContext(tx.ctx, `UPDATE questions SET seq = ? WHERE id = ? AND workshop_id = ?`, seq, id, workshopID)
	case "theme":
		_, err = tx.q.ExecContext(tx.ctx, `UPDATE themes SET seq = ? WHERE id = ? AND workshop_id = ?`, seq, id, workshopID)
	case "table":
		_, err = tx.q.ExecContext(tx.ctx, `UPDATE tables SET seq = ? WHERE id = ? AND workshop_id = ?`, seq, id, workshopID)
	case "theme_removed":
		_, err = tx.q.ExecContext(tx.ctx, `INSERT INTO removed_themes (workshop_id, theme_id, seq) VALUES (?, ?, ?)
			ON CONFLICT (workshop_id, theme_id) DO UPDATE SET seq = excluded.seq`, workshopID, id, seq)
	default:
		return fmt.Errorf("storage: no change history for %q", kind)
	}
	return translate(err)
}

// HistorySince reads what changed in a workshop after since, for its staff
// (table empty) or for one table's phones (its table, its inputs, and what
// every phone sees).
func (s *Store) HistorySince(ctx context.Context, workshopID, table string, since int64) (History, error) {
	var h History
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return h, translate(err)
	}
	defer tx.Rollback()
	if h.Workshop, err = workshop(ctx, tx, workshopID); err != nil {
		return h, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT changed_seq FROM workshops WHERE id = ? AND changed_seq > ?`, workshopID, since).Scan(&h.WorkshopSeq); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return h, err
	}
	if err := eachRow(ctx, tx, func(r *sql.Rows) error {
		var n Numbered[domain.Question]
		var err error
		n.Value, err = scanQuestion(r, &n.Seq)
		h.Questions = append(h.Questions, n)
		return err
	}, `SELECT `+questionColumns+`, seq FROM questions WHERE workshop_id = ? AND seq > ?`, workshopID, since); err != nil {
		return h, err
	}
	if err := eachRow(ctx, tx, func(r *sql.Rows) error {
		var n Numbered[domain.Theme]
		var err error
		n.Value, err = scanTheme(r, &n.Seq)
		h.Themes = append(h.Themes, n)
		return err
	}, `SELECT `+themeColumns+`, seq FROM themes WHERE workshop_id = ? AND seq > ?`, workshopID, since); err != nil {
		return h, err
	}
	if err := eachRow(ctx, tx, func(r *sql.Rows) error {
		var n Numbered[string]
		err := r.Scan(&n.Value, &n.Seq)
		h.RemovedThemes = append(h.RemovedThemes, n)
		return err
	}, `SELECT theme_id, seq FROM removed_themes WHERE workshop_id = ? AND seq > ?`, workshopID, since); err != nil {
		return h, err
	}
	tablesQuery := `SELECT ` + tableColumns + `, seq FROM tables WHERE workshop_id = ? AND seq > ?`
	tablesArgs := []any{workshopID, since}
	inputsQuery := `SELECT ` + inputColumns + ` FROM inputs WHERE workshop_id = ? AND seq > ?`
	inputsArgs := []any{workshopID, since}
	if table != "" {
		tablesQuery += ` AND id = ?`
		tablesArgs = append(tablesArgs, table)
		// inputs_table_seq finds the table's inputs since seq at once,
		// however many the workshop and the table have.
		inputsQuery = sqlTableInputsSince
		inputsArgs = []any{table, workshopID, since}
	}
	if err := eachRow(ctx, tx, func(r *sql.Rows) error {
		var n Numbered[domain.Table]
		var err error
		n.Value, err = scanTable(r, &n.Seq)
		h.Tables = append(h.Tables, n)
		return err
	}, tablesQuery, tablesArgs...); err != nil {
		return h, err
	}
	if h.Inputs, err = collectInputs(ctx, tx, inputsQuery, inputsArgs...); err != nil {
		return h, err
	}
	h.Votes, err = voteSet(ctx, tx, workshopID, table, since)
	return h, err
}

func eachRow(ctx context.Context, q querier, fn func(*sql.Rows) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// renewEpochs gives every workshop and consultation a new timeline. A backup
// copy gets them, so that restoring it never lets a client resume from a
// number that the copy will hand out again for a different change.
func renewEpochs(ctx context.Context, q querier) error {
	if _, err := q.ExecContext(ctx, `UPDATE workshops SET epoch = `+newEpoch); err != nil {
		return translate(err)
	}
	_, err := q.ExecContext(ctx, `UPDATE consultations SET epoch = `+newEpoch)
	return translate(err)
}
