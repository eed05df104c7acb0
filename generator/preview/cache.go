package preview

import (
	"context"
	"errors"
	"io/fs"
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
	return len(b) > len(pngSignature)+len(pngEnd) && string(b[:len(pngSignature)]) == pngSignature && string(b[len(b)-len(pngEnd):]) == pngEnd
}

// A PNG's first bytes, and its last: the empty IEND chunk.
const (
	pngSignature = "\x89PNG\r\n\x1a\n"
	pngEnd       = "\x00\x00\x00\x00IEND\xae\x42\x60\x82"
)

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

// has says the cache holds a whole PNG under key (read at its two ends
// only: a disk that lost the file's end has no IEND there).
func (c Cache) has(key string) bool {
	if c.Dir == "" || len(key) < 2 {
		return false
	}
	f, err := os.Open(c.path(key))
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() < int64(len(pngSignature)+len(pngEnd)) {
		return false
	}
	head := make([]byte, len(pngSignature))
	tail := make([]byte, len(pngEnd))
	if _, err := f.ReadAt(head, 0); err != nil {
		return false
	}
	if _, err := f.ReadAt(tail, fi.Size()-int64(len(tail))); err != nil {
		return false
	}
	return string(head) == pngSignature && string(tail) == pngEnd
}

// link puts the cached PNG of key at out as a hard link (no byte written);
// an error where none can be made.
func (c Cache) link(key, out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	err := os.Link(c.path(key), out)
	if errors.Is(err, fs.ErrExist) {
		// An earlier file of that name is replaced, as writeFile does.
		if err = os.Remove(out); err == nil {
			err = os.Link(c.path(key), out)
		}
	}
	return err
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
	// Key, when set, is Key(Card, Size), computed before (a caller that
	// names the images by their keys saves computing them twice).
	Key string
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
			key := j.Key
			if key == "" {
				key = Key(j.Card, j.Size)
			}
			// A warm build reads no cached PNG: it checks the file's two
			// ends and links it where it goes.
			hit := cache.has(key)
			if hit && j.Out != "" && cache.link(key, j.Out) != nil {
				// No link (the output is on another file system): a copy.
				b, ok := cache.Get(key)
				if hit = ok; ok {
					if err := writeFile(j.Out, b); err != nil {
						return iku.Wrap(err, iku.Invalid, "cannot write the preview image %q", j.Out)
					}
				}
			}
			if !hit {
				b, err := Draw(j.Card, j.Size)
				if err != nil {
					return err
				}
				if err := cache.Put(key, b); err != nil {
					return err
				}
				if j.Out != "" {
					if err := writeFile(j.Out, b); err != nil {
						return iku.Wrap(err, iku.Invalid, "cannot write the preview image %q", j.Out)
					}
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
