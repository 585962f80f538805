package web_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// A full disk refuses the write; the phone is told to try again, nothing is
// half-written, and the resend succeeds once there is room.
func TestDiskFullTellsPhoneToRetry(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	if err := ts.store.LimitSize(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Långsiktig finansiering av föreningarnas arbete. ", 40)
	var refused []string
	for i := 0; i < 20 && len(refused) == 0; i++ {
		id := newID()
		p.send(submitMsg(f, id, long[:domain.MaxInputRunes-10]))
		m := p.next()
		switch m.Type {
		case "ack":
		case "error":
			if m.Code != "try_again" || !m.Retry || !strings.Contains(m.Message, "Försök igen") {
				t.Fatalf("disk full answered with %+v, want try_again with retry", m)
			}
			refused = append(refused, id)
		default:
			t.Fatalf("unexpected %+v", m)
		}
	}
	if len(refused) == 0 {
		t.Fatal("the size limit never refused a write; the test proves nothing")
	}
	for _, in := range storedInputs(t, ts, f) {
		if in.ID == refused[0] {
			t.Fatal("a refused input was stored")
		}
	}
	if err := ts.store.LimitSize(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	p.send(submitMsg(f, refused[0], long[:domain.MaxInputRunes-10]))
	if m := p.nextOf("ack"); m.ID != refused[0] || m.Duplicate {
		t.Errorf("resend after the disk was freed: %+v", m)
	}
}

// A lock held elsewhere (a backup, an operator's shell) longer than the busy
// timeout: the phone is told to try again and the resend succeeds.
func TestDatabaseLockedTellsPhoneToRetry(t *testing.T) {
	ts := newServerWith(t, storage.Options{BusyTimeout: 200 * time.Millisecond})
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")

	other, err := sql.Open("sqlite3", "file:"+ts.store.Path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	id := newID()
	p.send(submitMsg(f, id, "Medan någon annan skriver"))
	if m := p.nextOf("error"); m.Code != "try_again" || !m.Retry {
		t.Fatalf("locked database answered with %+v", m)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	p.send(submitMsg(f, id, "Medan någon annan skriver"))
	if m := p.nextOf("ack"); m.ID != id {
		t.Errorf("resend after the lock: %+v", m)
	}
	if n := len(storedInputs(t, ts, f)); n != 1 {
		t.Errorf("stored %d inputs, want 1", n)
	}
}

// A dashboard that stops reading is let go without holding anyone up; when
// it comes back it gets everything.
func TestSlowDashboardIsDroppedAndResyncs(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)

	slow := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	opening := slow.nextOf("snapshot")
	slow.stopReading()
	fast := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	fast.nextOf("snapshot")

	// Enough input to fill the slow dashboard's socket buffers and its queue.
	const n = live.StaffQueue + 12000
	text := strings.Repeat("Mer dialog mellan nämnder och föreningar. ", 8)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += 64 {
				s := &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: f.Table(i % 3).ID, QuestionID: f.Question(0).ID,
					ID: uuid.Must(uuid.NewV7()).String(), Text: text}
				if _, err := writer.Run(context.Background(), ts.writer, s); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	// The fast dashboard keeps up the whole time.
	got := 0
	deadline := time.After(60 * time.Second)
	for got < n {
		select {
		case m, ok := <-fast.incoming:
			if !ok {
				t.Fatalf("the fast dashboard was closed: %v", fast.closeErr)
			}
			if m.Type == "input" {
				got++
			}
		case err := <-errs:
			t.Fatal(err)
		case <-deadline:
			t.Fatalf("the fast dashboard got %d of %d inputs in 60 s", got, n)
		}
	}
	wg.Wait()
	if st := ts.hub.Stats(); st.Dropped != 1 || st.Dashboards != 1 {
		t.Errorf("hub: %+v, want the slow dashboard dropped and the fast one kept", st)
	}

	cursor := liveclient.Cursor{Epoch: opening.Epoch, Seq: opening.Seq}
	back := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID()+"?"+cursor.Query(), b.cookieHeader())
	m := back.nextWithin(60 * time.Second)
	inputs := 0
	for _, c := range m.Changes {
		if c.Type == "input" {
			inputs++
		}
	}
	if m.Type != "resume" || inputs != n {
		t.Errorf("the returning dashboard got %q with %d inputs, want a resume with all %d", m.Type, inputs, n)
	}
}
