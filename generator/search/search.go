// Package search builds the site's search index with Pagefind (npm
// pagefind, pinned in package-lock.json): after Hugo has written the site
// and before it is published, Pagefind reads the indicator, agency and
// sector pages of every language and writes /pagefind/, one index per
// <html lang>. The search page (/cari/) loads it only when a reader
// searches; without it (or without JavaScript) /cari/ is the complete
// A–Z list of indicators.
package search

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Glob is the pages Pagefind indexes: indicators, agencies and sectors in
// both languages (the embeds and lists repeat them).
const Glob = "{iku,opd,sektor,en/iku,en/opd,en/sektor}/*/index.html"

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
	cmd := exec.CommandContext(ctx, bin, "--site", dir, "--glob", Glob, "--exclude-selectors", exclude)
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
