package remiss

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/samrad-se/samrad/server/domain"
)

// Heading lines a pasted document is split on:
//
//	# Inledning            (markdown, any level; a number after the #s is kept)
//	1. Inledning  /  2.3 Mål och syfte
//	§ 4 Uppföljning
var (
	markdownHeading = regexp.MustCompile(`^#{1,6}\s+(.+)$`)
	numberedHeading = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$`)
	paragraphNumber = regexp.MustCompile(`^(§\s*\d{1,3}[a-z]?)\.?\s*(.*)$`)
)

// maxHeadingRunes tells a numbered heading from a numbered sentence in a
// list: headings are short and do not end like a sentence.
const maxHeadingRunes = 100

// Split cuts a pasted document into sections at its headings. Text before
// the first heading becomes a section "Inledning" without a number. An empty
// document gives no sections; text without any heading is an error that
// says what a heading looks like.
func Split(doc string) ([]domain.Section, error) {
	doc, err := clean(doc, domain.MaxSections*domain.MaxSectionBodyRunes/10, "document")
	if err != nil {
		return nil, err
	}
	if doc == "" {
		return nil, nil
	}
	var sections []domain.Section
	var body []string
	flush := func() {
		text := strings.TrimSpace(strings.Join(body, "\n"))
		body = body[:0]
		if len(sections) == 0 {
			if text != "" {
				sections = append(sections, domain.Section{Heading: "Inledning", Body: text})
			}
			return
		}
		sections[len(sections)-1].Body = text
	}
	started := false
	for _, line := range strings.Split(doc, "\n") {
		number, heading, ok := parseHeading(strings.TrimSpace(line))
		if !ok {
			body = append(body, strings.TrimRight(line, " \t"))
			continue
		}
		flush()
		started = true
		sections = append(sections, domain.Section{Number: number, Heading: heading})
	}
	if !started {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_split_no_headings")
	}
	flush()
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

func parseHeading(line string) (number, heading string, ok bool) {
	if line == "" {
		return "", "", false
	}
	if m := markdownHeading.FindStringSubmatch(line); m != nil {
		text := strings.TrimSpace(strings.TrimRight(m[1], "#"))
		if n := numberedHeading.FindStringSubmatch(text); n != nil {
			return n[1], n[2], true
		}
		if n := paragraphNumber.FindStringSubmatch(text); n != nil && n[2] != "" {
			return normalParagraph(n[1]), n[2], true
		}
		return "", text, text != ""
	}
	if utf8.RuneCountInString(line) > maxHeadingRunes || strings.ContainsAny(line[len(line)-1:], ".,;:!?") {
		return "", "", false
	}
	if m := numberedHeading.FindStringSubmatch(line); m != nil {
		return m[1], m[2], true
	}
	if m := paragraphNumber.FindStringSubmatch(line); m != nil && m[2] != "" {
		return normalParagraph(m[1]), m[2], true
	}
	return "", "", false
}

// normalParagraph writes "§4" and "§  4" as "§ 4".
func normalParagraph(s string) string {
	return "§ " + strings.TrimSpace(strings.TrimPrefix(s, "§"))
}

// checkSection cleans and checks one section's fields.
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
