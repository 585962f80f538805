package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/samrad-se/samrad/server/domain"
)

var auditHeader = []string{"Nr", "Tid", "Vem", "Händelse", "Typ", "Id", "Evenemang", "Före", "Efter", "Gallrad"}

// AuditCSV writes the audit log in the same Swedish Excel dialect as CSV.
// each calls its function once per entry.
func AuditCSV(w io.Writer, each func(func(domain.AuditEntry) error) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(auditHeader); err != nil {
		return err
	}
	row := make([]string, len(auditHeader))
	err := each(func(e domain.AuditEntry) error {
		redacted := ""
		if e.Redacted {
			redacted = "ja"
		}
		copy(row, []string{strconv.FormatInt(e.ID, 10), localTime(e.At), e.Actor.Name, e.Action, e.ObjectKind,
			e.ObjectID, e.EventID, e.Before, e.After, redacted})
		return writeCSVRow(cw, row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
