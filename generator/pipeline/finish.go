package pipeline

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/tanjungbalai/kinerja/generator/search"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// finishing adds to a build what runs on the site Hugo wrote, before it
// is published: the search index (Pagefind). What is missing is said in
// one line, and the site is built without it.
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
	so.Finish = func(ctx context.Context, dir string) error {
		for _, step := range steps {
			if err := step(ctx, dir); err != nil {
				return err
			}
		}
		return nil
	}
}
