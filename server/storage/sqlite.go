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
				// Keep the WAL from growing without bound between checkpoints,
				// and keep savepoints' statement journals in memory rather
				// than in temporary files (every command runs under one).
				_, err := c.Exec("PRAGMA journal_size_limit = 67108864; PRAGMA temp_store = MEMORY", nil)
				return err
			},
		})
	})
}

// Store is the database. One connection writes, holding its compiled
// statements for the life of the process; a small pool of read-only
// connections serves every query that does not need uncommitted work.
type Store struct {
	Path  string
	write *sql.DB // a pool of exactly one connection: conn
	read  *sql.DB
	now   func() time.Time

	// writeMu gives one transaction at a time the writer connection.
	writeMu sync.Mutex
	conn    *sql.Conn
	stmts   map[string]*sql.Stmt // compiled on conn, by query text
	cache   writeCache
}

// Options tune how the database is opened.
type Options struct {
	// BusyTimeout is how long a write waits for a lock another process holds
	// (a backup, an operator's sqlite3 shell) before it fails with "try
	// again". Default 5 s.
	BusyTimeout time.Duration
}

// Open opens (creating if needed) the database in dir and applies migrations.
// readers is how many read connections the store keeps.
const readers = 8

func Open(dir string) (*Store, error) { return OpenWith(dir, Options{}) }

// OpenWith is Open with options.
func OpenWith(dir string, opt Options) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	if opt.BusyTimeout <= 0 {
		opt.BusyTimeout = 5 * time.Second
	}
	register()
	path := filepath.Join(dir, "samrad.db")
	common := fmt.Sprintf("_busy_timeout=%d&_foreign_keys=on", opt.BusyTimeout.Milliseconds())
	write, err := sql.Open(driverName, "file:"+path+"?"+common+"&_journal_mode=WAL&_synchronous=FULL")
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
	conn, err := write.Conn(context.Background())
	if err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open(driverName, "file:"+path+"?"+common+"&_query_only=true")
	if err != nil {
		conn.Close()
		write.Close()
		return nil, err
	}
	// Readers in WAL mode do not wait for each other or for the writer; a
	// venue's phones reconnecting after a restart each read what they
	// missed, and with too few connections they queue for one.
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	return &Store{Path: path, write: write, read: read, conn: conn, stmts: map[string]*sql.Stmt{}, cache: newWriteCache(),
		now: func() time.Time { return time.Now().UTC() }}, nil
}

func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	for _, st := range s.stmts {
		st.Close()
	}
	errC := s.conn.Close()
	errR := s.read.Close()
	errW := s.write.Close()
	return errors.Join(errC, errW, errR)
}

// SetClock replaces the clock used for timestamps (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// querier is what the read pool and a write transaction have in common, so
// one query function serves both.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Tx is a write transaction on the writer connection. It runs its SQL as
// statements compiled once per process: parsing SQL costs more than most of
// the statements on the submit path take to run.
type Tx struct {
	ctx   context.Context
	store *Store
	now   time.Time
	q     writeQuerier
	open  bool
}

// writeQuerier runs queries through the writer connection's statement cache.
// It is unexported so that SQL stays in this package.
type writeQuerier struct{ s *Store }

func (w writeQuerier) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.s.stmts[query]; ok {
		return st, nil
	}
	st, err := w.s.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.s.stmts[query] = st
	return st, nil
}

func (w writeQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w writeQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (w writeQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, query)
	if err != nil {
		// Let the connection report the same failure through the Row.
		return w.s.conn.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// BeginWrite starts an immediate write transaction (the write lock is taken
// at once, so it never fails half-way for lack of it). The writer connection
// is the transaction's until Commit or Rollback. All changes made through the
// Tx share one timestamp.
func (s *Store) BeginWrite(ctx context.Context) (*Tx, error) {
	s.writeMu.Lock()
	// Times are kept to the microsecond (timeLayout): what a command returns
	// must read the same as what is read back later.
	tx := &Tx{ctx: ctx, store: s, now: s.now().Truncate(time.Microsecond), q: writeQuerier{s}}
	if _, err := tx.q.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		s.writeMu.Unlock()
		return nil, translate(err)
	}
	tx.open = true
	return tx, nil
}

func (tx *Tx) Commit() error {
	if !tx.open {
		return sql.ErrTxDone
	}
	_, err := tx.q.ExecContext(tx.ctx, "COMMIT")
	if err != nil {
		tx.store.cache.reset()
		// A failed COMMIT can leave the transaction open; end it so the
		// connection is clean for the next one.
		tx.store.conn.ExecContext(context.Background(), "ROLLBACK")
	}
	tx.finish()
	return translate(err)
}

// Rollback undoes the transaction; after Commit it does nothing.
func (tx *Tx) Rollback() error {
	if !tx.open {
		return nil
	}
	_, err := tx.store.conn.ExecContext(context.Background(), "ROLLBACK")
	tx.store.cache.reset()
	tx.finish()
	return err
}

func (tx *Tx) finish() {
	tx.open = false
	tx.store.writeMu.Unlock()
}

func (tx *Tx) Now() time.Time { return tx.now }

// Savepoint, RollbackTo and Release let one command of a batch fail without
// undoing the others.
func (tx *Tx) Savepoint() error {
	_, err := tx.q.ExecContext(tx.ctx, "SAVEPOINT cmd")
	return translate(err)
}

func (tx *Tx) RollbackTo() error {
	tx.store.cache.reset()
	_, err := tx.q.ExecContext(tx.ctx, "ROLLBACK TO cmd")
	if err == nil {
		_, err = tx.q.ExecContext(tx.ctx, "RELEASE cmd")
	}
	return translate(err)
}

func (tx *Tx) Release() error {
	_, err := tx.q.ExecContext(tx.ctx, "RELEASE cmd")
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
	if err := fn(tx.q, tx.now); err != nil {
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

// LimitSize caps the database at its current size plus extraPages pages on
// the writer connection (0 lifts the cap), so fault tests can make the disk
// "full" without filling one.
func (s *Store) LimitSize(ctx context.Context, extraPages int) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	limit := int64(1 << 31) // SQLite's default maximum
	if extraPages > 0 {
		var pages int64
		if err := s.conn.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
			return err
		}
		limit = pages + int64(extraPages)
	}
	_, err := s.conn.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", limit))
	return err
}
