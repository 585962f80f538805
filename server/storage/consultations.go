package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

const consultationColumns = `id, title, remitting_body, dnr, intro, deadline, state, allow_spontaneous, public_token,
	coalesce(draft_pdf_id, ''), seq, epoch, created_at, coalesce(opened_at, ''), reminder_days, digest`

func scanConsultation(row interface{ Scan(...any) error }) (domain.Consultation, error) {
	var c domain.Consultation
	var deadline, created, opened string
	err := row.Scan(&c.ID, &c.Title, &c.RemittingBody, &c.Dnr, &c.Intro, &deadline, &c.State, &c.AllowSpontaneous,
		&c.PublicToken, &c.DraftPDF, &c.Seq, &c.Epoch, &created, &opened, &c.ReminderDays, &c.Digest)
	if errors.Is(err, sql.ErrNoRows) {
		return c, domain.Errorf(domain.KindNotFound, "remiss_not_found")
	}
	c.Deadline, c.CreatedAt, c.OpenedAt = parseTime(deadline), parseTime(created), parseTime(opened)
	return c, err
}

func (s *Store) Consultation(ctx context.Context, id string) (domain.Consultation, error) {
	return scanConsultation(s.read.QueryRowContext(ctx, `SELECT `+consultationColumns+` FROM consultations WHERE id = ?`, id))
}

func (tx *Tx) Consultation(id string) (domain.Consultation, error) {
	return scanConsultation(tx.q.QueryRowContext(tx.ctx, `SELECT `+consultationColumns+` FROM consultations WHERE id = ?`, id))
}

// ConsultationByPublicToken finds the consultation behind a public answer link.
func (s *Store) ConsultationByPublicToken(ctx context.Context, token string) (domain.Consultation, error) {
	return scanConsultation(s.read.QueryRowContext(ctx, `SELECT `+consultationColumns+` FROM consultations WHERE public_token = ?`, token))
}

// ListConsultations returns the consultations a user may see, latest
// deadline first: all for an administrator, the assigned ones for others.
func (s *Store) ListConsultations(ctx context.Context, u domain.User) ([]domain.Consultation, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+consultationColumns+` FROM consultations
		WHERE ?1 OR id IN (SELECT object_id FROM assignments WHERE object_kind = 'consultation' AND user_id = ?2)
		ORDER BY deadline DESC, created_at DESC`, u.Role == domain.RoleAdmin, u.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Consultation
	for rows.Next() {
		c, err := scanConsultation(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

func (tx *Tx) InsertConsultation(c domain.Consultation, createdBy string) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultations (id, title, remitting_body, dnr, intro, deadline, state,
		allow_spontaneous, public_token, seq, epoch, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, `+newEpoch+`, NULLIF(?, ''), ?)`,
		c.ID, c.Title, c.RemittingBody, c.Dnr, c.Intro, formatTime(c.Deadline), c.State, boolInt(c.AllowSpontaneous),
		c.PublicToken, createdBy, formatTime(tx.now))
	if err != nil || createdBy == "" {
		return translate(err)
	}
	return translate(assign(tx.ctx, tx.q, tx.now, domain.KindConsultation, c.ID, createdBy))
}

func (tx *Tx) UpdateConsultationDetails(c domain.Consultation) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultations SET title = ?, remitting_body = ?, dnr = ?, intro = ?,
		deadline = ?, allow_spontaneous = ? WHERE id = ?`,
		c.Title, c.RemittingBody, c.Dnr, c.Intro, formatTime(c.Deadline), boolInt(c.AllowSpontaneous), c.ID)
	return translate(err)
}

// SetConsultationState moves a consultation on; the first opening is dated.
func (tx *Tx) SetConsultationState(id string, state domain.ConsultationState) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultations SET state = ?1,
		opened_at = CASE WHEN ?1 = 'open' THEN coalesce(opened_at, ?2) ELSE opened_at END WHERE id = ?3`,
		state, formatTime(tx.now), id)
	return translate(err)
}

// SetMailSettings sets when reminders go out and whether the working group
// gets a daily digest.
func (tx *Tx) SetMailSettings(id string, reminderDays int, digest bool) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultations SET reminder_days = ?, digest = ? WHERE id = ?`,
		reminderDays, boolInt(digest), id)
	return translate(err)
}

// ConsultationsIn lists the consultations in a state, for the reminders and
// digests that are due.
func (tx *Tx) ConsultationsIn(state domain.ConsultationState) ([]domain.Consultation, error) {
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+consultationColumns+` FROM consultations WHERE state = ? ORDER BY id`, state)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var list []domain.Consultation
	for rows.Next() {
		c, err := scanConsultation(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

func (tx *Tx) SetConsultationDraftPDF(id, attachmentID string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultations SET draft_pdf_id = NULLIF(?, '') WHERE id = ?`, attachmentID, id)
	return translate(err)
}

// NextConsultationSeq hands out the consultation's next live sequence number.
func (tx *Tx) NextConsultationSeq(id string) (int64, error) {
	var seq int64
	err := tx.q.QueryRowContext(tx.ctx, `UPDATE consultations SET seq = seq + 1 WHERE id = ? RETURNING seq`, id).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Errorf(domain.KindNotFound, "remiss_not_found")
	}
	return seq, translate(err)
}

// PublicTokenTaken reports whether a public token is in use.
func (tx *Tx) PublicTokenTaken(token string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM consultations WHERE public_token = ?`, token).Scan(&n)
	return n > 0, translate(err)
}

const sectionColumns = `id, consultation_id, position, number, heading, body`

func scanSections(rows *sql.Rows, err error) ([]domain.Section, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Section
	for rows.Next() {
		var s domain.Section
		if err := rows.Scan(&s.ID, &s.ConsultationID, &s.Position, &s.Number, &s.Heading, &s.Body); err != nil {
			return nil, err
		}
		list = append(list, s)
	}
	return list, rows.Err()
}

// Sections returns a consultation's sections in order.
func (s *Store) Sections(ctx context.Context, consultationID string) ([]domain.Section, error) {
	return scanSections(s.read.QueryContext(ctx, `SELECT `+sectionColumns+` FROM consultation_sections
		WHERE consultation_id = ? ORDER BY position`, consultationID))
}

func (tx *Tx) Sections(consultationID string) ([]domain.Section, error) {
	return scanSections(tx.q.QueryContext(tx.ctx, `SELECT `+sectionColumns+` FROM consultation_sections
		WHERE consultation_id = ? ORDER BY position`, consultationID))
}

func (tx *Tx) InsertSection(s domain.Section) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO consultation_sections (`+sectionColumns+`) VALUES (?, ?, ?, ?, ?, ?)`,
		s.ID, s.ConsultationID, s.Position, s.Number, s.Heading, s.Body)
	return translate(err)
}

func (tx *Tx) UpdateSection(s domain.Section) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_sections SET position = ?, number = ?, heading = ?, body = ?
		WHERE id = ? AND consultation_id = ?`, s.Position, s.Number, s.Heading, s.Body, s.ID, s.ConsultationID)
	return translate(err)
}

func (tx *Tx) DeleteSection(consultationID, id string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_sections WHERE id = ? AND consultation_id = ?`, id, consultationID)
	return translate(err)
}

func (tx *Tx) DeleteSections(consultationID string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM consultation_sections WHERE consultation_id = ?`, consultationID)
	return translate(err)
}
