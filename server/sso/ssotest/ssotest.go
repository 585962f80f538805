// Package ssotest runs a real OpenID Connect provider on a local port, for
// tests and for trying Samråd's sign-in on a laptop: discovery, the
// authorization endpoint (which signs in at once, as whoever is next),
// the token endpoint with PKCE, userinfo, the signing keys, and an
// end_session endpoint that records each sign-out and sends the browser on.
// The protocol is github.com/oauth2-proxy/mockoidc's; this package adds the
// people (with any claims) and the sign-out.
package ssotest

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"
)

// LogoutPath is the provider's end_session endpoint, under its address.
const LogoutPath = mockoidc.IssuerBase + "/logout"

// Provider is a running provider.
type Provider struct {
	m  *mockoidc.MockOIDC
	ln net.Listener

	mu      sync.Mutex
	always  *User
	logouts []url.Values
}

// Options change a provider before it starts.
type Options struct {
	// TokenTTL is how long its ID tokens last (default 10 minutes; a
	// negative one makes tokens that have already expired).
	TokenTTL time.Duration
	// ClientID and ClientSecret are made up when empty.
	ClientID, ClientSecret string
	// Key signs the tokens (a fresh 2048-bit RSA key when nil).
	Key *rsa.PrivateKey
}

// Start serves a provider on addr ("127.0.0.1:0" for any free port).
func Start(addr string, opt Options) (*Provider, error) {
	m, err := mockoidc.NewServer(opt.Key)
	if err != nil {
		return nil, err
	}
	if opt.TokenTTL != 0 {
		m.AccessTTL = opt.TokenTTL
	}
	if opt.ClientID != "" {
		m.ClientID = opt.ClientID
	}
	if opt.ClientSecret != "" {
		m.ClientSecret = opt.ClientSecret
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	p := &Provider{m: m, ln: ln}
	mux := http.NewServeMux()
	mux.HandleFunc(mockoidc.AuthorizationEndpoint, p.authorize)
	mux.HandleFunc(mockoidc.TokenEndpoint, m.Token)
	mux.HandleFunc(mockoidc.UserinfoEndpoint, m.Userinfo)
	mux.HandleFunc(mockoidc.JWKSEndpoint, m.JWKS)
	mux.HandleFunc(mockoidc.DiscoveryEndpoint, p.discovery)
	mux.HandleFunc(LogoutPath, p.logout)
	// mockoidc names its own address from Server.Addr.
	m.Server = &http.Server{Addr: ln.Addr().String(), Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go m.Server.Serve(ln)
	return p, nil
}

// Close stops the provider.
func (p *Provider) Close() error { return p.m.Server.Close() }

func (p *Provider) Issuer() string       { return p.m.Issuer() }
func (p *Provider) ClientID() string     { return p.m.ClientID }
func (p *Provider) ClientSecret() string { return p.m.ClientSecret }

// Next makes u the one who signs in at the next visit to the authorization endpoint.
func (p *Provider) Next(u User) { p.m.QueueUser(person{u}) }

// Always makes u the one who signs in whenever no one is queued by Next.
func (p *Provider) Always(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.always = &u
}

// Logouts are the query parameters of each visit to the end_session endpoint.
func (p *Provider) Logouts() []url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]url.Values(nil), p.logouts...)
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	always := p.always
	p.mu.Unlock()
	if always != nil {
		p.m.UserQueue.Lock()
		empty := len(p.m.UserQueue.Queue) == 0
		p.m.UserQueue.Unlock()
		if empty {
			p.Next(*always)
		}
	}
	p.m.Authorize(w, r)
}

// discovery is mockoidc's document with the end_session endpoint added.
func (p *Provider) discovery(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	p.m.Discovery(rec, r)
	doc := map[string]any{}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	doc["end_session_endpoint"] = p.m.Addr() + LogoutPath
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(doc)
}

// logout records the sign-out and sends the browser where the client asked.
func (p *Provider) logout(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p.mu.Lock()
	p.logouts = append(p.logouts, q)
	p.mu.Unlock()
	if to := q.Get("post_logout_redirect_uri"); to != "" {
		http.Redirect(w, r, to, http.StatusFound)
		return
	}
	w.Write([]byte("signed out"))
}

// User is someone the provider signs in.
type User struct {
	Subject string
	Email   string
	Name    string
	// Claims are added to the ID token and the userinfo answer ("roles",
	// "email_verified", …); a claim set to nil is left out.
	Claims map[string]any
	// InUserinfoOnly names claims given only in the userinfo answer, not
	// in the ID token.
	InUserinfoOnly []string
}

// person is a User as mockoidc asks for one.
type person struct{ u User }

// ID implements mockoidc.User: the subject.
func (p person) ID() string {
	u := p.u
	if u.Subject == "" {
		return u.Email
	}
	return u.Subject
}

func (p person) claims(forIDToken bool) map[string]any {
	u := p.u
	c := map[string]any{"sub": p.ID()}
	if u.Email != "" {
		c["email"] = u.Email
	}
	if u.Name != "" {
		c["name"] = u.Name
	}
	for k, v := range u.Claims {
		c[k] = v
	}
	if forIDToken {
		for _, k := range u.InUserinfoOnly {
			delete(c, k)
		}
	}
	for k, v := range c {
		if v == nil {
			delete(c, k)
		}
	}
	return c
}

// Userinfo implements mockoidc.User.
func (p person) Userinfo([]string) ([]byte, error) { return json.Marshal(p.claims(false)) }

// Claims implements mockoidc.User: the registered claims and the nonce,
// with the user's own.
func (p person) Claims(_ []string, base *mockoidc.IDTokenClaims) (jwt.Claims, error) {
	return idClaims{IDTokenClaims: base, extra: p.claims(true)}, nil
}

type idClaims struct {
	*mockoidc.IDTokenClaims
	extra map[string]any
}

func (c idClaims) MarshalJSON() ([]byte, error) {
	base, err := json.Marshal(c.IDTokenClaims)
	if err != nil {
		return nil, err
	}
	all := map[string]any{}
	if err := json.NewDecoder(bytes.NewReader(base)).Decode(&all); err != nil {
		return nil, err
	}
	for k, v := range c.extra {
		if k != "sub" {
			all[k] = v
		}
	}
	return json.Marshal(all)
}

// NewKey makes a signing key; tests that start many providers share one.
func NewKey() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) }
