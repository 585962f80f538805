package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
)

const themeColumns = `id, workshop_id, position, name, color, parking, keywords, summary`

// scanTheme reads themeColumns, and then whatever more dest asks for.
func scanTheme(row interface{ Scan(...any) error }, more ...any) (domain.Theme, error) {
	var t domain.Theme
	var parking int
	var keywords string
	err := row.Scan(append([]any{&t.ID, &t.WorkshopID, &t.Position, &t.Name, &t.Color, &parking, &keywords, &t.Summary}, more...)...)
	t.Parking = parking == 1
	t.Keywords = splitLines(keywords)
	return t, err
}

// splitLines reads a list stored one item a line.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func themes(ctx context.Context, q querier, workshopID string) ([]domain.Theme, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+themeColumns+` FROM themes WHERE workshop_id = ? ORDER BY position`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Theme
	for rows.Next() {
		t, err := scanTheme(rows)
		if err != nil {
			return nil, err
		}
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
	t, err := scanTheme(tx.q.QueryRowContext(tx.ctx, `SELECT `+themeColumns+` FROM themes WHERE id = ? AND workshop_id = ?`, id, workshopID))
	if errors.Is(err, sql.ErrNoRows) {
		return t, domain.Errorf(domain.KindNotFound, "theme_not_found")
	}
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
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO themes (id, workshop_id, position, name, color, parking, keywords, summary)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.WorkshopID, t.Position, t.Name, t.Color, boolInt(t.Parking), strings.Join(t.Keywords, "\n"), t.Summary)
	return translate(err)
}

func (tx *Tx) UpdateTheme(t domain.Theme) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE themes SET position = ?, name = ?, color = ?, keywords = ?, summary = ?
		WHERE id = ? AND workshop_id = ?`,
		t.Position, t.Name, t.Color, strings.Join(t.Keywords, "\n"), t.Summary, t.ID, t.WorkshopID)
	return translate(err)
}

func (tx *Tx) DeleteTheme(workshopID, id string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM themes WHERE id = ? AND workshop_id = ? AND parking = 0`, id, workshopID)
	return translate(err)
}
