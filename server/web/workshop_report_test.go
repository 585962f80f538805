package web_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/internal/testutil"
)

// workshopDay fills a workshop as a day goes: answers from three tables to
// two questions, sorted, one highlighted, two merged, one hidden, one
// corrected and one withdrawn by its table, one corrected by a facilitator,
// and a theme's summary. It returns what the document must say, and what
// it must not.
type workshopDay struct {
	shown    []string // answers on the wall, each said once in the chapters and once in the appendix
	source   string   // merged into another: only in the appendix
	merged   string   // the answer it was merged into ("2 bord")
	marked   string   // highlighted
	absent   []string // hidden, withdrawn, or replaced by a correction
	summary  string
	tables   int
	answered int
}

func fillWorkshopDay(t *testing.T, ts *testServer, f testutil.Fixture, b *browser) workshopDay {
	t.Helper()
	dash := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	dash.nextOf("snapshot")
	n := 0
	command := func(m map[string]any) {
		t.Helper()
		n++
		m["req"] = "r" + strings.Repeat("x", n)
		dash.send(m)
		for {
			r := dash.next()
			if r.Req == m["req"] {
				if r.Type != "ok" {
					t.Fatalf("%v: %+v", m, r)
				}
				return
			}
		}
	}
	phones := []*wsClient{phone(t, ts, f.Table(0), -1), phone(t, ts, f.Table(1), -1), phone(t, ts, f.Table(2), -1)}
	for _, p := range phones {
		p.nextOf("snapshot")
	}
	send := func(table, question, theme int, text string) string {
		t.Helper()
		id := newID()
		p := phones[table]
		p.send(map[string]any{"type": "submit", "id": id, "question": f.Question(question).ID, "theme": f.Theme(theme).ID, "text": text})
		if r := p.nextOf("ack"); r.ID != id {
			t.Fatalf("ack %+v", r)
		}
		return id
	}
	change := func(table int, m map[string]any) {
		t.Helper()
		phones[table].send(m)
		if r := phones[table].nextOf("ok"); r.Req != m["req"] {
			t.Fatalf("%v: %+v", m, r)
		}
	}
	d := workshopDay{tables: 3, answered: 3,
		summary: "Borden vill ha dialog tidigt och ofta, med tydliga mötesplatser."}
	d.shown = append(d.shown, "Gemensamma mötesplatser för nämnden och föreningslivet")
	send(0, 0, 1, d.shown[0])
	d.marked = "Kontinuerlig dialog redan innan besluten fattas"
	marked := send(1, 0, 1, d.marked)
	d.shown = append(d.shown, d.marked)
	d.merged = "Långsiktiga avtal i stället för årliga projektbidrag"
	target := send(0, 0, 3, d.merged)
	d.source = "Fleråriga överenskommelser och inte bara projektpengar"
	source := send(2, 0, 3, d.source)
	d.shown = append(d.shown, d.merged)
	hidden := send(2, 0, 0, "Det här är bara ett test av telefonen")
	withdrawn := send(1, 0, 2, "Svaret hamnade på fel fråga")
	corrected := send(2, 0, 4, "Öpenhet om hur pengarna fördelas")
	change(2, map[string]any{"type": "correct", "req": "c1", "item": corrected, "text": "Öppenhet om hur pengarna fördelas mellan föreningarna"})
	change(1, map[string]any{"type": "withdraw", "req": "w1", "item": withdrawn})
	d.shown = append(d.shown, "Öppenhet om hur pengarna fördelas mellan föreningarna")
	edited := send(1, 0, 5, "Mangfald i vilka som bjuds in")
	command(map[string]any{"type": "moderate", "item": edited, "action": "edit", "text": "Mångfald i vilka som bjuds in till samråden"})
	d.shown = append(d.shown, "Mångfald i vilka som bjuds in till samråden")
	command(map[string]any{"type": "moderate", "item": marked, "action": "highlight"})
	command(map[string]any{"type": "moderate", "item": target, "action": "merge", "sources": []string{source}})
	command(map[string]any{"type": "moderate", "item": hidden, "action": "hide"})
	command(map[string]any{"type": "summary", "item": f.Theme(1).ID, "text": d.summary})
	command(map[string]any{"type": "question", "item": f.Question(1).ID, "state": "open"})
	for _, text := range []string{"Långsiktiga avtal med studieförbunden om demokraticirklar", "Läxhjälp med idrottsföreningar genom långsiktiga avtal"} {
		send(len(d.shown)%3, 1, 3, text)
		d.shown = append(d.shown, text)
	}
	d.absent = []string{"Det här är bara ett test av telefonen", "Svaret hamnade på fel fråga", "Öpenhet om hur pengarna fördelas", "Mangfald i vilka"}
	return d
}

var spaces = regexp.MustCompile(`\s+`)

func flat(s string) string { return spaces.ReplaceAllString(s, " ") }

// Acceptance 2 of issue 12: the workshop's document converts to PDF with
// LibreOffice, and its text holds every answer on the wall once in the
// chapters (merged answers once, with the number of tables) and once in the
// appendix by table; hidden and withdrawn answers nowhere.
func TestWorkshopDocumentThroughLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	day := fillWorkshopDay(t, ts, f, admin)

	res := admin.get("/admin/workshops/" + f.WorkshopID() + "/export.docx")
	if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="samrad-konferens-om-overenskommelsen-2013-09-17.docx"`) {
		t.Fatalf("download: %d %v", res.Status, res.Header)
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "dokumentation.docx")
	if err := os.WriteFile(docx, []byte(res.Body), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := lo.convert(docx, "pdf")
	var text string
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text = string(out)
		if !strings.Contains(text, "Sida 1 av") || !strings.Contains(text, "Sida 2 av") {
			t.Errorf("no page numbers in the PDF:\n%s", text)
		}
	} else {
		out, err := os.ReadFile(lo.convert(docx, "txt:Text (encoded):UTF8"))
		if err != nil {
			t.Fatal(err)
		}
		text = string(bytes.TrimPrefix(out, []byte("\ufeff")))
	}
	text = flat(text)

	// The title page: the workshop, its date and place the Swedish way, the organiser.
	for _, want := range []string{"Dokumentation från workshopen", "Konferens om överenskommelsen", i18n.Date("sv", "2013-09-17"),
		"17 september 2013", "Ljungskile folkhögskola", "Arrangör", "Deltagande", "3 av 3 bord lämnade sammanlagt 8 svar på 4 frågor",
		"Teman i sammandrag", day.summary, "Nyckelord:", "Markerat: " + day.marked, day.merged + " (2 bord)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	cut := strings.LastIndex(text, "Bilaga: Alla svar per bord")
	if cut < 0 {
		t.Fatalf("no appendix in:\n%s", text)
	}
	chapters, appendix := text[:cut], text[cut:]
	for _, a := range day.shown {
		if n := strings.Count(chapters, a); n != 1 {
			t.Errorf("%q is in the chapters %d times, want once", a, n)
		}
		if n := strings.Count(appendix, a); n != 1 {
			t.Errorf("%q is in the appendix %d times, want once", a, n)
		}
	}
	if strings.Contains(chapters, day.source) || strings.Count(appendix, day.source) != 1 {
		t.Errorf("the merged answer %q: %d in the chapters, %d in the appendix; want 0 and 1",
			day.source, strings.Count(chapters, day.source), strings.Count(appendix, day.source))
	}
	for _, a := range day.absent {
		if strings.Contains(text, a) {
			t.Errorf("the document holds %q, which is not on the wall", a)
		}
	}

	// The print page says the same.
	page := admin.get("/admin/workshops/" + f.WorkshopID() + "/report")
	if page.Status != 200 {
		t.Fatalf("report page: %d", page.Status)
	}
	for _, a := range append(day.shown, day.source, day.summary) {
		if !strings.Contains(page.Body, a) {
			t.Errorf("the print page lacks %q", a)
		}
	}
	for _, a := range day.absent {
		if strings.Contains(page.Body, a) {
			t.Errorf("the print page holds %q", a)
		}
	}
}
