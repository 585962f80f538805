package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeText is how every text a person types is kept: NFC, so "å" is
// one character however the device composed it; CRLF as LF; control
// characters other than newline and tab dropped; surrounding space trimmed.
// ok is false when s is not valid UTF-8.
func NormalizeText(s string) (text string, ok bool) {
	if !utf8.ValidString(s) {
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
	return strings.TrimSpace(s), true
}
