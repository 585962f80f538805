package web

import (
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	"github.com/google/uuid"
)

const (
	requestIDHeader = "X-Request-Id"
	localRequestID  = "requestid"
)

func requestIDOf(c *fiber.Ctx) string {
	id, _ := c.Locals(localRequestID).(string)
	return id
}

// requestID gives every request an id, returned in X-Request-Id and written
// on every log line about the request. An id from a reverse proxy is kept so
// its logs and ours can be matched, but only if it looks like an id: it
// ends up in our logs.
func requestID() fiber.Handler {
	assign := requestid.New(requestid.Config{
		Header:     requestIDHeader,
		ContextKey: localRequestID,
		Generator:  func() string { return uuid.Must(uuid.NewV7()).String() },
	})
	return func(c *fiber.Ctx) error {
		if id := c.Get(requestIDHeader); id != "" && !plausibleID(id) {
			c.Request().Header.Del(requestIDHeader)
		}
		return assign(c)
	}
}

func plausibleID(id string) bool {
	if len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// quietPaths are requested all the time by machines (probes, scrapers) or
// for every page (static files); logging each would drown what matters.
var quietPaths = []string{"/static/", "/healthz", "/readyz", "/metrics"}

// accessLog writes one line per request with its final status. It renders a
// handler's error itself (as settle does) so the status it logs is the one
// sent. The path is logged without the query string, and with participant
// codes and setup tokens masked: they are the keys to a table or to the
// first administrator account.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	if err := c.Next(); err != nil {
		if err := s.handleError(c, err); err != nil {
			return err
		}
	}
	path := c.Path()
	for _, p := range quietPaths {
		if path == p || strings.HasPrefix(path, p) {
			return nil
		}
	}
	slog.Info("request", "request_id", requestIDOf(c), "method", c.Method(), "path", maskedPath(c),
		"status", c.Response().StatusCode(), "duration", time.Since(start).Round(time.Microsecond))
	return nil
}

// maskedPath is the request path with secret route parameters replaced by
// their names ("/t/:code").
func maskedPath(c *fiber.Ctx) string {
	path := c.Path()
	for _, name := range c.Route().Params {
		if name == "code" || name == "token" {
			if v := c.Params(name); v != "" {
				path = strings.Replace(path, v, ":"+name, 1)
			}
		}
	}
	return path
}
