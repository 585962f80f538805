package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/storage"
)

// The test binary doubles as the server, so the fault test can run the real
// process and kill it.
func TestMain(m *testing.M) {
	if os.Getenv("SAMRAD_TEST_RUN_SERVER") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func startServer(t *testing.T, dir string, port int, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SAMRAD_TEST_RUN_SERVER=1", "SAMRAD_DATA="+dir,
		fmt.Sprintf("SAMRAD_ADDR=127.0.0.1:%d", port),
		"SAMRAD_ADMIN_EMAIL=admin@example.se", "SAMRAD_ADMIN_PASSWORD=ett långt lösenord")
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", port))
		if err == nil {
			res.Body.Close()
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("server did not start")
	return nil
}

// TestSIGKILLLosesNoAcknowledgedInput kills the server with SIGKILL while
// phones submit, checks that every acknowledged input is in the database,
// restarts it, and checks that the phones resend the rest by themselves,
// each input stored exactly once.
func TestSIGKILLLosesNoAcknowledgedInput(t *testing.T) {
	dir := t.TempDir()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 3)
	w.Close()
	store.Close()

	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	server := startServer(t, dir, port)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var phones []*liveclient.Phone
	var running sync.WaitGroup
	for i := 0; i < 12; i++ {
		p := liveclient.NewPhone(base, f.Table(i%3).Code, f.Question(0).ID)
		phones = append(phones, p)
		running.Add(1)
		go func() { defer running.Done(); p.Run(ctx) }()
	}
	submitted := map[string]bool{}
	var mu sync.Mutex
	submitFor := func(d time.Duration) {
		var wg sync.WaitGroup
		for i, p := range phones {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for end, n := time.Now().Add(d), 0; time.Now().Before(end); n++ {
					id := p.Submit(fmt.Sprintf("Synpunkt %d från telefon %d kl. %s", n, i, time.Now().Format("15.04.05.000")))
					mu.Lock()
					submitted[id] = true
					mu.Unlock()
					time.Sleep(10 * time.Millisecond)
				}
			}()
		}
		wg.Wait()
	}

	go func() {
		time.Sleep(700 * time.Millisecond)
		server.Process.Signal(syscall.SIGKILL)
	}()
	submitFor(1500 * time.Millisecond)
	server.Wait()

	// Everything acknowledged before the kill is on disk.
	var acked []string
	for _, p := range phones {
		acked = append(acked, p.Acked()...)
	}
	if len(acked) == 0 {
		t.Fatal("nothing was acknowledged before the kill; the test proves nothing")
	}
	stored := storedIDs(t, dir, f.WorkshopID())
	for _, id := range acked {
		if !stored[id] {
			t.Fatalf("input %s was acknowledged but is not in the database after SIGKILL", id)
		}
	}
	pendingAtKill := pending(phones)
	t.Logf("at the kill: %d submitted, %d acknowledged, %d waiting on phones", len(submitted), len(acked), pendingAtKill)
	if pendingAtKill == 0 {
		t.Fatal("no input was waiting on the phones after the kill; the resend path was not exercised")
	}

	startServer(t, dir, port)
	deadline := time.Now().Add(30 * time.Second)
	for pending(phones) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d inputs still waiting on the phones 30 s after the restart", pending(phones))
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	running.Wait()

	stored = storedIDs(t, dir, f.WorkshopID())
	if len(stored) != len(submitted) {
		t.Errorf("stored %d inputs, submitted %d", len(stored), len(submitted))
	}
	for id := range submitted {
		if !stored[id] {
			t.Errorf("submitted input %s is missing", id)
		}
	}
	for _, p := range phones {
		if r := p.Refused(); len(r) > 0 {
			t.Errorf("the server refused inputs: %v", r)
		}
	}
}

// TestSIGTERMShutsDownGracefully stops the server with SIGTERM during load:
// for the drain time /readyz says 503 while everything still works; then it
// stops, acknowledges every input it committed, tells live clients to
// reconnect (close code 1012) and exits by itself; after a restart the
// phones deliver the rest, each input stored once.
func TestSIGTERMShutsDownGracefully(t *testing.T) {
	dir := t.TempDir()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 2)
	w.Close()
	store.Close()

	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	const drain = time.Second
	server := startServer(t, dir, port, "SAMRAD_DRAIN="+drain.String())
	watcher, err := liveclient.Dial(context.Background(), base, "/ws/table/"+f.Table(1).Code, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var phones []*liveclient.Phone
	var running sync.WaitGroup
	for i := 0; i < 6; i++ {
		p := liveclient.NewPhone(base, f.Table(i%2).Code, f.Question(0).ID)
		phones = append(phones, p)
		running.Add(1)
		go func() { defer running.Done(); p.Run(ctx) }()
	}
	// Answers go on arriving through the drain time and past it, so some
	// are in flight when the server stops reading.
	submitted := 0
	var termAt time.Time
	draining := false
	for i := 0; i < 600; i++ {
		phones[i%len(phones)].Submit(fmt.Sprintf("Synpunkt %d", i))
		submitted++
		if i == 150 {
			server.Process.Signal(syscall.SIGTERM)
			termAt = time.Now()
		}
		if i > 150 && !draining && time.Since(termAt) < drain/2 {
			if res, err := http.Get(base + "/readyz"); err == nil {
				draining = res.StatusCode == http.StatusServiceUnavailable
				res.Body.Close()
			}
		}
		time.Sleep(3 * time.Millisecond)
	}
	if !draining {
		t.Error("/readyz did not answer 503 while the server drained")
	}
	exited := make(chan error, 1)
	go func() { exited <- server.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("server exited with %v, want 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server still running 10 s after SIGTERM")
	}
	code := 0
	for {
		if _, err := watcher.Read(5 * time.Second); err != nil {
			code = liveclient.CloseCode(err)
			break
		}
	}
	if code != 1012 {
		t.Errorf("live clients were closed with %d, want 1012 (service restart)", code)
	}
	acked := map[string]bool{}
	for _, p := range phones {
		for _, id := range p.Acked() {
			acked[id] = true
		}
	}
	stored := storedIDs(t, dir, f.WorkshopID())
	for id := range acked {
		if !stored[id] {
			t.Fatalf("acknowledged input %s missing after a graceful shutdown", id)
		}
	}
	for id := range stored {
		if !acked[id] {
			t.Errorf("input %s was committed before the shutdown but never acknowledged", id)
		}
	}
	t.Logf("%d submitted, %d committed and acknowledged before the server stopped", submitted, len(stored))

	startServer(t, dir, port)
	deadline := time.Now().Add(30 * time.Second)
	for pending(phones) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d inputs still waiting after the restart", pending(phones))
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	running.Wait()
	if got := len(storedIDs(t, dir, f.WorkshopID())); got != submitted {
		t.Errorf("stored %d inputs, submitted %d", got, submitted)
	}
}

func pending(phones []*liveclient.Phone) int {
	n := 0
	for _, p := range phones {
		n += p.Pending()
	}
	return n
}

// storedIDs opens the database the way the server does (which also recovers
// the WAL after a crash) and returns the ids of the workshop's inputs. Every
// answer the tests send has a text of its own: a text stored twice (under
// two ids) is an answer stored twice.
func storedIDs(t *testing.T, dir, workshopID string) map[string]bool {
	t.Helper()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if res, err := store.CheckIntegrity(context.Background()); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	snap, err := store.Snapshot(context.Background(), workshopID, storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	texts := map[string]string{}
	for _, in := range snap.Inputs {
		if other, ok := texts[in.Text]; ok {
			t.Errorf("%q stored twice, as %s and %s", in.Text, other, in.ID)
		}
		texts[in.Text] = in.ID
		ids[in.ID] = true
	}
	return ids
}
