package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

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

// ReplaceAccountLink stores a link by the hash of its token; an earlier
// unused link for the same purpose and e-mail stops working.
func (tx *Tx) ReplaceAccountLink(tokenHash string, l AccountLink, createdBy string) error {
	if _, err := tx.q.ExecContext(tx.ctx, `DELETE FROM account_links WHERE purpose = ? AND email = ? AND used_at IS NULL`,
		l.Purpose, l.Email); err != nil {
		return translate(err)
	}
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO account_links (token_hash, purpose, email, role, user_id, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?)`, tokenHash, l.Purpose, l.Email, l.Role, l.UserID, createdBy,
		formatTime(tx.now), formatTime(l.ExpiresAt))
	return translate(err)
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

func (tx *Tx) AccountLink(tokenHash string) (AccountLink, error) {
	l, err := accountLink(tx.ctx, tx.q, tokenHash, tx.now)
	return l, translate(err)
}

// SpendAccountLink marks a link used.
func (tx *Tx) SpendAccountLink(tokenHash string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE account_links SET used_at = ? WHERE token_hash = ?`, formatTime(tx.now), tokenHash)
	return translate(err)
}
