package hub

import (
	"encoding/json"

	"github.com/samrad-se/samrad/server/domain"
)

// envelope is the shape of every live message: {"type":…,"seq":…,"data":…}.
type envelope struct {
	Type string `json:"type"`
	Seq  int64  `json:"seq,omitempty"`
	Data any    `json:"data,omitempty"`
}

// Encode produces one message for the wire.
func Encode(typ string, seq int64, data any) []byte {
	b, err := json.Marshal(envelope{Type: typ, Seq: seq, Data: data})
	if err != nil {
		// Payloads are our own types; failing to encode one is a programming error.
		panic(err)
	}
	return b
}

// entry is a change encoded once for each audience that may receive it.
type entry struct {
	seq      int64
	audience domain.Audience
	tableID  string
	forDash  []byte
	forPhone []byte // nil when phones must not see it
}

func encodeChange(c domain.Change) entry {
	e := entry{seq: c.Seq, audience: c.Audience, tableID: c.TableID, forDash: Encode(c.Type, c.Seq, c.Payload)}
	switch {
	case c.Audience == domain.ToDashboards:
	case c.PhonePayload != nil:
		e.forPhone = Encode(c.Type, c.Seq, c.PhonePayload)
	default:
		e.forPhone = e.forDash
	}
	return e
}

// frameFor returns what a client gets of an entry, or nil.
func (e *entry) frameFor(c *Client) []byte {
	if c.tableID == "" {
		return e.forDash
	}
	if e.audience == domain.ToEveryone || (e.audience == domain.ToTable && e.tableID == c.tableID) {
		return e.forPhone
	}
	return nil
}
