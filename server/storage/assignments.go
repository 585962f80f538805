package storage

import (
	"context"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

func assign(ctx context.Context, q querier, now time.Time, kind, objectID, userID string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO assignments (object_kind, object_id, user_id, added_at) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, kind, objectID, userID, formatTime(now))
	return err
}

// Assign gives a user access to an event (a workshop or a consultation).
func (tx *Tx) Assign(kind, objectID, userID string) error {
	return translate(assign(tx.ctx, tx.q, tx.now, kind, objectID, userID))
}

// Unassign takes a user's access to an event away; it reports whether the
// user had it.
func (tx *Tx) Unassign(kind, objectID, userID string) (bool, error) {
	res, err := tx.q.ExecContext(tx.ctx, `DELETE FROM assignments WHERE object_kind = ? AND object_id = ? AND user_id = ?`,
		kind, objectID, userID)
	if err != nil {
		return false, translate(err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// IsAssigned reports whether a user has been given access to an event.
func (s *Store) IsAssigned(ctx context.Context, kind, objectID, userID string) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM assignments WHERE object_kind = ? AND object_id = ? AND user_id = ?`,
		kind, objectID, userID).Scan(&n)
	return n > 0, err
}

// AssignedUsers lists who has access to an event, by name.
func (s *Store) AssignedUsers(ctx context.Context, kind, objectID string) ([]domain.User, error) {
	return listUsers(ctx, s.read, `SELECT `+userColumns+` FROM users WHERE id IN
		(SELECT user_id FROM assignments WHERE object_kind = ? AND object_id = ?) ORDER BY name COLLATE NOCASE`, kind, objectID)
}

// AssignedUsers lists who has access to an event, inside a transaction.
func (tx *Tx) AssignedUsers(kind, objectID string) ([]domain.User, error) {
	return listUsers(tx.ctx, tx.q, `SELECT `+userColumns+` FROM users WHERE id IN
		(SELECT user_id FROM assignments WHERE object_kind = ? AND object_id = ?) ORDER BY name COLLATE NOCASE`, kind, objectID)
}
