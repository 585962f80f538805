package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/workshop"
)

// addAccessView adds the workshop page's "who has access" and retention parts.
func (s *Server) addAccessView(c *fiber.Ctx, w domain.Workshop, data fiber.Map) error {
	if err := s.addAssigned(c, domain.KindWorkshop, w.ID, data); err != nil {
		return err
	}
	data["RetentionChoices"] = domain.RetentionChoices
	if due := w.PurgeDue(); !due.IsZero() {
		data["PurgeDue"] = due.Format("2006-01-02")
	}
	return nil
}

// addAssigned lists who has access to an event and who could be given it.
func (s *Server) addAssigned(c *fiber.Ctx, kind, id string, data fiber.Map) error {
	assigned, err := s.store.AssignedUsers(c.UserContext(), kind, id)
	if err != nil {
		return err
	}
	all, err := s.store.ListUsers(c.UserContext())
	if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, u := range assigned {
		has[u.ID] = true
	}
	var candidates []domain.User
	for _, u := range all {
		// Administrators see every event anyway.
		if !has[u.ID] && u.Active && u.Role != domain.RoleAdmin {
			candidates = append(candidates, u)
		}
	}
	data["Assigned"], data["Candidates"] = assigned, candidates
	return nil
}

// assignFromForm gives a colleague access to an event or takes it away.
func (s *Server) assignFromForm(c *fiber.Ctx, kind, id string) error {
	if c.FormValue("remove") != "" {
		return s.record(c, &accounts.Revoke{Kind: kind, EventID: id, UserID: c.FormValue("user")})
	}
	return s.record(c, &accounts.Grant{Kind: kind, EventID: id, UserID: c.FormValue("user")})
}

func (s *Server) changeAccess(c *fiber.Ctx) error {
	id := c.Params("id")
	if err := s.assignFromForm(c, domain.KindWorkshop, id); err != nil {
		return s.workshopError(c, err)
	}
	return c.Redirect("/admin/workshops/"+id+"?saved=access#access", fiber.StatusSeeOther)
}

func (s *Server) changeConsultationAccess(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	if err := s.assignFromForm(c, domain.KindConsultation, con.ID); err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		return s.renderConsultation(c.Status(statusOf(e.Kind)), con, fiber.Map{"Error": message(langOf(c), e)})
	}
	return c.Redirect(consultationPath(con.ID)+"?saved=access#access", fiber.StatusSeeOther)
}

// setRetention chooses how long the workshop's input is kept.
func (s *Server) setRetention(c *fiber.Ctx) error {
	months, err := strconv.Atoi(c.FormValue("months"))
	if err != nil {
		months = -1 // refused by the command
	}
	if err := s.record(c, &workshop.SetRetention{WorkshopID: c.Params("id"), Months: months}); err != nil {
		return s.workshopError(c, err)
	}
	return c.Redirect("/admin/workshops/"+c.Params("id")+"?saved=retention#retention", fiber.StatusSeeOther)
}
