package iku

import (
	"fmt"
	"strings"
	"testing"
)

// trendCity is one agency's indicators for the trend rule (DOMAIN.md,
// "Quarters and years": where both periods have an achievement, the trend
// follows the achievement).
func trendCity() *Dataset {
	ind := func(slug string, p Polarity, f Frequency) Indicator {
		return Indicator{Slug: slug, AgencySlug: "bapperida", SectorSlug: "perencanaan", Name: slug, Unit: "%",
			Polarity: p, Consolidation: Last, Frequency: f, Decimals: 2, Multiplier: dec("1"), ValidFrom: MustQuarter("2025-Q1")}
	}
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "perencanaan", Name: "Perencanaan"}},
		Agencies: []Agency{{Slug: "bapperida", Name: "Bapperida", SectorSlug: "perencanaan"}},
		Indicators: []Indicator{
			ind("pengangguran", Negative, Quarterly),
			ind("cakupan", Positive, Quarterly),
			ind("tanpa-target", Positive, Quarterly),
			ind("semester", Positive, Semiannual),
			ind("tahunan", Positive, Annual),
		},
		Targets: []Target{
			annualRange("pengangguran", 2025, "7.00", "8.00"), annualRange("pengangguran", 2026, "7.00", "8.00"),
			// The target rises faster than the value: a higher value is
			// a lower achievement.
			annual("cakupan", 2025, "100"), annual("cakupan", 2026, "120"),
			annual("tanpa-target", 2026, "50"),
			annual("semester", 2025, "80"), annual("semester", 2026, "80"),
			annual("tahunan", 2025, "80"), annual("tahunan", 2026, "80"),
		},
	}
	add := func(slug string, vs ...string) {
		q := MustQuarter("2025-Q1")
		for _, v := range vs {
			if v != "-" {
				ds.Results = append(ds.Results, result(slug, q.String(), v))
			}
			q = q.Add(1)
		}
	}
	add("pengangguran", "7.60", "7.45", "7.29", "7.10", "7.12", "6.86", "6.54")
	add("cakupan", "90", "91", "92", "93", "100", "101", "102")
	add("tanpa-target", "40", "41", "42", "43", "44", "45", "46")
	add("semester", "-", "70", "-", "75", "-", "78", "-")
	add("tahunan", "-", "-", "-", "70", "-", "-", "-")
	ds.Results = append(ds.Results, result("tahunan", "2024-Q4", "60"))
	return ds
}

// fmtTrend writes an evaluation's trends with the periods they compare.
func fmtTrend(ev Evaluation) string {
	return fmt.Sprintf("%s prev(%s):%s yago(%s):%s", ev.Quarter, qstr(ev.PreviousDue), trendStr(ev.VsPrevious), qstr(ev.YearAgo), trendStr(ev.VsYearAgo))
}

func fmtYearTrend(y Year) string {
	prev := "-"
	if y.PreviousYear != 0 {
		prev = fmt.Sprint(y.PreviousYear)
	}
	return fmt.Sprintf("%d vs(%s):%s", y.Year, prev, trendStr(y.VsPreviousYear))
}

func qstr(q Quarter) string {
	if q.IsZero() {
		return "-"
	}
	return q.String()
}

func trendStr(t Trend) string {
	if t == TrendUnknown {
		return "?"
	}
	return string(t)
}

func TestEvaluateTrendFollowsAchievement(t *testing.T) {
	rep, err := Evaluate(trendCity(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Unemployment 6.86 → 6.54 % against the range 7–8, negative polarity:
	// the achievement rises from 102.00 to 106.57, so it is improving,
	// although the value moved away from the range (DOMAIN.md).
	got := fmtEval(indicatorReport(t, rep, "pengangguran").Latest())
	if want := "2026-Q3 R=6.54 ytd=6.54 category quarter T=7.00–8.00 cmp=6.54 106.57% sangat_baik exceeds prev:improving yago:improving"; got != want {
		t.Errorf("pengangguran latest = %s\n\twant %s", got, want)
	}

	tests := []struct {
		slug   string
		trends []string
		years  []string
	}{
		{
			// 2026-Q1 (100 of 120: 83.33 %) against 2025-Q1 (90 of 100:
			// 90 %): the value rose, the achievement fell.
			slug: "cakupan",
			trends: []string{
				"2025-Q1 prev(-):? yago(-):?",
				"2025-Q2 prev(2025-Q1):improving yago(-):?",
				"2025-Q3 prev(2025-Q2):improving yago(-):?",
				"2025-Q4 prev(2025-Q3):improving yago(-):?",
				"2026-Q1 prev(2025-Q4):worsening yago(2025-Q1):worsening",
				"2026-Q2 prev(2026-Q1):improving yago(2025-Q2):worsening",
				"2026-Q3 prev(2026-Q2):improving yago(2025-Q3):worsening",
			},
			// 2025: 93 %; 2026 is not over.
			years: []string{"2025 vs(-):?", "2026 vs(2025):?"},
		},
		{
			// Without an achievement in one of the periods (no 2025
			// target), the values are compared by polarity.
			slug: "tanpa-target",
			trends: []string{
				"2025-Q1 prev(-):? yago(-):?",
				"2025-Q2 prev(2025-Q1):improving yago(-):?",
				"2025-Q3 prev(2025-Q2):improving yago(-):?",
				"2025-Q4 prev(2025-Q3):improving yago(-):?",
				"2026-Q1 prev(2025-Q4):improving yago(2025-Q1):improving",
				"2026-Q2 prev(2026-Q1):improving yago(2025-Q2):improving",
				"2026-Q3 prev(2026-Q2):improving yago(2025-Q3):improving",
			},
			years: []string{"2025 vs(-):?", "2026 vs(2025):?"},
		},
		{
			// Half-years: the previous period is the half-year before.
			slug: "semester",
			trends: []string{
				"2025-Q2 prev(-):? yago(-):?",
				"2025-Q4 prev(2025-Q2):improving yago(-):?",
				"2026-Q2 prev(2025-Q4):improving yago(2025-Q2):improving",
			},
			years: []string{"2025 vs(-):?", "2026 vs(2025):?"},
		},
		{
			// Years: the previous period and the year ago are the same
			// year, and the year's row compares with the year before
			// ("dibanding Tahun 2024"). 2024 is before the indicator's
			// validity, so there is nothing to compare 2025 with.
			slug:   "tahunan",
			trends: []string{"2025-Q4 prev(-):? yago(-):?"},
			years:  []string{"2025 vs(-):?"},
		},
	}
	for _, tt := range tests {
		ir := indicatorReport(t, rep, tt.slug)
		var trends, years []string
		for _, ev := range ir.Series {
			trends = append(trends, fmtTrend(ev))
		}
		for _, y := range ir.Years {
			years = append(years, fmtYearTrend(y))
		}
		diffLines(t, tt.slug+" trends", trends, tt.trends)
		diffLines(t, tt.slug+" years", years, tt.years)
	}
}

// A year's row compares with the year before it once both are judged:
// by achievement when both have one, else by value and polarity.
func TestEvaluateYearTrend(t *testing.T) {
	ds := trendCity()
	for i := range ds.Indicators {
		ds.Indicators[i].ValidFrom = MustQuarter("2024-Q1")
	}
	ds.Targets = append(ds.Targets, annual("tahunan", 2024, "50"), annual("cakupan", 2024, "100"))
	for _, q := range []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"} {
		ds.Results = append(ds.Results, result("cakupan", q, "95"))
	}
	ds.Results = append(ds.Results, result("tahunan", "2026-Q4", "75"), result("cakupan", "2026-Q4", "103"))
	// An annual indicator: 2024 60 of 50 (120 %), 2025 70 of 80 (87.5 %):
	// the value rose, the achievement fell.
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"tahunan": {"2024 vs(-):?", "2025 vs(2024):worsening", "2026 vs(2025):improving"},
		// 2024 95 %, 2025 93 %, 2026 103 of 120 = 85.83 %.
		"cakupan": {"2024 vs(-):?", "2025 vs(2024):worsening", "2026 vs(2025):worsening"},
	}
	for slug, w := range want {
		var got []string
		for _, y := range indicatorReport(t, rep, slug).Years {
			got = append(got, fmtYearTrend(y))
		}
		diffLines(t, slug+" years", got, w)
	}
	// The annual indicator's due period says the same as its year's row.
	tahunan := indicatorReport(t, rep, "tahunan")
	if got := fmtTrend(tahunan.Latest()); got != "2026-Q4 prev(2025-Q4):improving yago(2025-Q4):improving" {
		t.Errorf("tahunan 2026-Q4 trends = %s; want both against 2025-Q4, improving", got)
	}
	if got := strings.Join([]string{fmtTrend(tahunan.Series[1])}, ""); got != "2025-Q4 prev(2024-Q4):worsening yago(2024-Q4):worsening" {
		t.Errorf("tahunan 2025-Q4 trends = %s; want worsening against 2024-Q4 (120 %% → 87.5 %%)", got)
	}
}
