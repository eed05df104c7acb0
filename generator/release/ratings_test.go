package release_test

import (
	"slices"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/disclosure/disclosuretest"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/release"
)

// demo is the embedded demo's dataset with one 2025 rating of Dinas PUTR
// moved from Sangat Baik to predicate to ("" for none).
func demo(t *testing.T, to string) *iku.Dataset {
	t.Helper()
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ds.Ratings {
		if to != "" && r.Year == 2025 && (r.AgencySlug == "dinas-putr" || r.AgencySlug == "") {
			switch r.Predicate {
			case "Sangat Baik":
				*r.Count--
			case to:
				*r.Count++
			}
		}
	}
	return ds
}

func freeze(t *testing.T, ds *iku.Dataset, q, day string, rs ...*release.Release) *release.Release {
	t.Helper()
	if err := release.ProtectRatings(ds, 10, rs); err != nil {
		t.Fatal(err)
	}
	r, err := release.Freeze(ds, iku.MustQuarter(q), release.Manifest{Version: 1, Published: day})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ratings(t *testing.T, r *release.Release) []iku.RatingCount {
	t.Helper()
	ds, err := r.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if !ds.RatingsPublished {
		t.Errorf("the dataset of release %s is not marked as a published ratings table", r.Label())
	}
	return ds.Ratings
}

func ofYear(rows []iku.RatingCount, y int) []iku.RatingCount {
	return slices.DeleteFunc(slices.Clone(rows), func(r iku.RatingCount) bool { return r.Year != y })
}

func same(a, b []iku.RatingCount) bool {
	return slices.EqualFunc(a, b, func(x, y iku.RatingCount) bool {
		return x.AgencySlug == y.AgencySlug && x.Year == y.Year && x.Predicate == y.Predicate && x.Rated == y.Rated &&
			(x.Count == nil) == (y.Count == nil) && (x.Count == nil || *x.Count == *y.Count)
	})
}

// TestRatingsAcrossQuarters: 2025's ratings are published in 2026-Q2's
// release; before 2026-Q3's, one of them is corrected. Each quarter's
// release holds every year before it, so 2026-Q3's table of 2025 is a
// second version of it: suppressed on its own it would show what Q2's
// hid. Suppressed with the releases as history, the correction into a
// predicate Dinas PUTR had nobody in is kept back (the release repeats
// Q2's table and says so); one within its hidden cells is published, and
// the two versions together narrow nothing.
func TestRatingsAcrossQuarters(t *testing.T) {
	q2 := freeze(t, demo(t, ""), "2026-Q2", "2026-07-30")

	q3 := freeze(t, demo(t, "Butuh Perbaikan"), "2026-Q3", "2026-10-30", q2)
	if !slices.Equal(q3.RatingsKept, []int{2025}) {
		t.Errorf("2026-Q3 keeps back %v; want [2025]", q3.RatingsKept)
	}
	if !same(ofYear(ratings(t, q3), 2025), ofYear(ratings(t, q2), 2025)) {
		t.Error("2026-Q3 keeps 2025's correction back, but its table of 2025 is not 2026-Q2's")
	}
	got := release.RatingRevisions([]*release.Release{q3, q2}, map[*release.Release][]iku.RatingCount{q2: ratings(t, q2), q3: ratings(t, q3)})
	if want := []release.RatingRevision{{Year: 2025, In: q3, Kept: true}}; !slices.Equal(got, want) {
		t.Errorf("RatingRevisions = %+v; want %+v", got, want)
	}

	q3 = freeze(t, demo(t, "Baik"), "2026-Q3", "2026-10-30", q2)
	if len(q3.RatingsKept) > 0 {
		t.Errorf("a correction within Dinas PUTR's hidden cells is kept back: %v", q3.RatingsKept)
	}
	if same(ofYear(ratings(t, q3), 2025), ofYear(ratings(t, q2), 2025)) {
		t.Error("the corrected table of 2025 is not published")
	}
	for _, c := range disclosuretest.Weak([][]iku.RatingCount{ratings(t, q2), ratings(t, q3)}) {
		t.Errorf("2026-Q2 and 2026-Q3 together narrow a hidden count: %s", c)
	}
	got = release.RatingRevisions([]*release.Release{q2, q3}, map[*release.Release][]iku.RatingCount{q2: ratings(t, q2), q3: ratings(t, q3)})
	if want := []release.RatingRevision{{Year: 2025, In: q3}}; !slices.Equal(got, want) {
		t.Errorf("RatingRevisions = %+v; want %+v", got, want)
	}

	// A release read back is a published table: not suppressed again.
	ds, err := q3.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(ds.Ratings)
	if err := release.ProtectRatings(ds, 10, []*release.Release{q2, q3}); err != nil {
		t.Fatal(err)
	}
	if !same(ds.Ratings, before) {
		t.Error("ProtectRatings changed the table of a release read back")
	}
}
