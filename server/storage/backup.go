package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// BackupResult describes a finished backup.
type BackupResult struct {
	Path     string
	Size     int64
	Duration time.Duration
}

// Backup writes a consistent copy of the database in dataDir to out, while
// a server may be running on it. It opens its own read-only connection, so
// it can run as a separate process next to the server: `samrad backup`.
func Backup(ctx context.Context, dataDir, out string) (BackupResult, error) {
	path := filepath.Join(dataDir, "samrad.db")
	if _, err := os.Stat(path); err != nil {
		return BackupResult{}, fmt.Errorf("no database to back up: %w", err)
	}
	register()
	// mode=ro: a backup must never create or change anything in the data
	// folder. The busy timeout covers the moment a checkpoint holds a lock.
	src, err := sql.Open(driverName, "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return BackupResult{}, err
	}
	defer src.Close()
	return backupFrom(ctx, src, out)
}

// Backup writes a consistent copy of the open database to out while the
// writer goes on committing. It uses a connection of its own: the read
// pool's query_only setting refuses VACUUM INTO.
func (s *Store) Backup(ctx context.Context, out string) (BackupResult, error) {
	return Backup(ctx, filepath.Dir(s.Path), out)
}

// backupFrom copies with VACUUM INTO: one read transaction, so the copy is
// the database as of one commit, and in WAL mode it never blocks the writer
// (nor does the writer block it). The copy gets new epochs (newTimeline) and
// goes to a side file and is only
// renamed to out once it has passed an integrity check and reached the disk,
// so out is either a whole, sound backup or absent.
func backupFrom(ctx context.Context, src *sql.DB, out string) (BackupResult, error) {
	start := time.Now()
	out, err := filepath.Abs(out)
	if err != nil {
		return BackupResult{}, err
	}
	if _, err := os.Stat(out); err == nil {
		return BackupResult{}, fmt.Errorf("%s exists already; choose a new file name", out)
	}
	partial := out + ".partial"
	os.Remove(partial) // a leftover of an interrupted run
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", partial); err != nil {
		os.Remove(partial)
		return BackupResult{}, fmt.Errorf("copy database: %w", err)
	}
	if err := newTimeline(ctx, partial); err != nil {
		os.Remove(partial)
		return BackupResult{}, err
	}
	if err := verify(ctx, partial); err != nil {
		os.Remove(partial)
		return BackupResult{}, err
	}
	size, err := syncFile(partial)
	if err != nil {
		os.Remove(partial)
		return BackupResult{}, err
	}
	if err := os.Rename(partial, out); err != nil {
		os.Remove(partial)
		return BackupResult{}, err
	}
	if err := syncDir(filepath.Dir(out)); err != nil {
		return BackupResult{}, err
	}
	return BackupResult{Path: out, Size: size, Duration: time.Since(start)}, nil
}

// newTimeline puts the copy's live change streams on timelines of their own
// (see renewEpochs).
func newTimeline(ctx context.Context, path string) error {
	db, err := sql.Open(driverName, "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := renewEpochs(ctx, db); err != nil {
		return fmt.Errorf("new timeline for the copy: %w", err)
	}
	return nil
}

// verify opens a copy read-only and runs SQLite's full integrity check on it.
func verify(ctx context.Context, path string) error {
	db, err := sql.Open(driverName, "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var verdict string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&verdict); err != nil {
		return fmt.Errorf("check backup: %w", err)
	}
	if verdict != "ok" {
		return fmt.Errorf("backup failed its integrity check: %s", verdict)
	}
	return nil
}

// syncFile flushes a file to disk (VACUUM INTO does not) and returns its size.
func syncFile(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	errS := f.Sync()
	info, errI := f.Stat()
	errC := f.Close()
	if err := errors.Join(errS, errI, errC); err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	errS := d.Sync()
	return errors.Join(errS, d.Close())
}
