// Package audit is the one way a change is recorded in the audit log: a
// writer command that names itself (Command) is wrapped in Audited, which
// writes the entry in the same transaction as the change, so the log holds
// exactly what was committed. Nothing else appends to the log; storage only
// stores what it is given.
package audit

import (
	"encoding/json"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Entry is what a command says of itself before it runs: what it does, to
// which object, under which event (the workshop or consultation the entry is
// filed under; empty for accounts), and the object's state before.
type Entry struct {
	Action   string // "input.move", "user.update", "export.csv", …
	Kind     string // the object's kind: domain.KindWorkshop, "input", "user", …
	ObjectID string
	EventID  string
	Before   any // nil: nothing to show
}

// Command is a writer command that is recorded in the audit log.
type Command interface {
	Apply(tx *storage.Tx) ([]domain.Change, error)
	// Audit names the change before it is applied, in the same transaction.
	Audit(tx *storage.Tx) (Entry, error)
}

// Creator is a command that makes a new object, whose id is known only once
// it ran: the entry is filed under it (and under it as the event, when the
// command named none: a new workshop or consultation).
type Creator interface {
	CreatedID() string
}

// Afterward is a command that says itself what the object is like after it
// ran, when it published nothing to live views (a new workshop nobody
// watches yet); otherwise the log keeps what it published.
type Afterward interface {
	AuditAfter(tx *storage.Tx) any
}

// Audited runs a command and records it in the audit log in the same
// transaction: who, what, and the object before and after. It is itself a
// writer command.
type Audited struct {
	Command Command
	Actor   domain.Actor
}

func (a Audited) Apply(tx *storage.Tx) ([]domain.Change, error) {
	e, err := a.Command.Audit(tx)
	if err != nil {
		return nil, err
	}
	changes, err := a.Command.Apply(tx)
	if err != nil {
		return nil, err
	}
	if c, ok := a.Command.(Creator); ok {
		e.ObjectID = c.CreatedID()
		if e.EventID == "" {
			e.EventID = e.ObjectID
		}
	}
	var after any
	if len(changes) > 0 {
		states := make([]any, len(changes))
		for i, c := range changes {
			states[i] = c.Payload
		}
		after = one(states)
	} else if w, ok := a.Command.(Afterward); ok {
		after = w.AuditAfter(tx)
	}
	return changes, tx.AppendAudit(domain.AuditEntry{Actor: a.Actor, Action: e.Action, ObjectKind: e.Kind,
		ObjectID: e.ObjectID, EventID: e.EventID, Before: jsonOf(e.Before), After: jsonOf(after)})
}

// Note records something that changes nothing but must be on record (a
// download, a backup) as a writer command, like any change.
type Note Entry

func (Note) Apply(*storage.Tx) ([]domain.Change, error) { return nil, nil }

func (n Note) Audit(*storage.Tx) (Entry, error) { return Entry(n), nil }

// one is a list of states, or the state itself when there is one.
func one(states []any) any {
	if len(states) == 1 {
		return states[0]
	}
	return states
}

// States is one or several objects' states for an entry (nil when none).
func States(states ...any) any {
	if len(states) == 0 {
		return nil
	}
	return one(states)
}

func jsonOf(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
