package sense

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
// analysed once when it arrives.
func storedFeatures(toks []token) []occurrence {
	var out []occurrence
	seen := map[string]bool{}
	add := func(key string, ch channel, i int) {
		if !seen[key] {
			seen[key] = true
			out = append(out, occurrence{key: key, ch: ch, word: i})
		}
	}
	for i, t := range toks {
		if !t.content() {
			continue
		}
		add("w:"+t.stem, chWord, i)
		for _, g := range grams(t.lower) {
			add("g:"+g, chGram, i)
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
		extra := lex.parts(t.lower)
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

// grams returns the character n-grams of a word with its edges marked, so
// that a word's beginning and end are features of their own.
func grams(word string) []string {
	rs := []rune("<" + word + ">")
	if len(rs) <= gramSize {
		return []string{string(rs)}
	}
	out := make([]string, 0, len(rs)-gramSize+1)
	for i := 0; i+gramSize <= len(rs); i++ {
		out = append(out, string(rs[i:i+gramSize]))
	}
	return out
}
