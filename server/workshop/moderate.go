package workshop

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Moderation actions a facilitator can take on an input.
const (
	ActMove        = "move"        // Theme: where to
	ActHide        = "hide"        // hidden from the projector and exports' visible count
	ActShow        = "show"        // undo hide
	ActHighlight   = "highlight"   // shown first on the projector
	ActUnhighlight = "unhighlight" // undo highlight
	ActEdit        = "edit"        // Text: the correction; empty restores the original
	ActMerge       = "merge"       // Sources: inputs to fold into this one
	ActUnmerge     = "unmerge"     // this input leaves the one it was merged into
	ActAccept      = "accept"      // this input and Sources go to their suggested themes
	ActUnplace     = "unplace"     // this input and Sources go back to be sorted (undo)
)

// Moderate applies one facilitator action to an input of a workshop.
type Moderate struct {
	WorkshopID string
	InputID    string
	Action     string
	Theme      string
	Text       string
	Sources    []string
}

func (m *Moderate) Apply(tx *storage.Tx) ([]domain.Change, error) {
	in, err := tx.Input(m.InputID)
	if err != nil {
		return nil, err
	}
	if in.WorkshopID != m.WorkshopID {
		return nil, domain.Errorf(domain.KindNotFound, "input_not_found")
	}
	if in.Withdrawn {
		// Its table took it back: it stays as it was left.
		return nil, domain.Errorf(domain.KindConflict, "input_withdrawn")
	}
	switch m.Action {
	case ActMove:
		if _, err := tx.Theme(m.WorkshopID, m.Theme); err != nil {
			return nil, err
		}
		in.ThemeID, in.PlacedBy = m.Theme, domain.PlacedByPerson
	case ActAccept, ActUnplace:
		return m.sort(tx, in)
	case ActHide, ActShow:
		in.Hidden = m.Action == ActHide
	case ActHighlight, ActUnhighlight:
		in.Highlighted = m.Action == ActHighlight
	case ActEdit:
		return m.edit(tx, in)
	case ActMerge:
		return m.merge(tx, in)
	case ActUnmerge:
		if in.MergedInto == "" {
			return nil, nil
		}
		in.MergedInto = ""
	default:
		return nil, domain.Errorf(domain.KindInvalid, "action_invalid")
	}
	c, err := saveInput(tx, in)
	return []domain.Change{c}, err
}

func (m *Moderate) edit(tx *storage.Tx, in domain.Input) ([]domain.Change, error) {
	in.EditedText = ""
	if m.Text != "" {
		text, err := cleanText(m.Text, domain.MaxInputRunes, "text")
		if err != nil {
			return nil, err
		}
		if text != in.Text {
			in.EditedText = text
		}
	}
	c, err := saveInput(tx, in)
	return []domain.Change{c}, err
}

// merge folds duplicates into the target. A source that was itself a target
// hands its own sources over, so merges never nest.
func (m *Moderate) merge(tx *storage.Tx, target domain.Input) ([]domain.Change, error) {
	if len(m.Sources) == 0 {
		return nil, domain.Errorf(domain.KindInvalid, "merge_sources_required")
	}
	if target.MergedInto != "" {
		return nil, domain.Errorf(domain.KindConflict, "merge_target_merged")
	}
	var changes []domain.Change
	for _, id := range m.Sources {
		if id == target.ID {
			continue
		}
		src, err := tx.Input(id)
		if err != nil {
			return nil, err
		}
		if src.WorkshopID != m.WorkshopID {
			return nil, domain.Errorf(domain.KindNotFound, "input_not_found")
		}
		if src.Withdrawn {
			return nil, domain.Errorf(domain.KindConflict, "input_withdrawn")
		}
		children, err := tx.InputsMergedInto(src.ID)
		if err != nil {
			return nil, err
		}
		for _, child := range append(children, src) {
			child.MergedInto = target.ID
			c, err := saveInput(tx, child)
			if err != nil {
				return nil, err
			}
			changes = append(changes, c)
		}
	}
	return changes, nil
}

// sort accepts the suggestions for the input and its Sources, or puts them
// back to be sorted, each as one change. An input already where it would go
// is left alone, so a second facilitator's bulk action or an undo after
// someone else moved an answer changes nothing behind their back.
func (m *Moderate) sort(tx *storage.Tx, first domain.Input) ([]domain.Change, error) {
	parking, err := tx.ParkingTheme(m.WorkshopID)
	if err != nil {
		return nil, err
	}
	themes := map[string]bool{}
	var changes []domain.Change
	for i, id := range append([]string{first.ID}, m.Sources...) {
		in := first
		if i > 0 {
			if in, err = tx.Input(id); err != nil {
				return nil, err
			}
			if in.WorkshopID != m.WorkshopID {
				return nil, domain.Errorf(domain.KindNotFound, "input_not_found")
			}
			if in.Withdrawn {
				continue // its table took it back since the queue was drawn
			}
		}
		if m.Action == ActAccept {
			if in.Suggested == "" || in.PlacedBy == domain.PlacedByPerson || in.PlacedBy == domain.PlacedByPhone {
				continue
			}
			if _, ok := themes[in.Suggested]; !ok {
				_, err := tx.Theme(m.WorkshopID, in.Suggested)
				themes[in.Suggested] = err == nil
			}
			if !themes[in.Suggested] {
				continue
			}
			in.ThemeID, in.PlacedBy = in.Suggested, domain.PlacedByPerson
		} else {
			if in.ThemeID == parking && in.PlacedBy == domain.PlacedByNobody {
				continue
			}
			in.ThemeID, in.PlacedBy = parking, domain.PlacedByNobody
		}
		c, err := saveInput(tx, in)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}
