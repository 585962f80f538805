package web

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/workshop"
)

// failureLimiter slows down guessing (table and event codes, passwords) per
// address, and limits failures, not people: a whole conference shares one
// Wi-Fi address, and one person there mistyping (or trying codes on
// purpose) must not lock the others out.
//
// An address may fail free times. After that it is held back: one attempt
// per back-off period, which starts at first and doubles with every further
// failure up to max (after 12 doublings, one guess an hour). Attempts in
// flight count as failures until they are decided, so a burst of parallel
// requests cannot slip past the count. A quiet address starts again after
// forget.
//
// While an address is held back, a code of a workshop that someone at that
// address has already reached still works (trust): the phones of a venue go
// on joining their tables and reconnecting. Whoever is guessing learns
// nothing from that: those codes are printed on the tables in the same room.
type failureLimiter struct {
	free   int
	first  time.Duration
	max    time.Duration
	forget time.Duration
	now    func() time.Time

	mu    sync.Mutex
	byKey map[string]*attempts
}

type attempts struct {
	failures int       // in this episode
	pending  int       // attempts in flight
	last     time.Time // the last failure
	until    time.Time // held back until then (once failures >= free)
	trusted  map[string]time.Time
}

const (
	// trustFor: how long a workshop reached from an address stays open to it
	// while the address is held back (a workshop day).
	trustFor = 24 * time.Hour
	// maxTrusted workshops are remembered per address.
	maxTrusted = 64
	// maxAddresses: above this many, quiet addresses are forgotten.
	maxAddresses = 10000
)

func newFailureLimiter(free int, first, max, forget time.Duration) *failureLimiter {
	return &failureLimiter{free: free, first: first, max: max, forget: forget, now: time.Now, byKey: map[string]*attempts{}}
}

func (l *failureLimiter) record(key string, now time.Time) *attempts {
	a := l.byKey[key]
	if a == nil {
		if len(l.byKey) >= maxAddresses {
			l.sweep(now)
		}
		a = &attempts{}
		l.byKey[key] = a
	}
	if a.failures > 0 && a.pending == 0 && now.Sub(a.last) > l.forget && !now.Before(a.until) {
		a.failures, a.until = 0, time.Time{}
	}
	return a
}

// backoff is the wait after the n-th failure (n >= free).
func (l *failureLimiter) backoff(n int) time.Duration {
	return min(l.first<<min(n-l.free, 30), l.max)
}

// admit decides whether the address may make an attempt now. If it may,
// the caller must report the outcome with done. If not, wait says for how long.
func (l *failureLimiter) admit(key string) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	a := l.record(key, now)
	if a.failures+a.pending < l.free {
		a.pending++
		return true, 0
	}
	if now.Before(a.until) {
		return false, a.until.Sub(now)
	}
	// One attempt per back-off period: the period starts now, whatever the
	// outcome, so parallel requests cannot share it.
	a.pending++
	a.until = now.Add(l.backoff(max(a.failures, l.free)))
	return true, 0
}

// done reports the outcome of an admitted attempt.
func (l *failureLimiter) done(key string, failed bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	a := l.record(key, now)
	a.pending = max(0, a.pending-1)
	if failed {
		a.failures++
		a.last = now
		if a.failures >= l.free {
			a.until = now.Add(l.backoff(a.failures))
		}
	}
}

// trust opens a workshop to the address while it is held back.
func (l *failureLimiter) trust(key, workshopID string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	a := l.record(key, now)
	if a.trusted == nil {
		a.trusted = map[string]time.Time{}
	}
	if _, known := a.trusted[workshopID]; !known && len(a.trusted) >= maxTrusted {
		oldest := ""
		for id, at := range a.trusted {
			if oldest == "" || at.Before(a.trusted[oldest]) {
				oldest = id
			}
		}
		delete(a.trusted, oldest)
	}
	a.trusted[workshopID] = now
}

func (l *failureLimiter) trusts(key, workshopID string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	at, ok := l.record(key, now).trusted[workshopID]
	return ok && now.Sub(at) < trustFor
}

// sweep forgets addresses with nothing left to remember, so the map does
// not grow with every address ever seen.
func (l *failureLimiter) sweep(now time.Time) {
	for k, a := range l.byKey {
		if a.pending == 0 && now.Sub(a.last) > l.forget && !now.Before(a.until) {
			fresh := false
			for _, at := range a.trusted {
				fresh = fresh || now.Sub(at) < trustFor
			}
			if !fresh {
				delete(l.byKey, k)
			}
		}
	}
}

// refuse answers a held-back attempt: 429, with when to try again.
func refuse(c *fiber.Ctx, wait time.Duration) error {
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(wait.Seconds())+1))
	return domain.Errorf(domain.KindRateLimited, "rate_limited")
}

// failedLookup reports whether a guarded handler said "no such code".
func failedLookup(c *fiber.Ctx, err error) bool {
	return err != nil && domain.IsKind(err, domain.KindNotFound) || c.Response().StatusCode() == fiber.StatusNotFound
}

// codeGuard protects the routes that take a six-character table or event
// code (:code, or ?code= on /join). It must run before settle, so that it
// sees each response's final status.
func (s *Server) codeGuard(l *failureLimiter) fiber.Handler {
	return func(c *fiber.Ctx) error {
		key := c.IP()
		code := c.Params("code")
		if code == "" {
			code = c.Query("code")
		}
		w := s.workshopOfCode(c, code)
		if w != "" && l.trusts(key, w) {
			return c.Next()
		}
		ok, wait := l.admit(key)
		if !ok {
			return refuse(c, wait)
		}
		err := c.Next()
		failed := failedLookup(c, err)
		l.done(key, failed)
		if w != "" && err == nil && c.Response().StatusCode() < fiber.StatusBadRequest {
			l.trust(key, w)
		}
		return err
	}
}

// workshopOfCode names the workshop a table or event code belongs to, or "".
func (s *Server) workshopOfCode(c *fiber.Ctx, code string) string {
	code = workshop.NormalizeCode(code)
	if code == "" {
		return ""
	}
	if t, err := s.store.TableByCode(c.UserContext(), code); err == nil {
		// The handler behind the guard looks the table up again otherwise:
		// a venue's phones reconnecting at once wait for each read.
		c.Locals(localTableByCode, t)
		return t.WorkshopID
	}
	if w, err := s.store.WorkshopByJoinCode(c.UserContext(), code); err == nil {
		return w.ID
	}
	return ""
}

// passwordGuard protects logging in: failures per address, as codeGuard,
// but nothing is trusted (a correct password is what is being guessed).
// Each account has its own lock besides (lockout.go).
func passwordGuard(l *failureLimiter) fiber.Handler {
	return func(c *fiber.Ctx) error {
		key := c.IP()
		ok, wait := l.admit(key)
		if !ok {
			return refuse(c, wait)
		}
		err := c.Next()
		l.done(key, err != nil && domain.IsKind(err, domain.KindUnauthorized) || c.Response().StatusCode() == fiber.StatusUnauthorized)
		return err
	}
}

// tableByCode is the table with a code, as the code guard found it for this
// request, or from the database.
func (s *Server) tableByCode(c *fiber.Ctx, code string) (domain.Table, error) {
	if t, ok := c.Locals(localTableByCode).(domain.Table); ok && t.Code == code {
		return t, nil
	}
	return s.store.TableByCode(c.UserContext(), code)
}
