package disclosure_test

import (
	"slices"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/disclosure/disclosuretest"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// singleChanges lists every correction (one civil servant's predicate
// changed), late addition and removal of one rating in a year's raw table.
func singleChanges(rows []iku.RatingCount) []change {
	var slugs []string
	for _, r := range rows {
		if r.AgencySlug != "" && !slices.Contains(slugs, r.AgencySlug) {
			slugs = append(slugs, r.AgencySlug)
		}
	}
	slices.Sort(slugs)
	var out []change
	for _, s := range slugs {
		for _, from := range iku.SKPPredicates {
			for _, to := range iku.SKPPredicates {
				if from != to {
					out = append(out, change{s, from, to})
				}
			}
			out = append(out, change{s, "", from}, change{s, from, ""})
		}
	}
	return out
}

func hiddenCells(rows []iku.RatingCount) int {
	n := 0
	for _, r := range rows {
		if r.Count == nil {
			n++
		}
	}
	return n
}

// TestEveryCorrectionAndAdditionIsSafe: suppressed one version at a time,
// 58 % of the single corrections of the demo's 2025 table (and 41 % of the
// late additions) let a reader of both versions pin a hidden count. For
// every year of the demo, every single correction, late addition and
// removal is revised after the first publication; the reader of both
// versions, who knows that exactly one rating changed, must find every
// hidden count of either version with at least 3 possible values, and
// nothing hidden in version 1 may be shown in version 2. Some revisions
// are followed by a second one, and the three versions are read together.
func TestEveryCorrectionAndAdditionIsSafe(t *testing.T) {
	raw := demoRatings(t)
	var years []int
	for _, r := range raw {
		if !slices.Contains(years, r.Year) {
			years = append(years, r.Year)
		}
	}
	scenarios, published, kept, third := 0, 0, 0, 0
	// On a sample of the published revisions: their hidden cells, and how
	// many more than a fresh suppression of the same counts hides.
	sampled, extra, hidden := 0, 0, 0
	for _, y := range years {
		x1 := ofYear(raw, y)
		v1 := suppress(t, x1, 10)
		cs := singleChanges(x1)
		for i, c := range cs {
			x2 := c.apply(x1)
			if x2 == nil {
				continue
			}
			scenarios++
			v2, keptYears, err := disclosure.Revise(x2, 10, [][]iku.RatingCount{v1})
			if err != nil {
				t.Fatalf("%d, %s: %v", y, c, err)
			}
			for _, s := range stillHidden(v1, v2) {
				t.Errorf("%d, %s: version 2 shows %s, which version 1 hid", y, c, s)
			}
			if len(keptYears) > 0 {
				kept++
				if show(v2) != show(v1) {
					t.Errorf("%d, %s: the revision is kept back, but version 2 is not version 1's table:\n%s", y, c, show(v2))
				}
				continue
			}
			published++
			if published%5 == 0 { // what consistency costs, on a sample
				sampled++
				hidden += hiddenCells(v2)
				extra += hiddenCells(v2) - hiddenCells(suppress(t, x2, 10))
			}
			for _, w := range disclosuretest.Weak([][]iku.RatingCount{v1, v2}) {
				t.Errorf("%d, %s: the two versions narrow a hidden count: %s", y, c, w)
			}
			if i%9 != 0 {
				continue
			}
			// A second correction, some rows further on, read with both.
			c2 := cs[(i*7+31)%len(cs)]
			x3 := c2.apply(x2)
			if x3 == nil {
				continue
			}
			third++
			v3, _, err := disclosure.Revise(x3, 10, [][]iku.RatingCount{v1, v2})
			if err != nil {
				t.Fatalf("%d, %s then %s: %v", y, c, c2, err)
			}
			for _, s := range append(stillHidden(v1, v3), stillHidden(v2, v3)...) {
				t.Errorf("%d, %s then %s: version 3 shows %s, which an earlier version hid", y, c, c2, s)
			}
			for _, w := range disclosuretest.Weak([][]iku.RatingCount{v1, v2, v3}) {
				t.Errorf("%d, %s then %s: the three versions narrow a hidden count: %s", y, c, c2, w)
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	t.Logf("%d single changes of the demo's %d tables: %d revisions published, %d kept back; %d followed by a second change; %d published revisions sampled hide %d cells, %d more than a fresh suppression of the same counts",
		scenarios, len(years), published, kept, third, sampled, hidden, extra)
	if published < scenarios/4 || kept == 0 || third < 50 {
		t.Errorf("the sweep exercises too little: %d published, %d kept back, %d third versions", published, kept, third)
	}
}
