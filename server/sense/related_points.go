package sense

// pointWords are the words of the points people make about a subject, in the
// format of relatedWords: not "bussar" and "kollektivtrafik" but "the last
// bus leaves too early", not "föreningar" and "regionen" but "nobody there
// has heard of the agreement". Two answers making the same point in other
// words ("förlägg samråden på kvällar" / "mötena är alltid på dagtid") share
// these concepts, where without them they would share at most their
// subject. A group may name a concept of relatedWords to add words to it;
// the two lists are built into one index.
var pointWords = []related{
	// When meetings and services are held: at a time people with a job, or
	// volunteers, can come or not.
	{"kväll", "", []string{
		"dagtid", "på dagtid", "dagtidsmöten", "arbetstid", "under arbetstid", "på arbetstid", "på arbetstiden",
		"kontorstid", "kontorstider", "kontorstiden", "mitt på dagen", "mitt på dan", "vardagar", "på vardagar",
		"vardagsförmiddagar", "förmiddagar", "eftermiddagar", "när folk jobbar", "när vi jobbar",
		"när de flesta jobbar", "när man jobbar", "då jobbar", "kvällsmöte", "kvällsmöten", "kvällsöppet",
		"kvällsöppen", "kvällsturer", "kvällstur", "kvällsbuss", "kvällsbussar", "kvällstrafik", "kvällstrafiken",
		"sena turer", "sena avgångar", "sena tider", "efter sex", "strax efter sex", "efter klockan", "efter kl",
		"efter arbetet", "kvallar", "kvall",
	}},
	{"dialog", "", []string{
		"mötesdag", "samråd", "samrådsmöte", "samrådsmöten", "dialogmöte", "dialogmöten", "sammanträde", "sammanträden",
		"sammanträdet", "konferens", "konferenser", "konferensen", "mötestid", "mötestider", "mötestiderna",
		"föreningsmöte", "föreningsmötet", "föreningsmöten", "mote", "moten", "motena",
	}},
	// Volunteers as people, not the sector: "vi är ideella", "de flesta ideella".
	{"volontär", "civilsamhälle", []string{
		"vi är ideella", "är ideella", "är ju ideella", "flesta ideella", "de ideella", "vi ideella", "alla ideella",
		"helt ideella", "ideellt aktiva", "ideellt drivna", "ideellt driven", "jobbar ideellt", "arbetar ideellt",
		"på vår fritid", "frivillig basis", "på frivillig basis",
	}},
	// An association's capacity: too small, too few hands for the demands.
	{"ork", "", []string{
		"vi är ideella", "är ideella", "är ju ideella", "helt ideella", "små föreningar", "mindre föreningar",
		"småföreningar", "små organisationer", "mindre organisationer", "små föreningarna", "heltidsanställd",
		"heltidsanställda", "heltidstjänst", "anställd på heltid", "ingen anställd", "ingen personal", "utan personal",
		"själva verksamheten", "än på verksamheten", "från verksamheten", "lägger mer tid", "lägga tid på",
		"lägger tid på", "all tid går åt", "går åt till", "tid som går åt", "tar tid från", "mer tid på", "kapacitet",
		"kapaciteten", "resurser att",
	}},

	// Knowing about something: the agreement, the associations, whom to call.
	{"kännedom", "", []string{
		"hört talas om", "hört talas", "har aldrig hört", "aldrig hört", "inte hört", "hört om", "okunskapen",
		"okunnig", "okunniga", "ovetande", "omedveten", "omedvetna", "ingen koll", "har ingen koll", "dålig koll",
		"koll på", "inte koll", "ingen känner till", "känner ingen till", "känner inte igen", "känner knappt till",
		"vet inte vad", "vet inte att", "vet inte om att", "vet inte ens", "vet ingenting om", "vet ingenting",
		"vet för lite", "vet så lite", "vet väldigt lite", "för lite kunskap", "kunskapen om", "kännedomen",
		"kännedomen om", "okänd för", "okänt för", "ingen kännedom", "bristande kännedom", "ingen som vet",
		"ingen som känner till", "vet inget om", "ingen har läst", "ingen aning om",
	}},
	{"kontaktväg", "dialog", []string{
		"vem man ska ringa", "vem ska man ringa", "vem vi ska ringa", "vem ska vi ringa", "vem man ringer",
		"vem ringer man", "vem ska vi kontakta", "vem ska man kontakta", "vem man kontaktar", "vet inte vem",
		"vem man vänder sig till", "vem vi vänder oss till", "vart man ska vända sig", "var man ska vända sig",
		"vart vi ska vända oss", "vart ska man vända sig", "vart vänder man sig", "vem gör vad", "vem som gör vad",
		"kontaktpunkt", "kontaktpunkter", "kontaktpunkten", "kontaktytor", "kontaktuppgifter", "en ingång",
		"en enda ingång", "skickas runt", "skickas man runt", "bollas mellan", "hänvisas mellan", "skickas mellan",
		"ringer runt", "ringa runt", "ringt runt", "rätt instans", "rätt ställe", "rätt avdelning", "rätt handläggare",
		"ansvarig på regionen", "vem som är ansvarig", "vem som har ansvaret", "ingen ansvarar", "ingen som ansvarar",
		"ingen tar ansvar", "ingen ansvarig", "lots", "lotsfunktion",
	}},

	// Being recognised and seen as a partner.
	{"erkännande", "inflytande", []string{
		"erkännande", "erkännandet", "erkänna", "erkänner", "erkänns", "erkänd", "erkända", "ses som en part",
		"se oss som", "ser oss som", "ser oss inte som", "ser oss inte", "ser inte oss", "som en part", "en part",
		"=part", "=parten", "=parter", "=parterna", "motpart", "motparter", "jämbördig", "jämbördiga", "jämbördigt",
		"jämlik part", "likvärdig part", "likvärdiga parter", "tas på allvar", "tar oss på allvar",
		"tar oss inte på allvar", "tar inte oss på allvar", "inte tas på allvar", "respekt", "respektera",
		"respekterar", "respekteras", "respekten", "värdesätta", "värdesätter", "värdesätts", "uppskattas",
		"uppskattning", "uppskattningen", "bli sedda", "bli sedd", "blir sedda", "blir inte sedda", "samarbetspartner",
		"samarbetspartners", "=partner", "=partners", "=underleverantör", "=underleverantörer", "gratis arbetskraft",
		"billig arbetskraft", "legitimitet", "nedvärderas",
	}},

	// Bureaucracy, forms, control and trust.
	{"byråkrati", "", []string{
		"blankett", "blanketter", "blanketterna", "blanketten", "pappersarbetet", "=papper", "=pappren", "=papperen",
		"fylla i", "fyller i", "fylla i blanketter", "byråkratiska", "byråkratin", "krångel", "krånglet",
		"administrationen", "regelkrångel", "byrakrati", "blanketer",
	}},
	{"ansökan", "byråkrati", []string{
		"ansökningssystem", "ansökningssystemet", "ansökningssystemen", "ansökningsblankett", "ansökningsblanketter",
		"ansökningsblanketten", "ansokan", "ansökningsformulär", "bidragsportalen", "bidragsportal", "söka stöd",
		"söka bidrag", "söka pengar", "söka medel", "söka projektmedel",
	}},
	{"redovisning", "byråkrati", []string{
		"skriva rapporter", "skriver rapporter", "rapportskrivning", "redovisningsblanketter", "slutrapport",
		"slutrapporter", "slutredovisning", "slutredovisningar", "delrapport", "verksamhetsrapport",
		"redovisa varje krona", "varje krona", "statistik", "statistiken",
	}},
	{"förtroende", "", []string{
		"=kontroll", "=kontrollen", "=kontrollera", "=kontrollerar", "=kontrolleras", "=kontrollerande",
		"detaljkontroll", "kontrollsystem", "misstänkliggörs", "misstänkliggjorda", "misstänksamhet", "misstänksam",
		"tillitsbaserad", "tillitsbaserat", "tillitsbaserade", "lita på oss", "litar på oss", "litar inte på",
		"tillita",
	}},

	// Short-term projects and long-term funding.
	{"långsiktighet", "finansiering", []string{
		"börja om från noll", "från noll", "varje år", "årsvis", "år för år", "ettårsbidrag", "ettårsprojekt",
		"ettåriga projekt", "projektfinansiering", "projektfinansierad", "projektfinansierade", "projektanställd",
		"projektanställda", "projektanställning", "projekttid", "projekttiden", "projektet tar slut",
		"när projektet tar slut", "när pengarna tar slut", "pengarna tar slut", "läggs ner när", "dör ut", "självdö",
		"självdör", "planera framåt", "planera för framtiden", "planera mer än", "kunna planera", "planeringshorisont",
		"framförhållning", "flerårsavtal", "fleråriga avtal", "långa avtal", "långsiktiga avtal", "treåriga avtal",
		"stabil finansiering", "stabila förutsättningar", "trygg finansiering", "grundfinansiering",
		"fast finansiering", "fasta bidrag", "permanent finansiering", "lever på projekt", "projekt efter projekt",
		"projekthets",
	}},

	// Partnership instead of procurement.
	{"upphandling", "", []string{
		"konkurrensutsätta", "konkurrensutsätter", "konkurrensutsätts", "konkurrensutsatt", "konkurrensutsatta",
		"konkurrensutsättas", "konkurrensutsättningen", "lagen om offentlig upphandling", "offentlig upphandling",
		"offentliga upphandlingar", "upphandlade", "upphandlat", "upphandlad", "anbudsförfarande", "anbudsförfarandet",
		"lägsta pris", "lägst pris", "billigaste anbudet", "ramavtal", "ramavtalet", "kommersiella aktörer",
		"vinstdrivande företag", "bussbolag", "bussbolagen",
	}},
	{"iop", "upphandling", []string{
		"iop:er", "iop:ar", "iopavtal", "iop avtal", "idéburna partnerskap", "ideburet offentligt partnerskap",
		"ideburna offentliga partnerskap", "offentligt partnerskap", "offentliga partnerskap", "partnerskapsavtalet",
		"partnerskapsavtalen", "partnerskapsmodell", "partnerskapsmodellen", "idéburet offentligt partnerskap",
	}},

	// Costs, discounts and free.
	{"kostnad", "", []string{
		"rabatterad", "rabatterade", "rabatterat", "nedsatt pris", "reducerat pris", "lägre pris", "lägre priser",
		"lägre avgift", "lägre avgifter", "sänkt pris", "sänkta priser", "sänka priset", "sänka priserna",
		"sänkt avgift", "sänkta avgifter", "ta bort avgiften", "slippa betala", "gratis för", "fritt för",
		"kostnadsfria", "avgiftsfria", "för dyrt", "för dyra", "kostar för mycket", "kostar skjortan", "rabbat",
		"resekostnad", "resekostnader", "resekostnaden",
	}},
	{"gruppresa", "biljett", []string{
		"gruppbiljett", "gruppbiljetter", "grupprabatt", "grupprabatter", "gruppresa", "gruppresor", "gruppris",
		"grupppris", "resa i grupp", "åka i grupp", "åker i grupp", "reser i grupp", "barngrupp", "barngrupper",
		"barngruppen", "utflykt", "utflykter", "utflykten", "föreningsresa", "föreningsresor", "klassresa",
		"åka tillsammans", "åker tillsammans",
	}},

	// Referral: the region's staff telling people about an association.
	{"hänvisa", "", []string{
		"tipsa om", "tipsar om", "kontakt med en förening", "kontakt med föreningen", "kontakt med föreningar",
		"kontakt med patientföreningen", "tipsas om", "tipsas", "hänvisas", "slussas", "lotsas", "sätta i kontakt",
		"sätta dem i kontakt", "kopplas ihop med", "koppla ihop", "kopplar ihop", "förmedla kontakt",
		"förmedlar kontakt", "ge kontaktuppgifter", "dela ut broschyrer", "skickas vidare",
	}},
	{"första kontakt", "", []string{
		"första besöket", "vid första besöket", "första mötet", "första kontakten", "precis fått", "nyss fått",
		"just fått", "nydiagnostiserad", "nydiagnostiserade", "nyinsjuknade", "när man får diagnosen",
		"när de får diagnosen", "när diagnosen ställs", "efter diagnosen", "vid diagnos", "efter diagnos",
		"i samband med diagnos", "i samband med diagnosen", "tidigt i förloppet", "så tidigt som möjligt",
		"när man skrivs ut", "innan man går hem",
	}},

	// Patients' and users' own knowledge in the region's work.
	{"brukarmedverkan", "inflytande", []string{
		"brukarmedverkan", "brukarmedverkans", "patientmedverkan", "patientrepresentant", "patientrepresentanter",
		"brukarrepresentant", "brukarrepresentanter", "brukarrepresentation", "patientrepresentation",
		"erfarenhetsexpert", "erfarenhetsexperter", "erfarenhetsexperterna", "erfarenhetskunskap", "brukarnas kunskap",
		"brukarkunskap", "patienternas kunskap", "patienternas erfarenheter", "brukarnas erfarenheter",
		"sitter på kunskap", "sitter på enorm kunskap", "sitter på mycket kunskap", "sitter på kunskapen",
		"enorm kunskap", "vår kunskap", "vår erfarenhet", "våra erfarenheter", "vår expertis", "använd oss",
		"använda oss", "använd vår", "brukarna vet", "patienterna vet", "vet hur det är", "leva med en diagnos",
		"lever med en diagnos", "brukarperspektiv", "brukarperspektivet", "patientperspektiv", "patientperspektivet",
		"experter på", "brukarrevision", "brukarråd",
	}},
	{"vårdutveckling", "vård", []string{
		"vårdprogram", "vårdprogrammen", "vårdprogrammet", "riktlinjer", "riktlinjerna", "vårdrutiner",
		"förbättringsarbete", "förbättringsarbetet", "verksamhetsutveckling", "vårdförlopp", "vårdförloppen",
	}},
	// Peer support: meeting someone who has been through the same.
	{"likastöd", "", []string{
		"någon som själv har", "själv har samma", "samma sjukdom", "samma diagnos", "samma erfarenhet",
		"varit med om samma", "varit i samma", "i samma situation", "likasinnade", "egen erfarenhet",
		"egna erfarenheter", "levd erfarenhet", "stödgrupp", "stödgrupper", "samtalsgrupp", "samtalsgrupper",
		"självhjälpsgrupp", "självhjälpsgrupper", "jämlikestöd", "brukarstöd", "brukarstödjare", "erfarenhetsutbyte",
		"erfarenhetsexpert", "erfarenhetsexperter", "peer support", "någon i samma sits", "själv varit",
	}},
	// Associations present where patients wait.
	{"närvaro i vården", "", []string{
		"väntrum", "väntrummet", "väntrummen", "väntrummets", "ett bord i", "ett bord på", "informationsbord",
		"infobord", "bokbord", "monter", "närvaro", "närvaron", "närvara", "finnas på plats", "vara på plats",
		"finnas på vårdcentralen", "finnas på sjukhuset", "finnas på avdelningen", "stå i entrén", "entrén", "foajén",
		"medan man väntar", "bli inropad", "inropad", "väntar på att bli inropad",
	}},
	{"vårdcentral", "vård", []string{
		"närhälsan", "närhälsa", "närhälsans", "=vardcentral", "=vardcentralen", "=vardcentraler",
	}},
	{"vård", "", []string{
		"digitala vårdtjänster", "vårdtjänster", "=varden", "=sjukvarden", "=sjukvard", "=vard",
	}},
	{"tandvård", "", []string{
		"=tandvard", "=tandvarden", "=folktandvarden", "=folktandvard",
	}},
	{"turtäthet", "kollektivtrafik", []string{
		"går inte på kvällarna", "går inte på kvällen", "går inte på kvällar", "går inte på kvällstid",
		"går inte på helgerna", "går inte på helger", "slutar gå", "ingen buss efter", "inga bussar efter",
		"går inte efter",
	}},
	{"buss", "kollektivtrafik", []string{
		"kvällsbuss", "kvällsbussar", "kvällsbussarna", "sena bussar", "sena bussarna",
	}},
	{"kväll", "", []string{
		"sena bussar", "sena bussarna", "går inte på kvällarna", "går inte på kvällen", "går inte på kvällar",
		"går inte på kvällstid",
	}},
	{"helg", "", []string{
		"går inte på helgerna", "går inte på helger",
	}},
	{"inflytande", "dialog", []string{
		"fråga oss", "frågar oss", "frågar inte oss", "fråga föreningarna", "fråga dem", "fråga brukarna",
		"fråga de berörda", "fråga berörda", "tillfråga", "tillfrågas", "rådfråga", "rådfrågas", "konsultera",
		"konsulteras", "lyssna in", "stämma av med", "innan beslut", "innan beslutet", "innan beslut fattas",
		"före beslut", "innan man beslutar", "innan man bestämmer", "=vara med när", "=va med när", "använd oss",
		"använda oss", "använd vår",
	}},

	// Carers.
	{"anhörig", "familj", []string{
		"tar hand om en sjuk", "ta hand om en sjuk", "tar hand om sin", "ta hand om sin", "tar hand om någon",
		"ta hand om någon", "vårdar en anhörig", "vårdar sin", "sjuk make", "sjuk maka", "sjuk partner", "sin make",
		"sin maka", "=make", "=maka", "=maken", "=makan", "anhörigvård", "anhörigstödet", "anhörigstöd",
		"anhörigförening", "anhörigföreningar", "anhörigföreningarna", "anhörigkonsulent", "anhörigkonsulenter",
		"anhöriga", "anhoriga", "närstående", "anhörigcentrum",
	}},
	// Supporting people, not funding them: "stöttar dem", "anhörigstödet".
	{"stötta", "", []string{
		"stötta", "stöttar", "stöttat", "stöttas", "stöttning", "stöttningen", "stödja", "stödjer", "stödjande",
		"anhörigstöd", "anhörigstödet", "finnas där för", "peppa", "peppar",
	}},
	{"ensamhet", "", []string{
		"lämnade ensamma", "lämnas ensamma", "blir ensamma", "känner sig ensamma", "sitter ensamma", "sitter ensam",
		"sitter hemma", "sitter hemma ensam", "isolerade", "ingen att prata med", "ingen att umgås med", "ensamheten",
	}},

	// Integration and practising Swedish.
	{"svenska", "språk", []string{
		"samtalsträning", "samtalsträna", "prata svenska", "pratar svenska", "öva svenska", "öva på svenskan",
		"öva svenskan", "träna svenska", "tränar svenska", "språkpraktik", "språkpraktiken", "språkcafe", "språkkafé",
		"språkkaféer", "språkkafe", "svenskan", "läser sfi", "läser svenska", "läser på sfi", "går på sfi", "går sfi",
		"studerar sfi", "sfi-undervisningen", "sfi-undervisning", "svenskundervisningen", "språkträffar", "språkträff",
	}},
	{"komplement", "", []string{
		"komplement", "komplementet", "komplettera", "kompletterar", "kompletteras", "komplettering", "kompletterande",
		"som tillägg", "ett tillägg", "utöver det", "vid sidan av", "ersätter inte",
	}},
	{"inkludering", "jämlikhet", []string{
		"inkludering", "inkluderingen", "inkludera", "inkluderar", "inkluderas", "inkluderande", "som alla andra",
		"precis som alla andra", "som andra barn", "på samma villkor", "på lika villkor", "vara med som alla",
		"utestängda", "utestängd", "utesluts", "stängs ute",
	}},
	{"social ekonomi", "civilsamhälle", []string{
		"social ekonomi", "sociala ekonomin", "den sociala ekonomin", "socialekonomi", "sociala ekonomins",
	}},
	{"begrepp", "", []string{
		"begrepp", "begreppet", "begreppen", "=ordet", "termen", "terminologi", "uttrycket", "benämning", "benämningen",
		"benämna", "kalla det", "kalla oss", "kallas för", "kallar oss", "=säg", "byt ut ordet", "låter som",
		"vad det betyder", "vad betyder", "förstår ingen", "ingen förstår", "ingen fattar", "namnet", "språkbruk",
		"ordval",
	}},

	// Children who miss their dental check-ups.
	{"tandkontroll", "tandvård", []string{
		"=kontroller", "=kontrollerna", "tandkontroll", "tandundersökning", "tandundersökningar", "uteblivna besök",
		"uteblivet besök", "tandkontroller", "tandkontrollen", "uteblivna", "uteblivet", "uteblivande",
		"dyker inte upp", "dyker aldrig upp", "aldrig dyker upp", "inte dyker upp", "missar sina tider", "missar tider",
		"missar sina kontroller", "missar kontrollerna", "regelbundna besök", "årlig kontroll",
	}},
	{"barn", "", []string{
		"ungar", "ungarna", "ungen", "kidsen", "barnet", "barnens",
	}},

	// Leisure for children with disabilities.
	{"parasport", "idrott", []string{
		"anpassad träning", "anpassade träningar", "anpassade aktiviteter", "anpassad aktivitet", "anpassad verksamhet",
		"anpassade grupper", "anpassad grupp", "anpassad idrott", "anpassade idrotter", "parasporten",
		"handikappidrotten", "paraidrott", "specialolympics", "unified",
	}},

	// Premises: empty rooms, and nowhere to meet.
	{"lokaler", "", []string{
		"lokal att vara i", "lokal att träffas i", "lokaler att låna", "låna lokaler", "låna lokal", "lånar lokaler",
		"står tomt", "stod tomma", "samlingslokaler", "konferensrum", "konferensrummen", "mötesrum", "=lokalen",
		"=lokalerna", "mötesrummen", "sammanträdesrum", "lokalbokning",
	}},

	// Cuts: services closed, lines withdrawn.
	{"neddragning", "", []string{
		"läggs ner", "läggs ned", "lagts ner", "lagts ned", "lades ner", "lades ned", "dras in", "drogs in",
		"dragits in", "dras ner", "indragen", "indragna", "indragningar", "nedläggning", "nedläggningen",
		"nedläggningar", "neddragning", "neddragningar", "nedskärning", "nedskärningar", "besparing", "besparingar",
		"sparkrav", "skärs ner", "skurits ner",
	}},

	// Culture: amateurs and institutions.
	{"amatörkultur", "kultur", []string{
		"amatörkultur", "amatörkulturen", "amatör", "amatörer", "amatörerna", "amatörförening", "amatörföreningar",
		"amatörföreningarna", "amatörteater", "amatörteatrar", "amatörmusik", "amatörmusiker", "spelmanslag",
		"spelmanslagen", "spelmän", "föreningskultur", "kulturföreningar", "kulturföreningarna", "breddkultur",
		"breddkulturen", "lokala kulturlivet", "fria gruppen", "fria grupper",
	}},
	{"kulturinstitution", "kultur", []string{
		"institution", "institutioner", "institutionerna", "de stora institutionerna", "kulturinstitution",
		"kulturinstitutioner", "kulturinstitutionerna", "operan", "göteborgsoperan", "symfoniorkestern", "symfonikerna",
		"konserthuset", "stadsteatern", "finkultur", "finkulturen", "elitkultur",
	}},
	{"turné", "kultur", []string{
		"turnera", "turnerar", "turnerande", "turné", "turnéer", "turnén", "på turné", "turnéverksamhet",
	}},

	// Digital exclusion and help with it.
	{"digitalt utanförskap", "digitalt", []string{
		"digitalt utanförskap", "digitala utanförskapet", "digitala klyftan", "digital klyfta", "digitala klyftor",
		"inte digitala", "är inte digitala", "utan dator", "saknar dator", "har ingen dator", "utan smartphone",
		"utan bankid", "saknar bankid", "inte har bankid", "har inte bankid", "kan inte logga in", "svårt med datorer",
		"svårt med tekniken", "ovana vid datorer", "datorovana", "datorovan", "it-hjälp", "datorhjälp", "digital hjälp",
		"digitalguide", "digitalguider", "it-guide", "it-guider", "digitala ambassadörer", "inte uppkopplade",
		"utanför digitalt",
	}},

	// Transport: getting to the association's activities at all.
	{"ta sig till", "", []string{
		"kommer inte till", "kommer inte dit", "ingen kan komma", "kan ingen komma", "kommer ingen", "tomt i",
		"kan inte komma", "kan inte ta sig", "inte ta sig", "tar sig inte", "hem efteråt", "ta sig hem",
		"komma hem efteråt",
	}},
}
