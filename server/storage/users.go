package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
)

const userColumns = `id, email, name, role, active, created_at`

func scanUser(row interface{ Scan(...any) error }, extra ...any) (domain.User, error) {
	var u domain.User
	var created string
	var active int
	dest := append([]any{&u.ID, &u.Email, &u.Name, &u.Role, &active, &created}, extra...)
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
		u = domain.User{ID: id.String(), Email: email, Name: name, Role: role, Active: true, CreatedAt: now}
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

func (s *Store) ListUsers(ctx context.Context) ([]domain.User, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY name COLLATE NOCASE`)
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
