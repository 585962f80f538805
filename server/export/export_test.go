package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

const (
	q1Text = "Vad ser ni för möjligheter i er nämnd/styrelse att arbeta tillsammans med social ekonomi?"
	q2Text = "Vilka samarbeten har ni idag?"
)

// at is a time on the workshop day given in UTC; Stockholm is two hours ahead in September.
func at(hhmm string) time.Time {
	t, err := time.Parse(time.RFC3339, "2013-09-17T"+hhmm+":00Z")
	if err != nil {
		panic(err)
	}
	return t
}

func testInputs() []domain.Input {
	return []domain.Input{
		{ID: "i1", QuestionID: "q1", TableID: "b1", ThemeID: "t1", Text: "Vårdcentralen kan öppna sina lokaler för föreningar", Highlighted: true, CreatedAt: at("11:45"),
			Suggested: "t1", Confidence: 0.93, Because: []string{"Vårdcentralen"}, PlacedBy: domain.PlacedByPerson},
		{ID: "i2", QuestionID: "q1", TableID: "b2", ThemeID: "t1", Text: `=HYPERLINK("http://evil.example","Klicka")`, CreatedAt: at("11:46")},
		{ID: "i3", QuestionID: "q1", TableID: "b1", ThemeID: "t2", Text: "-5", Hidden: true, Highlighted: true, CreatedAt: at("11:47")},
		{ID: "i4", QuestionID: "q1", TableID: "b2", ThemeID: "tp", Text: "Ja; men \"kanske\"\nsen", CreatedAt: at("11:48"),
			Suggested: "t2", Confidence: 0.41},
		{ID: "i5", QuestionID: "q1", TableID: "b1", ThemeID: "t2", Text: "kulturskolan samarbetar med studieförbunden", EditedText: "Kulturskolan samarbetar med studieförbunden.", CreatedAt: at("11:49"),
			Suggested: "t2", Confidence: 0.88, Because: []string{"kulturskolan"}, PlacedBy: domain.PlacedByAuto},
		{ID: "i6", QuestionID: "q2", TableID: "b2", ThemeID: "t2", Text: "=1+1", CreatedAt: at("11:50"), PlacedBy: domain.PlacedByPhone},
		{ID: "i7", QuestionID: "q2", TableID: "b1", ThemeID: "t2", Text: "samma som ovan", MergedInto: "i6", CreatedAt: at("11:51")},
		{ID: "i8", QuestionID: "q2", TableID: "b1", ThemeID: "tp", Text: "@bord1 +46 31 12 34 56", CreatedAt: at("11:52")},
	}
}

func testSource(inputs []domain.Input) Source {
	return Source{
		Setup: storage.Snapshot{
			Workshop: domain.Workshop{ID: "w1", Name: "Ljungskile – Överenskommelsen", Date: "2013-09-17",
				Place: "Ljungskile folkhögskola", State: domain.WorkshopClosed, JoinCode: "HEMLIG", CreatedAt: at("08:00")},
			// Out of position order on purpose: numbering follows Position.
			Questions: []domain.Question{
				{ID: "q2", Position: 2, Text: q2Text, State: domain.QuestionClosed},
				{ID: "q1", Position: 1, Text: q1Text, State: domain.QuestionClosed},
				{ID: "q3", Position: 3, Text: "Utmaningar?", State: domain.QuestionPending},
			},
			Themes: []domain.Theme{
				{ID: "t1", Position: 1, Name: "Hälso- och sjukvård", Color: "blue"},
				{ID: "t2", Position: 2, Name: "Kultur", Color: "green", Summary: "Kulturen når fler med föreningarna", Keywords: []string{"kultur"}},
				{ID: "tp", Position: 3, Name: "Övrigt / ej sorterat", Color: "grey", Parking: true},
			},
			Tables: []domain.Table{
				{ID: "b1", Position: 1, Name: "Bord 1", Code: "secret-b1"},
				{ID: "b2", Position: 2, Name: "Bord 2 – Ängen", Code: "secret-b2"},
			},
		},
		Each: func(fn func(domain.Input) error) error {
			for _, in := range inputs {
				if err := fn(in); err != nil {
					return err
				}
			}
			return nil
		},
		Now: at("14:05"),
		// Two votes: i1 was in both, and the latest counts for "Prickar".
		Votes: Votes{
			List: []domain.Vote{
				{ID: "v1", Scope: domain.VoteOnQuestion, ScopeID: "q1", Dots: 3, Limit: 2, State: domain.VoteClosed, OpenedAt: at("12:00"),
					Candidates: []domain.VoteCandidate{{ID: "i1", Question: "q1", Text: "Vårdcentralen"}, {ID: "i2", Question: "q1", Text: "Länk"}}},
				{ID: "v2", Scope: domain.VoteOnTheme, ScopeID: "t2", Dots: 3, Limit: 2, State: domain.VoteOpen, OpenedAt: at("12:30"),
					Candidates: []domain.VoteCandidate{{ID: "i5", Question: "q1", Text: "Kulturskolan"}, {ID: "i6", Question: "q2", Text: "=1+1"}, {ID: "i1", Question: "q1", Text: "Vårdcentralen"}}},
			},
			Results: []domain.VoteResults{
				{Vote: "v1", Counts: []domain.VoteCount{{ID: "i1", Dots: 4}, {ID: "i2", Dots: 1}}, Tables: 2, Total: 5},
				{Vote: "v2", Counts: []domain.VoteCount{{ID: "i6", Dots: 2}, {ID: "i1", Dots: 1}, {ID: "i5", Dots: 0}}, Tables: 2, Total: 3},
			},
		},
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, testSource(testInputs())); err != nil {
		t.Fatal(err)
	}
	const sum = "Kulturen når fler med föreningarna"
	want := "\uFEFF" +
		"Fråga nr;Fråga;Tema;Bord;Text;Ursprunglig text;Tid;Status;Id;Föreslaget tema;Förslagets säkerhet;Placerat av;Temats sammanfattning;Prickar\r\n" +
		"1;" + q1Text + ";Hälso- och sjukvård;Bord 1;Vårdcentralen kan öppna sina lokaler för föreningar;;2013-09-17 13:45;markerad;i1;Hälso- och sjukvård;0,93;processledare;;1\r\n" +
		"1;" + q1Text + `;Hälso- och sjukvård;Bord 2 – Ängen;"'=HYPERLINK(""http://evil.example"",""Klicka"")";;2013-09-17 13:46;synlig;i2;;;ej sorterat;;1` + "\r\n" +
		"1;" + q1Text + ";Kultur;Bord 1;'-5;;2013-09-17 13:47;dold;i3;;;ej sorterat;" + sum + ";\r\n" +
		"1;" + q1Text + `;Övrigt / ej sorterat;Bord 2 – Ängen;"Ja; men ""kanske""` + "\r\nsen\";;2013-09-17 13:48;synlig;i4;Kultur;0,41;ej sorterat;;\r\n" +
		"1;" + q1Text + ";Kultur;Bord 1;Kulturskolan samarbetar med studieförbunden.;kulturskolan samarbetar med studieförbunden;2013-09-17 13:49;synlig;i5;Kultur;0,88;automatiskt;" + sum + ";0\r\n" +
		"2;" + q2Text + ";Kultur;Bord 2 – Ängen;'=1+1;;2013-09-17 13:50;synlig;i6;;;bordet;" + sum + ";2\r\n" +
		"2;" + q2Text + ";Kultur;Bord 1;samma som ovan;;2013-09-17 13:51;sammanslagen;i7;;;ej sorterat;" + sum + ";\r\n" +
		"2;" + q2Text + ";Övrigt / ej sorterat;Bord 1;'@bord1 +46 31 12 34 56;;2013-09-17 13:52;synlig;i8;;;ej sorterat;;\r\n"
	got := buf.String()
	if got != want {
		gl, wl := strings.Split(got, "\r\n"), strings.Split(want, "\r\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("line %d:\n got %q\nwant %q", i, gl[i], wl[i])
			}
		}
		t.Fatalf("CSV differs (%d vs %d lines)", len(gl), len(wl))
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte{0xEF, 0xBB, 0xBF}) {
		t.Error("no UTF-8 BOM")
	}
	if strings.Contains(got, "sep=") {
		t.Error("sep= line present")
	}
	// Every LF belongs to a CRLF, inside quoted fields too.
	if n, m := strings.Count(got, "\n"), strings.Count(got, "\r\n"); n != m {
		t.Errorf("%d LF but %d CRLF", n, m)
	}
}

func TestCSVLineBreaks(t *testing.T) {
	src := testSource([]domain.Input{
		{ID: "a", QuestionID: "q1", TableID: "b1", ThemeID: "t1", Text: "rad1\rrad2\r\nrad3\nrad4"},
		{ID: "b", QuestionID: "q1", TableID: "b1", ThemeID: "t1", Text: "\rdold rad"},
	})
	var buf bytes.Buffer
	if err := CSV(&buf, src); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`;"rad1` + "\r\nrad2\r\nrad3\r\nrad4\";", `;"'` + "\r\ndold rad\";"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("CSV lacks %q:\n%q", want, buf.String())
		}
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"":             "",
		"=1+1":         "'=1+1",
		"+46":          "'+46",
		"-5":           "'-5",
		"@SUM(A1)":     "'@SUM(A1)",
		"\tx":          "'\tx",
		"\rx":          "'\rx",
		"Hej = hallå":  "Hej = hallå",
		" =1":          " =1",
		"'redan citat": "'redan citat",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVUnknownIDs(t *testing.T) {
	src := testSource([]domain.Input{{ID: "x", QuestionID: "nope", TableID: "nope", ThemeID: "nope", Text: "föräldralös"}})
	var buf bytes.Buffer
	if err := CSV(&buf, src); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\r\n")
	if want := ";;;;föräldralös;;;synlig;x;;;ej sorterat;;"; lines[1] != want {
		t.Errorf("got %q, want %q", lines[1], want)
	}
}

func TestStatus(t *testing.T) {
	for _, c := range []struct {
		in   domain.Input
		want string
	}{
		{domain.Input{}, "synlig"},
		{domain.Input{Highlighted: true}, "markerad"},
		{domain.Input{Hidden: true}, "dold"},
		{domain.Input{Hidden: true, Highlighted: true}, "dold"},
		{domain.Input{MergedInto: "a"}, "sammanslagen"},
		{domain.Input{MergedInto: "a", Highlighted: true, Hidden: true}, "sammanslagen"},
	} {
		if got := status(c.in); got != c.want {
			t.Errorf("status(%+v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFilename(t *testing.T) {
	for _, c := range []struct {
		w        domain.Workshop
		ext      string
		expected string
	}{
		{domain.Workshop{Name: "Ljungskile", Date: "2013-09-17"}, "csv", "samrad-ljungskile-2013-09-17.csv"},
		{domain.Workshop{Name: "Överenskommelsen – Ängå / Café!!", Date: "2013-09-17"}, ".xlsx", "samrad-overenskommelsen-anga-cafe-2013-09-17.xlsx"},
		{domain.Workshop{Name: "ÅÄÖ é"}, "json", "samrad-aao-e.json"},
		{domain.Workshop{Name: `../../etc/passwd"; x=`}, "csv", "samrad-etc-passwd-x.csv"},
		{domain.Workshop{Name: "Ünïcödé 日本"}, "csv", "samrad-n-code.csv"},
		{domain.Workshop{}, "json", "samrad.json"},
		{domain.Workshop{Name: strings.Repeat("a", 200)}, "csv", "samrad-" + strings.Repeat("a", 60) + ".csv"},
	} {
		if got := Filename(c.w, c.ext); got != c.expected {
			t.Errorf("Filename(%q, %q) = %q, want %q", c.w.Name, c.ext, got, c.expected)
		}
	}
}

func openXLSX(t *testing.T, src Source) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, src); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellIs(t *testing.T, f *excelize.File, sheet, ref, want string) {
	t.Helper()
	got, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s!%s = %q, want %q", sheet, ref, got, want)
	}
}

func TestXLSX(t *testing.T) {
	f := openXLSX(t, testSource(testInputs()))

	sheets := f.GetSheetList()
	if want := []string{"Sammanfattning", "Fråga 1", "Fråga 2", "Fråga 3", "Prioritering"}; fmt.Sprint(sheets) != fmt.Sprint(want) {
		t.Fatalf("sheets %q, want %q", sheets, want)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want the summary", i)
	}
	// Every vote with its ranking, and each answer's dots in the latest vote it was in.
	for ref, want := range map[string]string{
		"A3": "Omröstning 1", "B3": "Fråga 1: " + q1Text, "B5": "stängd", "B6": "3", "D6": "2", "B7": "2", "D7": "5",
		"A8": "Plats", "B8": "Prickar", "A9": "1", "B9": "4", "C9": "Vårdcentralen", "D9": "Fråga 1", "E9": "i1",
		"A12": "Omröstning 2", "B12": "Temat Kultur", "B14": "öppen", "B18": "2", "C18": "=1+1", "D18": "Fråga 2",
	} {
		cellIs(t, f, "Prioritering", ref, want)
	}
	cellIs(t, f, "Fråga 1", "J2", "Prickar")
	cellIs(t, f, "Fråga 1", "J3", "1")
	cellIs(t, f, "Fråga 1", "J5", "")

	// Summary.
	const s = "Sammanfattning"
	for ref, want := range map[string]string{
		"B3": "Ljungskile – Överenskommelsen", "B4": "17 september 2013", "B5": "Ljungskile folkhögskola",
		"B6": "17 september 2013 kl. 16.05", "A7": "Antal synpunkter", "B7": "8",
		"A10": "Tema", "B10": "Fråga 1", "C10": "Fråga 2", "D10": "Fråga 3", "E10": "Totalt",
		// Visible and not merged: i3 is hidden, i7 merged.
		"A11": "Hälso- och sjukvård", "B11": "2", "C11": "0", "D11": "0", "E11": "2",
		"A12": "Kultur", "B12": "1", "C12": "1", "D12": "0", "E12": "2",
		"A13": "Övrigt / ej sorterat", "B13": "1", "C13": "1", "D13": "0", "E13": "2",
		"A14": "Totalt", "B14": "4", "C14": "2", "D14": "0", "E14": "6",
		"A16": "Teman: sammanfattning och nyckelord", "A17": "Tema", "B17": "Sammanfattning",
		"A19": "Kultur", "B19": "Kulturen når fler med föreningarna",
		"C19": "kulturskolan (1), samarbetar (1), studieförbunden (1)", "B20": "",
		"A23": "Fråga 1", "B23": q1Text, "A25": "Fråga 3", "B25": "Utmaningar?",
	} {
		cellIs(t, f, s, ref, want)
	}
	if ct, _ := f.GetCellType(s, "B11"); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
		t.Errorf("count cell type %v, want a number", ct)
	}

	// A question sheet: title, bold header, rows in input order.
	const q = "Fråga 1"
	rows, err := f.GetRows(q)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2+5 {
		t.Fatalf("%s has %d rows, want 7", q, len(rows))
	}
	cellIs(t, f, q, "A1", "Fråga 1: "+q1Text)
	if want := "[Tema Bord Text Ursprunglig text Tid Status Föreslaget tema Förslagets säkerhet Placerat av Prickar]"; fmt.Sprint(rows[1]) != want {
		t.Errorf("header %v", rows[1])
	}
	style := func(sheet, ref string) *excelize.Style {
		t.Helper()
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := style(q, "C2"); st.Font == nil || !st.Font.Bold {
		t.Error("header not bold")
	}
	if st := style(q, "C3"); st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("text cells do not wrap")
	}
	if w, _ := f.GetColWidth(q, "C"); w < 40 {
		t.Errorf("text column width %v", w)
	}
	for ref, want := range map[string]string{
		"A3": "Hälso- och sjukvård", "B3": "Bord 1", "C3": "Vårdcentralen kan öppna sina lokaler för föreningar",
		"D3": "", "E3": "2013-09-17 13:45", "F3": "markerad", "G3": "Hälso- och sjukvård", "H3": "0.93", "I3": "processledare",
		"C4": `=HYPERLINK("http://evil.example","Klicka")`,
		"C5": "-5", "F5": "dold",
		"A6": "Övrigt / ej sorterat", "C6": "Ja; men \"kanske\"\nsen",
		"C7": "Kulturskolan samarbetar med studieförbunden.", "D7": "kulturskolan samarbetar med studieförbunden",
	} {
		cellIs(t, f, q, ref, want)
	}
	cellIs(t, f, "Fråga 2", "C3", "=1+1")
	cellIs(t, f, "Fråga 2", "F4", "sammanslagen")
	cellIs(t, f, "Fråga 3", "A1", "Fråga 3: Utmaningar?")
	cellIs(t, f, "Fråga 3", "A2", "Tema")

	// User text is stored as text, never as a formula.
	for _, c := range [][2]string{{"Fråga 2", "C3"}, {"Fråga 1", "C4"}, {"Fråga 1", "C5"}} {
		if fo, err := f.GetCellFormula(c[0], c[1]); err != nil || fo != "" {
			t.Errorf("%s!%s has formula %q (%v)", c[0], c[1], fo, err)
		}
		if ct, _ := f.GetCellType(c[0], c[1]); ct != excelize.CellTypeInlineString {
			t.Errorf("%s!%s has type %v, want inline string", c[0], c[1], ct)
		}
	}
}

// Excel wants <col> elements in ascending order; the StreamWriter writes them
// in whatever order excelize keeps them.
func TestXLSXColumnsSorted(t *testing.T) {
	var buf bytes.Buffer
	if err := XLSX(&buf, testSource(testInputs())); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	mins := regexp.MustCompile(`<col min="(\d+)"`)
	checked := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		prev := 0
		for _, m := range mins.FindAllSubmatch(data, -1) {
			var n int
			fmt.Sscan(string(m[1]), &n)
			if n <= prev {
				t.Errorf("%s: column %d after %d", zf.Name, n, prev)
			}
			prev = n
			checked++
		}
	}
	if checked == 0 {
		t.Error("no <col> elements found")
	}
}

// Characters XML 1.0 cannot carry must not make the workbook unreadable.
func TestXLSXControlCharacters(t *testing.T) {
	text := "före\x00\x01\x1b efter\uFFFE"
	f := openXLSX(t, testSource([]domain.Input{{ID: "c", QuestionID: "q1", TableID: "b1", ThemeID: "t1", Text: text}}))
	got, err := f.GetCellValue("Fråga 1", "C3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "före") || !strings.Contains(got, "efter") {
		t.Errorf("got %q", got)
	}
}

func TestXLSXUnknownQuestion(t *testing.T) {
	in := testInputs()
	in = append(in, domain.Input{ID: "x", QuestionID: "nope", TableID: "nope", ThemeID: "nope", Text: "föräldralös"})
	f := openXLSX(t, testSource(in))
	if got := f.GetSheetList(); got[len(got)-2] != "Okänd fråga" || got[len(got)-1] != "Prioritering" {
		t.Fatalf("sheets %q", got)
	}
	cellIs(t, f, "Okänd fråga", "C3", "föräldralös")
	cellIs(t, f, "Okänd fråga", "A3", "")
	cellIs(t, f, "Sammanfattning", "F10", "Totalt")
	cellIs(t, f, "Sammanfattning", "A14", "Okänt tema")
	cellIs(t, f, "Sammanfattning", "E14", "1")
	cellIs(t, f, "Sammanfattning", "F15", "7")
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, testSource(testInputs())); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) {
		t.Fatalf("invalid JSON:\n%s", buf.String())
	}
	var doc struct {
		Workshop  map[string]any
		Questions []domain.Question
		Themes    []domain.Theme
		Tables    []map[string]any
		Inputs    []map[string]any
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Workshop["name"] != "Ljungskile – Överenskommelsen" || doc.Workshop["exported"] != "2013-09-17T14:05:00Z" {
		t.Errorf("workshop %v", doc.Workshop)
	}
	if _, ok := doc.Workshop["joinCode"]; ok {
		t.Error("join code exported")
	}
	if len(doc.Questions) != 3 || doc.Questions[0].ID != "q1" || doc.Questions[0].Text != q1Text {
		t.Errorf("questions %+v", doc.Questions)
	}
	if len(doc.Themes) != 3 || !doc.Themes[2].Parking {
		t.Errorf("themes %+v", doc.Themes)
	}
	if len(doc.Tables) != 2 || doc.Tables[1]["name"] != "Bord 2 – Ängen" {
		t.Errorf("tables %v", doc.Tables)
	}
	for _, tb := range doc.Tables {
		if _, ok := tb["code"]; ok || strings.Contains(fmt.Sprint(tb), "secret") {
			t.Errorf("table secret exported: %v", tb)
		}
	}
	if len(doc.Inputs) != 8 {
		t.Fatalf("%d inputs", len(doc.Inputs))
	}
	want := map[string]any{"id": "i5", "question": "q1", "table": "b1", "theme": "t2",
		"text": "kulturskolan samarbetar med studieförbunden", "edited": "Kulturskolan samarbetar med studieförbunden.",
		"hidden": false, "highlighted": false, "mergedInto": "", "created": "2013-09-17T11:49:00Z",
		"suggestedTheme": "t2", "confidence": json.Number("0.88"), "because": []any{"kulturskolan"}, "placedBy": "auto",
		"dots": json.Number("0")}
	if fmt.Sprint(doc.Inputs[4]) != fmt.Sprint(want) {
		t.Errorf("input 5:\n got %v\nwant %v", doc.Inputs[4], want)
	}
	if _, ok := doc.Inputs[3]["dots"]; ok {
		t.Errorf("an answer in no vote has dots: %v", doc.Inputs[3])
	}
	if in := doc.Inputs[6]; in["mergedInto"] != "i6" {
		t.Errorf("merged input %v", in)
	}
	if in := doc.Inputs[2]; in["hidden"] != true || in["highlighted"] != true || in["text"] != "-5" {
		t.Errorf("hidden input %v", in)
	}
	if in := doc.Inputs[3]; in["text"] != "Ja; men \"kanske\"\nsen" {
		t.Errorf("text with quote and newline %q", in["text"])
	}
}

func TestEmptySource(t *testing.T) {
	src := Source{Setup: storage.Snapshot{Workshop: domain.Workshop{ID: "w"}}}
	var buf bytes.Buffer
	if err := JSON(&buf, src); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for _, k := range []string{"questions", "themes", "tables", "inputs"} {
		if s := strings.TrimSpace(string(doc[k])); s != "[]" {
			t.Errorf("%s = %s, want []", k, s)
		}
	}
	buf.Reset()
	if err := CSV(&buf, src); err != nil {
		t.Fatal(err)
	}
	if want := "\uFEFFFråga nr;Fråga;Tema;Bord;Text;Ursprunglig text;Tid;Status;Id;Föreslaget tema;Förslagets säkerhet;Placerat av;Temats sammanfattning;Prickar\r\n"; buf.String() != want {
		t.Errorf("empty CSV %q", buf.String())
	}
	f := openXLSX(t, src)
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Sammanfattning" {
		t.Errorf("sheets %q", got)
	}
	cellIs(t, f, "Sammanfattning", "B7", "0")
}

func TestEachErrorStops(t *testing.T) {
	boom := errors.New("boom")
	src := testSource(testInputs())
	src.Each = func(fn func(domain.Input) error) error {
		if err := fn(testInputs()[0]); err != nil {
			return err
		}
		return boom
	}
	for name, write := range map[string]func(io.Writer, Source) error{"csv": CSV, "xlsx": XLSX, "json": JSON} {
		if err := write(io.Discard, src); !errors.Is(err, boom) {
			t.Errorf("%s: err %v, want boom", name, err)
		}
	}
}

// A failing writer must surface as an error, not a silently short download.
func TestWriterError(t *testing.T) {
	for name, write := range map[string]func(io.Writer, Source) error{"csv": CSV, "xlsx": XLSX, "json": JSON} {
		if err := write(failWriter{}, testSource(testInputs())); err == nil {
			t.Errorf("%s: no error from a failing writer", name)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// bigSource makes n inputs on the fly, as the database would, so that the
// benchmark measures the writer and not a slice held by the test.
func bigSource(n int) Source {
	src := testSource(nil)
	src.Setup.Questions = append(src.Setup.Questions, domain.Question{ID: "q4", Position: 4, Text: "Hur skulle ni kunna utveckla samarbetet?"})
	qs := []string{"q1", "q2", "q3", "q4"}
	ths := []string{"t1", "t2", "tp"}
	start := at("11:30")
	src.Each = func(fn func(domain.Input) error) error {
		for i := range n {
			in := domain.Input{
				ID:          fmt.Sprintf("in-%06d", i),
				QuestionID:  qs[i*len(qs)/n],
				TableID:     []string{"b1", "b2"}[i%2],
				ThemeID:     ths[i%len(ths)],
				Text:        "Vi ser möjligheter att samverka med föreningar och studieförbund kring öppna lokaler, språkcaféer och läxhjälp i hela kommunen.",
				Hidden:      i%17 == 0,
				Highlighted: i%5 == 0,
				CreatedAt:   start.Add(time.Duration(i) * 100 * time.Millisecond),
			}
			if i%11 == 0 {
				in.EditedText = "Vi ser möjligheter att samverka med föreningar och studieförbund."
			}
			if err := fn(in); err != nil {
				return err
			}
		}
		return nil
	}
	return src
}

func BenchmarkCSV(b *testing.B) {
	src := bigSource(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := CSV(io.Discard, src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkXLSX(b *testing.B) {
	src := bigSource(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := XLSX(io.Discard, src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	src := bigSource(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := JSON(io.Discard, src); err != nil {
			b.Fatal(err)
		}
	}
}
