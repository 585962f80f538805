package storage

import (
	"database/sql"
	"errors"

	"github.com/samrad-se/samrad/server/domain"
)

// UserByEmail returns the account with this e-mail address (the column
// compares without case), or ok false when there is none.
func (tx *Tx) UserByEmail(email string) (u domain.User, ok bool, err error) {
	u, err = scanUser(tx.q.QueryRowContext(tx.ctx, `SELECT `+userColumns+` FROM users WHERE email = ?`, email))
	if errors.Is(err, sql.ErrNoRows) {
		return u, false, nil
	}
	return u, err == nil, translate(err)
}

// PendingInvitation returns the newest unused, unexpired invitation for an
// address and the token hash it is stored under; ok false when there is none.
func (tx *Tx) PendingInvitation(email string) (tokenHash string, l AccountLink, ok bool, err error) {
	l.Purpose = "invite"
	err = tx.q.QueryRowContext(tx.ctx, `SELECT token_hash, email, role FROM account_links
		WHERE purpose = 'invite' AND email = ? AND used_at IS NULL AND expires_at > ?
		ORDER BY created_at DESC LIMIT 1`, email, formatTime(tx.now)).Scan(&tokenHash, &l.Email, &l.Role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", l, false, nil
	}
	return tokenHash, l, err == nil, translate(err)
}
