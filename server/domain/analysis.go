package domain

import "time"

// Action is what the working group does with a view (Åtgärd).
type Action string

const (
	ActionUndecided Action = ""         // not yet decided
	ActionAdopted   Action = "adopted"  // beaktas
	ActionPartly    Action = "partly"   // beaktas delvis
	ActionRejected  Action = "rejected" // beaktas ej
	ActionNone      Action = "none"     // ingen åtgärd
)

// Actions lists the actions in the order forms and reports show them.
var Actions = []Action{ActionAdopted, ActionPartly, ActionRejected, ActionNone}

func ValidAction(a Action) bool {
	if a == ActionUndecided {
		return true
	}
	for _, v := range Actions {
		if v == a {
			return true
		}
	}
	return false
}

// Key names an action in the catalogue ("remiss.action.<key>").
func (a Action) Key() string {
	if a == ActionUndecided {
		return "undecided"
	}
	return string(a)
}

// The parts of an answer a note can be about besides its sections.
const (
	PartSummary = "summary"
	PartGeneral = "general"
	PartOther   = "other"
	// PartOverall is the working group's summary of the whole consultation.
	PartOverall = "overall"
)

// Note is the working group's comment and action on one part of one
// respondent's answer.
type Note struct {
	RespondentID string    `json:"respondent"`
	Part         string    `json:"part"`
	Version      int       `json:"version"` // of the answer it was written on
	Comment      string    `json:"comment"`
	Action       Action    `json:"action"`
	UpdatedBy    string    `json:"updatedBy,omitempty"`
	UpdatedAt    time.Time `json:"updated,omitzero"`
}

// Empty reports whether nothing has been written.
func (n Note) Empty() bool { return n.Comment == "" && n.Action == ActionUndecided }

// Summary is the working group's summary of a section or of the whole
// consultation (Part PartOverall).
type Summary struct {
	ConsultationID string    `json:"-"`
	Part           string    `json:"part"`
	Text           string    `json:"text"`
	UpdatedBy      string    `json:"updatedBy,omitempty"`
	UpdatedAt      time.Time `json:"updated,omitzero"`
}

// Stamp writes a note's or summary's time as forms carry it, to tell
// whether it changed since the form was drawn ("" for never written).
func Stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// Stamp is the note's time as forms carry it.
func (n Note) Stamp() string { return Stamp(n.UpdatedAt) }

// Stamp is the summary's time as forms carry it.
func (m Summary) Stamp() string { return Stamp(m.UpdatedAt) }
