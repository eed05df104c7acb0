package iku

import (
	"fmt"
	"testing"
)

// A unit is judged by its agency's indicator: the same target, the same
// categories and trends, over the unit's own results. A sum's unit is not
// judged against the city's total; a suppressed quarter is marked.
func TestEvaluateUnits(t *testing.T) {
	q := MustQuarter
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "s", Name: "S"}},
		Agencies: []Agency{{Slug: "a", Name: "A", Kind: "dinas", SectorSlug: "s"}, {Slug: "kec", Name: "Kec", Kind: "kecamatan", SectorSlug: "s"}},
		Indicators: []Indicator{
			{Slug: "wait", AgencySlug: "a", SectorSlug: "s", Name: "Wait", Polarity: Negative, Consolidation: Average, Decimals: 1,
				Multiplier: MustDecimal("1"), Frequency: Quarterly, ValidFrom: q("2025-Q1")},
			{Slug: "visits", AgencySlug: "a", SectorSlug: "s", Name: "Visits", Polarity: Positive, Consolidation: Sum,
				Multiplier: MustDecimal("1"), Frequency: Quarterly, ValidFrom: q("2025-Q1")},
		},
		Targets: []Target{
			{IndicatorSlug: "wait", Year: 2025, Value: MustDecimal("60")},
			{IndicatorSlug: "visits", Year: 2025, Value: MustDecimal("1000")},
		},
		Results: []Result{
			{IndicatorSlug: "wait", Quarter: q("2025-Q1"), Actual: DecimalPtr("55.0")},
			{IndicatorSlug: "wait", Quarter: q("2025-Q2"), Actual: DecimalPtr("50.0")},
			{IndicatorSlug: "visits", Quarter: q("2025-Q1"), Actual: DecimalPtr("300")},
			{IndicatorSlug: "visits", Quarter: q("2025-Q2"), Actual: DecimalPtr("400")},
		},
		Units: []ServiceUnit{
			{Slug: "pantai", Name: "Pantai", Kind: "destinasi", AgencySlug: "a", KecamatanSlug: "kec"},
			{Slug: "pkm", Name: "Pkm", Kind: "puskesmas", AgencySlug: "a", KecamatanSlug: "kec"},
		},
		UnitResults: []UnitResult{
			{IndicatorSlug: "wait", UnitSlug: "pkm", Quarter: q("2025-Q1"), Actual: DecimalPtr("75.0"), Count: DecimalPtr("40")},
			{IndicatorSlug: "wait", UnitSlug: "pkm", Quarter: q("2025-Q2"), Suppressed: true},
			{IndicatorSlug: "visits", UnitSlug: "pantai", Quarter: q("2025-Q1"), Actual: DecimalPtr("100"), Count: DecimalPtr("100")},
			{IndicatorSlug: "visits", UnitSlug: "pantai", Quarter: q("2025-Q2"), Actual: DecimalPtr("150"), Count: DecimalPtr("150")},
		},
	}
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	urs, err := EvaluateUnits(ds, rep)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ur := range urs {
		for k, ev := range ur.Report.Series {
			got[ur.Unit.Slug+" "+ev.Quarter.String()] = fmt.Sprintf("%s %s %s %v %v %s", ev.Status, ev.Category, text(ev.Achievement), ur.Comparable, ur.Suppressed[k], text(ur.Counts[k]))
		}
	}
	for key, want := range map[string]string{
		// 75 minutes against the agency's 60: (2×60 − 75)/60 = 75 %: cukup.
		"pkm 2025-Q1":    "category cukup 75.00 true false 40",
		"pkm 2025-Q2":    "not_reported  nil true true nil",
		"pantai 2025-Q1": "no_target  nil false false 100",
		"pantai 2025-Q2": "no_target  nil false false 150",
	} {
		if got[key] != want {
			t.Errorf("unit %s = %q; want %q (status category achievement comparable suppressed count)", key, got[key], want)
		}
	}
	for _, ur := range urs {
		if ur.Unit.Slug == "pantai" {
			if tr := ur.Report.Series[1].VsPrevious; tr != TrendImproving {
				t.Errorf("pantai 2025-Q2 against Q1: %s; want improving (150 visits after 100)", tr)
			}
		}
	}
}

func text(d *Decimal) string {
	if d == nil {
		return "nil"
	}
	return d.String()
}
