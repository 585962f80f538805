package sense

import (
	"fmt"
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
	got := m.Similar("läxhjälp genom föreningar", 5)
	if len(got) != 1 || got[0].ID != "dup" || got[0].Score < DuplicateAt || got[0].Score > 1 {
		t.Fatalf("Similar = %+v, want only dup", got)
	}
	if got := m.Similar("tandläkare på äldreboenden", 5); len(got) != 0 {
		t.Errorf("an unrelated text matched %+v", got)
	}
	if got := m.Similar("läxhjälp genom föreningar", 0); got != nil {
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
