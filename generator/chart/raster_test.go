package chart

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestRasterise: resvg (npm, in the repository's node_modules) turns an
// SVG with text into a PNG of the asked width, once: the second time the
// PNG comes from the cache.
func TestRasterise(t *testing.T) {
	nm := FindResvg("", filepath.Join("..", "..", "node_modules"))
	if nm == "" {
		t.Fatal("@resvg/resvg-js is not in node_modules: run npm ci")
	}
	dir := t.TempDir()
	r := Raster{NodeModules: nm, CacheDir: filepath.Join(dir, "cache"), Width: 1200}
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu"); err == nil {
		r.Fonts = "/usr/share/fonts/truetype/dejavu"
	}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="315"><rect width="600" height="315" fill="#fff"/><text x="20" y="40" font-size="24">Waktu tunggu: 30,5 menit</text></svg>`)
	for i, want := range []int{1, 0} {
		out := filepath.Join(dir, "og.png")
		drawn, err := r.Rasterise(t.Context(), []RasterJob{{SVG: svg, Out: out}})
		if err != nil {
			t.Fatal(err)
		}
		if drawn != want {
			t.Errorf("run %d: Rasterise drew %d; want %d", i+1, drawn, want)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("run %d: %v, %d×%d; want a PNG of 1200×630", i+1, err, cfg.Width, cfg.Height)
		}
		os.Remove(out)
	}
	if FindResvg(dir) != "" {
		t.Errorf("FindResvg found resvg in a folder without it")
	}
}
