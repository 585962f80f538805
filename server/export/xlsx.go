package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/sense"
)

const summarySheet = "Sammanfattning"

// keyTermsExported is how many key terms the summary names per theme.
const keyTermsExported = 12

var (
	sheetHeader = []any{"Tema", "Bord", "Text", "Ursprunglig text", "Tid", "Status", "Föreslaget tema", "Förslagets säkerhet", "Placerat av", dotsHeader}
	sheetWidths = []float64{28, 16, 60, 40, 17, 14, 28, 12, 16}
)

// questionSheet is one streamed "Fråga N" sheet and the counts for its
// column in the summary.
type questionSheet struct {
	label  string // sheet name and summary column heading
	sw     *excelize.StreamWriter
	row    int   // last row written
	counts []int // per theme, visible inputs only; last slot is unknown themes
}

type xlsxStyles struct{ title, header, wrap, top, time int }

// XLSX writes a summary sheet and one sheet per question. Question sheets go
// through excelize's StreamWriter, which keeps rows as XML text and spills
// to a temp file past 16 MB per sheet, so rows are never held as cell
// objects. What still grows is the zipped file, which excelize's Write builds
// in memory before copying it to w. The summary needs counts that are only
// known after the last input, but it is small: it is filled with the
// ordinary cell API once streaming is done, on "Sheet1", which keeps it
// first in the workbook.
//
// Strings are written as inline string cells, never as formulas, so a text
// like "=1+1" needs no neutralising here, unlike in CSV.
func XLSX(w io.Writer, src Source) error {
	f := excelize.NewFile()
	defer f.Close() // removes the StreamWriters' temp files
	l := newLookup(src.Setup)
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", summarySheet); err != nil {
		return err
	}
	x := &xlsxWriter{f: f, l: l, st: st, byID: make(map[string]*questionSheet, len(l.questions))}
	for i, q := range l.questions {
		label := questionLabel(i + 1)
		s, err := x.newSheet(label, label+": "+q.Text)
		if err != nil {
			return err
		}
		x.byID[q.ID] = s
	}
	total := 0
	row := make([]any, len(sheetHeader))
	dots := src.Votes.dotsByInput()
	// The visible texts of each theme, for its key terms in the summary.
	texts := make([][]string, len(l.themes)+1)
	err = src.each(func(in domain.Input) error {
		total++
		s, err := x.sheet(in.QuestionID)
		if err != nil {
			return err
		}
		if counted(in) {
			t, ok := l.theme[in.ThemeID]
			if !ok {
				t = len(l.themes)
			}
			s.counts[t]++
			texts[t] = append(texts[t], in.Shown())
		}
		row[0] = l.themeName(in.ThemeID)
		row[1] = l.table[in.TableID]
		row[2] = in.Shown()
		row[3] = nilIfEmpty(original(in))
		row[4] = nil
		if !in.CreatedAt.IsZero() {
			// A real date cell, in the room's wall-clock time, so it sorts and filters as a date.
			row[4] = in.CreatedAt.In(i18n.Stockholm)
		}
		row[5] = status(in)
		row[6] = nilIfEmpty(l.themeName(in.Suggested))
		row[7] = nil
		if in.Suggested != "" {
			row[7] = in.Confidence
		}
		row[8] = placedBy(in)
		row[9] = dotsValue(dots, in.ID)
		s.row++
		return s.sw.SetRow("A"+strconv.Itoa(s.row), row)
	})
	if err != nil {
		return err
	}
	for _, s := range x.sheets {
		if err := s.sw.Flush(); err != nil {
			return err
		}
	}
	if err := x.summary(src, total, texts); err != nil {
		return err
	}
	if err := x.votes(src.Votes); err != nil {
		return err
	}
	// No SetActiveSheet: the summary is active already as the first sheet,
	// and SetActiveSheet would parse every streamed sheet back into memory.
	return f.Write(w)
}

type xlsxWriter struct {
	f       *excelize.File
	l       *lookup
	st      xlsxStyles
	sheets  []*questionSheet // in workbook order
	byID    map[string]*questionSheet
	unknown *questionSheet // inputs whose question is missing, made only if needed
}

func (x *xlsxWriter) sheet(questionID string) (*questionSheet, error) {
	if s, ok := x.byID[questionID]; ok {
		return s, nil
	}
	if x.unknown == nil {
		// Losing input silently would be worse than an odd extra sheet.
		s, err := x.newSheet("Okänd fråga", "Synpunkter utan känd fråga")
		if err != nil {
			return nil, err
		}
		x.unknown = s
	}
	return x.unknown, nil
}

func (x *xlsxWriter) newSheet(name, title string) (*questionSheet, error) {
	if _, err := x.f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// Column styles rather than per-cell styles spare an excelize.Cell
	// wrapper for every value. Backwards, because excelize puts each new
	// column first and the StreamWriter writes them unsorted, which Excel
	// reports as damage.
	colStyles := []int{x.st.wrap, x.st.wrap, x.st.wrap, x.st.wrap, x.st.time, x.st.top, x.st.wrap, x.st.top, x.st.top}
	for i := len(sheetWidths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, sheetWidths[i]); err != nil {
			return nil, err
		}
		if err := sw.SetColStyle(i+1, i+1, colStyles[i]); err != nil {
			return nil, err
		}
	}
	// Keep the header in view while scrolling through hundreds of rows.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: x.st.title, Value: title}}); err != nil {
		return nil, err
	}
	header := make([]any, len(sheetHeader))
	for i, h := range sheetHeader {
		header[i] = excelize.Cell{StyleID: x.st.header, Value: h}
	}
	if err := sw.SetRow("A2", header); err != nil {
		return nil, err
	}
	s := &questionSheet{label: name, sw: sw, row: 2, counts: make([]int, len(x.l.themes)+1)}
	x.sheets = append(x.sheets, s)
	return s, nil
}

// summary fills the first sheet: the workshop, then visible inputs per theme
// and question, then the questions in full since the table only names them
// by number.
func (x *xlsxWriter) summary(src Source, total int, texts [][]string) error {
	f, st, ws := x.f, x.st, src.Setup.Workshop
	const sh = summarySheet
	cells := []struct {
		ref   string
		value any
		style int
	}{
		{"A1", "Samråd – sammanfattning", st.title},
		{"A3", "Workshop", st.header}, {"B3", ws.Name, 0},
		{"A4", "Datum", st.header}, {"B4", i18n.Date("sv", ws.Date), 0},
		{"A5", "Plats", st.header}, {"B5", ws.Place, 0},
		{"A6", "Exporterad", st.header}, {"B6", i18n.DateTime("sv", src.Now), 0},
		{"A7", "Antal synpunkter", st.header}, {"B7", total, 0},
		{"A9", "Synliga synpunkter per tema och fråga (dolda och sammanslagna räknas inte)", st.title},
	}
	for _, c := range cells {
		if err := setCell(f, sh, c.ref, c.value, c.style); err != nil {
			return err
		}
	}

	const headerRow = 10
	header := []any{"Tema"}
	for _, s := range x.sheets {
		header = append(header, s.label)
	}
	header = append(header, "Totalt")
	if err := setRow(f, sh, 1, headerRow, header, st.header); err != nil {
		return err
	}

	row := headerRow
	names := make([]string, 0, len(x.l.themes)+1)
	for _, t := range x.l.themes {
		names = append(names, t.Name)
	}
	names = append(names, "Okänt tema")
	colSums := make([]int, len(x.sheets)+1)
	for t, name := range names {
		values, sum := []any{name}, 0
		for i, s := range x.sheets {
			values = append(values, s.counts[t])
			sum += s.counts[t]
			colSums[i] += s.counts[t]
		}
		if t == len(x.l.themes) && sum == 0 {
			break // the unknown-theme row is only there when it has something to show
		}
		colSums[len(x.sheets)] += sum
		row++
		if err := setRow(f, sh, 1, row, append(values, sum), 0); err != nil {
			return err
		}
	}
	row++
	totals := []any{"Totalt"}
	for _, n := range colSums {
		totals = append(totals, n)
	}
	if err := setRow(f, sh, 1, row, totals, st.header); err != nil {
		return err
	}

	// Per theme, the facilitators' summary line and the key terms of its
	// visible answers, each with how many answers use it.
	row += 2
	if err := setCell(f, sh, "A"+strconv.Itoa(row), "Teman: sammanfattning och nyckelord", st.title); err != nil {
		return err
	}
	row++
	if err := setRow(f, sh, 1, row, []any{"Tema", "Sammanfattning", "Nyckelord (antal svar)"}, st.header); err != nil {
		return err
	}
	for t, th := range x.l.themes {
		var terms []string
		for _, k := range sense.KeyTerms(texts[t], keyTermsExported) {
			terms = append(terms, fmt.Sprintf("%s (%d)", k.Word, k.Count))
		}
		row++
		if err := setRow(f, sh, 1, row, []any{th.Name, th.Summary, strings.Join(terms, ", ")}, 0); err != nil {
			return err
		}
	}

	row += 2
	if err := setCell(f, sh, "A"+strconv.Itoa(row), "Frågor", st.title); err != nil {
		return err
	}
	for i, q := range x.l.questions {
		row++
		if err := setRow(f, sh, 1, row, []any{questionLabel(i + 1), q.Text}, 0); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 30); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(x.sheets) + 2)
	return f.SetColWidth(sh, "B", last, 12)
}

func setCell(f *excelize.File, sheet, ref string, value any, style int) error {
	if err := f.SetCellValue(sheet, ref, value); err != nil {
		return err
	}
	if style == 0 {
		return nil
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

func setRow(f *excelize.File, sheet string, col, row int, values []any, style int) error {
	for i, v := range values {
		ref, err := excelize.CoordinatesToCellName(col+i, row)
		if err != nil {
			return err
		}
		if err := setCell(f, sheet, ref, v, style); err != nil {
			return err
		}
	}
	return nil
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	top := &excelize.Alignment{Vertical: "top"}
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}},
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.top, excelize.Style{Alignment: top}},
		{&st.time, excelize.Style{Alignment: top, CustomNumFmt: ptr("yyyy-mm-dd hh:mm")}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return st, fmt.Errorf("xlsx style: %w", err)
		}
		*d.id = id
	}
	return st, nil
}

func ptr[T any](v T) *T { return &v }
