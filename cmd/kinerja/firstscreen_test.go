package main

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// firstScreenPages are a page of each template that leads with an answer:
// the home page, an agency, an indicator, a comparison, the civil
// servants' ratings (/asn/: its key figures, before the explanation) and
// a service unit, in both languages.
var firstScreenPages = []string{
	"/", "/opd/rsud-tengku-mansyur/", "/iku/dinkes-waktu-tunggu-puskesmas/",
	"/en/", "/en/opd/rsud-tengku-mansyur/", "/en/iku/dinkes-waktu-tunggu-puskesmas/",
	"/banding/kecamatan-paten/", "/en/banding/ikm/",
	"/asn/", "/en/asn/",
	"/unit/puskesmas-teluk-nibung/", "/en/unit/smp-negeri-1/",
}

// TestFirstScreen: on a 360×640 phone, the page's answer (#answer: the
// indicator's latest value, target, status and trend; the agency's score
// and status counts; the city's headline) is inside the first screen,
// without scrolling, in both languages.
func TestFirstScreen(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	for _, p := range firstScreenPages {
		var box struct {
			Top, Bottom float64
			Text        string
		}
		err := chromedp.Run(ctx,
			emulation.SetDeviceMetricsOverride(360, 640, 1, true),
			chromedp.Navigate(base+p),
			chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`(() => { const e = document.getElementById("answer"); if (!e) return {Top: -1, Bottom: -1, Text: ""};
				const r = e.getBoundingClientRect(); return {Top: r.top, Bottom: r.bottom, Text: e.innerText}; })()`, &box),
		)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		switch {
		case box.Top < 0:
			t.Errorf("%s: no #answer element", p)
		case box.Bottom > 640 || box.Bottom <= box.Top:
			t.Errorf("%s: the answer ends at %.0f px, below the first screen (640 px) of a 360 px phone", p, box.Bottom)
		}
		t.Logf("%s: answer %.0f–%.0f px: %s", p, box.Top, box.Bottom, box.Text)
	}
}

// TestFoldingMenu: on a phone the navigation is folded behind the "Menu"
// checkbox, and the keyboard opens it without JavaScript (Space on the
// focused checkbox); on a desktop it is always open and the checkbox is
// not shown.
func TestFoldingMenu(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	shown := `document.querySelector(".site-header nav").checkVisibility()`
	var before, after, desktop, toggle bool
	if err := chromedp.Run(ctx,
		emulation.SetDeviceMetricsOverride(360, 640, 1, true),
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"/en/"),
		chromedp.WaitReady("body", chromedp.ByQuery),
		emulation.SetScriptExecutionDisabled(false),
		chromedp.Evaluate(shown, &before),
		chromedp.Focus("#menu-toggle", chromedp.ByQuery),
		chromedp.KeyEvent(" "),
		chromedp.Evaluate(shown, &after),
		emulation.SetDeviceMetricsOverride(1280, 800, 1, false),
		chromedp.Navigate(base+"/en/"),
		chromedp.WaitReady("body", chromedp.ByQuery),
		chromedp.Evaluate(shown, &desktop),
		chromedp.Evaluate(`document.getElementById("menu-toggle").checkVisibility()`, &toggle),
	); err != nil {
		t.Fatal(err)
	}
	if before || !after {
		t.Errorf("at 360 px the menu is shown %v before and %v after Space on its checkbox; want false, then true", before, after)
	}
	if !desktop || toggle {
		t.Errorf("at 1280 px the menu is shown %v and its checkbox %v; want the menu only", desktop, toggle)
	}
}
