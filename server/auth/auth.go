// Package auth holds the credentials logic that does not depend on HTTP:
// password hashing and checking, and random tokens for sessions and links.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/samrad-se/samrad/server/domain"
)

// bcrypt reads at most 72 bytes; a longer password would silently match any
// password sharing its first 72 bytes, so refuse it instead.
const maxPasswordBytes = 72

// dummyHash is compared against when the user does not exist, so a login
// takes as long for an unknown e-mail as for a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("samrad-timing-equaliser"), bcrypt.DefaultCost)

// CheckPasswordRules applies length rules (NIST SP 800-63B: length matters,
// composition rules do not).
func CheckPasswordRules(pw string) error {
	if utf8.RuneCountInString(pw) < domain.MinPasswordRunes {
		return domain.Errorf(domain.KindInvalid, "password_too_short", "min", domain.MinPasswordRunes)
	}
	if len(pw) > maxPasswordBytes {
		return domain.Errorf(domain.KindInvalid, "password_too_long", "max", maxPasswordBytes)
	}
	return nil
}

func HashPassword(pw string) (string, error) {
	if err := CheckPasswordRules(pw); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(h), err
}

// CheckPassword reports whether pw matches hash. An empty hash (unknown
// user) still costs one bcrypt comparison.
func CheckPassword(hash, pw string) bool {
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(pw))
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
