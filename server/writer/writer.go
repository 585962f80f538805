// Package writer is the single path by which live data is written. Commands
// queue up; one goroutine takes whatever is queued, applies it in one
// transaction (group commit), and only after the commit answers the callers
// and hands the changes on to be published. Under load batches grow by
// themselves, so the cost of a durable commit is shared by many submissions.
//
// Publishing (encoding each change and fanning it out to live connections)
// runs on a goroutine of its own, in commit order, so the writer goes on to
// the next transaction meanwhile: the two use two cores.
package writer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Command is one unit of work. Apply validates and writes through tx and
// returns the changes to publish. It must not keep tx. A command that fails
// leaves nothing behind: the writer rolls back to a savepoint taken before it.
type Command interface {
	Apply(tx *storage.Tx) ([]domain.Change, error)
}

// Producer is a command with a result for its caller (what was stored, and
// how), returned by Run rather than left in the command.
type Producer[R any] interface {
	Apply(tx *storage.Tx) (R, []domain.Change, error)
}

// commandFunc adapts a function to Command.
type commandFunc func(tx *storage.Tx) ([]domain.Change, error)

func (f commandFunc) Apply(tx *storage.Tx) ([]domain.Change, error) { return f(tx) }

// Run queues a producing command like Do and returns its result once
// committed.
func Run[R any](ctx context.Context, w *Writer, cmd Producer[R]) (R, error) {
	var result R
	err := w.Do(ctx, commandFunc(func(tx *storage.Tx) ([]domain.Change, error) {
		r, changes, err := cmd.Apply(tx)
		if err == nil {
			result = r
		}
		return changes, err
	}))
	if err != nil {
		var zero R
		return zero, err
	}
	return result, nil
}

// Publisher receives committed changes, in sequence order.
type Publisher interface {
	Publish(changes []domain.Change)
}

// MaxBatch bounds one transaction, so a burst cannot hold the write lock long.
const MaxBatch = 256

var errClosed = errors.New("writer closed")

type request struct {
	ctx   context.Context
	cmd   Command
	reply chan error
}

// Stats are cumulative counters, for metrics and the load tool.
type Stats struct {
	Commits  uint64
	Commands uint64
	Failed   uint64 // commits that failed (every command in them was told to retry)
	CommitNs uint64 // total time spent in transactions
	Queued   int    // commands waiting right now
}

type Writer struct {
	store    *storage.Store
	pub      Publisher
	onCommit func(commands int, took time.Duration)
	queue    chan *request
	done     chan struct{}
	// committed carries each committed batch's changes, in order, to publish.
	committed chan committed

	mu     sync.RWMutex
	closed bool

	statsMu sync.Mutex
	stats   Stats
}

// New starts the writer goroutine. onCommit, if not nil, is told the size
// and duration of every transaction (for metrics).
func New(store *storage.Store, pub Publisher, onCommit func(commands int, took time.Duration)) *Writer {
	w := &Writer{store: store, pub: pub, onCommit: onCommit, queue: make(chan *request, 4*MaxBatch),
		done: make(chan struct{}), committed: make(chan committed, 64)}
	published := make(chan struct{})
	go w.publish(published)
	go w.run(published)
	return w
}

// Do queues cmd and waits until it has been committed (nil) or has failed.
// If ctx ends first, Do returns its error and the command may still be
// applied; callers that care resend with the same id, which is idempotent.
func (w *Writer) Do(ctx context.Context, cmd Command) error {
	r := &request{ctx: ctx, cmd: cmd, reply: make(chan error, 1)}
	w.mu.RLock()
	if w.closed {
		w.mu.RUnlock()
		return domain.Unavailable(errClosed)
	}
	select {
	case w.queue <- r:
		w.mu.RUnlock()
	case <-ctx.Done():
		w.mu.RUnlock()
		return domain.Unavailable(ctx.Err())
	}
	select {
	case err := <-r.reply:
		return err
	case <-ctx.Done():
		return domain.Unavailable(ctx.Err())
	}
}

// Close stops taking commands, finishes everything already queued and returns
// when the last batch has committed and been published.
func (w *Writer) Close() {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.queue)
	}
	w.mu.Unlock()
	<-w.done
}

// Running reports whether the writer still takes commands (for readiness).
func (w *Writer) Running() bool {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return !w.closed
}

func (w *Writer) Stats() Stats {
	w.statsMu.Lock()
	defer w.statsMu.Unlock()
	s := w.stats
	s.Queued = len(w.queue)
	return s
}

func (w *Writer) run(published chan struct{}) {
	defer close(w.done)
	defer func() { close(w.committed); <-published }()
	batch := make([]*request, 0, MaxBatch)
	for first := range w.queue {
		batch = append(batch[:0], first)
	drain:
		for len(batch) < MaxBatch {
			select {
			case r, ok := <-w.queue:
				if !ok {
					break drain
				}
				batch = append(batch, r)
			default:
				break drain
			}
		}
		w.commit(batch)
	}
}

// committed is one batch's changes to publish, or (published set) a
// marker that someone waits for everything before it to be published.
type committed struct {
	changes   []domain.Change
	published chan struct{}
}

// publish hands committed changes to the publisher, batch after batch.
func (w *Writer) publish(done chan struct{}) {
	defer close(done)
	for c := range w.committed {
		if c.published != nil {
			close(c.published)
			continue
		}
		w.pub.Publish(c.changes)
	}
}

// Published returns once the changes of every command that Do has already
// answered have been published (a command's changes are queued for
// publishing before its caller is answered).
func (w *Writer) Published(ctx context.Context) error {
	marker := committed{published: make(chan struct{})}
	w.mu.RLock()
	if w.closed {
		w.mu.RUnlock()
		<-w.done // Close publishes everything before it returns
		return nil
	}
	select {
	case w.committed <- marker:
	case <-ctx.Done():
		w.mu.RUnlock()
		return ctx.Err()
	}
	w.mu.RUnlock()
	select {
	case <-marker.published:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (w *Writer) commit(batch []*request) {
	start := time.Now()
	results := make([]error, len(batch))
	changes, err := w.apply(batch, results)
	if err != nil {
		for i := range results {
			if results[i] == nil {
				results[i] = domain.Unavailable(err)
			}
		}
		changes = nil
	}
	took := time.Since(start)
	if w.onCommit != nil {
		w.onCommit(len(batch), took)
	}
	w.statsMu.Lock()
	w.stats.Commits++
	w.stats.Commands += uint64(len(batch))
	w.stats.CommitNs += uint64(took)
	if err != nil {
		w.stats.Failed++
	}
	w.statsMu.Unlock()
	if len(changes) > 0 {
		w.committed <- committed{changes: changes}
	}
	for i, r := range batch {
		r.reply <- results[i]
	}
}

// applyOne runs one command; a command that panics fails alone, like one
// that returns an error, instead of taking the process and its batch down.
func applyOne(cmd Command, tx *storage.Tx) (changes []domain.Change, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("writer command panicked", "command", fmt.Sprintf("%T", cmd), "panic", r, "stack", string(debug.Stack()))
			changes, err = nil, domain.Internal(fmt.Errorf("command panicked: %v", r))
		}
	}()
	return cmd.Apply(tx)
}

// apply runs the batch in one transaction. A command's own failure is
// recorded in results and undone alone; a failure of the transaction itself
// is returned, and then nothing of the batch was written.
func (w *Writer) apply(batch []*request, results []error) ([]domain.Change, error) {
	tx, err := w.store.BeginWrite(context.Background())
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var changes []domain.Change
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			// The caller has gone (a phone that lost its connection); it resends.
			results[i] = domain.Unavailable(err)
			continue
		}
		if err := tx.Savepoint(); err != nil {
			return nil, err
		}
		ch, err := applyOne(r.cmd, tx)
		if err != nil {
			results[i] = err
			if rbErr := tx.RollbackTo(); rbErr != nil {
				return nil, rbErr
			}
			continue
		}
		if err := tx.Release(); err != nil {
			return nil, err
		}
		changes = append(changes, ch...)
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return changes, nil
}
