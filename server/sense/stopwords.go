package sense

import "github.com/kljensen/snowball/swedish"

// informal holds words that Snowball's Swedish stop list lacks but tables
// write all the time on a phone: spoken spellings ("o", "va", "dom", "nån"),
// auxiliaries and hedges that say nothing about a topic ("borde", "kunde",
// "behöver"), and fillers ("typ", "lol"). Leaving them in would put "borde"
// at the top of every theme's key terms.
var informal = map[string]bool{
	"o": true, "å": true, "va": true, "dom": true, "nån": true, "nåt": true, "sen": true, "mkt": true,
	"ska": true, "skall": true, "bör": true, "borde": true, "kunna": true, "kunde": true, "måste": true,
	"får": true, "få": true, "fick": true, "vill": true, "ville": true, "behöver": true, "behövs": true,
	"finns": true, "fanns": true, "gör": true, "göra": true, "gjort": true, "görs": true, "kommer": true,
	"också": true, "även": true, "bara": true, "ju": true, "väl": true, "nog": true, "kanske": true,
	"mer": true, "mera": true, "fler": true, "flera": true, "många": true, "lite": true, "idag": true, "dag": true,
	"typ": true, "lol": true, "haha": true, "osv": true, "ex": true, "t": true, "etc": true, "bl": true, "a": true,
	"tex": true, "dvs": true, "via": true, "genom": true, "hos": true, "ihop": true, "tillsammans": true,
	"redan": true, "alltid": true, "aldrig": true, "ingenting": true, "inget": true, "inga": true,
	"vet": true, "tycker": true, "tror": true, "se": true, "ser": true, "bra": true, "mm": true,
}

func isStopWord(lower string) bool {
	return swedish.IsStopWord(lower) || informal[lower]
}
