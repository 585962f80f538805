package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/liveclient"
)

// sentLog remembers when each input left its phone and gives it a number,
// so that dashboards can count deliveries in a slice instead of a map.
type sentLog struct {
	m    sync.Map // id → sentEntry
	next atomic.Int64
}

type sentEntry struct {
	n  int
	at time.Time
}

func (s *sentLog) mark(id string) {
	s.m.Store(id, sentEntry{n: int(s.next.Add(1) - 1), at: time.Now()})
}

func (s *sentLog) lookup(id string) (sentEntry, bool) {
	v, ok := s.m.Load(id)
	if !ok {
		return sentEntry{}, false
	}
	return v.(sentEntry), true
}

// dashboard is a facilitator's live view: it counts every input it sees.
type dashboard struct {
	conn    *liveclient.Conn
	mu      sync.Mutex
	seen    []uint8           // deliveries per sent input, by its number
	unknown int               // inputs seen that the load tool did not send
	cursor  liveclient.Cursor // the last change applied, for resuming (read goroutine only)
	errs    atomic.Int64
	// openings received: a snapshot (first, or when it could not resume) or a resume
	snapshots, resumes atomic.Int64
	stopped            chan struct{}
}

// inputMarker starts every new-input message as the hub encodes it; the
// dashboard finds ids by scanning rather than decoding, so that twenty
// dashboards of the load tool do not need more CPU than the server.
var (
	inputMarker    = []byte(`{"type":"input","seq":`)
	snapshotMarker = []byte(`{"type":"snapshot"`)
	resumeMarker   = []byte(`{"type":"resume"`)
)

// run reads until the load test ends, reconnecting (and resuming from the
// last change it saw) whenever the connection drops, as the browser does.
func (d *dashboard) run(ctx context.Context, base, path string, header http.Header, sent *sentLog, latency *histogram) {
	defer close(d.stopped)
	for ctx.Err() == nil {
		d.read(sent, latency)
		for ctx.Err() == nil {
			time.Sleep(500 * time.Millisecond)
			conn, err := liveclient.Dial(ctx, base, path+"?"+d.cursor.Query(), header)
			if err == nil {
				d.setConn(conn)
				break
			}
		}
	}
}

func (d *dashboard) setConn(c *liveclient.Conn) {
	d.mu.Lock()
	d.conn = c
	d.mu.Unlock()
}

func (d *dashboard) close() {
	d.mu.Lock()
	d.conn.Close()
	d.mu.Unlock()
}

func (d *dashboard) read(sent *sentLog, latency *histogram) {
	d.mu.Lock()
	conn := d.conn
	d.mu.Unlock()
	for {
		frame, err := conn.ReadRaw(2 * time.Minute)
		if err != nil {
			return
		}
		if bytes.Contains(frame, snapshotMarker) || bytes.Contains(frame, resumeMarker) {
			// Rare (after a reconnect), so decode properly; the opening may
			// share a frame with the changes queued behind it.
			for _, msg := range splitBatch(frame) {
				switch {
				case bytes.HasPrefix(msg, snapshotMarker):
					d.snapshot(msg, sent)
				case bytes.HasPrefix(msg, resumeMarker):
					d.resume(msg, sent, latency)
				default:
					d.scan(msg, sent, latency)
				}
			}
			continue
		}
		d.scan(frame, sent, latency)
	}
}

// splitBatch returns the messages of a frame: itself, or the elements of a JSON array.
func splitBatch(frame []byte) [][]byte {
	if len(frame) == 0 || frame[0] != '[' {
		return [][]byte{frame}
	}
	var list []json.RawMessage
	if json.Unmarshal(frame, &list) != nil {
		return nil
	}
	out := make([][]byte, len(list))
	for i, m := range list {
		out[i] = m
	}
	return out
}

// scan finds new-input messages in a frame without decoding it.
func (d *dashboard) scan(frame []byte, sent *sentLog, latency *histogram) {
	for rest := frame; ; {
		i := bytes.Index(rest, inputMarker)
		if i < 0 {
			return
		}
		rest = rest[i+len(inputMarker):]
		seq, err := strconv.ParseInt(string(rest[:max(0, bytes.IndexByte(rest, ','))]), 10, 64)
		j := bytes.Index(rest, []byte(`"data":{"id":"`))
		if err != nil || j < 0 || len(rest) < j+14+36 {
			d.errs.Add(1)
			return
		}
		id := string(rest[j+14 : j+14+36])
		rest = rest[j+14+36:]
		// As in the browser: a change at or below what the dashboard has
		// (queued behind the opening it came with) is not news.
		if seq <= d.cursor.Seq {
			continue
		}
		d.cursor.Seq = seq
		if first := d.count(id, sent); first != nil {
			latency.add(time.Since(first.at))
		}
	}
}

// opening is the head of a snapshot or resume: where the dashboard stands after it.
type opening struct {
	Epoch string `json:"epoch"`
	Seq   int64  `json:"seq"`
}

// resume counts the missed inputs a resume carries (they are changes like
// any other), then moves the cursor to where the resume says.
func (d *dashboard) resume(frame []byte, sent *sentLog, latency *histogram) {
	var head opening
	if json.Unmarshal(frame, &head) != nil {
		d.errs.Add(1)
		return
	}
	d.scan(frame, sent, latency)
	d.cursor = liveclient.Cursor{Epoch: head.Epoch, Seq: max(d.cursor.Seq, head.Seq)}
	d.resumes.Add(1)
}

// snapshot counts the inputs of a snapshot, which a dashboard gets after
// reconnecting when it cannot resume (another timeline, or its first).
func (d *dashboard) snapshot(frame []byte, sent *sentLog) {
	var snap struct {
		opening
		Data struct {
			Inputs []struct {
				ID string `json:"id"`
			} `json:"inputs"`
		} `json:"data"`
	}
	if json.Unmarshal(frame, &snap) != nil {
		d.errs.Add(1)
		return
	}
	d.cursor = liveclient.Cursor{Epoch: snap.Epoch, Seq: snap.Seq}
	d.snapshots.Add(1)
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, in := range snap.Data.Inputs {
		// A snapshot repeats what the dashboard may have seen before the
		// drop: that is not a duplicate, so it only marks inputs as seen.
		if e, ok := sent.lookup(in.ID); ok && e.n < len(d.seen) && d.seen[e.n] == 0 {
			d.seen[e.n] = 1
		}
	}
}

// count records one delivery of id and returns its sending record if this
// was the first delivery.
func (d *dashboard) count(id string, sent *sentLog) *sentEntry {
	e, ok := sent.lookup(id)
	d.mu.Lock()
	defer d.mu.Unlock()
	if !ok || e.n >= len(d.seen) {
		d.unknown++
		return nil
	}
	d.seen[e.n]++
	if d.seen[e.n] == 1 {
		return &e
	}
	return nil
}

func (d *dashboard) counts() (distinct, dup int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, n := range d.seen {
		if n > 0 {
			distinct++
		}
		if n > 1 {
			dup += int(n) - 1
		}
	}
	return distinct, dup + d.unknown
}

func run(ctx context.Context, cfg config) (*report, error) {
	r := &report{cfg: cfg, ackLatency: newHistogram(), dashLatency: newHistogram()}
	if pid, err := serverPID(cfg.port()); err == nil {
		r.pid = pid
		r.rssBefore = rssKiB(pid)
	} else {
		r.notes = append(r.notes, "server memory not measured: "+err.Error())
	}

	a := newAdmin(cfg.url)
	if err := a.login(cfg.email, cfg.password); err != nil {
		return nil, err
	}
	ws, err := a.createWorkshop(cfg.tables)
	if err != nil {
		return nil, err
	}
	r.workshop = ws.id

	sent := &sentLog{}
	dashCtx, stopDashboards := context.WithCancel(ctx)
	defer stopDashboards()
	var dashboards []*dashboard
	for i := 0; i < cfg.dashboards; i++ {
		conn, err := liveclient.Dial(ctx, cfg.url, "/ws/workshop/"+ws.id+"?"+liveclient.Cursor{Seq: -1}.Query(), a.cookie())
		if err != nil {
			return r, fmt.Errorf("dashboard %d: %w", i, err)
		}
		d := &dashboard{conn: conn, seen: make([]uint8, cfg.maxInputs()), stopped: make(chan struct{})}
		dashboards = append(dashboards, d)
		go d.run(dashCtx, cfg.url, "/ws/workshop/"+ws.id, a.cookie(), sent, r.dashLatency)
	}
	defer func() {
		stopDashboards()
		for _, d := range dashboards {
			d.close()
		}
	}()

	// Phones join as people do: the table's page first, then its websocket.
	phoneCtx, stopPhones := context.WithCancel(ctx)
	defer stopPhones()
	phones := make([]*liveclient.Phone, cfg.phones)
	var acked, duplicateAcks atomic.Int64
	start := time.Now()
	pageClient := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	interval := time.Duration(float64(time.Second) / cfg.connectRate)
	var joinErrors atomic.Int64
	pages := make(chan struct{}, 16)
	for i := range phones {
		code := ws.codes[i%len(ws.codes)]
		p := liveclient.NewPhone(cfg.url, code, ws.question)
		p.OnAck = func(id string, lat time.Duration, duplicate bool) {
			acked.Add(1)
			if duplicate {
				duplicateAcks.Add(1)
			}
			r.ackLatency.add(lat)
		}
		phones[i] = p
		go func() {
			// A few page loads at a time, as phones arriving in a room do:
			// thousands at once would measure the server's garbage, not its connections.
			pages <- struct{}{}
			if res, err := pageClient.Get(cfg.url + "/t/" + code); err == nil {
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
			} else {
				joinErrors.Add(1)
			}
			<-pages
			p.Run(phoneCtx)
		}()
		// Pace in steps of at least a millisecond: finer sleeps overshoot.
		if due := start.Add(time.Duration(i+1) * interval); time.Until(due) > time.Millisecond {
			time.Sleep(time.Until(due))
		}
	}
	if err := waitFor(ctx, 2*time.Minute, func() bool { return countConnected(phones) == len(phones) }); err != nil {
		r.connected = countConnected(phones)
		return r, fmt.Errorf("only %d of %d phones connected", r.connected, len(phones))
	}
	r.connectTime = time.Since(start)
	r.joinErrors = joinErrors.Load()
	r.connected = len(phones)
	time.Sleep(time.Second) // let the server settle before reading its memory
	if r.pid != 0 {
		r.rssConnected = rssKiB(r.pid)
		r.cpuBefore = cpuTicks(r.pid)
	}
	r.selfCPUBefore = cpuTicks(os.Getpid())

	// Send at the target rate, spread over the phones.
	r.sendStart = time.Now()
	restarted := make(chan struct{})
	if cfg.restartAfter > 0 {
		if r.pid == 0 {
			return r, errors.New("-restart-after needs the server's process (a local server of this user)")
		}
		go func() {
			defer close(restarted)
			time.Sleep(cfg.restartAfter)
			res, err := restartServer(ctx, cfg, a, r.pid, phones, dashboards)
			r.restart = &res
			if err != nil {
				r.notes = append(r.notes, "restart: "+err.Error())
			}
		}()
	} else {
		close(restarted)
	}
	profiled := make(chan struct{})
	if cfg.serverProfile != "" && cfg.duration > 2*time.Second && cfg.restartAfter == 0 {
		go func() {
			defer close(profiled)
			// Skip the first second: the rate settles.
			time.Sleep(time.Second)
			if err := a.profile(cfg.duration-2*time.Second, cfg.serverProfile); err != nil {
				r.notes = append(r.notes, "server profile: "+err.Error())
			}
		}()
	} else {
		close(profiled)
	}
	r.submitted = send(ctx, phones, sent, cfg.rate, cfg.duration)
	r.sendTime = time.Since(r.sendStart)
	<-restarted
	<-profiled
	if r.restart != nil && r.restart.newPID != 0 {
		// CPU is not comparable across two processes; memory is read from the new one.
		r.notes = append(r.notes, fmt.Sprintf("server restarted: now pid %d, log %s", r.restart.newPID, r.restart.log))
		r.pid = 0
	}
	waitFor(ctx, cfg.drain, func() bool { return pending(phones) == 0 })
	r.ackTime = time.Since(r.sendStart)
	if r.pid != 0 {
		r.cpuAfter = cpuTicks(r.pid)
	}
	r.selfCPUAfter = cpuTicks(os.Getpid())
	r.acked = acked.Load()
	r.duplicateAcks = duplicateAcks.Load()

	if cfg.storm {
		if err := storm(ctx, r, phones, sent, cfg); err != nil {
			r.notes = append(r.notes, "storm: "+err.Error())
		}
		r.acked = acked.Load()
		r.duplicateAcks = duplicateAcks.Load()
	}

	// Every acknowledged input must reach every dashboard.
	want := int(r.acked)
	waitFor(ctx, cfg.drain, func() bool {
		for _, d := range dashboards {
			if n, _ := d.counts(); n < want {
				return false
			}
		}
		return true
	})
	for _, d := range dashboards {
		n, dup := d.counts()
		r.dashMissed += int64(max(0, want-n))
		r.dashDuplicates += int64(dup)
		r.errors += d.errs.Load()
	}
	for _, p := range phones {
		r.lost += int64(p.Pending())
		for range p.Refused() {
			r.refused++
		}
	}
	r.stored, r.storedDistinct, err = a.storedCount(ws.id)
	return r, err
}

func countConnected(phones []*liveclient.Phone) int {
	n := 0
	for _, p := range phones {
		if p.Connected() {
			n++
		}
	}
	return n
}

func pending(phones []*liveclient.Phone) int {
	n := 0
	for _, p := range phones {
		n += p.Pending()
	}
	return n
}

func waitFor(ctx context.Context, limit time.Duration, done func() bool) error {
	deadline := time.Now().Add(limit)
	for !done() {
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("not done after %s", limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// send paces submissions: every millisecond it sends the number due by then,
// round-robin over the phones, so the rate is steady rather than bursty.
func send(ctx context.Context, phones []*liveclient.Phone, sent *sentLog, rate float64, d time.Duration) int64 {
	start := time.Now()
	var n int64
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	next := rand.IntN(len(phones))
	for now := range tick.C {
		if ctx.Err() != nil {
			break
		}
		elapsed := now.Sub(start)
		if elapsed > d {
			elapsed = d
		}
		due := int64(rate * elapsed.Seconds())
		for ; n < due; n++ {
			p := phones[next]
			next = (next + 1) % len(phones)
			id := uuid.Must(uuid.NewV7()).String()
			sent.mark(id)
			p.SubmitID(id, fmt.Sprintf("Synpunkt %d: fler långsiktiga samarbeten med föreningar i Västra Götaland.", n))
		}
		if elapsed >= d {
			break
		}
	}
	return n
}

// storm cuts every phone's connection within 5 s while input keeps coming,
// then checks that each phone reconnected and resynchronised.
func storm(ctx context.Context, r *report, phones []*liveclient.Phone, sent *sentLog, cfg config) error {
	before := make([]int, len(phones))
	for i, p := range phones {
		before[i] = p.Syncs()
	}
	start := time.Now()
	var wg sync.WaitGroup
	for _, p := range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(rand.N(5 * time.Second))
			p.Drop()
		}()
	}
	stormSent := send(ctx, phones, sent, min(cfg.rate, 1000), 5*time.Second)
	wg.Wait()
	r.submitted += stormSent
	err := waitFor(ctx, time.Minute, func() bool {
		for i, p := range phones {
			if p.Syncs() <= before[i] || !p.Connected() {
				return false
			}
		}
		return true
	})
	r.stormTime = time.Since(start)
	r.stormDone = err == nil
	for i, p := range phones {
		if p.Syncs() > before[i] {
			r.stormResynced++
		}
	}
	waitFor(ctx, cfg.drain, func() bool { return pending(phones) == 0 })
	return err
}
