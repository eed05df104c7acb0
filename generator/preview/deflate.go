package preview

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// This file writes a list of tokens (literals, and matches at one of two
// distances) as one deflate block (RFC 1951), in the fixed Huffman code
// or in a code made for the block, whichever takes fewer bits. It is the
// part of a deflate compressor after the search for matches, which the
// PNG writer (png.go) does not need.

// A token is a literal (0…255), or a match: tokNear+length at distance 1,
// tokFar+length at the distance given to writeBlock.
const (
	tokNear   = 256
	tokFar    = tokNear + 259
	numTokens = tokFar + 259
)

// bitWriter writes bits, the first in the lowest bit of each byte.
type bitWriter struct {
	buf  []byte // written up to pos; room enough beyond it (see reserve)
	pos  int
	acc  uint64 // bits not yet in buf
	nacc uint   // how many (< 8 between calls)
}

// reserve makes room for n more bytes.
func (w *bitWriter) reserve(n int) {
	if w.pos+n+8 > len(w.buf) {
		w.buf = slices.Grow(w.buf[:w.pos], n+8)
		w.buf = w.buf[:cap(w.buf)]
	}
}

// bits writes the n ≤ 56 low bits of b.
func (w *bitWriter) bits(b uint64, n uint) {
	w.acc |= b << w.nacc
	w.nacc += n
	// All 8 bytes are stored; pos moves past the whole ones only.
	binary.LittleEndian.PutUint64(w.buf[w.pos:], w.acc)
	k := w.nacc >> 3
	w.pos += int(k)
	w.acc >>= k << 3
	w.nacc &= 7
}

// align writes the bits of a byte begun, and returns what was written.
func (w *bitWriter) align() []byte {
	if w.nacc > 0 {
		w.bits(0, 8-w.nacc)
	}
	return w.buf[:w.pos]
}

// code is bits to write, the first in the lowest bit.
type code struct {
	bits uint64
	n    uint
}

// The symbols' code lengths of the fixed code (RFC 1951 §3.2.6).
var fixedLengths = func() (l struct {
	litLen [288]uint8
	dist   [30]uint8
}) {
	for s := range l.litLen {
		switch {
		case s < 144:
			l.litLen[s] = 8
		case s < 256:
			l.litLen[s] = 9
		case s < 280:
			l.litLen[s] = 7
		default:
			l.litLen[s] = 8
		}
	}
	for s := range l.dist {
		l.dist[s] = 5
	}
	return l
}()

// lengthSymbol[l] is the symbol of the match length l, and its extra bits.
var lengthSymbol = func() (t [259]struct {
	sym   uint16
	extra code
}) {
	// The lengths where the symbols 257… start: the first 8 symbols have
	// no extra bits, then each 4 have one more, up to 5; 285 is 258.
	base := [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227}
	for l := 3; l <= 258; l++ {
		i := 0
		for i+1 < len(base) && base[i+1] <= l {
			i++
		}
		extra := uint(max(0, i/4-1))
		t[l].sym, t[l].extra = uint16(257+i), code{uint64(l - base[i]), extra}
	}
	t[258].sym, t[258].extra = 285, code{}
	return t
}()

// distSymbol returns the symbol of the distance d (1…32768) and its extra
// bits: symbols 0…3 are the distances 1…4, and every two symbols from
// there on cover twice the distances of the two before, with one more
// extra bit.
func distSymbol(d int) (int, code) {
	if d <= 4 {
		return d - 1, code{}
	}
	extra := uint(bits.Len(uint(d-1))) - 2
	odd := (d - 1) >> extra & 1
	base := 1 + (2+odd)<<extra
	return int(2*extra) + 2 + odd, code{uint64(d - base), extra}
}

// fixedCost is what the fixed code spends on a literal, and on a match
// length (with its extra bits) besides the distance: for the PNG writer's
// choices between a copy and a run.
var fixedCost = func() (c struct {
	lit    [256]int
	length [259]int
	rest   [259]int // of the bytes of a run after its literal (of 8 bits, for fewer than 3)
}) {
	for v := range c.lit {
		c.lit[v] = int(fixedLengths.litLen[v])
	}
	for l := 3; l <= 258; l++ {
		s := lengthSymbol[l]
		c.length[l] = int(fixedLengths.litLen[s.sym]) + int(s.extra.n)
		c.rest[l] = c.length[l] + 5
	}
	c.rest[1], c.rest[2] = 8, 16
	return c
}()

// block is the working memory of writeBlock, kept with the scratch.
type block struct {
	litLenFreq [286]int32
	distFreq   [30]int32
	litLen     [286]uint8
	dist       [30]uint8
	codes      [numTokens]code
	clFreq     [19]int32
	clLen      [19]uint8
	rle        []uint16 // code-length symbols, each with its extra bits << 5
	nLit       int      // how many of each alphabet's lengths the header gives
	nDist      int
	nCL        int
	huff       huffman
}

// writeBlock writes toks, which occur hist times each, as the last block
// of a deflate stream; far is the distance of tokFar.
func (b *block) writeBlock(w *bitWriter, toks []uint16, hist *[numTokens]int32, far int) {
	// A token is at most 48 bits, and the code's description less than
	// 1 KB (3 bits for each of 19 lengths, and 7+7 for each of 316).
	w.reserve(6*len(toks) + 1024)
	farSym, farExtra := distSymbol(far)
	clear(b.litLenFreq[:])
	clear(b.distFreq[:])
	extra := 0 // bits, the same in either code
	copy(b.litLenFreq[:], hist[:tokNear])
	for l := 3; l <= 258; l++ {
		s := lengthSymbol[l]
		near, farN := hist[tokNear+l], hist[tokFar+l]
		b.litLenFreq[s.sym] += near + farN
		b.distFreq[0] += near
		b.distFreq[farSym] += farN
		extra += int(near+farN)*int(s.extra.n) + int(farN)*int(farExtra.n)
	}
	b.litLenFreq[256] = 1 // the end of the block
	// A code of one symbol, or none, is incomplete, which some decoders
	// refuse: give each alphabet two symbols at least.
	atLeastTwo(b.litLenFreq[:])
	atLeastTwo(b.distFreq[:])
	b.huff.lengths(b.litLenFreq[:], b.litLen[:], 15)
	b.huff.lengths(b.distFreq[:], b.dist[:], 15)

	fixedBits, dynBits := 3+extra, 3+extra+b.header()
	for s, n := range b.litLenFreq {
		fixedBits += int(n) * int(fixedLengths.litLen[s])
		dynBits += int(n) * int(b.litLen[s])
	}
	for s, n := range b.distFreq {
		fixedBits += int(n) * int(fixedLengths.dist[s])
		dynBits += int(n) * int(b.dist[s])
	}
	var litLen, dist []uint8
	if dynBits < fixedBits {
		w.bits(1|2<<1, 3) // the last block, in its own code
		b.writeHeader(w)
		litLen, dist = b.litLen[:], b.dist[:]
	} else {
		w.bits(1|1<<1, 3) // the last block, in the fixed code
		litLen, dist = fixedLengths.litLen[:], fixedLengths.dist[:]
	}

	// Each token's bits, all of them (at most 15+5+15+13) in one code.
	var symbols [288]code
	var distCodes [30]code
	canonical(litLen, symbols[:len(litLen)])
	canonical(dist, distCodes[:])
	copy(b.codes[:], symbols[:256])
	near, farC := distCodes[0], distCodes[farSym]
	farC = code{farC.bits | farExtra.bits<<farC.n, farC.n + farExtra.n}
	for l := 3; l <= 258; l++ {
		s := lengthSymbol[l]
		c := symbols[s.sym]
		c = code{c.bits | s.extra.bits<<c.n, c.n + s.extra.n}
		b.codes[tokNear+l] = code{c.bits | near.bits<<c.n, c.n + near.n}
		b.codes[tokFar+l] = code{c.bits | farC.bits<<c.n, c.n + farC.n}
	}
	codes := &b.codes
	for _, t := range toks {
		c := codes[t]
		w.bits(c.bits, c.n)
	}
	w.bits(symbols[256].bits, symbols[256].n)
}

func atLeastTwo(freq []int32) {
	used := 0
	for _, n := range freq {
		if n > 0 {
			used++
		}
	}
	for s := 0; used < 2; s++ {
		if freq[s] == 0 {
			freq[s] = 1
			used++
		}
	}
}

// clOrder is the order in which the code lengths of the code-length
// alphabet are written.
var clOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// header prepares the description of the block's code (RFC 1951 §3.2.7)
// and returns its length in bits.
func (b *block) header() int {
	nLit, nDist := 286, 30
	for nLit > 257 && b.litLen[nLit-1] == 0 {
		nLit--
	}
	for nDist > 1 && b.dist[nDist-1] == 0 {
		nDist--
	}
	// The code lengths of both alphabets, as one sequence, with runs of
	// zeros (17, 18) and repeats of the length before (16) shortened.
	var all [286 + 30]uint8
	lengths := append(append(all[:0], b.litLen[:nLit]...), b.dist[:nDist]...)
	rle := b.rle[:0]
	clear(b.clFreq[:])
	put := func(sym, extra int) {
		rle = append(rle, uint16(sym|extra<<5))
		b.clFreq[sym]++
	}
	for i := 0; i < len(lengths); {
		l := lengths[i]
		j := i + 1
		for j < len(lengths) && lengths[j] == l {
			j++
		}
		n := j - i
		if l == 0 {
			for n >= 11 {
				r := min(n, 138)
				put(18, r-11)
				n -= r
			}
			if n >= 3 {
				put(17, n-3)
				n = 0
			}
		} else {
			put(int(l), 0)
			n--
			for n >= 3 {
				r := min(n, 6)
				put(16, r-3)
				n -= r
			}
		}
		for ; n > 0; n-- {
			put(int(l), 0)
		}
		i = j
	}
	b.rle = rle
	atLeastTwo(b.clFreq[:])
	b.huff.lengths(b.clFreq[:], b.clLen[:], 7)
	nCL := 19
	for nCL > 4 && b.clLen[clOrder[nCL-1]] == 0 {
		nCL--
	}
	n := 5 + 5 + 4 + 3*nCL
	for _, r := range rle {
		n += int(b.clLen[r&31]) + clExtra(int(r&31))
	}
	b.nLit, b.nDist, b.nCL = nLit, nDist, nCL
	return n
}

func clExtra(sym int) int {
	switch sym {
	case 16:
		return 2
	case 17:
		return 3
	case 18:
		return 7
	}
	return 0
}

// writeHeader writes the description of the code that header prepared.
func (b *block) writeHeader(w *bitWriter) {
	nLit, nDist, nCL := b.nLit, b.nDist, b.nCL
	w.bits(uint64(nLit-257)|uint64(nDist-1)<<5|uint64(nCL-4)<<10, 14)
	for _, s := range clOrder[:nCL] {
		w.bits(uint64(b.clLen[s]), 3)
	}
	var cl [19]code
	canonical(b.clLen[:], cl[:])
	for _, r := range b.rle {
		c := cl[r&31]
		w.bits(c.bits|uint64(r>>5)<<c.n, c.n+uint(clExtra(int(r&31))))
	}
}

// canonical sets the codes of the symbols of the given code lengths, as
// deflate assigns them: shorter codes first, then in symbol order.
func canonical(lengths []uint8, codes []code) {
	var count, next [16]uint32
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	c := uint32(0)
	for l := 1; l < 16; l++ {
		c = (c + count[l-1]) << 1
		next[l] = c
	}
	for s, l := range lengths {
		if l > 0 {
			// Huffman codes are sent from their highest bit.
			codes[s] = code{uint64(bits.Reverse16(uint16(next[l])) >> (16 - l)), uint(l)}
			next[l]++
		}
	}
}

// huffman is the working memory of lengths.
type huffman struct {
	freq   [286]int64
	syms   [286]int16
	weight [2 * 286]int64
	parent [2 * 286]int16
	depth  [2 * 286]uint8
}

// lengths sets the code length of each symbol of freq in a prefix code of
// at most limit bits: a Huffman code, made of halved frequencies while it
// has longer codes (which a few rare symbols among many common ones can
// ask for). Symbols that do not occur get 0. There must be room for the
// symbols that occur, at most 2^limit of them (as there is in deflate's
// alphabets).
func (h *huffman) lengths(freq []int32, lengths []uint8, limit int) {
	for s, n := range freq {
		h.freq[s] = int64(n)
	}
	for {
		n := 0
		for s, f := range h.freq[:len(freq)] {
			if f > 0 {
				h.syms[n] = int16(s)
				n++
			}
		}
		syms := h.syms[:n]
		slices.SortFunc(syms, func(a, b int16) int {
			if fa, fb := h.freq[a], h.freq[b]; fa != fb {
				return int(fa - fb)
			}
			return int(a - b)
		})
		// The leaves in order of weight, then the nodes joined, which
		// come in order of weight too: the two lightest of either are
		// joined next.
		w, parent := h.weight[:], h.parent[:]
		for i, s := range syms {
			w[i] = h.freq[s]
		}
		i, j := 0, n
		lightest := func(k int) int {
			if i < n && (j >= k || w[i] <= w[j]) {
				i++
				return i - 1
			}
			j++
			return j - 1
		}
		for k := n; k < 2*n-1; k++ {
			a := lightest(k)
			b := lightest(k)
			w[k] = w[a] + w[b]
			parent[a], parent[b] = int16(k), int16(k)
		}
		depth := h.depth[:]
		depth[2*n-2] = 0
		if n == 1 {
			depth[0] = 1
		}
		longest := 0
		for k := 2*n - 3; k >= 0; k-- {
			depth[k] = depth[parent[k]] + 1
			if k < n {
				longest = max(longest, int(depth[k]))
			}
		}
		if longest <= limit {
			clear(lengths)
			for k, s := range syms {
				lengths[s] = depth[k]
			}
			return
		}
		for s, f := range h.freq[:len(freq)] {
			h.freq[s] = (f + 1) / 2
		}
	}
}
