package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestChartReadout: with JavaScript on, the optional script lets a reader
// move across a server-drawn chart with the keys or the pointer and read
// the values of a point: the text of that point's table row.
func TestChartReadout(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	const page = "/iku/rsud-waktu-tunggu-rawat-jalan/"
	var first, last, readout string
	if err := chromedp.Run(ctx, chromedp.Navigate(base+page), chromedp.WaitVisible("p.chart-readout", chromedp.ByQuery),
		chromedp.Text("table:has(> caption#cap-quarters) tbody tr:first-child", &first, chromedp.ByQuery),
		chromedp.Text("table:has(> caption#cap-quarters) tbody tr:last-child", &last, chromedp.ByQuery),
		chromedp.Focus("figure.chart-fig", chromedp.ByQuery),
		chromedp.KeyEvent(kb.End),
		chromedp.Text("p.chart-readout", &readout, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	period := strings.TrimSpace(strings.Split(strings.TrimSpace(last), "\t")[0])
	if !strings.HasPrefix(readout, "Triwulan III 2026: ") || !strings.Contains(readout, "Realisasi") {
		t.Errorf("End: readout %q; want the last quarter's values (row %q)", readout, period)
	}
	var current int
	if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Home), chromedp.Text("p.chart-readout", &readout, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("tr.is-current").length`, &current)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(readout, "Triwulan I 2021: ") || current != 1 {
		t.Errorf("Home: readout %q with %d highlighted rows; want the first quarter, one row", readout, current)
	}

	// The pointer over an x-axis label the chart shows (it hides those
	// that would overlap) reads that quarter.
	var x, y float64
	var label string
	// pointAtLabel moves the pointer just above the label, where it is now.
	pointAtLabel := chromedp.Tasks{
		chromedp.Evaluate(`(() => { const t = [...document.querySelectorAll("figure.chart-fig svg text")].filter(t => t.textContent.startsWith("TW "))[1]; const b = t.getBoundingClientRect(); return [b.x + b.width/2, b.y - 20]; })()`, &[]*float64{&x, &y}),
		chromedp.ActionFunc(func(ctx2 context.Context) error {
			return input.DispatchMouseEvent(input.MouseMoved, x, y).Do(ctx2)
		}),
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("figure.chart-fig svg text")].filter(t => t.textContent.startsWith("TW "))[1].textContent`, &label),
		chromedp.ScrollIntoView("figure.chart-fig", chromedp.ByQuery), pointAtLabel); err != nil {
		t.Fatal(err)
	}
	// The readout follows the pointer at the next frame, which a loaded
	// machine may give a while later; a pointer that moved while the page
	// still scrolled moves again, where the label is now (a real pointer
	// sends an event at every move).
	want := strings.Replace(label, "TW ", "Triwulan ", 1) + ": "
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if err := chromedp.Run(ctx, chromedp.Text("p.chart-readout", &readout, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(readout, want) || time.Since(start) > 5*time.Second {
			break
		}
		if err := chromedp.Run(ctx, pointAtLabel); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasPrefix(readout, want) {
		t.Errorf("pointer over %q: readout %q; want it to start %q", label, readout, want)
	}
}

// TestHomeChartReadoutNamesTheSector: on the home page, each sector the
// keys move to on the chart is read out as that sector, in both languages
// (the script matches the chart's rows with the table's by position, so
// they must come in the same order).
func TestHomeChartReadoutNamesTheSector(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	for _, page := range []string{"/", "/en/"} {
		if err := chromedp.Run(ctx, chromedp.Navigate(base+page), chromedp.WaitVisible("p.chart-readout", chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		o := option(t, ctx, "home-status-by-sector")
		sectors := o["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
		if len(sectors) < 2 {
			t.Fatalf("%s: the chart has %d sectors", page, len(sectors))
		}
		var readout string
		if err := chromedp.Run(ctx, chromedp.Focus("figure.chart-fig", chromedp.ByQuery), chromedp.KeyEvent(kb.Home)); err != nil {
			t.Fatal(err)
		}
		for k, s := range sectors {
			if k > 0 {
				if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
					t.Fatal(err)
				}
			}
			if err := chromedp.Run(ctx, chromedp.Text("p.chart-readout", &readout, chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(readout, s.(string)+": ") {
				t.Errorf("%s: the chart's sector %d is %q; the readout is %q", page, k+1, s, readout)
			}
		}
	}
}
