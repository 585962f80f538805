package live

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// Queue limits, in changes. A phone receives only its table's input and the
// occasional question change; staff receive everything, but their writer
// sends whatever has queued up as one frame, so they rarely hold many.
const (
	MemberQueue = 256
	StaffQueue  = 8192
)

// Hub fans committed changes out to the connections that follow a topic.
// Each change is encoded once per audience; a connection whose queue is full
// is let go rather than waited for: it reconnects and resumes.
type Hub struct {
	// RecheckEvery is how often connections with a Peer.Recheck have their
	// rights checked again (set before serving; tests shorten it).
	RecheckEvery time.Duration

	mu     sync.RWMutex
	topics map[domain.Topic]*topic
	closed bool
	conns  map[*conn]struct{} // running connections, for Shutdown

	connections [3][2]atomic.Int64 // by topic kind, then staff (0) or member (1)
	dropped     atomic.Int64
	sent        atomic.Int64
	running     sync.WaitGroup
}

type topic struct {
	mu      sync.Mutex
	staff   map[*Client]struct{}
	members map[string]map[*Client]struct{}
}

func (t *topic) empty() bool { return len(t.staff) == 0 && len(t.members) == 0 }

func NewHub() *Hub {
	return &Hub{RecheckEvery: DefaultRecheck, topics: map[domain.Topic]*topic{}, conns: map[*conn]struct{}{}}
}

// Publish delivers committed changes, in order. It never blocks on a client.
func (h *Hub) Publish(changes []domain.Change) {
	for _, c := range changes {
		h.mu.RLock()
		t := h.topics[c.Topic]
		h.mu.RUnlock()
		if t == nil {
			continue // nobody follows it
		}
		e := encodeChange(c)
		t.mu.Lock()
		for cl := range t.staff {
			h.offer(t, cl, e.seq, e.staff)
		}
		switch c.Audience {
		case domain.ToMember:
			for cl := range t.members[c.Member] {
				if cl != c.Origin {
					h.offer(t, cl, e.seq, e.members)
				}
			}
		case domain.ToEveryone:
			for _, group := range t.members {
				for cl := range group {
					if cl != c.Origin {
						h.offer(t, cl, e.seq, e.members)
					}
				}
			}
		}
		t.mu.Unlock()
	}
}

// offer queues a change or, if the client's queue is full, lets the client
// go: it does not read. Called with t.mu held.
func (h *Hub) offer(t *topic, c *Client, seq int64, frame []byte) {
	if c.offer(seq, frame) {
		h.sent.Add(1)
		return
	}
	h.detach(t, c)
	h.drop(c)
}

// drop lets a client go that does not read, and counts it.
func (h *Hub) drop(c *Client) {
	if c.End(CloseTooSlow) {
		h.dropped.Add(1)
	}
}

// subscribe attaches a client to a topic: staff when member is empty, else a
// member. Nothing is written to it until its connection calls Start with the
// opening message; changes published meanwhile wait in its queue.
func (h *Hub) subscribe(tp domain.Topic, member string, wake func()) *Client {
	limit := StaffQueue
	if member != "" {
		limit = MemberQueue
	}
	c := newClient(tp, member, limit, wake)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		c.End(CloseServerRestart)
		return c
	}
	t := h.topics[tp]
	if t == nil {
		t = &topic{staff: map[*Client]struct{}{}, members: map[string]map[*Client]struct{}{}}
		// The key outlives the caller's request: never keep a borrowed string.
		h.topics[domain.Topic{Kind: tp.Kind, ID: strings.Clone(tp.ID)}] = t
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if member == "" {
		t.staff[c] = struct{}{}
	} else {
		if t.members[member] == nil {
			t.members[member] = map[*Client]struct{}{}
		}
		t.members[member][c] = struct{}{}
	}
	h.count(c, 1)
	return c
}

// unsubscribe detaches a client whose connection has ended, and forgets a
// topic nobody follows any more.
func (h *Hub) unsubscribe(c *Client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.topics[c.topic]
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	h.detach(t, c)
	if t.empty() {
		delete(h.topics, c.topic)
	}
}

// detach removes a client from its topic. Called with t.mu held.
func (h *Hub) detach(t *topic, c *Client) {
	if c.member == "" {
		if _, ok := t.staff[c]; ok {
			delete(t.staff, c)
			h.count(c, -1)
		}
		return
	}
	group := t.members[c.member]
	if _, ok := group[c]; ok {
		delete(group, c)
		h.count(c, -1)
	}
	if len(group) == 0 {
		delete(t.members, c.member)
	}
}

func (h *Hub) count(c *Client, n int64) {
	role := 0
	if c.member != "" {
		role = 1
	}
	h.connections[c.topic.Kind%3][role].Add(n)
}

// EndWhere lets go, with code, every connection of topic (any topic when
// tp.ID is empty) whose peer matches, e.g. the connections of a session that
// was logged out.
func (h *Hub) EndWhere(match func(*Peer) bool, code int) {
	h.mu.RLock()
	var gone []*conn
	for cn := range h.conns {
		if match(cn.peer) {
			gone = append(gone, cn)
		}
	}
	h.mu.RUnlock()
	for _, cn := range gone {
		cn.client.End(code)
	}
}

// Shutdown stops taking connections, tells every connection to stop
// reading, lets the replies to what it already read (acknowledgements of
// committed work) be written, closes it with 1012 (they reconnect to the next
// server process), and waits for them all, or for ctx.
func (h *Hub) Shutdown(ctx context.Context) {
	h.mu.Lock()
	h.closed = true
	conns := make([]*conn, 0, len(h.conns))
	for cn := range h.conns {
		conns = append(conns, cn)
	}
	h.mu.Unlock()
	for _, cn := range conns {
		cn.stopReading()
	}
	done := make(chan struct{})
	go func() { h.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// closing reports whether Shutdown has begun.
func (h *Hub) closing() bool {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.closed
}

// Stats are live counters for metrics and the load tool.
type Stats struct {
	Phones     int64 // workshop members: phones connected now
	Dashboards int64 // workshop staff: dashboards and projectors now
	Forms      int64 // consultation members: open answer forms now
	Overviews  int64 // consultation staff: the working group's overviews now
	Dropped    int64 // connections let go for not reading, since start
	Sent       int64 // changes queued to connections, since start
	Topics     int   // topics followed now
}

func (h *Hub) Stats() Stats {
	h.mu.RLock()
	topics := len(h.topics)
	h.mu.RUnlock()
	w, c := domain.TopicWorkshop, domain.TopicConsultation
	return Stats{
		Phones: h.connections[w][1].Load(), Dashboards: h.connections[w][0].Load(),
		Forms: h.connections[c][1].Load(), Overviews: h.connections[c][0].Load(),
		Dropped: h.dropped.Load(), Sent: h.sent.Load(), Topics: topics,
	}
}
