// Package export writes a workshop's input as CSV, XLSX or JSON for the
// working group to take away. Inputs arrive one at a time through a callback
// and are never collected, so memory does not follow the size of the workshop.
package export

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// Source is a workshop's set-up plus a way to stream its inputs in question order.
type Source struct {
	Setup storage.Snapshot // Workshop, Questions, Themes, Tables (Inputs empty)
	Each  func(fn func(domain.Input) error) error
	Now   time.Time // export time shown in the summary
	Votes Votes     // the workshop's votes and their results
}

func (src Source) each(fn func(domain.Input) error) error {
	if src.Each == nil {
		return nil
	}
	return src.Each(fn)
}

// timeLayout sorts as text, so a spreadsheet sorts it right even as a string.
const timeLayout = "2006-01-02 15:04"

func localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(i18n.Stockholm).Format(timeLayout)
}

// status names the one state that matters most to a reader: a merged input's
// words live on in another card, and a hidden one was taken off the wall even
// if it had been highlighted before.
func status(in domain.Input) string {
	switch {
	case in.MergedInto != "":
		return "sammanslagen"
	case in.Hidden:
		return "dold"
	case in.Highlighted:
		return "markerad"
	default:
		return "synlig"
	}
}

// counted says whether an input is one of the visible cards that the summary
// counts; hidden and merged ones would count the same words twice or count
// what the facilitators removed.
func counted(in domain.Input) bool {
	return !in.Hidden && in.MergedInto == ""
}

// original is the table's own words when a facilitator corrected them; empty
// otherwise, so the column only draws the eye where something changed.
func original(in domain.Input) string {
	if in.EditedText != "" && in.EditedText != in.Text {
		return in.Text
	}
	return ""
}

// lookup turns the ids on an input into what people read. Unknown ids give
// empty strings: an export should not fail over a dangling reference.
type lookup struct {
	questions []domain.Question // by position; "Fråga N" is index+1
	themes    []domain.Theme    // by position
	question  map[string]int    // id -> index in questions
	theme     map[string]int    // id -> index in themes
	table     map[string]string // id -> name
}

func newLookup(s storage.Snapshot) *lookup {
	l := &lookup{
		questions: append([]domain.Question(nil), s.Questions...),
		themes:    append([]domain.Theme(nil), s.Themes...),
		question:  make(map[string]int, len(s.Questions)),
		theme:     make(map[string]int, len(s.Themes)),
		table:     make(map[string]string, len(s.Tables)),
	}
	// Copies, so that sorting leaves the caller's snapshot alone.
	sort.SliceStable(l.questions, func(i, j int) bool { return l.questions[i].Position < l.questions[j].Position })
	sort.SliceStable(l.themes, func(i, j int) bool { return l.themes[i].Position < l.themes[j].Position })
	for i, q := range l.questions {
		l.question[q.ID] = i
	}
	for i, t := range l.themes {
		l.theme[t.ID] = i
	}
	for _, t := range s.Tables {
		l.table[t.ID] = t.Name
	}
	return l
}

// questionNumber is 1-based, or 0 when the id is unknown.
func (l *lookup) questionNumber(id string) int {
	if i, ok := l.question[id]; ok {
		return i + 1
	}
	return 0
}

func (l *lookup) questionText(id string) string {
	if i, ok := l.question[id]; ok {
		return l.questions[i].Text
	}
	return ""
}

func (l *lookup) themeName(id string) string {
	if i, ok := l.theme[id]; ok {
		return l.themes[i].Name
	}
	return ""
}

func questionLabel(n int) string { return fmt.Sprintf("Fråga %d", n) }

var transliterate = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e")

// Filename returns a safe ASCII file name like "samrad-ljungskile-2013-09-17.csv"
// from the workshop name and date. Only [a-z0-9-.] survive, so the name needs
// no quoting in a Content-Disposition header on any browser or file system.
func Filename(w domain.Workshop, ext string) string {
	parts := []string{"samrad"}
	for _, p := range []string{w.Name, w.Date} {
		if s := slug(p, 60); s != "" {
			parts = append(parts, s)
		}
	}
	name := strings.Join(parts, "-")
	if ext = slug(strings.TrimPrefix(ext, "."), 10); ext != "" {
		name += "." + ext
	}
	return name
}

func slug(s string, max int) string {
	s = transliterate.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
	}
	return strings.Trim(out, "-")
}

// placedBy says in words who put an input in its theme.
func placedBy(in domain.Input) string {
	switch in.PlacedBy {
	case domain.PlacedByPhone:
		return "bordet"
	case domain.PlacedByPerson:
		return "processledare"
	case domain.PlacedByAuto:
		return "automatiskt"
	}
	return "ej sorterat"
}

// confidence is a suggestion's confidence as Swedish Excel reads a number
// ("0,87"); empty without a suggestion.
func confidence(in domain.Input) string {
	if in.Suggested == "" {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(in.Confidence, 'f', 2, 64), ".", ",", 1)
}

func (l *lookup) themeSummary(id string) string {
	if i, ok := l.theme[id]; ok {
		return l.themes[i].Summary
	}
	return ""
}
