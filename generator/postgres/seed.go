package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// SeedOptions change what Seed does.
type SeedOptions struct {
	// Replace deletes everything in the kinerja and asn tables before
	// inserting, in the same transaction. Without it Seed refuses to touch
	// a database that holds data.
	Replace bool
}

// The statements of Seed. COPY … FROM STDIN streams rows, which is what
// makes seeding a scale city (10,000 indicators, a million measurements)
// take seconds rather than minutes.
const (
	seedHasData = `
SELECT EXISTS (SELECT FROM kinerja.sectors)
    OR EXISTS (SELECT FROM kinerja.agencies)
    OR EXISTS (SELECT FROM kinerja.indicators)
    OR EXISTS (SELECT FROM kinerja.service_units)
    OR EXISTS (SELECT FROM asn.employees)`

	seedTruncate = `
TRUNCATE asn.ratings, asn.employees, kinerja.explanations,
    kinerja.quarterly_entries, kinerja.measurements, kinerja.service_units,
    kinerja.targets, kinerja.indicators, kinerja.agency_predicates,
    kinerja.agencies, kinerja.sectors
    RESTART IDENTITY`

	copySectors      = `COPY kinerja.sectors (slug, code, name, name_en) FROM STDIN`
	copyAgencies     = `COPY kinerja.agencies (slug, code, name, short_name, kind, sector_id, name_en) FROM STDIN`
	copyPredicates   = `COPY kinerja.agency_predicates (agency_id, year, predicate) FROM STDIN`
	copyIndicators   = `COPY kinerja.indicators (slug, code, agency_id, sector_id, name, unit, polarity, consolidation, decimals, multiplier, min_value, max_value, definition, formula, source, verification, limitations, frequency, valid_from, valid_to, name_en, definition_en, unit_en) FROM STDIN`
	copyTargets      = `COPY kinerja.targets (indicator_id, year, quarter, basis, value, value_high) FROM STDIN`
	copyServiceUnits = `COPY kinerja.service_units (slug, agency_id, name, kind, kecamatan_id, name_en) FROM STDIN`
	// A schema before migration 0011 has service units without their
	// kecamatan and English name: they are seeded without them.
	copyServiceUnitsOld = `COPY kinerja.service_units (slug, agency_id, name, kind) FROM STDIN`
	hasUnitKecamatan    = `SELECT EXISTS (SELECT FROM information_schema.columns
        WHERE table_schema = 'kinerja' AND table_name = 'service_units' AND column_name = 'kecamatan_id')`
	copyExplanations = `COPY kinerja.explanations (indicator_id, year, quarter, supporting, inhibiting, follow_up) FROM STDIN`
	copyMeasurements = `COPY kinerja.measurements (indicator_id, service_unit_id, month, value, numerator, denominator, verified) FROM STDIN`

	// Checking two foreign keys row by row takes most of the time of a
	// large COPY into measurements; checking them once afterwards, in one
	// join, takes a fraction (as pg_restore does). Both happen inside the
	// seeding transaction, so nobody sees the table without its keys.
	dropMeasurementKeys = `
ALTER TABLE kinerja.measurements
    DROP CONSTRAINT measurements_indicator_id_fkey,
    DROP CONSTRAINT measurements_service_unit_id_fkey`
	addMeasurementKeys = `
ALTER TABLE kinerja.measurements
    ADD CONSTRAINT measurements_indicator_id_fkey
        FOREIGN KEY (indicator_id) REFERENCES kinerja.indicators (id),
    ADD CONSTRAINT measurements_service_unit_id_fkey
        FOREIGN KEY (service_unit_id) REFERENCES kinerja.service_units (id)`
	copyEntries       = `COPY kinerja.quarterly_entries (indicator_id, year, quarter, value, numerator, denominator, provisional) FROM STDIN`
	copyEmployees     = `COPY asn.employees (nip, name, agency_id, position) FROM STDIN`
	copyRatings       = `COPY asn.ratings (employee_id, year, skp_score, predicate) FROM STDIN`
	selectSectorIDs   = `SELECT slug, id FROM kinerja.sectors`
	selectAgencyIDs   = `SELECT slug, id FROM kinerja.agencies`
	selectIndicatorID = `SELECT slug, id FROM kinerja.indicators`
	selectUnitIDs     = `SELECT slug, id FROM kinerja.service_units`
	selectEmployeeIDs = `SELECT nip, id FROM asn.employees`
)

// Seed inserts a City (the demo, or a scale city) into the kinerja and asn
// tables in one transaction: either all of it lands or nothing does. It
// refuses with an Invalid error when the tables hold data already, unless
// opts.Replace says to delete that data first. Migrate must have run.
func Seed(ctx context.Context, db *sql.DB, city *demo.City, opts SeedOptions) (err error) {
	s := lookupServer(ctx, db)
	fail := func(step string, err error) error {
		return translate(ctx, err, s, op{step: step})
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fail("seeding the database", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if opts.Replace {
		if _, err := tx.ExecContext(ctx, seedTruncate); err != nil {
			return fail("deleting the old data before seeding", err)
		}
	} else {
		var has bool
		if err := tx.QueryRowContext(ctx, seedHasData).Scan(&has); err != nil {
			return fail("seeding the database", err)
		}
		if has {
			return iku.Errorf(iku.Invalid, "the database %q already holds data in its kinerja and asn tables: seed an empty database, or seed with the replace option (--replace) to delete that data first", s.dbname())
		}
	}
	sd := seeder{ctx: ctx, tx: tx, city: city}
	for _, step := range []struct {
		name string
		run  func() error
	}{
		{"seeding kinerja.sectors", sd.sectors},
		{"seeding kinerja.agencies", sd.agencies},
		{"seeding kinerja.agency_predicates", sd.predicates},
		{"seeding kinerja.indicators", sd.indicators},
		{"seeding kinerja.targets", sd.targets},
		{"seeding kinerja.service_units", sd.serviceUnits},
		{"seeding kinerja.measurements", sd.measurements},
		{"seeding kinerja.quarterly_entries", sd.entries},
		{"seeding kinerja.explanations", sd.explanations},
		{"seeding asn.employees", sd.employees},
		{"seeding asn.ratings", sd.ratings},
	} {
		if err := step.run(); err != nil {
			return fail(step.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fail("committing the seeded data", err)
	}
	return nil
}

// lookupServer asks the database who we are, for messages; the address is
// not known from a *sql.DB.
func lookupServer(ctx context.Context, db *sql.DB) server {
	var s server
	_ = db.QueryRowContext(ctx, `SELECT current_user, current_database()`).Scan(&s.user, &s.database)
	return s
}

type seeder struct {
	ctx  context.Context
	tx   *sql.Tx
	city *demo.City

	sectorIDs, agencyIDs, indicatorIDs, unitIDs, employeeIDs map[string]int64
}

// copyRows streams rows into one COPY statement.
func (sd *seeder) copyRows(query string, n int, row func(i int) ([]any, error)) error {
	stmt, err := sd.tx.PrepareContext(sd.ctx, query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range n {
		args, err := row(i)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(sd.ctx, args...); err != nil {
			return err
		}
	}
	if _, err := stmt.ExecContext(sd.ctx); err != nil {
		return err
	}
	return stmt.Close()
}

// ids reads back the generated ids by natural key.
func (sd *seeder) ids(query string) (map[string]int64, error) {
	rows, err := sd.tx.QueryContext(sd.ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int64{}
	for rows.Next() {
		var key string
		var id int64
		if err := rows.Scan(&key, &id); err != nil {
			return nil, err
		}
		m[key] = id
	}
	return m, rows.Err()
}

// ref resolves a natural key, or explains which row names what is missing.
func ref(ids map[string]int64, what, key, from string) (int64, error) {
	id, ok := ids[key]
	if !ok {
		return 0, iku.Errorf(iku.Invalid, "%s names the %s %q, which the city does not have: add it, or fix the name", from, what, key)
	}
	return id, nil
}

func (sd *seeder) sectors() (err error) {
	ss := sd.city.Sectors
	if err := sd.copyRows(copySectors, len(ss), func(i int) ([]any, error) {
		return []any{ss[i].Slug, ss[i].Code, ss[i].Name, textArg(ss[i].NameEN)}, nil
	}); err != nil {
		return err
	}
	sd.sectorIDs, err = sd.ids(selectSectorIDs)
	return err
}

func (sd *seeder) agencies() (err error) {
	as := sd.city.Agencies
	if err := sd.copyRows(copyAgencies, len(as), func(i int) ([]any, error) {
		a := as[i]
		sector, err := ref(sd.sectorIDs, "sector", a.SectorSlug, fmt.Sprintf("agency %q", a.Slug))
		return []any{a.Slug, a.Code, a.Name, a.ShortName, a.Kind, sector, textArg(a.NameEN)}, err
	}); err != nil {
		return err
	}
	sd.agencyIDs, err = sd.ids(selectAgencyIDs)
	return err
}

func (sd *seeder) predicates() error {
	ps := sd.city.Predicates
	return sd.copyRows(copyPredicates, len(ps), func(i int) ([]any, error) {
		p := ps[i]
		agency, err := ref(sd.agencyIDs, "agency", p.AgencySlug, fmt.Sprintf("the %d predicate", p.Year))
		return []any{agency, p.Year, p.Predicate}, err
	})
}

func (sd *seeder) indicators() (err error) {
	is := sd.city.Indicators
	if err := sd.copyRows(copyIndicators, len(is), func(i int) ([]any, error) {
		ind := is[i]
		from := fmt.Sprintf("indicator %q", ind.Slug)
		agency, err := ref(sd.agencyIDs, "agency", ind.AgencySlug, from)
		if err != nil {
			return nil, err
		}
		sector, err := ref(sd.sectorIDs, "sector", ind.SectorSlug, from)
		if err != nil {
			return nil, err
		}
		if ind.ValidFrom.IsZero() {
			return nil, iku.Errorf(iku.Invalid, "%s has no valid_from quarter: set the quarter it applies from", from)
		}
		var validTo any
		if ind.ValidTo != nil {
			validTo = quarterEnd(*ind.ValidTo)
		}
		multiplier := ind.Multiplier.String() // the zero Decimal is "0": an unset multiplier
		if ind.Multiplier == (iku.Decimal{}) {
			multiplier = "1"
		}
		return []any{
			ind.Slug, ind.Code, agency, sector, ind.Name, ind.Unit,
			string(ind.Polarity), string(ind.Consolidation), ind.Decimals,
			multiplier, decimalArg(ind.MinValue), decimalArg(ind.MaxValue),
			ind.Definition, ind.Formula, ind.Source, ind.Verification,
			ind.Limitations, ind.Frequency, quarterStart(ind.ValidFrom), validTo,
			textArg(ind.NameEN), textArg(ind.DefinitionEN), textArg(ind.UnitEN),
		}, nil
	}); err != nil {
		return err
	}
	sd.indicatorIDs, err = sd.ids(selectIndicatorID)
	return err
}

func (sd *seeder) targets() error {
	ts := sd.city.Targets
	return sd.copyRows(copyTargets, len(ts), func(i int) ([]any, error) {
		t := ts[i]
		ind, err := ref(sd.indicatorIDs, "indicator", t.IndicatorSlug, fmt.Sprintf("a %d target", t.Year))
		if err != nil {
			return nil, err
		}
		var quarter, basis any
		if t.Quarter != 0 {
			quarter, basis = t.Quarter, string(t.Basis)
		}
		return []any{ind, t.Year, quarter, basis, t.Value.String(), decimalArg(t.High)}, nil
	})
}

func (sd *seeder) serviceUnits() (err error) {
	us := sd.city.ServiceUnits
	var placed bool
	if err := sd.tx.QueryRowContext(sd.ctx, hasUnitKecamatan).Scan(&placed); err != nil {
		return err
	}
	query := copyServiceUnits
	if !placed {
		query = copyServiceUnitsOld
	}
	if err := sd.copyRows(query, len(us), func(i int) ([]any, error) {
		u := us[i]
		from := fmt.Sprintf("service unit %q", u.Slug)
		agency, err := ref(sd.agencyIDs, "agency", u.AgencySlug, from)
		if err != nil {
			return nil, err
		}
		var kecamatan, nameEN any
		if u.KecamatanSlug != "" {
			if kecamatan, err = ref(sd.agencyIDs, "kecamatan", u.KecamatanSlug, from); err != nil {
				return nil, err
			}
		}
		if u.NameEN != "" {
			nameEN = u.NameEN
		}
		if !placed {
			return []any{u.Slug, agency, u.Name, u.Kind}, nil
		}
		return []any{u.Slug, agency, u.Name, u.Kind, kecamatan, nameEN}, nil
	}); err != nil {
		return err
	}
	sd.unitIDs, err = sd.ids(selectUnitIDs)
	return err
}

func (sd *seeder) measurements() error {
	if _, err := sd.tx.ExecContext(sd.ctx, dropMeasurementKeys); err != nil {
		return err
	}
	if err := sd.copyMeasurements(); err != nil {
		return err
	}
	_, err := sd.tx.ExecContext(sd.ctx, addMeasurementKeys)
	return err
}

func (sd *seeder) copyMeasurements() error {
	ms := sd.city.Measurements
	return sd.copyRows(copyMeasurements, len(ms), func(i int) ([]any, error) {
		m := ms[i]
		from := fmt.Sprintf("a measurement of %d-%02d", m.Year, m.Month)
		ind, err := ref(sd.indicatorIDs, "indicator", m.IndicatorSlug, from)
		if err != nil {
			return nil, err
		}
		unit, err := ref(sd.unitIDs, "service unit", m.UnitSlug, from)
		if err != nil {
			return nil, err
		}
		return []any{
			ind, unit, fmt.Sprintf("%04d-%02d-01", m.Year, m.Month),
			decimalArg(m.Value), decimalArg(m.Numerator), decimalArg(m.Denominator), m.Verified,
		}, nil
	})
}

func (sd *seeder) entries() error {
	es := sd.city.Entries
	return sd.copyRows(copyEntries, len(es), func(i int) ([]any, error) {
		e := es[i]
		ind, err := ref(sd.indicatorIDs, "indicator", e.IndicatorSlug, fmt.Sprintf("the entry for %s", e.Quarter))
		if err != nil {
			return nil, err
		}
		return []any{
			ind, e.Quarter.Year, e.Quarter.Q,
			decimalArg(e.Value), decimalArg(e.Numerator), decimalArg(e.Denominator), e.Provisional,
		}, nil
	})
}

func (sd *seeder) explanations() error {
	xs := sd.city.Explanations
	return sd.copyRows(copyExplanations, len(xs), func(i int) ([]any, error) {
		x := xs[i]
		ind, err := ref(sd.indicatorIDs, "indicator", x.IndicatorSlug, fmt.Sprintf("the explanation for %s", x.Quarter))
		if err != nil {
			return nil, err
		}
		return []any{ind, x.Quarter.Year, x.Quarter.Q, textArg(x.Supporting), textArg(x.Inhibiting), textArg(x.FollowUp)}, nil
	})
}

// textArg is NULL for empty text.
func textArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (sd *seeder) employees() (err error) {
	es := sd.city.Employees
	if err := sd.copyRows(copyEmployees, len(es), func(i int) ([]any, error) {
		e := es[i]
		agency, err := ref(sd.agencyIDs, "agency", e.AgencySlug, fmt.Sprintf("employee %s", e.NIP))
		return []any{e.NIP, e.Name, agency, e.Position}, err
	}); err != nil {
		return err
	}
	sd.employeeIDs, err = sd.ids(selectEmployeeIDs)
	return err
}

func (sd *seeder) ratings() error {
	rs := sd.city.Ratings
	return sd.copyRows(copyRatings, len(rs), func(i int) ([]any, error) {
		r := rs[i]
		emp, err := ref(sd.employeeIDs, "employee", r.NIP, fmt.Sprintf("a %d rating", r.Year))
		return []any{emp, r.Year, r.Score.String(), r.Predicate}, err
	})
}

// decimalArg passes a decimal as its exact text, or NULL.
func decimalArg(d *iku.Decimal) any {
	if d == nil {
		return nil
	}
	return d.String()
}

// quarterStart is the first day of a quarter: indicators.valid_from.
func quarterStart(q iku.Quarter) string {
	return fmt.Sprintf("%04d-%02d-01", q.Year, (q.Q-1)*3+1)
}

// quarterEnd is the last day of a quarter: indicators.valid_to.
func quarterEnd(q iku.Quarter) string {
	days := [...]int{0, 31, 30, 30, 31}
	return fmt.Sprintf("%04d-%02d-%02d", q.Year, q.Q*3, days[q.Q])
}
