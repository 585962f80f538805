package export

import (
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
)

// UploadedNote is one row of an uploaded "Remissvar" sheet: which part of
// whose answer, on which version, and the working group's columns.
type UploadedNote struct {
	Line         int // the row in the sheet, for messages
	RespondentID string
	Part         string
	Version      int
	Comment      string
	Action       domain.Action
}

// UploadedSheet is what an uploaded spreadsheet says.
type UploadedSheet struct {
	ConsultationID string
	Notes          []UploadedNote
}

// ReadRemissXLSX reads back a file made by RemissXLSX after the working
// group has filled in "Kommentar" and "Åtgärd" (in Excel or LibreOffice).
// Columns are found by their headings, so moved or added columns do no
// harm; rows without a key (added by hand) are ignored. A file not made by
// Samråd, or an action that is not one of the four, is an error naming
// the row.
func ReadRemissXLSX(r io.Reader) (UploadedSheet, error) {
	var out UploadedSheet
	f, err := excelize.OpenReader(r)
	if err != nil {
		return out, domain.Errorf(domain.KindInvalid, "import_not_xlsx")
	}
	defer f.Close()
	format, _ := f.GetCellValue(idSheet, "B1")
	out.ConsultationID, _ = f.GetCellValue(idSheet, "B2")
	if format != idFormat || out.ConsultationID == "" {
		return out, domain.Errorf(domain.KindInvalid, "import_not_ours")
	}
	rows, err := f.GetRows(responsesSheet)
	if err != nil || len(rows) < 2 {
		return out, domain.Errorf(domain.KindInvalid, "import_not_ours")
	}
	col := map[string]int{}
	for i, h := range rows[1] {
		col[strings.TrimSpace(h)] = i
	}
	kc, okK := col[keyHeader]
	cc, okC := col["Kommentar"]
	ac, okA := col["Åtgärd"]
	if !okK || !okC || !okA {
		return out, domain.Errorf(domain.KindInvalid, "import_columns_missing")
	}
	cell := func(row []string, i int) string {
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	for i, row := range rows[2:] {
		line := i + 3
		key := strings.Fields(cell(row, kc))
		if len(key) == 0 {
			continue
		}
		version, err := strconv.Atoi(key[len(key)-1])
		if len(key) != 3 || err != nil {
			return out, domain.Errorf(domain.KindInvalid, "import_key_invalid", "line", line)
		}
		action, ok := actionOf(cell(row, ac))
		if !ok {
			return out, domain.Errorf(domain.KindInvalid, "import_action_invalid", "line", line, "action", cell(row, ac))
		}
		out.Notes = append(out.Notes, UploadedNote{Line: line, RespondentID: key[0], Part: key[1], Version: version,
			Comment: strings.TrimSpace(cell(row, cc)), Action: action})
	}
	return out, nil
}
