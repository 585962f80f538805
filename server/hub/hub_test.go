package hub

import (
	"encoding/json"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

func change(seq int64, aud domain.Audience, table string) domain.Change {
	return domain.Change{WorkshopID: "w", Seq: seq, Type: "input", Audience: aud, TableID: table,
		Payload: map[string]any{"for": "dashboards", "seq": seq}, PhonePayload: map[string]any{"for": "phones", "seq": seq}}
}

var startMsg = Encode("start", 0, nil)

// subscribe attaches a client the way a connection does: with its opening
// message, and a wake function that counts how often a writer was asked for.
func subscribe(h *Hub, workshopID, tableID string, since int64) (*Client, bool, *int) {
	wakes := new(int)
	c, needSnapshot := h.Subscribe(workshopID, tableID, since, func() { *wakes++ })
	c.Start(startMsg)
	return c, needSnapshot, wakes
}

// drain plays the connection's writer: it takes everything queued.
func drain(c *Client) []map[string]any {
	var out []map[string]any
	for {
		batch, code := c.Next(1000)
		if code != 0 || batch == nil {
			return out
		}
		for _, msg := range batch {
			var m map[string]any
			if err := json.Unmarshal(msg, &m); err != nil {
				panic(err)
			}
			if m["type"] != "start" {
				out = append(out, m)
			}
		}
	}
}

func forOf(m map[string]any) string { return m["data"].(map[string]any)["for"].(string) }

func TestAudiences(t *testing.T) {
	h := New()
	dash, _, _ := subscribe(h, "w", "", -1)
	table1, _, _ := subscribe(h, "w", "t1", -1)
	table2, _, _ := subscribe(h, "w", "t2", -1)
	other, _, _ := subscribe(h, "other", "", -1)

	h.Publish([]domain.Change{
		change(1, domain.ToTable, "t1"),
		change(2, domain.ToDashboards, ""),
		change(3, domain.ToEveryone, ""),
	})

	if got := drain(dash); len(got) != 3 || forOf(got[0]) != "dashboards" {
		t.Errorf("dashboard got %v, want all 3 in the dashboard form", got)
	}
	got1 := drain(table1)
	if len(got1) != 2 || got1[0]["seq"].(float64) != 1 || got1[1]["seq"].(float64) != 3 || forOf(got1[0]) != "phones" {
		t.Errorf("table 1 got %v, want seq 1 and 3 in the phone form", got1)
	}
	if got2 := drain(table2); len(got2) != 1 || got2[0]["seq"].(float64) != 3 {
		t.Errorf("table 2 got %v, want only the change for everyone", got2)
	}
	if got := drain(other); len(got) != 0 {
		t.Errorf("another workshop's dashboard got %v", got)
	}
}

func TestResume(t *testing.T) {
	h := New()
	var changes []domain.Change
	for seq := int64(1); seq <= 10; seq++ {
		aud := domain.ToDashboards
		if seq%2 == 0 {
			aud = domain.ToTable
		}
		changes = append(changes, change(seq, aud, "t1"))
	}
	h.Publish(changes)

	t.Run("DashboardReplaysMissed", func(t *testing.T) {
		c, needSnapshot, _ := subscribe(h, "w", "", 7)
		got := drain(c)
		if needSnapshot || len(got) != 3 || got[0]["seq"].(float64) != 8 {
			t.Errorf("snapshot=%v replay=%v, want changes 8–10", needSnapshot, got)
		}
	})
	t.Run("PhoneReplaysOnlyItsOwn", func(t *testing.T) {
		c, needSnapshot, _ := subscribe(h, "w", "t1", 3)
		got := drain(c)
		if needSnapshot || len(got) != 4 { // 4, 6, 8, 10
			t.Errorf("snapshot=%v replay=%v, want the table's changes 4–10", needSnapshot, got)
		}
	})
	t.Run("UpToDate", func(t *testing.T) {
		c, needSnapshot, _ := subscribe(h, "w", "", 10)
		if needSnapshot || len(drain(c)) != 0 {
			t.Error("a client that saw everything got something")
		}
	})
	t.Run("AheadOfServerNeedsSnapshot", func(t *testing.T) {
		if _, needSnapshot, _ := subscribe(h, "w", "", 99); !needSnapshot {
			t.Error("a sequence number from the future (a restored database) was resumed")
		}
	})
	t.Run("NewClientNeedsSnapshot", func(t *testing.T) {
		if _, needSnapshot, _ := subscribe(h, "w", "", -1); !needSnapshot {
			t.Error("a new client got no snapshot")
		}
	})
	t.Run("TooFarBehindNeedsSnapshot", func(t *testing.T) {
		h := New()
		var many []domain.Change
		for seq := int64(1); seq <= RingSize+10; seq++ {
			many = append(many, change(seq, domain.ToDashboards, ""))
		}
		h.Publish(many)
		if _, needSnapshot, _ := subscribe(h, "w", "", 5); !needSnapshot {
			t.Error("a client behind the ring was resumed")
		}
		c, needSnapshot, _ := subscribe(h, "w", "", RingSize+5)
		if needSnapshot || len(drain(c)) != 5 {
			t.Error("a client inside the ring was not resumed")
		}
	})
	t.Run("EmptyRingNeedsSnapshot", func(t *testing.T) {
		if _, needSnapshot, _ := subscribe(New(), "w", "", 3); !needSnapshot {
			t.Error("after a restart (empty ring) a client was resumed")
		}
	})
}

func TestSlowClientIsDropped(t *testing.T) {
	h := New()
	slow, _, _ := subscribe(h, "w", "t1", -1)
	fast, _, _ := subscribe(h, "w", "", -1)
	for seq := int64(1); seq <= PhoneQueue+1; seq++ {
		h.Publish([]domain.Change{change(seq, domain.ToTable, "t1")})
		drain(fast)
	}
	select {
	case <-slow.Done():
		if slow.CloseCode() != CodeTooSlow {
			t.Errorf("close code %d, want %d", slow.CloseCode(), CodeTooSlow)
		}
	default:
		t.Fatal("a phone whose queue overflowed was not dropped")
	}
	select {
	case <-fast.Done():
		t.Fatal("a client that kept up was dropped")
	default:
	}
	if st := h.Stats(); st.Dropped != 1 || st.Phones != 0 || st.Dashboards != 1 {
		t.Errorf("stats %+v, want 1 dropped, 1 client left", st)
	}
}

func TestShutdown(t *testing.T) {
	h := New()
	c, _, _ := subscribe(h, "w", "t1", -1)
	h.Shutdown()
	if c.CloseCode() != CodeServerRestart {
		t.Errorf("close code %d, want %d", c.CloseCode(), CodeServerRestart)
	}
	late, _, _ := subscribe(h, "w", "", -1)
	select {
	case <-late.Done():
	default:
		t.Error("a client subscribing after shutdown was kept")
	}
}

func TestEncodeOnce(t *testing.T) {
	h := New()
	a, _, _ := subscribe(h, "w", "", -1)
	b, _, _ := subscribe(h, "w", "", -1)
	h.Publish([]domain.Change{change(1, domain.ToDashboards, "")})
	ba, _ := a.Next(10)
	bb, _ := b.Next(10)
	ma, mb := ba[1], bb[1]
	if &ma[0] != &mb[0] {
		t.Error("each dashboard got its own encoding of the same change")
	}
}

func TestWriterOnDemand(t *testing.T) {
	h := New()
	wakes := 0
	c, _ := h.Subscribe("w", "", -1, func() { wakes++ })
	h.Publish([]domain.Change{change(1, domain.ToDashboards, "")})
	if wakes != 0 {
		t.Fatal("a writer was woken before the opening message was given")
	}
	c.Start(startMsg)
	if wakes != 1 {
		t.Fatalf("wakes after Start = %d, want 1", wakes)
	}
	h.Publish([]domain.Change{change(2, domain.ToDashboards, "")})
	if wakes != 1 {
		t.Fatal("a second writer was woken while one was running")
	}
	batch, _ := c.Next(10)
	if len(batch) != 3 || string(batch[0]) != string(startMsg) {
		t.Fatalf("batch %q: want the opening message first, then both changes", batch)
	}
	if b, code := c.Next(10); b != nil || code != 0 {
		t.Fatal("queue not empty")
	}
	// The writer has stopped; the next change wakes a new one.
	h.Publish([]domain.Change{change(3, domain.ToDashboards, "")})
	if wakes != 2 {
		t.Fatalf("wakes = %d, want 2", wakes)
	}
	c.End(CodeGoingAway)
	if b, code := c.Next(10); b != nil || code != CodeGoingAway {
		t.Errorf("after End: batch %q code %d", b, code)
	}
	h.Publish([]domain.Change{change(4, domain.ToDashboards, "")})
	if wakes != 2 {
		t.Error("a writer was woken for a client that was let go")
	}
}

func TestEndAfterQueuedWritesFirst(t *testing.T) {
	c := newClient("w", "", 10, func() {})
	c.Start([]byte("error"))
	c.EndAfterQueued(1013)
	if b, code := c.Next(10); len(b) != 1 || code != 0 {
		t.Fatalf("batch %q code %d: want the queued message first", b, code)
	}
	if _, code := c.Next(10); code != 1013 {
		t.Errorf("then code %d, want 1013", code)
	}
}

func TestLongAbsenceGetsSnapshotNotDrop(t *testing.T) {
	h := New()
	var changes []domain.Change
	for seq := int64(1); seq <= PhoneQueue*2; seq++ {
		changes = append(changes, change(seq, domain.ToTable, "t1"))
	}
	h.Publish(changes)
	c, needSnapshot, _ := subscribe(h, "w", "t1", 0)
	if !needSnapshot {
		t.Error("a phone that missed more than its queue holds was resumed (and would be dropped)")
	}
	select {
	case <-c.Done():
		t.Error("the phone was dropped")
	default:
	}
}

func TestEndBeforeStartWaitsForStart(t *testing.T) {
	h := New()
	h.Shutdown()
	wakes := 0
	c, _ := h.Subscribe("w", "", -1, func() { wakes++ })
	if wakes != 0 {
		t.Fatal("a writer was woken before the connection called Start")
	}
	c.Start(startMsg)
	if _, code := c.Next(10); wakes != 1 || code != CodeServerRestart {
		t.Errorf("after Start: wakes %d, code %d", wakes, code)
	}
}

func TestOriginIsNotEchoed(t *testing.T) {
	h := New()
	sender, _, _ := subscribe(h, "w", "t1", -1)
	mate, _, _ := subscribe(h, "w", "t1", -1)
	c := change(1, domain.ToTable, "t1")
	c.Origin = sender
	h.Publish([]domain.Change{c})
	if got := drain(sender); len(got) != 0 {
		t.Errorf("the submitting phone got its own change back: %v", got)
	}
	if got := drain(mate); len(got) != 1 {
		t.Errorf("the other phone at the table got %d changes, want 1", len(got))
	}
}
