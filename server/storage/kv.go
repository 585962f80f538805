package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// KV is a small expiring key/value store in the database. Its method set is
// the one HTTP middleware expects of a storage backend (Get, Set, Delete,
// Reset, Close), which keeps CSRF tokens valid across restarts.
type KV struct{ s *Store }

func (s *Store) KV() *KV { return &KV{s: s} }

// Get returns nil, nil for a missing or expired key.
func (kv *KV) Get(key string) ([]byte, error) {
	var val []byte
	err := kv.s.read.QueryRow(`SELECT value FROM kv WHERE key = ? AND (expires_at = 0 OR expires_at > ?)`,
		key, kv.s.now().Unix()).Scan(&val)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return val, err
}

func (kv *KV) Set(key string, val []byte, exp time.Duration) error {
	if key == "" || len(val) == 0 {
		return nil
	}
	return kv.s.update(context.Background(), func(q querier, now time.Time) error {
		var expires int64
		if exp > 0 {
			expires = now.Add(exp).Unix()
		}
		if _, err := q.ExecContext(context.Background(), `DELETE FROM kv WHERE expires_at != 0 AND expires_at <= ?`, now.Unix()); err != nil {
			return err
		}
		_, err := q.ExecContext(context.Background(), `INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`, key, val, expires)
		return err
	})
}

func (kv *KV) Delete(key string) error {
	return kv.s.update(context.Background(), func(q querier, _ time.Time) error {
		_, err := q.ExecContext(context.Background(), `DELETE FROM kv WHERE key = ?`, key)
		return err
	})
}

func (kv *KV) Reset() error {
	return kv.s.update(context.Background(), func(q querier, _ time.Time) error {
		_, err := q.ExecContext(context.Background(), `DELETE FROM kv`)
		return err
	})
}

// Close does nothing: the store owns the database.
func (kv *KV) Close() error { return nil }
