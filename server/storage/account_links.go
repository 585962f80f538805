package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
)

// AccountLink is a one-time link: an invitation to create an account, or a
// password reset for an existing one.
type AccountLink struct {
	Purpose   string // "invite" or "reset"
	Email     string
	Role      domain.Role
	UserID    string
	ExpiresAt time.Time
}

// CreateAccountLink stores a link by the hash of its token. An earlier unused
// link for the same purpose and e-mail stops working. mail, if not nil, is
// the e-mail that carries the link, queued in the same transaction.
func (s *Store) CreateAccountLink(ctx context.Context, tokenHash string, l AccountLink, ttl time.Duration, by domain.Actor, mail *domain.Mail) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		if l.Purpose == "invite" {
			var n int
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE email = ?`, l.Email).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return domain.Errorf(domain.KindConflict, "email_taken")
			}
		}
		if _, err := q.ExecContext(ctx, `DELETE FROM account_links WHERE purpose = ? AND email = ? AND used_at IS NULL`, l.Purpose, l.Email); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO account_links (token_hash, purpose, email, role, user_id, created_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?)`, tokenHash, l.Purpose, l.Email, l.Role, l.UserID, by.ID,
			formatTime(now), formatTime(now.Add(ttl))); err != nil {
			return err
		}
		if mail != nil {
			if _, err := queueMail(ctx, q, now, *mail); err != nil {
				return err
			}
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "user." + l.Purpose, ObjectKind: "user",
			ObjectID: l.Email, After: jsonOf(map[string]string{"email": l.Email, "role": string(l.Role)})})
	})
}

func accountLink(ctx context.Context, q querier, tokenHash string, now time.Time) (AccountLink, error) {
	var l AccountLink
	var userID sql.NullString
	var expires string
	err := q.QueryRowContext(ctx, `SELECT purpose, email, role, user_id, expires_at FROM account_links
		WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`, tokenHash, formatTime(now)).
		Scan(&l.Purpose, &l.Email, &l.Role, &userID, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return l, domain.Errorf(domain.KindNotFound, "account_link_invalid")
	}
	l.UserID = userID.String
	l.ExpiresAt = parseTime(expires)
	return l, err
}

// AccountLinkFor returns an unused, unexpired link.
func (s *Store) AccountLinkFor(ctx context.Context, tokenHash string) (AccountLink, error) {
	return accountLink(ctx, s.read, tokenHash, s.now())
}

// UseAccountLink spends a link: an invitation creates the account, a reset
// sets the password and ends the user's sessions. It returns the user.
func (s *Store) UseAccountLink(ctx context.Context, tokenHash, name, passwordHash string) (domain.User, error) {
	var u domain.User
	err := s.update(ctx, func(q querier, now time.Time) error {
		l, err := accountLink(ctx, q, tokenHash, now)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `UPDATE account_links SET used_at = ? WHERE token_hash = ?`, formatTime(now), tokenHash); err != nil {
			return err
		}
		if l.Purpose == "reset" {
			if u, err = user(ctx, q, l.UserID); err != nil {
				return err
			}
			if err := setPassword(ctx, q, now, u.ID, passwordHash, ""); err != nil {
				return err
			}
			return appendAudit(ctx, q, now, domain.AuditEntry{Actor: domain.Actor{ID: u.ID, Name: u.Name}, Action: "user.password",
				ObjectKind: "user", ObjectID: u.ID})
		}
		id, err := uuid.NewV7()
		if err != nil {
			return err
		}
		u = domain.User{ID: id.String(), Email: l.Email, Name: name, Role: l.Role, Active: true, CreatedAt: now}
		_, err = q.ExecContext(ctx, `INSERT INTO users (id, email, name, password_hash, role, active, created_at, password_changed_at)
			VALUES (?, ?, ?, ?, ?, 1, ?, ?)`, u.ID, u.Email, name, passwordHash, u.Role, formatTime(now), formatTime(now))
		if isUniqueViolation(err) {
			return domain.Errorf(domain.KindConflict, "email_taken")
		}
		if err != nil {
			return err
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: domain.Actor{ID: u.ID, Name: u.Name}, Action: "user.create",
			ObjectKind: "user", ObjectID: u.ID, After: userState(u)})
	})
	return u, err
}
