package web

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/export"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

// compilation gathers all answers of the consultation named in the route.
func (s *Server) compilation(c *fiber.Ctx) (remiss.Compilation, error) {
	con, err := s.consultationParam(c)
	if err != nil {
		return remiss.Compilation{}, err
	}
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return remiss.Compilation{}, err
	}
	respondents, latest, err := s.store.Respondents(c.UserContext(), con.ID)
	if err != nil {
		return remiss.Compilation{}, err
	}
	notes, err := s.store.Notes(c.UserContext(), con.ID)
	if err != nil {
		return remiss.Compilation{}, err
	}
	summaries, err := s.store.Summaries(c.UserContext(), con.ID)
	if err != nil {
		return remiss.Compilation{}, err
	}
	comp := remiss.Compile(con, sections, respondents, latest)
	comp.Annotate(notes, summaries)
	return comp, nil
}

// overviewPage is the live overview: the server draws the charts, the page's
// script keeps them up to date over the websocket.
func (s *Server) overviewPage(c *fiber.Ctx) error {
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	respondents, _, err := s.store.Respondents(c.UserContext(), comp.Consultation.ID)
	if err != nil {
		return err
	}
	return s.render(c, "remiss_overview", tr(c, "remiss.overview.title")+" – "+comp.Consultation.Title,
		fiber.Map{"Comp": comp, "Respondents": listed(respondents)})
}

// sectionPage lists every view on one section, by organisation, with the
// working group's summary of the section and its note on each view.
func (s *Server) sectionPage(c *fiber.Ctx) error {
	return s.renderSection(c, c.Params("sid"), fiber.Map{})
}

func (s *Server) renderSection(c *fiber.Ctx, sectionID string, data fiber.Map) error {
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	for _, t := range comp.Sections {
		if t.Section.ID == sectionID {
			data["Comp"], data["T"], data["CanRun"], data["Actions"] = comp, t, canRun(c), domain.Actions
			data["Live"] = liveCursorOf(comp.Consultation)
			if err := s.addCommentThemes(c, comp.Consultation.ID, data); err != nil {
				return err
			}
			switch saved := c.Query("saved"); {
			case data["Error"] != nil:
			case saved == "tag":
				data["Saved"] = tr(c, "themes.tag_saved")
			case saved != "":
				data["Saved"] = tr(c, "remiss.analysis.saved."+saved)
			}
			return s.render(c, "remiss_section", t.Section.Label(), data)
		}
	}
	return domain.Errorf(domain.KindNotFound, "remiss_section_not_found")
}

// reportView is what the print page of the remissammanställning shows:
// the compilation, and the texts it shares with the DOCX.
type reportView struct {
	Comp          remiss.Compilation
	Lang          string
	Stances       []domain.Stance
	Facts         [][2]string
	Intro         []string
	Participation string
}

// ViewHeading names an organisation's view: "Länsbygderådet – avstyrker (sent inkommet)".
func (r reportView) ViewHeading(v remiss.View) string { return export.ViewHeading(r.Lang, v) }

// Marked is an organisation's name with "(spontant svar, sent inkommet)" as it applies.
func (r reportView) Marked(a remiss.Answered) string {
	return a.Respondent.Organisation + export.Markers(r.Lang, a.Respondent.Invited, a.Version.Late, " ")
}

// Day is a date as the appendix's table writes it: 2026-03-15.
func (r reportView) Day(t time.Time) string { return t.In(i18n.Stockholm).Format("2006-01-02") }

// CountsLine is a section's stance counts: "Tillstyrker 3, Avstyrker 1."
func (r reportView) CountsLine(t remiss.SectionTally) string { return export.CountsLine(r.Lang, t) }

// Decided is "Yttrandet har beslutats av styrelsen den 10 mars 2026."
func (r reportView) Decided(a domain.Answer) string { return export.DecidedLine(r.Lang, a) }

// ActionName is an action as the report writes it.
func (r reportView) ActionName(a domain.Action) string {
	return strings.ToLower(i18n.T(r.Lang, "remiss.action."+a.Key()))
}

// reportPage is the remissammanställning to print (A4) or save as PDF.
func (s *Server) reportPage(c *fiber.Ctx) error {
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	lang := langOf(c)
	return s.render(c, "remiss_report", tr(c, "remiss.report.title")+" – "+comp.Consultation.Title, reportView{Comp: comp, Lang: lang, Stances: domain.Stances,
		Facts: export.ReportFacts(lang, comp, s.cfg.Now()), Intro: export.IntroParagraphs(lang, comp),
		Participation: export.ParticipationText(lang, comp.Participation)})
}

// reportCSS gives the printed report its running header and page numbers:
// CSS page-margin boxes can only say fixed text, and the pages' CSP allows
// no inline style, so the title is written into a style sheet of its own.
func (s *Server) reportCSS(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	lang := langOf(c)
	pages := i18n.T(lang, "remiss.report.page_of")
	pages = cssString(pages)
	pages = strings.Replace(pages, "{pages}", `" counter(pages) "`, 1)
	pages = strings.Replace(pages, "{page}", `" counter(page) "`, 1)
	boxes := "@top-left { content: " + cssString(export.RunningHeader(lang, con)) +
		"; font: 8pt/1.3 system-ui, sans-serif; color: #333; vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.5pt solid #888; }" +
		" @bottom-center { content: " + pages + "; font: 8pt system-ui, sans-serif; color: #333; }"
	c.Set(fiber.HeaderContentType, "text/css; charset=utf-8")
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendString("@page { " + boxes + " }\n@page wide { " + boxes + " }\n")
}

// cssString quotes s as a CSS string: letters, digits and a few marks as
// they are, everything else as an escape, so that no title can end the
// string or the rule.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || strings.ContainsRune(".,:;–-·()!?{}", r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// remissDownloads are the files of a consultation, by extension.
var remissDownloads = map[string]struct {
	mime  string
	write func(s *Server, w *bytes.Buffer, comp remiss.Compilation) error
}{
	"xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		func(s *Server, w *bytes.Buffer, comp remiss.Compilation) error {
			return export.RemissXLSX(w, comp, s.cfg.Now())
		}},
	"csv": {"text/csv; charset=utf-8",
		func(_ *Server, w *bytes.Buffer, comp remiss.Compilation) error { return export.RemissCSV(w, comp) }},
	"json": {"application/json; charset=utf-8",
		func(s *Server, w *bytes.Buffer, comp remiss.Compilation) error {
			return export.RemissJSON(w, comp, s.cfg.Now())
		}},
	"docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		func(s *Server, w *bytes.Buffer, comp remiss.Compilation) error {
			return export.ReportDOCX(w, comp, s.cfg.Now())
		}},
}

// remissExport sends a download. A consultation's files are small (a few
// hundred responses), so they are built whole before the first byte is
// sent, and a failure is an error page rather than a cut-off file.
func (s *Server) remissExport(c *fiber.Ctx) error {
	d, ok := remissDownloads[c.Params("format")]
	if !ok {
		return domain.Errorf(domain.KindNotFound, "page_not_found")
	}
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := d.write(s, &buf, comp); err != nil {
		return err
	}
	name := export.RemissFilename(comp.Consultation, c.Params("format"))
	if c.Params("format") == "docx" {
		name = "sammanstallning-" + name
	}
	c.Set(fiber.HeaderContentType, d.mime)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(buf.Bytes())
}

// versionJSON downloads one submitted version exactly as stored, contact
// details included: it is the working group's record of what arrived.
func (s *Server) versionJSON(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	r, err := s.store.Respondent(c.UserContext(), con.ID, c.Params("rid"))
	if err != nil {
		return err
	}
	n, err := c.ParamsInt("version")
	if err != nil {
		return domain.Errorf(domain.KindNotFound, "remiss_version_not_found")
	}
	v, err := s.store.Version(c.UserContext(), r.ID, n)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+asciiName(r.Reference)+`-v`+c.Params("version")+`.json"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(struct {
		Reference    string         `json:"reference"`
		Organisation string         `json:"organisation"`
		Invited      bool           `json:"invited"`
		Version      domain.Version `json:"version"`
	}{r.Reference, r.Organisation, r.Invited, v})
}
