package sense

import (
	"slices"
	"testing"
)

func TestWordsCountsInflectedFormsTogether(t *testing.T) {
	for _, tc := range []struct {
		name  string
		texts []string
		want  []Term
	}{
		{"inflections and capitals", []string{"Bemötande", "bemötandet", "Bemötande!", "tillit", "Tilliten"},
			[]Term{{"bemötande", 3}, {"tillit", 2}}},
		{"stop words do not part answers", []string{"att lyssna", "lyssna", "Lyssna!"},
			[]Term{{"lyssna", 3}}},
		{"a tie goes to the shorter form", []string{"att lyssna", "lyssna"},
			[]Term{{"lyssna", 2}}},
		{"acronyms keep their capitals", []string{"IOP", "IOP", "iop", "IOP-avtal", "VGR"},
			[]Term{{"IOP", 3}, {"IOP-avtal", 1}, {"VGR", 1}}},
		{"phrases count as a whole, ties in Swedish order", []string{"gott bemötande", "Gott  bemötande", "öppenhet", "ärlighet", "ansvar"},
			[]Term{{"gott bemötande", 2}, {"ansvar", 1}, {"ärlighet", 1}, {"öppenhet", 1}}},
		{"endings the stemmer leaves count together", []string{"förtroende", "Förtroendet", "förtroende", "mötesplats", "mötesplatser"},
			[]Term{{"förtroende", 3}, {"mötesplats", 2}}},
		{"stop words alone still count", []string{"inget", "Inget", "…"},
			[]Term{{"inget", 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Words(tc.texts); !slices.Equal(got, tc.want) {
				t.Errorf("Words(%q) = %v, want %v", tc.texts, got, tc.want)
			}
		})
	}
}
