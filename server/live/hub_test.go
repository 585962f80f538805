package live

import (
	"encoding/json"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

var topicW = domain.WorkshopTopic("w")

func change(seq int64, aud domain.Audience, member string) domain.Change {
	return domain.Change{Topic: topicW, Seq: seq, Type: "input", Audience: aud, Member: member,
		Payload: map[string]any{"for": "staff", "seq": seq}, MemberPayload: map[string]any{"for": "members", "seq": seq}}
}

var startMsg = []byte(`{"type":"start"}`)

// subscribe attaches a client the way a connection does: with its opening
// message, and a wake function that counts how often a writer was asked for.
func subscribe(h *Hub, tp domain.Topic, member string) (*Client, *int) {
	wakes := new(int)
	c := h.subscribe(tp, member, func() { *wakes++ })
	c.Start(startMsg, 0)
	return c, wakes
}

// drain plays the connection's writer: it takes everything queued.
func drain(c *Client) []map[string]any {
	var out []map[string]any
	for {
		batch, _, code := c.Next(1000)
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
	h := NewHub()
	staff, _ := subscribe(h, topicW, "")
	table1, _ := subscribe(h, topicW, "t1")
	table2, _ := subscribe(h, topicW, "t2")
	other, _ := subscribe(h, domain.WorkshopTopic("other"), "")
	sameIDOtherKind, _ := subscribe(h, domain.ConsultationTopic("w"), "")
	h.Publish([]domain.Change{
		change(1, domain.ToMember, "t1"),
		change(2, domain.ToStaff, ""),
		change(3, domain.ToEveryone, ""),
	})
	if got := drain(staff); len(got) != 3 || forOf(got[0]) != "staff" {
		t.Errorf("staff got %v, want all 3 in the staff form", got)
	}
	got1 := drain(table1)
	if len(got1) != 2 || got1[0]["seq"].(float64) != 1 || got1[1]["seq"].(float64) != 3 || forOf(got1[0]) != "members" {
		t.Errorf("table 1 got %v, want seq 1 and 3 in the members' form", got1)
	}
	if got2 := drain(table2); len(got2) != 1 || got2[0]["seq"].(float64) != 3 {
		t.Errorf("table 2 got %v, want only the change for everyone", got2)
	}
	if got := drain(other); len(got) != 0 {
		t.Errorf("another workshop's staff got %v", got)
	}
	if got := drain(sameIDOtherKind); len(got) != 0 {
		t.Errorf("a consultation with the same id got the workshop's changes: %v", got)
	}
}

func TestStartDropsWhatTheOpeningHolds(t *testing.T) {
	h := NewHub()
	c := h.subscribe(topicW, "", func() {})
	h.Publish([]domain.Change{change(5, domain.ToStaff, ""), change(6, domain.ToStaff, ""), change(7, domain.ToStaff, "")})
	// The opening was read after subscribing and holds everything up to 6.
	c.Start(startMsg, 6)
	if got := drain(c); len(got) != 1 || got[0]["seq"].(float64) != 7 {
		t.Errorf("after an opening at 6 the client got %v, want only 7", got)
	}
}

func TestMemberThatDoesNotReadIsDroppedAndCounted(t *testing.T) {
	h := NewHub()
	slow, _ := subscribe(h, topicW, "t1")
	fast, _ := subscribe(h, topicW, "")
	for seq := int64(1); seq <= MemberQueue+1; seq++ {
		h.Publish([]domain.Change{change(seq, domain.ToMember, "t1")})
		drain(fast)
	}
	select {
	case <-slow.Done():
		if slow.CloseCode() != CloseTooSlow {
			t.Errorf("close code %d, want %d", slow.CloseCode(), CloseTooSlow)
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
		t.Errorf("stats %+v, want 1 dropped, the dashboard kept", st)
	}
}

// Replies never overflow: the reader takes a slot per message and stops
// when MaxInFlight are owed, so a fast sender is slowed, not dropped.
func TestRepliesAreBoundedBySlotsNotDropped(t *testing.T) {
	c := newClient(topicW, "t1", MemberQueue, func() {})
	c.Start(startMsg, 0)
	for i := 0; i < MaxInFlight; i++ {
		if !c.acquire() {
			t.Fatal("a slot was refused while the client is live")
		}
		c.answer([]byte(`{"type":"ack"}`))
	}
	select {
	case c.slots <- struct{}{}:
		t.Fatal("more than MaxInFlight replies could be owed")
	default:
	}
	batch, owed, code := c.Next(maxBatch)
	if code != 0 || owed != MaxInFlight || len(batch) != MaxInFlight+1 {
		t.Fatalf("Next: %d frames, %d owed, code %d", len(batch), owed, code)
	}
	c.release(owed)
	if !c.acquire() {
		t.Error("no slot after the replies were written")
	}
	if c.CloseCode() != 0 {
		t.Errorf("the client was let go (%d) for sending fast", c.CloseCode())
	}
}

func TestEncodeOnce(t *testing.T) {
	h := NewHub()
	a, _ := subscribe(h, topicW, "")
	b, _ := subscribe(h, topicW, "")
	h.Publish([]domain.Change{change(1, domain.ToStaff, "")})
	ba, _, _ := a.Next(10)
	bb, _, _ := b.Next(10)
	if &ba[1][0] != &bb[1][0] {
		t.Error("each staff connection got its own encoding of the same change")
	}
}

func TestWriterOnDemand(t *testing.T) {
	h := NewHub()
	wakes := 0
	c := h.subscribe(topicW, "", func() { wakes++ })
	h.Publish([]domain.Change{change(1, domain.ToStaff, "")})
	if wakes != 0 {
		t.Fatal("a writer was woken before the opening message was given")
	}
	c.Start(startMsg, 0)
	if wakes != 1 {
		t.Fatalf("wakes after Start = %d, want 1", wakes)
	}
	h.Publish([]domain.Change{change(2, domain.ToStaff, "")})
	if wakes != 1 {
		t.Fatal("a second writer was woken while one was running")
	}
	batch, _, _ := c.Next(10)
	if len(batch) != 3 || string(batch[0]) != string(startMsg) {
		t.Fatalf("batch %q: want the opening message first, then both changes", batch)
	}
	if b, _, code := c.Next(10); b != nil || code != 0 {
		t.Fatal("queue not empty")
	}
	// The writer has stopped; the next change wakes a new one.
	h.Publish([]domain.Change{change(3, domain.ToStaff, "")})
	if wakes != 2 {
		t.Fatalf("wakes = %d, want 2", wakes)
	}
	c.End(CloseGoingAway)
	if b, _, code := c.Next(10); b != nil || code != CloseGoingAway {
		t.Errorf("after End: batch %q code %d", b, code)
	}
	h.Publish([]domain.Change{change(4, domain.ToStaff, "")})
	if wakes != 2 {
		t.Error("a writer was woken for a client that was let go")
	}
}

func TestEndAfterQueuedWritesFirst(t *testing.T) {
	c := newClient(topicW, "", 10, func() {})
	c.Start([]byte("ack"), 0)
	c.EndAfterQueued(CloseServerRestart)
	if b, _, code := c.Next(10); len(b) != 1 || code != 0 {
		t.Fatalf("batch %q code %d: want the queued reply first", b, code)
	}
	if _, _, code := c.Next(10); code != CloseServerRestart {
		t.Errorf("then code %d, want %d", code, CloseServerRestart)
	}
}

func TestOriginIsNotEchoed(t *testing.T) {
	h := NewHub()
	sender, _ := subscribe(h, topicW, "t1")
	mate, _ := subscribe(h, topicW, "t1")
	c := change(1, domain.ToMember, "t1")
	c.Origin = sender
	h.Publish([]domain.Change{c})
	if got := drain(sender); len(got) != 0 {
		t.Errorf("the submitting phone got its own change back: %v", got)
	}
	if got := drain(mate); len(got) != 1 {
		t.Errorf("the other phone at the table got %d changes, want 1", len(got))
	}
}

// A hub forgets a topic once nobody follows it: a conference's workshops
// and consultations come and go over months of uptime.
func TestIdleTopicsAreForgotten(t *testing.T) {
	h := NewHub()
	var clients []*Client
	for i := 0; i < 50; i++ {
		c, _ := subscribe(h, domain.WorkshopTopic(string(rune('a'+i%26))+"x"), "t")
		clients = append(clients, c)
	}
	if h.Stats().Topics == 0 {
		t.Fatal("no topics while clients follow them")
	}
	for _, c := range clients {
		h.unsubscribe(c)
	}
	if st := h.Stats(); st.Topics != 0 || st.Phones != 0 {
		t.Errorf("after every client left: %+v, want no topics", st)
	}
	// Publishing to a topic nobody follows creates nothing.
	h.Publish([]domain.Change{change(1, domain.ToStaff, "")})
	if h.Stats().Topics != 0 {
		t.Error("publishing created a topic")
	}
}

func TestSubscribeAfterShutdownIsLetGoAtStart(t *testing.T) {
	h := NewHub()
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	wakes := 0
	c := h.subscribe(topicW, "", func() { wakes++ })
	if wakes != 0 {
		t.Fatal("a writer was woken before the connection called Start")
	}
	c.Start(startMsg, 0)
	if _, _, code := c.Next(10); wakes != 1 || code != CloseServerRestart {
		t.Errorf("after Start: wakes %d, code %d", wakes, code)
	}
}

func TestEnvelopeOfBrokenMessages(t *testing.T) {
	for _, tc := range []struct{ name, raw, id, req string }{
		{"SyntaxErrorLater", `{"type":"submit","id":"abc","text":"unterminated`, "abc", ""},
		{"WrongTypeElsewhere", `{"type":"submit","id":"abc","text":5}`, "abc", ""},
		{"UnknownField", `{"type":"moderate","req":"r7","admin":true}`, "", "r7"},
		{"NestedFirst", `{"answer":{"id":"not-this","x":[1,{"req":"nor-this"}]},"req":"r8","type":"draft"}`, "", "r8"},
		{"KeysInOtherCase", `{"TYPE":"submit","Id":"abc"}`, "abc", ""},
		{"NotAnObject", `["id","abc"]`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := readEnvelope([]byte(tc.raw))
			if env.ID != tc.id || env.Req != tc.req {
				t.Errorf("envelope %+v, want id %q req %q", env, tc.id, tc.req)
			}
		})
	}
}
