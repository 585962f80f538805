package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

func themes(ctx context.Context, q querier, workshopID string) ([]domain.Theme, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, workshop_id, position, name, color, parking FROM themes
		WHERE workshop_id = ? ORDER BY position`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Theme
	for rows.Next() {
		var t domain.Theme
		var parking int
		if err := rows.Scan(&t.ID, &t.WorkshopID, &t.Position, &t.Name, &t.Color, &parking); err != nil {
			return nil, err
		}
		t.Parking = parking == 1
		list = append(list, t)
	}
	return list, rows.Err()
}

func (s *Store) Themes(ctx context.Context, workshopID string) ([]domain.Theme, error) {
	return themes(ctx, s.read, workshopID)
}

func (tx *Tx) Themes(workshopID string) ([]domain.Theme, error) {
	return themes(tx.ctx, tx.q, workshopID)
}

func (tx *Tx) Theme(workshopID, id string) (domain.Theme, error) {
	var t domain.Theme
	var parking int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT id, workshop_id, position, name, color, parking FROM themes
		WHERE id = ? AND workshop_id = ?`, id, workshopID).Scan(&t.ID, &t.WorkshopID, &t.Position, &t.Name, &t.Color, &parking)
	if errors.Is(err, sql.ErrNoRows) {
		return t, domain.Errorf(domain.KindNotFound, "theme_not_found")
	}
	t.Parking = parking == 1
	return t, translate(err)
}

// ParkingTheme returns the workshop's "Övrigt / ej sorterat" theme.
func (tx *Tx) ParkingTheme(workshopID string) (string, error) {
	if id, ok := tx.store.cache.parking[workshopID]; ok {
		return id, nil
	}
	var id string
	err := tx.q.QueryRowContext(tx.ctx, `SELECT id FROM themes WHERE workshop_id = ? AND parking = 1`, workshopID).Scan(&id)
	if err != nil {
		return id, translate(err)
	}
	tx.store.cache.parking[workshopID] = id
	return id, nil
}

func (tx *Tx) InsertTheme(t domain.Theme) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO themes (id, workshop_id, position, name, color, parking) VALUES (?, ?, ?, ?, ?, ?)`,
		t.ID, t.WorkshopID, t.Position, t.Name, t.Color, boolInt(t.Parking))
	return translate(err)
}

func (tx *Tx) UpdateTheme(t domain.Theme) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE themes SET position = ?, name = ?, color = ? WHERE id = ? AND workshop_id = ?`,
		t.Position, t.Name, t.Color, t.ID, t.WorkshopID)
	return translate(err)
}

func (tx *Tx) DeleteTheme(workshopID, id string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM themes WHERE id = ? AND workshop_id = ? AND parking = 0`, id, workshopID)
	return translate(err)
}
