package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"
)

// admin is a logged-in facilitator's browser session, used to set up the
// workshop through the same forms a person uses.
type admin struct {
	base string
	c    *http.Client
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func newAdmin(base string) *admin {
	jar, _ := cookiejar.New(nil)
	return &admin{base: strings.TrimRight(base, "/"), c: &http.Client{Jar: jar, Timeout: 5 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (a *admin) get(path string) (string, *http.Response, error) {
	res, err := a.c.Get(a.base + path)
	if err != nil {
		return "", nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return string(body), res, err
}

// profile saves the server's CPU profile over the next d to a file.
func (a *admin) profile(d time.Duration, file string) error {
	res, err := a.c.Get(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", a.base, int(d.Seconds())))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("profile: status %d", res.StatusCode)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, res.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// post sends a form with the CSRF token of the page it belongs to.
func (a *admin) post(page, action string, form url.Values) (*http.Response, error) {
	body, _, err := a.get(page)
	if err != nil {
		return nil, err
	}
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		return nil, fmt.Errorf("no form token on %s (not logged in?)", page)
	}
	form.Set("_csrf", m[1])
	req, _ := http.NewRequest(http.MethodPost, a.base+action, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := a.c.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode >= 400 {
		return res, fmt.Errorf("POST %s: %s", action, res.Status)
	}
	return res, nil
}

func (a *admin) login(email, password string) error {
	res, err := a.post("/login", "/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("login refused (%s): check -email and -password", res.Status)
	}
	return nil
}

// cookie returns the session cookie header for websocket connections.
func (a *admin) cookie() http.Header {
	u, _ := url.Parse(a.base)
	h := http.Header{}
	for _, c := range a.c.Jar.Cookies(u) {
		h.Add("Cookie", c.Name+"="+c.Value)
	}
	return h
}

type workshop struct {
	id       string
	question string
	codes    []string
}

var (
	questionAction = regexp.MustCompile(`/questions/([0-9a-f-]{36})/state`)
	tableCode      = regexp.MustCompile(`<td><code>([A-Z0-9]{6})</code></td>`)
)

// createWorkshop makes a workshop with the given number of tables, opens it
// and its first question, and reads the table codes off the workshop page.
func (a *admin) createWorkshop(tables int) (workshop, error) {
	var w workshop
	res, err := a.post("/admin/workshops/new", "/admin/workshops", url.Values{
		"name": {"Lasttest " + time.Now().Format("2006-01-02 15.04.05")}, "date": {time.Now().Format("2006-01-02")},
		"place": {"Lasttest"}, "questions": {"Vad ser ni för möjligheter?\nUtmaningar?"}, "preset": {"principles"},
		"tables": {fmt.Sprint(tables)},
	})
	if err != nil {
		return w, err
	}
	page := strings.SplitN(res.Header.Get("Location"), "?", 2)[0]
	w.id = strings.TrimPrefix(page, "/admin/workshops/")
	if _, err := a.post(page, page+"/state", url.Values{"state": {"open"}}); err != nil {
		return w, err
	}
	body, _, err := a.get(page)
	if err != nil {
		return w, err
	}
	q := questionAction.FindStringSubmatch(body)
	if q == nil {
		return w, fmt.Errorf("no question on %s", page)
	}
	w.question = q[1]
	if _, err := a.post(page, page+"/questions/"+w.question+"/state", url.Values{"state": {"open"}}); err != nil {
		return w, err
	}
	for _, m := range tableCode.FindAllStringSubmatch(body, -1) {
		w.codes = append(w.codes, m[1])
	}
	if len(w.codes) != tables {
		return w, fmt.Errorf("found %d table codes on the workshop page, want %d", len(w.codes), tables)
	}
	return w, nil
}

// storedCount downloads the JSON export and counts the inputs and distinct ids.
func (a *admin) storedCount(workshopID string) (total, distinct int, err error) {
	body, res, err := a.get("/admin/workshops/" + workshopID + "/export.json")
	if err != nil {
		return 0, 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("export: %s", res.Status)
	}
	ids := regexp.MustCompile(`"id":"([0-9a-f-]{36})","question"`).FindAllStringSubmatch(body, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		seen[m[1]] = true
	}
	return len(ids), len(seen), nil
}
