package web_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestModerationAndExportsAreInTheAuditLog(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	f := ts.workshop(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)

	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	id := newID()
	p.send(submitMsg(f, id, "<script>alert(1)</script> mötesplatser"))
	p.nextOf("ack")

	dash := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), admin.cookieHeader())
	dash.nextOf("snapshot")
	dash.send(map[string]any{"type": "moderate", "req": "r1", "item": id, "action": "hide"})
	dash.nextOf("ok")
	if res := admin.get("/admin/workshops/" + f.WorkshopID() + "/export.csv"); res.Status != http.StatusOK {
		t.Fatalf("export: %d", res.Status)
	}

	page := admin.get("/admin/audit?event=" + f.WorkshopID())
	if page.Status != http.StatusOK {
		t.Fatalf("audit page: %d", page.Status)
	}
	for _, want := range []string{"input.hide", "export.csv", `&#34;hidden&#34;:false`, `&#34;hidden&#34;:true`, "Anna Processledare"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the audit page lacks %q", want)
		}
	}
	if strings.Contains(page.Body, "<script>alert(1)") {
		t.Errorf("input text is not escaped on the audit page")
	}
	csv := admin.get("/admin/audit.csv")
	if csv.Status != http.StatusOK || !strings.HasPrefix(csv.Body, "\uFEFFNr;Tid;Vem") || !strings.Contains(csv.Body, "input.hide") {
		t.Errorf("audit CSV: %d %.80q", csv.Status, csv.Body)
	}
	if again := admin.get("/admin/audit"); !strings.Contains(again.Body, "export.audit") {
		t.Errorf("downloading the log is not itself logged")
	}
}
