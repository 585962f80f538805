package sense

import (
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Term is a key term of a set of texts.
type Term struct {
	Word  string // the form the texts use most, lower-cased ("föreningar")
	Count int    // how many of the texts use the word in any inflected form
}

// KeyTerms counts the content words of texts, for a word cloud: stop words
// left out, inflected forms counted together ("förening", "föreningar" and
// "föreningarna" are one term), each counted once per text and shown in its
// most common written form. Most frequent first, ties in Swedish alphabetical
// order; at most limit terms (all with limit <= 0). It needs no model.
func KeyTerms(texts []string, limit int) []Term {
	count := map[string]int{}
	forms := map[string]map[string]int{}
	for _, text := range texts {
		seen := map[string]bool{}
		for _, t := range tokenize(text) {
			if !t.content() {
				continue
			}
			if forms[t.stem] == nil {
				forms[t.stem] = map[string]int{}
			}
			forms[t.stem][t.lower]++
			if !seen[t.stem] {
				seen[t.stem] = true
				count[t.stem]++
			}
		}
	}
	col := collate.New(language.Swedish)
	out := make([]Term, 0, len(count))
	for stem, n := range count {
		out = append(out, Term{Word: commonest(forms[stem], col), Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return col.CompareString(out[i].Word, out[j].Word) < 0
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// commonest is the most used form, the alphabetically first on a tie.
func commonest(forms map[string]int, col *collate.Collator) string {
	best, n := "", 0
	for f, c := range forms {
		if c > n || (c == n && col.CompareString(f, best) < 0) {
			best, n = f, c
		}
	}
	return strings.TrimSpace(best)
}
