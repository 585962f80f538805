package sso

import (
	"crypto/subtle"
	"errors"
	"net/mail"
	"slices"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
)

// Identity is who the provider says signed in.
type Identity struct {
	Subject string
	Email   string
	Name    string
	// Role is what the role claim gives, or "" (no mapping configured, or
	// no value of the claim is mapped).
	Role domain.Role
	// IDToken is the raw token, kept with the session as the hint for the
	// provider's sign-out.
	IDToken string
}

// rank orders the roles: a claim with several mapped values gives the highest.
var rank = map[domain.Role]int{domain.RoleReader: 1, domain.RoleFacilitator: 2, domain.RoleAdmin: 3}

// lacksClaims tells whether the e-mail or the role claim is missing.
func (p *Provider) lacksClaims(claims map[string]any) bool {
	if _, ok := lookup(claims, p.cfg.EmailClaim); !ok {
		return true
	}
	if p.cfg.RoleClaim != "" {
		if _, ok := lookup(claims, p.cfg.RoleClaim); !ok {
			return true
		}
	}
	return false
}

// identity reads the e-mail address, the name and the role from the claims.
func (p *Provider) identity(claims map[string]any) (Identity, error) {
	v, _ := lookup(claims, p.cfg.EmailClaim)
	email, _ := v.(string)
	email = strings.TrimSpace(email)
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		return Identity{}, p.fail(domain.KindUnauthorized, "sso_no_email", errors.New("no e-mail address in claim "+p.cfg.EmailClaim))
	}
	// email_verified speaks of the email claim only; when the provider
	// says the address is not confirmed, it may belong to someone else.
	if p.cfg.EmailClaim == "email" && isFalse(claims["email_verified"]) {
		return Identity{}, p.fail(domain.KindUnauthorized, "sso_no_email", errors.New("email_verified is false"))
	}
	id := Identity{Email: email, Name: nameOf(claims, email)}
	if p.cfg.RoleClaim != "" {
		v, _ := lookup(claims, p.cfg.RoleClaim)
		for _, value := range stringsOf(v) {
			for role, values := range p.cfg.RoleValues {
				if rank[role] > rank[id.Role] && slices.Contains(values, value) {
					id.Role = role
				}
			}
		}
	}
	return id, nil
}

// lookup finds a claim by its name, or else by a dotted path into nested
// objects (Keycloak's "realm_access.roles").
func lookup(claims map[string]any, name string) (any, bool) {
	if v, ok := claims[name]; ok {
		return v, true
	}
	var cur any = claims
	for _, part := range strings.Split(name, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// stringsOf reads a claim that is one string or a list of them.
func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// isFalse reads a boolean claim that some providers send as a string.
func isFalse(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case string:
		return strings.EqualFold(v, "false")
	}
	return false
}

// nameOf is the person's name as the provider gives it, or the part of the
// e-mail address before the @.
func nameOf(claims map[string]any, email string) string {
	if n, _ := claims["name"].(string); strings.TrimSpace(n) != "" {
		return n
	}
	given, _ := claims["given_name"].(string)
	family, _ := claims["family_name"].(string)
	if n := strings.TrimSpace(given + " " + family); n != "" {
		return n
	}
	local, _, _ := strings.Cut(email, "@")
	return local
}

// equalSecret compares two random values in constant time.
func equalSecret(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
