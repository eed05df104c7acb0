package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// snippetRe finds the embed code an indicator page offers ("Sematkan
// grafik ini"), as the text of its code element.
var snippetRe = regexp.MustCompile(`(?s)<details class=embed-code>.*?<code>(.*?)</code>`)

// snippet returns the embed code the built indicator page at path (under
// dir) offers, unescaped: what a reader copies.
func snippet(t *testing.T, dir, path string) string {
	t.Helper()
	m := snippetRe.FindStringSubmatch(readFile(t, filepath.Join(dir, filepath.FromSlash(path), "index.html")))
	if m == nil {
		t.Fatalf("%s offers no embed code", path)
	}
	return html.UnescapeString(m[1])
}

// wordiest returns the slugs of the n embeds (of the language folder
// prefix, "" or "en/") with the most text besides the chart: the ones most
// likely not to fit.
func wordiest(t *testing.T, dir, prefix string, n int) []string {
	t.Helper()
	root := filepath.Join(dir, filepath.FromSlash(prefix), "embed", "iku")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	svg := regexp.MustCompile(`(?s)<svg.*</svg>|<[^>]*>`)
	type sized struct {
		slug string
		n    int
	}
	var all []sized
	for _, e := range entries {
		b := readFile(t, filepath.Join(root, e.Name(), "index.html"))
		all = append(all, sized{e.Name(), len(svg.ReplaceAllString(b, ""))})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].slug < all[j].slug })
	var out []string
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.slug)
	}
	return out
}

// TestBrowserEmbedFits: the embed code an indicator page offers, pasted
// into another site's page, shows the whole chart, its caption, source
// and licence at every width from a phone to a wide article, and the
// embedded page does not scroll.
func TestBrowserEmbedFits(t *testing.T) {
	dir := demoSite(t)
	site := serve(t, dir)
	const public = "https://kinerja.tanjungbalaikota.go.id"

	// The other site: one article holding the snippet, nothing around it.
	var pages = map[string]string{}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/host.css" {
			w.Header().Set("Content-Type", "text/css")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		fmt.Fprint(w, body)
	}))
	t.Cleanup(host.Close)
	pages["/host.css"] = "body { margin: 0 } iframe { border: 0; display: block }"

	var cases []string // indicator page paths
	for _, prefix := range []string{"", "en/"} {
		for _, slug := range append(wordiest(t, dir, prefix, 3), "rsud-waktu-tunggu-rawat-jalan") {
			cases = append(cases, "/"+prefix+"iku/"+slug+"/")
		}
	}
	for i, path := range cases {
		code := snippet(t, dir, path)
		if !strings.HasPrefix(code, "<iframe ") || !strings.Contains(code, public+"/") {
			t.Fatalf("%s: the embed code %q is not an iframe of the published site", path, code)
		}
		if strings.Contains(code, "style=") || strings.Contains(code, "<script") {
			t.Errorf("%s: the embed code %q has a style attribute or a script: a strict CSP or a CMS drops it", path, code)
		}
		pages[fmt.Sprintf("/a%d.html", i)] = `<!doctype html><html><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1"><link rel=icon href=data:,><link rel=stylesheet href=/host.css></head><body><article>` +
			strings.ReplaceAll(code, public, site) + `</article></body></html>`
	}

	ctx := browser(t)
	var errs consoleErrors
	listen(ctx, &errs)
	if err := chromedp.Run(ctx, runtime.Enable()); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{300, 360, 720, 1280} {
		if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(width, 900, 1, width <= 360)); err != nil {
			t.Fatal(err)
		}
		for i, path := range cases {
			embedFits(t, ctx, fmt.Sprintf("%s/a%d.html", host.URL, i), fmt.Sprintf("%s at %d px", path, width), width)
		}
	}
	errs.mu.Lock()
	defer errs.mu.Unlock()
	for _, m := range errs.msgs {
		t.Errorf("console: %s", m)
	}
}

// embedFits loads the host page at url and checks its iframe shows the
// chart, caption, source and licence inside its box, without scrolling.
func embedFits(t *testing.T, ctx context.Context, url, name string, width int64) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// Wait for the embedded page (lazy loading starts it when shown).
	var frame *cdp.Node
	for i := 0; ; i++ {
		var frames []*cdp.Node
		if err := chromedp.Run(ctx, chromedp.Nodes("iframe", &frames, chromedp.ByQuery, chromedp.Populate(-1, true))); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := frames[0].ContentDocument; d != nil && strings.Contains(d.DocumentURL, "/embed/") && d.ChildNodeCount > 0 {
			frame = frames[0]
			break
		}
		if i == 100 {
			t.Fatalf("%s: the embedded page did not load", name)
		}
		if err := chromedp.Run(ctx, chromedp.Sleep(100*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	box := func(id cdp.NodeID) (x0, y0, x1, y1 float64) {
		var b *dom.BoxModel
		if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			b, err = dom.GetBoxModel().WithNodeID(id).Do(ctx)
			return err
		})); err != nil {
			t.Fatalf("%s: no box: %v", name, err)
		}
		q := b.Border
		return q[0], q[1], q[4], q[5]
	}
	fx0, fy0, fx1, fy1 := box(frame.NodeID)
	// The iframe's content box: the host page draws it without a border.
	if got := fx1 - fx0; got != float64(width) {
		t.Errorf("%s: the iframe is %v px wide; want the article's %d", name, got, width)
	}
	for _, sel := range []string{"figure svg", "figcaption", ".src", ".src a[rel~=license]", "h1"} {
		var nodes []*cdp.Node
		if err := chromedp.Run(ctx, chromedp.Nodes(sel, &nodes, chromedp.ByQueryAll, chromedp.FromNode(frame))); err != nil {
			t.Fatalf("%s: %s: %v", name, sel, err)
		}
		for _, n := range nodes {
			x0, y0, x1, y1 := box(n.NodeID)
			if x0 < fx0-0.5 || y0 < fy0-0.5 || x1 > fx1+0.5 || y1 > fy1+0.5 {
				t.Errorf("%s: %s at (%.0f,%.0f)–(%.0f,%.0f) is cut by the iframe's box (%.0f,%.0f)–(%.0f,%.0f)",
					name, sel, x0-fx0, y0-fy0, x1-fx0, y1-fy0, 0.0, 0.0, fx1-fx0, fy1-fy0)
			}
			if sel == "figure svg" && (x1-x0 < 150 || y1-y0 < 100) {
				t.Errorf("%s: the chart is drawn at %.0f×%.0f px; want at least 150×100", name, x1-x0, y1-y0)
			}
		}
	}
	// The embedded document does not scroll: read its sizes through the
	// DOM (its own scripts are off: script-src 'none').
	var docs []*cdp.Node
	if err := chromedp.Run(ctx, chromedp.Nodes("html", &docs, chromedp.ByQuery, chromedp.FromNode(frame))); err != nil {
		t.Fatal(err)
	}
	var sizes []float64
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		obj, err := dom.ResolveNode().WithNodeID(docs[0].NodeID).Do(ctx)
		if err != nil {
			return err
		}
		res, exc, err := runtime.CallFunctionOn(`function() { return [this.scrollHeight, this.clientHeight, this.scrollWidth, this.clientWidth] }`).
			WithObjectID(obj.ObjectID).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return fmt.Errorf("%s", exc.Text)
		}
		return json.Unmarshal(res.Value, &sizes)
	})); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if sizes[0] > sizes[1] || sizes[2] > sizes[3] {
		t.Errorf("%s: the embedded page is %v×%v px in a %v×%v px frame: it scrolls", name, sizes[2], sizes[0], sizes[3], sizes[1])
	}
}
