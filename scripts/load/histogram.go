package main

import (
	"math"
	"sync"
	"time"
)

// histogram records latencies in logarithmic buckets (2 % wide), so that
// millions of samples cost a few kilobytes and percentiles stay accurate to 2 %.
type histogram struct {
	mu     sync.Mutex
	counts []uint64
	n      uint64
	max    time.Duration
}

const (
	histBase   = 1.02
	histMinNs  = 1000 // 1 µs
	histBucket = 1200 // up to 1 µs × 1.02^1200 ≈ 20 000 s
)

func newHistogram() *histogram { return &histogram{counts: make([]uint64, histBucket)} }

func bucketOf(d time.Duration) int {
	if d < histMinNs {
		return 0
	}
	i := int(math.Log(float64(d)/histMinNs) / math.Log(histBase))
	return min(i, histBucket-1)
}

func (h *histogram) add(d time.Duration) {
	h.mu.Lock()
	h.counts[bucketOf(d)]++
	h.n++
	if d > h.max {
		h.max = d
	}
	h.mu.Unlock()
}

// quantile returns the upper edge of the bucket holding quantile q (0..1).
func (h *histogram) quantile(q float64) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == 0 {
		return 0
	}
	want := uint64(math.Ceil(q * float64(h.n)))
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= want {
			return min(time.Duration(histMinNs*math.Pow(histBase, float64(i+1))), h.max)
		}
	}
	return h.max
}

func (h *histogram) count() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n
}
