package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sso"
	"github.com/samrad-se/samrad/server/web"
)

// ssoFromEnv reads SAMRAD_OIDC_*; nil when no issuer is set.
func ssoFromEnv(baseURL string) *sso.Config {
	issuer := os.Getenv("SAMRAD_OIDC_ISSUER")
	if issuer == "" {
		return nil
	}
	redirect := os.Getenv("SAMRAD_OIDC_REDIRECT_URL")
	if redirect == "" && baseURL != "" {
		redirect = strings.TrimRight(baseURL, "/") + "/login/oidc/callback"
	}
	c := &sso.Config{
		Issuer:       issuer,
		ClientID:     os.Getenv("SAMRAD_OIDC_CLIENT_ID"),
		ClientSecret: os.Getenv("SAMRAD_OIDC_CLIENT_SECRET"),
		RedirectURL:  redirect,
		Scopes:       strings.Fields(os.Getenv("SAMRAD_OIDC_SCOPES")),
		EmailClaim:   os.Getenv("SAMRAD_OIDC_EMAIL_CLAIM"),
		RoleClaim:    os.Getenv("SAMRAD_OIDC_ROLE_CLAIM"),
		Name:         os.Getenv("SAMRAD_OIDC_NAME"),
	}
	for role, key := range map[domain.Role]string{domain.RoleAdmin: "SAMRAD_OIDC_ADMIN_VALUES",
		domain.RoleFacilitator: "SAMRAD_OIDC_FACILITATOR_VALUES", domain.RoleReader: "SAMRAD_OIDC_READER_VALUES"} {
		for _, v := range strings.Split(os.Getenv(key), ",") {
			if v = strings.TrimSpace(v); v != "" {
				if c.RoleValues == nil {
					c.RoleValues = map[domain.Role][]string{}
				}
				c.RoleValues[role] = append(c.RoleValues[role], v)
			}
		}
	}
	return c
}

// signIn makes the identity provider and the password setting from the
// configuration, and looks the provider up once in the background, so that
// a mistake in its address shows in the log at start. A provider that does
// not answer does not stop Samråd: it is asked again at each sign-in.
func signIn(cfg config) (*sso.Provider, web.Passwords, error) {
	passwords, ok := web.ParsePasswords(cfg.passwords)
	if !ok {
		return nil, 0, fmt.Errorf("SAMRAD_LOCAL_PASSWORDS=%q: use on, off or admins", cfg.passwords)
	}
	if cfg.sso == nil {
		if passwords != web.PasswordsOn {
			return nil, 0, errors.New("SAMRAD_LOCAL_PASSWORDS: passwords can be turned off only with SAMRAD_OIDC_ISSUER set")
		}
		return nil, passwords, nil
	}
	if cfg.sso.RedirectURL == "" {
		return nil, 0, errors.New("SAMRAD_OIDC_ISSUER needs SAMRAD_BASE_URL or SAMRAD_OIDC_REDIRECT_URL (the address registered at the provider)")
	}
	sc := *cfg.sso
	p, err := sso.New(sc)
	if err != nil {
		return nil, 0, fmt.Errorf("SAMRAD_OIDC_*: %w", err)
	}
	if passwords == web.PasswordsAdmins {
		slog.Warn("break-glass: password login is open to administrators (SAMRAD_LOCAL_PASSWORDS=admins)")
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := p.Discover(ctx); err != nil {
			slog.Warn("the identity provider does not answer yet; sign-in will ask it again", "issuer", sc.Issuer, "err", err)
			return
		}
		slog.Info("identity provider ready", "issuer", sc.Issuer, "name", p.Name())
	}()
	return p, passwords, nil
}
