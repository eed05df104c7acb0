package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/tanjungbalai/kinerja/generator/demo"
)

// phonePages are one page of every template of the demo site, each
// section index among them, in both languages.
func phonePages() []string {
	one := []string{
		"/", "/iku/", "/iku/rsud-waktu-tunggu-rawat-jalan/", "/iku/disporapar-event-pariwisata/",
		"/opd/", "/opd/rsud-tengku-mansyur/", "/opd/" + demo.LenientAgency + "/", "/opd/kecamatan-sei-tualang-raso/",
		"/sektor/", "/sektor/kesehatan/", "/rilis/", "/rilis/2026-q3/", "/data/", "/asn/",
		"/banding/", "/banding/ikm/", "/banding/kecamatan-paten/", "/cari/",
		"/metodologi/", "/tentang/", "/aksesibilitas/", "/embed/iku/rsud-waktu-tunggu-rawat-jalan/", "/404.html",
	}
	var out []string
	for _, lang := range []string{"", "/en"} {
		for _, p := range one {
			out = append(out, lang+p)
		}
	}
	return out
}

// phoneSite is the demo site, or the one built by hand at
// $KINERJA_PHONE_SITE while a test is being written.
func phoneSite(t *testing.T) string {
	if d := os.Getenv("KINERJA_PHONE_SITE"); d != "" {
		return d
	}
	return demoSite(t)
}

// overflowing lists, for a failure message, the elements that reach past
// the right edge of the layout viewport and are not inside a box that
// scrolls on its own: the outermost ones, as "tag.class (right edge)".
const overflowing = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
		const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") return true; } return false; };
	for (const e of document.body.querySelectorAll("*")) {
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.right <= w + 0.5 || scrolls(e)) continue;
		const p = e.parentElement, pr = p && p.getBoundingClientRect();
		if (pr && pr.right > w + 0.5 && p !== document.body && !scrolls(p)) continue;
		out.push(e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : "") + " (" + Math.round(r.right) + " px)");
		if (out.length === 5) break;
	}
	return out.join(", ");
})()`

// TestReflow (WCAG 1.4.10): at 360 and 320 CSS px, with every <details>
// open (the embed code, the explanations), no page of any template
// scrolls sideways: the document is no wider than its layout viewport
// (document.documentElement.clientWidth; under mobile emulation
// window.innerWidth grows with the content, so it cannot tell). Tables and
// code scroll or wrap inside their own box.
func TestReflow(t *testing.T) {
	base := serve(t, phoneSite(t))
	ctx := browser(t)
	for _, width := range []int64{360, 320} {
		for _, p := range phonePages() {
			var got struct{ Scroll, Client int }
			if err := chromedp.Run(ctx,
				emulation.SetDeviceMetricsOverride(width, 640, 1, true),
				chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
				chromedp.Evaluate(`(() => { document.querySelectorAll("details").forEach(d => d.open = true);
					const e = document.documentElement; return {Scroll: e.scrollWidth, Client: e.clientWidth}; })()`, &got)); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if got.Client != int(width) {
				t.Errorf("%s at %d px: the layout viewport is %d px wide; the test measures the wrong thing", p, width, got.Client)
			}
			if got.Scroll > got.Client {
				var what string
				if err := chromedp.Run(ctx, chromedp.Evaluate(overflowing, &what)); err != nil {
					t.Fatal(err)
				}
				t.Errorf("%s at %d px (details open) is %d px wide, %d px too wide: %s", p, width, got.Scroll, got.Scroll-got.Client, what)
			}
		}
	}
}

// chartPages lists every page of the built site that draws a chart (an
// inline SVG in a figure): the indicator, embed, agency, comparison, city
// and home pages, in both languages.
func chartPages(t *testing.T, public string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, []byte("<figure")) || !bytes.Contains(b, []byte("<svg")) {
			return nil
		}
		rel, err := filepath.Rel(public, filepath.Dir(path))
		if err != nil {
			return err
		}
		out = append(out, strings.TrimSuffix("/"+filepath.ToSlash(rel), ".")+"/")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// clippedText lists every text of every chart SVG on the page whose box
// reaches past the SVG's own box (where the SVG's viewBox clips it), as
// "chart: "text" n px past the left edge".
const clippedText = `(() => {
	const out = [];
	for (const svg of document.querySelectorAll("figure svg[viewBox]")) {
		const s = svg.getBoundingClientRect(), k = s.width / svg.viewBox.baseVal.width;
		const name = svg.getAttribute("aria-labelledby") || "chart";
		for (const t of svg.querySelectorAll("text")) {
			if (!t.textContent.trim()) continue;
			const r = t.getBoundingClientRect();
			const over = [["left", s.left - r.left], ["right", r.right - s.right], ["top", s.top - r.top], ["bottom", r.bottom - s.bottom]]
				.filter(([, d]) => d > 0.5).map(([e, d]) => (d / k).toFixed(1) + " px past the " + e + " edge");
			if (over.length) out.push(name.replace(/-title$/, "") + ": \"" + t.textContent + "\" " + over.join(", "));
		}
	}
	return out;
})()`

// TestChartTextInside: on every page with a chart, in both languages,
// every text of every chart (axis names and labels, bar labels, legend)
// lies inside the SVG, as Chromium draws it at 360 px: none is cut by the
// viewBox ("umlah pegawai" on the agency pages once).
func TestChartTextInside(t *testing.T) {
	public := phoneSite(t)
	base := serve(t, public)
	ctx := browser(t)
	pages := chartPages(t, public)
	if len(pages) < 400 {
		t.Fatalf("%d pages with a chart; the demo has more than 400: the test reads the site wrong", len(pages))
	}
	if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(360, 640, 1, true)); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		var clipped []string
		if err := chromedp.Run(ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(clippedText, &clipped)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, c := range clipped {
			t.Errorf("%s: %s", p, c)
		}
	}
}
