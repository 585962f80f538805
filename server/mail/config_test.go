package mail_test

import (
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/mail"
)

func TestConfigCheck(t *testing.T) {
	ok := mail.Config{Host: "smtp.example.se", From: "Samråd <samrad@example.se>", BaseURL: "https://samrad.example.se/"}
	if err := ok.Check(); err != nil || ok.Port != 587 || ok.TLS != "starttls" || ok.BaseURL != "https://samrad.example.se" {
		t.Fatalf("defaults: %+v, %v", ok, err)
	}
	implicit := mail.Config{Host: "smtp.example.se", TLS: "tls", From: "samrad@example.se", BaseURL: "https://samrad.example.se"}
	if err := implicit.Check(); err != nil || implicit.Port != 465 {
		t.Fatalf("implicit TLS: %+v, %v", implicit, err)
	}
	if off := (mail.Config{}); off.Check() != nil || off.Enabled() {
		t.Fatal("no host: e-mail off, and nothing to complain about")
	}
	for name, c := range map[string]mail.Config{
		"SAMRAD_SMTP_FROM":     {Host: "h", BaseURL: "https://x"},
		"SAMRAD_BASE_URL":      {Host: "h", From: "a@b.se"},
		"SAMRAD_SMTP_TLS":      {Host: "h", From: "a@b.se", BaseURL: "https://x", TLS: "ssl3"},
		"SAMRAD_SMTP_REPLY_TO": {Host: "h", From: "a@b.se", BaseURL: "https://x", ReplyTo: "inte en adress"},
	} {
		if err := c.Check(); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
