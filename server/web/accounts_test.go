package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/web"
)

var madeLink = regexp.MustCompile(`id="made-link" type="text" readonly value="([^"]+)"`)

func TestInvitationCreatesAnAccountOnce(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	res := admin.postForm("/admin/users", "/admin/users", url.Values{"email": {"thomas@example.se"}, "role": {"reader"}})
	m := madeLink.FindStringSubmatch(res.Body)
	if res.Status != http.StatusOK || m == nil {
		t.Fatalf("invite: %d, link shown: %v", res.Status, m != nil)
	}
	link, _ := url.Parse(m[1])

	guest := ts.browser(t)
	if page := guest.get(link.Path); page.Status != http.StatusOK || !strings.Contains(page.Body, "thomas@example.se") {
		t.Fatalf("invitation page: %d", page.Status)
	}
	weak := guest.postForm(link.Path, link.Path, url.Values{"name": {"Thomas"}, "password": {"password123"}, "confirm": {"password123"}})
	if weak.Status != http.StatusBadRequest || !strings.Contains(weak.Body, "för lätt att gissa") {
		t.Errorf("a common password: %d", weak.Status)
	}
	personal := guest.postForm(link.Path, link.Path, url.Values{"name": {"Thomas"}, "password": {"thomas@example.se"}, "confirm": {"thomas@example.se"}})
	if personal.Status != http.StatusBadRequest {
		t.Errorf("the e-mail address as password: %d", personal.Status)
	}
	ok := guest.postForm(link.Path, link.Path, url.Values{"name": {"Thomas Läsare"}, "password": {"gröna äpplen i hängmattan"},
		"confirm": {"gröna äpplen i hängmattan"}})
	if ok.Status != http.StatusSeeOther || ok.Location != "/admin" {
		t.Fatalf("accept invitation: %d %q", ok.Status, ok.Location)
	}
	if res := guest.get("/admin/users"); res.Status != http.StatusForbidden {
		t.Errorf("the new reader on the users page: %d", res.Status)
	}
	if again := ts.browser(t).get(link.Path); again.Status != http.StatusNotFound {
		t.Errorf("a used invitation link: %d, want 404", again.Status)
	}
	if dup := admin.postForm("/admin/users", "/admin/users", url.Values{"email": {"thomas@example.se"}, "role": {"reader"}}); dup.Status != http.StatusConflict {
		t.Errorf("inviting an existing user: %d", dup.Status)
	}
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	laptop, phone := ts.browser(t), ts.browser(t)
	laptop.login(adminEmail, adminPassword)
	phone.login(adminEmail, adminPassword)
	wrong := laptop.postForm("/admin/account", "/admin/account/password", url.Values{"current": {"fel"},
		"password": {"en helt ny fras för kontot"}, "confirm": {"en helt ny fras för kontot"}})
	if wrong.Status != http.StatusBadRequest {
		t.Errorf("wrong current password: %d", wrong.Status)
	}
	res := laptop.postForm("/admin/account", "/admin/account/password", url.Values{"current": {adminPassword},
		"password": {"en helt ny fras för kontot"}, "confirm": {"en helt ny fras för kontot"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("change password: %d", res.Status)
	}
	if res := laptop.get("/admin/account"); res.Status != http.StatusOK {
		t.Errorf("the browser that changed the password was logged out: %d", res.Status)
	}
	if res := phone.get("/admin/account"); res.Status != http.StatusFound {
		t.Errorf("another session survived the password change: %d", res.Status)
	}
	fresh := ts.browser(t)
	fresh.login(adminEmail, "en helt ny fras för kontot")
}

func TestDeactivatedUserIsLoggedOutAndLastAdminStays(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	fac := ts.withUser(t, "camilla@example.se", "processledare 2026", domain.RoleFacilitator)
	admin, camilla := ts.browser(t), ts.browser(t)
	admin.login(adminEmail, adminPassword)
	camilla.login("camilla@example.se", "processledare 2026")
	res := admin.postForm("/admin/users", "/admin/users/"+fac.ID, url.Values{"role": {"facilitator"}, "active": {"0"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("deactivate: %d", res.Status)
	}
	if res := camilla.get("/admin/"); res.Status != http.StatusFound {
		t.Errorf("a deactivated user still gets in: %d", res.Status)
	}
	admins, _ := ts.store.ListUsers(context.Background())
	var me string
	for _, u := range admins {
		if u.Email == adminEmail {
			me = u.ID
		}
	}
	res = admin.postForm("/admin/users", "/admin/users/"+me, url.Values{"role": {"reader"}, "active": {"1"}})
	if res.Status != http.StatusConflict || !strings.Contains(res.Body, "minst en aktiv administratör") {
		t.Errorf("demoting the last administrator: %d", res.Status)
	}
}

func TestLoginLockoutBacksOff(t *testing.T) {
	ts := newConfiguredServer(t, storage.Options{}, func(cfg *web.Config, _ *storage.Store) { cfg.ProxyHeader = "X-Forwarded-For" })
	ts.withAdmin(t)
	b := ts.browser(t)
	b.from = "198.51.100.20"
	for i := 0; i < 5; i++ {
		res := b.postForm("/login", "/login", url.Values{"email": {adminEmail}, "password": {"gissning"}})
		if res.Status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, res.Status)
		}
	}
	// Now even the right password waits at the guessing address; the message
	// does not depend on whether the account exists.
	for _, email := range []string{adminEmail, "finns-inte@example.se"} {
		if email != adminEmail {
			for i := 0; i < 5; i++ {
				b.postForm("/login", "/login", url.Values{"email": {email}, "password": {"gissning"}})
			}
		}
		res := b.postForm("/login", "/login", url.Values{"email": {email}, "password": {adminPassword}})
		if res.Status != http.StatusTooManyRequests || !strings.Contains(res.Body, "Vänta") {
			t.Errorf("%s after 5 failures: %d", email, res.Status)
		}
	}
	// The account's owner, elsewhere, is not locked out by someone else's guesses.
	owner := ts.browser(t)
	owner.from = "198.51.100.21"
	owner.login(adminEmail, adminPassword)
}

func TestSessionCanBeExtended(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	b := ts.browser(t)
	b.login(adminEmail, adminPassword)
	page := b.get("/admin/account")
	if !strings.Contains(page.Body, `<meta name="session-seconds" content="43`) {
		t.Fatalf("the page does not tell the script when the session ends")
	}
	token := csrfField.FindStringSubmatch(page.Body)[1]
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/session", nil)
	req.Header.Set("X-Csrf-Token", token)
	res := b.do(req)
	if res.Status != http.StatusOK || !strings.Contains(res.Body, `"seconds":43200`) {
		t.Errorf("extend: %d %s", res.Status, res.Body)
	}
	req, _ = http.NewRequest(http.MethodPost, ts.URL+"/admin/session", nil)
	if res := b.do(req); res.Status != http.StatusForbidden {
		t.Errorf("extend without the CSRF token: %d", res.Status)
	}
}
