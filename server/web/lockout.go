package web

import (
	"strings"
	"sync"
	"time"
)

// lockout protects each account from password guessing. After freeFailures
// wrong passwords in a row from one address the account is locked for that
// address for a minute, and each further failure doubles the wait, up to
// maxLock. A correct password clears the count. The lock is kept to the
// failing address, so that anyone who knows an e-mail address cannot lock
// its owner out; guessing from many addresses meets each address's own
// back-off (ratelimit.go), bcrypt and the password rules. Unknown e-mail
// addresses are counted the same way, so the answers do not reveal which
// accounts exist.
type lockout struct {
	now func() time.Time

	mu     sync.Mutex
	byUser map[string]*lockState
}

type lockState struct {
	failures int
	until    time.Time
	last     time.Time
}

const (
	freeFailures = 5
	firstLock    = time.Minute
	maxLock      = 30 * time.Minute
	// forgetAfter: a count this old starts again from zero.
	forgetAfter = 24 * time.Hour
)

func newLockout(now func() time.Time) *lockout {
	return &lockout{now: now, byUser: map[string]*lockState{}}
}

func lockKey(email, addr string) string {
	return strings.ToLower(strings.TrimSpace(email)) + "\x00" + addr
}

// wait says how long the account must wait before the next attempt from
// addr (0: go ahead).
func (l *lockout) wait(email, addr string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.byUser[lockKey(email, addr)]
	if st == nil {
		return 0
	}
	if d := st.until.Sub(l.now()); d > 0 {
		return d
	}
	return 0
}

func (l *lockout) failed(email, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	key := lockKey(email, addr)
	st := l.byUser[key]
	if st == nil || now.Sub(st.last) > forgetAfter {
		if len(l.byUser) > 10000 {
			l.sweep(now)
		}
		st = &lockState{}
		l.byUser[key] = st
	}
	st.failures++
	st.last = now
	if over := st.failures - freeFailures; over >= 0 {
		d := firstLock << min(over, 10)
		st.until = now.Add(min(d, maxLock))
	}
}

func (l *lockout) succeeded(email, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.byUser, lockKey(email, addr))
}

func (l *lockout) sweep(now time.Time) {
	for k, st := range l.byUser {
		if now.Sub(st.last) > forgetAfter {
			delete(l.byUser, k)
		}
	}
}
