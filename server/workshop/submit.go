package workshop

import (
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Submit stores one piece of input from a table's phone. The phone chose ID;
// sending the same ID again with the same content is acknowledged with the
// stored input and writes nothing, so a phone may resend whenever it is
// unsure. The same ID with other content is refused (id_reused).
type Submit struct {
	WorkshopID string
	TableID    string // from the connection, never from the message
	ID         string
	QuestionID string
	ThemeID    string // optional; empty files it under the parking lot
	Text       string
	Origin     any // the submitting connection (see domain.Change)
	// Suggestion is the theme suggested for Text, made before the command
	// was queued (nothing slow runs in the writer); stored with the input
	// and sent in the same change.
	Suggestion domain.Suggestion

	validated bool
}

// Submitted is what a Submit stored.
type Submitted struct {
	Input     domain.Input
	Duplicate bool // it was stored before, by an earlier send of the same ID
}

// Validate checks what needs no database; the websocket handler calls it
// before queuing, so bad input never takes a place in a batch.
func (s *Submit) Validate() error {
	if s.validated {
		return nil
	}
	var err error
	if s.ID, err = ParseID(s.ID); err != nil {
		return err
	}
	if s.QuestionID == "" {
		return domain.Errorf(domain.KindInvalid, "question_required")
	}
	if s.Text, err = cleanText(s.Text, domain.MaxInputRunes, "text"); err != nil {
		return err
	}
	s.validated = true
	return nil
}

func (s *Submit) Apply(tx *storage.Tx) (Submitted, []domain.Change, error) {
	if err := s.Validate(); err != nil {
		return Submitted{}, nil, err
	}
	existing, err := tx.Input(s.ID)
	if err == nil {
		if existing.TableID != s.TableID {
			// Someone else's id: say nothing about that input.
			return Submitted{}, nil, domain.Errorf(domain.KindInvalid, "id_invalid")
		}
		if existing.Text != s.Text || existing.QuestionID != s.QuestionID || existing.ChosenTheme != s.ThemeID {
			return Submitted{}, nil, domain.Errorf(domain.KindConflict, "id_reused")
		}
		return Submitted{Input: existing, Duplicate: true}, nil, nil
	}
	if !domain.IsKind(err, domain.KindNotFound) {
		return Submitted{}, nil, err
	}
	qState, wState, err := tx.AnswerableCheck(s.WorkshopID, s.QuestionID)
	if err != nil {
		return Submitted{}, nil, err
	}
	if wState != domain.WorkshopOpen {
		return Submitted{}, nil, domain.Errorf(domain.KindConflict, "workshop_not_open")
	}
	if qState != domain.QuestionOpen {
		return Submitted{}, nil, domain.Errorf(domain.KindConflict, "question_closed")
	}
	if err := s.checkWords(tx); err != nil {
		return Submitted{}, nil, err
	}
	themeID, placed := s.ThemeID, domain.PlacedByPhone
	if themeID == "" {
		placed = domain.PlacedByNobody
		if themeID, err = tx.ParkingTheme(s.WorkshopID); err != nil {
			return Submitted{}, nil, err
		}
	} else if _, err := tx.Theme(s.WorkshopID, themeID); err != nil {
		return Submitted{}, nil, err
	}
	auto, err := s.autoPlace(tx, themeID)
	if err != nil {
		return Submitted{}, nil, err
	}
	if auto {
		themeID, placed = s.Suggestion.ThemeID, domain.PlacedByAuto
	}
	seq, err := tx.NextSeq(s.WorkshopID)
	if err != nil {
		return Submitted{}, nil, err
	}
	in := domain.Input{ID: s.ID, WorkshopID: s.WorkshopID, QuestionID: s.QuestionID, TableID: s.TableID,
		ThemeID: themeID, ChosenTheme: s.ThemeID, Text: s.Text, CreatedAt: tx.Now(), Seq: seq, PlacedBy: placed,
		Suggested: s.Suggestion.ThemeID, Confidence: s.Suggestion.Confidence, Because: s.Suggestion.Words}
	if _, err := tx.InsertInput(in); err != nil {
		return Submitted{}, nil, err
	}
	c := InputChange(in)
	c.Origin = s.Origin
	if auto {
		// Logged like a facilitator's move, by the setting that made it.
		logged := audit.Audited{Command: autoPlaced{change: c, inputID: in.ID, workshopID: s.WorkshopID}, Actor: domain.AutoSortActor}
		if _, err := logged.Apply(tx); err != nil {
			return Submitted{}, nil, err
		}
	}
	return Submitted{Input: in}, []domain.Change{c}, nil
}

// autoPlace says whether the input goes straight into its suggested theme:
// the table chose none (it would wait in parking), the suggestion is
// confident and names another theme, and the workshop sorts by itself.
func (s *Submit) autoPlace(tx *storage.Tx, parking string) (bool, error) {
	sg := s.Suggestion
	if s.ThemeID != "" || !sg.Confident || sg.ThemeID == "" || sg.ThemeID == parking {
		return false, nil
	}
	on, err := tx.AutoSort(s.WorkshopID)
	if err != nil || !on {
		return false, err
	}
	if _, err := tx.Theme(s.WorkshopID, sg.ThemeID); err != nil {
		// The theme went away since the suggestion was made: it waits to be sorted.
		return false, nil
	}
	return true, nil
}

// autoPlaced is an input the automatic setting placed, as the audit log
// records it: the input is already stored, so it only hands on its change.
type autoPlaced struct {
	change     domain.Change
	inputID    string
	workshopID string
}

func (a autoPlaced) Apply(*storage.Tx) ([]domain.Change, error) {
	return []domain.Change{a.change}, nil
}
func (a autoPlaced) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "input.auto_place", Kind: "input", ObjectID: a.inputID, EventID: a.workshopID}, nil
}
