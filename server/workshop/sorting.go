package workshop

import (
	"strings"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// SetAutoSort turns "sortera automatiskt när förslaget är säkert" on or off.
// It applies to answers from then on; the ones waiting are sorted from the
// queue (one at a time or all confident ones at once).
type SetAutoSort struct {
	WorkshopID string
	On         bool
}

func (s *SetAutoSort) Apply(tx *storage.Tx) ([]domain.Change, error) {
	w, err := tx.Workshop(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	if w.AutoSort == s.On {
		return nil, nil
	}
	if err := tx.SetAutoSort(s.WorkshopID, s.On); err != nil {
		return nil, err
	}
	c, err := workshopChange(tx, s.WorkshopID)
	return []domain.Change{c}, err
}

// SetThemeSummary sets the line a facilitator writes to sum up a theme
// (empty: none, the representative answers stand in for it).
type SetThemeSummary struct {
	WorkshopID, ThemeID string
	Summary             string
}

func (s *SetThemeSummary) Apply(tx *storage.Tx) ([]domain.Change, error) {
	summary := ""
	if strings.TrimSpace(s.Summary) != "" {
		var err error
		if summary, err = cleanLine(s.Summary, domain.MaxSummaryRunes, "summary"); err != nil {
			return nil, err
		}
	}
	t, err := tx.Theme(s.WorkshopID, s.ThemeID)
	if err != nil {
		return nil, err
	}
	if t.Summary == summary {
		return nil, nil
	}
	t.Summary = summary
	if err := tx.UpdateTheme(t); err != nil {
		return nil, err
	}
	c, err := themeChange(tx, t)
	return []domain.Change{c}, err
}

// CleanKeywords reads a facilitator's keyword list: one per line or
// separated by commas, each a short phrase, repeats dropped.
func CleanKeywords(text string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ',' || r == ';' }) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, err := cleanLine(line, domain.MaxNameRunes, "keyword")
		if err != nil {
			return nil, err
		}
		if key := strings.ToLower(k); !seen[key] {
			seen[key] = true
			out = append(out, k)
		}
	}
	if len(out) > domain.MaxKeywords {
		return nil, domain.Errorf(domain.KindInvalid, "too_many_keywords", "max", domain.MaxKeywords)
	}
	return out, nil
}

// Resuggest stores new suggestions for answers that wait to be sorted, made
// after the themes or what people placed changed. An answer sorted in the
// meantime keeps what it has: the server's second thoughts never overrule a
// person, and they place nothing.
type Resuggest struct {
	WorkshopID  string
	Suggestions map[string]domain.Suggestion // by input id
}

func (r *Resuggest) Apply(tx *storage.Tx) ([]domain.Change, error) {
	parking, err := tx.ParkingTheme(r.WorkshopID)
	if err != nil {
		return nil, err
	}
	var changes []domain.Change
	for id, sg := range r.Suggestions {
		in, err := tx.Input(id)
		if domain.IsKind(err, domain.KindNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if in.WorkshopID != r.WorkshopID || in.ThemeID != parking || in.PlacedBy != domain.PlacedByNobody || in.MergedInto != "" {
			continue
		}
		in.Suggested, in.Confidence, in.Because = sg.ThemeID, sg.Confidence, sg.Words
		c, err := saveInput(tx, in)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}
