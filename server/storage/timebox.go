package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// Time boxes that close by themselves, and World Café rounds.

// DueTimebox is a question whose time box closes it by itself.
type DueTimebox struct {
	WorkshopID, QuestionID string
	Deadline               time.Time
}

// NextTimeboxes reads the open questions set to close by themselves, the
// soonest first: those due by now, and at least the next one after (so the
// caller knows how long it may wait).
func (s *Store) NextTimeboxes(ctx context.Context, now time.Time) ([]DueTimebox, error) {
	var out []DueTimebox
	err := eachRow(ctx, s.read, func(r *sql.Rows) error {
		var d DueTimebox
		var ms int64
		err := r.Scan(&d.WorkshopID, &d.QuestionID, &ms)
		d.Deadline = time.UnixMilli(ms).UTC()
		out = append(out, d)
		return err
	}, `SELECT workshop_id, id, deadline_ms FROM questions
		WHERE deadline_ms IS NOT NULL AND auto_close = 1 AND state = 'open'
		AND deadline_ms <= max(?, (SELECT min(deadline_ms) FROM questions WHERE deadline_ms IS NOT NULL AND auto_close = 1 AND state = 'open'))
		ORDER BY deadline_ms`, now.UnixMilli())
	return out, err
}

// Rounds reads a workshop's World Café rounds (none set up: Round 0, no themes).
func (tx *Tx) Rounds(workshopID string) (domain.Rounds, error) {
	r := domain.Rounds{WorkshopID: workshopID}
	var themes string
	err := tx.q.QueryRowContext(tx.ctx, `SELECT themes, round FROM workshop_rounds WHERE workshop_id = ?`, workshopID).Scan(&themes, &r.Round)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	if err != nil {
		return r, translate(err)
	}
	return r, json.Unmarshal([]byte(themes), &r.Themes)
}

func (tx *Tx) SaveRounds(r domain.Rounds) error {
	themes, err := json.Marshal(r.Themes)
	if err != nil {
		return err
	}
	_, err = tx.q.ExecContext(tx.ctx, `INSERT INTO workshop_rounds (workshop_id, themes, round) VALUES (?, ?, ?)
		ON CONFLICT (workshop_id) DO UPDATE SET themes = excluded.themes, round = excluded.round`, r.WorkshopID, string(themes), r.Round)
	return translate(err)
}

// SetTableRound records the round a table is in and the theme it discusses.
func (tx *Tx) SetTableRound(workshopID, tableID string, round int, theme string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE tables SET round = ?, round_theme = ? WHERE id = ? AND workshop_id = ?`,
		round, theme, tableID, workshopID)
	return translate(err)
}
