package web

// Signing in with the organisation's identity provider (OpenID Connect):
// GET /login/oidc sends the browser to the provider with a fresh state,
// nonce and PKCE challenge, kept in a short signed cookie; the provider sends
// it back to GET /login/oidc/callback, where the state is checked, the code
// exchanged and the ID token verified (server/sso), and accounts.ProviderSignIn
// decides who enters. From there the login is like one with
// a password: a new session, a new CSRF token, the same sign-out.

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sso"
	"github.com/samrad-se/samrad/server/writer"
)

const (
	ssoCookie = "samrad_sso"
	// ssoFlowTTL: how long a sign-in at the provider may take.
	ssoFlowTTL = 10 * time.Minute
	// localBackTo: where the language switch of this page goes (lang.go).
	localBackTo = "backTo"
)

// Passwords says who may sign in with a Samråd password.
type Passwords int

const (
	// PasswordsOn: everyone with a password (the default).
	PasswordsOn Passwords = iota
	// PasswordsOff: nobody; staff sign in with the identity provider. The
	// first administrator can still be created by the setup link or the
	// environment.
	PasswordsOff
	// PasswordsAdmins: administrators only, the break-glass setting for a
	// provider that does not work.
	PasswordsAdmins
)

// ParsePasswords reads SAMRAD_LOCAL_PASSWORDS: "on" (or empty), "off" or "admins".
func ParsePasswords(v string) (Passwords, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "on":
		return PasswordsOn, true
	case "off":
		return PasswordsOff, true
	case "admins":
		return PasswordsAdmins, true
	}
	return PasswordsOn, false
}

// passwordsFor tells whether someone of the role may sign in with a password.
func (s *Server) passwordsFor(r domain.Role) bool {
	switch s.cfg.Passwords {
	case PasswordsOff:
		return false
	case PasswordsAdmins:
		return r == domain.RoleAdmin
	}
	return true
}

// ssoFlow is the cookie's content: the flow's secrets, where to go after,
// and until when it may be completed.
type ssoFlow struct {
	sso.Flow
	Next    string `json:"next"`
	Expires int64  `json:"exp"`
}

func (s *Server) ssoMAC(payload string) []byte {
	m := hmac.New(sha256.New, s.ssoKey)
	m.Write([]byte("sso\x00"))
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// setFlowCookie keeps the flow in the browser that started it, signed so
// that it cannot be made up, HttpOnly, and only for the time a sign-in takes.
// SameSite=Lax: it comes along when the provider sends the browser back.
func (s *Server) setFlowCookie(c *fiber.Ctx, f ssoFlow) {
	raw, _ := json.Marshal(f)
	payload := base64.RawURLEncoding.EncodeToString(raw)
	value := payload + "." + base64.RawURLEncoding.EncodeToString(s.ssoMAC(payload))
	c.Cookie(&fiber.Cookie{Name: s.cookieName(ssoCookie), Value: value, Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode, MaxAge: int(ssoFlowTTL.Seconds())})
}

func (s *Server) clearFlowCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: s.cookieName(ssoCookie), Value: "", Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Unix(0, 0)})
}

// flowOf reads the flow cookie: false if there is none, it was not signed
// here, or it is too old.
func (s *Server) flowOf(c *fiber.Ctx) (ssoFlow, bool) {
	var f ssoFlow
	payload, mac, ok := strings.Cut(c.Cookies(s.cookieName(ssoCookie)), ".")
	if !ok {
		return f, false
	}
	sum, err := base64.RawURLEncoding.DecodeString(mac)
	if err != nil || !hmac.Equal(sum, s.ssoMAC(payload)) {
		return f, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil || json.Unmarshal(raw, &f) != nil {
		return f, false
	}
	return f, s.cfg.Now().Unix() < f.Expires
}

// ssoStart sends the browser to the provider's sign-in page.
func (s *Server) ssoStart(c *fiber.Ctx) error {
	if s.cfg.SSO == nil {
		return domain.Errorf(domain.KindNotFound, "page_not_found")
	}
	if userOf(c) != nil {
		return c.Redirect(safeNext(c.Query("next")), fiber.StatusSeeOther)
	}
	f := ssoFlow{Flow: sso.NewFlow(), Next: safeNext(c.Query("next")), Expires: s.cfg.Now().Add(ssoFlowTTL).Unix()}
	to, err := s.cfg.SSO.AuthURL(c.UserContext(), f.Flow)
	if err != nil {
		return err
	}
	s.setFlowCookie(c, f)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Redirect(to, fiber.StatusSeeOther)
}

// ssoCallback is where the provider sends the browser back. Every refusal
// answers 401, which the guard in front counts as a failed login from the
// address, as it does a wrong password.
func (s *Server) ssoCallback(c *fiber.Ctx) error {
	if s.cfg.SSO == nil {
		return domain.Errorf(domain.KindNotFound, "page_not_found")
	}
	c.Locals(localBackTo, "/login")
	f, ok := s.flowOf(c)
	s.clearFlowCookie(c)
	if !ok || subtle.ConstantTimeCompare([]byte(c.Query("state")), []byte(f.State)) != 1 {
		return s.ssoRefused(c, domain.Errorf(domain.KindUnauthorized, "sso_state"))
	}
	if c.Query("error") != "" {
		// The person cancelled, or the provider would not let them in.
		return s.ssoRefused(c, domain.Errorf(domain.KindUnauthorized, "sso_cancelled"))
	}
	id, err := s.cfg.SSO.Exchange(c.UserContext(), f.Flow, c.Query("code"))
	if err != nil {
		return s.ssoRefused(c, err)
	}
	u, err := writer.Run[domain.User](c.UserContext(), s.writer, &accounts.ProviderSignIn{Email: id.Email,
		Name: nameFromProvider(id.Name), Role: id.Role, Provider: s.cfg.SSO.Name()})
	if err != nil {
		return s.ssoRefused(c, err)
	}
	if id.Role != "" && id.Role != u.Role {
		slog.Warn("sso: kept the last active administrator's role", "request_id", requestIDOf(c), "user", u.ID, "claimed", id.Role)
	}
	if err := s.startSession(c, u.ID, id.IDToken); err != nil {
		return err
	}
	return c.Redirect(safeNext(f.Next), fiber.StatusSeeOther)
}

// ssoRefused shows the login page with why the sign-in did not succeed.
// What went wrong in detail goes to the log only.
func (s *Server) ssoRefused(c *fiber.Ctx, err error) error {
	e := asDomain(err)
	if e.Kind == domain.KindInternal || e.Kind == domain.KindUnavailable {
		return err
	}
	slog.Info("sso: sign-in refused", "request_id", requestIDOf(c), "code", e.Code, "err", e.Err)
	params := map[string]any{"provider": s.cfg.SSO.Name()}
	for k, v := range e.Params {
		params[k] = v
	}
	shown := &domain.Error{Kind: e.Kind, Code: e.Code, Params: params}
	return s.renderLogin(c.Status(fiber.StatusUnauthorized), fiber.Map{"Error": message(langOf(c), shown)})
}

// nameFromProvider fits the provider's name for the person to Samråd's
// rules for names (the provider never gives an empty one: see sso.nameOf).
func nameFromProvider(name string) string {
	r := []rune(strings.Join(strings.Fields(name), " "))
	return string(r[:min(len(r), domain.MaxNameRunes)])
}
