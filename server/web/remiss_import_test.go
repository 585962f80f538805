package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
)

// uploadSheet posts a filled-in spreadsheet to the analysis page.
func uploadSheet(t *testing.T, b *browser, id string, data []byte, form url.Values) response {
	t.Helper()
	page := "/admin/consultations/" + id + "/analysis"
	form.Set("_csrf", b.csrf(page))
	return b.postMultipart(page+"/import", form, "file", "remissvar.xlsx", data)
}

// rowOf finds the sheet row of an organisation's view on a section heading.
func rowOf(t *testing.T, f *excelize.File, org, section string) int {
	t.Helper()
	rows, err := f.GetRows("Remissvar")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 7 && r[0] == org && r[7] == section {
			return i + 1
		}
	}
	t.Fatalf("no row for %s on %s", org, section)
	return 0
}

// previewAndApply uploads, checks the preview names the changes, and applies them.
func previewAndApply(t *testing.T, admin *browser, id string, data []byte, want ...string) {
	t.Helper()
	res := uploadSheet(t, admin, id, data, url.Values{})
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "Ändringar från kalkylbladet") {
		t.Fatalf("preview: %d %s", res.Status, res.Body)
	}
	for _, w := range want {
		if !strings.Contains(res.Body, w) {
			t.Errorf("the preview lacks %q", w)
		}
	}
	// The confirmation posts what the preview shows, as a browser would.
	form := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`).FindAllStringSubmatch(res.Body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	form.Del("_csrf")
	page := "/admin/consultations/" + id + "/analysis"
	if res := admin.postForm(page, page+"/import", form); res.Status != http.StatusSeeOther {
		t.Fatalf("apply: %d %s", res.Status, res.Body)
	}
}

// The spreadsheet round trip, edited with excelize: preview, apply, and the
// refusals (another consultation, answers changed since, an unknown action).
func TestSpreadsheetRoundTrip(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, sections, byOrg, links := answered(t, ts, admin)
	base := "/admin/consultations/" + id

	download := func() *excelize.File {
		f, err := excelize.OpenReader(strings.NewReader(admin.get(base + "/export.xlsx").Body))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	f := download()
	if v, _ := f.GetColVisible("Remissvar", "M"); v {
		t.Error("the key column is visible")
	}
	if v, _ := f.GetSheetVisible("Samråd"); v {
		t.Error("the sheet naming the consultation is visible")
	}
	r := rowOf(t, f, "Länsbygderådet", sections[1].Heading)
	f.SetCellStr("Remissvar", fmt.Sprintf("K%d", r), "Avsnitt 4 tar upp landsbygden.\r\nVi förtydligar.")
	f.SetCellStr("Remissvar", fmt.Sprintf("L%d", r), "Beaktas delvis")
	g := rowOf(t, f, "Coompanion Göteborgsregionen", "Allmänna synpunkter")
	f.SetCellStr("Remissvar", fmt.Sprintf("L%d", g), "ingen åtgärd")
	var buf bytes.Buffer
	f.WriteTo(&buf)
	previewAndApply(t, admin, id, buf.Bytes(), "Avsnitt 4 tar upp landsbygden.", "Beaktas delvis", "Ingen åtgärd", "Filen ändrar 2 kommentarer")
	notes, _ := ts.store.Notes(context.Background(), id)
	if n := notes[byOrg["Länsbygderådet"].ID+"/"+sections[1].ID]; n.Comment != "Avsnitt 4 tar upp landsbygden.\nVi förtydligar." || n.Action != domain.ActionPartly {
		t.Fatalf("note after import: %+v", n)
	}
	if n := notes[byOrg["Coompanion Göteborgsregionen"].ID+"/general"]; n.Action != domain.ActionNone {
		t.Fatalf("note on general views after import: %+v", n)
	}
	// The next download carries them; uploading it unchanged changes nothing.
	again := download()
	if v, _ := again.GetCellValue("Remissvar", fmt.Sprintf("L%d", r)); v != "beaktas delvis" {
		t.Errorf("the export does not carry the action: %q", v)
	}
	buf.Reset()
	again.WriteTo(&buf)
	if res := uploadSheet(t, admin, id, buf.Bytes(), url.Values{}); !strings.Contains(res.Body, "Filen ändrar ingenting") {
		t.Errorf("an unchanged file: %d", res.Status)
	}

	// Refusals.
	bad := download()
	bad.SetCellStr("Remissvar", fmt.Sprintf("L%d", r), "kanske")
	buf.Reset()
	bad.WriteTo(&buf)
	if res := uploadSheet(t, admin, id, buf.Bytes(), url.Values{}); res.Status != http.StatusBadRequest ||
		!strings.Contains(res.Body, fmt.Sprintf("Rad %d: ”kanske” är inte en åtgärd.", r)) {
		t.Errorf("an unknown action: %d", res.Status)
	}
	other, _ := createDemo(t, ts, admin)
	buf.Reset()
	download().WriteTo(&buf)
	if res := uploadSheet(t, admin, other, buf.Bytes(), url.Values{}); res.Status != http.StatusBadRequest ||
		!strings.Contains(res.Body, "Filen kommer från en annan remiss.") {
		t.Errorf("a file of another consultation: %d", res.Status)
	}
	if res := uploadSheet(t, admin, id, []byte("PK\x03\x04 inte en xlsx"), url.Values{}); res.Status != http.StatusBadRequest {
		t.Errorf("not a spreadsheet: %d", res.Status)
	}
	stale := download()
	f2 := answerForm("Länsbygderådet", sections, domain.StanceSupport)
	f2.Set("action", "submit")
	f2.Set("base_version", "1")
	if res := ts.browser(t).postForm(links["Länsbygderådet"], links["Länsbygderådet"], f2); res.Status != http.StatusSeeOther {
		t.Fatalf("version 2: %d", res.Status)
	}
	stale.SetCellStr("Remissvar", fmt.Sprintf("K%d", g), "Tack.")
	buf.Reset()
	stale.WriteTo(&buf)
	if res := uploadSheet(t, admin, id, buf.Bytes(), url.Values{}); res.Status != http.StatusConflict ||
		!strings.Contains(res.Body, "Svaren har ändrats sedan filen laddades ner: Länsbygderådet har skickat en ny version.") {
		t.Errorf("a file made before an answer changed: %d", res.Status)
	}
}

// Acceptance 3, with LibreOffice itself: the downloaded XLSX is opened by
// LibreOffice, the two columns are filled in LibreOffice's own file format
// (flat ODS, as a person's edit is saved), LibreOffice writes it back as
// XLSX, and that file is uploaded. Skipped where LibreOffice is not
// installed (apt-get install libreoffice-calc), except under scripts/test,
// which installs it and requires it (SAMRAD_TEST_LIBREOFFICE=required).
func TestSpreadsheetRoundTripThroughLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, sections, byOrg, _ := answered(t, ts, admin)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "remissvar.xlsx")
	if err := os.WriteFile(xlsx, []byte(admin.get("/admin/consultations/"+id+"/export.xlsx").Body), 0o600); err != nil {
		t.Fatal(err)
	}
	fods := lo.convert(xlsx, "fods")
	doc, err := os.ReadFile(fods)
	if err != nil {
		t.Fatal(err)
	}
	lbr, coo := byOrg["Länsbygderådet"], byOrg["Coompanion Göteborgsregionen"]
	doc = fillRow(t, doc, lbr.ID+" "+sections[1].ID+" 1", "Vi skriver in landsbygden & glesbygden.", "beaktas")
	doc = fillRow(t, doc, coo.ID+" "+sections[0].ID+" 1", "Redan med i förslaget.", "beaktas ej")
	edited := filepath.Join(dir, "ifylld.fods")
	if err := os.WriteFile(edited, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	back, err := os.ReadFile(lo.convert(edited, `xlsx:Calc MS Excel 2007 XML`))
	if err != nil {
		t.Fatal(err)
	}
	previewAndApply(t, admin, id, back, "Vi skriver in landsbygden &amp; glesbygden.", "Redan med i förslaget.", "Filen ändrar 2 kommentarer")
	notes, _ := ts.store.Notes(context.Background(), id)
	if n := notes[lbr.ID+"/"+sections[1].ID]; n.Comment != "Vi skriver in landsbygden & glesbygden." || n.Action != domain.ActionAdopted {
		t.Fatalf("note after the LibreOffice round trip: %+v", n)
	}
	if n := notes[coo.ID+"/"+sections[0].ID]; n.Action != domain.ActionRejected {
		t.Fatalf("note after the LibreOffice round trip: %+v", n)
	}
	// And the compiled report shows them.
	docx := admin.get("/admin/consultations/" + id + "/export.docx").Body
	text := docxText(t, docx)
	for _, want := range []string{"Vi skriver in landsbygden & glesbygden.", "Åtgärd: beaktas\n", "Redan med i förslaget.", "Åtgärd: beaktas ej\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

var (
	fodsRow  = regexp.MustCompile(`(?s)<table:table-row\b[^>]*>.*?</table:table-row>`)
	fodsCell = regexp.MustCompile(`(?s)<table:table-cell\b[^>]*/>|<table:table-cell\b[^>]*>.*?</table:table-cell>|<table:covered-table-cell\b[^>]*/>`)
	repeated = regexp.MustCompile(`\s*table:number-columns-repeated="(\d+)"`)
)

// fillRow sets the Kommentar and Åtgärd cells (columns K and L) of the row
// whose hidden key is key, in a flat ODS document as LibreOffice wrote it.
func fillRow(t *testing.T, doc []byte, key, comment, action string) []byte {
	t.Helper()
	done := false
	out := fodsRow.ReplaceAllFunc(doc, func(row []byte) []byte {
		if !bytes.Contains(row, []byte(">"+key+"<")) {
			return row
		}
		done = true
		open := row[:bytes.IndexByte(row, '>')+1]
		var cells [][]byte
		for _, c := range fodsCell.FindAll(row, -1) {
			n := 1
			if m := repeated.FindSubmatch(c); m != nil {
				fmt.Sscan(string(m[1]), &n)
				c = repeated.ReplaceAll(c, nil)
			}
			for range n {
				cells = append(cells, c)
			}
		}
		if len(cells) < 13 {
			t.Fatalf("row %q has %d cells", key, len(cells))
		}
		cell := func(s string) []byte {
			var b bytes.Buffer
			b.WriteString(`<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>`)
			xmlEscape(&b, s)
			b.WriteString(`</text:p></table:table-cell>`)
			return b.Bytes()
		}
		cells[10], cells[11] = cell(comment), cell(action)
		return append(append(append([]byte{}, open...), bytes.Join(cells, nil)...), "</table:table-row>"...)
	})
	if !done {
		t.Fatalf("no row with key %q", key)
	}
	return out
}

func xmlEscape(b *bytes.Buffer, s string) {
	b.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s))
}

// docxText is the text of a DOCX's body, a line per paragraph.
func docxText(t *testing.T, docx string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("document.xml: %v", err)
			}
			switch v := tok.(type) {
			case xml.StartElement:
				inText = v.Name.Local == "t"
			case xml.EndElement:
				inText = false
				if v.Name.Local == "p" {
					b.WriteString("\n")
				}
			case xml.CharData:
				if inText {
					b.Write(v)
				}
			}
		}
		rc.Close()
	}
	return b.String()
}
