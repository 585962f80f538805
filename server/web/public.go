package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/workshop"
)

func (s *Server) home(c *fiber.Ctx) error {
	return s.render(c, "home", tr(c, "home.title"), fiber.Map{})
}

// join resolves a typed code: a table's code leads to the table, an
// event-wide code to the list of tables.
func (s *Server) join(c *fiber.Ctx) error {
	code := workshop.NormalizeCode(c.Query("code"))
	if code == "" {
		return s.render(c.Status(fiber.StatusBadRequest), "home", tr(c, "home.title"),
			fiber.Map{"Error": tr(c, "error.code_required")})
	}
	if _, err := s.tableByCode(c, code); err == nil {
		return c.Redirect("/t/"+code, fiber.StatusSeeOther)
	} else if !domain.IsKind(err, domain.KindNotFound) {
		return err
	}
	if _, err := s.store.WorkshopByJoinCode(c.UserContext(), code); err == nil {
		return c.Redirect("/e/"+code, fiber.StatusSeeOther)
	} else if !domain.IsKind(err, domain.KindNotFound) {
		return err
	}
	return s.render(c.Status(fiber.StatusNotFound), "home", tr(c, "home.title"),
		fiber.Map{"Error": tr(c, "error.code_unknown"), "Code": c.Query("code")})
}

// pickTable lists the tables of a workshop for participants who came in
// with the event-wide code.
func (s *Server) pickTable(c *fiber.Ctx) error {
	w, err := s.store.WorkshopByJoinCode(c.UserContext(), workshop.NormalizeCode(c.Params("code")))
	if err != nil {
		return err
	}
	tables, err := s.store.Tables(c.UserContext(), w.ID)
	if err != nil {
		return err
	}
	return s.render(c, "pick", w.Name, fiber.Map{"Workshop": w, "Tables": tables})
}

// tablePage is the participant's page. The code in the address is the
// table's key; the page's script opens the table's websocket with it.
func (s *Server) tablePage(c *fiber.Ctx) error {
	code := workshop.NormalizeCode(c.Params("code"))
	t, err := s.tableByCode(c, code)
	if err != nil {
		return err
	}
	w, err := s.store.Workshop(c.UserContext(), t.WorkshopID)
	if err != nil {
		return err
	}
	// The code is a secret: keep it out of Referer headers (also set globally).
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
	return s.renderBare(c, "table", t.Name+" – "+w.Name, fiber.Map{"Workshop": w, "Table": t, "Code": code,
		"ChangeMinutes": int(workshop.AnswerChangeWindow / time.Minute)})
}
