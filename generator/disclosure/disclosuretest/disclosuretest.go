// Package disclosuretest is the reader's side of package disclosure, for
// tests: given published ratings tables it works out, on its own, what
// each hidden count can be. It shares no code with package disclosure and
// solves the problem another way: it fixes a hidden count at a value and
// asks a maximum-flow feasibility test (with lower bounds) whether any
// table fits everything published, in the frame of the oldest version.
//
// The reader knows every published version of a year's table (oldest
// first), every row's headcount rated, that counts are whole numbers, the
// documented rule that a count first hidden in an agency's row that is not
// hidden whole is at least 1 (a count hidden before stays hidden, so it is
// only ≥ 0), and that between two consecutive versions that differ exactly
// one rating changed: one civil servant's predicate corrected within an
// agency, one rating added to an agency, or one removed.
package disclosuretest

import (
	"fmt"
	"slices"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Enough is how many values a hidden count must keep (fewer only for a
// group of one person, whose counts are 0 or 1).
const Enough = 3

// Cell is a hidden count with too few possible values.
type Cell struct {
	Version    int // index of the version (in the order given)
	Year       int
	AgencySlug string // "" = the whole city
	Predicate  string
	Values     []int // every value it can take
}

func (c Cell) String() string {
	who := fmt.Sprintf("agency %q", c.AgencySlug)
	if c.AgencySlug == "" {
		who = "the city"
	}
	return fmt.Sprintf("version %d, %d, %s, %s: only %v", c.Version+1, c.Year, who, c.Predicate, c.Values)
}

// Weak returns the hidden counts of the versions (published tables,
// oldest first, each holding any years) that have fewer than Enough
// possible values (or, in a group of fewer than 2 people, fewer than
// rated+1), for the reader described above. A year whose versions no
// chain of single changes explains is reported whole: the reader's model
// fails, so the test cannot vouch for it.
func Weak(versions [][]iku.RatingCount) []Cell {
	years := map[int][]int{} // year → indexes of versions holding it
	var order []int
	for v, rows := range versions {
		for _, r := range rows {
			if vs := years[r.Year]; len(vs) == 0 || vs[len(vs)-1] != v {
				if len(vs) == 0 {
					order = append(order, r.Year)
				}
				years[r.Year] = append(vs, v)
			}
		}
	}
	slices.Sort(order)
	var out []Cell
	for _, y := range order {
		var ts []*tbl
		var idx []int
		for _, v := range years[y] {
			t := read(versions[v], y)
			if len(ts) > 0 && equal(ts[len(ts)-1], t) {
				continue // the same table again tells nothing new
			}
			ts, idx = append(ts, t), append(idx, v)
		}
		out = append(out, yearWeak(y, ts, idx)...)
	}
	return out
}

// tbl is one version of one year: slug → row.
type tbl struct {
	rated map[string]int
	cells map[string][5]*int
}

func read(rows []iku.RatingCount, year int) *tbl {
	t := &tbl{rated: map[string]int{}, cells: map[string][5]*int{}}
	for _, r := range rows {
		if r.Year != year {
			continue
		}
		j := slices.Index(iku.SKPPredicates, r.Predicate)
		c := t.cells[r.AgencySlug]
		c[j] = r.Count
		t.cells[r.AgencySlug] = c
		t.rated[r.AgencySlug] = r.Rated
	}
	return t
}

func equal(a, b *tbl) bool {
	if len(a.rated) != len(b.rated) {
		return false
	}
	for s, n := range a.rated {
		m, ok := b.rated[s]
		if !ok || m != n {
			return false
		}
		for j := range 5 {
			x, y := a.cells[s][j], b.cells[s][j]
			if (x == nil) != (y == nil) || x != nil && *x != *y {
				return false
			}
		}
	}
	return true
}

// problem is one year's versions on common rows (agencies sorted, the
// city last): per version v, row r, column j, whether the count is shown,
// its value, and the reader's lower bound when hidden.
type problem struct {
	slugs []string
	rated [][]int // [v][r]
	shown [][][5]bool
	val   [][][5]int
	low   [][][5]int
}

func (p *problem) city() int { return len(p.slugs) - 1 }

func build(ts []*tbl) *problem {
	p := &problem{}
	for _, t := range ts {
		for s := range t.rated {
			if s != "" && !slices.Contains(p.slugs, s) {
				p.slugs = append(p.slugs, s)
			}
		}
	}
	slices.Sort(p.slugs)
	p.slugs = append(p.slugs, "")
	n := len(p.slugs)
	everHidden := make([][5]bool, n)
	for _, t := range ts {
		rated, shown, val, low := make([]int, n), make([][5]bool, n), make([][5]int, n), make([][5]int, n)
		for r, s := range p.slugs {
			cells, ok := t.cells[s]
			if !ok {
				shown[r] = [5]bool{true, true, true, true, true} // nobody rated: zeros
				continue
			}
			rated[r] = t.rated[s]
			whole := true
			for j := range 5 {
				whole = whole && cells[j] == nil
			}
			for j := range 5 {
				if cells[j] != nil {
					shown[r][j], val[r][j] = true, *cells[j]
				} else if !whole && s != "" && !everHidden[r][j] {
					low[r][j] = 1
				}
			}
		}
		for r := range n {
			for j := range 5 {
				everHidden[r][j] = everHidden[r][j] || !shown[r][j]
			}
		}
		p.rated, p.shown, p.val, p.low = append(p.rated, rated), append(p.shown, shown), append(p.val, val), append(p.low, low)
	}
	return p
}

// step is one rating changed between two versions, as cell changes.
type step []struct{ r, j, d int }

// steps lists every single change from version v to v+1 that agrees with
// the counts both show.
func (p *problem) steps(v int) []step {
	city := p.city()
	var all []step
	for r := range city {
		switch p.rated[v+1][r] - p.rated[v][r] {
		case 0:
			for from := range 5 {
				for to := range 5 {
					if from != to {
						all = append(all, step{{r, from, -1}, {r, to, 1}, {city, from, -1}, {city, to, 1}})
					}
				}
			}
		case 1, -1:
			d := p.rated[v+1][r] - p.rated[v][r]
			for j := range 5 {
				all = append(all, step{{r, j, d}, {city, j, d}})
			}
		}
	}
	changedRows := 0
	for r := range city {
		if p.rated[v+1][r] != p.rated[v][r] {
			changedRows++
		}
	}
	var out []step
	for _, s := range all {
		if addition := len(s) == 2; addition && changedRows != 1 || !addition && changedRows != 0 {
			continue
		}
		ok := true
		for r := range p.slugs {
			for j := range 5 {
				if !p.shown[v][r][j] || !p.shown[v+1][r][j] {
					continue
				}
				d := 0
				for _, c := range s {
					if c.r == r && c.j == j {
						d += c.d
					}
				}
				if p.val[v+1][r][j]-p.val[v][r][j] != d {
					ok = false
				}
			}
		}
		if ok {
			out = append(out, s)
		}
	}
	return out
}

func yearWeak(year int, ts []*tbl, idx []int) []Cell {
	p := build(ts)
	m, n := len(ts), len(p.slugs)
	var stepsOf [][]step
	for v := range m - 1 {
		stepsOf = append(stepsOf, p.steps(v))
	}
	// values[v][r][j]: distinct values found so far (up to Enough).
	values := make([][][5][]int, m)
	for v := range values {
		values[v] = make([][5][]int, n)
	}
	enough := func(v, r int) int { return min(Enough, p.rated[v][r]+1) }
	// before[v][r][j]: the sum of the chain's changes before version v.
	before := make([][][5]int, m)
	for v := range before {
		before[v] = make([][5]int, n)
	}
	chain := make([]int, m-1)
	var walk func(i int)
	walk = func(i int) {
		if i < m-1 {
			for c := range stepsOf[i] {
				chain[i] = c
				walk(i + 1)
			}
			return
		}
		for v := 1; v < m; v++ {
			before[v] = slices.Clone(before[v-1])
			for _, c := range stepsOf[v-1][chain[v-1]] {
				before[v][c.r][c.j] += c.d
			}
		}
		base := p.bounds(before)
		if base == nil {
			return
		}
		sol := base.solve()
		if sol == nil {
			return
		}
		for v := range m {
			for r := range n {
				for j := range 5 {
					if p.shown[v][r][j] || len(values[v][r][j]) >= enough(v, r) {
						continue
					}
					x0 := sol[r][j] + before[v][r][j]
					if !slices.Contains(values[v][r][j], x0) {
						values[v][r][j] = append(values[v][r][j], x0) // the solution found has it
					}
					for _, x := range []int{x0 - 1, x0 + 1, x0 - 2, x0 + 2} {
						if len(values[v][r][j]) >= enough(v, r) || slices.Contains(values[v][r][j], x) {
							continue
						}
						lo, hi := base.lo[r][j], base.hi[r][j]
						base.lo[r][j], base.hi[r][j] = max(lo, x-before[v][r][j]), min(hi, x-before[v][r][j])
						if base.fits(sol) {
							values[v][r][j] = append(values[v][r][j], x)
						}
						base.lo[r][j], base.hi[r][j] = lo, hi
					}
				}
			}
		}
	}
	walk(0)
	var out []Cell
	for v := range m {
		for r := range n {
			for j := range 5 {
				if !p.shown[v][r][j] && len(values[v][r][j]) < enough(v, r) {
					vals := slices.Clone(values[v][r][j])
					slices.Sort(vals)
					out = append(out, Cell{Version: idx[v], Year: year, AgencySlug: p.slugs[r], Predicate: iku.SKPPredicates[j], Values: vals})
				}
			}
		}
	}
	return out
}

// box is the first version's table as bounds per cell, with its rows'
// headcounts: every version is the first plus the chain's changes.
type box struct {
	rated  []int
	lo, hi [][5]int
}

// bounds turns what every version shows into bounds on the first
// version's counts under the chain's changes (before); nil when they
// contradict.
func (p *problem) bounds(before [][][5]int) *box {
	n := len(p.slugs)
	b := &box{rated: p.rated[0], lo: make([][5]int, n), hi: make([][5]int, n)}
	for r := range n {
		for j := range 5 {
			b.lo[r][j], b.hi[r][j] = 0, 1<<30
			for v := range p.rated {
				s := before[v][r][j]
				b.lo[r][j] = max(b.lo[r][j], -s) // a count is never negative
				if p.shown[v][r][j] {
					b.lo[r][j], b.hi[r][j] = max(b.lo[r][j], p.val[v][r][j]-s), min(b.hi[r][j], p.val[v][r][j]-s)
				} else {
					b.lo[r][j] = max(b.lo[r][j], p.low[v][r][j]-s)
				}
			}
			if b.lo[r][j] > b.hi[r][j] {
				return nil
			}
		}
	}
	return b
}

// solve finds whole counts within the bounds whose rows add up to the
// headcounts and whose agency columns add up to the city's, or nil.
func (b *box) solve() [][5]int {
	zero := make([][5]int, len(b.rated))
	f, ok := b.network(zero, true)
	if !ok {
		return nil
	}
	n := len(b.rated)
	city := n - 1
	out := make([][5]int, n)
	for j := range 5 {
		sum := 0
		for r := range city {
			out[r][j] = b.lo[r][j] + f.flow(r, n+j)
			sum += out[r][j]
		}
		out[city][j] = sum
	}
	return out
}

// fits reports whether the bounds admit a table, given sol, a table
// that satisfies every row and column (within other bounds): the network
// then carries only the differences from sol, a few units.
func (b *box) fits(sol [][5]int) bool {
	_, ok := b.network(sol, false)
	return ok
}

// network is the feasibility test for a table d = x − sol (sol: a table
// whose rows and columns add up, or zeros): source → agency row [rated −
// its row in sol, the same] → column [lo − sol, hi − sol] per agency cell
// → sink [lo − sol, hi − sol] per city cell, and sink → source unbounded.
// A circulation with these bounds exists exactly when the maximum flow
// from a new source to a new sink carries every lower bound (an edge
// whose bounds are both negative runs backwards; one whose bounds hold 0
// needs no lower bound at all).
func (b *box) network(sol [][5]int, zero bool) (*net, bool) {
	n := len(b.rated)
	city := n - 1
	src, sink := n-1, n+5 // the city's row index is free: use it as the source
	ss, tt := n+6, n+7
	f := newNet(n + 8)
	excess := make([]int, n+8)
	fits := true
	bounded := func(u, v, lo, hi int) {
		fits = fits && lo <= hi
		switch {
		case lo > 0:
			*f.at(u, v) += hi - lo
			excess[v] += lo
			excess[u] -= lo
		case hi < 0:
			*f.at(v, u) += hi - lo
			excess[u] -= hi
			excess[v] += hi
		default:
			*f.at(u, v) += hi
			*f.at(v, u) += -lo
		}
	}
	const big = 1 << 30
	for r := range city {
		rest := b.rated[r]
		for j := range 5 {
			rest -= sol[r][j]
		}
		bounded(src, r, rest, rest)
		for j := range 5 {
			bounded(r, n+j, b.lo[r][j]-sol[r][j], min(b.hi[r][j], b.rated[r])-sol[r][j])
		}
	}
	for j := range 5 {
		bounded(n+j, sink, b.lo[city][j]-sol[city][j], min(b.hi[city][j], b.rated[city])-sol[city][j])
	}
	if !fits {
		return nil, false
	}
	*f.at(sink, src) += big
	*f.at(src, sink) += big
	want := 0
	for v, e := range excess {
		if e > 0 {
			*f.at(ss, v) += e
			want += e
		} else if e < 0 {
			*f.at(v, tt) -= e
		}
	}
	if zero {
		f.orig = slices.Clone(f.cap)
	}
	return f, f.maxflow(ss, tt) == want
}

// net is a flow network as a capacity matrix of size nodes × nodes
// (orig: the capacities before the flow).
type net struct {
	nodes     int
	cap, orig []int
}

func newNet(nodes int) *net { return &net{nodes: nodes, cap: make([]int, nodes*nodes)} }

func (f *net) at(u, v int) *int { return &f.cap[u*f.nodes+v] }

// flow is what went through u → v (for a solve from zeros, where every
// edge runs forwards).
func (f *net) flow(u, v int) int { return f.orig[u*f.nodes+v] - f.cap[u*f.nodes+v] }

func (f *net) maxflow(s, t int) int {
	total := 0
	prev := make([]int, f.nodes)
	queue := make([]int, 0, f.nodes)
	for {
		for i := range prev {
			prev[i] = -1
		}
		prev[s] = s
		queue = append(queue[:0], s)
		for q := 0; q < len(queue) && prev[t] < 0; q++ {
			u := queue[q]
			for v, c := range f.cap[u*f.nodes : (u+1)*f.nodes] {
				if c > 0 && prev[v] < 0 {
					prev[v] = u
					queue = append(queue, v)
				}
			}
		}
		if prev[t] < 0 {
			return total
		}
		push := 1 << 62
		for v := t; v != s; v = prev[v] {
			push = min(push, *f.at(prev[v], v))
		}
		for v := t; v != s; v = prev[v] {
			*f.at(prev[v], v) -= push
			*f.at(v, prev[v]) += push
		}
		total += push
	}
}
