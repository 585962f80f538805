package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

const workshopColumns = `id, name, date, place, state, join_code, seq, epoch, created_at, coalesce(retention_months, 0), coalesce(purged_at, ''), auto_sort`

func scanWorkshop(row interface{ Scan(...any) error }) (domain.Workshop, error) {
	var w domain.Workshop
	var created, purged string
	err := row.Scan(&w.ID, &w.Name, &w.Date, &w.Place, &w.State, &w.JoinCode, &w.Seq, &w.Epoch, &created, &w.RetentionMonths, &purged, &w.AutoSort)
	if errors.Is(err, sql.ErrNoRows) {
		return w, domain.Errorf(domain.KindNotFound, "workshop_not_found")
	}
	w.CreatedAt = parseTime(created)
	w.PurgedAt = parseTime(purged)
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

// ListWorkshops returns the workshops a user may see, newest event first:
// all of them for an administrator, the assigned ones for everyone else.
func (s *Store) ListWorkshops(ctx context.Context, u domain.User) ([]domain.Workshop, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+workshopColumns+` FROM workshops
		WHERE ?1 OR id IN (SELECT object_id FROM assignments WHERE object_kind = 'workshop' AND user_id = ?2)
		ORDER BY date DESC, created_at DESC`, u.Role == domain.RoleAdmin, u.ID)
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

// InsertWorkshop stores a new workshop; its creator is assigned to it.
func (tx *Tx) InsertWorkshop(w domain.Workshop, createdBy string) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO workshops (id, name, date, place, state, join_code, seq, epoch, created_by, created_at, retention_months)
		VALUES (?, ?, ?, ?, ?, ?, 0, `+newEpoch+`, NULLIF(?, ''), ?, ?)`,
		w.ID, w.Name, w.Date, w.Place, w.State, w.JoinCode, createdBy, formatTime(tx.now), domain.DefaultRetentionMonths)
	if err != nil || createdBy == "" {
		return translate(err)
	}
	return translate(assign(tx.ctx, tx.q, tx.now, domain.KindWorkshop, w.ID, createdBy))
}

// SetRetention changes how long a workshop's input is kept (0: kept).
func (tx *Tx) SetRetention(workshopID string, months int) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE workshops SET retention_months = NULLIF(?, 0) WHERE id = ?`, months, workshopID)
	return translate(err)
}

// WorkshopsToPurge lists workshops whose input the retention rule should
// delete now and that still have it.
func (s *Store) WorkshopsToPurge(ctx context.Context, now time.Time) ([]domain.Workshop, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+workshopColumns+` FROM workshops
		WHERE retention_months > 0 AND purged_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var due []domain.Workshop
	for rows.Next() {
		w, err := scanWorkshop(rows)
		if err != nil {
			return nil, err
		}
		if !w.PurgeDue().After(now) {
			due = append(due, w)
		}
	}
	return due, rows.Err()
}

// PurgeInputs deletes every input of a workshop (retention) and the personal
// content of its audit entries; the workshop, its questions and themes stay.
func (tx *Tx) PurgeInputs(workshopID string) (int64, error) {
	res, err := tx.q.ExecContext(tx.ctx, `DELETE FROM inputs WHERE workshop_id = ?`, workshopID)
	if err != nil {
		return 0, translate(err)
	}
	n, _ := res.RowsAffected()
	// Clients that still show the deleted input must start again from a snapshot.
	if _, err := tx.q.ExecContext(tx.ctx, `UPDATE workshops SET purged_at = ?, epoch = `+newEpoch+` WHERE id = ?`, formatTime(tx.now), workshopID); err != nil {
		return 0, translate(err)
	}
	_, err = tx.q.ExecContext(tx.ctx, `UPDATE audit_log SET before = NULL, after = NULL, redacted_at = ?
		WHERE event_id = ? AND redacted_at IS NULL AND (before IS NOT NULL OR after IS NOT NULL)`, formatTime(tx.now), workshopID)
	return n, translate(err)
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

// SetAutoSort turns the automatic sorting of confident suggestions on or off.
func (tx *Tx) SetAutoSort(id string, on bool) error {
	delete(tx.store.cache.autoSort, id)
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE workshops SET auto_sort = ? WHERE id = ?`, boolInt(on), id)
	return translate(err)
}

// AutoSort reports whether confident suggestions place a workshop's answers
// by themselves. Every new answer with such a suggestion asks, so it is
// remembered for the writer like the workshop's state.
func (tx *Tx) AutoSort(id string) (bool, error) {
	if on, ok := tx.store.cache.autoSort[id]; ok {
		return on, nil
	}
	var on bool
	err := tx.q.QueryRowContext(tx.ctx, `SELECT auto_sort FROM workshops WHERE id = ?`, id).Scan(&on)
	if errors.Is(err, sql.ErrNoRows) {
		return false, domain.Errorf(domain.KindNotFound, "workshop_not_found")
	}
	if err != nil {
		return false, translate(err)
	}
	tx.store.cache.autoSort[id] = on
	return on, nil
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
