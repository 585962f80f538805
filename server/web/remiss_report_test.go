package web_test

import (
	"archive/zip"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// docxPart returns one part of a .docx.
func docxPart(t *testing.T, docx, name string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("no %s in the document", name)
	return ""
}

// fullRound is a consultation as a report shows it: answers invited and
// spontaneous, late, with an attachment, one declining, one not answering,
// and the working group's notes and summaries.
func fullRound(t *testing.T) (*testServer, *browser, string, []domain.Section) {
	t.Helper()
	ts, clock := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, sections, byOrg, links := answered(t, ts, admin)
	page := "/admin/consultations/" + id
	// Studieförbundet: with an attachment. Ideell Arena: "inga synpunkter" throughout.
	f := answerForm("Studieförbundet Vuxenskolan", sections, domain.StancePartly)
	f.Set("action", "submit")
	org := ts.browser(t)
	f.Set("_csrf", org.csrf(links["Studieförbundet Vuxenskolan"]))
	if res := org.postMultipart(links["Studieförbundet Vuxenskolan"], f, "attachment", "Yttrande SV.pdf", []byte("%PDF-1.4\n%%EOF\n")); res.Status != http.StatusSeeOther {
		t.Fatalf("with attachment: %d", res.Status)
	}
	none := url.Values{"organisation": {"Ideell Arena"}, "contact": {"Lena"}, "email": {"lena@example.se"}, "action": {"submit"}, "base_version": {"0"}}
	for _, s := range sections {
		none.Set("s-"+s.ID+"-stance", "no_comments")
	}
	if res := ts.browser(t).postForm(links["Ideell Arena"], links["Ideell Arena"], none); res.Status != http.StatusSeeOther {
		t.Fatalf("no comments: %d", res.Status)
	}
	// A spontaneous answer.
	con, _ := ts.store.Consultation(t.Context(), id)
	pub := ts.browser(t)
	res := pub.postForm("/p/"+con.PublicToken, "/p/"+con.PublicToken, url.Values{})
	own := strings.TrimSuffix(res.Location, "?new=1")
	sf := answerForm("Föreningen Gemenskap", sections, domain.StanceSupport, domain.StanceSupport)
	sf.Set("action", "submit")
	if res := pub.postForm(own, own, sf); res.Status != http.StatusSeeOther {
		t.Fatalf("spontaneous: %d", res.Status)
	}
	// Invited while open, and never answering.
	if res := admin.postForm(page, page+"/invitees", url.Values{"organisation": {"Hela Sverige ska leva"}, "email": {"hsl@example.se"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("invite: %d", res.Status)
	}
	// The working group's notes and summaries.
	note := page + "/analysis/note"
	if res := admin.postForm(page+"/analysis", note, url.Values{"respondent": {byOrg["Länsbygderådet"].ID}, "part": {sections[1].ID},
		"comment": {"Landsbygden skrivs in i avsnitt 2."}, "action": {"partly"}, "back": {sections[1].ID}}); res.Status != http.StatusSeeOther {
		t.Fatalf("note: %d", res.Status)
	}
	if res := admin.postForm(page+"/analysis", note, url.Values{"respondent": {byOrg["Coompanion Göteborgsregionen"].ID}, "part": {"summary"},
		"comment": {"Tack för sammanfattningen."}, "action": {"none"}, "back": {"analysis"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("note on a summary: %d", res.Status)
	}
	for part, text := range map[string]string{"overall": "Remissinstanserna stöder i huvudsak förslaget.", sections[1].ID: "Avsnitt 2 får blandat stöd."} {
		if res := admin.postForm(page+"/analysis", page+"/analysis/summary", url.Values{"part": {part}, "text": {text}, "back": {"analysis"}}); res.Status != http.StatusSeeOther {
			t.Fatalf("summary: %d", res.Status)
		}
	}
	// After the deadline, RSMH is let in late; Länsbygderådet... stays as it is.
	clock.Set(remissDeadline.Add(time.Hour))
	admin.login(adminEmail, adminPassword)
	list, _, _ := ts.store.Respondents(t.Context(), id)
	for _, r := range list {
		if r.Organisation == "RSMH Västra Götaland" {
			if res := admin.postForm(page, page+"/invitees/"+r.ID+"/reopen", url.Values{"reopen": {"1"}}); res.Status != http.StatusSeeOther {
				t.Fatalf("reopen: %d", res.Status)
			}
		}
	}
	lf := answerForm("RSMH Västra Götaland", sections, domain.StanceOppose)
	lf.Set("action", "submit")
	if res := ts.browser(t).postForm(links["RSMH Västra Götaland"], links["RSMH Västra Götaland"], lf); res.Status != http.StatusSeeOther {
		t.Fatalf("late: %d", res.Status)
	}
	return ts, admin, id, sections
}

// Acceptance 4 (what can be checked without looking): the DOCX has the
// parts of a remissammanställning, headings nested without jumps, a
// running header with title and dnr, page numbers, contents with page
// references, and a landscape page for the organisations × sections table.
func TestReportDOCX(t *testing.T) {
	_, admin, id, sections := fullRound(t)
	docx := admin.get("/admin/consultations/" + id + "/export.docx").Body
	doc := docxPart(t, docx, "word/document.xml")
	if h := docxPart(t, docx, "word/header1.xml"); !strings.Contains(h, "Remissammanställning: Överenskommelsen – remiss · Dnr RS 2014-00123") {
		t.Errorf("running header: %s", h)
	}
	if f := docxPart(t, docx, "word/footer1.xml"); !strings.Contains(f, `w:instr=" PAGE "`) || !strings.Contains(f, `w:instr=" NUMPAGES "`) {
		t.Errorf("no page numbers in the footer: %s", f)
	}
	// Headings never jump a level.
	levels := regexp.MustCompile(`<w:pStyle w:val="Heading(\d)"/>`).FindAllStringSubmatch(doc, -1)
	prev := 0
	for _, l := range levels {
		n := int(l[1][0] - '0')
		if n > prev+1 {
			t.Fatalf("a heading of level %d after one of level %d", n, prev)
		}
		prev = n
	}
	// The contents link every chapter with its page.
	if n := strings.Count(doc, `PAGEREF _Toc`); n < 9 {
		t.Errorf("%d entries in the contents", n)
	}
	// The stances are on a landscape section.
	byOrg := strings.Index(doc, "Ställningstaganden per remissinstans och avsnitt</w:t>")
	landscape := strings.Index(doc, `w:orient="landscape"`)
	orgViews := strings.Index(doc, "Remissinstansernas sammanfattningar och allmänna synpunkter</w:t></w:r><w:bookmarkEnd")
	if !(byOrg > 0 && byOrg < landscape && landscape < orgViews) {
		t.Errorf("the organisations × sections table is not on a landscape page (%d, %d, %d)", byOrg, landscape, orgViews)
	}
	text := docxText(t, docx)
	inOrder := []string{
		"Innehåll", "Inledning", "till 6 remissinstanser.", "Ärendet har diarienummer RS 2014-00123.", "Sista svarsdag var 15 mars 2026 kl. 23.59.",
		"Det som skickades på remiss", "2. Vision och syfte\n",
		"Sammanfattning\nRemissinstanserna stöder i huvudsak förslaget.",
		"Sammanfattning av deltagandet", "6 remissvar kom in. 5 av 6 inbjudna remissinstanser svarade, och 1 svar kom från organisationer som inte var inbjudna.",
		"Ställningstaganden per avsnitt", "Ställningstaganden per remissinstans och avsnitt", "RSMH Västra Götaland\n(sent inkommet)",
		// Each organisation's own summary before the section views.
		"Remissinstansernas sammanfattningar och allmänna synpunkter", "Coompanion Göteborgsregionen\n", "Sammanfattning\nVi tillstyrker i huvudsak.",
		"Arbetsgruppens kommentar: Tack för sammanfattningen.", "Åtgärd: ingen åtgärd",
		"Föreningen Gemenskap (spontant svar)", "Ideell Arena\n", "Remissinstansen har avstått från att lämna synpunkter.",
		"RSMH Västra Götaland (sent inkommet)", "Studieförbundet Vuxenskolan\n", "Bilaga till svaret: Yttrande SV.pdf",
		"Synpunkter per avsnitt", sections[1].Label() + "\n", "Arbetsgruppens sammanfattning\nAvsnitt 2 får blandat stöd.",
		"Föreningen Gemenskap – tillstyrker (spontant svar)", "Länsbygderådet – avstyrker\nSynpunkt från Länsbygderådet på avsnitt 2",
		"Arbetsgruppens kommentar: Landsbygden skrivs in i avsnitt 2.\nÅtgärd: beaktas delvis",
		"Bilaga: Remissinstanser", "Remissinstanser som har svarat", "RV-2026-", "spontant svar", "Yttrande SV.pdf",
		"Inbjudna som inte har svarat\nHela Sverige ska leva", "Inbjudna som har avstått från att yttra sig\nIdeell Arena",
	}
	at := strings.Index(text, "Inledning\nArbetsgruppen") // after the contents
	if at < 0 {
		at = strings.LastIndex(text, "Innehåll")
	}
	for _, want := range inOrder[1:] {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("the report lacks %q after:\n%s", want, text[at:min(len(text), at+300)])
		}
		at += i
	}
	if strings.Contains(docx, "karin@example.se") || strings.Contains(docx, "Karin Åberg") {
		t.Error("the report has contact details")
	}
}
