package export

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

const (
	responsesSheet   = "Remissvar"
	respondentsSheet = "Remissinstanser"
	// idSheet is hidden: it names the consultation the file was made from,
	// so that an uploaded file is known to belong to it.
	idSheet  = "Samråd"
	idFormat = "samrad-remissvar-1"
)

var remissWidths = []float64{30, 11, 14, 8, 17, 8, 9, 28, 18, 60, 30, 16, 10}

// keyHeader is the hidden last column of "Remissvar": which respondent,
// part of the answer and version each row is.
const keyHeader = "Nyckel (ändra inte)"

// RemissXLSX writes the response rows (sheet "Remissvar", with the working
// group's "Kommentar" and "Åtgärd" as far as they are written, a drop-down
// of the actions, and a hidden key per row) and the respondents (sheet
// "Remissinstanser"). Filled in and uploaded, the two columns come back
// into the app (ReadRemissXLSX). A consultation has a few hundred
// responses at most, so the ordinary cell API is fine here.
func RemissXLSX(w io.Writer, c remiss.Compilation, now time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", responsesSheet); err != nil {
		return err
	}
	title := c.Consultation.Title
	if c.Consultation.Dnr != "" {
		title += " (dnr " + c.Consultation.Dnr + ")"
	}
	rows, keys := remissRows(c)
	for i := range rows {
		rows[i] = append(rows[i], keys[i])
	}
	header := append(append([]string{}, remissHeader...), keyHeader)
	if err := writeSheet(f, st, responsesSheet, title, header, rows, remissWidths); err != nil {
		return err
	}
	if err := f.SetColVisible(responsesSheet, "M", false); err != nil {
		return err
	}
	if len(rows) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = "L3:L" + strconv.Itoa(len(rows)+2)
		var names []string
		for _, a := range domain.Actions {
			names = append(names, ActionName(a))
		}
		if err := dv.SetDropList(names); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Åtgärd", "Välj en åtgärd i listan: "+strings.Join(names, ", ")+".")
		if err := f.AddDataValidation(responsesSheet, dv); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(respondentsSheet); err != nil {
		return err
	}
	if err := writeSheet(f, st, respondentsSheet, "Remissinstanser och svar", respondentsHeader, respondentRows(c),
		[]float64{34, 11, 18, 14, 8, 17, 8, 18, 13, 30}); err != nil {
		return err
	}
	if _, err := f.NewSheet(idSheet); err != nil {
		return err
	}
	for cell, v := range map[string]string{"A1": "Format", "B1": idFormat, "A2": "Remiss", "B2": c.Consultation.ID,
		"A3": "Skapad", "B3": now.UTC().Format(time.RFC3339)} {
		if err := f.SetCellStr(idSheet, cell, v); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(idSheet, false); err != nil {
		return err
	}
	return f.Write(w)
}

// writeSheet fills a sheet: a title, a frozen header row, then the rows as
// text cells (never formulas). Versions are written as numbers.
func writeSheet(f *excelize.File, st xlsxStyles, sheet, title string, header []string, rows [][]string, widths []float64) error {
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, wd); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetColStyle(sheet, "A:"+last, st.wrap); err != nil {
		return err
	}
	if err := setCell(f, sheet, "A1", title, st.title); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := setRow(f, sheet, 1, 2, head, st.header); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	versionCol := -1
	for i, h := range header {
		if h == "Version" {
			versionCol = i
		}
	}
	for r, row := range rows {
		values := make([]any, len(row))
		for i, v := range row {
			values[i] = nilIfEmpty(v)
			if i == versionCol {
				if n, err := strconv.Atoi(v); err == nil {
					values[i] = n
				}
			}
		}
		ref := "A" + strconv.Itoa(r+3)
		if err := f.SetSheetRow(sheet, ref, &values); err != nil {
			return err
		}
	}
	if len(rows) > 0 {
		end := last + strconv.Itoa(len(rows)+2)
		if err := f.AutoFilter(sheet, "A2:"+end, nil); err != nil && !strings.Contains(err.Error(), "exist") {
			return err
		}
	}
	return nil
}
