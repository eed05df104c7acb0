package postgres_test

import (
	"fmt"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

// cumulativeCity is the fixture with two indicators written as a running
// total since January (consolidation cumulative): one measured monthly by
// the puskesmas, one entered per quarter by the agency.
func cumulativeCity() *demo.City {
	city := fixture()
	ind := func(slug, code string) iku.Indicator {
		return iku.Indicator{
			Slug: slug, Code: code, AgencySlug: "dinas-kesehatan", SectorSlug: "kesehatan",
			Name: slug, Unit: "%", Polarity: iku.Positive, Consolidation: iku.RunningTotal, Frequency: iku.Quarterly,
			Decimals: 1, Multiplier: iku.MustDecimal("100"), ValidFrom: iku.MustQuarter("2025-Q1"),
		}
	}
	m := func(unit string, month int, num, den string) demo.Measurement {
		return demo.Measurement{IndicatorSlug: "hipertensi", UnitSlug: unit, Year: 2025, Month: month,
			Numerator: dec(num), Denominator: dec(den), Verified: true}
	}
	city.Indicators = append(city.Indicators, ind("hipertensi", "1.02.01.05"), ind("serapan-anggaran", "1.02.01.06"))
	city.Targets = append(city.Targets,
		iku.Target{IndicatorSlug: "hipertensi", Year: 2025, Value: iku.MustDecimal("80.0")},
		iku.Target{IndicatorSlug: "serapan-anggaran", Year: 2025, Value: iku.MustDecimal("95.0")})
	city.Measurements = append(city.Measurements,
		// Patients served since January, of the year's estimate: the
		// quarter's value is its latest month's running total.
		m("puskesmas-kampung-baru", 1, "10", "100"), m("puskesmas-kampung-baru", 2, "18", "100"),
		m("puskesmas-kampung-baru", 3, "25", "100"), m("puskesmas-teluk-nibung", 3, "12", "50"),
		m("puskesmas-kampung-baru", 6, "52", "100"), m("puskesmas-teluk-nibung", 6, "24", "50"),
	)
	city.Entries = append(city.Entries,
		demo.Entry{IndicatorSlug: "serapan-anggaran", Quarter: iku.MustQuarter("2025-Q1"), Value: dec("21.5")},
		demo.Entry{IndicatorSlug: "serapan-anggaran", Quarter: iku.MustQuarter("2025-Q2"), Value: dec("46.0")})
	return city
}

// The reference schema takes consolidation cumulative (migration 0009),
// publik.results gives a measured running total its quarter's latest
// month, and the Dataset read from the views evaluates it as progress
// before Q4.
func TestLoadCumulative(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, cumulativeCity())
	ds, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	got := map[string]string{}
	for _, ind := range ds.Indicators {
		got[ind.Slug] = string(ind.Consolidation)
	}
	for _, r := range ds.Results {
		if r.Actual != nil {
			got[r.IndicatorSlug+" "+r.Quarter.String()] = fmt.Sprintf("%s %s/%s", r.Actual, text(r.Numerator), text(r.Denominator))
		}
	}
	for key, want := range map[string]string{
		"hipertensi":               "cumulative",
		"serapan-anggaran":         "cumulative",
		"hipertensi 2025-Q1":       "24.7 37/150", // March only: (25 + 12) / (100 + 50)
		"hipertensi 2025-Q2":       "50.7 76/150", // June only
		"serapan-anggaran 2025-Q2": "46.0 nil/nil",
	} {
		if got[key] != want {
			t.Errorf("%s = %q; want %q", key, got[key], want)
		}
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{Latest: iku.MustQuarter("2025-Q2")})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	for _, ir := range rep.Indicators {
		if ir.Indicator.Slug != "hipertensi" {
			continue
		}
		ev := ir.Latest()
		if ev.Status != iku.StatusInProgress || ev.Basis != iku.BasisAnnualProgress || text(ev.Achievement) != "63.38" {
			t.Errorf("hipertensi 2025-Q2: %s %s %s; want in_progress annual_progress 63.38 (50.7 of 80)", ev.Status, ev.Basis, text(ev.Achievement))
		}
	}
}

// The database refuses a consolidation code it does not know.
func TestSeedRefusesUnknownConsolidation(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	city := fixture()
	city.Indicators[0].Consolidation = "median"
	err := postgres.Seed(testContext(t), src.DB(), city, postgres.SeedOptions{})
	wantError(t, err, iku.Invalid, "seeding kinerja.indicators was refused by the database", "indicators_consolidation_check")
}

// A city's view that returns a code kinerja does not know is refused with
// a sentence naming the allowed codes.
func TestLoadUnknownConsolidation(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	exec(t, src.DB(), `ALTER TABLE kinerja.indicators DROP CONSTRAINT indicators_consolidation_check`)
	exec(t, src.DB(), `UPDATE kinerja.indicators SET consolidation = 'median' WHERE slug = 'ikm-rsud'`)
	_, err := src.Load(testContext(t))
	wantError(t, err, iku.Invalid, `"median"`, "sum, average, last or cumulative")
}

// A database migrated before 0009, with data, takes the migration: its
// rows stay, and cumulative is allowed afterwards.
func TestMigrateCumulativeOverExistingData(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	src := open(t, pgtest.New(t))
	ms, err := postgres.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	exec(t, src.DB(), `CREATE SCHEMA kinerja; CREATE TABLE kinerja.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
	n := 0
	for _, m := range ms {
		if m.Version >= 9 {
			break
		}
		exec(t, src.DB(), m.SQL)
		exec(t, src.DB(), `INSERT INTO kinerja.schema_migrations (version) VALUES ($1)`, m.Version)
		n++
	}
	if n != 8 {
		t.Fatalf("applied %d migrations before 0009; want 8", n)
	}
	if err := postgres.Seed(ctx, src.DB(), fixture(), postgres.SeedOptions{}); err != nil {
		t.Fatalf("Seed at version 8: %v", err)
	}
	applied, err := postgres.Migrate(ctx, src.DB())
	if err != nil {
		t.Fatalf("Migrate from version 8: %v", err)
	}
	if applied != len(ms)-8 {
		t.Errorf("Migrate applied %d; want %d", applied, len(ms)-8)
	}
	exec(t, src.DB(), `UPDATE kinerja.indicators SET consolidation = 'cumulative' WHERE slug = 'ikm-rsud'`)
	ds, err := src.Load(ctx)
	if err != nil {
		t.Fatalf("Load after the migration: %v", err)
	}
	if len(ds.Indicators) != len(fixture().Indicators) || len(ds.Results) == 0 {
		t.Errorf("after the migration: %d indicators, %d results; want the fixture's", len(ds.Indicators), len(ds.Results))
	}
	for _, ind := range ds.Indicators {
		if ind.Slug == "ikm-rsud" && ind.Consolidation != iku.RunningTotal {
			t.Errorf("ikm-rsud consolidation = %q; want cumulative", ind.Consolidation)
		}
	}
}

func text(d *iku.Decimal) string {
	if d == nil {
		return "nil"
	}
	return d.String()
}
