package main

import (
	"bytes"
	"fmt"
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
		"/unit/", "/unit/jenis/puskesmas/", "/unit/jenis/destinasi/", "/unit/puskesmas-teluk-nibung/", "/unit/pulau-baswesen/",
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
		if rel == "." {
			out = append(out, "/")
		} else {
			out = append(out, "/"+filepath.ToSlash(rel)+"/")
		}
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

// readoutTargets lists, for the chart in the page's figure number n, the
// point a finger taps on each category label the chart shows (on the
// label's line across the chart, in the middle of the SVG the other way),
// after scrolling that label into view; or why it has none.
const readoutTargets = `((n, i) => {
	const fig = document.querySelectorAll("figure.chart-fig")[n], svg = fig.querySelector("svg");
	const o = JSON.parse(fig.closest("section").querySelector("script[data-chart]").textContent);
	const xa = [].concat(o.xAxis || [])[0] || {}, ya = [].concat(o.yAxis || [])[0] || {};
	const across = xa.type === "category", cats = ((across ? xa.data : ya.data) || []).map(String);
	const drawn = new Map(); // a label broken into lines: one text per line at one place
	for (const t of svg.querySelectorAll("text")) {
		const at = t.getAttribute("transform");
		if (drawn.has(at)) drawn.get(at).textContent += " " + t.textContent.trim();
		else drawn.set(at, {t, textContent: t.textContent.trim()});
	}
	const labels = [...drawn.values()].filter(d => cats.some(c => c === d.textContent ||
		d.textContent.endsWith("...") && c.startsWith(d.textContent.slice(0, -3))));
	if (i < 0) return {N: labels.length, Cats: cats.length, Readout: !!fig.querySelector(".chart-readout")};
	const t = labels[i].t;
	t.scrollIntoView({block: "center", inline: "nearest", behavior: "instant"});
	const b = t.getBoundingClientRect(), s = svg.getBoundingClientRect();
	return {Label: labels[i].textContent, X: across ? b.left + b.width / 2 : s.left + s.width / 2, Y: across ? s.top + s.height / 2 : b.top + b.height / 2};
})`

// readoutNames says whether a readout names the category whose label
// the chart shows: the label itself, the label cut with "..." (the start
// of the name), the label before the row's own name ("Disdik (Dinas
// Pendidikan)"), or, for a period, its long form ("TW I 2021" is
// "Triwulan I 2021", "2021" is "Tahun 2021").
func readoutNames(readout, label string) bool {
	name, _, ok := strings.Cut(readout, ": ")
	if !ok {
		return false
	}
	if cut, found := strings.CutSuffix(label, "..."); found {
		return strings.HasPrefix(name, cut)
	}
	long := strings.NewReplacer("TW ", "Triwulan ", "Smt ", "Semester ").Replace(label)
	return name == label || strings.HasPrefix(name, label+" (") || name == "Tahun "+label || name == "Year "+label ||
		long != label && name == long
}

// TestChartReadoutsNameTheirBar: on every page with a chart, in both
// languages at 360 px, every chart with categories (the trend of an
// indicator, an agency's achievements and ratings, the home page's
// sectors, a comparison) has the readout, and tapping each category label
// the chart shows, on its line, reads out that category's row ("the home
// sector chart named the wrong sector" when rows were matched by
// position; comparisons had no readout).
func TestChartReadoutsNameTheirBar(t *testing.T) {
	public := phoneSite(t)
	base := serve(t, public)
	ctx := browser(t)
	if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(360, 640, 1, true)); err != nil {
		t.Fatal(err)
	}
	taps := 0
	for _, p := range chartPages(t, public) {
		if strings.Contains(p, "/embed/") {
			continue // the embed page is the chart alone, without its table
		}
		var ids []string
		if err := chromedp.Run(ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll("figure.chart-fig svg")].map(s => s.getAttribute("aria-labelledby"))`, &ids)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for n, id := range ids {
			if strings.HasSuffix(id, "-scatter-title") {
				continue // a scatter has no categories to read
			}
			var info struct {
				N, Cats int
				Readout bool
			}
			if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf("%s(%d, -1)", readoutTargets, n), &info)); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if !info.Readout {
				t.Errorf("%s: chart %s has no readout", p, id)
				continue
			}
			if info.N < 1 || info.Cats < 1 {
				t.Errorf("%s: chart %s shows %d labels of %d categories", p, id, info.N, info.Cats)
			}
			for i := 0; i < info.N; i++ {
				var tgt struct {
					Label string
					X, Y  float64
				}
				var readout string
				if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf("%s(%d, %d)", readoutTargets, n, i), &tgt)); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				if err := chromedp.Run(ctx, chromedp.MouseClickXY(tgt.X, tgt.Y),
					chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll("figure.chart-fig")[%d].querySelector(".chart-readout").textContent`, n), &readout)); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				taps++
				if !readoutNames(readout, tgt.Label) {
					t.Errorf("%s: chart %s: tapping %q reads %q", p, id, tgt.Label, readout)
				}
			}
		}
	}
	if taps < 1000 {
		t.Errorf("%d taps; the demo's charts show more labels: the test reads them wrong", taps)
	}
}

// TestPhoneNumbersOnScreen: on a 360 px phone the number a list is read
// for is on the first screen across, without scrolling the table
// sideways: each agency's score on /opd/, and each agency's achievement
// and value on a comparison page, in both languages.
func TestPhoneNumbersOnScreen(t *testing.T) {
	base := serve(t, phoneSite(t))
	ctx := browser(t)
	type numbers struct {
		page    string
		columns []string // the header text a column starts with
	}
	cases := []numbers{{"/opd/", []string{"Skor"}}, {"/en/opd/", []string{"Score"}}}
	for _, slug := range []string{"ikm", "kecamatan-ikm", "kecamatan-paten"} {
		cases = append(cases, numbers{"/banding/" + slug + "/", []string{"Capaian", "Realisasi"}},
			numbers{"/en/banding/" + slug + "/", []string{"Achievement", "Actual"}})
	}
	for _, c := range cases {
		for _, col := range c.columns {
			var got struct {
				Found, Rows int
				Right       float64
				Width       int
			}
			if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(360, 640, 1, true),
				chromedp.Navigate(base+c.page), chromedp.WaitReady("body", chromedp.ByQuery),
				chromedp.Evaluate(fmt.Sprintf(`(() => {
					const tb = document.querySelector("main table"), heads = [...tb.tHead.rows[0].cells];
					const i = heads.findIndex(h => h.textContent.trim().startsWith(%q));
					let right = 0; const rows = [...tb.tBodies[0].rows];
					if (i >= 0) for (const r of rows) right = Math.max(right, r.cells[i].getBoundingClientRect().right);
					return {Found: i, Rows: rows.length, Right: right, Width: document.documentElement.clientWidth};
				})()`, col), &got)); err != nil {
				t.Fatalf("%s: %v", c.page, err)
			}
			switch {
			case got.Found < 0 || got.Rows < 2:
				t.Errorf("%s: no column %q in a table of %d rows", c.page, col, got.Rows)
			case got.Right > float64(got.Width):
				t.Errorf("%s at 360 px: the column %q ends at %.0f px, off the %d px screen", c.page, col, got.Right, got.Width)
			}
		}
	}
}
