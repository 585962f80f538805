package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/frontend"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
)

// page is what every template receives.
type page struct {
	Lang  string
	Title string
	User  *domain.User
	CSRF  string
	Path  string
	// Next is where the language switch comes back to.
	Next string
	// Others are the languages the page can be switched to.
	Others []otherLanguage
	// Bare pages (the phone's page, the projector) leave out the site header and footer.
	Bare bool
	Data any
	// Org and Contact: who runs this service, for the legal pages and the footer.
	Org     string
	Contact string
	// SessionSeconds is how long the login has left, for the expiry warning
	// (a duration, not a time: the browser's clock may be wrong).
	SessionSeconds int
}

// templates holds, per language, one parsed set per page: the layout plus
// the page's own file, with t() bound to the language.
type templates map[string]map[string]*template.Template

func loadTemplates() (templates, error) {
	fsys := frontend.Templates()
	pages, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, err
	}
	// Files named part_*.html hold parts that several pages share (a
	// leading "_" would keep them out of go:embed).
	partials, err := fs.Glob(fsys, "part_*.html")
	if err != nil {
		return nil, err
	}
	out := templates{}
	for _, lang := range i18n.Languages() {
		out[lang] = map[string]*template.Template{}
		for _, p := range pages {
			if p == "layout.html" || strings.HasPrefix(p, "part_") {
				continue
			}
			name := strings.TrimSuffix(path.Base(p), ".html")
			files := append(append([]string{"layout.html"}, partials...), p)
			t, err := template.New("layout.html").Funcs(funcs(lang)).ParseFS(fsys, files...)
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", p, err)
			}
			out[lang][name] = t
		}
	}
	return out, nil
}

func funcs(lang string) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, params ...any) string { return i18n.T(lang, key, params...) },
		// strings hands a page's scripts the texts they need, as JSON.
		"strings":  func(prefixes ...string) map[string]string { return i18n.Subset(lang, prefixes...) },
		"date":     func(iso string) string { return i18n.Date(lang, iso) },
		"datetime": func(t time.Time) string { return i18n.DateTime(lang, t) },
		// dict passes several named values to a shared template part.
		"dict": func(kv ...any) map[string]any {
			m := make(map[string]any, len(kv)/2)
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
		"num":       func(n int) string { return i18n.Format(lang, n) },
		"joinLines": func(list []string) string { return strings.Join(list, "\n") },
		"add":       func(a, b int) int { return a + b },
		"palette":   func() []string { return domain.Palette },
		"maxTables": func() int { return domain.MaxTables },
		"presets":   func() []domain.ThemePreset { return domain.ThemePresets },
		// refill shows what was typed into form id when that form failed, else def.
		"refill": func(form map[string]string, id, field, def string) string {
			if form != nil && form["form"] == id {
				return form[field]
			}
			return def
		},
	}
}

// render writes a page. Templates escape everything they print, which is what
// keeps user text inert.
func (s *Server) render(c *fiber.Ctx, name, title string, data any) error {
	return s.renderPage(c, name, page{Title: title, Data: data})
}

// renderBare renders a page without the site's header and footer.
func (s *Server) renderBare(c *fiber.Ctx, name, title string, data any) error {
	return s.renderPage(c, name, page{Title: title, Data: data, Bare: true})
}

func (s *Server) renderPage(c *fiber.Ctx, name string, p page) error {
	lang := langOf(c)
	t := s.templates[lang][name]
	if t == nil {
		return fmt.Errorf("no template %q", name)
	}
	p.Lang, p.User, p.CSRF, p.Path = lang, userOf(c), csrfOf(c), c.Path()
	p.Next, p.Others = backHere(c), otherLanguages(lang)
	p.Org, p.Contact = s.cfg.Organisation, s.cfg.ContactEmail
	if ends, ok := c.Locals(localExpires).(time.Time); ok {
		p.SessionSeconds = max(1, int(ends.Sub(s.cfg.Now()).Seconds()))
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Type("html", "utf-8")
	return c.Send(buf.Bytes())
}

// noStore keeps responses out of every cache (pages that pprof renders
// itself, for one).
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}
