package sense

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/swedish"
	"golang.org/x/text/unicode/norm"
)

// token is one word of a text: as written, lower-cased, and stemmed.
type token struct {
	surface string // as the table wrote it, for explanations
	lower   string // NFC, lower-cased
	stem    string // Snowball Swedish stem of lower
	stop    bool   // a stop word: carries no topic
}

// tokenize splits a text into words. NFKC folds look-alike characters
// (ligatures, full-width letters, a decomposed "å") into one spelling, so the
// same word typed on two phones is one word here. A word is a run of letters
// and digits; hyphens and apostrophes split ("npf-anpassade" is two words),
// which also separates the parts of "Hälso- och sjukvård".
func tokenize(text string) []token {
	text = norm.NFKC.String(text)
	var out []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		lower := strings.ToLower(w)
		out = append(out, token{surface: w, lower: lower, stem: swedish.Stem(lower, true), stop: isStopWord(lower)})
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// Analysis is a text analysed once: its words and the features and
// mentions the model keeps for it. Suggest, Similar and Add all start from
// it, so a new answer is analysed once on its way through the server (the
// web handler suggests, the learner adds) instead of three times.
type Analysis struct {
	toks     []token
	stored   []occurrence
	mentions []mention
	found    bool // mentions are found
}

// Analyze analyses a text for SuggestFor, SimilarFor and Answer.Analysis.
// It needs no model and may run on any goroutine. What only the duplicate
// index needs is found later, by whoever uses it first (on the server, the
// learner adding the answer), so that a suggestion costs no more than it
// must. An Analysis may be handed from one goroutine to another, not shared
// by two at once.
func Analyze(text string) *Analysis {
	toks := tokenize(text)
	return &Analysis{toks: toks, stored: storedFeatures(toks)}
}

// mentioned returns what the text speaks of, for the duplicate index.
func (an *Analysis) mentioned() []mention {
	if !an.found {
		an.mentions, an.found = theConcepts().mentions(an.toks), true
	}
	return an.mentions
}

// content reports whether a token can carry a topic: not a stop word, not a
// number, and longer than one letter.
func (t token) content() bool {
	if t.stop || utf8.RuneCountInString(t.lower) < 2 {
		return false
	}
	for _, r := range t.lower {
		if !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Stems returns the stems of the content words of a text, in order, the way
// the model sees them. A facilitator's keyword list goes through the same.
func Stems(text string) []string {
	var out []string
	for _, t := range tokenize(text) {
		if t.content() {
			out = append(out, t.stem)
		}
	}
	return out
}
