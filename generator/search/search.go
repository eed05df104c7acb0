// Package search builds the site's search index with Pagefind (npm
// pagefind, pinned in package-lock.json): after Hugo has written the site
// and before it is published, Pagefind reads the indicator, agency, sector
// and service-unit pages of each language (side by side on a small site,
// one language at a time on a large one), and the bundles are merged into
// /pagefind/, one index per <html lang>. A language of more than runPages
// pages is indexed in parts (/pagefind/part-1/, …, named by parts.json),
// which the search page merges in the browser. The search page (/cari/)
// loads it only when a reader searches; without it (or without
// JavaScript) /cari/ is the complete A–Z list of indicators.
package search

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// sections are the folders of the pages Pagefind indexes: indicators,
// agencies, sectors and service units (found by name and kecamatan); the
// embeds and lists repeat them. Both what Pagefind reads (glob) and what the
// cache's key hashes (pages) come from this one list.
var sections = []string{"iku", "opd", "sektor", "unit"}

// languages are the site's languages by the folder their pages are in
// (Indonesian at the root, English under en/). Pagefind indexes one
// language at a time: given both, it holds what it read of every page of
// the site until it has written every index, so that at 10,000 indicators
// it took 1.95 GB, more than the rest of the build; one language took
// 1.4 GB. Its bundles are then merged into one (merge).
var languages = []struct{ code, prefix string }{{"id", ""}, {"en", "en/"}}

// glob is the Pagefind glob of the pages of the language whose pages are
// under prefix.
func glob(prefix string) string {
	return prefix + "{" + strings.Join(sections, ",") + "}/*/index.html"
}

// exclude is what of a page is not searched: the header, navigation,
// footer, the embed code, the downloads, and the charts and tables (their
// numbers and quarters would match every query).
const exclude = "header, nav, footer, .embed-code, .downloads, svg, table"

// Find returns the Pagefind program: $KINERJA_PAGEFIND when set, else the
// site folder's node_modules/.bin/pagefind (npm ci), else pagefind on the
// PATH; "" when there is none.
func Find(siteRoot string, getenv func(string) string) string {
	if p := getenv("KINERJA_PAGEFIND"); p != "" {
		return p
	}
	local := filepath.Join(siteRoot, "node_modules", ".bin", "pagefind")
	if fi, err := os.Stat(local); err == nil && !fi.IsDir() {
		return local
	}
	if p, err := exec.LookPath("pagefind"); err == nil {
		return p
	}
	return ""
}

var indexed = regexp.MustCompile(`Indexed (\d+) pages?`)

// Index runs Pagefind (bin) over the built site in dir, once per
// language (and, on a large site, once per runPages pages of a language),
// into dir/pagefind, and returns how many pages it indexed.
func Index(ctx context.Context, bin, dir string) (int, error) {
	out := filepath.Join(dir, "pagefind")
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	// Each run's bundle is written beside the site's own folders (same
	// file system, so merging is renaming) under a name no glob matches,
	// and is gone when Index returns.
	tmp, err := os.MkdirTemp(dir, ".pagefind-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	type run struct {
		prefix, bundle string
		part           int      // 0: the language's first pages (all of them on a small site)
		files          []string // the pages of a part, when a language has several; nil: all
		n              int
		err            error
	}
	var runs []*run
	total := 0
	for _, l := range languages {
		// A site without one of the languages (taken out of hugo.toml)
		// has nothing for Pagefind to read there, which it takes as an
		// error.
		files, err := pages(dir, l.prefix)
		if err != nil {
			return 0, err
		} else if len(files) == 0 {
			continue
		}
		total += len(files)
		parts := split(files, runPages)
		for k, p := range parts {
			r := &run{prefix: l.prefix, part: k, bundle: filepath.Join(tmp, l.code+"-"+strconv.Itoa(k))}
			if len(parts) > 1 {
				r.files = p
			}
			runs = append(runs, r)
		}
	}
	// The runs go side by side on a small site (Pagefind uses about one
	// and a half cores, and waits on the disk), one after the other on a
	// large one, where each holds about 115 KB a page. A failing run does
	// not stop the others, so that the same failure gives the same
	// sentence: the first run's.
	var g errgroup.Group
	if total > sideBySide {
		g.SetLimit(1)
	}
	for _, r := range runs {
		g.Go(func() error {
			site := dir
			if r.files != nil {
				site = r.bundle + "-site"
				if r.err = mirror(dir, site, r.files); r.err != nil {
					return nil
				}
				defer os.RemoveAll(site)
			}
			r.n, r.err = indexLanguage(ctx, bin, site, r.prefix, r.bundle)
			return nil
		})
	}
	g.Wait()
	n := 0
	var byPart [][]string
	for _, r := range runs {
		if r.err != nil {
			return 0, r.err
		}
		n += r.n
		for len(byPart) <= r.part {
			byPart = append(byPart, nil)
		}
		byPart[r.part] = append(byPart[r.part], r.bundle)
	}
	if len(byPart) == 0 {
		return 0, iku.Errorf(iku.Internal, "the site in %s has no pages for the search to index (%s in no language); check that Hugo wrote the indicator pages", dir, strings.Join(sections, ", "))
	}
	// The first part of every language is the bundle the search page
	// loads (/pagefind/); a language's further parts are bundles of their
	// own (/pagefind/part-1/, …), which it merges into the first in the
	// browser (Pagefind's mergeIndex), as partsFile lists them.
	parts := map[string][]string{}
	for k, bundles := range byPart {
		dst := out
		if k > 0 {
			dst = filepath.Join(out, partName(k))
		}
		langs, err := merge(bundles, dst)
		if err != nil {
			os.RemoveAll(out)
			return 0, err
		}
		if k > 0 {
			for _, lang := range langs {
				parts[lang] = append(parts[lang], partName(k)+"/")
			}
		}
	}
	if err := writeParts(out, parts); err != nil {
		os.RemoveAll(out)
		return 0, err
	}
	if _, err := os.Stat(filepath.Join(out, "pagefind.js")); err != nil {
		os.RemoveAll(out)
		return 0, iku.Errorf(iku.Internal, "Pagefind wrote no pagefind.js, which the search page loads; is KINERJA_PAGEFIND the Pagefind of package-lock.json?")
	}
	return n, nil
}

// runPages is the most pages of a language that one Pagefind run reads.
// Pagefind holds what it read of every page of a run until it has written
// the run's index: about 115 KB a page (5.65 GiB for the 51,270 pages of
// one language of a site of 50,000 indicators), so a language of more
// pages is indexed in parts of at most runPages pages (about 1.1 GiB
// each), one after the other. A variable so that the tests can make parts
// of a few pages.
var runPages = 10000

// split cuts files into the fewest parts of at most most files each, of
// sizes that differ by one at most, in order.
func split(files []string, most int) [][]string {
	n := (len(files) + most - 1) / most
	parts := make([][]string, 0, n)
	for k := range n {
		parts = append(parts, files[k*len(files)/n:(k+1)*len(files)/n])
	}
	return parts
}

// partName is the folder, under /pagefind/, of the bundle of the kth part
// (k ≥ 1) of the languages that have more than one.
func partName(k int) string { return "part-" + strconv.Itoa(k) }

// partsFile lists, by language (as in Pagefind's entry file: the <html
// lang> of its pages), the bundles under /pagefind/ that the search page
// merges into the first: {"en":["part-1/"],"id":["part-1/"]}. On a site
// whose languages are indexed in one run each it is {}. The search page
// (assets/js/search.js) reads it; it is written on every site, so that a
// missing file is an error there, not a search that silently finds less.
const partsFile = "parts.json"

func writeParts(out string, parts map[string][]string) error {
	b, err := json.Marshal(parts) // keys in sorted order
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, partsFile), b, 0o644)
}

// mirror makes the folder site hold the files of dir (hard links where it
// can), at the same paths under it, so that Pagefind run over site indexes
// them under the URLs they have in dir, and nothing else.
func mirror(dir, site string, files []string) error {
	for _, f := range files {
		rel, err := filepath.Rel(dir, f)
		if err != nil {
			return err
		}
		dst := filepath.Join(site, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := linkOrCopy(f, dst); err != nil {
			return err
		}
	}
	return nil
}

// indexLanguage runs Pagefind over the pages of dir under prefix (one
// language), writing its bundle into bundle; it returns the pages indexed.
func indexLanguage(ctx context.Context, bin, dir, prefix, bundle string) (int, error) {
	cmd := exec.CommandContext(ctx, bin, "--site", dir, "--glob", glob(prefix), "--exclude-selectors", exclude, "--output-path", bundle)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return 0, iku.Wrap(err, iku.Unavailable, "cannot run Pagefind %q for the search index (%v): install it with npm ci in the site folder, or set KINERJA_PAGEFIND", bin, err)
		}
		return 0, iku.Wrap(err, iku.Internal, "Pagefind could not index the pages %s: %s", glob(prefix), lastLine(out))
	}
	n := 0
	for _, m := range indexed.FindAllSubmatch(out, -1) {
		k, _ := strconv.Atoi(string(m[1]))
		n += k
	}
	if _, err := os.Stat(filepath.Join(bundle, entryFile)); err != nil {
		return 0, iku.Errorf(iku.Internal, "Pagefind wrote no %s for the pages %s: %s", entryFile, glob(prefix), lastLine(out))
	}
	return n, nil
}

// sideBySide is the most pages whose languages are indexed at once: two
// Pagefind runs of 3,000 pages each hold about 400 MB each.
const sideBySide = 6000

// entryFile is the bundle's table of contents: which languages it has,
// each with the hash that names its files. pagefind.js reads it and picks
// the language of the page's <html lang>.
const entryFile = "pagefind-entry.json"

// merge moves the files of the Pagefind bundles (one per language) into
// the folder out, as one bundle: the files of a language's index carry the
// language in their names, so they do not meet; the ones every bundle has
// (pagefind.js, its worker and WebAssembly) are the same bytes, kept once;
// and the entry files' languages are put together. It returns the
// languages, in order.
func merge(bundles []string, out string) ([]string, error) {
	var entries [][]byte
	for _, bundle := range bundles {
		err := filepath.WalkDir(bundle, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(bundle, p)
			dst := filepath.Join(out, rel)
			switch {
			case d.IsDir():
				return os.MkdirAll(dst, 0o755)
			case rel == entryFile:
				b, err := os.ReadFile(p)
				entries = append(entries, b)
				return err
			}
			if _, err := os.Lstat(dst); err == nil {
				same, err := sameBytes(p, dst)
				if err != nil {
					return err
				}
				if !same {
					return iku.Errorf(iku.Internal, "Pagefind wrote two different %s for the languages of the site; the search index cannot be merged (is KINERJA_PAGEFIND the Pagefind of package-lock.json?)", filepath.ToSlash(rel))
				}
				return nil
			}
			return os.Rename(p, dst)
		})
		if err != nil {
			return nil, err
		}
	}
	entry, langs, err := mergeEntries(entries)
	if err != nil {
		return nil, err
	}
	return langs, os.WriteFile(filepath.Join(out, entryFile), entry, 0o644)
}

// mergeEntries puts the languages of Pagefind's entry files together; the
// rest of them (Pagefind's version, its options) must be the same. The
// result is the same bytes for the same entries: keys in sorted order;
// with it come its languages, in order.
func mergeEntries(entries [][]byte) ([]byte, []string, error) {
	var merged map[string]json.RawMessage
	langs := map[string]json.RawMessage{}
	for _, b := range entries {
		var e map[string]json.RawMessage
		var l map[string]json.RawMessage
		if err := json.Unmarshal(b, &e); err != nil {
			return nil, nil, iku.Wrap(err, iku.Internal, "Pagefind wrote a %s that is not JSON (%v)", entryFile, err)
		}
		if err := json.Unmarshal(e["languages"], &l); err != nil {
			return nil, nil, iku.Wrap(err, iku.Internal, "Pagefind's %s has no languages (%v)", entryFile, err)
		}
		for code, v := range l {
			if _, ok := langs[code]; ok {
				return nil, nil, iku.Errorf(iku.Internal, "Pagefind found pages of language %q in more than one language of the site; give every page the <html lang> of its language", code)
			}
			langs[code] = v
		}
		delete(e, "languages")
		if merged == nil {
			merged = e
			continue
		}
		if !maps.EqualFunc(merged, e, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
			return nil, nil, iku.Errorf(iku.Internal, "Pagefind wrote %s files that differ in more than their languages, so the search index cannot be merged; is KINERJA_PAGEFIND the Pagefind of package-lock.json?", entryFile)
		}
	}
	if merged == nil {
		merged = map[string]json.RawMessage{}
	}
	l, err := json.Marshal(langs)
	if err != nil {
		return nil, nil, err
	}
	merged["languages"] = l
	b, err := json.Marshal(merged)
	return b, slices.Sorted(maps.Keys(langs)), err
}

// sameBytes reports whether the files a and b hold the same bytes.
func sameBytes(a, b string) (bool, error) {
	x, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	y, err := os.ReadFile(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(x, y), nil
}

func lastLine(b []byte) string {
	s := string(b)
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			return s[i+1:]
		}
	}
	return s
}

// Cached is Index with a cache: the index of the same pages (the same
// bytes at the same paths, indexed by the same Pagefind with the same
// options) is taken from cacheDir instead of being built again, so that a
// build whose pages did not change spends no time on search. It returns
// the pages indexed and whether the index came from the cache. cacheDir
// keeps the indexes of the last few builds.
func Cached(ctx context.Context, bin, dir, cacheDir string) (int, bool, error) {
	key, err := pagesKey(bin, dir)
	if err != nil {
		return 0, false, err
	}
	entry := filepath.Join(cacheDir, key)
	if b, err := os.ReadFile(filepath.Join(entry, "pages")); err == nil {
		if n, err := strconv.Atoi(string(b)); err == nil {
			if err := copyTree(filepath.Join(entry, "pagefind"), filepath.Join(dir, "pagefind")); err == nil {
				touch(entry)
				return n, true, nil
			}
			os.RemoveAll(filepath.Join(dir, "pagefind"))
		}
	}
	n, err := Index(ctx, bin, dir)
	if err != nil {
		return 0, false, err
	}
	// Keep it for the next build: written beside, then renamed, so that a
	// half-written entry is never taken.
	if err := os.MkdirAll(cacheDir, 0o755); err == nil {
		if tmp, err := os.MkdirTemp(cacheDir, ".new-"); err == nil {
			ok := copyTree(filepath.Join(dir, "pagefind"), filepath.Join(tmp, "pagefind")) == nil &&
				os.WriteFile(filepath.Join(tmp, "pages"), []byte(strconv.Itoa(n)), 0o644) == nil
			if !ok || os.Rename(tmp, entry) != nil {
				os.RemoveAll(tmp)
			}
			prune(cacheDir, 3)
		}
	}
	return n, false, nil
}

// pagesKey is the SHA-256 of what an index depends on: the pages Pagefind
// reads (path and bytes), Pagefind itself (its path, size and time) and its
// options.
func pagesKey(bin, dir string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00", exclude, runPages, partsFile)
	for _, l := range languages {
		fmt.Fprintf(h, "%s\x00%s\x00", l.code, glob(l.prefix))
	}
	if fi, err := os.Stat(bin); err == nil {
		real, _ := filepath.EvalSymlinks(bin)
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", real, fi.Size(), fi.ModTime().UnixNano())
	}
	for _, l := range languages {
		files, err := pages(dir, l.prefix)
		if err != nil {
			return "", err
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return "", err
			}
			rel, _ := filepath.Rel(dir, f)
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// pages lists, in order, the pages of dir that glob(prefix) matches: the
// index.html of each folder of a section under prefix.
func pages(dir, prefix string) ([]string, error) {
	var files []string
	for _, section := range sections {
		m, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(prefix+section), "*", "index.html"))
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	return files, nil
}

// copyTree copies the folder from into to (a new folder), hard-linking
// files where it can.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		return linkOrCopy(p, dst)
	})
}

// linkOrCopy hard-links the file src at dst, or copies it where it cannot
// (another file system).
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// touch marks a cache entry as used now.
func touch(entry string) {
	now := time.Now()
	os.Chtimes(entry, now, now)
}

// prune keeps the keep most recently used entries of cacheDir.
func prune(cacheDir string, keep int) {
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		return
	}
	type used struct {
		name string
		at   time.Time
	}
	var all []used
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if fi, err := e.Info(); err == nil {
			all = append(all, used{e.Name(), fi.ModTime()})
		}
	}
	slices.SortFunc(all, func(a, b used) int { return b.at.Compare(a.at) })
	for _, u := range all[min(keep, len(all)):] {
		os.RemoveAll(filepath.Join(cacheDir, u.name))
	}
}
