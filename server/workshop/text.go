// Package workshop holds the rules of a workshop as writer commands: what may
// be changed, by whom, in which state, and which live changes that produces.
package workshop

import (
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
)

// cleanText normalises what a person typed (domain.NormalizeText) and
// checks it against a length limit. field names the message code:
// "<field>_required", "<field>_too_long".
func cleanText(s string, max int, field string) (string, error) {
	s, ok := domain.NormalizeText(s)
	if !ok {
		return "", domain.Errorf(domain.KindInvalid, "text_invalid")
	}
	if s == "" {
		return "", domain.Errorf(domain.KindInvalid, field+"_required")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", domain.Errorf(domain.KindInvalid, field+"_too_long", "max", max, "length", n)
	}
	return s, nil
}

// cleanLine is cleanText for one-line fields such as names.
func cleanLine(s string, max int, field string) (string, error) {
	s, err := cleanText(s, max, field)
	return strings.Join(strings.Fields(s), " "), err
}

// ParseID accepts only the canonical lowercase form of a UUID, so one input
// can never be stored twice under two spellings of its id.
func ParseID(s string) (string, error) {
	u, err := uuid.Parse(s)
	if err != nil || u.String() != s {
		return "", domain.Errorf(domain.KindInvalid, "id_invalid")
	}
	return s, nil
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }
