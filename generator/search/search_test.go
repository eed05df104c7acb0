package search

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPagesKeyChangesWithEveryIndexedPage: the cache's key changes when
// any page Pagefind indexes changes (a service unit's as much as an
// indicator's, in both languages), so that a build never takes the index
// of pages it no longer has; and it does not change for a page Pagefind
// does not read.
func TestPagesKeyChangesWithEveryIndexedPage(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "pagefind")
	write(t, bin, "#!/bin/sh\n")
	site := filepath.Join(dir, "site")
	indexed := []string{
		"iku/waktu-tunggu/index.html", "opd/rsud/index.html", "sektor/kesehatan/index.html", "unit/puskesmas-sijambi/index.html",
		"en/iku/waktu-tunggu/index.html", "en/opd/rsud/index.html", "en/sektor/kesehatan/index.html", "en/unit/puskesmas-sijambi/index.html",
	}
	others := []string{"index.html", "cari/index.html", "embed/waktu-tunggu/index.html", "en/index.html"}
	for _, p := range append(indexed, others...) {
		write(t, filepath.Join(site, p), "<html><body>"+p+"</body></html>")
	}
	key := func() string {
		t.Helper()
		k, err := pagesKey(bin, site)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	before := key()
	for _, p := range indexed {
		f := filepath.Join(site, p)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		write(t, f, string(b)+" changed")
		if k := key(); k == before {
			t.Errorf("after %s changed, the search cache's key is the same: the build would take the index of the old page", p)
		}
		write(t, f, string(b))
	}
	for _, p := range others {
		write(t, filepath.Join(site, p), "changed")
	}
	if k := key(); k != before {
		t.Errorf("pages Pagefind does not index changed (%q), and so did the search cache's key", others)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o755); err != nil {
		t.Fatal(err)
	}
}
