package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
)

// The outbox: every e-mail is a row here, queued in the transaction of what
// caused it and moved on by the mail worker (server/mail). Its bookkeeping
// (claimed, sent, retry, failed) is not a change anyone follows live and is
// not audited: the rows are the record.

const mailColumns = `id, kind, coalesce(consultation_id, ''), coalesce(respondent_id, ''), coalesce(user_id, ''), recipient,
	lang, params, coalesce(dedupe, ''), state, attempts, next_at, last_error, subject, created_at, coalesce(sent_at, '')`

func scanMail(row interface{ Scan(...any) error }) (domain.Mail, error) {
	var m domain.Mail
	var params, next, created, sent string
	err := row.Scan(&m.ID, &m.Kind, &m.ConsultationID, &m.RespondentID, &m.UserID, &m.Recipient, &m.Lang, &params,
		&m.Dedupe, &m.State, &m.Attempts, &next, &m.LastError, &m.Subject, &created, &sent)
	if errors.Is(err, sql.ErrNoRows) {
		return m, domain.Errorf(domain.KindNotFound, "mail_not_found")
	}
	if err != nil {
		return m, err
	}
	m.NextAt, m.CreatedAt, m.SentAt = parseTime(next), parseTime(created), parseTime(sent)
	return m, json.Unmarshal([]byte(params), &m.Params)
}

func listMail(ctx context.Context, q querier, query string, args ...any) ([]domain.Mail, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, m)
	}
	return list, rows.Err()
}

func queueMail(ctx context.Context, q querier, now time.Time, m domain.Mail) (bool, error) {
	params, err := json.Marshal(m.Params)
	if err != nil {
		return false, err
	}
	res, err := q.ExecContext(ctx, `INSERT INTO mail_outbox (id, kind, consultation_id, respondent_id, user_id, recipient, lang,
		params, dedupe, state, next_at, created_at)
		VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, NULLIF(?, ''), 'queued', ?, ?)
		ON CONFLICT (dedupe) DO NOTHING`,
		uuid.Must(uuid.NewV7()).String(), m.Kind, m.ConsultationID, m.RespondentID, m.UserID, m.Recipient, m.Lang,
		string(params), m.Dedupe, formatTime(now), formatTime(now))
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// QueueMail adds a message to the outbox in the transaction. A message
// whose Dedupe key is already there is not added again; added says which.
func (tx *Tx) QueueMail(m domain.Mail) (added bool, err error) {
	added, err = queueMail(tx.ctx, tx.q, tx.now, m)
	return added, translate(err)
}

// ClaimMail takes the next message that is due, marking it as being sent
// (and counting the attempt) in a transaction of its own, so that after a
// crash the outbox shows it was handed over. ok is false when none is due.
func (s *Store) ClaimMail(ctx context.Context) (m domain.Mail, ok bool, err error) {
	err = s.update(ctx, func(q querier, now time.Time) error {
		var e error
		m, e = scanMail(q.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mail_outbox
			WHERE state = 'queued' AND next_at <= ? ORDER BY next_at, id LIMIT 1`, formatTime(now)))
		if domain.IsKind(e, domain.KindNotFound) {
			return nil
		}
		if e != nil {
			return e
		}
		if _, e = q.ExecContext(ctx, `UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?`, m.ID); e != nil {
			return e
		}
		m.State, m.Attempts, ok = domain.MailSending, m.Attempts+1, true
		return nil
	})
	return m, ok, err
}

// NextMailAt is when the next queued message falls due (ok false: none is queued).
func (s *Store) NextMailAt(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullString
	err := s.read.QueryRowContext(ctx, `SELECT min(next_at) FROM mail_outbox WHERE state = 'queued'`).Scan(&next)
	if err != nil || !next.Valid {
		return time.Time{}, false, err
	}
	return parseTime(next.String), true, nil
}

// MailSent records that the SMTP server took the message, and forgets the
// link token it carried.
func (s *Store) MailSent(ctx context.Context, id, subject string) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		_, err := q.ExecContext(ctx, `UPDATE mail_outbox SET state = 'sent', sent_at = ?, subject = ?, last_error = '',
			params = json_remove(params, '$.token') WHERE id = ? AND state = 'sending'`, formatTime(now), subject, id)
		return err
	})
}

// MailRetry puts a message back in the queue after a temporary failure.
func (s *Store) MailRetry(ctx context.Context, id, subject, reason string, at time.Time) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		_, err := q.ExecContext(ctx, `UPDATE mail_outbox SET state = 'queued', next_at = ?, subject = ?, last_error = ?
			WHERE id = ? AND state = 'sending'`, formatTime(at), subject, reason, id)
		return err
	})
}

// MailFailed gives a message up, and forgets the link token it carried.
func (s *Store) MailFailed(ctx context.Context, id, subject, reason string) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		_, err := q.ExecContext(ctx, `UPDATE mail_outbox SET state = 'failed', subject = ?, last_error = ?,
			params = json_remove(params, '$.token') WHERE id = ? AND state = 'sending'`, subject, reason, id)
		return err
	})
}

// MarkInterruptedMail is run at start, before sending anything: a message
// still marked as being sent was cut off by a crash and may or may not have
// reached the SMTP server. It becomes uncertain, for a person to resend;
// the server never sends it again by itself.
func (s *Store) MarkInterruptedMail(ctx context.Context) (int, error) {
	var n int64
	err := s.update(ctx, func(q querier, now time.Time) error {
		res, err := q.ExecContext(ctx, `UPDATE mail_outbox SET state = 'uncertain',
			last_error = 'interrupted while sending' WHERE state = 'sending'`)
		if err == nil {
			n, _ = res.RowsAffected()
		}
		return err
	})
	return int(n), err
}

// RequeueMail sends an uncertain or failed message of a consultation again.
func (tx *Tx) RequeueMail(consultationID, id string) (domain.Mail, error) {
	m, err := scanMail(tx.q.QueryRowContext(tx.ctx, `SELECT `+mailColumns+` FROM mail_outbox WHERE id = ? AND consultation_id = ?`,
		id, consultationID))
	if err != nil {
		return m, err
	}
	if m.State != domain.MailUncertain && m.State != domain.MailFailed {
		return m, domain.Errorf(domain.KindConflict, "mail_not_resendable")
	}
	_, err = tx.q.ExecContext(tx.ctx, `UPDATE mail_outbox SET state = 'queued', next_at = ?, last_error = '' WHERE id = ?`,
		formatTime(tx.now), id)
	m.State = domain.MailQueued
	return m, translate(err)
}

// Mail returns one message.
func (s *Store) Mail(ctx context.Context, id string) (domain.Mail, error) {
	return scanMail(s.read.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mail_outbox WHERE id = ?`, id))
}

// ConsultationMail lists a consultation's messages, newest first.
func (s *Store) ConsultationMail(ctx context.Context, consultationID string) ([]domain.Mail, error) {
	return listMail(ctx, s.read, `SELECT `+mailColumns+` FROM mail_outbox WHERE consultation_id = ?
		ORDER BY created_at DESC, id DESC`, consultationID)
}

// RespondentMail lists the messages to or about one respondent, newest first.
func (s *Store) RespondentMail(ctx context.Context, respondentID string) ([]domain.Mail, error) {
	return listMail(ctx, s.read, `SELECT `+mailColumns+` FROM mail_outbox WHERE respondent_id = ?
		ORDER BY created_at DESC, id DESC`, respondentID)
}

// StaffMail lists the latest invitations and password resets for staff.
func (s *Store) StaffMail(ctx context.Context, limit int) ([]domain.Mail, error) {
	return listMail(ctx, s.read, `SELECT `+mailColumns+` FROM mail_outbox WHERE kind IN ('staff_invite', 'password_reset')
		ORDER BY created_at DESC, id DESC LIMIT ?`, limit)
}

// InvitationQueued reports whether a respondent has an invitation that is
// queued, on its way or sent.
func (tx *Tx) InvitationQueued(respondentID string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM mail_outbox WHERE respondent_id = ? AND kind = 'invitation'
		AND state IN ('queued', 'sending', 'sent', 'uncertain')`, respondentID).Scan(&n)
	return n > 0, translate(err)
}

// LastDigestUntil is the end of the period the last digest of a
// consultation to a user covered (zero before the first).
func (tx *Tx) LastDigestUntil(consultationID, userID string) (time.Time, error) {
	var until sql.NullString
	err := tx.q.QueryRowContext(tx.ctx, `SELECT max(json_extract(params, '$.until')) FROM mail_outbox
		WHERE kind = 'digest' AND consultation_id = ? AND user_id = ?`, consultationID, userID).Scan(&until)
	if err != nil || !until.Valid {
		return time.Time{}, translate(err)
	}
	return parseTime(until.String), nil
}
