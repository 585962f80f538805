// Package remiss holds the rules of a consultation as writer commands: who
// may answer, until when, what a valid response is, and which live changes
// that produces. Submitted versions are never changed: a new submission is
// a new version.
package remiss

import (
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
)

// clean normalises what a person typed (NFC, LF line ends, no control
// characters, trimmed) and checks its length. An empty result is allowed;
// callers that need text check for "" themselves.
func clean(s string, max int, field string) (string, *domain.Error) {
	s, ok := domain.NormalizeText(s)
	if !ok {
		return "", domain.Errorf(domain.KindInvalid, "text_invalid")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", domain.Errorf(domain.KindInvalid, "remiss_too_long", "field", field, "max", max, "length", n)
	}
	return s, nil
}

// cleanLine is clean for one-line fields: runs of white space become one space.
func cleanLine(s string, max int, field string) (string, *domain.Error) {
	s, err := clean(s, max, field)
	return strings.Join(strings.Fields(s), " "), err
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }
