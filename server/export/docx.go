package export

// A small writer of Word documents (ECMA-376), for the compiled report.
// No maintained Go library for writing DOCX was available, and what the
// report needs is small: styled paragraphs with real heading levels, lists,
// tables with a repeated header row, a table of contents with page numbers,
// a running header and page numbers, and a landscape section. Every piece of
// text goes through xml.EscapeText, so nothing a respondent typed can become
// markup.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// A4 in twentieths of a point, with 25 mm margins.
const (
	pageShort  = 11906
	pageLong   = 16838
	pageMargin = 1418
	// textWidth is the width between the margins of a portrait page;
	// landscapeWidth of a landscape one.
	textWidth      = pageShort - 2*pageMargin
	landscapeWidth = pageLong - 2*pageMargin
)

// docx builds a document body.
type docx struct {
	b        strings.Builder
	toc      []tocEntry
	bookmark int
}

type tocEntry struct {
	level        int
	text, anchor string
}

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is one piece of text, bold or italic as asked.
func run(text string, bold bool) string { return styledRun(text, bold, false) }

func italic(text string) string { return styledRun(text, false, true) }

func styledRun(text string, bold, italic bool) string {
	rpr := ""
	if bold {
		rpr += "<w:b/>"
	}
	if italic {
		rpr += "<w:i/>"
	}
	if rpr != "" {
		rpr = "<w:rPr>" + rpr + "</w:rPr>"
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

func (d *docx) para(style string, runs ...string) {
	d.b.WriteString("<w:p>")
	if style != "" {
		d.b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		d.b.WriteString(r)
	}
	d.b.WriteString("</w:p>")
}

// heading writes a heading of level 1–4 with a bookmark; levels 1 and 2
// go into the table of contents.
func (d *docx) heading(level int, text string) { d.headingOn(level, text, false, level <= 2) }

// entry is a level-2 heading left out of the table of contents: one of
// many (an organisation), which would make the contents pages long.
func (d *docx) entry(text string) { d.headingOn(2, text, false, false) }

// chapter is a level-1 heading that begins a new page.
func (d *docx) chapter(text string) { d.headingOn(1, text, true, true) }

func (d *docx) headingOn(level int, text string, newPage, inTOC bool) {
	d.bookmark++
	anchor := fmt.Sprintf("_Toc%d", d.bookmark)
	if inTOC {
		d.toc = append(d.toc, tocEntry{level, text, anchor})
	}
	brk := ""
	if newPage {
		brk = "<w:pageBreakBefore/>"
	}
	fmt.Fprintf(&d.b, `<w:p><w:pPr><w:pStyle w:val="Heading%d"/>%s</w:pPr><w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%d"/></w:p>`,
		level, brk, d.bookmark, anchor, run(text, false), d.bookmark)
}

// text writes what a person typed: a paragraph per line, blank lines
// between paragraphs dropped (the paragraph spacing shows them).
func (d *docx) text(s string) {
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) != "" {
			d.para("", run(line, false))
		}
	}
}

// labelled writes "Label: text" with the label in bold; a text of several
// lines continues in paragraphs of its own.
func (d *docx) labelled(label, text string) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	d.para("", run(label+" ", true), run(lines[0], false))
	d.text(strings.Join(lines[1:], "\n"))
}

// bullets writes a bulleted list (numbering.xml, list 1).
func (d *docx) bullets(items []string) {
	for _, it := range items {
		d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
			run(it, false) + `</w:p>`)
	}
}

// docTable is a table: a header row repeated on every page, rows that do
// not break across pages, columns as shares of the width.
type docTable struct {
	caption string // for screen readers (Word's alternative text)
	header  []string
	rows    [][]string
	widths  []float64 // shares of width, summing to about 1
	width   int       // twips; textWidth or landscapeWidth
	small   bool      // 8 pt instead of the body size
	numeric []bool    // columns aligned right (counts)
}

func (d *docx) table(t docTable) {
	fmt.Fprintf(&d.b, `<w:tbl><w:tblPr><w:tblStyle w:val="Tabell"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`+
		`<w:tblLook w:firstRow="1" w:firstColumn="1" w:noVBand="1"/><w:tblCaption w:val="%s"/></w:tblPr><w:tblGrid>`, t.width, esc(t.caption))
	twips := make([]int, len(t.widths))
	for i, w := range t.widths {
		twips[i] = int(w * float64(t.width))
		fmt.Fprintf(&d.b, `<w:gridCol w:w="%d"/>`, twips[i])
	}
	d.b.WriteString(`</w:tblGrid>`)
	size := ""
	if t.small {
		size = `<w:sz w:val="16"/><w:szCs w:val="16"/>`
	}
	cell := func(i int, text string, head, bold bool) {
		rpr := size
		if bold {
			rpr = "<w:b/>" + rpr // ECMA-376 orders b before sz
		}
		shade := ""
		if head {
			shade = `<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>`
		}
		jc := ""
		if i < len(t.numeric) && t.numeric[i] && !head {
			jc = `<w:jc w:val="right"/>`
		}
		fmt.Fprintf(&d.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>`, twips[i], shade)
		for _, line := range strings.Split(text, "\n") {
			fmt.Fprintf(&d.b, `<w:p><w:pPr><w:pStyle w:val="TableText"/>%s</w:pPr><w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>`,
				jc, rpr, esc(line))
		}
		d.b.WriteString(`</w:tc>`)
	}
	d.b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for i, h := range t.header {
		cell(i, h, true, true)
	}
	d.b.WriteString(`</w:tr>`)
	for _, row := range t.rows {
		d.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i, v := range row {
			cell(i, v, false, i == 0)
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

// sectPr describes a page layout, with the running header and the footer
// with page numbers on every page.
func sectPr(landscape bool) string {
	size := fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, pageShort, pageLong)
	if landscape {
		size = fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, pageLong, pageShort)
	}
	return `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>` +
		size + fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/>`,
		pageMargin, pageMargin, pageMargin, pageMargin) + `</w:sectPr>`
}

// endSection ends the pages so far with the given orientation; what
// follows starts on a new page.
func (d *docx) endSection(landscape bool) {
	d.b.WriteString(`<w:p><w:pPr>` + sectPr(landscape) + `</w:pPr></w:p>`)
}

// tocXML is the table of contents: one paragraph per heading of level 1
// and 2, each a link to the heading with its page number as a PAGEREF
// field, which Word and LibreOffice fill in when they lay out the pages.
func tocXML(entries []tocEntry) string {
	var b strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="TOC%d"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs></w:pPr>`+
			`<w:hyperlink w:anchor="%s" w:history="1">%s<w:r><w:tab/></w:r>`+
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF %s \h </w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>`,
			e.level, textWidth, e.anchor, run(e.text, false), e.anchor)
	}
	return b.String()
}

// writeDOCX writes the package: body is the document's body without the
// final section properties.
func writeDOCX(w io.Writer, title, header, body string, now time.Time) error {
	zw := zip.NewWriter(w)
	doc := xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body + sectPr(false) + `</w:body></w:document>`
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/styles.xml", docxStyles},
		{"word/settings.xml", docxSettings},
		{"word/numbering.xml", docxNumbering},
		{"word/header1.xml", fmt.Sprintf(docxHeader, esc(header))},
		{"word/footer1.xml", docxFooter},
		{"docProps/core.xml", fmt.Sprintf(docxCore, esc(title), now.UTC().Format(time.RFC3339))},
		{"word/document.xml", doc},
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

const docxContentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const docxRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docxDocRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

// Word asks to update the fields (the contents' page numbers) on opening.
const docxSettings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:defaultTabStop w:val="709"/><w:updateFields w:val="true"/><w:themeFontLang w:val="sv-SE"/></w:settings>`

const docxNumbering = xml.Header + `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
	`<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="284"/></w:pPr></w:lvl>` +
	`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

const docxHeader = xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:hdr>`

const docxFooter = xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Sida </w:t></w:r>` +
	`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> av </w:t></w:r>` +
	`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`

// The document's title is set, for screen readers and the PDF a user may
// make from it (EN 301 549 asks for it).
const docxCore = xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
	`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:title>%s</dc:title><dc:language>sv-SE</dc:language><dc:creator>Samråd</dc:creator>` +
	`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created></cp:coreProperties>`

// Real heading styles (outline levels), so the document has a navigable
// structure; Swedish as the language for spelling and screen readers.
var docxStyles = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="1200" w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="480"/></w:pPr><w:rPr><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
	heading(1, 32, 480) + heading(2, 28, 360) + heading(3, 24, 240) + heading(4, 22, 200) +
	`<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="480" w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="40"/><w:ind w:left="284"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="808080"/></w:pBdr><w:spacing w:after="0"/></w:pPr>` +
	`<w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="40"/><w:ind w:left="567"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="A0A0A0"/></w:pBdr><w:ind w:left="284"/></w:pPr></w:style>` +
	`<w:style w:type="table" w:styleId="Tabell"><w:name w:val="Tabell"/><w:tblPr><w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
	`</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>` +
	`<w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

// heading is the style of a heading level.
func heading(level, size, before int) string {
	return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/>`+
		`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="120"/>`+
		`<w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		level, level, before, level-1, size, size)
}
