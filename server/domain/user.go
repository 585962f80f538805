package domain

import "time"

type Role string

const (
	RoleAdmin       Role = "admin"       // manages users and everything else
	RoleFacilitator Role = "facilitator" // processledare: runs the events assigned to them
	RoleReader      Role = "reader"      // sees and exports the events assigned to them, changes nothing
)

// Roles in the order the user pages offer them.
var Roles = []Role{RoleFacilitator, RoleReader, RoleAdmin}

func ValidRole(r Role) bool { return r == RoleAdmin || r == RoleFacilitator || r == RoleReader }

type User struct {
	ID        string
	Email     string
	Name      string
	Role      Role
	Active    bool
	CreatedAt time.Time
	Lang      string // the language e-mail to them is written in
}

const MinPasswordRunes = 10

// Object kinds that users are assigned to and the audit log speaks of.
const (
	KindWorkshop     = "workshop"
	KindConsultation = "consultation"
)

// Actor is who did something, as the audit log records it: a user, or the
// server itself (retention) with an empty ID.
type Actor struct {
	ID   string
	Name string
}

// SystemActor is the server acting on its own (retention).
var SystemActor = Actor{Name: "Samråd (automatiskt)"}

// AutoSortActor is the automatic sorting setting placing an answer.
var AutoSortActor = Actor{Name: "Automatisk sortering"}

// AuditEntry is one line of the audit log. Before and After are JSON (or
// empty); a redacted entry has lost them to retention.
type AuditEntry struct {
	ID         int64
	At         time.Time
	Actor      Actor
	Action     string
	ObjectKind string
	ObjectID   string
	EventID    string
	Before     string
	After      string
	Redacted   bool
}
