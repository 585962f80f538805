package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

const tableColumns = `id, workshop_id, position, name, code, round, round_theme`

// scanTable reads tableColumns (and whatever follows them into more).
func scanTable(row interface{ Scan(...any) error }, more ...any) (domain.Table, error) {
	var t domain.Table
	err := row.Scan(append([]any{&t.ID, &t.WorkshopID, &t.Position, &t.Name, &t.Code, &t.Round, &t.RoundTheme}, more...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return t, domain.Errorf(domain.KindNotFound, "table_not_found")
	}
	return t, err
}

func tables(ctx context.Context, q querier, workshopID string) ([]domain.Table, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+tableColumns+` FROM tables WHERE workshop_id = ? ORDER BY position`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Table
	for rows.Next() {
		t, err := scanTable(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, t)
	}
	return list, rows.Err()
}

func (s *Store) Tables(ctx context.Context, workshopID string) ([]domain.Table, error) {
	return tables(ctx, s.read, workshopID)
}

func (tx *Tx) Tables(workshopID string) ([]domain.Table, error) {
	return tables(tx.ctx, tx.q, workshopID)
}

// TableByCode finds a table by its secret code; this is how a phone signs in.
func (s *Store) TableByCode(ctx context.Context, code string) (domain.Table, error) {
	return scanTable(s.read.QueryRowContext(ctx, `SELECT `+tableColumns+` FROM tables WHERE code = ?`, code))
}

func (tx *Tx) Table(workshopID, id string) (domain.Table, error) {
	return scanTable(tx.q.QueryRowContext(tx.ctx, `SELECT `+tableColumns+` FROM tables WHERE id = ? AND workshop_id = ?`, id, workshopID))
}

func (tx *Tx) InsertTable(t domain.Table) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO tables (id, workshop_id, position, name, code) VALUES (?, ?, ?, ?, ?)`,
		t.ID, t.WorkshopID, t.Position, t.Name, t.Code)
	return translate(err)
}

func (tx *Tx) RenameTable(workshopID, id, name string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE tables SET name = ? WHERE id = ? AND workshop_id = ?`, name, id, workshopID)
	return translate(err)
}
