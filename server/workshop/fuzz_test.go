package workshop_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// FuzzSubmit sends arbitrary submissions through the real writer into a real
// database: each is either refused and leaves nothing behind, or stored
// exactly once, cleaned and within the limits. Never a panic, never half.
// Run longer with: go test -fuzz=FuzzSubmit -fuzztime=60s ./server/workshop/
func FuzzSubmit(f *testing.F) {
	store := testutil.MustOpenStore(f)
	w := testutil.MustWriter(f, store, testutil.NewRecorder())
	fx := testutil.MustWorkshop(f, store, w, 2)
	f.Add("01a20529-ed3c-7ce1-be34-7ac01769725e", 0, 0, "Vi samarbetar med Röda Korset")
	f.Add("not-a-uuid", 0, -1, "x")
	f.Add("01A20529-ED3C-7CE1-BE34-7AC01769725E", 1, 2, "  \r\n ")
	f.Add("01a20529-ed3c-7ce1-be34-7ac01769725f", 0, 6, "a\x00b\u200bc\ufeff")
	f.Fuzz(func(t *testing.T, id string, question, theme int, text string) {
		s := &workshop.Submit{WorkshopID: fx.WorkshopID(), TableID: fx.Table(0).ID, ID: id, Text: text}
		if question >= 0 && question < len(fx.Snapshot.Questions) {
			s.QuestionID = fx.Question(question).ID
		}
		if theme >= 0 && theme < len(fx.Snapshot.Themes) {
			s.ThemeID = fx.Theme(theme).ID
		}
		before := count(t, store, fx.WorkshopID())
		res, err := writer.Run(context.Background(), w, s)
		after := count(t, store, fx.WorkshopID())
		switch {
		case err != nil && after != before:
			t.Fatalf("refused (%v) but the database changed: %d → %d rows", err, before, after)
		case err == nil && !res.Duplicate && after != before+1:
			t.Fatalf("accepted but %d → %d rows", before, after)
		case err == nil && res.Duplicate && after != before:
			t.Fatalf("duplicate but %d → %d rows", before, after)
		case err == nil:
			if n := utf8.RuneCountInString(res.Input.Text); n == 0 || n > domain.MaxInputRunes || !utf8.ValidString(res.Input.Text) ||
				strings.ContainsAny(res.Input.Text, "\x00\ufffd") {
				t.Fatalf("stored text of %d characters: %q", n, res.Input.Text)
			}
		}
	})
}

func count(t *testing.T, store *storage.Store, workshopID string) int {
	snap, err := store.Snapshot(context.Background(), workshopID, storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	return len(snap.Inputs)
}

// FuzzCreate feeds the "create workshop" form's fields to the command: it
// either refuses and creates nothing, or creates a workshop whose every
// name and question is within its limits.
func FuzzCreate(f *testing.F) {
	store := testutil.MustOpenStore(f)
	w := testutil.MustWriter(f, store, testutil.NewRecorder())
	f.Add("Konferens om överenskommelsen", "2013-09-17", "Ljungskile", "Vilka samarbeten har ni idag?", "Dialog", 10)
	f.Add("", "17/9", "", "", "", 0)
	f.Add("\u202eevil", "2013-02-30", "<script>", "?\n?\n?", "\x00", 1001)
	f.Fuzz(func(t *testing.T, name, date, place, question, theme string, tables int) {
		before, err := store.ListWorkshops(context.Background(), domain.User{Role: domain.RoleAdmin})
		if err != nil {
			t.Fatal(err)
		}
		c := &workshop.Create{Details: workshop.Details{Name: name, Date: date, Place: place},
			Questions: []string{question}, Themes: []string{theme}, Tables: tables % 50}
		err = w.Do(context.Background(), c)
		after, _ := store.ListWorkshops(context.Background(), domain.User{Role: domain.RoleAdmin})
		if err != nil {
			if len(after) != len(before) {
				t.Fatalf("refused (%v) but a workshop was created", err)
			}
			return
		}
		snap, err := store.Snapshot(context.Background(), c.ID, storage.NoInputs)
		if err != nil {
			t.Fatal(err)
		}
		if n := utf8.RuneCountInString(snap.Workshop.Name); n == 0 || n > domain.MaxNameRunes {
			t.Fatalf("stored name of %d characters", n)
		}
		if len(snap.Tables) != tables%50 || len(snap.Questions) != 1 {
			t.Fatalf("stored %d tables, %d questions", len(snap.Tables), len(snap.Questions))
		}
	})
}
