package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"time"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/postgres"
)

const dbUsage = `Usage:
  kinerja db migrate [--db DSN]              create or update the reference schema
  kinerja db seed --demo [--db DSN] [--replace]
                                             load the demo data (fictitious) into it

The reference schema has three parts: kinerja (agency data), asn (civil
servants: never read by the exporter) and publik (the views the exporter
reads; the role portal_reader may read only these).

The database is --db DSN, else $DATABASE_URL, else the one the PG*
variables name (PGHOST, PGPORT, PGDATABASE, PGUSER); with none of them
both commands refuse rather than guess. Each names the database it
changed (user, host, port and database; never the password).
`

func (m *Main) db(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		fmt.Fprint(m.Stdout, m.tr(dbUsage))
		if len(args) == 0 {
			return m.usage("db needs a subcommand: migrate or seed")
		}
		return nil
	}
	switch args[0] {
	case "migrate":
		return m.dbMigrate(ctx, args[1:])
	case "seed":
		return m.dbSeed(ctx, args[1:])
	}
	return m.usage("unknown db subcommand %q: use migrate or seed", args[0])
}

// pgNaming are the PG* variables that name a server, database or role:
// with one of them set, the database is not a guess.
var pgNaming = []string{"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"}

// errNoDatabase is the sentence of db migrate or seed given no database.
const errNoDatabase = "no database given, and kinerja does not guess which one to change: name it with --db postgres://user@host:5432/dbname, or set DATABASE_URL, or the PG* variables (PGHOST, PGPORT, PGDATABASE, PGUSER)"

// connect opens the database of --db when given, else $DATABASE_URL, else
// the one the PG* variables name; with none of them it refuses.
func (m *Main) connect(ctx context.Context, fs *flag.FlagSet, db string) (*postgres.Source, error) {
	if !isSet(fs, "db") {
		db = m.Getenv("DATABASE_URL")
		if db == "" && !slices.ContainsFunc(pgNaming, func(k string) bool { return m.Getenv(k) != "" }) {
			return nil, usageError{m.tr(errNoDatabase)}
		}
	}
	return postgres.Open(ctx, db)
}

func (m *Main) dbMigrate(ctx context.Context, args []string) error {
	fs := newFlags("db migrate")
	db := fs.String("db", "", "PostgreSQL connection string (default $DATABASE_URL; PG* variables fill in the rest)")
	if err := m.parse(fs, dbUsage, args); err != nil {
		return err
	}
	t := time.Now()
	src, err := m.connect(ctx, fs, *db)
	if err != nil {
		return err
	}
	defer src.Close()
	n, err := postgres.Migrate(ctx, src.DB())
	if err != nil {
		return err
	}
	m.stage("migrate", t, "%s: %d migrations applied, schema up to date", src.Describe(), n)
	return nil
}

func (m *Main) dbSeed(ctx context.Context, args []string) error {
	fs := newFlags("db seed")
	db := fs.String("db", "", "PostgreSQL connection string (default $DATABASE_URL; PG* variables fill in the rest)")
	useDemo := fs.Bool("demo", false, "load the demo data (required: it is the only data seed knows)")
	replace := fs.Bool("replace", false, "empty the kinerja and asn tables first")
	if err := m.parse(fs, dbUsage, args); err != nil {
		return err
	}
	if !*useDemo {
		return m.usage("db seed needs --demo: it loads the fictitious demo data, never real data")
	}
	t := time.Now()
	src, err := m.connect(ctx, fs, *db)
	if err != nil {
		return err
	}
	defer src.Close()
	city := demo.Tanjungbalai()
	if err := postgres.Seed(ctx, src.DB(), city, postgres.SeedOptions{Replace: *replace}); err != nil {
		return err
	}
	m.stage("seed", t, "%s: %d agencies, %d indicators, %d measurements, %d quarterly entries, %d employees (demo data)",
		src.Describe(), len(city.Agencies), len(city.Indicators), len(city.Measurements), len(city.Entries), len(city.Employees))
	return nil
}

const demoDataUsage = `Usage: kinerja demo-data --out DIR [--indicators N]

Writes the embedded demo data (or, with --indicators N, a generated city of
N fictitious indicators for scale tests) as a CSV bundle that
'kinerja build --from DIR' reads.

Flags:
`

func (m *Main) demoData(ctx context.Context, args []string) error {
	fs := newFlags("demo-data")
	out := fs.String("out", "", "the folder to write the bundle into (required)")
	n := fs.Int("indicators", 0, "generate a city with this many indicators instead of the demo")
	if err := m.parse(fs, demoDataUsage, args); err != nil {
		return err
	}
	if *out == "" {
		return m.usage("demo-data needs --out DIR")
	}
	if *n < 0 {
		return m.usage("--indicators must be positive")
	}
	t := time.Now()
	city := demo.Tanjungbalai()
	if *n > 0 {
		city = demo.Scale(*n)
	}
	ds := city.Dataset()
	if err := bundle.Write(*out, ds); err != nil {
		return err
	}
	m.stage("bundle", t, "%d agencies, %d indicators, %d results written to %s", len(ds.Agencies), len(ds.Indicators), len(ds.Results), *out)
	return nil
}
