package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// migrationFiles holds the reference schema as numbered SQL files. A
// migration is never edited after it has been released: a change is a new
// file with the next number.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one numbered file of the reference schema.
type Migration struct {
	Version int    // the number the file name starts with
	Name    string // the file name, such as "0001_kinerja.sql"
	SQL     string
}

// Migrations returns the embedded migrations in the order they apply.
func Migrations() ([]Migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	seen := map[int]string{}
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration file %q does not start with a version number such as 0001_", base)
		}
		if other, dup := seen[v]; dup {
			return nil, fmt.Errorf("migration files %q and %q have the same version %d", other, base, v)
		}
		seen[v] = base
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: base, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

// bootstrap creates the table that records applied migrations. It is safe
// to run any number of times.
const bootstrap = `
CREATE SCHEMA IF NOT EXISTS kinerja;
CREATE TABLE IF NOT EXISTS kinerja.schema_migrations (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);`

// Migrate applies the embedded migrations that the database does not have
// yet, in order, each in its own transaction, and records each in
// kinerja.schema_migrations. It returns how many it applied: 0 when the
// schema is already current. Concurrent calls on one database are
// serialised by a lock on kinerja.schema_migrations.
func Migrate(ctx context.Context, db *sql.DB) (applied int, err error) {
	ms, err := Migrations()
	if err != nil {
		return 0, iku.Wrap(err, iku.Internal, "the embedded database migrations are broken: this is a bug in kinerja")
	}
	if _, err := db.ExecContext(ctx, bootstrap); err != nil {
		// Two first migrations racing may both try to create the table;
		// the loser sees it afterwards.
		if _, err2 := db.ExecContext(ctx, `SELECT 1 FROM kinerja.schema_migrations LIMIT 1`); err2 != nil {
			return 0, migrateError(ctx, db, "", err)
		}
	}
	for _, m := range ms {
		done, err := apply(ctx, db, m)
		if err != nil {
			return applied, err
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

// apply runs one migration unless it is recorded already.
func apply(ctx context.Context, db *sql.DB, m Migration) (applied bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, migrateError(ctx, db, m.Name, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE kinerja.schema_migrations IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return false, migrateError(ctx, db, m.Name, err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM kinerja.schema_migrations WHERE version = $1`, m.Version).Scan(&n); err != nil {
		return false, migrateError(ctx, db, m.Name, err)
	}
	if n > 0 {
		return false, tx.Rollback()
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, migrateError(ctx, db, m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO kinerja.schema_migrations (version, applied_at) VALUES ($1, $2)`, m.Version, time.Now()); err != nil {
		return false, migrateError(ctx, db, m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, migrateError(ctx, db, m.Name, err)
	}
	return true, nil
}

// migrateError translates an error of one migration step.
func migrateError(ctx context.Context, db *sql.DB, name string, err error) error {
	step := "preparing the migrations"
	if name != "" {
		step = "applying the migration " + name
	}
	return translate(ctx, err, lookupServer(ctx, db), op{step: step})
}
