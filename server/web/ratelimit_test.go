package web

import (
	"testing"
	"time"
)

func TestFailureLimiter(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newFailureLimiter(3, time.Minute)
	l.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		if l.blocked("10.0.0.1") {
			t.Fatalf("blocked after %d failures, limit 3", i)
		}
		l.fail("10.0.0.1")
	}
	if !l.blocked("10.0.0.1") {
		t.Error("not blocked after 3 failures")
	}
	if l.blocked("10.0.0.2") {
		t.Error("another address was blocked")
	}
	now = now.Add(time.Minute)
	if l.blocked("10.0.0.1") {
		t.Error("still blocked after the window")
	}
}
