package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/samrad-se/samrad/server/domain"
)

// Draft returns a respondent's latest draft, or a zero Draft (Rev 0) if none.
func (s *Store) Draft(ctx context.Context, respondentID string) (domain.Draft, error) {
	return scanDraft(s.read.QueryRowContext(ctx, draftQuery, respondentID))
}

func (tx *Tx) Draft(respondentID string) (domain.Draft, error) {
	return scanDraft(tx.q.QueryRowContext(tx.ctx, draftQuery, respondentID))
}

const draftQuery = `SELECT data, rev, fields, updated_at FROM consultation_drafts WHERE respondent_id = ?`

func scanDraft(row *sql.Row) (domain.Draft, error) {
	var d domain.Draft
	var data, fields, updated string
	err := row.Scan(&data, &d.Rev, &fields, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Draft{}, nil
	}
	if err != nil {
		return d, err
	}
	d.UpdatedAt = parseTime(updated)
	if err := json.Unmarshal([]byte(fields), &d.Fields); err != nil {
		return d, err
	}
	return d, json.Unmarshal([]byte(data), &d.Answer)
}

// SaveDraft writes the respondent's draft as d gives it (its revision and
// each field's last change included).
func (tx *Tx) SaveDraft(respondentID string, d domain.Draft) error {
	data, err := json.Marshal(d.Answer)
	if err != nil {
		return err
	}
	fields, err := json.Marshal(d.Fields)
	if err != nil {
		return err
	}
	_, err = tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_drafts (respondent_id, data, rev, fields, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (respondent_id) DO UPDATE SET data = excluded.data, rev = excluded.rev, fields = excluded.fields,
		updated_at = excluded.updated_at`, respondentID, string(data), d.Rev, string(fields), formatTime(tx.now))
	return translate(err)
}

// InsertVersion stores a submitted version. The primary key (respondent,
// version) makes a second submission on the same base fail rather than
// overwrite.
func (tx *Tx) InsertVersion(v domain.Version) error {
	data, err := json.Marshal(v.Answer)
	if err != nil {
		return err
	}
	_, err = tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_versions (respondent_id, version, data, submitted_at, late, sent_by)
		VALUES (?, ?, ?, ?, ?, ?)`, v.RespondentID, v.Version, string(data), formatTime(v.SubmittedAt), boolInt(v.Late), v.SentBy)
	if isUniqueViolation(err) || isPrimaryKeyViolation(err) {
		return domain.Errorf(domain.KindConflict, "remiss_version_conflict")
	}
	return translate(err)
}

// Versions returns every submitted version of a respondent, oldest first.
func (s *Store) Versions(ctx context.Context, respondentID string) ([]domain.Version, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT version, data, submitted_at, late, sent_by FROM consultation_versions
		WHERE respondent_id = ? ORDER BY version`, respondentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Version
	for rows.Next() {
		v := domain.Version{RespondentID: respondentID}
		var data, submitted string
		if err := rows.Scan(&v.Version, &data, &submitted, &v.Late, &v.SentBy); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &v.Answer); err != nil {
			return nil, err
		}
		v.SubmittedAt = parseTime(submitted)
		list = append(list, v)
	}
	return list, rows.Err()
}

// Version returns one submitted version.
func (s *Store) Version(ctx context.Context, respondentID string, version int) (domain.Version, error) {
	v := domain.Version{RespondentID: respondentID, Version: version}
	var data, submitted string
	err := s.read.QueryRowContext(ctx, `SELECT data, submitted_at, late, sent_by FROM consultation_versions
		WHERE respondent_id = ? AND version = ?`, respondentID, version).Scan(&data, &submitted, &v.Late, &v.SentBy)
	if errors.Is(err, sql.ErrNoRows) {
		return v, domain.Errorf(domain.KindNotFound, "remiss_version_not_found")
	}
	if err != nil {
		return v, err
	}
	v.SubmittedAt = parseTime(submitted)
	return v, json.Unmarshal([]byte(data), &v.Answer)
}

func isPrimaryKeyViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
}

// Submission is one submitted version as a digest lists it.
type Submission struct {
	RespondentID string
	Organisation string
	Invited      bool
	Reference    string
	Version      int
	SubmittedAt  time.Time
	Late         bool
}

// SubmittedBetween lists the versions of a consultation submitted in
// [since, until), oldest first.
func (tx *Tx) SubmittedBetween(consultationID string, since, until time.Time) ([]Submission, error) {
	list, err := submitted(tx.ctx, tx.q, consultationID, since, until)
	return list, translate(err)
}

// Submitted is SubmittedBetween outside a transaction.
func (s *Store) Submitted(ctx context.Context, consultationID string, since, until time.Time) ([]Submission, error) {
	return submitted(ctx, s.read, consultationID, since, until)
}

func submitted(ctx context.Context, q querier, consultationID string, since, until time.Time) ([]Submission, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, CASE WHEN r.organisation = '' THEN json_extract(v.data, '$.organisation')
		ELSE r.organisation END, r.invited, coalesce(r.reference, ''), v.version, v.submitted_at, v.late
		FROM consultation_versions v JOIN consultation_respondents r ON r.id = v.respondent_id
		WHERE r.consultation_id = ? AND v.submitted_at >= ? AND v.submitted_at < ? ORDER BY v.submitted_at`,
		consultationID, formatTime(since), formatTime(until))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Submission
	for rows.Next() {
		var s Submission
		var at string
		if err := rows.Scan(&s.RespondentID, &s.Organisation, &s.Invited, &s.Reference, &s.Version, &at, &s.Late); err != nil {
			return nil, err
		}
		s.SubmittedAt = parseTime(at)
		list = append(list, s)
	}
	return list, rows.Err()
}
