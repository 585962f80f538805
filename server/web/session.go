package web

import (
	"crypto/subtle"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
)

const (
	sessionCookie = "samrad_session"

	localUser    = "user"
	localCSRF    = "csrf"
	localExpires = "sessionExpires"
)

// extendAfter: activity extends a session at most this often, not on every
// request, so a page left open still runs out (and warns first).
func (s *Server) extendAfter() time.Duration { return min(time.Hour, s.cfg.SessionTTL/4) }

func userOf(c *fiber.Ctx) *domain.User {
	u, _ := c.Locals(localUser).(*domain.User)
	return u
}

// hostPrefix marks a cookie as set by this exact host over HTTPS, so that
// no other site or subdomain can set or overwrite it. Browsers accept such a
// cookie only when it is Secure, for Path=/ and without a Domain.
const hostPrefix = "__Host-"

// cookieName is the name a cookie goes by: with the __Host- prefix when
// cookies are Secure.
func (s *Server) cookieName(name string) string {
	if s.cfg.SecureCookies {
		return hostPrefix + name
	}
	return name
}

func csrfOf(c *fiber.Ctx) string {
	t, _ := c.Locals(localCSRF).(string)
	return t
}

// loadUser reads the session cookie, if any, and makes the user available to
// handlers and templates. It never rejects a request; requireLogin does.
func (s *Server) loadUser(c *fiber.Ctx) error {
	token := c.Cookies(s.cookieName(sessionCookie))
	if token == "" {
		return c.Next()
	}
	hash := auth.HashToken(token)
	u, expires, err := s.store.SessionUser(c.UserContext(), hash)
	if err != nil {
		if domain.IsKind(err, domain.KindUnauthorized) {
			s.clearSessionCookie(c)
			return c.Next()
		}
		return err
	}
	c.Locals(localUser, &u)
	// Only page loads and form posts count as activity; the session-expiry
	// warning must not be kept away by the page's own background requests.
	if c.Method() != fiber.MethodGet || c.Get("Sec-Fetch-Dest") == "document" {
		if s.cfg.Now().Add(s.cfg.SessionTTL - s.extendAfter()).After(expires) {
			if err := s.store.ExtendSession(c.UserContext(), hash, s.cfg.SessionTTL); err == nil {
				s.setSessionCookie(c, token)
				expires = s.cfg.Now().Add(s.cfg.SessionTTL)
			}
		}
	}
	c.Locals(localExpires, expires)
	return c.Next()
}

// extendSession is the "stay logged in" button of the expiry warning.
func (s *Server) extendSession(c *fiber.Ctx) error {
	token := c.Cookies(s.cookieName(sessionCookie))
	if err := s.store.ExtendSession(c.UserContext(), auth.HashToken(token), s.cfg.SessionTTL); err != nil {
		return err
	}
	s.setSessionCookie(c, token)
	return c.JSON(fiber.Map{"seconds": int(s.cfg.SessionTTL.Seconds())})
}

// requireLogin sends visitors without a session to the login page (or a 401
// for scripts and websockets).
func (s *Server) requireLogin(c *fiber.Ctx) error {
	if userOf(c) != nil {
		return c.Next()
	}
	if c.Method() == fiber.MethodGet && !strings.HasPrefix(c.Path(), "/ws/") {
		return c.Redirect("/login?next=" + c.OriginalURL())
	}
	return domain.Errorf(domain.KindUnauthorized, "login_required")
}

func (s *Server) setSessionCookie(c *fiber.Ctx, token string) {
	c.Cookie(&fiber.Cookie{Name: s.cookieName(sessionCookie), Value: token, Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode,
		// The browser judges the cookie by its own clock, not the server's test clock.
		Expires: time.Now().Add(s.cfg.SessionTTL)})
}

func (s *Server) clearSessionCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: s.cookieName(sessionCookie), Value: "", Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Unix(0, 0)})
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string { return localPath(next, "/admin") }

func (s *Server) loginPage(c *fiber.Ctx) error {
	if userOf(c) != nil {
		return c.Redirect(safeNext(c.Query("next")))
	}
	return s.renderLogin(c, fiber.Map{"Next": c.Query("next")})
}

// renderLogin shows the login page: the provider's button when one is
// configured, and the password form unless passwords are off.
func (s *Server) renderLogin(c *fiber.Ctx, data fiber.Map) error {
	if s.cfg.SSO != nil {
		data["SSO"] = s.cfg.SSO.Name()
	}
	data["Passwords"] = s.cfg.Passwords != PasswordsOff
	data["BreakGlass"] = s.cfg.Passwords == PasswordsAdmins
	return s.render(c, "login", tr(c, "login.title"), data)
}

func (s *Server) login(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("email"))
	password := c.FormValue("password")
	next := c.FormValue("next")
	if s.cfg.Passwords == PasswordsOff {
		return s.renderLogin(c.Status(fiber.StatusForbidden), fiber.Map{"Next": next,
			"Error": tr(c, "error.passwords_off", "provider", s.cfg.SSO.Name())})
	}
	if wait := s.lock.wait(email, c.IP()); wait > 0 {
		minutes := int(wait.Minutes()) + 1
		return s.renderLogin(c.Status(fiber.StatusTooManyRequests), fiber.Map{
			"Next": next, "Email": email, "Error": tr(c, "error.account_locked", "minutes", minutes)})
	}
	u, hash, err := s.store.UserForLogin(c.UserContext(), email)
	if err != nil && !domain.IsKind(err, domain.KindNotFound) {
		return err
	}
	// With passwords for administrators only, anyone else's right password
	// is answered as a wrong one: the answer must not confirm it.
	if !auth.CheckPassword(hash, password) || !s.passwordsFor(u.Role) {
		s.lock.failed(email, c.IP())
		return s.renderLogin(c.Status(fiber.StatusUnauthorized), fiber.Map{
			"Next": next, "Email": email, "Error": tr(c, "error.login_failed")})
	}
	s.lock.succeeded(email, c.IP())
	if err := s.startSession(c, u.ID, ""); err != nil {
		return err
	}
	return c.Redirect(safeNext(next), fiber.StatusSeeOther)
}

// startSession logs the browser in as the user, and remembers the
// language they use for the e-mail they get. idToken is the identity
// provider's, for a login through it ("" for a password).
func (s *Server) startSession(c *fiber.Ctx, userID, idToken string) error {
	if err := s.store.SetUserLang(c.UserContext(), userID, langOf(c)); err != nil {
		return err
	}
	token := auth.NewToken()
	if err := s.store.CreateSession(c.UserContext(), auth.HashToken(token), userID, idToken, s.cfg.SessionTTL); err != nil {
		return err
	}
	s.setSessionCookie(c, token)
	// A new login gets a new CSRF token: none handed out before it (to this
	// browser or planted in it) is taken with the session.
	s.setCSRFCookie(c, s.csrfToken(token))
	return nil
}

// logout ends the session and its open websockets. A login through the
// identity provider then goes on to the provider's own sign-out, where it
// offers one, which sends the browser back to the start page.
func (s *Server) logout(c *fiber.Ctx) error {
	idToken := ""
	if token := c.Cookies(s.cookieName(sessionCookie)); token != "" {
		hash := auth.HashToken(token)
		var err error
		if idToken, err = s.store.DeleteSession(c.UserContext(), hash); err != nil {
			return err
		}
		s.endSessionSockets(hash)
	}
	s.clearSessionCookie(c)
	s.setCSRFCookie(c, s.csrfToken(""))
	if idToken != "" && s.cfg.SSO != nil {
		if to := s.cfg.SSO.LogoutURL(c.UserContext(), idToken); to != "" {
			return c.Redirect(to, fiber.StatusSeeOther)
		}
	}
	return c.Redirect("/", fiber.StatusSeeOther)
}

// setupAllowed checks the one-time link for creating the first administrator:
// it works only while there are no users and only with the printed token.
func (s *Server) setupAllowed(c *fiber.Ctx) error {
	token := c.Params("token")
	if s.cfg.SetupToken == "" || subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.SetupToken)) != 1 {
		return domain.Errorf(domain.KindNotFound, "setup_link_invalid")
	}
	n, err := s.store.CountUsers(c.UserContext())
	if err != nil {
		return err
	}
	if n > 0 {
		return domain.Errorf(domain.KindNotFound, "setup_link_invalid")
	}
	return nil
}

func (s *Server) setupPage(c *fiber.Ctx) error {
	if err := s.setupAllowed(c); err != nil {
		return err
	}
	return s.render(c, "setup", tr(c, "setup.title"), fiber.Map{})
}

func (s *Server) setup(c *fiber.Ctx) error {
	// One at a time, so two browsers cannot both create "the first" administrator.
	s.setupMu.Lock()
	defer s.setupMu.Unlock()
	if err := s.setupAllowed(c); err != nil {
		return err
	}
	form := fiber.Map{"Email": c.FormValue("email"), "Name": c.FormValue("name")}
	u, err := s.createUser(c, c.FormValue("email"), c.FormValue("name"), c.FormValue("password"), domain.RoleAdmin)
	if err != nil {
		form["Error"] = message(langOf(c), asDomain(err))
		return s.render(c.Status(statusOf(asDomain(err).Kind)), "setup", tr(c, "setup.title"), form)
	}
	if err := s.startSession(c, u.ID, ""); err != nil {
		return err
	}
	return c.Redirect("/admin", fiber.StatusSeeOther)
}
