package sense

import "unicode/utf8"

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
// analysed once when it arrives. Keys are built in one buffer and become
// strings only when new: this runs for every answer, on the answer's way in.
func storedFeatures(toks []token) []occurrence {
	out := make([]occurrence, 0, 8*len(toks))
	seen := make(map[string]struct{}, 8*len(toks))
	var buf []byte
	add := func(ch channel, i int) {
		if _, ok := seen[string(buf)]; ok {
			return
		}
		key := string(buf)
		seen[key] = struct{}{}
		out = append(out, occurrence{key: key, ch: ch, word: i})
	}
	for i, t := range toks {
		if !t.content() {
			continue
		}
		buf = append(append(buf[:0], "w:"...), t.stem...)
		add(chWord, i)
		rs := []rune("<" + t.lower + ">")
		for j := 0; j == 0 || j+gramSize <= len(rs); j++ {
			buf = append(buf[:0], "g:"...)
			for _, r := range rs[j:min(j+gramSize, len(rs))] {
				buf = utf8.AppendRune(buf, r)
			}
			add(chGram, i)
		}
	}
	return out
}

// queryFeatures adds, to a text's own features, the known stems found inside
// its compounds and the known stems its misspelt words were meant to be.
func queryFeatures(stored []occurrence, toks []token, lex *lexicon) []occurrence {
	out := append(make([]occurrence, 0, len(stored)+len(toks)), stored...)
	seen := make(map[string]bool, len(out))
	for _, o := range out {
		seen[o.key] = true
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
			if s == t.stem || seen["w:"+s] {
				continue
			}
			seen["w:"+s] = true
			out = append(out, occurrence{key: "w:" + s, ch: chWord, word: i})
		}
	}
	return out
}
