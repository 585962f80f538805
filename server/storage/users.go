package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"

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

// CreateUser stores a user with an already hashed password.
func (s *Store) CreateUser(ctx context.Context, email, name string, role domain.Role, passwordHash string) (domain.User, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return domain.User{}, domain.Internal(err)
	}
	var u domain.User
	err = s.update(ctx, func(q querier, now time.Time) error {
		_, err := q.ExecContext(ctx, `INSERT INTO users (id, email, name, password_hash, role, active, created_at)
			VALUES (?, ?, ?, ?, ?, 1, ?)`, id.String(), email, name, passwordHash, role, formatTime(now))
		if isUniqueViolation(err) {
			return domain.Errorf(domain.KindConflict, "email_taken")
		}
		u = domain.User{ID: id.String(), Email: email, Name: name, Role: role, Active: true, CreatedAt: now, Lang: "sv"}
		return err
	})
	return u, err
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

// lastAdminGuard refuses a change that would leave no active administrator.
func lastAdminGuard(ctx context.Context, q querier, u domain.User) error {
	if u.Role != domain.RoleAdmin || !u.Active {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'admin' AND active = 1`).Scan(&n); err != nil {
		return err
	}
	if n <= 1 {
		return domain.Errorf(domain.KindConflict, "last_admin")
	}
	return nil
}

func userState(u domain.User) string {
	return jsonOf(map[string]any{"email": u.Email, "name": u.Name, "role": u.Role, "active": u.Active})
}

// UpdateUser changes a user's role and whether the account is active. A
// deactivated user's sessions end at once.
func (s *Store) UpdateUser(ctx context.Context, id string, role domain.Role, active bool, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		before, err := user(ctx, q, id)
		if err != nil {
			return err
		}
		if before.Role == role && before.Active == active {
			return nil
		}
		if role != domain.RoleAdmin || !active {
			if err := lastAdminGuard(ctx, q, before); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, `UPDATE users SET role = ?, active = ? WHERE id = ?`, role, boolInt(active), id); err != nil {
			return err
		}
		if !active || role != before.Role {
			// A new role takes effect on the next login; an old session must not keep the old one.
			if _, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
				return err
			}
		}
		after := before
		after.Role, after.Active = role, active
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "user.update", ObjectKind: "user",
			ObjectID: id, Before: userState(before), After: userState(after)})
	})
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

// setPassword stores a new hash and ends every session of the user except
// the one given (the browser that changed it).
func setPassword(ctx context.Context, q querier, now time.Time, userID, hash, keepSession string) error {
	if _, err := q.ExecContext(ctx, `UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?`,
		hash, formatTime(now), userID); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ? AND token_hash != ?`, userID, keepSession)
	return err
}

// ChangePassword sets a user's password and signs out their other sessions.
func (s *Store) ChangePassword(ctx context.Context, userID, hash, keepSession string, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		if err := setPassword(ctx, q, now, userID, hash, keepSession); err != nil {
			return err
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "user.password", ObjectKind: "user", ObjectID: userID})
	})
}

// SetUserLang remembers the language a user last logged in with: e-mail
// to them is written in it.
func (s *Store) SetUserLang(ctx context.Context, id, lang string) error {
	return s.update(ctx, func(q querier, _ time.Time) error {
		_, err := q.ExecContext(ctx, `UPDATE users SET lang = ? WHERE id = ? AND lang <> ?`, lang, id, lang)
		return err
	})
}
