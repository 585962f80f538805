package web

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// tableLimiter caps how fast one table code may submit. A real table of six
// people writes far less than one answer a second; the cap stops a leaked or
// scripted code from flooding a workshop while leaving room for a phone
// that comes back online and empties a long outbox at once. A refused
// submission is answered "try again", so the phone resends it later.
type tableLimiter struct {
	perSecond rate.Limit
	burst     int

	mu      sync.Mutex
	byTable map[string]*tableBucket
}

type tableBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newTableLimiter(perSecond float64, burst int) *tableLimiter {
	return &tableLimiter{perSecond: rate.Limit(perSecond), burst: burst, byTable: map[string]*tableBucket{}}
}

func (l *tableLimiter) allow(tableID string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.byTable[tableID]
	if b == nil {
		if len(l.byTable) >= 4*1024 {
			l.forgetIdle(now)
		}
		b = &tableBucket{lim: rate.NewLimiter(l.perSecond, l.burst)}
		l.byTable[tableID] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}

// forgetIdle drops tables that have been quiet long enough for their bucket
// to be full again, so forgetting them changes nothing.
func (l *tableLimiter) forgetIdle(now time.Time) {
	full := time.Duration(float64(l.burst)/float64(l.perSecond)*float64(time.Second)) + time.Second
	for id, b := range l.byTable {
		if now.Sub(b.seen) > full {
			delete(l.byTable, id)
		}
	}
}
