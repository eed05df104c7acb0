package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// storedFiles writes files (path → content) into dir, as a file store
// holds them, and returns the map Options.Files takes.
func storedFiles(t *testing.T, dir string, contents map[string]string) map[string]string {
	t.Helper()
	files := map[string]string{}
	i := 0
	for p, body := range contents {
		i++
		f := filepath.Join(dir, "ab", strings.Repeat("a", i))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files[p] = f
	}
	return files
}

// TestBuildLinksFiles: the files of Options.Files are in the new site
// before Finish runs, as hard links to the stored files (no byte
// written), and Hugo never saw them.
func TestBuildLinksFiles(t *testing.T) {
	root, build := miniSite(t, "x", `<p>x</p>`)
	files := storedFiles(t, t.TempDir(), map[string]string{"data/iku/a.csv": "a,b\n1,2\n", "api/v1/index.json": "{}\n"})
	out := filepath.Join(t.TempDir(), "public")
	o := options(root, build, out)
	o.Files = files
	o.Finish = func(ctx context.Context, dir string) error {
		for p := range files {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				t.Errorf("Finish runs before %s is in the site: %v", p, err)
			}
		}
		return nil
	}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	for p, stored := range files {
		got, err := os.Stat(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatalf("the published site lacks %s: %v", p, err)
		}
		want, err := os.Stat(stored)
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(got, want) {
			t.Errorf("the published %s is not a link to the stored file", p)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(build, "static")); len(entries) > 0 {
		t.Errorf("the build folder's static/ holds %d entries; want none (Hugo must not copy the files)", len(entries))
	}
}

// TestBuildCopiesAcrossFileSystems: where no hard link can be made (the
// store on another file system), the file is copied, and the build says
// so.
func TestBuildCopiesAcrossFileSystems(t *testing.T) {
	other, err := os.MkdirTemp("/dev/shm", "kinerja-store-")
	if err != nil {
		t.Skipf("no second file system to test on (/dev/shm): %v", err)
	}
	defer os.RemoveAll(other)
	outParent := t.TempDir()
	var a, b syscall.Stat_t
	if syscall.Stat(other, &a) != nil || syscall.Stat(outParent, &b) != nil || a.Dev == b.Dev {
		t.Skip("/dev/shm is on the same file system as the test's temporary folder")
	}
	root, build := miniSite(t, "x", `<p>x</p>`)
	files := storedFiles(t, other, map[string]string{"data/a.csv": "a\n1\n"})
	o := options(root, build, filepath.Join(outParent, "public"))
	o.Files = files
	var stderr strings.Builder
	o.Stderr = &stderr
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(outParent, "public", "data", "a.csv"))
	if err != nil || string(got) != "a\n1\n" {
		t.Errorf("the published data/a.csv = %q, %v; want a copy of the stored file", got, err)
	}
	if !strings.Contains(stderr.String(), "1 file copied into the site, not linked") {
		t.Errorf("stderr %q does not say that a file was copied", stderr.String())
	}
}

// TestBuildRefusesATakenPath: a file to publish at the path of a page
// stops the build, and the published site stays as it was.
func TestBuildRefusesATakenPath(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "published", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	if _, err := Build(context.Background(), options(root, build, out)); err != nil {
		t.Fatal(err)
	}
	root2, build2 := miniSite(t, "second", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	o := options(root2, build2, out)
	o.Files = storedFiles(t, t.TempDir(), map[string]string{"index.html": "not the home page"})
	_, err := Build(context.Background(), o)
	if err == nil || !strings.Contains(err.Error(), `"index.html"`) {
		t.Fatalf("Build with a file at the home page's path: %v; want an error naming index.html", err)
	}
	assertHome(t, out, "<p>published</p>")
}

// TestRemoveTree: RemoveTree removes a folder of folders whole, as
// os.RemoveAll does, and removes a link to a folder, never what it points
// at; a path that does not exist is no error.
func TestRemoveTree(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	keep := filepath.Join(outside, "keep.txt")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keep, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	for i := range 50 {
		for _, p := range []string{fmt.Sprintf("iku/i%d/index.html", i), fmt.Sprintf("en/iku/i%d/index.html", i), fmt.Sprintf("en/iku/i%d/grafik/a.svg", i)} {
			f := filepath.Join(site, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, []byte(p), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Symlink(outside, filepath.Join(site, "iku", "link")); err != nil {
		t.Fatal(err)
	}
	if err := RemoveTree(site); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(site); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after RemoveTree: %v; want the folder gone", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("RemoveTree followed a link out of the folder: %v", err)
	}
	if err := RemoveTree(filepath.Join(dir, "none")); err != nil {
		t.Errorf("RemoveTree of a path that does not exist: %v", err)
	}
}
