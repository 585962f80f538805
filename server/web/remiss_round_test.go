package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// Issue 13, bug 3: the split is shown for confirmation, with join and
// split, as plain forms, before anything is stored.
func TestRemissSplitIsConfirmedFirst(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	details := url.Values{"title": {"Bidragsregler"}, "deadline_date": {"2026-03-15"}, "deadline_time": {"23:59"},
		"document": {"1. Bidrag\nBidraget är\n10 000 kronor per förening\n2. Villkor\nMålen är:\n1. ökad delaktighet\n2. fler samarbeten\n"}}
	res := admin.postForm("/admin/consultations/new", "/admin/consultations", details)
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "Texten delades i 2 avsnitt.") {
		t.Fatalf("preview: status %d", res.Status)
	}
	if cons, _ := ts.store.ListConsultations(t.Context(), domain.User{Role: domain.RoleAdmin}); len(cons) != 0 {
		t.Fatal("the preview stored a consultation")
	}
	for _, want := range []string{`value="Bidrag"`, `value="Villkor"`, "10 000 kronor per förening", `name="op" value="join-1"`,
		`<option value="10 000 kronor per förening">`, `name="title" value="Bidragsregler"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	// Split section 2 before "1. ökad delaktighet": a new section, which needs a heading.
	form := url.Values{"title": {"Bidragsregler"}, "deadline_date": {"2026-03-15"}, "deadline_time": {"23:59"},
		"n": {"2"}, "number-0": {"1"}, "heading-0": {"Bidrag"}, "body-0": {"Bidraget är\n10 000 kronor per förening"},
		"number-1": {"2"}, "heading-1": {"Villkor"}, "body-1": {"Målen är:\n1. ökad delaktighet\n2. fler samarbeten"},
		"op": {"split-1"}, "at-1": {"1. ökad delaktighet"}}
	res = admin.postForm("/admin/consultations/new", "/admin/consultations", form)
	if !strings.Contains(res.Body, "Avsnitt 2 är delat i två: 2 och 3.") || !strings.Contains(res.Body, `name="n" value="3"`) {
		t.Fatalf("split: status %d", res.Status)
	}
	form.Set("n", "3")
	form.Set("body-1", "Målen är:")
	form.Set("number-2", "")
	form.Set("heading-2", "")
	form.Set("body-2", "1. ökad delaktighet\n2. fler samarbeten")
	form.Set("op", "save")
	if res = admin.postForm("/admin/consultations/new", "/admin/consultations", form); res.Status != http.StatusBadRequest ||
		!strings.Contains(res.Body, `id="heading-2-error">Varje avsnitt behöver en rubrik.`) {
		t.Fatalf("saving without a heading: status %d", res.Status)
	}
	// Join it back, then save: the consultation has the two sections.
	form.Set("op", "join-2")
	res = admin.postForm("/admin/consultations/new", "/admin/consultations", form)
	if !strings.Contains(res.Body, "Avsnitt 2 och 3 är ihopslagna.") || !strings.Contains(res.Body, "Målen är:\n\n1. ökad delaktighet") {
		t.Fatalf("join: %d", res.Status)
	}
	form.Set("n", "2")
	form.Set("body-1", "Målen är:\n\n1. ökad delaktighet\n2. fler samarbeten")
	form.Set("op", "save")
	res = admin.postForm("/admin/consultations/new", "/admin/consultations", form)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("save: %d: %s", res.Status, res.Body)
	}
	id := consultationPath.FindStringSubmatch(res.Location)[1]
	got := ts.sections(t, id)
	if len(got) != 2 || got[0].Label() != "1. Bidrag" || got[1].Body != "Målen är:\n\n1. ökad delaktighet\n2. fler samarbeten" {
		t.Fatalf("stored sections %+v", got)
	}
	// Pasting again on the utkast also goes through the confirmation.
	page := "/admin/consultations/" + id
	res = admin.postForm(page, page+"/sections/split", url.Values{"document": {"§ 1\nParter\nText.\n§ 2\nAvtalstid\nTre år."}})
	if res.Status != http.StatusOK || !strings.Contains(res.Body, `value="§ 1"`) || !strings.Contains(res.Body, `value="Avtalstid"`) {
		t.Fatalf("replace preview: %d", res.Status)
	}
	if len(ts.sections(t, id)) != 2 || ts.sections(t, id)[0].Heading != "Bidrag" {
		t.Fatal("the preview replaced the sections")
	}
}

// Issue 13, bug 4: after the deadline the lists do not say "open", and a
// receipt names the remitting body and the diarienummer.
func TestRemissAfterDeadlineAndReceiptDetails(t *testing.T) {
	ts, clock := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)
	org := ts.browser(t)
	link := links["Länsbygderådet"]
	f := answerForm("Länsbygderådet", sections, domain.StanceSupport)
	f.Set("action", "submit")
	res := org.postForm(link, link, f)
	receipt := org.get(res.Location)
	for _, want := range []string{"Västra Götalandsregionen", "RS 2014-00123"} {
		if !strings.Contains(receipt.Body, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
	if list := admin.get("/admin/consultations"); !strings.Contains(list.Body, "Öppen för svar") {
		t.Fatal("before the deadline the list should say open")
	}
	clock.Set(remissDeadline.Add(time.Minute))
	admin.login(adminEmail, adminPassword)
	for _, path := range []string{"/admin/consultations", "/admin/consultations/" + id} {
		page := admin.get(path)
		if strings.Contains(page.Body, "Öppen för svar") || !strings.Contains(page.Body, "Svarstiden har gått ut") {
			t.Errorf("%s after the deadline does not say that the time to answer is over", path)
		}
	}
}
