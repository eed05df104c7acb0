package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

func TestOpenUnreachableServer(t *testing.T) {
	t.Parallel()
	// A port that was free a moment ago: nothing listens there.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()

	addr := "127.0.0.1:" + strconv.Itoa(port)
	_, err = postgres.Open(testContext(t), "postgres://kinerja:rahasia@"+addr+"/kota?sslmode=disable")
	wantError(t, err, iku.Unavailable,
		"cannot reach the PostgreSQL server at "+addr+": check that it is running and that --db or DATABASE_URL points to it")
	if strings.Contains(err.Error(), "rahasia") {
		t.Errorf("error %q shows the password", err)
	}
}

func TestOpenUnknownHost(t *testing.T) {
	t.Parallel()
	// .invalid never resolves (RFC 2606); without DNS at all the lookup
	// times out instead, which names the server the same way.
	_, err := postgres.Open(testContext(t), "host=kinerja-test.invalid dbname=kota connect_timeout=3")
	wantError(t, err, iku.Unavailable, "cannot reach the PostgreSQL server at kinerja-test.invalid:5432", "--db or DATABASE_URL points to it")
}

func TestOpenDatabaseDoesNotExist(t *testing.T) {
	t.Parallel()
	s := pgtest.Shared(t)
	_, err := postgres.Open(testContext(t), s.DSN("kt_no_such_database"))
	wantError(t, err, iku.NotFound, `the database "kt_no_such_database" does not exist on the PostgreSQL server at `, "createdb kt_no_such_database")
}

func TestOpenBadConnectionString(t *testing.T) {
	t.Parallel()
	_, err := postgres.Open(testContext(t), "postgres://kinerja:rahasia@127.0.0.1:notaport/kota")
	wantError(t, err, iku.Invalid, "the database connection string in --db or DATABASE_URL")
	if strings.Contains(err.Error(), "rahasia") {
		t.Errorf("error %q shows the password", err)
	}
}

// An empty DSN means the standard PG* variables; DATABASE_URL belongs to
// the command line's rules (--db, else DATABASE_URL), not to Open.
func TestOpenEmptyUsesPGVariables(t *testing.T) {
	srv := pgtest.Shared(t)
	dsn := pgtest.CreateDatabase(t, srv)
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	dbname := cfg.Database
	t.Setenv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/nowhere")
	t.Setenv("PGHOST", srv.Host)
	t.Setenv("PGPORT", strconv.Itoa(srv.Port))
	t.Setenv("PGUSER", srv.User)
	t.Setenv("PGPASSWORD", srv.Password)
	t.Setenv("PGDATABASE", dbname)
	t.Setenv("PGSSLMODE", "disable")
	src := open(t, "")
	if !strings.Contains(src.Describe(), "/"+dbname) {
		t.Errorf("Describe() = %q; want the database of PGDATABASE, %s", src.Describe(), dbname)
	}
}

// The machine's server trusts everyone; a cluster of our own asks for a
// password, so that a wrong one can be rejected.
func TestPasswords(t *testing.T) {
	c := pgtest.NewCluster(t, "scram-sha-256")

	t.Run("right password", func(t *testing.T) {
		src := open(t, c.DSN("postgres"))
		got, want := src.Describe(), "PostgreSQL postgres@"+c.Addr()+"/postgres"
		if got != want {
			t.Errorf("Describe() = %q; want %q", got, want)
		}
	})
	t.Run("no sslmode", func(t *testing.T) {
		// The cluster has no SSL: like psql, Open falls back to plain.
		if v, ok := os.LookupEnv("PGSSLMODE"); ok {
			t.Setenv("PGSSLMODE", v) // restored after the test
			os.Unsetenv("PGSSLMODE")
		}
		open(t, "postgres://postgres:"+c.Password+"@"+c.Addr()+"/postgres")
	})
	t.Run("wrong password", func(t *testing.T) {
		_, err := postgres.Open(testContext(t), c.DSNAs("postgres", "salah", "postgres"))
		wantError(t, err, iku.Unavailable, `the password for user "postgres" was rejected by the PostgreSQL server at `+c.Addr(), "PGPASSWORD")
	})
	t.Run("no password", func(t *testing.T) {
		t.Setenv("PGPASSWORD", "")
		t.Setenv("PGPASSFILE", t.TempDir()+"/none")
		_, err := postgres.Open(testContext(t), c.DSNAs("postgres", "", "postgres"))
		wantError(t, err, iku.Unavailable, `the PostgreSQL server at `+c.Addr()+` asks for the password of user "postgres" and none was given`)
	})
}

func TestOpenUnknownUser(t *testing.T) {
	t.Parallel()
	s := pgtest.Shared(t)
	_, err := postgres.Open(testContext(t), s.DSNAs("kt_nobody", "", "postgres"))
	// A trusting server says the role does not exist (28000); one asking
	// for passwords hides that behind a rejected password (28P01).
	wantError(t, err, iku.Unavailable, `user "kt_nobody"`)
}

func TestLoadWithoutViews(t *testing.T) {
	t.Parallel()
	src := open(t, pgtest.New(t)) // a fresh database: never migrated
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Invalid, "has no publik.sectors view: run `kinerja db migrate`, or create the publik views over your own tables as the README describes")
}

func TestLoadWithoutResultsView(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	exec(t, src.DB(), `DROP VIEW publik.results`)
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Invalid, "has no publik.results view: run `kinerja db migrate`")
}

func TestLoadViewLacksColumn(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	exec(t, src.DB(), `DROP VIEW publik.indicators`)
	exec(t, src.DB(), `CREATE VIEW publik.indicators AS SELECT slug, code, name FROM kinerja.indicators`)
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Invalid, `the view publik.indicators in database "kt_`, `lacks the column "agency_slug"`)
}

func TestLoadViewReturnsNull(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	exec(t, src.DB(), `CREATE OR REPLACE VIEW publik.sectors AS SELECT s.slug, NULL::text AS code, s.name, s.name_en FROM kinerja.sectors s`)
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Invalid, `the view publik.sectors`, `in the column "code"`)
}

func TestLoadBadDecimal(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	exec(t, src.DB(), `UPDATE kinerja.targets SET value = 'NaN' WHERE year = 2025 AND quarter = 2`)
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Invalid, `the view publik.targets, row 5 (indicator_slug "kunjungan-wisata", year 2025, quarter 2), has value "NaN", which is not a decimal number`)
}

func TestLoadPermissionDenied(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	reader := loginRole(t, src, "portal_reader")
	exec(t, src.DB(), `REVOKE SELECT ON publik.results FROM portal_reader`)
	_, err := open(t, reader.dsn).Load(testContext(t))
	wantError(t, err, iku.Unavailable, `the database role "`+reader.role+`" cannot read publik.results: GRANT SELECT ON publik.results TO `+reader.role)

	exec(t, src.DB(), `REVOKE USAGE ON SCHEMA publik FROM portal_reader`)
	_, err = open(t, reader.dsn).Load(testContext(t))
	wantError(t, err, iku.Unavailable, `cannot use the schema publik: GRANT USAGE ON SCHEMA publik TO `+reader.role)
}

// slowSectors makes publik.sectors take seconds to read: far longer than
// any other query of a load, even on a loaded machine.
func slowSectors(t *testing.T, src *postgres.Source, seconds int) {
	exec(t, src.DB(), fmt.Sprintf(`CREATE OR REPLACE VIEW publik.sectors AS
		SELECT s.slug, s.code, s.name, s.name_en FROM kinerja.sectors s, (SELECT pg_sleep(%d)) AS slow`, seconds))
}

// whenReadingSectors calls f once the server is running the query that
// reads publik.sectors (a deterministic moment, not a guessed delay).
func whenReadingSectors(t *testing.T, src *postgres.Source, f func()) {
	go func() {
		for range 3000 {
			var n int
			// This test's database only: pg_stat_activity is the whole
			// server's, and a test beside this one may be reading its own
			// publik.sectors (the cancel then came too early, while the
			// load was still listing the views' columns).
			err := src.DB().QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND datname = current_database() AND query LIKE '%publik.sectors%' AND pid <> pg_backend_pid()`).Scan(&n)
			if err != nil || n > 0 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		f()
	}()
}

func TestLoadStatementTimeout(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	slowSectors(t, src, 20)
	// The other queries of a load take milliseconds; under a loaded
	// machine's worst a few hundred.
	src.StatementTimeout = 5 * time.Second
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Unavailable, "reading publik.sectors took longer than the statement timeout of 5s")
}

func TestLoadCancelled(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	slowSectors(t, src, 20)

	ctx, cancel := context.WithCancel(testContext(t))
	whenReadingSectors(t, src, cancel)
	_, err := src.Load(ctx)
	wantError(t, err, iku.Unavailable, "reading publik.sectors on the PostgreSQL server at", "was interrupted before it finished")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("errors.Is(%v, context.Canceled) = false", err)
	}

	ctx, cancel = context.WithTimeout(testContext(t), 5*time.Second)
	defer cancel()
	_, err = src.Load(ctx)
	wantError(t, err, iku.Unavailable, "did not finish before the deadline")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(%v, context.DeadlineExceeded) = false", err)
	}
}

func TestMigrateNeedsRights(t *testing.T) {
	t.Parallel()
	dsn := pgtest.New(t)
	admin := open(t, dsn)
	reader := loginRole(t, admin)
	_, err := postgres.Migrate(testContext(t), open(t, reader.dsn).DB())
	wantError(t, err, iku.Unavailable, `the database role "`+reader.role+`" may not change the database`)
}

func TestSeedNeedsMigrate(t *testing.T) {
	t.Parallel()
	src := open(t, pgtest.New(t))
	err := postgres.Seed(testContext(t), src.DB(), fixture(), postgres.SeedOptions{})
	wantError(t, err, iku.Invalid, "run `kinerja db migrate` first")
}

// TestLoadStatementTimeoutFromDSN: a statement_timeout in the connection
// string (as options=-c …, or as a key) is the limit when the Source sets
// none, and the message says what it was.
func TestLoadStatementTimeoutFromDSN(t *testing.T) {
	t.Parallel()
	dsn, src := seeded(t, fixture())
	slowSectors(t, src, 4)
	for _, kv := range [][2]string{{"options", "-c statement_timeout=2000"}, {"statement_timeout", "2000"}} {
		extra := fmt.Sprintf(" %s='%s'", kv[0], kv[1])
		if strings.HasPrefix(dsn, "postgres") {
			extra = "?" + url.Values{kv[0]: {kv[1]}}.Encode()
			if strings.Contains(dsn, "?") {
				extra = "&" + extra[1:]
			}
		}
		s := open(t, dsn+extra)
		_, err := s.Load(testContext(t))
		wantError(t, err, iku.Unavailable, "reading publik.sectors took longer than the statement timeout of 2s", "--timeout")
		s.StatementTimeout = 30 * time.Second // the flag wins over the DSN
		if _, err := s.Load(testContext(t)); err != nil {
			t.Errorf("with StatementTimeout 30s over %s: %v", kv[0], err)
		}
	}
}
