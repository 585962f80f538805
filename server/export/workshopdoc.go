package export

// The workshop's own documentation (dokumentation från workshopen): what a
// facilitator sends to the participants and the board after the day, in the
// form of the consultation's compiled report. A title page with the facts
// and the contents; who took part (tables, answers per question); the themes
// in brief (summary line, key terms); per question and theme the answers on
// the wall, highlighted first, answers merged from several tables once with
// "N bord"; and an appendix of every answer by table. The print page
// (templates/workshop_report.html) and the Word document are drawn from the
// same WorkshopReport. Hidden answers and answers their tables withdrew are
// left out everywhere.

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/storage"
)

// Key terms shown: per question and theme, and per theme over the day. A
// word one answer used is not yet a theme's term.
const (
	reportTermsPerPart  = 8
	reportTermsPerTheme = 12
	reportTermMinCount  = 2
)

// WorkshopReport is the workshop's documentation, ready to be written.
type WorkshopReport struct {
	Workshop     domain.Workshop
	Organiser    string   // the organisation that runs the service
	Facilitators []string // names of the staff with access to the workshop
	Compiled     time.Time
	Tables       int // tables set up
	Answering    int // tables with at least one answer on the wall
	Answers      int // answers on the wall
	Questions    []ReportQuestion
	Themes       []ReportTheme // the themes in brief: those with answers
	ByTable      []ReportTable
	Votes        []ReportVote // prickröstning, in the order the votes opened
}

// ReportQuestion is one question with its answers by theme.
type ReportQuestion struct {
	Number  int
	Text    string
	Answers int // answers on the wall, merged ones each counted
	Tables  int // tables that gave them
	Themes  []ReportThemeAnswers
}

// ReportThemeAnswers are a question's answers in one theme.
type ReportThemeAnswers struct {
	Theme   domain.Theme
	Terms   []sense.Term
	Answers []ReportAnswer
}

// ReportAnswer is one answer as the document shows it.
type ReportAnswer struct {
	Text        string
	Tables      int // tables that said it: more than one when answers were merged into it
	Highlighted bool
	Theme       string // the theme's name (appendix)
}

// ReportTheme is a theme in brief over the whole day.
type ReportTheme struct {
	Theme   domain.Theme
	Answers int
	Terms   []sense.Term
}

// ReportTable is one table's answers, question by question (appendix).
type ReportTable struct {
	Name      string
	Questions []ReportTableQuestion
}

type ReportTableQuestion struct {
	Number  int
	Text    string
	Answers []ReportAnswer
}

// BuildWorkshopReport arranges a workshop's snapshot (with all its inputs)
// as its documentation.
func BuildWorkshopReport(snap storage.Snapshot, organiser string, facilitators []string, now time.Time) WorkshopReport {
	l := newLookup(snap)
	r := WorkshopReport{Workshop: snap.Workshop, Organiser: organiser, Facilitators: facilitators, Compiled: now,
		Tables: len(snap.Tables), Votes: reportVotes(snap.Votes, l)}
	var visible []domain.Input
	sources := map[string][]domain.Input{}
	for _, in := range snap.Inputs {
		if in.Hidden || in.Withdrawn {
			continue
		}
		visible = append(visible, in)
		if in.MergedInto != "" {
			sources[in.MergedInto] = append(sources[in.MergedInto], in)
		}
	}
	slices.SortStableFunc(visible, func(a, b domain.Input) int {
		return cmp.Or(cmp.Compare(l.questionNumber(a.QuestionID), l.questionNumber(b.QuestionID)), a.CreatedAt.Compare(b.CreatedAt))
	})
	r.Answers = len(visible)
	answering := map[string]bool{}
	for _, in := range visible {
		answering[in.TableID] = true
	}
	r.Answering = len(answering)

	themeTexts := map[string][]string{}
	themeCount := map[string]int{}
	for i, q := range l.questions {
		rq := ReportQuestion{Number: i + 1, Text: q.Text}
		tables := map[string]bool{}
		byTheme := map[string][]ReportAnswer{}
		texts := map[string][]string{}
		for _, in := range visible {
			if in.QuestionID != q.ID {
				continue
			}
			rq.Answers++
			tables[in.TableID] = true
			if in.MergedInto != "" {
				continue // it is said once, by the answer it was merged into
			}
			said := map[string]bool{in.TableID: true}
			for _, s := range sources[in.ID] {
				said[s.TableID] = true
			}
			byTheme[in.ThemeID] = append(byTheme[in.ThemeID], ReportAnswer{Text: in.Shown(), Tables: len(said), Highlighted: in.Highlighted})
			texts[in.ThemeID] = append(texts[in.ThemeID], in.Shown())
			themeTexts[in.ThemeID] = append(themeTexts[in.ThemeID], in.Shown())
			themeCount[in.ThemeID]++
		}
		rq.Tables = len(tables)
		for _, th := range l.themes {
			answers := byTheme[th.ID]
			if len(answers) == 0 {
				continue
			}
			// Highlighted first; otherwise in the order they came.
			slices.SortStableFunc(answers, func(a, b ReportAnswer) int {
				return boolOrder(b.Highlighted) - boolOrder(a.Highlighted)
			})
			rq.Themes = append(rq.Themes, ReportThemeAnswers{Theme: th, Answers: answers,
				Terms: keyTerms(texts[th.ID], reportTermsPerPart)})
		}
		r.Questions = append(r.Questions, rq)
	}
	for _, th := range l.themes {
		if themeCount[th.ID] > 0 {
			r.Themes = append(r.Themes, ReportTheme{Theme: th, Answers: themeCount[th.ID],
				Terms: keyTerms(themeTexts[th.ID], reportTermsPerTheme)})
		}
	}
	// The appendix: each table's answers, already in question order.
	byTable := map[string][]domain.Input{}
	for _, in := range visible {
		byTable[in.TableID] = append(byTable[in.TableID], in)
	}
	tables := slices.Clone(snap.Tables)
	slices.SortStableFunc(tables, func(a, b domain.Table) int { return cmp.Compare(a.Position, b.Position) })
	for _, t := range tables {
		rt := ReportTable{Name: t.Name}
		for _, in := range byTable[t.ID] {
			n := l.questionNumber(in.QuestionID)
			if len(rt.Questions) == 0 || rt.Questions[len(rt.Questions)-1].Number != n {
				rt.Questions = append(rt.Questions, ReportTableQuestion{Number: n, Text: l.questionText(in.QuestionID)})
			}
			q := &rt.Questions[len(rt.Questions)-1]
			q.Answers = append(q.Answers, ReportAnswer{Text: in.Shown(), Highlighted: in.Highlighted,
				Theme: l.themeName(in.ThemeID), Tables: 1})
		}
		r.ByTable = append(r.ByTable, rt)
	}
	return r
}

func boolOrder(b bool) int {
	if b {
		return 1
	}
	return 0
}

// keyTerms are the words several answers share, most used first.
func keyTerms(texts []string, limit int) []sense.Term {
	var out []sense.Term
	for _, t := range sense.KeyTerms(texts, limit) {
		if t.Count >= reportTermMinCount {
			out = append(out, t)
		}
	}
	return out
}

// TermsLine writes key terms as "läxhjälp (4), föreningar (3)".
func TermsLine(terms []sense.Term) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = t.Word + " (" + itoa(t.Count) + ")"
	}
	return strings.Join(parts, ", ")
}

func itoa(n int) string { return i18n.Format("sv", n) }

// Facts are the lines under the title: date, place, who organised it, when
// it was compiled.
func (r WorkshopReport) Facts(lang string) [][2]string {
	t := func(key string, params ...any) string { return i18n.T(lang, key, params...) }
	var f [][2]string
	if r.Workshop.Date != "" {
		f = append(f, [2]string{t("wdoc.date"), i18n.Date(lang, r.Workshop.Date)})
	}
	if r.Workshop.Place != "" {
		f = append(f, [2]string{t("wdoc.place"), r.Workshop.Place})
	}
	if r.Organiser != "" {
		f = append(f, [2]string{t("wdoc.organiser"), r.Organiser})
	}
	if len(r.Facilitators) > 0 {
		f = append(f, [2]string{t("wdoc.facilitators"), strings.Join(r.Facilitators, ", ")})
	}
	return append(f, [2]string{t("wdoc.compiled"), i18n.Date(lang, localDate(r.Compiled))})
}

// Header is the line at the top of every page: the workshop and its date.
func (r WorkshopReport) Header(lang string) string {
	h := i18n.T(lang, "wdoc.heading", "name", r.Workshop.Name)
	if r.Workshop.Date != "" {
		h += " · " + i18n.Date(lang, r.Workshop.Date)
	}
	return h
}

// ParticipationText is the participation chapter's sentence.
func (r WorkshopReport) ParticipationText(lang string) string {
	return i18n.T(lang, "wdoc.participation_text", "answering", r.Answering, "tables", r.Tables,
		"answers", r.Answers, "questions", len(r.Questions))
}

// workshopChapters are the document's chapters after the title page, in
// order.
var workshopChapters = []func(*docx, WorkshopReport){
	participationChapter,
	themesChapter,
	votesChapter,
	questionChapters,
	tablesAppendix,
}

// WorkshopDOCX writes the workshop's documentation as a Word document, in
// Swedish (it is the authority's record of the day).
func WorkshopDOCX(w io.Writer, r WorkshopReport) error {
	var d docx
	for _, chapter := range workshopChapters {
		chapter(&d, r)
	}
	var front docx
	front.para("Title", run(sv("wdoc.title"), false))
	front.para("Subtitle", run(r.Workshop.Name, false))
	for _, f := range r.Facts("sv") {
		front.para("Meta", run(f[0]+": ", true), run(f[1], false))
	}
	front.para("TOCHeading", run(sv("wdoc.toc"), false))
	body := front.b.String() + tocXML(d.toc) + d.b.String()
	return writeDOCX(w, sv("wdoc.heading", "name", r.Workshop.Name), r.Header("sv"), body, r.Compiled)
}

func participationChapter(d *docx, r WorkshopReport) {
	d.chapter(sv("wdoc.participation"))
	d.para("", run(r.ParticipationText("sv"), false))
	rows := make([][]string, 0, len(r.Questions))
	for _, q := range r.Questions {
		rows = append(rows, []string{sv("wdoc.question_label", "n", q.Number) + ": " + q.Text, itoa(q.Answers), itoa(q.Tables)})
	}
	d.table(docTable{caption: sv("wdoc.participation_caption"), width: textWidth, widths: []float64{0.64, 0.16, 0.2},
		header: []string{sv("wdoc.col_question"), sv("wdoc.col_answers"), sv("wdoc.col_tables")}, rows: rows,
		numeric: []bool{false, true, true}})
}

func themesChapter(d *docx, r WorkshopReport) {
	d.chapter(sv("wdoc.themes"))
	if len(r.Themes) == 0 {
		d.para("", run(sv("wdoc.no_answers"), false))
	}
	for _, th := range r.Themes {
		d.entry(th.Theme.Name)
		d.para("Meta", run(sv("wdoc.theme_answers", "n", th.Answers), false))
		if th.Theme.Summary != "" {
			d.para("", run(sv("wdoc.summary")+" ", true), run(th.Theme.Summary, false))
		}
		if len(th.Terms) > 0 {
			d.para("", run(sv("wdoc.key_terms")+" ", true), run(TermsLine(th.Terms), false))
		}
	}
}

func questionChapters(d *docx, r WorkshopReport) {
	for _, q := range r.Questions {
		d.chapter(sv("wdoc.question", "n", q.Number, "text", q.Text))
		if len(q.Themes) == 0 {
			d.para("", run(sv("wdoc.no_answers"), false))
			continue
		}
		d.para("Meta", run(sv("wdoc.question_counts", "answers", q.Answers, "tables", q.Tables), false))
		for _, th := range q.Themes {
			d.entry(th.Theme.Name)
			if len(th.Terms) > 0 {
				d.para("", run(sv("wdoc.key_terms")+" ", true), run(TermsLine(th.Terms), false))
			}
			for _, a := range th.Answers {
				d.answer(a)
			}
		}
	}
}

// answer is one answer as a list item: a highlighted one marked in bold,
// one merged from several tables with "(N bord)".
func (d *docx) answer(a ReportAnswer) {
	marked := ""
	if a.Highlighted {
		marked = run(sv("wdoc.highlighted")+": ", true)
	}
	tables := ""
	if a.Tables > 1 {
		tables = italic(" (" + sv("wdoc.n_tables", "n", a.Tables) + ")")
	}
	d.listItem(marked, lines(a.Text), tables)
}

// listItem is a bulleted paragraph of runs (numbering.xml, list 1).
func (d *docx) listItem(runs ...string) {
	d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
	for _, r := range runs {
		d.b.WriteString(r)
	}
	d.b.WriteString(`</w:p>`)
}

// lines is what a person typed as runs, its line breaks kept.
func lines(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		b.WriteString(run(line, false))
	}
	return b.String()
}

func tablesAppendix(d *docx, r WorkshopReport) {
	d.chapter(sv("wdoc.appendix"))
	d.para("", run(sv("wdoc.appendix_intro"), false))
	for _, t := range r.ByTable {
		d.entry(t.Name)
		if len(t.Questions) == 0 {
			d.para("", run(sv("wdoc.no_answers"), false))
		}
		for _, q := range t.Questions {
			d.heading(3, sv("wdoc.question", "n", q.Number, "text", q.Text))
			for _, a := range q.Answers {
				d.listItem(lines(a.Text), italic(" – "+a.Theme))
			}
		}
	}
}
