package main

// What the phone got wrong (issue 16), each reproduced in Chromium at
// 360 px on the demo site: search excerpts and matches from the skip link
// and the navigation, no word while a slow phone loads the index, a query
// dropped without a word when JavaScript is off, a tab order that is not
// the drawn order, a score's missing-value message set in the big
// figure's line, and the home chart's colours unlike the status chips'.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// awaitPromise lets chromedp.Evaluate wait for a promise's value.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// indexed is how many pages of a language the search indexes (the
// sections of generator/search): indicators, agencies, sectors and
// service units.
func indexed(t *testing.T, public, prefix string) int {
	t.Helper()
	n := 0
	for _, dir := range []string{"iku", "opd", "sektor", "unit"} {
		entries, err := os.ReadDir(filepath.Join(public, prefix, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			// A page, not a folder of pages (unit/jenis/).
			if _, err := os.Stat(filepath.Join(public, prefix, dir, e.Name(), "index.html")); e.IsDir() && err == nil {
				n++
			}
		}
	}
	return n
}

// TestSearchIndexesMainContentOnly: the index holds each page's main
// content, not its skip link, header, navigation, breadcrumbs or footer:
// a word of the skip link ("langsung" of "Langsung ke isi utama", "skip"
// of "Skip to main content") does not find every page, and no excerpt of
// a word of an indicator's title starts with the skip link or carries the
// menu's labels.
func TestSearchIndexesMainContentOnly(t *testing.T) {
	public := demoSite(t)
	base := serve(t, public)
	ctx := browser(t)
	search := `(async () => { const pf = await import("/pagefind/pagefind.js"); if (pf.init) await pf.init();
		const r = await pf.search(%q); const d = await Promise.all(r.results.map(x => x.data()));
		return {N: r.results.length, Excerpts: d.map(x => new DOMParser().parseFromString(x.excerpt, "text/html").body.textContent)}; })()`
	for _, c := range []struct{ prefix, skipWord, common string }{{"", "langsung", ""}, {"/en", "skip", ""}} {
		var skip, h1 string
		var nav []string
		if err := chromedp.Run(ctx, chromedp.Navigate(base+c.prefix+"/iku/"+searchSlug+"/"), chromedp.Text("main h1", &h1, chromedp.ByQuery),
			chromedp.Navigate(base+c.prefix+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID),
			chromedp.TextContent("a.skip", &skip, chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll(".site-header nav a")].map(a => a.textContent.trim())`, &nav)); err != nil {
			t.Fatalf("%s/cari/: %v", c.prefix, err)
		}
		// A word of a page's title: its excerpt is the start of the page's
		// content, where the skip link and the breadcrumbs were.
		for _, w := range strings.Fields(h1) {
			if len(w) > len(c.common) && !strings.Contains(w, "-") {
				c.common = strings.ToLower(w)
			}
		}
		total := indexed(t, public, strings.TrimPrefix(c.prefix, "/"))
		var got struct {
			N        int
			Excerpts []string
		}
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(search, c.skipWord), &got, awaitPromise)); err != nil {
			t.Fatalf("%s: searching %q: %v", c.prefix, c.skipWord, err)
		}
		if got.N >= total {
			t.Errorf("%s/cari/: %q (a word of the skip link %q) finds %d of the %d pages; want only pages whose content has it", c.prefix, c.skipWord, skip, got.N, total)
		}
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(search, c.common), &got, awaitPromise)); err != nil {
			t.Fatalf("%s: searching %q: %v", c.prefix, c.common, err)
		}
		if got.N == 0 {
			t.Fatalf("%s/cari/: %q finds nothing: the test checks nothing", c.prefix, c.common)
		}
		menu := strings.ToLower(nav[0] + " " + nav[1])
		t.Logf("%s/cari/: %q: %d pages; first excerpt %q", c.prefix, c.common, got.N, got.Excerpts[0])
		words := strings.Fields(strings.ToLower(skip))
		for _, e := range got.Excerpts {
			l := strings.ToLower(e)
			bad := strings.Contains(l, menu)
			for k := range words { // "utama …", "isi utama …", … "main content …"
				bad = bad || strings.HasPrefix(l, strings.Join(words[k:], " ")+" ")
			}
			if bad {
				t.Errorf("%s/cari/: an excerpt for %q carries the skip link (%q) or the menu (%q): %q", c.prefix, c.common, skip, menu, e)
				break
			}
		}
	}
}

// TestSearchSaysItIsSearching: on a slow phone (2 s per request), the
// index starts loading as soon as the reader focuses the field, and from
// the moment a search starts the status line (a live region) says
// "Mencari…" / "Searching…" until the matches are there.
func TestSearchSaysItIsSearching(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	loaded := `performance.getEntriesByType("resource").filter(e => e.name.includes("/pagefind/")).length > 0`
	for _, c := range []struct{ prefix, searching string }{{"", "Mencari…"}, {"/en", "Searching…"}} {
		var live, focused string
		var found bool
		if err := chromedp.Run(ctx, network.Enable(), network.EmulateNetworkConditions(false, 0, -1, -1),
			emulation.SetDeviceMetricsOverride(360, 640, 1, true),
			chromedp.Navigate(base+c.prefix+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID),
			network.EmulateNetworkConditions(false, 2000, -1, -1),
			chromedp.AttributeValue("#search-status", "aria-live", &live, &found, chromedp.ByID),
			emulation.SetFocusEmulationEnabled(true),
			chromedp.Focus("#q", chromedp.ByID), chromedp.Evaluate(`document.activeElement.id`, &focused)); err != nil {
			t.Fatalf("%s/cari/: %v", c.prefix, err)
		}
		if live != "polite" {
			t.Errorf("%s/cari/: the status line has aria-live %q; want polite", c.prefix, live)
		}
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Run(wctx, chromedp.Poll(loaded, nil, chromedp.WithPollingInterval(100*time.Millisecond)))
		cancel()
		if err != nil {
			t.Errorf("%s/cari/: focusing the search field (focus on #%s) loaded nothing of the index in 30 s (%v); want it to start loading on focus", c.prefix, focused, err)
		}

		// A fresh page: nothing loaded yet, then the reader types.
		var status string
		if err := chromedp.Run(ctx, network.EmulateNetworkConditions(false, 0, -1, -1),
			chromedp.Navigate(base+c.prefix+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID),
			network.SetCacheDisabled(true), network.EmulateNetworkConditions(false, 2000, -1, -1)); err != nil {
			t.Fatal(err)
		}
		wctx, cancel = context.WithTimeout(ctx, 3*time.Second)
		err = chromedp.Run(wctx, chromedp.SendKeys("#q", "waktu", chromedp.ByID),
			chromedp.Poll(fmt.Sprintf(`document.getElementById("search-status").textContent === %q`, c.searching), nil,
				chromedp.WithPollingInterval(20*time.Millisecond)))
		cancel()
		if err != nil {
			_ = chromedp.Run(ctx, chromedp.TextContent("#search-status", &status, chromedp.ByID))
			t.Errorf("%s/cari/: while the index loads the status says %q; want %q", c.prefix, status, c.searching)
		}
		wctx, cancel = context.WithTimeout(ctx, 90*time.Second)
		err = chromedp.Run(wctx, chromedp.WaitVisible("#search-results a", chromedp.ByQuery))
		cancel()
		if err != nil {
			t.Errorf("%s/cari/: no result for %q on a slow connection: %v", c.prefix, "waktu", err)
		}
		_ = chromedp.Run(ctx, chromedp.TextContent("#search-status", &status, chromedp.ByID))
		if status == c.searching || status == "" {
			t.Errorf("%s/cari/: with the results listed the status says %q; want the number found", c.prefix, status)
		}
	}
	if err := chromedp.Run(ctx, network.EmulateNetworkConditions(false, 0, -1, -1)); err != nil {
		t.Fatal(err)
	}
}

// TestSearchWithoutJavaScriptSaysSo: with JavaScript off, /cari/?q=…
// cannot search, and says so in the page's language with a link to the
// A–Z list; with JavaScript on, the sentence is not shown.
func TestSearchWithoutJavaScriptSaysSo(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	for _, c := range []struct{ prefix, want string }{{"", "memerlukan JavaScript"}, {"/en", "needs JavaScript"}} {
		for _, js := range []bool{false, true} {
			var shown bool
			var text, href string
			if err := chromedp.Run(ctx, emulation.SetScriptExecutionDisabled(!js),
				chromedp.Navigate(base+c.prefix+"/cari/?q=waktu"), chromedp.WaitReady("body", chromedp.ByQuery),
				chromedp.Evaluate(`(() => { const e = document.querySelector("main .search-noscript"); return !!e && e.checkVisibility(); })()`, &shown),
			); err != nil {
				t.Fatalf("%s/cari/: %v", c.prefix, err)
			}
			if js {
				if shown {
					t.Errorf("%s/cari/ with JavaScript: the no-JavaScript sentence is shown", c.prefix)
				}
				continue
			}
			if !shown {
				t.Errorf("%s/cari/?q=waktu without JavaScript: no sentence says that searching needs JavaScript", c.prefix)
				continue
			}
			if err := chromedp.Run(ctx, chromedp.Text("main .search-noscript", &text, chromedp.ByQuery),
				chromedp.AttributeValue("main .search-noscript a", "href", &href, nil, chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(text, c.want) || href != "#h-az" {
				t.Errorf("%s/cari/ without JavaScript says %q linking to %q; want a sentence with %q linking to #h-az", c.prefix, text, href, c.want)
			}
		}
	}
	if err := chromedp.Run(ctx, emulation.SetScriptExecutionDisabled(false)); err != nil {
		t.Fatal(err)
	}
}

// box is an element's place on the screen.
type box struct {
	Name                     string
	Left, Top, Right, Bottom float64
}

// TestHeaderTabOrderIsDrawnOrder: at 360 px (and at 1280) Tab moves
// through the header in the order its elements are drawn (top to bottom,
// then left to right on a row): "English" is drawn before "Menu", so it
// comes first. A checkbox is drawn as its label.
func TestHeaderTabOrderIsDrawnOrder(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	where := `(() => { let e = document.activeElement; if (!e.closest(".site-header")) return {Name: ""};
		const name = (e.textContent || e.id).trim();
		if (e.type === "checkbox" && e.labels.length) e = e.labels[0];
		const r = e.getBoundingClientRect(); return {Name: name || e.tagName, Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom}; })()`
	for _, width := range []int64{360, 1280} {
		for _, p := range []string{"/", "/en/iku/rsud-waktu-tunggu-rawat-jalan/"} {
			if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(width, 800, 1, width < 600),
				chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
			var order []box
			for i := 0; i < 20; i++ {
				var b box
				if err := chromedp.Run(ctx, chromedp.KeyEvent("\t"), chromedp.Evaluate(where, &b)); err != nil {
					t.Fatal(err)
				}
				if b.Name == "" {
					if len(order) > 0 {
						break // left the header
					}
					continue // the skip link
				}
				order = append(order, b)
			}
			if len(order) < 3 {
				t.Fatalf("%s at %d px: Tab reached %d header elements (%v); want the brand, the language and the menu", p, width, len(order), order)
			}
			for i := 1; i < len(order); i++ {
				a, b := order[i-1], order[i]
				sameRow := b.Top < a.Bottom-1 && a.Top < b.Bottom-1
				if b.Top >= a.Bottom-1 || sameRow && b.Left >= a.Right-1 {
					continue
				}
				t.Errorf("%s at %d px: Tab goes from %q (%.0f,%.0f) to %q (%.0f,%.0f), which is drawn before it", p, width,
					a.Name, a.Left, a.Top, b.Name, b.Left, b.Top)
			}
		}
	}
}

// TestScoreNotComputedIsText: an agency whose score cannot be computed
// (Inspektorat in the demo: no quarter reported) shows why as a sentence
// in its own style, not in the big score's line height.
func TestScoreNotComputedIsText(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	for _, p := range []string{"/opd/inspektorat/", "/en/opd/inspektorat/"} {
		var m struct {
			Found              bool
			LineHeight, NAFont float64
		}
		if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(360, 640, 1, true),
			chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`(() => { const na = document.querySelector("#answer .score .score-na"); if (!na) return {Found: false};
				const p = na.closest(".score"); return {Found: true, LineHeight: parseFloat(getComputedStyle(p).lineHeight), NAFont: parseFloat(getComputedStyle(na).fontSize)}; })()`, &m)); err != nil {
			t.Fatal(err)
		}
		if !m.Found {
			t.Fatalf("%s: no score without a value in the answer: the test checks nothing", p)
		}
		if m.LineHeight > 1.7*m.NAFont {
			t.Errorf("%s: the message why there is no score (%.0f px text) sits in a %.0f px line; want its own line height (at most 1.7×)", p, m.NAFont, m.LineHeight)
		}
	}
}

// rgb is a colour "#rrggbb" as getComputedStyle writes it.
func rgb(hex string) string {
	var r, g, b int
	fmt.Sscanf(strings.TrimPrefix(strings.ToLower(hex), "#"), "%02x%02x%02x", &r, &g, &b)
	return fmt.Sprintf("rgb(%d, %d, %d)", r, g, b)
}

// TestHomeChartColoursAreTheChips: on the home page, each status's
// stacked bar in the sector chart has the colour of the same status's
// chip in the counts above it (both from generator/display.Colours).
func TestHomeChartColoursAreTheChips(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	for _, p := range []string{"/", "/en/"} {
		var id string
		var chips map[string]string
		if err := chromedp.Run(ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.AttributeValue("script[data-chart]", "data-chart", &id, nil, chromedp.ByQuery),
			chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll("ul.counts li")].filter(li => li.querySelector(".cl"))
				.map(li => [li.querySelector(".cl").textContent.trim(), getComputedStyle(li).borderLeftColor]))`, &chips)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		o := option(t, ctx, id)
		series, _ := o["series"].([]any)
		compared := 0
		for _, s := range series {
			sm, _ := s.(map[string]any)
			name, _ := sm["name"].(string)
			style, _ := sm["itemStyle"].(map[string]any)
			colour, _ := style["color"].(string)
			chip, ok := chips[name]
			if !ok {
				continue // the indicators not due: a line, not a chip
			}
			compared++
			if rgb(colour) != chip {
				t.Errorf("%s: the chart draws %q in %s (%s); its chip is %s", p, name, colour, rgb(colour), chip)
			}
		}
		if compared < min(5, len(series)-1) {
			t.Errorf("%s: compared %d of the chart's %d series with a chip (chips: %v); want every status", p, compared, len(series), chips)
		}
	}
}
