package live

import (
	"context"

	"github.com/samrad-se/samrad/server/domain"
)

// Peer is an admitted connection: what it follows, where it stands, and how
// to speak to it. The web package fills it in at the upgrade.
type Peer struct {
	Topic  domain.Topic
	Member string // the table or respondent it is; "" for staff
	// Version is the protocol version the client speaks; Since its cursor.
	Version int
	Since   Cursor
	// MaxMessage is the largest message answered (0: DefaultMaxMessage).
	MaxMessage int
	// Who opened it, so that their connections can be found again
	// (Hub.EndWhere) when a session ends or access is taken away.
	SessionID, UserID string
	// Refuse turns an error into the refusal the client reads, in its language.
	Refuse func(err error) ErrorReply
	// Recheck, if set, says whether the connection may still stay open (the
	// login still valid, access still given); it runs every Hub.RecheckEvery.
	Recheck func(ctx context.Context) error
	// LogID names the connection in logs (its upgrade request's id).
	LogID string

	client *Client
}

// Origin identifies the connection as the maker of a change, so that it gets
// the reply and not the change as well (domain.Change.Origin).
func (p *Peer) Origin() any { return p.client }

// Opening is a connection's first message: a snapshot, or the changes it
// missed since its cursor.
type Opening struct {
	Epoch    string
	Seq      int64 // every change up to and including Seq is in
	Snapshot any   // set: a snapshot of the topic as this peer may see it
	Missed   []domain.Change
}

// An Endpoint is one kind of live connection: how it starts and what it may
// send. Who may open it is decided by the web package before the upgrade.
type Endpoint interface {
	// Open reads the opening: a resume when the peer's epoch is the topic's
	// and its missed changes can be read back, otherwise a snapshot. The
	// connection is already subscribed, so nothing committed meanwhile is
	// missed; changes queued that the opening holds are dropped by seq.
	Open(ctx context.Context, p *Peer) (Opening, error)
	// Handle answers one message with the frame to reply (Ack, OK, Saved),
	// or an error that becomes the refusal.
	Handle(ctx context.Context, p *Peer, msg *Inbound) ([]byte, error)
}
