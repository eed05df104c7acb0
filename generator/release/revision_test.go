package release_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/release"
)

// bank is a small dataset: DLH's count of active waste banks, with its
// 2025 and 2026 targets and two quarters of results.
func bank() *iku.Dataset {
	return &iku.Dataset{
		Indicators: []iku.Indicator{{Slug: "dlh-bank-sampah-aktif", AgencySlug: "dlh", Name: "Jumlah bank sampah aktif", Unit: "unit",
			Polarity: iku.Positive, Consolidation: iku.Last, Frequency: iku.Quarterly, Definition: "Bank sampah yang menerima setoran.", Formula: "Jumlah"}},
		Targets: []iku.Target{
			{IndicatorSlug: "dlh-bank-sampah-aktif", Year: 2025, Value: iku.MustDecimal("35")},
			{IndicatorSlug: "dlh-bank-sampah-aktif", Year: 2026, Value: iku.MustDecimal("40")},
		},
		Results: []iku.Result{
			{IndicatorSlug: "dlh-bank-sampah-aktif", Quarter: iku.MustQuarter("2026-Q1"), Actual: iku.DecimalPtr("17")},
			{IndicatorSlug: "dlh-bank-sampah-aktif", Quarter: iku.MustQuarter("2026-Q2"), Actual: iku.DecimalPtr("18")},
		},
	}
}

func rel(q string, v int, day string) *release.Release {
	return &release.Release{Manifest: release.Manifest{Quarter: q, Version: v, Published: day}, Q: iku.MustQuarter(q)}
}

// story writes a revision as a line: "target 2026 40 → 15 (2026-Q2 v1 →
// 2026-Q2 v2)".
func story(rv release.Revision) string {
	dec := func(d *iku.Decimal) string {
		if d == nil {
			return "none"
		}
		return d.String()
	}
	tgt := func(t *iku.Target) string {
		switch {
		case t == nil:
			return "none"
		case t.High != nil:
			return t.Value.String() + "–" + t.High.String()
		}
		return t.Value.String() + string(t.Basis)
	}
	var what string
	switch rv.Field {
	case release.FieldActual:
		what = fmt.Sprintf("actual %s %s → %s", rv.Quarter, dec(rv.Old), dec(rv.New))
	case release.FieldTarget:
		p := fmt.Sprint(rv.Quarter.Year)
		if rv.Quarter.Q != 0 {
			p += fmt.Sprintf("-Q%d", rv.Quarter.Q)
		}
		what = fmt.Sprintf("target %s %s → %s", p, tgt(rv.OldTarget), tgt(rv.NewTarget))
	default:
		what = fmt.Sprintf("%s %q → %q", rv.Field, rv.OldText, rv.NewText)
	}
	return fmt.Sprintf("%s (%s → %s)", what, rv.From.Label(), rv.In.Label())
}

// TestRevisions: every change of what changes a judgement between
// versions of a release and between releases is a revision, with the old
// and the new value; what appears for the first time is not.
func TestRevisions(t *testing.T) {
	for _, c := range []struct {
		name   string
		before func(ds *iku.Dataset) // the first version, when not bank()
		edit   func(ds *iku.Dataset)
		want   []string
	}{
		{"nothing changed", nil, func(ds *iku.Dataset) {}, nil},
		{"a target lowered (the DLH story)", nil, func(ds *iku.Dataset) { ds.Targets[1].Value = iku.MustDecimal("15") },
			[]string{"target 2026 40 → 15 (2026-Q2 v1 → 2026-Q2 v2)"}},
		{"a target written differently but equal", nil, func(ds *iku.Dataset) { ds.Targets[1].Value = iku.MustDecimal("40.00") }, nil},
		{"a target made a range", nil, func(ds *iku.Dataset) { ds.Targets[1].High = iku.DecimalPtr("45") },
			[]string{"target 2026 40 → 40–45 (2026-Q2 v1 → 2026-Q2 v2)"}},
		{"a target removed", nil, func(ds *iku.Dataset) { ds.Targets = ds.Targets[:1] },
			[]string{"target 2026 40 → none (2026-Q2 v1 → 2026-Q2 v2)"}},
		{"a target added (not a revision)", nil, func(ds *iku.Dataset) {
			ds.Targets = append(ds.Targets, iku.Target{IndicatorSlug: "dlh-bank-sampah-aktif", Year: 2027, Value: iku.MustDecimal("45")})
		}, nil},
		{"a quarterly target's basis", func(ds *iku.Dataset) {
			ds.Targets = append(ds.Targets, iku.Target{IndicatorSlug: "dlh-bank-sampah-aktif", Year: 2026, Quarter: 2, Basis: iku.PerQuarter, Value: iku.MustDecimal("20")})
		}, func(ds *iku.Dataset) {
			ds.Targets = append(ds.Targets, iku.Target{IndicatorSlug: "dlh-bank-sampah-aktif", Year: 2026, Quarter: 2, Basis: iku.Cumulative, Value: iku.MustDecimal("20")})
		}, []string{"target 2026-Q2 20per_quarter → 20cumulative (2026-Q2 v1 → 2026-Q2 v2)"}},
		{"an actual corrected", nil, func(ds *iku.Dataset) { ds.Results[0].Actual = iku.DecimalPtr("16") },
			[]string{"actual 2026-Q1 17 → 16 (2026-Q2 v1 → 2026-Q2 v2)"}},
		{"unit, polarity, consolidation, frequency, definition, formula", nil, func(ds *iku.Dataset) {
			ind := &ds.Indicators[0]
			ind.Unit, ind.Polarity, ind.Consolidation, ind.Frequency = "bank sampah", iku.Negative, iku.Sum, iku.Semiannual
			ind.Definition, ind.Formula = "Bank sampah terdaftar.", "Jumlah terdaftar"
		}, []string{
			`unit "unit" → "bank sampah" (2026-Q2 v1 → 2026-Q2 v2)`,
			`polarity "positive" → "negative" (2026-Q2 v1 → 2026-Q2 v2)`,
			`consolidation "last" → "sum" (2026-Q2 v1 → 2026-Q2 v2)`,
			`frequency "quarterly" → "semiannual" (2026-Q2 v1 → 2026-Q2 v2)`,
			`definition "Bank sampah yang menerima setoran." → "Bank sampah terdaftar." (2026-Q2 v1 → 2026-Q2 v2)`,
			`formula "Jumlah" → "Jumlah terdaftar" (2026-Q2 v1 → 2026-Q2 v2)`,
		}},
		{"an actual and two targets, by field then period", nil, func(ds *iku.Dataset) {
			ds.Results[1].Actual = iku.DecimalPtr("19")
			ds.Targets[0].Value = iku.MustDecimal("30")
			ds.Targets[1].Value = iku.MustDecimal("15")
		}, []string{
			"actual 2026-Q2 18 → 19 (2026-Q2 v1 → 2026-Q2 v2)",
			"target 2025 35 → 30 (2026-Q2 v1 → 2026-Q2 v2)",
			"target 2026 40 → 15 (2026-Q2 v1 → 2026-Q2 v2)",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v1, v2 := rel("2026-Q2", 1, "2026-07-30"), rel("2026-Q2", 2, "2026-08-02")
			a, b := bank(), bank()
			if c.before != nil {
				c.before(a)
			}
			c.edit(b)
			var got []string
			for _, rv := range release.Revisions([]*release.Release{v1, v2}, map[*release.Release]*iku.Dataset{v1: a, v2: b}) {
				got = append(got, story(rv))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Revisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestRevisionsBetweenReleases: a target lowered between the releases of
// two quarters is a revision of the later release, compared with what
// the earlier one published; a second change compares with the first.
func TestRevisionsBetweenReleases(t *testing.T) {
	q2, q3, q3v2 := rel("2026-Q2", 1, "2026-07-30"), rel("2026-Q3", 1, "2026-10-30"), rel("2026-Q3", 2, "2026-11-02")
	a, b, c := bank(), bank(), bank()
	b.Targets[1].Value = iku.MustDecimal("30")
	c.Targets[1].Value = iku.MustDecimal("15")
	var got []string
	// Given out of order: revisions follow publication.
	for _, rv := range release.Revisions([]*release.Release{q3v2, q2, q3}, map[*release.Release]*iku.Dataset{q2: a, q3: b, q3v2: c}) {
		got = append(got, story(rv))
	}
	want := []string{"target 2026 40 → 30 (2026-Q2 v1 → 2026-Q3 v1)", "target 2026 30 → 15 (2026-Q3 v1 → 2026-Q3 v2)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Revisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
