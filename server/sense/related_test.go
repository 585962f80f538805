package sense

import (
	"slices"
	"testing"
)

func keysOf(text string) []string {
	var keys []string
	for _, x := range theConcepts().mentions(tokenize(text)) {
		keys = append(keys, x.key)
	}
	return keys
}

func TestMentionsFindConceptsAsPeopleWriteThem(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"synonyms and a phrase", "bussarna går för sällan på landsbygden",
			[]string{"c:buss", "c:turtäthet", "c:landsbygd", "b:kollektivtrafik"}, nil},
		{"the same in other words", "för få turer ute på landet",
			[]string{"c:turtäthet", "c:landsbygd"}, []string{"w:landet"}},
		{"a compound's parts", "kulturbidragen", []string{"c:kultur", "c:finansiering"}, []string{"w:kulturbidrag"}},
		{"a compound's last part before an ending", "nattbussarna", []string{"c:buss"}, nil},
		{"an unknown part keeps the word", "bygdegårdstaket", []string{"c:bygdegård", "w:bygdegårdstaket"}, nil},
		{"a head-only word as a compound's head", "kvarterslokalerna", []string{"c:lokaler"}, nil},
		{"a head-only word is not a modifier", "lokalsamhället", nil, []string{"c:lokaler"}},
		{"a whole-word entry is not a stem", "lokala föreningar", []string{"c:civilsamhälle"}, []string{"c:lokaler"}},
		{"a short modifier is no compound", "tappar", nil, []string{"c:app"}},
		{"a degenerate stem is not used", "billigare bilar", []string{"c:kostnad", "c:bil"}, nil},
		{"one slip of the finger", "västrafik", []string{"c:kollektivtrafik"}, nil},
		{"two slips are a different word", "istället", nil, []string{"c:turtäthet"}},
		{"a phrase's words count for nothing else", "vi har inte råd", []string{"c:kostnad"}, []string{"c:dialog"}},
		{"the same word alone", "regionen borde ha ett råd", []string{"c:dialog"}, []string{"c:kostnad"}},
		{"vague words do not count", "det funkar jättebra", nil, []string{"w:funk", "w:jättebra"}},
		{"an organisation by what it works for", "SPF Seniorerna och Attention", []string{"c:äldre", "c:npf"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keysOf(tt.text)
			for _, k := range tt.want {
				if !slices.Contains(got, k) {
					t.Errorf("%q: %q lacks %s", tt.text, got, k)
				}
			}
			for _, k := range tt.not {
				if slices.Contains(got, k) {
					t.Errorf("%q: %q has %s", tt.text, got, k)
				}
			}
		})
	}
}

func TestRelatedWordsAreConsistent(t *testing.T) {
	ix := theConcepts()
	for name := range everyday {
		if !slices.Contains(ix.names, name) {
			t.Errorf("everyday names %q, which is no group of relatedWords", name)
		}
	}
	seen := map[string]bool{}
	for _, g := range relatedWords {
		if seen[g.concept] {
			t.Errorf("group %q is written twice; add words to the first", g.concept)
		}
		seen[g.concept] = true
		if len(g.words) == 0 {
			t.Errorf("group %q has no words", g.concept)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("a group under an unknown broader concept was accepted")
		}
	}()
	buildConcepts([]related{{"x", "no such concept", []string{"ord"}}})
}
