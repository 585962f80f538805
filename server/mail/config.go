// Package mail sends Samråd's e-mail: invitations with private answer links,
// receipts with a copy of the answer, reminders before a deadline, a daily
// digest of new answers, and staff invitations and password resets.
//
// Everything is optional: without an SMTP host nothing is queued and the
// links are copied from the pages, as before. With one, commands queue
// messages in the outbox (storage/outbox.go) in the transaction of what
// caused them, and a Worker sends them in the background, so a request never
// waits for the SMTP server. Messages are plain text with an HTML
// alternative, in the recipient's language, with no images, tracking or
// rewritten links.
package mail

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"time"
)

// Config is how to reach the SMTP server and what to put in messages.
type Config struct {
	Host     string // empty: no e-mail
	Port     int    // default 587, or 465 with TLS "tls"
	TLS      string // "starttls" (default: required), "tls" (implicit, port 465) or "none" (a relay on localhost)
	User     string // with a user, the server's AUTH is used (PLAIN, LOGIN, CRAM-MD5 or SCRAM, as it offers)
	Password string
	From     string // "Samråd <samrad@example.se>"
	ReplyTo  string // optional: where replies go

	BaseURL      string // links in messages (SAMRAD_BASE_URL): no request to take it from
	Organisation string // who runs the service, named at the foot of each message
	ContactEmail string // where people write with questions, named too

	Timeout time.Duration // per SMTP connection; default 30 s
	// Backoff is the wait after the n:th failed attempt (default 1, 2, 4 …
	// minutes, at most an hour); a message is given up MaxAge after it was
	// queued (default 48 hours).
	Backoff func(attempt int) time.Duration
	MaxAge  time.Duration
}

// Enabled reports whether e-mail is configured.
func (c Config) Enabled() bool { return c.Host != "" }

// Check tells what is wrong with a configuration that is enabled.
func (c *Config) Check() error {
	if !c.Enabled() {
		return nil
	}
	if c.From == "" {
		return errors.New("SAMRAD_SMTP_FROM is needed with SAMRAD_SMTP_HOST")
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("SAMRAD_SMTP_FROM: %w", err)
	}
	if c.ReplyTo != "" {
		if _, err := mail.ParseAddress(c.ReplyTo); err != nil {
			return fmt.Errorf("SAMRAD_SMTP_REPLY_TO: %w", err)
		}
	}
	if u, err := url.Parse(c.BaseURL); c.BaseURL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return errors.New("SAMRAD_BASE_URL (http or https) is needed with SAMRAD_SMTP_HOST: e-mail carries links")
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	switch c.TLS {
	case "":
		c.TLS = "starttls"
	case "starttls", "tls", "none":
	default:
		return fmt.Errorf("SAMRAD_SMTP_TLS: %q is not starttls, tls or none", c.TLS)
	}
	if c.Port == 0 {
		c.Port = 587
		if c.TLS == "tls" {
			c.Port = 465
		}
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.Backoff == nil {
		c.Backoff = func(attempt int) time.Duration {
			return min(time.Minute<<min(attempt-1, 6), time.Hour)
		}
	}
	if c.MaxAge <= 0 {
		c.MaxAge = 48 * time.Hour
	}
	return nil
}
