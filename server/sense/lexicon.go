package sense

import (
	"strings"
	"unicode/utf8"
)

// lexicon holds the stems the model knows a theme by (keywords and words of
// placed answers), so that it can find them inside Swedish compounds and
// under a typo. Each stem is reference-counted: placing and unplacing answers
// adds and removes their words.
type lexicon struct {
	refs    map[string]int
	byStart map[string][]string // first minPart runes → stems starting so
	deletes map[string][]string // a stem with one rune deleted → stems
	plain   map[string][]string // a stem with å, ä and ö written a, a, o → stems
}

const (
	minPart  = 4 // shortest stem looked for inside a longer word ("buss", "tand")
	minInner = 5 // shortest stem looked for after the first letter ("trafik" in "kollektivtrafiken")
	minTypo  = 6 // shortest word that may carry a typo ("habbilitering")
	minRest  = 3 // fewest runes a compound's first part leaves of the word's stem: "till" is not in "tillit"
)

func newLexicon() *lexicon {
	return &lexicon{refs: map[string]int{}, byStart: map[string][]string{}, deletes: map[string][]string{}, plain: map[string][]string{}}
}

func (l *lexicon) add(stem string) {
	if len([]rune(stem)) < minPart {
		return
	}
	l.refs[stem]++
	if l.refs[stem] > 1 {
		return
	}
	k := prefixRunes(stem, minPart)
	l.byStart[k] = append(l.byStart[k], stem)
	if len([]rune(stem)) >= minTypo-1 {
		for _, d := range oneDeleted(stem) {
			l.deletes[d] = append(l.deletes[d], stem)
		}
	}
	if p := plainLetters(stem); p != stem {
		l.plain[p] = append(l.plain[p], stem)
	}
}

func (l *lexicon) remove(stem string) {
	n, ok := l.refs[stem]
	if !ok {
		return
	}
	if n > 1 {
		l.refs[stem] = n - 1
		return
	}
	delete(l.refs, stem)
	k := prefixRunes(stem, minPart)
	l.byStart[k] = without(l.byStart[k], stem)
	if len(l.byStart[k]) == 0 {
		delete(l.byStart, k)
	}
	if len([]rune(stem)) >= minTypo-1 {
		for _, d := range oneDeleted(stem) {
			l.deletes[d] = without(l.deletes[d], stem)
			if len(l.deletes[d]) == 0 {
				delete(l.deletes, d)
			}
		}
	}
	if p := plainLetters(stem); p != stem {
		l.plain[p] = without(l.plain[p], stem)
		if len(l.plain[p]) == 0 {
			delete(l.plain, p)
		}
	}
}

func (l *lexicon) has(stem string) bool { return l.refs[stem] > 0 }

// parts returns the known stems inside a word, longest first at each place,
// leaving out any stem that lies inside a longer one found ("vård" is not
// reported for "tandvårdsstödet" once "tandvård" is). Swedish puts the head
// of a compound last and links parts with -s-, so "tandvård" is found in
// "tandvårdsstödet" and "trafik" in "kollektivtrafiken". A stem found after
// the first letter must be at least minInner runes, since short ones turn up
// by chance inside unrelated words.
func (l *lexicon) parts(word, stem string) []string {
	rs := []rune(word)
	stemLen := len([]rune(stem))
	type span struct {
		from, to int
		stem     string
	}
	var found []span
	for i := 0; i+minPart <= len(rs); i++ {
		for _, s := range l.byStart[string(rs[i:i+minPart])] {
			n := len([]rune(s))
			if n == len(rs) || i+n > len(rs) || (i > 0 && n < minInner) || (i == 0 && n < stemLen && stemLen-n < minRest) {
				continue
			}
			if string(rs[i:i+n]) == s {
				found = append(found, span{i, i + n, s})
			}
		}
	}
	var out []string
	for _, a := range found {
		inside := false
		for _, b := range found {
			if b.from <= a.from && a.to <= b.to && b.to-b.from > a.to-a.from {
				inside = true
				break
			}
		}
		if !inside && !contains(out, a.stem) {
			out = append(out, a.stem)
		}
	}
	return out
}

// nearest returns the known stems one typing slip away from an unknown word
// (a letter doubled, dropped, swapped or replaced), found through the
// deletion index rather than by comparing against every stem.
func (l *lexicon) nearest(stem string) []string {
	if l.has(stem) {
		return nil
	}
	var out []string
	add := func(cands []string) {
		for _, c := range cands {
			if c != stem && !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	add(l.plain[stem])
	if len([]rune(stem)) < minTypo {
		return out
	}
	add(l.deletes[stem])
	// Each word with one rune deleted, written into one buffer: a lookup
	// with string(buf) allocates nothing, and this runs for every unknown
	// word of every answer.
	buf := make([]byte, 0, len(stem))
	for i := range stem {
		_, n := utf8.DecodeRuneInString(stem[i:])
		buf = append(append(buf[:0], stem[:i]...), stem[i+n:]...)
		if l.refs[string(buf)] > 0 {
			add([]string{string(buf)})
		}
		add(l.deletes[string(buf)])
	}
	return out
}

// plainLetters writes å, ä and ö as a phone without a Swedish keyboard
// does, a, a and o: "folktandvarden" is "folktandvården".
func plainLetters(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'å', 'ä':
			return 'a'
		case 'ö':
			return 'o'
		}
		return r
	}, s)
}

func oneDeleted(s string) []string {
	rs := []rune(s)
	out := make([]string, 0, len(rs))
	for i := range rs {
		d := string(rs[:i]) + string(rs[i+1:])
		if !contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

func prefixRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) < n {
		return s
	}
	return string(rs[:n])
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func without(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
