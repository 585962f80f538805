package mail

import (
	"context"
	"log/slog"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/writer"
)

// Worker empties the outbox: one message at a time, over one SMTP
// connection kept while there is more to send.
//
// Nothing is sent twice by the server itself. A message is marked as being
// sent (in a committed transaction) before it is handed to the SMTP server,
// and as sent after the server has taken it. A crash between the two leaves
// it marked as being sent; at the next start it becomes "uncertain" and is
// not sent again unless a person asks for it on the consultation's e-mail
// page. The window is the few milliseconds between the server's "250 OK"
// and our commit; the price of the choice is that a message cut off in that
// window waits for a person instead of going out twice.
type Worker struct {
	cfg      Config
	store    *storage.Store
	now      func() time.Time
	composer composer
	wake     chan struct{}
}

// New makes a worker for a checked, enabled configuration.
func New(cfg Config, store *storage.Store, now func() time.Time) *Worker {
	if now == nil {
		now = time.Now
	}
	return &Worker{cfg: cfg, store: store, now: now, composer: composer{cfg: cfg, store: store}, wake: make(chan struct{}, 1)}
}

// Wake tells the worker that something was queued; it never blocks.
func (w *Worker) Wake() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx ends. It first marks messages interrupted by a crash
// as uncertain.
func (w *Worker) Run(ctx context.Context) {
	if n, err := w.store.MarkInterruptedMail(ctx); err != nil {
		slog.Error("mail: marking interrupted messages", "err", err)
	} else if n > 0 {
		slog.Warn("mail: messages interrupted while sending; resend them from the consultation's e-mail page if needed", "count", n)
	}
	s, err := newSender(w.cfg)
	if err != nil {
		slog.Error("mail: SMTP client", "err", err)
		return
	}
	defer s.close()
	for ctx.Err() == nil {
		m, ok, err := w.store.ClaimMail(ctx)
		if err != nil {
			slog.Error("mail: reading the outbox", "err", err)
			w.sleep(ctx, time.Minute)
			continue
		}
		if !ok {
			s.close()
			w.sleep(ctx, w.untilNext(ctx))
			continue
		}
		w.deliver(ctx, s, m)
	}
}

// untilNext is how long to wait for the next due message (at most a minute,
// so that a clock change or a missed wake-up costs little).
func (w *Worker) untilNext(ctx context.Context) time.Duration {
	next, ok, err := w.store.NextMailAt(ctx)
	if err != nil || !ok {
		return time.Minute
	}
	return min(max(next.Sub(w.now()), 0), time.Minute)
}

func (w *Worker) sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-w.wake:
	case <-t.C:
	}
}

// deliver writes and sends one claimed message and records the outcome.
// The outcome is recorded even when ctx has ended meanwhile: the message
// has left or not, and the outbox must say which.
func (w *Worker) deliver(ctx context.Context, s *sender, m domain.Mail) {
	record := context.WithoutCancel(ctx)
	l, err := w.composer.compose(ctx, m)
	if err != nil {
		w.record(w.store.MailFailed(record, m.ID, "", "cannot be written: "+err.Error()), m)
		return
	}
	msg, err := s.message(m.ID, m.Recipient, l)
	if err != nil {
		w.record(w.store.MailFailed(record, m.ID, l.Subject, err.Error()), m)
		return
	}
	err = s.send(ctx, msg)
	switch {
	case err == nil:
		w.record(w.store.MailSent(record, m.ID, l.Subject), m)
	case permanent(err):
		w.record(w.store.MailFailed(record, m.ID, l.Subject, err.Error()), m)
	case w.now().Sub(m.CreatedAt) >= w.cfg.MaxAge:
		w.record(w.store.MailFailed(record, m.ID, l.Subject, "gave up: "+err.Error()), m)
	default:
		w.record(w.store.MailRetry(record, m.ID, l.Subject, err.Error(), w.now().Add(w.cfg.Backoff(m.Attempts))), m)
	}
}

func (w *Worker) record(err error, m domain.Mail) {
	if err != nil {
		// The message stays marked as being sent and becomes uncertain at
		// the next start: better than sending it twice.
		slog.Error("mail: recording the outcome", "id", m.ID, "err", err)
	}
}

// QueueDue queues the reminders and digests that are due and wakes the
// worker if it queued any.
func (w *Worker) QueueDue(ctx context.Context, wr *writer.Writer) error {
	rem, dig := &remiss.QueueReminders{}, &remiss.QueueDigests{}
	if err := wr.Do(ctx, rem); err != nil {
		return err
	}
	if err := wr.Do(ctx, dig); err != nil {
		return err
	}
	if rem.Queued+dig.Queued > 0 {
		w.Wake()
	}
	return nil
}

// Schedule runs QueueDue at start and then every interval until ctx ends.
func (w *Worker) Schedule(ctx context.Context, wr *writer.Writer, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := w.QueueDue(ctx, wr); err != nil && ctx.Err() == nil {
			slog.Error("mail: queueing reminders and digests", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
