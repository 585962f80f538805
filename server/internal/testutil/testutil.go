// Package testutil holds helpers shared by the tests of several packages:
// a real database in a temporary folder and a ready-made workshop.
package testutil

import (
	"context"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// MustOpenStore opens a fresh database file in a temporary folder.
func MustOpenStore(tb testing.TB) *storage.Store {
	tb.Helper()
	return MustOpenStoreWith(tb, storage.Options{})
}

// MustOpenStoreWith is MustOpenStore with options.
func MustOpenStoreWith(tb testing.TB, opt storage.Options) *storage.Store {
	tb.Helper()
	s, err := storage.OpenWith(tb.TempDir(), opt)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Recorder is a Publisher that remembers what it was given.
type Recorder struct{ Changes chan domain.Change }

func NewRecorder() *Recorder { return &Recorder{Changes: make(chan domain.Change, 10000)} }

func (r *Recorder) Publish(changes []domain.Change) {
	for _, c := range changes {
		r.Changes <- c
	}
}

// MustWriter starts a writer on store, closed at the end of the test.
func MustWriter(tb testing.TB, store *storage.Store, pub writer.Publisher) *writer.Writer {
	tb.Helper()
	w := writer.New(store, pub, nil)
	tb.Cleanup(w.Close)
	return w
}

// Fixture is a workshop with questions, themes and tables, open for input,
// with its first question open.
type Fixture struct {
	Snapshot storage.Snapshot
}

func (f Fixture) WorkshopID() string             { return f.Snapshot.Workshop.ID }
func (f Fixture) Question(i int) domain.Question { return f.Snapshot.Questions[i] }
func (f Fixture) Theme(i int) domain.Theme       { return f.Snapshot.Themes[i] }
func (f Fixture) Table(i int) domain.Table       { return f.Snapshot.Tables[i] }

// Parking returns the "Övrigt / ej sorterat" theme.
func (f Fixture) Parking() domain.Theme {
	for _, t := range f.Snapshot.Themes {
		if t.Parking {
			return t
		}
	}
	panic("no parking theme")
}

// MustWorkshop creates the Ljungskile workshop: 4 questions, the six
// principles as themes, the given number of tables; opens it and question 1.
func MustWorkshop(tb testing.TB, store *storage.Store, w *writer.Writer, tables int) Fixture {
	tb.Helper()
	ctx := context.Background()
	themes, _ := domain.PresetThemes("principles")
	create := &workshop.Create{
		Details: workshop.Details{Name: "Konferens om överenskommelsen", Date: "2013-09-17", Place: "Ljungskile folkhögskola"},
		Questions: []string{
			"Vad ser ni för möjligheter i er nämnd/styrelse att arbeta tillsammans med social ekonomi?",
			"Vilka samarbeten har ni idag?",
			"Hur skulle ni kunna utveckla samarbetet?",
			"Utmaningar?",
		},
		Themes: themes,
		Tables: tables,
	}
	if err := w.Do(ctx, create); err != nil {
		tb.Fatal(err)
	}
	snap, err := store.Snapshot(ctx, create.ID, storage.NoInputs)
	if err != nil {
		tb.Fatal(err)
	}
	if err := w.Do(ctx, &workshop.SetState{WorkshopID: create.ID, State: domain.WorkshopOpen}); err != nil {
		tb.Fatal(err)
	}
	if err := w.Do(ctx, &workshop.SetQuestionState{WorkshopID: create.ID, QuestionID: snap.Questions[0].ID, State: domain.QuestionOpen}); err != nil {
		tb.Fatal(err)
	}
	snap, err = store.Snapshot(ctx, create.ID, storage.NoInputs)
	if err != nil {
		tb.Fatal(err)
	}
	return Fixture{Snapshot: snap}
}
