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
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/samrad-se/samrad/frontend"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/hub"
	"github.com/samrad-se/samrad/server/metrics"
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
	// Organisation runs this service (named in the privacy notice and the
	// accessibility statement); ContactEmail is where people write to it.
	Organisation string
	ContactEmail string
	// Mail, if set, sends the e-mail that commands queue in the outbox
	// (SMTP is configured); handlers wake it after queueing. Nil: no
	// e-mail, links are copied from the pages.
	Mail Mailer
}

// Mailer is the e-mail worker as the handlers see it.
type Mailer interface{ Wake() }

// Server holds the dependencies of the handlers.
type Server struct {
	cfg       Config
	store     *storage.Store
	writer    *writer.Writer
	hub       *hub.Hub
	app       *fiber.App
	templates templates

	setupMu sync.Mutex
	lock    *lockout
	// tableLimit: 20 submissions a second per table, bursts of 200.
	tableLimit *tableLimiter

	draining atomic.Bool // shutting down: /readyz says 503

	sockets sync.WaitGroup // live websocket handlers, waited for at shutdown
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

func New(cfg Config, store *storage.Store, w *writer.Writer, h *hub.Hub) (*Server, error) {
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
	s.app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(frontend.Static()),
		MaxAge: 3600,
	}))
	s.routes()
	return s, nil
}

// Listen serves on addr until Shutdown.
func (s *Server) Listen(addr string) error { return s.app.Listen(addr) }

// Serve serves on a listener the caller opened (tests use a random port).
func (s *Server) Serve(ln net.Listener) error { return s.app.Listener(ln) }

// Shutdown stops taking requests, tells live connections to reconnect later
// and waits (up to ctx) for their handlers to finish.
func (s *Server) Shutdown(ctx context.Context) error {
	s.Drain()
	err := s.app.ShutdownWithContext(ctx)
	s.hub.Shutdown()
	done := make(chan struct{})
	go func() { s.sockets.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	return err
}
