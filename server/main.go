// Command server runs Samråd: one process with the web server, the live
// hub and an embedded SQLite database in a data folder.
//
// The data path of a submission: phone → websocket (live/conn.go, admitted
// by web/live.go, handled by web/live_workshop.go) → writer (writer/writer.go,
// group commit) → SQLite (storage/) → hub (live/hub.go) → dashboards and the
// table's other phones.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/mail"
	"github.com/samrad-se/samrad/server/metrics"
	"github.com/samrad-se/samrad/server/retention"
	"github.com/samrad-se/samrad/server/sorting"
	"github.com/samrad-se/samrad/server/sso"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/timebox"
	"github.com/samrad-se/samrad/server/web"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

type config struct {
	addr          string
	dataDir       string
	baseURL       string
	secureCookies bool
	adminEmail    string
	adminPassword string
	metricsToken  string
	sessionTTL    time.Duration
	proxyHeader   string
	organisation  string
	contactEmail  string
	drain         time.Duration
	mail          mail.Config
	// sso: the organisation's identity provider, from SAMRAD_OIDC_*
	// (environment only: the client secret must not show in a process list).
	sso       *sso.Config
	passwords string
}

func env(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func loadConfig() config {
	var cfg config
	port := env("PORT", "8080")
	flag.StringVar(&cfg.addr, "addr", env("SAMRAD_ADDR", ":"+port), "address to listen on (env SAMRAD_ADDR, or PORT)")
	flag.StringVar(&cfg.dataDir, "data", env("SAMRAD_DATA", "data"), "folder for the database (env SAMRAD_DATA)")
	flag.StringVar(&cfg.baseURL, "base-url", env("SAMRAD_BASE_URL", ""), "public address for QR codes, e.g. https://samrad.example.se (env SAMRAD_BASE_URL)")
	flag.BoolVar(&cfg.secureCookies, "secure-cookies", env("SAMRAD_SECURE_COOKIES", "") == "1", "mark cookies Secure with the __Host- prefix; on by itself with an https base URL (env SAMRAD_SECURE_COOKIES=1)")
	ttl, err := time.ParseDuration(env("SAMRAD_SESSION_TTL", "12h"))
	if err != nil {
		ttl = 12 * time.Hour
	}
	flag.DurationVar(&cfg.sessionTTL, "session-ttl", ttl, "how long a login lasts without activity (env SAMRAD_SESSION_TTL)")
	drain, err := time.ParseDuration(env("SAMRAD_DRAIN", "3s"))
	if err != nil {
		drain = 3 * time.Second
	}
	flag.DurationVar(&cfg.drain, "drain", drain, "at shutdown, how long /readyz says 503 before the server stops taking requests (env SAMRAD_DRAIN)")
	flag.StringVar(&cfg.proxyHeader, "proxy-header", env("SAMRAD_PROXY_HEADER", ""), "header with the client's address when behind a reverse proxy, e.g. X-Forwarded-For; X-Forwarded-Host and -Proto are believed only with it (env SAMRAD_PROXY_HEADER)")
	flag.StringVar(&cfg.organisation, "organisation", env("SAMRAD_ORGANISATION", "Västra Götalandsregionen"), "who runs this service, for the privacy notice and accessibility statement (env SAMRAD_ORGANISATION)")
	flag.StringVar(&cfg.contactEmail, "contact-email", env("SAMRAD_CONTACT_EMAIL", ""), "where people write about personal data and accessibility (env SAMRAD_CONTACT_EMAIL)")
	flag.StringVar(&cfg.mail.Host, "smtp-host", env("SAMRAD_SMTP_HOST", ""), "SMTP server for e-mail; empty: no e-mail (env SAMRAD_SMTP_HOST)")
	smtpPort, _ := strconv.Atoi(env("SAMRAD_SMTP_PORT", "0"))
	flag.IntVar(&cfg.mail.Port, "smtp-port", smtpPort, "SMTP port; default 587, or 465 with -smtp-tls tls (env SAMRAD_SMTP_PORT)")
	flag.StringVar(&cfg.mail.TLS, "smtp-tls", env("SAMRAD_SMTP_TLS", "starttls"), "starttls (required), tls (implicit) or none (env SAMRAD_SMTP_TLS)")
	flag.StringVar(&cfg.mail.From, "smtp-from", env("SAMRAD_SMTP_FROM", ""), "sender of e-mail, e.g. 'Samråd <samrad@example.se>' (env SAMRAD_SMTP_FROM)")
	flag.StringVar(&cfg.mail.ReplyTo, "smtp-reply-to", env("SAMRAD_SMTP_REPLY_TO", ""), "where replies to e-mail go (env SAMRAD_SMTP_REPLY_TO)")
	flag.Parse()
	cfg.mail.User = os.Getenv("SAMRAD_SMTP_USER")
	cfg.mail.Password = os.Getenv("SAMRAD_SMTP_PASSWORD")
	cfg.mail.BaseURL, cfg.mail.Organisation, cfg.mail.ContactEmail = cfg.baseURL, cfg.organisation, cfg.contactEmail
	cfg.adminEmail = os.Getenv("SAMRAD_ADMIN_EMAIL")
	cfg.adminPassword = os.Getenv("SAMRAD_ADMIN_PASSWORD")
	cfg.metricsToken = os.Getenv("SAMRAD_METRICS_TOKEN")
	cfg.sso = ssoFromEnv(cfg.baseURL)
	cfg.passwords = os.Getenv("SAMRAD_LOCAL_PASSWORDS")
	return cfg
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "backup" {
		os.Exit(backupCommand(os.Args[2:], os.Stdout, os.Stderr))
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	tuneMemory()
	if err := run(loadConfig()); err != nil {
		slog.Error("samrad stopped", "err", err)
		os.Exit(1)
	}
}

func run(cfg config) error {
	if err := cfg.mail.Check(); err != nil {
		return err
	}
	provider, passwords, err := signIn(cfg)
	if err != nil {
		return err
	}
	store, err := storage.Open(cfg.dataDir)
	if err != nil {
		return err
	}
	defer store.Close()

	hub := live.NewHub()
	m := metrics.New()
	// The sorting models learn from what the writer commits, beside the hub.
	models := sorting.New(store)
	// Time boxes close by themselves, woken by what the writer commits.
	var w *writer.Writer
	closer := timebox.New(store, func(ctx context.Context, cmd audit.Audited) error { return w.Do(ctx, cmd) })
	w = writer.New(store, sorting.Fanout{hub, models, closer}, m.Commit)
	defer w.Close()
	models.Start(func(ctx context.Context, cmd *workshop.Resuggest) error { return w.Do(ctx, cmd) })
	defer models.Close()
	m.Watch(hub, w)
	setupToken, err := firstAdmin(store, w, cfg)
	if err != nil {
		return err
	}
	webCfg := web.Config{BaseURL: cfg.baseURL, SecureCookies: cfg.secureCookies, SetupToken: setupToken,
		MetricsToken: cfg.metricsToken, Metrics: m, SessionTTL: cfg.sessionTTL, ProxyHeader: cfg.proxyHeader,
		Organisation: cfg.organisation, ContactEmail: cfg.contactEmail, Drain: cfg.drain, Sorting: models,
		SSO: provider, Passwords: passwords}
	var mailer *mail.Worker
	if cfg.mail.Enabled() {
		mailer = mail.New(cfg.mail, store, time.Now)
		webCfg.Mail = mailer
	}
	srv, err := web.New(webCfg, store, w, hub)
	if err != nil {
		return err
	}
	background, stopBackground := context.WithCancel(context.Background())
	defer stopBackground()
	go retention.Run(background, store, w, time.Hour, time.Now)
	go closer.Run(background)
	var mailing sync.WaitGroup
	if mailer != nil {
		mailing.Add(2)
		go func() { defer mailing.Done(); mailer.Run(background) }()
		go func() { defer mailing.Done(); mailer.Schedule(background, w, 5*time.Minute) }()
		slog.Info("e-mail on", "smtp", cfg.mail.Host, "port", cfg.mail.Port, "tls", cfg.mail.TLS)
	}
	// A message being sent is recorded before the database closes.
	defer func() { stopBackground(); mailing.Wait() }()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	served := make(chan error, 1)
	go func() { served <- srv.Listen(cfg.addr) }()
	slog.Info("samrad listening", "addr", cfg.addr, "data", store.Path)
	if setupToken != "" {
		fmt.Fprintf(os.Stderr, "\nNo users yet. Create the first administrator at:\n  %s/setup/%s\n\n", localURL(cfg), setupToken)
	}

	select {
	case err := <-served:
		w.Close()
		return err
	case sig := <-stop:
		slog.Info("shutting down", "signal", sig.String())
	}
	// Say "not ready" for the drain time, stop accepting, stop reading live
	// clients, answer what they sent, tell them to reconnect later, then
	// commit what is queued: within the drain time and 8 s more.
	stopBackground()
	ctx, cancel := context.WithTimeout(context.Background(), cfg.drain+8*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		slog.Warn("shutdown", "err", err)
	}
	w.Close()
	return nil
}

// firstAdmin makes sure someone can log in: with SAMRAD_ADMIN_EMAIL and
// SAMRAD_ADMIN_PASSWORD it creates that administrator; otherwise, while there
// are no users, it returns a one-time token for the /setup page.
func firstAdmin(store *storage.Store, w *writer.Writer, cfg config) (string, error) {
	ctx := context.Background()
	n, err := store.CountUsers(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	if cfg.adminEmail != "" && cfg.adminPassword != "" {
		hash, err := auth.HashPassword(cfg.adminPassword, cfg.adminEmail)
		if err != nil {
			return "", fmt.Errorf("SAMRAD_ADMIN_PASSWORD: %w", err)
		}
		err = w.Do(ctx, audit.Audited{Command: &accounts.CreateUser{Email: cfg.adminEmail, Name: "Administratör",
			Role: domain.RoleAdmin, PasswordHash: hash}, Actor: domain.SystemActor})
		if err == nil {
			slog.Info("created the first administrator", "email", cfg.adminEmail)
		}
		return "", err
	}
	return auth.NewToken(), nil
}

func localURL(cfg config) string {
	if cfg.baseURL != "" {
		return cfg.baseURL
	}
	host := cfg.addr
	if len(host) > 0 && host[0] == ':' {
		host = "localhost" + host
	}
	return "http://" + host
}
