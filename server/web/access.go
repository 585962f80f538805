package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
)

// addAccessView adds the workshop page's "who has access" and retention parts.
func (s *Server) addAccessView(c *fiber.Ctx, w domain.Workshop, data fiber.Map) error {
	assigned, err := s.store.AssignedUsers(c.UserContext(), domain.KindWorkshop, w.ID)
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
	data["RetentionChoices"] = domain.RetentionChoices
	if due := w.PurgeDue(); !due.IsZero() {
		data["PurgeDue"] = due.Format("2006-01-02")
	}
	return nil
}

// changeAccess gives a colleague access to the workshop or takes it away.
func (s *Server) changeAccess(c *fiber.Ctx) error {
	id, userID := c.Params("id"), c.FormValue("user")
	var err error
	if c.FormValue("remove") != "" {
		err = s.store.Unassign(c.UserContext(), domain.KindWorkshop, id, userID, actorOf(c))
	} else {
		err = s.store.Assign(c.UserContext(), domain.KindWorkshop, id, userID, actorOf(c))
	}
	if err != nil {
		return s.workshopError(c, err)
	}
	return c.Redirect("/admin/workshops/"+id+"?saved=access#access", fiber.StatusSeeOther)
}

// setRetention chooses how long the workshop's input is kept.
func (s *Server) setRetention(c *fiber.Ctx) error {
	months, err := strconv.Atoi(c.FormValue("months"))
	valid := false
	for _, m := range domain.RetentionChoices {
		valid = valid || m == months
	}
	if err != nil || !valid {
		return s.workshopError(c, domain.Errorf(domain.KindInvalid, "retention_invalid"))
	}
	if err := s.store.SetRetention(c.UserContext(), c.Params("id"), months, actorOf(c)); err != nil {
		return s.workshopError(c, err)
	}
	return c.Redirect("/admin/workshops/"+c.Params("id")+"?saved=retention#retention", fiber.StatusSeeOther)
}
