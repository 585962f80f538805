package sense

import (
	"slices"
	"strings"
	"sync"
)

// A mention is something a text speaks of, for comparing texts: a concept of
// relatedWords ("c:landsbygd"), a broader concept reached through one
// ("b:kollektivtrafik" for "bussarna"), or, for a word no group knows, its
// stem ("w:bredband"). Word is what the text wrote for it, to explain a match.
type mention struct {
	key  string
	word string
}

// broad reports whether a mention is of a broader concept: it says less
// about what a text means than the words themselves.
func (x mention) broad() bool { return strings.HasPrefix(x.key, "b:") }

// unknown reports whether a mention is of a word no group knows.
func (x mention) unknown() bool { return strings.HasPrefix(x.key, "w:") }

// everyday reports whether a mention is of a concept of everyday.
func (x mention) everyday() bool { return !x.unknown() && everyday[x.key[2:]] }

// conceptIndex finds relatedWords' concepts in text.
type conceptIndex struct {
	names   []string  // concept → name
	above   [][]int32 // concept → its broader concepts, nearest first
	exact   map[string][]int32
	stems   map[string][]int32
	parts   map[string][]int32 // forms that count inside compounds
	heads   map[string]bool    // forms that count only as a compound's last part
	byStart map[string][]string
	phrases map[string][]phrase // first stem → phrases, longest first
	typos   *lexicon            // the groups' stems, for a word of six runes or more written with a slip
}

type phrase struct {
	stems    []string
	concepts []int32
}

// minStem is the shortest stem that stands for a word on its own: shorter
// Snowball stems ("res" for "resor", "bil" for "billigare") would join words
// that have nothing in common, so those words count by their written form.
const minStem = 4

var (
	conceptsOnce sync.Once
	concepts     *conceptIndex
)

func theConcepts() *conceptIndex {
	conceptsOnce.Do(func() { concepts = buildConcepts(append(slices.Clip(relatedWords), pointWords...)) })
	return concepts
}

func buildConcepts(groups []related) *conceptIndex {
	ix := &conceptIndex{
		exact: map[string][]int32{}, stems: map[string][]int32{}, parts: map[string][]int32{}, heads: map[string]bool{},
		byStart: map[string][]string{}, phrases: map[string][]phrase{}, typos: newLexicon(),
	}
	id := map[string]int32{}
	for _, g := range groups {
		if _, ok := id[g.concept]; !ok {
			id[g.concept] = int32(len(ix.names))
			ix.names = append(ix.names, g.concept)
		}
	}
	ix.above = make([][]int32, len(ix.names))
	parent := map[int32]int32{}
	for _, g := range groups {
		if g.broader != "" {
			b, ok := id[g.broader]
			if !ok {
				panic("sense: related group " + g.concept + " names an unknown broader concept " + g.broader)
			}
			parent[id[g.concept]] = b
		}
	}
	for c := range ix.above {
		seen := map[int32]bool{int32(c): true}
		for p, ok := parent[int32(c)]; ok && !seen[p]; p, ok = parent[p] {
			seen[p] = true
			ix.above[c] = append(ix.above[c], p)
		}
	}
	add := func(m map[string][]int32, key string, c int32) {
		for _, x := range m[key] {
			if x == c {
				return
			}
		}
		m[key] = append(m[key], c)
	}
	for _, g := range groups {
		c := id[g.concept]
		for _, w := range g.words {
			whole, head := strings.HasPrefix(w, "="), strings.HasPrefix(w, "-")
			toks := tokenize(strings.TrimLeft(w, "=-"))
			switch {
			case len(toks) == 0:
				continue
			case len(toks) > 1:
				p := phrase{concepts: []int32{c}}
				for _, t := range toks {
					p.stems = append(p.stems, t.stem)
				}
				ix.addPhrase(p)
				continue
			}
			t := toks[0]
			add(ix.exact, t.lower, c)
			if whole {
				continue
			}
			if n := len([]rune(t.stem)); n >= minStem && !head {
				add(ix.stems, t.stem, c)
				ix.typos.add(t.stem)
			}
			for _, k := range []string{t.lower, t.stem} {
				if len([]rune(k)) >= minPart {
					if _, known := ix.parts[k]; !known {
						start := prefixRunes(k, minPart)
						ix.byStart[start] = append(ix.byStart[start], k)
						ix.heads[k] = head
					}
					ix.heads[k] = ix.heads[k] && head
					add(ix.parts, k, c)
				}
			}
		}
	}
	return ix
}

func (ix *conceptIndex) addPhrase(p phrase) {
	list := ix.phrases[p.stems[0]]
	for i, q := range list {
		if strings.Join(q.stems, " ") == strings.Join(p.stems, " ") {
			list[i].concepts = append(list[i].concepts, p.concepts...)
			return
		}
	}
	list = append(list, p)
	for i := len(list) - 1; i > 0 && len(list[i].stems) > len(list[i-1].stems); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	ix.phrases[p.stems[0]] = list
}

// mentions lists what a text speaks of, each key once, in text order.
func (ix *conceptIndex) mentions(toks []token) []mention {
	var out []mention
	seen := map[string]bool{}
	emit := func(key, word string) {
		if !seen[key] {
			seen[key] = true
			out = append(out, mention{key: key, word: word})
		}
	}
	concept := func(c int32, word string) {
		emit("c:"+ix.names[c], word)
		for _, b := range ix.above[c] {
			emit("b:"+ix.names[b], word)
		}
	}
	for i := 0; i < len(toks); {
		if n, cs := ix.phraseAt(toks, i); n > 0 {
			words := make([]string, n)
			for k := range words {
				words[k] = toks[i+k].surface
			}
			for _, c := range cs {
				concept(c, strings.Join(words, " "))
			}
			i += n
			continue
		}
		t := toks[i]
		i++
		if !t.content() {
			continue
		}
		cs, whole := ix.lookup(t)
		for _, c := range cs {
			concept(c, t.surface)
		}
		if !whole && !vagueWords[t.lower] && !plainVague[t.lower] {
			emit("w:"+t.stem, t.surface)
		}
	}
	return out
}

// phraseAt returns the length and concepts of the longest phrase starting at
// token i, or 0.
func (ix *conceptIndex) phraseAt(toks []token, i int) (int, []int32) {
	for _, p := range ix.phrases[toks[i].stem] {
		if i+len(p.stems) > len(toks) {
			continue
		}
		match := true
		for k, s := range p.stems {
			if toks[i+k].stem != s {
				match = false
				break
			}
		}
		if match {
			return len(p.stems), p.concepts
		}
	}
	return 0, nil
}

// lookup returns a word's concepts, and whether they say all the word says:
// true when the word is in a group (written so, by its stem, or one slip
// away), or made of known parts with at most a linking "s" and an ending
// left over ("sjukhuset", "tandvårdsbussen"); false when a part of the word
// is unknown ("bygdegårdstaket" is bygdegård and something more).
func (ix *conceptIndex) lookup(t token) ([]int32, bool) {
	if cs := ix.exact[t.lower]; cs != nil {
		return cs, true
	}
	if cs := ix.stems[t.stem]; cs != nil {
		return cs, true
	}
	var out []int32
	spans, left := ix.compoundParts(t.lower)
	for _, s := range spans {
		out = append(out, ix.parts[s.key]...)
	}
	if out != nil {
		return out, left <= maxEnding
	}
	var near []string
	for _, s := range ix.typos.nearest(t.stem) {
		if oneEdit(t.stem, s) || plainLetters(s) == t.stem {
			near = append(near, s)
		}
	}
	if len(near) != 1 {
		return nil, false
	}
	return ix.stems[near[0]], true
}

// oneEdit reports whether a and b differ by one rune added, dropped or
// replaced, or two neighbours swapped. The lexicon's deletion index also
// offers words two edits apart ("istället" for "inställt"), which for
// concepts would join unrelated words.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > 1 {
		return false
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	if len(x) != len(y) {
		return string(x[i+1:]) == string(y[i:])
	}
	if i == len(x) {
		return false
	}
	if string(x[i+1:]) == string(y[i+1:]) {
		return true
	}
	return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
}

type span struct {
	from, to int
	key      string
}

// compoundParts returns the known forms inside a word that Swedish would
// build a compound of: at its start ("kultur" in "kulturbidragen"), at its
// end before an inflection ("buss" in "nattbussarna"), or, if five runes or
// longer, anywhere. A form inside a longer one found is left out ("vård" in
// "tandvård"). Left is how many runes of the word no part covers.
func (ix *conceptIndex) compoundParts(word string) (parts []span, left int) {
	rs := []rune(word)
	var found []span
	for i := 0; i+minPart <= len(rs); i++ {
		for _, k := range ix.byStart[string(rs[i:i+minPart])] {
			n := len([]rune(k))
			j := i + n
			if j > len(rs) || n == len(rs) || string(rs[i:j]) != k {
				continue
			}
			last := j >= len(rs)-maxEnding
			if ix.heads[k] && (i < minModifier || !last) {
				continue
			}
			if i == 0 || i >= minModifier && (n >= minInner || last) {
				found = append(found, span{i, j, k})
			}
		}
	}
	covered := make([]bool, len(rs))
	for _, a := range found {
		inside := false
		for _, b := range found {
			if b.from <= a.from && a.to <= b.to && b.to-b.from > a.to-a.from {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		for k := a.from; k < a.to; k++ {
			covered[k] = true
		}
		dup := false
		for _, p := range parts {
			dup = dup || p.key == a.key
		}
		if !dup {
			parts = append(parts, a)
		}
	}
	for _, c := range covered {
		if !c {
			left++
		}
	}
	return parts, left
}

const (
	// maxEnding is the longest inflection after a compound's last part
	// ("-arna" in "nattbussarna").
	maxEnding = 4
	// minModifier is the shortest first part of a compound: "appar" is not
	// in "tappar".
	minModifier = 3
)
