// Command themes-eval scores Samråd's theme suggestions and near-duplicate
// lookup on a labelled file, through the same package (server/sense) the
// server uses.
//
//	go run ./scripts/themes-eval -data scripts/themes-eval/testdata/heldout5.jsonl -k 3
//
// The file has one JSON object per line:
//
//	{"text": "...", "theme": "Tandvård", "dup": "group" or null}
//
// where theme is a theme of the "VGR:s verksamheter" preset or "Övrigt" for
// the parking lot, and answers sharing a dup group say the same thing. The
// first k answers of each theme, in file order, count as placed by a
// facilitator; every other answer gets a suggestion. Duplicate pairs are
// looked up as the server does: each answer, as it arrives, against those
// that came before it, with the theme suggested for it; the first k answers
// of each theme are placed by the facilitator as they arrive.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
)

// parking is the parking lot's name in the labelled files.
const parking = "Övrigt"

type row struct {
	Text  string  `json:"text"`
	Theme string  `json:"theme"`
	Dup   *string `json:"dup"`
}

func main() {
	data := flag.String("data", "", "labelled answers, one JSON object per line")
	k := flag.Int("k", 3, "answers per theme placed by a facilitator before suggestions are scored")
	verbose := flag.Bool("v", false, "also list the wrong suggestions and duplicate pairs")
	flag.Parse()
	if *data == "" || *k < 0 {
		flag.Usage()
		os.Exit(2)
	}
	rows, err := read(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "themes-eval:", err)
		os.Exit(1)
	}
	report(os.Stdout, rows, *k, *verbose)
}

func read(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, _ := domain.PresetThemes("vgr")
	valid := map[string]bool{parking: true}
	for _, n := range names {
		valid[n] = true
	}
	var rows []row
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if !valid[r.Theme] {
			return nil, fmt.Errorf("%s:%d: theme %q is neither a VGR theme nor %q", path, line, r.Theme, parking)
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// themes are the "VGR:s verksamheter" preset plus the parking lot, with or
// without the preset's keywords.
func themes(keywords bool) []sense.Theme {
	names, _ := domain.PresetThemes("vgr")
	kw, _ := sense.PresetKeywords("vgr")
	var out []sense.Theme
	for _, n := range names {
		t := sense.Theme{ID: n, Name: n}
		if keywords {
			t.Keywords = kw[n]
		}
		out = append(out, t)
	}
	return append(out, sense.Theme{ID: parking, Name: "Övrigt / ej sorterat", Parking: true})
}

type scores struct {
	n, top1, top3, confident, confidentRight int
	wrong                                    []string
}

func suggest(rows []row, k int, keywords bool) scores {
	m := sense.NewModel(themes(keywords))
	for i, r := range rows {
		m.Add(sense.Answer{ID: strconv.Itoa(i), Text: r.Text})
	}
	placed := map[int]bool{}
	perTheme := map[string]int{}
	for i, r := range rows {
		if perTheme[r.Theme] < k {
			perTheme[r.Theme]++
			placed[i] = true
			m.Place(strconv.Itoa(i), r.Theme)
		}
	}
	var s scores
	for i, r := range rows {
		if placed[i] {
			continue
		}
		g := m.Suggest(r.Text)
		s.n++
		if g.ThemeID == r.Theme {
			s.top1++
		} else {
			s.wrong = append(s.wrong, fmt.Sprintf("%s → %s %.2f [%s] (%s)", r.Text, g.ThemeID, g.Confidence, strings.Join(g.Words, ", "), r.Theme))
		}
		for _, t := range g.Ranking[:min(3, len(g.Ranking))] {
			if t.ThemeID == r.Theme {
				s.top3++
			}
		}
		if g.Confident {
			s.confident++
			if g.ThemeID == r.Theme {
				s.confidentRight++
			}
		}
	}
	return s
}

type pairs struct {
	suggested, right, truth int
	wrong, missed           []string
}

func duplicates(rows []row, k int) pairs {
	m := sense.NewModel(themes(true))
	var p pairs
	found := map[[2]int]bool{}
	perTheme := map[string]int{}
	for i, r := range rows {
		theme := m.Suggest(r.Text).ThemeID
		for _, d := range m.Similar(r.Text, theme, 10) {
			j, _ := strconv.Atoi(d.ID)
			p.suggested++
			found[[2]int{j, i}] = true
			if same(rows[j], r) {
				p.right++
			} else {
				p.wrong = append(p.wrong, fmt.Sprintf("%.2f %q ~ %q [%s]", d.Score, rows[j].Text, r.Text, strings.Join(d.Shared, ", ")))
			}
		}
		id := strconv.Itoa(i)
		m.Add(sense.Answer{ID: id, Text: r.Text, Theme: theme})
		if perTheme[r.Theme] < k {
			perTheme[r.Theme]++
			m.Place(id, r.Theme)
		}
	}
	for i := range rows {
		for j := 0; j < i; j++ {
			if same(rows[j], rows[i]) {
				p.truth++
				if !found[[2]int{j, i}] {
					p.missed = append(p.missed, fmt.Sprintf("%q ~ %q", rows[j].Text, rows[i].Text))
				}
			}
		}
	}
	return p
}

func same(a, b row) bool { return a.Dup != nil && b.Dup != nil && *a.Dup == *b.Dup }

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", 100*float64(a)/float64(b))
}

func report(w io.Writer, rows []row, k int, verbose bool) {
	fmt.Fprintf(w, "%d answers; suggestions scored on those not placed\n\n", len(rows))
	fmt.Fprintf(w, "%-4s %-9s %7s %6s %6s %18s %19s\n", "k", "keywords", "scored", "top-1", "top-3", "confident precise", "confident coverage")
	ks := []int{0}
	if k != 0 {
		ks = append(ks, k)
	}
	for _, kk := range ks {
		for _, kw := range []bool{true, false} {
			s := suggest(rows, kk, kw)
			label := "preset"
			if !kw {
				label = "none"
			}
			fmt.Fprintf(w, "%-4d %-9s %7d %6s %6s %18s %19s\n", kk, label, s.n, pct(s.top1, s.n), pct(s.top3, s.n),
				pct(s.confidentRight, s.confident), pct(s.confident, s.n))
			if verbose && kw && kk == k {
				for _, x := range s.wrong {
					fmt.Fprintln(w, "  wrong:", x)
				}
			}
		}
	}
	p := duplicates(rows, k)
	fmt.Fprintf(w, "\nduplicate pairs (k = %d, preset keywords): %d suggested, %d labelled; precision %s, recall %s\n",
		k, p.suggested, p.truth, pct(p.right, p.suggested), pct(p.right, p.truth))
	if verbose {
		for _, x := range p.wrong {
			fmt.Fprintln(w, "  wrong pair:", x)
		}
		for _, x := range p.missed {
			fmt.Fprintln(w, "  missed pair:", x)
		}
	}
}
