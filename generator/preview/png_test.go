package preview

import (
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

// checkPNG encodes img and decodes the PNG with image/png: it must give
// the palette and the pixel indices of paletted(img) exactly, and those
// must be what referencePaletted chooses.
func checkPNG(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	var buf bytes.Buffer
	if err := encode(&buf, img); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !whole(buf.Bytes()) {
		t.Fatalf("%s: the PNG does not start and end as the cache checks", name)
	}
	want := paletted(img)
	if ref := referencePaletted(img); !slices.Equal(want.Palette, ref.Palette) || !bytes.Equal(want.Pix, ref.Pix) {
		t.Fatalf("%s: paletted chose other colours than the plain search of referencePaletted", name)
	}
	dec, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, ok := dec.(*image.Paletted)
	if !ok {
		t.Fatalf("%s: decoded as %T", name, dec)
	}
	if got.Rect.Size() != want.Rect.Size() {
		t.Fatalf("%s: decoded size %v, want %v", name, got.Rect.Size(), want.Rect.Size())
	}
	if !slices.Equal(got.Palette, want.Palette) {
		t.Fatalf("%s: decoded palette of %d colours differs from the %d of paletted", name, len(got.Palette), len(want.Palette))
	}
	w := want.Rect.Dx()
	for y := range want.Rect.Dy() {
		g, e := got.Pix[y*got.Stride:][:w], want.Pix[y*want.Stride:][:w]
		if i := firstDiff(g, e); i >= 0 {
			t.Fatalf("%s: row %d differs from x = %d: got %v, want %v", name, y, i, g[i:min(i+8, w)], e[i:min(i+8, w)])
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return -1
}

// referencePaletted is paletted's choice of colours done plainly, pixel
// by pixel: the 256 most frequent colours (ties by colour value), every
// other one drawn in the first of the nearest of those.
func referencePaletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	at := func(x, y int) uint32 { return binary.LittleEndian.Uint32(img.Pix[img.PixOffset(x, y):]) }
	count := map[uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			count[at(x, y)]++
		}
	}
	var colours []uint32
	for c := range count {
		colours = append(colours, c)
	}
	slices.SortFunc(colours, func(a, b uint32) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	rgb := func(c uint32) (int, int, int) { return int(c & 0xff), int(c >> 8 & 0xff), int(c >> 16 & 0xff) }
	kept := colours[:min(256, len(colours))]
	index := map[uint32]uint8{}
	var pal color.Palette
	for i, c := range kept {
		index[c] = uint8(i)
		r, g, b := rgb(c)
		pal = append(pal, color.RGBA{uint8(r), uint8(g), uint8(b), 0xff})
	}
	for _, c := range colours[len(kept):] {
		r, g, b := rgb(c)
		best, dist := 0, 1<<30
		for i, k := range kept {
			kr, kg, kb := rgb(k)
			if d := (r-kr)*(r-kr) + (g-kg)*(g-kg) + (b-kb)*(b-kb); d < dist {
				best, dist = i, d
			}
		}
		index[c] = uint8(best)
	}
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.SetColorIndex(x, y, index[at(x, y)])
		}
	}
	return out
}

// The sample cards at both sizes they are drawn at.
func TestPNGCards(t *testing.T) {
	for _, c := range []Card{indicatorCard(), agencyCard(), releaseCard()} {
		for _, s := range []Size{OpenGraph, ChartImage} {
			l, err := plan(c, s)
			if err != nil {
				t.Fatal(err)
			}
			img := l.paint()
			checkPNG(t, fmt.Sprintf("%.20s %v", c.Title, s), img)
			images.Put(img)
		}
	}
}

// randomImage draws runs of colours from a palette of the given number
// of colours (more than 256 for some to be drawn in the nearest), in
// rows that are new, the same as the row above, or the row above with a
// few runs drawn over it.
func randomImage(r *rand.Rand, w, h, colours int) *image.RGBA {
	pal := make([]uint32, colours)
	levels := 1 + r.IntN(256) // few levels: colours at the same distance, and the same colours twice
	if colours > 2000 {
		levels = 256
	}
	for i := range pal {
		c := uint32(0xff000000)
		for ch := range 3 {
			c |= uint32(r.IntN(levels)*255/max(1, levels-1)) << (8 * ch)
		}
		pal[i] = c
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	length := func(room int) int {
		if colours > 2000 {
			return min(room, 1+r.IntN(3)) // short runs: all the colours in the image
		}
		switch r.IntN(8) {
		case 0:
			return 1 + r.IntN(room)
		case 1:
			return min(room, 255+r.IntN(8)) // around the longest match
		default:
			return min(room, 1+r.IntN(3))
		}
	}
	paint := func(row []byte, x, n int) {
		c := pal[r.IntN(len(pal))]
		for i := x; i < x+n; i++ {
			binary.LittleEndian.PutUint32(row[4*i:], c)
		}
	}
	for y := range h {
		row := img.Pix[y*img.Stride:][:4*w]
		mode := r.IntN(5)
		if y == 0 {
			mode = 0
		}
		switch mode {
		case 0, 1:
			for x := 0; x < w; {
				n := length(w - x)
				paint(row, x, n)
				x += n
			}
		case 2, 3:
			copy(row, img.Pix[(y-1)*img.Stride:])
		default:
			copy(row, img.Pix[(y-1)*img.Stride:])
			for range 1 + r.IntN(4) {
				x := r.IntN(w)
				paint(row, x, length(w-x))
			}
		}
	}
	return img
}

// Random images, of every width up to 2000 and palettes of 1 to 8000
// colours, decode to what paletted gives.
func TestPNGRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 300
	if testing.Short() {
		n = 50
	}
	for i := range n {
		w := 1 + r.IntN(2000)
		if i < 20 {
			w = 1 + i // the narrowest: a row shorter than a match
		}
		h := 1 + r.IntN(40)
		colours := 1 + r.IntN(256)
		switch {
		case i%20 == 19:
			// More colours than the first hash table of colours holds.
			w, h, colours = 1000+r.IntN(1000), 40, 3000+r.IntN(5000)
		case i%4 == 3:
			colours = 257 + r.IntN(744)
		}
		checkPNG(t, fmt.Sprintf("image %d (%d×%d, %d colours)", i, w, h, colours), randomImage(r, w, h, colours))
	}
}

// A part of an image (its rows do not follow one another in Pix) is
// written as the image it is.
func TestPNGSubImage(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	img := randomImage(r, 300, 50, 40)
	checkPNG(t, "part", img.SubImage(image.Rect(17, 5, 250, 44)).(*image.RGBA))
}

// Images made from fuzzed bytes: the size, a palette, and for each run
// its colour and length.
func FuzzPNG(f *testing.F) {
	f.Add([]byte{10, 4, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{255, 7, 0, 0, 0, 255, 0, 3, 200, 0, 100, 1, 1, 1, 1})
	f.Add(bytes.Repeat([]byte{3, 250, 1}, 40))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 3 {
			return
		}
		w, h, colours := 1+int(data[0])*3, 1+int(data[1])%32, 1+int(data[2])
		data = data[3:]
		pal := make([]uint32, colours)
		for i := range pal {
			pal[i] = 0xff000000 | uint32(i)*0x010305%0x1000000
		}
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for p := 0; p < w*h; {
			c, n := pal[0], w*h-p
			if len(data) >= 2 {
				c, n = pal[int(data[0])%colours], min(n, 1+int(data[1]))
				data = data[2:]
			}
			if len(data) > 0 && data[0] == 0 && p >= w {
				// The rest of the row above, again.
				n = min(n, w-p%w)
				copy(img.Pix[4*p:4*(p+n)], img.Pix[4*(p-w):])
				p += n
				data = data[1:]
				continue
			}
			for range n {
				binary.LittleEndian.PutUint32(img.Pix[4*p:], c)
				p++
			}
		}
		checkPNG(t, "fuzzed", img)
	})
}

// The Adler-32 of rows computed from their spans, in either way, is that
// of their bytes.
func TestRowSums(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		n := 1 + r.IntN(5000)
		var row []span
		var data []byte
		for p := 0; p < n; {
			l, v := min(n-p, 1+r.IntN(300)), uint8(r.IntN(256))
			row = append(row, span{int32(p + l), v})
			data = append(data, bytes.Repeat([]byte{v}, l)...)
			p += l
		}
		// Two rows, the second the same as the first, after a first byte.
		want := adler32.Checksum(append(append([]byte{7}, data...), data...))
		for name, sums := range map[string]func([]span) (uint64, uint64){"rowSums": rowSums, "rowSumsReduced": rowSumsReduced} {
			s1, s2 := uint64(1+7), uint64(1+7)
			a, b := sums(row)
			for range 2 {
				s1, s2 = (s1+a)%adlerMod, (s2+uint64(n%adlerMod)*s1+b)%adlerMod
			}
			if got := uint32(s2<<16 | s1); got != want {
				t.Fatalf("%s of %d bytes: %08x, want %08x", name, n, got, want)
			}
		}
	}
}

// expand returns the data of deflate tokens (see deflate.go).
func expand(toks []uint16, far int) []byte {
	var out []byte
	for _, t := range toks {
		switch {
		case t < tokNear:
			out = append(out, byte(t))
		case t < tokFar:
			for range t - tokNear {
				out = append(out, out[len(out)-1])
			}
		default:
			for range t - tokFar {
				out = append(out, out[len(out)-far])
			}
		}
	}
	return out
}

// writeTokens writes toks as a deflate block and returns it.
func writeTokens(toks []uint16, far int) ([]byte, *block) {
	var hist [numTokens]int32
	for _, t := range toks {
		hist[t]++
	}
	var b block
	w := bitWriter{}
	b.writeBlock(&w, toks, &hist, far)
	return w.align(), &b
}

// Blocks of tokens decode to their data with compress/flate: few tokens
// (in the fixed code), and literals of Fibonacci frequencies, whose
// Huffman code would be 24 bits long at most, more than deflate allows.
func TestBlock(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	fib := []uint16{7}
	for a, b, s := 1, 1, 0; s < 24; a, b, s = b, a+b, s+1 {
		for range a {
			fib = append(fib, uint16(s))
		}
	}
	r.Shuffle(len(fib)-1, func(i, j int) { fib[i+1], fib[j+1] = fib[j+1], fib[i+1] })
	fib = append(fib, tokNear+258, tokNear+3, tokFar+100, tokFar+258)
	for _, tc := range []struct {
		name    string
		toks    []uint16
		far     int
		dynamic bool
	}{
		{"one literal", []uint16{200}, 1, false},
		{"a run", []uint16{0, tokNear + 258, tokNear + 258, tokNear + 7}, 1, false},
		{"Fibonacci", fib, 1000, true},
	} {
		data, b := writeTokens(tc.toks, tc.far)
		if got := data[0]>>1&3 == 2; got != tc.dynamic {
			t.Errorf("%s: a block in its own code: %v, want %v", tc.name, got, tc.dynamic)
		}
		if tc.dynamic {
			kraft := 0.0
			for _, l := range b.litLen {
				if l > 15 {
					t.Fatalf("%s: a code of %d bits", tc.name, l)
				}
				if l > 0 {
					kraft += 1 / float64(uint(1)<<l)
				}
			}
			if kraft != 1 {
				t.Errorf("%s: the code's Kraft sum is %v, not 1", tc.name, kraft)
			}
		}
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if want := expand(tc.toks, tc.far); !bytes.Equal(got, want) {
			t.Fatalf("%s: decoded %d bytes, want %d", tc.name, len(got), len(want))
		}
	}
}

// Huffman code lengths stay within their limit and make a complete code.
func TestHuffmanLengths(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	var h huffman
	for range 500 {
		n := 2 + r.IntN(285)
		limit := 7 + r.IntN(9)
		freq := make([]int32, n)
		used := 0
		for s := range freq {
			if r.IntN(3) > 0 {
				freq[s] = int32(1 + r.IntN(1<<uint(r.IntN(20))))
				used++
			}
		}
		if used < 2 {
			freq[0], freq[1], used = 1, 1, 2
		}
		limit = max(limit, bits.Len(uint(used-1))) // room for all the symbols
		lengths := make([]uint8, n)
		h.lengths(freq, lengths, limit)
		kraft := 0.0
		for s, l := range lengths {
			if (l > 0) != (freq[s] > 0) || int(l) > limit {
				t.Fatalf("symbol %d of frequency %d has %d bits (limit %d)", s, freq[s], l, limit)
			}
			if l > 0 {
				kraft += 1 / float64(uint(1)<<l)
			}
		}
		if kraft != 1 {
			t.Fatalf("Kraft sum %v", kraft)
		}
	}
}
