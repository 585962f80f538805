package live

import (
	"sync"

	"github.com/samrad-se/samrad/server/domain"
)

// Client is one connection's place in the hub: what waits to be written to
// it. Replies to its own messages and changes fanned out to it wait in two
// queues, because they are bounded differently: replies by the reader, which
// stops reading while MaxInFlight of them wait (a client that sends fast is
// slowed, never dropped), changes by a limit past which the client, which
// evidently does not read, is let go.
//
// The connection needs no goroutine of its own for writing: when something
// is queued and no writer runs, the client calls wake, which starts one that
// drains the queues (Next) and stops when they are empty. An idle connection
// thus costs no writer goroutine.
type Client struct {
	topic  domain.Topic
	member string // "" for staff
	limit  int    // changes that may wait
	wake   func()

	// slots holds one token per reply that is owed or waits to be written;
	// the reader takes one before handling a message, the writer gives it
	// back once the reply is written.
	slots chan struct{}

	mu       sync.Mutex
	replies  []reply
	changes  []queued
	held     bool // until Start: the opening message must go first
	flushing bool // a writer is running (or has been asked to)
	code     int  // close code once the client was let go; 0 while live
	drain    bool // write what is queued before closing
	done     chan struct{}
}

type queued struct {
	seq   int64
	frame []byte
}

// reply is a frame for this connection alone: the answer to one of its
// messages (owed: its slot is given back once written), or a notice such as
// a heartbeat.
type reply struct {
	frame []byte
	owed  bool
}

func newClient(topic domain.Topic, member string, limit int, wake func()) *Client {
	return &Client{topic: topic, member: member, limit: limit, wake: wake, held: true,
		slots: make(chan struct{}, MaxInFlight), done: make(chan struct{})}
}

// offer queues a change; it reports false when the queue is full.
func (c *Client) offer(seq int64, frame []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.code != 0 {
		return true // already closing; nothing more is written
	}
	if len(c.changes) >= c.limit {
		return false
	}
	c.changes = append(c.changes, queued{seq: seq, frame: frame})
	c.wakeLocked()
	return true
}

func (c *Client) wakeLocked() {
	if !c.flushing && !c.held {
		c.flushing = true
		c.wake()
	}
}

// Start puts the opening message (snapshot or resume) before whatever has
// been queued since subscribing, drops the queued changes it already holds
// (seq up to and including seq), and lets writing begin.
func (c *Client) Start(first []byte, seq int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	kept := c.changes[:0]
	for _, q := range c.changes {
		if q.seq > seq {
			kept = append(kept, q)
		}
	}
	c.changes = kept
	c.replies = append([]reply{{frame: first}}, c.replies...)
	c.held = false
	c.wakeLocked()
}

// answer queues the reply to one of the client's messages, whose slot the
// reader took (acquire).
func (c *Client) answer(frame []byte) { c.queueReply(reply{frame: frame, owed: true}) }

// notify queues a frame the client did not ask for (a heartbeat, a notice
// before closing); it takes no slot.
func (c *Client) notify(frame []byte) { c.queueReply(reply{frame: frame}) }

func (c *Client) queueReply(r reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.code != 0 && !c.drain {
		return
	}
	c.replies = append(c.replies, r)
	c.wakeLocked()
}

// acquire takes a reply slot, waiting while MaxInFlight replies are owed. It
// reports false if the client is let go meanwhile.
func (c *Client) acquire() bool {
	select {
	case c.slots <- struct{}{}:
		return true
	case <-c.done:
		return false
	}
}

// release gives back n slots: their replies are written (or will not be).
func (c *Client) release(n int) {
	for ; n > 0; n-- {
		select {
		case <-c.slots:
		default:
			return
		}
	}
}

// Next is the writer's loop step: up to max queued messages, replies first,
// with how many of them were owed replies (their slots are given back once
// they are written); or, once the client has been let go and nothing more is to
// be written, its close code. When there is nothing left it returns neither,
// and the writer must stop: the next message wakes a new one.
func (c *Client) Next(max int) (batch [][]byte, owed int, closeCode int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pending := len(c.replies) + len(c.changes)
	if c.code != 0 && !(c.drain && pending > 0) {
		// The writer that sees the close code is the last one: flushing
		// stays set, so no other writer is ever started.
		return nil, 0, c.code
	}
	if pending == 0 {
		c.flushing = false
		return nil, 0, 0
	}
	n := min(max, len(c.replies))
	batch = make([][]byte, 0, min(max, pending))
	for _, r := range c.replies[:n] {
		batch = append(batch, r.frame)
		if r.owed {
			owed++
		}
	}
	c.replies = c.replies[n:]
	for len(batch) < max && len(c.changes) > 0 {
		batch = append(batch, c.changes[0].frame)
		c.changes = c.changes[1:]
	}
	if len(c.replies) == 0 {
		c.replies = nil // let the backing arrays go
	}
	if len(c.changes) == 0 {
		c.changes = nil
	}
	return batch, owed, 0
}

// End lets the client go at once with a close code for the connection to
// send; what is still queued is dropped. It reports whether this call let it
// go (false: it was already let go).
func (c *Client) End(code int) bool { return c.end(code, false) }

// EndAfterQueued lets the client go once what is queued has been written.
func (c *Client) EndAfterQueued(code int) bool { return c.end(code, true) }

func (c *Client) end(code int, drain bool) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.code != 0 {
		return false
	}
	c.code = code
	c.drain = drain
	if !drain {
		c.replies, c.changes = nil, nil
	}
	close(c.done)
	// A client let go before Start stays held: its writer starts with Start,
	// once the connection is ready to run one.
	c.wakeLocked()
	return true
}

// Done is closed when the client has been let go.
func (c *Client) Done() <-chan struct{} { return c.done }

// CloseCode is why the client was let go (0 while it is live).
func (c *Client) CloseCode() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.code
}
