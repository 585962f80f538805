package live

import (
	"fmt"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// BenchmarkPublish measures the fan-out of one new input: encoding it once
// for staff and once for members, and queuing it for every staff connection
// and every phone at the input's table, on a hub holding many phones. The
// queues are drained as the connections' writers would.
func BenchmarkPublish(b *testing.B) {
	for _, tc := range []struct{ phones, perTable, staff int }{
		{10000, 10, 20},
		{10000, 2, 20},
	} {
		b.Run(fmt.Sprintf("phones=%d/perTable=%d/dashboards=%d", tc.phones, tc.perTable, tc.staff), func(b *testing.B) {
			h := NewHub()
			var clients []*Client
			for i := 0; i < tc.phones; i++ {
				c := h.subscribe(topicW, fmt.Sprintf("t%d", i/tc.perTable), func() {})
				c.Start(startMsg, 0)
				clients = append(clients, c)
			}
			for i := 0; i < tc.staff; i++ {
				c := h.subscribe(topicW, "", func() {})
				c.Start(startMsg, 0)
				clients = append(clients, c)
			}
			in := domain.Input{ID: "01a20529-ed3c-7ce1-be34-7ac01769725e", QuestionID: "q", TableID: "t0", ThemeID: "th",
				Text: "Fler långsiktiga samarbeten med föreningarna i Västra Götaland.", CreatedAt: time.Now()}
			tables := tc.phones / tc.perTable
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				table := fmt.Sprintf("t%d", i%tables)
				in.TableID = table
				h.Publish([]domain.Change{{Topic: topicW, Seq: int64(i + 1), Type: "input", Audience: domain.ToMember,
					Member: table, Payload: in, MemberPayload: in.ForTable()}})
				if i%64 == 63 {
					for _, c := range clients {
						c.Next(1 << 20)
					}
				}
			}
			b.StopTimer()
			if st := h.Stats(); st.Dropped > 0 {
				b.Fatalf("%d clients dropped", st.Dropped)
			}
		})
	}
}
