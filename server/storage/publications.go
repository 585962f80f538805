package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

// Answers published on the web, and the text removed from them.

const publicationColumns = `respondent_id, version, published_by, published_at`

func scanPublication(row interface{ Scan(...any) error }) (domain.Publication, error) {
	var p domain.Publication
	var at string
	err := row.Scan(&p.RespondentID, &p.Version, &p.PublishedBy, &at)
	p.PublishedAt = parseTime(at)
	return p, err
}

// Publication returns an answer's publication (ok false: not published).
func (tx *Tx) Publication(respondentID string) (domain.Publication, bool, error) {
	p, err := scanPublication(tx.q.QueryRowContext(tx.ctx, `SELECT `+publicationColumns+` FROM consultation_publications
		WHERE respondent_id = ?`, respondentID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	return p, err == nil, translate(err)
}

func (tx *Tx) SetPublication(p domain.Publication) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_publications (`+publicationColumns+`) VALUES (?, ?, ?, ?)
		ON CONFLICT (respondent_id) DO UPDATE SET version = excluded.version, published_by = excluded.published_by,
		published_at = excluded.published_at`, p.RespondentID, p.Version, p.PublishedBy, formatTime(tx.now))
	return translate(err)
}

func (tx *Tx) DeletePublication(respondentID string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_publications WHERE respondent_id = ?`, respondentID)
	return translate(err)
}

// Publications returns a consultation's published answers by respondent.
func (s *Store) Publications(ctx context.Context, consultationID string) (map[string]domain.Publication, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+publicationColumns+` FROM consultation_publications WHERE respondent_id IN
		(SELECT id FROM consultation_respondents WHERE consultation_id = ?)`, consultationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]domain.Publication{}
	for rows.Next() {
		p, err := scanPublication(rows)
		if err != nil {
			return nil, err
		}
		out[p.RespondentID] = p
	}
	return out, rows.Err()
}

const redactionColumns = `id, respondent_id, version, part, text, reason, created_by, created_at`

func (tx *Tx) InsertRedaction(r domain.Redaction) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_redactions (`+redactionColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.RespondentID, r.Version, r.Part, r.Text, r.Reason, r.CreatedBy, formatTime(tx.now))
	return translate(err)
}

// Redaction returns one redaction of a respondent's answer.
func (tx *Tx) Redaction(respondentID, id string) (domain.Redaction, error) {
	var r domain.Redaction
	var at string
	err := tx.q.QueryRowContext(tx.ctx, `SELECT `+redactionColumns+` FROM consultation_redactions WHERE id = ? AND respondent_id = ?`,
		id, respondentID).Scan(&r.ID, &r.RespondentID, &r.Version, &r.Part, &r.Text, &r.Reason, &r.CreatedBy, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.Errorf(domain.KindNotFound, "redaction_not_found")
	}
	r.CreatedAt = parseTime(at)
	return r, translate(err)
}

func (tx *Tx) DeleteRedaction(id string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_redactions WHERE id = ?`, id)
	return translate(err)
}

// Redactions returns the redactions of one version of an answer, oldest first.
func (s *Store) Redactions(ctx context.Context, respondentID string, version int) ([]domain.Redaction, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+redactionColumns+` FROM consultation_redactions
		WHERE respondent_id = ? AND version = ? ORDER BY created_at, id`, respondentID, version)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Redaction
	for rows.Next() {
		var r domain.Redaction
		var at string
		if err := rows.Scan(&r.ID, &r.RespondentID, &r.Version, &r.Part, &r.Text, &r.Reason, &r.CreatedBy, &at); err != nil {
			return nil, err
		}
		r.CreatedAt = parseTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}
