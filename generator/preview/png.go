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
	d.ops = d.ops[:0]
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
	var a, b uint64          // the sums of the last row (see spans)
	cur, prev := sc.cur[:0], sc.prev[:0]
	cost := -1 // of the row above, written as runs
	start := int32(0)
	for y := range h {
		end := sc.rows[y]
		same := end == start // scan found the same colours as in the row above
		if !same {
			var ca, cb uint64
			cur, ca, cb = sc.spans(cur[:0], start, end)
			start = end
			// Different colours can be drawn in the same palette index.
			if same = y > 0 && slices.Equal(cur, prev); !same {
				a, b = ca, cb
			}
		}
		s1, s2 = (s1+a)%adlerMod, (s2+uint64(n%adlerMod)*s1+b)%adlerMod
		if same {
			if cost < 0 {
				cost = runsCost(prev)
			}
			if above && matchCost(n, d.farN) < cost-d.goesOn(prev[0].v) {
				d.ops = append(d.ops, op{int32(n), prev[len(prev)-1].v, true})
			} else {
				d.runs(prev)
			}
			continue
		}
		if y == 0 || !above {
			d.runs(cur)
		} else {
			d.row(cur, prev)
		}
		cur, prev = prev, cur
		cost = -1
	}
	sc.cur, sc.prev = cur, prev
	d.tokens(n * h)
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

// spans appends the spans of the row whose runs are sc.runs[start:end],
// and returns their sums (see rowSums).
func (sc *scratch) spans(row []span, start, end int32) (_ []span, a, b uint64) {
	row = append(row, span{1, 0})
	index := sc.index
	for _, r := range sc.runs[start:end] {
		v := index[r.entry]
		if last := &row[len(row)-1]; last.v == v {
			last.end = r.end + 1
		} else {
			row = append(row, span{r.end + 1, v})
		}
	}
	a, b = rowSums(row)
	return row, a, b
}

// rowSums returns what a row adds to an Adler-32 (s1, s2): a to s1, and
// b to s2 besides n·s1 (n the row's length). A span of L bytes v at
// offset p adds L·v to a, and v·((n-p) + (n-p-1) + … + (n-p-L+1)) to b.
func rowSums(row []span) (a, b uint64) {
	n := uint64(row[len(row)-1].end)
	if n > 1<<24 {
		return rowSumsReduced(row)
	}
	// At most 255·n(n+1)/2 < 2⁵⁶ in all.
	p := uint64(0)
	for _, s := range row {
		e, v := uint64(s.end), uint64(s.v)
		l := e - p
		a += l * v
		b += v * (l*(n-p) - l*(l-1)/2)
		p = e
	}
	return a % adlerMod, b % adlerMod
}

// rowSumsReduced is rowSums for a row so long that b could overflow
// before its end: reduced span by span.
func rowSumsReduced(row []span) (a, b uint64) {
	n, p := uint64(row[len(row)-1].end), uint64(0)
	for _, s := range row {
		l, v := uint64(s.end)-p, uint64(s.v)
		a += l * v % adlerMod
		b += (l*(n-p) - l*(l-1)/2) % adlerMod * v % adlerMod
		p = uint64(s.end)
	}
	return a % adlerMod, b % adlerMod
}

const adlerMod = 65521

// row writes a row that differs from the row above: the stretches where
// the two agree as copies of the row above, where that takes fewer bits
// than their runs, and the rest as runs. The stretches are found from
// the spans of the two rows, not from their bytes.
func (d *deflater) row(cur, prev []span) {
	ops := d.ops
	var p, from int32
	agree := -1 // where the stretch agreeing with the row above began in ops, if it goes on
	cost := 0   // of the stretch written as runs
	for i, j := 0, 0; i < len(cur); {
		c, a := cur[i], prev[j]
		e := min(c.end, a.end)
		if c.v == a.v {
			if agree < 0 {
				agree, from, cost = len(ops), p, 0
			}
			cost += runCost(c.v, e-p)
			ops = append(ops, op{e - p, c.v, false})
		} else {
			if agree >= 0 {
				ops = d.settle(ops, agree, int(p-from), cost)
				agree = -1
			}
			// A span in which the row above changes comes in pieces,
			// which are one run still.
			if k := len(ops) - 1; k >= 0 && ops[k].v == c.v && !ops[k].copy {
				ops[k].n += e - p
			} else {
				ops = append(ops, op{e - p, c.v, false})
			}
		}
		p = e
		// Past the span or spans that end here, without a branch (which
		// would be hard to predict): (x-1)>>31 is 1 for x = 0 only.
		i += int((uint32(c.end-e) - 1) >> 31)
		j += int((uint32(a.end-e) - 1) >> 31)
	}
	if agree >= 0 {
		ops = d.settle(ops, agree, int(p-from), cost)
	}
	d.ops = ops
}

// settle writes the n bytes of ops[agree:], which are the same as in the
// row above, as one copy of it instead if that takes fewer bits than
// cost, the bits of those runs.
func (d *deflater) settle(ops []op, agree, n, cost int) []op {
	if n < 3 {
		return ops
	}
	if k := agree - 1; k >= 0 && !ops[k].copy && ops[k].v == ops[agree].v {
		cost -= fixedCost.lit[ops[k].v] // the run goes on: no literal
	}
	if matchCost(n, d.farN) < cost {
		ops = append(ops[:agree], op{int32(n), ops[len(ops)-1].v, true})
	}
	return ops
}

// deflater makes the tokens of the data (see deflate.go): first a list of
// runs and copies of the row above, then their tokens.
type deflater struct {
	ops  []op
	toks []uint16
	hist [numTokens]int32 // how often each token occurs
	far  int              // the distance of a copy of the row above
	farN int              // its code's bits in the fixed code
}

// op is n bytes of the data: a run of v, or a copy of the row above whose
// last byte is v.
type op struct {
	n    int32
	v    uint8
	copy bool
}

// goesOn returns the bits of the literal of v if the data so far ends in
// a run of v: more of v needs none.
func (d *deflater) goesOn(v uint8) int {
	if k := len(d.ops) - 1; k >= 0 && !d.ops[k].copy && d.ops[k].v == v {
		return fixedCost.lit[v]
	}
	return 0
}

// runs writes a row as runs.
func (d *deflater) runs(row []span) {
	p := int32(0)
	for _, s := range row {
		d.ops = append(d.ops, op{s.end - p, s.v, false})
		p = s.end
	}
}

// tokens makes the tokens of the ops, of total bytes in all: runs of one
// value that follow one another as one, with a literal first unless the
// byte before is of the same value, then matches at distance 1; copies
// that follow one another as one, in matches at the distance of the row
// above.
func (d *deflater) tokens(total int) {
	ops, hist := d.ops, &d.hist
	clear(hist[:])
	// No op makes more than 3 tokens and one for each 258 bytes: with room
	// for that many, tokens are stored without a check each.
	room := 3*len(ops) + total/258 + 2
	toks := slices.Grow(d.toks[:0], room)[:room]
	t := 0
	last := -1 // the last byte, if any
	for k := 0; k < len(ops); k++ {
		o := ops[k]
		n, match := int(o.n), uint16(tokFar)
		if o.copy {
			for k+1 < len(ops) && ops[k+1].copy {
				k++
				n += int(ops[k].n)
			}
			last = int(ops[k].v)
		} else {
			for k+1 < len(ops) && !ops[k+1].copy && ops[k+1].v == o.v {
				k++
				n += int(ops[k].n)
			}
			v := uint16(o.v)
			if last != int(v) {
				toks[t] = v
				t++
				hist[v]++
				n--
			}
			last = int(v)
			if n < 3 {
				toks[t], toks[t+1] = v, v // as many as n of them
				t += n
				hist[v] += int32(n)
				continue
			}
			match = tokNear
		}
		// Matches of at most 258 bytes, and none of less than 3.
		for n > 258 {
			l := 258
			if n-l < 3 {
				l = n - 3
			}
			toks[t] = match + uint16(l)
			t++
			hist[match+uint16(l)]++
			n -= l
		}
		toks[t] = match + uint16(n)
		t++
		hist[match+uint16(n)]++
	}
	d.toks = toks[:t]
}

// runsCost is the number of bits of a row written as runs: in the fixed
// code, as the other costs here, a guide to the choice of copies that
// does not depend on the code the block will have.
func runsCost(row []span) int {
	cost, p := 0, int32(0)
	for _, s := range row {
		cost += runCost(s.v, s.end-p)
		p = s.end
	}
	return cost
}

// runCost is the number of bits of a run of n bytes v: a literal, and
// the rest as literals or matches at distance 1 (each 258 more as one).
func runCost(v uint8, n int32) int {
	m := n - 1
	q := m / 258
	return fixedCost.lit[v] + fixedCost.rest[m-q*258] + int(q)*fixedCost.rest[258]
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
