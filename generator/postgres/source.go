// Package postgres reads the portal's data from PostgreSQL: the publik views
// of the reference schema (or a city's own views with the same columns),
// in one read-only snapshot transaction. It also ships the reference schema
// as embedded migrations and seeds it with demo data.
//
// It is the only package that imports sqlx and lib/pq, and the only place
// where database errors are translated into sentences a user can act on.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// DefaultStatementTimeout bounds each query of Load unless the Source says
// otherwise.
const DefaultStatementTimeout = 60 * time.Second

// DefaultConnectTimeout is used when the connection string sets no
// connect_timeout.
const DefaultConnectTimeout = 10 * time.Second

// Source reads a Dataset from the publik views of a PostgreSQL database.
type Source struct {
	// StatementTimeout bounds every query Load runs (SET LOCAL
	// statement_timeout). Zero means the statement_timeout the connection
	// string sets (as a key, or in options=-c statement_timeout=…, or
	// PGOPTIONS), else DefaultStatementTimeout.
	StatementTimeout time.Duration

	db         *sqlx.DB
	srv        server
	dsnTimeout bool // the connection string sets statement_timeout
}

var _ iku.Source = (*Source)(nil)

// Open connects to PostgreSQL and checks that the server answers.
//
// dsn is a URL (postgres://user:password@host:5432/dbname?sslmode=disable)
// or key=value pairs (host=… dbname=…), as given to --db (the command line
// falls back to DATABASE_URL). lib/pq fills in what it leaves out from the
// standard PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, … variables, so
// an empty dsn means those variables alone. A
// connect_timeout of 10 seconds is added when none is set, and sslmode
// defaults to prefer, as with psql.
func Open(ctx context.Context, dsn string) (*Source, error) {
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		err = redact(err, dsn)
		return nil, iku.Wrap(err, iku.Invalid, "the database connection string in --db or DATABASE_URL (or a PG* variable) is not valid (%s): write it as postgres://user:password@host:5432/dbname or as key=value pairs such as host=localhost dbname=kinerja", strings.TrimPrefix(err.Error(), "pq: "))
	}
	if cfg.SSLMode == "" {
		// Neither the DSN nor PGSSLMODE chose: do what psql and libpq do
		// (use SSL when the server offers it) rather than lib/pq's
		// "require", which fails on servers without SSL.
		cfg.SSLMode = pq.SSLModePrefer
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if cfg.ApplicationName == "" {
		cfg.ApplicationName = "kinerja"
	}
	connector, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, iku.Wrap(redact(err, dsn), iku.Invalid, "the database connection string in --db or DATABASE_URL is not valid: write it as postgres://user:password@host:5432/dbname")
	}
	s := &Source{
		db:         sqlx.NewDb(sql.OpenDB(connector), "postgres"),
		srv:        newServer(cfg),
		dsnTimeout: cfg.Runtime["statement_timeout"] != "" || strings.Contains(cfg.Options, "statement_timeout"),
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, translate(ctx, err, s.srv, op{})
	}
	return s, nil
}

// redact removes passwords from an error's text, so that a log of the
// cause does not show them.
func redact(err error, dsn string) error {
	msg := err.Error()
	secrets := []string{os.Getenv("PGPASSWORD")}
	if m := urlPassword.FindStringSubmatch(dsn); m != nil {
		secrets = append(secrets, m[1])
	}
	for _, m := range kvPassword.FindAllStringSubmatch(dsn, -1) {
		secrets = append(secrets, strings.Trim(m[1], "'"))
	}
	for _, p := range secrets {
		if p != "" {
			msg = strings.ReplaceAll(msg, p, "********")
		}
	}
	return errors.New(msg)
}

var (
	urlPassword = regexp.MustCompile(`^[a-z]+://[^:/@]*:([^@]*)@`)
	kvPassword  = regexp.MustCompile(`(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)
)

// Describe names the server and database for humans, without the password:
// "PostgreSQL kinerja@127.0.0.1:5432/kota".
func (s *Source) Describe() string {
	return fmt.Sprintf("PostgreSQL %s@%s/%s", s.srv.user, s.srv.addr(), s.srv.dbname())
}

// DB is the connection pool, for Migrate and Seed.
func (s *Source) DB() *sql.DB { return s.db.DB }

// Close closes the connection pool.
func (s *Source) Close() error { return s.db.Close() }

// Load reads the publik views (publik.ratings and publik.unit_results when they exist) in one REPEATABLE READ, READ ONLY
// transaction, so that the Dataset is one consistent snapshot.
func (s *Source) Load(ctx context.Context) (ds *iku.Dataset, err error) {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, translate(ctx, err, s.srv, op{step: "starting a read-only transaction"})
	}
	defer tx.Rollback() // read only: nothing to commit

	var limit string
	if timeout := s.StatementTimeout; timeout > 0 || !s.dsnTimeout {
		if timeout <= 0 {
			timeout = DefaultStatementTimeout
		}
		ms := max(timeout.Milliseconds(), 1)
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("SET LOCAL statement_timeout = %d", ms)); err != nil {
			return nil, translate(ctx, err, s.srv, op{step: "setting the statement timeout"})
		}
		limit = timeout.String()
	} else if err := tx.GetContext(ctx, &limit, "SHOW statement_timeout"); err != nil {
		// The connection string's value stands; say what it is.
		return nil, translate(ctx, err, s.srv, op{step: "reading the statement timeout"})
	}

	var english []struct {
		View string `db:"view"`
		Col  string `db:"col"`
	}
	if err := tx.SelectContext(ctx, &english, selectEnglishColumns); err != nil {
		return nil, translate(ctx, err, s.srv, op{step: "listing the columns of the publik views", limit: limit})
	}
	has := map[string]bool{}
	for _, c := range english {
		has[c.View+"."+c.Col] = true
	}

	var rows rawRows
	reads := []struct {
		view  string
		query string
		dest  any
	}{
		{"publik.sectors", withEnglish(selectSectors, "sectors", has), &rows.sectors},
		{"publik.agencies", withEnglish(selectAgencies, "agencies", has), &rows.agencies},
		{"publik.predicates", selectPredicates, &rows.predicates},
		{"publik.indicators", withEnglish(selectIndicators, "indicators", has), &rows.indicators},
		{"publik.targets", selectTargets, &rows.targets},
		{"publik.results", selectResults, &rows.results},
		{"publik.explanations", selectExplanations, &rows.explanations},
	}
	for _, r := range reads {
		if err := tx.SelectContext(ctx, r.dest, r.query); err != nil {
			return nil, translate(ctx, err, s.srv, op{view: r.view, limit: limit})
		}
	}
	var ratings bool
	if err := tx.GetContext(ctx, &ratings, hasRatings); err != nil {
		return nil, translate(ctx, err, s.srv, op{view: "publik.ratings", limit: limit})
	}
	if ratings {
		if err := tx.SelectContext(ctx, &rows.ratings, selectRatings); err != nil {
			return nil, translate(ctx, err, s.srv, op{view: "publik.ratings", limit: limit})
		}
	}
	var units bool
	if err := tx.GetContext(ctx, &units, hasUnitResults); err != nil {
		return nil, translate(ctx, err, s.srv, op{view: "publik.unit_results", limit: limit})
	}
	if units {
		if err := tx.SelectContext(ctx, &rows.units, selectUnitResults); err != nil {
			return nil, translate(ctx, err, s.srv, op{view: "publik.unit_results", limit: limit})
		}
	}
	return rows.dataset()
}
