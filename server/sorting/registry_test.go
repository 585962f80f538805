package sorting_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/sorting"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// A model built while answers are being committed misses none of them: the
// build reads what was committed before it, the learner applies what came
// after, in order. Each answer has a twin saying the same, so the model
// knows an answer exactly when it finds the twin.
func TestBuildWhileAnswersArriveMissesNone(t *testing.T) {
	store := testutil.MustOpenStore(t)
	models := sorting.New(store)
	w := testutil.MustWriter(t, store, models)
	models.Start(func(ctx context.Context, cmd *workshop.Resuggest) error { return w.Do(ctx, cmd) })
	t.Cleanup(models.Close)
	f := testutil.MustWorkshop(t, store, w, 2)
	ctx := context.Background()

	const pairs = 60
	ids := make([][2]string, pairs)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range pairs {
			// Two made-up words per pair, known to no word group: only the twin shares them.
			text := fmt.Sprintf("blomkvast%c%c och trädgårdsnisse%c%c", 'a'+i%26, 'a'+i/26, 'a'+i%26, 'a'+i/26)
			for k := range 2 {
				id := uuid.Must(uuid.NewV7()).String()
				ids[i][k] = id
				cmd := &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: f.Table(k).ID, ID: id,
					QuestionID: f.Question(0).ID, Text: text}
				if _, err := writerRun(ctx, w, cmd); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	// The first use builds the model while the answers flow in.
	time.Sleep(5 * time.Millisecond)
	if _, err := models.SuggestText(ctx, f.WorkshopID(), "en fråga"); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; i < pairs; {
		list, err := models.SimilarTo(ctx, f.WorkshopID(), ids[i][0])
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 1 && list[0].ID == ids[i][1] {
			i++
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("pair %d: similar %+v, want its twin %s: the model missed an answer", i, list, ids[i][1])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func writerRun(ctx context.Context, w *writer.Writer, cmd *workshop.Submit) (workshop.Submitted, error) {
	return writer.Run(ctx, w, cmd)
}
