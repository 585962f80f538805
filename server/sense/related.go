package sense

// related groups the words that people at a workshop between the region and
// civil society use for the same thing, so that two answers saying it in
// other words ("bussarna går för sällan på landsbygden" / "för få turer ute
// på landet") are found to be alike. Each group is a concept; its broader
// concept, if any, is the wider subject it belongs to ("buss" is
// "kollektivtrafik"), which counts for less in a comparison. A group holds
// words that mean the same thing; kinds of a thing get groups of their own
// under it ("adhd" and "autism" under "npf"), or every answer about a
// diagnosis would seem to say the same.
//
// Words are written as people write them. Each one stands for its written
// form, its Snowball stem, and itself inside longer compounds ("buss" in
// "nattbussarna", "bidrag" in "kulturbidragen"). A word written "=ord"
// stands only for that exact form: for words whose stem or parts would also
// mean something else ("lokala" is not "lokaler", "billigare" stems to
// "bil"). A word written "-ord" stands for that form and for the last part
// of a compound ("kvarterslokaler", not "lokalsamhället"). A phrase of
// several words stands for that sequence ("ute på landet", "har inte råd"),
// and its words then count for nothing else. An organisation stands for
// what it works for ("SPF Seniorerna" for "äldre").
//
// A word may belong to several groups. To extend: add words to a group, or
// a group with the words of a new subject; related_test.go says what must
// keep holding.
var relatedWords = []related{
	// Civil society and the region.
	{"civilsamhälle", "", []string{
		"frivilligsektorn", "ideella sektorn", "idéburna sektorn", "den idéburna sektorn", "medlemsorganisation",
		"medlemsorganisationer", "paraplyorganisation", "paraplyorganisationer", "ekonomisk förening",
		"ekonomiska föreningar", "röda korset", "röda korsets", "lions", "rotary", "individuell människohjälp",
		"ideell förening", "ideella föreningar", "föreningsdrivna", "föreningsdriven", "idéburen verksamhet",
		"idéburna aktörer", "ideella aktörer", "civilsamhällesorganisationer", "förening", "föreningar", "föreningen",
		"föreningarna", "föreningens", "föreningsliv", "föreningslivet", "ideell", "ideella", "ideellt", "idéburen",
		"idéburna", "idéburet", "idéburna organisationer", "civilsamhälle", "civilsamhället", "civilsamhällets",
		"civila samhället", "det civila samhället", "social ekonomi", "sociala ekonomin", "den sociala ekonomin",
		"ideell sektor", "idéburen sektor", "organisation", "organisationer", "organisationerna", "frivilligorganisation",
		"frivilligorganisationer", "folkrörelse", "folkrörelser", "folkrörelserna", "föreningsvärlden", "klubb", "klubbar",
		"förbund", "förbundet", "riksförbund", "småföreningar", "lokalförening", "lokalföreningar",
	}},
	{"volontär", "civilsamhälle", []string{
		"frivilligarbetare", "frivilliga krafter", "engagerade medlemmar", "ideellt engagerad", "ideellt aktiva",
		"volontärsamordning", "volontärsamordnare", "volontärverksamhet", "frivilliginsatser", "ideella insatser",
		"ideella timmar", "volontär", "volontärer", "volontärerna", "frivillig", "frivilliga", "frivilligt",
		"frivilligarbete", "ideella krafter", "ideellt arbete", "ideellt engagerade", "eldsjäl", "eldsjälar", "medmänniska",
		"medmänniskor",
	}},
	{"besöksvän", "volontär", []string{"besöksvän", "besöksvänner", "besöksverksamhet", "sjukhusvän", "sjukhusvänner"}},
	{"stödperson", "volontär", []string{
		"stödperson", "stödpersoner", "fadder", "faddrar", "mentor", "mentorer", "kontaktfamilj", "språkvän", "språkvänner",
	}},
	{"brukarorganisation", "civilsamhälle", []string{
		"patientförening", "patientföreningar", "patientföreningarna", "patientorganisation", "patientorganisationer",
		"brukarorganisation", "brukarorganisationer", "brukarorganisationerna", "brukarförening", "brukarföreningar",
		"funktionsrättsorganisation", "funktionsrättsorganisationer", "funktionsrättsorganisationerna", "handikappförening",
		"handikappföreningar", "intresseorganisation", "intresseorganisationer", "anhörigförening", "anhörigföreningar",
		"anhörigföreningarna",
	}},
	{"trossamfund", "civilsamhälle", []string{
		"stadsmissionen", "frälsningsarmén", "equmenia", "=pingst", "islamiska förbund", "sjukhuskyrkan", "trossamfund",
		"kyrka", "kyrkan", "kyrkor", "kyrkorna", "svenska kyrkan", "församling", "församlingar", "moské", "moskéer",
		"moskén", "samfund", "diakoni",
	}},
	{"region", "", []string{
		"regional", "regionala", "regionalt", "regionens förvaltningar", "sjukvårdsregionen", "region", "regionen",
		"regionens", "vgr", "västra götalandsregionen", "landsting", "landstinget", "regionfullmäktige", "regionstyrelsen",
		"nämnd", "nämnden", "nämnder", "nämnderna", "förvaltning", "förvaltningen", "det offentliga", "offentlig sektor",
		"offentliga sektorn", "myndighet", "myndigheter",
	}},
	{"politiker", "region", []string{
		"politiker", "politikerna", "politikern", "förtroendevalda", "regionråd", "makthavare", "beslutsfattare",
	}},
	{"tjänsteperson", "region", []string{
		"tjänsteman", "tjänstemän", "tjänstemännen", "tjänsteperson", "tjänstepersoner", "handläggare", "handläggaren",
		"handläggarna",
	}},
	{"kommun", "", []string{"kommun", "kommunen", "kommuner", "kommunerna", "kommunens", "kommunal", "kommunala"}},
	{"överenskommelse", "", []string{"överenskommelse", "överenskommelsen", "överenskommelser", "överenskommelsens"}},

	// Money, premises and administration.
	{"finansiering", "", []string{
		"medfinansiering", "statsbidrag", "grundbidrag", "basfinansiering", "driftstöd", "driftsstöd", "kärnfinansiering",
		"ekonomiskt bidrag", "ekonomiskt tillskott", "finansieringen", "ekonomiska förutsättningar", "ekonomiska resurser",
		"ekonomiskt", "ekonomi", "ekonomin", "stödformer", "bidragsformer", "verksamhetsstöd", "organisationsstöd",
		"bidragsnivåer", "bidragsnivån", "medelstilldelning", "finansieringsmodell", "finansieringsformer", "bidragsgivare",
		"bidragsgivarna", "kronor", "=kr", "pengar", "pengarna", "bidrag", "bidragen", "bidraget", "stöd", "stödet",
		"finansiering", "finansieringen", "finansiera", "medel", "medlen", "anslag", "anslaget", "resurser", "budget",
		"budgeten", "ekonomiskt stöd", "föreningsbidrag", "verksamhetsbidrag", "organisationsbidrag", "driftsbidrag",
		"sponsra", "sponsring", "bidragsgivning", "stödpengar", "projektbidrag", "projektmedel", "projektpengar",
		"projektstöd",
	}},
	{"långsiktighet", "finansiering", []string{
		"på sikt", "över tid", "långsiktiga förutsättningar", "kontinuitet", "kontinuiteten", "varaktig", "varaktiga",
		"varaktigt", "permanent", "permanenta", "ständigt nya projekt", "projektifiering", "tillfällig", "tillfälliga",
		"tillfälligt", "engångsinsatser", "tvåårig", "tvååriga", "treårig", "treåriga", "treårigt", "femårig", "femåriga",
		"år efter år", "långt fram", "planera långsiktigt", "kunna planera", "kan planera", "söka nytt", "söka om",
		"söka på nytt", "varje höst", "tar slut", "löpande", "långsiktig", "långsiktiga", "långsiktigt", "långsiktighet",
		"kortsiktig", "kortsiktiga", "kortsiktigt", "flerårig", "fleråriga", "flerårigt", "ettårig", "ettåriga", "ettårigt",
		"år i taget", "ett år i taget", "från år till år", "börja om", "börjar om", "stabilitet", "stabil", "förutsägbar",
		"förutsägbarhet", "uthållighet", "projektbidrag", "projektmedel", "projektpengar", "projektstöd", "projektform",
		"=projekt", "=projekten", "projektberoende",
	}},
	{"ersättning", "finansiering", []string{
		"kompensation", "kompensera", "kompenseras", "betalning", "ersätta oss", "utan ersättning", "utan betalning",
		"ersättning", "ersättningen", "ersätts", "arvode", "arvoden", "lön", "lönen", "betala", "betalar", "betalas",
		"betalt", "avlönad", "avlönade", "oavlönad", "oavlönat", "på vår fritid", "gratis arbete", "obetald", "obetalt",
	}},
	{"kostnad", "", []string{
		"kosta", "egenavgift", "egenavgifter", "patientavgift", "patientavgifter", "nolltaxa", "reducerad avgift",
		"ekonomiska hinder", "självkostnad", "självkostnadspris", "dyr", "dyrt", "dyra", "dyrare", "kostar", "kostnad",
		"kostnader", "kostnaden", "har inte råd", "inte råd", "har råd", "=billig", "=billigt", "=billiga", "=billigare",
		"=billigast", "gratis", "kostnadsfri", "kostnadsfritt", "avgiftsfri", "avgiftsfritt", "avgift", "avgifter",
		"avgiften", "rabatt", "rabatter", "pris", "priset", "priser", "taxa", "taxan", "subventionera", "subventionerad",
		"subventionerade", "prisvärd",
	}},
	{"låg inkomst", "kostnad", []string{
		"lever på försörjningsstöd", "låg inkomst", "låga inkomster", "liten inkomst", "inkomst", "inkomster", "fattig",
		"fattiga", "fattigdom", "ekonomiskt utsatta", "ekonomiskt utsatt", "pension", "pensionen", "låg pension",
		"liten pension", "försörjningsstöd", "knapp ekonomi", "dålig ekonomi",
	}},
	{"lokaler", "", []string{
		"utrymme", "utrymmen", "står tomma", "stå tomma", "tomma lokaler", "outnyttjade", "lokalbehov", "lokalsituationen",
		"träfflokal", "träfflokaler", "-lokal", "-lokaler", "-lokalen", "-lokalerna", "=rum", "=rummet", "fast lokal",
		"möteslokal", "möteslokaler", "föreningslokal", "föreningslokaler", "lokalhyra", "lokalhyror", "lokalbrist",
		"lokalfrågan", "hyra", "hyran", "hyror", "hyrorna", "hyr", "hyrs", "hyras", "lokalkostnader", "ingenstans att vara",
		"ingenstans att ses", "ingenstans att träffas", "någonstans att vara", "en plats att vara", "föreningshus",
		"=ställe",
	}},
	{"bygdegård", "lokaler", []string{
		"bygdegårdarnas riksförbund", "folkets hus och parker", "bygdegård", "bygdegården", "bygdegårdar", "bygdegårdarna",
		"folkets hus", "medborgarhus", "bygdegårdsförening", "samlingslokal", "samlingslokalen", "samlingslokaler",
		"samlingssal", "byggnad", "underhåll", "renovering", "renovera",
	}},
	{"byråkrati", "", []string{
		"pappersexercis", "formalia", "tungrodd", "tungrott", "administrativ börda", "administrativa bördan", "detaljkrav",
		"bidragssystem", "bidragssystemet", "byråkrati", "byråkratin", "byråkratisk", "byråkratiskt", "administration",
		"administrationen", "administrativ", "administrativa", "administrativt", "pappersarbete", "blankett", "blanketter",
		"regelverk", "regelverket", "krångel", "handläggning", "handläggningstid",
	}},
	{"ansökan", "byråkrati", []string{
		"ansökningsprocess", "ansökningsprocessen", "ansökningsförfarandet", "söka bidrag", "söka pengar", "söka medel",
		"utlysning", "utlysningar", "sökprocessen", "ansökan", "ansökningar", "ansökningarna", "ansöka", "ansöker",
		"ansökningsförfarande", "ansökningstid", "söka", "söker", "sökt", "=söks", "bidragsansökan", "bidragsansökningar",
	}},
	{"redovisning", "byråkrati", []string{
		"dokumentera", "dokumentation", "uppföljningskrav", "rapportskrivande", "redovisningskrav", "redovisningskraven",
		"rapportkrav", "redovisning", "redovisningen", "redovisningar", "redovisa", "redovisar", "återrapportering",
		"återrapportera", "rapportering", "rapportera", "rapporter", "uppföljning", "följa upp", "verksamhetsberättelse",
	}},
	{"ork", "", []string{
		"orka", "orkar", "orkar inte", "orkade", "ork", "hinna", "hinner", "hinner inte", "hann", "tidskrävande",
		"tar så mycket tid", "tar mycket tid", "tar all tid", "mer tid än", "kanslipersonal", "utan anställda",
		"inga anställda", "kansli", "bara ideella", "slits ut", "sliter ut",
	}},
	{"brist", "", []string{
		"brist", "bristen", "brister", "saknas", "saknar", "ont om", "för få", "för lite", "räcker inte",
		"räcker inte till", "otillräcklig", "otillräckliga", "otillräckligt", "finns inte", "finns ingen", "fattas",
	}},
	{"svårt", "", []string{
		"förenkla", "förenklad", "förenklade", "förenkling", "krångla till", "byråkratiska hinder", "hinder", "snårig",
		"snårigt", "snåriga", "fattar inte", "klarar inte", "klarar inte av", "har svårt", "svårigheter", "trösklar",
		"höga trösklar", "svårt", "svår", "svåra", "svårare", "krånglig", "krångligt", "krångliga", "krångligare",
		"komplicerad", "komplicerat", "komplicerade", "omöjlig", "omöjligt", "omöjliga", "besvärlig", "besvärligt",
		"obegriplig", "obegripligt", "oklar", "oklart", "otydlig", "otydligt", "förstå", "förstår", "begripa", "hänga med",
	}},
	{"digitalt", "", []string{
		"digitala verktyg", "videomöte", "videomöten", "digitala möten", "mobilt bankid", "e-legitimation",
		"e-legitimationen", "digitalt utanförskap", "digitala utanförskapet", "digital", "digitalt", "digitala",
		"digitalisering", "dator", "datorer", "bankid", "surfplatta", "digital kompetens", "it", "it-kurser", "datorvana",
	}},
	{"app", "digitalt", []string{"app", "appen", "appar", "mobil", "mobilen", "mobilapp", "smartphone", "i telefonen"}},
	{"webbtjänst", "digitalt", []string{
		"internet", "nätet", "på nätet", "via nätet", "online", "digitala vårdtjänster", "1177", "webb", "webben",
		"webbplats", "hemsida", "hemsidan", "e-tjänst", "e-tjänster", "portal", "portalen", "inloggning", "logga in",
		"formulär",
	}},
	{"bredband", "digitalt", []string{
		"bredband", "bredbandet", "fiber", "uppkoppling", "wifi", "täckning", "mobiltäckning",
	}},

	// Taking part and being heard.
	{"bokning", "", []string{
		"boka", "bokar", "bokas", "bokning", "bokningen", "tidsbokning", "boka tid", "bokar tid", "få en tid",
		"ringa och boka", "telefontid", "telefontider", "telefontiderna",
	}},
	{"dialog", "", []string{
		"diskussion", "diskussioner", "diskutera", "regelbundna möten", "återkommande möten", "dialogträffar", "rådslag",
		"arena", "arenor", "mötesforum", "dialogforum", "dialogen mellan", "samtalsforum", "rundabord", "dialog",
		"dialogen", "dialoger", "dialogmöte", "dialogmöten", "samtal", "samtalet", "samtala", "möte", "möten", "mötet",
		"mötas", "lyssna", "lyssnar", "forum", "=råd", "=rådet", "rundabordssamtal", "träffas regelbundet",
		"prata med varandra", "pratar med varandra", "prata med oss",
	}},
	{"inflytande", "dialog", []string{
		"medskapande", "samskapande", "samskapa", "samproduktion", "medverkan", "reellt inflytande", "bli lyssnade på",
		"tas på allvar", "få säga sitt", "tidigt skede", "i ett tidigt skede", "tidigt i processen", "inflytande",
		"påverka", "påverkar", "påverkan", "delaktighet", "delaktig", "delaktiga", "vara med och påverka",
		"va med och påverka", "få vara med", "vara med tidigt", "tycka till", "tillfrågad", "tillfrågade", "bli hörd",
		"bli hörda", "lyssna på oss", "medbestämmande", "brukarinflytande", "patientinflytande", "samråd", "remiss",
		"remisser", "komma till tals", "=tas med", "involvera", "involverade",
	}},
	{"referensgrupp", "inflytande", []string{
		"referensgrupp", "referensgrupper", "referensgruppen", "brukarråd", "patientråd", "pensionärsråd",
		"funktionsrättsråd", "ungdomsråd", "=råd med", "samrådsgrupp", "arbetsgrupp",
	}},
	{"kontaktväg", "dialog", []string{
		"mottagande", "mottagandet", "tydligt mottagande", "ingång i regionen", "kontaktvägarna", "en dörr",
		"=funktionsbrevlåda", "kontaktcenter", "samordningsfunktion", "samordnande funktion", "skickas runt", "bollas runt",
		"hänvisas runt", "vem som ansvarar", "vem som är ansvarig", "rätt förvaltning", "få tag i", "få tag på",
		"kontaktperson", "kontaktpersoner", "kontaktväg", "kontaktvägar", "väg in", "en väg in", "en dörr in", "ingång",
		"vända oss till", "vända sig till", "vänder oss till", "rätt person", "vem ringer", "vem ska vi ringa",
		"vem man ska kontakta", "vem vi ska kontakta", "samordnare", "kontaktyta", "nå rätt", "hitta rätt",
	}},
	{"återkoppling", "dialog", []string{
		"besked", "inget svar", "svarar inte", "få svar", "hör aldrig av sig", "hör aldrig något", "vad som hände med",
		"återkoppling", "återkoppla", "återkopplar", "feedback", "sammanställning", "sammanställningen", "vad händer med",
		"vad som händer med", "se resultatet", "resultatet", "synpunkterna används", "hur synpunkterna", "det vi sagt",
		"det vi skrivit", "allt vi skrivit", "höra av sig", "höra tillbaka", "återrapport",
	}},
	{"besök", "", []string{
		"hälsa på", "hälsar på", "besöka", "besöker", "besökte", "besök", "komma ut", "kommer ut", "komma ut till",
		"kommer ut till", "åka ut", "åker ut", "komma hit", "kommer hit", "komma till oss", "kommer till oss",
		"komma till våra träffar", "kommer till våra träffar", "ut till föreningarna", "ut till oss", "uppsökande",
		"på plats", "=studiebesök", "ut i verksamheterna", "se hur vi jobbar", "se hur vi arbetar",
	}},
	{"delta", "", []string{
		"delta", "deltar", "deltagande", "deltog", "vara med i", "va med i", "vara med på", "medverka", "medverkar",
		"komma med", "hänga med på", "inte kan vara med",
	}},
	{"rättigheter", "", []string{
		"rättighet", "rättigheter", "rättigheterna", "barnkonventionen", "barnrätt", "barns rättigheter",
		"mänskliga rättigheter", "rätt till", "har rätt till",
	}},
	{"jämlikhet", "", []string{
		"jämlik", "jämlika", "jämlikt", "jämlikhet", "ojämlik", "ojämlikhet", "lika villkor", "rättvis", "rättvisa",
		"orättvis", "diskriminering", "diskrimineras", "likvärdig", "likvärdiga", "jämställdhet", "jämställd",
	}},
	{"demokrati", "", []string{
		"demokrati", "demokratin", "demokratisk", "demokratiska", "demokratifråga", "medborgare", "medborgarna", "invånare",
		"invånarna", "civilt engagemang",
	}},
	{"öppenhet", "", []string{
		"öppenhet", "öppenheten", "insyn", "insynen", "transparens", "transparent", "transparenta", "offentlighet",
		"öppet redovisa",
	}},
	{"kvalitet", "", []string{
		"kvalitet", "kvaliteten", "kvalitetssäkring", "kvalitetssäkra", "utvärdering", "utvärderingar", "utvärdera", "mäta",
		"mätbara", "effekter", "effekten", "indikatorer", "måluppfyllelse",
	}},
	{"hållbarhet", "", []string{
		"hållbar", "hållbara", "hållbart", "hållbarhet", "miljö", "miljön", "klimat", "klimatet", "återbruk", "miljövänlig",
		"miljövänliga",
	}},
	{"mat", "", []string{
		"mat", "maten", "matkasse", "matkassar", "matbank", "matbanken", "matsvinn", "måltid", "måltider", "lunch",
		"frukost",
	}},
	{"förtroende", "", []string{"förtroende", "förtroendet", "tillit", "tilliten", "lita på", "misstro"}},
	{"självständighet", "", []string{
		"självständig", "självständiga", "självständighet", "oberoende", "fristående", "styra", "styr oss", "styrning",
		"styrningen", "detaljstyrning", "detaljstyra", "egen röst", "frihet", "kritisk", "kritik", "granska", "=villkor",
		"villkoren",
	}},
	{"samverkan", "", []string{
		"samarbete", "samarbeten", "samarbetet", "samarbeta", "samarbetar", "samverkan", "samverka", "samverkar",
		"partnerskap", "gemensam", "gemensamt", "gemensamma", "tillsammans med", "ihop med", "i samarbete med",
	}},
	{"upphandling", "", []string{
		"reserverad upphandling", "reserverade kontrakt", "sociala hänsyn", "sociala krav", "anbudsgivare", "upphandling",
		"upphandlingen", "upphandlingar", "upphandla", "upphandlas", "upphandlingsregler", "upphandlingsreglerna", "lou",
		"anbud", "konkurrensutsättning", "konkurrera", "konkurrerar", "valfrihet", "utförare", "stora företag",
		"privata företag", "vinstdrivande",
	}},
	{"iop", "upphandling", []string{
		"iop", "iop-avtal", "idéburet offentligt partnerskap", "idéburna offentliga partnerskap", "partnerskapsavtal",
		"idéburet partnerskap",
	}},
	{"information", "", []string{
		"informationsspridning", "informationsmaterial", "affischer", "affisch", "sociala medier", "facebook",
		"information", "informationen", "info", "informera", "informerar", "informerade", "sprida", "sprider", "nå ut",
		"når ut", "marknadsföra", "marknadsföring", "kommunicera", "kommunikation", "broschyr", "broschyrer", "nyhetsbrev",
		"annonsera", "berätta om", "tala om",
	}},
	{"kännedom", "", []string{
		"förståelse", "förståelsen", "ömsesidig förståelse", "varandras villkor", "varandras verksamheter", "okunskap",
		"bristande kunskap", "kunskapsbrist", "vet inte", "vet knappt", "vet ingen", "ingen vet", "ingen aning",
		"känner inte till", "känner till", "kännedom", "okänd", "okänt", "okända", "osynlig", "osynliga", "syns inte",
		"synas", "synliggöra", "kunskap om", "vet om", "veta om", "medvetenhet", "medvetna", "=känd", "=kända", "ser inte",
		"uppmärksamma",
	}},
	{"hänvisa", "", []string{
		"vägleda", "vägleder", "vägledning", "slussa vidare", "länka vidare", "skickas till", "skicka dem till",
		"berätta om oss", "berättar om oss", "berätta om föreningen", "hänvisa", "hänvisar", "hänvisning", "hänvisningar",
		"tipsa", "tipsar", "tips", "slussa", "slussar", "lotsa", "lotsar", "skicka vidare", "skickar vidare", "förmedla",
		"förmedlar", "förmedla kontakt", "remittera", "recept", "på recept", "socialt recept", "förskriva", "förskriver",
		"skriva ut", "skriver ut",
	}},
	{"kurs", "kunskap", []string{
		"kurs", "kurser", "kursen", "föreläsning", "föreläsningar", "föreläsare", "workshop", "workshops",
		"utbildningstillfälle", "utbildningsdagar", "seminarium", "seminarier", "informationsträff", "temakväll",
		"temakvällar",
	}},
	{"kunskap", "", []string{
		"kompetenshöjning", "utbilda", "utbildar", "utbildas", "fortbilda", "kunskap", "kunskaper", "kunskapen",
		"kompetens", "kompetensen", "utbildningsdag", "fortbildning", "kompetensutveckling", "lära sig", "lär sig", "lära",
		"erfarenhet", "erfarenheter",
	}},

	// People.
	{"unga", "", []string{
		"fryshuset", "unga örnar", "ungdomsorganisation", "ungdomsorganisationer", "ungdomsförbund", "=ung media", "=ung",
		"=unga", "ungdom", "ungdomar", "ungdomarna", "ungdomars", "tonåringar", "tonåring", "tonåren", "tjejer och killar",
		"killar", "=kids", "unga vuxna", "ungdomsverksamhet",
	}},
	{"vuxna", "", []string{"=vuxen", "=vuxna", "vuxenliv", "=de vuxna"}},
	{"barn", "", []string{
		"rädda barnen", "=bris", "barnrättsorganisationer", "majblomman", "barn", "barnen", "barnens", "barns", "småbarn",
		"barnfamiljer", "=kids",
	}},
	{"äldre", "", []string{
		"=spf", "spf seniorerna", "seniorerna", "=skpf", "=rpg", "pensionärsorganisation", "pensionärsorganisationer",
		"pensionärsorganisationerna", "äldreorganisationer", "äldre", "de äldre", "äldres", "pensionär", "pensionärer",
		"pensionärerna", "senior", "seniorer", "seniorerna", "de gamla", "gamla människor", "gamlingar",
		"pensionärsförening", "pensionärsföreningen", "pensionärsföreningar", "=pro", "=spf", "äldreomsorg",
		"äldreomsorgen",
	}},
	{"äldreboende", "äldre", []string{
		"äldreboende", "äldreboenden", "äldreboendena", "=boende", "=boendet", "=boenden", "=boendena", "särskilt boende",
		"vårdboende", "demensboende", "hemtjänst", "hemtjänsten",
	}},
	{"familj", "", []string{
		"familj", "familjen", "familjer", "familjerna", "förälder", "föräldrar", "föräldrarna", "föräldra", "mamma",
		"mammor", "pappa", "pappor", "syskon", "vårdnadshavare",
	}},
	{"anhörig", "familj", []string{
		"sina nära", "nära och kära", "nära anhöriga", "anhörig", "anhöriga", "anhörigas", "närstående", "anhörigstöd",
		"anhörigvårdare",
	}},
	{"mångfald", "", []string{
		"mångfald", "mångfalden", "mångkulturell", "mångkulturella", "interkulturell", "olika kulturer", "olika bakgrund",
		"olika bakgrunder",
	}},
	{"nyanlända", "", []string{
		"utlandsfödda", "utländsk bakgrund", "personer med utländsk bakgrund", "nya invånare", "etablering", "etableringen",
		"etableringsfasen", "nyanländas", "asylboende", "migration", "nyanländ", "nyanlända", "invandrare", "invandrade",
		"flykting", "flyktingar", "asylsökande", "ensamkommande", "utrikes födda", "migranter", "nya svenskar",
		"flyktingförening", "flyktingföreningar", "integration", "integrationen",
	}},
	{"ensamhet", "", []string{
		"ofrivilligt ensamma", "utanförskap", "utanförskapet", "socialt utanförskap", "ensam", "ensamma", "ensamt",
		"ensamhet", "ensamheten", "ofrivillig ensamhet", "isolering", "isolerad", "isolerade", "social isolering",
		"ingen att prata med", "gemenskap", "gemenskapen", "sammanhang", "socialt sammanhang", "umgås", "träffa andra",
		"träffa folk", "nätverk",
	}},
	{"kvinnor", "", []string{"kvinnor", "kvinnorna", "kvinna", "tjejer", "tjej", "flickor", "flicka"}},
	{"jour", "", []string{
		"=roks", "=unizon", "tjejzonen", "kvinnojoursrörelsen", "kvinnojour", "kvinnojouren", "kvinnojourer",
		"kvinnojourerna", "tjejjour", "tjejjouren", "jouren", "brottsofferjour", "brottsofferjouren", "mansjour",
		"våld i nära relationer",
	}},
	{"missbruk", "", []string{
		"iogt-ntos", "=iogt", "iogt-nto", "länkarna", "anonyma alkoholister", "=länkarnas", "nykterhetsrörelsen",
		"tolvstegsprogram", "missbruk", "missbruket", "missbrukare", "beroende", "beroendet", "alkohol", "droger",
		"narkotika", "spelberoende", "missbruksvård", "missbruksvården", "beroendevård",
	}},
	{"hemlöshet", "", []string{
		"hemlös", "hemlösa", "hemlöshet", "papperslösa", "papperslös", "socialt utsatta", "utsatta",
	}},
	{"ledare", "civilsamhälle", []string{
		"ledare", "ledarna", "ledaren", "tränare", "tränarna", "=styrelse", "=styrelsen", "=styrelser", "styrelseledamot",
		"styrelseledamöter", "styrelsearbete", "styrelseuppdrag", "förtroendeuppdrag", "förtroendevald i föreningen",
		"ordförande", "kassör", "sitta i styrelsen",
	}},
	{"engagemang", "civilsamhälle", []string{
		"engagemang", "engagemanget", "engagera", "engagerar", "engagerad", "engagerade", "rekrytera", "rekryterar",
		"rekrytering", "rekryteringen", "locka", "lockar", "nya medlemmar", "medlemmar", "medlemstapp", "ställa upp",
	}},

	// Health care.
	{"vård", "", []string{
		"vård", "vården", "vårdens", "sjukvård", "sjukvården", "sjukvårdens", "hälso- och sjukvård",
		"hälso- och sjukvården", "hälsovård", "vårdgivare", "regionens vård",
	}},
	{"vårdcentral", "vård", []string{
		"=vc", "vårdcentralens", "vårdcentral", "vårdcentralen", "vårdcentraler", "vårdcentralerna", "hälsocentral",
		"hälsocentralen", "hälsocentraler", "primärvård", "primärvården", "närvård", "närvården", "distriktsläkare",
		"husläkare",
	}},
	{"sjukhus", "vård", []string{
		"sjukhusvistelse", "sjukhusvistelsen", "inläggning", "utskrivning", "utskrivna", "vårdavdelning", "vårdavdelningar",
		"sjukhus", "sjukhuset", "sjukhusen", "lasarett", "lasarettet", "avdelning", "avdelningen", "avdelningar",
		"barnavdelning", "barnavdelningen", "inlagd", "inlagda",
	}},
	{"akut", "vård", []string{
		"akut", "akuten", "akutmottagning", "akutmottagningen", "närakut", "närakuten", "ambulans", "ambulansen",
	}},
	{"vårdpersonal", "vård", []string{
		"personalbrist", "bemanning", "bemanningen", "kompetensförsörjning", "vårdanställda", "vårdpersonal",
		"vårdpersonalen", "läkare", "läkarna", "läkaren", "sjuksköterska", "sjuksköterskor", "sjuksköterskorna",
		"sköterska", "sköterskor", "undersköterska", "undersköterskor", "kurator", "kuratorer", "personal", "personalen",
		"vårdens personal", "anställda", "medarbetare", "=apt",
	}},
	{"patient", "vård", []string{
		"vårdtagare", "vårdtagarna", "patient", "patienter", "patienterna", "patientens", "brukare", "brukarna",
	}},
	{"psykisk ohälsa", "vård", []string{
		"=rsmh", "schizofreniförbundet", "=ifs", "=spes", "=mind", "hjärnkoll", "självskadebeteende", "självskada",
		"psykiatriska", "psykiska problem", "psykisk sjukdom", "psykisk ohälsa", "psykiska ohälsan", "psykisk hälsa",
		"psykiska", "psykisk", "psykiatri", "psykiatrin", "mår dåligt", "mår psykiskt dåligt", "mående", "ångest",
		"depression", "deprimerad", "självmord", "suicid", "suicidprevention", "=bup", "barn- och ungdomspsykiatrin",
		"samtalsstöd", "stödsamtal", "psykolog", "psykologer",
	}},
	{"folkhälsa", "vård", []string{
		"livsstil", "kost", "matvanor", "övervikt", "rökning", "rökavvänjning", "tobak", "levnadsvanorna", "folkhälsa",
		"folkhälsan", "folkhälsofråga", "hälsa", "hälsan", "ohälsa", "förebyggande", "förebygga", "förebygger",
		"prevention", "hälsofrämjande", "levnadsvanor", "hälsosamtal", "hälsoundersökning", "hälsoundersökningar",
	}},
	{"fysisk aktivitet", "folkhälsa", []string{
		"fysisk aktivitet", "fysisk aktivitet på recept", "=far", "motion", "motionera", "röra på sig", "rörelse",
		"träning", "träna", "gruppträning", "promenad", "promenader", "friskvård",
	}},
	{"demens", "vård", []string{
		"demens", "demenssjukdom", "demenssjuka", "demenssjukdomar", "alzheimer", "minnessjukdom", "demensförbundet",
		"demensförening",
	}},
	{"avlastning", "anhörig", []string{
		"avlastning", "avlasta", "avlösning", "går på knäna", "utbrända", "utbränd", "slitna",
	}},
	{"afasi", "rehabilitering", []string{
		"afasi", "afasiförening", "afasiföreningen", "afasiföreningar", "afasiförbundet", "talsvårigheter", "logoped",
		"logopeder", "logopederna",
	}},
	{"rehabilitering", "vård", []string{
		"rehabilitering", "rehabiliteringen", "rehab", "rehaben", "eftervård", "återhämtning", "stroke",
	}},
	{"sjukdom", "vård", []string{"sjukdom", "sjukdomar", "kronisk", "kroniskt sjuka", "diagnosförening", "sjuka"}},
	{"cancer", "sjukdom", []string{"cancer", "cancerföreningen", "cancersjuka", "bröstcancer"}},
	{"diabetes", "sjukdom", []string{"diabetes", "diabetesföreningen", "diabetiker"}},
	{"hjärta och lungor", "sjukdom", []string{"hjärt", "hjärtsjuka", "lungsjuka", "hjärt- och lungsjuka", "astma", "kol"}},
	{"reumatism", "sjukdom", []string{"reuma", "reumatiker", "reumatism", "reumatikerförbundet"}},

	// Dental care.
	{"tandvård", "", []string{
		"tandvård", "tandvården", "tandvårdens", "tandvårn", "folktandvård", "folktandvården", "ftv", "tandklinik",
		"tandkliniken", "tandvårdsmottagning",
	}},
	{"tandläkare", "tandvård", []string{
		"tandläkare", "tandläkaren", "tandläkarna", "tandläkarbesök", "tandhygienist", "tandhygienister", "tandsköterska",
		"tandsköterskor", "besök hos tandläkaren", "gå till tandläkaren",
	}},
	{"munhälsa", "tandvård", []string{
		"munhälsa", "munhälsan", "munvård", "munvården", "munhygien", "tandhälsa", "tandhälsan", "tandstatus", "tänder",
		"tänderna", "tand", "tanden", "borsta tänderna", "borsta", "tandborstning", "tandborste", "karies",
		"hål i tänderna", "dåliga tänder", "tandlossning",
	}},
	{"tandvårdsstöd", "tandvård", []string{
		"tandvårdsstöd", "tandvårdsstödet", "tandvårdsbidrag", "tandvårdsbidraget", "tandvårdskort", "tandvårdskortet",
		"särskilt tandvårdsbidrag", "högkostnadsskydd", "högkostnadsskyddet", "frikort", "tandvårdsförsäkring",
		"nödvändig tandvård",
	}},
	{"tandvårdsrädsla", "tandvård", []string{
		"tandvårdsrädsla", "tandläkarskräck", "rädd för tandläkaren", "rädda för tandläkaren",
	}},

	// Habilitation and disability.
	{"habilitering", "", []string{
		"habilitering", "habiliteringen", "habiliteringens", "habben", "habb", "barnhabilitering", "barnhabiliteringen",
		"barnhabben", "vuxenhabilitering", "vuxenhabiliteringen", "vuxenhabben", "habilitering och hälsa",
		"hörselhabilitering", "hörselhabiliteringen",
	}},
	{"funktionsnedsättning", "", []string{
		"funktionsrätt västra götaland", "funktionsrätt sverige", "funktionshinderrörelsen", "funktionsrättsrörelsen",
		"funktionsnedsättning", "funktionsnedsättningar", "funktionsnedsättningen", "funktionshinder", "funktionshindrade",
		"funktionsvariation", "funktionsvariationer", "handikapp", "handikappade", "flerfunktionshinder",
		"personer med funktionsnedsättning", "funktionsrätt",
	}},
	{"rörelsehinder", "funktionsnedsättning", []string{
		"=dhr", "neuroförbundet", "=rbu", "rörelsehinder", "rörelsehindrade", "rörelsenedsättning", "=cp", "cp-skadade",
	}},
	{"intellektuell funktionsnedsättning", "funktionsnedsättning", []string{
		"riksförbundet fub", "=grunden", "intellektuell funktionsnedsättning", "intellektuella funktionsnedsättningar",
		"utvecklingsstörning", "utvecklingsstörda", "=fub",
	}},
	{"npf", "funktionsnedsättning", []string{
		"=attention", "riksförbundet attention", "=npf", "neuropsykiatrisk", "neuropsykiatriska",
		"neuropsykiatriska funktionsnedsättningar", "npf-diagnos", "npf-diagnoser", "attention",
	}},
	{"adhd", "npf", []string{"adhd", "=add"}},
	{"autism", "npf", []string{
		"autism- och aspergerförbundet", "autismföreningen", "autism", "autismen", "autistisk", "autistiska", "asperger",
		"autismförbundet",
	}},
	{"hörsel", "funktionsnedsättning", []string{
		"=hrf", "hörselskadades riksförbund", "dövas riksförbund", "=sdr", "dövas förening", "dövföreningar", "döv", "döva",
		"dövföreningen", "hörsel", "hörseln", "hörselskadad", "hörselskadade", "hörselnedsättning", "teckenspråk",
		"teckenspråket", "dövblind", "hörselskadades",
	}},
	{"syn", "funktionsnedsättning", []string{
		"=srf", "synskadades riksförbund", "=syn", "=synen", "synskadad", "synskadade", "synskadades", "synnedsättning",
		"blind", "blinda", "syncentral", "syncentralen", "punktskrift", "ledarhund",
	}},
	{"hjälpmedel", "funktionsnedsättning", []string{
		"hjälpmedel", "hjälpmedlen", "hjälpmedelscentral", "hjälpmedelscentralen", "rullstol", "rullstolar", "rullator",
		"rullatorer", "hörapparat", "hörapparater", "permobil",
	}},
	{"assistans", "funktionsnedsättning", []string{
		"assistans", "personlig assistans", "personlig assistent", "assistent", "assistenter", "ledsagare", "ledsagning",
		"=lss", "daglig verksamhet", "korttidsboende", "korttids", "gruppbostad",
	}},
	{"övergång till vuxen", "", []string{
		"övergång", "övergången", "övergångar", "glapp", "glappet", "mellan stolarna", "fyller 18", "fyllt 18",
		"blir vuxen", "blir vuxna", "ingen tar över", "tar över", "vuxenlivet", "från barn till vuxen",
		"när barnhabben slutar", "slutar gälla",
	}},
	{"diagnos", "funktionsnedsättning", []string{
		"diagnos", "diagnoser", "diagnosen", "utredning", "utredningar", "utredningen", "utreda", "utredd",
	}},
	{"anpassning", "", []string{
		"anpassa", "anpassad", "anpassade", "anpassat", "anpassning", "anpassningar", "tillgänglig", "tillgängliga",
		"tillgängligt", "tillgänglighet", "otillgänglig", "tillgänglighetsanpassa", "ramp", "rampen", "hiss", "hissen",
		"trappor", "handikappanpassad", "handikappanpassade",
	}},

	// Public transport.
	{"kollektivtrafik", "", []string{
		"mobilitet", "tillgång till kollektivtrafik", "kollektivtrafikförsörjning", "kollektivtrafiknämnden", "resenär",
		"resorna", "=kommunikationer", "=kommunikationerna", "åka kollektivt", "resmöjligheter", "linjetrafik",
		"kollektivtrafik", "kollektivtrafiken", "kollektivtrafike", "kollektivt", "västtrafik", "västtrafiks", "resa",
		"resor", "resorna", "resande", "resenärer", "åka", "åker", "åkte", "pendla", "pendlar", "pendlare", "pendling",
		"trafik", "trafiken", "linje", "linjen", "linjer", "linjerna", "linjenät", "ombord", "chaufför", "chaufförer",
		"chaufförerna", "busschaufför",
	}},
	{"anslutning", "kollektivtrafik", []string{
		"anslutning", "anslutningar", "anslutningen", "anslutningsbuss", "anslutningsbussar", "anslutningsbussarna", "byte",
		"byten", "bytet", "byta", "byter", "bytestid", "inte samordnade", "samordna tidtabellerna", "missar tåget",
		"missar bussen", "missar anslutningen", "tågtider", "tågtiderna", "passar inte tiderna",
	}},
	{"buss", "kollektivtrafik", []string{
		"buss", "bussen", "bussar", "bussarna", "bussarnas", "busslinje", "busslinjer", "busslinjen", "nattbuss",
		"nattbussar", "landsbygdsbuss", "expressbuss", "regionbuss",
	}},
	{"tåg", "kollektivtrafik", []string{
		"tåg", "tåget", "tågen", "pendeltåg", "pendeltågen", "pendeltåget", "regiontåg", "järnväg", "järnvägen",
		"tågtrafik", "tågtrafiken", "spårvagn", "spårvagnar", "spårvagnarna", "spårvagnen",
	}},
	{"båt", "kollektivtrafik", []string{
		"båt", "båten", "båtar", "båttrafik", "båttrafiken", "färja", "färjan", "färjor", "skärgårdstrafik",
	}},
	{"turtäthet", "kollektivtrafik", []string{
		"få avgångar", "turutbud", "trafikutbud", "glesa turer", "indragna turer", "indragna linjer", "glest mellan",
		"kvällstur", "kvällsturer", "helgturer", "morgonturer", "fler turer", "fler avgångar", "turtäthet", "turtätheten",
		"tur", "turer", "turerna", "turen", "avgång", "avgångar", "avgångarna", "tidtabell", "tidtabellen", "tidtabeller",
		"sällan", "för sällan", "oftare", "gå oftare", "går oftare", "glest", "gånger om dagen", "gånger om dan",
		"sista bussen", "första bussen", "inställd", "inställda", "inställt", "indragen", "indragna", "dras in",
		"neddragning", "neddragningar", "linjeomläggning", "linjeomläggningar",
	}},
	{"hållplats", "kollektivtrafik", []string{
		"hållplats", "hållplatsen", "hållplatser", "hållplatserna", "busshållplats", "busshållplatsen", "station",
		"stationen", "stationer", "stationerna", "busstation", "busstationen", "resecentrum", "resecentrumet", "perrong",
		"väntsal", "väntsalen", "pendelparkering",
	}},
	{"biljett", "kollektivtrafik", []string{
		"biljettsystem", "biljettsystemet", "biljettautomat", "biljettautomater", "västtrafikkort", "=togo", "biljett",
		"biljetter", "biljetten", "biljettpris", "biljettpriser", "busskort", "busskortet", "busskorten", "periodkort",
		"resekort", "seniorkort", "ungdomskort", "skolkort", "sommarlovskort", "köpa biljett", "kontant", "kontanter",
		"betala ombord", "åka gratis", "gratis resor", "fria resor", "avgiftsfri kollektivtrafik",
	}},
	{"färdtjänst", "kollektivtrafik", []string{
		"färdtjänst", "färdtjänsten", "sjukresa", "sjukresor", "sjukresorna", "anropsstyrd", "anropsstyrda", "närtrafik",
		"närtrafiken", "taxi", "taxin", "boka resan", "boka resa",
	}},
	{"bil", "", []string{
		"=bil", "=bilen", "=bilar", "=bilarna", "körkort", "körkortet", "skjuts", "skjutsa", "samåkning", "bilberoende",
	}},
	{"skolskjuts", "kollektivtrafik", []string{
		"skolskjuts", "skolskjutsen", "skolskjutsar", "skolskjutsarna", "skolbuss", "skolbussen",
	}},
	{"trygghet", "", []string{
		"trygghetsvandring", "trygghetsvandringar", "otrygga miljöer", "trygg", "trygga", "tryggt", "trygghet",
		"tryggheten", "otrygg", "otrygga", "otryggt", "otrygghet", "säker", "säkert", "säkerhet", "rädd", "rädda", "läskig",
		"läskigt", "obehaglig", "obehagligt", "mörkt", "mörker", "mörkret", "belysning", "belysningen", "dåligt upplyst",
		"nattvandrare", "nattvandring", "hot", "våld", "trakasserier",
	}},
	{"ta sig till", "", []string{
		"transport", "transporter", "resväg", "reseavstånd", "svårt att ta sig", "ta sig till", "ta sig dit", "ta sig hem",
		"ta sig fram", "tar sig till", "tar sig dit", "komma dit", "komma till oss", "komma hem", "komma fram",
		"hinner inte hem", "utan bil", "utan körkort", "avstånd", "avståndet", "långt bort", "lång väg", "långa avstånd",
		"=mil", "restid", "restiden",
	}},
	{"landsbygd", "", []string{
		"hela sverige ska leva", "byalag", "byalaget", "byaföreningar", "bygderåd", "länsbygderådet",
		"landsbygdsperspektiv", "småkommuner", "glesbefolkad", "glesbefolkade", "glesbefolkat", "avfolkningsbygd",
		"avfolkningsbygder", "avfolkningsbygderna", "landsorten", "ute i länet", "landsbygd", "landsbygden", "landsbygdens",
		"glesbygd", "glesbygden", "glesbygdens", "ute på landet", "på landet", "=landet", "=by", "=byn", "=byar", "=byarna",
		"byarnas", "bygd", "bygden", "bygder", "bygderna", "=orten", "=orter", "mindre orter", "småorter", "småort",
		"ute i byarna", "skärgård", "skärgården", "öarna", "inlandet",
	}},
	{"förort", "", []string{
		"utanförskapsområden", "särskilt utsatta områden", "socioekonomiskt utsatta områden", "förort", "förorten",
		"förorter", "förorterna", "bostadsområde", "bostadsområden", "utsatta områden", "socialt utsatta områden",
		"miljonprogram", "miljonprogrammet", "stadsdel", "stadsdelar", "områdena", "i områdena", "ytterområden",
	}},
	{"kväll", "", []string{
		"kväll", "kvällen", "kvällar", "kvällarna", "kvällstid", "kvällstider", "kvällstiderna", "kvällstid", "sent",
		"på kvällen", "efter jobbet", "efter arbetstid", "=natt", "=natten", "nattetid",
	}},
	{"helg", "", []string{
		"helg", "helgen", "helger", "helgerna", "lördag", "lördagar", "söndag", "söndagar", "på helgen",
	}},
	{"öppettider", "", []string{
		"nedläggning", "nedläggningen", "stängning", "stängningen", "läggs ned", "lagts ned", "neddragen", "centralisering",
		"öppet", "öppettider", "öppettiderna", "öppethållande", "stängt", "stänger", "stängd", "stängs", "håller öppet",
		"nedlagd", "lagts ner", "läggs ner", "har stängt",
	}},
	{"väntetid", "", []string{
		"vårdkö", "vårdköer", "vårdköerna", "vårdgaranti", "vårdgarantin", "lång väntan", "långa köer", "väntetid",
		"väntetider", "väntetiden", "väntetiderna", "vänta", "väntar", "väntan", "väntat", "kö", "köer", "köerna", "kön",
		"kötid", "köa", "väntelista", "väntelistor", "väntelistorna", "dröja", "dröjer", "lång tid", "för lång tid",
		"tar tid", "tar lång tid", "länge", "i månader", "månader", "halvår", "ett halvår",
	}},

	// Culture.
	{"kultur", "", []string{
		"kulturinstitution", "kulturinstitutioner", "kulturaktiviteter", "kulturhus", "kulturhuset", "kultur", "kulturen",
		"kulturell", "kulturella", "kulturlivet", "kulturliv", "kulturverksamhet", "kulturförening", "kulturföreningar",
		"kulturföreningarna", "kulturutbud", "utbud", "utbudet", "kulturnämnden", "kultursekretariatet", "amatörkultur",
		"amatörkulturen", "kulturarrangör", "kulturarrangörer",
	}},
	{"musik", "kultur", []string{
		"körförbund", "körförbundet", "musikföreningar", "musikförening", "musik", "musiken", "musiker", "konsert",
		"konserter", "konserten", "=kör", "=körer", "=kören", "körerna", "körsång", "sång", "sjunga", "sjunger", "orkester",
		"orkestrar", "orkestrarna", "=band", "=banden", "=bandet", "spela", "spelar", "instrument", "instrumenten",
		"musikverksamhet", "musikskola",
	}},
	{"teater", "kultur", []string{
		"amatörteaterns riksförbund", "teater", "teatern", "teatrar", "teatrarna", "amatörteater", "amatörteatrar",
		"teaterförening", "föreställning", "föreställningar", "föreställningen", "pjäs", "pjäser", "revy", "drama",
		"regionteatern", "skådespelare", "=scen", "=scenen", "=scener", "scenkonst",
	}},
	{"konst", "kultur", []string{
		"konst", "konsten", "konstnär", "konstnärer", "konstnärerna", "utställning", "utställningar", "utställningen",
		"galleri", "konsthall", "bildkonst", "konstprojekt",
	}},
	{"läsning", "kultur", []string{
		"läsning", "läsa", "läser", "böcker", "bok", "boken", "författare", "författarbesök", "litteratur", "läsecirkel",
		"läsecirklar", "läsfrämjande", "bokcirkel", "läsombud", "högläsning", "läslust",
	}},
	{"museum", "kultur", []string{"museum", "museet", "museer", "museerna", "föremål"}},
	{"bibliotek", "kultur", []string{
		"folkbibliotek", "folkbiblioteken", "folkbiblioteket", "bokbuss", "bokbussen", "biblioteksfilial", "bibliotek",
		"biblioteket", "biblioteken", "bibblan",
	}},
	{"repetition", "kultur", []string{
		"=repa", "=repar", "=repas", "repetera", "repeterar", "repetition", "repetitioner", "replokal", "replokaler",
		"övningslokal", "öva", "övar",
	}},
	{"arrangemang", "kultur", []string{
		"festival", "festivaler", "festivalen", "arrangera", "arrangerar", "arrangemang", "evenemang", "evenemangen",
		"arrangör", "arrangörer", "=scen", "=scener", "=scenen",
	}},
	{"kulturarv", "kultur", []string{
		"hembygdsförbundet", "hembygdsrörelsen", "kulturarv", "kulturarvet", "hembygd", "hembygdsförening",
		"hembygdsföreningar", "hembygdsföreningarnas", "lokalhistoria", "historia", "gamla båtar", "järnvägsförening",
	}},
	{"dans", "kultur", []string{"=dans", "=dansen", "dansa", "folkdans", "folkdanslaget", "dansgrupp"}},
	{"film", "kultur", []string{"=film", "=filmer", "=filmen", "filma", "bio", "biograf"}},
	{"kulturskola", "kultur", []string{"kulturskola", "kulturskolan", "kulturskolor", "musikskolan"}},

	// Education.
	{"skola", "", []string{
		"skola", "skolan", "skolor", "skolorna", "skolans", "grundskola", "grundskolan", "gymnasium", "gymnasiet",
		"gymnasieskola", "gymnasieskolan", "elev", "elever", "eleverna", "lärare", "lärarna", "rektor", "rektorer",
		"undervisning", "undervisningen", "klass", "klassen", "skolarbetet", "skoldag", "skoldagen",
	}},
	{"förskola", "skola", []string{"förskola", "förskolan", "förskolor", "dagis", "fritids", "fritidshem"}},
	{"läxa", "skola", []string{
		"läxhjälpen", "läxa", "läxor", "läxorna", "läxhjälp", "läxhjälpen", "läxläsning", "läxläsningen", "läxcafé",
		"studiestöd", "hjälp med skolarbetet", "hjälp med läxorna",
	}},
	{"folkbildning", "", []string{
		"folkbildning", "folkbildningen", "studieförbund", "studieförbunden", "studieförbundet", "studiecirkel",
		"studiecirklar", "studiecirkeln", "cirkel", "cirklar", "=abf", "studiefrämjandet", "vuxenskolan", "sensus",
		"=bilda", "medborgarskolan", "ibn rushd", "folkuniversitetet", "bildningsförbund",
	}},
	{"folkhögskola", "folkbildning", []string{
		"allmän kurs", "allmänna kursen", "=fhsk", "folkhögskola", "folkhögskolan", "folkhögskolor", "folkhögskolorna",
		"folkhögskolekurser", "folkhögskolekurs",
	}},
	{"vuxenutbildning", "", []string{
		"vuxenutbildning", "vuxenutbildningen", "komvux", "=vux", "yrkesutbildning", "yrkesutbildningar", "yrkeshögskola",
		"omskolning", "validering",
	}},
	{"avhopp", "skola", []string{
		"gymnasieexamen", "utan gymnasieexamen", "inte har gymnasiet", "saknar gymnasieexamen", "ofullständig skolgång",
		"avhopp", "hoppa av", "hoppar av", "hoppat av", "hoppade av", "avbrutit", "ofullständiga betyg", "inte klarat",
		"inte klarar", "klarat gymnasiet", "andra chans", "ny chans", "en chans till", "gått ut grundskolan",
		"saknar betyg", "utan betyg",
	}},
	{"praktik", "arbete", []string{
		"praktik", "praktiken", "praktikplats", "praktikplatser", "lärlingsplats", "lärlingsplatser", "lärling",
		"arbetsträning", "sommarjobb", "feriearbete", "feriejobb", "prao",
	}},
	{"arbete", "", []string{
		"arbetslivet", "jobbmöjligheter", "anställningsbarhet", "extratjänster", "lönebidrag", "nystartsjobb",
		"=coompanion", "arbetsintegrerande sociala företag", "sysselsättningen", "meningsfull sysselsättning",
		"arbetsförmedlingen", "egen försörjning", "arbetsmarknad", "arbetsmarknaden", "långt från arbetsmarknaden",
		"arbetslös", "arbetslösa", "långtidsarbetslösa", "jobb", "jobbet", "sysselsättning", "anställning",
		"sociala företag", "socialt företag", "arbetsintegrerande", "kooperativ",
	}},
	{"lov", "", []string{
		"=lov", "=lovet", "sommarlov", "sommarlovet", "lovaktiviteter", "lovaktivitet", "sportlov", "höstlov", "jullov",
		"påsklov", "sommarskola", "sommarlovsaktiviteter", "inte reser bort", "åker nånstans", "åker någonstans",
		"reser bort",
	}},
	{"språk", "", []string{
		"språk", "språket", "språken", "på olika språk", "fler språk", "modersmål", "modersmålet", "modersmålskompetens",
		"tolk", "tolkar", "tolka", "tolkning", "översätta", "översätter", "översättning", "översatt", "arabiska",
		"somaliska", "dari", "tigrinja", "persiska", "engelska", "lättläst", "lätt svenska", "flerspråkig", "flerspråkiga",
	}},
	{"svenska", "språk", []string{
		"=sfi", "svenska för invandrare", "svenskundervisning", "svenskträning", "språkträning", "språkcafé", "språkcaféer",
		"språkvän", "språkvänner", "lära sig svenska", "=svenska", "språkstöd",
	}},
	{"fritid", "", []string{
		"fritidsbanken", "fritidsbank", "fritid", "fritiden", "fritidsaktivitet", "fritidsaktiviteter", "fritidsgård",
		"fritidsgården", "fritidsgårdar", "hobby", "meningsfull fritid", "aktivitet", "aktiviteter", "aktiviteterna",
	}},
	{"idrott", "", []string{
		"idrott", "idrotten", "idrottsförening", "idrottsföreningar", "idrottsföreningarna", "idrottsrörelsen", "sport",
		"idrottsklubb", "idrottsklubbar", "=klubben", "idrotta",
	}},
	{"parasport", "idrott", []string{
		"parasport", "anpassad idrott", "handikappidrott", "rullstolsbasket", "rullstolsidrott", "specialolympics",
	}},
	{"fotboll", "idrott", []string{"fotboll", "fotbollsklubb", "fotbollsklubben", "fotbollslag", "fotbollsträning"}},
	{"simning", "idrott", []string{"simning", "simträning", "simhall", "simhallen", "simma", "simskola"}},
	{"ridning", "idrott", []string{"ridning", "ridterapi", "ridskola", "ridklubb", "hästar"}},
	{"friluftsliv", "idrott", []string{
		"friluftsfrämjandet", "friluftsliv", "friluftsfrämjandet", "scout", "scouter", "scouterna", "vandring", "naturen",
	}},
	{"mötesplats", "", []string{
		"samlingspunkt", "öppna mötesplatser", "mötesplatsverksamhet", "möter", "möta", "sammankomst", "sammankomster",
		"sammankomsterna", "mötesplats", "mötesplatser", "mötesplatsen", "träff", "träffar", "träffarna", "träffas", "ses",
		"mötas", "möts", "samlingsplats", "café", "kafé", "öppen verksamhet", "träffpunkt", "träffpunkter",
	}},
}

// related is one group of relatedWords.
type related struct {
	concept string
	broader string
	words   []string
}

// everyday are the concepts nearly every answer at such a workshop speaks of
// ("föreningar", "regionen", "samarbete"). Two answers sharing them share
// the setting, not the point: they weigh less, and they are not among the
// specific things two answers must have in common to be offered as alike.
var everyday = map[string]bool{
	"civilsamhälle": true, "region": true, "kommun": true, "samverkan": true, "delta": true, "kunskap": true,
}

// plainVague holds vagueWords as written without å, ä and ö.
var plainVague = plainKeys(vagueWords)

// vagueWords are words that no group knows and that say nothing about what
// an answer is about, however rare they are in a workshop: verbs and
// adjectives of any topic ("funkar", "viktigt"). They do not count when
// answers are compared.
var vagueWords = map[string]bool{
	"funkar": true, "funka": true, "funkade": true, "fungerar": true, "fungera": true, "fungerade": true,
	"ge": true, "ger": true, "gav": true, "ta": true, "tar": true, "tog": true, "gå": true, "går": true,
	"gick": true, "bli": true, "blir": true, "blev": true, "hjälpa": true, "hjälper": true, "använda": true,
	"används": true, "använder": true, "erbjuda": true, "erbjuder": true, "viktig": true, "viktigt": true,
	"viktiga": true, "jättebra": true, "jätteviktigt": true, "stor": true, "stora": true, "större": true,
	"små": true, "liten": true, "litet": true, "mindre": true, "egen": true, "eget": true, "egna": true,
	"hela": true, "helt": true, "massa": true, "sätt": true, "del": true, "saker": true, "grejer": true,
	"folk": true, "människor": true, "personer": true, "person": true, "ökar": true, "öka": true,
	"minska": true, "minskar": true, "bättre": true, "sämre": true, "enkel": true, "enkelt": true,
	"tydlig": true, "tydligt": true, "tydligare": true, "möjlighet": true, "möjligheter": true,
	"exempel": true, "exempelvis": true, "istället": true, "ungefär": true, "själva": true, "själv": true,
	"sig": true, "sin": true, "sina": true, "sitt": true, "annat": true, "andra": true, "annan": true,
	"samma": true, "nya": true, "ny": true, "nytt": true, "gamla": true, "första": true, "sista": true,
	"kan": true, "kunde": true, "vara": true, "va": true, "är": true, "var": true, "varit": true,
	"jobba": true, "jobbar": true, "arbeta": true, "arbetar": true, "handlar": true, "gäller": true,
	"sker": true, "ske": true, "tänka": true, "tänker": true, "prata": true, "pratar": true,
	"kring": true, "låt": true, "låta": true, "står": true, "stå": true, "användas": true, "bland": true,
	"finnas": true, "hitta": true, "hittar": true, "in": true, "alls": true, "annars": true, "bort": true,
	"emot": true, "enda": true, "särskilt": true, "ofta": true, "igen": true, "dock": true, "driver": true,
	"driva": true, "tappar": true, "tappa": true, "lång": true, "långa": true, "långt": true, "grupper": true,
	"grupp": true, "gruppen": true, "tid": true, "tiden": true, "roll": true, "höga": true, "hög": true,
	"högt": true, "låg": true, "låga": true, "lågt": true, "följa": true, "bor": true, "finns": true,
}
