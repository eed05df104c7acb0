package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// demoBundle writes the demo as a bundle into dir, with the target the
// demo leaves out on purpose added, so that it is publishable; edit may
// change it first.
func demoBundle(t *testing.T, dir string, edit func(ds *iku.Dataset)) string {
	t.Helper()
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	ds.Targets = append(ds.Targets, iku.Target{IndicatorSlug: "kominfo-dataset-satu-data", Year: 2026, Value: iku.MustDecimal("40")})
	if edit != nil {
		edit(ds)
	}
	if err := bundle.Write(dir, ds); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPublishIsReproducible: the same data published twice on the same
// day gives byte-identical releases and sites.
func TestPublishIsReproducible(t *testing.T) {
	dir := t.TempDir()
	b := demoBundle(t, filepath.Join(dir, "bundle"), nil)
	var rels, sites []map[string][]byte
	for _, n := range []string{"a", "b"} {
		rel, out := filepath.Join(dir, n, "releases"), filepath.Join(dir, n, "public")
		mustRun(t, nil, "publish", "--site", repoRoot(t), "--from", b, "--quarter", "2026-Q3",
			"--releases", rel, "--out", out, "--date", "2026-10-30")
		rels, sites = append(rels, tree(t, rel)), append(sites, tree(t, out))
	}
	for i, pair := range [][2]map[string][]byte{{rels[0], rels[1]}, {sites[0], sites[1]}} {
		what := []string{"releases", "site"}[i]
		if len(pair[0]) < 8 {
			t.Fatalf("the %s folder has %d files", what, len(pair[0]))
		}
		for _, p := range union(pair[0], pair[1]) {
			if !bytes.Equal(pair[0][p], pair[1][p]) {
				t.Errorf("%s/%s differs between two publications of the same data on the same day", what, p)
			}
		}
	}
	manifest := string(rels[0]["2026-q3/v1/manifest.json"])
	for _, want := range []string{`"published": "2026-10-30"`, `"source": "CSV bundle"`, `"sha256": "`} {
		if !strings.Contains(manifest, want) {
			t.Errorf("manifest.json lacks %s:\n%s", want, manifest)
		}
	}
	if strings.Contains(manifest, dir) {
		t.Errorf("manifest.json names a local path:\n%s", manifest)
	}
}

// TestPublishRevise: a correction is a new version with its reason; the
// first stays as it was, and the release page lists both.
func TestPublishRevise(t *testing.T) {
	dir := t.TempDir()
	rel, out := filepath.Join(dir, "releases"), filepath.Join(dir, "public")
	b1 := demoBundle(t, filepath.Join(dir, "b1"), nil)
	mustRun(t, nil, "publish", "--site", repoRoot(t), "--from", b1, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", "2026-10-30")
	v1 := tree(t, filepath.Join(rel, "2026-q3", "v1"))

	// The same data with --revise: nothing to revise.
	r := run(t, nil, "publish", "--site", repoRoot(t), "--from", b1, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", "2026-11-02", "--revise", "koreksi")
	if r.code != exitError || !strings.Contains(r.stderr, "nothing to revise") {
		t.Errorf("revising with the same data: exit %d\n%s", r.code, r.stderr)
	}

	// A corrected value: version 2.
	b2 := demoBundle(t, filepath.Join(dir, "b2"), func(ds *iku.Dataset) {
		for i := range ds.Results {
			if ds.Results[i].IndicatorSlug == "bapperida-pengangguran-terbuka" && ds.Results[i].Quarter == iku.MustQuarter("2026-Q3") {
				ds.Results[i].Actual = iku.DecimalPtr("6.45")
			}
		}
	})
	const reason = "BPS memperbarui estimasi triwulan III"
	mustRun(t, nil, "publish", "--site", repoRoot(t), "--from", b2, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", "2026-11-02", "--revise", reason)
	for p, b := range v1 {
		if after, err := os.ReadFile(filepath.Join(rel, "2026-q3", "v1", p)); err != nil || !bytes.Equal(after, b) {
			t.Errorf("version 1's %s changed after the revision", p)
		}
	}
	page := readFile(t, filepath.Join(out, "rilis", "2026-q3", "index.html"))
	for _, want := range []string{"Versi 1", "Versi 2", reason, "6,54", "6,45", "2026-Q3 v1 → 2026-Q3 v2"} {
		if !strings.Contains(page, want) {
			t.Errorf("/rilis/2026-q3/ lacks %q", want)
		}
	}
	sums := readFile(t, filepath.Join(out, "data", "SHA256SUMS"))
	for _, f := range []string{"data/rilis/2026-q3/v1/results.csv", "data/rilis/2026-q3/v2/results.csv", "data/rilis/2026-q3-v2.zip"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the site lacks %s", f)
		}
		if !strings.Contains(sums, "  "+strings.TrimPrefix(f, "data/")+"\n") {
			t.Errorf("SHA256SUMS does not list %s", f)
		}
	}
	check := exec.Command("sha256sum", "--quiet", "-c", "SHA256SUMS")
	check.Dir = filepath.Join(out, "data")
	if b, err := check.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c on the published site: %v\n%s", err, b)
	}
}

// TestPublishFailureChangesNothing: a template that breaks mid-publish
// leaves the published site byte-identical, exits non-zero and writes no
// release.
func TestPublishFailureChangesNothing(t *testing.T) {
	dir := t.TempDir()
	rel, out := filepath.Join(dir, "releases"), filepath.Join(dir, "public")
	b := demoBundle(t, filepath.Join(dir, "bundle"), nil)
	mustRun(t, nil, "publish", "--site", repoRoot(t), "--from", b, "--quarter", "2026-Q2", "--releases", rel, "--out", out, "--date", "2026-07-30")
	before, releasesBefore := tree(t, out), tree(t, rel)

	// A copy of the site whose indicator page breaks while Hugo renders.
	// (Only the site's own files: the repository's .build and .cache may be
	// in use by another build.)
	broken := filepath.Join(dir, "site")
	for _, d := range []string{"content", "data", "themes"} {
		if err := os.CopyFS(filepath.Join(broken, d), os.DirFS(filepath.Join(repoRoot(t), d))); err != nil {
			t.Fatal(err)
		}
	}
	hugoToml, err := os.ReadFile(filepath.Join(repoRoot(t), "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "hugo.toml"), hugoToml, 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(broken, "themes", "kinerja", "layouts", "iku", "page.html")
	tmpl, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append([]byte(`{{ errorf "broken on purpose" }}`), tmpl...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "publish", "--site", broken, "--from", b, "--quarter", "2026-Q3", "--releases", rel, "--out", out, "--date", "2026-10-30")
	if r.code == 0 || !strings.Contains(r.stderr, "broken on purpose") {
		t.Fatalf("publishing with a broken template: exit %d\n%s", r.code, r.stderr)
	}
	// After a failed publish:
	unchanged(t, "public", before, tree(t, out))
	unchanged(t, "releases", releasesBefore, tree(t, rel))
	if _, err := os.Stat(filepath.Join(rel, "2026-q3")); err == nil {
		t.Error("a failed publish left a 2026-q3 release")
	}
}
