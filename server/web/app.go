// Package web is the HTTP and websocket face of Samråd. Every Fiber type stays
// in this package. Routes are listed in one table (routes.go); handlers
// decode, validate, hand the work to the writer or the store, and respond.
package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
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
	"github.com/samrad-se/samrad/server/sso"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/writer"
)

type Config struct {
	// BaseURL is the address participants use ("https://samrad.example.se"),
	// printed on join pages and in QR codes. Empty: taken from each request.
	BaseURL string
	// SecureCookies marks cookies Secure and gives them the __Host- prefix;
	// an https BaseURL sets it too.
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
	// Only with it set are X-Forwarded-Host and X-Forwarded-Proto believed.
	ProxyHeader string
	// Drain is how long /readyz answers 503 at shutdown before the server
	// stops taking requests, so a proxy in front sends no new ones.
	Drain time.Duration
	// Organisation runs this service (named in the privacy notice and the
	// accessibility statement); ContactEmail is where people write to it.
	Organisation string
	ContactEmail string
	// Mail, if set, sends the e-mail that commands queue in the outbox
	// (SMTP is configured); handlers wake it after queueing. Nil: no
	// e-mail, links are copied from the pages.
	Mail Mailer
	// Sorting suggests themes and serves the views derived from them; fed
	// by the writer beside the hub (see server/main.go). Nil: no suggestions.
	Sorting *sorting.Registry
	// SSO, when set, lets staff sign in with the organisation's identity
	// provider (OpenID Connect, sso.go).
	SSO *sso.Provider
	// Passwords says who may sign in with a Samråd password; anything but
	// PasswordsOn needs SSO.
	Passwords Passwords
}

// Mailer is the e-mail worker as the handlers see it.
type Mailer interface{ Wake() }

// Server holds the dependencies of the handlers.
type Server struct {
	cfg       Config
	store     *storage.Store
	writer    *writer.Writer
	hub       *live.Hub
	app       *fiber.App
	templates templates

	setupMu sync.Mutex
	// csrfKey signs CSRF tokens (csrf.go).
	csrfKey []byte
	lock    *lockout
	// ssoKey signs the cookie of a sign-in with the identity provider (sso.go).
	ssoKey []byte
	// tableLimit: 20 submissions a second per table, bursts of 200.
	tableLimit *keyedLimiter
	// feedbackLimit: accessibility messages per address, and from everyone.
	feedbackLimit, feedbackTotal *keyedLimiter
	// Spontaneous answers started through a public link: per address, per consultation.
	startsByAddress, startsByConsultation *keyedLimiter

	draining atomic.Bool // shutting down: /readyz says 503
}

// csp allows nothing but our own origin: no inline script or style, no
// third-party requests, no framing. Forms post only here, and their
// redirects lead only here or, with an identity provider, to the provider
// (signing out ends the provider's session too).
func csp(formAction string) string {
	return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'" + formAction +
		"; frame-ancestors 'none'"
}

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
	if strings.HasPrefix(strings.ToLower(cfg.BaseURL), "https://") {
		cfg.SecureCookies = true
	}
	tpl, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	csrfKey, err := store.Secret(context.Background(), "csrf", 32)
	if err != nil {
		return nil, err
	}
	formAction := ""
	var ssoKey []byte
	if cfg.SSO != nil {
		formAction = " " + cfg.SSO.Origin()
		if ssoKey, err = store.Secret(context.Background(), "sso", 32); err != nil {
			return nil, err
		}
	} else if cfg.Passwords != PasswordsOn {
		return nil, errors.New("web: local passwords can be turned off only with an identity provider")
	}
	s := &Server{cfg: cfg, store: store, writer: w, hub: h, templates: tpl, lock: newLockout(cfg.Now), csrfKey: csrfKey, ssoKey: ssoKey,
		tableLimit:    newKeyedLimiter(20, 200),
		feedbackLimit: newKeyedLimiter(1.0/600, 5), feedbackTotal: newKeyedLimiter(1.0/60, 60),
		// Five from an address, then one every six minutes; a hundred for a
		// consultation, then one every 36 seconds (a hundred an hour).
		startsByAddress: newKeyedLimiter(1.0/360, 5), startsByConsultation: newKeyedLimiter(1.0/36, 100)}
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
		// Without a proxy, a client's own X-Forwarded-Host and -Proto would
		// otherwise choose the links we print, HSTS and the origin check:
		// trusting no proxy makes Fiber ignore them.
		EnableTrustedProxyCheck: cfg.ProxyHeader == "",
	})
	// Websocket connections outlive their upgrade handler (see live); fasthttp
	// must leave closing them to us.
	s.app.Server().KeepHijackedConns = true
	s.app.Use(requestID())
	s.app.Use(s.accessLog)
	s.app.Use(recover.New())
	s.app.Use(refuseEncodedBodies)
	s.app.Use(helmet.New(helmet.Config{
		ContentSecurityPolicy: csp(formAction),
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
