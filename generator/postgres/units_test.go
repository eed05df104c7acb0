package postgres_test

import (
	"fmt"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// publik.unit_results (migration 0011) consolidates each unit's quarter by
// the indicator's rule, as publik.results does the agency's: a weighted
// mean per polyclinic, a sum of visits per destination, a last indicator
// over the quarter's latest month; it carries the count behind each value
// (Σ denominator, or the value of a sum), the unit's kind, kecamatan,
// agency and English name, and the units of a quarter add up to the
// agency's result.
func TestLoadUnitResults(t *testing.T) {
	t.Parallel()
	city := fixture()
	city.Agencies = append(city.Agencies, iku.Agency{Slug: "kecamatan-teluk-nibung", Code: "7.01.06",
		Name: "Kecamatan Teluk Nibung", ShortName: "Kec. Teluk Nibung", Kind: "kecamatan", SectorSlug: "kesehatan"})
	for i := range city.ServiceUnits {
		if u := &city.ServiceUnits[i]; u.Slug == "pelabuhan-teluk-nibung" || u.Slug == "puskesmas-teluk-nibung" {
			u.KecamatanSlug, u.NameEN = "kecamatan-teluk-nibung", "Teluk Nibung "+u.Kind
		}
	}
	city.Indicators = append(city.Indicators, iku.Indicator{
		Slug: "tempat-tidur", Code: "1.02.01.03", AgencySlug: "dinas-kesehatan", SectorSlug: "kesehatan",
		Name: "Tempat tidur", Unit: "unit", Polarity: iku.Positive, Consolidation: iku.Last, Frequency: iku.Quarterly,
		Multiplier: iku.MustDecimal("1"), ValidFrom: iku.MustQuarter("2021-Q1"),
	})
	city.Measurements = append(city.Measurements,
		// The indicator's latest month of the quarter is February: the
		// unit that reported only in January has a row without a value.
		demo.Measurement{IndicatorSlug: "tempat-tidur", UnitSlug: "puskesmas-kampung-baru", Year: 2025, Month: 1, Value: dec("10"), Verified: true},
		demo.Measurement{IndicatorSlug: "tempat-tidur", UnitSlug: "puskesmas-teluk-nibung", Year: 2025, Month: 2, Value: dec("5"), Verified: true},
	)
	_, src := seeded(t, city)
	ds, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	got := map[string]string{}
	for _, r := range ds.UnitResults {
		got[r.IndicatorSlug+" "+r.UnitSlug+" "+r.Quarter.String()] = fmt.Sprintf("%s %s/%s n=%s %v",
			text(r.Actual), text(r.Numerator), text(r.Denominator), text(r.Count), r.Provisional)
	}
	for key, want := range map[string]string{
		"waktu-tunggu-rawat-jalan poli-anak 2025-Q1":          "60.00 600/10 n=10 false",
		"waktu-tunggu-rawat-jalan poli-bedah 2025-Q1":         "15.00 300/20 n=20 false", // the agency: 30.00 = 900/30
		"waktu-tunggu-rawat-jalan poli-anak 2025-Q2":          "0.13 1/8 n=8 true",       // 0.125 half away from zero; June unverified
		"waktu-tunggu-rawat-jalan poli-bedah 2025-Q3":         "nil 0/0 n=0 false",       // no patients: no value
		"kunjungan-wisata pelabuhan-teluk-nibung 2025-Q1":     "12.50 nil/nil n=12.50 false",
		"kunjungan-wisata pulau-baswesen 2025-Q3":             "nil nil/nil n=nil true",
		"persalinan-di-faskes puskesmas-teluk-nibung 2025-Q1": "50.00 5/10 n=10 false",
		"tempat-tidur puskesmas-kampung-baru 2025-Q1":         "nil nil/nil n=nil false", // January does not count
		"tempat-tidur puskesmas-teluk-nibung 2025-Q1":         "5 nil/nil n=5 false",
	} {
		if got[key] != want {
			t.Errorf("unit result %s = %q; want %q", key, got[key], want)
		}
	}
	if len(ds.UnitResults) != 13 {
		t.Errorf("Load gave %d unit results; want 13 (one per unit and quarter with measurements)", len(ds.UnitResults))
	}
	units := map[string]iku.ServiceUnit{}
	for _, u := range ds.Units {
		units[u.Slug] = u
	}
	if u := units["pelabuhan-teluk-nibung"]; u.Kind != "destinasi" || u.AgencySlug != "disporapar" ||
		u.KecamatanSlug != "kecamatan-teluk-nibung" || u.Name != "Pelabuhan Teluk Nibung" || u.NameEN != "Teluk Nibung destinasi" {
		t.Errorf("unit pelabuhan-teluk-nibung = %+v; want kind destinasi, agency disporapar, kecamatan-teluk-nibung, its names", u)
	}
	if u := units["poli-anak"]; u.KecamatanSlug != "" || u.NameEN != "" {
		t.Errorf("unit poli-anak = %+v; want no kecamatan and no English name", u)
	}
	if len(ds.Units) != 6 {
		t.Errorf("Load gave %d units; want the 6 with measurements", len(ds.Units))
	}
}
