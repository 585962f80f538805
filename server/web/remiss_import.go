package web

// The working group's spreadsheet round trip: the XLSX download carries the
// "Kommentar" and "Åtgärd" columns and a hidden key per row; filled in in
// Excel or LibreOffice and uploaded, it is read back, the page shows what
// would change, and a second press applies it. A file from another
// consultation, or one made before an answer changed, is refused.

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/export"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

// maxImportBytes bounds an uploaded spreadsheet (a large consultation's is
// well under a megabyte).
const maxImportBytes = 10 << 20

// importChange is one row of the preview.
type importChange struct {
	Organisation, Part string
	Old                domain.Note
	New                remiss.NoteChange
}

func (s *Server) importNotes(c *fiber.Ctx) error {
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	con := comp.Consultation
	if c.FormValue("op") == "apply" {
		cmd := &remiss.ImportNotes{ConsultationID: con.ID, Changes: importChangesOfForm(c), By: userOf(c).Name}
		if err := s.record(c, cmd); err != nil {
			return s.analysisFailed(c, err, fiber.Map{})
		}
		return c.Redirect(consultationPath(con.ID)+"/analysis?saved=import", fiber.StatusSeeOther)
	}
	changes, err := s.readUpload(c, comp)
	if err != nil {
		return s.analysisFailed(c, err, fiber.Map{})
	}
	return s.render(c, "remiss_import", tr(c, "remiss.import.title"), fiber.Map{"C": con, "Changes": changes})
}

// readUpload reads the uploaded file and compares it with the notes as
// they are.
func (s *Server) readUpload(c *fiber.Ctx, comp remiss.Compilation) ([]importChange, error) {
	fh, err := c.FormFile("file")
	if err != nil || fh.Size == 0 {
		return nil, domain.Errorf(domain.KindInvalid, "import_no_file")
	}
	if fh.Size > maxImportBytes {
		return nil, domain.Errorf(domain.KindTooLarge, "request_too_large")
	}
	file, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer file.Close()
	sheet, err := export.ReadRemissXLSX(file)
	if err != nil {
		return nil, err
	}
	if sheet.ConsultationID != comp.Consultation.ID {
		return nil, domain.Errorf(domain.KindInvalid, "import_wrong_consultation")
	}
	answered := map[string]remiss.Answered{}
	for _, a := range comp.Answered {
		answered[a.Respondent.ID] = a
	}
	labels := map[string]string{}
	for _, t := range comp.Sections {
		labels[t.Section.ID] = t.Section.Label()
	}
	for _, p := range []string{domain.PartSummary, domain.PartGeneral, domain.PartOther} {
		labels[p] = tr(c, "remiss.field."+p)
	}
	var changed []string
	seen := map[string]bool{}
	var out []importChange
	for _, n := range sheet.Notes {
		a, ok := answered[n.RespondentID]
		if !ok || labels[n.Part] == "" {
			return nil, domain.Errorf(domain.KindInvalid, "import_row_unknown", "line", n.Line)
		}
		if a.Version.Version != n.Version {
			if !seen[a.Respondent.ID] {
				changed = append(changed, a.Respondent.Organisation)
				seen[a.Respondent.ID] = true
			}
			continue
		}
		comment, _ := domain.NormalizeText(n.Comment)
		old := comp.Note(n.RespondentID, n.Part)
		if comment == old.Comment && n.Action == old.Action {
			continue
		}
		out = append(out, importChange{Organisation: a.Respondent.Organisation, Part: labels[n.Part], Old: old,
			New: remiss.NoteChange{RespondentID: n.RespondentID, Part: n.Part, Version: n.Version, Comment: comment,
				Action: n.Action, Base: old.Stamp()}})
	}
	if len(changed) > 0 {
		return nil, domain.Errorf(domain.KindConflict, "import_answers_changed", "organisations", joinList(langOf(c), changed))
	}
	return out, nil
}

// importChangesOfForm reads the confirmed changes the preview carries.
func importChangesOfForm(c *fiber.Ctx) []remiss.NoteChange {
	n, _ := strconv.Atoi(c.FormValue("n"))
	n = min(max(n, 0), domain.MaxRespondents*(domain.MaxSections+3))
	out := make([]remiss.NoteChange, 0, n)
	for i := range n {
		k := strconv.Itoa(i)
		v, _ := strconv.Atoi(c.FormValue("v-" + k))
		out = append(out, remiss.NoteChange{RespondentID: c.FormValue("r-" + k), Part: c.FormValue("p-" + k), Version: v,
			Comment: c.FormValue("c-" + k), Action: domain.Action(c.FormValue("a-" + k)), Base: c.FormValue("b-" + k)})
	}
	return out
}

// joinList writes "A, B och C".
func joinList(lang string, items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + i18n.T(lang, "list.and") + " " + items[len(items)-1]
}
