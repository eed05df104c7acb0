package main

import (
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// site is the demo site's baseURL (hugo.toml).
const siteURL = "https://kinerja.tanjungbalaikota.go.id/"

var metaTag = regexp.MustCompile(`<meta (?:property|name)="?((?:og|twitter):[a-z:_]+)"? content="?([^">]*)"?>`)

// metas returns the Open Graph and Twitter tags of a page (the first of
// each name).
func metas(page string) map[string]string {
	m := map[string]string{}
	for _, s := range metaTag.FindAllStringSubmatch(page, -1) {
		if _, ok := m[s[1]]; !ok {
			m[s[1]] = s[2]
		}
	}
	return m
}

// TestLinkPreviews: every indicator, agency and service unit page, in both
// languages,
// has Open Graph and Twitter card tags whose og:image is a PNG of
// 1200×630 in the output (its header decoded), og:url is the page's
// canonical address, og:locale the page's language, and og:description
// the page's description (the plain summary).
func TestLinkPreviews(t *testing.T) {
	public := demoSite(t)
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, ind := range ds.Indicators {
		pages = append(pages, "iku/"+ind.Slug+"/")
	}
	for _, a := range ds.Agencies {
		pages = append(pages, "opd/"+a.Slug+"/")
	}
	for _, u := range ds.Units {
		pages = append(pages, "unit/"+u.Slug+"/")
	}
	for _, lang := range []struct{ prefix, locale string }{{"", "id_ID"}, {"en/", "en_GB"}} {
		for _, p := range pages {
			p = lang.prefix + p
			page := readFile(t, filepath.Join(public, filepath.FromSlash(p), "index.html"))
			m := metas(page)
			img := m["og:image"]
			rel, ok := strings.CutPrefix(img, siteURL)
			if !ok {
				t.Errorf("%s: og:image %q is not an address on the site", p, img)
				continue
			}
			f, err := os.Open(filepath.Join(public, filepath.FromSlash(rel)))
			if err != nil {
				t.Errorf("%s: og:image %s is not in the output: %v", p, img, err)
				continue
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil {
				t.Errorf("%s: og:image %s is not a PNG: %v", p, img, err)
			} else if cfg.Width != 1200 || cfg.Height != 630 {
				t.Errorf("%s: og:image %s is %d×%d; want 1200×630", p, img, cfg.Width, cfg.Height)
			}
			if got, want := m["og:url"], siteURL+p; got != want {
				t.Errorf("%s: og:url %q; want %q", p, got, want)
			}
			if !strings.Contains(page, `<link rel=canonical href=`+siteURL+p+`>`) && !strings.Contains(page, `<link rel="canonical" href="`+siteURL+p+`">`) {
				t.Errorf("%s: no canonical link to %s", p, siteURL+p)
			}
			if m["og:locale"] != lang.locale {
				t.Errorf("%s: og:locale %q; want %q", p, m["og:locale"], lang.locale)
			}
			if m["og:title"] == "" || m["og:description"] == "" || !strings.Contains(page, `content="`+m["og:description"]+`"`) {
				t.Errorf("%s: og:title %q, og:description %q", p, m["og:title"], m["og:description"])
			}
			if m["twitter:card"] != "summary_large_image" {
				t.Errorf("%s: twitter:card %q; want summary_large_image", p, m["twitter:card"])
			}
		}
	}
	// The previews' sources are not published.
	if matches, _ := filepath.Glob(filepath.Join(public, "iku", "*", "card.svg")); len(matches) > 0 {
		t.Errorf("%d card.svg files are in the output, e.g. %s", len(matches), matches[0])
	}
}

// TestSitemap: robots.txt names the sitemap index, which names one
// sitemap per language, and they list every indicator page in Indonesian
// (/iku/…) and in English (/en/iku/…).
func TestSitemap(t *testing.T) {
	public := demoSite(t)
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	robots := readFile(t, filepath.Join(public, "robots.txt"))
	if !strings.Contains(robots, "Sitemap: "+siteURL+"sitemap.xml\n") {
		t.Errorf("robots.txt names no sitemap.xml:\n%s", robots)
	}
	index := readFile(t, filepath.Join(public, "sitemap.xml"))
	all := ""
	for _, lang := range []string{"id", "en"} {
		loc := siteURL + lang + "/sitemap.xml"
		if !strings.Contains(index, "<loc>"+loc+"</loc>") {
			t.Errorf("sitemap.xml does not name %s", loc)
		}
		if !strings.Contains(robots, "Sitemap: "+loc) {
			t.Errorf("robots.txt does not name %s", loc)
		}
		all += readFile(t, filepath.Join(public, lang, "sitemap.xml"))
	}
	for _, ind := range ds.Indicators {
		for _, p := range []string{"iku/", "en/iku/"} {
			if u := siteURL + p + ind.Slug + "/"; !strings.Contains(all, "<loc>"+u+"</loc>") {
				t.Errorf("no sitemap lists %s", u)
			}
		}
	}
}
