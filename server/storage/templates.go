package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

const templateColumns = `t.id, t.name, t.content, coalesce(t.created_by, ''), coalesce(u.name, ''), t.created_at`

const templateFrom = ` FROM workshop_templates t LEFT JOIN users u ON u.id = t.created_by`

func scanTemplate(row interface{ Scan(...any) error }) (domain.Template, error) {
	var t domain.Template
	var content, created string
	err := row.Scan(&t.ID, &t.Name, &content, &t.CreatedBy, &t.CreatorName, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return t, domain.Errorf(domain.KindNotFound, "template_not_found")
	}
	if err != nil {
		return t, translate(err)
	}
	t.CreatedAt = parseTime(created)
	return t, json.Unmarshal([]byte(content), &t.Content)
}

// Templates lists the stored templates by name.
func (s *Store) Templates(ctx context.Context) ([]domain.Template, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+templateColumns+templateFrom+` ORDER BY t.name, t.created_at`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var list []domain.Template
	for rows.Next() {
		t, err := scanTemplate(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, t)
	}
	return list, rows.Err()
}

func (s *Store) Template(ctx context.Context, id string) (domain.Template, error) {
	return scanTemplate(s.read.QueryRowContext(ctx, `SELECT `+templateColumns+templateFrom+` WHERE t.id = ?`, id))
}

func (tx *Tx) Template(id string) (domain.Template, error) {
	return scanTemplate(tx.q.QueryRowContext(tx.ctx, `SELECT `+templateColumns+templateFrom+` WHERE t.id = ?`, id))
}

func (tx *Tx) CountTemplates() (int, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM workshop_templates`).Scan(&n)
	return n, translate(err)
}

func (tx *Tx) InsertTemplate(t domain.Template) error {
	content, err := json.Marshal(t.Content)
	if err != nil {
		return err
	}
	var by any
	if t.CreatedBy != "" {
		by = t.CreatedBy
	}
	_, err = tx.q.ExecContext(tx.ctx, `INSERT INTO workshop_templates (id, name, content, created_by, created_at) VALUES (?, ?, ?, ?, ?)`,
		t.ID, t.Name, string(content), by, formatTime(t.CreatedAt))
	return translate(err)
}

func (tx *Tx) DeleteTemplate(id string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM workshop_templates WHERE id = ?`, id)
	return translate(err)
}
