package sense

import (
	"reflect"

	"testing"

	"github.com/kljensen/snowball/swedish"
)

func TestStems(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"inflections share a stem", "Föreningar, föreningarna", []string{"förening", "förening"}},
		{"stop words and phone spellings out", "vi o dom borde ha läxhjälp", []string{"läxhjälp"}},
		{"hyphen splits", "npf-anpassade", []string{"npf", "anpass"}},
		{"decomposed å is å", "ta\u030aget", []string{"tåget"}},
		{"numbers alone carry no topic", "sista bussen går kl 18", []string{"sist", "buss", "går", "kl"}},
		{"stop words without å, ä and ö", "manga ar pa plats nar bussen kommer", []string{"plat", "buss"}},
		{"six letters without å, ä and ö", "sadana fragor varfor", []string{"frag"}},
		{"words of their own are kept", "val lag far", []string{"val", "lag", "far"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stems(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Stems(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLexiconFindsCompoundsAndTypos(t *testing.T) {
	lex := newLexicon()
	for _, w := range []string{"tandvård", "vård", "trafik", "habilitering", "buss", "till", "arbet", "samarbet"} {
		lex.add(w)
	}
	parts := []struct {
		word string
		want []string
	}{
		{"tandvårdsstödet", []string{"tandvård"}}, // not also "vård": it lies inside "tandvård"
		{"kollektivtrafiken", []string{"trafik"}},
		{"habiliteringsverksamheten", []string{"habilitering"}},
		{"busskortet", []string{"buss"}},
		{"vårdcentralen", []string{"vård"}},
		{"ombussning", nil},                 // a short stem counts only at the start of a word
		{"tillit", nil},                     // "till" would leave only "it" of the word
		{"samarbeta", []string{"samarbet"}}, // its own stem, not "arbet" inside it
	}
	for _, p := range parts {
		if got := lex.parts(p.word, swedish.Stem(p.word, true)); !reflect.DeepEqual(got, p.want) {
			t.Errorf("parts(%q) = %q, want %q", p.word, got, p.want)
		}
	}
	typos := map[string][]string{
		"habbilitering": {"habilitering"}, // a letter doubled
		"habiliterng":   {"habilitering"}, // dropped
		"habilitreing":  {"habilitering"}, // swapped
		"habilitering":  nil,              // known: no correction
		"kulturen":      nil,              // nothing near
		"tandvard":      {"tandvård"},     // written without å
	}
	for w, want := range typos {
		if got := lex.nearest(w); !reflect.DeepEqual(got, want) {
			t.Errorf("nearest(%q) = %q, want %q", w, got, want)
		}
	}
	lex.add("trafik")
	lex.remove("trafik")
	if got := lex.parts("kollektivtrafiken", "kollektivtrafik"); len(got) != 1 {
		t.Errorf("after one of two references is removed, parts = %q, want trafik still known", got)
	}
	lex.remove("trafik")
	if got := lex.parts("kollektivtrafiken", "kollektivtrafik"); len(got) != 0 {
		t.Errorf("after every reference is removed, parts = %q, want none", got)
	}
}
