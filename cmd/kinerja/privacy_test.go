package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/disclosure/disclosuretest"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
	"github.com/tanjungbalai/kinerja/generator/release"
)

// few keeps the demo's first indicators only (with their targets, results
// and explanations), so that publishing it builds a small site: the
// ratings, which these tests are about, stay whole.
func few(ds *iku.Dataset) {
	keep := map[string]bool{}
	for _, ind := range ds.Indicators[:6] {
		keep[ind.Slug] = true
	}
	ds.Indicators = slices.DeleteFunc(ds.Indicators, func(i iku.Indicator) bool { return !keep[i.Slug] })
	ds.Targets = slices.DeleteFunc(ds.Targets, func(x iku.Target) bool { return !keep[x.IndicatorSlug] })
	ds.Results = slices.DeleteFunc(ds.Results, func(x iku.Result) bool { return !keep[x.IndicatorSlug] })
	ds.Explanations = slices.DeleteFunc(ds.Explanations, func(x iku.Explanation) bool { return !keep[x.IndicatorSlug] })
	ds.UnitResults = slices.DeleteFunc(ds.UnitResults, func(x iku.UnitResult) bool { return !keep[x.IndicatorSlug] })
}

// correct moves one civil servant of agency slug from predicate from to
// predicate to in year y of a raw ratings table (the city's row too): an
// SKP appeal.
func correct(rows []iku.RatingCount, y int, slug, from, to string) {
	for _, r := range rows {
		if r.Year == y && (r.AgencySlug == slug || r.AgencySlug == "") {
			switch r.Predicate {
			case from:
				*r.Count--
			case to:
				*r.Count++
			}
		}
	}
}

// ratingsOf reads the ratings table a release version froze.
func ratingsOf(t *testing.T, dir string) []iku.RatingCount {
	t.Helper()
	src, err := bundle.OpenPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := src.Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return ds.Ratings
}

// revealed lists what later shows of what earlier hid.
func revealed(earlier, later []iku.RatingCount) []string {
	hidden := map[string]bool{}
	for _, r := range earlier {
		if r.Count == nil {
			hidden[fmt.Sprint(r.Year, r.AgencySlug, r.Predicate)] = true
		}
	}
	var out []string
	for _, r := range later {
		if r.Count != nil && hidden[fmt.Sprint(r.Year, r.AgencySlug, r.Predicate)] {
			out = append(out, fmt.Sprintf("%d %q %s = %d", r.Year, r.AgencySlug, r.Predicate, *r.Count))
		}
	}
	return out
}

// checkRevision checks the releases after a correction of Dinas PUTR's
// 2025 ratings: nothing hidden in an earlier version is shown in a later
// one, a reader of all versions together (who knows that one rating
// changed) narrows no hidden count below 3 values, and the release page
// says that 2025's ratings were corrected, without a number.
func checkRevision(t *testing.T, rel, out string, versions ...string) {
	t.Helper()
	var tables [][]iku.RatingCount
	for _, v := range versions {
		tables = append(tables, ratingsOf(t, filepath.Join(rel, v)))
	}
	for i := range tables {
		for j := i + 1; j < len(tables); j++ {
			for _, s := range revealed(tables[i], tables[j]) {
				t.Errorf("%s shows %s, which %s hid", versions[j], s, versions[i])
			}
		}
	}
	for _, c := range disclosuretest.Weak(tables) {
		t.Errorf("the published versions together narrow a hidden count: %s", c)
	}
	var m release.Manifest
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(rel, "2026-q3", "v2", release.ManifestFile))), &m); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.RatingsKept, []int{2025}) {
		t.Errorf("2026-q3/v2's manifest keeps back %v; want [2025]", m.RatingsKept)
	}
	page := readFile(t, filepath.Join(out, "rilis", "2026-q3", "index.html"))
	const note = "Predikat kinerja pegawai ASN tahun 2025 dikoreksi setelah diterbitkan"
	if !strings.Contains(page, note) || strings.Contains(page, "Rilis ini tidak mengubah angka") {
		t.Errorf("/rilis/2026-q3/ does not say that the ratings of 2025 were corrected (%q)", note)
	}
}

// TestRevisedRatingsRevealNothing is the story of issue 14: 2026-Q3 is
// published; one civil servant of Dinas PUTR has their 2025 rating
// corrected from Sangat Baik to Butuh Perbaikan (an SKP appeal); the
// release is revised. Suppressed on its own, version 2 showed Dinas
// PUTR's Baik = 37 (hidden in version 1), so that version 1's Sangat Baik
// = 8 followed, and the employee's new predicate. (The same correction
// between two quarters' releases: release.TestRatingsAcrossQuarters.)
func TestRevisedRatingsRevealNothing(t *testing.T) {
	t.Run("bundle", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		rel, out := filepath.Join(dir, "releases"), filepath.Join(dir, "public")
		b1 := demoBundle(t, filepath.Join(dir, "b1"), few)
		b2 := demoBundle(t, filepath.Join(dir, "b2"), func(ds *iku.Dataset) {
			few(ds)
			correct(ds.Ratings, 2025, "dinas-putr", "Sangat Baik", "Butuh Perbaikan")
		})
		mustRun(t, nil, "publish", "--site", repoRoot(t), "--from", b1, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", "2026-10-30")
		r := mustRun(t, nil, "publish", "--site", repoRoot(t), "--from", b2, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", "2026-11-02", "--revise", "keberatan SKP")
		if !strings.Contains(r.stderr, "the ratings of 2025 were corrected since they were published") {
			t.Errorf("publish --revise does not say that 2025's corrected ratings are kept back:\n%s", r.stderr)
		}
		checkRevision(t, rel, out, "2026-q3/v1", "2026-q3/v2")
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := pgtest.New(t)
		mustRun(t, nil, "db", "migrate", "--db", dsn)
		mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		// A small site: the first six indicators only.
		for _, q := range []string{"explanations", "measurements", "quarterly_entries", "targets"} {
			if _, err := db.Exec(`DELETE FROM kinerja.` + q + ` WHERE indicator_id NOT IN (SELECT id FROM kinerja.indicators ORDER BY id LIMIT 6)`); err != nil {
				t.Fatal(err)
			}
		}
		mustExec(t, db, `DELETE FROM kinerja.indicators WHERE id NOT IN (SELECT id FROM kinerja.indicators ORDER BY id LIMIT 6)`)
		dir := t.TempDir()
		rel, out := filepath.Join(dir, "releases"), filepath.Join(dir, "public")
		publish := func(date string, extra ...string) {
			args := append([]string{"publish", "--site", repoRoot(t), "--db", dsn, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", date, "--force", "uji"}, extra...)
			mustRun(t, nil, args...)
		}
		publish("2026-10-30")
		mustExec(t, db, `UPDATE asn.ratings SET predicate = 'Butuh Perbaikan' WHERE id = (
			SELECT r.id FROM asn.ratings r JOIN asn.employees e ON e.id = r.employee_id JOIN kinerja.agencies a ON a.id = e.agency_id
			WHERE a.slug = 'dinas-putr' AND r.year = 2025 AND r.predicate = 'Sangat Baik' ORDER BY r.id LIMIT 1)`)
		publish("2026-11-02", "--revise", "keberatan SKP")
		checkRevision(t, rel, out, "2026-q3/v1", "2026-q3/v2")
	})
}

// TestSuppressedInputIsRefused: a ratings table that arrives suppressed
// already (small counts blanked) built with exit 0 and was published as
// given, though most of its blanks follow from the published headcounts;
// ratings of an agency the agencies table lacks were published with a
// link to a page that does not exist. Both are refused with one sentence.
// A bundle kinerja published itself (the downloads' bundle.zip) still
// builds: TestRebuildFromDownloadedBundle.
func TestSuppressedInputIsRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	blank := func(ds *iku.Dataset) {
		for i := range ds.Ratings {
			if c := ds.Ratings[i].Count; *c >= 1 && *c <= 9 {
				ds.Ratings[i].Count = nil
			}
		}
	}
	stranger := func(ds *iku.Dataset) { // ten of each predicate, the city's row grown to match
		for i := range ds.Ratings {
			if r := &ds.Ratings[i]; r.AgencySlug == "" && r.Year == 2025 {
				*r.Count += 10
				r.Rated += 50
			}
		}
		for _, p := range iku.SKPPredicates {
			n := 10
			ds.Ratings = append(ds.Ratings, iku.RatingCount{AgencySlug: "dinas-hantu", Year: 2025, Predicate: p, Count: &n, Rated: 50})
		}
	}
	for _, c := range []struct {
		name string
		edit func(*iku.Dataset)
		want string
	}{
		{"blanked", blank, "kinerja hides small ones itself"},
		{"unknown agency", stranger, `names agency "dinas-hantu", which is not in the agencies table`},
	} {
		b := demoBundle(t, filepath.Join(dir, c.name), c.edit)
		r := run(t, nil, "build", "--site", repoRoot(t), "--from", b, "--out", filepath.Join(dir, c.name+"-public"))
		if r.code != exitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: build exit %d; want %d and a sentence with %q\n%s", c.name, r.code, exitError, c.want, r.stderr)
		}
	}

	// The same from a city's own publik.ratings that blanks counts of 1–9.
	dsn := pgtest.New(t)
	mustRun(t, nil, "db", "migrate", "--db", dsn)
	mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER VIEW publik.ratings RENAME TO ratings_exact;
		CREATE VIEW publik.ratings AS SELECT agency_slug, year, predicate,
			CASE WHEN count BETWEEN 1 AND 9 THEN NULL ELSE count END AS count, rated FROM publik.ratings_exact;
		GRANT SELECT ON publik.ratings TO portal_reader`); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "build", "--site", repoRoot(t), "--db", dsn, "--out", filepath.Join(dir, "db-public"))
	if r.code != exitError || !strings.Contains(r.stderr, "kinerja hides small ones itself") {
		t.Errorf("build from a publik.ratings that blanks small counts: exit %d\n%s", r.code, r.stderr)
	}
}
