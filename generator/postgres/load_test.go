package postgres_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The fixture through the database gives what the Go aggregation of the
// demo package gives, and what DOMAIN.md says, value by value.
func TestLoadFixture(t *testing.T) {
	t.Parallel()
	city := fixture()
	_, src := seeded(t, city)
	got, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	want := city.Dataset()
	byCode(want)
	for _, d := range diffDatasets(got, want) {
		t.Error("SQL views and demo.Dataset disagree: " + d)
	}

	results := map[string]iku.Result{}
	for _, r := range got.Results {
		results[r.IndicatorSlug+" "+r.Quarter.String()] = r
	}
	text := func(d *iku.Decimal) string {
		if d == nil {
			return "nil"
		}
		return d.String()
	}
	for _, tc := range []struct {
		key              string
		actual, num, den string
		provisional      bool
	}{
		{"waktu-tunggu-rawat-jalan 2025-Q1", "30.00", "900", "30", false}, // weighted, not (60+15)/2
		{"waktu-tunggu-rawat-jalan 2025-Q2", "0.13", "1", "8", true},      // 0.125 half away from zero
		{"waktu-tunggu-rawat-jalan 2025-Q3", "nil", "0", "0", false},      // no patients: no actual
		{"persalinan-di-faskes 2025-Q1", "75.00", "45.0", "60", false},    // × multiplier 100
		{"kunjungan-wisata 2025-Q1", "15.50", "nil", "nil", false},        // 12.50 + 3 keeps scale 2
		{"kunjungan-wisata 2025-Q2", "3.75", "nil", "nil", false},
		{"kunjungan-wisata 2025-Q3", "nil", "nil", "nil", true}, // recorded, no value
		{"kasus-gizi-buruk 2025-Q1", "0", "nil", "nil", false},
		{"kasus-gizi-buruk 2025-Q2", "2", "nil", "nil", true},
		{"ikm-rsud 2025-Q1", "82.40", "741.6", "9", false}, // entries as stored
		{"ikm-rsud 2025-Q2", "nil", "nil", "nil", true},    // NULL value: not reported
	} {
		r, ok := results[tc.key]
		if !ok {
			t.Errorf("no result for %s", tc.key)
			continue
		}
		if text(r.Actual) != tc.actual || text(r.Numerator) != tc.num || text(r.Denominator) != tc.den || r.Provisional != tc.provisional {
			t.Errorf("result %s = actual %s, numerator %s, denominator %s, provisional %v; want %s, %s, %s, %v",
				tc.key, text(r.Actual), text(r.Numerator), text(r.Denominator), r.Provisional,
				tc.actual, tc.num, tc.den, tc.provisional)
		}
	}
	if len(got.Results) != 11 {
		t.Errorf("Load gave %d results; want 11 (no rows invented for quarters without data)", len(got.Results))
	}

	targets := map[string]iku.Target{}
	for _, tg := range got.Targets {
		targets[tg.IndicatorSlug] = tg // the last of each: fine for these checks
	}
	if tg := got.Targets[1]; tg.IndicatorSlug != "kasus-gizi-buruk" || tg.Value.String() != "0" {
		t.Errorf("zero target = %+v; want kasus-gizi-buruk with value text \"0\"", tg)
	}
	if tg := targets["ikm-rsud"]; tg.Value.String() != "80.00" || tg.High == nil || tg.High.String() != "90.00" {
		t.Errorf("range target = %s–%s; want 80.00–90.00", tg.Value, show(tg.High))
	}
	ind := got.Indicators[1]
	if ind.ValidTo == nil || ind.ValidTo.String() != "2025-Q4" || ind.ValidFrom.String() != "2021-Q1" {
		t.Errorf("indicator %s valid %s to %s; want 2021-Q1 to 2025-Q4", ind.Slug, ind.ValidFrom, show(ind.ValidTo))
	}
}

// The demo city through the database equals the demo package's own Go
// aggregation: the SQL views and demo.Dataset agree on every row.
func TestLoadDemoEqualsDatasetOfDemo(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, demo.Tanjungbalai())
	got, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	// The demo lists everything in the views' order, so the comparison
	// includes the order of every table.
	want := demo.Tanjungbalai().Dataset()
	diffs := diffDatasets(got, want)
	for i, d := range diffs {
		if i == 30 {
			t.Errorf("… and %d more differences", len(diffs)-i)
			break
		}
		t.Error("SQL views and demo.Dataset disagree: " + d)
	}
	if len(got.Indicators) == 0 || len(got.Results) == 0 {
		t.Errorf("Load gave %d indicators and %d results; want the demo's", len(got.Indicators), len(got.Results))
	}
}

func TestLoadTakesASnapshotReadOnly(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	ctx := testContext(t)
	// A Load that wrote would fail in its READ ONLY transaction: check the
	// transaction mode the server saw, through a view of our own.
	exec(t, src.DB(), `CREATE OR REPLACE VIEW publik.sectors AS
		SELECT s.slug, s.code, s.name || ' [' || current_setting('transaction_isolation') || ' ' || current_setting('transaction_read_only') || ']' AS name,
		       s.name_en
		FROM kinerja.sectors s`)
	ds, err := src.Load(ctx)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := ds.Sectors[0].Name; !strings.HasSuffix(got, "[repeatable read on]") {
		t.Errorf("Load read publik.sectors in %q; want a repeatable read, read only transaction", got)
	}
}

// A scale city (quarterly entries of sum, average and last indicators, some
// not reported) through the database equals its Go aggregation too.
func TestLoadScaleEqualsDatasetOfScale(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, scaleCity(400))
	got, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := scaleCity(400).Dataset()
	byCode(want)
	for i, d := range diffDatasets(got, want) {
		if i == 30 {
			t.Error("… and more differences")
			break
		}
		t.Error("SQL views and demo.Dataset disagree: " + d)
	}
}

// Rules the demo never exercises (its Dataset refuses them), for cities with
// their own data: a last indicator measured monthly takes the quarter's
// latest month, and measurements win over an entry for the same quarter.
func TestLoadLastFromMeasurementsAndPrecedence(t *testing.T) {
	t.Parallel()
	city := fixture()
	ind := func(slug, code string) iku.Indicator {
		return iku.Indicator{
			Slug: slug, Code: code, AgencySlug: "dinas-kesehatan", SectorSlug: "kesehatan",
			Name: slug, Unit: "%", Polarity: iku.Positive, Consolidation: iku.Last, Frequency: iku.Quarterly,
			Decimals: 1, Multiplier: iku.MustDecimal("100"), ValidFrom: iku.MustQuarter("2021-Q1"),
		}
	}
	m := func(slug, unit string, month int, value, num, den string, verified bool) demo.Measurement {
		ms := demo.Measurement{IndicatorSlug: slug, UnitSlug: unit, Year: 2025, Month: month, Verified: verified}
		if value != "" {
			ms.Value = dec(value)
		}
		if num != "" {
			ms.Numerator, ms.Denominator = dec(num), dec(den)
		}
		return ms
	}
	city.Indicators = append(city.Indicators, ind("tempat-tidur", "1.02.01.03"), ind("rumah-sehat", "1.02.01.04"))
	city.Measurements = append(city.Measurements,
		// A stock: the latest month (February) of the quarter, over units.
		m("tempat-tidur", "puskesmas-kampung-baru", 1, "10", "", "", false),
		m("tempat-tidur", "puskesmas-kampung-baru", 2, "12", "", "", true),
		m("tempat-tidur", "puskesmas-teluk-nibung", 2, "5", "", "", true),
		// A share: June's 40 of 50, × 100, one decimal.
		m("rumah-sehat", "puskesmas-kampung-baru", 4, "", "50", "100", true),
		m("rumah-sehat", "puskesmas-kampung-baru", 6, "", "30", "40", true),
		m("rumah-sehat", "puskesmas-teluk-nibung", 6, "", "10", "10", true),
	)
	city.Entries = append(city.Entries, demo.Entry{IndicatorSlug: "kunjungan-wisata", Quarter: iku.MustQuarter("2025-Q1"), Value: dec("999")})

	_, src := seeded(t, city)
	ds, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	text := func(d *iku.Decimal) string {
		if d == nil {
			return "nil"
		}
		return d.String()
	}
	got := map[string]string{}
	for _, r := range ds.Results {
		got[r.IndicatorSlug+" "+r.Quarter.String()] = fmt.Sprintf("%s %s %s %v", text(r.Actual), text(r.Numerator), text(r.Denominator), r.Provisional)
	}
	for key, want := range map[string]string{
		"tempat-tidur 2025-Q1":     "17 nil nil true", // provisional: January is not verified
		"rumah-sehat 2025-Q2":      "80.0 40 50 false",
		"kunjungan-wisata 2025-Q1": "15.50 nil nil false", // measured: the entry of 999 is ignored
	} {
		if got[key] != want {
			t.Errorf("result %s = %q; want %q (actual numerator denominator provisional)", key, got[key], want)
		}
	}
}

// The English columns are optional in the contract: a city's views
// without them read, with no English text; with them, the text arrives.
func TestLoadViewsWithoutEnglishColumns(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, demo.Tanjungbalai())
	ds, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if ds.Sectors[0].NameEN == "" {
		t.Errorf("sector %q has no English name; want the demo's", ds.Sectors[0].Slug)
	}
	exec(t, src.DB(), `DROP VIEW publik.sectors`)
	exec(t, src.DB(), `CREATE VIEW publik.sectors AS SELECT slug, code, name FROM kinerja.sectors`)
	exec(t, src.DB(), `DROP VIEW publik.indicators`)
	exec(t, src.DB(), `CREATE VIEW publik.indicators AS
		SELECT i.slug, i.code, a.slug AS agency_slug, s.slug AS sector_slug, i.name, i.unit, i.polarity,
		       i.consolidation, i.decimals, i.multiplier, i.min_value, i.max_value, i.definition, i.formula,
		       i.source, i.verification, i.limitations, i.frequency,
		       to_char(i.valid_from, 'YYYY-"Q"Q') AS valid_from, to_char(i.valid_to, 'YYYY-"Q"Q') AS valid_to
		FROM kinerja.indicators i JOIN kinerja.agencies a ON a.id = i.agency_id JOIN kinerja.sectors s ON s.id = i.sector_id`)
	ds, err = src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load of views without English columns: %v", err)
	}
	for _, ind := range ds.Indicators {
		if ind.NameEN+ind.DefinitionEN+ind.UnitEN != "" {
			t.Fatalf("indicator %q has English text %q from a view without English columns", ind.Slug, ind.NameEN)
		}
	}
	if ds.Sectors[0].NameEN != "" || ds.Agencies[0].NameEN == "" {
		t.Errorf("sector NameEN = %q, agency NameEN = %q; want none for the sector, the agency's from its view", ds.Sectors[0].NameEN, ds.Agencies[0].NameEN)
	}
}
