package web

import (
	"encoding/json"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/hub"
)

// Websocket limits and timings.
const (
	// maxMessage is the largest message we answer with a readable error;
	// hardLimit is where the connection is cut (1009) without reading on.
	maxMessage = 16 << 10
	hardLimit  = 64 << 10
	// heartbeat keeps proxies (which cut idle sockets after ~55 s) and the
	// browser (which cannot see ping frames) aware that the line is alive.
	heartbeat = 25 * time.Second
	// readTimeout: a client that has sent nothing for this long (it pings
	// every 25 s) is gone.
	readTimeout  = 70 * time.Second
	writeTimeout = 10 * time.Second
	// maxBatch is how many queued messages a connection's writer sends as one
	// JSON array when it falls behind.
	maxBatch = 256
)

var pingMsg = hub.Encode("ping", 0, nil)

// sameOrigin rejects cross-site websocket handshakes: a websocket is not
// covered by CSRF tokens, so the browser's Origin header is the check.
// Clients that send no Origin (the load tool, scripts) are not browsers
// acting for someone else.
func sameOrigin(c *fiber.Ctx) error {
	if !websocket.IsWebSocketUpgrade(c) {
		return fiber.ErrUpgradeRequired
	}
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" {
		return c.Next()
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host != c.Hostname() {
		return domain.Errorf(domain.KindForbidden, "origin_forbidden")
	}
	return c.Next()
}

// sinceParam is the last sequence number the client saw, or -1 for none.
func sinceParam(c *fiber.Ctx) int64 {
	n, err := strconv.ParseInt(c.Query("since"), 10, 64)
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// session is one websocket connection's loop: the handler goroutine reads
// and handles messages; one writer goroutine sends everything (the first
// message, queued live changes, replies, heartbeats), because a websocket
// must have exactly one writer.
type session struct {
	conn    *websocket.Conn
	client  *hub.Client
	replies chan []byte
	stop    chan struct{} // closed when the reader ends
	wrote   chan struct{} // closed when the writer ends
}

// serve runs a subscribed connection until either side ends it. first is
// the opening message (snapshot or resume marker). handle answers one
// inbound message; it may return nil for no reply.
func (s *Server) serve(conn *websocket.Conn, client *hub.Client, first []byte, handle func(inbound) []byte) {
	defer s.hub.Unsubscribe(client)
	ss := &session{conn: conn, client: client, replies: make(chan []byte, 16),
		stop: make(chan struct{}), wrote: make(chan struct{})}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); ss.writeLoop(first) }()
	ss.readLoop(handle)
	close(ss.stop)
	// The connection is released when this handler returns; the writer must be done with it first.
	wg.Wait()
}

func (ss *session) readLoop(handle func(inbound) []byte) {
	ss.conn.SetReadLimit(hardLimit)
	for {
		ss.conn.SetReadDeadline(time.Now().Add(readTimeout))
		kind, data, err := ss.conn.ReadMessage()
		if err != nil {
			return
		}
		var reply []byte
		msg, err := decodeInbound(kind, data)
		if err != nil {
			reply = encodeError("sv", msg, err)
		} else if msg.Type == "ping" {
			reply = pongMsg
		} else {
			reply = handle(msg)
		}
		if reply == nil {
			continue
		}
		select {
		case ss.replies <- reply:
		case <-ss.wrote:
			return
		}
	}
}

var pongMsg = hub.Encode("pong", 0, nil)

func (ss *session) writeLoop(first []byte) {
	defer close(ss.wrote)
	// If the writer stops (error, drop, shutdown), unblock the reader.
	defer ss.conn.NetConn().SetReadDeadline(time.Now())
	if first != nil && !ss.write(first) {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	batch := make([][]byte, 0, maxBatch)
	for {
		select {
		case msg := <-ss.client.Queue():
			batch = append(batch[:0], msg)
		more:
			for len(batch) < maxBatch {
				select {
				case m := <-ss.client.Queue():
					batch = append(batch, m)
				default:
					break more
				}
			}
			if !ss.write(joinBatch(batch)) {
				return
			}
		case r := <-ss.replies:
			if !ss.write(r) {
				return
			}
		case <-tick.C:
			if !ss.write(pingMsg) {
				return
			}
		case <-ss.client.Done():
			code := ss.client.CloseCode()
			ss.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), time.Now().Add(time.Second))
			return
		case <-ss.stop:
			return
		}
	}
}

func (ss *session) write(msg []byte) bool {
	ss.conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	return ss.conn.WriteMessage(websocket.TextMessage, msg) == nil
}

// joinBatch sends several queued messages as one JSON array: one frame and
// one system call instead of many when a connection falls behind.
func joinBatch(batch [][]byte) []byte {
	if len(batch) == 1 {
		return batch[0]
	}
	n := 1
	for _, m := range batch {
		n += len(m) + 1
	}
	out := make([]byte, 0, n)
	out = append(out, '[')
	for i, m := range batch {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, m...)
	}
	return append(out, ']')
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
