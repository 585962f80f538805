package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

// The working group's analysis: notes on parts of answers, and summaries.

// NoteKey is how notes are looked up: "<respondent id>/<part>".
func NoteKey(respondentID, part string) string { return respondentID + "/" + part }

func scanNote(row interface{ Scan(...any) error }) (domain.Note, error) {
	var n domain.Note
	var at string
	err := row.Scan(&n.RespondentID, &n.Part, &n.Version, &n.Comment, &n.Action, &n.UpdatedBy, &at)
	n.UpdatedAt = parseTime(at)
	return n, err
}

const noteColumns = `respondent_id, part, version, comment, action, updated_by, updated_at`

// Note returns a note, or an empty one for the respondent and part.
func (tx *Tx) Note(respondentID, part string) (domain.Note, error) {
	n, err := scanNote(tx.q.QueryRowContext(tx.ctx, `SELECT `+noteColumns+` FROM consultation_notes
		WHERE respondent_id = ? AND part = ?`, respondentID, part))
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Note{RespondentID: respondentID, Part: part}, nil
	}
	return n, translate(err)
}

// SetNote writes a note (an empty one is removed).
func (tx *Tx) SetNote(n domain.Note) error {
	if n.Empty() {
		_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_notes WHERE respondent_id = ? AND part = ?`, n.RespondentID, n.Part)
		return translate(err)
	}
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_notes (`+noteColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (respondent_id, part) DO UPDATE SET version = excluded.version, comment = excluded.comment,
		action = excluded.action, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		n.RespondentID, n.Part, n.Version, n.Comment, n.Action, n.UpdatedBy, formatTime(tx.now))
	return translate(err)
}

// Notes returns a consultation's notes by NoteKey.
func (s *Store) Notes(ctx context.Context, consultationID string) (map[string]domain.Note, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+noteColumns+` FROM consultation_notes WHERE respondent_id IN
		(SELECT id FROM consultation_respondents WHERE consultation_id = ?)`, consultationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]domain.Note{}
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		out[NoteKey(n.RespondentID, n.Part)] = n
	}
	return out, rows.Err()
}

func scanSummary(row interface{ Scan(...any) error }) (domain.Summary, error) {
	var m domain.Summary
	var at string
	err := row.Scan(&m.ConsultationID, &m.Part, &m.Text, &m.UpdatedBy, &at)
	m.UpdatedAt = parseTime(at)
	return m, err
}

const summaryColumns = `consultation_id, part, text, updated_by, updated_at`

// Summary returns a summary, or an empty one.
func (tx *Tx) Summary(consultationID, part string) (domain.Summary, error) {
	m, err := scanSummary(tx.q.QueryRowContext(tx.ctx, `SELECT `+summaryColumns+` FROM consultation_summaries
		WHERE consultation_id = ? AND part = ?`, consultationID, part))
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Summary{ConsultationID: consultationID, Part: part}, nil
	}
	return m, translate(err)
}

// SetSummary writes a summary (an empty one is removed).
func (tx *Tx) SetSummary(m domain.Summary) error {
	if m.Text == "" {
		_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_summaries WHERE consultation_id = ? AND part = ?`, m.ConsultationID, m.Part)
		return translate(err)
	}
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_summaries (`+summaryColumns+`) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (consultation_id, part) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by,
		updated_at = excluded.updated_at`, m.ConsultationID, m.Part, m.Text, m.UpdatedBy, formatTime(tx.now))
	return translate(err)
}

// Summaries returns a consultation's summaries by part.
func (s *Store) Summaries(ctx context.Context, consultationID string) (map[string]domain.Summary, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+summaryColumns+` FROM consultation_summaries WHERE consultation_id = ?`, consultationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]domain.Summary{}
	for rows.Next() {
		m, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out[m.Part] = m
	}
	return out, rows.Err()
}
