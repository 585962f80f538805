package remiss

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// The working group's analysis: a comment and an action (Åtgärd) on each
// view, a summary per section and one for the whole consultation. Edited by
// those who may change the consultation, audited, and published as a live
// change to the consultation's dashboards ("note", "summary") for views
// that follow it.
//
// Two colleagues may edit the same note: each form carries the time of the
// note it shows (Base), and a save on top of a newer note is refused with
// what the colleague wrote, rather than overwriting it unseen.

// MaxNoteRunes bounds a comment and a summary.
const MaxNoteRunes = domain.MaxLongTextRunes

// checkPart tells whether part names a part of an answer to the consultation.
func checkPart(tx *storage.Tx, consultationID, part string, overall bool) error {
	switch part {
	case domain.PartSummary, domain.PartGeneral, domain.PartOther:
		if !overall {
			return nil
		}
	case domain.PartOverall:
		if overall {
			return nil
		}
	}
	sections, err := tx.Sections(consultationID)
	if err != nil {
		return err
	}
	if _, err := findSection(sections, part); err != nil {
		return domain.Errorf(domain.KindNotFound, "remiss_section_not_found")
	}
	return nil
}

// SetNote writes the working group's comment and action on one part of one
// respondent's latest answer.
type SetNote struct {
	ConsultationID string
	RespondentID   string
	Part           string
	Comment        string
	Action         domain.Action
	Base           string // the note's time as the form showed it ("" for none)
	By             string // who, by name

	Note domain.Note // set by Apply: as stored
}

func (s *SetNote) Apply(tx *storage.Tx) ([]domain.Change, error) {
	n, err := setNote(tx, s.ConsultationID, NoteChange{RespondentID: s.RespondentID, Part: s.Part, Comment: s.Comment,
		Action: s.Action, Base: s.Base}, s.By)
	if err != nil {
		return nil, err
	}
	s.Note = n
	ch, err := analysisChange(tx, s.ConsultationID, "note", LiveNoteOf(n))
	return []domain.Change{ch}, err
}

// NoteChange is one note as a form or an uploaded file gives it. Version,
// if set, is the version of the answer the change was made on: a newer one
// means the answer changed meanwhile.
type NoteChange struct {
	RespondentID string
	Part         string
	Version      int
	Comment      string
	Action       domain.Action
	Base         string
}

func setNote(tx *storage.Tx, consultationID string, c NoteChange, by string) (domain.Note, error) {
	r, err := tx.Respondent(consultationID, c.RespondentID)
	if err != nil {
		return domain.Note{}, err
	}
	if r.Version == 0 {
		return domain.Note{}, domain.Errorf(domain.KindConflict, "analysis_no_answer")
	}
	if c.Version != 0 && c.Version != r.Version {
		return domain.Note{}, domain.Errorf(domain.KindConflict, "analysis_answer_changed", "organisation", r.Organisation)
	}
	if err := checkPart(tx, consultationID, c.Part, false); err != nil {
		return domain.Note{}, err
	}
	comment, derr := clean(c.Comment, MaxNoteRunes, "comment")
	if derr != nil {
		return domain.Note{}, derr
	}
	if !domain.ValidAction(c.Action) {
		return domain.Note{}, domain.Errorf(domain.KindInvalid, "analysis_action_invalid")
	}
	old, err := tx.Note(r.ID, c.Part)
	if err != nil {
		return domain.Note{}, err
	}
	if old.Stamp() != c.Base {
		return domain.Note{}, domain.Errorf(domain.KindConflict, "analysis_changed", "by", old.UpdatedBy, "organisation", r.Organisation)
	}
	n := domain.Note{RespondentID: r.ID, Part: c.Part, Version: r.Version, Comment: comment, Action: c.Action,
		UpdatedBy: by, UpdatedAt: tx.Now()}
	if n.Comment == old.Comment && n.Action == old.Action {
		return old, nil
	}
	return n, tx.SetNote(n)
}

// SetSummary writes the working group's summary of a section, or of the
// whole consultation (Part domain.PartOverall).
type SetSummary struct {
	ConsultationID string
	Part           string
	Text           string
	Base           string
	By             string

	Summary domain.Summary // set by Apply
}

func (s *SetSummary) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.Consultation(s.ConsultationID); err != nil {
		return nil, err
	}
	if err := checkPart(tx, s.ConsultationID, s.Part, true); err != nil {
		return nil, err
	}
	text, derr := clean(s.Text, MaxNoteRunes, "summary")
	if derr != nil {
		return nil, derr
	}
	old, err := tx.Summary(s.ConsultationID, s.Part)
	if err != nil {
		return nil, err
	}
	if old.Stamp() != s.Base {
		return nil, domain.Errorf(domain.KindConflict, "summary_changed", "by", old.UpdatedBy)
	}
	m := domain.Summary{ConsultationID: s.ConsultationID, Part: s.Part, Text: text, UpdatedBy: s.By, UpdatedAt: tx.Now()}
	if err := tx.SetSummary(m); err != nil {
		return nil, err
	}
	s.Summary = m
	ch, err := analysisChange(tx, s.ConsultationID, "summary", LiveSummaryOf(m))
	return []domain.Change{ch}, err
}

// ImportNotes applies the notes of an uploaded spreadsheet, all or none:
// refused if any answer changed since the file was made, or any note was
// changed in the app since the working group looked at what would change.
type ImportNotes struct {
	ConsultationID string
	Changes        []NoteChange
	By             string

	Applied int // set by Apply
}

func (im *ImportNotes) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.Consultation(im.ConsultationID); err != nil {
		return nil, err
	}
	var changes []domain.Change
	for _, c := range im.Changes {
		n, err := setNote(tx, im.ConsultationID, c, im.By)
		if err != nil {
			return nil, err
		}
		ch, err := analysisChange(tx, im.ConsultationID, "note", LiveNoteOf(n))
		if err != nil {
			return nil, err
		}
		changes = append(changes, ch)
	}
	im.Applied = len(changes)
	return changes, nil
}

// LiveNote is a note as the working group's live pages get it, with the
// stamp a form saves on top of: "" once the note is emptied, as nothing is
// stored then (domain.Stamp).
type LiveNote struct {
	domain.Note
	Stamp string `json:"stamp"`
}

func LiveNoteOf(n domain.Note) LiveNote {
	if n.Empty() {
		return LiveNote{Note: n}
	}
	return LiveNote{Note: n, Stamp: n.Stamp()}
}

// LiveSummary is a summary as the live pages get it (see LiveNote).
type LiveSummary struct {
	domain.Summary
	Stamp string `json:"stamp"`
}

func LiveSummaryOf(m domain.Summary) LiveSummary {
	if m.Text == "" {
		return LiveSummary{Summary: m}
	}
	return LiveSummary{Summary: m, Stamp: m.Stamp()}
}

// analysisChange numbers a change to the analysis for the consultation's
// dashboards and the analysis pages.
func analysisChange(tx *storage.Tx, consultationID, typ string, payload any) (domain.Change, error) {
	seq, err := tx.NextConsultationSeq(consultationID)
	if err != nil {
		return domain.Change{}, err
	}
	return domain.Change{Topic: domain.ConsultationTopic(consultationID), Seq: seq, Type: typ, Audience: domain.ToStaff, Payload: payload}, nil
}
