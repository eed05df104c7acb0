package postgres_test

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// open opens a Source on dsn, closed when the test ends.
func open(t testing.TB, dsn string) *postgres.Source {
	t.Helper()
	src, err := postgres.Open(testContext(t), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { src.Close() })
	return src
}

// migrated creates a fresh database with the reference schema and returns
// its DSN and an open Source on it.
func migrated(t testing.TB) (string, *postgres.Source) {
	t.Helper()
	dsn := pgtest.New(t)
	src := open(t, dsn)
	if _, err := postgres.Migrate(testContext(t), src.DB()); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	return dsn, src
}

// seeded is migrated plus Seed(city).
func seeded(t testing.TB, city *demo.City) (string, *postgres.Source) {
	t.Helper()
	dsn, src := migrated(t)
	if err := postgres.Seed(testContext(t), src.DB(), city, postgres.SeedOptions{}); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	return dsn, src
}

// exec runs statements as the database's owner (the test superuser).
func exec(t testing.TB, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(testContext(t), query, args...); err != nil {
		t.Fatalf("%s: %v", strings.TrimSpace(query), err)
	}
}

func dec(s string) *iku.Decimal { return iku.DecimalPtr(s) }

// fixture is a small city that exercises every rule of publik.results.
// Everything is listed in code order, the order Load returns.
func fixture() *demo.City {
	q := iku.MustQuarter
	to := q("2025-Q4")
	return &demo.City{
		Sectors: []iku.Sector{
			{Slug: "kesehatan", Code: "1.02", Name: "Kesehatan"},
			{Slug: "pariwisata", Code: "3.26", Name: "Pariwisata"},
		},
		Agencies: []iku.Agency{
			{Slug: "dinas-kesehatan", Code: "1.02.01", Name: "Dinas Kesehatan", ShortName: "Dinkes", Kind: "dinas", SectorSlug: "kesehatan"},
			{Slug: "rsud", Code: "1.02.02", Name: "RSUD Dr. Tengku Mansyur", ShortName: "RSUD", Kind: "rsud", SectorSlug: "kesehatan"},
			{Slug: "disporapar", Code: "3.26.01", Name: "Dinas Pemuda, Olahraga dan Pariwisata", ShortName: "Disporapar", Kind: "dinas", SectorSlug: "pariwisata"},
		},
		Predicates: []iku.Predicate{
			{AgencySlug: "dinas-kesehatan", Year: 2024, Predicate: "Baik"},
			{AgencySlug: "dinas-kesehatan", Year: 2025, Predicate: "Butuh Perbaikan"},
			{AgencySlug: "rsud", Year: 2025, Predicate: "Istimewa"},
		},
		Indicators: []iku.Indicator{
			{
				Slug: "persalinan-di-faskes", Code: "1.02.01.01", AgencySlug: "dinas-kesehatan", SectorSlug: "kesehatan",
				Name: "Persentase persalinan di fasilitas kesehatan", Unit: "%", Polarity: iku.Positive,
				Consolidation: iku.Average, Decimals: 2, Multiplier: iku.MustDecimal("100"),
				MinValue: dec("0"), MaxValue: dec("100"), Definition: "Persalinan di faskes dibagi seluruh persalinan.",
				Formula: "faskes / semua × 100", Source: "Dinas Kesehatan", Verification: "Laporan bulanan puskesmas",
				Limitations: "Persalinan di luar kota tidak tercatat.", Frequency: iku.Quarterly, ValidFrom: q("2021-Q1"),
			},
			{
				Slug: "kasus-gizi-buruk", Code: "1.02.01.02", AgencySlug: "dinas-kesehatan", SectorSlug: "kesehatan",
				Name: "Jumlah kasus gizi buruk", Unit: "kasus", Polarity: iku.Negative, Consolidation: iku.Sum,
				Multiplier: iku.MustDecimal("1"), Frequency: iku.Quarterly, ValidFrom: q("2021-Q1"), ValidTo: &to,
			},
			{
				Slug: "waktu-tunggu-rawat-jalan", Code: "1.02.02.01", AgencySlug: "rsud", SectorSlug: "kesehatan",
				Name: "Rata-rata waktu tunggu rawat jalan", Unit: "menit", Polarity: iku.Negative,
				Consolidation: iku.Average, Decimals: 2, Multiplier: iku.MustDecimal("1"),
				Frequency: iku.Quarterly, ValidFrom: q("2024-Q1"),
			},
			{
				Slug: "ikm-rsud", Code: "1.02.02.02", AgencySlug: "rsud", SectorSlug: "kesehatan",
				Name: "Indeks Kepuasan Masyarakat", Unit: "IKM", Polarity: iku.Positive, Consolidation: iku.Last,
				Decimals: 2, Multiplier: iku.MustDecimal("1"), MinValue: dec("25"), MaxValue: dec("100"),
				Frequency: iku.Quarterly, ValidFrom: q("2024-Q1"),
			},
			{
				Slug: "kunjungan-wisata", Code: "3.26.01.01", AgencySlug: "disporapar", SectorSlug: "pariwisata",
				Name: "Jumlah kunjungan wisatawan", Unit: "ribu kunjungan", Polarity: iku.Positive,
				Consolidation: iku.Sum, Decimals: 2, Multiplier: iku.MustDecimal("1"),
				Frequency: iku.Annual, ValidFrom: q("2024-Q1"),
			},
		},
		Targets: []iku.Target{
			{IndicatorSlug: "persalinan-di-faskes", Year: 2025, Value: iku.MustDecimal("95.00")},
			{IndicatorSlug: "kasus-gizi-buruk", Year: 2025, Value: iku.MustDecimal("0")},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", Year: 2025, Value: iku.MustDecimal("60")},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", Year: 2025, Quarter: 1, Basis: iku.PerQuarter, Value: iku.MustDecimal("70")},
			{IndicatorSlug: "ikm-rsud", Year: 2025, Value: iku.MustDecimal("80.00"), High: dec("90.00")},
			{IndicatorSlug: "kunjungan-wisata", Year: 2025, Value: iku.MustDecimal("120")},
			{IndicatorSlug: "kunjungan-wisata", Year: 2025, Quarter: 1, Basis: iku.Cumulative, Value: iku.MustDecimal("30.5")},
			{IndicatorSlug: "kunjungan-wisata", Year: 2025, Quarter: 2, Basis: iku.Cumulative, Value: iku.MustDecimal("61.0")},
		},
		ServiceUnits: []demo.ServiceUnit{
			{Slug: "puskesmas-kampung-baru", AgencySlug: "dinas-kesehatan", Name: "Puskesmas Kampung Baru", Kind: "puskesmas"},
			{Slug: "puskesmas-teluk-nibung", AgencySlug: "dinas-kesehatan", Name: "Puskesmas Teluk Nibung", Kind: "puskesmas"},
			{Slug: "poli-anak", AgencySlug: "rsud", Name: "Poliklinik Anak", Kind: "poliklinik"},
			{Slug: "poli-bedah", AgencySlug: "rsud", Name: "Poliklinik Bedah", Kind: "poliklinik"},
			{Slug: "pelabuhan-teluk-nibung", AgencySlug: "disporapar", Name: "Pelabuhan Teluk Nibung", Kind: "destinasi"},
			{Slug: "pulau-baswesen", AgencySlug: "disporapar", Name: "Pulau Baswesen", Kind: "destinasi"},
		},
		Measurements: []demo.Measurement{
			// 2025-Q1 waiting time: poli anak 10 patients × 60 min, poli
			// bedah 20 patients × 15 min. Mean of means 37.5; weighted 30.00.
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", UnitSlug: "poli-anak", Year: 2025, Month: 1, Numerator: dec("600"), Denominator: dec("10"), Verified: true},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", UnitSlug: "poli-bedah", Year: 2025, Month: 2, Numerator: dec("300"), Denominator: dec("20"), Verified: true},
			// 2025-Q2: 1 / 8 = 0.125 rounds half away from zero to 0.13,
			// one month not verified: provisional.
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", UnitSlug: "poli-anak", Year: 2025, Month: 4, Numerator: dec("1"), Denominator: dec("5"), Verified: true},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", UnitSlug: "poli-anak", Year: 2025, Month: 6, Numerator: dec("0"), Denominator: dec("3"), Verified: false},
			// 2025-Q3: no patients at all: the denominator is 0, no actual.
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", UnitSlug: "poli-bedah", Year: 2025, Month: 7, Numerator: dec("0"), Denominator: dec("0"), Verified: true},
			// Births: 45 of 60 → 75.00 %, numerator scale kept (45.0).
			{IndicatorSlug: "persalinan-di-faskes", UnitSlug: "puskesmas-kampung-baru", Year: 2025, Month: 3, Numerator: dec("40.0"), Denominator: dec("50"), Verified: true},
			{IndicatorSlug: "persalinan-di-faskes", UnitSlug: "puskesmas-teluk-nibung", Year: 2025, Month: 3, Numerator: dec("5"), Denominator: dec("10"), Verified: true},
			// Visits in thousands: 12.50 + 3 = 15.50 (the largest scale);
			// 1.5 + 2.25 = 3.75.
			{IndicatorSlug: "kunjungan-wisata", UnitSlug: "pelabuhan-teluk-nibung", Year: 2025, Month: 1, Value: dec("12.50"), Verified: true},
			{IndicatorSlug: "kunjungan-wisata", UnitSlug: "pulau-baswesen", Year: 2025, Month: 2, Value: dec("3"), Verified: true},
			{IndicatorSlug: "kunjungan-wisata", UnitSlug: "pelabuhan-teluk-nibung", Year: 2025, Month: 4, Value: dec("1.5"), Verified: true},
			{IndicatorSlug: "kunjungan-wisata", UnitSlug: "pulau-baswesen", Year: 2025, Month: 5, Value: dec("2.25"), Verified: true},
			// 2025-Q3: a row with no value yet: the quarter exists, no actual.
			{IndicatorSlug: "kunjungan-wisata", UnitSlug: "pulau-baswesen", Year: 2025, Month: 8, Verified: false},
		},
		Entries: []demo.Entry{
			{IndicatorSlug: "kasus-gizi-buruk", Quarter: q("2025-Q1"), Value: dec("0")},
			{IndicatorSlug: "kasus-gizi-buruk", Quarter: q("2025-Q2"), Value: dec("2"), Provisional: true},
			{IndicatorSlug: "ikm-rsud", Quarter: q("2025-Q1"), Value: dec("82.40"), Numerator: dec("741.6"), Denominator: dec("9")},
			{IndicatorSlug: "ikm-rsud", Quarter: q("2025-Q2"), Provisional: true}, // created, not filled in
		},
		Employees: []demo.Employee{
			demo.Canary,
			{NIP: "198502022010012001", Name: "Pegawai Fiktif Satu", AgencySlug: "rsud", Position: "Perawat"},
		},
		Ratings: []demo.Rating{
			{NIP: demo.Canary.NIP, Year: 2025, Score: iku.MustDecimal("87.25"), Predicate: "Baik"},
			{NIP: "198502022010012001", Year: 2025, Score: iku.MustDecimal("91.50"), Predicate: "Sangat Baik"},
		},
	}
}

// byCode puts a Dataset in the order Load gives: sectors, agencies and
// indicators by code (then slug), targets and results by their indicator's
// position, then year and quarter (annual targets first).
func byCode(ds *iku.Dataset) {
	slices.SortStableFunc(ds.Sectors, func(a, b iku.Sector) int { return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Slug, b.Slug)) })
	slices.SortStableFunc(ds.Agencies, func(a, b iku.Agency) int { return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Slug, b.Slug)) })
	slices.SortStableFunc(ds.Predicates, func(a, b iku.Predicate) int {
		return cmp.Or(cmp.Compare(a.AgencySlug, b.AgencySlug), cmp.Compare(a.Year, b.Year))
	})
	slices.SortStableFunc(ds.Indicators, func(a, b iku.Indicator) int { return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Slug, b.Slug)) })
	pos := map[string]int{}
	for i, ind := range ds.Indicators {
		pos[ind.Slug] = i
	}
	slices.SortStableFunc(ds.Targets, func(a, b iku.Target) int {
		return cmp.Or(cmp.Compare(pos[a.IndicatorSlug], pos[b.IndicatorSlug]), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Quarter, b.Quarter))
	})
	slices.SortStableFunc(ds.Results, func(a, b iku.Result) int {
		return cmp.Or(cmp.Compare(pos[a.IndicatorSlug], pos[b.IndicatorSlug]), cmp.Compare(a.Quarter.Index(), b.Quarter.Index()))
	})
	slices.SortStableFunc(ds.UnitResults, func(a, b iku.UnitResult) int {
		return cmp.Or(cmp.Compare(pos[a.IndicatorSlug], pos[b.IndicatorSlug]), cmp.Compare(a.UnitSlug, b.UnitSlug), cmp.Compare(a.Quarter.Index(), b.Quarter.Index()))
	})
}

// diffDatasets lists every difference between two Datasets, table by table
// and row by row, with decimals shown as their exact text.
func diffDatasets(got, want *iku.Dataset) []string {
	var diffs []string
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for f := 0; f < gv.NumField(); f++ {
		table := gv.Type().Field(f).Name
		g, w := gv.Field(f), wv.Field(f)
		if g.Kind() != reflect.Slice {
			continue // Fictitious: the database does not record it
		}
		if g.Len() != w.Len() {
			diffs = append(diffs, fmt.Sprintf("%s: got %d rows, want %d", table, g.Len(), w.Len()))
		}
		for i := 0; i < min(g.Len(), w.Len()); i++ {
			gr, wr := g.Index(i), w.Index(i)
			for c := 0; c < gr.NumField(); c++ {
				gc, wc := gr.Field(c).Interface(), wr.Field(c).Interface()
				if !reflect.DeepEqual(gc, wc) {
					diffs = append(diffs, fmt.Sprintf("%s[%d] %s: %s = %s; want %s",
						table, i, rowKey(gr), gr.Type().Field(c).Name, show(gc), show(wc)))
				}
			}
		}
	}
	return diffs
}

func rowKey(row reflect.Value) string {
	switch r := row.Interface().(type) {
	case iku.Target:
		return fmt.Sprintf("(%s %d q%d)", r.IndicatorSlug, r.Year, r.Quarter)
	case iku.Result:
		return fmt.Sprintf("(%s %s)", r.IndicatorSlug, r.Quarter)
	case iku.UnitResult:
		return fmt.Sprintf("(%s %s %s)", r.IndicatorSlug, r.UnitSlug, r.Quarter)
	case iku.Predicate:
		return fmt.Sprintf("(%s %d)", r.AgencySlug, r.Year)
	}
	if f := row.FieldByName("Slug"); f.IsValid() {
		return fmt.Sprintf("(%s)", f.String())
	}
	return ""
}

func show(v any) string {
	switch d := v.(type) {
	case *iku.Decimal:
		if d == nil {
			return "nil"
		}
		return fmt.Sprintf("%q", d.String())
	case iku.Decimal:
		return fmt.Sprintf("%q", d.String())
	case *iku.Quarter:
		if d == nil {
			return "nil"
		}
		return d.String()
	}
	return fmt.Sprintf("%#v", v)
}

// wantError checks an error's kind and that its message (one sentence for
// the user) contains every fragment.
func wantError(t *testing.T, err error, kind iku.Kind, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want a %s error containing %q", kind, fragments)
	}
	msg := iku.ErrorMessage(err)
	t.Logf("%s: %s", iku.ErrorKind(err), msg)
	if got := iku.ErrorKind(err); got != kind {
		t.Errorf("kind = %s; want %s (message %q, cause %v)", got, kind, msg, err)
	}
	for _, f := range fragments {
		if !strings.Contains(msg, f) {
			t.Errorf("message %q lacks %q", msg, f)
		}
	}
	for _, bad := range []string{"pq:", "SQLSTATE", "goroutine", "(42", "(28", "(57", "(3D", "(3F"} {
		if strings.Contains(msg, bad) {
			t.Errorf("message %q shows %q to the user", msg, bad)
		}
	}
	if strings.Count(strings.TrimSuffix(msg, "."), ". ") > 0 {
		t.Errorf("message %q is more than one sentence", msg)
	}
}
