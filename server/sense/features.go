package sense

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A feature is what the classifier counts: a word stem ("w:tandvård") or a
// character n-gram of a word ("g:ndvå"). Stems carry the meaning; n-grams
// catch what stemming misses (a typo, an unknown compound, a dialect
// spelling) and so weigh less.
type channel uint8

const (
	chWord channel = iota
	chGram
	channels
)

// gramSize is the length of the character n-grams. Four letters is about a
// Swedish syllable and a half: long enough to be specific, short enough that
// "tandvård" and "tandvårdsstödet" share most of theirs.
const gramSize = 4

// occurrence is one feature of a text and the word that gave it, so that a
// suggestion can name the words that led to it.
type occurrence struct {
	key  string
	ch   channel
	word int // index into the text's tokens
}

// storedFeatures are the features kept for an answer: its own stems and
// n-grams, each once. They do not depend on the themes, so an answer is
// analysed once when it arrives. This runs for every answer on its way in,
// and what it leaves behind is what the garbage collector, running beside
// the writer, must clear: all keys are written into one buffer and sliced
// from one string, and repeats are found by sorting, not with a map. The
// model copies a key when it first keeps it (Model.feat), so the buffer
// does not outlive the answer's way in.
func storedFeatures(toks []token) []occurrence {
	type span struct {
		from, to int32
		ch       channel
		word     int32
	}
	spans := make([]span, 0, 8*len(toks))
	var buf []byte
	for i, t := range toks {
		if !t.content() {
			continue
		}
		from := len(buf)
		buf = append(append(buf, "w:"...), t.stem...)
		spans = append(spans, span{int32(from), int32(len(buf)), chWord, int32(i)})
		// The word between "<" and ">", as runes, in n-grams of gramSize.
		rs := make([]rune, 0, len(t.lower)+2)
		rs = append(append(append(rs, '<'), []rune(t.lower)...), '>')
		for j := 0; j == 0 || j+gramSize <= len(rs); j++ {
			from := len(buf)
			buf = append(buf, "g:"...)
			for _, r := range rs[j:min(j+gramSize, len(rs))] {
				buf = utf8.AppendRune(buf, r)
			}
			spans = append(spans, span{int32(from), int32(len(buf)), chGram, int32(i)})
		}
	}
	all := string(buf)
	key := func(s span) string { return all[s.from:s.to] }
	// Keep each key's first occurrence, in text order.
	order := make([]int32, len(spans))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(key(spans[a]), key(spans[b])) })
	repeat := make([]bool, len(spans))
	for k := 1; k < len(order); k++ {
		if key(spans[order[k]]) == key(spans[order[k-1]]) {
			repeat[order[k]] = true
		}
	}
	out := make([]occurrence, 0, len(spans))
	for i, s := range spans {
		if !repeat[i] {
			out = append(out, occurrence{key: key(s), ch: s.ch, word: int(s.word)})
		}
	}
	return out
}

// queryFeatures returns what a text brings besides its own features: the
// known stems found inside its compounds and the known stems its misspelt
// words were meant to be, each once and none the text has already.
func queryFeatures(toks []token, lex *lexicon) []occurrence {
	var out []occurrence
	has := func(stem string) bool {
		for _, t := range toks {
			if t.stem == stem && t.content() {
				return true
			}
		}
		for _, o := range out {
			if o.key[2:] == stem {
				return true
			}
		}
		return false
	}
	for i, t := range toks {
		if !t.content() {
			continue
		}
		extra := lex.parts(t.lower, t.stem)
		if !lex.has(t.stem) {
			extra = append(extra, lex.nearest(t.stem)...)
		}
		for _, s := range extra {
			if !has(s) {
				out = append(out, occurrence{key: "w:" + s, ch: chWord, word: i})
			}
		}
	}
	return out
}
