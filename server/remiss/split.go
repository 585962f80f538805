package remiss

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samrad-se/samrad/server/domain"
)

// Heading lines a pasted document is split on:
//
//	# Inledning            (markdown, any level; a number after the #s is kept)
//	1. Inledning  /  2.3 Mål och syfte
//	§ 4 Uppföljning        (or "§ 4" alone, the heading on the next line)
var (
	markdownHeading = regexp.MustCompile(`^#{1,6}\s+(.+)$`)
	numberedHeading = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$`)
	paragraphNumber = regexp.MustCompile(`^(§\s*\d{1,3}[a-z]?)\.?\s*(.*)$`)
)

// maxHeadingRunes tells a numbered heading from a numbered sentence in a
// list: headings are short and do not end like a sentence.
const maxHeadingRunes = 100

// heading is a line read as a heading: its number (as the draft writes it,
// without a final period), its text, and the number's parts for checking
// the order of a decimal outline.
type heading struct {
	number, text string
	outline      []int // "2.3" → [2 3]; nil for markdown and §
	lines        int   // 2 when "§ 4" stood alone and the heading followed
}

// Split cuts a pasted document into sections at its headings. It proposes;
// the working group confirms, joining and splitting where it guessed wrong
// (see JoinSections, SplitSection). Every line of the document is kept:
// a line that is not taken for a heading stays in its section's text.
//
// A numbered line is a heading only if its text begins with a capital
// letter ("1. ökad delaktighet" and "10 000 kronor" are text) and its number
// continues the outline ("2.1" after "2", "3" after "2.4"): a list in the
// text that starts again at 1 is text. Two numbered lines at the same level
// with nothing between them are a list too. Text before the first heading
// joins a first section called Inledning, or becomes one.
func Split(doc string) ([]domain.Section, error) {
	doc, err := clean(doc, domain.MaxSections*domain.MaxSectionBodyRunes/10, "document")
	if err != nil {
		return nil, err
	}
	if doc == "" {
		return nil, nil
	}
	lines := strings.Split(doc, "\n")
	var sections []domain.Section
	var preamble, body []string
	flush := func() {
		text := strings.TrimSpace(strings.Join(body, "\n"))
		body = body[:0]
		if len(sections) == 0 {
			preamble = strings.Split(text, "\n")
			if text == "" {
				preamble = nil
			}
			return
		}
		sections[len(sections)-1].Body = text
	}
	var outline []int // the last numbered heading's
	for i := 0; i < len(lines); i++ {
		h, ok := headingAt(lines, i)
		if ok && h.outline != nil && (!continues(outline, h.outline) || listAt(lines, i, h)) {
			ok = false
		}
		if !ok {
			body = append(body, strings.TrimRight(lines[i], " \t"))
			continue
		}
		flush()
		if h.outline != nil {
			outline = h.outline
		}
		sections = append(sections, domain.Section{Number: h.number, Heading: h.text})
		i += h.lines - 1
	}
	if len(sections) == 0 {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_split_no_headings")
	}
	flush()
	if len(preamble) > 0 {
		text := strings.Join(preamble, "\n")
		if strings.EqualFold(sections[0].Heading, "Inledning") {
			sections[0].Body = strings.TrimSpace(text + "\n\n" + sections[0].Body)
		} else {
			sections = append([]domain.Section{{Heading: "Inledning", Body: text}}, sections...)
		}
	}
	return checkSections(sections)
}

// checkSections cleans and checks a list of sections as a whole.
func checkSections(sections []domain.Section) ([]domain.Section, error) {
	if len(sections) > domain.MaxSections {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_too_many_sections", "max", domain.MaxSections)
	}
	for i := range sections {
		if err := checkSection(&sections[i]); err != nil {
			return nil, err
		}
	}
	return sections, nil
}

// headingAt reads line i (and, for a lone "§ 4", the next line with text) as
// a heading, without regard to what came before.
func headingAt(lines []string, i int) (heading, bool) {
	line := strings.TrimSpace(lines[i])
	if line == "" {
		return heading{}, false
	}
	if m := markdownHeading.FindStringSubmatch(line); m != nil {
		text := strings.TrimSpace(strings.TrimRight(m[1], "#"))
		if n := numberedHeading.FindStringSubmatch(text); n != nil {
			return heading{number: n[1], text: n[2], lines: 1}, true
		}
		if n := paragraphNumber.FindStringSubmatch(text); n != nil && n[2] != "" {
			return heading{number: normalParagraph(n[1]), text: n[2], lines: 1}, true
		}
		return heading{text: text, lines: 1}, text != ""
	}
	if m := paragraphNumber.FindStringSubmatch(line); m != nil {
		if m[2] != "" {
			return heading{number: normalParagraph(m[1]), text: m[2], lines: 1}, headingText(m[2])
		}
		// "§ 4" alone: the heading is the next line with text.
		for j := i + 1; j < len(lines); j++ {
			if next := strings.TrimSpace(lines[j]); next != "" {
				return heading{number: normalParagraph(m[1]), text: next, lines: j - i + 1}, headingText(next)
			}
		}
		return heading{}, false
	}
	if m := numberedHeading.FindStringSubmatch(line); m != nil && headingText(m[2]) {
		return heading{number: m[1], text: m[2], outline: outlineOf(m[1]), lines: 1}, true
	}
	return heading{}, false
}

// headingText: short, begins with a capital letter, does not end like a
// sentence or a list item.
func headingText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && utf8.RuneCountInString(s) <= maxHeadingRunes && !strings.ContainsAny(s[len(s)-1:], ".,;:!")
}

func outlineOf(number string) []int {
	var out []int
	for _, p := range strings.Split(number, ".") {
		n, _ := strconv.Atoi(p)
		out = append(out, n)
	}
	return out
}

// continues reports whether next may follow prev in a decimal outline: the
// first child ("2" → "2.1"), the next sibling ("2.1" → "2.2"), or the next
// at a higher level ("2.3" → "3"). Any number may come first.
func continues(prev, next []int) bool {
	if prev == nil {
		return true
	}
	if len(next) == len(prev)+1 && equalInts(next[:len(prev)], prev) && next[len(prev)] == 1 {
		return true
	}
	k := len(next) - 1
	return k < len(prev) && equalInts(next[:k], prev[:k]) && next[k] == prev[k]+1
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// listAt reports whether the numbered line i opens a list: the next line
// with text is the next number at the same level, with nothing between.
func listAt(lines []string, i int, h heading) bool {
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		next, ok := headingAt(lines, j)
		if !ok || next.outline == nil || len(next.outline) != len(h.outline) {
			return false
		}
		k := len(h.outline) - 1
		return equalInts(next.outline[:k], h.outline[:k]) && next.outline[k] == h.outline[k]+1
	}
	return false
}

// normalParagraph writes "§4" and "§  4" as "§ 4".
func normalParagraph(s string) string {
	return "§ " + strings.TrimSpace(strings.TrimPrefix(s, "§"))
}

// JoinSections merges section i into the one before it. Its heading line
// stays, as text, where it stood; nothing is lost. An i out of range, or
// the first section, changes nothing.
func JoinSections(sections []domain.Section, i int) []domain.Section {
	if i <= 0 || i >= len(sections) {
		return sections
	}
	out := append([]domain.Section{}, sections[:i]...)
	prev := &out[i-1]
	s := sections[i]
	prev.Body = strings.TrimSpace(prev.Body + "\n\n" + strings.TrimSpace(s.Label()+"\n"+s.Body))
	return append(out, sections[i+1:]...)
}

// SplitSection starts a new section at line k of section i's text. A line
// that reads as a heading becomes the new section's number and heading;
// any other line stays the first line of its text, and the new section
// waits for a heading. An i or k out of range changes nothing.
func SplitSection(sections []domain.Section, i, k int) []domain.Section {
	if i < 0 || i >= len(sections) {
		return sections
	}
	lines := strings.Split(sections[i].Body, "\n")
	if k <= 0 || k >= len(lines) {
		return sections
	}
	before, rest := sections[i], domain.Section{}
	before.Body = strings.TrimSpace(strings.Join(lines[:k], "\n"))
	if h, ok := headingAt(lines, k); ok {
		rest.Number, rest.Heading = h.number, h.text
		k += h.lines
	}
	rest.Body = strings.TrimSpace(strings.Join(lines[k:], "\n"))
	out := append([]domain.Section{}, sections[:i]...)
	out = append(out, before, rest)
	return append(out, sections[i+1:]...)
}

// Lines lists the lines of a section's text at which it may be split: each
// line with text but the first, with its index.
func Lines(s domain.Section) []Line {
	var out []Line
	for i, l := range strings.Split(s.Body, "\n") {
		if i > 0 && strings.TrimSpace(l) != "" {
			out = append(out, Line{Index: i, Text: l})
		}
	}
	return out
}

// Line is one line of a section's text.
type Line struct {
	Index int
	Text  string
}

// CheckSection cleans and checks one section's fields.
func CheckSection(s *domain.Section) error { return checkSection(s) }

func checkSection(s *domain.Section) error {
	var err *domain.Error
	if s.Number, err = cleanLine(s.Number, 20, "section_number"); err != nil {
		return err
	}
	if s.Heading, err = cleanLine(s.Heading, domain.MaxTitleRunes, "section_heading"); err != nil {
		return err
	}
	if s.Heading == "" {
		return domain.Errorf(domain.KindInvalid, "remiss_heading_required")
	}
	if s.Body, err = clean(s.Body, domain.MaxSectionBodyRunes, "section_body"); err != nil {
		return err
	}
	return nil
}
