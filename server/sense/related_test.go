package sense

import (
	"fmt"
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
		{"written without å, ä and ö", "fardtjansten gar inte att boka pa kvallar",
			[]string{"c:färdtjänst", "c:bokning", "c:kväll"}, []string{"w:fardtjanst", "w:gar", "w:pa"}},
		{"an organisation by what it works for", "SPF Seniorerna och Attention", []string{"c:äldre", "c:npf"}, nil},
		{"i stället is no place", "partnerskap i stället för upphandling", []string{"c:upphandling"}, []string{"c:lokaler"}},
		{"a workshop's table is no table in a waiting room", "vid vårt bord tycker vi", nil,
			[]string{"c:närvaro i vården"}},
		{"control is not a check-up", "mindre kontroll och mer tillit", []string{"c:förtroende"},
			[]string{"c:tandkontroll"}},
		{"a phone spelling inside a compound", "folktandvarden", []string{"c:tandvård"}, []string{"c:vård"}},
		{"papers are not the paperless", "papperslösa", []string{"c:hemlöshet"}, []string{"c:byråkrati"}},
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

// TestPointWordsJoinParaphrases holds the points of pointWords: two answers
// making the same point in other words share the concept that point is.
func TestPointWordsJoinParaphrases(t *testing.T) {
	tests := []struct{ a, b, key string }{
		{"förlägg samråden på kvällar så vi frivilliga kan delta", "mötena med regionen är alltid på dagtid", "c:kväll"},
		{"förlägg samråden på kvällar", "mötena med regionen är alltid på dagtid", "c:dialog"},
		{"så vi som är frivilliga kan delta", "då jobbar de flesta ideella", "c:volontär"},
		{"sista turen från byn går strax efter sex", "kvällsturer saknas på landsbygden", "c:kväll"},
		{"bussarna går inte på kvällarna ute på landet", "inga kvällsturer", "c:turtäthet"},
		{"de flesta i vår nämnd har aldrig hört talas om överenskommelsen",
			"okunskap bland förtroendevalda om vad överenskommelsen innebär", "c:kännedom"},
		{"vet inte vem man ska ringa på regionen", "en tydlig kontaktpunkt, idag skickas man runt", "c:kontaktväg"},
		{"Västtrafik ser oss inte som en part", "vi vill bli erkända och tas på allvar", "c:erkännande"},
		{"blanketterna är för krångliga", "för mycket pappersarbete", "c:byråkrati"},
		{"mindre kontroll", "mer tillit till föreningarna", "c:förtroende"},
		{"vi måste börja om från noll varje år", "inte ettåriga projekt", "c:långsiktighet"},
		{"IOP!! inte LOU", "teckna partnerskapsavtal i stället för att konkurrensutsätta", "c:iop"},
		{"IOP!! inte LOU", "teckna partnerskapsavtal i stället för att konkurrensutsätta", "c:upphandling"},
		{"föreningar borde få rabatt hos Västtrafik", "billigare gruppbiljett f ideella org!", "c:kostnad"},
		{"föreningar som åker på utflykt med barngrupper", "billigare gruppbiljett", "c:gruppresa"},
		{"habben kan tipsa nya familjer om FUB", "få kontakt med en förening direkt via habiliteringen", "c:hänvisa"},
		{"redan vid första besöket", "föräldrar som precis fått sitt barns diagnos", "c:första kontakt"},
		{"låt patientrepresentanter vara med", "patientföreningarna sitter på enorm kunskap", "c:brukarmedverkan"},
		{"prata med någon som själv har samma sjukdom", "erfarenhetsexperter som stöttar andra", "c:likastöd"},
		{"ett bord i väntrummet på vårdcentralen", "medan man väntar på att bli inropad", "c:närvaro i vården"},
		{"närvaro på närhälsan", "på vårdcentralen", "c:vårdcentral"},
		{"de som tar hand om en sjuk make", "anhörigstödet behöver utvecklas", "c:anhörig"},
		{"frivilliga vet hur man stöttar dem", "anhörigstödet behöver utvecklas", "c:stötta"},
		{"samtalsträning för dem som läser sfi", "språkcaféer", "c:svenska"},
		{"sfi kompletteras av språkcaféer", "ett bra komplement till sfi-undervisningen", "c:komplement"},
		{"begreppet social ekonomi förstår ingen", "byt ut ordet, ingen förstår vad det betyder", "c:begrepp"},
		{"barn som missar sina kontroller", "barn som aldrig dyker upp på tandläkaren", "c:tandkontroll"},
		{"anpassad träning för barn med funktionshinder", "parasport", "c:parasport"},
		{"hållplatser läggs ner", "busslinjer dras in", "c:neddragning"},
		{"Västtrafik borde fråga oss innan", "föreningarna ska tillfrågas", "c:inflytande"},
		{"pengarna går till de stora institutionerna", "mindre till operan", "c:kulturinstitution"},
		{"amatörföreningarna får smulor", "mer till amatörteater och spelmanslag", "c:amatörkultur"},
		{"det digitala utanförskapet bland pensionärer", "äldre utan bankid", "c:digitalt utanförskap"},
		{"ansökningsprocessen kräver en heltidsanställd", "för krångligt för små föreningar", "c:ork"},
	}
	for _, tt := range tests {
		for _, text := range []string{tt.a, tt.b} {
			if got := keysOf(text); !slices.Contains(got, tt.key) {
				t.Errorf("%q: %q lacks %s (said as %q)", text, got, tt.key, tt.a)
			}
		}
	}
}

func TestPointWordsKeepTheHierarchy(t *testing.T) {
	broader := map[string]string{}
	for _, g := range relatedWords {
		broader[g.concept] = g.broader
	}
	for _, g := range pointWords {
		if b, ok := broader[g.concept]; ok && b != g.broader {
			t.Errorf("pointWords puts %q under %q, relatedWords under %q", g.concept, g.broader, b)
		}
		if len(g.words) == 0 {
			t.Errorf("point group %q has no words", g.concept)
		}
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

// TestSimilarFindsTheSamePointInOtherWords: answers that make one point in
// words no two of them share are offered as alike, among a workshop's
// answers on the same subjects that make other points.
func TestSimilarFindsTheSamePointInOtherWords(t *testing.T) {
	m := NewModel(nil)
	stored := map[string]string{
		"evening":   "Mötena med regionen är alltid på dagtid, då jobbar de flesta ideella",
		"unknown":   "Okunskap bland förtroendevalda om vad överenskommelsen innebär",
		"iop":       "IOP!! inte LOU",
		"bus":       "bussarna på landsbygden går för sällan",
		"agreement": "överenskommelsen borde gälla kommunerna också",
		"meeting":   "regionen borde ha fler möten med föreningarna",
		"bid":       "upphandlingen gynnar stora företag",
	}
	for _, id := range []string{"evening", "unknown", "iop", "bus", "agreement", "meeting", "bid"} {
		m.Add(Answer{ID: id, Text: stored[id]})
	}
	for i, text := range []string{
		"tandläkare i föreningslokalen", "kulturbidrag till körer", "färdtjänst till sjukhuset", "fler föreningar på sjukhuset",
		"habiliteringen och föräldrarna", "studieförbund och folkhögskolor", "teater för äldre",
		"psykiatrin och brukarföreningar", "ideella krafter behövs", "bidrag som räcker flera år",
	} {
		m.Add(Answer{ID: fmt.Sprint("f", i), Text: text})
	}
	for text, want := range map[string]string{
		"förlägg samråden på kvällar så vi som är frivilliga också kan delta":           "evening",
		"De flesta i vår nämnd har aldrig hört talas om överenskommelsen":               "unknown",
		"Teckna partnerskapsavtal med föreningarna i stället för att konkurrensutsätta": "iop",
	} {
		got := m.Similar(text, "", 5)
		if len(got) != 1 || got[0].ID != want {
			t.Errorf("Similar(%q) = %+v, want only %s", text, got, want)
		}
	}
}
