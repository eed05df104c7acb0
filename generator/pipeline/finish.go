package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/preview"
	"github.com/tanjungbalai/kinerja/generator/search"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// Previews draws the link preview of every indicator and agency page of
// every model, and the cards of every release, into the built site dir (generator/preview, a worker per
// core), from the cache in cacheDir where the same card was drawn before;
// it returns how many cards there are and how many it drew.
func Previews(ctx context.Context, models []*display.Model, titles, badges map[string]string, dir, cacheDir string, progress func(done, total int)) (int, int, error) {
	jobs := PreviewJobs(models, titles, badges, dir)
	drawn, err := drawPreviews(ctx, jobs, cacheDir, progress)
	return len(jobs), drawn, err
}

// Search indexes the built site dir with Pagefind (bin), or takes the
// index of the same pages from the cache in cacheDir; it returns the pages
// indexed and whether the index came from the cache.
func Search(ctx context.Context, bin, dir, cacheDir string) (int, bool, error) {
	return search.Cached(ctx, bin, dir, cacheDir)
}

// cardWords are what every card (link preview, chart image) says of the
// site in each language: its title, and the demo's mark ("" for real data).
func (p *Prepared) cardWords() (titles, badges map[string]string) {
	titles, badges = map[string]string{}, map[string]string{}
	for _, l := range p.Settings.Langs {
		titles[l.Code] = p.Settings.Config.SiteTitle(l.Code)
		if p.Dataset.Fictitious {
			badges[l.Code] = l.Words.T("demo_title", nil)
		}
	}
	return titles, badges
}

// finishing adds to a build what runs on the site Hugo wrote, before it
// is published: the link previews (PNG, generator/preview), the charts
// of the indicator pages as SVG and PNG to download, and the search index
// (Pagefind). Without Pagefind the site is built without search,
// and says so in one line.
func (p *Prepared) finishing(so *site.Options) {
	so.Params = map[string]bool{"previews": true}
	root := p.Settings.Root
	// Each step returns its summary line. They read what Hugo wrote and
	// write files of their own, so they run side by side; their lines come
	// out in this order.
	steps := []func(ctx context.Context, dir string) (string, error){
		func(ctx context.Context, dir string) (string, error) {
			if err := p.drawing.wait(ctx); err != nil {
				return "", err
			}
			t := time.Now()
			var jobs []preview.Job
			if d := p.drawing; d != nil {
				jobs = placed(d.previews, d.previewOuts, dir)
			} else {
				titles, badges := p.cardWords()
				jobs = PreviewJobs(p.Models, titles, badges, dir)
			}
			drawn, err := drawPreviews(ctx, jobs, filepath.Join(root, ".cache", "previews"), nil)
			if err != nil {
				return "", err
			}
			n := len(jobs)
			// They were drawn in the background (startDrawing): count
			// them, and the time that took, here.
			var before time.Duration
			if d := p.drawing; d != nil {
				drawn, before = drawn+d.previewsDrawn, d.previewsTime
			}
			return fmt.Sprintf("%-9s %d images (link previews of 1200×630, release cards), %d drawn, %d from the cache (%.2f s)\n", "previews:", n, drawn, n-drawn, (time.Since(t) + before).Seconds()), nil
		},
		func(ctx context.Context, dir string) (string, error) {
			t := time.Now()
			svgs, err := p.chartSVGs(ctx, dir)
			if err != nil {
				return "", err
			}
			if p.store != nil {
				// The chart files are in the store now: the next build
				// finds them by the index, without reading them.
				if err := p.store.Save(); err != nil {
					return "", err
				}
			}
			took := time.Since(t) // the SVGs; then the PNGs' links, not the wait
			if err := p.drawing.wait(ctx); err != nil {
				return "", err
			}
			t = time.Now()
			var jobs []preview.Job
			if d := p.drawing; d != nil {
				jobs = placed(d.images, d.imageOuts, dir)
			} else {
				jobs = p.chartImageJobs(dir)
			}
			drawn, err := drawPreviews(ctx, jobs, filepath.Join(root, ".cache", "previews"), nil)
			if err != nil {
				return "", err
			}
			took += time.Since(t)
			if d := p.drawing; d != nil {
				drawn, took = drawn+d.imagesDrawn, took+d.imagesTime
			}
			// The SVG files were made beside the data (storeChartSVGs).
			return fmt.Sprintf("%-9s %d charts as SVG, %d as PNG of %s: %d drawn, %d from the cache (%.2f s)\n", "images:", svgs, len(jobs), preview.ChartImage, drawn, len(jobs)-drawn, (took + p.chartSVGsTime).Seconds()), nil
		},
	}
	p.searchBin = search.Find(root, os.Getenv)
	if bin := p.searchBin; bin != "" {
		so.Params["search"] = true
		steps = append(steps, func(ctx context.Context, dir string) (string, error) {
			t := time.Now()
			n, cached, err := Search(ctx, bin, dir, filepath.Join(root, ".cache", "search"))
			if err != nil {
				return "", err
			}
			what := "%d pages indexed by Pagefind"
			if cached {
				what = "%d pages, the index of the same pages from the cache"
			}
			return fmt.Sprintf("%-9s "+what+" (%.2f s)\n", "search:", n, time.Since(t).Seconds()), nil
		})
	} else {
		p.log.printf("%-9s no Pagefind found (npm ci in the site folder, or KINERJA_PAGEFIND): /cari/ is the A–Z list without search\n", "search:")
	}
	so.Finish = func(ctx context.Context, dir string) error {
		lines := make([]string, len(steps))
		g, gctx := errgroup.WithContext(ctx)
		for i, step := range steps {
			g.Go(func() error {
				var err error
				lines[i], err = step(gctx, dir)
				return err
			})
		}
		if err := g.Wait(); err != nil {
			return err
		}
		for _, l := range lines {
			p.log.printf("%s", l)
		}
		return ctx.Err()
	}
}
