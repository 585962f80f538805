// Package timebox closes questions whose time box ran out, when the
// facilitator chose "stäng automatiskt när tiden är ute". The deadlines live
// in the database, so a restart loses none: at start the closer reads them
// and closes at once the questions whose time ran out while the server was
// down. It waits for the soonest deadline and wakes early when a committed
// change sets a new one (it sits beside the hub as a publisher).
package timebox

import (
	"context"
	"log/slog"
	"time"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
)

// Closer is the loop that closes due time boxes.
type Closer struct {
	store *storage.Store
	do    func(context.Context, audit.Audited) error
	wake  chan struct{}
}

// New makes a closer that runs its commands through do (the writer).
func New(store *storage.Store, do func(context.Context, audit.Audited) error) *Closer {
	return &Closer{store: store, do: do, wake: make(chan struct{}, 1)}
}

// Publish looks at committed changes for a question with a running time box
// and wakes the loop, which reads the new deadline back. It never blocks the
// writer's publishing.
func (c *Closer) Publish(changes []domain.Change) {
	for _, ch := range changes {
		if _, timed := ch.Payload.(domain.TimedQuestion); timed {
			select {
			case c.wake <- struct{}{}:
			default:
			}
			return
		}
	}
}

// retryAfter is how long the loop waits after the database failed it.
const retryAfter = 5 * time.Second

// Run closes due time boxes until ctx ends.
func (c *Closer) Run(ctx context.Context) {
	for {
		wait, err := c.sweep(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			slog.Error("timebox: closing questions failed; will try again", "err", err)
			wait = retryAfter
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-c.wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// idle is how long the loop sleeps with no deadline ahead; a new one wakes it.
const idle = time.Hour

// sweep closes what is due and says how long to wait for the next deadline.
func (c *Closer) sweep(ctx context.Context) (time.Duration, error) {
	now := time.Now()
	list, err := c.store.NextTimeboxes(ctx, now)
	if err != nil {
		return 0, err
	}
	for _, d := range list {
		if d.Deadline.After(now) {
			return d.Deadline.Sub(now), nil
		}
		cmd := &workshop.CloseTimebox{WorkshopID: d.WorkshopID, QuestionID: d.QuestionID, Deadline: d.Deadline}
		if err := c.do(ctx, audit.Audited{Command: cmd, Actor: domain.TimeboxActor}); err != nil {
			return 0, err
		}
	}
	if len(list) > 0 {
		// Everything read was due; more may be behind it.
		return 0, nil
	}
	return idle, nil
}
