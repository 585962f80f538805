package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
)

var csvHeader = []string{"Fråga nr", "Fråga", "Tema", "Bord", "Text", "Ursprunglig text", "Tid", "Status", "Id",
	"Föreslaget tema", "Förslagets säkerhet", "Placerat av", "Temats sammanfattning", dotsHeader}

// CSV writes one row per input in the dialect Swedish Excel opens with a
// double click: UTF-8 with a BOM (else Excel guesses Windows-1252 and å, ä, ö
// break), ';' because ',' is the decimal separator, CRLF and RFC 4180 quoting.
// A "sep=" line is left out: Excel then ignores the BOM and garbles å, ä, ö.
func CSV(w io.Writer, src Source) error {
	return writeExcelCSV(w, csvHeader, func(write func([]string) error) error {
		return inputRows(src, write)
	})
}

// writeExcelCSV writes header and then the rows that rows hands to write,
// in the dialect described at CSV, every cell neutralised (writeCSVRow).
func writeExcelCSV(w io.Writer, header []string, rows func(write func([]string) error) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := rows(func(row []string) error { return writeCSVRow(cw, row) }); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func inputRows(src Source, write func([]string) error) error {
	l := newLookup(src.Setup)
	row := make([]string, len(csvHeader))
	dots := src.Votes.dotsByInput()
	return src.each(func(in domain.Input) error {
		n := ""
		if q := l.questionNumber(in.QuestionID); q > 0 {
			n = strconv.Itoa(q)
		}
		row[0] = n
		row[1] = l.questionText(in.QuestionID)
		row[2] = l.themeName(in.ThemeID)
		row[3] = l.table[in.TableID]
		row[4] = in.Shown()
		row[5] = original(in)
		row[6] = localTime(in.CreatedAt)
		row[7] = status(in)
		row[8] = in.ID
		row[9] = l.themeName(in.Suggested)
		row[10] = confidence(in)
		row[11] = placedBy(in)
		row[12] = l.themeSummary(in.ThemeID)
		row[13] = dotsCell(dots, in.ID)
		return write(row)
	})
}

// writeCSVRow neutralises every cell, not only the free text: theme, table
// and even input ids come from people too.
func writeCSVRow(cw *csv.Writer, row []string) error {
	for i, f := range row {
		f = neutralise(f)
		if strings.ContainsRune(f, '\r') {
			// With UseCRLF, encoding/csv drops a lone CR inside a field, which
			// would glue two lines together; as LF it comes out as CRLF.
			f = crlf.Replace(f)
		}
		row[i] = f
	}
	return cw.Write(row)
}

var crlf = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// neutralise stops a spreadsheet from running a cell as a formula (OWASP
// "CSV injection"): after a leading quote Excel and LibreOffice take the
// cell as text. It also turns "-5" into "'-5", which is the price of not
// guessing which minus signs are harmless.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
