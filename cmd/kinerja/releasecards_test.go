package main

import (
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var (
	cardLink  = regexp.MustCompile(`<a href="?(/(?:en/)?rilis/[^" >]+/kartu-(\d+)x(\d+)\.png)"? download=`)
	headlineN = regexp.MustCompile(`<li class="?hl-([a-z_]+)"?><strong class="?cn"?>([0-9.,]+)</strong>`)
)

// TestReleaseCards: the demo's release page, in both languages, links its
// cards of 1080×1350 and 1200×630, and each is a PNG of that size at the
// linked address; its link preview is the 1200×630 card; and the headline
// counts it shows (the lines the cards draw) are the home page's for the
// same quarter.
func TestReleaseCards(t *testing.T) {
	public := demoSite(t)
	for _, prefix := range []string{"", "en/"} {
		path := prefix + "rilis/2026-q3/"
		page := readFile(t, filepath.Join(public, filepath.FromSlash(path), "index.html"))
		links := cardLink.FindAllStringSubmatch(page, -1)
		if len(links) != 2 {
			t.Errorf("/%s links %d cards; want 2", path, len(links))
		}
		for _, l := range links {
			f, err := os.Open(filepath.Join(public, filepath.FromSlash(l[1])))
			if err != nil {
				t.Errorf("/%s links %s, which the build did not write: %v", path, l[1], err)
				continue
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if w, h := l[2], l[3]; err != nil || strconv.Itoa(cfg.Width) != w || strconv.Itoa(cfg.Height) != h {
				t.Errorf("%s: %d×%d (%v); want a PNG of %s×%s", l[1], cfg.Width, cfg.Height, err, w, h)
			}
		}
		if got, want := metas(page)["og:image"], siteURL+path+"kartu-1200x630.png"; got != want {
			t.Errorf("/%s: og:image %q; want its card %q", path, got, want)
		}
		home := readFile(t, filepath.Join(public, filepath.FromSlash(prefix), "index.html"))
		got, want := headlineN.FindAllStringSubmatch(page, -1), headlineN.FindAllStringSubmatch(home, -1)
		if len(got) < 3 || len(got) != len(want) {
			t.Fatalf("/%s shows %d headline counts, its home page %d", path, len(got), len(want))
		}
		for i := range got {
			if got[i][1] != want[i][1] || got[i][2] != want[i][2] {
				t.Errorf("/%s: headline count %s = %s; the home page's %s = %s", path, got[i][1], got[i][2], want[i][1], want[i][2])
			}
		}
	}
}
