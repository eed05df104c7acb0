package disclosure_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/disclosure/disclosuretest"
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

// suppress is a first publication: no table published before.
func suppress(t *testing.T, rows []iku.RatingCount, k int) []iku.RatingCount {
	t.Helper()
	out, kept, err := disclosure.Revise(rows, k, nil)
	if err != nil {
		t.Fatalf("Revise: %v", err)
	}
	if len(kept) > 0 {
		t.Fatalf("Revise without history kept %v", kept)
	}
	return out
}

// demoRatings is the embedded demo's raw ratings table.
func demoRatings(t *testing.T) []iku.RatingCount {
	t.Helper()
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return ds.Ratings
}

func TestSuppressWorkedExample(t *testing.T) {
	in := year(2025, map[string][5]int{
		"dinkes":     {40, 70, 12, 3, 0}, // one primary (3): a complement in its row and column
		"kecamatan":  {4, 12, 2, 0, 0},   // 18 < 2k: whole row
		"rsud":       {60, 80, 15, 11, 0},
		"diskominfo": {25, 3, 0, 0, 0}, // 28 ≥ 2k, one primary
	})
	got := suppress(t, in, 10)
	want := `2025 dinkes (125): 40 70 – – 0
2025 diskominfo (28): – – 0 0 0
2025 kecamatan (18): – – – – –
2025 rsud (166): 60 80 15 11 0
2025  (337): 129 165 29 – –
`
	if s := show(got); s != want {
		t.Errorf("Revise =\n%s\nwant\n%s", s, want)
	}
	if weak := disclosuretest.Weak([][]iku.RatingCount{got}); len(weak) > 0 {
		t.Errorf("a reader narrows hidden counts to fewer than 3 values: %v", weak)
	}
}

// TestPublishedTablePassesThrough: a table kinerja published, read back
// from a release, is kept as it is, never suppressed twice, and checked
// against k.
func TestPublishedTablePassesThrough(t *testing.T) {
	in := year(2025, map[string][5]int{"dinkes": {40, 70, 12, 3, 0}, "kecamatan": {4, 12, 2, 0, 0}, "rsud": {60, 80, 15, 11, 0}, "diskominfo": {25, 3, 0, 0, 0}})
	got := suppress(t, in, 10)
	ds := &iku.Dataset{Agencies: agencies("dinkes", "kecamatan", "rsud", "diskominfo"), Ratings: got, RatingsPublished: true}
	if err := disclosure.Protect(ds, 10, nil); err != nil {
		t.Fatal(err)
	}
	if show(ds.Ratings) != show(got) {
		t.Errorf("Protect of a published table changed it:\n%s", show(ds.Ratings))
	}
	// …but not with a larger k than it was published with.
	ds.Ratings = got
	if err := disclosure.Protect(ds, 50, nil); err == nil || !strings.Contains(err.Error(), "below the privacy threshold k = 50") {
		t.Errorf("Protect(published with k=10, k=50) err = %v; want a refusal", err)
	}
}

func agencies(slugs ...string) []iku.Agency {
	var out []iku.Agency
	for _, s := range slugs {
		out = append(out, iku.Agency{Slug: s})
	}
	return out
}

// TestPreSuppressedTableIsRefused: a ratings table that arrives with its
// small counts blanked, or set to 0, was suppressed by someone else, and
// its blanks are mostly recoverable from the headcounts: kinerja refuses
// it and says that suppressing is its own job.
func TestPreSuppressedTableIsRefused(t *testing.T) {
	table := map[string][5]int{"dinkes": {40, 70, 12, 3, 0}, "rsud": {60, 80, 15, 11, 0}, "": {100, 150, 27, 14, 0}}
	blanked := year(2025, table)
	for i := range blanked {
		if c := blanked[i].Count; *c > 0 && *c < 10 {
			blanked[i].Count = nil
		}
	}
	zeroed := year(2025, table)
	for i := range zeroed {
		if c := zeroed[i].Count; *c > 0 && *c < 10 {
			*c = 0
		}
	}
	for name, rows := range map[string][]iku.RatingCount{"blanked": blanked, "set to 0": zeroed} {
		ds := &iku.Dataset{Agencies: agencies("dinkes", "rsud"), Ratings: rows}
		err := disclosure.Protect(ds, 10, nil)
		if err == nil {
			t.Errorf("%s: Protect accepted a table suppressed already:\n%s", name, show(ds.Ratings))
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "kinerja hides small ones itself") || !strings.Contains(msg, "dinkes") || iku.ErrorKind(err) != iku.Invalid {
			t.Errorf("%s: err = %v; want one sentence naming the agency and saying that suppressing is kinerja's job", name, err)
		}
	}
}

// TestUnknownAgencyIsRefused: ratings of an agency the agencies table
// lacks would be published with a link to a page that does not exist.
func TestUnknownAgencyIsRefused(t *testing.T) {
	ds := &iku.Dataset{Agencies: agencies("dinkes"), Ratings: year(2025, map[string][5]int{"dinkes": {40, 70, 12, 3, 0}, "dinas-hantu": {30, 20, 0, 0, 0}})}
	err := disclosure.Protect(ds, 10, nil)
	if err == nil || !strings.Contains(err.Error(), `names agency "dinas-hantu", which is not in the agencies table`) {
		t.Errorf("Protect with an unknown agency: err = %v", err)
	}
}

func TestKBelowFiveIsRefused(t *testing.T) {
	_, _, err := disclosure.Revise(year(2025, map[string][5]int{"a": {30, 20, 0, 0, 0}}), 4, nil)
	if err == nil || err.Error() != "the privacy threshold k = 4 in data/privasi.toml is below 5, the smallest the rules allow (counts of fewer people identify them): set k to 5 or more" {
		t.Errorf("Revise(k=4) err = %v", err)
	}
	if iku.ErrorKind(err) != iku.Invalid {
		t.Errorf("Revise(k=4) is not an Invalid error")
	}
}

func TestSuppressRefusesInconsistentTables(t *testing.T) {
	bad := year(2025, map[string][5]int{"a": {30, 20, 0, 0, 0}})
	bad[0].Rated = 99
	if _, _, err := disclosure.Revise(bad, 10, nil); err == nil {
		t.Error("Revise accepted rows of one agency with different headcounts")
	}
	short := year(2025, map[string][5]int{"a": {30, 20, 0, 0, 0}})[:4]
	if _, _, err := disclosure.Revise(short, 10, nil); err == nil || !strings.Contains(err.Error(), "give all five predicates") {
		t.Errorf("Revise(four predicates) err = %v", err)
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

// TestDemoHiddenCountsKeepThreeValues: in the demo's tables a reader
// narrowed 90 of 296 hidden counts to 2 or 3 values, 48 to exactly 2
// (2022: Dinas Kesehatan's Kurang ∈ {1, 2}). Every hidden count must
// keep at least 3.
func TestDemoHiddenCountsKeepThreeValues(t *testing.T) {
	got := suppress(t, demoRatings(t), 10)
	for _, c := range disclosuretest.Weak([][]iku.RatingCount{got}) {
		t.Errorf("the demo's published table lets a reader narrow a hidden count: %s", c)
	}
	hidden := 0
	for _, r := range got {
		if r.Count == nil {
			hidden++
		}
	}
	t.Logf("the demo's five tables hide %d of %d cells", hidden, len(got))
}

// change is one rating changed in a raw table: a correction moves one
// civil servant of agency slug from predicate from to predicate to; an
// addition (from "") adds one with predicate to; a removal (to "")
// removes one with predicate from.
type change struct{ slug, from, to string }

func (c change) String() string {
	switch {
	case c.from == "":
		return fmt.Sprintf("%s +1 %s", c.slug, c.to)
	case c.to == "":
		return fmt.Sprintf("%s −1 %s", c.slug, c.from)
	}
	return fmt.Sprintf("%s %s → %s", c.slug, c.from, c.to)
}

// apply returns a copy of the raw table rows with c made, or nil when it
// cannot be made (nobody to move or remove).
func (c change) apply(rows []iku.RatingCount) []iku.RatingCount {
	out := make([]iku.RatingCount, len(rows))
	for i, r := range rows {
		n := *r.Count
		r.Count = &n
		out[i] = r
	}
	for i := range out {
		r := &out[i]
		if r.AgencySlug != c.slug && r.AgencySlug != "" {
			continue
		}
		if r.Predicate == c.from {
			if *r.Count == 0 {
				return nil
			}
			*r.Count--
		}
		if r.Predicate == c.to {
			*r.Count++
		}
		if c.from == "" {
			r.Rated++
		}
		if c.to == "" {
			r.Rated--
		}
	}
	return out
}

func ofYear(rows []iku.RatingCount, y int) []iku.RatingCount {
	return slices.DeleteFunc(slices.Clone(rows), func(r iku.RatingCount) bool { return r.Year != y })
}

// TestCorrectionAfterPublishing is the story of the issue: 2025's table is
// published; then one civil servant of Dinas PUTR has their Sangat Baik
// corrected to Butuh Perbaikan (an SKP appeal) and the release is revised.
// Suppressed on its own, the revised table showed Dinas PUTR's Baik = 37,
// and so, with the city's Baik unchanged, the first version's hidden
// Sangat Baik = 8, and the corrected employee's new predicate. Now
// nothing hidden in version 1 is shown in version 2, and the two together
// leave every hidden count at least 3 values.
func TestCorrectionAfterPublishing(t *testing.T) {
	raw := ofYear(demoRatings(t), 2025)
	v1 := suppress(t, raw, 10)
	for _, c := range []change{
		{"dinas-putr", "Sangat Baik", "Butuh Perbaikan"}, // the issue's: cannot be published
		{"dinas-putr", "Sangat Baik", "Baik"},            // within hidden cells: published
	} {
		v2, kept, err := disclosure.Revise(c.apply(raw), 10, [][]iku.RatingCount{v1})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range stillHidden(v1, v2) {
			t.Errorf("%s: version 2 shows %s, which version 1 hid", c, x)
		}
		for _, w := range disclosuretest.Weak([][]iku.RatingCount{v1, v2}) {
			t.Errorf("%s: versions 1 and 2 together narrow a hidden count: %s", c, w)
		}
		t.Logf("%s: kept %v", c, kept)
	}
}

// stillHidden lists the cells hidden in a and shown in b.
func stillHidden(a, b []iku.RatingCount) []string {
	hidden := map[string]bool{}
	for _, r := range a {
		if r.Count == nil {
			hidden[fmt.Sprint(r.Year, r.AgencySlug, r.Predicate)] = true
		}
	}
	var out []string
	for _, r := range b {
		if r.Count != nil && hidden[fmt.Sprint(r.Year, r.AgencySlug, r.Predicate)] {
			out = append(out, fmt.Sprintf("%d %q %s = %d", r.Year, r.AgencySlug, r.Predicate, *r.Count))
		}
	}
	return out
}
