package iku

import (
	"fmt"
	"strings"
	"testing"
)

// compareDataset: four kecamatan report the same waiting time (lower is
// better, target 10 minutes), two report a PATEN share (too few to
// compare), and a dinas reports a waiting time under another name.
func compareDataset() *Dataset {
	ds := &Dataset{Sectors: []Sector{{Slug: "pemerintahan", Name: "Pemerintahan"}}}
	q := MustQuarter("2026-Q3")
	add := func(agency, kind, name, slug, unit string, pol Polarity, actual string) {
		if len(ds.Agencies) == 0 || ds.Agencies[len(ds.Agencies)-1].Slug != agency {
			ds.Agencies = append(ds.Agencies, Agency{Slug: agency, Name: name, Kind: kind, SectorSlug: "pemerintahan"})
		}
		ind := Indicator{Slug: agency + "-" + slug, AgencySlug: agency, SectorSlug: "pemerintahan", Unit: unit, Polarity: pol,
			Consolidation: Average, Decimals: 1, Multiplier: MustDecimal("1"), Frequency: Quarterly, ValidFrom: MustQuarter("2026-Q1")}
		switch slug {
		case "tunggu":
			ind.Name = "Waktu tunggu layanan " + name
		case "paten":
			ind.Name = "Layanan PATEN " + name + " tepat waktu"
		}
		ds.Indicators = append(ds.Indicators, ind)
		ds.Targets = append(ds.Targets, Target{IndicatorSlug: ind.Slug, Year: 2026, Value: MustDecimal("10")})
		r := Result{IndicatorSlug: ind.Slug, Quarter: q}
		if actual != "" {
			r.Actual = DecimalPtr(actual)
		}
		ds.Results = append(ds.Results, r)
	}
	add("kecamatan-a", "kecamatan", "Kecamatan A", "tunggu", "menit", Negative, "12")
	add("kecamatan-a", "kecamatan", "Kecamatan A", "paten", "%", Positive, "9")
	add("kecamatan-b", "kecamatan", "Kecamatan B", "tunggu", "menit", Negative, "")
	add("kecamatan-b", "kecamatan", "Kecamatan B", "paten", "%", Positive, "9")
	add("kecamatan-c", "kecamatan", "Kecamatan C", "tunggu", "menit", Negative, "5")
	add("kecamatan-d", "kecamatan", "Kecamatan D", "tunggu", "menit", Negative, "8")
	// Same unit and polarity, another name: not the same indicator.
	ds.Agencies = append(ds.Agencies, Agency{Slug: "dinas-x", Name: "Dinas X", Kind: "dinas", SectorSlug: "pemerintahan"})
	ds.Indicators = append(ds.Indicators, Indicator{Slug: "dinas-x-tunggu", AgencySlug: "dinas-x", SectorSlug: "pemerintahan",
		Name: "Waktu tunggu perizinan Dinas X", Unit: "menit", Polarity: Negative, Consolidation: Average, Decimals: 1,
		Multiplier: MustDecimal("1"), Frequency: Quarterly, ValidFrom: MustQuarter("2026-Q1")})
	ds.Targets = append(ds.Targets, Target{IndicatorSlug: "dinas-x-tunggu", Year: 2026, Value: MustDecimal("10")})
	ds.Results = append(ds.Results, Result{IndicatorSlug: "dinas-x-tunggu", Quarter: q, Actual: DecimalPtr("1")})
	return ds
}

func TestComparisons(t *testing.T) {
	rep, err := Evaluate(compareDataset(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Comparisons) != 1 {
		t.Fatalf("Comparisons = %d groups; want 1 (the PATEN pair is too small, Dinas X's name differs)", len(rep.Comparisons))
	}
	c := rep.Comparisons[0]
	if c.Slug != "kecamatan-tunggu" || c.Name != "Waktu tunggu layanan kecamatan" || c.Quarter != MustQuarter("2026-Q3") {
		t.Errorf("comparison = %q %q %s; want kecamatan-tunggu, Waktu tunggu layanan kecamatan, 2026-Q3", c.Slug, c.Name, c.Quarter)
	}
	// Lower is better: 5 and 8 minutes both reach the cap (150% and 120%,
	// capped at 120) and share rank 1; 12 minutes is 80%; B is not ranked.
	var got []string
	for _, m := range c.Members {
		capped := "nil"
		if m.Capped != nil {
			capped = m.Capped.String()
		}
		got = append(got, fmt.Sprintf("%d %s %s", m.Rank, m.Agency, capped))
	}
	want := "1 kecamatan-c 120.00; 1 kecamatan-d 120.00; 3 kecamatan-a 80.00; 0 kecamatan-b nil"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("members = %s; want %s", g, want)
	}
}

// Agencies of different kinds whose indicator names carry their short
// names: one comparison, named with "…" for the agency, its slug the part
// every indicator slug ends in.
func TestComparisonsAcrossKinds(t *testing.T) {
	ds := &Dataset{Sectors: []Sector{{Slug: "s", Name: "S"}}}
	for _, a := range []struct{ slug, kind, name, short, prefix string }{
		{"dinas-pendidikan", "dinas", "Dinas Pendidikan", "Disdik", "disdik"},
		{"rsud", "rsud", "RSUD Kota", "RSUD", "rsud"},
		{"satpol-pp", "satuan", "Satuan Polisi Pamong Praja", "Satpol PP", "satpolpp"},
	} {
		ds.Agencies = append(ds.Agencies, Agency{Slug: a.slug, Name: a.name, ShortName: a.short, Kind: a.kind, SectorSlug: "s"})
		ds.Indicators = append(ds.Indicators, Indicator{Slug: a.prefix + "-ikm", AgencySlug: a.slug, SectorSlug: "s",
			Name: "IKM layanan " + a.short, Unit: "IKM", Polarity: Positive, Consolidation: Last, Decimals: 2,
			Multiplier: MustDecimal("1"), Frequency: Quarterly, ValidFrom: MustQuarter("2026-Q1")})
		ds.Targets = append(ds.Targets, Target{IndicatorSlug: a.prefix + "-ikm", Year: 2026, Value: MustDecimal("80")})
		ds.Results = append(ds.Results, Result{IndicatorSlug: a.prefix + "-ikm", Quarter: MustQuarter("2026-Q3"), Actual: DecimalPtr("82")})
	}
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Comparisons) != 1 {
		t.Fatalf("Comparisons = %d groups; want 1", len(rep.Comparisons))
	}
	c := rep.Comparisons[0]
	if c.Slug != "ikm" || c.Kind != "" || c.Name != "IKM layanan …" || len(c.Members) != 3 || c.Members[2].Rank != 1 {
		t.Errorf("comparison %q kind %q name %q, %d members, last rank %d; want ikm, no kind, \"IKM layanan …\", 3 sharing rank 1",
			c.Slug, c.Kind, c.Name, len(c.Members), c.Members[2].Rank)
	}
}

func TestComparisonNameEN(t *testing.T) {
	agencies := map[string]Agency{"a": {Slug: "a", NameEN: "A District"}, "b": {Slug: "b", NameEN: "B District"}}
	ir := func(agency, name string) *IndicatorReport {
		return &IndicatorReport{Indicator: Indicator{AgencySlug: agency, NameEN: name}}
	}
	for _, tc := range []struct {
		irs  []*IndicatorReport
		want string
	}{
		{[]*IndicatorReport{ir("a", "Waiting time at A District"), ir("b", "Waiting time at B District")}, "Waiting time at …"},
		{[]*IndicatorReport{ir("a", "Waiting time at A District"), ir("b", "")}, ""},
		{[]*IndicatorReport{ir("a", "Waiting time at A District"), ir("b", "Queue at B District")}, ""},
		// The article goes with the name: "the …" would read "the the agency".
		{[]*IndicatorReport{ir("a", "Services of the A District office"), ir("b", "Services of the B District office")}, "Services of … office"},
		{[]*IndicatorReport{ir("a", "Services of the A District"), ir("b", "Services of B District")}, "Services of …"},
	} {
		if got := nameEN(tc.irs, agencies); got != tc.want {
			t.Errorf("nameEN(%q, %q) = %q; want %q", tc.irs[0].Indicator.NameEN, tc.irs[1].Indicator.NameEN, got, tc.want)
		}
	}
}
