package search

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

// pagefind is the Pagefind of the repository's package-lock.json (npm ci
// at the root of the repository, or KINERJA_PAGEFIND).
func pagefind(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := Find(root, os.Getenv)
	if bin == "" {
		t.Fatalf("no Pagefind: run npm ci in %s, or set KINERJA_PAGEFIND", root)
	}
	return bin
}

// twoLanguageSite writes a small site of the shape Hugo writes: pages of
// every section in Indonesian at the root and in English under en/, and
// pages Pagefind does not index.
func twoLanguageSite(t *testing.T, dir string) {
	t.Helper()
	page := func(lang, title, body string) string {
		return `<!doctype html><html lang="` + lang + `"><head><title>` + title + `</title></head><body><header>Portal</header><main><h1>` +
			title + `</h1><p>` + body + `</p><table><tr><td>2026-Q3 87,5</td></tr></table></main><footer>Tanjungbalai</footer></body></html>`
	}
	for _, p := range []struct{ path, lang, title, body string }{
		{"iku/waktu-tunggu/index.html", "id", "Waktu tunggu rawat jalan", "Rata-rata waktu tunggu pasien rawat jalan di RSUD."},
		{"opd/rsud/index.html", "id", "RSUD Dr. Tengku Mansyur", "Rumah sakit umum daerah kota."},
		{"sektor/kesehatan/index.html", "id", "Kesehatan", "Pelayanan kesehatan masyarakat."},
		{"unit/puskesmas-sijambi/index.html", "id", "Puskesmas Sijambi", "Kecamatan Datuk Bandar Timur."},
		{"en/iku/waktu-tunggu/index.html", "en", "Outpatient waiting time", "Average waiting time of outpatients at the hospital."},
		{"en/opd/rsud/index.html", "en", "Dr. Tengku Mansyur Hospital", "The city's general hospital."},
		{"en/sektor/kesehatan/index.html", "en", "Health", "Public health services."},
		{"en/unit/puskesmas-sijambi/index.html", "en", "Sijambi Health Centre", "Datuk Bandar Timur District."},
		{"index.html", "id", "Beranda", "Portal kinerja."},
		{"embed/waktu-tunggu/index.html", "id", "Waktu tunggu rawat jalan", "Sematan."},
	} {
		write(t, filepath.Join(dir, p.path), page(p.lang, p.title, p.body))
	}
}

// TestIndexEqualsOneRun: the index Pagefind builds one language at a time
// (Index) is the index it builds of both languages at once: the same
// files, the same bytes, and an entry file with the same languages; and
// Index counts the pages of both.
func TestIndexEqualsOneRun(t *testing.T) {
	bin := pagefind(t)
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	twoLanguageSite(t, site)
	n, err := Index(t.Context(), bin, site)
	if err != nil {
		t.Fatal(err)
	}
	if n != 8 {
		t.Errorf("Index indexed %d pages; want 8 (4 sections in 2 languages)", n)
	}
	one := filepath.Join(dir, "one")
	all := "{" + strings.Join([]string{"iku", "opd", "sektor", "unit", "en/iku", "en/opd", "en/sektor", "en/unit"}, ",") + "}/*/index.html"
	if out, err := exec.Command(bin, "--site", site, "--glob", all, "--exclude-selectors", exclude, "--output-path", one).CombinedOutput(); err != nil {
		t.Fatalf("Pagefind over both languages: %v\n%s", err, out)
	}
	got, want := tree(t, filepath.Join(site, "pagefind")), tree(t, one)
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("the merged index has no %s", name)
		case name == entryFile:
			var ge, we struct{ Languages map[string]any }
			if err := json.Unmarshal([]byte(g), &ge); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(w), &we); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ge, we) || len(ge.Languages) != 2 {
				t.Errorf("%s: %s\nwant the languages of %s", name, g, w)
			}
		case g != w:
			t.Errorf("%s differs from Pagefind's of both languages at once", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok && name != partsFile {
			t.Errorf("the merged index has %s, which Pagefind's of both languages at once has not", name)
		}
	}
	if got[partsFile] != "{}" {
		t.Errorf("%s of a site whose languages are indexed in one run each: %q; want {}", partsFile, got[partsFile])
	}
	if entries, _ := filepath.Glob(filepath.Join(site, ".pagefind-*")); len(entries) > 0 {
		t.Errorf("Index left %q in the site", entries)
	}
}

// tree is the files under dir, by their path under it, with their bytes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCachedTakesTheMergedIndex: a second build of the same pages takes
// the merged index of both languages from the cache, the same files as
// Pagefind's, with the same count of pages.
func TestCachedTakesTheMergedIndex(t *testing.T) {
	bin := pagefind(t)
	dir := t.TempDir()
	site, cache := filepath.Join(dir, "site"), filepath.Join(dir, "cache")
	twoLanguageSite(t, site)
	n, cached, err := Cached(t.Context(), bin, site, cache)
	if err != nil || cached || n != 8 {
		t.Fatalf("Cached (cold) = %d, %v, %v; want 8, false, nil", n, cached, err)
	}
	built := tree(t, filepath.Join(site, "pagefind"))
	if err := os.RemoveAll(filepath.Join(site, "pagefind")); err != nil {
		t.Fatal(err)
	}
	n, cached, err = Cached(t.Context(), bin, site, cache)
	if err != nil || !cached || n != 8 {
		t.Fatalf("Cached (warm) = %d, %v, %v; want 8, true, nil", n, cached, err)
	}
	if got := tree(t, filepath.Join(site, "pagefind")); !reflect.DeepEqual(got, built) {
		t.Errorf("the index from the cache has %d files, not the %d Pagefind wrote", len(got), len(built))
	}
}

// TestIndexStopsOnCancel: Ctrl+C (the context) stops Pagefind at once, and
// Index leaves neither a bundle nor its temporary folders in the site.
func TestIndexStopsOnCancel(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	twoLanguageSite(t, site)
	bin := filepath.Join(dir, "pagefind")
	write(t, bin, "#!/bin/sh\nexec sleep 600\n")
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Index(ctx, bin, site)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Index, cancelled while Pagefind runs: %v; want %v", err, context.DeadlineExceeded)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Index took %v to stop", d)
	}
	for _, left := range []string{"pagefind", ".pagefind-*"} {
		if m, _ := filepath.Glob(filepath.Join(site, left)); len(m) > 0 {
			t.Errorf("a cancelled Index left %q", m)
		}
	}
}

// TestIndexNamesPagefindsError: when Pagefind fails, the error says which
// pages it was indexing and what Pagefind said last.
func TestIndexNamesPagefindsError(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	twoLanguageSite(t, site)
	bin := filepath.Join(dir, "pagefind")
	write(t, bin, "#!/bin/sh\necho 'Running Pagefind'\necho 'Error: out of disk space' >&2\nexit 1\n")
	_, err := Index(t.Context(), bin, site)
	want := "Pagefind could not index the pages {iku,opd,sektor,unit}/*/index.html: Error: out of disk space"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Index with a failing Pagefind: %v; want an error starting %q", err, want)
	}
}

// TestMergeEntries: the entry files' languages are put together, into the
// same bytes whichever order the bundles come in; a language found in two
// bundles, or entries of different Pagefinds, are errors.
func TestMergeEntries(t *testing.T) {
	id := []byte(`{"version":"1.6.0","languages":{"id":{"hash":"id_1","wasm":"id","page_count":3}},"include_characters":["_"]}`)
	en := []byte(`{"version":"1.6.0","languages":{"en":{"hash":"en_2","wasm":"en","page_count":4}},"include_characters":["_"]}`)
	want := `{"include_characters":["_"],"languages":{"en":{"hash":"en_2","wasm":"en","page_count":4},"id":{"hash":"id_1","wasm":"id","page_count":3}},"version":"1.6.0"}`
	for _, order := range [][][]byte{{id, en}, {en, id}} {
		got, langs, err := mergeEntries(order)
		if err != nil || string(got) != want {
			t.Errorf("mergeEntries = %s, %v; want %s", got, err, want)
		}
		if !slices.Equal(langs, []string{"en", "id"}) {
			t.Errorf("mergeEntries gives the languages %q; want [en id]", langs)
		}
	}
	if _, _, err := mergeEntries([][]byte{id, id}); err == nil || !strings.Contains(err.Error(), `language "id" in more than one`) {
		t.Errorf("mergeEntries of the same language twice: %v; want an error naming it", err)
	}
	other := []byte(strings.Replace(string(en), "1.6.0", "1.5.0", 1))
	if _, _, err := mergeEntries([][]byte{id, other}); err == nil {
		t.Errorf("mergeEntries of two Pagefind versions: no error")
	}
}

// TestIndexInParts: a language of more than runPages pages is indexed in
// parts of at most runPages pages; every page is in exactly one part (the
// entry files' page counts add up to the language's pages, in the first
// bundle and the parts partsFile names), the parts are written under
// /pagefind/, and the pages' copies Pagefind read are gone.
func TestIndexInParts(t *testing.T) {
	bin := pagefind(t)
	site := filepath.Join(t.TempDir(), "site")
	twoLanguageSite(t, site)
	defer func(n int) { runPages = n }(runPages)
	runPages = 3 // 4 pages a language: parts of 2 and 2
	n, err := Index(t.Context(), bin, site)
	if err != nil {
		t.Fatal(err)
	}
	if n != 8 {
		t.Errorf("Index indexed %d pages; want 8", n)
	}
	out := filepath.Join(site, "pagefind")
	b, err := os.ReadFile(filepath.Join(out, partsFile))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"en":["part-1/"],"id":["part-1/"]}`; string(b) != want {
		t.Errorf("%s: %s; want %s", partsFile, b, want)
	}
	pagesOf := map[string]int{}
	for _, bundle := range []string{out, filepath.Join(out, "part-1")} {
		var e struct {
			Languages map[string]struct {
				PageCount int `json:"page_count"`
			}
		}
		b, err := os.ReadFile(filepath.Join(bundle, entryFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &e); err != nil {
			t.Fatal(err)
		}
		for lang, l := range e.Languages {
			if l.PageCount != 2 {
				t.Errorf("%s: %d pages of %q; want 2 (4 pages in parts of at most 3)", bundle, l.PageCount, lang)
			}
			pagesOf[lang] += l.PageCount
		}
	}
	if want := map[string]int{"id": 4, "en": 4}; !reflect.DeepEqual(pagesOf, want) {
		t.Errorf("pages indexed by language: %v; want %v", pagesOf, want)
	}
	if entries, _ := filepath.Glob(filepath.Join(site, ".pagefind-*")); len(entries) > 0 {
		t.Errorf("Index left %q in the site", entries)
	}
}

// TestSearchFindsEveryPart: on the search page, in real Chromium, with the
// site's own search.js, a search finds a page of a language's second part
// as well as one of its first: the page merges the parts that partsFile
// names. (It finds nothing of the second part if search.js does not merge.)
func TestSearchFindsEveryPart(t *testing.T) {
	if testing.Short() {
		t.Skip("Chromium: make test runs it (not -short)")
	}
	bin := pagefind(t)
	site := filepath.Join(t.TempDir(), "site")
	twoLanguageSite(t, site)
	defer func(n int) { runPages = n }(runPages)
	runPages = 2 // iku and opd in the first part; sektor and unit in the second
	if _, err := Index(t.Context(), bin, site); err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(filepath.Join("..", "..", "themes", "kinerja", "assets", "js", "search.js"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "search.js"), string(js))
	for _, lang := range []string{"id", "en"} {
		prefix := map[string]string{"id": "", "en": "en/"}[lang]
		write(t, filepath.Join(site, prefix+"cari", "index.html"), `<!doctype html><html lang="`+lang+`"><head><title>Cari</title></head><body>
<form><input id="q" type="search"></form>
<p id="search-status" data-loading="…" data-single="{n}" data-other="{n}" data-none="0" data-unavailable="!"></p>
<div id="search-out" hidden><ul id="search-results"></ul></div>
<script src="/search.js" defer></script></body></html>`)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := chromium(t)
	for _, c := range []struct{ prefix, q, want string }{
		{"", "waktu", "/iku/waktu-tunggu/"},
		{"", "Sijambi", "/unit/puskesmas-sijambi/"},
		{"en/", "waiting", "/en/iku/waktu-tunggu/"},
		{"en/", "Sijambi", "/en/unit/puskesmas-sijambi/"},
	} {
		var hrefs []string
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/"+c.prefix+"cari/?q="+c.q),
			chromedp.Poll(`(s => s.textContent !== '' && s.textContent !== s.dataset.loading)(document.getElementById('search-status'))`, nil, chromedp.WithPollingTimeout(30*time.Second)),
			chromedp.Evaluate(`[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))`, &hrefs))
		if err != nil {
			t.Fatalf("/%scari/?q=%s: %v", c.prefix, c.q, err)
		}
		if !slices.Contains(hrefs, c.want) {
			t.Errorf("/%scari/?q=%s finds %q; want %s among them", c.prefix, c.q, hrefs, c.want)
		}
	}
}

// chromium starts headless Chromium (Debian's chromium, or $CHROMIUM).
func chromium(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		p, err := exec.LookPath("chromium")
		if err != nil {
			t.Fatal("no Chromium found: install it (Debian: apt-get install chromium) or set $CHROMIUM")
		}
		path = p
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-dev-shm-usage", true))...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		_ = chromedp.Cancel(ctx)
		cancelT()
		cancel()
		cancelA()
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	return ctx
}
