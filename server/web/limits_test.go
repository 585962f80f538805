package web_test

import (
	"testing"
)

func TestOneTableCannotFloodTheWorkshop(t *testing.T) {
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	// In rounds of 50, as a phone's outbox sends, so the replies fit the phone's queue.
	acked, refused := 0, 0
	for round := 0; round < 8; round++ {
		for i := 0; i < 50; i++ {
			p.send(submitMsg(f, newID(), "samma sak igen"))
		}
		for n := 0; n < 50; {
			switch m := p.next(); m.Type {
			case "ack":
				acked++
				n++
			case "error":
				if m.Code != "table_too_fast" || !m.Retry {
					t.Fatalf("refusal: %+v", m)
				}
				refused++
				n++
			}
		}
	}
	if refused == 0 || acked < 200 {
		t.Errorf("%d acknowledged, %d refused: want the burst of 200 through and the rest refused with retry", acked, refused)
	}
	if stored := len(storedInputs(t, ts, f)); stored != acked {
		t.Errorf("stored %d, acknowledged %d", stored, acked)
	}
	// Another table is not affected.
	other := phone(t, ts, f.Table(1), -1)
	other.nextOf("snapshot")
	other.send(submitMsg(f, newID(), "vårt bord"))
	if m := other.nextOf("ack"); m.Type != "ack" {
		t.Errorf("another table: %+v", m)
	}
}
