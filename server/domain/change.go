package domain

// TopicKind says what a live topic is: a workshop or a consultation. Each has
// its own numbering of changes and its own kind of member.
type TopicKind uint8

const (
	TopicWorkshop     TopicKind = iota + 1 // members are tables (their phones)
	TopicConsultation                      // members are respondents (their open answer forms)
)

func (k TopicKind) String() string {
	switch k {
	case TopicWorkshop:
		return "workshop"
	case TopicConsultation:
		return "consultation"
	}
	return "unknown"
}

// Topic is one stream of numbered changes that live connections follow.
type Topic struct {
	Kind TopicKind
	ID   string
}

func WorkshopTopic(id string) Topic     { return Topic{Kind: TopicWorkshop, ID: id} }
func ConsultationTopic(id string) Topic { return Topic{Kind: TopicConsultation, ID: id} }

// Audience says which of a topic's connections a change concerns. Staff (the
// facilitators' dashboards and projectors, the working group's overview) get
// every change; members (a table's phones, a respondent's open forms) get
// only what is theirs or everyone's.
type Audience uint8

const (
	ToStaff    Audience = iota // staff only (moderation, a respondent's status)
	ToMember                   // staff, and the connections of Change.Member
	ToEveryone                 // staff and every member (questions, themes, workshop state)
)

// Change is one committed, numbered change in a topic, published to live
// connections after the transaction that made it has committed.
type Change struct {
	Topic    Topic
	Seq      int64
	Type     string // the message type on the wire: "input", "question", "theme", ...
	Audience Audience
	Member   string // with ToMember: the table or respondent it concerns
	Payload  any    // what staff get
	// MemberPayload is what members get, when it differs from Payload.
	MemberPayload any
	// Origin, if set, is the connection that made the change; its reply
	// carries the result, so it is not sent the change as well.
	Origin any
}
