package storage

import (
	"context"
	"database/sql"

	"github.com/samrad-se/samrad/server/domain"
)

// Progress is "18 av 30 bord har svarat": how many of a workshop's tables
// have at least one visible answer (not hidden, not withdrawn; merged ones
// count, the table did answer) to the open questions, or to any question
// while none is open.
type Progress struct {
	Answered int `json:"answered"`
	Tables   int `json:"tables"`
	// Open lists the open questions counted, by position; empty when none
	// is open and every question counts.
	Open []string `json:"open"`
}

// Progress counts the tables that have answered, in one read transaction.
// Each table is looked up through its own few answers (the inputs_table_seq
// index), so the count stays cheap on a wall of a hundred thousand.
func (s *Store) Progress(ctx context.Context, workshopID string) (Progress, error) {
	p := Progress{Open: []string{}}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return p, translate(err)
	}
	defer tx.Rollback()
	if _, err := workshop(ctx, tx, workshopID); err != nil {
		return p, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM questions WHERE workshop_id = ? AND state = ? ORDER BY position`,
		workshopID, domain.QuestionOpen)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return p, err
		}
		p.Open = append(p.Open, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	err = tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM tables WHERE workshop_id = ?1),
		(SELECT count(*) FROM tables t WHERE t.workshop_id = ?1 AND EXISTS (
			SELECT 1 FROM inputs i JOIN questions q ON q.id = i.question_id
			WHERE i.table_id = t.id AND i.hidden = 0 AND (?2 = 0 OR q.state = 'open')))`,
		workshopID, len(p.Open)).Scan(&p.Tables, &p.Answered)
	return p, err
}
