package disclosure_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/disclosure/disclosuretest"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The attacker of these tests knows only what is published: every count
// that is not suppressed, every row's headcount rated (and so the city's),
// that counts are whole numbers, and the documented rule that an agency's
// "–" in a row that is not suppressed whole is at least 1. It does not use the
// package's own audit: it solves the published equations three ways, and
// package disclosuretest solves them exactly a fourth. Every hidden count
// must keep at least 3 possible values (a group of one person: 2).

// unknown is a suppressed cell: row r (the city is the last row), column j.
type unknown struct{ r, j int }

// system is one year's published table as equations over the unknowns:
// each row's cells add up to its rated, each column's agency cells add up
// to its city cell.
type system struct {
	year   int
	vars   []unknown
	lo, hi []int
	need   []int // how many values each must keep
	eqs    []equation
}

type equation struct {
	coef map[int]int // var index → ±1
	rhs  int
	what string
}

func attackerSystem(d []disclosure.Distribution) []system {
	byYear := map[int][]disclosure.Distribution{}
	var years []int
	for _, x := range d {
		if _, ok := byYear[x.Year]; !ok {
			years = append(years, x.Year)
		}
		byYear[x.Year] = append(byYear[x.Year], x)
	}
	var out []system
	for _, y := range years {
		rows := byYear[y] // the city is last (Suppress's order)
		s := system{year: y}
		idx := map[unknown]int{}
		for r, row := range rows {
			whole := !slices.ContainsFunc(row.Counts[:], func(c *int) bool { return c != nil })
			for j, c := range row.Counts {
				if c == nil {
					idx[unknown{r, j}] = len(s.vars)
					s.vars = append(s.vars, unknown{r, j})
					lo := 1
					if whole || r == len(rows)-1 {
						lo = 0
					}
					s.lo, s.hi = append(s.lo, lo), append(s.hi, row.Rated)
					s.need = append(s.need, min(3, row.Rated+1))
				}
			}
		}
		city := len(rows) - 1
		for r, row := range rows {
			e := equation{coef: map[int]int{}, rhs: row.Rated, what: fmt.Sprintf("row %q", row.AgencySlug)}
			for j, c := range row.Counts {
				if c == nil {
					e.coef[idx[unknown{r, j}]] = 1
				} else {
					e.rhs -= *c
				}
			}
			s.eqs = append(s.eqs, e)
		}
		for j := range 5 {
			e := equation{coef: map[int]int{}, what: fmt.Sprintf("column %q", iku.SKPPredicates[j])}
			for r, row := range rows {
				sign := 1
				if r == city {
					sign = -1
				}
				if c := row.Counts[j]; c == nil {
					e.coef[idx[unknown{r, j}]] = sign
				} else {
					e.rhs -= sign * *c
				}
			}
			s.eqs = append(s.eqs, e)
		}
		out = append(out, s)
	}
	return out
}

// propagate tightens every unknown's interval with every equation until
// nothing changes (what subtraction along rows, columns and totals gives).
func (s *system) propagate() {
	for changed := true; changed; {
		changed = false
		for _, e := range s.eqs {
			for v, a := range e.coef {
				// a·v = rhs − Σ others; bound Σ others by the intervals.
				minOthers, maxOthers := 0, 0
				for w, b := range e.coef {
					if w == v {
						continue
					}
					if b > 0 {
						minOthers += s.lo[w]
						maxOthers += s.hi[w]
					} else {
						minOthers -= s.hi[w]
						maxOthers -= s.lo[w]
					}
				}
				lo, hi := e.rhs-maxOthers, e.rhs-minOthers
				if a < 0 {
					lo, hi = -hi, -lo
				}
				if lo > s.lo[v] {
					s.lo[v], changed = lo, true
				}
				if hi < s.hi[v] {
					s.hi[v], changed = hi, true
				}
			}
		}
	}
}

// determinedLinearly reports the unknowns that some combination of the
// equations pins regardless of bounds: e_v lies in the equations' row
// space exactly when dropping v's column lowers the rank.
func (s *system) determinedLinearly() []int {
	full := s.rank(-1)
	var out []int
	for v := range s.vars {
		if s.rank(v) < full {
			out = append(out, v)
		}
	}
	return out
}

// rank is the rank of the equations' matrix without column drop, over
// the integers modulo a large prime (the matrix holds only 0 and ±1, so
// its rank modulo p is its rank over the rationals but for p dividing one
// of its minors, which are far smaller than p).
func (s *system) rank(drop int) int {
	const p = 2147483647
	n := len(s.vars)
	m := make([][]int64, len(s.eqs))
	for i, e := range s.eqs {
		m[i] = make([]int64, n)
		for v, a := range e.coef {
			if v != drop {
				m[i][v] = (int64(a) + p) % p
			}
		}
	}
	inv := func(a int64) int64 { // a^(p−2) mod p
		r, b, e := int64(1), a, int64(p-2)
		for ; e > 0; e >>= 1 {
			if e&1 == 1 {
				r = r * b % p
			}
			b = b * b % p
		}
		return r
	}
	rank := 0
	for c := 0; c < n && rank < len(m); c++ {
		piv := -1
		for i := rank; i < len(m); i++ {
			if m[i][c] != 0 {
				piv = i
				break
			}
		}
		if piv < 0 {
			continue
		}
		m[rank], m[piv] = m[piv], m[rank]
		f := inv(m[rank][c])
		for k := c; k < n; k++ {
			m[rank][k] = m[rank][k] * f % p
		}
		for i := range m {
			if i != rank && m[i][c] != 0 {
				g := m[i][c]
				for k := c; k < n; k++ {
					m[i][k] = ((m[i][k]-g*m[rank][k])%p + p) % p
				}
			}
		}
		rank++
	}
	return rank
}

// enumerate lists every whole-number solution within the intervals (for
// small systems) and reports the unknowns with fewer possible values than
// they must keep; ok is false when the search was too big to finish.
func (s *system) enumerate(budget int) (narrow []int, ok bool) {
	n := len(s.vars)
	vals := make([]int, n)
	seen := make([][]int, n) // up to 3 distinct values of each
	nodes := 0
	// check the equations whose unknowns are all assigned (up to index v).
	last := make([]int, len(s.eqs))
	for i, e := range s.eqs {
		last[i] = -1
		for v := range e.coef {
			last[i] = max(last[i], v)
		}
	}
	closes := make([][]int, n)
	for i, l := range last {
		if l >= 0 {
			closes[l] = append(closes[l], i)
		}
	}
	var dfs func(v int) bool
	dfs = func(v int) bool {
		if nodes++; nodes > budget {
			return false
		}
		if v == n {
			for i := range n {
				if len(seen[i]) < 3 && !slices.Contains(seen[i], vals[i]) {
					seen[i] = append(seen[i], vals[i])
				}
			}
			return true
		}
		for x := s.lo[v]; x <= s.hi[v]; x++ {
			vals[v] = x
			good := true
			for _, i := range closes[v] {
				e := s.eqs[i]
				sum := 0
				for w, a := range e.coef {
					sum += a * vals[w]
				}
				if sum != e.rhs {
					good = false
					break
				}
			}
			if good && !dfs(v+1) {
				return false
			}
		}
		return true
	}
	if !dfs(0) {
		return nil, false
	}
	for v := range n {
		if len(seen[v]) < s.need[v] {
			narrow = append(narrow, v)
		}
	}
	return narrow, true
}

// gen makes a random city: up to 25 agencies (up to 4 when small) of 1 to
// 500 people, mostly small, each with its own leniency, over some years.
func gen(r *rand.Rand, years int, small bool) []iku.RatingCount {
	var rows []iku.RatingCount
	agencies := 1 + r.IntN(25)
	if small {
		agencies = 1 + r.IntN(4)
	}
	sizes := make([]int, agencies)
	for a := range sizes {
		switch r.IntN(4) {
		case 0:
			sizes[a] = 1 + r.IntN(25)
		case 1:
			sizes[a] = 1 + r.IntN(60)
		case 2:
			sizes[a] = 20 + r.IntN(100)
		default:
			sizes[a] = 1 + r.IntN(500)
		}
	}
	for y := range years {
		for a, size := range sizes {
			if r.IntN(10) == 0 {
				continue // the agency rated nobody that year
			}
			size = max(1, size+r.IntN(5)-2)
			// weights for SB, B, BP, K, SK
			w := [5]float64{r.Float64() * 3, 1 + r.Float64()*4, r.Float64(), r.Float64() * 0.3, r.Float64() * 0.1}
			if r.IntN(6) == 0 {
				w = [5]float64{10, 1, 0, 0, 0} // lenient
			}
			var n [5]int
			total := w[0] + w[1] + w[2] + w[3] + w[4]
			for range size {
				x := r.Float64() * total
				j := 0
				for ; j < 4 && x >= w[j]; j++ {
					x -= w[j]
				}
				n[j]++
			}
			for j, p := range iku.SKPPredicates {
				c := n[j]
				rows = append(rows, iku.RatingCount{AgencySlug: fmt.Sprintf("opd-%02d", a), Year: 2021 + y, Predicate: p, Count: &c, Rated: size})
			}
		}
	}
	return rows
}

// TestNoSuppressedCountCanBeDerived generates many cities and attacks
// every published table.
func TestNoSuppressedCountCanBeDerived(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2022))
	tables, suppressedCells, enumerated, revisions := 0, 0, 0, 0
	for city := range 500 {
		k := []int{5, 10, 10, 10, 15}[city%5]
		in := gen(r, 1+r.IntN(3), city%2 == 0)
		out, _, err := disclosure.Revise(in, k, nil)
		if err != nil {
			t.Fatalf("city %d: Revise: %v", city, err)
		}
		truth := map[string]int{}
		for _, x := range in {
			truth[fmt.Sprint(x.AgencySlug, x.Year, x.Predicate)] = *x.Count
		}
		dists := disclosure.Distributions(out)
		for _, d := range dists {
			for j, c := range d.Counts {
				if c == nil {
					suppressedCells++
					continue
				}
				if *c >= 1 && *c < k {
					t.Errorf("city %d, %d, %q, %s: published count %d is below k = %d", city, d.Year, d.AgencySlug, iku.SKPPredicates[j], *c, k)
				}
				if d.Rated < 2*k {
					t.Errorf("city %d, %d, %q: a group of %d (< 2k = %d) shows %s = %d", city, d.Year, d.AgencySlug, d.Rated, 2*k, iku.SKPPredicates[j], *c)
				}
				if d.AgencySlug != "" {
					if want := truth[fmt.Sprint(d.AgencySlug, d.Year, iku.SKPPredicates[j])]; *c != want {
						t.Errorf("city %d: published %d for %q %d %s; the data says %d", city, *c, d.AgencySlug, d.Year, iku.SKPPredicates[j], want)
					}
				}
			}
		}
		for _, s := range attackerSystem(dists) {
			tables++
			name := func(v int) string {
				u := s.vars[v]
				return fmt.Sprintf("city %d (k=%d), %d, row %d, %s", city, k, s.year, u.r, iku.SKPPredicates[u.j])
			}
			for _, v := range s.determinedLinearly() {
				t.Errorf("%s: a combination of row and column equations pins the suppressed count", name(v))
			}
			s.propagate()
			for v := range s.vars {
				if s.hi[v]-s.lo[v]+1 < s.need[v] {
					t.Errorf("%s: subtraction along rows, columns and totals narrows it to [%d, %d]", name(v), s.lo[v], s.hi[v])
				}
			}
			space := 1.0
			for v := range s.vars {
				space *= float64(s.hi[v] - s.lo[v] + 1)
			}
			if space <= 1e10 {
				narrow, ok := s.enumerate(200_000)
				if ok {
					enumerated++
					for _, v := range narrow {
						t.Errorf("%s: the whole-number solutions of the published table give it fewer than %d values", name(v), s.need[v])
					}
				}
			}
		}
		for _, c := range disclosuretest.Weak([][]iku.RatingCount{out}) {
			t.Errorf("city %d (k=%d): %s", city, k, c)
		}
		// A later version after one rating of one year changed.
		if rc, ok := randomChange(r, in); ok {
			out2, _, err := disclosure.Revise(rc.apply(in), k, [][]iku.RatingCount{out})
			if err != nil {
				t.Fatalf("city %d, %s: Revise: %v", city, rc, err)
			}
			revisions++
			for _, x := range stillHidden(out, out2) {
				t.Errorf("city %d (k=%d), %s: version 2 shows %s, which version 1 hid", city, k, rc, x)
			}
			for _, c := range disclosuretest.Weak([][]iku.RatingCount{out, out2}) {
				t.Errorf("city %d (k=%d), %s: the two versions narrow %s", city, k, rc, c)
			}
		}
		if t.Failed() {
			t.Fatalf("city %d fails; input: %v", city, in)
		}
	}
	t.Logf("%d tables, %d suppressed cells, %d tables solved exhaustively, %d revisions", tables, suppressedCells, enumerated, revisions)
	if suppressedCells == 0 || enumerated < 150 {
		t.Errorf("the generated tables exercise too little: %d suppressed cells, %d solved exhaustively", suppressedCells, enumerated)
	}
}

// randomChange picks one correction, addition or removal of one rating of
// one agency in one year of rows.
func randomChange(r *rand.Rand, rows []iku.RatingCount) (yearChange, bool) {
	var agencyRows []iku.RatingCount
	for _, x := range rows {
		if x.AgencySlug != "" {
			agencyRows = append(agencyRows, x)
		}
	}
	if len(agencyRows) == 0 {
		return yearChange{}, false
	}
	x := agencyRows[r.IntN(len(agencyRows))]
	to := iku.SKPPredicates[r.IntN(5)]
	c := change{x.AgencySlug, x.Predicate, to}
	switch r.IntN(4) {
	case 0:
		c.from = ""
	case 1:
		c.to = ""
	}
	if c.from == c.to {
		c.to = ""
	}
	return yearChange{x.Year, c}, true
}

// yearChange is a change of one year's table in rows of several years.
type yearChange struct {
	year int
	change
}

func (c yearChange) String() string { return fmt.Sprint(c.year, " ", c.change) }

// apply makes the change in its year; the other years stay as they are.
// An impossible change (nobody to move) changes nothing.
func (c yearChange) apply(rows []iku.RatingCount) []iku.RatingCount {
	changed := c.change.apply(ofYear(rows, c.year))
	if changed == nil {
		return rows
	}
	return append(slices.DeleteFunc(slices.Clone(rows), func(r iku.RatingCount) bool { return r.Year == c.year }), changed...)
}
