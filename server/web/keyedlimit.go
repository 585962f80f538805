package web

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// keyedLimiter caps how often one key may do something: a token bucket per
// key. Tables: a real table of six people writes far less than one answer a
// second; the cap stops a leaked or scripted code from flooding a workshop
// while leaving room for a phone that comes back online and empties a long
// outbox at once (a refused submission is answered "try again", so the phone
// resends it later). Addresses and consultations: how many feedback messages
// or spontaneous respondents may be started.
type keyedLimiter struct {
	perSecond rate.Limit
	burst     int

	mu    sync.Mutex
	byKey map[string]*keyBucket
}

type keyBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newKeyedLimiter(perSecond float64, burst int) *keyedLimiter {
	return &keyedLimiter{perSecond: rate.Limit(perSecond), burst: burst, byKey: map[string]*keyBucket{}}
}

func (l *keyedLimiter) allow(key string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.byKey[key]
	if b == nil {
		if len(l.byKey) >= 4*1024 {
			l.forgetIdle(now)
		}
		b = &keyBucket{lim: rate.NewLimiter(l.perSecond, l.burst)}
		l.byKey[key] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}

// forgetIdle drops keys that have been quiet long enough for their bucket
// to be full again, so forgetting them changes nothing.
func (l *keyedLimiter) forgetIdle(now time.Time) {
	full := time.Duration(float64(l.burst)/float64(l.perSecond)*float64(time.Second)) + time.Second
	for key, b := range l.byKey {
		if now.Sub(b.seen) > full {
			delete(l.byKey, key)
		}
	}
}
