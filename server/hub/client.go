package hub

import "sync"

// Client is one live connection's place in the hub: a bounded queue of
// messages waiting to be written. The connection needs no goroutine of its
// own for writing: when a message arrives at an empty queue, the client
// calls wake, which starts a writer that drains the queue (Next) and stops
// when it is empty. An idle connection thus costs no writer goroutine.
type Client struct {
	workshopID string
	tableID    string
	limit      int
	wake       func()

	mu       sync.Mutex
	queue    [][]byte
	held     bool // until Start: the opening message must go first
	flushing bool // a writer is running (or has been asked to)
	code     int  // close code once the client was let go; 0 while live
	drain    bool // write what is queued before closing
	done     chan struct{}
}

func newClient(workshopID, tableID string, limit int, wake func()) *Client {
	return &Client{workshopID: workshopID, tableID: tableID, limit: limit, wake: wake, held: true, done: make(chan struct{})}
}

// push queues a message and wakes a writer if none runs. It reports false
// when the queue is full; the hub then lets the client go.
func (c *Client) push(msg []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.code != 0 {
		return true // already closing; nothing more is written
	}
	if len(c.queue) >= c.limit {
		return false
	}
	c.queue = append(c.queue, msg)
	c.wakeLocked()
	return true
}

func (c *Client) wakeLocked() {
	if !c.flushing && !c.held {
		c.flushing = true
		c.wake()
	}
}

// Start puts the opening message (snapshot or resume marker) before
// whatever has queued since subscribing, and lets writing begin.
func (c *Client) Start(first []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queue = append([][]byte{first}, c.queue...)
	c.held = false
	c.wakeLocked()
}

// Reply queues an answer to the client's own message. A client that sends
// faster than it reads fills its queue and is let go, like a slow one.
func (c *Client) Reply(msg []byte) {
	if !c.push(msg) {
		c.End(CodeTooSlow)
	}
}

// Next is the writer's loop step: up to max queued messages, or, once the
// client has been let go, its close code. When there is nothing left it
// returns neither, and the writer must stop: the next message wakes a new one.
func (c *Client) Next(max int) (batch [][]byte, closeCode int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.code != 0 && !(c.drain && len(c.queue) > 0) {
		// The writer that sees the close code is the last one: flushing
		// stays set, so no other writer is ever started.
		return nil, c.code
	}
	if len(c.queue) == 0 {
		c.flushing = false
		return nil, 0
	}
	n := min(max, len(c.queue))
	batch = c.queue[:n:n]
	c.queue = c.queue[n:]
	if len(c.queue) == 0 {
		c.queue = nil // let the backing array go
	}
	return batch, 0
}

// End lets the client go at once with a close code for the connection to
// send; what is still queued is dropped.
func (c *Client) End(code int) { c.end(code, false) }

// EndAfterQueued lets the client go once what is queued has been written.
func (c *Client) EndAfterQueued(code int) { c.end(code, true) }

func (c *Client) end(code int, drain bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.code != 0 {
		return
	}
	c.code = code
	c.drain = drain
	if !drain {
		c.queue = nil
	}
	close(c.done)
	// A client let go before Start stays held: its writer starts with Start,
	// once the connection is ready to run one.
	c.wakeLocked()
}

// Done is closed when the client has been let go.
func (c *Client) Done() <-chan struct{} { return c.done }

// CloseCode waits until the client has been let go and returns why.
func (c *Client) CloseCode() int {
	<-c.done
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.code
}

func (c *Client) WorkshopID() string { return c.workshopID }
func (c *Client) TableID() string    { return c.tableID }
