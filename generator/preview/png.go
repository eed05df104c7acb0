package preview

import (
	"encoding/binary"
	"hash/crc32"
	"slices"
)

// This file writes the PNG of a scanned image (see scan) without a
// general-purpose compressor. A card is mostly long runs of one colour
// and rows that are the same as the row above, and scan has found those
// already, so the zlib stream is made from them directly: a run is a
// literal and copies of the byte before it (distance 1), and a row, or a
// stretch of a row, that is the same as the row above is a copy of it
// (distance the row's length). Those tokens are written as one deflate
// block (deflate.go), and the Adler-32 of the data is computed from the
// runs, each in a few multiplications, instead of from every byte.
//
// The data compressed is, row by row, the filter byte 0 (no filter) and
// the row's palette indices.

// span is a stretch of one palette index in a row of the data compressed:
// the filter byte at 0, then pixel x at 1+x, up to end.
type span struct {
	end int32
	v   uint8
}

// png returns the PNG of the image scan read. It is kept in sc.out, for
// the next image.
func (sc *scratch) png() []byte {
	w, h := sc.rect.Dx(), sc.rect.Dy()
	out := append(sc.out[:0], pngSignature...)

	at := len(out)
	out = append(out, "\x00\x00\x00\x00IHDR"...)
	out = binary.BigEndian.AppendUint32(out, uint32(w))
	out = binary.BigEndian.AppendUint32(out, uint32(h))
	out = append(out, 8, 3, 0, 0, 0) // 8 bits, paletted; deflate, no filter, not interlaced
	out = endChunk(out, at)

	at = len(out)
	out = append(out, "\x00\x00\x00\x00PLTE"...)
	out = append(out, sc.pal...)
	out = endChunk(out, at)

	at = len(out)
	out = append(out, "\x00\x00\x00\x00IDAT"...)
	out = append(out, 0x78, 0x01) // zlib: deflate with a 32 KB window, the fastest level
	d := &sc.deflater
	d.toks, d.kind, d.last = d.toks[:0], pendingNone, -1
	clear(d.hist[:])
	n := w + 1 // bytes per row
	// A copy of the row above reaches back n bytes, which deflate allows
	// up to 32 KB, and is 3 bytes at least: rows wider than that, or of
	// one pixel, are written as runs only.
	above := 3 <= n && n <= 1<<15
	d.far, d.farN = 1, 5
	if above {
		_, extra := distSymbol(n)
		d.far, d.farN = n, 5+int(extra.n)
	}
	var s1, s2 uint64 = 1, 0 // Adler-32
	var a, b uint64          // the sums of the last row (see rowSums)
	cur, prev := sc.cur[:0], sc.prev[:0]
	cost := -1 // of the row above, written as runs
	start := int32(0)
	for y := range h {
		end := sc.rows[y]
		same := end == start // scan found the same colours as in the row above
		if !same {
			cur = sc.spans(cur[:0], start, end)
			start = end
			// Different colours can be drawn in the same palette index.
			same = y > 0 && slices.Equal(cur, prev)
		}
		if same {
			s1, s2 = (s1+a)%adlerMod, (s2+uint64(n%adlerMod)*s1+b)%adlerMod
			if cost < 0 {
				cost = runsCost(prev) - d.goesOn(prev[0].v)
			}
			if above && matchCost(n, d.farN) < cost {
				d.copy(n, prev[len(prev)-1].v)
			} else {
				d.runs(prev)
			}
			continue
		}
		a, b = rowSums(cur, n)
		s1, s2 = (s1+a)%adlerMod, (s2+uint64(n%adlerMod)*s1+b)%adlerMod
		if y == 0 || !above {
			d.runs(cur)
		} else {
			sc.seg = d.row(cur, prev, sc.seg)
		}
		cur, prev = prev, cur
		cost = -1
	}
	sc.cur, sc.prev = cur, prev
	d.flush()
	bw := bitWriter{buf: out[:cap(out)], pos: len(out)}
	sc.block.writeBlock(&bw, d.toks, &d.hist, d.far)
	out = binary.BigEndian.AppendUint32(bw.align(), uint32(s2<<16|s1))
	out = endChunk(out, at)

	out = append(out, pngEnd...)
	sc.out = out
	return out
}

// endChunk writes the length and the CRC of the chunk that starts at at
// with 4 bytes kept for its length, then its type.
func endChunk(out []byte, at int) []byte {
	binary.BigEndian.PutUint32(out[at:], uint32(len(out)-at-8))
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[at+4:]))
}

// spans appends the spans of the row whose runs are sc.runs[start:end].
func (sc *scratch) spans(row []span, start, end int32) []span {
	row = append(row, span{1, 0})
	for _, r := range sc.runs[start:end] {
		v := sc.entries[r.entry].index
		if last := &row[len(row)-1]; last.v == v {
			last.end = r.end + 1
		} else {
			row = append(row, span{r.end + 1, v})
		}
	}
	return row
}

const adlerMod = 65521

// rowSums returns what the n bytes of a row add to an Adler-32 (s1, s2):
// a to s1, and b to s2 besides n·s1. A span of L bytes v at offset p adds
// L·v to a, and v·((n-p) + (n-p-1) + … + (n-p-L+1)) to b.
func rowSums(row []span, n int) (a, b uint64) {
	if n > 1<<24 {
		// b could overflow before the end of the row: reduce it span by span.
		p := 0
		for _, s := range row {
			l, v := int(s.end)-p, uint64(s.v)
			a += uint64(l) * v % adlerMod
			b += uint64(l*(n-p)-l*(l-1)/2) % adlerMod * v % adlerMod
			p = int(s.end)
		}
		return a % adlerMod, b % adlerMod
	}
	// At most 255·n(n+1)/2 < 2⁵⁶ in all.
	p, nn := uint64(0), uint64(n)
	for _, s := range row {
		e, v := uint64(s.end), uint64(s.v)
		l := e - p
		a += l * v
		b += v * (l*(nn-p) - l*(l-1)/2)
		p = e
	}
	return a % adlerMod, b % adlerMod
}

// row writes a row that differs from the row above: the stretches where
// the two agree as copies of the row above, where that takes fewer bits
// than their runs, and the rest as runs. The stretches are found from
// the spans of the two rows, not from their bytes.
func (d *deflater) row(cur, prev, seg []span) []span {
	seg = seg[:0] // the stretch of spans agreeing with the row above, so far
	var from, p int32
	cost := 0 // of the stretch written as runs
	for i, j := 0, 0; i < len(cur); {
		c, a := cur[i], prev[j]
		e := min(c.end, a.end)
		if c.v == a.v {
			if len(seg) == 0 {
				from, cost = p, -d.goesOn(c.v)
			}
			seg = append(seg, span{e, c.v})
			cost += runCost(c.v, int(e-p))
		} else {
			if len(seg) > 0 {
				d.agreeing(seg, from, cost)
				seg = seg[:0]
			}
			d.run(c.v, int(e-p))
		}
		p = e
		if c.end == e {
			i++
		}
		if a.end == e {
			j++
		}
	}
	if len(seg) > 0 {
		d.agreeing(seg, from, cost)
	}
	return seg
}

// agreeing writes the spans seg, from p on, which are the same in the row
// above: as a copy of it if that costs fewer bits than cost, their runs.
func (d *deflater) agreeing(seg []span, p int32, cost int) {
	if n := int(seg[len(seg)-1].end - p); n >= 3 && matchCost(n, d.farN) < cost {
		d.copy(n, seg[len(seg)-1].v)
		return
	}
	for _, s := range seg {
		d.run(s.v, int(s.end-p))
		p = s.end
	}
}

// deflater makes the tokens of the data (see deflate.go) one token late:
// a run or a copy goes on while the next is more of the same.
type deflater struct {
	toks []uint16
	hist [numTokens]int32 // how often each token occurs
	far  int              // the distance of a copy of the row above
	farN int              // its code's bits in the fixed code

	kind pending
	v    uint8 // the value of the run, or the last byte of the copy
	n    int   // its length in bytes
	last int   // the last byte written, if any (-1)
}

type pending uint8

const (
	pendingNone pending = iota
	pendingRun
	pendingCopy
)

func (d *deflater) token(t uint16) {
	d.toks = append(d.toks, t)
	d.hist[t]++
}

func (d *deflater) run(v uint8, n int) {
	if d.kind == pendingRun && d.v == v {
		d.n += n
		return
	}
	d.flush()
	d.kind, d.v, d.n = pendingRun, v, n
}

// runs writes a row as runs.
func (d *deflater) runs(row []span) {
	p := int32(0)
	for _, s := range row {
		d.run(s.v, int(s.end-p))
		p = s.end
	}
}

// copy writes n bytes as a copy of the row above; the last is v.
func (d *deflater) copy(n int, v uint8) {
	if d.kind == pendingCopy {
		d.n += n
	} else {
		d.flush()
		d.kind, d.n = pendingCopy, n
	}
	d.v = v
}

func (d *deflater) flush() {
	switch d.kind {
	case pendingRun:
		n := d.n
		if d.last != int(d.v) {
			d.token(uint16(d.v))
			n--
		}
		if n < 3 {
			for range n {
				d.token(uint16(d.v))
			}
		} else {
			d.matches(n, tokNear)
		}
	case pendingCopy:
		d.matches(d.n, tokFar)
	default:
		return
	}
	d.last = int(d.v)
	d.kind = pendingNone
}

// matches writes n ≥ 3 bytes as matches (tokNear or tokFar), each of at
// most 258 bytes and none of less than 3.
func (d *deflater) matches(n int, match uint16) {
	for n > 258 {
		t := 258
		if n-t < 3 {
			t = n - 3
		}
		d.token(match + uint16(t))
		n -= t
	}
	d.token(match + uint16(n))
}

// goesOn returns the bits of the literal of v if a run of v is pending:
// more of v needs none.
func (d *deflater) goesOn(v uint8) int {
	if d.kind == pendingRun && d.v == v {
		return fixedCost.lit[v]
	}
	return 0
}

// runsCost is the number of bits of a row written as runs: in the fixed
// code, as the other costs here, a guide to the choice of copies that
// does not depend on the code the block will have.
func runsCost(row []span) int {
	cost, p := 0, int32(0)
	for _, s := range row {
		cost += runCost(s.v, int(s.end-p))
		p = s.end
	}
	return cost
}

// runCost is the number of bits of a run of n bytes v: a literal, and
// the rest as literals or matches at distance 1.
func runCost(v uint8, n int) int {
	lit := fixedCost.lit[v]
	if n <= 3 {
		return n * lit
	}
	return lit + matchCost(n-1, 5)
}

// matchCost is the number of bits of n ≥ 3 bytes written as matches at a
// distance whose code has distBits bits.
func matchCost(n int, distBits int) int {
	if n <= 258 {
		return fixedCost.length[n] + distBits
	}
	q, r := n/258, n%258
	l258 := fixedCost.length[258] + distBits
	cost := q * l258
	switch {
	case r >= 3:
		cost += fixedCost.length[r] + distBits
	case r > 0: // the last 258 are written as 255+r and 3
		cost += fixedCost.length[255+r] + fixedCost.length[3] + 2*distBits - l258
	}
	return cost
}
