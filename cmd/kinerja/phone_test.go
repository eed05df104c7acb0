package main

import (
	"os"
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
