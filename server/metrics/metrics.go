// Package metrics counts what an operator needs to see a workshop day
// coming: connections, inputs, the writer's queue and commit times, plus the
// Go runtime's own figures, in Prometheus text format.
package metrics

import (
	"io"
	"time"

	vm "github.com/VictoriaMetrics/metrics"

	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/writer"
)

type Metrics struct {
	set           *vm.Set
	commitSeconds *vm.Summary
	commitBatch   *vm.Summary
	submitSeconds *vm.Summary
	inputs        *vm.Counter
	duplicates    *vm.Counter
}

func New() *Metrics {
	s := vm.NewSet()
	return &Metrics{
		set:           s,
		commitSeconds: s.NewSummary("samrad_commit_duration_seconds"),
		commitBatch:   s.NewSummary("samrad_commit_batch_commands"),
		submitSeconds: s.NewSummary("samrad_submit_duration_seconds"),
		inputs:        s.NewCounter("samrad_inputs_stored_total"),
		duplicates:    s.NewCounter("samrad_inputs_duplicate_total"),
	}
}

// Commit is the writer's hook: one transaction of n commands took d.
func (m *Metrics) Commit(n int, d time.Duration) {
	m.commitSeconds.Update(d.Seconds())
	m.commitBatch.Update(float64(n))
}

// Input counts an acknowledged submission and how long the server took from
// reading it to queuing its acknowledgement; a duplicate is a resend of one
// already stored.
func (m *Metrics) Input(duplicate bool, took time.Duration) {
	m.submitSeconds.Update(took.Seconds())
	if duplicate {
		m.duplicates.Inc()
		return
	}
	m.inputs.Inc()
}

// Watch exposes the hub's and the writer's live figures.
func (m *Metrics) Watch(h *live.Hub, w *writer.Writer) {
	m.set.NewGauge("samrad_connections_phones", func() float64 { return float64(h.Stats().Phones) })
	m.set.NewGauge("samrad_connections_dashboards", func() float64 { return float64(h.Stats().Dashboards) })
	m.set.NewGauge("samrad_connections_answer_forms", func() float64 { return float64(h.Stats().Forms) })
	m.set.NewGauge("samrad_connections_overviews", func() float64 { return float64(h.Stats().Overviews) })
	m.set.NewGauge("samrad_messages_queued_total", func() float64 { return float64(h.Stats().Sent) })
	m.set.NewGauge("samrad_clients_dropped_total", func() float64 { return float64(h.Stats().Dropped) })
	m.set.NewGauge("samrad_writer_queue_depth", func() float64 { return float64(w.Stats().Queued) })
	m.set.NewGauge("samrad_writer_commands_total", func() float64 { return float64(w.Stats().Commands) })
	m.set.NewGauge("samrad_writer_commits_total", func() float64 { return float64(w.Stats().Commits) })
	m.set.NewGauge("samrad_writer_failed_commits_total", func() float64 { return float64(w.Stats().Failed) })
}

// Write writes every metric in Prometheus text format.
func (m *Metrics) Write(w io.Writer) {
	m.set.WritePrometheus(w)
	vm.WriteProcessMetrics(w)
}
