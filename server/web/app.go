// Package web is the HTTP and websocket face of Samråd. Every Fiber type stays
// in this package. Routes are listed in one table (routes.go); handlers
// decode, validate, hand the work to the writer or the store, and respond.
package web

import (
	"context"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/etag"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/samrad-se/samrad/frontend"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/metrics"
	"github.com/samrad-se/samrad/server/sorting"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/writer"
)

type Config struct {
	// BaseURL is the address participants use ("https://samrad.example.se"),
	// printed on join pages and in QR codes. Empty: taken from each request.
	BaseURL string
	// SecureCookies marks cookies Secure; set it when served over HTTPS.
	SecureCookies bool
	// SetupToken, when set, lets the first administrator be created at /setup/<token>.
	SetupToken string
	// Now is the clock (tests may replace it).
	Now func() time.Time
	// Metrics, if set, is counted into and served at /metrics, to
	// administrators or to requests bearing MetricsToken.
	Metrics      *metrics.Metrics
	MetricsToken string
	// SessionTTL is how long a login lasts without activity (default 12 h).
	SessionTTL time.Duration
	// ProxyHeader names the header that carries the client's address behind
	// a reverse proxy (X-Forwarded-For); rate limits count by that address.
	ProxyHeader string
	// Drain is how long /readyz answers 503 at shutdown before the server
	// stops taking requests, so a proxy in front sends no new ones.
	Drain time.Duration
	// Organisation runs this service (named in the privacy notice and the
	// accessibility statement); ContactEmail is where people write to it.
	Organisation string
	ContactEmail string
	// Sorting suggests themes and serves the views derived from them; fed
	// by the writer beside the hub (see server/main.go). Nil: no suggestions.
	Sorting *sorting.Registry
}

// Server holds the dependencies of the handlers.
type Server struct {
	cfg       Config
	store     *storage.Store
	writer    *writer.Writer
	hub       *live.Hub
	app       *fiber.App
	templates templates

	setupMu sync.Mutex
	lock    *lockout
	// tableLimit: 20 submissions a second per table, bursts of 200.
	tableLimit *tableLimiter

	draining atomic.Bool // shutting down: /readyz says 503
}

// csp allows nothing but our own origin: no inline script or style, no
// third-party requests, no framing.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Request and message size limits.
const (
	// Forms are small, but a consultation response may carry a PDF of up
	// to 10 MB; the handlers check each file's own limit.
	bodyLimit = domain.MaxAttachmentBytes + 1<<20
)

func New(cfg Config, store *storage.Store, w *writer.Writer, h *live.Hub) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Organisation == "" {
		cfg.Organisation = "Västra Götalandsregionen"
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	tpl, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: store, writer: w, hub: h, templates: tpl, lock: newLockout(cfg.Now),
		tableLimit: newTableLimiter(20, 200)}
	s.app = fiber.New(fiber.Config{
		AppName: "Samråd",
		// Fiber's strings otherwise point into buffers that fasthttp reuses
		// after the request; ids taken from a request live on in commands,
		// the hub's topics and the writer queue.
		Immutable:             true,
		ErrorHandler:          s.handleError,
		BodyLimit:             bodyLimit,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           120 * time.Second,
		DisableStartupMessage: true,
		ProxyHeader:           cfg.ProxyHeader,
		EnableIPValidation:    cfg.ProxyHeader != "",
	})
	// Websocket connections outlive their upgrade handler (see live); fasthttp
	// must leave closing them to us.
	s.app.Server().KeepHijackedConns = true
	s.app.Use(requestID())
	s.app.Use(s.accessLog)
	s.app.Use(recover.New())
	s.app.Use(helmet.New(helmet.Config{
		ContentSecurityPolicy: csp,
		ReferrerPolicy:        "same-origin",
		XFrameOptions:         "DENY",
		PermissionPolicy:      "camera=(), microphone=(), geolocation=()",
		// Sent only on requests that arrived over HTTPS (directly or as the
		// proxy's X-Forwarded-Proto says).
		HSTSMaxAge:            365 * 24 * 3600,
		HSTSExcludeSubdomains: true,
	}))
	s.app.Use(compress.New(compress.Config{Level: compress.LevelBestSpeed}))
	// Static files are revalidated on every use (a 304 while unchanged):
	// after an update no page runs yesterday's scripts out of a cache
	// against today's server.
	s.app.Use("/static", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "no-cache")
		return c.Next()
	}, etag.New(), filesystem.New(filesystem.Config{Root: http.FS(frontend.Static())}))
	s.routes()
	return s, nil
}

// Listen serves on addr until Shutdown.
func (s *Server) Listen(addr string) error { return s.app.Listen(addr) }

// Serve serves on a listener the caller opened (tests use a random port).
func (s *Server) Serve(ln net.Listener) error { return s.app.Listener(ln) }

// Shutdown first says "not ready" for the drain time while it serves on,
// then stops taking requests, stops reading live connections, lets the
// replies to what they sent be written (the acknowledgements of committed
// work), closes them with 1012 and waits (up to ctx) for them.
func (s *Server) Shutdown(ctx context.Context) error {
	s.Drain()
	select {
	case <-time.After(s.cfg.Drain):
	case <-ctx.Done():
	}
	err := s.app.ShutdownWithContext(ctx)
	s.hub.Shutdown(ctx)
	return err
}
