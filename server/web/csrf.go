package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
)

// CSRF protection is a signed double-submit cookie: the token is a random
// nonce with an HMAC over it and the login it belongs to, sent in a cookie
// and repeated in every form (_csrf) or script request (X-Csrf-Token). No
// row is stored per form view; the key is in the database, so a restart
// keeps open forms valid. A token made for one login (or for none) is not
// taken with another, and logging in hands out a new one.

const (
	csrfCookie = "samrad_csrf"
	csrfHeader = "X-Csrf-Token"
	csrfField  = "_csrf"
	nonceBytes = 16
)

// csrfToken signs a fresh nonce for the login the session cookie names.
func (s *Server) csrfToken(session string) string {
	nonce := make([]byte, nonceBytes)
	if _, err := rand.Read(nonce); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(append(nonce, s.csrfMAC(session, nonce)...))
}

func (s *Server) csrfMAC(session string, nonce []byte) []byte {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte("csrf\x00"))
	if session != "" {
		// Only the session's hash, as the database keeps it.
		m.Write([]byte(auth.HashToken(session)))
	}
	m.Write([]byte{0})
	m.Write(nonce)
	return m.Sum(nil)
}

// csrfValid reports whether token was signed here for this login.
func (s *Server) csrfValid(token, session string) bool {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) != nonceBytes+sha256.Size {
		return false
	}
	return hmac.Equal(raw[nonceBytes:], s.csrfMAC(session, raw[:nonceBytes]))
}

// setCSRFCookie hands the browser a token; it lasts as long as the browser
// session. HttpOnly: pages carry the token for their scripts.
func (s *Server) setCSRFCookie(c *fiber.Ctx, token string) {
	c.Cookie(&fiber.Cookie{Name: s.cookieName(csrfCookie), Value: token, Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode, SessionOnly: true})
	c.Locals(localCSRF, token)
}

// csrfProtection guards every state-changing request and gives every page
// the token its forms need.
func (s *Server) csrfProtection() fiber.Handler {
	return func(c *fiber.Ctx) error {
		// The login the token belongs to: the session, if loadUser found it alive.
		session := ""
		if userOf(c) != nil {
			session = c.Cookies(s.cookieName(sessionCookie))
		}
		token := c.Cookies(s.cookieName(csrfCookie))
		valid := token != "" && s.csrfValid(token, session)
		switch c.Method() {
		case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
			if valid {
				c.Locals(localCSRF, token)
			} else {
				s.setCSRFCookie(c, s.csrfToken(session))
			}
			return c.Next()
		}
		sent := c.Get(csrfHeader)
		if sent == "" {
			sent = c.FormValue(csrfField)
		}
		if !valid || subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
			return domain.Errorf(domain.KindForbidden, "csrf_failed")
		}
		c.Locals(localCSRF, token)
		return c.Next()
	}
}
