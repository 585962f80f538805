package web

import (
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
)

// failureLimiter slows down guessing (table codes, passwords): an address
// that has failed max times within the window is refused until the window
// ends. Only failures count, and only once they have happened: a whole
// conference behind one Wi-Fi address reconnecting at once after a restart
// must not lock itself out. (Fiber's limiter counts every request on
// arrival and forgives successes afterwards, which does exactly that.)
type failureLimiter struct {
	max    int
	window time.Duration
	now    func() time.Time

	mu    sync.Mutex
	byKey map[string]*failures
}

type failures struct {
	count int
	until time.Time
}

func newFailureLimiter(max int, window time.Duration) *failureLimiter {
	return &failureLimiter{max: max, window: window, now: time.Now, byKey: map[string]*failures{}}
}

// handler must run before settle, so that it sees each response's final status.
func (l *failureLimiter) handler(c *fiber.Ctx) error {
	key := c.IP()
	if l.blocked(key) {
		return domain.Errorf(domain.KindRateLimited, "rate_limited")
	}
	err := c.Next()
	if status := c.Response().StatusCode(); err != nil || status >= fiber.StatusBadRequest && status != fiber.StatusTooManyRequests {
		l.fail(key)
	}
	return err
}

func (l *failureLimiter) blocked(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.byKey[key]
	return f != nil && f.count >= l.max && l.now().Before(f.until)
}

func (l *failureLimiter) fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := l.byKey[key]
	if f == nil || !now.Before(f.until) {
		if len(l.byKey) > 10000 {
			l.sweep(now)
		}
		f = &failures{until: now.Add(l.window)}
		l.byKey[key] = f
	}
	f.count++
}

// sweep forgets windows that have ended, so the map does not grow with
// every address ever seen.
func (l *failureLimiter) sweep(now time.Time) {
	for k, f := range l.byKey {
		if !now.Before(f.until) {
			delete(l.byKey, k)
		}
	}
}
