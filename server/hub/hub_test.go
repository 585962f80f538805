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

func drain(c *Client) []map[string]any {
	var out []map[string]any
	for {
		select {
		case msg := <-c.Queue():
			var m map[string]any
			if err := json.Unmarshal(msg, &m); err != nil {
				panic(err)
			}
			out = append(out, m)
		default:
			return out
		}
	}
}

func forOf(m map[string]any) string { return m["data"].(map[string]any)["for"].(string) }

func TestAudiences(t *testing.T) {
	h := New()
	dash, _ := h.Subscribe("w", "", -1)
	table1, _ := h.Subscribe("w", "t1", -1)
	table2, _ := h.Subscribe("w", "t2", -1)
	other, _ := h.Subscribe("other", "", -1)

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
		c, needSnapshot := h.Subscribe("w", "", 7)
		got := drain(c)
		if needSnapshot || len(got) != 3 || got[0]["seq"].(float64) != 8 {
			t.Errorf("snapshot=%v replay=%v, want changes 8–10", needSnapshot, got)
		}
	})
	t.Run("PhoneReplaysOnlyItsOwn", func(t *testing.T) {
		c, needSnapshot := h.Subscribe("w", "t1", 3)
		got := drain(c)
		if needSnapshot || len(got) != 4 { // 4, 6, 8, 10
			t.Errorf("snapshot=%v replay=%v, want the table's changes 4–10", needSnapshot, got)
		}
	})
	t.Run("UpToDate", func(t *testing.T) {
		c, needSnapshot := h.Subscribe("w", "", 10)
		if needSnapshot || len(drain(c)) != 0 {
			t.Error("a client that saw everything got something")
		}
	})
	t.Run("AheadOfServerNeedsSnapshot", func(t *testing.T) {
		if _, needSnapshot := h.Subscribe("w", "", 99); !needSnapshot {
			t.Error("a sequence number from the future (a restored database) was resumed")
		}
	})
	t.Run("NewClientNeedsSnapshot", func(t *testing.T) {
		if _, needSnapshot := h.Subscribe("w", "", -1); !needSnapshot {
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
		if _, needSnapshot := h.Subscribe("w", "", 5); !needSnapshot {
			t.Error("a client behind the ring was resumed")
		}
		c, needSnapshot := h.Subscribe("w", "", RingSize+5)
		if needSnapshot || len(drain(c)) != 5 {
			t.Error("a client inside the ring was not resumed")
		}
	})
	t.Run("EmptyRingNeedsSnapshot", func(t *testing.T) {
		if _, needSnapshot := New().Subscribe("w", "", 3); !needSnapshot {
			t.Error("after a restart (empty ring) a client was resumed")
		}
	})
}

func TestSlowClientIsDropped(t *testing.T) {
	h := New()
	slow, _ := h.Subscribe("w", "t1", -1)
	fast, _ := h.Subscribe("w", "", -1)
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
	if st := h.Stats(); st.Dropped != 1 || st.Clients != 1 {
		t.Errorf("stats %+v, want 1 dropped, 1 client left", st)
	}
}

func TestShutdown(t *testing.T) {
	h := New()
	c, _ := h.Subscribe("w", "t1", -1)
	h.Shutdown()
	if c.CloseCode() != CodeServerRestart {
		t.Errorf("close code %d, want %d", c.CloseCode(), CodeServerRestart)
	}
	late, _ := h.Subscribe("w", "", -1)
	select {
	case <-late.Done():
	default:
		t.Error("a client subscribing after shutdown was kept")
	}
}

func TestEncodeOnce(t *testing.T) {
	h := New()
	a, _ := h.Subscribe("w", "", -1)
	b, _ := h.Subscribe("w", "", -1)
	h.Publish([]domain.Change{change(1, domain.ToDashboards, "")})
	ma, mb := <-a.Queue(), <-b.Queue()
	if &ma[0] != &mb[0] {
		t.Error("each dashboard got its own encoding of the same change")
	}
}
