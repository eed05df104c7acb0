package iku

import (
	"strings"
	"testing"
)

// cumulativeCity has indicators written as a running total since January
// (DOMAIN.md, "Quarters and years": consolidation cumulative).
func cumulativeCity() *Dataset {
	ind := func(slug string, p Polarity) Indicator {
		return Indicator{Slug: slug, AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: slug, Unit: "%",
			Polarity: p, Consolidation: RunningTotal, Frequency: Quarterly, Decimals: 2, Multiplier: dec("1"),
			ValidFrom: MustQuarter("2025-Q1")}
	}
	return &Dataset{
		Sectors:  []Sector{{Slug: "kesehatan", Name: "Kesehatan"}},
		Agencies: []Agency{{Slug: "dinkes", Name: "Dinas Kesehatan", SectorSlug: "kesehatan"}},
		Indicators: []Indicator{
			ind("hipertensi", Positive),
			ind("serapan", Positive),
			ind("kasus-baru", Negative),
		},
		Targets: []Target{
			annual("hipertensi", 2025, "80"), annual("hipertensi", 2026, "85"),

			annual("serapan", 2025, "95"),
			quarterly("serapan", 2025, 1, Cumulative, "20"),
			quarterly("serapan", 2025, 2, Cumulative, "45"),

			annual("kasus-baru", 2025, "10"),
		},
		Results: []Result{
			result("hipertensi", "2025-Q1", "20.10"),
			result("hipertensi", "2025-Q2", "40.50"),
			result("hipertensi", "2025-Q3", "60.20"),
			result("hipertensi", "2025-Q4", "81.00"),
			result("hipertensi", "2026-Q1", "21.00"),
			provisionalResult(result("hipertensi", "2026-Q2", "43.00")),

			result("serapan", "2025-Q1", "18.00"),
			result("serapan", "2025-Q2", "47.00"),

			result("kasus-baru", "2025-Q1", "4.00"),
			result("kasus-baru", "2025-Q2", "11.00"),
		},
	}
}

// A running total since January is progress toward the annual target
// before Q4, never a category (which would read "Sangat Kurang" every Q1
// for a service on pace); Q4 and the year are judged against the annual
// target, and the year's actual is the Q4 value. Its previous quarter is
// not compared (a running total rises within a year and restarts in
// January); the same quarter a year earlier is.
func TestEvaluateCumulative(t *testing.T) {
	rep, err := Evaluate(cumulativeCity(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		slug   string
		series []string
		years  []string
	}{
		{
			slug: "hipertensi",
			series: []string{
				"2025-Q1 R=20.10 ytd=20.10 in_progress annual_progress T=80 cmp=20.10 25.13%",
				"2025-Q2 R=40.50 ytd=40.50 in_progress annual_progress T=80 cmp=40.50 50.63%",
				"2025-Q3 R=60.20 ytd=60.20 in_progress annual_progress T=80 cmp=60.20 75.25%",
				"2025-Q4 R=81.00 ytd=81.00 category annual_progress T=80 cmp=81.00 101.25% sangat_baik exceeds",
				"2026-Q1 R=21.00 ytd=21.00 in_progress annual_progress T=85 cmp=21.00 24.71% yago:improving",
				"2026-Q2 R=43.00 ytd=43.00 in_progress annual_progress T=85 cmp=43.00 50.59% provisional yago:improving",
			},
			years: []string{
				"2025 R=81.00 complete category T=80 101.25% sangat_baik",
				"2026 R=43.00 in_progress T=85 50.59%",
			},
		},
		{
			// Cumulative quarterly targets: the quarter's value is the year
			// to date already.
			slug: "serapan",
			series: []string{
				"2025-Q1 R=18.00 ytd=18.00 category ytd T@Q1=20 cmp=18.00 90.00% baik",
				"2025-Q2 R=47.00 ytd=47.00 category ytd T@Q2=45 cmp=47.00 104.44% sangat_baik exceeds",
				"2025-Q3 R=nil ytd=nil not_reported annual_progress T=95",
				"2025-Q4 R=nil ytd=nil not_reported annual_progress T=95",
				"2026-Q1 R=nil ytd=nil not_reported",
				"2026-Q2 R=nil ytd=nil not_reported",
			},
			// The year is over without its Q4: the latest value reached is
			// shown, not judged.
			years: []string{"2025 R=47.00 incomplete T=95 49.47%", "2026 R=nil not_reported"},
		},
		{
			// Less is better: a ceiling, as for a sum.
			slug: "kasus-baru",
			series: []string{
				"2025-Q1 R=4.00 ytd=4.00 in_progress annual_ceiling T=10 cmp=4.00",
				"2025-Q2 R=11.00 ytd=11.00 not_met annual_ceiling T=10 cmp=11.00",
				"2025-Q3 R=nil ytd=nil not_reported annual_ceiling T=10",
				"2025-Q4 R=nil ytd=nil not_reported annual_progress T=10",
				"2026-Q1 R=nil ytd=nil not_reported",
				"2026-Q2 R=nil ytd=nil not_reported",
			},
			years: []string{"2025 R=11.00 incomplete T=10 90.00%", "2026 R=nil not_reported"},
		},
	}
	for _, tt := range tests {
		ir := indicatorReport(t, rep, tt.slug)
		var series, years []string
		for _, ev := range ir.Series {
			series = append(series, fmtEval(ev))
			if !ev.PreviousDue.IsZero() {
				t.Errorf("%s %s compares with the previous period %s; want no previous-period comparison for a running total", tt.slug, ev.Quarter, ev.PreviousDue)
			}
		}
		for _, y := range ir.Years {
			years = append(years, fmtYear(y))
		}
		diffLines(t, tt.slug+" series", series, tt.series)
		diffLines(t, tt.slug+" years", years, tt.years)
	}

	// The same figures read as a level (last) are judged every quarter:
	// what the consolidation is for.
	ds := cumulativeCity()
	ds.Indicators[0].Consolidation = Last
	rep, err = Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmtEval(indicatorReport(t, rep, "hipertensi").Series[0]); got != "2025-Q1 R=20.10 ytd=20.10 category quarter T=80 cmp=20.10 25.13% sangat_kurang" {
		t.Errorf("hipertensi as last, 2025-Q1 = %s; want sangat_kurang (the reading cumulative avoids)", got)
	}
}

// YearToDate of a running total is the quarter's own value.
func TestYearToDateCumulative(t *testing.T) {
	ind := cumulativeCity().Indicators[0]
	got := YearToDate(ind, []Result{result("hipertensi", "2025-Q1", "20.10"), result("hipertensi", "2025-Q2", "40.50")})
	if str(got) != "40.50" {
		t.Errorf("YearToDate(cumulative, Q1 20.10, Q2 40.50) = %s; want 40.50", str(got))
	}
}

// The consolidation code is one of four; any other is refused with a
// sentence naming the allowed codes.
func TestValidateConsolidation(t *testing.T) {
	ds := cumulativeCity()
	if err := ds.Validate(); err != nil {
		t.Fatalf("Validate(cumulative) = %v; want it accepted", err)
	}
	if !RunningTotal.Valid() || Consolidation("median").Valid() {
		t.Errorf("Valid: cumulative %v, median %v; want true, false", RunningTotal.Valid(), Consolidation("median").Valid())
	}
	ds.Indicators[1].Consolidation = "median"
	err := ds.Validate()
	want := `indicator "serapan" has consolidation "median"; use sum, average, last or cumulative`
	if err == nil || err.Error() != want || ErrorKind(err) != Invalid {
		t.Errorf("Validate(median) = %v; want %s", err, want)
	}
	var names []string
	for _, c := range Consolidations {
		names = append(names, string(c))
	}
	if got := strings.Join(names, " "); got != "sum average last cumulative" {
		t.Errorf("Consolidations = %s; want sum average last cumulative", got)
	}
}
