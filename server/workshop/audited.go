package workshop

import (
	"encoding/json"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// command is what the writer runs (writer.Command; named here so that this
// package does not depend on the writer).
type command interface {
	Apply(tx *storage.Tx) ([]domain.Change, error)
}

// subject is implemented by commands a person runs on a workshop: it names
// the action and the objects it changes, so the audit log can keep their
// state before.
type subject interface {
	auditSubject() (action, kind string, ids []string)
}

// Audited runs a facilitator's command and records it in the audit log in the
// same transaction: who, what, and each changed object before and after.
type Audited struct {
	Command    command
	Actor      domain.Actor
	WorkshopID string
}

func (a *Audited) Apply(tx *storage.Tx) ([]domain.Change, error) {
	action, kind, ids := "workshop.change", domain.KindWorkshop, []string(nil)
	if s, ok := a.Command.(subject); ok {
		action, kind, ids = s.auditSubject()
	}
	var before []any
	for _, id := range ids {
		state, err := stateOf(tx, a.WorkshopID, kind, id)
		if err != nil {
			// The command reports a missing object in its own words.
			break
		}
		before = append(before, state)
	}
	changes, err := a.Command.Apply(tx)
	if err != nil {
		return nil, err
	}
	after := make([]any, 0, len(changes))
	for _, c := range changes {
		after = append(after, c.Payload)
	}
	objectID := a.WorkshopID
	if len(ids) > 0 {
		objectID = ids[0]
	} else if id := createdID(a.Command); id != "" {
		objectID = id
	}
	if len(after) == 0 && objectID != "" {
		// Changes nobody watches live (a new workshop) are still recorded as they now are.
		if state, err := stateOf(tx, a.WorkshopID, kind, objectID); err == nil {
			after = append(after, state)
		}
	}
	eventID := a.WorkshopID
	if eventID == "" {
		eventID = objectID
	}
	if err := tx.AppendAudit(domain.AuditEntry{Actor: a.Actor, Action: action, ObjectKind: kind, ObjectID: objectID,
		EventID: eventID, Before: jsonList(before), After: jsonList(after)}); err != nil {
		return nil, err
	}
	return changes, nil
}

// creator is implemented by commands that make a new object, so the audit
// entry can name it.
type creator interface{ createdID() string }

func createdID(cmd command) string {
	if c, ok := cmd.(creator); ok {
		return c.createdID()
	}
	return ""
}

func (c *Create) createdID() string { return c.ID }

func stateOf(tx *storage.Tx, workshopID, kind, id string) (any, error) {
	switch kind {
	case "input":
		return tx.Input(id)
	case "question":
		return tx.Question(workshopID, id)
	case "theme":
		return tx.Theme(workshopID, id)
	case "table":
		return tx.Table(workshopID, id)
	default:
		return tx.Workshop(id)
	}
}

func jsonList(states []any) string {
	if len(states) == 0 {
		return ""
	}
	var v any = states
	if len(states) == 1 {
		v = states[0]
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

func (m *Moderate) auditSubject() (string, string, []string) {
	return "input." + m.Action, "input", append([]string{m.InputID}, m.Sources...)
}
func (c *SetAutoSort) auditSubject() (string, string, []string) {
	return "workshop.auto_sort", domain.KindWorkshop, []string{c.WorkshopID}
}
func (c *SetThemeSummary) auditSubject() (string, string, []string) {
	return "theme.summary", "theme", []string{c.ThemeID}
}
func (c *Create) auditSubject() (string, string, []string) {
	return "workshop.create", domain.KindWorkshop, nil
}
func (c *UpdateDetails) auditSubject() (string, string, []string) {
	return "workshop.details", domain.KindWorkshop, []string{c.WorkshopID}
}
func (c *SetState) auditSubject() (string, string, []string) {
	return "workshop.state", domain.KindWorkshop, []string{c.WorkshopID}
}
func (c *AddQuestion) auditSubject() (string, string, []string) {
	return "question.add", "question", nil
}
func (c *EditQuestion) auditSubject() (string, string, []string) {
	return "question.edit", "question", []string{c.QuestionID}
}
func (c *SetQuestionState) auditSubject() (string, string, []string) {
	return "question.state", "question", []string{c.QuestionID}
}
func (c *MoveQuestion) auditSubject() (string, string, []string) {
	return "question.move", "question", []string{c.QuestionID}
}
func (c *AddTheme) auditSubject() (string, string, []string) { return "theme.add", "theme", nil }
func (c *UpdateTheme) auditSubject() (string, string, []string) {
	return "theme.edit", "theme", []string{c.ThemeID}
}
func (c *MoveTheme) auditSubject() (string, string, []string) {
	return "theme.move", "theme", []string{c.ThemeID}
}
func (c *DeleteTheme) auditSubject() (string, string, []string) {
	return "theme.delete", "theme", []string{c.ThemeID}
}
func (c *AddTables) auditSubject() (string, string, []string) { return "table.add", "table", nil }
func (c *RenameTable) auditSubject() (string, string, []string) {
	return "table.rename", "table", []string{c.TableID}
}
