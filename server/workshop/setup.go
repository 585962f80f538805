package workshop

import (
	"regexp"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// ParkingName is the theme every workshop has for input not yet sorted.
const ParkingName = "Övrigt / ej sorterat"

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Details are the event facts a facilitator types in.
type Details struct {
	Name  string
	Date  string // YYYY-MM-DD or empty
	Place string
}

func (d Details) clean() (Details, error) {
	var err error
	if d.Name, err = cleanLine(d.Name, domain.MaxNameRunes, "name"); err != nil {
		return d, err
	}
	if d.Date != "" && !datePattern.MatchString(d.Date) {
		return d, domain.Errorf(domain.KindInvalid, "date_invalid")
	}
	if d.Place != "" {
		if d.Place, err = cleanLine(d.Place, domain.MaxNameRunes, "place"); err != nil {
			return d, err
		}
	}
	return d, nil
}

// Create makes a workshop with its questions, themes (plus the parking lot)
// and tables "Bord 1" … "Bord N", each with its own code. ID is set on success.
type Create struct {
	Details
	Questions []string
	Themes    []string
	Tables    int
	CreatedBy string
	// Keywords by theme name: a preset set's shipped lists.
	Keywords map[string][]string

	ID string
}

// Validate checks everything that can be checked without the database, so a
// form can show all mistakes at once.
func (c *Create) Validate() error {
	d, err := c.Details.clean()
	if err != nil {
		return err
	}
	c.Details = d
	if len(c.Questions) > domain.MaxQuestions {
		return domain.Errorf(domain.KindInvalid, "too_many_questions", "max", domain.MaxQuestions)
	}
	for i, q := range c.Questions {
		if c.Questions[i], err = cleanText(q, domain.MaxQuestionRunes, "question"); err != nil {
			return err
		}
	}
	if len(c.Themes) > domain.MaxThemes {
		return domain.Errorf(domain.KindInvalid, "too_many_themes", "max", domain.MaxThemes)
	}
	for i, t := range c.Themes {
		if c.Themes[i], err = cleanLine(t, domain.MaxNameRunes, "theme"); err != nil {
			return err
		}
	}
	if c.Tables < 1 || c.Tables > domain.MaxTables {
		return domain.Errorf(domain.KindInvalid, "tables_count", "max", domain.MaxTables)
	}
	return nil
}

func (c *Create) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	code, err := uniqueCode(tx)
	if err != nil {
		return nil, err
	}
	w := domain.Workshop{ID: newID(), Name: c.Name, Date: c.Date, Place: c.Place, State: domain.WorkshopDraft, JoinCode: code}
	if err := tx.InsertWorkshop(w, c.CreatedBy); err != nil {
		return nil, err
	}
	for i, text := range c.Questions {
		q := domain.Question{ID: newID(), WorkshopID: w.ID, Position: i + 1, Text: text, State: domain.QuestionPending}
		if err := tx.InsertQuestion(q); err != nil {
			return nil, err
		}
	}
	for i, name := range c.Themes {
		t := domain.Theme{ID: newID(), WorkshopID: w.ID, Position: i + 1, Name: name, Color: domain.Palette[i%len(domain.Palette)],
			Keywords: c.Keywords[name]}
		if err := tx.InsertTheme(t); err != nil {
			return nil, err
		}
	}
	parking := domain.Theme{ID: newID(), WorkshopID: w.ID, Position: len(c.Themes) + 1, Name: ParkingName, Color: "grey", Parking: true}
	if err := tx.InsertTheme(parking); err != nil {
		return nil, err
	}
	if _, err := addTables(tx, w.ID, 0, c.Tables); err != nil {
		return nil, err
	}
	c.ID = w.ID
	// Nobody can be watching a workshop that did not exist: no changes to publish.
	return nil, nil
}

// UpdateDetails changes name, date and place.
type UpdateDetails struct {
	WorkshopID string
	Details
}

func (u *UpdateDetails) Apply(tx *storage.Tx) ([]domain.Change, error) {
	d, err := u.Details.clean()
	if err != nil {
		return nil, err
	}
	if _, err := tx.Workshop(u.WorkshopID); err != nil {
		return nil, err
	}
	if err := tx.UpdateWorkshopDetails(u.WorkshopID, d.Name, d.Date, d.Place); err != nil {
		return nil, err
	}
	c, err := workshopChange(tx, u.WorkshopID)
	return []domain.Change{c}, err
}

// SetState opens or closes the workshop for participants.
type SetState struct {
	WorkshopID string
	State      domain.WorkshopState
}

func (s *SetState) Apply(tx *storage.Tx) ([]domain.Change, error) {
	switch s.State {
	case domain.WorkshopDraft, domain.WorkshopOpen, domain.WorkshopClosed:
	default:
		return nil, domain.Errorf(domain.KindInvalid, "state_invalid")
	}
	w, err := tx.Workshop(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	if w.State == s.State {
		return nil, nil
	}
	if err := tx.SetWorkshopState(s.WorkshopID, s.State); err != nil {
		return nil, err
	}
	c, err := workshopChange(tx, s.WorkshopID)
	return []domain.Change{c}, err
}
