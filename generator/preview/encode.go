package preview

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"io"
	"slices"
	"sync"
)

// pngBuffers lets the encoders of all workers reuse their buffers.
type pngBuffers struct{ sync.Pool }

func (p *pngBuffers) Get() *png.EncoderBuffer {
	b, _ := p.Pool.Get().(*png.EncoderBuffer)
	return b
}
func (p *pngBuffers) Put(b *png.EncoderBuffer) { p.Pool.Put(b) }

var encoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pngBuffers{}}

// encode writes img as an 8-bit paletted PNG (see paletted): a third of
// the bytes of true colour to compress, and no per-row filter search,
// which is most of the time image/png spends on a true-colour image.
func encode(w io.Writer, img *image.RGBA) error {
	p := paletted(img)
	defer indexed.Put(p)
	return encoder.Encode(w, p)
}

// indexed keeps paletted images for the next card, as images does.
var indexed sync.Pool // *image.Paletted

// paletted returns the opaque image img with a palette of its 256 most
// frequent colours (all of them when it has no more), every other colour
// (a few anti-aliased edge pixels where two shapes meet) drawn in the
// nearest one. Ties are broken by colour value, so the result does not
// depend on map order.
func paletted(img *image.RGBA) *image.Paletted {
	sc, _ := scratches.Get().(*scratch)
	if sc == nil {
		sc = &scratch{at: map[uint32]int32{}}
	}
	defer scratches.Put(sc)
	return sc.paletted(img)
}

// scratch is the working memory of paletted, kept for the next card.
type scratch struct {
	entries []entry
	at      map[uint32]int32 // colour → its entry
	runs    []run
	recent  [1 << 12]seen // a small table in front of at: most runs are of a colour met just before
}

type entry struct {
	c     uint32 // 0xAABBGGRR, as the pixel's bytes read little-endian
	n     int
	index uint8
}

// run is a run of pixels of one colour, up to end.
type run struct{ end, entry int32 }

type seen struct {
	c     uint32
	entry int32
}

var scratches sync.Pool // *scratch

func (sc *scratch) paletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	entries, at, runs := sc.entries[:0], sc.at, sc.runs[:0]
	clear(at)
	recent := &sc.recent
	for i := range recent {
		recent[i] = seen{0, -1}
	}
	defer func() { sc.entries, sc.runs = entries, runs }()
	// One pass over the pixels, in runs of one colour: how often each
	// colour occurs, and the runs to write out afterwards.
	pix := img.Pix
	n := len(pix) / 4
	for i := 0; i < n; {
		c := binary.LittleEndian.Uint32(pix[4*i:])
		j := i + 1
		for c2 := uint64(c) | uint64(c)<<32; j+1 < n && binary.LittleEndian.Uint64(pix[4*j:]) == c2; {
			j += 2 // two pixels at a time through long runs
		}
		for j < n && binary.LittleEndian.Uint32(pix[4*j:]) == c {
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
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(entries[b].n, entries[a].n); c != 0 {
			return c
		}
		return cmp.Compare(entries[a].c, entries[b].c)
	})
	kept := order[:min(256, len(order))]
	rgb := func(c uint32) [3]int32 { return [3]int32{int32(c & 0xff), int32(c >> 8 & 0xff), int32(c >> 16 & 0xff)} }
	pal := make(color.Palette, len(kept))
	keptRGB := make([][3]int32, len(kept))
	for i, e := range kept {
		entries[e].index = uint8(i)
		keptRGB[i] = rgb(entries[e].c)
		pal[i] = color.RGBA{uint8(keptRGB[i][0]), uint8(keptRGB[i][1]), uint8(keptRGB[i][2]), 0xff}
	}
	for _, e := range order[len(kept):] {
		c := rgb(entries[e].c)
		best, dist := 0, int32(1<<30)
		for i, k := range keptRGB {
			dr, dg, db := c[0]-k[0], c[1]-k[1], c[2]-k[2]
			if d := dr*dr + dg*dg + db*db; d < dist {
				best, dist = i, d
			}
		}
		entries[e].index = uint8(best)
	}
	out, ok := indexed.Get().(*image.Paletted)
	if !ok || cap(out.Pix) < n {
		out = image.NewPaletted(b, nil)
	}
	out.Pix, out.Stride, out.Rect, out.Palette = out.Pix[:n], b.Dx(), b, pal
	start := 0
	for _, r := range runs {
		idx := entries[r.entry].index
		px := out.Pix[start:r.end]
		for k := range px {
			px[k] = idx
		}
		start = int(r.end)
	}
	return out
}
