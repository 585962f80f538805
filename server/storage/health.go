package storage

import "context"

// Ready checks that the database answers a read, through the same pool the
// pages read with.
func (s *Store) Ready(ctx context.Context) error {
	var n int
	return s.read.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&n)
}
