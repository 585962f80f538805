package export

import (
	"bufio"
	"encoding/csv"
	"io"

	"github.com/samrad-se/samrad/server/remiss"
)

// RemissCSV writes the response rows in the dialect of CSV (see CSV):
// UTF-8 with BOM, ';', CRLF, every cell neutralised against formulas.
func RemissCSV(w io.Writer, c remiss.Compilation) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(remissHeader); err != nil {
		return err
	}
	for _, row := range remissRows(c) {
		if err := writeCSVRow(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
