package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tanjungbalai/kinerja/generator/search"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// finishing adds to a build what runs on the site Hugo wrote, before it
// is published: the search index (Pagefind) and the link previews (PNG,
// generator/preview). Without Pagefind the site is built without search,
// and says so in one line.
func (p *Prepared) finishing(so *site.Options) {
	so.Params = map[string]bool{}
	var steps []func(ctx context.Context, dir string) error
	if bin := search.Find(p.Root, os.Getenv); bin != "" {
		so.Params["search"] = true
		steps = append(steps, func(ctx context.Context, dir string) error {
			t := time.Now()
			n, cached, err := search.Cached(ctx, bin, dir, filepath.Join(p.Root, ".cache", "search"))
			if err != nil {
				return err
			}
			if cached {
				p.stage("search", t, "%d pages, the index of the same pages from the cache", n)
			} else {
				p.stage("search", t, "%d pages indexed by Pagefind", n)
			}
			return nil
		})
	} else {
		fmt.Fprintf(p.stderr, "%-9s no Pagefind found (npm ci in the site folder, or KINERJA_PAGEFIND): /cari/ is the A–Z list without search\n", "search:")
	}
	// Link previews: drawn in Go from the display records (generator/
	// preview), cached by content, for every indicator and agency page.
	so.Params["previews"] = true
	steps = append(steps, func(ctx context.Context, dir string) error {
		t := time.Now()
		jobs := PreviewJobs(p.Models, p.siteTitles, p.badges, dir)
		drawn, err := drawPreviews(ctx, jobs, filepath.Join(p.Root, ".cache", "previews"), p.progressFor("previews"))
		if err != nil {
			return err
		}
		p.stage("previews", t, "%d images of 1200×630, %d drawn, %d from the cache", len(jobs), drawn, len(jobs)-drawn)
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
