package web_test

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

// who may use a route: the roles are anonymous, reader (assigned to the
// workshop), owner (processledare assigned to it), other (processledare not
// assigned) and admin.
type who string

const (
	public   who = "public"
	anyStaff who = "staff"
	creators who = "create"
	viewers  who = "view"
	runners  who = "run"
	admins   who = "admin"
)

var roleNames = []string{"anonymous", "reader", "owner", "other", "admin"}

func (w who) allows(role string) bool {
	switch w {
	case public:
		return true
	case anyStaff:
		return role != "anonymous"
	case creators:
		return role == "owner" || role == "other" || role == "admin"
	case viewers:
		return role == "reader" || role == "owner" || role == "admin"
	case runners:
		return role == "owner" || role == "admin"
	}
	return role == "admin"
}

// routeAccess is the whole table: every route the server registers must be
// here, and every route here must exist.
var routeAccess = map[string]who{
	"GET /healthz":                             public,
	"GET /readyz":                              public,
	"GET /lang/:lang":                          public,
	"GET /sw.js":                               public,
	"GET /":                                    public,
	"GET /join":                                public,
	"GET /e/:code":                             public,
	"GET /t/:code":                             public,
	"GET /ws/table/:code":                      public,
	"GET /privacy":                             public,
	"GET /cookies":                             public,
	"GET /accessibility":                       public,
	"POST /accessibility":                      public,
	"GET /login":                               public,
	"POST /login":                              public,
	"GET /login/oidc":                          public,
	"GET /login/oidc/callback":                 public,
	"POST /logout":                             public,
	"GET /setup/:token":                        public,
	"POST /setup/:token":                       public,
	"GET /account/link/:token":                 public,
	"POST /account/link/:token":                public,
	"GET /metrics":                             admins,
	"GET /ws/workshop/:id":                     viewers,
	"GET /admin/":                              anyStaff,
	"GET /admin/account":                       anyStaff,
	"POST /admin/account/password":             anyStaff,
	"POST /admin/session":                      anyStaff,
	"GET /admin/workshops/new":                 creators,
	"POST /admin/workshops":                    creators,
	"GET /admin/workshops/:id":                 viewers,
	"POST /admin/workshops/:id/details":        runners,
	"POST /admin/workshops/:id/state":          runners,
	"POST /admin/workshops/:id/questions":      runners,
	"POST /admin/workshops/:id/questions/:qid": runners,
	"POST /admin/workshops/:id/questions/:qid/state":                     runners,
	"POST /admin/workshops/:id/questions/:qid/move":                      runners,
	"POST /admin/workshops/:id/questions/:qid/timebox":                   runners,
	"POST /admin/workshops/:id/themes":                                   runners,
	"POST /admin/workshops/:id/themes/:tid":                              runners,
	"POST /admin/workshops/:id/themes/:tid/move":                         runners,
	"POST /admin/workshops/:id/themes/:tid/delete":                       runners,
	"POST /admin/workshops/:id/tables":                                   runners,
	"POST /admin/workshops/:id/tables/:tid":                              runners,
	"POST /admin/workshops/:id/access":                                   runners,
	"POST /admin/workshops/:id/retention":                                runners,
	"GET /admin/workshops/:id/dashboard":                                 viewers,
	"GET /admin/workshops/:id/projector":                                 viewers,
	"GET /admin/workshops/:id/print":                                     viewers,
	"GET /admin/workshops/:id/qr/:tid.png":                               viewers,
	"GET /admin/workshops/:id/export.:format":                            viewers,
	"GET /admin/workshops/:id/export.docx":                               viewers,
	"GET /admin/workshops/:id/report":                                    viewers,
	"GET /admin/workshops/:id/report.css":                                viewers,
	"GET /admin/workshops/:id/themes/:tid":                               viewers,
	"GET /admin/users":                                                   admins,
	"POST /admin/users":                                                  admins,
	"POST /admin/users/:uid":                                             admins,
	"POST /admin/users/:uid/reset":                                       admins,
	"GET /admin/audit":                                                   admins,
	"GET /admin/audit.csv":                                               admins,
	"GET /p/:token":                                                      public,
	"POST /p/:token":                                                     public,
	"GET /p/:token/draft.pdf":                                            public,
	"GET /r/:token":                                                      public,
	"POST /r/:token":                                                     public,
	"GET /r/:token/receipt/:version":                                     public,
	"GET /r/:token/draft.pdf":                                            public,
	"GET /ws/remiss/:token":                                              public,
	"GET /ws/consultation/:cid":                                          viewers,
	"GET /admin/consultations":                                           anyStaff,
	"GET /admin/consultations/new":                                       creators,
	"POST /admin/consultations":                                          creators,
	"GET /admin/consultations/:cid":                                      viewers,
	"POST /admin/consultations/:cid/details":                             runners,
	"POST /admin/consultations/:cid/state":                               runners,
	"POST /admin/consultations/:cid/pdf":                                 runners,
	"POST /admin/consultations/:cid/sections":                            runners,
	"POST /admin/consultations/:cid/sections/split":                      runners,
	"POST /admin/consultations/:cid/sections/:sid":                       runners,
	"POST /admin/consultations/:cid/sections/:sid/move":                  runners,
	"POST /admin/consultations/:cid/sections/:sid/delete":                runners,
	"POST /admin/consultations/:cid/invitees":                            runners,
	"POST /admin/consultations/:cid/invitees/:rid/reopen":                runners,
	"POST /admin/consultations/:cid/access":                              runners,
	"POST /admin/consultations/:cid/themes":                              runners,
	"POST /admin/consultations/:cid/sections/:sid/tag":                   runners,
	"POST /admin/consultations/:cid/responses/:rid/contact":              runners,
	"POST /admin/consultations/:cid/responses/:rid/delete":               runners,
	"GET /admin/consultations/:cid/overview":                             viewers,
	"GET /admin/consultations/:cid/sections/:sid":                        viewers,
	"GET /admin/consultations/:cid/responses/:rid":                       viewers,
	"GET /admin/consultations/:cid/responses/:rid/v/:version.json":       viewers,
	"GET /admin/consultations/:cid/attachments/:aid":                     viewers,
	"GET /admin/consultations/:cid/report":                               viewers,
	"GET /admin/consultations/:cid/report.css":                           viewers,
	"GET /admin/consultations/:cid/export.:format":                       viewers,
	"GET /admin/consultations/:cid/analysis":                             viewers,
	"POST /admin/consultations/:cid/analysis/note":                       runners,
	"POST /admin/consultations/:cid/analysis/summary":                    runners,
	"POST /admin/consultations/:cid/analysis/import":                     runners,
	"GET /admin/consultations/:cid/publish":                              viewers,
	"GET /admin/consultations/:cid/publish/:rid":                         viewers,
	"POST /admin/consultations/:cid/publish/:rid":                        runners,
	"POST /admin/consultations/:cid/publish/:rid/redactions":             runners,
	"POST /admin/consultations/:cid/publish/:rid/redactions/:xid/delete": runners,
	"GET /published/:cid":                                                public,
	"GET /published/:cid/:rid":                                           public,
	"GET /admin/consultations/:cid/mail":                                 viewers,
	"POST /admin/consultations/:cid/mail/settings":                       runners,
	"POST /admin/consultations/:cid/mail/invitations":                    runners,
	"POST /admin/consultations/:cid/mail/:mid/resend":                    runners,
	"GET /admin/feedback":                                                admins,
	"GET /admin/backup.db":                                               admins,
	"POST /admin/workshops/:id/sorting":                                  runners,
	"POST /admin/workshops/:id/template":                                 runners,
	"GET /admin/workshops/new/:tplid":                                    creators,
	"POST /admin/workshops/from-template":                                creators,
	"GET /admin/templates":                                               creators,
	"POST /admin/templates/:tplid/delete":                                creators,
}

// refusals are the answers that mean "not for you".
var refusals = []string{"Du behöver logga in", "Du har inte behörighet", "Du har läsbehörighet",
	"Workshoppen finns inte", "Remissen finns inte", "Bara administratörer"}

func refused(res response) bool {
	if res.Status == http.StatusUnauthorized || res.Status == http.StatusForbidden {
		return true
	}
	if res.Status == http.StatusFound || res.Status == http.StatusSeeOther {
		if strings.HasPrefix(res.Location, "/login") {
			return true
		}
	}
	for _, r := range refusals {
		if res.Status >= 400 && strings.Contains(res.Body, r) {
			return true
		}
	}
	return false
}

func TestEveryRouteAgainstEveryRole(t *testing.T) {
	// Each role comes from its own address (behind a proxy), so that the
	// refusals one role gets do not rate-limit the next.
	ts := newConfiguredServer(t, storage.Options{}, func(cfg *web.Config, _ *storage.Store) { cfg.ProxyHeader = "X-Forwarded-For" })
	ctx := context.Background()
	ts.withAdmin(t)
	reader := ts.withUser(t, "reader@example.se", "läser men ändrar inget", domain.RoleReader)
	owner := ts.withUser(t, "owner@example.se", "leder workshoppen idag", domain.RoleFacilitator)
	other := ts.withUser(t, "other@example.se", "leder en annan workshop", domain.RoleFacilitator)
	f := ts.workshop(t)
	creator := ts.browser(t)
	creator.login(adminEmail, adminPassword)
	cid, _ := createDemo(t, ts, creator)
	respondents, _, err := ts.store.Respondents(ctx, cid)
	if err != nil {
		t.Fatal(err)
	}
	con, err := ts.store.Consultation(ctx, cid)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []domain.User{reader, owner} {
		for kind, id := range map[string]string{domain.KindWorkshop: f.WorkshopID(), domain.KindConsultation: cid} {
			ts.assign(t, kind, id, u.ID)
		}
	}

	registered := map[string]bool{}
	for _, r := range ts.srv.Routes() {
		registered[r] = true
		if _, ok := routeAccess[r]; !ok {
			t.Errorf("route %q is not in the access table: decide who may use it", r)
		}
	}
	for r := range routeAccess {
		if !registered[r] {
			t.Errorf("route %q is in the access table but not registered", r)
		}
	}

	params := strings.NewReplacer(":id", f.WorkshopID(), ":qid", f.Question(0).ID, ":tid.png", f.Table(0).ID+".png",
		":tid", f.Theme(0).ID, ":code", f.Table(0).Code, ":token", "no-such-token", ":lang", "sv",
		":cid", cid, ":sid", ts.sections(t, cid)[0].ID, ":rid", respondents[0].ID, ":aid", "no-such-attachment", ":version", "1", ":uid", other.ID, ":format", "csv", ":mid", "no-such-mail", ":xid", "no-such-redaction")
	anonymous := ts.browser(t)
	anonymous.from = "192.0.2.1"
	logins := map[string]*browser{"anonymous": anonymous}
	for role, cred := range map[string][2]string{"reader": {"reader@example.se", "läser men ändrar inget"},
		"owner": {"owner@example.se", "leder workshoppen idag"}, "other": {"other@example.se", "leder en annan workshop"},
		"admin": {adminEmail, adminPassword}} {
		b := ts.browser(t)
		b.from = "192.0.2." + strconv.Itoa(len(logins)+1)
		b.login(cred[0], cred[1])
		logins[role] = b
	}

	routes := make([]string, 0, len(routeAccess))
	for r := range routeAccess {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, role := range roleNames {
		b := logins[role]
		var token string
		if role == "anonymous" {
			token = b.csrf("/login")
		} else {
			token = b.csrf("/admin/account")
		}
		for _, r := range routes {
			method, pattern, _ := strings.Cut(r, " ")
			if pattern == "/metrics" || pattern == "/login" || pattern == "/logout" {
				continue // tested on their own: the token path, and logging in and out
			}
			path := params.Replace(pattern)
			switch {
			case strings.HasPrefix(pattern, "/r/") || strings.HasPrefix(pattern, "/ws/remiss/"):
				path = strings.Replace(pattern, ":token", respondents[0].Token, 1)
				path = strings.Replace(path, ":version", "1", 1)
			case strings.HasPrefix(pattern, "/p/"):
				path = strings.Replace(pattern, ":token", con.PublicToken, 1)
			}
			if strings.HasPrefix(pattern, "/e/") {
				path = "/e/" + f.Snapshot.Workshop.JoinCode
			}
			if strings.HasPrefix(pattern, "/ws/") {
				// Closed by dial's cleanup.
				_, status, err := dial(t, ts.URL, path, b.cookieHeader())
				if got, want := err == nil, routeAccess[r].allows(role); got != want {
					t.Errorf("websocket %s as %s: status %d, connected %v, want %v", path, role, status, got, want)
				}
				continue
			}
			var res response
			if method == http.MethodGet {
				res = b.get(path)
			} else {
				// Empty forms: an allowed request fails validation and changes nothing.
				res = b.post(path, url.Values{"_csrf": {token}})
			}
			want := routeAccess[r].allows(role)
			if got := !refused(res); got != want {
				t.Errorf("%s %s as %s: status %d (location %q), allowed %v, want %v", method, path, role, res.Status, res.Location, got, want)
			}
		}
	}

	// Metrics and profiling: administrators only.
	for role, b := range logins {
		res := b.get("/metrics")
		if allowed := res.Status == http.StatusOK; allowed != (role == "admin") {
			t.Errorf("/metrics as %s: %d", role, res.Status)
		}
		res = b.get("/debug/pprof/")
		if allowed := res.Status == http.StatusOK; allowed != (role == "admin") {
			t.Errorf("/debug/pprof/ as %s: %d", role, res.Status)
		}
		if cc := res.Header.Get("Cache-Control"); role == "admin" && cc != "no-store" {
			t.Errorf("/debug/pprof/ Cache-Control %q, want no-store", cc)
		}
	}
}

func TestProcessledareSeesOnlyTheirOwnWorkshops(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	ts.withUser(t, "other@example.se", "leder en annan workshop", domain.RoleFacilitator)
	f := ts.workshop(t)
	b := ts.browser(t)
	b.login("other@example.se", "leder en annan workshop")
	if res := b.get("/admin/"); strings.Contains(res.Body, f.Snapshot.Workshop.Name) {
		t.Errorf("an unassigned processledare sees the workshop in the list")
	}
	res := b.postForm("/admin/workshops/new", "/admin/workshops", url.Values{"name": {"Min egen workshop"}, "tables": {"2"},
		"questions": {"Vad tycker ni?"}, "preset": {"principles"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: %d", res.Status)
	}
	list := b.get("/admin/")
	if !strings.Contains(list.Body, "Min egen workshop") || strings.Contains(list.Body, f.Snapshot.Workshop.Name) {
		t.Errorf("the creator should see exactly their own workshop")
	}
	// The dashboard websocket refuses an unassigned processledare.
	if _, status, err := dial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader()); err == nil || status != http.StatusNotFound {
		t.Errorf("dashboard socket of another's workshop: status %d, err %v", status, err)
	}
}

func TestReaderWatchesButCannotModerate(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	reader := ts.withUser(t, "reader@example.se", "läser men ändrar inget", domain.RoleReader)
	f := ts.workshop(t)
	ts.assign(t, domain.KindWorkshop, f.WorkshopID(), reader.ID)
	b := ts.browser(t)
	b.login("reader@example.se", "läser men ändrar inget")
	page := b.get("/admin/workshops/" + f.WorkshopID())
	if page.Status != http.StatusOK || strings.Contains(page.Body, `action="/admin/workshops/`+f.WorkshopID()+`/state"`) {
		t.Errorf("a reader's workshop page should show no forms that change it (status %d)", page.Status)
	}
	ws := mustDial(t, ts.URL, "/ws/workshop/"+f.WorkshopID(), b.cookieHeader())
	ws.nextOf("snapshot")
	ws.send(map[string]any{"type": "workshop", "req": "r1", "state": "closed"})
	reply := ws.nextOf("error")
	if reply.Code != "read_only" {
		t.Errorf("a reader's command: %+v, want read_only", reply)
	}
	w, err := ts.store.Workshop(context.Background(), f.WorkshopID())
	if err != nil || w.State != domain.WorkshopOpen {
		t.Errorf("the reader changed the workshop state: %v %v", w.State, err)
	}
}
