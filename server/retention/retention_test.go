package retention_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/retention"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

func TestSweepDeletesOnlyDueInputAndRedactsTheLog(t *testing.T) {
	ctx := context.Background()
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	old := testutil.MustWorkshop(t, store, w, 2) // held 2013-09-17, kept 12 months by default
	recent := testutil.MustWorkshop(t, store, w, 2)
	keep := audit.Audited{Command: &workshop.SetRetention{WorkshopID: recent.WorkshopID(), Months: 0}, Actor: domain.SystemActor}
	if err := w.Do(ctx, keep); err != nil {
		t.Fatal(err)
	}
	for _, f := range []testutil.Fixture{old, recent} {
		in := &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: f.Table(0).ID, ID: uuid.NewString(),
			QuestionID: f.Question(0).ID, Text: "Mötesplatser i varje kommun"}
		stored, err := writer.Run(ctx, w, in)
		if err != nil {
			t.Fatal(err)
		}
		hide := audit.Audited{Command: &workshop.Moderate{WorkshopID: f.WorkshopID(), InputID: stored.Input.ID, Action: workshop.ActEdit,
			Text: "Mötesplatser i alla kommuner"}, Actor: domain.Actor{ID: "u1", Name: "Anna"}}
		if err := w.Do(ctx, hide); err != nil {
			t.Fatal(err)
		}
	}

	n, err := retention.Sweep(ctx, store, w, time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC))
	if err != nil || n != 1 {
		t.Fatalf("sweep: %d purged, %v; want 1", n, err)
	}
	count := func(id string) int {
		c := 0
		store.EachInput(ctx, id, func(domain.Input) error { c++; return nil })
		return c
	}
	if count(old.WorkshopID()) != 0 || count(recent.WorkshopID()) != 1 {
		t.Errorf("inputs left: old %d (want 0), kept %d (want 1)", count(old.WorkshopID()), count(recent.WorkshopID()))
	}
	entries, err := store.AuditEntries(ctx, storage.AuditFilter{EventID: old.WorkshopID()})
	if err != nil {
		t.Fatal(err)
	}
	var purged, redacted bool
	for _, e := range entries {
		if e.Action == "retention.purge" && strings.Contains(e.After, `"deletedInputs":1`) {
			purged = true
		}
		if e.Action == "input.edit" {
			redacted = e.Redacted && e.Before == "" && e.After == ""
		}
	}
	if !purged || !redacted {
		t.Errorf("audit: purge logged %v, edit redacted %v", purged, redacted)
	}
	kept, _ := store.AuditEntries(ctx, storage.AuditFilter{EventID: recent.WorkshopID()})
	for _, e := range kept {
		if e.Action == "input.edit" && (e.Redacted || !strings.Contains(e.After, "alla kommuner")) {
			t.Errorf("the kept workshop's log lost its content: %+v", e)
		}
	}
	// A second sweep finds nothing more to do.
	if n, err := retention.Sweep(ctx, store, w, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)); n != 0 || err != nil {
		t.Errorf("second sweep: %d, %v", n, err)
	}
}
