// Package i18n holds every user-facing string, one catalogue per language, so
// a language can be added by adding a file. Swedish is the default and the
// reference: a key missing in another language falls back to Swedish.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

//go:embed *.json
var files embed.FS

const Default = "sv"

var catalogues = map[string]map[string]string{}

func init() {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		lang := strings.TrimSuffix(e.Name(), ".json")
		body, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		cat := map[string]string{}
		if err := json.Unmarshal(body, &cat); err != nil {
			panic(fmt.Sprintf("i18n %s: %v", e.Name(), err))
		}
		catalogues[lang] = cat
	}
	if catalogues[Default] == nil {
		panic("i18n: no Swedish catalogue")
	}
}

// Has reports whether a language has a catalogue.
func Has(lang string) bool { return catalogues[lang] != nil }

// Lookup returns the raw text for key, or "" if no catalogue has it.
func Lookup(lang, key string) string {
	if s, ok := catalogues[lang][key]; ok {
		return s
	}
	return catalogues[Default][key]
}

// T returns the text for key with {placeholders} filled from params
// (key/value pairs). A missing key shows as the key itself, so it is noticed.
func T(lang, key string, params ...any) string {
	s := Lookup(lang, key)
	if s == "" {
		return key
	}
	for i := 0; i+1 < len(params); i += 2 {
		s = strings.ReplaceAll(s, "{"+fmt.Sprint(params[i])+"}", Format(lang, params[i+1]))
	}
	return s
}

// TMap is T with the parameters in a map, as domain errors carry them.
func TMap(lang, key string, params map[string]any) string {
	list := make([]any, 0, 2*len(params))
	for k, v := range params {
		list = append(list, k, v)
	}
	return T(lang, key, list...)
}

// Format writes numbers the Swedish way: a no-break space between thousands.
func Format(lang string, v any) string {
	switch n := v.(type) {
	case int:
		return groupThousands(strconv.Itoa(n), lang)
	case int64:
		return groupThousands(strconv.FormatInt(n, 10), lang)
	default:
		return fmt.Sprint(v)
	}
}

func groupThousands(digits, lang string) string {
	sep := "\u00a0"
	if lang == "en" {
		sep = ","
	}
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Subset returns the strings whose keys start with one of prefixes, for a
// page's scripts.
func Subset(lang string, prefixes ...string) map[string]string {
	out := map[string]string{}
	for _, cat := range []map[string]string{catalogues[Default], catalogues[lang]} {
		for k, v := range cat {
			for _, p := range prefixes {
				if strings.HasPrefix(k, p) {
					out[k] = v
				}
			}
		}
	}
	return out
}
