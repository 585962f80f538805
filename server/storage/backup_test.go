package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

type discard struct{}

func (discard) Publish([]domain.Change) {}

// load submits input through the real writer from several goroutines, as
// phones do, until stop is called; it returns how many were committed.
func load(t *testing.T, w *writer.Writer, f testutil.Fixture, workers int) (stop func() int64) {
	var n atomic.Int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			table := f.Snapshot.Tables[i%len(f.Snapshot.Tables)]
			for j := 0; ; j++ {
				select {
				case <-done:
					return
				default:
				}
				cmd := &workshop.Submit{WorkshopID: f.WorkshopID(), TableID: table.ID, ID: uuid.Must(uuid.NewV7()).String(),
					QuestionID: f.Question(0).ID, Text: fmt.Sprintf("Svar %d från %s: samverkan, långsiktighet och dialog.", j, table.Name)}
				if _, err := writer.Run(context.Background(), w, cmd); err != nil {
					t.Error(err)
					return
				}
				n.Add(1)
			}
		}()
	}
	return func() int64 { close(done); wg.Wait(); return n.Load() }
}

// dump reads every row of every table of a database file, each row as one
// string, rows sorted: two databases with equal dumps hold the same data.
func dump(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables := queryStrings(t, db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	out := map[string][]string{}
	for _, name := range tables {
		// A copy is on timelines of its own (epochs): compared apart, in epochs.
		var cols []string
		for _, c := range queryStrings(t, db, "SELECT name FROM pragma_table_info('"+strings.Trim(name, `"`)+"') WHERE name != 'epoch' ORDER BY cid") {
			cols = append(cols, strings.Trim(c, `"`))
		}
		out[name] = queryStrings(t, db, "SELECT "+strings.Join(cols, ", ")+" FROM "+name)
		sort.Strings(out[name])
	}
	return out
}

// epochs are the timelines of a database's workshops, by id.
func epochs(t *testing.T, path string) map[string]string {
	t.Helper()
	db := openDB(t, path)
	out := map[string]string{}
	for _, row := range queryStrings(t, db, "SELECT id || ' ' || epoch FROM workshops") {
		id, epoch, _ := strings.Cut(strings.Trim(row, `"`), " ")
		out[id] = epoch
	}
	return out
}

func queryStrings(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprintf("%#v", v)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func workshopSeq(t *testing.T, db *sql.DB, id string) (seq int64, inputs int64, maxInputSeq int64) {
	t.Helper()
	err := db.QueryRow(`SELECT w.seq, (SELECT count(*) FROM inputs WHERE workshop_id = w.id),
		(SELECT coalesce(max(seq), 0) FROM inputs WHERE workshop_id = w.id) FROM workshops w WHERE w.id = ?`, id).
		Scan(&seq, &inputs, &maxInputSeq)
	if err != nil {
		t.Fatal(err)
	}
	return seq, inputs, maxInputSeq
}

func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A backup taken while phones are submitting is the database as of one
// commit; once the load stops, a backup equals the database table by table,
// and restoring it (a fresh data folder holding only the copy) gives back
// the same workshop.
func TestBackupDuringLoad(t *testing.T) {
	ctx := context.Background()
	store := testutil.MustOpenStore(t)
	w := testutil.MustWriter(t, store, discard{})
	f := testutil.MustWorkshop(t, store, w, 10)
	dataDir := filepath.Dir(store.Path)
	seqBefore, _, _ := workshopSeq(t, openDB(t, store.Path), f.WorkshopID())

	stop := load(t, w, f, 8)
	time.Sleep(300 * time.Millisecond) // let the load get going
	mid := filepath.Join(t.TempDir(), "mid.db")
	res, err := storage.Backup(ctx, dataDir, mid) // the separate-process path, as `samrad backup` runs it
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // and goes on after the copy
	total := stop()
	t.Logf("backup under load: %d bytes in %v; %d inputs committed in all", res.Size, res.Duration, total)
	if info, err := os.Stat(mid); err != nil || info.Size() != res.Size {
		t.Fatalf("backup file: %v", err)
	}

	// Consistent: the copy holds exactly the changes up to its workshop's
	// sequence number, every one of them, each as the source has it.
	midDB := openDB(t, mid)
	var verdict string
	if err := midDB.QueryRow("PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		t.Fatalf("integrity_check: %q %v", verdict, err)
	}
	seq, inputs, maxSeq := workshopSeq(t, midDB, f.WorkshopID())
	if inputs == 0 || inputs >= total {
		t.Errorf("the backup was not taken mid-load: %d of %d inputs", inputs, total)
	}
	if inputs != seq-seqBefore || maxSeq != seq {
		t.Errorf("sequence numbers not contiguous: workshop seq %d (was %d), %d inputs, highest input seq %d", seq, seqBefore, inputs, maxSeq)
	}
	after := dump(t, store.Path)
	source := map[string]bool{}
	for _, row := range after["inputs"] {
		source[row] = true
	}
	midDump := dump(t, mid)
	for _, row := range midDump["inputs"] {
		if !source[row] {
			t.Fatalf("backup row not in the source: %s", row)
		}
	}
	for _, table := range []string{"questions", "themes", "tables", "users", "schema_migrations"} {
		if !reflect.DeepEqual(midDump[table], after[table]) {
			t.Errorf("table %s differs", table)
		}
	}

	// At rest: equal, table by table.
	rest := filepath.Join(t.TempDir(), "rest.db")
	if _, err := store.Backup(ctx, rest); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, rest); !reflect.DeepEqual(got, after) {
		t.Fatalf("backup at rest differs from the source")
	}
	// A restored copy hands out the source's sequence numbers again for
	// other changes: its timelines must be new, so no client resumes across.
	sourceEpochs, copied := epochs(t, store.Path), epochs(t, rest)
	for id, e := range sourceEpochs {
		if copied[id] == "" || copied[id] == e {
			t.Errorf("workshop %s: epoch %q in the copy, %q in the source: want a new one", id, copied[id], e)
		}
	}

	// Restore: the documented steps (a data folder with only samrad.db).
	restored := t.TempDir()
	copyFile(t, rest, filepath.Join(restored, "samrad.db"))
	again, err := storage.Open(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	want, err := store.Snapshot(ctx, f.WorkshopID(), storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := again.Snapshot(ctx, f.WorkshopID(), storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	want.Workshop.Epoch = got.Workshop.Epoch // new in the copy (checked above)
	if len(got.Inputs) != int(total) || !reflect.DeepEqual(got, want) {
		t.Errorf("restored workshop differs: %d inputs, want %d", len(got.Inputs), total)
	}
}

func TestBackupRefuses(t *testing.T) {
	ctx := context.Background()
	store := testutil.MustOpenStore(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "taken.db")
	os.WriteFile(existing, []byte("keep me"), 0o600)
	if _, err := storage.Backup(ctx, filepath.Dir(store.Path), existing); err == nil {
		t.Error("overwrote an existing file")
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Error("existing file changed")
	}
	empty := t.TempDir()
	if _, err := storage.Backup(ctx, empty, filepath.Join(dir, "x.db")); err == nil {
		t.Error("backed up a folder without a database")
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("backup created files in the data folder: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("a failed backup left a file")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
