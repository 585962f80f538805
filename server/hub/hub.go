// Package hub fans committed changes out to live connections. Each change is
// encoded once per audience; each connection has a bounded queue, and a
// connection whose queue is full is dropped rather than waited for: it
// reconnects and resumes from the last sequence number it saw.
package hub

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/samrad-se/samrad/server/domain"
)

// Queue lengths, in messages. A phone receives only its table's input and
// the occasional question change; a dashboard receives everything, but its
// writer sends whatever has queued up as one message, so it rarely holds many.
const (
	PhoneQueue     = 64
	DashboardQueue = 8192
	// RingSize is how many recent changes per workshop are kept for resuming;
	// a client further behind gets a snapshot instead.
	RingSize = 4096
)

// Close codes sent to clients the hub lets go of.
const (
	CodeTooSlow       = 4000 // queue overflowed: reconnect and resume
	CodeGoingAway     = 1001
	CodeServerRestart = 1012 // server shutting down: reconnect in a moment
)

type topic struct {
	mu         sync.Mutex
	dashboards map[*Client]struct{}
	phones     map[string]map[*Client]struct{} // by table id
	ring       []entry                         // circular, oldest at ringHead once full
	ringHead   int
}

func (t *topic) remember(e entry) {
	if len(t.ring) < RingSize {
		t.ring = append(t.ring, e)
		return
	}
	t.ring[t.ringHead] = e
	t.ringHead = (t.ringHead + 1) % RingSize
}

// since returns the entries after seq in order, or false if the ring does not
// reach back that far (or seq is ahead of it, as after a database restore).
func (t *topic) since(seq int64) ([]entry, bool) {
	n := len(t.ring)
	if n == 0 {
		return nil, false
	}
	oldest, newest := t.ring[t.ringHead], t.ring[(t.ringHead+n-1)%n]
	if seq < oldest.seq-1 || seq > newest.seq {
		return nil, false
	}
	out := make([]entry, 0, newest.seq-seq)
	for i := 0; i < n; i++ {
		e := t.ring[(t.ringHead+i)%n]
		if e.seq > seq {
			out = append(out, e)
		}
	}
	return out, true
}

type Hub struct {
	mu     sync.RWMutex
	topics map[string]*topic
	closed bool

	phones     atomic.Int64
	dashboards atomic.Int64
	dropped    atomic.Int64
	sent       atomic.Int64
}

func New() *Hub { return &Hub{topics: map[string]*topic{}} }

func (h *Hub) topic(workshopID string) *topic {
	h.mu.RLock()
	t := h.topics[workshopID]
	h.mu.RUnlock()
	if t != nil {
		return t
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if t = h.topics[workshopID]; t == nil {
		t = &topic{dashboards: map[*Client]struct{}{}, phones: map[string]map[*Client]struct{}{}}
		// The key outlives the caller's request: never keep a borrowed string.
		h.topics[strings.Clone(workshopID)] = t
	}
	return t
}

// Publish delivers committed changes. It never blocks on a client.
func (h *Hub) Publish(changes []domain.Change) {
	for _, c := range changes {
		e := encodeChange(c)
		t := h.topic(c.WorkshopID)
		t.mu.Lock()
		t.remember(e)
		for cl := range t.dashboards {
			h.offer(t, cl, e.forDash)
		}
		switch c.Audience {
		case domain.ToTable:
			for cl := range t.phones[c.TableID] {
				if cl != c.Origin {
					h.offer(t, cl, e.forPhone)
				}
			}
		case domain.ToEveryone:
			for _, table := range t.phones {
				for cl := range table {
					h.offer(t, cl, e.forPhone)
				}
			}
		}
		t.mu.Unlock()
	}
}

// offer queues a message or, if the client's queue is full, lets the client go.
// Called with t.mu held.
func (h *Hub) offer(t *topic, c *Client, msg []byte) {
	if c.push(msg) {
		h.sent.Add(1)
		return
	}
	h.detach(t, c)
	c.End(CodeTooSlow)
	h.dropped.Add(1)
}

// Subscribe attaches a client to a workshop: a dashboard when tableID is
// empty, else a phone of that table. wake is called whenever the client
// needs a writer (see Client). If the client has seen changes up to since
// (>= 0) and they are still remembered, the missed ones are queued for it at
// once; otherwise Subscribe reports that the client needs a snapshot. Either
// way nothing is written until the connection calls Start with its opening
// message. Registration and the replay happen under one lock, so nothing
// published in between is missed or doubled.
func (h *Hub) Subscribe(workshopID, tableID string, since int64, wake func()) (c *Client, needSnapshot bool) {
	size := DashboardQueue
	if tableID != "" {
		size = PhoneQueue
	}
	c = newClient(workshopID, tableID, size, wake)
	h.mu.RLock()
	closed := h.closed
	h.mu.RUnlock()
	if closed {
		c.End(CodeServerRestart)
		return c, false
	}
	t := h.topic(workshopID)
	t.mu.Lock()
	defer t.mu.Unlock()
	if tableID == "" {
		t.dashboards[c] = struct{}{}
		h.dashboards.Add(1)
	} else {
		if t.phones[tableID] == nil {
			t.phones[tableID] = map[*Client]struct{}{}
		}
		t.phones[tableID][c] = struct{}{}
		h.phones.Add(1)
	}
	missed, ok := t.since(since)
	if since < 0 || !ok {
		return c, true
	}
	var replay [][]byte
	for i := range missed {
		if msg := missed[i].frameFor(c); msg != nil {
			replay = append(replay, msg)
		}
	}
	// More missed changes than the queue holds would get the client dropped
	// again on every reconnect: a snapshot is cheaper anyway.
	if len(replay) > size/2 {
		return c, true
	}
	for _, msg := range replay {
		h.offer(t, c, msg)
	}
	return c, false
}

// Unsubscribe detaches a client whose connection has ended.
func (h *Hub) Unsubscribe(c *Client) {
	t := h.topic(c.workshopID)
	t.mu.Lock()
	h.detach(t, c)
	t.mu.Unlock()
}

func (h *Hub) detach(t *topic, c *Client) {
	if c.tableID == "" {
		if _, ok := t.dashboards[c]; ok {
			delete(t.dashboards, c)
			h.dashboards.Add(-1)
		}
		return
	}
	if table := t.phones[c.tableID]; table != nil {
		if _, ok := table[c]; ok {
			delete(table, c)
			h.phones.Add(-1)
		}
		if len(table) == 0 {
			delete(t.phones, c.tableID)
		}
	}
}

// Shutdown tells every client to go (they reconnect to the next server
// process) and refuses new subscriptions.
func (h *Hub) Shutdown() {
	h.mu.Lock()
	h.closed = true
	topics := make([]*topic, 0, len(h.topics))
	for _, t := range h.topics {
		topics = append(topics, t)
	}
	h.mu.Unlock()
	for _, t := range topics {
		t.mu.Lock()
		for c := range t.dashboards {
			c.End(CodeServerRestart)
		}
		for _, table := range t.phones {
			for c := range table {
				c.End(CodeServerRestart)
			}
		}
		t.mu.Unlock()
	}
}

// Stats are live counters for metrics and the load tool.
type Stats struct {
	Phones     int64 // phones subscribed now
	Dashboards int64 // dashboards and projectors subscribed now
	Dropped    int64 // clients let go for being too slow, since start
	Sent       int64 // messages queued to clients, since start
}

func (h *Hub) Stats() Stats {
	return Stats{Phones: h.phones.Load(), Dashboards: h.dashboards.Load(), Dropped: h.dropped.Load(), Sent: h.sent.Load()}
}
