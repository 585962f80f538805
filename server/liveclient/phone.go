package liveclient

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Phone is a participant's phone: answers go into an outbox and stay there
// until acknowledged; after any disconnect it reconnects, resumes and sends
// the outbox again, as the browser page does.
type Phone struct {
	Base     string // http://host:port
	Code     string // the table's code
	Question string // the question it answers

	// OnAck, if set, is called for every acknowledgement with the time since
	// the first send of that input.
	OnAck func(id string, latency time.Duration, duplicate bool)

	mu        sync.Mutex
	outbox    map[string]outboxItem
	order     []string
	conn      *Conn
	cursor    Cursor
	acked     map[string]bool
	refused   map[string]string // id → error code, for inputs the server refused for good
	syncs     int               // snapshots and resumes received: one per successful (re)connection
	snapshots int               // of which snapshots
}

type outboxItem struct {
	text  string
	first time.Time
}

func NewPhone(base, code, question string) *Phone {
	return &Phone{Base: base, Code: code, Question: question, outbox: map[string]outboxItem{},
		acked: map[string]bool{}, cursor: Cursor{Seq: -1}, refused: map[string]string{}}
}

// Submit puts an answer in the outbox and sends it if connected. It returns the input's id.
func (p *Phone) Submit(text string) string {
	id := uuid.Must(uuid.NewV7()).String()
	p.SubmitID(id, text)
	return id
}

// SubmitID is Submit with an id the caller chose.
func (p *Phone) SubmitID(id, text string) {
	p.mu.Lock()
	p.outbox[id] = outboxItem{text: text, first: time.Now()}
	p.order = append(p.order, id)
	conn := p.conn
	p.mu.Unlock()
	if conn != nil {
		conn.Send(p.submitMsg(id, text))
	}
}

func (p *Phone) submitMsg(id, text string) map[string]string {
	return map[string]string{"type": "submit", "id": id, "question": p.Question, "theme": "", "text": text}
}

// Pending is the number of inputs not yet acknowledged.
func (p *Phone) Pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.outbox)
}

// Acked returns the ids the server has acknowledged.
func (p *Phone) Acked() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]string, 0, len(p.acked))
	for id := range p.acked {
		out = append(out, id)
	}
	return out
}

// Refused returns the inputs the server refused for good, with the error code.
func (p *Phone) Refused() map[string]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]string, len(p.refused))
	for id, code := range p.refused {
		out[id] = code
	}
	return out
}

// Connected reports whether the phone has a live, synchronised connection.
func (p *Phone) Connected() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.conn != nil
}

// Snapshots counts the syncs that were snapshots: the phone could not resume.
func (p *Phone) Snapshots() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.snapshots
}

// Syncs counts how often the phone has been brought up to date after
// connecting (a snapshot or a resume).
func (p *Phone) Syncs() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.syncs
}

// Drop cuts the connection as a lost network would; Run reconnects.
func (p *Phone) Drop() {
	p.mu.Lock()
	conn := p.conn
	p.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
}

// Run keeps the phone connected until ctx ends.
func (p *Phone) Run(ctx context.Context) {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := p.session(ctx)
		if err == nil {
			backoff = 100 * time.Millisecond
		}
		// Jittered back-off, as in the browser, so phones do not return in one wave.
		wait := backoff/2 + time.Duration(rand.Int64N(int64(backoff)))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		backoff = min(2*backoff, 3*time.Second)
	}
}

func (p *Phone) session(ctx context.Context) error {
	p.mu.Lock()
	path := "/ws/table/" + p.Code + "?" + p.cursor.Query()
	p.mu.Unlock()
	conn, err := Dial(ctx, p.Base, path, nil)
	if err != nil {
		return err
	}
	defer func() {
		p.mu.Lock()
		p.conn = nil
		p.mu.Unlock()
		conn.Close()
	}()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	for {
		frame, err := conn.ReadRaw(60 * time.Second)
		if err != nil {
			return err
		}
		if seq, ok := changeSeq(frame); ok {
			// The common case at a busy table, read without decoding: a
			// tablemate's answer, which only moves the cursor.
			p.mu.Lock()
			p.cursor.Apply(Message{Seq: seq})
			p.mu.Unlock()
			continue
		}
		msgs, err := decodeFrame(frame)
		if err != nil {
			return err
		}
		for _, m := range msgs {
			p.handle(conn, m)
		}
	}
}

var changePrefix = []byte(`{"type":"input","seq":`)

// changeSeq reads the number of a frame that holds one new-input change.
func changeSeq(frame []byte) (int64, bool) {
	rest, ok := bytes.CutPrefix(frame, changePrefix)
	if !ok {
		return 0, false
	}
	end := bytes.IndexByte(rest, ',')
	if end < 0 {
		return 0, false
	}
	seq, err := strconv.ParseInt(string(rest[:end]), 10, 64)
	return seq, err == nil
}

func (p *Phone) handle(conn *Conn, m Message) {
	switch m.Type {
	case "snapshot", "resume":
		p.mu.Lock()
		p.cursor.Apply(m)
		p.conn = conn
		p.syncs++
		if m.Type == "snapshot" {
			p.snapshots++
		}
		pending := make([]string, 0, len(p.outbox))
		texts := make([]string, 0, len(p.outbox))
		for _, id := range p.order {
			if it, ok := p.outbox[id]; ok {
				pending = append(pending, id)
				texts = append(texts, it.text)
			}
		}
		p.mu.Unlock()
		for i, id := range pending {
			conn.Send(p.submitMsg(id, texts[i]))
		}
	case "ack":
		p.mu.Lock()
		it, ok := p.outbox[m.ID]
		delete(p.outbox, m.ID)
		p.acked[m.ID] = true
		p.mu.Unlock()
		if ok && p.OnAck != nil {
			p.OnAck(m.ID, time.Since(it.first), m.Duplicate)
		}
	case "error":
		if m.ID == "" {
			return
		}
		p.mu.Lock()
		it, ok := p.outbox[m.ID]
		if ok && !m.Retry {
			delete(p.outbox, m.ID)
			p.refused[m.ID] = m.Code
		}
		p.mu.Unlock()
		if ok && m.Retry {
			time.AfterFunc(500*time.Millisecond, func() { conn.Send(p.submitMsg(m.ID, it.text)) })
		}
	default:
		p.mu.Lock()
		p.cursor.Apply(m)
		p.mu.Unlock()
	}
}
