package sense

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// filler are everyday words of table answers that belong to no theme.
var filler = strings.Fields(`vi behöver mer samarbete med föreningar regionen ideella organisationer
	långsiktigt stöd pengar bidrag lokaler kvällar helger unga äldre nyanlända familjer barn landsbygden
	staden kommunen information kontakt möten tid frivilliga volontärer svårt krångligt viktigt gratis
	billigare fler aktiviteter grupper träffar nätverk erfarenhet kunskap samverkan dialog utveckla`)

// workshop builds a model of n answers at 40 tables, a tenth placed by
// people, the way a large conference afternoon would leave it.
func workshop(b *testing.B, n int) (*Model, []string) {
	themes := vgrThemes(b)
	kw, _ := PresetKeywords("vgr")
	rng := rand.New(rand.NewPCG(1, 2))
	m := NewModel(themes)
	texts := make([]string, 0, 64)
	for i := 0; i < n; i++ {
		th := themes[rng.IntN(len(themes)-1)]
		words := make([]string, 0, 10)
		for j := 2 + rng.IntN(3); j > 0; j-- {
			words = append(words, kw[th.Name][rng.IntN(len(kw[th.Name]))])
		}
		for j := 3 + rng.IntN(6); j > 0; j-- {
			words = append(words, filler[rng.IntN(len(filler))])
		}
		rng.Shuffle(len(words), func(a, c int) { words[a], words[c] = words[c], words[a] })
		text := strings.Join(words, " ")
		id := fmt.Sprint("a", i)
		m.Add(Answer{ID: id, Text: text, Table: fmt.Sprint("t", i%40)})
		if i%10 == 0 {
			m.Place(id, th.ID)
		}
		if len(texts) < cap(texts) {
			texts = append(texts, text)
		}
	}
	return m, texts
}

func BenchmarkSuggest10000(b *testing.B) {
	m, texts := workshop(b, 10000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Suggest(texts[i%len(texts)])
	}
}

func BenchmarkSimilar10000(b *testing.B) {
	m, texts := workshop(b, 10000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Similar(texts[i%len(texts)], "Kultur", 5)
	}
}

// BenchmarkLearn10000 moves an answer between two themes: one unlearning
// and one learning per operation, as a facilitator's move costs.
func BenchmarkLearn10000(b *testing.B) {
	m, _ := workshop(b, 10000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Place("a5", []string{"Tandvård", "Kultur"}[i%2])
	}
}

// BenchmarkNewAnswer10000 is what the writer does for each new answer:
// suggest, look for duplicates, add, and learn the table's own choice.
func BenchmarkNewAnswer10000(b *testing.B) {
	m, texts := workshop(b, 10000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := texts[i%len(texts)]
		id := fmt.Sprint("n", i)
		s := m.Suggest(text)
		m.Similar(text, s.ThemeID, 5)
		m.Add(Answer{ID: id, Text: text, Table: "t1", Theme: s.ThemeID})
		m.Place(id, "Kultur")
	}
}

// BenchmarkAnswerPath10000 is what the server does for each new answer
// now: the web handler analyses the text once and suggests from the
// analysis; the learner adds the same analysis and learns the placement.
// Near-duplicates are looked up on demand, not here.
func BenchmarkAnswerPath10000(b *testing.B) {
	m, texts := workshop(b, 10000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		an := Analyze(texts[i%len(texts)])
		s := m.SuggestFor(an)
		id := fmt.Sprint("n", i)
		m.Add(Answer{ID: id, Table: "t1", Theme: s.ThemeID, Analysis: an})
		m.Place(id, "Kultur")
	}
}
