package preview

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Cache keeps PNGs by Key in a folder (the site's .cache/previews), so
// that a card whose content did not change is not drawn again. The zero
// Cache keeps nothing.
type Cache struct {
	Dir string
}

func (c Cache) path(key string) string {
	return filepath.Join(c.Dir, key[:2], key+".png")
}

// Get returns the PNG cached under key, if any. A file that is not a
// whole PNG (a disk that lost its end) is not one.
func (c Cache) Get(key string) ([]byte, bool) {
	if c.Dir == "" || len(key) < 2 {
		return nil, false
	}
	b, err := os.ReadFile(c.path(key))
	return b, err == nil && whole(b)
}

// whole says b starts as a PNG does and ends with its IEND chunk.
func whole(b []byte) bool {
	const signature = "\x89PNG\r\n\x1a\n"
	const iend = "\x00\x00\x00\x00IEND\xae\x42\x60\x82"
	return len(b) > len(signature)+len(iend) && string(b[:len(signature)]) == signature && string(b[len(b)-len(iend):]) == iend
}

// Put keeps png under key. It writes a temporary file and renames it, so
// a reader never sees half an image.
func (c Cache) Put(key string, png []byte) error {
	if c.Dir == "" || len(key) < 2 {
		return nil
	}
	if err := writeFile(c.path(key), png); err != nil {
		return iku.Wrap(err, iku.Unavailable, "cannot write to the preview cache %q: check that the folder is writable, or delete it", c.Dir)
	}
	return nil
}

// writeFile writes b to a temporary file beside path, then renames it to
// path.
func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*-"+filepath.Base(path))
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Job is one card to draw at Size into the file Out.
type Job struct {
	Card Card
	Size Size
	Out  string
}

// DrawAll writes the PNG of every job to its Out file (written whole or
// not at all), from cache when it holds the card's Key, else drawn and
// put in cache. It runs workers jobs at once (0 or less: one per core,
// runtime.NumCPU), calls progress (when not nil) after each job with the
// count done so far, one call at a time, and returns how many cards it
// drew rather than took from the cache. It stops at the first error, or
// when ctx ends, returning ctx's error; the jobs that were done by then
// keep their files.
func DrawAll(ctx context.Context, jobs []Job, cache Cache, workers int, progress func(done, total int)) (drawn int, err error) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	var mu sync.Mutex
	done := 0
	for _, j := range jobs {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			key := Key(j.Card, j.Size)
			b, hit := cache.Get(key)
			if !hit {
				var err error
				if b, err = Draw(j.Card, j.Size); err != nil {
					return err
				}
				if err := cache.Put(key, b); err != nil {
					return err
				}
			}
			if j.Out != "" {
				if err := writeFile(j.Out, b); err != nil {
					return iku.Wrap(err, iku.Invalid, "cannot write the preview image %q", j.Out)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			done++
			if !hit {
				drawn++
			}
			if progress != nil {
				progress(done, len(jobs))
			}
			return nil
		})
	}
	err = g.Wait()
	if err == nil && done < len(jobs) {
		err = ctx.Err() // cancelled before every job started
	}
	return drawn, err
}
