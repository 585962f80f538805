package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
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

func TestAccessibilityFeedbackIsLimited(t *testing.T) {
	ts := newConfiguredServer(t, storage.Options{}, func(cfg *web.Config, _ *storage.Store) { cfg.ProxyHeader = "X-Forwarded-For" })
	send := func(b *browser, i int) response {
		return b.postForm("/accessibility", "/accessibility", url.Values{"message": {fmt.Sprintf("Knappen syns inte (%d)", i)}})
	}
	flood := ts.browser(t)
	flood.from = "198.51.100.7"
	for i := 0; i < 5; i++ {
		if res := send(flood, i); res.Status != http.StatusSeeOther {
			t.Fatalf("message %d: status %d", i, res.Status)
		}
	}
	if res := send(flood, 5); res.Status != http.StatusTooManyRequests || !strings.Contains(res.Body, "Försök igen om en stund") {
		t.Errorf("sixth message from one address: status %d", res.Status)
	}
	other := ts.browser(t)
	other.from = "198.51.100.8"
	if res := send(other, 0); res.Status != http.StatusSeeOther {
		t.Errorf("another address: status %d", res.Status)
	}
	list, err := ts.store.ListFeedback(context.Background(), 100)
	if err != nil || len(list) != 6 {
		t.Errorf("%d messages stored (%v), want 6", len(list), err)
	}
}
