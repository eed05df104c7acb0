package iku

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	if err := cityDataset().Validate(); err != nil {
		t.Fatalf("Validate(city) = %v; want nil", err)
	}
	// Each edit breaks the city dataset in one way; want is the whole
	// message or, when it ends with "…", its beginning.
	tests := []struct {
		name string
		edit func(ds *Dataset)
		want string
	}{
		{"no indicators", func(ds *Dataset) { ds.Indicators = nil },
			"the dataset has no indicators; load a source whose indicators table has at least one row"},

		// Slugs and names.
		{"duplicate sector", func(ds *Dataset) { ds.Sectors[2].Slug = "kesehatan" },
			`sector "kesehatan" appears twice in the sectors table (rows 1 and 3); give each sector its own slug`},
		{"duplicate agency", func(ds *Dataset) { ds.Agencies[2].Slug = "dinkes" },
			`agency "dinkes" appears twice in the agencies table (rows 1 and 3); give each agency its own slug`},
		{"duplicate indicator", func(ds *Dataset) { ds.Indicators[3].Slug = "kunjungan-wisata" },
			`indicator "kunjungan-wisata" appears twice in the indicators table (rows 1 and 4); give each indicator its own slug`},
		{"empty slug", func(ds *Dataset) { ds.Agencies[1].Slug = "" },
			"row 2 of the agencies table has an empty slug; give every agency a slug"},
		{"blank slug", func(ds *Dataset) { ds.Sectors[0].Slug = "  " },
			"row 1 of the sectors table has an empty slug; give every sector a slug"},
		{"uppercase slug", func(ds *Dataset) { ds.Indicators[0].Slug = "Kunjungan Wisata" },
			`indicator slug "Kunjungan Wisata" (row 1 of the indicators table) is not made of lowercase letters, digits and hyphens; slugs become URLs, so write it like "kunjungan-wisata"`},
		{"underscore in slug", func(ds *Dataset) { ds.Agencies[0].Slug = "dinas_kesehatan" },
			`agency slug "dinas_kesehatan" (row 1 of the agencies table) is not made of lowercase letters, digits and hyphens; slugs become URLs, so write it like "dinas-kesehatan"`},
		{"slash in slug", func(ds *Dataset) { ds.Sectors[0].Slug = "../kesehatan" },
			`sector slug "../kesehatan" (row 1 of the sectors table) is not made of lowercase letters, digits and hyphens; slugs become URLs, so write it like "kesehatan"`},
		{"empty name", func(ds *Dataset) { ds.Indicators[2].Name = "  " },
			`indicator "waktu-tunggu-rawat-jalan" has an empty name; fill in its name`},
		{"empty sector name", func(ds *Dataset) { ds.Sectors[1].Name = "" },
			`sector "pariwisata" has an empty name; fill in its name`},

		// References.
		{"agency → sector", func(ds *Dataset) { ds.Agencies[1].SectorSlug = "kesehatan-x" },
			`agency "rsud" names sector "kesehatan-x", which is not in the sectors table; add the sector or fix sector_slug`},
		{"agency without sector", func(ds *Dataset) { ds.Agencies[1].SectorSlug = "" },
			`agency "rsud" has no sector_slug; set sector_slug to one of the sectors table's slugs`},
		{"indicator → agency", func(ds *Dataset) { ds.Indicators[2].AgencySlug = "rsud-x" },
			`indicator "waktu-tunggu-rawat-jalan" names agency "rsud-x", which is not in the agencies table; add the agency or fix agency_slug`},
		{"indicator → sector", func(ds *Dataset) { ds.Indicators[0].SectorSlug = "wisata" },
			`indicator "kunjungan-wisata" names sector "wisata", which is not in the sectors table; add the sector or fix sector_slug`},
		{"target → indicator", func(ds *Dataset) { ds.Targets[4].IndicatorSlug = "event" },
			`row 5 of the targets table (2025) names indicator "event", which is not in the indicators table; add the indicator or fix indicator_slug`},
		{"result → indicator", func(ds *Dataset) { ds.Results[7].IndicatorSlug = "event" },
			`row 8 of the results table (2025-Q2) names indicator "event", which is not in the indicators table; add the indicator or fix indicator_slug`},
		{"predicate → agency", func(ds *Dataset) { ds.Predicates[0].AgencySlug = "rs" },
			`row 1 of the predicates table (2025) names agency "rs", which is not in the agencies table; add the agency or fix agency_slug`},

		// Indicators.
		{"polarity", func(ds *Dataset) { ds.Indicators[1].Polarity = "higher" },
			`indicator "event-promosi" has polarity "higher"; use positive or negative`},
		{"range is not a polarity", func(ds *Dataset) { ds.Indicators[1].Polarity = "" },
			`indicator "event-promosi" has polarity ""; use positive or negative`},
		{"consolidation", func(ds *Dataset) { ds.Indicators[1].Consolidation = "mean" },
			`indicator "event-promosi" has consolidation "mean"; use sum, average, last or cumulative`},
		{"decimals", func(ds *Dataset) { ds.Indicators[1].Decimals = -1 },
			`indicator "event-promosi" has decimals -1; use 0 to 10`},
		{"multiplier", func(ds *Dataset) { ds.Indicators[2].Multiplier = Decimal{} },
			`average indicator "waktu-tunggu-rawat-jalan" has multiplier 0; set multiplier above 0 (1 for a mean, 100 for a percentage)`},
		{"validity", func(ds *Dataset) { q := MustQuarter("2023-Q4"); ds.Indicators[6].ValidTo = &q },
			`indicator "cakupan-lama" is valid to 2023-Q4, before it is valid from 2024-Q1; fix valid_from or valid_to`},
		{"bounds", func(ds *Dataset) { ds.Indicators[5].MinValue = DecimalPtr("101") },
			`indicator "ikm-puskesmas" has max_value 100 below min_value 101; swap them`},

		// Targets.
		{"quarterly target without basis", func(ds *Dataset) { ds.Targets[3].Basis = "" },
			`the target of indicator "event-promosi" for 2025-Q1 has no basis; set basis to per_quarter or cumulative`},
		{"unknown basis", func(ds *Dataset) { ds.Targets[3].Basis = "ytd" },
			`the target of indicator "event-promosi" for 2025-Q1 has basis "ytd"; use per_quarter or cumulative`},
		{"annual target with basis", func(ds *Dataset) { ds.Targets[0].Basis = Cumulative },
			`the annual target of indicator "kunjungan-wisata" for 2025 has basis "cumulative"; leave basis empty on annual targets`},
		{"target quarter 5", func(ds *Dataset) { ds.Targets[3].Quarter = 5 },
			`the target of indicator "event-promosi" for 2025 has quarter 5; use 0 (or empty) for the annual target, 1 to 4 for a quarter`},
		{"target quarter -1", func(ds *Dataset) { ds.Targets[0].Quarter = -1 },
			`the target of indicator "kunjungan-wisata" for 2025 has quarter -1; …`},
		{"duplicate annual target", func(ds *Dataset) { ds.Targets[1].Year = 2025 },
			`indicator "kunjungan-wisata" has two targets for 2025 (annual); keep one`},
		{"duplicate quarterly target", func(ds *Dataset) { ds.Targets[4].Quarter = 1 },
			`indicator "event-promosi" has two targets for 2025-Q1; keep one`},
		{"range upside down", func(ds *Dataset) { ds.Targets[12].High = DecimalPtr("50") },
			`the target of indicator "bor-rsud" for 2025 (annual) is the range 60 to 50, whose upper bound is below its lower bound; swap value and value_high`},

		// Results.
		{"result quarter 0", func(ds *Dataset) { ds.Results[0].Quarter.Q = 0 },
			`the result of indicator "kunjungan-wisata" for year 2025 has quarter 0; use 1 to 4`},
		{"result quarter 5", func(ds *Dataset) { ds.Results[0].Quarter.Q = 5 },
			`the result of indicator "kunjungan-wisata" for year 2025 has quarter 5; use 1 to 4`},
		{"result year 0", func(ds *Dataset) { ds.Results[0].Quarter.Year = 0 },
			`the result of indicator "kunjungan-wisata" for quarter 1 has year 0; use a year from 1900 to 9999`},
		{"target year 0", func(ds *Dataset) { ds.Targets[0].Year = 0 },
			`a target of indicator "kunjungan-wisata" has year 0; use a year from 1900 to 9999`},
		{"duplicate result", func(ds *Dataset) { ds.Results[2].Quarter = MustQuarter("2025-Q1") },
			`indicator "kunjungan-wisata" has two results for 2025-Q1; keep one`},
		{"duplicate result, far apart", func(ds *Dataset) {
			ds.Results = append(ds.Results, result("bor-rsud", "2025-Q3", "1"))
		}, `indicator "bor-rsud" has two results for 2025-Q3; keep one`},
		{"unknown predicate", func(ds *Dataset) { ds.Predicates[0].Predicate = "Luar Biasa" },
			`agency "rsud" has the predicate "Luar Biasa" for 2025; use one of Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang (PermenPANRB 6/2022)`},
		{"eleven decimals", func(ds *Dataset) { ds.Indicators[1].Decimals = 11 },
			`indicator "event-promosi" has decimals 11; use 0 to 10`},
		{"multiplier 0", func(ds *Dataset) { ds.Indicators[0].Multiplier = MustDecimal("0") },
			`indicator "kunjungan-wisata" has multiplier 0; leave it empty or set 1 (100 for a percentage)`},
		{"negative denominator", func(ds *Dataset) { ds.Results[13].Denominator = DecimalPtr("-200") },
			`the result of indicator "waktu-tunggu-rawat-jalan" for 2025-Q2 has the negative denominator -200; a denominator counts patients or respondents, so fix the value`},

		// Predicates.
		{"duplicate predicate", func(ds *Dataset) { ds.Predicates[1].Year = 2025 },
			`agency "rsud" has two predicates for 2025; keep one`},

		// Every duplicate at once, not one per run.
		{"two duplicate slugs", func(ds *Dataset) {
			ds.Sectors[2].Slug = "kesehatan"
			ds.Indicators[3].Slug = "kunjungan-wisata"
		}, `2 slugs appear twice: sector "kesehatan" appears twice in the sectors table (rows 1 and 3) and indicator "kunjungan-wisata" appears twice in the indicators table (rows 1 and 4); give each row its own slug`},
		{"three duplicate rows", func(ds *Dataset) {
			ds.Targets[1].Year = 2025
			ds.Results[2].Quarter = MustQuarter("2025-Q1")
			ds.Predicates[1].Year = 2025
		}, `3 rows are duplicates: indicator "kunjungan-wisata" has two targets for 2025 (annual), indicator "kunjungan-wisata" has two results for 2025-Q1 and agency "rsud" has two predicates for 2025; keep one of each`},
	}
	for _, tt := range tests {
		ds := cityDataset()
		tt.edit(ds)
		err := ds.Validate()
		if err == nil {
			t.Errorf("Validate(%s) = nil; want %s", tt.name, tt.want)
			continue
		}
		msg := ErrorMessage(err)
		ok := msg == tt.want
		if prefix, cut := strings.CutSuffix(tt.want, "…"); cut {
			ok = strings.HasPrefix(msg, prefix)
		}
		if !ok || ErrorKind(err) != Invalid {
			t.Errorf("Validate(%s) = %s (kind %s)\n\twant %s (kind invalid)", tt.name, msg, ErrorKind(err), tt.want)
		}
		if strings.Contains(msg, "\n") || strings.Count(msg, "; ") != 1 {
			t.Errorf("Validate(%s) = %q; want one sentence: the problem; the fix", tt.name, msg)
		}
		// Evaluate refuses the same dataset with the same error.
		if _, err2 := Evaluate(ds, DefaultRules(), Options{}); err2 == nil || ErrorMessage(err2) != msg {
			t.Errorf("Evaluate(%s) error = %v; want %s", tt.name, err2, msg)
		}
	}
	var nilDataset *Dataset
	if err := nilDataset.Validate(); ErrorKind(err) != Invalid {
		t.Errorf("(*Dataset)(nil).Validate() = %v; want an invalid error", err)
	}
}
