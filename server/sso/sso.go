// Package sso signs staff in with the organisation's own identity provider
// over OpenID Connect: the authorization code flow with PKCE, state and
// nonce, the ID token verified against the provider's published keys
// (github.com/coreos/go-oidc with golang.org/x/oauth2). It knows nothing of
// HTTP frameworks or storage: the web package keeps the flow's state in a
// cookie and decides who may enter.
package sso

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/samrad-se/samrad/server/domain"
)

// Config is how Samråd is registered with the provider.
type Config struct {
	// Issuer is the provider's address, as in its discovery document
	// ("https://login.microsoftonline.com/<tenant>/v2.0").
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is Samråd's callback, registered at the provider
	// ("https://samrad.example.se/login/oidc/callback").
	RedirectURL string
	// Scopes asked for; openid is always among them.
	Scopes []string
	// EmailClaim names the claim that holds the e-mail address ("email").
	EmailClaim string
	// RoleClaim, when set, names the claim whose values give a role
	// (RoleValues); a dotted name reaches into objects ("realm_access.roles").
	RoleClaim  string
	RoleValues map[domain.Role][]string
	// Name is what the sign-in button calls the provider ("VGR-konto").
	Name string
	// Now is the clock the ID token's expiry is judged by.
	Now func() time.Time
	// HTTPClient talks to the provider (default: 10 s time-out).
	HTTPClient *http.Client
}

// Provider is a configured provider. Its discovery document is fetched on
// first use and kept; until the provider answers, each use tries again, so
// a provider that is down when Samråd starts does not stop Samråd.
type Provider struct {
	cfg Config

	mu         sync.Mutex
	op         *oidc.Provider
	endSession string
}

// New checks the configuration. It does not contact the provider.
func New(cfg Config) (*Provider, error) {
	var missing []string
	for name, v := range map[string]string{"issuer": cfg.Issuer, "client id": cfg.ClientID,
		"client secret": cfg.ClientSecret, "redirect URL": cfg.RedirectURL} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("sso: missing %s", strings.Join(missing, ", "))
	}
	if u, err := url.Parse(cfg.RedirectURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("sso: redirect URL %q is not an absolute http(s) address", cfg.RedirectURL)
	}
	if _, err := originOf(cfg.Issuer); err != nil {
		return nil, err
	}
	if cfg.EmailClaim == "" {
		cfg.EmailClaim = "email"
	}
	if cfg.RoleClaim != "" && len(cfg.RoleValues) == 0 {
		return nil, errors.New("sso: a role claim needs the values that give each role")
	}
	if cfg.RoleClaim == "" && len(cfg.RoleValues) > 0 {
		return nil, errors.New("sso: role values need the claim that holds them")
	}
	for r := range cfg.RoleValues {
		if !domain.ValidRole(r) {
			return nil, fmt.Errorf("sso: unknown role %q", r)
		}
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = []string{"email", "profile"}
	}
	if !slices.Contains(cfg.Scopes, oidc.ScopeOpenID) {
		cfg.Scopes = append([]string{oidc.ScopeOpenID}, cfg.Scopes...)
	}
	if cfg.Name == "" {
		cfg.Name = hostOf(cfg.Issuer)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	return &Provider{cfg: cfg}, nil
}

// Name is the provider as the sign-in button names it.
func (p *Provider) Name() string { return p.cfg.Name }

// MapsRoles tells whether the provider's claims give roles.
func (p *Provider) MapsRoles() bool { return p.cfg.RoleClaim != "" }

// Origin is the provider's scheme and host: its sign-out page is reached by
// a redirect after a form (logging out), which the page's
// Content-Security-Policy (form-action) must allow.
func (p *Provider) Origin() string {
	o, _ := originOf(p.cfg.Issuer)
	return o
}

// PostLogoutURL is where the provider sends the browser after its own
// sign-out: Samråd's start page, on the same origin as the callback.
func (p *Provider) PostLogoutURL() string {
	o, _ := originOf(p.cfg.RedirectURL)
	return o + "/"
}

func (p *Provider) ctx(ctx context.Context) context.Context {
	return oidc.ClientContext(ctx, p.cfg.HTTPClient)
}

// Discover fetches the provider's discovery document unless it already has.
func (p *Provider) Discover(ctx context.Context) error {
	_, err := p.provider(ctx)
	return err
}

func (p *Provider) provider(ctx context.Context) (*oidc.Provider, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.op != nil {
		return p.op, nil
	}
	op, err := oidc.NewProvider(p.ctx(ctx), p.cfg.Issuer)
	if err != nil {
		return nil, p.fail(domain.KindUnavailable, "sso_unavailable", err)
	}
	var meta struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if err := op.Claims(&meta); err != nil {
		return nil, p.fail(domain.KindUnavailable, "sso_unavailable", err)
	}
	p.op, p.endSession = op, meta.EndSession
	return op, nil
}

// fail is a refusal that names the provider to the user and keeps the
// cause for the log.
func (p *Provider) fail(kind domain.Kind, code string, cause error) *domain.Error {
	e := domain.Errorf(kind, code, "provider", p.cfg.Name)
	e.Err = cause
	return e
}

func (p *Provider) oauth(op *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, RedirectURL: p.cfg.RedirectURL,
		Endpoint: op.Endpoint(), Scopes: p.cfg.Scopes}
}

// Flow is what one sign-in must remember between sending the browser to
// the provider and its return: all three are fresh random values.
type Flow struct {
	State    string
	Nonce    string
	Verifier string // PKCE code verifier
}

// NewFlow makes the random values of one sign-in.
func NewFlow() Flow {
	return Flow{State: oauth2.GenerateVerifier(), Nonce: oauth2.GenerateVerifier(), Verifier: oauth2.GenerateVerifier()}
}

// AuthURL is the provider's sign-in page for this flow.
func (p *Provider) AuthURL(ctx context.Context, f Flow) (string, error) {
	op, err := p.provider(ctx)
	if err != nil {
		return "", err
	}
	return p.oauth(op).AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier)), nil
}

// Exchange trades the code the provider sent back for tokens, verifies the
// ID token (signature by the provider's keys, issuer, audience, expiry) and
// its nonce, and reads who signed in. The caller has checked the state.
func (p *Provider) Exchange(ctx context.Context, f Flow, code string) (Identity, error) {
	op, err := p.provider(ctx)
	if err != nil {
		return Identity{}, err
	}
	ctx = p.ctx(ctx)
	tok, err := p.oauth(op).Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			// The provider refused the code (used, expired, wrong verifier).
			return Identity{}, p.fail(domain.KindUnauthorized, "sso_failed", err)
		}
		return Identity{}, p.fail(domain.KindUnavailable, "sso_unavailable", err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return Identity{}, p.fail(domain.KindUnauthorized, "sso_failed", errors.New("no id_token in the token response"))
	}
	idt, err := op.Verifier(&oidc.Config{ClientID: p.cfg.ClientID, Now: p.cfg.Now}).Verify(ctx, raw)
	if err != nil {
		return Identity{}, p.fail(domain.KindUnauthorized, "sso_failed", err)
	}
	if !equalSecret(idt.Nonce, f.Nonce) {
		return Identity{}, p.fail(domain.KindUnauthorized, "sso_failed", errors.New("the ID token's nonce is not this sign-in's"))
	}
	claims := map[string]any{}
	if err := idt.Claims(&claims); err != nil {
		return Identity{}, p.fail(domain.KindUnauthorized, "sso_failed", err)
	}
	if p.lacksClaims(claims) && op.UserInfoEndpoint() != "" {
		// Some providers (Entra ID without optional claims) put the e-mail
		// or the roles only in the userinfo answer.
		if info, err := op.UserInfo(ctx, oauth2.StaticTokenSource(tok)); err == nil && info.Subject == idt.Subject {
			extra := map[string]any{}
			if info.Claims(&extra) == nil {
				for k, v := range extra {
					if _, ok := claims[k]; !ok {
						claims[k] = v
					}
				}
			}
		}
	}
	id, err := p.identity(claims)
	if err != nil {
		return Identity{}, err
	}
	id.Subject, id.IDToken = idt.Subject, raw
	return id, nil
}

// LogoutURL is the provider's sign-out page for the session the ID token
// belongs to, or "" when the provider offers none (or one on another
// origin, which the pages' form-action would not allow).
func (p *Provider) LogoutURL(ctx context.Context, idToken string) string {
	// Signing out of Samråd has happened; it does not wait long for a
	// provider that does not answer.
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if _, err := p.provider(ctx); err != nil {
		return ""
	}
	end, err := url.Parse(p.endSession)
	if err != nil || p.endSession == "" || end.Scheme+"://"+end.Host != p.Origin() {
		return ""
	}
	q := end.Query()
	q.Set("id_token_hint", idToken)
	q.Set("client_id", p.cfg.ClientID)
	q.Set("post_logout_redirect_uri", p.PostLogoutURL())
	end.RawQuery = q.Encode()
	return end.String()
}

func originOf(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("sso: %q is not an absolute http(s) address", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Hostname()
}
