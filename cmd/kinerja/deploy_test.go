package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// TestOpenPagesSurviveDeployAndRollback: on the real site deployed through
// a link (README, "Deploying"), a reader's search page, opened and used
// before a deploy of new data and a new stylesheet, still finds results
// after it without a reload (Pagefind keeps asking for the chunks and
// fragments of the index it started with); and after kinerja rollback, a
// page of the newer build still open gets its stylesheet.
func TestOpenPagesSurviveDeployAndRollback(t *testing.T) {
	if testing.Short() {
		t.Skip("Chromium and whole-site builds: make test runs it (not -short)")
	}
	dir := t.TempDir()
	site := siteCopy(t, filepath.Join(dir, "site"))
	// Pagefind and resvg as npm ci puts them in a site folder.
	if err := os.Symlink(filepath.Join(repoRoot(t), "node_modules"), filepath.Join(site, "node_modules")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(site, "node_modules", ".bin", "pagefind")); err != nil {
		t.Fatalf("no Pagefind in the repository (%v): run npm ci", err)
	}
	const slug = "bapperida-pengangguran-terbuka"
	b1 := demoBundle(t, filepath.Join(dir, "b1"), smallDemo)
	b2 := demoBundle(t, filepath.Join(dir, "b2"), func(ds *iku.Dataset) {
		smallDemo(ds)
		for i := range ds.Indicators {
			if ds.Indicators[i].Slug == slug {
				ds.Indicators[i].Name += " Kota Tanjungbalai" // its page, and so its search fragment, change
			}
		}
	})
	link := filepath.Join(dir, "current")
	if err := os.MkdirAll(filepath.Join(dir, "builds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("builds/current-0", link); err != nil {
		t.Fatal(err)
	}
	build := func(bundle string) {
		t.Helper()
		mustRun(t, nil, "build", "--site", site, "--from", bundle, "--out", link, "--downloads=false")
	}
	build(b1)
	base := serve(t, link)
	ctx := browser(t)
	stylesheet := func() string {
		t.Helper()
		var href string
		if err := chromedp.Run(ctx, chromedp.AttributeValue(`link[rel=stylesheet]`, "href", &href, nil, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		return href
	}
	search := func(q, want string) {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		err := chromedp.Run(wctx,
			chromedp.Evaluate(`document.getElementById("q").value = ""`, nil),
			chromedp.SendKeys("#q", q, chromedp.ByID),
			chromedp.WaitVisible(`#search-results a[href="`+want+`"]`, chromedp.ByQuery))
		if err != nil {
			var status string
			_ = chromedp.Run(ctx, chromedp.Text("#search-status", &status, chromedp.ByID))
			t.Errorf("searching %q on the page opened before: no link to %s (%v); the page says %q", q, want, err, status)
		}
	}

	// A reader opens the search page and searches.
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	css1 := stylesheet()
	search("waktu tunggu", "/iku/rsud-waktu-tunggu-rawat-jalan/")
	entry1 := readFile(t, filepath.Join(link, "pagefind", "pagefind-entry.json"))

	// The office deploys new data and a new stylesheet.
	writeFile(t, filepath.Join(site, "assets", "css", "custom.css"), ":root { --brand: #0b3954; }\n")
	build(b2)
	if entry2 := readFile(t, filepath.Join(link, "pagefind", "pagefind-entry.json")); entry2 == entry1 {
		t.Fatalf("the second build's search index is the first's; the test needs another")
	}
	// The page open since before searches again, without a reload.
	search("pengangguran", "/iku/"+slug+"/")

	// A reader opens a page of the new build; the office rolls back.
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady("body", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	css2 := stylesheet()
	if css2 == css1 {
		t.Fatalf("both builds have the stylesheet %s; the test needs two", css1)
	}
	r := mustRun(t, nil, "rollback", "--out", link)
	if !strings.Contains(r.stdout, "now points at builds/current-1") {
		t.Fatalf("rollback: %s", r.stdout)
	}
	for _, href := range []string{css2, css1} {
		resp, err := http.Get(base + href)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || len(body) < 1000 {
			t.Errorf("after the rollback, GET %s: %s (%d bytes); a page still open needs it", href, resp.Status, len(body))
		}
	}
}
