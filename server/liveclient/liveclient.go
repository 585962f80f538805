// Package liveclient speaks Samråd's websocket protocol (version 2, see the
// live package) from Go, as a phone or a dashboard does in the browser. The
// load tool and the fault tests use it to act like real clients: an outbox,
// acknowledgements matched by id, resends after reconnecting, resume from the
// last change applied on the same timeline.
package liveclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fasthttp/websocket"
)

// Version is the protocol version this client speaks.
const Version = 2

// Message is any message from the server.
type Message struct {
	Type      string          `json:"type"`
	Seq       int64           `json:"seq"`
	Epoch     string          `json:"epoch"`
	Changes   []Message       `json:"changes"` // a resume's missed changes
	Data      json.RawMessage `json:"data"`
	ID        string          `json:"id"`
	Req       string          `json:"req"`
	Code      string          `json:"code"`
	Message   string          `json:"message"`
	Retry     bool            `json:"retry"`
	Duplicate bool            `json:"duplicate"`
	Rev       int64           `json:"rev"`
	Conflicts json.RawMessage `json:"conflicts"` // a saved draft's fields a colleague changed first
}

// Cursor is where a client stands in a topic's changes.
type Cursor struct {
	Epoch string
	Seq   int64 // -1: none
}

// Query is the handshake's query string for this cursor, with the protocol version.
func (c Cursor) Query() string {
	q := "v=" + strconv.Itoa(Version)
	if c.Seq >= 0 && c.Epoch != "" {
		q += "&epoch=" + url.QueryEscape(c.Epoch) + "&since=" + strconv.FormatInt(c.Seq, 10)
	}
	return q
}

// Apply moves the cursor for an opening message (snapshot or resume) or a
// change; it reports whether the message is to be applied (a change at or
// below the cursor was already applied). Replies never move it.
func (c *Cursor) Apply(m Message) bool {
	switch m.Type {
	case "snapshot", "resume":
		c.Epoch, c.Seq = m.Epoch, m.Seq
		return true
	case "ack", "ok", "saved", "error", "ping", "pong":
		return true
	}
	if m.Seq <= c.Seq {
		return false
	}
	c.Seq = m.Seq
	return true
}

// Conn is one websocket connection. Send may be called from several
// goroutines; Read from one.
type Conn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
	buf     bytes.Buffer // reused by ReadRaw
}

var dialer = websocket.Dialer{HandshakeTimeout: 10 * time.Second, ReadBufferSize: 2048, WriteBufferSize: 2048}

// Dial connects to path (e.g. "/ws/table/ABC123?since=4") on base ("http://host:port").
func Dial(ctx context.Context, base, path string, header http.Header) (*Conn, error) {
	url := "ws" + strings.TrimPrefix(base, "http") + path
	ws, res, err := dialer.DialContext(ctx, url, header)
	if err != nil {
		if res != nil {
			return nil, &HandshakeError{Status: res.StatusCode, Err: err}
		}
		return nil, err
	}
	return &Conn{ws: ws}, nil
}

// HandshakeError is a refused connection (wrong code, not logged in, overloaded).
type HandshakeError struct {
	Status int
	Err    error
}

func (e *HandshakeError) Error() string { return e.Err.Error() }

func (c *Conn) Send(v any) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return c.ws.WriteJSON(v)
}

// SendRaw sends bytes as they are, as a text or a binary frame (for tests of bad input).
func (c *Conn) SendRaw(binary bool, data []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	kind := websocket.TextMessage
	if binary {
		kind = websocket.BinaryMessage
	}
	c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return c.ws.WriteMessage(kind, data)
}

// ReadRaw waits for the next frame and returns it undecoded (one message or
// a JSON array of them), for clients that only scan for a few fields. The
// bytes are valid until the next ReadRaw: the buffer is reused, which keeps
// a client that reads thousands of frames a second from feeding the GC.
func (c *Conn) ReadRaw(timeout time.Duration) ([]byte, error) {
	c.ws.SetReadDeadline(time.Now().Add(timeout))
	_, r, err := c.ws.NextReader()
	if err != nil {
		return nil, err
	}
	c.buf.Reset()
	_, err = c.buf.ReadFrom(r)
	return c.buf.Bytes(), err
}

// decodeFrame returns the messages of a frame: one, or a batch (a JSON array).
func decodeFrame(data []byte) ([]Message, error) {
	if len(data) > 0 && data[0] == '[' {
		var batch []Message
		err := json.Unmarshal(data, &batch)
		return batch, err
	}
	var m Message
	err := json.Unmarshal(data, &m)
	return []Message{m}, err
}

// Read waits for the next frame and returns its messages (a frame may carry
// a batch), heartbeats left out.
func (c *Conn) Read(timeout time.Duration) ([]Message, error) {
	for {
		c.ws.SetReadDeadline(time.Now().Add(timeout))
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			return nil, err
		}
		batch, err := decodeFrame(data)
		if err != nil {
			return nil, err
		}
		out := batch[:0]
		for _, m := range batch {
			if m.Type != "ping" {
				out = append(out, m)
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
}

// Close ends the connection without a close handshake, like a phone losing its network.
func (c *Conn) Close() error { return c.ws.Close() }

// CloseCode reports the close code in err, or 0.
func CloseCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
}
