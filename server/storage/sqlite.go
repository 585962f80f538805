// Package storage keeps everything in one SQLite file: one writer connection
// (all writes are serialised through it) and a small pool of read-only
// connections. All SQL of the application lives in this package, one file per
// aggregate.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/samrad-se/samrad/db"
	"github.com/samrad-se/samrad/server/domain"
)

const driverName = "sqlite3_samrad"

var registerOnce sync.Once

// register installs a driver whose connections set the per-connection pragmas
// that the DSN cannot carry, so a reconnected connection gets them too.
func register() {
	registerOnce.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				// Keep the WAL from growing without bound between checkpoints.
				_, err := c.Exec("PRAGMA journal_size_limit = 67108864", nil)
				return err
			},
		})
	})
}

// Store is the database. Write is the only connection that writes; Read serves
// every query that does not need to see uncommitted work.
type Store struct {
	Path  string
	write *sql.DB
	read  *sql.DB
	now   func() time.Time

	insertInput *sql.Stmt
	nextSeq     *sql.Stmt
	openCheck   *sql.Stmt
}

// Open opens (creating if needed) the database in dir and applies migrations.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	register()
	path := filepath.Join(dir, "samrad.db")
	common := "_busy_timeout=5000&_foreign_keys=on"
	write, err := sql.Open(driverName, "file:"+path+"?"+common+"&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	if err := write.Ping(); err != nil {
		write.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if _, err := db.Migrate(write); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open(driverName, "file:"+path+"?"+common+"&_query_only=true")
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(4)
	read.SetMaxIdleConns(4)
	s := &Store{Path: path, write: write, read: read, now: func() time.Time { return time.Now().UTC() }}
	if err := s.prepare(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// prepare compiles the statements of the submit path once; transactions reuse
// them on the single writer connection.
func (s *Store) prepare() error {
	var err error
	if s.insertInput, err = s.write.Prepare(sqlInsertInput); err != nil {
		return err
	}
	if s.nextSeq, err = s.write.Prepare(`UPDATE workshops SET seq = seq + 1 WHERE id = ? RETURNING seq`); err != nil {
		return err
	}
	s.openCheck, err = s.write.Prepare(`SELECT q.state, w.state FROM questions q JOIN workshops w ON w.id = q.workshop_id
		WHERE q.id = ? AND q.workshop_id = ?`)
	return err
}

func (s *Store) Close() error {
	for _, st := range []*sql.Stmt{s.insertInput, s.nextSeq, s.openCheck} {
		if st != nil {
			st.Close()
		}
	}
	errR := s.read.Close()
	errW := s.write.Close()
	return errors.Join(errW, errR)
}

// SetClock replaces the clock used for timestamps (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// querier is what *sql.DB and *sql.Tx have in common, so one query function
// serves both the read pool and a write transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Tx is a write transaction on the writer connection.
type Tx struct {
	tx    *sql.Tx
	ctx   context.Context
	store *Store
	now   time.Time
}

// BeginWrite starts an immediate write transaction. All changes made through
// the returned Tx share one timestamp.
func (s *Store) BeginWrite(ctx context.Context) (*Tx, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err)
	}
	return &Tx{tx: tx, ctx: ctx, store: s, now: s.now()}, nil
}

func (tx *Tx) Commit() error   { return translate(tx.tx.Commit()) }
func (tx *Tx) Rollback() error { return tx.tx.Rollback() }
func (tx *Tx) Now() time.Time  { return tx.now }

// Savepoint, RollbackTo and Release let one command of a batch fail without
// undoing the others.
func (tx *Tx) Savepoint() error {
	_, err := tx.tx.ExecContext(tx.ctx, "SAVEPOINT cmd")
	return translate(err)
}

func (tx *Tx) RollbackTo() error {
	_, err := tx.tx.ExecContext(tx.ctx, "ROLLBACK TO cmd")
	if err == nil {
		_, err = tx.tx.ExecContext(tx.ctx, "RELEASE cmd")
	}
	return translate(err)
}

func (tx *Tx) Release() error {
	_, err := tx.tx.ExecContext(tx.ctx, "RELEASE cmd")
	return translate(err)
}

// update runs fn in its own write transaction, for writes that produce no live
// changes (logins, sessions).
func (s *Store) update(ctx context.Context, fn func(q querier, now time.Time) error) error {
	tx, err := s.BeginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx.tx, tx.now); err != nil {
		return translate(err)
	}
	return tx.Commit()
}

// translate turns SQLite's temporary failures into a retryable domain error;
// the phone then resends, and nothing was half-written because the
// transaction rolled back.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrCantOpen:
			return domain.Unavailable(err)
		}
	}
	return err
}

func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique
}

const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CheckIntegrity runs PRAGMA integrity_check and returns its verdict ("ok" when sound).
func (s *Store) CheckIntegrity(ctx context.Context) (string, error) {
	var res string
	err := s.read.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res)
	return res, err
}
