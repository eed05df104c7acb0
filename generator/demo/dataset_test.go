package demo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

func dec(s string) *iku.Decimal { return iku.DecimalPtr(s) }

func str(d *iku.Decimal) string {
	if d == nil {
		return "NULL"
	}
	return d.String()
}

// tiny is a city with one indicator of each kind, for the aggregation rules.
func tiny() *City {
	ind := func(slug string, cons iku.Consolidation, decimals int, mult string) iku.Indicator {
		return iku.Indicator{Slug: slug, Consolidation: cons, Decimals: decimals, Multiplier: iku.MustDecimal(mult)}
	}
	m := func(slug string, y, mo int, v, n, d *iku.Decimal, verified bool) Measurement {
		return Measurement{IndicatorSlug: slug, UnitSlug: "u", Year: y, Month: mo, Value: v, Numerator: n, Denominator: d, Verified: verified}
	}
	return &City{
		ServiceUnits: []ServiceUnit{{Slug: "u", Name: "U", Kind: "puskesmas", AgencySlug: "a"}},
		Indicators: []iku.Indicator{
			ind("visits", iku.Sum, 0, "1"),
			ind("wait", iku.Average, 1, "1"),
			ind("share", iku.Average, 2, "100"),
			ind("entered", iku.Last, 2, "1"),
		},
		Measurements: []Measurement{
			// Listed out of order on purpose: results are sorted.
			m("share", 2024, 1, nil, dec("1"), dec("8"), true),
			m("share", 2024, 4, nil, dec("1"), dec("3"), true),
			m("share", 2024, 7, nil, dec("0"), dec("0"), true),
			m("share", 2024, 10, nil, nil, nil, true),
			m("visits", 2024, 2, dec("1.5"), nil, nil, true),
			m("visits", 2024, 1, dec("2.25"), nil, nil, true),
			m("visits", 2024, 3, nil, nil, nil, false),
			m("visits", 2024, 4, nil, nil, nil, true),
			m("visits", 2023, 12, dec("-2"), nil, nil, true),
			m("visits", 2023, 11, dec("2.00"), nil, nil, true),
			m("wait", 2024, 1, nil, dec("125"), dec("2"), true),
			m("wait", 2024, 2, nil, dec("0"), dec("2"), true),
			m("wait", 2024, 4, nil, dec("-5"), dec("20"), true),
		},
		Entries: []Entry{
			{IndicatorSlug: "entered", Quarter: iku.MustQuarter("2024-Q2"), Value: dec("7.50"), Provisional: true},
			{IndicatorSlug: "entered", Quarter: iku.MustQuarter("2024-Q1"), Value: nil, Numerator: dec("3"), Denominator: dec("4.0")},
		},
	}
}

func TestDatasetRules(t *testing.T) {
	ds := tiny().Dataset()
	type row struct{ slug, q, actual, num, den string }
	want := []struct {
		row
		provisional bool
		why         string
	}{
		{row{"visits", "2023-Q4", "0.00", "NULL", "NULL"}, false, "sum keeps the largest scale: -2 + 2.00 = 0.00"},
		{row{"visits", "2024-Q1", "3.75", "NULL", "NULL"}, true, "NULLs skipped; any unverified row makes it provisional"},
		{row{"visits", "2024-Q2", "NULL", "NULL", "NULL"}, false, "a sum over NULLs only is NULL"},
		{row{"wait", "2024-Q1", "31.3", "125", "4"}, false, "125/4 = 31.25 rounds half away from zero"},
		{row{"wait", "2024-Q2", "-0.3", "-5", "20"}, false, "-0.25 rounds away from zero"},
		{row{"share", "2024-Q1", "12.50", "1", "8"}, false, "written with Decimals places"},
		{row{"share", "2024-Q2", "33.33", "1", "3"}, false, ""},
		{row{"share", "2024-Q3", "NULL", "0", "0"}, false, "Σ denominator = 0: no actual"},
		{row{"share", "2024-Q4", "NULL", "NULL", "NULL"}, false, "all NULL"},
		{row{"entered", "2024-Q1", "NULL", "3", "4.0"}, false, "entries as stored"},
		{row{"entered", "2024-Q2", "7.50", "NULL", "NULL"}, true, ""},
	}
	if len(ds.Results) != len(want) {
		for _, r := range ds.Results {
			t.Logf("%s %s %s %s %s %v", r.IndicatorSlug, r.Quarter, str(r.Actual), str(r.Numerator), str(r.Denominator), r.Provisional)
		}
		t.Fatalf("Dataset gave %d results; want %d", len(ds.Results), len(want))
	}
	for i, w := range want {
		r := ds.Results[i]
		got := row{r.IndicatorSlug, r.Quarter.String(), str(r.Actual), str(r.Numerator), str(r.Denominator)}
		if got != w.row || r.Provisional != w.provisional {
			t.Errorf("result %d = %v provisional=%v; want %v provisional=%v (%s)", i, got, r.Provisional, w.row, w.provisional, w.why)
		}
	}
}

func TestDatasetCopiesTables(t *testing.T) {
	c := Tanjungbalai()
	ds := c.Dataset()
	if !reflect.DeepEqual(ds.Sectors, c.Sectors) || !reflect.DeepEqual(ds.Agencies, c.Agencies) ||
		!reflect.DeepEqual(ds.Predicates, c.Predicates) || !reflect.DeepEqual(ds.Indicators, c.Indicators) ||
		!reflect.DeepEqual(ds.Targets, c.Targets) {
		t.Error("Dataset did not copy sectors, agencies, predicates, indicators and targets unchanged")
	}
	ds.Sectors[0].Name = "changed"
	if c.Sectors[0].Name == "changed" {
		t.Error("Dataset shares its slices with the City")
	}
}

func TestDatasetPanicsOnBrokenCity(t *testing.T) {
	for name, c := range map[string]*City{
		"unknown indicator": {Entries: []Entry{{IndicatorSlug: "nope", Quarter: First}}},
		"last measured": {
			Indicators:   []iku.Indicator{{Slug: "x", Consolidation: iku.Last}},
			Measurements: []Measurement{{IndicatorSlug: "x", Year: 2024, Month: 1}},
		},
		"both": {
			Indicators:   []iku.Indicator{{Slug: "x", Consolidation: iku.Sum}},
			Measurements: []Measurement{{IndicatorSlug: "x", Year: 2024, Month: 1}},
			Entries:      []Entry{{IndicatorSlug: "x", Quarter: iku.MustQuarter("2024-Q1")}},
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: Dataset did not panic", name)
				}
			}()
			c.Dataset()
		}()
	}
}

func TestScale(t *testing.T) {
	c := Scale(1000)
	if got := len(c.Indicators); got != 1000 {
		t.Fatalf("Scale(1000) has %d indicators", got)
	}
	if got := len(c.Agencies); got != 25 {
		t.Errorf("Scale(1000) has %d agencies; want 25 (40 indicators each)", got)
	}
	if got := len(c.Sectors); got != 20 {
		t.Errorf("Scale(1000) has %d sectors; want 20", got)
	}
	if !reflect.DeepEqual(c, Scale(1000)) {
		t.Error("Scale is not deterministic")
	}
	ds := c.Dataset()
	quarters := Last.Index() - First.Index() + 1
	if got := len(ds.Results); got != 1000*quarters {
		t.Errorf("Scale(1000) gives %d results; want %d", got, 1000*quarters)
	}
	checkCity(t, c)
	if c := Scale(0); len(c.Indicators) != 0 || len(c.Agencies) != 0 {
		t.Error("Scale(0) is not empty")
	}
}

func BenchmarkScale10000(b *testing.B) {
	for b.Loop() {
		Scale(10000)
	}
}

func BenchmarkScaleDataset10000(b *testing.B) {
	c := Scale(10000)
	for b.Loop() {
		c.Dataset()
	}
}

func BenchmarkTanjungbalai(b *testing.B) {
	for b.Loop() {
		Tanjungbalai().Dataset()
	}
}

// checkCity checks what holds for every generated city: valid unique
// slugs, references that resolve, targets in bundle order.
func checkCity(t *testing.T, c *City) {
	t.Helper()
	slugs := map[string]bool{}
	checkSlug := func(kind, s string) {
		if !validSlug(s) {
			t.Errorf("%s slug %q is not lowercase [a-z0-9-]", kind, s)
		}
		if slugs[kind+"/"+s] {
			t.Errorf("%s slug %q is not unique", kind, s)
		}
		slugs[kind+"/"+s] = true
	}
	for _, s := range c.Sectors {
		checkSlug("sector", s.Slug)
	}
	for _, a := range c.Agencies {
		checkSlug("agency", a.Slug)
		if !slugs["sector/"+a.SectorSlug] {
			t.Errorf("agency %q names unknown sector %q", a.Slug, a.SectorSlug)
		}
	}
	for _, i := range c.Indicators {
		checkSlug("indicator", i.Slug)
		if !slugs["agency/"+i.AgencySlug] || !slugs["sector/"+i.SectorSlug] {
			t.Errorf("indicator %q names unknown agency %q or sector %q", i.Slug, i.AgencySlug, i.SectorSlug)
		}
		if i.Multiplier.Sign() == 0 {
			t.Errorf("indicator %q has multiplier 0; the schema requires a non-zero multiplier", i.Slug)
		}
	}
	for _, u := range c.ServiceUnits {
		checkSlug("unit", u.Slug)
	}
	pos := map[string]int{}
	for i, ind := range c.Indicators {
		pos[ind.Slug] = i
	}
	for i := 1; i < len(c.Targets); i++ {
		a, b := c.Targets[i-1], c.Targets[i]
		ka := [3]int{pos[a.IndicatorSlug], a.Year, a.Quarter}
		kb := [3]int{pos[b.IndicatorSlug], b.Year, b.Quarter}
		if !(ka[0] < kb[0] || ka[0] == kb[0] && (ka[1] < kb[1] || ka[1] == kb[1] && ka[2] < kb[2])) {
			t.Fatalf("targets %d and %d are not sorted by indicator, year, quarter: %v, %v", i-1, i, a, b)
		}
	}
}

func validSlug(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
