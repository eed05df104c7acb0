package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// templatePages are one page of every template of the demo site.
var templatePages = []string{
	"/", "/iku/", "/iku/rsud-waktu-tunggu-rawat-jalan/", "/iku/bapperida-pertumbuhan-ekonomi/",
	"/opd/", "/opd/rsud-tengku-mansyur/", "/sektor/", "/sektor/kesehatan/",
	"/data/", "/rilis/", "/rilis/2026-q3/", "/metodologi/", "/tentang/", "/aksesibilitas/",
	"/embed/iku/rsud-waktu-tunggu-rawat-jalan/", "/404.html",
	"/asn/", "/opd/dinas-lingkungan-hidup/", "/opd/kecamatan-sei-tualang-raso/",
	"/en/", "/en/iku/", "/en/iku/rsud-waktu-tunggu-rawat-jalan/", "/en/iku/dinkes-ikm/", "/en/opd/rsud-tengku-mansyur/",
	"/en/sektor/kesehatan/", "/en/data/", "/en/rilis/2026-q3/", "/en/metodologi/", "/en/asn/",
	"/en/opd/", "/en/sektor/", "/en/rilis/", "/en/tentang/", "/en/aksesibilitas/", "/en/embed/iku/rsud-waktu-tunggu-rawat-jalan/",
	"/banding/", "/banding/kecamatan-paten/", "/en/banding/ikm/",
	"/cari/", "/en/cari/",
	"/unit/", "/unit/puskesmas-teluk-nibung/", "/unit/jenis/puskesmas/", "/en/unit/", "/en/unit/pulau-baswesen/", "/en/unit/jenis/sekolah/",
}

// axeSource is axe-core, pinned in package-lock.json.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing: run npm ci (%v)", err)
	}
	return string(b)
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core (WCAG 2.0–2.2 A and AA rules) on a page
// of every template, at 360 and 1280 CSS px, with JavaScript on and off
// (off: the page is loaded with scripts disabled, then axe runs on that
// document), under the strict CSP; every page must have zero violations.
// Reflow (WCAG 1.4.10) is TestReflow's (phone_test.go).
func TestAccessibility(t *testing.T) {
	base := serve(t, demoSite(t))
	axe := axeSource(t)
	ctx := browser(t)
	for _, width := range []int64{360, 1280} {
		for _, js := range []bool{true, false} {
			for _, p := range templatePages {
				name := fmt.Sprintf("%s at %d px, JavaScript %s", p, width, map[bool]string{true: "on", false: "off"}[js])
				if err := chromedp.Run(ctx,
					emulation.SetDeviceMetricsOverride(width, 800, 1, width < 600),
					emulation.SetScriptExecutionDisabled(!js),
					chromedp.Navigate(base+p),
					chromedp.WaitReady("body", chromedp.ByQuery),
					emulation.SetScriptExecutionDisabled(false),
				); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var raw string
				err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
					if _, exc, err := runtime.Evaluate(axe).Do(ctx); err != nil || exc != nil {
						return fmt.Errorf("loading axe: %v %v", err, exc)
					}
					res, exc, err := runtime.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => JSON.stringify(r.violations))`).
						WithAwaitPromise(true).WithReturnByValue(true).Do(ctx)
					if err != nil || exc != nil {
						return fmt.Errorf("running axe: %v %v", err, exc)
					}
					return json.Unmarshal(res.Value, &raw)
				}))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var vs []axeViolation
				if err := json.Unmarshal([]byte(raw), &vs); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, v := range vs {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, fmt.Sprint(n.Target...))
					}
					t.Errorf("%s: axe %s (%s) at %s", name, v.ID, v.Help, strings.Join(where, "; "))
				}
			}
		}
	}
}

// TestKeyboard: every link and form control that a page shows at 1280
// and at 360 CSS px (where the menu folds behind its checkbox) is reached
// by Tab in document order, and the one that has the focus is visibly
// outlined.
func TestKeyboard(t *testing.T) {
	base := serve(t, demoSite(t))
	ctx := browser(t)
	for _, width := range []int64{1280, 360} {
		pages := templatePages
		if width == 360 { // the folding menu: a few pages suffice
			pages = []string{"/", "/iku/rsud-waktu-tunggu-rawat-jalan/", "/en/opd/rsud-tengku-mansyur/", "/data/"}
		}
		for _, p := range pages {
			var n int
			if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(width, 800, 1, width < 600),
				chromedp.Navigate(base+p), chromedp.WaitReady("body", chromedp.ByQuery),
				chromedp.Evaluate(`(() => { const es = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")].filter(e => e.checkVisibility());
				es.forEach((e, i) => e.dataset.kbd = i); return es.length; })()`, &n)); err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for i := 0; i < n+2; i++ {
				var info struct {
					Key     string `json:"key"`
					Outline string `json:"outline"`
					Width   string `json:"width"`
				}
				if err := chromedp.Run(ctx, chromedp.KeyEvent("\t"), chromedp.Evaluate(`(() => { const e = document.activeElement; const s = getComputedStyle(e);
				return {key: e.dataset.kbd === undefined ? "BODY" : e.tagName + " " + e.dataset.kbd, outline: s.outlineStyle, width: s.outlineWidth}; })()`, &info)); err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(info.Key, "BODY") {
					continue
				}
				seen[info.Key] = true
				if info.Outline == "none" || info.Width == "0px" {
					t.Errorf("%s: the focused %s has no visible outline", p, info.Key)
				}
			}
			if len(seen) < n {
				t.Errorf("%s at %d px: Tab reached %d of %d focusable elements", p, width, len(seen), n)
			}
		}
	}
}

// TestPageBudgets: the first view of every template (the HTML with its
// inline chart SVG, the CSS, any script it loads) is at most 30 KB
// gzipped, as a phone on a slow connection fetches it.
func TestPageBudgets(t *testing.T) {
	public := demoSite(t)
	const budget = 30 * 1024
	gz := func(b []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, 6)
		w.Write(b)
		w.Close()
		return buf.Len()
	}
	// What the first view loads: stylesheets and scripts.
	asset := regexp.MustCompile(`<(?:link rel="?stylesheet"? href|script[^>]* src)="?(/[^" >]+)`)
	for _, p := range templatePages {
		file := filepath.Join(public, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			file = filepath.Join(file, "index.html")
		}
		page, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		total := gz(page)
		ms := asset.FindAllSubmatch(page, -1)
		if len(ms) == 0 {
			t.Errorf("%s loads no stylesheet: the budget test reads the page wrong", p)
		}
		for _, m := range ms {
			b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(string(m[1]))))
			if err != nil {
				t.Fatalf("%s loads %s, which is not in the site", p, m[1])
			}
			total += gz(b)
		}
		if total > budget {
			t.Errorf("%s weighs %d bytes gzipped with its CSS and scripts; the budget is %d", p, total, budget)
		}
	}
}
