package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/search"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// Card is the link preview Hugo writes beside an indicator or agency page
// (layouts/*/page.card.svg); Preview is the PNG kinerja makes of it.
const (
	Card    = "card.svg"
	Preview = "og.png"
)

// fonts is where Debian's fonts-dejavu-core puts DejaVu Sans, which the
// previews are drawn in; $KINERJA_FONTS names another folder.
const fonts = "/usr/share/fonts/truetype/dejavu"

// finishing adds to a build what runs on the site Hugo wrote, before it
// is published: the search index (Pagefind) and the link previews (PNG,
// by resvg). What is missing is said in one line each, and the site is
// built without it.
func (p *Prepared) finishing(so *site.Options) {
	so.Params = map[string]bool{}
	var steps []func(ctx context.Context, dir string) error
	if bin := search.Find(p.Root, os.Getenv); bin != "" {
		so.Params["search"] = true
		steps = append(steps, func(ctx context.Context, dir string) error {
			t := time.Now()
			n, err := search.Index(ctx, bin, dir)
			if err != nil {
				return err
			}
			p.stage("search", t, "%d pages indexed by Pagefind", n)
			return nil
		})
	} else {
		fmt.Fprintf(p.stderr, "%-9s no Pagefind found (npm ci in the site folder, or KINERJA_PAGEFIND): /cari/ is the A–Z list without search\n", "search:")
	}
	raster := chart.Raster{Width: 1200, CacheDir: filepath.Join(p.Root, ".cache", "previews"),
		NodeModules: chart.FindResvg(append([]string{filepath.Join(p.Root, "node_modules")}, filepath.SplitList(os.Getenv("NODE_PATH"))...)...)}
	if raster.NodeModules != "" {
		so.Params["previews"] = true
		raster.Fonts = os.Getenv("KINERJA_FONTS")
		if raster.Fonts == "" {
			if _, err := os.Stat(fonts); err == nil {
				raster.Fonts = fonts
			}
		}
	} else {
		fmt.Fprintf(p.stderr, "%-9s no %s found (npm ci in the site folder, or NODE_PATH): pages are shared without a preview image\n", "previews:", chart.Resvg)
	}
	// The cards are rasterised when resvg is there, and never published.
	steps = append(steps, func(ctx context.Context, dir string) error {
		t := time.Now()
		var jobs []chart.RasterJob
		var cards []string
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() != Card {
				return err
			}
			cards = append(cards, path)
			if raster.NodeModules != "" {
				svg, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				jobs = append(jobs, chart.RasterJob{SVG: svg, Out: filepath.Join(filepath.Dir(path), Preview)})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(jobs) > 0 {
			drawn, err := raster.Rasterise(ctx, jobs)
			if err != nil {
				return err
			}
			p.stage("previews", t, "%d images of 1200×630, %d drawn by resvg, %d from the cache", len(jobs), drawn, len(jobs)-drawn)
		}
		for _, c := range cards {
			if err := os.Remove(c); err != nil {
				return err
			}
		}
		return nil
	})
	so.Finish = func(ctx context.Context, dir string) error {
		for _, step := range steps {
			if err := step(ctx, dir); err != nil {
				return err
			}
		}
		return nil
	}
}
