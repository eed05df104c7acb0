package disclosure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// One indicator-quarter per case: each unit written "slug:count", a ratio
// whose count is its denominator. Hidden units lose every number.
func TestSuppressUnits(t *testing.T) {
	for _, tc := range []struct {
		units, hidden, why string
	}{
		{"a:120 b:45 c:30", "", "every count at least 30: all published"},
		{"a:120 b:45 c:29", "b c", "c is small; alone it could be recovered from the agency's total, so b (the next smallest) goes too"},
		{"a:120 b:12 c:9 d:200", "b c a", "b and c are small but add up to 21 < 30: a goes too"},
		{"a:120 b:0", "b", "no patients: nothing to recover, nothing more hidden"},
		{"a:20", "a", "one small unit and nothing else"},
	} {
		ds := &iku.Dataset{}
		for _, u := range strings.Fields(tc.units) {
			slug, n, _ := strings.Cut(u, ":")
			r := iku.UnitResult{IndicatorSlug: "wait", UnitSlug: slug, Quarter: iku.MustQuarter("2026-Q3"),
				Count: iku.DecimalPtr(n), Denominator: iku.DecimalPtr(n)}
			if n != "0" {
				r.Numerator, r.Actual = iku.DecimalPtr("600"), iku.DecimalPtr("12.5")
			}
			ds.UnitResults = append(ds.UnitResults, r)
		}
		if err := SuppressUnits(ds, 30); err != nil {
			t.Fatal(err)
		}
		var hidden []string
		for _, r := range ds.UnitResults {
			if r.Suppressed {
				if r.Actual != nil || r.Numerator != nil || r.Denominator != nil || r.Count != nil {
					t.Errorf("%s: unit %s is suppressed but keeps a number: %+v", tc.units, r.UnitSlug, r)
				}
			} else if r.Count == nil {
				t.Errorf("%s: unit %s is published without its count", tc.units, r.UnitSlug)
			}
		}
		got := map[string]bool{}
		for _, r := range ds.UnitResults {
			if r.Suppressed {
				got[r.UnitSlug] = true
				hidden = append(hidden, r.UnitSlug)
			}
		}
		want := strings.Fields(tc.hidden)
		ok := len(want) == len(hidden)
		for _, w := range want {
			ok = ok && got[w]
		}
		if !ok {
			t.Errorf("SuppressUnits(%s, 30) hides %v; want %v (%s)", tc.units, hidden, want, tc.why)
		}
	}
}

func TestUnitMinCountFloor(t *testing.T) {
	for n, ok := range map[int]bool{9: false, 10: true, 30: true} {
		err := CheckUnitMinCount(n)
		if (err == nil) != ok {
			t.Errorf("CheckUnitMinCount(%d) = %v; want ok %v", n, err, ok)
		}
		if err != nil && !strings.Contains(err.Error(), fmt.Sprintf("unit_min_count = %d", n)) {
			t.Errorf("CheckUnitMinCount(%d) = %q; want it to name the setting", n, err)
		}
	}
}
