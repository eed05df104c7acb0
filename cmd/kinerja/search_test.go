package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// searchSlug is the indicator the search test looks for by name.
const searchSlug = "rsud-waktu-tunggu-rawat-jalan"

// TestSearch: on /cari/, in each language, a reader types an indicator's
// name (as its page titles it in that language), and the first result
// with its address leads to its page. Nothing of Pagefind loads before
// the reader types, and the search page logs no error (no CSP violation:
// it runs under the page's policy, with 'wasm-unsafe-eval' only there).
func TestSearch(t *testing.T) {
	public := demoSite(t)
	if _, err := os.Stat(filepath.Join(public, "pagefind", "pagefind.js")); err != nil {
		t.Fatalf("the demo site has no search index (%v): run npm ci", err)
	}
	base := serve(t, public)
	ctx := browser(t)
	var errs consoleErrors
	listen(ctx, &errs)
	if err := chromedp.Run(ctx, runtime.Enable(), log.Enable()); err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "/en"} {
		page := prefix + "/iku/" + searchSlug + "/"
		var name string
		if err := chromedp.Run(ctx, chromedp.Navigate(base+page), chromedp.Text("main h1", &name, chromedp.ByQuery)); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		var loaded int
		if err := chromedp.Run(ctx, chromedp.Navigate(base+prefix+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`performance.getEntriesByType("resource").filter(e => e.name.includes("/pagefind/")).length`, &loaded)); err != nil {
			t.Fatalf("%s/cari/: %v", prefix, err)
		}
		if loaded != 0 {
			t.Errorf("%s/cari/ loaded %d Pagefind files before anyone searched", prefix, loaded)
		}
		link := `#search-results a[href="` + page + `"]`
		var where string
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Run(wctx,
			chromedp.SendKeys("#q", name, chromedp.ByID),
			chromedp.WaitVisible(link, chromedp.ByQuery),
			chromedp.Click(link, chromedp.ByQuery),
			chromedp.WaitReady("main h1", chromedp.ByQuery),
			chromedp.Location(&where))
		cancel()
		if err != nil {
			var status string
			_ = chromedp.Run(ctx, chromedp.Text("#search-status", &status, chromedp.ByID))
			errs.mu.Lock()
			t.Fatalf("%s/cari/: typing %q did not lead to %s: %v (status: %q; console: %q)", prefix, name, page, err, status, errs.msgs)
		}
		if !strings.HasSuffix(where, page) {
			t.Errorf("%s/cari/: the result for %q led to %s; want %s", prefix, name, where, page)
		}
	}
	time.Sleep(200 * time.Millisecond) // late log entries
	errs.mu.Lock()
	defer errs.mu.Unlock()
	for _, m := range errs.msgs {
		t.Errorf("console: %s", m)
	}
}

// TestSearchWithoutJavaScript: with JavaScript off, /cari/ (and its
// English page) is the A–Z list of every indicator of the site, in order,
// and the home page's search form leads there.
func TestSearchWithoutJavaScript(t *testing.T) {
	public := demoSite(t)
	entries, err := os.ReadDir(filepath.Join(public, "iku"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range entries {
		if e.IsDir() {
			want = append(want, e.Name())
		}
	}
	if len(want) < 100 {
		t.Fatalf("the demo site has %d indicator pages; want 100 or more", len(want))
	}
	base := serve(t, public)
	ctx := browser(t)
	if err := chromedp.Run(ctx, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "/en"} {
		var hrefs, titles []string
		var action string
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+prefix+"/"),
			chromedp.AttributeValue(`main form[role=search]`, "action", &action, nil, chromedp.ByQuery),
			chromedp.Navigate(base+prefix+"/cari/?q=waktu"),
			chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll("section[aria-labelledby=h-az] ul a")].map(a => a.getAttribute("href"))`, &hrefs),
			chromedp.Evaluate(`[...document.querySelectorAll("section[aria-labelledby=h-az] ul a")].map(a => a.textContent)`, &titles),
		); err != nil {
			t.Fatalf("%s/cari/: %v", prefix, err)
		}
		if action != prefix+"/cari/" {
			t.Errorf("%s/: the search form goes to %q; want %s/cari/", prefix, action, prefix)
		}
		var got []string
		for _, h := range hrefs {
			slug, ok := strings.CutPrefix(h, prefix+"/iku/")
			if !ok {
				t.Errorf("%s/cari/ links to %s, not to an indicator of its language", prefix, h)
				continue
			}
			got = append(got, strings.TrimSuffix(slug, "/"))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s/cari/ lists %d indicators; want all %d of the site", prefix, len(got), len(want))
		}
		if !slices.IsSortedFunc(titles, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
			t.Errorf("%s/cari/: the list is not in A–Z order: %q", prefix, titles)
		}
	}
}

// TestSearchFindsUnits: search finds a service unit by its name, and by
// its kecamatan (which its name does not say), in both languages.
func TestSearchFindsUnits(t *testing.T) {
	public := demoSite(t)
	base := serve(t, public)
	ctx := browser(t)
	for _, c := range []struct{ prefix, query, page string }{
		{"", "Puskesmas Sijambi", "/unit/puskesmas-sijambi/"},
		{"", "Datuk Bandar Timur", "/unit/puskesmas-semula-jadi/"},
		{"/en", "Baswesen Island", "/en/unit/pulau-baswesen/"},
		{"/en", "Teluk Nibung District", "/en/unit/smp-negeri-7/"},
	} {
		link := `#search-results a[href="` + c.page + `"]`
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Run(wctx, chromedp.Navigate(base+c.prefix+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID),
			chromedp.SendKeys("#q", c.query, chromedp.ByID),
			chromedp.WaitVisible(link, chromedp.ByQuery))
		cancel()
		if err != nil {
			var status string
			_ = chromedp.Run(ctx, chromedp.Text("#search-status", &status, chromedp.ByID))
			t.Errorf("%s/cari/: searching %q lists no link to %s: %v (status: %q)", c.prefix, c.query, c.page, err, status)
		}
	}
}
