package storage

import (
	"context"
	"database/sql"

	"github.com/samrad-se/samrad/server/domain"
)

// AppendAudit records an entry in the same transaction as the change it
// describes, so the log and the data never disagree. Only the audit package
// calls it (audit.Audited).
func (tx *Tx) AppendAudit(e domain.AuditEntry) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO audit_log (at, actor_id, actor_name, action, object_kind, object_id, event_id, before, after)
		VALUES (?, NULLIF(?, ''), ?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''))`,
		formatTime(tx.now), e.Actor.ID, e.Actor.Name, e.Action, e.ObjectKind, e.ObjectID, e.EventID, e.Before, e.After)
	return translate(err)
}

// AuditFilter narrows the audit log; zero values match everything.
type AuditFilter struct {
	EventID string
	ActorID string
	Before  int64 // entries with a smaller id (paging backwards)
	Limit   int
}

// AuditEntries returns entries newest first.
func (s *Store) AuditEntries(ctx context.Context, f AuditFilter) ([]domain.AuditEntry, error) {
	var list []domain.AuditEntry
	err := s.EachAudit(ctx, f, func(e domain.AuditEntry) error {
		list = append(list, e)
		return nil
	})
	return list, err
}

// EachAudit streams entries newest first, for exports of any size.
func (s *Store) EachAudit(ctx context.Context, f AuditFilter, fn func(domain.AuditEntry) error) error {
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	before := f.Before
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, at, coalesce(actor_id, ''), actor_name, action, object_kind, object_id,
		event_id, coalesce(before, ''), coalesce(after, ''), redacted_at IS NOT NULL
		FROM audit_log WHERE (?1 = '' OR event_id = ?1) AND (?2 = '' OR actor_id = ?2) AND id < ?3
		ORDER BY id DESC LIMIT ?4`, f.EventID, f.ActorID, before, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e domain.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor.ID, &e.Actor.Name, &e.Action, &e.ObjectKind, &e.ObjectID,
			&e.EventID, &e.Before, &e.After, &e.Redacted); err != nil {
			return err
		}
		e.At = parseTime(at)
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// LastAuditID is the newest entry's id (0 when the log is empty).
func (s *Store) LastAuditID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := s.read.QueryRowContext(ctx, `SELECT max(id) FROM audit_log`).Scan(&id)
	return id.Int64, err
}
