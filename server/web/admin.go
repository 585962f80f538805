package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
)

func (s *Server) adminHome(c *fiber.Ctx) error {
	list, err := s.store.ListWorkshops(c.UserContext(), *userOf(c))
	if err != nil {
		return err
	}
	return s.render(c, "admin", tr(c, "admin.title"), fiber.Map{"Workshops": list})
}

// defaultQuestions are the workshop questions of the Ljungskile conference
// (slide 14 of the presentation), offered as a starting point.
var defaultQuestions = workshop.LjungskileQuestions

type newWorkshopForm struct {
	Name, Date, Place string
	Questions         string
	Preset            string
	CustomThemes      string
	Tables            string
	Error             string
	// Templates to start from instead ("Ny workshop från mall").
	Templates []templateRow
}

func (s *Server) newWorkshopPage(c *fiber.Ctx) error {
	return s.renderNewWorkshop(c, newWorkshopForm{
		Questions: strings.Join(defaultQuestions, "\n"), Preset: "principles", Tables: "10"})
}

// renderNewWorkshop shows the new-workshop page with the templates to start from.
func (s *Server) renderNewWorkshop(c *fiber.Ctx, f newWorkshopForm) error {
	list, err := s.templateList(c)
	if err != nil {
		return err
	}
	f.Templates = list
	return s.render(c, "workshop_new", tr(c, "new.title"), f)
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (s *Server) createWorkshop(c *fiber.Ctx) error {
	f := newWorkshopForm{Name: c.FormValue("name"), Date: c.FormValue("date"), Place: c.FormValue("place"),
		Questions: c.FormValue("questions"), Preset: c.FormValue("preset"), CustomThemes: c.FormValue("custom_themes"),
		Tables: c.FormValue("tables")}
	themes, ok := domain.PresetThemes(f.Preset)
	if !ok {
		themes = lines(f.CustomThemes)
	}
	// A preset theme set comes with keyword lists for the suggestions.
	keywords, _ := sense.PresetKeywords(f.Preset)
	tables, err := strconv.Atoi(strings.TrimSpace(f.Tables))
	if err != nil {
		tables = 0 // reported by Validate
	}
	cmd := &workshop.Create{
		Details:   workshop.Details{Name: f.Name, Date: f.Date, Place: f.Place},
		Questions: lines(f.Questions), Themes: themes, Tables: tables, CreatedBy: userOf(c).ID, Keywords: keywords,
	}
	if err := s.record(c, cmd); err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		f.Error = message(langOf(c), e)
		return s.renderNewWorkshop(c.Status(statusOf(e.Kind)), f)
	}
	return c.Redirect("/admin/workshops/"+cmd.ID+"?saved=created", fiber.StatusSeeOther)
}

// workshopView gathers what the workshop pages show.
func (s *Server) workshopView(c *fiber.Ctx) (fiber.Map, error) {
	snap, err := s.store.Snapshot(c.UserContext(), c.Params("id"), storage.NoInputs)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Workshop": snap.Workshop, "Questions": snap.Questions, "Themes": snap.Themes,
		"Tables": snap.Tables, "JoinBase": s.baseURL(c), "LocalBase": s.baseIsLocal(c), "Form": map[string]string{},
		"CanRun": canRun(c)}, nil
}

func (s *Server) workshopPage(c *fiber.Ctx) error {
	return s.renderWorkshop(c, fiber.Map{})
}

func (s *Server) renderWorkshop(c *fiber.Ctx, extra fiber.Map) error {
	data, err := s.workshopView(c)
	if err != nil {
		return err
	}
	w := data["Workshop"].(domain.Workshop)
	if !canRun(c) {
		return s.render(c, "workshop_read", w.Name, data)
	}
	if err := s.addAccessView(c, w, data); err != nil {
		return err
	}
	for k, v := range extra {
		data[k] = v
	}
	if saved := c.Query("saved"); saved != "" && extra["Error"] == nil {
		data["Saved"] = tr(c, "saved."+saved)
	}
	return s.render(c, "workshop", w.Name, data)
}

// act runs a command from a form on the workshop page and returns to the
// page: on success with a confirmation, on failure with the message and
// what was typed, so nothing is lost.
func (s *Server) act(c *fiber.Ctx, cmd audit.Command, saved string) error {
	if err := s.record(c, cmd); err != nil {
		return s.workshopError(c, err)
	}
	return c.Redirect("/admin/workshops/"+c.Params("id")+"?saved="+saved+"#"+saved, fiber.StatusSeeOther)
}

// workshopError shows the workshop page again with the message and what was typed.
func (s *Server) workshopError(c *fiber.Ctx, err error) error {
	e := asDomain(err)
	if e.Kind == domain.KindInternal {
		return err
	}
	c.Status(statusOf(e.Kind))
	return s.renderWorkshop(c, fiber.Map{"Error": message(langOf(c), e), "Form": formValues(c)})
}

func formValues(c *fiber.Ctx) map[string]string {
	out := map[string]string{}
	c.Request().PostArgs().VisitAll(func(k, v []byte) { out[string(k)] = string(v) })
	return out
}

func delta(c *fiber.Ctx) int {
	if c.FormValue("delta") == "-1" {
		return -1
	}
	return 1
}

func (s *Server) updateDetails(c *fiber.Ctx) error {
	return s.act(c, &workshop.UpdateDetails{WorkshopID: c.Params("id"),
		Details: workshop.Details{Name: c.FormValue("name"), Date: c.FormValue("date"), Place: c.FormValue("place")}}, "details")
}

func (s *Server) setState(c *fiber.Ctx) error {
	return s.act(c, &workshop.SetState{WorkshopID: c.Params("id"), State: domain.WorkshopState(c.FormValue("state"))}, "state")
}

func (s *Server) addQuestion(c *fiber.Ctx) error {
	d, err := parseDuration(c.FormValue("duration"))
	if err != nil {
		return s.workshopError(c, err)
	}
	return s.act(c, &workshop.AddQuestion{WorkshopID: c.Params("id"), Text: c.FormValue("text"),
		Kind: domain.QuestionKind(c.FormValue("kind")), Duration: d, AutoClose: c.FormValue("auto_close") == "on"}, "questions")
}

func (s *Server) editQuestion(c *fiber.Ctx) error {
	return s.act(c, &workshop.EditQuestion{WorkshopID: c.Params("id"), QuestionID: c.Params("qid"), Text: c.FormValue("text")}, "questions")
}

func (s *Server) setQuestionState(c *fiber.Ctx) error {
	return s.act(c, &workshop.SetQuestionState{WorkshopID: c.Params("id"), QuestionID: c.Params("qid"),
		State: domain.QuestionState(c.FormValue("state"))}, "questions")
}

func (s *Server) moveQuestion(c *fiber.Ctx) error {
	return s.act(c, &workshop.MoveQuestion{WorkshopID: c.Params("id"), QuestionID: c.Params("qid"), Delta: delta(c)}, "questions")
}

func (s *Server) addTheme(c *fiber.Ctx) error {
	return s.act(c, &workshop.AddTheme{WorkshopID: c.Params("id"), Name: c.FormValue("name"), Color: c.FormValue("color"),
		Keywords: c.FormValue("keywords")}, "themes")
}

func (s *Server) updateTheme(c *fiber.Ctx) error {
	return s.act(c, &workshop.UpdateTheme{WorkshopID: c.Params("id"), ThemeID: c.Params("tid"),
		Name: c.FormValue("name"), Color: c.FormValue("color"), Keywords: c.FormValue("keywords")}, "themes")
}

func (s *Server) setAutoSort(c *fiber.Ctx) error {
	return s.act(c, &workshop.SetAutoSort{WorkshopID: c.Params("id"), On: c.FormValue("auto_sort") == "on"}, "sorting")
}

func (s *Server) moveTheme(c *fiber.Ctx) error {
	return s.act(c, &workshop.MoveTheme{WorkshopID: c.Params("id"), ThemeID: c.Params("tid"), Delta: delta(c)}, "themes")
}

func (s *Server) deleteTheme(c *fiber.Ctx) error {
	return s.act(c, &workshop.DeleteTheme{WorkshopID: c.Params("id"), ThemeID: c.Params("tid")}, "themes")
}

func (s *Server) addTables(c *fiber.Ctx) error {
	n, _ := strconv.Atoi(strings.TrimSpace(c.FormValue("count")))
	return s.act(c, &workshop.AddTables{WorkshopID: c.Params("id"), Count: n}, "tables")
}

func (s *Server) renameTable(c *fiber.Ctx) error {
	return s.act(c, &workshop.RenameTable{WorkshopID: c.Params("id"), TableID: c.Params("tid"), Name: c.FormValue("name")}, "tables")
}
