package remiss

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Sections change only while the consultation is an utkast: once it is
// open, answers refer to them, and a respondent must read what others read.
func editableSections(tx *storage.Tx, consultationID string) ([]domain.Section, error) {
	con, err := tx.Consultation(consultationID)
	if err != nil {
		return nil, err
	}
	if con.State != domain.ConsultationDraft {
		return nil, domain.Errorf(domain.KindConflict, "remiss_sections_locked")
	}
	return tx.Sections(consultationID)
}

func findSection(sections []domain.Section, id string) (int, error) {
	for i, s := range sections {
		if s.ID == id {
			return i, nil
		}
	}
	return -1, domain.Errorf(domain.KindNotFound, "remiss_section_not_found")
}

// ReplaceSections throws the sections away and stores the ones the working
// group confirmed after splitting a pasted document anew.
type ReplaceSections struct {
	ConsultationID string
	Sections       []domain.Section
}

func (r *ReplaceSections) Apply(tx *storage.Tx) ([]domain.Change, error) {
	sections, err := checkSections(r.Sections)
	if err != nil {
		return nil, err
	}
	if len(sections) == 0 {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_document_required")
	}
	if _, err := editableSections(tx, r.ConsultationID); err != nil {
		return nil, err
	}
	if err := tx.DeleteSections(r.ConsultationID); err != nil {
		return nil, err
	}
	return nil, insertSections(tx, r.ConsultationID, sections)
}

// AddSection appends one section.
type AddSection struct {
	ConsultationID string
	Section        domain.Section
}

func (a *AddSection) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := checkSection(&a.Section); err != nil {
		return nil, err
	}
	sections, err := editableSections(tx, a.ConsultationID)
	if err != nil {
		return nil, err
	}
	if len(sections) >= domain.MaxSections {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_too_many_sections", "max", domain.MaxSections)
	}
	s := a.Section
	s.ID, s.ConsultationID, s.Position = newID(), a.ConsultationID, len(sections)+1
	return nil, tx.InsertSection(s)
}

// EditSection changes a section's number, heading and text.
type EditSection struct {
	ConsultationID string
	Section        domain.Section // ID names the section
}

func (e *EditSection) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := checkSection(&e.Section); err != nil {
		return nil, err
	}
	sections, err := editableSections(tx, e.ConsultationID)
	if err != nil {
		return nil, err
	}
	i, err := findSection(sections, e.Section.ID)
	if err != nil {
		return nil, err
	}
	s := sections[i]
	s.Number, s.Heading, s.Body = e.Section.Number, e.Section.Heading, e.Section.Body
	return nil, tx.UpdateSection(s)
}

// MoveSection moves a section one place up (Delta -1) or down (+1).
type MoveSection struct {
	ConsultationID string
	SectionID      string
	Delta          int
}

func (m *MoveSection) Apply(tx *storage.Tx) ([]domain.Change, error) {
	sections, err := editableSections(tx, m.ConsultationID)
	if err != nil {
		return nil, err
	}
	i, err := findSection(sections, m.SectionID)
	if err != nil {
		return nil, err
	}
	j := i + m.Delta
	if j < 0 || j >= len(sections) || (m.Delta != 1 && m.Delta != -1) {
		return nil, nil // already first or last: nothing to do
	}
	sections[i].Position, sections[j].Position = sections[j].Position, sections[i].Position
	if err := tx.UpdateSection(sections[i]); err != nil {
		return nil, err
	}
	return nil, tx.UpdateSection(sections[j])
}

// DeleteSection removes a section and closes the gap in the positions.
type DeleteSection struct {
	ConsultationID string
	SectionID      string
}

func (d *DeleteSection) Apply(tx *storage.Tx) ([]domain.Change, error) {
	sections, err := editableSections(tx, d.ConsultationID)
	if err != nil {
		return nil, err
	}
	i, err := findSection(sections, d.SectionID)
	if err != nil {
		return nil, err
	}
	if err := tx.DeleteSection(d.ConsultationID, d.SectionID); err != nil {
		return nil, err
	}
	for _, s := range sections[i+1:] {
		s.Position--
		if err := tx.UpdateSection(s); err != nil {
			return nil, err
		}
	}
	return nil, nil
}
