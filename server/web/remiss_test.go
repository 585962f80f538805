package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// testClock is a settable clock shared by the store (deadlines, timestamps)
// and the web layer (what the pages say is open).
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

var remissDeadline = func() time.Time {
	loc, _ := time.LoadLocation("Europe/Stockholm")
	return time.Date(2026, 3, 15, 23, 59, 0, 0, loc)
}()

// newRemissServer is the real server with a clock the test controls.
func newRemissServer(t *testing.T) (*testServer, *testClock) {
	t.Helper()
	clock := &testClock{now: remissDeadline.Add(-20 * 24 * time.Hour)}
	ts := startRemissServer(t, testutil.MustOpenStore(t), clock)
	ts.withAdmin(t)
	return ts, clock
}

// startRemissServer serves store with the test's clock until the test ends.
func startRemissServer(t *testing.T, store *storage.Store, clock *testClock) *testServer {
	t.Helper()
	return serveStore(t, store, func(cfg *web.Config, store *storage.Store) {
		cfg.Now = clock.Now
		store.SetClock(clock.Now)
	})
}

var consultationPath = regexp.MustCompile(`^/admin/consultations/([0-9a-f-]{36})`)

// createDemo creates the demonstration consultation through the forms,
// invites organisations from a pasted list and opens it. It returns the
// consultation id and the invitees' private links by organisation.
func createDemo(t *testing.T, ts *testServer, admin *browser) (string, map[string]string) {
	t.Helper()
	details := url.Values{
		"title": {"Överenskommelsen – remiss"}, "remitting_body": {"Västra Götalandsregionen"}, "dnr": {"RS 2014-00123"},
		"intro": {"Svara gärna avsnitt för avsnitt."}, "deadline_date": {"2026-03-15"}, "deadline_time": {"23:59"},
		"allow_spontaneous": {"1"}}
	// The pasted draft is shown split for confirmation; saving creates it.
	preview := url.Values{"document": {remiss.DemoDocument}}
	for k, v := range details {
		preview[k] = v
	}
	if res := admin.postForm("/admin/consultations/new?example=1", "/admin/consultations", preview); res.Status != http.StatusOK ||
		!strings.Contains(res.Body, "Kontrollera avsnitten") {
		t.Fatalf("preview: status %d", res.Status)
	}
	save := sectionFields(remiss.DemoSections())
	for k, v := range details {
		save[k] = v
	}
	save.Set("op", "save")
	res := admin.postForm("/admin/consultations/new?example=1", "/admin/consultations", save)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: status %d: %s", res.Status, res.Body)
	}
	m := consultationPath.FindStringSubmatch(res.Location)
	if m == nil {
		t.Fatalf("create redirected to %q", res.Location)
	}
	id := m[1]
	page := "/admin/consultations/" + id
	// Until it is opened, the consultation's links do not work.
	con, _ := ts.store.Consultation(context.Background(), id)
	if res := ts.browser(t).get("/p/" + con.PublicToken); res.Status != http.StatusNotFound {
		t.Errorf("public link of an utkast: status %d", res.Status)
	}
	res = admin.postForm(page, page+"/invitees", url.Values{"list": {"Organisation;E-post\n" +
		"Coompanion Göteborgsregionen;info@coompanion.example.se\nStudieförbundet Vuxenskolan;kansli@sv.example.se\n" +
		"Länsbygderådet;info@lbr.example.se\nIdeell Arena;kontakt@ideellarena.example.se\nRSMH Västra Götaland;rsmh@example.se"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("invite: status %d", res.Status)
	}
	if res = admin.postForm(page, page+"/state", url.Values{"state": {"open"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("open: status %d", res.Status)
	}
	respondents, _, err := ts.store.Respondents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]string{}
	body := admin.get(page).Body
	for _, r := range respondents {
		links[r.Organisation] = "/r/" + r.Token
		if !strings.Contains(body, "/r/"+r.Token) {
			t.Errorf("the private link of %s is not shown to copy", r.Organisation)
		}
	}
	if len(links) != 5 {
		t.Fatalf("%d invitees, want 5", len(links))
	}
	return id, links
}

// sectionFields is the confirmation page's list of sections as it posts it.
func sectionFields(sections []domain.Section) url.Values {
	f := url.Values{"n": {strconv.Itoa(len(sections))}}
	for i, s := range sections {
		k := strconv.Itoa(i)
		f.Set("number-"+k, s.Number)
		f.Set("heading-"+k, s.Heading)
		f.Set("body-"+k, s.Body)
	}
	return f
}

func (ts *testServer) sections(t *testing.T, id string) []domain.Section {
	t.Helper()
	s, err := ts.store.Sections(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// answerForm is a complete answer as the form posts it.
func answerForm(org string, sections []domain.Section, stances ...domain.Stance) url.Values {
	f := url.Values{"organisation": {org}, "contact": {"Karin Åberg"}, "email": {"karin@example.se"},
		"decided_by": {"styrelsen"}, "decided_on": {"2026-03-10"}, "summary": {"Vi tillstyrker i huvudsak."},
		"base_version": {"0"}}
	for i, st := range stances {
		f.Set("s-"+sections[i].ID+"-stance", string(st))
		f.Set("s-"+sections[i].ID+"-comment", "Synpunkt från "+org+" på avsnitt "+sections[i].Number)
	}
	return f
}

func TestRemissAnswerDraftAndSubmit(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Coompanion Göteborgsregionen"]
	org := ts.browser(t)

	for path, want := range map[string]string{
		"/r/fel-lank":       "Länken fungerar inte.",
		"/p/fel-lank":       "Länken fungerar inte.",
		link + "/receipt/1": "Den versionen av svaret finns inte.",
	} {
		if res := org.get(path); res.Status != http.StatusNotFound || !strings.Contains(res.Body, want) {
			t.Errorf("%s: status %d, want 404 with %q", path, res.Status, want)
		}
	}
	page := org.get(link)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, "Svara senast den 15 mars 2026 kl. 23.59") {
		t.Fatalf("form: status %d, deadline not shown as Swedish text", page.Status)
	}
	// A draft without the required fields is fine.
	draft := url.Values{"action": {"draft"}, "general": {"Halvfärdigt"}}
	if res := org.postForm(link, link, draft); res.Status != http.StatusSeeOther {
		t.Fatalf("draft: status %d: %s", res.Status, res.Body)
	}
	if page = org.get(link); !strings.Contains(page.Body, ">Halvfärdigt</textarea>") {
		t.Fatal("the saved draft is not in the form")
	}

	// Submitting without them names each field next to it, and stores nothing.
	bad := url.Values{"action": {"submit"}, "general": {"Halvfärdigt"}, "email": {"inte en adress"},
		"s-" + sections[0].ID + "-comment": {strings.Repeat("x", domain.MaxCommentRunes+1)}}
	res := org.postForm(link, link, bad)
	if res.Status != http.StatusBadRequest {
		t.Fatalf("incomplete submit: status %d", res.Status)
	}
	for field, text := range map[string]string{
		"organisation":                     "Skriv organisationens namn.",
		"contact":                          "Skriv namnet på en kontaktperson.",
		"email":                            "E-postadressen ser inte ut som en e-postadress",
		"s-" + sections[0].ID + "-comment": "Texten är för lång: högst 10\u00a0000 tecken",
	} {
		if !regexp.MustCompile(`id="` + field + `-error">` + regexp.QuoteMeta(text)).MatchString(res.Body) {
			t.Errorf("no message %q next to %s", text, field)
		}
		if !strings.Contains(res.Body, `href="#`+field+`"`) {
			t.Errorf("the error summary does not link to %s", field)
		}
	}
	if r, _ := ts.store.RespondentByToken(context.Background(), strings.TrimPrefix(link, "/r/")); r.Version != 0 {
		t.Fatal("an invalid submission was stored")
	}

	good := answerForm("Coompanion Göteborgsregionen", sections, domain.StanceSupport, domain.StancePartly, domain.StanceOppose)
	good.Set("action", "submit")
	res = org.postForm(link, link, good)
	if res.Status != http.StatusSeeOther || res.Location != link+"/receipt/1" {
		t.Fatalf("submit: status %d → %q: %s", res.Status, res.Location, res.Body)
	}
	receipt := org.get(res.Location)
	for _, want := range []string{"RV-2026-0001", "23 februari 2026 kl. 23.59", "Tillstyrker delvis", "Synpunkt från Coompanion Göteborgsregionen på avsnitt 2"} {
		if !strings.Contains(receipt.Body, want) {
			t.Errorf("receipt lacks %q", want)
		}
	}
	// The draft is gone; the form now shows the submitted answer, and
	// changing it makes version 2 while version 1 stays as it was.
	good.Set("summary", "Efter nytt styrelsebeslut: vi avstyrker.")
	good.Set("base_version", "1")
	if res = org.postForm(link, link, good); res.Location != link+"/receipt/2" {
		t.Fatalf("second version: %d → %q", res.Status, res.Location)
	}
	if v1 := org.get(link + "/receipt/1"); !strings.Contains(v1.Body, "Vi tillstyrker i huvudsak.") || !strings.Contains(v1.Body, "det finns en senare version") {
		t.Error("version 1 changed or is not marked as superseded")
	}
}

func TestRemissTwoTabsSubmitAtOnce(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Länsbygderådet"]
	tabs := []*browser{ts.browser(t), ts.browser(t), ts.browser(t)}
	forms := make([]url.Values, len(tabs))
	for i, tab := range tabs {
		forms[i] = answerForm("Länsbygderådet", sections, domain.StanceSupport)
		forms[i].Set("action", "submit")
		forms[i].Set("summary", "Flik "+string(rune('A'+i)))
		forms[i].Set("_csrf", tab.csrf(link))
	}
	statuses := make([]int, len(tabs))
	var wg sync.WaitGroup
	for i := range tabs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			statuses[i] = tabs[i].post(link, forms[i]).Status
		}(i)
	}
	wg.Wait()
	ok, conflict := 0, 0
	for _, s := range statuses {
		switch s {
		case http.StatusSeeOther:
			ok++
		case http.StatusConflict:
			conflict++
		}
	}
	if ok != 1 || conflict != len(tabs)-1 {
		t.Fatalf("statuses %v: want one accepted and the others told of the conflict", statuses)
	}
	r, _ := ts.store.RespondentByToken(context.Background(), strings.TrimPrefix(link, "/r/"))
	versions, _ := ts.store.Versions(context.Background(), r.ID)
	if len(versions) != 1 {
		t.Fatalf("%d versions stored, want 1", len(versions))
	}
	// The refused tab gets its text back, and may now knowingly send it as version 2.
	for i, s := range statuses {
		if s != http.StatusConflict {
			continue
		}
		res := tabs[i].post(link, forms[i])
		if res.Status != http.StatusConflict || !strings.Contains(res.Body, "Flik "+string(rune('A'+i))) || !strings.Contains(res.Body, "nummer 1") {
			t.Fatalf("conflict page: status %d, typed text or version missing", res.Status)
		}
		forms[i].Set("base_version", "1")
		if res = tabs[i].post(link, forms[i]); res.Status != http.StatusSeeOther {
			t.Fatalf("resubmit after conflict: %d", res.Status)
		}
		break
	}
}

func TestRemissDeadlineAndLateReopening(t *testing.T) {
	ts, clock := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Ideell Arena"]
	org := ts.browser(t)

	// A form opened an hour before the deadline and sent a minute after it.
	clock.Set(remissDeadline.Add(-time.Hour))
	token := org.csrf(link)
	clock.Set(remissDeadline.Add(time.Minute))
	page := org.get(link)
	if !strings.Contains(page.Body, "Sista svarsdagen har passerat") || strings.Contains(page.Body, `name="action"`) {
		t.Fatal("after the deadline the form is still offered")
	}
	form := answerForm("Ideell Arena", sections, domain.StanceNoObjection)
	form.Set("action", "submit")
	form.Set("_csrf", token)
	if res := org.post(link, form); res.Status != http.StatusConflict || !strings.Contains(res.Body, "Sista svarsdagen har passerat") {
		t.Fatalf("late submit: status %d", res.Status)
	}

	r, _ := ts.store.RespondentByToken(context.Background(), strings.TrimPrefix(link, "/r/"))
	admin.login(adminEmail, adminPassword) // weeks have passed: the session has expired
	page2 := "/admin/consultations/" + id
	if res := admin.postForm(page2, page2+"/invitees/"+r.ID+"/reopen", url.Values{"reopen": {"1"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("reopen: %d", res.Status)
	}
	if page = org.get(link); !strings.Contains(page.Body, "Svaret märks som sent inkommet") {
		t.Fatal("the reopened form does not say the answer will be late")
	}
	if res := org.post(link, form); res.Status != http.StatusSeeOther {
		t.Fatalf("reopened submit: %d", res.Status)
	}
	v, _ := ts.store.Version(context.Background(), r.ID, 1)
	if !v.Late {
		t.Error("the late answer is not marked late")
	}
	// Another organisation is still closed out.
	other := links["Länsbygderådet"]
	f2 := answerForm("Länsbygderådet", sections)
	f2.Set("action", "submit")
	f2.Set("_csrf", token)
	if res := org.post(other, f2); res.Status != http.StatusConflict {
		t.Fatalf("another organisation after the deadline: %d", res.Status)
	}
}

// postMultipart posts the answer form with a file, as a browser does.
func (b *browser) postMultipart(path string, form url.Values, field, filename string, data []byte) response {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile(field, filename)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", b.base)
	return b.do(req)
}

func TestRemissAttachments(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	link := links["Studieförbundet Vuxenskolan"]
	org := ts.browser(t)
	form := answerForm("Studieförbundet Vuxenskolan", sections, domain.StanceSupport)
	form.Set("action", "submit")
	form.Set("_csrf", org.csrf(link))

	tooBig := append([]byte("%PDF-1.7\n"), make([]byte, domain.MaxAttachmentBytes)...)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"yttrande.pdf", tooBig, "Filen är för stor. Bilagan får vara högst 10 MB."},
		{"yttrande.pdf", []byte("PK\x03\x04 not a pdf"), "Filen är inte en PDF."},
	} {
		res := org.postMultipart(link, form, "attachment", c.name, c.data)
		if res.Status != http.StatusBadRequest || !strings.Contains(res.Body, `id="attachment-error">`+c.want) {
			t.Errorf("%d bytes: status %d, want the message %q next to the file field", len(c.data), res.Status, c.want)
		}
	}
	pdf := []byte("%PDF-1.4\n% Yttrande från styrelsen\n%%EOF\n")
	res := org.postMultipart(link, form, "attachment", "Yttrande SV.pdf", pdf)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("valid PDF: status %d: %s", res.Status, res.Body)
	}
	r, _ := ts.store.RespondentByToken(context.Background(), strings.TrimPrefix(link, "/r/"))
	v, _ := ts.store.Version(context.Background(), r.ID, 1)
	if v.Answer.AttachmentName != "Yttrande SV.pdf" {
		t.Fatalf("attachment name %q", v.Answer.AttachmentName)
	}
	dl := admin.get("/admin/consultations/" + id + "/attachments/" + v.Answer.AttachmentID)
	if dl.Status != http.StatusOK || dl.Body != string(pdf) || dl.Header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(dl.Header.Get("Content-Disposition"), "attachment;") {
		t.Fatalf("download: %d %q %q", dl.Status, dl.Header.Get("Content-Type"), dl.Header.Get("Content-Disposition"))
	}
	// The working group sees the response with its versions, and can download each as submitted.
	view := admin.get("/admin/consultations/" + id + "/responses/" + r.ID)
	for _, want := range []string{"Studieförbundet Vuxenskolan", "Version 1", "karin@example.se", "Ladda ner bilagan (Yttrande SV.pdf)"} {
		if !strings.Contains(view.Body, want) {
			t.Errorf("response page lacks %q", want)
		}
	}
	js := admin.get("/admin/consultations/" + id + "/responses/" + r.ID + "/v/1.json")
	var stored struct {
		Reference string         `json:"reference"`
		Version   domain.Version `json:"version"`
	}
	if err := json.Unmarshal([]byte(js.Body), &stored); err != nil || stored.Version.Answer.Email != "karin@example.se" ||
		stored.Reference != r.Reference || stored.Version.Answer.AttachmentID != v.Answer.AttachmentID {
		t.Errorf("version as submitted: %s (%v)", js.Body, err)
	}
	// Respondents cannot fetch working-group files; other people's files are not found.
	if res := org.get("/admin/consultations/" + id + "/attachments/" + v.Answer.AttachmentID); res.Status == http.StatusOK {
		t.Error("a respondent downloaded through the admin route")
	}
}

func TestRemissSpontaneousAndLiveOverview(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	con, _ := ts.store.Consultation(context.Background(), id)

	dash := mustDial(t, ts.URL, "/ws/consultation/"+id, admin.cookieHeader())
	snap := dash.nextOf("snapshot")
	var overview struct {
		Sections    []domain.Section `json:"sections"`
		Respondents []remiss.Live    `json:"respondents"`
	}
	overview = decode[struct {
		Sections    []domain.Section `json:"sections"`
		Respondents []remiss.Live    `json:"respondents"`
	}](t, snap.Data)
	if len(overview.Sections) != 6 || len(overview.Respondents) != 5 {
		t.Fatalf("snapshot: %d sections, %d respondents", len(overview.Sections), len(overview.Respondents))
	}
	for _, r := range overview.Respondents {
		if r.Status != domain.StatusNotOpened || strings.Contains(string(snap.Data), "@") {
			t.Fatalf("snapshot respondent %+v (contact details must stay out)", r)
		}
	}

	// Two colleagues with the same private link: one types, the other sees the draft.
	link := links["RSMH Västra Götaland"]
	token := strings.TrimPrefix(link, "/r/")
	org := ts.browser(t)
	org.get(link) // opened
	if m := dash.nextOf("respondent"); decode[remiss.Live](t, m.Data).Status != domain.StatusOpened {
		t.Fatalf("opening the link: %s", m.Data)
	}
	anna := mustDial(t, ts.URL, "/ws/remiss/"+token, nil)
	anna.nextOf("snapshot")
	bo := mustDial(t, ts.URL, "/ws/remiss/"+token, nil)
	bo.nextOf("snapshot")
	anna.send(draftMsg("d1", "anna", map[string]edit{"general": {Value: "Annas utkast"},
		domain.StanceField(sections[1].ID): {Value: string(domain.StanceOppose)}, domain.CommentField(sections[1].ID): {Value: "Nej"}}))
	if m := anna.nextOf("saved"); m.Req != "d1" {
		t.Fatalf("saved reply %+v", m)
	}
	seen := decode[formDraft](t, bo.nextOf("draft").Data)
	if seen.Fields["general"].Value != "Annas utkast" || seen.Rev != 1 {
		t.Fatalf("colleague sees %+v", seen)
	}
	anna.quiet(200 * time.Millisecond) // not echoed to its author
	if m := decode[remiss.Live](t, dash.nextOf("draft").Data); m.Status != domain.StatusDraft || len(m.Stances) != 0 {
		t.Fatalf("overview sees the draft as %+v (a draft's stances are not counted)", m)
	}
	// A draft survives a reload.
	if page := org.get(link); !strings.Contains(page.Body, ">Annas utkast</textarea>") {
		t.Fatal("the websocket draft is not in the reloaded form")
	}

	// A spontaneous respondent through the public link.
	pub := ts.browser(t)
	res := pub.postForm("/p/"+con.PublicToken, "/p/"+con.PublicToken, url.Values{})
	if res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, "/r/") || !strings.HasSuffix(res.Location, "?new=1") {
		t.Fatalf("start spontaneous: %d → %q", res.Status, res.Location)
	}
	own := strings.TrimSuffix(res.Location, "?new=1")
	form := answerForm("Föreningen Gemenskap", sections, domain.StancePartly, domain.StanceOppose)
	form.Set("action", "submit")
	if res = pub.postForm(res.Location, own, form); res.Status != http.StatusSeeOther {
		t.Fatalf("spontaneous submit: %d", res.Status)
	}
	sub := decode[remiss.Live](t, dash.nextOf("submitted").Data)
	if sub.Invited || sub.Organisation != "Föreningen Gemenskap" || sub.Stances[sections[1].ID] != domain.StanceOppose {
		t.Fatalf("overview sees %+v", sub)
	}
	ov := admin.get("/admin/consultations/" + id + "/overview")
	if !strings.Contains(ov.Body, "1 svar: 0 av 5 inbjudna, 1 spontana.") {
		t.Error("overview page does not count the spontaneous answer")
	}
	sec := admin.get("/admin/consultations/" + id + "/sections/" + sections[1].ID)
	if !strings.Contains(sec.Body, "Föreningen Gemenskap") || !strings.Contains(sec.Body, "Synpunkt från Föreningen Gemenskap på avsnitt 2") {
		t.Error("the section page does not show the comment with its organisation")
	}
}

func TestRemissExports(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	for org, stances := range map[string][]domain.Stance{
		"Coompanion Göteborgsregionen": {domain.StanceSupport, domain.StancePartly},
		"Länsbygderådet":               {domain.StanceOppose},
	} {
		b := ts.browser(t)
		f := answerForm(org, sections, stances...)
		f.Set("action", "submit")
		if org == "Länsbygderådet" {
			f.Set("s-"+sections[0].ID+"-comment", "=HYPERLINK(\"http://evil.example\")")
		}
		if res := b.postForm(links[org], links[org], f); res.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d", org, res.Status)
		}
	}
	base := "/admin/consultations/" + id

	t.Run("xlsx", func(t *testing.T) {
		res := admin.get(base + "/export.xlsx")
		f, err := excelize.OpenReader(strings.NewReader(res.Body))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Remissvar")
		if err != nil {
			t.Fatal(err)
		}
		header := rows[1]
		if strings.Join(header, "|") != "Organisation|Typ|Referens|Version|Inkom|Sent inkommet|Avsnitt nr|Avsnitt|Ställningstagande|Synpunkt|Kommentar|Åtgärd|Nyckel (ändra inte)" {
			t.Fatalf("header %q", header)
		}
		// Coompanion: summary + 6 sections; Länsbygderådet: summary + 6 sections.
		if len(rows) != 2+14 {
			t.Fatalf("%d rows, want 16", len(rows))
		}
		first := rows[2]
		if first[0] != "Coompanion Göteborgsregionen" || first[7] != "Sammanfattning" {
			t.Fatalf("first row %q (alphabetical, summary first)", first)
		}
		sec2 := rows[4]
		if sec2[6] != "2" || sec2[7] != "Vision och syfte" || sec2[8] != "Tillstyrker delvis" || !strings.Contains(sec2[9], "avsnitt 2") {
			t.Fatalf("section 2 row %q", sec2)
		}
		inj := rows[10]
		if inj[0] != "Länsbygderådet" || inj[9] != "=HYPERLINK(\"http://evil.example\")" {
			t.Fatalf("row %q", inj)
		}
		if formula, _ := f.GetCellFormula("Remissvar", "J11"); formula != "" {
			t.Errorf("a comment became a formula: %q", formula)
		}
		resp, err := f.GetRows("Remissinstanser")
		if err != nil || len(resp) != 2+5 {
			t.Fatalf("respondents sheet: %d rows, %v", len(resp), err)
		}
		if strings.Contains(res.Body, "karin@example.se") {
			t.Error("the XLSX contains an e-mail address")
		}
	})

	t.Run("csv", func(t *testing.T) {
		res := admin.get(base + "/export.csv")
		if !strings.HasPrefix(res.Body, "\uFEFFOrganisation;Typ;Referens;Version;Inkom;Sent inkommet;Avsnitt nr;Avsnitt;Ställningstagande;Synpunkt;Kommentar;Åtgärd\r\n") {
			t.Fatalf("csv starts %q", res.Body[:min(200, len(res.Body))])
		}
		if !strings.Contains(res.Body, "Coompanion Göteborgsregionen;inbjuden;RV-2026-") ||
			!strings.Contains(res.Body, ";1;Inledning och bakgrund;Avstyrker;\"'=HYPERLINK(\"\"http://evil.example\"\")\";;\r\n") {
			t.Fatalf("csv rows:\n%s", res.Body)
		}
		if strings.Contains(res.Body, "karin@example.se") || strings.Contains(res.Body, "Karin Åberg") {
			t.Error("the CSV contains contact details")
		}
	})

	t.Run("json", func(t *testing.T) {
		res := admin.get(base + "/export.json")
		var doc struct {
			Responses []struct {
				Organisation string `json:"organisation"`
				Sections     []struct {
					Stance domain.Stance `json:"stance"`
				} `json:"sections"`
			} `json:"responses"`
			Invited []string `json:"invited"`
		}
		if err := json.Unmarshal([]byte(res.Body), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Responses) != 2 || len(doc.Responses[0].Sections) != 6 || len(doc.Invited) != 5 {
			t.Fatalf("json %+v", doc)
		}
		if strings.Contains(res.Body, "karin@example.se") {
			t.Error("the JSON contains an e-mail address")
		}
	})

	t.Run("docx", func(t *testing.T) {
		res := admin.get(base + "/export.docx")
		zr, err := zip.NewReader(strings.NewReader(res.Body), int64(len(res.Body)))
		if err != nil {
			t.Fatal(err)
		}
		var document string
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				document = string(b)
			}
		}
		// It must be well-formed XML, in the order of a remissammanställning.
		dec := xmlDecoder(document)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("document.xml: %v", err)
			}
		}
		// After the contents (which name the same headings), in this order.
		at := strings.Index(document, `<w:pStyle w:val="Heading1"/>`)
		if at < 0 {
			t.Fatal("no headings")
		}
		order := []string{"Sammanfattning av deltagandet", "Ställningstaganden per avsnitt"}
		for _, s := range sections {
			order = append(order, s.Label())
		}
		order = append(order, "Bilaga: Remissinstanser", "RSMH Västra Götaland")
		for _, want := range order {
			i := strings.Index(document[at:], want)
			if i < 0 {
				t.Fatalf("document.xml lacks %q after position %d", want, at)
			}
			at += i
		}
		if !strings.Contains(document, "Länsbygderådet – avstyrker") || !strings.Contains(document, "=HYPERLINK(&#34;http://evil.example&#34;)") {
			t.Error("the views are not named by organisation, or text is not escaped")
		}
		if strings.Contains(res.Body, "karin@example.se") {
			t.Error("the DOCX contains an e-mail address")
		}
	})

	t.Run("report", func(t *testing.T) {
		res := admin.get(base + "/report")
		for _, want := range []string{"Inbjudna remissinstanser", "Länsbygderådet – avstyrker", "Bilaga: Remissinstanser", "Yttrandet har beslutats av styrelsen"} {
			if !strings.Contains(res.Body, want) {
				t.Errorf("report lacks %q", want)
			}
		}
		if strings.Contains(res.Body, "karin@example.se") {
			t.Error("the report contains an e-mail address")
		}
	})
}

func xmlDecoder(s string) *xml.Decoder { return xml.NewDecoder(strings.NewReader(s)) }

// Acceptance: a response is never lost. Versions, receipts and drafts are
// still there after the server stops and starts again on the same folder.
func TestRemissSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	clock := &testClock{now: remissDeadline.Add(-20 * 24 * time.Hour)}
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ts := startRemissServer(t, store, clock)
	ts.withAdmin(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	org := ts.browser(t)
	submitted := links["Coompanion Göteborgsregionen"]
	f := answerForm("Coompanion Göteborgsregionen", sections, domain.StancePartly)
	f.Set("action", "submit")
	if res := org.postForm(submitted, submitted, f); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	drafted := links["Ideell Arena"]
	if res := org.postForm(drafted, drafted, url.Values{"action": {"draft"}, "other": {"Ett halvfärdigt utkast"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("draft: %d", res.Status)
	}

	// Stop everything, as a restart does, and start again on the same folder.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ts.srv.Shutdown(ctx)
	ts.writer.Close()
	store.Close()
	store2, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store2.Close() })
	ts2 := startRemissServer(t, store2, clock)
	again := ts2.browser(t)
	receipt := again.get(submitted + "/receipt/1")
	if receipt.Status != http.StatusOK || !strings.Contains(receipt.Body, "RV-2026-0001") ||
		!strings.Contains(receipt.Body, "Synpunkt från Coompanion Göteborgsregionen på avsnitt 1") {
		t.Fatalf("receipt after restart: %d", receipt.Status)
	}
	if page := again.get(drafted); !strings.Contains(page.Body, ">Ett halvfärdigt utkast</textarea>") {
		t.Fatal("the draft is gone after the restart")
	}
}
