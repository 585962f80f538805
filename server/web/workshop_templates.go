package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/workshop"
)

// templateRow is a template as the pages list it.
type templateRow struct {
	domain.Template
	MayDelete bool
}

// templateList is the built-in templates, then the stored ones by name.
func (s *Server) templateList(c *fiber.Ctx) ([]templateRow, error) {
	stored, err := s.store.Templates(c.UserContext())
	if err != nil {
		return nil, err
	}
	u := userOf(c)
	var out []templateRow
	for _, t := range workshop.BuiltinTemplates() {
		out = append(out, templateRow{Template: t})
	}
	for _, t := range stored {
		out = append(out, templateRow{Template: t, MayDelete: u.Role == domain.RoleAdmin || t.CreatedBy == u.ID})
	}
	return out, nil
}

// templatesPage lists the templates, with delete for those the user may remove.
func (s *Server) templatesPage(c *fiber.Ctx) error {
	list, err := s.templateList(c)
	if err != nil {
		return err
	}
	data := fiber.Map{"Templates": list}
	if saved := c.Query("saved"); saved == "template_deleted" {
		data["Saved"] = tr(c, "saved."+saved)
	}
	return s.render(c, "templates", tr(c, "tpl.title"), data)
}

func (s *Server) deleteTemplate(c *fiber.Ctx) error {
	u := userOf(c)
	err := s.record(c, &workshop.DeleteTemplate{ID: c.Params("tplid"), ByID: u.ID, ByAdmin: u.Role == domain.RoleAdmin})
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		list, lerr := s.templateList(c)
		if lerr != nil {
			return lerr
		}
		return s.render(c.Status(statusOf(e.Kind)), "templates", tr(c, "tpl.title"),
			fiber.Map{"Templates": list, "Error": message(langOf(c), e)})
	}
	return c.Redirect("/admin/templates?saved=template_deleted", fiber.StatusSeeOther)
}

// saveTemplate keeps the workshop's questions, themes and tables as a template ("Spara som mall").
func (s *Server) saveTemplate(c *fiber.Ctx) error {
	return s.act(c, &workshop.SaveTemplate{WorkshopID: c.Params("id"), Name: c.FormValue("name"), CreatedBy: userOf(c).ID}, "template")
}

// fromTemplateForm is the page that makes a workshop from one template.
type fromTemplateForm struct {
	Template          domain.Template
	Name, Date, Place string
	Error             string
}

// templateByID finds a built-in or stored template.
func (s *Server) templateByID(c *fiber.Ctx, id string) (domain.Template, error) {
	if t, ok := workshop.Builtin(id); ok {
		return t, nil
	}
	return s.store.Template(c.UserContext(), id)
}

// newFromTemplatePage asks for the new workshop's name, date and place.
func (s *Server) newFromTemplatePage(c *fiber.Ctx) error {
	t, err := s.templateByID(c, c.Params("tplid"))
	if err != nil {
		return err
	}
	return s.render(c, "workshop_from_template", tr(c, "tpl.new_from"), fromTemplateForm{Template: t})
}

// createFromTemplate makes a workshop from a template ("Ny workshop från mall").
func (s *Server) createFromTemplate(c *fiber.Ctx) error {
	t, err := s.templateByID(c, c.FormValue("template"))
	if err != nil {
		return err
	}
	f := fromTemplateForm{Template: t, Name: c.FormValue("name"), Date: c.FormValue("date"), Place: c.FormValue("place")}
	cmd := &workshop.CreateFromTemplate{TemplateID: t.ID, CreatedBy: userOf(c).ID,
		Details: workshop.Details{Name: f.Name, Date: f.Date, Place: f.Place}}
	if err := s.record(c, cmd); err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		f.Error = message(langOf(c), e)
		return s.render(c.Status(statusOf(e.Kind)), "workshop_from_template", tr(c, "tpl.new_from"), f)
	}
	return c.Redirect("/admin/workshops/"+cmd.ID+"?saved=created", fiber.StatusSeeOther)
}
