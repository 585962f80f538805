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
func (s *Store) Assign(ctx context.Context, kind, objectID, userID string, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		u, err := user(ctx, q, userID)
		if err != nil {
			return err
		}
		if err := assign(ctx, q, now, kind, objectID, userID); err != nil {
			return err
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "access.grant", ObjectKind: kind,
			ObjectID: objectID, EventID: objectID, After: jsonOf(map[string]string{"user": u.Email, "role": string(u.Role)})})
	})
}

// Unassign takes a user's access to an event away.
func (s *Store) Unassign(ctx context.Context, kind, objectID, userID string, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		u, err := user(ctx, q, userID)
		if err != nil {
			return err
		}
		res, err := q.ExecContext(ctx, `DELETE FROM assignments WHERE object_kind = ? AND object_id = ? AND user_id = ?`, kind, objectID, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "access.revoke", ObjectKind: kind,
			ObjectID: objectID, EventID: objectID, Before: jsonOf(map[string]string{"user": u.Email, "role": string(u.Role)})})
	})
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
