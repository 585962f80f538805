package export

import (
	"io"

	"github.com/samrad-se/samrad/server/remiss"
)

// RemissCSV writes the response rows in the dialect of CSV (see CSV):
// UTF-8 with BOM, ';', CRLF, every cell neutralised against formulas.
func RemissCSV(w io.Writer, c remiss.Compilation) error {
	return writeExcelCSV(w, remissHeader, func(write func([]string) error) error {
		rows, _ := remissRows(c)
		for _, row := range rows {
			if err := write(row); err != nil {
				return err
			}
		}
		return nil
	})
}
