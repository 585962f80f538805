package export

// The compiled report (remissammanställning) as a Word document, in the
// form a board receives: a title page with a table of contents; an
// introduction (what was sent, when, to whom, how, until when); the working
// group's summary; who answered; the stances per section and, on a
// landscape page, per organisation and section; each organisation's own
// summary and general views; then, section by section, the working group's
// summary and each organisation's view with its stance, the working group's
// comment and action; other views; and an appendix of the consultees.
// The print page (templates/remiss_report.html) has the same parts, from
// the same catalogue texts. Exports are in Swedish: they are the
// authority's records.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

// sv is a Swedish catalogue text.
func sv(key string, params ...any) string { return i18n.T("sv", key, params...) }

// ReportDOCX writes the compilation as a .docx.
func ReportDOCX(w io.Writer, c remiss.Compilation, now time.Time) error {
	con := c.Consultation
	header := RunningHeader("sv", con)
	var d docx
	reportContent(&d, c, now)

	var front docx
	front.para("Title", run(sv("remiss.report.title"), false))
	front.para("Subtitle", run(con.Title, false))
	for _, f := range ReportFacts("sv", c, now) {
		front.para("Meta", run(f[0]+": ", true), run(f[1], false))
	}
	front.para("TOCHeading", run(sv("remiss.report.toc"), false))
	body := front.b.String() + tocXML(d.toc) + d.b.String()
	return writeDOCX(w, sv("remiss.report.heading", "title", con.Title), header, body, now)
}

// ReportFacts are the lines under the title: who sent it, dnr, when.
func ReportFacts(lang string, c remiss.Compilation, now time.Time) [][2]string {
	con := c.Consultation
	t := func(key string, params ...any) string { return i18n.T(lang, key, params...) }
	var f [][2]string
	if con.RemittingBody != "" {
		f = append(f, [2]string{t("remiss.field.remitting_body"), con.RemittingBody})
	}
	if con.Dnr != "" {
		f = append(f, [2]string{t("remiss.field.dnr"), con.Dnr})
	}
	if !con.OpenedAt.IsZero() {
		f = append(f, [2]string{t("remiss.report.period"), t("remiss.report.period_value",
			"from", i18n.Date(lang, localDate(con.OpenedAt)), "to", i18n.Date(lang, localDate(con.Deadline)))})
	}
	return append(f, [2]string{t("remiss.report.deadline"), i18n.DateTime(lang, con.Deadline)},
		[2]string{t("remiss.report.compiled"), i18n.Date(lang, localDate(now))})
}

// RunningHeader is the line at the top of every page: the title and dnr.
func RunningHeader(lang string, con domain.Consultation) string {
	h := i18n.T(lang, "remiss.report.title") + ": " + con.Title
	if con.Dnr != "" {
		h += " · " + i18n.T(lang, "remiss.report.dnr_short", "dnr", con.Dnr)
	}
	return h
}

func localDate(t time.Time) string { return t.In(i18n.Stockholm).Format("2006-01-02") }

// Sender is who sent the consultation, as the introduction names it.
func Sender(con domain.Consultation) string {
	if con.RemittingBody != "" {
		return con.RemittingBody
	}
	return sv("remiss.report.the_working_group")
}

func reportContent(d *docx, c remiss.Compilation, now time.Time) {
	con, p := c.Consultation, c.Participation

	d.chapter(sv("remiss.report.intro"))
	for _, para := range IntroParagraphs("sv", c) {
		d.para("", run(para, false))
	}
	d.heading(2, sv("remiss.report.what_was_sent"))
	d.para("", run(sv("remiss.report.sections_were", "n", len(c.Sections)), false))
	var labels []string
	for _, t := range c.Sections {
		labels = append(labels, t.Section.Label())
	}
	d.bullets(labels)
	if con.Intro != "" {
		d.para("", run(sv("remiss.report.intro_letter"), true))
		for _, line := range strings.Split(con.Intro, "\n") {
			if strings.TrimSpace(line) != "" {
				d.para("Quote", run(line, false))
			}
		}
	}

	d.heading(1, sv("remiss.report.summary"))
	if s := c.Summary(domain.PartOverall).Text; s != "" {
		d.text(s)
	} else {
		d.para("", italic(sv("remiss.report.summary_none")))
	}

	d.heading(1, sv("remiss.report.participation"))
	d.para("", run(ParticipationText("sv", p), false))
	d.table(docTable{caption: sv("remiss.report.participation"), header: []string{sv("remiss.report.col_group"), sv("remiss.report.col_count")},
		rows: [][]string{
			{sv("remiss.report.p_invited"), strconv.Itoa(p.Invited)},
			{sv("remiss.report.p_invited_answered"), strconv.Itoa(p.InvitedAnswered)},
			{sv("remiss.report.p_spontaneous"), strconv.Itoa(p.Spontaneous)},
			{sv("remiss.report.p_no_comments"), strconv.Itoa(p.NoComments)},
			{sv("remiss.report.p_no_answer"), strconv.Itoa(p.NoAnswer)},
			{sv("remiss.report.p_late"), strconv.Itoa(p.Late)},
		}, widths: []float64{0.7, 0.3}, width: textWidth, numeric: []bool{false, true}})

	// The stances, on landscape pages of their own, so that the words in
	// the tables' narrow columns are not broken.
	d.endSection(false)
	d.heading(1, sv("remiss.report.stances_heading"))
	d.heading(2, sv("remiss.report.matrix"))
	header := []string{sv("remiss.report.col_section")}
	for _, st := range domain.Stances {
		header = append(header, capital(StanceName(st)))
	}
	header = append(header, sv("remiss.report.col_total"))
	var rows [][]string
	for _, t := range c.Sections {
		row := []string{t.Section.Label()}
		for _, sc := range t.Counts {
			row = append(row, strconv.Itoa(sc.Count))
		}
		rows = append(rows, append(row, strconv.Itoa(t.Answers)))
	}
	numeric := []bool{false}
	for range len(header) - 1 {
		numeric = append(numeric, true)
	}
	d.table(docTable{caption: sv("remiss.report.matrix"), header: header, rows: rows, widths: evenly(len(header), 0.3),
		width: landscapeWidth, small: true, numeric: numeric})
	d.para("", italic(sv("remiss.report.matrix_note")))

	d.heading(2, sv("remiss.report.by_org"))
	if len(c.Answered) == 0 {
		d.para("", run(sv("remiss.report.no_answers"), false))
	} else {
		short := c.ShortStances()
		if short {
			var legend []string
			for _, st := range domain.Stances {
				legend = append(legend, StanceShort(st)+" = "+StanceName(st))
			}
			d.para("", run(sv("remiss.report.legend")+" ", true), run(strings.Join(legend, ", ")+".", false))
		}
		header := []string{sv("remiss.col_org")}
		for _, t := range c.Sections {
			header = append(header, sectionShort(t.Section))
		}
		var rows [][]string
		for _, a := range c.Answered {
			row := []string{a.Respondent.Organisation + markers(a.Respondent.Invited, a.Version.Late, "\n")}
			for _, t := range c.Sections {
				st := a.Stance(t.Section.ID)
				if short {
					row = append(row, StanceShort(st))
				} else {
					row = append(row, stanceOrDash(st))
				}
			}
			rows = append(rows, row)
		}
		d.table(docTable{caption: sv("remiss.report.by_org"), header: header, rows: rows, widths: evenly(len(header), 0.24),
			width: landscapeWidth, small: true})
		var legend []string
		for _, t := range c.Sections {
			legend = append(legend, t.Section.Label())
		}
		d.para("", run(sv("remiss.report.sections_legend")+" ", true), run(strings.Join(legend, "; ")+".", false))
	}
	d.endSection(true)

	d.heading(1, sv("remiss.report.org_views"))
	d.para("", run(sv("remiss.report.org_views_lead"), false))
	for _, a := range c.Answered {
		ans := a.Version.Answer
		d.entry(a.Respondent.Organisation + markers(a.Respondent.Invited, a.Version.Late, " "))
		d.para("Meta", run(sv("remiss.report.received", "when", i18n.DateTime("sv", a.Version.SubmittedAt), "ref", a.Respondent.Reference), false))
		if ans.DecidedBy != "" {
			d.para("Meta", run(DecidedLine("sv", ans), false))
		}
		if ans.AttachmentName != "" {
			d.para("Meta", run(sv("remiss.report.attachment", "name", ans.AttachmentName), false))
		}
		if ans.NoComments() {
			d.para("", italic(sv("remiss.report.declined_one")))
			continue
		}
		if ans.Summary == "" && ans.General == "" {
			d.para("", italic(sv("remiss.report.no_general")))
		}
		for _, part := range []struct{ key, text string }{{domain.PartSummary, ans.Summary}, {domain.PartGeneral, ans.General}} {
			if part.text == "" {
				continue
			}
			d.heading(3, sv("remiss.field."+part.key))
			d.text(part.text)
			noteDOCX(d, c.Note(a.Respondent.ID, part.key), a.Version.Version)
		}
	}

	d.chapter(sv("remiss.report.section_views"))
	for _, t := range c.Sections {
		d.heading(2, t.Section.Label())
		if t.Answers == 0 {
			d.para("", run(sv("remiss.report.section_none"), false))
		} else {
			d.para("", run(sv("remiss.report.stances")+" ", true), run(CountsLine("sv", t), false))
		}
		d.heading(3, sv("remiss.analysis.section_summary"))
		if s := c.Summary(t.Section.ID).Text; s != "" {
			d.text(s)
		} else {
			d.para("", italic(sv("remiss.report.section_summary_none")))
		}
		for _, v := range t.Views {
			d.heading(3, ViewHeading("sv", v))
			if v.Comment != "" {
				d.text(v.Comment)
			}
			noteDOCX(d, v.Note, v.Version)
		}
	}

	if others := c.WithOther(); len(others) > 0 {
		d.heading(1, sv("remiss.field.other"))
		for _, a := range others {
			d.entry(a.Respondent.Organisation + markers(a.Respondent.Invited, a.Version.Late, " "))
			d.text(a.Version.Answer.Other)
			noteDOCX(d, c.Note(a.Respondent.ID, domain.PartOther), a.Version.Version)
		}
	}

	d.chapter(sv("remiss.report.appendix"))
	d.heading(2, sv("remiss.report.answered_list"))
	if len(c.Answered) == 0 {
		d.para("", run(sv("remiss.report.no_answers"), false))
	} else {
		var rows [][]string
		for _, a := range c.Answered {
			rows = append(rows, []string{a.Respondent.Organisation, kindName(a.Respondent), localDate(a.Version.SubmittedAt),
				a.Respondent.Reference, yesDash(a.Version.Late), dashIfEmpty(a.Version.Answer.AttachmentName)})
		}
		d.table(docTable{caption: sv("remiss.report.answered_list"), header: []string{sv("remiss.col_org"), sv("remiss.col_type"),
			sv("remiss.report.col_received"), sv("remiss.report.col_reference"), sv("remiss.col_late"), sv("remiss.report.col_attachment")},
			rows: rows, widths: []float64{0.3, 0.12, 0.15, 0.15, 0.1, 0.18}, width: textWidth, small: true})
	}
	d.heading(2, sv("remiss.report.not_answered"))
	var names []string
	for _, r := range c.NotAnswered() {
		names = append(names, r.Organisation)
	}
	listOrNone(d, names)
	d.heading(2, sv("remiss.report.declined"))
	names = nil
	for _, a := range c.Declined() {
		names = append(names, a.Respondent.Organisation)
	}
	listOrNone(d, names)
}

func listOrNone(d *docx, names []string) {
	if len(names) == 0 {
		d.para("", run(sv("remiss.report.none"), false))
		return
	}
	d.bullets(names)
}

// noteDOCX writes the working group's comment and action on a view.
func noteDOCX(d *docx, n domain.Note, version int) {
	if n.Empty() {
		return
	}
	if n.Comment != "" {
		d.labelled(sv("remiss.report.wg_comment"), n.Comment)
	}
	if n.Action != domain.ActionUndecided {
		d.para("", run(sv("remiss.report.action_label")+" ", true), run(ActionName(n.Action), false))
	}
	if n.Version != version {
		d.para("", italic(sv("remiss.note.stale", "version", n.Version)))
	}
}

// CountsLine is a section's stance counts: "Tillstyrker 3, Avstyrker 1."
func CountsLine(lang string, t remiss.SectionTally) string {
	var counts []string
	for _, sc := range t.Counts {
		if sc.Count > 0 {
			counts = append(counts, fmt.Sprintf("%s %d", i18n.T(lang, "remiss.stance."+sc.Stance.Key()), sc.Count))
		}
	}
	return strings.Join(counts, ", ") + "."
}

// IntroParagraphs is the introduction: what was sent, when, to whom, how,
// until when, and how to read the report.
func IntroParagraphs(lang string, c remiss.Compilation) []string {
	con := c.Consultation
	t := func(key string, params ...any) string { return i18n.T(lang, key, params...) }
	sender := con.RemittingBody
	if sender == "" {
		sender = t("remiss.report.the_working_group")
	}
	var sent string
	if con.OpenedAt.IsZero() {
		sent = t("remiss.report.intro_sent_undated", "body", sender, "title", con.Title, "n", c.Participation.Invited)
	} else {
		sent = t("remiss.report.intro_sent", "body", sender, "date", i18n.Date(lang, localDate(con.OpenedAt)), "title", con.Title,
			"n", c.Participation.Invited)
	}
	if con.Dnr != "" {
		sent += " " + t("remiss.report.intro_dnr", "dnr", con.Dnr)
	}
	out := []string{sent, t("remiss.report.intro_how")}
	if con.AllowSpontaneous {
		out = append(out, t("remiss.report.intro_open"))
	}
	return append(out, t("remiss.report.intro_deadline", "when", i18n.DateTime(lang, con.Deadline)),
		t("remiss.report.intro_stances"), t("remiss.report.intro_reading"), t("remiss.report.intro_public", "body", sender))
}

// ParticipationText says who answered in a sentence or two.
func ParticipationText(lang string, p remiss.Participation) string {
	return i18n.T(lang, "remiss.report.participation_text", "answers", p.Answers(), "invited_answered", p.InvitedAnswered,
		"invited", p.Invited, "spontaneous", p.Spontaneous, "no_comments", p.NoComments, "late", p.Late)
}

// markers is " (spontant svar, sent inkommet)" as far as either applies.
func markers(invited, late bool, sep string) string { return Markers("sv", invited, late, sep) }

// Markers is markers in a language.
func Markers(lang string, invited, late bool, sep string) string {
	var m []string
	if !invited {
		m = append(m, i18n.T(lang, "remiss.report.mark_spontaneous"))
	}
	if late {
		m = append(m, i18n.T(lang, "remiss.report.mark_late"))
	}
	if len(m) == 0 {
		return ""
	}
	return sep + "(" + strings.Join(m, ", ") + ")"
}

// ViewHeading names the organisation, its stance and how it answered:
// "Coompanion – tillstyrker delvis (spontant svar, sent inkommet)".
func ViewHeading(lang string, v remiss.View) string {
	h := v.Organisation + " – " + strings.ToLower(i18n.T(lang, "remiss.stance."+v.Stance.Key()))
	var notes []string
	if !v.Invited {
		notes = append(notes, i18n.T(lang, "remiss.report.mark_spontaneous"))
	}
	if v.Late {
		notes = append(notes, i18n.T(lang, "remiss.report.mark_late"))
	}
	if len(notes) > 0 {
		h += " (" + strings.Join(notes, ", ") + ")"
	}
	return h
}

// DecidedLine is "Yttrandet har beslutats av styrelsen den 10 mars 2026."
func DecidedLine(lang string, a domain.Answer) string {
	s := i18n.T(lang, "remiss.report.decided", "by", a.DecidedBy)
	if a.DecidedOn != "" {
		s += " " + i18n.T(lang, "remiss.report.decided_on", "date", i18n.Date(lang, a.DecidedOn))
	}
	return s + "."
}

// StanceShort is a stance abbreviated for a narrow table: "TD".
func StanceShort(s domain.Stance) string { return sv("remiss.stance_short." + s.Key()) }

func sectionShort(s domain.Section) string {
	if s.Number != "" {
		return strings.TrimSuffix(s.Number, ".")
	}
	return s.Heading
}

func stanceOrDash(s domain.Stance) string {
	if s == domain.StanceNone {
		return "–"
	}
	return StanceName(s)
}

func kindName(r domain.Respondent) string {
	if r.Invited {
		return sv("remiss.report.kind_invited")
	}
	return sv("remiss.report.kind_spontaneous")
}

func yesDash(b bool) string {
	if b {
		return sv("remiss.report.yes")
	}
	return "–"
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
