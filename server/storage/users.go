package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

const userColumns = `id, email, name, role, active, created_at, lang`

func scanUser(row interface{ Scan(...any) error }, extra ...any) (domain.User, error) {
	var u domain.User
	var created string
	var active int
	dest := append([]any{&u.ID, &u.Email, &u.Name, &u.Role, &active, &created, &u.Lang}, extra...)
	if err := row.Scan(dest...); err != nil {
		return u, err
	}
	u.Active = active == 1
	u.CreatedAt = parseTime(created)
	return u, nil
}

// InsertUser stores a new user with an already hashed password.
func (tx *Tx) InsertUser(u domain.User, passwordHash string) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO users (id, email, name, password_hash, role, active, created_at, password_changed_at, lang)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, u.Email, u.Name, passwordHash, u.Role, boolInt(u.Active),
		formatTime(u.CreatedAt), formatTime(u.CreatedAt), u.Lang)
	if isUniqueViolation(err) {
		return domain.Errorf(domain.KindConflict, "email_taken")
	}
	return translate(err)
}

// EmailTaken reports whether an account has this e-mail address.
func (tx *Tx) EmailTaken(email string) (bool, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM users WHERE email = ?`, email).Scan(&n)
	return n > 0, translate(err)
}

// CountUsers tells whether the first administrator still has to be created.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

// UserForLogin returns an active user and its password hash.
func (s *Store) UserForLogin(ctx context.Context, email string) (domain.User, string, error) {
	var hash string
	u, err := scanUser(s.read.QueryRowContext(ctx,
		`SELECT `+userColumns+`, password_hash FROM users WHERE email = ? AND active = 1`, email), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", domain.Errorf(domain.KindNotFound, "user_not_found")
	}
	return u, hash, err
}

func listUsers(ctx context.Context, q querier, query string, args ...any) ([]domain.User, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []domain.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func (s *Store) ListUsers(ctx context.Context) ([]domain.User, error) {
	return listUsers(ctx, s.read, `SELECT `+userColumns+` FROM users ORDER BY name COLLATE NOCASE`)
}

func user(ctx context.Context, q querier, id string) (domain.User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, domain.Errorf(domain.KindNotFound, "user_not_found")
	}
	return u, err
}

func (s *Store) User(ctx context.Context, id string) (domain.User, error) {
	return user(ctx, s.read, id)
}

func (tx *Tx) User(id string) (domain.User, error) { return user(tx.ctx, tx.q, id) }

// ActiveAdmins counts the active administrators.
func (tx *Tx) ActiveAdmins() (int, error) {
	var n int
	err := tx.q.QueryRowContext(tx.ctx, `SELECT count(*) FROM users WHERE role = 'admin' AND active = 1`).Scan(&n)
	return n, translate(err)
}

// SetUserAccess changes a user's role and whether the account is active.
func (tx *Tx) SetUserAccess(id string, role domain.Role, active bool) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE users SET role = ?, active = ? WHERE id = ?`, role, boolInt(active), id)
	return translate(err)
}

// EndSessions ends every session of a user except keep (a session's token
// hash, or "").
func (tx *Tx) EndSessions(userID, keep string) error {
	_, err := tx.q.ExecContext(tx.ctx, `DELETE FROM sessions WHERE user_id = ? AND token_hash != ?`, userID, keep)
	return translate(err)
}

// SetPasswordHash stores a user's new password hash.
func (tx *Tx) SetPasswordHash(userID, hash string) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?`,
		hash, formatTime(tx.now), userID)
	return translate(err)
}

// PasswordHash returns a user's current hash, to check the old password.
func (s *Store) PasswordHash(ctx context.Context, id string) (string, error) {
	var hash string
	err := s.read.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = ?`, id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", domain.Errorf(domain.KindNotFound, "user_not_found")
	}
	return hash, err
}

// SetUserLang remembers the language a user last logged in with: e-mail
// to them is written in it.
func (s *Store) SetUserLang(ctx context.Context, id, lang string) error {
	return s.update(ctx, func(q querier, _ time.Time) error {
		_, err := q.ExecContext(ctx, `UPDATE users SET lang = ? WHERE id = ? AND lang <> ?`, lang, id, lang)
		return err
	})
}
