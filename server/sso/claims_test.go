package sso

import (
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

func TestIdentityFromClaims(t *testing.T) {
	roles := map[domain.Role][]string{domain.RoleAdmin: {"samrad-admin"}, domain.RoleFacilitator: {"samrad-pl", "Processledare"},
		domain.RoleReader: {"samrad-läsare"}}
	cases := []struct {
		name       string
		emailClaim string
		roleClaim  string
		claims     map[string]any
		want       Identity
		wantErr    string
	}{
		{name: "EmailAndName", claims: map[string]any{"email": " anna@example.se ", "name": "Anna Andersson"},
			want: Identity{Email: "anna@example.se", Name: "Anna Andersson"}},
		{name: "NameFromParts", claims: map[string]any{"email": "anna@example.se", "given_name": "Anna", "family_name": "Andersson"},
			want: Identity{Email: "anna@example.se", Name: "Anna Andersson"}},
		{name: "NameFromAddress", claims: map[string]any{"email": "anna.a@example.se", "name": "  "},
			want: Identity{Email: "anna.a@example.se", Name: "anna.a"}},
		{name: "Verified", claims: map[string]any{"email": "anna@example.se", "email_verified": true},
			want: Identity{Email: "anna@example.se", Name: "anna"}},
		{name: "NotVerified", claims: map[string]any{"email": "anna@example.se", "email_verified": false}, wantErr: "sso_no_email"},
		{name: "NotVerifiedAsString", claims: map[string]any{"email": "anna@example.se", "email_verified": "false"}, wantErr: "sso_no_email"},
		{name: "NoEmail", claims: map[string]any{"name": "Anna"}, wantErr: "sso_no_email"},
		{name: "NotAnAddress", claims: map[string]any{"email": "Anna <anna@example.se>"}, wantErr: "sso_no_email"},
		// email_verified speaks of "email", not of the claim configured instead.
		{name: "OtherEmailClaim", emailClaim: "preferred_username",
			claims: map[string]any{"preferred_username": "anna@example.se", "email_verified": false},
			want:   Identity{Email: "anna@example.se", Name: "anna"}},
		{name: "RoleList", roleClaim: "roles", claims: map[string]any{"email": "a@example.se", "roles": []any{"x", "samrad-pl"}},
			want: Identity{Email: "a@example.se", Name: "a", Role: domain.RoleFacilitator}},
		{name: "HighestRole", roleClaim: "roles",
			claims: map[string]any{"email": "a@example.se", "roles": []any{"samrad-läsare", "samrad-admin", "Processledare"}},
			want:   Identity{Email: "a@example.se", Name: "a", Role: domain.RoleAdmin}},
		{name: "RoleString", roleClaim: "role", claims: map[string]any{"email": "a@example.se", "role": "samrad-läsare"},
			want: Identity{Email: "a@example.se", Name: "a", Role: domain.RoleReader}},
		{name: "ValuesAreExact", roleClaim: "roles", claims: map[string]any{"email": "a@example.se", "roles": []any{"processledare", "samrad-admin-x"}},
			want: Identity{Email: "a@example.se", Name: "a"}},
		{name: "KeycloakRealmRoles", roleClaim: "realm_access.roles",
			claims: map[string]any{"email": "a@example.se", "realm_access": map[string]any{"roles": []any{"samrad-pl"}}},
			want:   Identity{Email: "a@example.se", Name: "a", Role: domain.RoleFacilitator}},
		{name: "DottedNameFirst", roleClaim: "https://samrad.example.se/roles",
			claims: map[string]any{"email": "a@example.se", "https://samrad.example.se/roles": []any{"samrad-admin"}},
			want:   Identity{Email: "a@example.se", Name: "a", Role: domain.RoleAdmin}},
		{name: "NoRoleClaim", roleClaim: "roles", claims: map[string]any{"email": "a@example.se"},
			want: Identity{Email: "a@example.se", Name: "a"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{Issuer: "https://idp.example.se", ClientID: "samrad", ClientSecret: "s",
				RedirectURL: "https://samrad.example.se/login/oidc/callback", EmailClaim: tc.emailClaim, RoleClaim: tc.roleClaim}
			if tc.roleClaim != "" {
				cfg.RoleValues = roles
			}
			p, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.identity(tc.claims)
			if tc.wantErr != "" {
				if e := domain.AsError(err); e.Code != tc.wantErr || e.Params["provider"] != "idp.example.se" {
					t.Errorf("error %v, want %s naming the provider", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("identity %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestConfig(t *testing.T) {
	ok := Config{Issuer: "https://idp.example.se/realms/vgr", ClientID: "samrad", ClientSecret: "s",
		RedirectURL: "https://samrad.example.se/login/oidc/callback"}
	p, err := New(ok)
	if err != nil {
		t.Fatal(err)
	}
	if p.Origin() != "https://idp.example.se" || p.PostLogoutURL() != "https://samrad.example.se/" || p.Name() != "idp.example.se" {
		t.Errorf("origin %q, post-logout %q, name %q", p.Origin(), p.PostLogoutURL(), p.Name())
	}
	if got := p.cfg.Scopes; len(got) != 3 || got[0] != "openid" {
		t.Errorf("default scopes %v", got)
	}
	bad := map[string]func(*Config){
		"NoIssuer":          func(c *Config) { c.Issuer = "" },
		"NoSecret":          func(c *Config) { c.ClientSecret = "" },
		"RelativeRedirect":  func(c *Config) { c.RedirectURL = "/login/oidc/callback" },
		"IssuerNotHTTP":     func(c *Config) { c.Issuer = "idp.example.se" },
		"ClaimWithoutRoles": func(c *Config) { c.RoleClaim = "roles" },
		"RolesWithoutClaim": func(c *Config) { c.RoleValues = map[domain.Role][]string{domain.RoleAdmin: {"a"}} },
		"UnknownRole": func(c *Config) {
			c.RoleClaim = "roles"
			c.RoleValues = map[domain.Role][]string{"superuser": {"a"}}
		},
	}
	for name, change := range bad {
		c := ok
		change(&c)
		if _, err := New(c); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
