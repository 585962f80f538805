package writer_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
)

// BenchmarkSubmit measures the write path: validation, an idempotent insert
// under a savepoint, a sequence number, a durable group commit
// (synchronous=FULL), the publish. With 1 caller every submission is its own
// commit; with many, commits are shared and throughput rises.
func BenchmarkSubmit(b *testing.B) {
	for _, callers := range []int{1, 16, 256} {
		b.Run(fmt.Sprintf("callers=%d", callers), func(b *testing.B) {
			store := testutil.MustOpenStore(b)
			w := testutil.MustWriter(b, store, discard{})
			f := testutil.MustWorkshop(b, store, w, 10)
			before := w.Stats()
			b.ResetTimer()
			var wg sync.WaitGroup
			per := (b.N + callers - 1) / callers
			for c := 0; c < callers; c++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < per; i++ {
						if err := run(context.Background(), w, submit(f, "Fler långsiktiga samarbeten med föreningarna")); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.StopTimer()
			st := w.Stats()
			commits := st.Commits - before.Commits
			b.ReportMetric(float64(st.Commands-before.Commands)/float64(max(commits, 1)), "inputs/commit")
			b.ReportMetric(float64(st.CommitNs-before.CommitNs)/float64(max(commits, 1))/1e3, "µs/commit")
		})
	}
}

type discard struct{}

func (discard) Publish([]domain.Change) {}
