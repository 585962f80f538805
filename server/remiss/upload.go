package remiss

import (
	"bytes"
	"path"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
)

// Upload is a file as it arrived in a form.
type Upload struct {
	Filename string
	Data     []byte
}

// Check accepts a PDF of at most 10 MB. The file's own first bytes decide
// what it is, not its name or the browser's content type, which anyone can
// set.
func (u *Upload) Check() error {
	if len(u.Data) > domain.MaxAttachmentBytes {
		return domain.Errorf(domain.KindTooLarge, "remiss_attachment_too_large", "max", domain.MaxAttachmentBytes>>20)
	}
	if len(u.Data) == 0 {
		return domain.Errorf(domain.KindInvalid, "remiss_attachment_empty")
	}
	if !bytes.HasPrefix(u.Data, []byte("%PDF-")) {
		return domain.Errorf(domain.KindInvalid, "remiss_attachment_not_pdf")
	}
	name := path.Base(strings.ReplaceAll(u.Filename, `\`, "/"))
	name, _ = cleanLine(name, domain.MaxAttachmentNameLen, "filename")
	if name == "" || name == "." || name == "/" {
		name = "bilaga.pdf"
	}
	if !strings.HasSuffix(strings.ToLower(name), ".pdf") {
		name += ".pdf"
	}
	u.Filename = name
	return nil
}
