package sense

// presetKeywords are the keyword lists that ship with the preset theme sets
// (domain.ThemePresets), written as a facilitator would write them: everyday
// words, inflected as people type them. They go through the same analysis as
// the answers, so "tänder" matches "tänderna" and "tandvård" matches
// "tandvårdsstödet". A workshop's themes get a copy; facilitators edit it.
var presetKeywords = map[string]map[string][]string{
	"vgr": {
		"Hälso- och sjukvård": {
			"sjukvård", "hälso- och sjukvård", "vård", "vården", "hälsa", "hälsovård", "folkhälsa", "ohälsa",
			"sjukhus", "sjukhuset", "vårdcentral", "hälsocentral", "primärvård", "akuten", "akutmottagning", "närakut",
			"ambulans", "psykiatri", "psykisk ohälsa", "psykisk hälsa", "patient", "patienter", "patientförening",
			"anhörig", "anhöriga", "läkare", "sjuksköterska", "barnmorska", "mödravård", "förlossning", "sjukdom",
			"sjuka", "rehabilitering", "rehab", "mottagning", "1177", "beroende", "missbruk", "beroendevård",
			"demens", "cancer", "diabetes", "hjärta", "stroke", "hospice", "vårdgaranti", "väntetider", "behandling",
			"medicin", "läkemedel", "recept", "ungdomsmottagning", "vaccination", "suicid", "vårdpersonal",
		},
		"Tandvård": {
			"tandvård", "folktandvården", "tandläkare", "tandhygienist", "tandsköterska", "tand", "tänder",
			"tandhälsa", "munhälsa", "munvård", "munhygien", "karies", "tandborstning", "tandkräm", "fluor",
			"tandställning", "tandreglering", "tandvårdsstöd", "tandvårdsbidrag", "tandvårdskort", "protes",
			"tandprotes", "implantat", "tandlossning", "tandvårdsrädsla", "akuttandvård", "specialisttandvård",
			"tandklinik", "tandkött", "visdomstand", "bettfysiologi", "odontologi",
		},
		"Habilitering": {
			"habilitering", "habiliteringen", "habben", "barnhabilitering", "vuxenhabilitering", "habilitering och hälsa",
			"funktionsnedsättning", "funktionsnedsättningar", "funktionshinder", "funktionsvariation", "funktionsrätt",
			"intellektuell funktionsnedsättning", "utvecklingsstörning", "autism", "asperger", "adhd", "npf",
			"neuropsykiatrisk", "cp", "rörelsehinder", "döv", "döva", "hörsel", "hörselskadad", "teckenspråk",
			"syncentral", "synskadad", "synskadade", "blind", "hjälpmedel", "rullstol", "lss", "assistans",
			"personlig assistent", "ledsagare", "ledsagning", "daglig verksamhet", "korttidsvistelse",
			"logoped", "arbetsterapeut", "diagnos", "diagnoser",
		},
		"Kollektivtrafik": {
			"kollektivtrafik", "kollektivtrafiken", "västtrafik", "buss", "bussar", "bussen", "busshållplats",
			"hållplats", "busslinje", "linje", "linjer", "tåg", "tåget", "pendeltåg", "spårvagn", "båt", "färja",
			"färdtjänst", "sjukresor", "närtrafik", "anropsstyrd", "resa", "resor", "resande", "biljett", "biljetter",
			"busskort", "periodkort", "resekort", "turtäthet", "tidtabell", "avgång", "avgångar", "turer", "station",
			"resecentrum", "pendling", "pendla", "skolskjuts", "trafik", "chaufför", "perrong", "åka",
		},
		"Kultur": {
			"kultur", "kulturen", "kulturliv", "kulturförening", "kulturföreningar", "kulturarv", "kulturstöd",
			"kulturbidrag", "kulturnämnd", "kultursekretariatet", "kulturhus", "musik", "konsert", "kör", "körer",
			"sång", "teater", "dans", "folkdans", "konst", "konstnär", "konstnärer", "utställning", "museum",
			"museer", "bibliotek", "biblioteket", "läsning", "litteratur", "författare", "film", "festival",
			"festivaler", "scen", "slöjd", "hantverk", "hembygd", "hembygdsförening", "bygdegård", "lokalhistoria",
			"amatörkultur", "orkester", "band", "replokal", "regionteatern", "opera", "poesi", "cirkus", "kulturskola",
		},
		"Utbildning": {
			"utbildning", "utbildningar", "skola", "skolan", "skolor", "grundskola", "gymnasium", "gymnasiet",
			"gymnasieskola", "elev", "elever", "lärare", "läxhjälp", "läxor", "folkhögskola", "folkhögskolor",
			"folkbildning", "studieförbund", "studiecirkel", "studiecirklar", "kurs", "kurser", "vuxenutbildning",
			"komvux", "vux", "yrkesutbildning", "yrkeshögskola", "högskola", "universitet", "forskning", "praktik",
			"praktikplats", "lärling", "lärlingsplats", "sfi", "svenska för invandrare", "undervisning", "lärande",
			"kompetensutveckling", "studier", "studera", "utbildningsnämnd", "betyg", "avhopp", "studenter",
		},
	},
	"principles": {
		"Självständighet och oberoende": {
			"självständighet", "självständig", "självständiga", "oberoende", "fristående", "autonomi", "egen röst",
			"röstbärare", "opinionsbildare", "opinionsbildning", "kritik", "kritisk", "granska", "styrning", "styra",
			"detaljstyrning", "villkor", "frihet", "integritet", "bidragsberoende", "beroende av bidrag",
		},
		"Dialog": {
			"dialog", "dialogen", "samtal", "möte", "möten", "mötesplats", "mötesplatser", "lyssna", "forum",
			"träffas", "träffar", "kommunikation", "kontakt", "kontaktperson", "referensgrupp", "inflytande",
			"delaktighet", "påverka", "jämbördig", "jämlik",
		},
		"Kvalitet": {
			"kvalitet", "kvaliteten", "uppföljning", "följa upp", "utvärdering", "utvärdera", "kvalitetssäkring",
			"kompetens", "resultat", "mäta", "mätning", "indikatorer", "effekt", "effekter", "krav", "standard",
			"professionell", "kunskap", "metoder", "lärande",
		},
		"Långsiktighet": {
			"långsiktighet", "långsiktig", "långsiktigt", "långsiktiga", "flerårig", "fleråriga", "projektbidrag",
			"projekt", "kortsiktig", "kortsiktigt", "stabilitet", "hållbar", "hållbarhet", "framtid", "ettårig",
			"ettåriga", "förutsägbar", "finansiering", "verksamhetsbidrag", "organisationsbidrag", "uthållighet",
		},
		"Öppenhet och insyn": {
			"öppenhet", "insyn", "transparens", "transparent", "öppen", "öppna", "information", "tydlighet",
			"tydlig", "redovisning", "offentlighet", "protokoll", "beslut", "sekretess", "granskning", "ärlighet",
		},
		"Mångfald": {
			"mångfald", "mångkultur", "mångkulturell", "utförare", "olika", "jämställdhet", "hbtq", "integration",
			"nyanlända", "inkludering", "tillgänglighet", "upphandling", "valfrihet", "iop",
			"idéburet offentligt partnerskap", "minoriteter", "språk",
		},
	},
	"eucode": {
		"Information": {
			"information", "informera", "informerar", "nyhetsbrev", "webbplats", "hemsida", "kommunicera",
			"sprida", "kunskap", "broschyr", "informationsmöte", "nyheter", "meddela",
		},
		"Samråd": {
			"samråd", "remiss", "remisser", "remissvar", "konsultation", "synpunkter", "yttrande", "enkät",
			"hearing", "tycka till", "referensgrupp", "höra", "fråga",
		},
		"Dialog": {
			"dialog", "dialogen", "samtal", "möte", "möten", "diskussion", "diskutera", "lyssna", "mötesplats",
			"rundabordssamtal", "workshop", "forum", "utbyte", "träffas",
		},
		"Partnerskap": {
			"partnerskap", "iop", "idéburet offentligt partnerskap", "samarbete", "samverkan", "avtal",
			"gemensamt", "medfinansiering", "överenskommelse", "samarbetsavtal", "partnerskapsavtal",
			"samproduktion", "samfinansiering",
		},
	},
}

// PresetKeywords returns, for a preset theme set ("vgr", "principles",
// "eucode"), the keyword list of each of its themes by theme name: a fresh
// copy for the caller to store and let facilitators edit.
func PresetKeywords(preset string) (map[string][]string, bool) {
	p, ok := presetKeywords[preset]
	if !ok {
		return nil, false
	}
	out := make(map[string][]string, len(p))
	for name, words := range p {
		out[name] = append([]string(nil), words...)
	}
	return out, true
}
