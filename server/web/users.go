package web

import (
	"net/mail"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
)

// createUser validates and stores an account.
func (s *Server) createUser(c *fiber.Ctx, email, name, password string, role domain.Role) (domain.User, error) {
	email = strings.TrimSpace(email)
	name = strings.Join(strings.Fields(name), " ")
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		return domain.User{}, domain.Errorf(domain.KindInvalid, "email_invalid")
	}
	if name == "" {
		return domain.User{}, domain.Errorf(domain.KindInvalid, "name_required")
	}
	if len([]rune(name)) > domain.MaxNameRunes {
		return domain.User{}, domain.Errorf(domain.KindInvalid, "name_too_long", "max", domain.MaxNameRunes)
	}
	if !domain.ValidRole(role) {
		return domain.User{}, domain.Errorf(domain.KindInvalid, "role_invalid")
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return domain.User{}, err
	}
	return s.store.CreateUser(c.UserContext(), email, name, role, hash)
}

func (s *Server) usersPage(c *fiber.Ctx) error {
	data := fiber.Map{}
	if c.Query("added") != "" {
		data["Saved"] = tr(c, "users.added")
	}
	return s.renderUsers(c, data)
}

func (s *Server) renderUsers(c *fiber.Ctx, data fiber.Map) error {
	users, err := s.store.ListUsers(c.UserContext())
	if err != nil {
		return err
	}
	data["Users"] = users
	return s.render(c, "users", tr(c, "users.title"), data)
}

func (s *Server) addUser(c *fiber.Ctx) error {
	email, name := c.FormValue("email"), c.FormValue("name")
	_, err := s.createUser(c, email, name, c.FormValue("password"), domain.Role(c.FormValue("role")))
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		c.Status(statusOf(e.Kind))
		return s.renderUsers(c, fiber.Map{"Error": message(langOf(c), e), "Email": email, "Name": name, "Role": c.FormValue("role")})
	}
	return c.Redirect("/admin/users?added=1", fiber.StatusSeeOther)
}
