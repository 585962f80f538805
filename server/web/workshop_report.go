package web

import (
	"bytes"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/export"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// workshopReport gathers the documentation of the workshop named in the
// route: its answers, and who organised it (the organisation running the
// service; the processledare with access to the workshop).
func (s *Server) workshopReport(c *fiber.Ctx) (export.WorkshopReport, error) {
	snap, err := s.store.Snapshot(c.UserContext(), c.Params("id"), storage.AllInputs)
	if err != nil {
		return export.WorkshopReport{}, err
	}
	users, err := s.store.AssignedUsers(c.UserContext(), domain.KindWorkshop, snap.Workshop.ID)
	if err != nil {
		return export.WorkshopReport{}, err
	}
	var names []string
	for _, u := range users {
		if u.Active && u.Role != domain.RoleReader && u.Name != "" {
			names = append(names, u.Name)
		}
	}
	return export.BuildWorkshopReport(snap, s.cfg.Organisation, names, s.cfg.Now()), nil
}

// workshopReportView is what templates/workshop_report.html draws.
type workshopReportView struct {
	R     export.WorkshopReport
	Lang  string
	Facts [][2]string
}

// TermsLine writes key terms for the page ("läxhjälp (4), föreningar (3)").
func (workshopReportView) TermsLine(r export.ReportThemeAnswers) string {
	return export.TermsLine(r.Terms)
}

// ThemeTerms is TermsLine for a theme in brief.
func (workshopReportView) ThemeTerms(r export.ReportTheme) string { return export.TermsLine(r.Terms) }

// workshopReportPage is the workshop's documentation as a page to print.
func (s *Server) workshopReportPage(c *fiber.Ctx) error {
	r, err := s.workshopReport(c)
	if err != nil {
		return err
	}
	lang := langOf(c)
	return s.render(c, "workshop_report", i18n.T(lang, "wdoc.heading", "name", r.Workshop.Name),
		workshopReportView{R: r, Lang: lang, Facts: r.Facts(lang)})
}

// workshopReportCSS gives the printed documentation its running header and
// page numbers (see reportCSS).
func (s *Server) workshopReportCSS(c *fiber.Ctx) error {
	w, err := s.store.Workshop(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	lang := langOf(c)
	pages := cssString(i18n.T(lang, "remiss.report.page_of"))
	pages = strings.Replace(pages, "{pages}", `" counter(pages) "`, 1)
	pages = strings.Replace(pages, "{page}", `" counter(page) "`, 1)
	header := export.WorkshopReport{Workshop: w}.Header(lang)
	c.Set(fiber.HeaderContentType, "text/css; charset=utf-8")
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendString("@page { @top-left { content: " + cssString(header) +
		"; font: 8pt/1.3 system-ui, sans-serif; color: #333; vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.5pt solid #888; }" +
		" @bottom-center { content: " + pages + "; font: 8pt system-ui, sans-serif; color: #333; } }\n")
}

// workshopDOCX downloads the documentation as a Word document (logged, as
// the other downloads are). A workshop's document is built whole before the
// first byte is sent, so a failure is an error page, not a cut-off file.
func (s *Server) workshopDOCX(c *fiber.Ctx) error {
	r, err := s.workshopReport(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := export.WorkshopDOCX(&buf, r); err != nil {
		return err
	}
	if err := s.record(c, audit.Note{Action: "export.docx", Kind: domain.KindWorkshop,
		ObjectID: r.Workshop.ID, EventID: r.Workshop.ID}); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+export.Filename(r.Workshop, "docx")+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(buf.Bytes())
}
