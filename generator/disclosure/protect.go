package disclosure

import (
	"cmp"
	"slices"
)

// Values is how many values every hidden count must keep open to a
// reader, given everything published: 3 (or every value from 0 to the
// headcount of a group of fewer than 2 people, which has fewer).
const Values = 3

// need is how many possible values a hidden cell of a row of rated
// people must keep.
func need(rated int) int { return min(Values, rated+1) }

// system is t as its reader knows it, with t's true counts as the
// consistent choice.
func (t *table) system() *system {
	s := newSystem(len(t.slugs))
	for r := range t.slugs {
		s.rated[r] = t.rated[r]
		for j := range cols {
			s.known[r][j] = !t.sup[r][j]
			s.y[r][j] = t.x[r][j]
			if t.sup[r][j] {
				s.low[r][j] = t.lower(r, j)
			}
		}
	}
	return s
}

// audit tells which hidden cells of t (with its true counts) have fewer
// possible values than need.
type audit struct {
	t  *table
	sp *spread
}

func (t *table) audit() *audit { return &audit{t: t, sp: newSpread(t.system())} }

func (a *audit) weak(e cellRef) bool {
	down, up := a.sp.room(e.r, e.j, Values-1)
	return 1+down+up < need(a.t.rated[e.r])
}

func (a *audit) countWeak() int {
	n := 0
	for r := range a.t.slugs {
		for j := range cols {
			if a.t.sup[r][j] && a.weak(cellRef{r, j}) {
				n++
			}
		}
	}
	return n
}

func (a *audit) firstWeak() (cellRef, bool) {
	for r := range a.t.slugs {
		for j := range cols {
			if a.t.sup[r][j] && a.weak(cellRef{r, j}) {
				return cellRef{r, j}, true
			}
		}
	}
	return cellRef{}, false
}

// primary hides what the rules hide before any audit: every cell of a
// group smaller than 2k, every count from 1 to k−1, and, when a group is
// hidden whole, the city's zeros.
func (t *table) primary(k int) {
	for r := range t.slugs {
		for j := range cols {
			switch {
			case t.rated[r] < 2*k:
				t.sup[r][j] = true
			case t.x[r][j] >= 1 && t.x[r][j] < k:
				t.sup[r][j] = true
			}
		}
	}
	// A predicate nobody in the city received would show that a small
	// group hidden whole has nobody there either.
	if slices.ContainsFunc(t.rows(), t.whole) {
		for j := range cols {
			if t.x[t.city()][j] == 0 {
				t.sup[t.city()][j] = true
			}
		}
	}
}

func (t *table) rows() []int {
	rs := make([]int, len(t.slugs))
	for r := range rs {
		rs[r] = r
	}
	return rs
}

// protect suppresses by the package's rule (the cells already hidden
// stay hidden); false when the year cannot be protected.
func (t *table) protect(k int) bool {
	t.primary(k)
	for {
		e, ok := t.audit().firstWeak()
		if !ok {
			return true
		}
		if !t.complement(e) {
			return false
		}
	}
}

type cellRef struct{ r, j int }

// candidates are the published non-zero cells in e's row and column, in
// the order of preference when equally small: the row first.
func (t *table) candidates(e cellRef) []cellRef {
	var cs []cellRef
	for j := range cols {
		if j != e.j && !t.sup[e.r][j] && t.x[e.r][j] > 0 {
			cs = append(cs, cellRef{e.r, j})
		}
	}
	for r := range t.slugs {
		if r != e.r && !t.sup[r][e.j] && t.x[r][e.j] > 0 {
			cs = append(cs, cellRef{r, e.j})
		}
	}
	slices.SortStableFunc(cs, func(a, b cellRef) int { return cmp.Compare(t.x[a.r][a.j], t.x[b.r][b.j]) })
	return cs
}

// complement suppresses one more cell (or row) for weak cell e; false
// when nothing is left to suppress. Of the candidates, it takes the first
// of: those that give e enough values before those that do not; then
// those that leave the fewest cells of the table weak; then the smallest.
func (t *table) complement(e cellRef) bool {
	if c, ok := t.best(e, t.candidates(e)); ok {
		t.sup[c.r][c.j] = true
		return true
	}
	if c, ok := t.best(e, t.anywhere()); ok {
		t.sup[c.r][c.j] = true
		return true
	}
	if cs := t.candidates(e); len(cs) > 0 {
		c, _ := t.best(e, cs)
		t.sup[c.r][c.j] = true
		return true
	}
	if !t.whole(e.r) {
		t.sup[e.r] = [cols]bool{true, true, true, true, true}
		return true
	}
	// Its row is whole and its column has no published non-zero cell:
	// suppress another row whole, the smallest with a published cell.
	best := -1
	for r := range t.slugs {
		if !t.whole(r) && (best < 0 || t.rated[r] < t.rated[best]) {
			best = r
		}
	}
	if best < 0 {
		return false
	}
	t.sup[best] = [cols]bool{true, true, true, true, true}
	return true
}

// best is the candidate to suppress for e by the order of complement, and
// whether it gives e enough values.
func (t *table) best(e cellRef, cs []cellRef) (cellRef, bool) {
	best, bestKey := -1, [3]int{}
	for i, c := range cs {
		t.sup[c.r][c.j] = true
		a := t.audit()
		key := [3]int{1, 0, t.x[c.r][c.j]}
		if !a.weak(e) {
			key[0] = 0
		}
		if best < 0 || key[0] <= bestKey[0] {
			key[1] = a.countWeak()
		}
		t.sup[c.r][c.j] = false
		if best < 0 || key[0] < bestKey[0] ||
			key[0] == bestKey[0] && (key[1] < bestKey[1] || key[1] == bestKey[1] && key[2] < bestKey[2]) {
			best, bestKey = i, key
		}
	}
	if best < 0 {
		return cellRef{}, false
	}
	return cs[best], bestKey[0] == 0
}

// anywhere lists every published non-zero cell, in table order.
func (t *table) anywhere() []cellRef {
	var cs []cellRef
	for r := range t.slugs {
		for j := range cols {
			if !t.sup[r][j] && t.x[r][j] > 0 {
				cs = append(cs, cellRef{r, j})
			}
		}
	}
	return cs
}
