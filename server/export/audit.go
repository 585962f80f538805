package export

import (
	"io"
	"strconv"

	"github.com/samrad-se/samrad/server/domain"
)

var auditHeader = []string{"Nr", "Tid", "Vem", "Händelse", "Typ", "Id", "Evenemang", "Före", "Efter", "Gallrad"}

// AuditCSV writes the audit log in the same Swedish Excel dialect as CSV.
// each calls its function once per entry.
func AuditCSV(w io.Writer, each func(func(domain.AuditEntry) error) error) error {
	return writeExcelCSV(w, auditHeader, func(write func([]string) error) error {
		return each(func(e domain.AuditEntry) error {
			redacted := ""
			if e.Redacted {
				redacted = "ja"
			}
			return write([]string{strconv.FormatInt(e.ID, 10), localTime(e.At), e.Actor.Name, e.Action, e.ObjectKind,
				e.ObjectID, e.EventID, e.Before, e.After, redacted})
		})
	})
}
