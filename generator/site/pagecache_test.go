package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPageCache: a build whose Hugo input did not change links the last
// build's pages (and says so, and shows Hugo's warnings again); a changed
// value in the data, a changed layout or a changed base URL runs Hugo.
func TestPageCache(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "first", `{{ warnf "a warning" }}<p>{{ site.Data.kinerja.meta.value }}</p>`)
	o := options(root, build, out)
	var stderr strings.Builder
	o.Stderr = &stderr
	built := func(want string, cached bool) {
		t.Helper()
		stderr.Reset()
		st, err := Build(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if st.PagesCached != cached {
			t.Errorf("PagesCached = %t; want %t", st.PagesCached, cached)
		}
		if !strings.Contains(stderr.String(), "hugo: a warning") {
			t.Errorf("stderr %q lacks Hugo's warning", stderr.String())
		}
		assertHome(t, out, want)
	}
	built("<p>first</p>", false)
	built("<p>first</p>", true)

	// A new build folder (its name of another length) with the same data:
	// still the same input.
	build2 := filepath.Join(t.TempDir(), "build-of-another-length")
	if err := os.CopyFS(build2, os.DirFS(build)); err != nil {
		t.Fatal(err)
	}
	o.BuildDir = build2
	built("<p>first</p>", true)

	if err := os.WriteFile(filepath.Join(build2, "data", "kinerja", "meta.json"), []byte(`{"value": "second"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	built("<p>second</p>", false)
	built("<p>second</p>", true)

	if err := os.WriteFile(filepath.Join(root, "layouts", "home.html"), []byte(`{{ warnf "a warning" }}<h1>{{ site.Data.kinerja.meta.value }}</h1>`), 0o644); err != nil {
		t.Fatal(err)
	}
	built("<h1>second</h1>", false)

	o.BaseURL = "https://kinerja.example.go.id/"
	built("<h1>second</h1>", false)
	built("<h1>second</h1>", true)

	entries, _ := os.ReadDir(filepath.Join(root, ".cache", pageCacheDir))
	if len(entries) != 1 {
		t.Errorf("the page cache holds %d entries; want the last build's alone", len(entries))
	}
}

// A cache entry that lost a page is not used: Hugo runs and the site is
// whole.
func TestPageCacheIncompleteEntry(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "x", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	o := options(root, build, out)
	if _, err := Build(ctx, o); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(root, ".cache", pageCacheDir, "*", "index.html"))
	if len(pages) != 1 {
		t.Fatalf("cached home pages: %v; want one", pages)
	}
	if err := os.Remove(pages[0]); err != nil {
		t.Fatal(err)
	}
	st, err := Build(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.PagesCached {
		t.Error("a cache entry without its home page was used")
	}
	assertHome(t, out, "<p>x</p>")
}

// Data not written yet (Options.Data) counts in the key as the files
// would: a hit writes none of it into the build folder; a miss (changed
// data) writes it and runs Hugo on it.
func TestPageCacheData(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "unused", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	meta := filepath.Join(build, "data", "kinerja", "meta.json")
	if err := os.Remove(meta); err != nil {
		t.Fatal(err)
	}
	build1 := func(value string, cached bool) {
		t.Helper()
		o := options(root, build, out)
		o.Data = DataMap{"data/kinerja/meta.json": []byte(`{"value": "` + value + `"}`)}
		os.Remove(meta)
		st, err := Build(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if st.PagesCached != cached {
			t.Errorf("value %s: PagesCached = %t; want %t", value, st.PagesCached, cached)
		}
		if _, err := os.Stat(meta); cached == (err == nil) {
			t.Errorf("value %s (cached %t): the data file was written: %t", value, cached, err == nil)
		}
		assertHome(t, out, "<p>"+value+"</p>")
	}
	build1("first", false)
	build1("first", true)
	build1("second", false)
	build1("second", true)
}
