package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeText is how every text a person types is kept: NFC, so "å" is
// one character however the device composed it; CRLF as LF; control
// characters other than newline and tab dropped; surrounding space trimmed;
// a text with nothing visible in it (only spaces, zero-width characters) is
// empty. ok is false when s cannot be what a person typed: not UTF-8, or
// holding NUL or U+FFFD (what a decoder leaves of broken text, such as a
// lone surrogate in JSON); such text is refused, not silently altered.
func NormalizeText(s string) (text string, ok bool) {
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || strings.ContainsRune(s, utf8.RuneError) {
		return "", false
	}
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if strings.IndexFunc(s, visible) < 0 {
		return "", true
	}
	return s, true
}

// visible: a character that shows, unlike spaces and format characters
// (zero-width space and joiners, bidi marks, soft hyphen: not graphic).
func visible(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) }
