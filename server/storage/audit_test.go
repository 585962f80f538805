package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

func TestAuditLogIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, err := s.BeginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.AppendAudit(domain.AuditEntry{Actor: domain.Actor{ID: "u1", Name: "Anna"}, Action: "export.csv",
		ObjectKind: domain.KindWorkshop, ObjectID: "w1", EventID: "w1", After: `{"x":1}`}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`DELETE FROM audit_log`,
		`UPDATE audit_log SET actor_name = 'Någon annan'`,
		`UPDATE audit_log SET after = '{"x":2}'`,
		`UPDATE audit_log SET before = NULL, after = NULL`, // redaction must be marked as such
	} {
		err := s.update(ctx, func(q querier, _ time.Time) error {
			_, err := q.ExecContext(ctx, stmt)
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused", stmt, err)
		}
	}
	// Retention's redaction is the one change allowed, and only once.
	redact := func() error {
		return s.update(ctx, func(q querier, now time.Time) error {
			_, err := q.ExecContext(ctx, `UPDATE audit_log SET before = NULL, after = NULL, redacted_at = ?`, formatTime(now))
			return err
		})
	}
	if err := redact(); err != nil {
		t.Errorf("redaction: %v", err)
	}
	if err := redact(); err == nil {
		t.Errorf("a second redaction (changing redacted_at) was allowed")
	}
	list, err := s.AuditEntries(ctx, AuditFilter{})
	if err != nil || len(list) != 1 || !list[0].Redacted || list[0].Actor.Name != "Anna" {
		t.Errorf("after redaction: %+v %v", list, err)
	}
}
