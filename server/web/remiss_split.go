package web

// Splitting a pasted draft into sections is a proposal the working group
// confirms: the page shows the sections it found, each editable, with
// buttons to join a section with the one above and to split one at a line.
// Every step is a plain POST of the whole list, so it works without
// JavaScript; nothing is stored until "save".

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

// splitPage is what the confirmation page shows.
type splitPage struct {
	Action   string            // where every button posts
	Create   *consultationForm // details typed on the new page, carried along; nil when replacing
	C        *domain.Consultation
	Sections []splitSection
	Notice   string // what the last step did
	Error    string
}

type splitSection struct {
	I       int
	Section domain.Section
	Lines   []splitLine // where it may be split
	Error   string
}

type splitLine struct{ Value, Label string }

// splitStep is one step of the confirmation, read from the request: the
// sections as they stand after it, and whether the step was "save".
type splitStep struct {
	sections []domain.Section
	notice   string
	save     bool
}

// readSplit applies the step the request asks for: the first split of the
// pasted document (no op), "join-<i>", "split-<i>" (at the line chosen in
// "at-<i>"), "save" or "back".
func readSplit(c *fiber.Ctx) (splitStep, error) {
	op := c.FormValue("op")
	if op == "" {
		sections, err := remiss.Split(c.FormValue("document"))
		if err == nil && len(sections) == 0 {
			err = domain.Errorf(domain.KindInvalid, "remiss_document_required")
		}
		return splitStep{sections: sections, notice: tr(c, "remiss.split.proposed", "n", len(sections))}, err
	}
	step := splitStep{sections: sectionsOfForm(c), save: op == "save"}
	kind, n, _ := strings.Cut(op, "-")
	i, _ := strconv.Atoi(n)
	switch kind {
	case "join":
		if i > 0 && i < len(step.sections) {
			step.sections = remiss.JoinSections(step.sections, i)
			step.notice = tr(c, "remiss.split.joined", "a", i, "b", i+1)
		}
	case "split":
		if i >= 0 && i < len(step.sections) {
			at := lineIndex(step.sections[i], c.FormValue("at-"+n))
			if before := len(step.sections); at > 0 {
				step.sections = remiss.SplitSection(step.sections, i, at)
				if len(step.sections) > before {
					step.notice = tr(c, "remiss.split.split", "a", i+1, "b", i+2)
				}
			}
		}
	}
	return step, nil
}

// lineIndex finds the chosen line in the section's text as submitted (the
// text may have been edited since the page was drawn).
func lineIndex(s domain.Section, line string) int {
	for _, l := range remiss.Lines(s) {
		if strings.TrimSpace(l.Text) == strings.TrimSpace(line) {
			return l.Index
		}
	}
	return -1
}

// sectionsOfForm reads the list the confirmation page posts.
func sectionsOfForm(c *fiber.Ctx) []domain.Section {
	n, _ := strconv.Atoi(c.FormValue("n"))
	n = min(max(n, 0), domain.MaxSections+1)
	out := make([]domain.Section, 0, n)
	for i := range n {
		k := strconv.Itoa(i)
		out = append(out, domain.Section{Number: c.FormValue("number-" + k), Heading: c.FormValue("heading-" + k),
			Body: c.FormValue("body-" + k)})
	}
	return out
}

// checkSplit puts each section's problem next to it; ok when there is none.
func (s *Server) checkSplit(c *fiber.Ctx, p *splitPage, sections []domain.Section) bool {
	ok := true
	for i := range sections {
		checked := sections[i]
		if err := remiss.CheckSection(&checked); err != nil {
			p.Sections[i].Error = message(langOf(c), asDomain(err))
			ok = false
		}
	}
	if len(sections) > domain.MaxSections {
		p.Error = message(langOf(c), domain.Errorf(domain.KindInvalid, "remiss_too_many_sections", "max", domain.MaxSections))
		ok = false
	}
	return ok
}

func newSplitPage(action string, step splitStep) splitPage {
	p := splitPage{Action: action, Notice: step.notice}
	for i, sec := range step.sections {
		ss := splitSection{I: i, Section: sec}
		for _, l := range remiss.Lines(sec) {
			label := strings.TrimSpace(l.Text)
			if utf8.RuneCountInString(label) > 70 {
				label = string([]rune(label)[:70]) + "…"
			}
			ss.Lines = append(ss.Lines, splitLine{Value: strings.TrimSpace(l.Text), Label: label})
		}
		p.Sections = append(p.Sections, ss)
	}
	return p
}

// documentOf writes sections back as one text, for going back to the page
// the draft was pasted on.
func documentOf(sections []domain.Section) string {
	var b strings.Builder
	for _, s := range sections {
		b.WriteString(s.Label() + "\n" + s.Body + "\n\n")
	}
	return strings.TrimSpace(b.String())
}

func (s *Server) renderSplit(c *fiber.Ctx, p splitPage) error {
	return s.render(c, "remiss_split", tr(c, "remiss.split.title"), p)
}

// replaceSections is "paste the draft again" on an utkast: confirm, then store.
func (s *Server) replaceSections(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	step, err := readSplit(c)
	if err == nil && con.State != domain.ConsultationDraft {
		err = domain.Errorf(domain.KindConflict, "remiss_sections_locked")
	}
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		c.Status(statusOf(e.Kind))
		return s.renderConsultation(c, con, fiber.Map{"Error": message(langOf(c), e), "Form": formValues(c)})
	}
	p := newSplitPage(consultationPath(con.ID)+"/sections/split", step)
	p.C = &con
	if step.save && !s.checkSplit(c, &p, step.sections) {
		c.Status(fiber.StatusBadRequest)
	} else if step.save {
		err := s.record(c, &remiss.ReplaceSections{ConsultationID: con.ID, Sections: step.sections})
		if err == nil {
			return c.Redirect(consultationPath(con.ID)+"?saved=sections#sections", fiber.StatusSeeOther)
		}
		if e := asDomain(err); e.Kind != domain.KindInternal {
			p.Error = message(langOf(c), e)
			c.Status(statusOf(e.Kind))
		} else {
			return err
		}
	}
	return s.renderSplit(c, p)
}
