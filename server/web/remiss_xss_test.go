package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
)

// The XSS corpus of the browser tests, through every text field of a
// consultation: the working group's (title, intro, consultee) and the
// respondent's (organisation, contact, decided by, every view and comment).
const remissPayload = `<script>alert("x")</script><img src=x onerror=alert(1)><svg onload=alert(2)>`

func TestConsultationTextIsInertOnEveryPageAndInEveryExport(t *testing.T) {
	ts, _ := newRemissServer(t)
	ctx := context.Background()
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	page := "/admin/consultations/" + id
	res := admin.postForm(page, page+"/details", url.Values{"title": {"Remiss " + remissPayload},
		"remitting_body": {"VGR " + remissPayload}, "dnr": {"RS 1"}, "intro": {"Intro " + remissPayload},
		"deadline_date": {"2026-03-15"}, "deadline_time": {"23:59"}, "allow_spontaneous": {"1"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("details: %d %s", res.Status, res.Body)
	}
	if res := admin.postForm(page, page+"/invitees", url.Values{"organisation": {"Förening " + remissPayload},
		"email": {"forening@example.se"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("invite: %d", res.Status)
	}
	sections := ts.sections(t, id)
	link := links["Ideell Arena"]
	answer := answerForm("Ideell Arena "+remissPayload, sections, domain.StanceSupport, domain.StanceOppose)
	for _, f := range []string{"contact", "decided_by", "summary", "general", "other"} {
		answer.Set(f, f+" "+remissPayload)
	}
	for _, s := range sections[:2] {
		answer.Set("s-"+s.ID+"-comment", "=1+1 "+remissPayload)
	}
	answer.Set("action", "submit")
	org := ts.browser(t)
	res = org.postForm(link, link, answer)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", res.Status, res.Body)
	}
	receipt := res.Location
	r, err := ts.store.RespondentByToken(ctx, strings.TrimPrefix(link, "/r/"))
	if err != nil {
		t.Fatal(err)
	}
	con, _ := ts.store.Consultation(ctx, id)

	pages := map[string]*browser{page: admin, page + "/overview": admin, page + "/report": admin, "/admin/consultations": admin,
		page + "/sections/" + sections[0].ID: admin, page + "/responses/" + r.ID: admin, "/admin/audit": admin,
		link: org, receipt: org, "/p/" + con.PublicToken: org}
	for path, b := range pages {
		res := b.get(path)
		if res.Status != http.StatusOK {
			t.Errorf("%s: %d", path, res.Status)
			continue
		}
		for _, raw := range []string{"<script>alert", "<img src=x", "<svg onload"} {
			if strings.Contains(res.Body, raw) {
				t.Errorf("%s contains %q unescaped", path, raw)
			}
		}
		// The audit log shows JSON, where < is written \u003c.
		if path != "/admin/audit" && !strings.Contains(res.Body, "&lt;script&gt;alert") {
			t.Errorf("%s does not show the text escaped", path)
		}
	}

	csv := admin.get(page + "/export.csv")
	if !strings.Contains(csv.Body, `'=1+1`) || strings.Contains(csv.Body, ";=") || strings.Contains(csv.Body, `;"=`) {
		t.Errorf("CSV formulas not neutralised")
	}
	docx := admin.get(page + "/export.docx")
	zr, err := zip.NewReader(bytes.NewReader([]byte(docx.Body)), int64(len(docx.Body)))
	if err != nil {
		t.Fatalf("docx: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		d := xml.NewDecoder(bytes.NewReader(body))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("document.xml is not well-formed: %v", err)
			}
			if el, ok := tok.(xml.StartElement); ok && (el.Name.Local == "script" || el.Name.Local == "img" || el.Name.Local == "svg") {
				t.Errorf("document.xml has an element <%s> from user text", el.Name.Local)
			}
		}
		if !bytes.Contains(body, []byte("&lt;script&gt;")) {
			t.Errorf("document.xml does not carry the text escaped")
		}
	}
}
