package sense

import (
	"strings"

	"github.com/kljensen/snowball/swedish"
)

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
	return swedish.IsStopWord(lower) || informal[lower] || plainStopWord(lower)
}

// plainInformal holds informal's words as written without å, ä and ö.
var plainInformal = plainKeys(informal)

// plainStopWord reports whether a word is a stop word written without å, ä
// and ö, as phones without a Swedish keyboard write them ("pa", "nar",
// "manga"), and not a word of its own (plainWords). Snowball's list cannot
// be walked, so a short word's possible spellings are tried instead: its
// stop words are six letters or shorter ("sådana").
func plainStopWord(lower string) bool {
	if plainInformal[lower] {
		return true
	}
	rs := []rune(lower)
	if len(rs) > 6 || plainWords[lower] || strings.ContainsAny(lower, "åäö") {
		return false
	}
	var try func(i int) bool
	try = func(i int) bool {
		for ; i < len(rs) && rs[i] != 'a' && rs[i] != 'o'; i++ {
		}
		if i == len(rs) {
			w := string(rs)
			return w != lower && (swedish.IsStopWord(w) || informal[w])
		}
		alts := []rune{'a', 'å', 'ä'}
		if rs[i] == 'o' {
			alts = []rune{'o', 'ö'}
		}
		orig := rs[i]
		defer func() { rs[i] = orig }()
		for _, r := range alts {
			rs[i] = r
			if try(i + 1) {
				return true
			}
		}
		return false
	}
	return try(0)
}

// plainWords are words that a stop or vague word written without å, ä and
// ö would also be, and that mean something: "val" (väl) is an election,
// "lag" (låg) a law, "far" (får) a father.
var plainWords = map[string]bool{
	"val": true, "far": true, "bor": true, "sant": true, "lag": true, "laga": true, "lat": true, "star": true,
}

// plainKeys returns a set's words that hold å, ä or ö, written without them,
// leaving out those that are words of their own (plainWords).
func plainKeys(set map[string]bool) map[string]bool {
	out := map[string]bool{}
	for w := range set {
		if p := plainLetters(w); p != w && !plainWords[p] {
			out[p] = true
		}
	}
	return out
}
