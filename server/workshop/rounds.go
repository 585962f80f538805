package workshop

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// World Café rounds (domain.Rounds): each table discusses a theme of its
// own, and "Nästa runda" moves every table on to the next theme. Each table
// hears of its own theme only (a table change goes to its phones); staff see
// every table's.

// RoundsAction is what a facilitator does with the rounds.
type RoundsAction string

const (
	RoundsStart RoundsAction = "start" // round 1 with Themes
	RoundsNext  RoundsAction = "next"  // the next round: every table moves on one theme
	RoundsStop  RoundsAction = "stop"  // no more rounds: tables show no theme of their own
)

// SetRounds starts, advances or stops a workshop's rounds.
type SetRounds struct {
	WorkshopID string
	Action     RoundsAction
	Themes     []string // with RoundsStart: the themes in order
}

func (s *SetRounds) Apply(tx *storage.Tx) ([]domain.Change, error) {
	r, err := tx.Rounds(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	switch s.Action {
	case RoundsStart:
		if r.Themes, err = s.themes(tx); err != nil {
			return nil, err
		}
		r.Round = 1
	case RoundsNext:
		if r.Round == 0 {
			return nil, domain.Errorf(domain.KindConflict, "rounds_not_running")
		}
		r.Round++
	case RoundsStop:
		if r.Round == 0 {
			return nil, nil
		}
		r.Round = 0
	default:
		return nil, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if err := tx.SaveRounds(r); err != nil {
		return nil, err
	}
	tables, err := tx.Tables(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	changes := make([]domain.Change, 0, len(tables))
	for i, t := range tables {
		t.Round, t.RoundTheme = r.Round, r.ThemeFor(i+1, len(tables))
		if err := tx.SetTableRound(s.WorkshopID, t.ID, t.Round, t.RoundTheme); err != nil {
			return nil, err
		}
		c, err := tableChange(tx, t)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}

// themes checks the chosen themes: at least one, each the workshop's, each once.
func (s *SetRounds) themes(tx *storage.Tx) ([]string, error) {
	if len(s.Themes) == 0 || len(s.Themes) > domain.MaxThemes {
		return nil, domain.Errorf(domain.KindInvalid, "rounds_themes_required")
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(s.Themes))
	for _, id := range s.Themes {
		if seen[id] {
			continue
		}
		if _, err := tx.Theme(s.WorkshopID, id); err != nil {
			return nil, err
		}
		seen[id] = true
		out = append(out, id)
	}
	return out, nil
}
