package web_test

import (
	"context"
	"crypto/rsa"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/sso"
	"github.com/samrad-se/samrad/server/sso/ssotest"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// The tests sign in through a real OpenID Connect provider on a local port
// (ssotest, built on mockoidc): discovery, its keys, the authorization and
// token endpoints with PKCE, and its sign-out.

const providerName = "Regionkontot"

var (
	providerKeyOnce sync.Once
	providerKey     *rsa.PrivateKey
)

func startProvider(t *testing.T, opt ssotest.Options) *ssotest.Provider {
	t.Helper()
	// One signing key for all the tests' providers: making one is slow
	// under the race detector.
	providerKeyOnce.Do(func() {
		k, err := ssotest.NewKey()
		if err != nil {
			panic(err)
		}
		providerKey = k
	})
	opt.Key = providerKey
	p, err := ssotest.Start("127.0.0.1:0", opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// ssoServer is Samråd with p as its identity provider; change may adjust
// the provider's settings and the server's.
func ssoServer(t *testing.T, p *ssotest.Provider, change func(*sso.Config, *web.Config)) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	return serveStoreOn(t, ln, testutil.MustOpenStoreWith(t, storage.Options{}), func(cfg *web.Config, _ *storage.Store) {
		sc := sso.Config{Issuer: p.Issuer(), ClientID: p.ClientID(), ClientSecret: p.ClientSecret(),
			RedirectURL: base + "/login/oidc/callback", Name: providerName}
		if change != nil {
			change(&sc, cfg)
		}
		provider, err := sso.New(sc)
		if err != nil {
			t.Fatal(err)
		}
		cfg.SSO = provider
	})
}

// withRoles maps the provider's "roles" claim to Samråd's roles.
func withRoles(sc *sso.Config, _ *web.Config) {
	sc.RoleClaim = "roles"
	sc.RoleValues = map[domain.Role][]string{domain.RoleAdmin: {"samrad-admin"},
		domain.RoleFacilitator: {"samrad-processledare"}, domain.RoleReader: {"samrad-läsare"}}
}

// toProvider follows Samråd's redirects to the provider and back, as a
// browser does; the provider signs in whoever is next at once.
var toProvider = &http.Client{Timeout: 10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// ssoSignIn starts a sign-in, lets the provider answer and returns what
// the callback answers. authorize may change the request to the provider,
// callback the provider's answer, before they are sent on.
func (b *browser) ssoSignIn(authorize, callback func(*url.URL)) response {
	b.t.Helper()
	back := b.providerAnswer(authorize)
	if callback != nil {
		callback(back)
	}
	return b.get(back.RequestURI())
}

// providerAnswer starts a sign-in and returns the address the provider
// sends the browser back to.
func (b *browser) providerAnswer(authorize func(*url.URL)) *url.URL {
	b.t.Helper()
	start := b.get("/login/oidc?next=/admin/account")
	if start.Status != http.StatusSeeOther {
		b.t.Fatalf("start: %d %s", start.Status, start.Body)
	}
	auth, err := url.Parse(start.Location)
	if err != nil {
		b.t.Fatal(err)
	}
	if authorize != nil {
		authorize(auth)
	}
	res, err := toProvider.Get(auth.String())
	if err != nil {
		b.t.Fatal(err)
	}
	res.Body.Close()
	back, err := url.Parse(res.Header.Get("Location"))
	if err != nil || res.StatusCode != http.StatusFound {
		b.t.Fatalf("provider: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	return back
}

// signedIn tells whether the browser has a live Samråd session.
func (b *browser) signedIn() bool {
	b.t.Helper()
	return b.get("/admin/account").Status == http.StatusOK
}

func setQuery(key, value string) func(*url.URL) {
	return func(u *url.URL) {
		q := u.Query()
		q.Set(key, value)
		u.RawQuery = q.Encode()
	}
}

func accountActions(t *testing.T, ts *testServer) []string {
	t.Helper()
	entries, err := ts.store.AuditEntries(context.Background(), storage.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Action)
	}
	return out
}

func TestSSOSignIn(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, nil)
	ts.withUser(t, "Anna.Svensson@Example.se", "ett långt lösenord här", domain.RoleFacilitator)
	b := ts.browser(t)
	before := b.csrf("/login")

	p.Next(ssotest.User{Email: "anna.svensson@example.se", Name: "Anna Svensson"})
	var sent url.Values
	res := b.ssoSignIn(func(u *url.URL) { sent = u.Query() }, nil)
	if res.Status != http.StatusSeeOther || res.Location != "/admin/account" {
		t.Fatalf("callback: %d → %q: %s", res.Status, res.Location, res.Body)
	}
	// The authorization request carries a PKCE challenge, a state and a nonce.
	for _, k := range []string{"state", "nonce", "code_challenge"} {
		if len(sent.Get(k)) < 32 {
			t.Errorf("authorization request: %s = %q", k, sent.Get(k))
		}
	}
	if sent.Get("code_challenge_method") != "S256" || !strings.Contains(sent.Get("scope"), "openid") {
		t.Errorf("authorization request: %v", sent)
	}
	// The e-mail address matched regardless of case: the existing account is in.
	if page := b.get("/admin/account"); page.Status != http.StatusOK || !strings.Contains(page.Body, "Anna.Svensson@Example.se") {
		t.Errorf("account page after sign-in: %d", page.Status)
	}
	// A new login, a new CSRF token: the one from before no longer works.
	if res := b.post("/admin/session", url.Values{"_csrf": {before}}); res.Status != http.StatusForbidden {
		t.Errorf("the CSRF token from before the sign-in: %d, want 403", res.Status)
	}
	// The flow's cookie is gone: the same answer from the provider cannot be used twice.
	for _, c := range b.c.Jar.Cookies(mustURL(ts.URL)) {
		if c.Name == "samrad_sso" {
			t.Errorf("the sign-in cookie is still there")
		}
	}
}

func TestSSORefusals(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, nil)
	ts.withUser(t, "anna@example.se", "ett långt lösenord här", domain.RoleFacilitator)
	anna := ssotest.User{Email: "anna@example.se"}

	cases := []struct {
		name                string
		user                ssotest.User
		authorize, callback func(*url.URL)
		want                string
	}{
		{"WrongState", anna, nil, setQuery("state", "någon-annans-state"), "Inloggningen gick inte att slutföra"},
		{"ProviderError", anna, nil, setQuery("error", "access_denied"), "Inloggningen hos Regionkontot avbröts"},
		{"WrongNonce", anna, setQuery("nonce", "en-annan-nonce"), nil, "Inloggningen med Regionkontot kunde inte bekräftas"},
		{"WrongCodeVerifier", anna, setQuery("code_challenge", "en-annan-utmaning-som-inte-stammer-med-verifieraren"), nil,
			"Inloggningen med Regionkontot kunde inte bekräftas"},
		{"UnknownUser", ssotest.User{Email: "okand@example.se"}, nil, nil,
			"Du är inloggad hos Regionkontot som okand@example.se, men du har inget konto i Samråd"},
		{"UnverifiedEmail", ssotest.User{Email: "anna@example.se", Claims: map[string]any{"email_verified": false}}, nil, nil,
			"Regionkontot uppgav ingen bekräftad e-postadress"},
		{"NoEmail", ssotest.User{Subject: "1234"}, nil, nil, "Regionkontot uppgav ingen bekräftad e-postadress"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			users, _ := ts.store.CountUsers(context.Background())
			b := ts.browser(t)
			p.Next(tc.user)
			res := b.ssoSignIn(tc.authorize, tc.callback)
			if res.Status != http.StatusUnauthorized || !strings.Contains(res.Body, tc.want) {
				t.Errorf("callback: %d, want 401 with %q: %s", res.Status, tc.want, res.Body)
			}
			if b.signedIn() {
				t.Errorf("signed in")
			}
			if n, _ := ts.store.CountUsers(context.Background()); n != users {
				t.Errorf("users: %d, want %d", n, users)
			}
		})
	}

	t.Run("StateOnlyInTheURL", func(t *testing.T) {
		// A valid answer from the provider, brought to another browser: the
		// state is checked against the cookie of the browser that started.
		p.Next(anna)
		back := ts.browser(t).providerAnswer(nil)
		other := ts.browser(t)
		if res := other.get(back.RequestURI()); res.Status != http.StatusUnauthorized || other.signedIn() {
			t.Errorf("callback in another browser: %d", res.Status)
		}
	})
}

// A provider that does not answer stops nobody from using Samråd; signing
// in with it says so and may be tried again.
func TestSSOProviderDown(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, nil)
	p.Close()
	res := ts.browser(t).get("/login/oidc")
	if res.Status != http.StatusServiceUnavailable || !strings.Contains(res.Body, "Regionkontot svarar inte just nu") {
		t.Errorf("sign-in with the provider down: %d %s", res.Status, res.Body)
	}
	if res := ts.browser(t).get("/login"); res.Status != http.StatusOK {
		t.Errorf("login page with the provider down: %d", res.Status)
	}
}

func TestSSOExpiredToken(t *testing.T) {
	p := startProvider(t, ssotest.Options{TokenTTL: -time.Minute})
	ts := ssoServer(t, p, nil)
	ts.withUser(t, "anna@example.se", "ett långt lösenord här", domain.RoleFacilitator)
	b := ts.browser(t)
	p.Next(ssotest.User{Email: "anna@example.se"})
	res := b.ssoSignIn(nil, nil)
	if res.Status != http.StatusUnauthorized || !strings.Contains(res.Body, "kunde inte bekräftas") || b.signedIn() {
		t.Errorf("an expired ID token: %d: %s", res.Status, res.Body)
	}
}

func TestSSORoleFromClaim(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, withRoles)
	ts.withAdmin(t)
	ctx := context.Background()
	nils := func(roles ...any) ssotest.User {
		return ssotest.User{Email: "nils@example.se", Name: "Nils  Nilsson", Claims: map[string]any{"roles": roles}}
	}
	role := func() domain.Role {
		t.Helper()
		u, _, err := ts.store.UserForLogin(ctx, "nils@example.se")
		if err != nil {
			t.Fatal(err)
		}
		return u.Role
	}

	// First sign-in: the account is made with the claim's role, and logged.
	first := ts.browser(t)
	p.Next(nils("annat", "samrad-processledare"))
	if res := first.ssoSignIn(nil, nil); res.Status != http.StatusSeeOther {
		t.Fatalf("first sign-in: %d %s", res.Status, res.Body)
	}
	if r := role(); r != domain.RoleFacilitator {
		t.Errorf("role after the first sign-in: %s", r)
	}
	if a := accountActions(t, ts); len(a) == 0 || a[0] != "user.sso_create" {
		t.Errorf("audit log: %v", a)
	}
	page := first.get("/admin/account")
	if !strings.Contains(page.Body, "Nils Nilsson") || !strings.Contains(page.Body, "Du loggar in med Regionkontot och har inget lösenord") {
		t.Errorf("account page of an account made at sign-in: %s", page.Body)
	}
	// No password works for it.
	if res := ts.browser(t).postForm("/login", "/login", url.Values{"email": {"nils@example.se"}, "password": {""}}); res.Status != http.StatusUnauthorized {
		t.Errorf("password login with no password: %d", res.Status)
	}

	// The claim changes: the role follows at the next sign-in, logged, and
	// the session with the old role ends.
	second := ts.browser(t)
	p.Next(nils("samrad-läsare", "samrad-admin"))
	if res := second.ssoSignIn(nil, nil); res.Status != http.StatusSeeOther {
		t.Fatalf("second sign-in: %d", res.Status)
	}
	if r := role(); r != domain.RoleAdmin {
		t.Errorf("role after the second sign-in: %s", r)
	}
	if a := accountActions(t, ts); a[0] != "user.sso_role" {
		t.Errorf("audit log: %v", a)
	}
	if first.signedIn() {
		t.Errorf("the session with the old role lives on")
	}
	if res := second.get("/admin/users"); res.Status != http.StatusOK {
		t.Errorf("an administrator by claim: /admin/users %d", res.Status)
	}

	// A claim that maps to no role leaves the account's role as it is.
	p.Next(nils("annat"))
	if res := ts.browser(t).ssoSignIn(nil, nil); res.Status != http.StatusSeeOther || role() != domain.RoleAdmin {
		t.Errorf("sign-in without a mapped role: %d, role %s", res.Status, role())
	}

	// Nobody is made an account without a mapped role.
	p.Next(ssotest.User{Email: "utan@example.se", Claims: map[string]any{"roles": []any{"annat"}}})
	if res := ts.browser(t).ssoSignIn(nil, nil); res.Status != http.StatusUnauthorized {
		t.Errorf("unknown, without a mapped role: %d", res.Status)
	}
}

func TestSSODeactivatedUserStaysOut(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, withRoles)
	ts.withAdmin(t)
	u := ts.withUser(t, "anna@example.se", "ett långt lösenord här", domain.RoleFacilitator)
	ts.do(t, &accounts.UpdateUser{UserID: u.ID, Role: domain.RoleFacilitator, Active: false})
	b := ts.browser(t)
	// Even a role from the provider does not let a deactivated account back in.
	p.Next(ssotest.User{Email: "anna@example.se", Claims: map[string]any{"roles": "samrad-admin"}})
	res := b.ssoSignIn(nil, nil)
	if res.Status != http.StatusUnauthorized || !strings.Contains(res.Body, "Ditt konto i Samråd (anna@example.se) är avstängt") || b.signedIn() {
		t.Errorf("deactivated: %d %s", res.Status, res.Body)
	}
	after, err := ts.store.User(context.Background(), u.ID)
	if err != nil || after.Active || after.Role != domain.RoleFacilitator {
		t.Errorf("the deactivated account changed: %+v %v", after, err)
	}
}

func TestSSOSignOut(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, nil)
	ts.hub.RecheckEvery = time.Minute // the close must come from the sign-out itself
	ts.withAdmin(t)
	f := ts.workshop(t)
	b := ts.browser(t)
	p.Next(ssotest.User{Email: adminEmail})
	if res := b.ssoSignIn(nil, nil); res.Status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.Status)
	}
	// The pages let the logout form's redirect go to the provider, and nowhere else.
	provider := strings.TrimSuffix(p.Issuer(), "/oidc")
	if csp := b.get("/admin").Header.Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' "+provider+";") {
		t.Errorf("CSP %q does not let the logout go to %s", csp, provider)
	}
	// Signed in, a new start goes straight on.
	if res := b.get("/login/oidc?next=/admin/users"); res.Status != http.StatusSeeOther || res.Location != "/admin/users" {
		t.Errorf("start while signed in: %d → %q", res.Status, res.Location)
	}
	kept := b.cookieHeader()
	d := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), kept)
	d.nextOf("snapshot")

	res := b.postForm("/admin", "/logout", url.Values{})
	to, err := url.Parse(res.Location)
	if res.Status != http.StatusSeeOther || err != nil || !strings.HasPrefix(res.Location, provider+ssotest.LogoutPath) {
		t.Fatalf("logout: %d → %q", res.Status, res.Location)
	}
	q := to.Query()
	if q.Get("id_token_hint") == "" || q.Get("post_logout_redirect_uri") != ts.URL+"/" || q.Get("client_id") != p.ClientID() {
		t.Errorf("end_session request: %v", q)
	}
	// The open websocket of the session is closed, and the session is gone
	// for whoever kept its cookie.
	if err := d.closed(); liveclient.CloseCode(err) != live.CloseRevoked {
		t.Errorf("dashboard closed with %v, want %d", err, live.CloseRevoked)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/admin/account", nil)
	req.Header = kept
	if res := b.do(req); res.Status != http.StatusFound {
		t.Errorf("the old session cookie after sign-out: %d", res.Status)
	}
	// The provider ends its session and sends the browser back.
	back, err := toProvider.Get(res.Location)
	if err != nil {
		t.Fatal(err)
	}
	back.Body.Close()
	if back.Header.Get("Location") != ts.URL+"/" || len(p.Logouts()) != 1 {
		t.Errorf("provider sign-out: %d → %q, %d sign-outs", back.StatusCode, back.Header.Get("Location"), len(p.Logouts()))
	}

	// A password login signs out of Samråd only.
	pw := ts.browser(t)
	pw.login(adminEmail, adminPassword)
	if res := pw.postForm("/admin", "/logout", url.Values{}); res.Location != "/" {
		t.Errorf("password logout → %q, want /", res.Location)
	}
}

func TestSSOFailuresCountAgainstTheAddress(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, nil)
	ts.withAdmin(t)
	b := ts.browser(t)
	for i := range 30 {
		if res := b.get("/login/oidc/callback?state=gissad&code=gissad"); res.Status != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, res.Status)
		}
	}
	if res := b.get("/login/oidc/callback?state=gissad&code=gissad"); res.Status != http.StatusTooManyRequests {
		t.Errorf("after 30 failures: %d, want 429", res.Status)
	}
	// Passwords from the same address wait too: failures are counted together.
	res := b.postForm("/login", "/login", url.Values{"email": {adminEmail}, "password": {adminPassword}})
	if res.Status != http.StatusTooManyRequests {
		t.Errorf("password login from the address: %d, want 429", res.Status)
	}
}

func TestSSOInvitation(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, func(_ *sso.Config, cfg *web.Config) { cfg.Passwords = web.PasswordsOff })
	ts.withAdmin(t)
	admin := ts.browser(t)
	p.Next(ssotest.User{Email: adminEmail})
	admin.ssoSignIn(nil, nil)

	// With passwords off, an invitation is no link: the person signs in.
	res := admin.postForm("/admin/users", "/admin/users", url.Values{"email": {"ny@example.se"}, "role": {"reader"}})
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "Inbjudan till ny@example.se är sparad") || strings.Contains(res.Body, "/account/link/") {
		t.Fatalf("invite: %d %s", res.Status, res.Body)
	}
	p.Next(ssotest.User{Email: "NY@example.se", Name: "Ny Läsare"})
	b := ts.browser(t)
	if res := b.ssoSignIn(nil, nil); res.Status != http.StatusSeeOther {
		t.Fatalf("invited sign-in: %d %s", res.Status, res.Body)
	}
	u, _, err := ts.store.UserForLogin(context.Background(), "ny@example.se")
	if err != nil || u.Role != domain.RoleReader || u.Name != "Ny Läsare" || u.Email != "ny@example.se" {
		t.Errorf("invited account: %+v %v", u, err)
	}

	// A link made before passwords were turned off leads to the provider,
	// and a password set through it does not log in.
	token := auth.NewToken()
	link := storage.AccountLink{Purpose: "invite", Email: "gammal@example.se", Role: domain.RoleFacilitator}
	ts.do(t, &accounts.CreateLink{TokenHash: auth.HashToken(token), Link: link, TTL: time.Hour})
	old := ts.browser(t)
	page := old.get("/account/link/" + token)
	if !strings.Contains(page.Body, "Logga in med Regionkontot med den adressen") || strings.Contains(page.Body, `type="password"`) {
		t.Errorf("invitation page with passwords off: %s", page.Body)
	}
	res = old.postForm("/accessibility", "/account/link/"+token, url.Values{"name": {"Gammal Länk"},
		"password": {"ett långt lösenord här"}, "confirm": {"ett långt lösenord här"}})
	if res.Status != http.StatusSeeOther || res.Location != "/login" || old.signedIn() {
		t.Errorf("old invitation link with passwords off: %d → %q", res.Status, res.Location)
	}
}

// The e-mail address (or the roles) may come only in the userinfo answer,
// as with Entra ID without optional claims.
func TestSSOClaimsFromUserinfo(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, nil)
	ts.withUser(t, "anna@example.se", "ett långt lösenord här", domain.RoleFacilitator)
	b := ts.browser(t)
	p.Next(ssotest.User{Email: "anna@example.se", InUserinfoOnly: []string{"email"}})
	if res := b.ssoSignIn(nil, nil); res.Status != http.StatusSeeOther || !b.signedIn() {
		t.Errorf("e-mail from userinfo: %d %s", res.Status, res.Body)
	}
}

func TestLocalPasswordsOff(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, func(_ *sso.Config, cfg *web.Config) { cfg.Passwords = web.PasswordsOff })
	b := ts.browser(t)

	// Break-glass for a new installation: the setup link still makes the
	// first administrator, who is logged in at once.
	res := b.postForm("/setup/"+setupToken, "/setup/"+setupToken, url.Values{"email": {adminEmail},
		"name": {"Första Administratören"}, "password": {adminPassword}})
	if res.Status != http.StatusSeeOther || !b.signedIn() {
		t.Fatalf("setup with passwords off: %d %s", res.Status, res.Body)
	}

	// The login page offers the provider only; a password is refused, even the right one.
	other := ts.browser(t)
	page := other.get("/login")
	if !strings.Contains(page.Body, `href="/login/oidc"`) || !strings.Contains(page.Body, "Logga in med Regionkontot") ||
		strings.Contains(page.Body, `type="password"`) {
		t.Errorf("login page with passwords off: %s", page.Body)
	}
	// (The login page has no form to take a token from; any page's does.)
	res = other.postForm("/accessibility", "/login", url.Values{"email": {adminEmail}, "password": {adminPassword}})
	if res.Status != http.StatusForbidden || !strings.Contains(res.Body, "Inloggning med lösenord är avstängd") || other.signedIn() {
		t.Errorf("password with passwords off: %d", res.Status)
	}
}

func TestBreakGlassForAdministrators(t *testing.T) {
	p := startProvider(t, ssotest.Options{})
	ts := ssoServer(t, p, func(_ *sso.Config, cfg *web.Config) { cfg.Passwords = web.PasswordsAdmins })
	ts.withAdmin(t)
	ts.withUser(t, "anna@example.se", "ett långt lösenord här", domain.RoleFacilitator)

	page := ts.browser(t).get("/login")
	if !strings.Contains(page.Body, "Nödinloggning för administratörer") || !strings.Contains(page.Body, `type="password"`) ||
		!strings.Contains(page.Body, "Logga in med Regionkontot") {
		t.Errorf("login page in break-glass: %s", page.Body)
	}
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	if !admin.signedIn() {
		t.Errorf("the administrator's password does not work")
	}
	// Anyone else's right password is answered as a wrong one.
	anna := ts.browser(t)
	res := anna.postForm("/login", "/login", url.Values{"email": {"anna@example.se"}, "password": {"ett långt lösenord här"}})
	if res.Status != http.StatusUnauthorized || !strings.Contains(res.Body, "Fel e-postadress eller lösenord") || anna.signedIn() {
		t.Errorf("a processledare's password in break-glass: %d", res.Status)
	}
}

func TestPasswordsOffNeedsAProvider(t *testing.T) {
	store := testutil.MustOpenStoreWith(t, storage.Options{})
	for _, pw := range []web.Passwords{web.PasswordsOff, web.PasswordsAdmins} {
		if _, err := web.New(web.Config{Passwords: pw}, store, nil, live.NewHub()); err == nil {
			t.Errorf("passwords %v without a provider: no error", pw)
		}
	}
}
