package remiss_test

import (
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

func labels(sections []domain.Section) []string {
	var out []string
	for _, s := range sections {
		out = append(out, s.Label())
	}
	return out
}

// Issue 13, bug 3: what the splitter got wrong.
func TestSplitIssue13(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string
		body      map[int]string // a section's text must contain this
	}{
		{"a numbered list in the body is text",
			"1. Inledning\nMålen är:\n1. ökad delaktighet\n2. fler samarbeten\n2. Syfte\nText.\n",
			[]string{"1. Inledning", "2. Syfte"}, map[int]string{0: "1. ökad delaktighet\n2. fler samarbeten"}},
		{"a capitalised list that restarts at 1 is text too",
			"1. Inledning\nText.\n2. Mål\nVi vill se:\n1. Ökad delaktighet\n2. Fler samarbeten\n3. Uppföljning\nText.\n",
			[]string{"1. Inledning", "2. Mål", "3. Uppföljning"}, map[int]string{1: "1. Ökad delaktighet\n2. Fler samarbeten"}},
		{"a number with a space is not a heading, and the text is kept",
			"1. Bidrag\nBidraget är\n10 000 kronor per förening\n2. Villkor\nText.\n",
			[]string{"1. Bidrag", "2. Villkor"}, map[int]string{0: "Bidraget är\n10 000 kronor per förening"}},
		{"§ on its own line, the heading on the next",
			"§ 1\nAvtalets parter\nText om parterna.\n\n§ 2\n\nAvtalstid\nTre år.\n",
			[]string{"§ 1 Avtalets parter", "§ 2 Avtalstid"}, map[int]string{1: "Tre år."}},
		{"decimal numbers keep the Swedish style",
			"2 Bakgrund\nText.\n2.1. Syfte\nText.\n2.2 Mål\nText.\n",
			[]string{"2. Bakgrund", "2.1 Syfte", "2.2 Mål"}, nil},
		{"text before the first heading is not a second Inledning",
			"Remissversion 3 mars 2014\n\n1. Inledning\nText.\n2. Syfte\nText.\n",
			[]string{"1. Inledning", "2. Syfte"}, map[int]string{0: "Remissversion 3 mars 2014\n\nText."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sections, err := remiss.Split(c.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := labels(sections); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			for i, want := range c.body {
				if !strings.Contains(sections[i].Body, want) {
					t.Errorf("section %d text %q lacks %q", i, sections[i].Body, want)
				}
			}
		})
	}
}

// The working group joins and splits what the splitter proposed.
func TestJoinAndSplitSections(t *testing.T) {
	sections, err := remiss.Split("1. Inledning\nFörsta stycket.\n2. Syfte\nAndra stycket.\nTredje stycket.\n")
	if err != nil {
		t.Fatal(err)
	}
	joined := remiss.JoinSections(sections, 1)
	if len(joined) != 1 || joined[0].Body != "Första stycket.\n\n2. Syfte\nAndra stycket.\nTredje stycket." {
		t.Fatalf("joined: %+v", joined)
	}
	split := remiss.SplitSection(joined, 0, 2)
	if got := labels(split); strings.Join(got, "|") != "1. Inledning|2. Syfte" || split[1].Body != "Andra stycket.\nTredje stycket." {
		t.Fatalf("split at the heading line: %q %+v", got, split)
	}
	// Split at a line that is not a heading: the new section needs one.
	plain := remiss.SplitSection(sections, 1, 1)
	if len(plain) != 3 || plain[2].Heading != "" || plain[2].Body != "Tredje stycket." || plain[1].Body != "Andra stycket." {
		t.Fatalf("split at a plain line: %+v", plain)
	}
	// Out of range does nothing.
	if same := remiss.JoinSections(sections, 0); len(same) != 2 {
		t.Fatalf("joining the first: %+v", same)
	}
}
