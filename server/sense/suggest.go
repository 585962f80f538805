package sense

import (
	"math"
	"sort"
	"strings"
)

// Suggestion is the theme the model proposes for a text.
type Suggestion struct {
	ThemeID    string
	Confidence float64 // the model's probability for ThemeID, in [0,1]
	// Confident is true when Confidence reaches ConfidentAt: the suggestion is
	// safe to show pre-selected and, if the workshop allows it, to apply.
	Confident bool
	// Words are the words of the text that led to the suggestion, as written
	// there, in text order (at most three). Empty for the parking lot when
	// nothing fits.
	Words []string
	// Ranking holds every theme, most likely first.
	Ranking []ThemeScore
}

type ThemeScore struct {
	ThemeID    string
	Confidence float64
}

// Scoring constants, chosen on the tuning set (see README, "Theme suggestions").
const (
	// ConfidentAt is the probability from which a suggestion is called confident.
	ConfidentAt = 0.7
	// priorMass draws what a theme learnt from placed answers towards the
	// workshop's background as if it held this many more words (see prior).
	priorMass = 100.0
	// smoothing mixes each theme's word distribution with the workshop's
	// background: a word a theme has never seen costs log(smoothing), not -∞.
	smoothing = 0.5
	// gramWeight scales n-gram evidence against word evidence.
	gramWeight = 0.2
	// keywordWeight is how many placed answers one keyword is worth. Keywords
	// lead while a theme has few placements and give way as placements grow.
	keywordWeight = 2.0
	// parkingBias is the parking lot's head start: a text must bring this
	// much evidence for a theme before the theme beats "Övrigt".
	parkingBias = 1.5
	// rivalFree is how much evidence the second most likely theme may have
	// before the suggestion is held less sure (see tempered).
	rivalFree = 3.0
	// explainAt is the least evidence a word must add to be named.
	explainAt = 0.3
)

// Suggest proposes a theme for a text. It reads the model and changes
// nothing, so it can be called for a new answer before Add, and again for
// stored answers when themes or placements change. With no themes it returns
// the zero Suggestion.
func (m *Model) Suggest(text string) Suggestion {
	return m.SuggestFor(Analyze(text))
}

// SuggestFor is Suggest for an analysed text.
func (m *Model) SuggestFor(an *Analysis) Suggestion {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if len(m.themes) == 0 {
		return Suggestion{}
	}
	toks := an.toks
	extra := queryFeatures(toks, m.lex)
	scores := make([]float64, len(m.themes))
	for i, t := range m.themes {
		if t.Parking {
			scores[i] = parkingBias
		}
	}
	// byWord[ch][i][w] is the evidence word w of the text gives theme i
	// through channel ch: words are explained by their stems, and by their
	// n-grams only when no stem speaks for the theme.
	var byWord [channels][][]float64
	cells := make([]float64, int(channels)*len(m.themes)*len(toks))
	for ch := range byWord {
		byWord[ch] = make([][]float64, len(m.themes))
		for i := range byWord[ch] {
			byWord[ch][i], cells = cells[:len(toks):len(toks)], cells[len(toks):]
		}
	}
	for _, occ := range [...][]occurrence{an.stored, extra} {
		for _, o := range occ {
			f := m.feats[o.key]
			if f == nil || !m.anyTheme(f) {
				continue // no theme has seen it: no evidence either way
			}
			for i := range m.themes {
				t := &m.themes[i]
				mass := float64(t.mass[o.ch]) + t.kwMass[o.ch]
				if mass == 0 {
					continue
				}
				bg := m.background(f, i)
				p := (float64(f.placed[i]) + float64(f.kw[i]) + t.prior(o.ch)*bg) / (mass + t.prior(o.ch))
				e := chWeight(o.ch) * math.Log((1-smoothing)*p/bg+smoothing)
				if e <= 0 {
					continue
				}
				scores[i] += e
				byWord[o.ch][i][o.word] += e
			}
		}
	}
	return m.rank(scores, byWord, toks)
}

// minVocabulary is the fewest distinct features the background assumes. A
// workshop with a handful of answers has seen few words, and without this
// every keyword would look common there and no theme would beat the
// parking lot; from a few hundred answers on it no longer matters.
const minVocabulary = 1000

// background is how often a feature occurs in the workshop's answers outside
// theme i (everything but what people placed in i), smoothed so that a
// feature no answer has used yet is rare, not impossible. Comparing a theme
// with the rest rather than with the whole keeps a large theme's own words
// distinctive (as complement naive Bayes does).
func (m *Model) background(f *feat, i int) float64 {
	v := max(m.vocab[f.ch]+1, minVocabulary)
	rest := float64(m.total[f.ch] - m.themes[i].mass[f.ch])
	return (float64(f.df-f.placed[i]) + 0.5) / (rest + 0.5*float64(v))
}

// prior is how many of the background's words a theme's distribution holds
// besides its own. Placed answers are a sample: a theme known from three of
// them is less sure of their words than one known from thirty, so a word
// that happened to be in one of three parked answers ("kvällar") does not
// outweigh "bussarna". Keywords are chosen, not sampled: the prior shrinks
// as their share of the theme grows, and a theme known by keywords alone
// has none.
func (t *themeState) prior(ch channel) float64 {
	placed := float64(t.mass[ch])
	if placed == 0 {
		return 0
	}
	return priorMass * placed / (placed + t.kwMass[ch])
}

// anyTheme reports whether any theme has seen a feature.
func (m *Model) anyTheme(f *feat) bool {
	for i := range m.themes {
		if f.placed[i] != 0 || f.kw[i] != 0 {
			return true
		}
	}
	return false
}

func (m *Model) rank(scores []float64, byWord [channels][][]float64, toks []token) Suggestion {
	scores = m.tempered(scores)
	max := math.Inf(-1)
	for _, s := range scores {
		max = math.Max(max, s)
	}
	probs := make([]float64, len(scores))
	sum := 0.0
	for i, s := range scores {
		probs[i] = math.Exp(s - max)
		sum += probs[i]
	}
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
		probs[i] /= sum
	}
	sort.SliceStable(order, func(a, b int) bool { return probs[order[a]] > probs[order[b]] })
	s := Suggestion{Ranking: make([]ThemeScore, len(order))}
	for r, i := range order {
		s.Ranking[r] = ThemeScore{ThemeID: m.themes[i].ID, Confidence: probs[i]}
	}
	top := order[0]
	s.ThemeID, s.Confidence = m.themes[top].ID, probs[top]
	s.Confident = s.Confidence >= ConfidentAt
	s.Words = explain(byWord[chWord][top], toks)
	if len(s.Words) == 0 {
		s.Words = explain(byWord[chGram][top], toks)
	}
	return s
}

// tempered flattens the scores of a text that speaks for two themes. Naive
// Bayes adds each word's evidence as if the words were independent, so an
// answer about the teeth of people with disabilities, with strong words for
// both Tandvård and Habilitering, still comes out 99 % sure of one of them;
// a facilitator could well choose the other. Once the runner-up's own
// evidence (beyond the parking lot's head start) exceeds rivalFree, every
// score is divided by the excess: the ranking stays, the certainty goes.
func (m *Model) tempered(scores []float64) []float64 {
	best, second := -1, -1
	for i, s := range scores {
		switch {
		case best < 0 || s > scores[best]:
			best, second = i, best
		case second < 0 || s > scores[second]:
			second = i
		}
	}
	if second < 0 {
		return scores
	}
	rival := scores[second]
	if m.themes[second].Parking {
		rival -= parkingBias
	}
	t := rival - rivalFree
	if t <= 1 {
		return scores
	}
	out := make([]float64, len(scores))
	for i, s := range scores {
		out[i] = s / t
	}
	return out
}

// explain names the (at most three) words that added most evidence, in the
// order they appear in the text.
func explain(evidence []float64, toks []token) []string {
	idx := make([]int, 0, len(toks))
	for i, e := range evidence {
		if e >= explainAt {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return evidence[idx[a]] > evidence[idx[b]] })
	if len(idx) > 3 {
		idx = idx[:3]
	}
	sort.Ints(idx)
	var out []string
	for _, i := range idx {
		if !containsFold(out, toks[i].surface) {
			out = append(out, toks[i].surface)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func chWeight(ch channel) float64 {
	if ch == chGram {
		return gramWeight
	}
	return 1
}
