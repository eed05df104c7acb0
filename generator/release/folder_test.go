package release

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// published writes a releases folder as kinerja publish leaves it: 2026-Q2
// v1 and v2, 2026-Q3 v1, with the index.
func published(t *testing.T) string {
	t.Helper()
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "releases")
	for _, v := range []struct {
		q       string
		version int
		day     string
	}{{"2026-Q2", 1, "2026-07-30"}, {"2026-Q2", 2, "2026-08-10"}, {"2026-Q3", 1, "2026-10-30"}} {
		r, err := Freeze(ds, iku.MustQuarter(v.q), Manifest{Version: v.version, Published: v.day, Source: "demo data"})
		if err != nil {
			t.Fatal(err)
		}
		f, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Add(r, nil); err != nil {
			t.Fatal(err)
		}
		if err := f.Done(); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenNamesWhatWasAltered: every change to a published releases
// folder is named by the next Open: an edited file, an edited manifest
// (even one made consistent with its files), a deleted version, a release
// the index lists but that is gone, a version nobody published, a file
// added; a folder without an index (an older kinerja's) still opens.
func TestOpenNamesWhatWasAltered(t *testing.T) {
	src := published(t)
	f, err := Open(src)
	if err != nil {
		t.Fatalf("Open of the folder as published: %v", err)
	}
	if len(f.Releases) != 3 || !f.Indexed || f.Pending != nil {
		t.Fatalf("Open: %d releases, indexed %v, pending %v; want 3, true, nil", len(f.Releases), f.Indexed, f.Pending)
	}
	rm := func(p ...string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			for _, x := range p {
				if err := os.RemoveAll(filepath.Join(dir, x)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, c := range []struct {
		name  string
		alter func(t *testing.T, dir string)
		want  []string
	}{
		{"a manifest edited", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "2026-q2", "v1", "manifest.json"), `"published": "2026-07-30"`, `"published": "2026-07-31"`)
		}, []string{"2026-q2/v1/manifest.json was changed (its SHA-256 is not the one SHA256SUMS lists)"}},
		{"a file edited", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "2026-q3", "v1", "agencies.csv"), "Dinas Kesehatan", "Dinas Kesehatan Baru")
		}, []string{"2026-q3/v1/agencies.csv was changed (its SHA-256 is not the one its manifest lists)"}},
		{"a file and its manifest edited to agree", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "2026-q3", "v1", "agencies.csv")
			old, _ := os.ReadFile(p)
			edit(t, p, "Dinas Kesehatan", "Dinas Kesehatan Baru")
			now, _ := os.ReadFile(p)
			m := filepath.Join(dir, "2026-q3", "v1", "manifest.json")
			edit(t, m, hash(old), hash(now))
			edit(t, m, fmt.Sprintf(`"bytes": %d`, len(old)), fmt.Sprintf(`"bytes": %d`, len(now)))
		}, []string{"2026-q3/v1/manifest.json was changed"}},
		{"a version deleted", rm("2026-q2/v1"), []string{"2026-q2/v1 is missing (SHA256SUMS lists it)"}},
		{"a version deleted, no index", rm("2026-q2/v1", "SHA256SUMS"), []string{"2026-q2/v1 is missing while v2 exists"}},
		{"a release listed but gone", rm("2026-q3"), []string{"2026-q3/v1 is missing (SHA256SUMS lists it)"}},
		{"a file deleted", rm("2026-q3/v1/targets.csv"), []string{"2026-q3/v1/targets.csv is missing"}},
		{"a version nobody published", func(t *testing.T, dir string) {
			if err := os.CopyFS(filepath.Join(dir, "2026-q3", "v2"), os.DirFS(filepath.Join(dir, "2026-q3", "v1"))); err != nil {
				t.Fatal(err)
			}
		}, []string{"2026-q3/v2 is not listed in SHA256SUMS"}},
		{"a file added", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "2026-q2", "v1", "catatan.txt"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"2026-q2/v1/catatan.txt is not in its manifest"}},
		{"the index damaged", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "SHA256SUMS"), "  2026-q2/v1/", " 2026-q2/v1/")
		}, []string{"line 1 of", "SHA256SUMS"}},
		{"two things at once", func(t *testing.T, dir string) {
			rm("2026-q2/v2")(t, dir)
			edit(t, filepath.Join(dir, "2026-q3", "v1", "manifest.json"), `"published": "2026-10-30"`, `"published": "2026-10-29"`)
		}, []string{"2026-q2/v2 is missing", "2026-q3/v1/manifest.json was changed"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyDir(t, src)
			c.alter(t, dir)
			_, err := Open(dir)
			if err == nil {
				t.Fatalf("Open after %s: no error; want one naming %q", c.name, c.want)
			}
			msg := iku.ErrorMessage(err)
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("Open after %s: %q\nwant it to name %q", c.name, msg, w)
				}
			}
			if iku.ErrorKind(err) != iku.Invalid || !strings.Contains(msg, "restore") {
				t.Errorf("Open after %s: %q (kind %s); want an invalid-input error saying what to restore", c.name, msg, iku.ErrorKind(err))
			}
		})
	}

	// A folder written before the index opens, saying it has none; the
	// next Add writes the index of every release.
	dir := copyDir(t, src)
	rm("SHA256SUMS")(t, dir)
	f, err = Open(dir)
	if err != nil || f.Indexed || len(f.Releases) != 3 {
		t.Fatalf("Open of a folder without an index: %v, indexed %v, %d releases; want no error, false, 3", err, f != nil && f.Indexed, len(f.Releases))
	}
	ds, err := f.Releases[2].Dataset()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Freeze(ds, iku.MustQuarter("2026-Q3"), Manifest{Version: 2, Published: "2026-11-02", Reason: "koreksi"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Add(r, nil); err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(sums), "/manifest.json\n"); n != 4 {
		t.Errorf("the index written by the first Add lists %d manifests; want 4:\n%s", n, sums)
	}
}

// TestUndoLeavesTheFolderAsItWas: a release added and undone (its site
// failed) leaves the folder byte for byte as before, index included, and
// Clean removes what a killed publish leaves.
func TestUndoLeavesTheFolderAsItWas(t *testing.T) {
	for _, indexed := range []bool{true, false} {
		t.Run(fmt.Sprintf("indexed=%v", indexed), func(t *testing.T) {
			dir := copyDir(t, published(t))
			if !indexed {
				os.Remove(filepath.Join(dir, IndexFile))
			}
			before := files(t, dir)
			f, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			ds, err := f.Releases[0].Dataset()
			if err != nil {
				t.Fatal(err)
			}
			r, err := Freeze(ds, iku.MustQuarter("2026-Q4"), Manifest{Version: 1, Published: "2027-01-29"})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Add(r, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, journalFile)); err != nil {
				t.Errorf("no journal while the release is added: %v", err)
			}
			if err := f.Undo(r); err != nil {
				t.Fatal(err)
			}
			if after := files(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("after Add and Undo the folder holds\n%v\nwant\n%v", after, before)
			}
		})
	}

	dir := copyDir(t, published(t))
	before := files(t, dir)
	mkdir(t, filepath.Join(dir, "2026-q3", ".new-123"), filepath.Join(dir, "2026-q4"))
	for _, p := range []string{filepath.Join(dir, "2026-q3", ".new-123", "results.csv"), filepath.Join(dir, ".new-SHA256SUMS")} {
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if after := files(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after Clean the folder holds\n%v\nwant\n%v", after, before)
	}
}

// files lists every file and folder under dir with the SHA-256 of each
// file.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = hash(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mkdir(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLock: one publish at a time, named with its process in the
// message of the next; builds share the folder but keep publishes out;
// the lock file goes with its last holder, and one left by a killed
// process does not stop the next.
func TestLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, LockFile)
	unlock, err := Lock(dir, "kinerja publish --quarter 2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	holder := fmt.Sprintf("held by process %d (kinerja publish --quarter 2026-Q2)", os.Getpid())
	_, err = Lock(dir, "kinerja publish --quarter 2026-Q3")
	if want := fmt.Sprintf("another kinerja publish is writing to the releases folder %q (lock %s, %s)", dir, path, holder); err == nil || !strings.HasPrefix(iku.ErrorMessage(err), want) {
		t.Errorf("a second Lock: %v\nwant it to start %q", err, want)
	}
	if _, err := RLock(dir); err == nil || !strings.Contains(iku.ErrorMessage(err), "a kinerja publish is writing to the releases folder") || !strings.Contains(iku.ErrorMessage(err), holder) {
		t.Errorf("RLock during a publish: %v; want a refusal naming %q", err, holder)
	}
	unlock()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock file after the publish: %v; want it removed", err)
	}

	r1, err := RLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := RLock(dir)
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	if _, err := Lock(dir, "kinerja publish --quarter 2026-Q3"); err == nil || !strings.Contains(iku.ErrorMessage(err), "a kinerja build is reading the releases folder") {
		t.Errorf("Lock while builds read: %v; want a refusal saying a build reads the folder", err)
	}
	r1()
	if _, err := Lock(dir, "x"); err == nil {
		t.Errorf("Lock while the second reader still reads: no error")
	}
	r2()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock file after the last reader: %v; want it removed", err)
	}

	// A lock file left by a killed publish holds no lock.
	if err := os.WriteFile(path, []byte("process 99999999 (kinerja publish --quarter 2026-Q1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r3, err := RLock(dir)
	if err != nil {
		t.Fatalf("RLock after a killed publish: %v", err)
	}
	r3()
	unlock, err = Lock(dir, "kinerja publish --quarter 2026-Q3")
	if err != nil {
		t.Fatalf("Lock after a killed publish: %v", err)
	}
	unlock()
}
