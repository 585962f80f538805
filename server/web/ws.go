package web

import (
	"encoding/json"
	"net/url"
	"strconv"
	"sync"
	"time"

	fastws "github.com/fasthttp/websocket"
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
	// dashboardLinger lets changes gather for a moment before a dashboard's
	// writer sends them: a busy room then costs each dashboard a few frames
	// a second instead of one per input. People do not see 3 ms.
	dashboardLinger = 3 * time.Millisecond
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

// session is one websocket connection. The handler goroutine reads and
// handles messages. Writing needs a single writer at a time, and an idle
// connection should not keep a goroutine for it: the hub's client wakes a
// writer (flush) when something is queued, and the writer stops when the
// queue is empty.
type session struct {
	conn    *fastws.Conn
	client  *hub.Client
	to      replyTo       // for error replies: the language and request id of the upgrade
	linger  time.Duration // wait this long after waking before writing
	limit   int           // largest message answered, if not maxMessage
	writers sync.WaitGroup
	beat    *time.Timer
}

// wake starts a writer; the client calls it when one is needed.
func (ss *session) wake() {
	ss.writers.Add(1)
	go ss.flush()
}

func (ss *session) flush() {
	defer ss.writers.Done()
	if ss.linger > 0 {
		time.Sleep(ss.linger)
	}
	for {
		batch, code := ss.client.Next(maxBatch)
		if code != 0 {
			ss.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), time.Now().Add(time.Second))
			// Unblock the reader, which ends the handler.
			ss.conn.NetConn().SetReadDeadline(time.Now())
			return
		}
		if batch == nil {
			return
		}
		if !ss.write(batch) {
			ss.client.End(hub.CodeGoingAway)
		}
	}
}

// write sends one queued message as it is, or several as one JSON array:
// one frame and one system call instead of many when a connection falls
// behind. The array is written straight into the connection's buffer.
func (ss *session) write(batch [][]byte) bool {
	ss.conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	if len(batch) == 1 {
		return ss.conn.WriteMessage(websocket.TextMessage, batch[0]) == nil
	}
	w, err := ss.conn.NextWriter(websocket.TextMessage)
	if err != nil {
		return false
	}
	sep := []byte{'['}
	for _, msg := range batch {
		if _, err := w.Write(sep); err != nil {
			return false
		}
		if _, err := w.Write(msg); err != nil {
			return false
		}
		sep[0] = ','
	}
	if _, err := w.Write([]byte{']'}); err != nil {
		return false
	}
	return w.Close() == nil
}

// heartbeat queues a ping every 25 s for as long as the client is live.
func (ss *session) heartbeat() {
	select {
	case <-ss.client.Done():
		return
	default:
	}
	ss.client.Reply(pingMsg)
	ss.beat.Reset(heartbeat)
}

// serve runs a connection whose client has been started, until either side
// ends it. handle answers one inbound message; it may return nil for no reply.
func (ss *session) serve(handle handler) {
	ss.beat = time.AfterFunc(heartbeat, ss.heartbeat)
	ss.readLoop(handle)
	ss.beat.Stop()
	ss.client.End(hub.CodeGoingAway)
	// The connection is released when the handler returns; writers must be done with it first.
	ss.writers.Wait()
}

func (ss *session) readLoop(handle handler) {
	limit := maxMessage
	if ss.limit > 0 {
		limit = ss.limit
	}
	ss.conn.SetReadLimit(int64(max(hardLimit, 2*limit)))
	for {
		select {
		case <-ss.client.Done():
			return // a writer is closing the connection
		default:
		}
		ss.conn.SetReadDeadline(time.Now().Add(readTimeout))
		kind, data, err := ss.conn.ReadMessage()
		if err != nil {
			return
		}
		var reply []byte
		msg, err := decodeInboundLimit(kind, data, limit)
		if err != nil {
			reply = encodeError(ss.to, msg, err)
		} else if msg.Type == "ping" {
			reply = pongMsg
		} else {
			reply = handle(ss.client, msg)
		}
		if reply != nil {
			ss.client.Reply(reply)
		}
	}
}

var pongMsg = hub.Encode("pong", 0, nil)

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
