// Package search builds the site's search index with Pagefind (npm
// pagefind, pinned in package-lock.json): after Hugo has written the site
// and before it is published, Pagefind reads the indicator, agency,
// sector and service-unit pages of every language and writes /pagefind/, one index per
// <html lang>. The search page (/cari/) loads it only when a reader
// searches; without it (or without JavaScript) /cari/ is the complete
// A–Z list of indicators.
package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// sections are the folders of the pages Pagefind indexes: indicators,
// agencies, sectors and service units (found by name and kecamatan); the
// embeds and lists repeat them. Both what Pagefind reads (glob) and what the
// cache's key hashes (pages) come from this one list.
var sections = []string{"iku", "opd", "sektor", "unit"}

// prefixes are the folders of the site's languages: Indonesian at the root,
// English under en/.
var prefixes = []string{"", "en/"}

// glob is the Pagefind glob of the pages it indexes: sections' pages in
// every language.
func glob() string {
	var all []string
	for _, p := range prefixes {
		for _, s := range sections {
			all = append(all, p+s)
		}
	}
	return "{" + strings.Join(all, ",") + "}/*/index.html"
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

// Index runs Pagefind (bin) over the built site in dir and returns how
// many pages it indexed.
func Index(ctx context.Context, bin, dir string) (int, error) {
	cmd := exec.CommandContext(ctx, bin, "--site", dir, "--glob", glob(), "--exclude-selectors", exclude)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return 0, iku.Wrap(err, iku.Unavailable, "cannot run Pagefind %q for the search index (%v): install it with npm ci in the site folder, or set KINERJA_PAGEFIND", bin, err)
		}
		return 0, iku.Wrap(err, iku.Internal, "Pagefind could not index the site: %s", lastLine(out))
	}
	n := 0
	for _, m := range indexed.FindAllSubmatch(out, -1) {
		k, _ := strconv.Atoi(string(m[1]))
		n += k
	}
	if _, err := os.Stat(filepath.Join(dir, "pagefind", "pagefind.js")); err != nil {
		return 0, iku.Errorf(iku.Internal, "Pagefind wrote no pagefind/pagefind.js: %s", lastLine(out))
	}
	return n, nil
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
	fmt.Fprintf(h, "%s\x00%s\x00", glob(), exclude)
	if fi, err := os.Stat(bin); err == nil {
		real, _ := filepath.EvalSymlinks(bin)
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", real, fi.Size(), fi.ModTime().UnixNano())
	}
	for _, prefix := range prefixes {
		files, err := pages(dir, prefix)
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

// pages lists, in order, the pages of the language under prefix that
// Pagefind reads: the index.html of each folder of a section.
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
		if err := os.Link(p, dst); err == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
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
