package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// respondentQuery reads respondents with where their response stands: the
// draft's time and the latest submitted version (whose data the caller gets
// too, for stances and "inga synpunkter").
const respondentQuery = `SELECT r.id, r.consultation_id, r.invited, r.organisation, r.email, r.lang, r.token,
	coalesce(r.opened_at, ''), r.reopened_at IS NOT NULL, coalesce(r.reference, ''), r.created_at,
	coalesce(d.updated_at, ''), coalesce(v.version, 0), coalesce(v.data, ''), coalesce(v.submitted_at, ''), coalesce(v.late, 0)
	FROM consultation_respondents r
	LEFT JOIN consultation_drafts d ON d.respondent_id = r.id
	LEFT JOIN consultation_versions v ON v.respondent_id = r.id
		AND v.version = (SELECT max(version) FROM consultation_versions WHERE respondent_id = r.id)`

func scanRespondent(row interface{ Scan(...any) error }) (domain.Respondent, *domain.Version, error) {
	var r domain.Respondent
	var opened, created, draftAt, data, submitted string
	err := row.Scan(&r.ID, &r.ConsultationID, &r.Invited, &r.Organisation, &r.Email, &r.Lang, &r.Token, &opened, &r.Reopened,
		&r.Reference, &created, &draftAt, &r.Version, &data, &submitted, &r.Late)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil, domain.Errorf(domain.KindNotFound, "remiss_link_invalid")
	}
	if err != nil {
		return r, nil, err
	}
	r.OpenedAt, r.CreatedAt, r.DraftAt, r.SubmittedAt = parseTime(opened), parseTime(created), parseTime(draftAt), parseTime(submitted)
	if r.Version == 0 {
		return r, nil, nil
	}
	v := &domain.Version{RespondentID: r.ID, Version: r.Version, SubmittedAt: r.SubmittedAt, Late: r.Late}
	if err := json.Unmarshal([]byte(data), &v.Answer); err != nil {
		return r, nil, fmt.Errorf("version %s/%d: %w", r.ID, r.Version, err)
	}
	r.NoComments = v.Answer.NoComments()
	return r, v, nil
}

// Respondents returns a consultation's respondents in the order they were
// added, and the latest submitted version of those who have answered.
func (s *Store) Respondents(ctx context.Context, consultationID string) ([]domain.Respondent, map[string]domain.Version, error) {
	rows, err := s.read.QueryContext(ctx, respondentQuery+` WHERE r.consultation_id = ? ORDER BY r.created_at, r.id`, consultationID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var list []domain.Respondent
	latest := map[string]domain.Version{}
	for rows.Next() {
		r, v, err := scanRespondent(rows)
		if err != nil {
			return nil, nil, err
		}
		list = append(list, r)
		if v != nil {
			latest[r.ID] = *v
		}
	}
	return list, latest, rows.Err()
}

// Respondents returns a consultation's respondents inside a transaction.
func (tx *Tx) Respondents(consultationID string) ([]domain.Respondent, error) {
	rows, err := tx.q.QueryContext(tx.ctx, respondentQuery+` WHERE r.consultation_id = ? ORDER BY r.created_at, r.id`, consultationID)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var list []domain.Respondent
	for rows.Next() {
		r, _, err := scanRespondent(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

// Respondent returns one respondent of a consultation.
func (s *Store) Respondent(ctx context.Context, consultationID, id string) (domain.Respondent, error) {
	r, _, err := scanRespondent(s.read.QueryRowContext(ctx, respondentQuery+` WHERE r.id = ? AND r.consultation_id = ?`, id, consultationID))
	return r, err
}

// RespondentByToken finds the respondent behind a private answer link.
func (s *Store) RespondentByToken(ctx context.Context, token string) (domain.Respondent, error) {
	r, _, err := scanRespondent(s.read.QueryRowContext(ctx, respondentQuery+` WHERE r.token = ?`, token))
	return r, err
}

func (tx *Tx) Respondent(consultationID, id string) (domain.Respondent, error) {
	r, _, err := scanRespondent(tx.q.QueryRowContext(tx.ctx, respondentQuery+` WHERE r.id = ? AND r.consultation_id = ?`, id, consultationID))
	return r, err
}

// RespondentStatus returns a respondent as live views show it, with the
// latest version (nil before the first submission).
func (tx *Tx) RespondentStatus(consultationID, id string) (domain.Respondent, *domain.Version, error) {
	return scanRespondent(tx.q.QueryRowContext(tx.ctx, respondentQuery+` WHERE r.id = ? AND r.consultation_id = ?`, id, consultationID))
}

func (tx *Tx) InsertRespondent(r domain.Respondent) error {
	lang := r.Lang
	if lang == "" {
		lang = "sv"
	}
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_respondents (id, consultation_id, invited, organisation,
		email, lang, token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.ConsultationID, boolInt(r.Invited), r.Organisation, r.Email, lang, r.Token, formatTime(tx.now))
	return translate(err)
}

// CountRespondents counts the invitation list (invited) or the spontaneous
// respondents of a consultation.
func (tx *Tx) CountRespondents(consultationID string, invited bool) (int, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM consultation_respondents WHERE consultation_id = ? AND invited = ?`,
		consultationID, boolInt(invited)).Scan(&n)
	return n, translate(err)
}

// DeleteEmptySpontaneous removes spontaneous respondents created before
// the given time that never saved a draft or sent an answer: starts through
// the public link that came to nothing.
func (tx *Tx) DeleteEmptySpontaneous(consultationID string, before time.Time) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_respondents
		WHERE consultation_id = ? AND invited = 0 AND created_at < ?
		AND NOT EXISTS (SELECT 1 FROM consultation_drafts d WHERE d.respondent_id = consultation_respondents.id)
		AND NOT EXISTS (SELECT 1 FROM consultation_versions v WHERE v.respondent_id = consultation_respondents.id)
		AND NOT EXISTS (SELECT 1 FROM consultation_attachments a WHERE a.respondent_id = consultation_respondents.id)`,
		consultationID, formatTime(before))
	return translate(err)
}

// DeleteRespondent removes a respondent with its draft and the files only
// its draft used. The database refuses it once a version was submitted.
func (tx *Tx) DeleteRespondent(id string) error {
	if _, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_attachments WHERE respondent_id = ?`, id); err != nil {
		return translate(err)
	}
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_respondents WHERE id = ?`, id)
	return translate(err)
}

// InvitedOrganisationExists reports whether the invitation list already names
// this organisation (case-insensitively).
func (tx *Tx) InvitedOrganisationExists(consultationID, organisation string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM consultation_respondents
		WHERE consultation_id = ? AND invited = 1 AND organisation = ? COLLATE NOCASE`, consultationID, organisation).Scan(&n)
	return n > 0, translate(err)
}

// MarkOpened records the first time a link was opened; it reports whether
// this was the first time.
func (tx *Tx) MarkOpened(id string) (bool, error) {
	res, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_respondents SET opened_at = ? WHERE id = ? AND opened_at IS NULL`,
		formatTime(tx.now), id)
	if err != nil {
		return false, translate(err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

func (tx *Tx) SetReopened(id string, reopened bool) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_respondents SET reopened_at = CASE WHEN ? THEN ? END WHERE id = ?`,
		boolInt(reopened), formatTime(tx.now), id)
	return translate(err)
}

// SetRespondentOrganisation names a spontaneous respondent after its answer.
func (tx *Tx) SetRespondentOrganisation(id, organisation string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_respondents SET organisation = ? WHERE id = ?`, organisation, id)
	return translate(err)
}

// NextReference hands out the next number of a year, inside the transaction
// (a rolled-back submission gives it back).
func (tx *Tx) NextReference(year int) (int, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `INSERT INTO consultation_references (year, last) VALUES (?, 1)
		ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`, year).Scan(&n)
	return n, translate(err)
}

func (tx *Tx) SetReference(id, reference string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_respondents SET reference = ? WHERE id = ? AND reference IS NULL`, reference, id)
	return translate(err)
}

// TokenTaken reports whether a private answer token is in use.
func (tx *Tx) TokenTaken(token string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM consultation_respondents WHERE token = ?`, token).Scan(&n)
	return n > 0, translate(err)
}
