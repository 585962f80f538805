package main

import (
	"strings"
	"testing"
)

func TestMemTotalReadsMeminfo(t *testing.T) {
	for in, want := range map[string]int64{
		"MemTotal:       24576000 kB\nMemFree:         1000 kB\n": 24576000 << 10,
		"MemFree:         1000 kB\nMemTotal:  2048 kB\n":          2048 << 10,
		"MemTotal: lots\n": 0,
		"":                 0,
	} {
		if got := memTotal(strings.NewReader(in)); got != want {
			t.Errorf("memTotal(%q) = %d, want %d", in, got, want)
		}
	}
}
