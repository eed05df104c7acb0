package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/tanjungbalai/kinerja/generator/demo"
)

// csp is the policy the site must work under: no inline script or style.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'"

// cspSearch is the policy of the search page (/cari/) and of Pagefind's
// files (/pagefind/, whose worker takes the policy of its own response)
// alone: Pagefind's search runs as WebAssembly, which needs
// 'wasm-unsafe-eval' (README).
const cspSearch = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'"

// serve serves a built site on localhost with the strict CSP header (the
// search page's on /cari/, /en/cari/ and /pagefind/).
func serve(t *testing.T, dir string) string {
	t.Helper()
	fsrv := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		policy := csp
		if strings.HasPrefix(r.URL.Path, "/cari/") || strings.HasPrefix(r.URL.Path, "/en/cari/") || strings.HasPrefix(r.URL.Path, "/pagefind/") {
			policy = cspSearch
		}
		w.Header().Set("Content-Security-Policy", policy)
		fsrv.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// browser starts headless Chromium (Debian's chromium, or $CHROMIUM) with
// the flags of DESIGN.md, any extra ones, and a fresh profile.
func browser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	if testing.Short() {
		t.Skip("Chromium: make test runs it (not -short)")
	}
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		t.Fatal("no Chromium found: install it (Debian: apt-get install chromium) or set $CHROMIUM")
	}
	profile, err := os.MkdirTemp("", "kinerja-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	opts = append(opts, extra...)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	// A whole test's browser work (TestAccessibility: every template at
	// two widths, with and without JavaScript) on a busy 2-core machine
	// takes more than 3 minutes; go test's own -timeout still bounds it.
	ctx, cancelT := context.WithTimeout(ctx, 10*time.Minute)
	t.Cleanup(func() {
		_ = chromedp.Cancel(ctx) // closes the browser and waits for it
		cancelT()
		cancel()
		cancelA()
		os.RemoveAll(profile)
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	return ctx
}

// option reads a chart's option JSON from the page (the script element
// html/template escaped), through the DOM, not through page JavaScript.
func option(t *testing.T, ctx context.Context, id string) map[string]any {
	t.Helper()
	var raw string
	if err := chromedp.Run(ctx, chromedp.TextContent("#chart-option-"+id, &raw, chromedp.ByQuery)); err != nil {
		t.Fatalf("option of chart %s: %v", id, err)
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(raw), &o); err != nil {
		t.Fatalf("option of chart %s is not JSON: %v", id, err)
	}
	return o
}

// svgShown asserts the chart's SVG is in the figure and drawn at a size.
func svgShown(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	var nodes []*cdp.Node
	if err := chromedp.Run(ctx, chromedp.Nodes("figure.chart-fig svg", &nodes, chromedp.ByQueryAll, chromedp.AtLeast(0))); err != nil {
		t.Fatal(err)
	}
	if len(nodes) == 0 {
		t.Fatalf("%s: no chart SVG in a figure", page)
	}
	var paths []*cdp.Node
	if err := chromedp.Run(ctx, chromedp.Nodes("figure.chart-fig svg path", &paths, chromedp.ByQueryAll, chromedp.AtLeast(0))); err != nil {
		t.Fatal(err)
	}
	if len(paths) < 5 {
		t.Errorf("%s: the chart SVG draws %d paths; want a drawn chart", page, len(paths))
	}
	var box *dom.BoxModel
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		box, err = dom.GetBoxModel().WithNodeID(nodes[0].NodeID).Do(ctx)
		return err
	})); err != nil {
		t.Fatalf("%s: the chart SVG has no box: %v", page, err)
	}
	if box.Width < 200 || box.Height < 100 {
		t.Errorf("%s: the chart SVG is drawn at %dx%d px; want a visible chart", page, box.Width, box.Height)
	}
}

// cells returns the table's body rows as the data-sort-value (or text)
// of each cell, row header first.
func cells(t *testing.T, ctx context.Context, table string) [][]string {
	t.Helper()
	var rows []*cdp.Node
	if err := chromedp.Run(ctx, chromedp.Nodes(table+" tbody tr", &rows, chromedp.ByQueryAll, chromedp.Populate(2, false))); err != nil {
		t.Fatalf("table %s: %v", table, err)
	}
	var out [][]string
	for _, r := range rows {
		var row []string
		for _, c := range r.Children {
			if c.NodeName != "TD" && c.NodeName != "TH" {
				continue
			}
			v, ok := c.Attribute("data-sort-value")
			if !ok {
				var text string
				if err := chromedp.Run(ctx, chromedp.TextContent([]cdp.NodeID{c.NodeID}, &text, chromedp.ByNodeID)); err != nil {
					t.Fatal(err)
				}
				v = strings.TrimSpace(text)
			}
			row = append(row, v)
		}
		if len(row) < 3 {
			t.Fatalf("table %s: a row with %d cells", table, len(row))
		}
		out = append(out, row)
	}
	return out
}

// seriesData returns the named series' data as numbers (NaN for null).
func seriesData(t *testing.T, o map[string]any, name string) []float64 {
	t.Helper()
	for _, s := range o["series"].([]any) {
		s := s.(map[string]any)
		if s["name"] != name {
			continue
		}
		var out []float64
		for _, d := range s["data"].([]any) {
			if m, ok := d.(map[string]any); ok {
				d = m["value"]
			}
			if f, ok := d.(float64); ok {
				out = append(out, f)
			} else {
				out = append(out, math.NaN())
			}
		}
		return out
	}
	t.Fatalf("the option has no series %q", name)
	return nil
}

func number(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}

// TestBrowserWithoutJavaScript: with JavaScript off, the home page and an
// indicator page show the chart as SVG, and the table next to each chart
// holds the same numbers as the chart's option.
func TestBrowserWithoutJavaScript(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	if err := chromedp.Run(ctx, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}

	// An indicator page: actual and target by quarter.
	const slug = "rsud-waktu-tunggu-rawat-jalan"
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/iku/"+slug+"/")); err != nil {
		t.Fatal(err)
	}
	svgShown(t, ctx, "/iku/"+slug+"/")
	o := option(t, ctx, "iku-"+slug+"-trend")
	actual, target := seriesData(t, o, "Realisasi"), seriesData(t, o, "Target")
	rows := cells(t, ctx, "table:has(> caption#cap-quarters)")
	if len(rows) != len(actual) || len(rows) < 20 {
		t.Fatalf("the table has %d quarters and the chart %d", len(rows), len(actual))
	}
	for i, r := range rows {
		if got, want := number(r[2]), actual[i]; !same(got, want) {
			t.Errorf("%s: table actual %v, chart actual %v", r[0], got, want)
		}
		if got, want := number(r[1]), target[i]; !same(got, want) {
			t.Errorf("%s: table target %v, chart target %v", r[0], got, want)
		}
	}

	// A count against its annual target: the chart draws the year to date,
	// which the table shows in its year-to-date column.
	const events = "disporapar-event-pariwisata"
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/iku/"+events+"/")); err != nil {
		t.Fatal(err)
	}
	svgShown(t, ctx, "/iku/"+events+"/")
	o = option(t, ctx, "iku-"+events+"-trend")
	toDate := seriesData(t, o, "Realisasi s.d. triwulan (kumulatif)")
	rows = cells(t, ctx, "table:has(> caption#cap-quarters)")
	if len(rows) != len(toDate) || len(rows[0]) < 6 {
		t.Fatalf("%s: the table has %d quarters of %d columns, the chart %d quarters", events, len(rows), len(rows[0]), len(toDate))
	}
	for i, r := range rows {
		if got, want := number(r[3]), toDate[i]; !same(got, want) {
			t.Errorf("%s %s: table year to date %v, chart %v", events, r[0], got, want)
		}
	}

	// An agency page: the rating distribution of civil servants, whose
	// table holds the chart's bars, and "–" where the chart has none.
	const lenient = "/opd/" + demo.LenientAgency + "/"
	if err := chromedp.Run(ctx, chromedp.Navigate(base+lenient)); err != nil {
		t.Fatal(err)
	}
	svgShown(t, ctx, lenient)
	o = option(t, ctx, "opd-"+demo.LenientAgency+"-asn")
	bars := seriesData(t, o, "Jumlah pegawai")
	rows = cells(t, ctx, "table:has(> caption#cap-asn)")
	if len(rows) != 5 || len(bars) != 5 {
		t.Fatalf("%s: the ratings table has %d rows and the chart %d bars; want 5", lenient, len(rows), len(bars))
	}
	for i, r := range rows {
		if strings.HasPrefix(r[1], "–") {
			if !math.IsNaN(bars[i]) {
				t.Errorf("%s %s: the table withholds the count, the chart draws %v", lenient, r[0], bars[i])
			}
			continue
		}
		if got := number(r[1]); !same(got, bars[i]) {
			t.Errorf("%s %s: table %v, chart %v", lenient, r[0], got, bars[i])
		}
	}

	// The city page: a scatter per year, with its table.
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/asn/")); err != nil {
		t.Fatal(err)
	}
	svgShown(t, ctx, "/asn/")

	// The home page: status counts by sector.
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	svgShown(t, ctx, "/")
	var id string
	var ok bool
	if err := chromedp.Run(ctx, chromedp.AttributeValue("script[data-chart]", "data-chart", &id, &ok, chromedp.ByQuery)); err != nil || !ok {
		t.Fatalf("the home page has no chart option: %v", err)
	}
	o = option(t, ctx, id)
	sectors := o["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	total := map[string]float64{}
	for _, s := range o["series"].([]any) {
		for i, v := range seriesData(t, o, s.(map[string]any)["name"].(string)) {
			if !math.IsNaN(v) {
				total[sectors[i].(string)] += v
			}
		}
	}
	table := cells(t, ctx, "table.counts-table")
	if len(table) != len(sectors) {
		t.Fatalf("the home table has %d sectors and the chart %d", len(table), len(sectors))
	}
	for _, r := range table {
		name, n := r[0], number(strings.ReplaceAll(r[2], ".", ""))
		if !same(total[name], n) {
			t.Errorf("sector %q: the table counts %v indicators, the chart %v", name, n, total[name])
		}
	}
	// The English indicator page: its own SVG and option, in English, and
	// the same numbers in its table.
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/en/iku/"+slug+"/")); err != nil {
		t.Fatal(err)
	}
	svgShown(t, ctx, "/en/iku/"+slug+"/")
	o = option(t, ctx, "iku-"+slug+"-trend")
	actual, target = seriesData(t, o, "Actual"), seriesData(t, o, "Target")
	rows = cells(t, ctx, "table:has(> caption#cap-quarters)")
	if len(rows) != len(actual) || len(rows) < 20 {
		t.Fatalf("/en/: the table has %d quarters and the chart %d", len(rows), len(actual))
	}
	for i, r := range rows {
		if got, want := number(r[2]), actual[i]; !same(got, want) {
			t.Errorf("/en/ %s: table actual %v, chart actual %v", r[0], got, want)
		}
		if got, want := number(r[1]), target[i]; !same(got, want) {
			t.Errorf("/en/ %s: table target %v, chart target %v", r[0], got, want)
		}
	}
}

// consoleErrors collects what Chromium reports as errors: exceptions,
// console.error, and log entries such as CSP violations.
type consoleErrors struct {
	mu   sync.Mutex
	msgs []string
}

func (c *consoleErrors) add(s string) {
	c.mu.Lock()
	c.msgs = append(c.msgs, s)
	c.mu.Unlock()
}

func listen(ctx context.Context, errs *consoleErrors) {
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			errs.add("exception: " + ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				errs.add(fmt.Sprintf("console.%s", ev.Type))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError || ev.Entry.Level == log.LevelWarning {
				errs.add(fmt.Sprintf("log %s: %s (%s)", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *page.EventJavascriptDialogOpening:
			errs.add("dialog: " + ev.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
}

// TestBrowserConsoleIsClean: with JavaScript on, every kind of page loads
// under the strict CSP with no error in the console.
func TestBrowserConsoleIsClean(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	var errs consoleErrors
	listen(ctx, &errs)
	if err := chromedp.Run(ctx, runtime.Enable(), log.Enable()); err != nil {
		t.Fatal(err)
	}
	// Every template in both languages (templatePages), an agency whose
	// score cannot be computed, an English kind of unit and comparison.
	for _, p := range append(slices.Clone(templatePages), "/opd/"+demo.LenientAgency+"/", "/en/unit/jenis/poliklinik/", "/en/banding/kecamatan-paten/") {
		var status int64
		if err := chromedp.Run(ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll("main h1").length`, &status)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if status != 1 {
			t.Errorf("%s: %d h1 headings in main; want 1", p, status)
		}
	}
	time.Sleep(200 * time.Millisecond) // late log entries
	errs.mu.Lock()
	defer errs.mu.Unlock()
	for _, m := range errs.msgs {
		t.Errorf("console: %s", m)
	}
}

// TestBrowserHostileAgencyName: in a real browser, the agency named like an
// attack is its page's heading, as text, and nothing runs.
func TestBrowserHostileAgencyName(t *testing.T) {
	const hostile = `</script><img src=x onerror=alert(1)>`
	base := serve(t, hostileSite(t, hostile))
	ctx := browser(t)
	var errs consoleErrors
	listen(ctx, &errs)
	if err := chromedp.Run(ctx, runtime.Enable(), log.Enable()); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/opd/dinas-kesehatan/", "/opd/", "/sektor/kesehatan/", "/iku/dinkes-ikm/"} {
		var imgs []*cdp.Node
		var h1 string
		if err := chromedp.Run(ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Nodes("img", &imgs, chromedp.ByQueryAll, chromedp.AtLeast(0)),
			chromedp.TextContent("main h1", &h1, chromedp.ByQuery)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(imgs) != 0 {
			t.Errorf("%s: %d img elements; the agency name became markup", p, len(imgs))
		}
		if p == "/opd/dinas-kesehatan/" && !strings.HasPrefix(strings.TrimSpace(h1), hostile) {
			t.Errorf("%s: heading %q; want it to start with the agency name as text %q", p, h1, hostile)
		}
	}
	time.Sleep(200 * time.Millisecond)
	errs.mu.Lock()
	defer errs.mu.Unlock()
	for _, m := range errs.msgs {
		t.Errorf("console: %s", m)
	}
}
