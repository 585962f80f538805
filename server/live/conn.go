package live

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/fasthttp/websocket"

	"github.com/samrad-se/samrad/server/domain"
)

// CommandTimeout bounds how long a message waits for its commit; past it the
// client is told to try again (and its resend is idempotent).
const CommandTimeout = 15 * time.Second

// conn runs one websocket: a reader goroutine that handles the client's
// messages one at a time, and writers started on demand that drain the
// client's queues. A writer runs at most one at a time (the client's
// flushing flag), as a websocket allows.
type conn struct {
	hub      *Hub
	ws       *websocket.Conn
	peer     *Peer
	ep       Endpoint
	client   *Client
	linger   time.Duration
	writers  sync.WaitGroup
	stopping atomic.Bool
	timers   []*repeat
}

// repeat runs f every d until f returns false or it is stopped, on timers
// rather than a goroutine: an idle connection keeps no goroutine waiting.
type repeat struct {
	timer   atomic.Pointer[time.Timer]
	stopped atomic.Bool
}

func every(d time.Duration, f func() bool) *repeat {
	r := &repeat{}
	var arm func()
	arm = func() {
		r.timer.Store(time.AfterFunc(d, func() {
			if !r.stopped.Load() && f() {
				arm()
			}
		}))
	}
	arm()
	return r
}

func (r *repeat) stop() {
	r.stopped.Store(true)
	if t := r.timer.Load(); t != nil {
		t.Stop()
	}
}

// Serve takes over an upgraded websocket and runs it on a goroutine of its
// own until either side ends it; it returns at once. The websocket is closed
// when it is done; the caller must not touch it again.
func (h *Hub) Serve(ws *websocket.Conn, p *Peer, ep Endpoint) {
	cn := &conn{hub: h, ws: ws, peer: p, ep: ep}
	if p.Member == "" {
		cn.linger = staffLinger
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(CloseServerRestart, ""), time.Now().Add(time.Second))
		ws.Close()
		return
	}
	h.conns[cn] = struct{}{}
	h.running.Add(1)
	h.mu.Unlock()
	go cn.run()
}

func (cn *conn) run() {
	defer cn.hub.running.Done()
	defer cn.ws.Close()
	defer func() {
		cn.hub.mu.Lock()
		delete(cn.hub.conns, cn)
		cn.hub.mu.Unlock()
	}()
	defer func() {
		if r := recover(); r != nil {
			slog.Error("websocket connection panicked", "request_id", cn.peer.LogID, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	if !Supported(cn.peer.Version) {
		cn.refuseVersion()
		return
	}
	cn.client = cn.hub.subscribe(cn.peer.Topic, cn.peer.Member, cn.wake)
	cn.peer.client = cn.client
	defer cn.hub.unsubscribe(cn.client)
	if err := cn.open(); err != nil {
		cn.client.Start(cn.refusal(envelope{}, err), 0)
		cn.client.EndAfterQueued(CloseTryAgainLater)
		cn.writers.Wait()
		return
	}
	cn.startTimers()
	cn.readLoop()
	for _, t := range cn.timers {
		t.stop()
	}
	if cn.stopping.Load() {
		// Shutting down: what was read has been answered; let it be written.
		cn.client.EndAfterQueued(CloseServerRestart)
	} else {
		cn.client.End(CloseGoingAway)
	}
	// The websocket is closed when run returns; writers must be done with it first.
	cn.writers.Wait()
}

// refuseVersion answers a page that speaks a protocol this server does not:
// it must be reloaded.
func (cn *conn) refuseVersion() {
	err := domain.Errorf(domain.KindInvalid, "reload")
	cn.ws.SetWriteDeadline(time.Now().Add(time.Second))
	cn.ws.WriteMessage(websocket.TextMessage, cn.refusal(envelope{}, err))
	cn.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(CloseReload, ""), time.Now().Add(time.Second))
}

func (cn *conn) open() error {
	ctx, cancel := context.WithTimeout(context.Background(), CommandTimeout)
	defer cancel()
	o, err := cn.ep.Open(ctx, cn.peer)
	if err != nil {
		return err
	}
	var first []byte
	if o.Snapshot != nil {
		first = mustEncode(snapshotFrame{Type: "snapshot", Epoch: o.Epoch, Seq: o.Seq, Data: o.Snapshot})
	} else {
		frames := make([][]byte, 0, len(o.Missed))
		for _, c := range o.Missed {
			if f := frameOf(c, cn.peer.Member); f != nil {
				frames = append(frames, f)
			}
		}
		first = resumeFrame(o.Epoch, o.Seq, frames)
	}
	cn.client.Start(first, o.Seq)
	return nil
}

func (cn *conn) startTimers() {
	cn.timers = append(cn.timers, every(Heartbeat, func() bool {
		select {
		case <-cn.client.Done():
			return false
		default:
		}
		// A heartbeat counts against the change queue: a connection that
		// reads nothing at all fills it and is let go.
		if !cn.client.offer(0, pingFrame) {
			cn.hub.drop(cn.client)
			return false
		}
		return true
	}))
	if cn.peer.Recheck == nil {
		return
	}
	cn.timers = append(cn.timers, every(cn.hub.RecheckEvery, func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), CommandTimeout)
		err := cn.peer.Recheck(ctx)
		cancel()
		if err != nil && !domain.IsKind(err, domain.KindUnavailable) {
			cn.revoke(err)
			return false
		}
		return true
	}))
}

// revoke tells the client why and closes the connection (4001).
func (cn *conn) revoke(err error) {
	cn.client.notify(cn.refusal(envelope{}, err))
	cn.client.EndAfterQueued(CloseRevoked)
}

// stopReading makes the reader stop after the message it is handling, if
// any; Shutdown uses it.
func (cn *conn) stopReading() {
	cn.stopping.Store(true)
	cn.ws.NetConn().SetReadDeadline(time.Now())
}

func (cn *conn) readLoop() {
	limit := cn.peer.MaxMessage
	if limit <= 0 {
		limit = DefaultMaxMessage
	}
	cn.ws.SetReadLimit(int64(max(HardLimit, 2*limit)))
	for {
		// Wait while MaxInFlight replies are owed: a client that sends
		// faster than it reads is slowed here, not dropped.
		if !cn.client.acquire() {
			return
		}
		cn.ws.SetReadDeadline(time.Now().Add(ReadTimeout))
		// Whoever ends the connection sets the deadline to now after
		// marking it; looking again after setting ours cannot miss that.
		if cn.stopping.Load() || cn.client.CloseCode() != 0 {
			return
		}
		kind, data, err := cn.ws.ReadMessage()
		if err != nil {
			return
		}
		if kind == websocket.TextMessage && !utf8.Valid(data) {
			// RFC 6455 §8.1: a text frame must be UTF-8.
			cn.client.EndAfterQueued(CloseInvalidUTF8)
			return
		}
		cn.client.answer(cn.handle(kind, data, limit))
	}
}

// handle answers one message. Every message gets exactly one reply.
func (cn *conn) handle(kind int, data []byte, limit int) []byte {
	if kind != websocket.TextMessage {
		return cn.refusal(readEnvelope(data), domain.Errorf(domain.KindInvalid, "message_invalid"))
	}
	msg, err := Decode(data, limit)
	if err != nil {
		// Read again for what identifies it, so the refusal names it.
		return cn.refusal(readEnvelope(data), err)
	}
	if msg.Type == "ping" {
		return pongFrame
	}
	ctx, cancel := context.WithTimeout(context.Background(), CommandTimeout)
	defer cancel()
	frame, err := cn.ep.Handle(ctx, cn.peer, &msg)
	if err != nil {
		return cn.refusal(envelope{Type: msg.Type, ID: msg.ID, Req: msg.Req}, err)
	}
	return frame
}

// refusal is the error frame for a message, tied to it by id or req.
func (cn *conn) refusal(env envelope, err error) []byte {
	r := cn.peer.Refuse(err)
	r.Type, r.ID, r.Req = "error", env.ID, env.Req
	return mustEncode(r)
}

// wake starts a writer; the client calls it when one is needed.
func (cn *conn) wake() {
	cn.writers.Add(1)
	go cn.flush()
}

func (cn *conn) flush() {
	defer cn.writers.Done()
	if cn.linger > 0 {
		time.Sleep(cn.linger)
	}
	for {
		batch, owed, code := cn.client.Next(maxBatch)
		if code != 0 {
			cn.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), time.Now().Add(time.Second))
			// Unblock the reader, which ends the connection.
			cn.ws.NetConn().SetReadDeadline(time.Now())
			return
		}
		if batch == nil {
			return
		}
		if err := cn.write(batch); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				cn.hub.drop(cn.client) // it does not read
			} else {
				cn.client.End(CloseGoingAway)
			}
			continue // Next now gives the close code
		}
		cn.client.release(owed)
	}
}

// write sends one queued message as it is, or several as one JSON array:
// one frame and one system call instead of many when a connection falls
// behind. The array is written straight into the connection's buffer.
func (cn *conn) write(batch [][]byte) error {
	cn.ws.SetWriteDeadline(time.Now().Add(WriteTimeout))
	if len(batch) == 1 {
		return cn.ws.WriteMessage(websocket.TextMessage, batch[0])
	}
	w, err := cn.ws.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	sep := []byte{'['}
	for _, msg := range batch {
		if _, err := w.Write(sep); err != nil {
			return err
		}
		if _, err := w.Write(msg); err != nil {
			return err
		}
		sep[0] = ','
	}
	if _, err := w.Write([]byte{']'}); err != nil {
		return err
	}
	return w.Close()
}
