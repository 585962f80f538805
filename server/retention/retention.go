// Package retention deletes workshop input whose retention period has
// passed (GDPR storage limitation). Submitted remissvar are public records
// and are never touched here.
package retention

import (
	"context"
	"log/slog"
	"time"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// Sweep purges every workshop that is due and returns how many it purged.
func Sweep(ctx context.Context, store *storage.Store, w *writer.Writer, now time.Time) (int, error) {
	due, err := store.WorkshopsToPurge(ctx, now)
	if err != nil {
		return 0, err
	}
	for i, ws := range due {
		cmd := &workshop.Purge{WorkshopID: ws.ID}
		if err := w.Do(ctx, audit.Audited{Command: cmd, Actor: domain.SystemActor}); err != nil {
			return i, err
		}
		slog.Info("retention: deleted a workshop's input", "workshop", ws.ID, "inputs", cmd.Deleted(),
			"months", ws.RetentionMonths)
	}
	return len(due), nil
}

// Run sweeps at start and then every interval until ctx ends.
func Run(ctx context.Context, store *storage.Store, w *writer.Writer, interval time.Duration, now func() time.Time) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := Sweep(ctx, store, w, now()); err != nil && ctx.Err() == nil {
			slog.Error("retention sweep failed; will try again", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
