package web

import (
	"bytes"
	"crypto/subtle"
	"io/fs"
	"net"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/samrad-se/samrad/frontend"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/storage"
)

// baseURL is the address phones use to reach the server.
func (s *Server) baseURL(c *fiber.Ctx) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimRight(s.cfg.BaseURL, "/")
	}
	return c.BaseURL()
}

// baseIsLocal warns facilitators when QR codes would point at this machine
// only ("localhost"), which no phone can reach.
func (s *Server) baseIsLocal(c *fiber.Ctx) bool {
	u, err := url.Parse(s.baseURL(c))
	if err != nil {
		return true
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) dashboardPage(c *fiber.Ctx) error {
	w, err := s.store.Workshop(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return s.render(c, "dashboard", tr(c, "dash.title")+" – "+w.Name, fiber.Map{"Workshop": w, "CanRun": canRun(c),
		"ConfidentAt": sense.ConfidentAt})
}

func (s *Server) projectorPage(c *fiber.Ctx) error {
	w, err := s.store.Workshop(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return s.renderBare(c, "projector", w.Name, fiber.Map{"Workshop": w, "JoinBase": s.baseURL(c)})
}

func (s *Server) printPage(c *fiber.Ctx) error {
	data, err := s.workshopView(c)
	if err != nil {
		return err
	}
	return s.render(c, "print", tr(c, "print.title")+" – "+data["Workshop"].(domain.Workshop).Name, data)
}

// qr serves a join QR code as PNG: for one table (its own page) or for the
// whole event (the page where participants pick their table).
func (s *Server) qr(c *fiber.Ctx) error {
	snap, err := s.store.Snapshot(c.UserContext(), c.Params("id"), storage.NoInputs)
	if err != nil {
		return err
	}
	target := s.baseURL(c) + "/e/" + snap.Workshop.JoinCode
	if tid := c.Params("tid"); tid != "event" {
		target = ""
		for _, t := range snap.Tables {
			if t.ID == tid {
				target = s.baseURL(c) + "/t/" + t.Code
			}
		}
		if target == "" {
			return domain.Errorf(domain.KindNotFound, "table_not_found")
		}
	}
	png, err := qrcode.Encode(target, qrcode.Medium, 512)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, max-age=300")
	c.Type("png")
	return c.Send(png)
}

func (s *Server) serviceWorker(c *fiber.Ctx) error {
	body, err := fs.ReadFile(frontend.Static(), "sw.js")
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-cache")
	c.Type("js", "utf-8")
	return c.Send(body)
}

// metrics serves Prometheus text to an administrator's session or to a
// scraper that presents the metrics token.
func (s *Server) metrics(c *fiber.Ctx) error {
	if s.cfg.Metrics == nil {
		return domain.Errorf(domain.KindNotFound, "page_not_found")
	}
	token := strings.TrimPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	tokenOK := s.cfg.MetricsToken != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.MetricsToken)) == 1
	if u := userOf(c); !tokenOK && (u == nil || u.Role != domain.RoleAdmin) {
		return domain.Errorf(domain.KindUnauthorized, "login_required")
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Type("txt", "utf-8")
	var buf bytes.Buffer
	s.cfg.Metrics.Write(&buf)
	return c.Send(buf.Bytes())
}
