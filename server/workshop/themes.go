package workshop

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// AddTheme adds a theme just before the parking lot.
type AddTheme struct {
	WorkshopID string
	Name       string
	Color      string // empty: the next colour of the palette
	Keywords   string // optional, as for UpdateTheme
}

func (a *AddTheme) Apply(tx *storage.Tx) ([]domain.Change, error) {
	name, err := cleanLine(a.Name, domain.MaxNameRunes, "theme")
	if err != nil {
		return nil, err
	}
	if a.Color != "" && !domain.ValidColor(a.Color) {
		return nil, domain.Errorf(domain.KindInvalid, "color_invalid")
	}
	keywords, err := CleanKeywords(a.Keywords)
	if err != nil {
		return nil, err
	}
	list, err := tx.Themes(a.WorkshopID)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, domain.Errorf(domain.KindNotFound, "workshop_not_found")
	}
	if len(list)-1 >= domain.MaxThemes {
		return nil, domain.Errorf(domain.KindInvalid, "too_many_themes", "max", domain.MaxThemes)
	}
	color := a.Color
	if color == "" {
		color = domain.Palette[(len(list)-1)%len(domain.Palette)]
	}
	// New themes go before the parking lot, which stays last.
	t := domain.Theme{ID: newID(), WorkshopID: a.WorkshopID, Name: name, Color: color, Position: len(list), Keywords: keywords}
	var changes []domain.Change
	for _, other := range list {
		if other.Parking {
			other.Position = len(list) + 1
			if err := tx.UpdateTheme(other); err != nil {
				return nil, err
			}
			c, err := themeChange(tx, other)
			if err != nil {
				return nil, err
			}
			changes = append(changes, c)
		}
	}
	if err := tx.InsertTheme(t); err != nil {
		return nil, err
	}
	c, err := themeChange(tx, t)
	return append(changes, c), err
}

// UpdateTheme renames a theme, changes its colour or its keywords (one per
// line or separated by commas).
type UpdateTheme struct {
	WorkshopID, ThemeID string
	Name, Color         string
	Keywords            string
}

func (u *UpdateTheme) Apply(tx *storage.Tx) ([]domain.Change, error) {
	name, err := cleanLine(u.Name, domain.MaxNameRunes, "theme")
	if err != nil {
		return nil, err
	}
	if !domain.ValidColor(u.Color) {
		return nil, domain.Errorf(domain.KindInvalid, "color_invalid")
	}
	keywords, err := CleanKeywords(u.Keywords)
	if err != nil {
		return nil, err
	}
	t, err := tx.Theme(u.WorkshopID, u.ThemeID)
	if err != nil {
		return nil, err
	}
	t.Name, t.Color, t.Keywords = name, u.Color, keywords
	if err := tx.UpdateTheme(t); err != nil {
		return nil, err
	}
	c, err := themeChange(tx, t)
	return []domain.Change{c}, err
}

// MoveTheme swaps a theme with its neighbour; the parking lot stays last.
type MoveTheme struct {
	WorkshopID, ThemeID string
	Delta               int
}

func (m *MoveTheme) Apply(tx *storage.Tx) ([]domain.Change, error) {
	list, err := tx.Themes(m.WorkshopID)
	if err != nil {
		return nil, err
	}
	i := indexOf(len(list), func(i int) bool { return list[i].ID == m.ThemeID })
	if i < 0 {
		return nil, domain.Errorf(domain.KindNotFound, "theme_not_found")
	}
	j := i + m.Delta
	if m.Delta != -1 && m.Delta != 1 || j < 0 || j >= len(list) || list[i].Parking || list[j].Parking {
		return nil, nil
	}
	a, b := list[i], list[j]
	a.Position, b.Position = b.Position, a.Position
	var changes []domain.Change
	for _, t := range []domain.Theme{a, b} {
		if err := tx.UpdateTheme(t); err != nil {
			return nil, err
		}
		c, err := themeChange(tx, t)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}

// DeleteTheme removes a theme; its input moves to the parking lot, so nothing
// a table wrote disappears with a theme.
type DeleteTheme struct {
	WorkshopID, ThemeID string
}

func (d *DeleteTheme) Apply(tx *storage.Tx) ([]domain.Change, error) {
	t, err := tx.Theme(d.WorkshopID, d.ThemeID)
	if err != nil {
		return nil, err
	}
	if t.Parking {
		return nil, domain.Errorf(domain.KindConflict, "parking_theme_kept")
	}
	parking, err := tx.ParkingTheme(d.WorkshopID)
	if err != nil {
		return nil, err
	}
	inputs, err := tx.InputsInTheme(t.ID)
	if err != nil {
		return nil, err
	}
	var changes []domain.Change
	for _, in := range inputs {
		// Back in the parking lot, it waits to be sorted again.
		in.ThemeID, in.PlacedBy = parking, domain.PlacedByNobody
		c, err := saveInput(tx, in)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	if err := tx.DeleteTheme(d.WorkshopID, t.ID); err != nil {
		return nil, err
	}
	c, err := numbered(tx, ThemeRemovedChange(d.WorkshopID, t.ID), t.ID)
	return append(changes, c), err
}
