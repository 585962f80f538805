package main

import (
	"fmt"
	"io"
	"runtime"
	"time"
)

type report struct {
	cfg      config
	workshop string
	pid      int
	notes    []string

	joinErrors    int64
	connected     int
	connectTime   time.Duration
	rssBefore     int64
	rssConnected  int64
	cpuBefore     int64
	cpuAfter      int64
	selfCPUBefore int64
	selfCPUAfter  int64

	sendStart     time.Time
	sendTime      time.Duration
	ackTime       time.Duration
	submitted     int64
	acked         int64
	duplicateAcks int64
	ackLatency    *histogram
	dashLatency   *histogram

	stormTime     time.Duration
	stormDone     bool
	stormResynced int

	restart *restartResult

	dashMissed     int64
	dashDuplicates int64
	lost           int64
	refused        int64
	errors         int64
	stored         int
	storedDistinct int
}

// clean reports whether nothing was lost, doubled or refused.
func (r *report) clean() bool {
	unique := r.acked
	return r.lost == 0 && r.refused == 0 && r.errors == 0 && r.dashMissed == 0 && r.dashDuplicates == 0 &&
		r.stored == r.storedDistinct && int64(r.stored) == unique && unique == r.submitted &&
		(!r.cfg.storm || r.stormDone) && (r.cfg.restartAfter == 0 || (r.restart != nil && r.restart.done && r.restart.snapshots == 0))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func (r *report) print(w io.Writer) {
	c := r.cfg
	fmt.Fprintf(w, "Samråd load test against %s (workshop %s)\n", c.url, r.workshop)
	fmt.Fprintf(w, "  connections held: %d phones over %d tables + %d dashboards (phones connected in %.1f s)\n",
		r.connected, c.tables, c.dashboards, r.connectTime.Seconds())
	if r.pid != 0 {
		conns := int64(r.connected + c.dashboards)
		per := float64(r.rssConnected-r.rssBefore) / float64(max(conns, 1))
		fmt.Fprintf(w, "  server memory (pid %d): %.0f MiB before, %.0f MiB connected: %.1f KiB per connection\n",
			r.pid, float64(r.rssBefore)/1024, float64(r.rssConnected)/1024, per)
	}
	if r.sendTime > 0 {
		fmt.Fprintf(w, "  sent %d inputs in %.1f s (target %.0f/s); acknowledged %d (%.0f/s while sending)\n",
			r.submitted, r.sendTime.Seconds(), c.rate, r.acked, float64(r.acked)/r.ackTime.Seconds())
		if r.pid != 0 && r.cpuAfter > r.cpuBefore {
			fmt.Fprintf(w, "  CPU while sending: server %.2f cores, load tool %.2f cores (of %d)\n",
				float64(r.cpuAfter-r.cpuBefore)/100/r.ackTime.Seconds(),
				float64(r.selfCPUAfter-r.selfCPUBefore)/100/r.ackTime.Seconds(), runtime.NumCPU())
		}
		h := r.ackLatency
		fmt.Fprintf(w, "  submit → ack:       p50 %s  p99 %s  p99.9 %s  max %s  (%d samples)\n",
			ms(h.quantile(0.5)), ms(h.quantile(0.99)), ms(h.quantile(0.999)), ms(h.quantile(1)), h.count())
		h = r.dashLatency
		fmt.Fprintf(w, "  submit → dashboard: p50 %s  p99 %s  p99.9 %s  max %s  (%d deliveries)\n",
			ms(h.quantile(0.5)), ms(h.quantile(0.99)), ms(h.quantile(0.999)), ms(h.quantile(1)), h.count())
	}
	if rs := r.restart; rs != nil {
		fmt.Fprintf(w, "  restart: old server gone %.1f s after SIGTERM, new one up after %.1f s; %d of %d phones and all %d dashboards in step %.1f s later; snapshots instead of resumes: %d\n",
			rs.exited.Seconds(), rs.up.Seconds(), rs.phones, r.connected, c.dashboards, rs.resynced.Seconds(), rs.snapshots)
	}
	if c.storm {
		fmt.Fprintf(w, "  reconnect storm: %d of %d phones resynchronised in %.1f s after the first drop\n",
			r.stormResynced, r.connected, r.stormTime.Seconds())
	}
	fmt.Fprintf(w, "  stored %d inputs (%d distinct); acknowledged %d, of which %d only on a resend (answered as duplicates)\n",
		r.stored, r.storedDistinct, r.acked, r.duplicateAcks)
	fmt.Fprintf(w, "  errors %d, join errors %d, refused %d, duplicates %d, losses %d, missed on dashboards %d\n",
		r.errors, r.joinErrors, r.refused, r.dashDuplicates+int64(r.stored-r.storedDistinct), r.lost, r.dashMissed)
	for _, n := range r.notes {
		fmt.Fprintln(w, "  note:", n)
	}
	if r.clean() {
		fmt.Fprintln(w, "  result: OK, every input acknowledged once, stored once, seen by every dashboard")
	} else {
		fmt.Fprintln(w, "  result: FAILED")
	}
}
