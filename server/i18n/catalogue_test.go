package i18n

import (
	"regexp"
	"slices"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Every language must say everything Swedish says, with the same
// placeholders: a missing key would silently fall back to Swedish, and a
// missing placeholder would drop a number from a sentence.
func TestCataloguesMatch(t *testing.T) {
	ref := catalogues[Default]
	if len(Languages()) < 2 {
		t.Fatal("only one language")
	}
	for _, lang := range Languages()[1:] {
		cat := catalogues[lang]
		for key, sv := range ref {
			other, ok := cat[key]
			if !ok {
				t.Errorf("%s: key %q is missing", lang, key)
				continue
			}
			if other == "" {
				t.Errorf("%s: key %q is empty", lang, key)
			}
			want, got := placeholders(sv), placeholders(other)
			if !slices.Equal(want, got) {
				t.Errorf("%s: key %q has placeholders %v, Swedish has %v", lang, key, got, want)
			}
		}
		for key := range cat {
			if _, ok := ref[key]; !ok {
				t.Errorf("%s: key %q is not in the Swedish catalogue", lang, key)
			}
		}
	}
}

func placeholders(s string) []string {
	found := placeholder.FindAllString(s, -1)
	slices.Sort(found)
	return slices.Compact(found)
}

func TestMatch(t *testing.T) {
	for header, want := range map[string]string{
		"":                               "sv",
		"en-US,en;q=0.9":                 "en",
		"en-GB":                          "en",
		"sv-SE,sv;q=0.9,en;q=0.8":        "sv",
		"de-DE,de;q=0.9":                 "sv",
		"de-DE,en;q=0.5":                 "en",
		"fr;q=0.9, en;q=0.1, sv;q=0.5":   "sv",
		"not a header at all;;;q=banana": "sv",
	} {
		if got := Match(header); got != want {
			t.Errorf("Match(%q) = %q, want %q", header, got, want)
		}
	}
}

func TestEnglishFormats(t *testing.T) {
	if got := Date("en", "2026-03-15"); got != "15 March 2026" {
		t.Errorf("Date = %q", got)
	}
	if got := Date("sv", "2026-03-15"); got != "15 mars 2026" {
		t.Errorf("Date = %q", got)
	}
	if got := Format("en", 12345); got != "12,345" {
		t.Errorf("Format = %q", got)
	}
	if got := Format("sv", 12345); got != "12\u00a0345" {
		t.Errorf("Format = %q", got)
	}
}
