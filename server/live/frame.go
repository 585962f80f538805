package live

import (
	"bytes"
	"encoding/json"

	"github.com/samrad-se/samrad/server/domain"
)

// Every frame the server sends is made here.

func mustEncode(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Payloads are our own types; failing to encode one is a programming error.
		panic(err)
	}
	return b
}

type changeFrame struct {
	Type string `json:"type"`
	Seq  int64  `json:"seq"`
	Data any    `json:"data"`
}

// encoded is a change encoded once for each audience that may receive it.
type encoded struct {
	seq      int64
	audience domain.Audience
	member   string
	origin   any
	staff    []byte
	members  []byte // nil when members must not see it
}

func encodeChange(c domain.Change) encoded {
	e := encoded{seq: c.Seq, audience: c.Audience, member: c.Member, origin: c.Origin,
		staff: mustEncode(changeFrame{Type: c.Type, Seq: c.Seq, Data: c.Payload})}
	switch {
	case c.Audience == domain.ToStaff:
	case c.MemberPayload != nil:
		e.members = mustEncode(changeFrame{Type: c.Type, Seq: c.Seq, Data: c.MemberPayload})
	default:
		e.members = e.staff
	}
	return e
}

// frameOf encodes a change for one connection only (staff when member is
// empty), or returns nil when it is not meant for it: a resume encodes each
// missed change once, for the one connection it opens.
func frameOf(c domain.Change, member string) []byte {
	switch {
	case member == "":
		return mustEncode(changeFrame{Type: c.Type, Seq: c.Seq, Data: c.Payload})
	case c.Audience == domain.ToEveryone || (c.Audience == domain.ToMember && c.Member == member):
		data := c.MemberPayload
		if data == nil {
			data = c.Payload
		}
		return mustEncode(changeFrame{Type: c.Type, Seq: c.Seq, Data: data})
	}
	return nil
}

type snapshotFrame struct {
	Type  string `json:"type"`
	Epoch string `json:"epoch"`
	Seq   int64  `json:"seq"`
	Data  any    `json:"data"`
}

type resumeHead struct {
	Type  string           `json:"type"`
	Epoch string           `json:"epoch"`
	Seq   int64            `json:"seq"`
	Now   domain.ServerNow `json:"now"` // the server's clock, for time boxes
}

// resumeFrame writes {"type":"resume","epoch":…,"seq":…,"changes":[…]} with
// the changes' frames as they are, without decoding them again.
func resumeFrame(epoch string, seq int64, changes [][]byte) []byte {
	head := mustEncode(resumeHead{Type: "resume", Epoch: epoch, Seq: seq})
	var b bytes.Buffer
	b.Grow(len(head) + 16 + 256*len(changes))
	b.Write(head[:len(head)-1]) // without the closing brace
	b.WriteString(`,"changes":[`)
	for i, c := range changes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(c)
	}
	b.WriteString("]}")
	return b.Bytes()
}

type ackFrame struct {
	Type      string `json:"type"`
	ID        string `json:"id"`
	Duplicate bool   `json:"duplicate"`
	Data      any    `json:"data,omitempty"`
}

// Ack answers a submission: it is committed (duplicate: it already was), and
// data is what was stored.
func Ack(id string, duplicate bool, data any) []byte {
	return mustEncode(ackFrame{Type: "ack", ID: id, Duplicate: duplicate, Data: data})
}

type okFrame struct {
	Type string `json:"type"`
	Req  string `json:"req"`
	Data any    `json:"data,omitempty"`
}

// OK answers a request: it is committed.
func OK(req string, data any) []byte { return mustEncode(okFrame{Type: "ok", Req: req, Data: data}) }

type savedFrame struct {
	Type      string `json:"type"`
	Req       string `json:"req"`
	Rev       int64  `json:"rev"`
	Conflicts any    `json:"conflicts,omitempty"`
}

// Saved answers a draft: the draft stands at revision rev with the fields
// sent, except those in conflicts (nil for none): fields a colleague
// changed first, with the colleague's value, which the draft keeps.
func Saved(req string, rev int64, conflicts any) []byte {
	return mustEncode(savedFrame{Type: "saved", Req: req, Rev: rev, Conflicts: conflicts})
}

// ErrorReply is a refusal as the client reads it, in its language.
type ErrorReply struct {
	Type    string `json:"type"`
	ID      string `json:"id,omitempty"`
	Req     string `json:"req,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Retry   bool   `json:"retry"`
}

var (
	pingFrame = mustEncode(struct {
		Type string `json:"type"`
	}{"ping"})
	pongFrame = mustEncode(struct {
		Type string `json:"type"`
	}{"pong"})
)
