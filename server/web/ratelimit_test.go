package web

import (
	"testing"
	"time"
)

func TestFailureLimiterBacksOffExponentially(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newFailureLimiter(3, time.Second, time.Minute, time.Hour)
	l.now = func() time.Time { return now }
	try := func(key string, failed bool) bool {
		ok, _ := l.admit(key)
		if ok {
			l.done(key, failed)
		}
		return ok
	}
	for i := 0; i < 3; i++ {
		if !try("10.0.0.1", true) {
			t.Fatalf("refused after %d failures, 3 are free", i)
		}
	}
	// Held back: one attempt per period, the period doubling with each failure.
	for _, wait := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second} {
		if ok, left := l.admit("10.0.0.1"); ok || left != wait {
			t.Fatalf("admitted %v, wait %v, want refused for %v", ok, left, wait)
		}
		now = now.Add(wait)
		if !try("10.0.0.1", true) {
			t.Fatalf("refused after waiting %v", wait)
		}
	}
	if ok, _ := l.admit("10.0.0.2"); !ok {
		t.Error("another address was held back")
	}
	l.done("10.0.0.2", false)
	// The wait stops growing at max, and a quiet address starts again.
	for i := 0; i < 20; i++ {
		now = now.Add(time.Hour / 2)
		try("10.0.0.1", true)
	}
	if _, left := l.admit("10.0.0.1"); left != time.Minute {
		t.Errorf("wait %v, want the maximum of a minute", left)
	}
	now = now.Add(2 * time.Hour)
	for i := 0; i < 3; i++ {
		if !try("10.0.0.1", true) {
			t.Fatalf("after a quiet hour, refused after %d failures", i)
		}
	}
}

func TestFailureLimiterCountsAttemptsInFlight(t *testing.T) {
	l := newFailureLimiter(5, time.Second, time.Minute, time.Hour)
	admitted := 0
	for i := 0; i < 100; i++ {
		if ok, _ := l.admit("10.0.0.1"); ok {
			admitted++
		}
	}
	// 5 free, then one for the first back-off period.
	if admitted != 6 {
		t.Errorf("%d parallel attempts admitted, want 6", admitted)
	}
}

func TestFailureLimiterTrustsReachedWorkshops(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newFailureLimiter(1, time.Minute, time.Hour, time.Hour)
	l.now = func() time.Time { return now }
	l.trust("venue", "w1")
	if !l.trusts("venue", "w1") || l.trusts("venue", "w2") || l.trusts("elsewhere", "w1") {
		t.Error("trust is per address and workshop")
	}
	now = now.Add(trustFor)
	if l.trusts("venue", "w1") {
		t.Error("trust outlived a day")
	}
}
