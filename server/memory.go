package main

import (
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// Go's default (100) collects each time the heap has doubled; every answer
// leaves a few kilobytes of analysis behind, and on a two-core machine the
// collections, run beside the writer, doubled the slowest answers' way to
// the dashboards (p99 at 1,000 answers a second: 24–44 ms with Go's
// default, 12–23 ms with 400; README, "Figures on this machine"). The price
// is memory (peak 370 MB against about 270 MB there), so the heap is also
// held under a soft limit.
const gcPercent = 400

// Soft memory limits, as fractions: of the limit of the container or
// systemd unit the server runs in, or else of the machine's memory, which
// it shares with others.
const (
	cgroupShare  = 0.9
	machineShare = 0.5
)

// tuneMemory sets the garbage collector's target and a soft memory limit,
// each unless GOGC or GOMEMLIMIT is set: near the limit the collector works
// harder, whatever the target.
func tuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	memlimit.Set(memlimit.WithRatio(1), memlimit.WithLogger(slog.Default()), memlimit.WithProvider(memlimit.ApplyFallback(
		memlimit.ApplyRatio(memlimit.FromCgroup, cgroupShare),
		memlimit.ApplyRatio(memlimit.FromSystem, machineShare))))
}
