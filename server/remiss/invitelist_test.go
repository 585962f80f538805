package remiss_test

import (
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

// Issue 13, bug 2: names with ';' or quotes, tab-separated lines that also
// hold a ';', CSV quoting, and errors that name the line.
func TestParseInviteList(t *testing.T) {
	cases := []struct {
		name, paste string
		want        []remiss.Invitee
	}{
		{"semicolon and quotes in the name", "Stiftelsen \"Bättre Liv\"; Väst;info@battreliv.example.se",
			[]remiss.Invitee{{Organisation: `Stiftelsen "Bättre Liv"; Väst`, Email: "info@battreliv.example.se", Line: 1}}},
		{"a spreadsheet copy: tab wins over a ';' in the name", "Organisation\tE-post\nFöreningen Väst; Öst\tkansli@vo.example.se\n",
			[]remiss.Invitee{{Organisation: "Föreningen Väst; Öst", Email: "kansli@vo.example.se", Line: 2}}},
		{"CSV quoting with ';'", `"Stiftelsen ""Bättre Liv""; Väst";info@battreliv.example.se`,
			[]remiss.Invitee{{Organisation: `Stiftelsen "Bättre Liv"; Väst`, Email: "info@battreliv.example.se", Line: 1}}},
		{"CSV quoting with ','", `"Coompanion, Göteborg",info@coompanion.example.se`,
			[]remiss.Invitee{{Organisation: "Coompanion, Göteborg", Email: "info@coompanion.example.se", Line: 1}}},
		{"a spreadsheet's own quoting of a cell with quotes", "\"Stiftelsen \"\"Bättre Liv\"\"\"\tinfo@battreliv.example.se\tengelska",
			[]remiss.Invitee{{Organisation: `Stiftelsen "Bättre Liv"`, Email: "info@battreliv.example.se", Lang: "en", Line: 1}}},
		{"plain lines, CRLF, a language column", "Länsbygderådet;info@lbr.example.se;sv\r\n\r\nIdeell Arena;kontakt@ia.example.se;en\r\n",
			[]remiss.Invitee{{Organisation: "Länsbygderådet", Email: "info@lbr.example.se", Lang: "sv", Line: 1},
				{Organisation: "Ideell Arena", Email: "kontakt@ia.example.se", Lang: "en", Line: 3}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := remiss.ParseInviteList(c.paste)
			if err != nil {
				t.Fatalf("%v", err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("line %d: got %+v, want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
	_, err := remiss.ParseInviteList("Organisation;E-post\nLänsbygderådet;info@lbr.example.se\nBara ett namn utan adress\n")
	if e := domain.AsError(err); e.Code != "remiss_invite_line" || e.Params["line"] != 3 {
		t.Errorf("a line without an address: %v %v, want remiss_invite_line naming line 3", err, e.Params)
	}
}

// A bad line found when the list is stored is named by its line too.
func TestInviteErrorsNameTheLine(t *testing.T) {
	f := setup(t)
	list, err := remiss.ParseInviteList("Ny förening;ny@example.se\nCoompanion Göteborgsregionen;info@coompanion.example.se\n")
	if err != nil {
		t.Fatal(err)
	}
	err = f.w.Do(t.Context(), &remiss.Invite{ConsultationID: f.id, List: list})
	if e := domain.AsError(err); e.Code != "remiss_invitee_exists" || e.Params["line"] != 2 {
		t.Fatalf("duplicate on line 2: %v %v", err, e.Params)
	}
}
