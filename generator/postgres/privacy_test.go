package postgres_test

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/lib/pq"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

type login struct {
	role string
	dsn  string
}

// loginRole creates a LOGIN role (a member of the given roles) that may
// connect to src's database, and drops it when the test ends. Roles belong
// to the whole cluster, so the name is unique.
func loginRole(t *testing.T, src *postgres.Source, memberOf ...string) login {
	t.Helper()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	role := "kt_reader_" + hex.EncodeToString(b)
	password := hex.EncodeToString(b) + "-pw"
	var dbname string
	if err := src.DB().QueryRowContext(testContext(t), `SELECT current_database()`).Scan(&dbname); err != nil {
		t.Fatal(err)
	}
	q := "CREATE ROLE " + role + " LOGIN PASSWORD " + pq.QuoteLiteral(password)
	if len(memberOf) > 0 {
		q += " IN ROLE " + strings.Join(memberOf, ", ")
	}
	exec(t, src.DB(), q)
	t.Cleanup(func() {
		// The test's database (and so the role's connections) may be gone
		// already, or not: end the role's sessions either way.
		admin, err := sql.Open("postgres", pgtest.Shared(t).AdminDSN())
		if err != nil {
			t.Error(err)
			return
		}
		defer admin.Close()
		_, _ = admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, role)
		if _, err := admin.Exec("DROP ROLE IF EXISTS " + role); err != nil {
			t.Errorf("dropping role %s: %v", role, err)
		}
	})
	return login{role: role, dsn: pgtest.Shared(t).DSNAs(role, password, dbname)}
}

// portal_reader reads the publik views and nothing else: not the agencies'
// raw tables, not the civil servants' personal data.
func TestPortalReaderReadsOnlyPublik(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	ctx := testContext(t)

	conn, err := src.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET ROLE portal_reader`); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{
		"asn.employees", "asn.ratings",
		"kinerja.sectors", "kinerja.agencies", "kinerja.agency_predicates", "kinerja.indicators",
		"kinerja.targets", "kinerja.service_units", "kinerja.measurements",
		"kinerja.quarterly_entries", "kinerja.schema_migrations",
	} {
		var n int
		err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
		if pe := pq.As(err); pe == nil || pe.Code != "42501" {
			t.Errorf("portal_reader reading %s: err = %v; want permission denied (42501)", table, err)
		}
	}
	for _, view := range []string{"sectors", "agencies", "predicates", "indicators", "targets", "results", "ratings", "unit_results"} {
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM publik."+view).Scan(&n); err != nil {
			t.Errorf("portal_reader reading publik.%s: %v", view, err)
		} else if n == 0 {
			t.Errorf("portal_reader sees no rows in publik.%s", view)
		}
	}
	if _, err := conn.ExecContext(ctx, `RESET ROLE`); err != nil {
		t.Fatal(err)
	}

	// The exporter's way in: a LOGIN role granted portal_reader, reading
	// everything through Load.
	reader := loginRole(t, src, "portal_reader")
	ds, err := open(t, reader.dsn).Load(ctx)
	if err != nil {
		t.Fatalf("Load as %s (member of portal_reader): %v", reader.role, err)
	}
	if len(ds.Results) == 0 {
		t.Error("Load as portal_reader gave no results")
	}
	if len(ds.Ratings) == 0 {
		t.Error("Load as portal_reader gave no rating counts")
	}
}

// No column of any publik view carries an employee's name or NIP: the
// canary seeded into asn never comes out.
func TestPublikViewsCarryNoPersonalData(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, demo.Tanjungbalai())
	ctx := testContext(t)
	for _, view := range []string{"sectors", "agencies", "predicates", "indicators", "targets", "results", "explanations", "ratings"} {
		var leaks int
		q := `SELECT count(*) FROM publik.` + view + ` v WHERE v::text LIKE '%' || $1 || '%' OR v::text LIKE '%' || $2 || '%'`
		if err := src.DB().QueryRowContext(ctx, q, demo.Canary.NIP, demo.Canary.Name).Scan(&leaks); err != nil {
			t.Fatal(err)
		}
		if leaks > 0 {
			t.Errorf("publik.%s has %d rows with the canary employee's name or NIP", view, leaks)
		}
	}
	var canaries int
	if err := src.DB().QueryRowContext(ctx, `SELECT count(*) FROM asn.employees WHERE nip = $1`, demo.Canary.NIP).Scan(&canaries); err != nil {
		t.Fatal(err)
	}
	if canaries != 1 {
		t.Errorf("asn.employees holds the canary %d times; want once, so that this test proves something", canaries)
	}
}

// The views run with their owner's rights, which is what lets
// portal_reader read them without any right on kinerja.
func TestViewsAreNotSecurityInvoker(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	var n int
	err := src.DB().QueryRowContext(testContext(t), `
		SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'publik' AND c.relkind = 'v'
		  AND coalesce(array_to_string(c.reloptions, ','), '') NOT LIKE '%security_invoker=true%'`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	if n != 9 {
		t.Errorf("%d publik views run with their owner's rights; want all 9", n)
	}
}

// The columns of the publik views are exactly those of the bundle, in the
// bundle's order (generator/bundle/doc.go).
func TestPublikViewColumns(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	want := map[string]string{
		"sectors":      "slug, code, name, name_en",
		"agencies":     "slug, code, name, short_name, kind, sector_slug, name_en",
		"predicates":   "agency_slug, year, predicate",
		"indicators":   "slug, code, agency_slug, sector_slug, name, unit, polarity, consolidation, decimals, multiplier, min_value, max_value, definition, formula, source, verification, limitations, frequency, valid_from, valid_to, name_en, definition_en, unit_en",
		"targets":      "indicator_slug, year, quarter, basis, value, value_high",
		"results":      "indicator_slug, year, quarter, actual, numerator, denominator, provisional",
		"explanations": "indicator_slug, year, quarter, supporting, inhibiting, follow_up",
		"ratings":      "agency_slug, year, predicate, count, rated",
		// The bundle's unit_results.csv adds kinerja's own mark, suppressed.
		"unit_results": "indicator_slug, unit_slug, year, quarter, actual, numerator, denominator, count, provisional, unit_name, unit_kind, kecamatan_slug, agency_slug, unit_name_en",
	}
	rows, err := src.DB().QueryContext(testContext(t), `
		SELECT table_name, string_agg(column_name || ':' || data_type, ', ' ORDER BY ordinal_position)
		FROM information_schema.columns WHERE table_schema = 'publik' GROUP BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]string{}
	for rows.Next() {
		var view, cols string
		if err := rows.Scan(&view, &cols); err != nil {
			t.Fatal(err)
		}
		got[view] = cols
	}
	for view, cols := range want {
		var names []string
		for _, c := range strings.Split(got[view], ", ") {
			name, typ, _ := strings.Cut(c, ":")
			names = append(names, name)
			if strings.Contains(typ, "double") || strings.Contains(typ, "real") {
				t.Errorf("publik.%s.%s is %s; want numeric", view, name, typ)
			}
		}
		if g := strings.Join(names, ", "); g != cols {
			t.Errorf("publik.%s columns = %s; want %s", view, g, cols)
		}
	}
	if len(got) != len(want) {
		t.Errorf("schema publik has %d views; want %d", len(got), len(want))
	}
}

// publik.ratings counts people and never lists them: no column could hold
// a NIP, a name or a score, its counts add up to the ratings in asn, and
// a group of one person is a count of 1 (which disclosure suppresses),
// never a row about that person.
func TestRatingsViewCountsWithoutPeople(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, demo.Tanjungbalai())
	ctx := testContext(t)
	var leaks int
	err := src.DB().QueryRowContext(ctx, `SELECT count(*) FROM publik.ratings v
		WHERE v::text ~ '[0-9]{18}' OR v::text LIKE '%' || $1 || '%'`, demo.Canary.Name).Scan(&leaks)
	if err != nil {
		t.Fatal(err)
	}
	if leaks > 0 {
		t.Errorf("publik.ratings has %d rows with an 18-digit number or the canary's name", leaks)
	}
	var viewTotal, asnTotal, badRated int
	if err := src.DB().QueryRowContext(ctx, `SELECT coalesce(sum(count), 0) FROM publik.ratings WHERE agency_slug IS NOT NULL`).Scan(&viewTotal); err != nil {
		t.Fatal(err)
	}
	if err := src.DB().QueryRowContext(ctx, `SELECT count(*) FROM asn.ratings`).Scan(&asnTotal); err != nil {
		t.Fatal(err)
	}
	if viewTotal != asnTotal || asnTotal == 0 {
		t.Errorf("publik.ratings counts %d ratings; asn.ratings holds %d", viewTotal, asnTotal)
	}
	if err := src.DB().QueryRowContext(ctx, `SELECT count(*) FROM (
		SELECT agency_slug, year FROM publik.ratings GROUP BY agency_slug, year
		HAVING sum(count) <> min(rated) OR count(*) <> 5) x`).Scan(&badRated); err != nil {
		t.Fatal(err)
	}
	if badRated > 0 {
		t.Errorf("%d groups of publik.ratings do not have five predicates adding up to rated", badRated)
	}
}

// TestRatingsContractSaysRawCounts: migration 0003 calls the publik views
// "exactly what may be published", but publik.ratings gives portal_reader
// exact small counts, as it must (kinerja suppresses them itself). The
// database's own description of the view and of the schema says so.
func TestRatingsContractSaysRawCounts(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	ctx := testContext(t)
	var view, schema sql.NullString
	if err := src.DB().QueryRowContext(ctx, `SELECT obj_description('publik.ratings'::regclass, 'pg_class'),
		obj_description((SELECT oid FROM pg_namespace WHERE nspname = 'publik'), 'pg_namespace')`).Scan(&view, &schema); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Raw aggregate counts", "small counts and 0 included", "only the exporter (portal_reader) reads it", "kinerja suppresses"} {
		if !strings.Contains(view.String, want) {
			t.Errorf("COMMENT ON VIEW publik.ratings = %q; want it to say %q", view.String, want)
		}
	}
	if !strings.Contains(schema.String, "except publik.ratings, which holds raw aggregate counts") {
		t.Errorf("COMMENT ON SCHEMA publik = %q; want it to name publik.ratings as raw counts", schema.String)
	}
}
