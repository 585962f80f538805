package sense

import (
	"math"
	"sort"
)

// Representative is an answer that stands for a group of a theme's answers.
type Representative struct {
	ID      string
	Similar []string // the other answers of the set that say much the same
	Tables  int      // distinct tables among the answer and its similar ones
}

// Representatives picks the answers that best sum up a set (a theme's
// answers): those whose words are closest to the rest of the set, one per
// group of near-duplicates (found as Similar finds them, with rarity measured
// inside the set), each with how many distinct tables said something similar.
// Most central first, at most limit. Answers without a table count no table.
func Representatives(answers []Answer, limit int) []Representative {
	if len(answers) == 0 || limit <= 0 {
		return nil
	}
	m := NewModel(nil)
	pos := make(map[string]int, len(answers))
	for i, a := range answers {
		m.Add(a)
		pos[a.ID] = i
	}
	// Closeness to the rest: how many other answers share each of the
	// answer's words, over the square root of its length, so that an answer
	// made of the set's common words ranks above a long one that wanders.
	central := make([]float64, len(answers))
	for i, a := range answers {
		st := m.answers[a.ID]
		words := 0
		for _, f := range st.feats {
			if f.ch == chWord {
				central[i] += float64(f.df - 1)
				words++
			}
		}
		if words > 0 {
			central[i] /= math.Sqrt(float64(words))
		}
	}
	order := make([]int, len(answers))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return central[order[a]] > central[order[b]] })
	taken := make([]bool, len(answers))
	var out []Representative
	for _, i := range order {
		if taken[i] {
			continue
		}
		taken[i] = true
		r := Representative{ID: answers[i].ID}
		tables := map[string]bool{answers[i].Table: true}
		for _, d := range m.SimilarTo(answers[i].ID, len(answers)) {
			j := pos[d.ID]
			if !taken[j] {
				taken[j] = true
				r.Similar = append(r.Similar, d.ID)
				tables[answers[j].Table] = true
			}
		}
		delete(tables, "")
		r.Tables = len(tables)
		out = append(out, r)
		if len(out) == limit {
			break
		}
	}
	return out
}
