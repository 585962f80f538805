package export

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// jsonWorkshop leaves out the join code: an export is handed around and may
// be released as a public record, and the code still lets phones in.
type jsonWorkshop struct {
	ID       string               `json:"id"`
	Name     string               `json:"name"`
	Date     string               `json:"date"`
	Place    string               `json:"place"`
	State    domain.WorkshopState `json:"state"`
	Created  time.Time            `json:"created"`
	Exported time.Time            `json:"exported"`
}

// jsonInput fixes the export's shape apart from domain.Input's wire format,
// which carries the internal sequence number and may change with the app.
type jsonInput struct {
	ID          string    `json:"id"`
	QuestionID  string    `json:"question"`
	TableID     string    `json:"table"`
	ThemeID     string    `json:"theme"`
	Text        string    `json:"text"`
	EditedText  string    `json:"edited"`
	Hidden      bool      `json:"hidden"`
	Highlighted bool      `json:"highlighted"`
	MergedInto  string    `json:"mergedInto"`
	Created     time.Time `json:"created"`
	// The suggestion made for it and who placed it ("", "phone", "person", "auto").
	Suggested  string           `json:"suggestedTheme"`
	Confidence float64          `json:"confidence"`
	Because    []string         `json:"because"`
	PlacedBy   domain.Placement `json:"placedBy"`
	// Dots in the latest vote it was part of; left out if it was in none.
	Dots *int `json:"dots,omitempty"`
}

// JSON writes one document {"workshop", "questions", "themes", "tables",
// "inputs"}. The inputs array is written by hand, one Encode per input, so
// that it is never built in memory. Tables' secret codes are not included
// (domain.Table does not marshal them).
func JSON(w io.Writer, src Source) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	s, l := src.Setup, newLookup(src.Setup)
	ws := s.Workshop
	parts := []struct {
		key   string
		value any
	}{
		{`{"workshop":`, jsonWorkshop{ID: ws.ID, Name: ws.Name, Date: ws.Date, Place: ws.Place,
			State: ws.State, Created: ws.CreatedAt.UTC(), Exported: src.Now.UTC()}},
		// Empty lists as [] rather than null, so readers need no special case.
		{`,"questions":`, nonNil(l.questions)},
		{`,"themes":`, nonNil(l.themes)},
		{`,"tables":`, nonNil(s.Tables)},
	}
	for _, p := range parts {
		if _, err := bw.WriteString(p.key); err != nil {
			return err
		}
		if err := enc.Encode(p.value); err != nil {
			return err
		}
	}
	if _, err := bw.WriteString(`,"inputs":[`); err != nil {
		return err
	}
	sep := "\n"
	dots := src.Votes.dotsByInput()
	err := src.each(func(in domain.Input) error {
		if _, err := bw.WriteString(sep); err != nil {
			return err
		}
		sep = ","
		return enc.Encode(jsonInput{ID: in.ID, QuestionID: in.QuestionID, TableID: in.TableID,
			ThemeID: in.ThemeID, Text: in.Text, EditedText: in.EditedText, Hidden: in.Hidden,
			Highlighted: in.Highlighted, MergedInto: in.MergedInto, Created: in.CreatedAt.UTC(),
			Suggested: in.Suggested, Confidence: in.Confidence, Because: nonNil(in.Because), PlacedBy: in.PlacedBy,
			Dots: dotsOf(dots, in.ID)})
	})
	if err != nil {
		return err
	}
	if _, err := bw.WriteString("]}\n"); err != nil {
		return err
	}
	return bw.Flush()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
