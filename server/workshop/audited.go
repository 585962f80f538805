package workshop

import (
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// How each facilitator's command on a workshop appears in the audit log
// (audit.Audited records it): the action, the objects it changes and their
// states before.

// entry names a change to objects of a workshop, with their states before.
// The first object names the entry; without objects, the workshop does.
func entry(tx *storage.Tx, workshopID, action, kind string, ids ...string) (audit.Entry, error) {
	e := audit.Entry{Action: action, Kind: kind, ObjectID: workshopID, EventID: workshopID}
	if len(ids) > 0 {
		e.ObjectID = ids[0]
	}
	var before []any
	for _, id := range ids {
		state, err := stateOf(tx, workshopID, kind, id)
		if err != nil {
			// The command reports a missing object in its own words.
			break
		}
		before = append(before, state)
	}
	e.Before = audit.States(before...)
	return e, nil
}

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

func (m *Moderate) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, m.WorkshopID, "input."+m.Action, "input", append([]string{m.InputID}, m.Sources...)...)
}

func (c *Create) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "workshop.create", Kind: domain.KindWorkshop}, nil
}
func (c *Create) CreatedID() string { return c.ID }

// AuditAfter is the new workshop as it now is: nobody watches it live yet.
func (c *Create) AuditAfter(tx *storage.Tx) any {
	w, err := tx.Workshop(c.ID)
	if err != nil {
		return nil
	}
	return w
}

func (c *SetAutoSort) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "workshop.auto_sort", domain.KindWorkshop, c.WorkshopID)
}
func (c *SetThemeSummary) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "theme.summary", "theme", c.ThemeID)
}
func (c *UpdateDetails) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "workshop.details", domain.KindWorkshop, c.WorkshopID)
}
func (c *SetState) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "workshop.state", domain.KindWorkshop, c.WorkshopID)
}
func (c *AddQuestion) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "question.add", "question")
}
func (c *EditQuestion) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "question.edit", "question", c.QuestionID)
}
func (c *SetQuestionState) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "question.state", "question", c.QuestionID)
}
func (c *MoveQuestion) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "question.move", "question", c.QuestionID)
}
func (c *AddTheme) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "theme.add", "theme")
}
func (c *UpdateTheme) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "theme.edit", "theme", c.ThemeID)
}
func (c *MoveTheme) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "theme.move", "theme", c.ThemeID)
}
func (c *DeleteTheme) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "theme.delete", "theme", c.ThemeID)
}
func (c *AddTables) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "table.add", "table")
}
func (c *RenameTable) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "table.rename", "table", c.TableID)
}

func (c *SetTimebox) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "question.timebox", "question", c.QuestionID)
}
func (c *CloseTimebox) Audit(tx *storage.Tx) (audit.Entry, error) {
	return entry(tx, c.WorkshopID, "question.time_out", "question", c.QuestionID)
}

// Audit names every question "Nästa fråga" may touch: the open ones and
// the one it opens.
func (c *NextQuestion) Audit(tx *storage.Tx) (audit.Entry, error) {
	list, err := tx.Questions(c.WorkshopID)
	if err != nil {
		return audit.Entry{}, err
	}
	var ids []string
	next := c.next(list)
	for i, q := range list {
		if q.State == domain.QuestionOpen || i == next {
			ids = append(ids, q.ID)
		}
	}
	return entry(tx, c.WorkshopID, "question.next", "question", ids...)
}
func (c *SetRounds) Audit(tx *storage.Tx) (audit.Entry, error) {
	e, err := entry(tx, c.WorkshopID, "workshop.rounds_"+string(c.Action), domain.KindWorkshop, c.WorkshopID)
	if err == nil {
		r, err := tx.Rounds(c.WorkshopID)
		if err != nil {
			return e, err
		}
		e.Before = r
	}
	return e, err
}
