package sense

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Match is a stored answer that says much the same as a text.
type Match struct {
	ID    string
	Score float64 // how alike the two texts are, in [0,1]
	// Shared names what the two answers have in common, most telling first
	// (at most four): a word both use ("läxhjälp"), or the words each used
	// for the same thing, the text's first ("landsbygden ~ landet").
	Shared []string
}

// Duplicate scoring, chosen on the tuning sets (see README, "Theme suggestions").
const (
	// DuplicateAt is the similarity from which two answers are offered as
	// near-duplicates ("liknande svar").
	DuplicateAt = 0.5
	// broadWeight scales a broader concept: two answers about buses share
	// "kollektivtrafik", but so does every answer about trains.
	broadWeight = 0.5
	// wordWeight scales a word no group of relatedWords knows. Such words
	// are as often a table's way of saying something as what it says.
	wordWeight = 0.5
	// everydayWeight scales the concepts of everyday.
	everydayWeight = 0.5
	// otherThemeWeight scales the similarity of two answers about different
	// themes: they seldom say the same thing, but a suggestion can be wrong.
	otherThemeWeight = 0.8
	// minShared is how many specific things two answers must have in
	// common (fewer if one of them says fewer): one concept alone, however
	// rare, is a shared subject, not the same point.
	minShared = 2
	// candidatesChecked bounds how many answers get an exact comparison.
	candidatesChecked = 64
	// sharedShown is how many shared words a Match names.
	sharedShown = 4
)

// dupFeat is what the duplicate index knows of one mention.
type dupFeat struct {
	key      string
	weight   float64   // broadWeight, wordWeight, everydayWeight or 1
	specific bool      // counts towards minShared: a narrow concept or a word, not an everyday one
	df       int32     // answers that mention it
	post     []*answer // those answers
}

func newDupFeat(x mention) *dupFeat {
	f := &dupFeat{key: x.key, weight: 1, specific: true}
	switch {
	case x.broad():
		f.weight, f.specific = broadWeight, false
	case x.unknown():
		f.weight = wordWeight
	}
	if x.everyday() {
		f.weight *= everydayWeight
		f.specific = false
	}
	return f
}

// dupRef is a mention of an answer and the words it used for it.
type dupRef struct {
	f    *dupFeat
	word string
}

// addMentions indexes a new answer for Similar.
func (m *Model) addMentions(a *answer, mentions []mention) {
	a.mentions = make([]dupRef, 0, len(mentions))
	for _, x := range mentions {
		f := m.dups[x.key]
		if f == nil {
			f = newDupFeat(x)
			m.dups[x.key] = f
		}
		f.df++
		f.post = append(f.post, a)
		a.mentions = append(a.mentions, dupRef{f, x.word})
	}
}

func (m *Model) removeMentions(a *answer) {
	for _, r := range a.mentions {
		r.f.df--
		r.f.post = withoutAnswer(r.f.post, a)
		if r.f.df == 0 {
			delete(m.dups, r.f.key)
		}
	}
}

// Similar returns the stored answers that say much the same as text, most
// similar first, at most limit of them, each scoring at least DuplicateAt.
// Call it for a new answer before Add, with the theme the answer is about
// as for Answer.Theme ("" if unknown).
//
// Texts are compared by what they speak of: the concepts of relatedWords
// ("turer" and "avgångar" are one) and the words no group knows, each
// weighed by how few of the workshop's answers mention it (cosine of the
// weights). An answer about another theme counts for less, and two answers
// must share minShared specific things. An inverted index means only
// answers sharing a distinctive mention are visited, not all of them.
func (m *Model) Similar(text, theme string, limit int) []Match {
	return m.SimilarFor(Analyze(text), theme, limit)
}

// SimilarFor is Similar for an analysed text.
func (m *Model) SimilarFor(an *Analysis, theme string, limit int) []Match {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var q []dupRef
	for _, x := range an.mentioned() {
		f := m.dups[x.key]
		if f == nil {
			f = newDupFeat(x) // mentioned by no stored answer
		}
		q = append(q, dupRef{f, x.word})
	}
	return m.similar(q, theme, nil, limit)
}

// SimilarTo is Similar for a stored answer, leaving the answer itself out.
func (m *Model) SimilarTo(answerID string, limit int) []Match {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.answers[answerID]
	if !ok {
		return nil
	}
	return m.similar(a.mentions, a.about(), a, limit)
}

// idf weighs a mention by how few answers make it: "läxhjälp" says more
// about what an answer is about than "förening".
func (m *Model) idf(df int32) float64 {
	return math.Log(float64(len(m.answers)+1)/float64(df+1)) + 1
}

// dupWeight is a mention's weight in the comparison.
func (m *Model) dupWeight(f *dupFeat) float64 { return f.weight * m.idf(f.df) }

func (m *Model) similar(q []dupRef, theme string, self *answer, limit int) []Match {
	if limit <= 0 || len(q) == 0 {
		return nil
	}
	// Mentions made by more than one answer in fifty add little to the score
	// and would make the lookup visit most of the workshop: they count in the
	// comparison but are not followed into the index.
	common := int32(len(m.answers)/50 + 20)
	qNorm, qSpecific := 0.0, 0
	qw := make(map[*dupFeat]float64, len(q))
	qword := make(map[*dupFeat]string, len(q))
	dots := map[*answer]float64{}
	for _, r := range q {
		w := m.dupWeight(r.f)
		qw[r.f], qword[r.f] = w, r.word
		qNorm += w * w
		if r.f.specific {
			qSpecific++
		}
		if r.f.df > common {
			continue
		}
		for _, a := range r.f.post {
			if a != self {
				dots[a] += w * w
			}
		}
	}
	type cand struct {
		a   *answer
		dot float64
	}
	cands := make([]cand, 0, len(dots))
	for a, d := range dots {
		cands = append(cands, cand{a, d})
	}
	slices.SortFunc(cands, func(x, y cand) int {
		if c := cmp.Compare(y.dot, x.dot); c != 0 {
			return c
		}
		return cmp.Compare(x.a.seq, y.a.seq)
	})
	if len(cands) > candidatesChecked {
		cands = cands[:candidatesChecked]
	}
	var out []Match
	for _, c := range cands {
		dot, n := 0.0, 0.0
		for _, r := range c.a.mentions {
			w := m.dupWeight(r.f)
			n += w * w
			if _, ok := qw[r.f]; ok {
				dot += w * w
			}
		}
		s := dot / math.Sqrt(qNorm*n)
		if other := c.a.about(); theme != "" && other != "" && other != theme {
			s *= otherThemeWeight
		}
		if s >= DuplicateAt && sharesEnough(qword, qSpecific, c.a) {
			out = append(out, Match{ID: c.a.id, Score: min(s, 1), Shared: shared(qw, qword, c.a)})
		}
	}
	slices.SortStableFunc(out, func(x, y Match) int { return cmp.Compare(y.Score, x.Score) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// sharesEnough reports whether a stored answer has enough specific things
// in common with the query, each a different pair of words: minShared, or
// as many as the answer with fewer specific mentions makes, so that
// "läxhjälp genom föreningar" can repeat "läxhjälp via ideella
// organisationer" on its one specific word.
func sharesEnough(qword map[*dupFeat]string, qSpecific int, a *answer) bool {
	var pairs [][2]string
	aSpecific := 0
	for _, r := range a.mentions {
		if !r.f.specific {
			continue
		}
		aSpecific++
		w, ok := qword[r.f]
		p := [2]string{strings.ToLower(w), strings.ToLower(r.word)}
		if ok && !slices.Contains(pairs, p) {
			pairs = append(pairs, p)
		}
	}
	return len(pairs) > 0 && len(pairs) >= min(minShared, qSpecific, aSpecific)
}

// shared names the mentions a stored answer has in common with the query,
// weightiest first. Broader concepts are left out: "körsång ~ teater" (both
// culture) would not explain a match to a facilitator.
func shared(qw map[*dupFeat]float64, qword map[*dupFeat]string, a *answer) []string {
	type item struct {
		w    float64
		text string
	}
	var items []item
	for _, r := range a.mentions {
		w, ok := qw[r.f]
		if !ok || strings.HasPrefix(r.f.key, "b:") {
			continue
		}
		text := qword[r.f]
		if !strings.EqualFold(text, r.word) {
			text += " ~ " + r.word
		}
		items = append(items, item{w, text})
	}
	slices.SortStableFunc(items, func(x, y item) int { return cmp.Compare(y.w, x.w) })
	var out []string
	for _, it := range items {
		if !slices.Contains(out, it.text) {
			out = append(out, it.text)
		}
		if len(out) == sharedShown {
			break
		}
	}
	return out
}
