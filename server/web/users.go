package web

import (
	"net/mail"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/storage"
)

// accountLinkTTL: an invitation or reset link works this long, once.
const accountLinkTTL = 7 * 24 * time.Hour

func cleanEmail(email string) (string, error) {
	email = strings.TrimSpace(email)
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		return "", domain.Errorf(domain.KindInvalid, "email_invalid")
	}
	return email, nil
}

func cleanName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", domain.Errorf(domain.KindInvalid, "name_required")
	}
	if len([]rune(name)) > domain.MaxNameRunes {
		return "", domain.Errorf(domain.KindInvalid, "name_too_long", "max", domain.MaxNameRunes)
	}
	return name, nil
}

// createUser validates and stores an account (the first administrator).
func (s *Server) createUser(c *fiber.Ctx, email, name, password string, role domain.Role) (domain.User, error) {
	email, err := cleanEmail(email)
	if err != nil {
		return domain.User{}, err
	}
	if name, err = cleanName(name); err != nil {
		return domain.User{}, err
	}
	if !domain.ValidRole(role) {
		return domain.User{}, domain.Errorf(domain.KindInvalid, "role_invalid")
	}
	hash, err := auth.HashPassword(password, email, name)
	if err != nil {
		return domain.User{}, err
	}
	if err := s.record(c, &accounts.CreateUser{Email: email, Name: name, Role: role, PasswordHash: hash, Lang: langOf(c)}); err != nil {
		return domain.User{}, err
	}
	u, _, err := s.store.UserForLogin(c.UserContext(), email)
	return u, err
}

func (s *Server) usersPage(c *fiber.Ctx) error {
	data := fiber.Map{}
	if saved := c.Query("saved"); saved != "" {
		data["Saved"] = tr(c, "users.saved_"+saved)
	}
	return s.renderUsers(c, data)
}

func (s *Server) renderUsers(c *fiber.Ctx, data fiber.Map) error {
	users, err := s.store.ListUsers(c.UserContext())
	if err != nil {
		return err
	}
	data["Users"] = users
	data["Roles"] = domain.Roles
	data["Me"] = userOf(c).ID
	data["MailOn"], data["Languages"] = s.cfg.Mail != nil, mailLanguages()
	if s.cfg.Mail != nil {
		sent, err := s.store.StaffMail(c.UserContext(), 20)
		if err != nil {
			return err
		}
		data["StaffMail"] = sent
	}
	return s.render(c, "users", tr(c, "users.title"), data)
}

// usersError shows the users page again with the message and what was typed.
func (s *Server) usersError(c *fiber.Ctx, err error, data fiber.Map) error {
	e := asDomain(err)
	if e.Kind == domain.KindInternal {
		return err
	}
	c.Status(statusOf(e.Kind))
	data["Error"] = message(langOf(c), e)
	return s.renderUsers(c, data)
}

// inviteUser makes a one-time link with which the invited person chooses
// their own name and password. Without e-mail configured, the administrator
// passes the link on.
func (s *Server) inviteUser(c *fiber.Ctx) error {
	form := fiber.Map{"Email": c.FormValue("email"), "Role": c.FormValue("role")}
	email, err := cleanEmail(c.FormValue("email"))
	if err != nil {
		return s.usersError(c, err, form)
	}
	role := domain.Role(c.FormValue("role"))
	if !domain.ValidRole(role) {
		return s.usersError(c, domain.Errorf(domain.KindInvalid, "role_invalid"), form)
	}
	lang := c.FormValue("lang")
	if !i18n.Has(lang) {
		lang = langOf(c)
	}
	token := auth.NewToken()
	l := storage.AccountLink{Purpose: "invite", Email: email, Role: role}
	mail := s.accountMail(domain.Mail{Kind: domain.MailStaffInvite, Recipient: email, Lang: lang,
		Params: domain.MailParams{Token: token, Role: role}})
	if err := s.record(c, &accounts.CreateLink{TokenHash: auth.HashToken(token), Link: l, TTL: accountLinkTTL,
		CreatedBy: userOf(c).ID, Mail: mail}); err != nil {
		return s.usersError(c, err, form)
	}
	if !s.passwordsFor(role) {
		// No link to pass on: the invitation is taken up at the person's
		// first sign-in with the provider (accounts.ProviderSignIn).
		return s.renderUsers(c, fiber.Map{"InvitedSSO": email, "SSO": s.cfg.SSO.Name()})
	}
	return s.renderUsers(c, s.linkShown(token, email, "invite", mail != nil, c))
}

// accountMail is the e-mail that carries an account link, when e-mail is on.
func (s *Server) accountMail(m domain.Mail) *domain.Mail {
	if s.cfg.Mail == nil {
		return nil
	}
	return &m
}

// linkShown is what the users page says after making a link: the link to
// copy (always), and that it was e-mailed too (when e-mail is on).
func (s *Server) linkShown(token, email, purpose string, mailed bool, c *fiber.Ctx) fiber.Map {
	if mailed {
		s.cfg.Mail.Wake()
	}
	return fiber.Map{"Link": s.baseURL(c) + "/account/link/" + token, "LinkFor": email, "LinkPurpose": purpose, "Mailed": mailed}
}

// updateUser changes a role or (de)activates an account.
func (s *Server) updateUser(c *fiber.Ctx) error {
	role := domain.Role(c.FormValue("role"))
	if !domain.ValidRole(role) {
		return s.usersError(c, domain.Errorf(domain.KindInvalid, "role_invalid"), fiber.Map{})
	}
	active := c.FormValue("active") == "1"
	if err := s.record(c, &accounts.UpdateUser{UserID: c.Params("uid"), Role: role, Active: active}); err != nil {
		return s.usersError(c, err, fiber.Map{})
	}
	// Their open dashboards close now rather than at the next check of rights.
	s.hub.EndWhere(func(p *live.Peer) bool { return p.UserID == c.Params("uid") }, live.CloseRevoked)
	return c.Redirect("/admin/users?saved=updated", fiber.StatusSeeOther)
}

// resetLink makes a one-time link for a user who has forgotten their password.
func (s *Server) resetLink(c *fiber.Ctx) error {
	u, err := s.store.User(c.UserContext(), c.Params("uid"))
	if err != nil {
		return err
	}
	token := auth.NewToken()
	l := storage.AccountLink{Purpose: "reset", Email: u.Email, UserID: u.ID}
	mail := s.accountMail(domain.Mail{Kind: domain.MailPasswordReset, UserID: u.ID, Recipient: u.Email, Lang: u.Lang,
		Params: domain.MailParams{Token: token}})
	if err := s.record(c, &accounts.CreateLink{TokenHash: auth.HashToken(token), Link: l, TTL: accountLinkTTL,
		CreatedBy: userOf(c).ID, Mail: mail}); err != nil {
		return s.usersError(c, err, fiber.Map{})
	}
	return s.renderUsers(c, s.linkShown(token, u.Email, "reset", mail != nil, c))
}

// mailLanguage is a language e-mail can be written in, named in itself.
type mailLanguage struct{ Code, Name string }

func mailLanguages() []mailLanguage {
	var out []mailLanguage
	for _, code := range i18n.Languages() {
		out = append(out, mailLanguage{code, i18n.Lookup(code, "lang.name")})
	}
	return out
}
