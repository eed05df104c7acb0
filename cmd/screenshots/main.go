// Command screenshots saves PNGs of the demo site's main templates (home,
// an agency, an indicator, a comparison) at phone (360×640) and desktop
// (1280×800) widths in both languages, for the README and for review:
//
//	kinerja build --out public && go run ./cmd/screenshots -site public -out docs/screenshots
//
// It serves the built folder on localhost and drives headless Chromium
// (Debian's chromium, or $CHROMIUM) with the flags of the browser tests
// and a fresh profile. A shot is the first screen only: what a reader sees
// before scrolling.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pages are the templates shot, by file name stem.
var pages = []struct{ name, path string }{
	{"home", "/"},
	{"agency", "/opd/rsud-tengku-mansyur/"},
	{"indicator", "/iku/dinkes-waktu-tunggu-puskesmas/"},
	{"comparison", "/banding/kecamatan-paten/"},
	{"unit", "/unit/puskesmas-teluk-nibung/"},
}

var sizes = []struct {
	name   string
	width  int64
	height int64
}{
	{"phone", 360, 640},
	{"desktop", 1280, 800},
}

func main() {
	site := flag.String("site", "public", "the built site to shoot")
	out := flag.String("out", "docs/screenshots", "folder for the PNGs")
	flag.Parse()
	if err := run(*site, *out); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(site, out string) error {
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		return fmt.Errorf("no built site in %q: run 'kinerja build --out %s' first", site, site)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(site)), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }() // ends when srv.Close is called below
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	ctx, cancel, err := browser()
	if err != nil {
		return err
	}
	defer cancel()
	n := 0
	for _, lang := range []string{"id", "en"} {
		for _, p := range pages {
			path := p.path
			if lang != "id" {
				path = "/" + lang + path
			}
			if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(path), "index.html")); err != nil {
				fmt.Fprintf(os.Stderr, "screenshots: %s is not in %s; skipped\n", path, site)
				continue
			}
			for _, s := range sizes {
				var png []byte
				if err := chromedp.Run(ctx,
					emulation.SetDeviceMetricsOverride(s.width, s.height, 1, s.width < 600),
					chromedp.Navigate(base+path),
					chromedp.WaitReady("body", chromedp.ByQuery),
					chromedp.CaptureScreenshot(&png),
				); err != nil {
					return fmt.Errorf("shooting %s at %d px: %w", path, s.width, err)
				}
				file := filepath.Join(out, fmt.Sprintf("%s-%s-%s.png", p.name, s.name, lang))
				if err := os.WriteFile(file, png, 0o644); err != nil {
					return err
				}
				n++
			}
		}
	}
	fmt.Printf("screenshots: %d PNGs in %s\n", n, out)
	return nil
}

// browser starts headless Chromium with the flags of DESIGN.md and a
// fresh profile that cancel removes.
func browser() (context.Context, func(), error) {
	path := os.Getenv("CHROMIUM")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path != "" {
			break
		}
		if p, err := exec.LookPath(name); err == nil {
			path = p
		}
	}
	if path == "" {
		return nil, nil, fmt.Errorf("no Chromium found: install it (Debian: apt-get install chromium) or set $CHROMIUM")
	}
	profile, err := os.MkdirTemp("", "kinerja-screenshots-")
	if err != nil {
		return nil, nil, err
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	cancel := func() {
		_ = chromedp.Cancel(ctx)
		cancelT()
		cancelC()
		cancelA()
		os.RemoveAll(profile)
	}
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("starting Chromium (%s): %w", path, err)
	}
	return ctx, cancel, nil
}
