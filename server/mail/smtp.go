package mail

import (
	"context"
	"errors"
	"net/mail"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// sender holds one SMTP connection while the outbox is being emptied, so
// that a list of invitations does not cost a TLS handshake each.
type sender struct {
	cfg    Config
	client *gomail.Client
	open   bool
}

func newSender(cfg Config) (*sender, error) {
	opts := []gomail.Option{gomail.WithPort(cfg.Port), gomail.WithTimeout(cfg.Timeout)}
	switch cfg.TLS {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if cfg.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(cfg.User),
			gomail.WithPassword(cfg.Password))
	}
	c, err := gomail.NewClient(cfg.Host, opts...)
	if err != nil {
		return nil, err
	}
	return &sender{cfg: cfg, client: c}, nil
}

// send hands one message to the SMTP server, connecting first if needed.
// On any failure the connection is dropped; the next message redials.
func (s *sender) send(ctx context.Context, m *gomail.Msg) error {
	if !s.open {
		if err := s.client.DialWithContext(ctx); err != nil {
			return err
		}
		s.open = true
	}
	if err := s.client.Send(m); err != nil {
		s.close()
		return err
	}
	return nil
}

func (s *sender) close() {
	if s.open {
		s.client.Close()
		s.open = false
	}
}

// permanent tells a refusal that will not change (a 5xx reply: no such
// mailbox, a malformed address, a message refused) from everything else
// (4xx, a server that is down, unreachable or hangs up), which is tried
// again later.
func permanent(err error) bool {
	var se *gomail.SendError
	return errors.As(err, &se) && se.ErrorCode() >= 500 && se.ErrorCode() < 600
}

// message builds the e-mail: plain text with an HTML alternative, in the
// recipient's language, with a Message-ID made from the outbox id (so a
// resend a person asks for carries the same id).
func (s *sender) message(id, to string, l letter) (*gomail.Msg, error) {
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := m.From(s.cfg.From); err != nil {
		return nil, err
	}
	if err := m.To(to); err != nil {
		return nil, err
	}
	if s.cfg.ReplyTo != "" {
		if err := m.ReplyTo(s.cfg.ReplyTo); err != nil {
			return nil, err
		}
	}
	m.Subject(l.Subject)
	m.SetDate()
	m.SetMessageIDWithValue(id + "@" + domainOf(s.cfg.From))
	m.SetGenHeader(gomail.HeaderContentLang, l.Lang)
	// RFC 3834: written by a machine; out-of-office replies should not answer it.
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	text, html, err := l.render()
	if err != nil {
		return nil, err
	}
	m.SetBodyString(gomail.TypeTextPlain, text)
	m.AddAlternativeString(gomail.TypeTextHTML, html)
	return m, nil
}

func domainOf(from string) string {
	a, err := mail.ParseAddress(from)
	if err != nil {
		return "samrad.invalid"
	}
	_, d, _ := strings.Cut(a.Address, "@")
	return d
}
