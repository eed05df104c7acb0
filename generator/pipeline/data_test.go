package pipeline

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/release"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// TestMain lets the test binary run Hugo: a build re-executes it as
// "kinerja __hugo …", as it does the real program.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == site.HugoCommand {
		if err := site.RunHugo(os.Args[2:]); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// demoModels are the display models of the demo data.
func demoModels(t *testing.T) []*display.Model {
	t.Helper()
	ctx := t.Context()
	s := settings(t)
	l, err := Load(ctx, Options{}, s.K)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(ctx, l.Dataset, s.Rules, iku.Quarter{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Current, err = release.Transient(l.Dataset, rep.Latest, "test"); err != nil {
		t.Fatal(err)
	}
	l.Releases = []*release.Release{l.Current}
	rel, err := Releases(ctx, l, rep, s.Rules, false)
	if err != nil {
		t.Fatal(err)
	}
	models, err := Display(ctx, display.Input{Report: rep, Dataset: l.Dataset, K: s.K, Releases: rel.Inputs}, s.Langs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return models
}

// A large site's data is made twice when Hugo runs: once to be hashed for
// the page cache's key, once to be written. Data that came out different
// the second time would be cached under a key not true of it: the build
// fails instead.
func TestDataMadeAgainMustBeTheSame(t *testing.T) {
	ctx := t.Context()
	models := demoModels(t)
	d, err := DataFiles(ctx, t.TempDir(), models, nil, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	models[0].Indicators[0].Title += " (changed)"
	err = d.Write(ctx, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "came out different") {
		t.Errorf("Write of data changed since it was hashed: %v; want the build to fail", err)
	}

	// Released before it was written: Write fails rather than write none.
	d, err = DataFiles(ctx, t.TempDir(), demoModels(t), nil, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	d.Release()
	if err := d.Write(ctx, t.TempDir()); err == nil {
		t.Error("Write after Release succeeded without writing")
	}
}

// smallBundle writes the demo data of two agencies as a bundle into dir.
func smallBundle(t *testing.T, dir string, edit func(ds *iku.Dataset)) string {
	t.Helper()
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{"dinas-kesehatan": true, "bapperida": true}
	ds.Agencies = slices.DeleteFunc(ds.Agencies, func(a iku.Agency) bool { return !keep[a.Slug] })
	ds.Indicators = slices.DeleteFunc(ds.Indicators, func(i iku.Indicator) bool { return !keep[i.AgencySlug] })
	inds, sectors := map[string]bool{}, map[string]bool{}
	for _, i := range ds.Indicators {
		inds[i.Slug], sectors[i.SectorSlug] = true, true
	}
	for _, a := range ds.Agencies {
		sectors[a.SectorSlug] = true
	}
	ds.Sectors = slices.DeleteFunc(ds.Sectors, func(s iku.Sector) bool { return !sectors[s.Slug] })
	ds.Predicates = slices.DeleteFunc(ds.Predicates, func(p iku.Predicate) bool { return !keep[p.AgencySlug] })
	ds.Targets = slices.DeleteFunc(ds.Targets, func(x iku.Target) bool { return !inds[x.IndicatorSlug] })
	ds.Results = slices.DeleteFunc(ds.Results, func(x iku.Result) bool { return !inds[x.IndicatorSlug] })
	ds.Explanations = slices.DeleteFunc(ds.Explanations, func(x iku.Explanation) bool { return !inds[x.IndicatorSlug] })
	ds.Ratings, ds.Units, ds.UnitResults = nil, nil, nil
	if edit != nil {
		edit(ds)
	}
	if err := bundle.Write(dir, ds); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLargeDataWarmBuild: a site whose data is too large to hold in memory
// builds as one that fits: the same build again takes its pages from the
// page cache and writes none of its data into the build folder, and
// publishes the same files (the charts as SVG files too, which are made
// from the data); changed data runs Hugo on the data written.
func TestLargeDataWarmBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-site builds (charts, previews, Hugo): make test runs it (not -short)")
	}
	defer func(n int) { maxDataInMemory = n }(maxDataInMemory)
	maxDataInMemory = 1000
	dir := t.TempDir()
	root := siteCopy(t, dir)
	b1, b2, slug := twoBundles(t, dir)
	out := filepath.Join(dir, "public")
	build1 := func(bundle string, cached bool) map[string][32]byte {
		t.Helper()
		var stderr bytes.Buffer
		dataWritten := false
		st, err := build(t.Context(), Options{SiteRoot: root, Source: Source{From: bundle}, Stderr: &stderr}, out, func(string) {
			// The build folder, before it is removed.
			metas, _ := filepath.Glob(filepath.Join(root, ".build", "build-*", "data", "kinerja", "meta.json"))
			dataWritten = len(metas) > 0
		})
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		if st.PagesCached != cached || dataWritten == cached {
			t.Errorf("pages from the cache: %t, data written: %t; want %t and %t\n%s", st.PagesCached, dataWritten, cached, !cached, stderr.String())
		}
		return treeSums(t, out)
	}
	cold := build1(b1, false)
	warm := build1(b1, true)
	if !maps.Equal(cold, warm) {
		t.Error("the warm build published other files than the cold one")
	}
	svg := filepath.Join(out, "iku", slug, display.ChartSVG)
	if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("<svg")) {
		t.Errorf("the warm build's chart SVG file %s: %v", svg, err)
	}
	build1(b2, false)
	if b, err := os.ReadFile(filepath.Join(out, "iku", slug, "index.html")); err != nil || !bytes.Contains(b, []byte("Kota Tanjungbalai")) {
		t.Errorf("the changed data is not on its page (%v)", err)
	}
	if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("Kota Tanjungbalai")) {
		t.Errorf("the changed data is not in the chart's SVG file (%v)", err)
	}
}

// TestLargeSiteIsTheSameSite: a large site is made in another order, to
// bound its memory (the downloads alone from the default language's
// model, then one language at a time: its model, charts left in their
// cache and read back, data written as made, in several Hugo runs; the
// previews last, from jobs kept without the models), and publishes the
// very same files.
func TestLargeSiteIsTheSameSite(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-site builds (charts, previews, Hugo): make test runs it (not -short)")
	}
	dir := t.TempDir()
	b1 := smallBundle(t, filepath.Join(dir, "b1"), nil)
	site := func(name string, large bool) map[string][32]byte {
		t.Helper()
		defer func(n int) { sideBySide = n }(sideBySide)
		if large {
			sideBySide = 1
		}
		root := siteCopy(t, filepath.Join(dir, name))
		out := filepath.Join(dir, name, "public")
		var stderr bytes.Buffer
		o := Options{SiteRoot: root, Source: Source{From: b1}, Stderr: &stderr, SourceDate: time.Unix(1780000000, 0)}
		if large {
			o.ShardSize = 7
		}
		if _, err := build(t.Context(), o, out, nil); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		return treeSums(t, out)
	}
	small := site("small", false)
	large := site("large", true)
	if len(small) < 100 {
		t.Fatalf("the small site has %d files", len(small))
	}
	for name, sum := range small {
		if large[name] != sum {
			t.Errorf("%s differs when the site is made as a large one", name)
		}
	}
	for name := range large {
		if _, ok := small[name]; !ok {
			t.Errorf("%s is only in the site made as a large one", name)
		}
	}
}

// twoBundles writes two small bundles into dir/b1 and dir/b2, the second
// with the name of the indicator slug changed (it ends in "Kota
// Tanjungbalai").
func twoBundles(t *testing.T, dir string) (b1, b2, slug string) {
	t.Helper()
	slug = "bapperida-pengangguran-terbuka"
	b1 = smallBundle(t, filepath.Join(dir, "b1"), nil)
	b2 = smallBundle(t, filepath.Join(dir, "b2"), func(ds *iku.Dataset) {
		for i := range ds.Indicators {
			if ds.Indicators[i].Slug == slug {
				ds.Indicators[i].Name += " Kota Tanjungbalai"
			}
		}
	})
	return b1, b2, slug
}

// siteCopy copies the repository's site (hugo.toml, content, data,
// themes) into dir/site and returns that folder.
func siteCopy(t *testing.T, dir string) string {
	t.Helper()
	root := filepath.Join(dir, "site")
	for _, d := range []string{"content", "data", "themes"} {
		if err := os.CopyFS(filepath.Join(root, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "hugo.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestUnchangedBuildKeepsTheSite: a build with every input of the
// published site keeps it, and says so; changed data, or another search
// program (which only the finishing stages see), builds a new site; a
// publish is never kept (at is set).
func TestUnchangedBuildKeepsTheSite(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-site builds (charts, previews, Hugo): make test runs it (not -short)")
	}
	pagefind, err := filepath.Abs(filepath.Join("..", "..", "node_modules", ".bin", "pagefind"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(pagefind); err != nil {
		t.Fatalf("Pagefind (npm ci): %v", err)
	}
	dir := t.TempDir()
	root := siteCopy(t, dir)
	other := filepath.Join(dir, "pagefind-again")
	if err := os.Symlink(pagefind, other); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KINERJA_PAGEFIND", pagefind)
	b1, b2, slug := twoBundles(t, dir)
	out := filepath.Join(dir, "public")
	built := func(what, bundle string, at func(string), want bool) map[string][32]byte {
		t.Helper()
		var stderr bytes.Buffer
		st, err := build(t.Context(), Options{SiteRoot: root, Source: Source{From: bundle}, Stderr: &stderr}, out, at)
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, stderr.String())
		}
		said := strings.Contains(stderr.String(), "site:     unchanged")
		if st.Unchanged != want || said != want {
			t.Errorf("%s: Unchanged %t, said so %t; want %t\n%s", what, st.Unchanged, said, want, stderr.String())
		}
		return treeSums(t, out)
	}
	first := built("first build", b1, nil, false)
	if again := built("the same build", b1, nil, true); !maps.Equal(first, again) {
		t.Error("the kept site is not the one published")
	}
	built("the same build as a publish", b1, func(string) {}, false)
	built("the same build again", b1, nil, true)
	t.Setenv("KINERJA_PAGEFIND", other)
	built("another search program", b1, nil, false)
	built("the same build again", b1, nil, true)
	built("changed data", b2, nil, false)
	if b, err := os.ReadFile(filepath.Join(out, "iku", slug, "index.html")); err != nil || !bytes.Contains(b, []byte("Kota Tanjungbalai")) {
		t.Errorf("the changed data is not on its page (%v)", err)
	}
}

// treeSums are the SHA-256 of every file under dir, by path.
func treeSums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
