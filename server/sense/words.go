package sense

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Words counts the answers to a word question ("ord": one to three words
// each) for a word cloud. Answers that say the same words in any inflected
// form are one entry ("bemötande", "Bemötandet" and "bemötandet!" count
// together), and so are answers that differ only by stop words ("att
// lyssna" and "lyssna"); an answer of stop words only is counted by all its
// words. Each entry is shown as the answers write it most often, tidied
// (see label). Most frequent first, ties in Swedish alphabetical order, so a
// screen reader reads the cloud in the order of its weight.
func Words(texts []string) []Term {
	count := map[string]int{}
	forms := map[string]map[string]int{}
	for _, text := range texts {
		key := wordsKey(tokenize(text))
		l := label(text)
		if key == "" || l == "" {
			continue
		}
		if forms[key] == nil {
			forms[key] = map[string]int{}
		}
		forms[key][l]++
		count[key]++
	}
	mergeEndings(count, forms)
	col := collate.New(language.Swedish)
	out := make([]Term, 0, len(count))
	for key, n := range count {
		out = append(out, Term{Word: likeliest(forms[key], col), Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return col.CompareString(out[i].Word, out[j].Word) < 0
	})
	return out
}

// endings the Snowball stemmer leaves on some words ("förtroendet" keeps
// its -et, "mötesplats" loses an -s that "mötesplatser" keeps): a key that is
// another key plus one of them is the same word.
var endings = []string{"s", "t", "n", "e", "a", "et", "en", "er", "ar", "or", "na"}

// mergeEndings counts a key that is a shorter key (of at least four
// letters) plus an ending with that shorter key.
func mergeEndings(count map[string]int, forms map[string]map[string]int) {
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	// Shortest first, so a key is merged into a root that stays.
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		for _, e := range endings {
			base, ok := strings.CutSuffix(k, e)
			if !ok || utf8.RuneCountInString(base) < 4 || count[base] == 0 {
				continue
			}
			count[base] += count[k]
			for f, n := range forms[k] {
				forms[base][f] += n
			}
			delete(count, k)
			delete(forms, k)
			break
		}
	}
}

// wordsKey is what answers that count together share: the stems of their
// content words in order, or of all their words when none carries content.
func wordsKey(toks []token) string {
	var stems []string
	for _, t := range toks {
		if t.content() {
			stems = append(stems, t.stem)
		}
	}
	if len(stems) == 0 {
		for _, t := range toks {
			stems = append(stems, t.stem)
		}
	}
	return strings.Join(stems, " ")
}

// label is an answer as the cloud shows it: one space between words, no
// punctuation around the whole, and lower case, except in words that have a
// capital after their first letter ("VGR", "IOP-avtal"): phones capitalise
// the first letter by themselves, people write acronyms on purpose.
func label(text string) string {
	text = norm.NFKC.String(text)
	text = strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	words := strings.Fields(text)
	for i, w := range words {
		_, first := utf8.DecodeRuneInString(w)
		if strings.ToLower(w[first:]) == w[first:] {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// likeliest is the form the answers use most; on a tie the shorter ("lyssna"
// rather than "att lyssna"), then the alphabetically first.
func likeliest(forms map[string]int, col *collate.Collator) string {
	best, n := "", 0
	for f, c := range forms {
		better := c > n
		if c == n {
			lf, lb := utf8.RuneCountInString(f), utf8.RuneCountInString(best)
			better = lf < lb || (lf == lb && col.CompareString(f, best) < 0)
		}
		if better {
			best, n = f, c
		}
	}
	return best
}
