package web_test

import (
	"golang.org/x/crypto/bcrypt"

	"bytes"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/samrad-se/samrad/server/auth"

	"github.com/samrad-se/samrad/server/domain"
)

// TestMain keeps the access log (one line per request) out of test output;
// warnings and errors still show. Password hashes are made at bcrypt's
// lowest cost: these tests check what is done with passwords, and a
// hundred logins at full cost under the race detector take minutes.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	auth.Cost = bcrypt.MinCost
	os.Exit(m.Run())
}

// captureLog sends the default logger to a buffer for the rest of the test.
func captureLog(t *testing.T) *syncBuffer {
	t.Helper()
	buf := &syncBuffer{}
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(buf, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })
	return buf
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) lines(substr string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if strings.Contains(l, substr) {
			out = append(out, l)
		}
	}
	return out
}

func TestReadiness(t *testing.T) {
	ts := newServer(t)
	b := ts.browser(t)
	if res := b.get("/readyz"); res.Status != http.StatusOK || res.Body != "ready" {
		t.Errorf("readyz: %d %q", res.Status, res.Body)
	}
	ts.srv.Drain()
	if res := b.get("/readyz"); res.Status != http.StatusServiceUnavailable || res.Body != "shutting down" {
		t.Errorf("readyz while draining: %d %q", res.Status, res.Body)
	}
	if res := b.get("/healthz"); res.Status != http.StatusOK {
		t.Errorf("healthz while draining: %d (the process is alive)", res.Status)
	}
}

func TestNotReadyWithoutWriter(t *testing.T) {
	ts := newServer(t)
	b := ts.browser(t)
	ts.writer.Close()
	if res := b.get("/readyz"); res.Status != http.StatusServiceUnavailable || res.Body != "writer stopped" {
		t.Errorf("readyz with the writer stopped: %d %q", res.Status, res.Body)
	}
}

var uuidLike = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func TestRequestIDsAndAccessLog(t *testing.T) {
	logs := captureLog(t)
	ts := newServer(t)
	f := ts.workshop(t)
	b := ts.browser(t)

	home, again := b.get("/"), b.get("/")
	id := home.Header.Get("X-Request-Id")
	if !uuidLike.MatchString(id) || again.Header.Get("X-Request-Id") == id {
		t.Errorf("request ids %q, %q", id, again.Header.Get("X-Request-Id"))
	}
	if res := b.get("/no-such-page"); !uuidLike.MatchString(res.Header.Get("X-Request-Id")) {
		t.Errorf("error page without a request id")
	}
	// A proxy's id is kept if it looks like one; anything else is replaced.
	if res := b.getWith("/", http.Header{"X-Request-Id": {"proxy-4711.a_b"}}); res.Header.Get("X-Request-Id") != "proxy-4711.a_b" {
		t.Errorf("proxy id not kept: %q", res.Header.Get("X-Request-Id"))
	}
	if res := b.getWith("/", http.Header{"X-Request-Id": {"x\" forged=1"}}); !uuidLike.MatchString(res.Header.Get("X-Request-Id")) {
		t.Errorf("odd id kept: %q", res.Header.Get("X-Request-Id"))
	}
	code := f.Table(0).Code
	b.get("/join?code=" + code)
	b.get("/t/" + code)
	b.get("/healthz")
	b.get("/readyz")
	b.get("/static/css/base.css")
	b.get("/metrics")

	access := logs.lines(`msg=request `)
	line := logs.lines("request_id=" + id)
	if len(line) != 1 || !strings.Contains(line[0], "method=GET path=/ status=200 duration=") {
		t.Errorf("access log for %s: %q", id, line)
	}
	if l := logs.lines("path=/no-such-page"); len(l) != 1 || !strings.Contains(l[0], "status=404") {
		t.Errorf("404 logged as %q", l)
	}
	for _, l := range access {
		for _, quiet := range []string{"path=/healthz", "path=/readyz", "path=/static", "path=/metrics"} {
			if strings.Contains(l, quiet) {
				t.Errorf("logged a quiet path: %s", l)
			}
		}
		if strings.Contains(l, code) || strings.Contains(l, "?") {
			t.Errorf("a code or query string in the log: %s", l)
		}
	}
	if l := logs.lines("path=/t/:code"); len(l) != 1 {
		t.Errorf("table page logged as %q", l)
	}
}

// An error logged while serving a request carries the request's id, so the
// access line and the error can be found together; for a websocket, the id
// of its upgrade request.
func TestErrorLogHasRequestID(t *testing.T) {
	logs := captureLog(t)
	ts := newServer(t)
	f := ts.workshop(t)
	p := phone(t, ts, f.Table(0), -1)
	p.nextOf("snapshot")
	upgrade := logs.lines("path=/ws/table/:code")
	if len(upgrade) != 1 || !strings.Contains(upgrade[0], "status=101") {
		t.Fatalf("upgrade logged as %q", upgrade)
	}
	id := regexp.MustCompile(`request_id=(\S+)`).FindStringSubmatch(upgrade[0])[1]
	ts.writer.Close() // every change now fails as "try again"
	p.send(submitMsg(f, newID(), "Kommer inte fram"))
	if reply := p.nextOf("error"); !reply.Retry {
		t.Errorf("reply %+v", reply)
	}
	failed := logs.lines(`msg="request failed"`)
	if len(failed) != 1 || !strings.Contains(failed[0], "request_id="+id) || !strings.Contains(failed[0], "level=ERROR") {
		t.Errorf("error log lines: %q, want request_id=%s", failed, id)
	}
}

func TestBackupDownload(t *testing.T) {
	ts := newServer(t)
	ts.withAdmin(t)
	ts.withUser(t, "pl@example.se", adminPassword, domain.RoleFacilitator)
	f := ts.workshop(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	res := admin.get("/admin/backup.db")
	if res.Status != http.StatusOK || !strings.HasPrefix(res.Body, "SQLite format 3\x00") ||
		!strings.Contains(res.Header.Get("Content-Disposition"), `attachment; filename="samrad-`) {
		t.Fatalf("backup download: %d %q %.16q", res.Status, res.Header.Get("Content-Disposition"), res.Body)
	}
	if !strings.Contains(res.Body, f.Snapshot.Workshop.Name) {
		t.Error("the downloaded copy lacks the workshop")
	}
	if entries, _ := os.ReadDir(filepath.Dir(ts.store.Path)); len(entries) > 3 {
		t.Errorf("the download left files behind: %v", entries)
	}
	pl := ts.browser(t)
	pl.login("pl@example.se", adminPassword)
	if res := pl.get("/admin/backup.db"); res.Status != http.StatusForbidden {
		t.Errorf("a facilitator downloaded the database: %d", res.Status)
	}
	if res := ts.browser(t).get("/admin/backup.db"); res.Status != http.StatusFound && res.Status != http.StatusSeeOther {
		t.Errorf("a visitor was not sent to log in: %d", res.Status)
	}
}
