package i18n

import (
	"sort"
	"sync"

	"golang.org/x/text/language"
)

// Languages lists the languages that have a catalogue, the default first.
func Languages() []string {
	out := []string{Default}
	var rest []string
	for lang := range catalogues {
		if lang != Default {
			rest = append(rest, lang)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// matcher is built on first use: package variables are set before init()
// has read the catalogues.
var matcher = sync.OnceValue(func() language.Matcher {
	var tags []language.Tag
	for _, lang := range Languages() {
		tags = append(tags, language.MustParse(lang))
	}
	return language.NewMatcher(tags)
})

// Match picks the language for an Accept-Language header. x/text weighs the
// q-values and regional variants ("en-US" is English); a browser asking only
// for languages we lack gets the default, Swedish.
func Match(acceptLanguage string) string {
	if acceptLanguage == "" {
		return Default
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return Default
	}
	_, index, confidence := matcher().Match(tags...)
	if confidence == language.No {
		return Default
	}
	return Languages()[index]
}
