package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestUnchangedKeepsThePublishedSite: a build with every input of the
// published site keeps it (no new folder, the same Marker); another Key,
// other Files, other data, a published folder changed by something else,
// or a rollback build a new site, and so does Anew (which still records
// what it published). Without Key every build is new.
func TestUnchangedKeepsThePublishedSite(t *testing.T) {
	ctx := context.Background()
	for _, linked := range []bool{false, true} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		if linked {
			if err := os.MkdirAll(filepath.Join(dir, "builds"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("builds/public-0", out); err != nil {
				t.Fatal(err)
			}
		}
		root, build := miniSite(t, "first", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
		file := filepath.Join(dir, "stored")
		if err := os.WriteFile(file, []byte("a download"), 0o644); err != nil {
			t.Fatal(err)
		}
		o := options(root, build, out)
		o.Key, o.Files = "images-1", map[string]string{"data/a.csv": file}
		built := func(what string, want bool) {
			t.Helper()
			before := markerStamp(out)
			st, err := Build(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			if st.Unchanged != want {
				t.Errorf("linked %t, %s: Unchanged = %t; want %t", linked, what, st.Unchanged, want)
			}
			if kept := markerStamp(out) == before; kept != want {
				t.Errorf("linked %t, %s: the published Marker kept = %t; want %t", linked, what, kept, want)
			}
			if want && (st.Pages == 0 || st.Files == 0) {
				t.Errorf("linked %t, %s: the kept site's stats %+v", linked, what, st)
			}
			assertHome(t, out, "<p>")
		}
		built("first build", false)
		built("the same build again", true)
		o.Anew = true
		built("the same build, Anew", false)
		o.Anew = false
		built("the same build again", true)
		o.Key = "images-2"
		built("another Key", false)
		built("the same again", true)
		o.Files = map[string]string{"data/b.csv": file}
		built("other Files", false)
		built("the same again", true)
		if err := os.WriteFile(filepath.Join(build, "data", "kinerja", "meta.json"), []byte(`{"value": "second"}`), 0o644); err != nil {
			t.Fatal(err)
		}
		built("other data", false)
		assertHome(t, out, "<p>second</p>")
		built("the same again", true)
		// Something else wrote the published folder's Marker.
		later := time.Now().Add(time.Hour)
		if err := os.Chtimes(filepath.Join(out, Marker), later, later); err != nil {
			t.Fatal(err)
		}
		built("a published folder changed since", false)
		if linked {
			if err := Rollback(out); err != nil {
				t.Fatal(err)
			}
			built("after a rollback", false)
		}
		o.Key = ""
		built("no Key", false)
		built("no Key again", false)
	}
}
