package preview

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"io"
	"slices"
	"sync"
)

// encode writes img as an 8-bit paletted PNG (see scan for the palette):
// a third of the bytes of true colour, and no per-row filter search. The
// PNG is written by this package (png.go) straight from the runs of one
// colour that scan finds, without a general-purpose compressor.
func encode(w io.Writer, img *image.RGBA) error {
	sc := getScratch()
	defer scratches.Put(sc)
	if err := sc.scan(img); err != nil {
		return err
	}
	_, err := w.Write(sc.png())
	return err
}

// paletted returns the image that encode writes, as an image.Paletted.
func paletted(img *image.RGBA) *image.Paletted {
	sc := getScratch()
	defer scratches.Put(sc)
	if sc.scan(img) != nil {
		return image.NewPaletted(img.Bounds(), nil)
	}
	return sc.image()
}

func getScratch() *scratch {
	sc, _ := scratches.Get().(*scratch)
	if sc == nil {
		sc = &scratch{at: map[uint32]int32{}}
	}
	return sc
}

// scratch is the working memory of encode, kept for the next card.
type scratch struct {
	rect    image.Rectangle
	entries []entry
	at      map[uint32]int32 // colour → its entry
	runs    []run            // row by row; a row the same as the one above has none
	rows    []int32          // rows[y] is where row y's runs end in runs
	pal     color.Palette
	recent  [1 << 12]seen // a small table in front of at: most runs are of a colour met just before

	keys []uint64
	kept []kept

	// The PNG writer's (png.go, deflate.go).
	cur, prev []span
	seg       []span
	deflater  deflater
	block     block
	out       []byte
}

type entry struct {
	c     uint32 // 0xAABBGGRR, as the pixel's bytes read little-endian
	n     int
	index uint8
}

// run is a run of pixels of one colour in a row, up to x = end.
type run struct{ end, entry int32 }

type seen struct {
	c     uint32
	entry int32
}

// kept is a colour of the palette, for the search of the nearest one.
type kept struct{ sum, r, g, b, index int32 }

var scratches sync.Pool // *scratch

var errEmpty = errors.New("an empty image has no PNG")

// scan reads the opaque image img into runs of one colour per row, and
// chooses its palette: its 256 most frequent colours (all of them when it
// has no more), every other colour (a few anti-aliased edge pixels where
// two shapes meet) drawn in the nearest one. Ties are broken by colour
// value, so the result does not depend on map order.
func (sc *scratch) scan(img *image.RGBA) error {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return errEmpty
	}
	sc.rect = b
	entries, at, runs, rows := sc.entries[:0], sc.at, sc.runs[:0], sc.rows[:0]
	clear(at)
	recent := &sc.recent
	for i := range recent {
		recent[i] = seen{0, -1}
	}
	// One pass over the pixels, in runs of one colour: how often each
	// colour occurs, and the runs to write out afterwards.
	var above []byte // the last row read
	aboveRuns := 0   // where its runs begin
	for y := range h {
		o := img.PixOffset(b.Min.X, b.Min.Y+y)
		pix := img.Pix[o : o+4*w]
		if above != nil && bytes.Equal(pix, above) {
			// Most of a card's rows are the same as the one above (its
			// background, the space between lines of text): comparing
			// them is much faster than reading their runs, which are
			// counted again instead.
			start := int32(0)
			for _, r := range runs[aboveRuns:] {
				entries[r.entry].n += int(r.end - start)
				start = r.end
			}
			rows = append(rows, int32(len(runs)))
			continue
		}
		above, aboveRuns = pix, len(runs)
		for i := 0; i < w; {
			c := binary.LittleEndian.Uint32(pix[4*i:])
			j := i + 1
			for c2 := uint64(c) | uint64(c)<<32; j+1 < w && binary.LittleEndian.Uint64(pix[4*j:]) == c2; {
				j += 2 // two pixels at a time through long runs
			}
			if j < w && binary.LittleEndian.Uint32(pix[4*j:]) == c {
				j++
			}
			slot := &recent[c*0x9e3779b1>>(32-12)]
			k := slot.entry
			if slot.c != c || k < 0 {
				var ok bool
				if k, ok = at[c]; !ok {
					k = int32(len(entries))
					at[c] = k
					entries = append(entries, entry{c: c})
				}
				*slot = seen{c, k}
			}
			entries[k].n += j - i
			runs = append(runs, run{int32(j), k})
			i = j
		}
		rows = append(rows, int32(len(runs)))
	}
	sc.entries, sc.runs, sc.rows = entries, runs, rows
	sc.choose()
	return nil
}

// choose sets the palette, and each entry's index in it.
func (sc *scratch) choose() {
	entries := sc.entries
	// Most frequent first, then by colour value: as a key that sorts
	// without a comparison function (a count is less than 2³² pixels).
	keys := sc.keys[:0]
	for _, e := range entries {
		keys = append(keys, uint64(^uint32(e.n))<<32|uint64(e.c))
	}
	slices.Sort(keys)
	sc.keys = keys
	n := min(256, len(keys))
	pal := make(color.Palette, n)
	all := sc.kept[:0]
	for i, key := range keys[:n] {
		c := uint32(key)
		entries[sc.at[c]].index = uint8(i)
		r, g, b := int32(c&0xff), int32(c>>8&0xff), int32(c>>16&0xff)
		pal[i] = color.RGBA{uint8(r), uint8(g), uint8(b), 0xff}
		all = append(all, kept{r + g + b, r, g, b, int32(i)})
	}
	sc.pal = pal
	if len(keys) == n {
		sc.kept = all
		return
	}
	// The nearest colour is looked for outwards from the colour's
	// brightness (r+g+b), among the kept colours ordered by theirs:
	// (Δr+Δg+Δb)² ≤ 3·(Δr²+Δg²+Δb²), so the search stops on each side
	// at a difference of brightness past which no colour can be nearer.
	// Of the colours at the same distance the one first in the palette
	// is taken, as a plain search of the palette in order would.
	slices.SortFunc(all, func(a, b kept) int { return int(a.sum - b.sum) })
	sc.kept = all
	for _, key := range keys[n:] {
		c := uint32(key)
		r, g, b := int32(c&0xff), int32(c>>8&0xff), int32(c>>16&0xff)
		sum := r + g + b
		hi, _ := slices.BinarySearchFunc(all, sum, func(k kept, s int32) int { return int(k.sum - s) })
		lo := hi - 1
		best, dist := int32(256), int32(1<<20) // more than any distance, 3·255²
		try := func(k *kept) {
			dr, dg, db := r-k.r, g-k.g, b-k.b
			if d := dr*dr + dg*dg + db*db; d < dist || d == dist && k.index < best {
				best, dist = k.index, d
			}
		}
		for lo >= 0 || hi < len(all) {
			if hi < len(all) {
				if ds := all[hi].sum - sum; ds*ds > 3*dist {
					hi = len(all)
				} else {
					try(&all[hi])
					hi++
				}
			}
			if lo >= 0 {
				if ds := sum - all[lo].sum; ds*ds > 3*dist {
					lo = -1
				} else {
					try(&all[lo])
					lo--
				}
			}
		}
		entries[sc.at[c]].index = uint8(best)
	}
}

// image returns the image scan read, in its palette.
func (sc *scratch) image() *image.Paletted {
	w, h := sc.rect.Dx(), sc.rect.Dy()
	out := image.NewPaletted(sc.rect, sc.pal)
	start := int32(0)
	for y := range h {
		row := out.Pix[y*w : (y+1)*w]
		end := sc.rows[y]
		if end == start {
			copy(row, out.Pix[(y-1)*w:])
			continue
		}
		x := int32(0)
		for _, r := range sc.runs[start:end] {
			idx := sc.entries[r.entry].index
			for i := x; i < r.end; i++ {
				row[i] = idx
			}
			x = r.end
		}
		start = end
	}
	return out
}
