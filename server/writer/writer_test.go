package writer_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

func submit(f testutil.Fixture, text string) *workshop.Submit {
	return &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: f.Table(0).ID, QuestionID: f.Question(0).ID,
		ID: uuid.Must(uuid.NewV7()).String(), Text: text}
}

// run submits through the writer as the websocket handler does.
func run(ctx context.Context, w *writer.Writer, s *workshop.Submit) error {
	_, err := writer.Run(ctx, w, s)
	return err
}

// gate is a command that holds the writer until it is opened, so that a
// test can queue work behind it and know it is queued.
type gate struct{ taken, open chan struct{} }

func (g gate) Apply(*storage.Tx) ([]domain.Change, error) {
	close(g.taken)
	<-g.open
	return nil, nil
}

// holdWriter blocks the writer in a command of its own, alone in its batch;
// the returned function lets it go on.
func holdWriter(t *testing.T, w *writer.Writer) (release func()) {
	t.Helper()
	g := gate{taken: make(chan struct{}), open: make(chan struct{})}
	go w.Do(context.Background(), g)
	select {
	case <-g.taken:
	case <-time.After(10 * time.Second):
		t.Fatal("the writer did not take the gate")
	}
	var once sync.Once
	release = func() { once.Do(func() { close(g.open) }) }
	// A test that fails while holding the writer must not leave it blocked.
	t.Cleanup(release)
	return release
}

// waitFor polls cond until it holds, failing the test after 10 s.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func countInputs(t *testing.T, store *storage.Store, f testutil.Fixture) int {
	t.Helper()
	snap, err := store.Snapshot(context.Background(), f.WorkshopID(), storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	return len(snap.Inputs)
}

func TestGroupCommit(t *testing.T) {
	store := testutil.MustOpenStore(t)
	rec := testutil.NewRecorder()
	w := testutil.MustWriter(t, store, rec)
	f := testutil.MustWorkshop(t, store, w, 2)
	before := w.Stats()

	const n = 500
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- run(context.Background(), w, submit(f, "Synpunkt"))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	st := w.Stats()
	commits, commands := st.Commits-before.Commits, st.Commands-before.Commands
	if commands != n {
		t.Errorf("commands = %d, want %d", commands, n)
	}
	if commits >= commands {
		t.Errorf("%d commits for %d commands: concurrent submissions were not batched", commits, commands)
	}
	if got := countInputs(t, store, f); got != n {
		t.Errorf("stored %d, want %d", got, n)
	}
	// Published in sequence order, once each.
	if err := w.Published(context.Background()); err != nil {
		t.Fatal(err)
	}
	var last int64
	seen := 0
	for len(rec.Changes) > 0 {
		c := <-rec.Changes
		if c.Seq <= last {
			t.Fatalf("seq %d published after %d", c.Seq, last)
		}
		last = c.Seq
		if c.Type == "input" {
			seen++
		}
	}
	if seen != n {
		t.Errorf("published %d inputs, want %d", seen, n)
	}
}

// failing writes a row and then fails, to prove the writer undoes it alone.
type failing struct{ f testutil.Fixture }

func (c failing) Apply(tx *storage.Tx) ([]domain.Change, error) {
	s := submit(c.f, "ska inte finnas kvar")
	if _, _, err := s.Apply(tx); err != nil {
		return nil, err
	}
	return nil, errors.New("boom after a write")
}

func TestFailingCommandIsUndoneAlone(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 1)

	var wg sync.WaitGroup
	results := make([]error, 20)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 10 {
				results[i] = w.Do(context.Background(), failing{f})
				return
			}
			results[i] = run(context.Background(), w, submit(f, "Bra"))
		}()
	}
	wg.Wait()
	for i, err := range results {
		if (i == 10) != (err != nil) {
			t.Errorf("command %d: err = %v", i, err)
		}
	}
	if got := countInputs(t, store, f); got != 19 {
		t.Errorf("stored %d inputs, want 19: the failing command's write must be rolled back, the others kept", got)
	}
}

// panicking fails in the worst way a command can.
type panicking struct{}

func (panicking) Apply(*storage.Tx) ([]domain.Change, error) { panic("a bug in a command") }

func TestPanickingCommandFailsAlone(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 1)
	release := holdWriter(t, w)
	var wg sync.WaitGroup
	results := make([]error, 11)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 5 {
				results[i] = w.Do(context.Background(), panicking{})
				return
			}
			results[i] = run(context.Background(), w, submit(f, "I samma omgång"))
		}()
	}
	waitFor(t, func() bool { return w.Stats().Queued == len(results) }, "the commands to queue behind the gate")
	release()
	wg.Wait()
	for i, err := range results {
		if i == 5 {
			if !domain.IsKind(err, domain.KindInternal) {
				t.Errorf("the panicking command: err = %v, want an internal error", err)
			}
			continue
		}
		if err != nil {
			t.Errorf("command %d in the same batch: err = %v", i, err)
		}
	}
	if got := countInputs(t, store, f); got != 10 {
		t.Errorf("stored %d, want the other 10", got)
	}
	if err := run(context.Background(), w, submit(f, "Efteråt")); err != nil {
		t.Errorf("the writer after a panic: %v", err)
	}
}

func TestCloseFinishesQueuedWork(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := writer.New(store, testutil.NewRecorder(), nil)
	f := testutil.MustWorkshop(t, store, w, 1)
	release := holdWriter(t, w)
	const n = 100
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- run(context.Background(), w, submit(f, "före stängning"))
		}()
	}
	waitFor(t, func() bool { return w.Stats().Queued == n }, "the submissions to queue")
	closed := make(chan struct{})
	go func() { w.Close(); close(closed) }()
	waitFor(t, func() bool { return !w.Running() }, "Close to begin")
	release()
	<-closed
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a submission queued before Close failed: %v", err)
		}
	}
	if got := countInputs(t, store, f); got != n {
		t.Errorf("stored %d of the %d queued before Close", got, n)
	}
	err := run(context.Background(), w, submit(f, "efter"))
	if !domain.IsKind(err, domain.KindUnavailable) {
		t.Errorf("Do after Close: err = %v, want unavailable (try again)", err)
	}
}

// A caller that gives up while its command waits in the queue (a phone that
// lost its connection) is told to try again, and the writer then skips the
// command: nothing is stored that nobody will be told about.
func TestCallerThatLeftIsToldToRetry(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 1)
	release := holdWriter(t, w)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, w, submit(f, "x")) }()
	waitFor(t, func() bool { return w.Stats().Queued == 1 }, "the submission to queue")
	cancel()
	if err := <-done; !domain.IsKind(err, domain.KindUnavailable) {
		t.Errorf("err = %v, want unavailable", err)
	}
	release()
	if err := run(context.Background(), w, submit(f, "nästa")); err != nil {
		t.Fatal(err)
	}
	if got := countInputs(t, store, f); got != 1 {
		t.Errorf("stored %d, want only the next one: the abandoned command must be skipped", got)
	}
}
