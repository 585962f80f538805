// Package auth holds the credentials logic that does not depend on HTTP:
// password hashing and checking, and random tokens for sessions and links.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"sync"
	"unicode/utf8"

	zxcvbn "github.com/ccojocar/zxcvbn-go"
	"golang.org/x/crypto/bcrypt"

	"github.com/samrad-se/samrad/server/domain"
)

// bcrypt reads at most 72 bytes; a longer password would silently match any
// password sharing its first 72 bytes, so refuse it instead.
const maxPasswordBytes = 72

// Cost is bcrypt's work factor for new hashes. Tests lower it: they check
// what the code does with passwords, not how hard the hashes are to crack.
var Cost = bcrypt.DefaultCost

// dummyHash is compared against when the user does not exist, so a login
// takes as long for an unknown e-mail as for a wrong password.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("samrad-timing-equaliser"), Cost)
	return h
})

// contextWords are guessed first by anyone attacking this service; a
// password built on them is refused.
var contextWords = []string{"samrad", "samråd", "vgr", "region", "västragötaland", "vastragotaland",
	"socialekonomi", "överenskommelse", "overenskommelse", "lösenord", "losenord", "password",
	"välkommen", "valkommen", "sommar", "vinter", "admin", "administratör"}

// minStrength is zxcvbn's "safely unguessable" level (0–4).
const minStrength = 3

// CheckPasswordRules follows NIST SP 800-63B: a minimum length, no
// composition rules, and a check against common and breached passwords,
// keyboard patterns, repetition and words tied to this service or the user
// (zxcvbn's dictionaries and pattern matchers). personal holds the user's
// own e-mail and name.
func CheckPasswordRules(pw string, personal ...string) error {
	if utf8.RuneCountInString(pw) < domain.MinPasswordRunes {
		return domain.Errorf(domain.KindInvalid, "password_too_short", "min", domain.MinPasswordRunes)
	}
	if len(pw) > maxPasswordBytes {
		return domain.Errorf(domain.KindInvalid, "password_too_long", "max", maxPasswordBytes)
	}
	inputs := append(append([]string{}, contextWords...), personal...)
	for _, p := range personal {
		// The parts of an e-mail address and a name are guessed one by one.
		inputs = append(inputs, strings.FieldsFunc(strings.ToLower(p), func(r rune) bool {
			return r == '@' || r == '.' || r == ' ' || r == '-' || r == '_'
		})...)
	}
	if zxcvbn.PasswordStrength(pw, inputs).Score < minStrength {
		return domain.Errorf(domain.KindInvalid, "password_common")
	}
	return nil
}

// HashPassword checks the rules and hashes the password.
func HashPassword(pw string, personal ...string) (string, error) {
	if err := CheckPasswordRules(pw, personal...); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), Cost)
	return string(h), err
}

// CheckPassword reports whether pw matches hash. An empty hash (unknown
// user) still costs one bcrypt comparison.
func CheckPassword(hash, pw string) bool {
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(dummyHash(), []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// NewToken returns 256 random bits, URL-safe.
func NewToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is what is stored for a token, so the database alone cannot be
// used to log in.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
