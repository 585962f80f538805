package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

// InsertAttachment stores a file. Attachments are never changed: a new
// upload is a new row, and a submitted version keeps pointing at its own.
// A draft's file that no version uses is removed when the draft lets go of
// it (DeleteUnusedAttachment).
func (tx *Tx) InsertAttachment(a *domain.Attachment, data []byte) error {
	sum := sha256.Sum256(data)
	a.SHA256, a.Size, a.CreatedAt = hex.EncodeToString(sum[:]), int64(len(data)), tx.now
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_attachments (id, consultation_id, respondent_id, filename,
		size, sha256, data, created_at) VALUES (?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?)`,
		a.ID, a.ConsultationID, a.RespondentID, a.Filename, a.Size, a.SHA256, data, formatTime(tx.now))
	return translate(err)
}

const attachmentColumns = `id, consultation_id, coalesce(respondent_id, ''), filename, size, sha256, created_at`

func scanAttachment(row *sql.Row, extra ...any) (domain.Attachment, error) {
	var a domain.Attachment
	var created string
	err := row.Scan(append([]any{&a.ID, &a.ConsultationID, &a.RespondentID, &a.Filename, &a.Size, &a.SHA256, &created}, extra...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return a, domain.Errorf(domain.KindNotFound, "remiss_attachment_not_found")
	}
	a.CreatedAt = parseTime(created)
	return a, err
}

func (tx *Tx) Attachment(consultationID, id string) (domain.Attachment, error) {
	return scanAttachment(tx.q.QueryRowContext(tx.ctx, `SELECT `+attachmentColumns+` FROM consultation_attachments
		WHERE id = ? AND consultation_id = ?`, id, consultationID))
}

// AttachmentData returns a consultation's file with its bytes.
func (s *Store) AttachmentData(ctx context.Context, consultationID, id string) (domain.Attachment, []byte, error) {
	var data []byte
	a, err := scanAttachment(s.read.QueryRowContext(ctx, `SELECT `+attachmentColumns+`, data FROM consultation_attachments
		WHERE id = ? AND consultation_id = ?`, id, consultationID), &data)
	return a, data, err
}

// AttachedBytes sums the respondent's files and all respondents' files of
// the consultation (the consultation's own draft PDF not included).
func (tx *Tx) AttachedBytes(consultationID, respondentID string) (respondent, consultation int64, err error) {
	err = tx.q.QueryRowContext(tx.ctx, `SELECT coalesce(sum(CASE WHEN respondent_id = ? THEN size END), 0), coalesce(sum(size), 0)
		FROM consultation_attachments WHERE consultation_id = ? AND respondent_id IS NOT NULL`, respondentID, consultationID).
		Scan(&respondent, &consultation)
	return respondent, consultation, translate(err)
}

// DeleteUnusedAttachment removes a respondent's file unless a submitted
// version refers to it.
func (tx *Tx) DeleteUnusedAttachment(respondentID, id string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_attachments WHERE id = ? AND respondent_id = ?
		AND NOT EXISTS (SELECT 1 FROM consultation_versions WHERE respondent_id = ? AND json_extract(data, '$.attachmentId') = ?)`,
		id, respondentID, respondentID, id)
	return translate(err)
}
