package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sso"
	"github.com/samrad-se/samrad/server/web"
)

func TestSSOFromEnvironment(t *testing.T) {
	// A closed local port: the look-up at start fails at once and only logs.
	t.Setenv("SAMRAD_OIDC_ISSUER", "http://127.0.0.1:1/realms/vgr")
	t.Setenv("SAMRAD_OIDC_CLIENT_ID", "samrad")
	t.Setenv("SAMRAD_OIDC_CLIENT_SECRET", "hemligt")
	t.Setenv("SAMRAD_OIDC_ROLE_CLAIM", "roles")
	t.Setenv("SAMRAD_OIDC_ADMIN_VALUES", "Samrad.Admin")
	t.Setenv("SAMRAD_OIDC_FACILITATOR_VALUES", " Samrad.Processledare , samrad-pl,")
	t.Setenv("SAMRAD_OIDC_SCOPES", "openid email profile roles")
	c := ssoFromEnv("https://samrad.example.se/")
	if c.RedirectURL != "https://samrad.example.se/login/oidc/callback" {
		t.Errorf("default redirect URL %q", c.RedirectURL)
	}
	want := map[domain.Role][]string{domain.RoleAdmin: {"Samrad.Admin"}, domain.RoleFacilitator: {"Samrad.Processledare", "samrad-pl"}}
	if !reflect.DeepEqual(c.RoleValues, want) || len(c.Scopes) != 4 {
		t.Errorf("role values %v, scopes %v", c.RoleValues, c.Scopes)
	}
	p, passwords, err := signIn(config{sso: c, passwords: "admins"})
	if err != nil || p == nil || passwords != web.PasswordsAdmins {
		t.Errorf("signIn: %v %v %v", p, passwords, err)
	}

	t.Setenv("SAMRAD_OIDC_ISSUER", "")
	if ssoFromEnv("https://samrad.example.se") != nil {
		t.Errorf("a provider without an issuer")
	}
}

func TestSignInRefusesUnsafeSettings(t *testing.T) {
	issuer := "http://127.0.0.1:1"
	cases := map[string]struct {
		cfg  config
		want string
	}{
		"PasswordsOffWithoutProvider": {config{passwords: "off"}, "only with SAMRAD_OIDC_ISSUER"},
		"BreakGlassWithoutProvider":   {config{passwords: "admins"}, "only with SAMRAD_OIDC_ISSUER"},
		"UnknownPasswordSetting":      {config{passwords: "nej"}, "use on, off or admins"},
		"NoRedirect": {config{sso: ssoFromEnvWith(t, issuer, "")},
			"needs SAMRAD_BASE_URL or SAMRAD_OIDC_REDIRECT_URL"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if _, _, err := signIn(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func ssoFromEnvWith(t *testing.T, issuer, baseURL string) *sso.Config {
	t.Setenv("SAMRAD_OIDC_ISSUER", issuer)
	return ssoFromEnv(baseURL)
}
