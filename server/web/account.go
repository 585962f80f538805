package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
)

func (s *Server) accountPage(c *fiber.Ctx) error {
	data := fiber.Map{}
	if c.Query("saved") != "" {
		data["Saved"] = tr(c, "account.password_changed")
	}
	if s.cfg.SSO != nil {
		// An account made at a sign-in through the provider has no password to change.
		hash, err := s.store.PasswordHash(c.UserContext(), userOf(c).ID)
		if err != nil {
			return err
		}
		if hash == "" {
			data["ProviderOnly"] = s.cfg.SSO.Name()
		}
	}
	return s.render(c, "account", tr(c, "account.title"), data)
}

// changePassword needs the current password; every other session of the
// user ends, so a stolen session does not outlive the change.
func (s *Server) changePassword(c *fiber.Ctx) error {
	u := userOf(c)
	fail := func(err error) error {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		return s.render(c.Status(statusOf(e.Kind)), "account", tr(c, "account.title"), fiber.Map{"Error": message(langOf(c), e)})
	}
	current, err := s.store.PasswordHash(c.UserContext(), u.ID)
	if err != nil {
		return err
	}
	if !auth.CheckPassword(current, c.FormValue("current")) {
		return fail(domain.Errorf(domain.KindInvalid, "password_current_wrong"))
	}
	if c.FormValue("password") != c.FormValue("confirm") {
		return fail(domain.Errorf(domain.KindInvalid, "password_mismatch"))
	}
	hash, err := auth.HashPassword(c.FormValue("password"), u.Email, u.Name)
	if err != nil {
		return fail(err)
	}
	keep := auth.HashToken(c.Cookies(s.cookieName(sessionCookie)))
	if err := s.record(c, &accounts.ChangePassword{UserID: u.ID, PasswordHash: hash, KeepSession: keep}); err != nil {
		return err
	}
	return c.Redirect("/admin/account?saved=1", fiber.StatusSeeOther)
}

// accountLinkPage shows the form behind an invitation or reset link.
func (s *Server) accountLinkPage(c *fiber.Ctx) error {
	l, err := s.store.AccountLinkFor(c.UserContext(), auth.HashToken(c.Params("token")))
	if err != nil {
		return err
	}
	data := fiber.Map{"Link": l}
	if l.Purpose == "invite" && !s.passwordsFor(l.Role) {
		// The invitation is taken up by signing in with the provider.
		data["SSOInvite"] = s.cfg.SSO.Name()
	}
	return s.render(c, "account_link", tr(c, "link."+l.Purpose+"_title"), data)
}

// useAccountLink creates the invited account or sets the new password, and
// logs the person in.
func (s *Server) useAccountLink(c *fiber.Ctx) error {
	hash := auth.HashToken(c.Params("token"))
	l, err := s.store.AccountLinkFor(c.UserContext(), hash)
	if err != nil {
		return err
	}
	form := fiber.Map{"Link": l, "Name": c.FormValue("name")}
	fail := func(err error) error {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		form["Error"] = message(langOf(c), e)
		return s.render(c.Status(statusOf(e.Kind)), "account_link", tr(c, "link."+l.Purpose+"_title"), form)
	}
	name := ""
	if l.Purpose == "invite" {
		if name, err = cleanName(c.FormValue("name")); err != nil {
			return fail(err)
		}
	}
	if c.FormValue("password") != c.FormValue("confirm") {
		return fail(domain.Errorf(domain.KindInvalid, "password_mismatch"))
	}
	pwHash, err := auth.HashPassword(c.FormValue("password"), l.Email, name)
	if err != nil {
		return fail(err)
	}
	// The person acts for themselves: the log names them, as they named themselves.
	who := name
	if l.Purpose == "reset" {
		if u, err := s.store.User(c.UserContext(), l.UserID); err == nil {
			who = u.Name
		}
	}
	actor := domain.Actor{ID: l.UserID, Name: who + " <" + l.Email + ">"}
	if err := s.writer.Do(c.UserContext(), audit.Audited{Command: &accounts.UseLink{TokenHash: hash, Name: name, PasswordHash: pwHash},
		Actor: actor}); err != nil {
		return fail(err)
	}
	u, _, err := s.store.UserForLogin(c.UserContext(), l.Email)
	if err != nil {
		return err
	}
	if !s.passwordsFor(u.Role) {
		// The password is kept (for the break-glass setting), but this
		// person signs in with the identity provider.
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	if err := s.startSession(c, u.ID, ""); err != nil {
		return err
	}
	return c.Redirect("/admin", fiber.StatusSeeOther)
}
