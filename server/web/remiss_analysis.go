package web

// The working group's analysis of the answers: a comment and an action
// (Åtgärd) on each view, edited on the section's page (and, for summaries
// and general and other views, on the analysis page); a summary per section
// and one for the whole consultation. Plain forms: each save is a POST that
// comes back to where it was made.

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
)

// typedNote is what was typed into a note's form that could not be saved.
type typedNote struct {
	Comment string
	Action  domain.Action
}

// analysisPage shows the overall summary, each section's progress, and the
// respondents' summaries, general and other views with their notes.
func (s *Server) analysisPage(c *fiber.Ctx) error {
	return s.renderAnalysis(c, fiber.Map{})
}

func (s *Server) renderAnalysis(c *fiber.Ctx, data fiber.Map) error {
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	data["Comp"], data["CanRun"], data["Actions"] = comp, canRun(c), domain.Actions
	data["Parts"] = []string{domain.PartSummary, domain.PartGeneral, domain.PartOther}
	data["Live"] = liveCursorOf(comp.Consultation)
	if saved := c.Query("saved"); saved != "" && data["Error"] == nil {
		data["Saved"] = tr(c, "remiss.analysis.saved."+saved)
	}
	return s.render(c, "remiss_analysis", tr(c, "remiss.analysis.title")+" – "+comp.Consultation.Title, data)
}

// liveCursor is where an analysis page's script starts following the
// consultation: the change the page was drawn at (read before its notes, so
// a save in between comes to it again rather than not at all).
type liveCursor struct {
	Consultation string `json:"consultation"`
	Epoch        string `json:"epoch"`
	Seq          int64  `json:"seq"`
}

func liveCursorOf(con domain.Consultation) liveCursor {
	return liveCursor{Consultation: con.ID, Epoch: con.Epoch, Seq: con.Seq}
}

// back is where a note or summary form returns: the section's page or the
// analysis page.
func backTo(consultationID, back string) string {
	if back != "" && back != "analysis" && !strings.ContainsAny(back, "/?#") {
		return consultationPath(consultationID) + "/sections/" + back
	}
	return consultationPath(consultationID) + "/analysis"
}

func (s *Server) saveNote(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	cmd := &remiss.SetNote{ConsultationID: con.ID, RespondentID: c.FormValue("respondent"), Part: c.FormValue("part"),
		Comment: c.FormValue("comment"), Action: domain.Action(c.FormValue("action")), Base: c.FormValue("base"), By: userOf(c).Name}
	anchor := "#n-" + cmd.RespondentID + "-" + cmd.Part
	err = s.record(c, cmd)
	if err == nil {
		return c.Redirect(backTo(con.ID, c.FormValue("back"))+"?saved=note"+anchor, fiber.StatusSeeOther)
	}
	typed := map[string]*typedNote{storage.NoteKey(cmd.RespondentID, cmd.Part): {Comment: cmd.Comment, Action: cmd.Action}}
	return s.analysisFailed(c, err, fiber.Map{"Typed": typed})
}

func (s *Server) saveSummary(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	cmd := &remiss.SetSummary{ConsultationID: con.ID, Part: c.FormValue("part"), Text: c.FormValue("text"),
		Base: c.FormValue("base"), By: userOf(c).Name}
	err = s.record(c, cmd)
	if err == nil {
		return c.Redirect(backTo(con.ID, c.FormValue("back"))+"?saved=summary#summary-"+cmd.Part, fiber.StatusSeeOther)
	}
	return s.analysisFailed(c, err, fiber.Map{"TypedSummary": map[string]string{cmd.Part: cmd.Text}})
}

// analysisFailed shows the page the form came from again, with the message
// and what was typed (beside what a colleague saved meanwhile, if that was
// the trouble).
func (s *Server) analysisFailed(c *fiber.Ctx, err error, data fiber.Map) error {
	e := asDomain(err)
	if e.Kind == domain.KindInternal {
		return err
	}
	c.Status(statusOf(e.Kind))
	data["Error"] = message(langOf(c), e)
	if back := c.FormValue("back"); back != "" && back != "analysis" {
		return s.renderSection(c, back, data)
	}
	return s.renderAnalysis(c, data)
}
