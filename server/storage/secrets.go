package storage

import (
	"context"
	"crypto/rand"
	"time"
)

// Secret returns the named server secret, making a random one of size
// bytes the first time. It lives in the database, so it survives restarts
// and travels with backups.
func (s *Store) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	var val []byte
	err := s.update(ctx, func(q querier, _ time.Time) error {
		fresh := make([]byte, size)
		if _, err := rand.Read(fresh); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, name, fresh); err != nil {
			return err
		}
		return q.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&val)
	})
	return val, err
}
