package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// CreateSession records a login. tokenHash is the SHA-256 of the cookie
// value; idToken is the identity provider's ID token ("" for a password login).
func (s *Store) CreateSession(ctx context.Context, tokenHash, userID, idToken string, ttl time.Duration) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		// Sweep expired sessions while we hold the write lock anyway; logins are rare.
		if _, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < ?`, formatTime(now)); err != nil {
			return err
		}
		_, err := q.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, id_token) VALUES (?, ?, ?, ?, ?)`,
			tokenHash, userID, formatTime(now), formatTime(now.Add(ttl)), idToken)
		return err
	})
}

// SessionUser returns the active user of an unexpired session and when the session ends.
func (s *Store) SessionUser(ctx context.Context, tokenHash string) (domain.User, time.Time, error) {
	var expires string
	u, err := scanUser(s.read.QueryRowContext(ctx, `SELECT u.id, u.email, u.name, u.role, u.active, u.created_at, u.lang, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`, tokenHash, formatTime(s.now())), &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return u, time.Time{}, domain.Errorf(domain.KindUnauthorized, "login_required")
	}
	return u, parseTime(expires), err
}

// ExtendSession moves a session's end to now+ttl.
func (s *Store) ExtendSession(ctx context.Context, tokenHash string, ttl time.Duration) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		_, err := q.ExecContext(ctx, `UPDATE sessions SET expires_at = ? WHERE token_hash = ?`, formatTime(now.Add(ttl)), tokenHash)
		return err
	})
}

// DeleteSession ends a login and returns the provider's ID token it was
// made with ("" for a password login or a session that had already ended).
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) (string, error) {
	var idToken string
	err := s.update(ctx, func(q querier, _ time.Time) error {
		err := q.QueryRowContext(ctx, `DELETE FROM sessions WHERE token_hash = ? RETURNING id_token`, tokenHash).Scan(&idToken)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return idToken, err
}
