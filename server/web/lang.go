package web

import (
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/i18n"
)

const (
	// langCookie remembers an explicit language choice. It is a strictly
	// necessary preference cookie (no consent needed): it only keeps the
	// page in the language the visitor asked for.
	langCookie = "lang"
	langTTL    = 365 * 24 * time.Hour
	localLang  = "lang"
)

// langOf picks the page language: an explicit choice (the lang cookie), else
// the browser's Accept-Language, else Swedish.
func langOf(c *fiber.Ctx) string {
	if lang, ok := c.Locals(localLang).(string); ok {
		return lang
	}
	// Either name: the __Host- one where cookies are Secure.
	lang := c.Cookies(hostPrefix + langCookie)
	if lang == "" {
		lang = c.Cookies(langCookie)
	}
	if !i18n.Has(lang) {
		lang = i18n.Match(c.Get(fiber.HeaderAcceptLanguage))
	}
	c.Locals(localLang, lang)
	return lang
}

func tr(c *fiber.Ctx, key string, params ...any) string { return i18n.T(langOf(c), key, params...) }

// setLanguage is the target of the language switch, a plain link so that it
// works without scripts, from a keyboard and on the phone page (which has no
// CSRF token): it remembers the choice and goes back where the visitor was.
// Forging it can only change someone's language, so a link is safe.
func (s *Server) setLanguage(c *fiber.Ctx) error {
	lang := c.Params("lang")
	if !i18n.Has(lang) {
		return fiber.ErrNotFound
	}
	c.Cookie(&fiber.Cookie{Name: s.cookieName(langCookie), Value: lang, Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Now().Add(langTTL)})
	return c.Redirect(localPath(c.Query("next"), "/"), fiber.StatusSeeOther)
}

// localPath accepts only a path on this site, so that no link (the
// language switch, the login's next=) can send people elsewhere; anything
// else becomes fallback. Browsers drop tabs and newlines from a URL and read
// a backslash as a slash, so those alone would turn "/\t/evil.example" into
// "//evil.example"; they, and every other control character, are refused
// before the path is parsed.
func localPath(next, fallback string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return fallback
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' || unicode.IsSpace(r) {
			return fallback
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		!strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return fallback
	}
	return next
}

// backHere is where the language switch returns to: this page, or for a page
// rendered in answer to a form (which cannot be fetched again) the page the
// form was on. A handler may name the page itself (localBackTo): a
// sign-in's return from the provider cannot be fetched twice either.
func backHere(c *fiber.Ctx) string {
	if back, ok := c.Locals(localBackTo).(string); ok {
		return back
	}
	if c.Method() == fiber.MethodGet {
		return c.OriginalURL()
	}
	if ref, err := url.Parse(c.Get(fiber.HeaderReferer)); err == nil && ref.Host == c.Hostname() {
		return ref.RequestURI()
	}
	return "/"
}

// otherLanguage is one entry of the switch: a language's own name for itself.
type otherLanguage struct{ Code, Name string }

func otherLanguages(current string) []otherLanguage {
	var out []otherLanguage
	for _, lang := range i18n.Languages() {
		if lang != current {
			out = append(out, otherLanguage{Code: lang, Name: i18n.T(lang, "lang.name")})
		}
	}
	return out
}
