package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/liveclient"
	"github.com/samrad-se/samrad/server/storage"
)

// TestBackupCommandWhileServing runs `samrad backup` as its own process next
// to a running server that phones are submitting to over websockets. The
// backup must succeed without stopping anyone, pass its integrity check, and
// hold everything acknowledged before it started and nothing the server
// does not have.
func TestBackupCommandWhileServing(t *testing.T) {
	dir := t.TempDir()
	store, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := testutil.MustWriter(t, store, testutil.NewRecorder())
	f := testutil.MustWorkshop(t, store, w, 4)
	w.Close()
	store.Close()

	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	startServer(t, dir, port)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var phones []*liveclient.Phone
	var running, submitting sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 8; i++ {
		p := liveclient.NewPhone(base, f.Table(i%4).Code, f.Question(0).ID)
		phones = append(phones, p)
		running.Add(1)
		go func() { defer running.Done(); p.Run(ctx) }()
		submitting.Add(1)
		go func() {
			defer submitting.Done()
			for j := 0; ; j++ {
				select {
				case <-stop:
					return
				default:
				}
				p.Submit(fmt.Sprintf("Synpunkt %d från telefon %d", j, i))
				// Two phones a table, each at 10 a second: the table's
				// own limit (20 a second) is not what this test is about.
				time.Sleep(100 * time.Millisecond)
			}
		}()
	}
	acked := func() []string {
		var ids []string
		for _, p := range phones {
			ids = append(ids, p.Acked()...)
		}
		return ids
	}
	waitUntil(t, "answers to be acknowledged before the backup", func() bool { return len(acked()) >= 80 })
	ackedBefore := acked()

	out := filepath.Join(t.TempDir(), "samrad-backup.db")
	cmd := exec.Command(os.Args[0], "backup", "-data", dir, "-out", out)
	cmd.Env = append(os.Environ(), "SAMRAD_TEST_RUN_SERVER=1")
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, output)
	}
	t.Logf("%s", strings.TrimSpace(string(output)))
	if !regexp.MustCompile(`^backup written to .*samrad-backup\.db: [0-9.]+ MiB in [0-9.]+ s, integrity check ok\n$`).Match(output) {
		t.Errorf("unexpected output %q", output)
	}
	// Load went on during the backup and goes on after it.
	afterBackup := len(acked())
	waitUntil(t, "answers to be acknowledged after the backup", func() bool { return len(acked()) >= afterBackup+40 })
	close(stop)
	submitting.Wait()
	waitUntil(t, "the phones' outboxes to empty", func() bool { return pending(phones) == 0 })
	ackedAfter := acked()
	cancel()
	running.Wait()

	// Restore into a data folder of its own, as the README describes.
	restored := t.TempDir()
	copyInto(t, out, filepath.Join(restored, "samrad.db"))
	inBackup := storedIDs(t, restored, f.WorkshopID())
	for _, id := range ackedBefore {
		if !inBackup[id] {
			t.Fatalf("input %s was acknowledged before the backup started but is not in it", id)
		}
	}
	if len(inBackup) >= len(ackedAfter) {
		t.Errorf("the backup has %d inputs, the server %d at the end: it was not taken during the load", len(inBackup), len(ackedAfter))
	}
	final := map[string]bool{}
	for _, id := range ackedAfter {
		final[id] = true
	}
	for id := range inBackup {
		if !final[id] {
			t.Errorf("the backup holds input %s that the server never acknowledged", id)
		}
	}
}

// waitUntil polls cond until it holds, and fails the test after 30 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after 30 s waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func copyInto(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
