package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// longUnit is a unit as long as the one that once pushed an indicator
// page 150 px past a phone's screen.
const longUnit, longUnitEN = "kunjungan/puskesmas/bulan", "visits/health-centre/month"

var (
	inputOnce sync.Once
	inputOut  string
	inputLog  string // the build's stderr
	inputErr  string
)

// longDefinition is the size of the over-long definition inputSite gives
// one indicator: a warning, not an error.
const longDefinition = 10_485_760

// inputSite builds, once for the package, the demo from a bundle as an
// office might write it: every unit (but the IKM's) the long
// "kunjungan/puskesmas/bulan", the kecamatan offices' kind written
// " Kecamatan ", and a definition of 10 MB. Tests must not modify it.
func inputSite(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("a whole-site build: make test runs it (not -short)")
	}
	inputOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kinerja-input-")
		if err != nil {
			inputErr = err.Error()
			return
		}
		b := demoBundle(t, filepath.Join(dir, "bundle"), func(ds *iku.Dataset) {
			for i := range ds.Indicators {
				if ds.Indicators[i].Unit != "IKM" {
					ds.Indicators[i].Unit, ds.Indicators[i].UnitEN = longUnit, longUnitEN
				}
			}
			for i := range ds.Agencies {
				if ds.Agencies[i].Kind == "kecamatan" {
					ds.Agencies[i].Kind = " Kecamatan "
				}
			}
			ds.Indicators[0].Definition = strings.Repeat("Definisi. ", longDefinition/10)
		})
		inputOut = filepath.Join(dir, "public")
		r := run(t, nil, "build", "--site", repoRoot(t), "--from", b, "--out", inputOut)
		inputLog = r.stderr
		if r.code != 0 {
			inputErr = r.stderr
		}
	})
	if inputErr != "" {
		t.Fatalf("building the site with long units failed: %s", inputErr)
	}
	return inputOut
}

// TestLongUnitsFitAPhone: on a 360 px phone, with every <details> open,
// on each kind of page where a long unit shows, the page never scrolls
// sideways and no element is wider than the screen (document.
// documentElement.clientWidth) or reaches past it. A table wider than the
// screen scrolls inside its own region (README, "Accessibility": never the
// page), and there no cell is wider than the screen: a cell wraps its
// text, a long unit inside the word.
func TestLongUnitsFitAPhone(t *testing.T) {
	public := inputSite(t)
	base := serve(t, public)
	ctx := browser(t)
	pages := []string{"/", "/iku/disporapar-kunjungan-wisatawan/", "/iku/dinkes-waktu-tunggu-puskesmas/",
		"/opd/disporapar/", "/opd/dinas-kesehatan/", "/sektor/pariwisata/", "/banding/kecamatan-paten/",
		"/iku/", "/cari/", "/data/", "/rilis/", "/embed/iku/disporapar-kunjungan-wisatawan/"}
	for _, p := range slices.Clone(pages) {
		pages = append(pages, "/en"+p)
	}
	for _, p := range pages {
		var wide []string
		var width int
		err := chromedp.Run(ctx,
			emulation.SetDeviceMetricsOverride(360, 640, 1, true),
			chromedp.Navigate(base+p),
			chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll("details").forEach(d => d.open = true); document.documentElement.clientWidth`, &width),
			chromedp.Evaluate(`(() => {
				const w = document.documentElement.clientWidth, out = [];
				const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "");
				const what = e => name(e) + " (in " + (e.parentElement ? name(e.parentElement) : "") + ") is " + Math.round(e.getBoundingClientRect().width) + " px wide, to " + Math.round(e.getBoundingClientRect().right) + " px: " + JSON.stringify(e.textContent.trim().replace(/\s+/g, " ").slice(0, 50));
				if (document.documentElement.scrollWidth > w) out.push("the page scrolls sideways to " + document.documentElement.scrollWidth + " px");
				const scrolls = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== "visible") return true; } return false; };
				for (const e of document.body.querySelectorAll("*")) {
					const r = e.getBoundingClientRect();
					if (r.width <= 1 && r.height <= 1) continue; // nothing shown (visually hidden)
					if (scrolls(e)) {
						// Inside a table's own scrolling region: a cell
						// wraps its text within a screen.
						if ((e.tagName === "TD" || e.tagName === "TH") && r.width > w) out.push("a cell " + what(e));
					} else if (r.width > w + 0.5 || r.right > w + 0.5) {
						out.push(what(e));
					}
				}
				return out;
			})()`, &wide),
		)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if width != 360 {
			t.Fatalf("%s: the page is %d px wide; want the phone's 360", p, width)
		}
		for i, w := range wide {
			if i == 8 {
				t.Errorf("%s: … and %d more", p, len(wide)-i)
				break
			}
			t.Errorf("%s at 360 px: %s", p, w)
		}
	}
}

// TestKindsAreCodes: agencies whose kind the office wrote " Kecamatan "
// are kecamatan: their comparison keeps its address (/banding/kecamatan-
// paten/), every link to a comparison leads to a page, and the home
// page's list of kecamatan still lists them.
func TestKindsAreCodes(t *testing.T) {
	public := inputSite(t)
	for _, want := range []string{"banding/kecamatan-paten/index.html", "en/banding/kecamatan-paten/index.html"} {
		if _, err := os.Stat(filepath.Join(public, want)); err != nil {
			t.Errorf("no %s: the kecamatan comparison lost its address", want)
		}
	}
	// Hugo's minifier leaves attribute values unquoted where it can.
	href := regexp.MustCompile(`href="?(/(?:en/)?banding/[^"#?\s>]*)`)
	links := 0
	err := filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range href.FindAllStringSubmatch(string(b), -1) {
			links++
			target := filepath.Join(public, filepath.FromSlash(m[1]))
			if !strings.HasPrefix(target, filepath.Join(public, "banding")) && !strings.HasPrefix(target, filepath.Join(public, "en", "banding")) {
				t.Errorf("%s links to %s, outside /banding/", p, m[1])
			}
			if strings.HasSuffix(m[1], "/") {
				target = filepath.Join(target, "index.html")
			}
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s links to %s, which is no page", strings.TrimPrefix(p, public), m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if links < 20 {
		t.Errorf("%d links to comparisons in the site; want the agencies' and the home page's", links)
	}
	home := readFile(t, filepath.Join(public, "index.html"))
	if !regexp.MustCompile(`href="?/opd/kecamatan-teluk-nibung/`).MatchString(home) {
		t.Error("the home page does not list Kecamatan Teluk Nibung among the kecamatan")
	}
}

// TestEmbedRequestsNoFavicon: a chart's embed page, opened on its own,
// makes the browser ask for no /favicon.ico (which a site does not have:
// a 404 in every reader's console). The icon it names is allowed by the
// policy the README recommends.
func TestEmbedRequestsNoFavicon(t *testing.T) {
	public := demoSite(t)
	// Two servers: the embed page on one; on the other, a control page
	// that names no icon, whose /favicon.ico request shows that the
	// browser asks for icons, and that it has done so for the page before.
	var mu sync.Mutex
	var asked []string
	fsrv := http.FileServer(http.Dir(public))
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.Path)
		mu.Unlock()
		w.Header().Set("Content-Security-Policy", csp)
		fsrv.ServeHTTP(w, r)
	}))
	t.Cleanup(site.Close)
	control := make(chan struct{})
	var once sync.Once
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			once.Do(func() { close(control) })
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="en"><head><title>Control</title></head><body><p>No icon named here.</p></body></html>`))
	}))
	t.Cleanup(other.Close)

	ctx := browser(t)
	var icon string
	var iconOK bool
	if err := chromedp.Run(ctx,
		chromedp.Navigate(site.URL+"/embed/iku/"+searchSlug+"/"),
		chromedp.Evaluate(`(document.querySelector('link[rel~="icon"]') || {}).href || ""`, &icon),
		chromedp.Navigate(other.URL+"/"),
	); err != nil {
		t.Fatal(err)
	}
	select {
	case <-control:
	case <-ctx.Done():
		t.Fatal("the browser never asked the control page's server for /favicon.ico")
	}
	mu.Lock()
	defer mu.Unlock()
	if slices.Contains(asked, "/favicon.ico") {
		t.Errorf("the embed page made the browser ask for /favicon.ico (requests: %q)", asked)
	}
	// The icon is a data: URL (img-src 'self' data:) or a file of the site.
	iconOK = strings.HasPrefix(icon, "data:") || strings.HasPrefix(icon, site.URL+"/") && icon != site.URL+"/favicon.ico"
	if !iconOK {
		t.Errorf("the embed page names the icon %q; want a data: URL or a file the site has", icon)
	}
}

// TestBadTextNamed: text a page cannot show stops the build at once with
// one sentence naming the file, the line and the column, exit 1 and
// nothing written: a name with an escape sequence, a file saved as
// Latin-1. (Both used to fail late, in the downloads or the charts' SVG
// check, naming no file.) An over-long text is a warning with its size,
// in build and in check alike.
func TestBadTextNamed(t *testing.T) {
	for _, tc := range []struct {
		file, from, to, want string
	}{
		{"agencies.csv", "Dinas Kesehatan", "Dinas \x1b[2JKesehatan",
			`agencies.csv in %s, line 2, column "name": holds the control character U+001B (ESC) at character 7: remove it`},
		{"agencies.csv", "Dinas Kesehatan", "Dinas\x00Kesehatan",
			`agencies.csv in %s, line 2, column "name": holds the control character U+0000 (NUL) at character 6: remove it`},
		{"indicators.csv", "Kunjungan ke objek wisata.", "Kunjungan ke caf\xe9 wisata.",
			`indicators.csv in %s, line 3, column "definition": is not UTF-8 (byte 0xE9 at character 17, a Latin-1 "é"?): save the file as UTF-8`},
	} {
		dir := checkBundle(t)
		p := filepath.Join(dir, tc.file)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(b), tc.from, tc.to, 1)
		if edited == string(b) {
			t.Fatalf("%s has no %q", tc.file, tc.from)
		}
		if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		r := run(t, nil, "build", "--site", repoRoot(t), "--from", dir, "--out", out)
		want := "kinerja: " + fmt.Sprintf(tc.want, dir)
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("build with %q in %s: exit %d\n%s\nwant exit 1 and %s", tc.to, tc.file, r.code, r.stderr, want)
		}
		if strings.ContainsAny(r.stderr, "\x00\x1b") {
			t.Errorf("the build printed a control character: %q", r.stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("the failed build wrote %s", out)
		}
	}

	// The 10 MB definition of inputSite: the build warned, and so does
	// the check, naming the table, row, column and size.
	bundleDir := filepath.Join(filepath.Dir(inputSite(t)), "bundle")
	warning := fmt.Sprintf(`the indicators table, row "disdik-kompetensi-literasi", column definition, is %d characters long`, longDefinition)
	if !strings.Contains(inputLog, "warning: "+warning) {
		t.Errorf("the build did not warn %q:\n%s", warning, inputLog)
	}
	r := run(t, nil, "check", "--site", repoRoot(t), "--from", bundleDir)
	if !regexp.MustCompile(`(?m)^  warning +disdik-kompetensi-literasi .*` + regexp.QuoteMeta(warning)).MatchString(r.stdout) {
		t.Errorf("kinerja check did not warn %q:\n%s", warning, r.stdout)
	}
}
