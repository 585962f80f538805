package sense

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Match is a stored answer that says much the same as a text.
type Match struct {
	ID    string
	Score float64 // cosine similarity of the two texts' words, in [0,1]
}

// DuplicateAt is the similarity from which two answers are offered as
// near-duplicates ("liknande svar"). Chosen on the tuning set.
const DuplicateAt = 0.45

// candidatesChecked bounds how many answers get an exact comparison.
const candidatesChecked = 64

// Similar returns the stored answers that say much the same as text, most
// similar first, at most limit of them, each scoring at least DuplicateAt.
// Call it for a new answer before Add. It uses an inverted index over word
// stems weighted by rarity, so it visits only the answers sharing a
// distinctive word with the text, not all of them.
func (m *Model) Similar(text string, limit int) []Match {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var q []*feat
	unknown := 0.0
	for _, o := range storedFeatures(tokenize(text)) {
		if f := m.feats[o.key]; f != nil && f.df > 0 {
			q = append(q, f)
		} else {
			unknown += m.weight(o.ch, 0)
		}
	}
	return m.similar(q, unknown, nil, limit)
}

// SimilarTo is Similar for a stored answer, leaving the answer itself out.
func (m *Model) SimilarTo(answerID string, limit int) []Match {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.answers[answerID]
	if !ok {
		return nil
	}
	return m.similar(a.feats, 0, a, limit)
}

// idf weighs a word by how few answers use it: "läxhjälp" says more about
// what an answer is about than "förening".
func (m *Model) idf(df int32) float64 {
	return math.Log(float64(len(m.answers)+1)/float64(df+1)) + 1
}

func sq(x float64) float64 { return x * x }

// dupGramWeight scales n-grams against stems in the comparison: n-grams find
// "sjukhuset" in "sjukhusen" and "läxhjälp" near "läxorna", stems keep it
// about words.
const dupGramWeight = 0.3

// weight is a feature's squared weight in the comparison.
func (m *Model) weight(ch channel, df int32) float64 {
	w := sq(m.idf(df))
	if ch == chGram {
		w *= sq(dupGramWeight)
	}
	return w
}

func (m *Model) similar(q []*feat, unknownNorm float64, self *answer, limit int) []Match {
	if limit <= 0 || len(q) == 0 {
		return nil
	}
	// Features used by more than one answer in fifty add little to the score
	// and would make the lookup visit most of the workshop: they count in the
	// comparison but are not followed into the index.
	common := int32(len(m.answers)/50 + 20)
	qNorm := unknownNorm
	qw := make(map[*feat]float64, len(q))
	dots := map[*answer]float64{}
	for _, f := range q {
		w := m.weight(f.ch, f.df)
		qw[f] = w
		qNorm += w
		if f.df > common {
			continue
		}
		for _, a := range f.post {
			if a != self {
				dots[a] += w
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
		a := c.a
		dot, n := 0.0, 0.0
		for _, f := range a.feats {
			dot += qw[f]
			n += m.weight(f.ch, f.df)
		}
		if s := dot / math.Sqrt(qNorm*n); s >= DuplicateAt {
			out = append(out, Match{ID: a.id, Score: min(s, 1)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
