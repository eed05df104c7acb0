package disclosure

import (
	"slices"
)

// The joint audit: what a reader can solve from every published version
// of one year's table together, knowing that between two consecutive
// versions (that differ) exactly one rating changed: one civil servant's
// predicate corrected within an agency, one rating added to an agency, or
// one removed. The rated headcounts show which: unchanged, one agency +1,
// or one agency −1.
//
// For one guess of the changes (a chain: one change per pair of
// consecutive versions), every version is the last one minus the changes
// after it, so the versions together are one table in the last version's
// frame: a cell shown in any version is known there, a cell hidden in all
// versions is unknown, with the highest lower bound the versions give it.
// The values a hidden cell can take are the union, over every chain
// consistent with what was published, of its values in that table.

// version is one published table on the rows of all versions of its
// year (a row a version lacks has rated 0 and shows zeros).
type version struct {
	rated []int
	known [][cols]bool
	val   [][cols]int
	low   [][cols]int // a reader's lower bound of a hidden cell
}

// delta is one cell's change.
type delta struct{ r, j, d int }

// change is one rating changed, as the cells it changes (the agency's and
// the city's).
type change struct {
	n int
	d [4]delta
}

// maxChains bounds the chains the audit considers; beyond it the audit
// answers that it cannot vouch for the versions (the caller then keeps
// the table published before).
const maxChains = 20000

// weakCell is a hidden cell of version v (row r of the common rows, the
// agency slug) with fewer possible values than need.
type weakCell struct {
	v, r, j int
	slug    string
}

// versions puts tables (one year's published versions, oldest first) on
// common rows: the union of their agencies, sorted, the city last. A cell
// hidden in an earlier version has lower bound 0 (it stays hidden
// whatever its count); a cell hidden first in a row not hidden whole is
// ≥ 1; the city's and a whole row's are ≥ 0.
func versions(ts []*table) ([]*version, []string) {
	var slugs []string
	for _, t := range ts {
		for _, s := range t.slugs[:t.city()] {
			if !slices.Contains(slugs, s) {
				slugs = append(slugs, s)
			}
		}
	}
	slices.Sort(slugs)
	slugs = append(slugs, "")
	n := len(slugs)
	hidden := make([][cols]bool, n) // hidden in an earlier version
	var out []*version
	for _, t := range ts {
		v := &version{rated: make([]int, n), known: make([][cols]bool, n), val: make([][cols]int, n), low: make([][cols]int, n)}
		for r, s := range slugs {
			tr := t.row(s)
			if tr < 0 {
				v.known[r] = [cols]bool{true, true, true, true, true}
				continue
			}
			v.rated[r] = t.rated[tr]
			for j := range cols {
				if !t.sup[tr][j] {
					v.known[r][j], v.val[r][j] = true, t.x[tr][j]
					continue
				}
				if !hidden[r][j] && !t.whole(tr) && s != "" {
					v.low[r][j] = 1
				}
			}
		}
		for r := range slugs {
			for j := range cols {
				hidden[r][j] = hidden[r][j] || !v.known[r][j]
			}
		}
		out = append(out, v)
	}
	return out, slugs
}

// changes lists the single changes that explain how a became b: those
// that agree with every cell both show and keep every cell one of them
// shows within the other's bounds.
func changes(a, b *version) []change {
	city := len(a.rated) - 1
	moved := -1
	for r := range city {
		if d := b.rated[r] - a.rated[r]; d != 0 {
			if moved >= 0 || d < -1 || d > 1 {
				return nil
			}
			moved = r
		}
	}
	var cands []change
	if moved < 0 {
		for r := range city {
			if a.rated[r] == 0 {
				continue
			}
			for p := range cols {
				for q := range cols {
					if p != q {
						cands = append(cands, change{4, [4]delta{{r, p, -1}, {r, q, 1}, {city, p, -1}, {city, q, 1}}})
					}
				}
			}
		}
	} else {
		d := b.rated[moved] - a.rated[moved]
		for p := range cols {
			cands = append(cands, change{2, [4]delta{{moved, p, d}, {city, p, d}}})
		}
	}
	var out []change
	for _, c := range cands {
		if fits(a, b, c) {
			out = append(out, c)
		}
	}
	return out
}

// fits reports whether change c can take a to b as far as their shown
// cells tell.
func fits(a, b *version, c change) bool {
	for r := range a.rated {
		for j := range cols {
			d := 0
			for _, x := range c.d[:c.n] {
				if x.r == r && x.j == j {
					d = x.d
				}
			}
			switch {
			case a.known[r][j] && b.known[r][j]:
				if b.val[r][j]-a.val[r][j] != d {
					return false
				}
			case a.known[r][j]:
				if a.val[r][j]+d < b.low[r][j] {
					return false
				}
			case b.known[r][j]:
				if b.val[r][j]-d < a.low[r][j] {
					return false
				}
			}
		}
	}
	return true
}

// jointWeak returns the hidden cells of vs (one year's published
// versions, oldest first, on common rows) that have fewer possible values
// than need, given all of them and one change between consecutive ones;
// ok is false when no chain of single changes explains the versions (or
// there are too many to consider), so that nothing can be vouched for.
// Consecutive versions must differ.
func jointWeak(vs []*version) (weak []weakCell, ok bool) {
	m := len(vs)
	rows := len(vs[0].rated)
	pairs := make([][]change, m-1)
	total := 1
	for i := range m - 1 {
		pairs[i] = changes(vs[i], vs[i+1])
		if len(pairs[i]) == 0 {
			return nil, false
		}
		if total *= len(pairs[i]); total > maxChains {
			return nil, false
		}
	}
	// vals[v][r][j]: up to Values distinct values found for a hidden cell.
	type found struct {
		n int
		v [Values]int
	}
	vals := make([][][cols]found, m)
	pending := 0
	for v := range m {
		vals[v] = make([][cols]found, rows)
		for r := range rows {
			for j := range cols {
				if !vs[v].known[r][j] {
					pending++
				}
			}
		}
	}
	add := func(v, r, j, x int) {
		f := &vals[v][r][j]
		if f.n == Values || slices.Contains(f.v[:f.n], x) {
			return
		}
		f.v[f.n] = x
		if f.n++; f.n == need(vs[v].rated[r]) {
			pending--
		}
	}
	needDone := func(v, r, j int) bool {
		f := vals[v][r][j]
		return f.n >= need(vs[v].rated[r])
	}
	// shift[v][r][j]: the changes from version v to the last.
	shift := make([][][cols]int, m)
	for v := range shift {
		shift[v] = make([][cols]int, rows)
	}
	s := newSystem(rows)
	copy(s.rated, vs[m-1].rated)
	feasible := false
	chain := make([]int, m-1)
	var walk func(i int) bool // false: stop, every cell has enough values
	walk = func(i int) bool {
		if i < m-1 {
			for c := range pairs[i] {
				chain[i] = c
				if !walk(i + 1) {
					return false
				}
			}
			return true
		}
		for v := range m {
			for r := range rows {
				shift[v][r] = [cols]int{}
			}
		}
		for v := m - 2; v >= 0; v-- {
			copy(shift[v], shift[v+1])
			c := pairs[v][chain[v]]
			for _, x := range c.d[:c.n] {
				shift[v][x.r][x.j] += x.d
			}
		}
		// The last version's frame.
		for r := range rows {
			for j := range cols {
				known, y, low := false, 0, 0
				for v := range m {
					if vs[v].known[r][j] {
						x := vs[v].val[r][j] + shift[v][r][j]
						if known && x != y {
							return true // the chain contradicts a shown count
						}
						known, y = true, x
					} else {
						low = max(low, vs[v].low[r][j]+shift[v][r][j])
					}
				}
				if known {
					for v := range m {
						if !vs[v].known[r][j] && y-shift[v][r][j] < vs[v].low[r][j] {
							return true
						}
					}
				}
				s.known[r][j], s.y[r][j], s.low[r][j] = known, y, low
			}
		}
		if !s.solve() {
			return true
		}
		feasible = true
		sp := newSpread(s)
		for r := range rows {
			for j := range cols {
				hiddenSomewhere, open := false, false
				for v := range m {
					if !vs[v].known[r][j] {
						hiddenSomewhere = true
						open = open || !needDone(v, r, j)
					}
				}
				if !hiddenSomewhere || !open {
					continue
				}
				lo, hi := s.y[r][j], s.y[r][j]
				if !s.known[r][j] {
					down, up := sp.room(r, j, Values-1)
					lo, hi = lo-down, hi+up
				}
				for v := range m {
					if !vs[v].known[r][j] {
						for x := lo; x <= hi; x++ {
							add(v, r, j, x-shift[v][r][j])
						}
					}
				}
			}
		}
		return pending > 0
	}
	walk(0)
	if !feasible {
		return nil, false
	}
	for v := range m {
		for r := range rows {
			for j := range cols {
				if !vs[v].known[r][j] && !needDone(v, r, j) {
					weak = append(weak, weakCell{v: v, r: r, j: j})
				}
			}
		}
	}
	return weak, true
}
