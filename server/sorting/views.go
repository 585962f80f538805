package sorting

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
)

// Limits of the derived views.
const (
	// similarShown: near-duplicates offered for one answer.
	similarShown = 5
	// pairsShown: the workshop's most alike pairs offered at once.
	pairsShown = 40
	// pairsFresh: how long a workshop's pairs are reused while answers
	// arrive (they are recomputed at once after a change when older).
	pairsFresh = 5 * time.Second
	termsShown = 24
	repsShown  = 5
)

// Similar is a stored answer that says much the same as another, and what
// the two share.
type Similar struct {
	ID     string   `json:"id"`
	Score  float64  `json:"score"`
	Shared []string `json:"shared"`
}

// Pair is two answers that say much the same ("liknande svar").
type Pair struct {
	A      string   `json:"a"`
	B      string   `json:"b"`
	Score  float64  `json:"score"`
	Shared []string `json:"shared"`
}

type cachedPairs struct {
	version int64
	at      time.Time
	list    []Pair
}

// SimilarTo lists the answers that say much the same as a stored one.
func (r *Registry) SimilarTo(ctx context.Context, workshopID, inputID string) ([]Similar, error) {
	e, err := r.model(ctx, workshopID)
	if err != nil {
		return nil, err
	}
	out := []Similar{}
	for _, m := range e.model.SimilarTo(inputID, similarShown) {
		out = append(out, Similar{ID: m.ID, Score: round2(m.Score), Shared: m.Shared})
	}
	return out, nil
}

// Pairs lists the most alike pairs of answers on the wall, most alike
// first, for the facilitator to merge or leave. It is computed on demand and
// reused for a few seconds while answers arrive.
func (r *Registry) Pairs(ctx context.Context, workshopID string) ([]Pair, error) {
	e, err := r.model(ctx, workshopID)
	if err != nil {
		return nil, err
	}
	e.pairsMu.Lock()
	defer e.pairsMu.Unlock()
	v := e.version.Load()
	if e.pairs.list != nil && (e.pairs.version == v || time.Since(e.pairs.at) < pairsFresh) {
		return e.pairs.list, nil
	}
	shown, err := r.store.Shown(ctx, workshopID, "")
	if err != nil {
		return nil, err
	}
	on := make(map[string]bool, len(shown))
	for _, in := range shown {
		on[in.ID] = true
	}
	seen := map[[2]string]bool{}
	list := []Pair{}
	for _, in := range shown {
		for _, m := range e.model.SimilarTo(in.ID, similarShown) {
			if !on[m.ID] {
				continue
			}
			key := [2]string{min(in.ID, m.ID), max(in.ID, m.ID)}
			if seen[key] {
				continue
			}
			seen[key] = true
			list = append(list, Pair{A: in.ID, B: m.ID, Score: round2(m.Score), Shared: m.Shared})
		}
	}
	slices.SortStableFunc(list, func(a, b Pair) int { return cmp.Compare(b.Score, a.Score) })
	if len(list) > pairsShown {
		list = list[:pairsShown]
	}
	e.pairs = cachedPairs{version: v, at: time.Now(), list: list}
	return list, nil
}

// Term is a key term of a theme and how many answers use it.
type Term struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// Representative is an answer that stands for others of its theme.
type Representative struct {
	ID      string   `json:"id"`
	Similar []string `json:"similar"`
	Tables  int      `json:"tables"`
}

// ThemeView is what the dashboard and projector show of a theme beyond its
// answers: its key terms and most representative answers.
type ThemeView struct {
	Theme           string           `json:"theme"`
	Terms           []Term           `json:"terms"`
	Representatives []Representative `json:"representatives"`
}

// Theme reads a theme's answers on the wall (of one question, if set) and
// sums them up.
func (r *Registry) Theme(ctx context.Context, workshopID, themeID, questionID string) (ThemeView, error) {
	v := ThemeView{Theme: themeID, Terms: []Term{}, Representatives: []Representative{}}
	shown, err := r.store.Shown(ctx, workshopID, themeID)
	if err != nil {
		return v, err
	}
	texts := make([]string, 0, len(shown))
	answers := make([]sense.Answer, 0, len(shown))
	for _, in := range shown {
		if questionID != "" && in.QuestionID != questionID {
			continue
		}
		texts = append(texts, in.Shown())
		answers = append(answers, sense.Answer{ID: in.ID, Text: in.Shown(), Table: in.TableID, Theme: in.ThemeID})
	}
	for _, t := range sense.KeyTerms(texts, termsShown) {
		v.Terms = append(v.Terms, Term{Word: t.Word, Count: t.Count})
	}
	for _, rp := range sense.Representatives(answers, repsShown) {
		v.Representatives = append(v.Representatives, Representative{ID: rp.ID, Similar: nonNil(rp.Similar), Tables: rp.Tables})
	}
	return v, nil
}

// Terms counts the key terms of texts (for exports).
func Terms(texts []string, limit int) []Term {
	var out []Term
	for _, t := range sense.KeyTerms(texts, limit) {
		out = append(out, Term{Word: t.Word, Count: t.Count})
	}
	return out
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// Fanout hands committed changes to several publishers in turn (the live
// hub, then the registry), each of which returns at once.
type Fanout []interface{ Publish([]domain.Change) }

func (f Fanout) Publish(changes []domain.Change) {
	for _, p := range f {
		p.Publish(changes)
	}
}
