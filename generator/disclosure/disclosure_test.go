package disclosure_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// year builds a table of one year: agency slug → counts in predicate order.
func year(y int, agencies map[string][5]int) []iku.RatingCount {
	var rows []iku.RatingCount
	for slug, n := range agencies {
		rated := 0
		for _, c := range n {
			rated += c
		}
		for j, p := range iku.SKPPredicates {
			c := n[j]
			rows = append(rows, iku.RatingCount{AgencySlug: slug, Year: y, Predicate: p, Count: &c, Rated: rated})
		}
	}
	return rows
}

func show(rows []iku.RatingCount) string {
	var b strings.Builder
	for _, d := range disclosure.Distributions(rows) {
		fmt.Fprintf(&b, "%d %s (%d):", d.Year, d.AgencySlug, d.Rated)
		for _, c := range d.Counts {
			if c == nil {
				b.WriteString(" –")
			} else {
				fmt.Fprintf(&b, " %d", *c)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestSuppressWorkedExample(t *testing.T) {
	in := year(2025, map[string][5]int{
		"dinkes":     {40, 70, 12, 3, 0}, // one primary (3): a complement in its row and column
		"kecamatan":  {4, 12, 2, 0, 0},   // 18 < 2k: whole row
		"rsud":       {60, 80, 15, 11, 0},
		"diskominfo": {25, 3, 0, 0, 0}, // 28 ≥ 2k, one primary
	})
	got, err := disclosure.Suppress(in, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := `2025 dinkes (125): 40 70 – – 0
2025 diskominfo (28): – – 0 0 0
2025 kecamatan (18): – – – – –
2025 rsud (166): 60 80 15 11 0
2025  (337): 129 165 29 – –
`
	if s := show(got); s != want {
		t.Errorf("Suppress =\n%s\nwant\n%s", s, want)
	}
	// A published table read back (from a release) passes through as it is.
	again, err := disclosure.Suppress(got, 10)
	if err != nil {
		t.Fatal(err)
	}
	if show(again) != show(got) {
		t.Errorf("Suppress of a published table changed it:\n%s", show(again))
	}
	// …but not with a larger k than it was published with.
	if _, err := disclosure.Suppress(got, 50); err == nil || !strings.Contains(err.Error(), "below the privacy threshold k = 50") {
		t.Errorf("Suppress(published with k=10, k=50) err = %v; want a refusal", err)
	}
}

func TestKBelowFiveIsRefused(t *testing.T) {
	_, err := disclosure.Suppress(year(2025, map[string][5]int{"a": {30, 20, 0, 0, 0}}), 4)
	if err == nil || err.Error() != "the privacy threshold k = 4 in data/privasi.toml is below 5, the smallest the rules allow (counts of fewer people identify them): set k to 5 or more" {
		t.Errorf("Suppress(k=4) err = %v", err)
	}
	if iku.ErrorKind(err) != iku.Invalid {
		t.Errorf("Suppress(k=4) is not an Invalid error")
	}
}

func TestSuppressRefusesInconsistentTables(t *testing.T) {
	bad := year(2025, map[string][5]int{"a": {30, 20, 0, 0, 0}})
	bad[0].Rated = 99
	if _, err := disclosure.Suppress(bad, 10); err == nil {
		t.Error("Suppress accepted rows of one agency with different headcounts")
	}
	short := year(2025, map[string][5]int{"a": {30, 20, 0, 0, 0}})[:4]
	if _, err := disclosure.Suppress(short, 10); err == nil || !strings.Contains(err.Error(), "give all five predicates") {
		t.Errorf("Suppress(four predicates) err = %v", err)
	}
}

func TestShareIsExact(t *testing.T) {
	for _, c := range []struct {
		n, rated int
		want     string
	}{{1, 3, "33.3"}, {2, 3, "66.7"}, {1, 8, "12.5"}, {3, 16, "18.8"}, {10, 10, "100.0"}} {
		n := c.n
		if got := disclosure.Share(&n, c.rated).String(); got != c.want {
			t.Errorf("Share(%d, %d) = %s; want %s", c.n, c.rated, got, c.want)
		}
	}
	if disclosure.Share(nil, 10) != nil {
		t.Error("Share of a suppressed count is not nil")
	}
}
