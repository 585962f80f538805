package main

import (
	"bufio"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// Go's default (100) collects each time the heap has doubled; every answer
// leaves a few kilobytes of analysis behind, and on a two-core machine the
// collections, run beside the writer, doubled the slowest answers' way to
// the dashboards (p99 at 1,000 answers a second: 24–44 ms with Go's
// default, 12–23 ms with 400; README, "Figures on this machine"). The price
// is memory (peak 370 MB against about 270 MB there), so the heap is also
// held under half the machine's memory.
const gcPercent = 400

// tuneMemory sets the garbage collector's target, and a soft memory limit
// of half the machine's (or container's) memory, each unless GOGC or
// GOMEMLIMIT is set: near the limit the collector works harder, whatever
// the target.
func tuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if total := machineMemory(); total > 0 {
		debug.SetMemoryLimit(total / 2)
		slog.Info("memory", "soft_limit_mib", total/2>>20)
	}
}

// machineMemory is the memory this process may use, in bytes: the
// container's limit (cgroup v2) if it has one, else the machine's; 0 if
// neither can be read.
func machineMemory() int64 {
	total := int64(0)
	if f, err := os.Open("/proc/meminfo"); err == nil {
		total = memTotal(f)
		f.Close()
	}
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if limit, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && limit > 0 && (total == 0 || limit < total) {
			total = limit // "max" (no limit) does not parse
		}
	}
	return total
}

// memTotal reads MemTotal from /proc/meminfo ("MemTotal:  24576000 kB").
func memTotal(r io.Reader) int64 {
	s := bufio.NewScanner(r)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) == 3 && fields[0] == "MemTotal:" && fields[2] == "kB" {
			if kb, err := strconv.ParseInt(fields[1], 10, 64); err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
