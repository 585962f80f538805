package writer_test

import (
	"context"
	"errors"
	"sync"
	"testing"

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
			errs <- w.Do(context.Background(), submit(f, "Synpunkt"))
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
	if _, err := s.Apply(tx); err != nil {
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
			results[i] = w.Do(context.Background(), submit(f, "Bra"))
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

func TestCloseFinishesQueuedWork(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := writer.New(store, testutil.NewRecorder(), nil)
	f := testutil.MustWorkshop(t, store, w, 1)
	var wg sync.WaitGroup
	acked := make(chan struct{}, 100)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w.Do(context.Background(), submit(f, "före stängning")) == nil {
				acked <- struct{}{}
			}
		}()
	}
	wg.Wait()
	w.Close()
	if got := countInputs(t, store, f); got != len(acked) {
		t.Errorf("stored %d, acknowledged %d: every acknowledged input must be stored", got, len(acked))
	}
	err := w.Do(context.Background(), submit(f, "efter"))
	if !domain.IsKind(err, domain.KindUnavailable) {
		t.Errorf("Do after Close: err = %v, want unavailable (try again)", err)
	}
}

func TestCallerThatLeftIsToldToRetry(t *testing.T) {
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Do(ctx, submit(f, "x")); !domain.IsKind(err, domain.KindUnavailable) {
		t.Errorf("err = %v, want unavailable", err)
	}
}
