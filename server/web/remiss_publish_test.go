package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

func TestPublicationWithConsent(t *testing.T) {
	ts, clock := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	sections := ts.sections(t, id)

	// The form asks; the answer says yes, no, or nothing.
	if page := ts.browser(t).get(links["Länsbygderådet"]); !strings.Contains(page.Body, "Får svaret publiceras på webben?") ||
		!strings.Contains(page.Body, `name="publish" id="publish" value="yes"`) {
		t.Fatal("the answer form does not ask about publication")
	}
	for org, consent := range map[string]string{"Länsbygderådet": "yes", "Ideell Arena": "no", "Coompanion Göteborgsregionen": ""} {
		f := answerForm(org, sections, domain.StancePartly, domain.StanceOppose)
		f.Set("action", "submit")
		f.Set("publish", consent)
		f.Set("s-"+sections[1].ID+"-comment", "Vår ordförande Eva Svensson har synpunkter på visionen.")
		b := ts.browser(t)
		res := b.postForm(links[org], links[org], f)
		if res.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d", org, res.Status)
		}
		if org == "Länsbygderådet" {
			if receipt := b.get(res.Location); !strings.Contains(receipt.Body, "<dt>Får svaret publiceras på webben?</dt><dd>Ja</dd>") {
				t.Error("the receipt does not say the answer may be published")
			}
		}
	}
	list, _, _ := ts.store.Respondents(context.Background(), id)
	rid := map[string]string{}
	for _, r := range list {
		rid[r.Organisation] = r.ID
	}
	page := "/admin/consultations/" + id + "/publish"
	publish := func(org, on string) response {
		return admin.postForm(page, page+"/"+rid[org], url.Values{"publish": {on}})
	}
	if res := publish("Länsbygderådet", "1"); res.Status != http.StatusConflict || !strings.Contains(res.Body, "först efter sista svarsdagen") {
		t.Fatalf("publishing before the deadline: %d", res.Status)
	}
	clock.Set(remissDeadline.Add(time.Minute))
	admin.login(adminEmail, adminPassword)
	if res := publish("Ideell Arena", "1"); res.Status != http.StatusConflict || !strings.Contains(res.Body, "Ideell Arena har inte sagt ja") {
		t.Fatalf("publishing without consent: %d", res.Status)
	}
	if res := publish("Coompanion Göteborgsregionen", "1"); res.Status != http.StatusConflict {
		t.Fatalf("publishing when the question was not answered: %d", res.Status)
	}
	if res := publish("Länsbygderådet", "1"); res.Status != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", res.Status, res.Body)
	}

	visitor := ts.browser(t)
	pub := visitor.get("/published/" + id)
	if pub.Status != http.StatusOK || !strings.Contains(pub.Body, "Länsbygderådet") || strings.Contains(pub.Body, "Ideell Arena") {
		t.Fatalf("public list: %d", pub.Status)
	}
	answer := "/published/" + id + "/" + rid["Länsbygderådet"]
	res := visitor.get(answer)
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "Remissvar från Länsbygderådet") ||
		!strings.Contains(res.Body, "Eva Svensson") || !strings.Contains(res.Body, "Skriv ut eller spara som PDF") {
		t.Fatalf("published answer: %d", res.Status)
	}
	if strings.Contains(res.Body, "karin@example.se") || strings.Contains(res.Body, "Karin Åberg") {
		t.Error("the published answer has contact details")
	}
	if res := visitor.get("/published/" + id + "/" + rid["Ideell Arena"]); res.Status != http.StatusNotFound {
		t.Errorf("an answer not published: %d", res.Status)
	}

	// Redactions: each with a reason, the text must be there, the original stays.
	review := page + "/" + rid["Länsbygderådet"]
	redact := func(text, reason string) response {
		return admin.postForm(review, review+"/redactions", url.Values{"part": {sections[1].ID}, "text": {text}, "reason": {reason}})
	}
	if res := redact("Eva Svensson", ""); res.Status != http.StatusBadRequest || !strings.Contains(res.Body, "Skriv skälet") {
		t.Errorf("a redaction without a reason: %d", res.Status)
	}
	if res := redact("Per Persson", "personuppgift"); res.Status != http.StatusBadRequest {
		t.Errorf("a redaction of text that is not there: %d", res.Status)
	}
	if res := redact("Eva Svensson", "Personuppgift om en privatperson"); res.Status != http.StatusSeeOther {
		t.Fatalf("redact: %d %s", res.Status, res.Body)
	}
	res = visitor.get(answer)
	if strings.Contains(res.Body, "Eva Svensson") || !strings.Contains(res.Body, "Vår ordförande [uppgift borttagen] har synpunkter") ||
		!strings.Contains(res.Body, "Några uppgifter har tagits bort") {
		t.Error("the redaction is not applied to the public page")
	}
	v, _ := ts.store.Version(context.Background(), rid["Länsbygderådet"], 1)
	if !strings.Contains(v.Answer.Sections[sections[1].ID].Comment, "Eva Svensson") {
		t.Error("the submitted answer was changed")
	}
	entries, _ := ts.store.AuditEntries(context.Background(), storage.AuditFilter{EventID: id, Limit: 100})
	var logged bool
	for _, e := range entries {
		logged = logged || (e.Action == "consultation.redact" && strings.Contains(e.After, "Personuppgift om en privatperson"))
	}
	if !logged {
		t.Error("the redaction and its reason are not in the audit log")
	}
	if page := admin.get(review); !strings.Contains(page.Body, "Personuppgift om en privatperson") {
		t.Error("the review page does not list the redaction")
	}

	if res := publish("Länsbygderådet", "0"); res.Status != http.StatusSeeOther {
		t.Fatalf("unpublish: %d", res.Status)
	}
	if res := visitor.get(answer); res.Status != http.StatusNotFound {
		t.Errorf("an unpublished answer is still public: %d", res.Status)
	}
}

// A draft saved by the live form, which sends only the fields its person
// changed, keeps the answer given to the question.
func TestPublishConsentSurvivesLiveDrafts(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	link := links["RSMH Västra Götaland"]
	org := ts.browser(t)
	if res := org.postForm(link, link, url.Values{"action": {"draft"}, "publish": {"yes"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("draft: %d", res.Status)
	}
	ws := mustDial(t, ts.URL, "/ws/remiss/"+strings.TrimPrefix(link, "/r/"), nil)
	ws.nextOf("snapshot")
	ws.send(draftMsg("d1", "flik", map[string]edit{"general": {Base: 1, Value: "Skrivet live"}}))
	ws.nextOf("saved")
	list, _, _ := ts.store.Respondents(context.Background(), id)
	for _, r := range list {
		if r.Organisation == "RSMH Västra Götaland" {
			d, _ := ts.store.Draft(context.Background(), r.ID)
			if d.Answer.Publish != "yes" || d.Answer.General != "Skrivet live" {
				t.Fatalf("draft after a live save: %+v", d.Answer)
			}
		}
	}
}
