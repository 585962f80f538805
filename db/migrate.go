// Package db holds the schema as numbered SQL files and applies them in order.
// Migrations are forward-only: a released file is never edited, a change is a new file.
package db

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var files embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// Migrate applies every migration not yet recorded in schema_migrations, each in
// its own transaction, and returns how many it applied.
//
// conn must hold a single connection: foreign keys are switched off while
// migrating, because SQLite can change a table's constraints only by
// rebuilding it, and a rebuild must not cascade into the tables that refer to
// it. Each migration is checked with foreign_key_check before it commits.
func Migrate(conn *sql.DB) (int, error) {
	if _, err := conn.Exec(`PRAGMA foreign_keys = OFF`); err != nil {
		return 0, err
	}
	if _, err := conn.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	all, err := load()
	if err != nil {
		return 0, err
	}
	applied := 0
	for _, m := range all {
		done, err := isApplied(conn, m.version)
		if err != nil {
			return applied, err
		}
		if done {
			continue
		}
		if err := apply(conn, m); err != nil {
			return applied, err
		}
		applied++
	}
	if _, err := conn.Exec(`PRAGMA foreign_keys = ON`); err != nil {
		return applied, err
	}
	return applied, nil
}

func load() ([]migration, error) {
	entries, err := fs.ReadDir(files, "migrations")
	if err != nil {
		return nil, err
	}
	var all []migration
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		prefix, _, ok := strings.Cut(name, "_")
		version, err := strconv.Atoi(prefix)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %q: name must start with a number and an underscore", name)
		}
		if other, dup := seen[version]; dup {
			return nil, fmt.Errorf("migrations %q and %q share version %d", other, name, version)
		}
		seen[version] = name
		body, err := fs.ReadFile(files, "migrations/"+name)
		if err != nil {
			return nil, err
		}
		all = append(all, migration{version: version, name: name, sql: string(body)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].version < all[j].version })
	return all, nil
}

func isApplied(conn *sql.DB, version int) (bool, error) {
	var n int
	err := conn.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n)
	return n > 0, err
}

func apply(conn *sql.DB, m migration) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	var broken int
	if err := tx.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&broken); err != nil {
		return err
	}
	if broken > 0 {
		return fmt.Errorf("migration %s leaves %d broken foreign keys", m.name, broken)
	}
	if _, err := tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}
