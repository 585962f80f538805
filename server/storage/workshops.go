package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

const workshopColumns = `id, name, date, place, state, join_code, seq, created_at`

func scanWorkshop(row interface{ Scan(...any) error }) (domain.Workshop, error) {
	var w domain.Workshop
	var created string
	err := row.Scan(&w.ID, &w.Name, &w.Date, &w.Place, &w.State, &w.JoinCode, &w.Seq, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return w, domain.Errorf(domain.KindNotFound, "workshop_not_found")
	}
	w.CreatedAt = parseTime(created)
	return w, err
}

func workshop(ctx context.Context, q querier, id string) (domain.Workshop, error) {
	return scanWorkshop(q.QueryRowContext(ctx, `SELECT `+workshopColumns+` FROM workshops WHERE id = ?`, id))
}

func (s *Store) Workshop(ctx context.Context, id string) (domain.Workshop, error) {
	return workshop(ctx, s.read, id)
}

func (tx *Tx) Workshop(id string) (domain.Workshop, error) { return workshop(tx.ctx, tx.q, id) }

// WorkshopByJoinCode finds the workshop behind an event-wide join code.
func (s *Store) WorkshopByJoinCode(ctx context.Context, code string) (domain.Workshop, error) {
	return scanWorkshop(s.read.QueryRowContext(ctx, `SELECT `+workshopColumns+` FROM workshops WHERE join_code = ?`, code))
}

// ListWorkshops returns all workshops, newest event first.
func (s *Store) ListWorkshops(ctx context.Context) ([]domain.Workshop, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+workshopColumns+` FROM workshops ORDER BY date DESC, created_at DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Workshop
	for rows.Next() {
		w, err := scanWorkshop(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, w)
	}
	return list, rows.Err()
}

func (tx *Tx) InsertWorkshop(w domain.Workshop, createdBy string) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO workshops (id, name, date, place, state, join_code, seq, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, 0, NULLIF(?, ''), ?)`,
		w.ID, w.Name, w.Date, w.Place, w.State, w.JoinCode, createdBy, formatTime(tx.now))
	return translate(err)
}

func (tx *Tx) UpdateWorkshopDetails(id, name, date, place string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE workshops SET name = ?, date = ?, place = ? WHERE id = ?`, name, date, place, id)
	return translate(err)
}

func (tx *Tx) SetWorkshopState(id string, state domain.WorkshopState) error {
	delete(tx.store.cache.workshops, id)
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE workshops SET state = ? WHERE id = ?`, state, id)
	return translate(err)
}

// NextSeq hands out the workshop's next sequence number. It runs inside the
// write transaction, so a rolled-back change gives its number back.
func (tx *Tx) NextSeq(workshopID string) (int64, error) {
	var seq int64
	err := tx.q.QueryRowContext(tx.ctx, `UPDATE workshops SET seq = seq + 1 WHERE id = ? RETURNING seq`, workshopID).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Errorf(domain.KindNotFound, "workshop_not_found")
	}
	return seq, translate(err)
}

// CodeTaken reports whether a join code is used by any workshop or table;
// both kinds of code share one namespace so a typed code is never ambiguous.
func (tx *Tx) CodeTaken(code string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT (SELECT count(*) FROM workshops WHERE join_code = ?1) +
		(SELECT count(*) FROM tables WHERE code = ?1)`, code).Scan(&n)
	return n > 0, translate(err)
}
