package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/accounts"
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/metrics"
	"github.com/samrad-se/samrad/server/sorting"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/timebox"
	"github.com/samrad-se/samrad/server/web"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

const (
	adminEmail    = "admin@example.se"
	adminPassword = "ett långt lösenord"
	setupToken    = "setup-token-for-tests"
	metricsToken  = "metrics-token-for-tests"
)

// testServer is the real application on a random local port, with a real
// database file.
type testServer struct {
	URL    string
	store  *storage.Store
	writer *writer.Writer
	hub    *live.Hub
	srv    *web.Server
	models *sorting.Registry
}

func newServer(t *testing.T) *testServer {
	t.Helper()
	return newServerWith(t, storage.Options{})
}

func newServerWith(t *testing.T, opt storage.Options) *testServer {
	t.Helper()
	return newConfiguredServer(t, opt, nil)
}

// newConfiguredServer lets a test change the configuration (a clock, a
// proxy header) before the server starts.
func newConfiguredServer(t *testing.T, opt storage.Options, configure func(*web.Config, *storage.Store)) *testServer {
	t.Helper()
	return serveStore(t, testutil.MustOpenStoreWith(t, opt), configure)
}

// serveStore serves an open store until the test ends (a test may serve the
// same database again, as after a restart).
func serveStore(t *testing.T, store *storage.Store, configure func(*web.Config, *storage.Store)) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return serveStoreOn(t, ln, store, configure)
}

// serveStoreOn serves on a listener opened before the configuration is
// made, for a configuration that names the server's own address.
func serveStoreOn(t *testing.T, ln net.Listener, store *storage.Store, configure func(*web.Config, *storage.Store)) *testServer {
	t.Helper()
	h := live.NewHub()
	m := metrics.New()
	cfg := web.Config{SetupToken: setupToken, Metrics: m, MetricsToken: metricsToken}
	if configure != nil {
		configure(&cfg, store)
	}
	models := sorting.New(store)
	cfg.Sorting = models
	var w *writer.Writer
	closer := timebox.New(store, func(ctx context.Context, cmd audit.Audited) error { return w.Do(ctx, cmd) })
	w = writer.New(store, sorting.Fanout{h, models, closer}, m.Commit)
	closing, stopClosing := context.WithCancel(context.Background())
	go closer.Run(closing)
	models.Start(func(ctx context.Context, cmd *workshop.Resuggest) error { return w.Do(ctx, cmd) })
	m.Watch(h, w)
	srv, err := web.New(cfg, store, w, h)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	ts := &testServer{URL: "http://" + ln.Addr().String(), store: store, writer: w, hub: h, srv: srv, models: models}
	t.Cleanup(func() {
		stopClosing()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		w.Close()
		models.Close()
	})
	return ts
}

// withAdmin creates the administrator directly in the database.
func (ts *testServer) withAdmin(t *testing.T) {
	t.Helper()
	ts.withUser(t, adminEmail, adminPassword, domain.RoleAdmin)
}

func (ts *testServer) withUser(t *testing.T, email, password string, role domain.Role) domain.User {
	t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	ts.do(t, &accounts.CreateUser{Email: email, Name: "Anna Processledare", Role: role, PasswordHash: hash})
	u, _, err := ts.store.UserForLogin(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// do runs an audited command as the system would (set-up outside the pages).
func (ts *testServer) do(t *testing.T, cmd audit.Command) {
	t.Helper()
	if err := ts.writer.Do(context.Background(), audit.Audited{Command: cmd, Actor: domain.SystemActor}); err != nil {
		t.Fatal(err)
	}
}

// assign gives a user access to an event.
func (ts *testServer) assign(t *testing.T, kind, eventID, userID string) {
	t.Helper()
	ts.do(t, &accounts.Grant{Kind: kind, EventID: eventID, UserID: userID})
}

// workshop creates a workshop with 3 tables, open, question 1 open.
func (ts *testServer) workshop(t *testing.T) testutil.Fixture {
	t.Helper()
	return testutil.MustWorkshop(t, ts.store, ts.writer, 3)
}

// browser is an HTTP client with cookies that does not follow redirects,
// so tests can see them.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
	// from, if set, is sent as X-Forwarded-For: a different visitor behind a proxy.
	from string
}

func (ts *testServer) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: ts.URL, c: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type response struct {
	Status   int
	Body     string
	Location string
	Header   http.Header
}

func (b *browser) do(req *http.Request) response {
	b.t.Helper()
	if b.from != "" {
		req.Header.Set("X-Forwarded-For", b.from)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Body: string(body), Location: res.Header.Get("Location"), Header: res.Header}
}

func (b *browser) get(path string) response {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) response {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.base)
	return b.do(req)
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf opens a page with a form and returns its CSRF token.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	res := b.get(path)
	m := csrfField.FindStringSubmatch(res.Body)
	if m == nil {
		b.t.Fatalf("no CSRF token on %s (status %d)", path, res.Status)
	}
	return m[1]
}

// postForm posts a form the way a browser does: with the page's token.
func (b *browser) postForm(page, action string, form url.Values) response {
	b.t.Helper()
	form.Set("_csrf", b.csrf(page))
	return b.post(action, form)
}

func (b *browser) login(email, password string) {
	b.t.Helper()
	res := b.postForm("/login", "/login", url.Values{"email": {email}, "password": {password}})
	if res.Status != http.StatusSeeOther {
		b.t.Fatalf("login: status %d", res.Status)
	}
}

func (b *browser) cookieHeader() http.Header {
	u, _ := url.Parse(b.base)
	h := http.Header{}
	if b.from != "" {
		h.Set("X-Forwarded-For", b.from)
	}
	for _, c := range b.c.Jar.Cookies(u) {
		h.Add("Cookie", c.Name+"="+c.Value)
	}
	return h
}

// wsClient is a real websocket client speaking the live protocol. A
// goroutine reads, so that waiting for "nothing arrives" does not break the
// connection (a read deadline is fatal to a websocket).
type wsClient struct {
	t        *testing.T
	conn     *liveclient.Conn
	incoming chan message
	closeErr error // why reading stopped, once incoming is closed
	paused   sync.Mutex
}

type message = liveclient.Message

// dial opens a websocket that speaks the current protocol version, unless
// path names another.
func dial(t *testing.T, base, path string, header http.Header) (*wsClient, int, error) {
	t.Helper()
	if !strings.Contains(path, "v=") {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "v=" + strconv.Itoa(liveclient.Version)
	}
	conn, err := liveclient.Dial(context.Background(), base, path, header)
	if err != nil {
		var he *liveclient.HandshakeError
		if errors.As(err, &he) {
			return nil, he.Status, err
		}
		return nil, 0, err
	}
	c := &wsClient{t: t, conn: conn, incoming: make(chan message, 1024)}
	go c.readLoop()
	t.Cleanup(func() { conn.Close() })
	return c, http.StatusSwitchingProtocols, nil
}

// stopReading makes the client a slow reader: it keeps the connection open
// but takes nothing more from it.
func (c *wsClient) stopReading() { c.paused.Lock() }

// startReading lets a client that stopped reading read again.
func (c *wsClient) startReading() { c.paused.Unlock() }

func (c *wsClient) readLoop() {
	defer close(c.incoming)
	for {
		c.paused.Lock()
		c.paused.Unlock() // a gate: waits here while stopReading holds it
		msgs, err := c.conn.Read(time.Hour)
		if err != nil {
			c.closeErr = err
			return
		}
		for _, m := range msgs {
			c.incoming <- m
			// A resume carries the missed changes; tests read them after it.
			for _, ch := range m.Changes {
				c.incoming <- ch
			}
		}
	}
}

func mustDial(t *testing.T, base, path string, header http.Header) *wsClient {
	t.Helper()
	c, status, err := dial(t, base, path, header)
	if err != nil {
		t.Fatalf("dial %s: %v (status %d)", path, err, status)
	}
	return c
}

func (c *wsClient) send(v any) {
	c.t.Helper()
	if err := c.conn.Send(v); err != nil {
		c.t.Fatal(err)
	}
}

// next returns the next message that is not a heartbeat.
func (c *wsClient) next() message {
	c.t.Helper()
	return c.nextWithin(5 * time.Second)
}

// nextWithin is next for a message that takes long to make (a snapshot or
// resume of many thousand inputs, under the race detector).
func (c *wsClient) nextWithin(d time.Duration) message {
	c.t.Helper()
	select {
	case m, ok := <-c.incoming:
		if !ok {
			c.t.Fatalf("connection closed: %v", c.closeErr)
		}
		return m
	case <-time.After(d):
		c.t.Fatalf("no message within %s", d)
	}
	return message{}
}

// nextOf skips messages until one of type typ arrives.
func (c *wsClient) nextOf(typ string) message {
	c.t.Helper()
	for {
		if m := c.next(); m.Type == typ {
			return m
		}
	}
}

// quiet asserts that nothing but heartbeats arrives for a moment.
func (c *wsClient) quiet(d time.Duration) {
	c.t.Helper()
	select {
	case m, ok := <-c.incoming:
		if ok {
			c.t.Errorf("unexpected message %+v", m)
		}
	case <-time.After(d):
	}
}

// closed waits for the server to end the connection and returns why.
func (c *wsClient) closed() error {
	c.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-c.incoming:
			if !ok {
				return c.closeErr
			}
		case <-timeout:
			c.t.Fatal("connection still open after 5 s")
			return nil
		}
	}
}

func decode[T any](t *testing.T, raw json.RawMessage) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return v
}
