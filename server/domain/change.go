package domain

// Audience says which live connections of a workshop a change concerns.
type Audience int

const (
	// ToDashboards: facilitators only (moderation).
	ToDashboards Audience = iota
	// ToTable: facilitators, and the phones of Change.TableID.
	ToTable
	// ToEveryone: facilitators and every phone (questions opened, workshop state, themes).
	ToEveryone
)

// Change is one committed, numbered change in a workshop, published to live
// views after the transaction that made it has committed.
type Change struct {
	WorkshopID string
	Seq        int64
	Type       string // the message type on the wire: "input", "question", "theme", ...
	Audience   Audience
	TableID    string
	Payload    any // what dashboards get
	// PhonePayload is what phones get, when it differs from Payload.
	PhonePayload any
	// Origin, if set, is the connection that made the change; it has its
	// acknowledgement and is not sent the change again.
	Origin any
}
