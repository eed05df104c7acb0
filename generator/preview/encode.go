package preview

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"io"
	"math/bits"
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
		sc = &scratch{}
	}
	return sc
}

// scratch is the working memory of encode, kept for the next card.
type scratch struct {
	rect    image.Rectangle
	entries []entry
	table   []slot  // colour → entry, for the colours of entries
	shift   uint    // a colour's first slot is the top 32-shift bits of its product with a constant
	runs    []run   // row by row; a row the same as the one above has none
	rows    []int32 // rows[y] is where row y's runs end in runs
	pal     []byte  // the palette's colours, 3 bytes each (R, G, B)
	index   []uint8 // each entry's index in the palette

	keys  []uint64
	kept  []kept
	order []kept

	// The PNG writer's (png.go, deflate.go).
	cur, prev []span
	deflater  deflater
	block     block
	out       []byte
}

type entry struct {
	c uint32 // 0xAABBGGRR, as the pixel's bytes read little-endian
	n uint32 // how many pixels (an image has fewer than 2³², at 4 bytes each)
}

// run is a run of pixels of one colour in a row, up to x = end.
type run struct{ end, entry int32 }

// slot is one of a hash table's, which holds an entry; entry is -1 in an
// empty slot. Colliding colours take the next empty slot.
type slot struct {
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
// value, so that an image always gets the same palette.
func (sc *scratch) scan(img *image.RGBA) error {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return errEmpty
	}
	sc.rect = b
	sc.entries, sc.runs, sc.rows = sc.entries[:0], sc.runs[:0], sc.rows[:0]
	if len(sc.table) != 1<<12 {
		sc.table, sc.shift = make([]slot, 1<<12), 32-12
	}
	for i := range sc.table {
		sc.table[i] = slot{0, -1}
	}
	// One pass over the pixels, in runs of one colour: how often each
	// colour occurs, and the runs to write out afterwards.
	var above []byte // the last row read
	aboveRuns := 0   // where its runs begin
	for y := range h {
		o := img.PixOffset(b.Min.X, b.Min.Y+y)
		pix := img.Pix[o : o+4*w]
		if above != nil && bytes.Equal(pix, above) {
			// Many of a card's rows are the same as the one above (its
			// background, the space between lines of text): comparing
			// them is much faster than reading their runs, which are
			// counted again instead.
			start := int32(0)
			for _, r := range sc.runs[aboveRuns:] {
				sc.entries[r.entry].n += uint32(r.end - start)
				start = r.end
			}
		} else {
			above, aboveRuns = pix, len(sc.runs)
			sc.read(pix)
		}
		sc.rows = append(sc.rows, int32(len(sc.runs)))
	}
	sc.choose()
	return nil
}

// read adds the runs of one colour of a row, and counts their colours.
func (sc *scratch) read(pix []byte) {
	w := len(pix) / 4
	runs, entries := sc.runs, sc.entries
	c := binary.LittleEndian.Uint32(pix)
	k := sc.entry(c)
	start := 0
	end := func(x int) {
		entries = sc.entries // after a new entry, perhaps elsewhere
		entries[k].n += uint32(x - start)
		runs = append(runs, run{int32(x), k})
		start = x
	}
	// 16 pixels at a time: those that are all of the colour of the run
	// that goes on are passed over, and in the others the pixels where a
	// run begins are found without a branch for each pixel, which the
	// many short runs of anti-aliased text would make hard to predict.
	x := 1
	for ; x+16 <= w; x += 16 {
		b := pix[4*x : 4*x+64]
		w0, w1 := binary.LittleEndian.Uint64(b[0:]), binary.LittleEndian.Uint64(b[8:])
		w2, w3 := binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])
		w4, w5 := binary.LittleEndian.Uint64(b[32:]), binary.LittleEndian.Uint64(b[40:])
		w6, w7 := binary.LittleEndian.Uint64(b[48:]), binary.LittleEndian.Uint64(b[56:])
		if c2 := uint64(c) | uint64(c)<<32; (w0^c2)|(w1^c2)|(w2^c2)|(w3^c2)|(w4^c2)|(w5^c2)|(w6^c2)|(w7^c2) == 0 {
			continue
		}
		// Bit i of m is set if pixel x+i differs from the one before it.
		m := starts(w0, c) | starts(w1, uint32(w0>>32))<<2 | starts(w2, uint32(w1>>32))<<4 |
			starts(w3, uint32(w2>>32))<<6 | starts(w4, uint32(w3>>32))<<8 | starts(w5, uint32(w4>>32))<<10 |
			starts(w6, uint32(w5>>32))<<12 | starts(w7, uint32(w6>>32))<<14
		for m != 0 {
			e := x + bits.TrailingZeros32(m)
			m &= m - 1
			end(e)
			c = binary.LittleEndian.Uint32(pix[4*e:])
			k = sc.entry(c)
		}
	}
	for ; x < w; x++ {
		if p := binary.LittleEndian.Uint32(pix[4*x:]); p != c {
			end(x)
			c = p
			k = sc.entry(c)
		}
	}
	end(w)
	sc.runs = runs
}

// starts returns two bits for the two pixels of w, the first in its low
// half: set for a pixel that differs from the one before it, the one
// before the first being p. (d | -d) >> 31 is 1 for any d but 0.
func starts(w uint64, p uint32) uint32 {
	lo, hi := uint32(w), uint32(w>>32)
	d0, d1 := lo^p, hi^lo
	return (d0|-d0)>>31 | ((d1|-d1)>>31)<<1
}

// entry returns the entry of colour c, made if it is new. Most runs are
// of a colour met before, found in the first slot tried.
func (sc *scratch) entry(c uint32) int32 {
	if s := sc.table[c*0x9e3779b1>>sc.shift]; s.c == c && s.entry >= 0 {
		return s.entry
	}
	return sc.find(c)
}

// find is entry past the first slot tried.
func (sc *scratch) find(c uint32) int32 {
	mask := uint32(len(sc.table) - 1)
	for i := c * 0x9e3779b1 >> sc.shift; ; i = (i + 1) & mask {
		s := &sc.table[i]
		if s.entry < 0 {
			k := int32(len(sc.entries))
			sc.entries = append(sc.entries, entry{c: c})
			*s = slot{c, k}
			if 2*len(sc.entries) > len(sc.table) {
				sc.grow()
			}
			return k
		}
		if s.c == c {
			return s.entry
		}
	}
}

// grow doubles the table, which is kept at most half full.
func (sc *scratch) grow() {
	sc.table, sc.shift = make([]slot, 2*len(sc.table)), sc.shift-1
	for i := range sc.table {
		sc.table[i] = slot{0, -1}
	}
	mask := uint32(len(sc.table) - 1)
	for k, e := range sc.entries {
		i := e.c * 0x9e3779b1 >> sc.shift
		for sc.table[i].entry >= 0 {
			i = (i + 1) & mask
		}
		sc.table[i] = slot{e.c, int32(k)}
	}
}

// choose sets the palette, and each entry's index in it.
func (sc *scratch) choose() {
	entries := sc.entries
	// Most frequent first, then by colour value: as a key that sorts
	// without a comparison function.
	keys := sc.keys[:0]
	for _, e := range entries {
		keys = append(keys, uint64(^e.n)<<32|uint64(e.c))
	}
	index := slices.Grow(sc.index[:0], len(entries))[:len(entries)]
	sc.index = index
	slices.Sort(keys)
	sc.keys = keys
	n := min(256, len(keys))
	pal := sc.pal[:0]
	all := sc.kept[:0]
	for i, key := range keys[:n] {
		c := uint32(key)
		index[sc.entry(c)] = uint8(i)
		r, g, b := int32(c&0xff), int32(c>>8&0xff), int32(c>>16&0xff)
		pal = append(pal, uint8(r), uint8(g), uint8(b))
		all = append(all, kept{r + g + b, r, g, b, int32(i)})
	}
	sc.pal, sc.kept = pal, all
	if len(keys) == n {
		return
	}
	// The nearest colour is looked for outwards from the colour's
	// brightness (r+g+b), among the kept colours ordered by theirs:
	// (Δr+Δg+Δb)² ≤ 3·(Δr²+Δg²+Δb²), so the search stops on each side
	// at a difference of brightness past which no colour can be nearer.
	// Of the colours at the same distance the one first in the palette
	// is taken, as a plain search of the palette in order would.
	var first [3*255 + 2]int32 // where the colours of brightness s and more begin in order
	for _, k := range all {
		first[k.sum+1]++
	}
	for s := 1; s < len(first); s++ {
		first[s] += first[s-1]
	}
	order := slices.Grow(sc.order[:0], len(all))[:len(all)]
	next := first
	for _, k := range all {
		order[next[k.sum]] = k
		next[k.sum]++
	}
	sc.order = order
	for _, key := range keys[n:] {
		c := uint32(key)
		r, g, b := int32(c&0xff), int32(c>>8&0xff), int32(c>>16&0xff)
		sum := r + g + b
		hi := int(first[sum])
		lo := hi - 1
		best, dist := int32(256), int32(1<<20) // more than any distance, 3·255²
		try := func(k *kept) {
			dr, dg, db := r-k.r, g-k.g, b-k.b
			if d := dr*dr + dg*dg + db*db; d < dist || d == dist && k.index < best {
				best, dist = k.index, d
			}
		}
		for lo >= 0 || hi < len(order) {
			if hi < len(order) {
				if ds := order[hi].sum - sum; ds*ds > 3*dist {
					hi = len(order)
				} else {
					try(&order[hi])
					hi++
				}
			}
			if lo >= 0 {
				if ds := sum - order[lo].sum; ds*ds > 3*dist {
					lo = -1
				} else {
					try(&order[lo])
					lo--
				}
			}
		}
		index[sc.entry(c)] = uint8(best)
	}
}

// image returns the image scan read, in its palette.
func (sc *scratch) image() *image.Paletted {
	w, h := sc.rect.Dx(), sc.rect.Dy()
	pal := make(color.Palette, len(sc.pal)/3)
	for i := range pal {
		pal[i] = color.RGBA{sc.pal[3*i], sc.pal[3*i+1], sc.pal[3*i+2], 0xff}
	}
	out := image.NewPaletted(sc.rect, pal)
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
			idx := sc.index[r.entry]
			for i := x; i < r.end; i++ {
				row[i] = idx
			}
			x = r.end
		}
		start = end
	}
	return out
}
