package domain

import "time"

// Limits on what people type. The messages that name them come from the
// translation catalogue with the number filled in.
const (
	MaxInputRunes    = 2000
	MaxQuestionRunes = 500
	MaxNameRunes     = 120
	MaxQuestions     = 50
	MaxThemes        = 30
	MaxTables        = 1000
)

type WorkshopState string

const (
	WorkshopDraft  WorkshopState = "draft"  // being prepared; phones can look but not write
	WorkshopOpen   WorkshopState = "open"   // phones may answer open questions
	WorkshopClosed WorkshopState = "closed" // finished; read-only for everyone
)

type Workshop struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Date      string        `json:"date"` // YYYY-MM-DD, may be empty
	Place     string        `json:"place"`
	State     WorkshopState `json:"state"`
	JoinCode  string        `json:"joinCode,omitempty"` // staff only: it leads to every table
	Seq       int64         `json:"-"`                  // last change number; sent beside, not inside, the workshop
	Epoch     string        `json:"-"`                  // the timeline of its changes (see live)
	CreatedAt time.Time     `json:"created"`
	// RetentionMonths: input is deleted this long after the event (0 keeps it).
	RetentionMonths int       `json:"-"`
	PurgedAt        time.Time `json:"-"`
	// AutoSort: confident suggestions place answers by themselves
	// ("sortera automatiskt när förslaget är säkert"); off by default.
	AutoSort bool `json:"autoSort"`
}

// ForTable is the workshop as its phones see it: without the event-wide
// code, which leads to every table.
func (w Workshop) ForTable() Workshop {
	w.JoinCode = ""
	w.AutoSort = false
	return w
}

// DefaultRetentionMonths applies to new workshops until someone chooses otherwise.
const DefaultRetentionMonths = 12

// RetentionChoices are the periods the workshop page offers (0: keep until deleted by hand).
var RetentionChoices = []int{3, 6, 12, 24, 36, 0}

// PurgeDue is when the retention rule deletes this workshop's input; zero
// when it is kept. The event date counts, or the creation date without one.
func (w Workshop) PurgeDue() time.Time {
	if w.RetentionMonths <= 0 {
		return time.Time{}
	}
	from := w.CreatedAt
	if d, err := time.Parse("2006-01-02", w.Date); err == nil {
		from = d
	}
	return from.AddDate(0, w.RetentionMonths, 0)
}

type QuestionState string

const (
	QuestionPending QuestionState = "pending" // not yet asked
	QuestionOpen    QuestionState = "open"
	QuestionClosed  QuestionState = "closed"
)

type Question struct {
	ID         string        `json:"id"`
	WorkshopID string        `json:"-"`
	Position   int           `json:"position"`
	Text       string        `json:"text"`
	State      QuestionState `json:"state"`
	Kind       QuestionKind  `json:"kind"`
	// Duration is the question's time box in seconds (0: none); AutoClose
	// closes it when the time is out. Deadline is when a running time box
	// runs out, on the server's clock (nil when none runs); see timebox.go.
	Duration  int        `json:"duration,omitempty"`
	AutoClose bool       `json:"autoClose,omitempty"`
	Deadline  *time.Time `json:"deadline,omitempty"`
}

type Theme struct {
	ID         string `json:"id"`
	WorkshopID string `json:"-"`
	Position   int    `json:"position"`
	Name       string `json:"name"`
	Color      string `json:"color"`   // one of Palette
	Parking    bool   `json:"parking"` // the "Övrigt / ej sorterat" column; cannot be removed
	// Keywords teach the suggestions what the theme is about (facilitators
	// edit them; preset sets ship with a list). Summary is the line a
	// facilitator writes for the projector and the exports.
	Keywords []string `json:"keywords,omitempty"`
	Summary  string   `json:"summary,omitempty"`
}

// ForTable is the theme as phones see it: its name and colour, not the
// facilitators' keywords and summary.
func (t Theme) ForTable() Theme {
	t.Keywords, t.Summary = nil, ""
	return t
}

// MaxKeywords bounds a theme's keyword list; MaxSummaryRunes its summary line.
const (
	MaxKeywords     = 200
	MaxSummaryRunes = 300
)

type Table struct {
	ID         string `json:"id"`
	WorkshopID string `json:"-"`
	Position   int    `json:"position"`
	Name       string `json:"name"`
	Code       string `json:"-"` // the table's secret; only its own phones and facilitators see it
	// Round and RoundTheme: during World Café rounds, the round running and
	// the theme this table discusses in it (see timebox.go).
	Round      int    `json:"round,omitempty"`
	RoundTheme string `json:"roundTheme,omitempty"`
}

// Input is one piece of text from a table, with the facilitators' moderation.
type Input struct {
	ID          string    `json:"id"`
	WorkshopID  string    `json:"-"`
	QuestionID  string    `json:"question"`
	TableID     string    `json:"table"`
	ThemeID     string    `json:"theme"`
	ChosenTheme string    `json:"chosenTheme"`      // the theme the table chose when it sent it ("" for none)
	Text        string    `json:"text"`             // as the table wrote it (last, if it corrected it)
	EditedText  string    `json:"edited,omitempty"` // a facilitator's correction, if any
	Hidden      bool      `json:"hidden"`
	Highlighted bool      `json:"highlighted"`
	MergedInto  string    `json:"mergedInto,omitempty"`
	CreatedAt   time.Time `json:"created"`
	Seq         int64     `json:"seq"`
	// Suggested is the theme suggested for it, with how sure the suggestion
	// is (0–1) and the words that led to it; PlacedBy says who put it where
	// it is.
	Suggested  string    `json:"suggested,omitempty"`
	Confidence float64   `json:"confidence,omitempty"`
	Because    []string  `json:"because,omitempty"`
	PlacedBy   Placement `json:"placedBy"`

	// Original is what the table first sent when it corrected its answer
	// afterwards ("" when it did not); Withdrawn: the table took the answer
	// back (it is hidden too). See AnswerChangeWindow in package workshop.
	Original  string `json:"original,omitempty"`
	Withdrawn bool   `json:"withdrawn,omitempty"`
}

// Placement says who put an input in its theme.
type Placement string

const (
	PlacedByNobody Placement = ""       // waiting in the parking lot to be sorted
	PlacedByPhone  Placement = "phone"  // the table chose the theme when it sent it
	PlacedByPerson Placement = "person" // a facilitator moved or accepted it
	PlacedByAuto   Placement = "auto"   // the automatic setting placed a confident suggestion
)

// Suggestion is a theme proposed for a text and why.
type Suggestion struct {
	ThemeID    string
	Confidence float64
	Confident  bool
	Words      []string
}

// Shown is the text to present: the correction if there is one.
func (in Input) Shown() string {
	if in.EditedText != "" {
		return in.EditedText
	}
	return in.Text
}

// TableInput is what a table's own phones see of an input: their words and
// the theme they chose, whether they corrected or withdrew it, not the
// moderation.
type TableInput struct {
	ID         string    `json:"id"`
	QuestionID string    `json:"question"`
	Text       string    `json:"text"`
	CreatedAt  time.Time `json:"created"`

	ChosenTheme string `json:"chosenTheme"`
	Corrected   bool   `json:"corrected,omitempty"`
	Withdrawn   bool   `json:"withdrawn,omitempty"`
}

func (in Input) ForTable() TableInput {
	return TableInput{ID: in.ID, QuestionID: in.QuestionID, Text: in.Text, CreatedAt: in.CreatedAt,
		ChosenTheme: in.ChosenTheme, Corrected: in.Original != "", Withdrawn: in.Withdrawn}
}

// Palette lists the theme colours. A fixed set keeps every colour readable
// against the card background (WCAG 1.4.11) and lets styles live in CSS files.
var Palette = []string{"blue", "green", "orange", "purple", "red", "teal", "brown", "pink", "olive", "grey"}

func ValidColor(c string) bool {
	for _, p := range Palette {
		if p == c {
			return true
		}
	}
	return false
}

// ThemePreset is a ready-made list of theme names, from the project documents.
type ThemePreset struct {
	Key    string
	Themes []string
}

var ThemePresets = []ThemePreset{
	{Key: "vgr", Themes: []string{"Hälso- och sjukvård", "Tandvård", "Habilitering", "Kollektivtrafik", "Kultur", "Utbildning"}},
	{Key: "principles", Themes: []string{"Självständighet och oberoende", "Dialog", "Kvalitet", "Långsiktighet", "Öppenhet och insyn", "Mångfald"}},
	{Key: "eucode", Themes: []string{"Information", "Samråd", "Dialog", "Partnerskap"}},
}

func PresetThemes(key string) ([]string, bool) {
	for _, p := range ThemePresets {
		if p.Key == key {
			return p.Themes, true
		}
	}
	return nil, false
}
