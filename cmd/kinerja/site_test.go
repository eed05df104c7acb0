package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// TestDemoSitePages: the demo site has a home page and one page per
// agency, indicator and sector of the demo data, and every page says the
// data is fictitious.
func TestDemoSitePages(t *testing.T) {
	public := demoSite(t)
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"index.html", "metodologi/index.html", "tentang/index.html",
		"iku/index.html", "opd/index.html", "sektor/index.html"}
	for _, a := range ds.Agencies {
		want = append(want, "opd/"+a.Slug+"/index.html")
	}
	for _, s := range ds.Sectors {
		want = append(want, "sektor/"+s.Slug+"/index.html")
	}
	for _, ind := range ds.Indicators {
		want = append(want, "iku/"+ind.Slug+"/index.html")
	}
	for _, p := range want {
		b, err := os.ReadFile(filepath.Join(public, p))
		if err != nil {
			t.Errorf("public/%s is missing", p)
			continue
		}
		page := string(b)
		if !strings.Contains(page, "Data contoh — bukan data resmi") {
			t.Errorf("public/%s lacks the demo banner", p)
		}
	}
	if n := len(ds.Agencies); n < 15 {
		t.Errorf("the demo has %d agencies; want at least 15", n)
	}
	if n := len(ds.Indicators); n < 80 {
		t.Errorf("the demo has %d indicators; want at least 80", n)
	}
	// The indicator page of a chart carries its SVG inline and its option
	// as JSON data, and no other script.
	page := readFile(t, filepath.Join(public, "iku", ds.Indicators[0].Slug, "index.html"))
	if !strings.Contains(page, "<svg") {
		t.Errorf("/iku/%s/ has no inline SVG", ds.Indicators[0].Slug)
	}
	// The only executable script is the optional chart script, external
	// and deferred.
	n := strings.Count(page, "<script")
	m := strings.Count(page, `<script type="application/json"`) + strings.Count(page, `<script type=application/json`)
	ext := regexp.MustCompile(`<script src=/js/chart\.min\.[0-9a-f]+\.js integrity=sha384-[^ >]+ defer></script>`).FindAllString(page, -1)
	if n != m+len(ext) || len(ext) != 1 {
		t.Errorf("/iku/%s/ has %d script elements: %d JSON data, %d external deferred chart scripts", ds.Indicators[0].Slug, n, m, len(ext))
	}
}
