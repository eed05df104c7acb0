package main

import (
	"bytes"
	"encoding/xml"
	"html"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

var chartFilesRe = regexp.MustCompile(`<p class=chart-files>(.*?)</p>`)
var chartLinkRe = regexp.MustCompile(`<a href="?([^" >]+)"? download="?([^" >]+)"?>`)

// chartLinks returns the chart images the indicator page at path (under
// dir) links, as site paths and their download names.
func chartLinks(t *testing.T, dir, path string) (hrefs, names []string) {
	t.Helper()
	m := chartFilesRe.FindStringSubmatch(readFile(t, filepath.Join(dir, filepath.FromSlash(path), "index.html")))
	if m == nil {
		t.Errorf("%s links no chart images", path)
		return nil, nil
	}
	for _, l := range chartLinkRe.FindAllStringSubmatch(m[1], -1) {
		hrefs, names = append(hrefs, l[1]), append(names, l[2])
	}
	return hrefs, names
}

// checkChartSVG checks the file is a standalone, well-formed SVG whose
// text holds title, and returns its text.
func checkChartSVG(t *testing.T, file, title string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var text strings.Builder
	root, inText, white := "", false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", file, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				attr := map[string]string{}
				for _, a := range tok.Attr {
					attr[a.Name.Local] = a.Value
				}
				root = tok.Name.Space + " " + tok.Name.Local
				if attr["width"] == "" || attr["height"] == "" {
					t.Errorf("%s: the root has no width or height: %v", file, attr)
				}
			}
			if tok.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("%s: element %s is not in the SVG namespace", file, tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if tok.Name.Local == "rect" && a.Name.Local == "fill" && a.Value == "#ffffff" {
					white = true
				}
			}
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				text.Write(tok)
				text.WriteByte('\n')
			}
		case xml.EndElement:
			inText = false
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("%s: the root is %q; want an svg in the SVG namespace", file, root)
	}
	if !white {
		t.Errorf("%s has no white background", file)
	}
	s := strings.Join(strings.Fields(text.String()), " ")
	if !strings.Contains(s, strings.Join(strings.Fields(title), " ")[:min(len(title), 30)]) {
		t.Errorf("%s: the title %q is not in its text", file, title)
	}
	if !strings.Contains(s, "CC BY 4.0") {
		t.Errorf("%s: no licence in its text", file)
	}
	return s
}

// checkChartPNG checks the file is a PNG of 1200×750.
func checkChartPNG(t *testing.T, file string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", file, err)
	}
	if c.Width != 1200 || c.Height != 750 {
		t.Errorf("%s is %d×%d; want 1200×750", file, c.Width, c.Height)
	}
}

// TestChartImages: every indicator page of both languages links its chart
// as a standalone SVG and a PNG of 1200×750, published beside it.
func TestChartImages(t *testing.T) {
	dir := demoSite(t)
	pages := 0
	for _, prefix := range []string{"", "en/"} {
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(prefix), "iku"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			path := "/" + prefix + "iku/" + e.Name() + "/"
			hrefs, names := chartLinks(t, dir, path)
			if len(hrefs) != 2 || hrefs[0] != path+"grafik.svg" || hrefs[1] != path+"grafik.png" {
				t.Errorf("%s links chart images %v; want %sgrafik.svg and %sgrafik.png", path, hrefs, path, path)
				continue
			}
			if !strings.HasSuffix(names[0], e.Name()+".svg") || !strings.HasSuffix(names[1], e.Name()+".png") {
				t.Errorf("%s downloads them as %v", path, names)
			}
			page := readFile(t, filepath.Join(dir, filepath.FromSlash(path), "index.html"))
			title := regexp.MustCompile(`<title>(.*?) · `).FindStringSubmatch(page)
			checkChartSVG(t, filepath.Join(dir, filepath.FromSlash(hrefs[0])), html.UnescapeString(title[1]))
			checkChartPNG(t, filepath.Join(dir, filepath.FromSlash(hrefs[1])))
			pages++
		}
	}
	if pages < 200 {
		t.Errorf("%d indicator pages link chart images; want every one of the demo's 2 × 104", pages)
	}
}

// TestChartImagesHostileName: an indicator named like an attack is text in
// its chart's SVG, which stays well-formed.
func TestChartImagesHostileName(t *testing.T) {
	const hostile = `</script><img src=x onerror=alert(1)>`
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range ds.Indicators {
		if ds.Indicators[i].Slug == "dinkes-ikm" {
			ds.Indicators[i].Name = "IKM " + hostile
			found = true
		}
	}
	if !found {
		t.Fatal("the demo has no indicator dinkes-ikm")
	}
	tmp := t.TempDir()
	if err := bundle.Write(filepath.Join(tmp, "bundle"), ds); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(tmp, "public")
	mustRun(t, nil, "build", "--site", repoRoot(t), "--from", filepath.Join(tmp, "bundle"), "--out", public)
	svg := filepath.Join(public, "iku", "dinkes-ikm", "grafik.svg")
	raw := readFile(t, svg)
	if strings.Contains(raw, "<img") || strings.Contains(raw, "</script>") {
		t.Errorf("the indicator's name became markup in %s", svg)
	}
	if !strings.Contains(raw, "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("%s does not carry the name as escaped text", svg)
	}
	checkChartSVG(t, svg, "IKM "+hostile)
	checkChartPNG(t, filepath.Join(public, "iku", "dinkes-ikm", "grafik.png"))
}
