package export

// The compiled report (remissammanställning) as an editable Word document.
// No maintained Go library for writing DOCX was available, and the format
// needed is small: a zip of a few XML parts (ECMA-376). Every piece of text
// goes through xml.EscapeText, so nothing a respondent typed can become markup.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

// ReportDOCX writes the compilation as a .docx.
func ReportDOCX(w io.Writer, c remiss.Compilation, now time.Time) error {
	zw := zip.NewWriter(w)
	title := "Remissammanställning: " + c.Consultation.Title
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/styles.xml", docxStyles},
		{"docProps/core.xml", fmt.Sprintf(docxCore, esc(title), now.UTC().Format(time.RFC3339))},
		{"word/document.xml", reportBody(c, title, now)},
	}
	for _, p := range parts {
		fw, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// doc builds the body of document.xml.
type doc struct{ b strings.Builder }

// run is one piece of text; bold for labels.
func run(text string, bold bool) string {
	rpr := ""
	if bold {
		rpr = "<w:rPr><w:b/></w:rPr>"
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

func (d *doc) para(style string, runs ...string) {
	d.b.WriteString("<w:p>")
	if style != "" {
		d.b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		d.b.WriteString(r)
	}
	d.b.WriteString("</w:p>")
}

// text writes a typed text as paragraphs, one per line.
func (d *doc) text(s string) {
	for _, line := range strings.Split(s, "\n") {
		d.para("", run(line, false))
	}
}

// textWidth is the width between the margins of an A4 page, in twentieths
// of a point (11906 wide, 1418 margins).
const textWidth = 11906 - 2*1418

// table writes a table whose first row is a header repeated on every page.
// widths are the columns' shares of the text width (summing to about 1);
// small tables use the body size, wide ones a smaller type.
func (d *doc) table(header []string, rows [][]string, widths []float64, small bool) {
	d.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="Tabell"/><w:tblW w:w="` + fmt.Sprint(textWidth) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblLook w:firstRow="1" w:firstColumn="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	twips := make([]int, len(widths))
	for i, w := range widths {
		twips[i] = int(w * textWidth)
		d.b.WriteString(`<w:gridCol w:w="` + fmt.Sprint(twips[i]) + `"/>`)
	}
	d.b.WriteString(`</w:tblGrid>`)
	size := ""
	if small {
		size = `<w:sz w:val="18"/>`
	}
	cell := func(i int, text string, bold bool) {
		rpr := size
		if bold {
			rpr += "<w:b/>"
		}
		if rpr != "" {
			rpr = "<w:rPr>" + rpr + "</w:rPr>"
		}
		d.b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + fmt.Sprint(twips[i]) + `" w:type="dxa"/></w:tcPr><w:p>` +
			`<w:r>` + rpr + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r></w:p></w:tc>`)
	}
	d.b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for i, h := range header {
		cell(i, h, true)
	}
	d.b.WriteString(`</w:tr>`)
	for _, row := range rows {
		d.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i, v := range row {
			cell(i, v, i == 0)
		}
		d.b.WriteString(`</w:tr>`)
	}
	d.b.WriteString(`</w:tbl>`)
	d.para("")
}

// evenly gives the first column first and shares the rest equally.
func evenly(n int, first float64) []float64 {
	w := []float64{first}
	for i := 1; i < n; i++ {
		w = append(w, (1-first)/float64(n-1))
	}
	return w
}

func reportBody(c remiss.Compilation, title string, now time.Time) string {
	var d doc
	con, p := c.Consultation, c.Participation
	d.para("Title", run(title, false))
	meta := [][2]string{{"Remitterande", con.RemittingBody}, {"Diarienummer", con.Dnr},
		{"Sista svarsdag", i18n.DateTime("sv", con.Deadline)}, {"Sammanställd", i18n.DateTime("sv", now)}}
	for _, m := range meta {
		if m[1] != "" {
			d.para("", run(m[0]+": ", true), run(m[1], false))
		}
	}

	d.para("Heading1", run("Sammanfattning av deltagandet", false))
	d.table([]string{"", "Antal"}, [][]string{
		{"Inbjudna remissinstanser", fmt.Sprint(p.Invited)},
		{"Svar från inbjudna", fmt.Sprint(p.InvitedAnswered)},
		{"Spontana svar (ej inbjudna)", fmt.Sprint(p.Spontaneous)},
		{"Svar med inga synpunkter", fmt.Sprint(p.NoComments)},
		{"Inbjudna som inte svarat", fmt.Sprint(p.NoAnswer)},
		{"Sent inkomna svar", fmt.Sprint(p.Late)},
	}, []float64{0.6, 0.2}, false)

	d.para("Heading1", run("Ställningstaganden per avsnitt", false))
	if len(c.Answered) == 0 {
		d.para("", run("Inga svar har kommit in.", false))
	} else {
		header := []string{"Organisation"}
		for _, t := range c.Sections {
			header = append(header, sectionShort(t.Section))
		}
		var rows [][]string
		for _, a := range c.Answered {
			row := []string{a.Respondent.Organisation}
			for _, t := range c.Sections {
				row = append(row, stanceOrDash(a.Stance(t.Section.ID)))
			}
			rows = append(rows, row)
		}
		d.table(header, rows, evenly(len(header), 0.28), true)
	}

	for _, t := range c.Sections {
		d.para("Heading1", run(t.Section.Label(), false))
		var counts []string
		for _, sc := range t.Counts {
			if sc.Count > 0 {
				counts = append(counts, fmt.Sprintf("%s: %d", capital(StanceName(sc.Stance)), sc.Count))
			}
		}
		if len(counts) == 0 {
			d.para("", run("Inga remissinstanser har yttrat sig om avsnittet.", false))
			continue
		}
		d.para("", run("Ställningstaganden: ", true), run(strings.Join(counts, ", ")+".", false))
		for _, v := range t.Views {
			d.para("Heading3", run(viewHeading(v), false))
			if v.Comment != "" {
				d.text(v.Comment)
			}
		}
	}

	d.para("Heading1", run("Sammanfattningar, allmänna och övriga synpunkter", false))
	for _, a := range c.Answered {
		ans := a.Version.Answer
		if ans.Summary == "" && ans.General == "" && ans.Other == "" {
			continue
		}
		d.para("Heading3", run(a.Respondent.Organisation, false))
		for _, part := range [][2]string{{"Sammanfattning", ans.Summary}, {"Allmänna synpunkter", ans.General}, {"Övriga synpunkter", ans.Other}} {
			if part[1] != "" {
				d.para("", run(part[0], true))
				d.text(part[1])
			}
		}
		if ans.DecidedBy != "" {
			d.para("", run(decidedLine(ans), false))
		}
	}

	d.para("Heading1", run("Bilaga: Remissinstanser", false))
	var rows [][]string
	for _, r := range c.Invited {
		rows = append(rows, []string{r.Organisation, "inbjuden", i18n.T("sv", "remiss.status."+string(r.Status()))})
	}
	for _, a := range c.Answered {
		if !a.Respondent.Invited {
			rows = append(rows, []string{a.Respondent.Organisation, "spontant svar", i18n.T("sv", "remiss.status."+string(a.Respondent.Status()))})
		}
	}
	d.table([]string{"Organisation", "Typ", "Status"}, rows, []float64{0.5, 0.2, 0.3}, false)

	return xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		d.b.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`
}

func sectionShort(s domain.Section) string {
	if s.Number != "" {
		return s.Number
	}
	return s.Heading
}

func stanceOrDash(s domain.Stance) string {
	if s == domain.StanceNone {
		return "–"
	}
	return StanceName(s)
}

func capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// viewHeading names the organisation, its stance and how it answered:
// "Coompanion – tillstyrker delvis (spontant svar, sent inkommet)".
func viewHeading(v remiss.View) string {
	h := v.Organisation
	if v.Stance != domain.StanceNone {
		h += " – " + StanceName(v.Stance)
	}
	var notes []string
	if !v.Invited {
		notes = append(notes, "spontant svar")
	}
	if v.Late {
		notes = append(notes, "sent inkommet")
	}
	if len(notes) > 0 {
		h += " (" + strings.Join(notes, ", ") + ")"
	}
	return h
}

// decidedLine is "Yttrandet har beslutats av styrelsen den 10 mars 2026."
func decidedLine(a domain.Answer) string {
	s := "Yttrandet har beslutats av " + a.DecidedBy
	if a.DecidedOn != "" {
		s += " den " + i18n.Date("sv", a.DecidedOn)
	}
	return s + "."
}

const docxContentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const docxRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docxDocRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

// The document's title is set, for screen readers and the PDF a user may
// make from it (EN 301 549 asks for it).
const docxCore = xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
	`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:title>%s</dc:title><dc:language>sv-SE</dc:language><dc:creator>Samråd</dc:creator>` +
	`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created></cp:coreProperties>`

// Real heading styles (outline levels), so the document has a navigable
// structure; Swedish as the language for spelling and screen readers.
const docxStyles = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>` +
	`<w:sz w:val="22"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:styleId="Tabell"><w:name w:val="Tabell"/><w:tblPr><w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
	`</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`
