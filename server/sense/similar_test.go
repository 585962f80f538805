package sense

import (
	"fmt"
	"slices"
	"testing"
)

func TestSimilarFindsTheSameThingSaidAgain(t *testing.T) {
	m := NewModel(nil)
	stored := map[string]string{
		"dup":   "läxhjälp via ideella organisationer",
		"other": "bussarna på landsbygden går för sällan",
		"theme": "kulturhuset drivs av en ideell förening",
	}
	for _, id := range []string{"dup", "other", "theme"} {
		m.Add(Answer{ID: id, Text: stored[id]})
	}
	// A workshop's other answers, so that rarity means something.
	for i, text := range []string{
		"tandläkare i föreningslokalen", "kulturbidrag till körer", "färdtjänst på kvällen", "fler föreningar på sjukhuset",
		"habiliteringen och föräldrarna", "studieförbund och folkhögskolor", "regionen borde lyssna på föreningar",
		"teater för äldre", "psykiatrin och brukarföreningar", "ideella krafter behövs", "bidrag som räcker flera år",
	} {
		m.Add(Answer{ID: fmt.Sprint("f", i), Text: text})
	}
	got := m.Similar("läxhjälp genom föreningar", "", 5)
	if len(got) != 1 || got[0].ID != "dup" || got[0].Score < DuplicateAt || got[0].Score > 1 {
		t.Fatalf("Similar = %+v, want only dup", got)
	}
	if got := m.Similar("tandläkare på äldreboenden", "", 5); len(got) != 0 {
		t.Errorf("an unrelated text matched %+v", got)
	}
	if got := m.Similar("läxhjälp genom föreningar", "", 0); got != nil {
		t.Errorf("limit 0 gave %+v", got)
	}

	m.Add(Answer{ID: "new", Text: "Läxhjälp via ideella organisationer!"})
	if got := m.SimilarTo("new", 5); len(got) != 1 || got[0].ID != "dup" || got[0].Score < 0.99 {
		t.Errorf("SimilarTo(new) = %+v, want dup and not itself", got)
	}
	m.Remove("dup")
	if got := m.SimilarTo("new", 5); len(got) != 0 {
		t.Errorf("a removed answer is still offered: %+v", got)
	}
	m.Add(Answer{ID: "other", Text: "läxhjälp via ideella organisationer"}) // a facilitator's correction replaces the text
	if got := m.SimilarTo("new", 5); len(got) != 1 || got[0].ID != "other" || got[0].Score < 0.99 {
		t.Errorf("after the correction: %+v", got)
	}
}

func TestKeyTerms(t *testing.T) {
	got := KeyTerms([]string{
		"Föreningarna behöver lokaler",
		"föreningar och föreningarna",
		"lokalerna saknas, föreningarna får inget",
		"Ängen och ön",
		"åker buss",
	}, 5)
	want := []Term{{"föreningarna", 3}, {"lokaler", 2}, {"buss", 1}, {"saknas", 1}, {"åker", 1}}
	if len(got) != len(want) {
		t.Fatalf("KeyTerms = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("term %d = %+v, want %+v (all: %+v)", i, got[i], want[i], got)
		}
	}
	all := KeyTerms([]string{"Ängen och ön", "åker"}, 0)
	if len(all) != 3 || all[0].Word != "åker" || all[1].Word != "ängen" || all[2].Word != "ön" {
		t.Errorf("Swedish order on a tie: %+v, want åker, ängen, ön", all)
	}
}

func TestRepresentatives(t *testing.T) {
	answers := []Answer{
		{ID: "1", Table: "A", Text: "läxhjälp via ideella föreningar i skolan"},
		{ID: "2", Table: "B", Text: "läxhjälp genom föreningar i skolan"},
		{ID: "3", Table: "B", Text: "läxhjälp från föreningar efter skolan"},
		{ID: "4", Table: "C", Text: "folkhögskolan och studieförbunden når vuxna"},
		{ID: "5", Table: "", Text: "skolan och föreningar samarbetar om läxhjälp"},
	}
	got := Representatives(answers, 3)
	if len(got) < 2 {
		t.Fatalf("Representatives = %+v", got)
	}
	first := got[0]
	if first.ID == "4" || len(first.Similar) < 2 || first.Tables != 2 && first.Tables != 3 {
		t.Errorf("first representative %+v: want a läxhjälp answer standing for the others, counting distinct tables", first)
	}
	seen := map[string]bool{}
	for _, r := range got {
		for _, id := range append([]string{r.ID}, r.Similar...) {
			if seen[id] {
				t.Errorf("answer %s stands in two groups: %+v", id, got)
			}
			seen[id] = true
		}
	}
	if got[len(got)-1].ID != "4" || got[len(got)-1].Tables != 1 {
		t.Errorf("the lone answer should come last with its one table: %+v", got)
	}
	if Representatives(nil, 3) != nil || Representatives(answers, 0) != nil {
		t.Error("nothing asked, something returned")
	}
}

// background is a workshop's other answers, so that rarity means something.
var background = []string{
	"tandläkare i föreningslokalen", "kulturbidrag till körer", "färdtjänst på kvällen", "fler föreningar på sjukhuset",
	"habiliteringen och föräldrarna", "studieförbund och folkhögskolor", "regionen borde lyssna på föreningar",
	"teater för äldre", "psykiatrin och brukarföreningar", "ideella krafter behövs", "bidrag som räcker flera år",
	"cykelställ vid stationen", "tåget är ofta inställt", "bibliotekets öppettider", "simträning för barn",
}

func withBackground(themes []Theme) *Model {
	m := NewModel(themes)
	for i, text := range background {
		m.Add(Answer{ID: fmt.Sprint("b", i), Text: text})
	}
	return m
}

func TestSimilarSeesTheSamePointInOtherWords(t *testing.T) {
	tests := []struct {
		stored, text string
		shared       []string // must be among Match.Shared
	}{
		{"bussarna går för sällan på landsbygden", "för få turer ute på landet",
			[]string{"ute på landet ~ landsbygden", "turer ~ för sällan"}},
		{"läxhjälp via ideella organisationer", "läxhjälp genom föreningar",
			[]string{"läxhjälp", "föreningar ~ ideella"}},
		{"lång kö till habben, vi stöttar familjerna under tiden", "habiliteringen har långa väntetider, föräldrar får vänta",
			[]string{"habiliteringen ~ habben", "föräldrar ~ familjerna"}},
		{"tandvården är för dyr för pensionärer med låg inkomst", "äldre med liten pension har inte råd med tandläkaren",
			[]string{"liten pension ~ låg inkomst"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m := withBackground(nil)
			m.Add(Answer{ID: "stored", Text: tt.stored})
			got := m.Similar(tt.text, "", 5)
			if len(got) == 0 || got[0].ID != "stored" {
				t.Fatalf("Similar(%q) = %+v, want the stored answer %q first", tt.text, got, tt.stored)
			}
			for _, s := range tt.shared {
				if !slices.Contains(got[0].Shared, s) {
					t.Errorf("Shared = %q, want it to name %q", got[0].Shared, s)
				}
			}
		})
	}
}

func TestSimilarNeedsMoreThanASharedSubject(t *testing.T) {
	m := withBackground(nil)
	m.Add(Answer{ID: "stored", Text: "folktandvården borde ha mottagning på kvällstid för dom som jobbar"})
	if got := m.Similar("tandvårdsstödet är krångligt och folk vet inte vad de har rätt till", "", 5); len(got) != 0 {
		t.Errorf("two points about dental care were offered as one: %+v", got)
	}
	if got := m.Similar("folktandvården borde ha öppet på kvällarna", "", 5); len(got) != 1 {
		t.Errorf("the same point was not found: %+v", got)
	}
}

func TestSimilarCountsLessAcrossThemes(t *testing.T) {
	themes := []Theme{{ID: "trafik", Name: "Kollektivtrafik"}, {ID: "kultur", Name: "Kultur"}}
	m := withBackground(themes)
	m.Add(Answer{ID: "stored", Text: "rabatt för föreningar som reser i grupp till museerna", Theme: "trafik"})
	text := "gratis för föreningar med grupper på museerna"
	same := m.Similar(text, "trafik", 5)
	other := m.Similar(text, "kultur", 5)
	if len(same) != 1 {
		t.Fatalf("within a theme: %+v, want the stored answer", same)
	}
	if len(other) == 1 && other[0].Score >= same[0].Score {
		t.Errorf("across themes %.2f, within %.2f: want less across", other[0].Score, same[0].Score)
	}
	m.Place("stored", "kultur") // a person knows better than the suggestion it arrived with
	if got := m.Similar(text, "kultur", 5); len(got) != 1 || got[0].Score != same[0].Score {
		t.Errorf("after the placement: %+v, want the score within a theme, %.2f", got, same[0].Score)
	}
}
