// Package disclosure applies statistical disclosure control to the table
// of civil servants' ratings (iku.RatingCount) before anything is written:
// the pipeline replaces the dataset's table with Suppress's result right
// after loading it, so that pages, charts, downloads, the API, the search
// index and releases only ever see the published table.
//
// The rule (content/metodologi.md, "Kinerja ASN"; DOMAIN.md, "Privacy"),
// applied to each year's table on its own: one row per agency plus the
// city row, one column per SKP predicate, every row's headcount rated
// published, and so every column's city total too.
//
//  1. Small groups: a row whose headcount rated is below 2k is suppressed
//     whole (all five cells, zeros included), so that no group smaller
//     than 2k is shown with 0 % or 100 % in a category; and then the
//     city's cells that are 0 too (they would show that the small group
//     has nobody there).
//  2. Primary suppression: a count from 1 to k−1 is suppressed.
//  3. Secondary suppression: the table is audited as an attacker would
//     solve it (every row and column equation, the city totals, and that
//     counts are whole numbers ≥ 0; a suppressed cell of an agency whose
//     row is not suppressed whole is ≥ 1, since zeros are only hidden in
//     whole rows and in the city row).
//     While some suppressed cell has only one possible value, the first
//     such cell (rows in table order, the city row last; columns in
//     predicate order) gets a complementary cell among the published
//     non-zero cells of its row and its column: preferably one whose
//     suppression makes it undetermined; among those, the one that leaves
//     the fewest cells of the table determined; then the smallest count
//     (ties: its row before its column, then table order). When no cell
//     of its row or column can protect it, a published non-zero cell
//     anywhere in the table that does, chosen the same way; else the best
//     of its row and column anyway. Then the audit runs again. When its row and column have no
//     published non-zero cell left, its row is suppressed whole. A year
//     that still cannot be protected when every cell is suppressed is not
//     published at all.
//
// The audit is exact: the table with its margins is a transportation
// problem, whose feasible integer solutions differ by alternating cycles
// of suppressed cells; a cell has a second possible value exactly when a
// cycle through it can be added without making another cell negative (or
// zero where the attacker knows it is at least 1).
//
// A suppressed cell is a nil Count. Years are independent tables: nothing
// published sums counts over years. Shares are computed only from
// published counts (Share), so a suppressed count never reappears as a
// percentage.
package disclosure

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// DefaultK is the smallest count of people published (DOMAIN.md,
// "Privacy"); MinK is the smallest k the rules allow.
const (
	DefaultK = 10
	MinK     = 5
)

// CheckK refuses a k below MinK with one sentence naming the setting.
func CheckK(k int) error {
	if k < MinK {
		return iku.Errorf(iku.Invalid, "the privacy threshold k = %d in data/privasi.toml is below %d, the smallest the rules allow (counts of fewer people identify them): set k to %d or more", k, MinK, MinK)
	}
	return nil
}

// Suppress returns the published table of rows, in the order year, agency
// slug (the city last), predicate (iku.SKPPredicates), with every
// suppressed count nil. rows are either counts straight from the
// database (none nil) or a table published before (some nil, read back
// from a bundle), which is checked against k and returned as it is: a
// release is never suppressed twice. A year without its city row gets one
// summed from its agencies.
func Suppress(rows []iku.RatingCount, k int) ([]iku.RatingCount, error) {
	if err := CheckK(k); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	years, err := tables(rows)
	if err != nil {
		return nil, err
	}
	published := slices.ContainsFunc(rows, func(r iku.RatingCount) bool { return r.Count == nil })
	var out []iku.RatingCount
	for _, t := range years {
		if published {
			for _, r := range t.rows {
				for j := range cols {
					if !t.sup[r][j] && t.x[r][j] > 0 && t.x[r][j] < k {
						return nil, iku.Errorf(iku.Invalid, "the ratings table of %d publishes a count of %d (%s, %s), below the privacy threshold k = %d: it was published with a smaller k; rebuild it from the database", t.year, t.x[r][j], t.name(r), iku.SKPPredicates[j], k)
					}
				}
			}
		} else if !t.protect(k) {
			continue // cannot be protected: the year is not published
		}
		out = append(out, t.published()...)
	}
	return out, nil
}

const cols = 5

// table is one year: rows 0..n-1 agencies (by slug), row n the city.
type table struct {
	year  int
	slugs []string // per row; "" for the city
	rated []int
	x     [][cols]int
	sup   [][cols]bool
	rows  []int // 0..n
}

func (t *table) city() int { return len(t.slugs) - 1 }

func (t *table) name(r int) string {
	if t.slugs[r] == "" {
		return "the city"
	}
	return fmt.Sprintf("agency %q", t.slugs[r])
}

// tables groups rows by year and checks them: known predicates, five
// cells per row, counts that add up to the headcount rated, city cells
// that are the sums of the agencies' (where both are known).
func tables(rows []iku.RatingCount) ([]*table, error) {
	type key struct {
		year int
		slug string
	}
	type acc struct {
		rated int
		n     [cols]int
		known [cols]bool
		seen  [cols]bool
	}
	byKey := map[key]*acc{}
	for _, r := range rows {
		j := slices.Index(iku.SKPPredicates, r.Predicate)
		if j < 0 {
			return nil, iku.Errorf(iku.Invalid, "the ratings table has the predicate %q (%d, agency %q): write one of Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang", r.Predicate, r.Year, r.AgencySlug)
		}
		k := key{r.Year, r.AgencySlug}
		a := byKey[k]
		if a == nil {
			a = &acc{rated: r.Rated}
			byKey[k] = a
		}
		if a.seen[j] {
			return nil, iku.Errorf(iku.Invalid, "the ratings table has two rows for %d, agency %q, predicate %q: keep one", r.Year, r.AgencySlug, r.Predicate)
		}
		if r.Rated != a.rated || r.Rated < 0 || r.Count != nil && (*r.Count < 0 || *r.Count > r.Rated) {
			return nil, iku.Errorf(iku.Invalid, "the ratings table's counts for %d, agency %q, do not fit its headcount rated (%d): every row of an agency and year carries the same rated, and each count is between 0 and it", r.Year, r.AgencySlug, r.Rated)
		}
		a.seen[j] = true
		if r.Count != nil {
			a.n[j], a.known[j] = *r.Count, true
		}
	}
	var years []int
	for k := range byKey {
		if !slices.Contains(years, k.year) {
			years = append(years, k.year)
		}
	}
	slices.Sort(years)
	var out []*table
	for _, y := range years {
		t := &table{year: y}
		var slugs []string
		for k := range byKey {
			if k.year == y && k.slug != "" {
				slugs = append(slugs, k.slug)
			}
		}
		slices.Sort(slugs)
		slugs = append(slugs, "")
		cityAcc := byKey[key{y, ""}]
		if cityAcc == nil {
			cityAcc = &acc{seen: [cols]bool{true, true, true, true, true}, known: [cols]bool{true, true, true, true, true}}
			for _, s := range slugs[:len(slugs)-1] {
				a := byKey[key{y, s}]
				cityAcc.rated += a.rated
				for j := range cols {
					if !a.seen[j] {
						return nil, iku.Errorf(iku.Invalid, "the ratings table of %d has no row for %s and the predicate %q: give all five predicates, with 0 where nobody has it", y, describe(s), iku.SKPPredicates[j])
					}
					if !a.known[j] {
						return nil, iku.Errorf(iku.Invalid, "the ratings table of %d has no row for the whole city (empty agency_slug) and suppressed cells, so the city's counts cannot be summed: add the city's rows", y)
					}
					cityAcc.n[j] += a.n[j]
				}
			}
		}
		for r, s := range slugs {
			a := byKey[key{y, s}]
			if s == "" {
				a = cityAcc
			}
			sum, all := 0, true
			for j := range cols {
				if !a.seen[j] {
					return nil, iku.Errorf(iku.Invalid, "the ratings table of %d has no row for %s and the predicate %q: give all five predicates, with 0 where nobody has it", y, describe(s), iku.SKPPredicates[j])
				}
				sum += a.n[j]
				all = all && a.known[j]
			}
			if all && sum != a.rated {
				return nil, iku.Errorf(iku.Invalid, "the ratings table of %d counts %d civil servants for %s but its headcount rated is %d: the counts of the five predicates add up to rated", y, sum, describe(s), a.rated)
			}
			var sup [cols]bool
			for j := range cols {
				sup[j] = !a.known[j]
			}
			t.slugs, t.rated = append(t.slugs, s), append(t.rated, a.rated)
			t.x, t.sup = append(t.x, a.n), append(t.sup, sup)
			t.rows = append(t.rows, r)
		}
		city := len(slugs) - 1
		for j := range cols {
			sum, all := 0, !t.sup[city][j]
			for r := range city {
				sum += t.x[r][j]
				all = all && !t.sup[r][j]
			}
			if all && sum != t.x[city][j] {
				return nil, iku.Errorf(iku.Invalid, "the ratings table of %d gives the city %d civil servants rated %q but its agencies add up to %d: the city's row is the sum of the agencies'", y, t.x[city][j], iku.SKPPredicates[j], sum)
			}
		}
		out = append(out, t)
	}
	return out, nil
}

func describe(slug string) string {
	if slug == "" {
		return "the whole city"
	}
	return fmt.Sprintf("agency %q", slug)
}

// protect suppresses by the package's rule; false when the year cannot be
// protected.
func (t *table) protect(k int) bool {
	for _, r := range t.rows {
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
	// group suppressed whole has nobody there either.
	if slices.ContainsFunc(t.rows, t.whole) {
		for j := range cols {
			if t.x[t.city()][j] == 0 {
				t.sup[t.city()][j] = true
			}
		}
	}
	for {
		e, ok := t.firstExposed()
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
	for _, r := range t.rows {
		if r != e.r && !t.sup[r][e.j] && t.x[r][e.j] > 0 {
			cs = append(cs, cellRef{r, e.j})
		}
	}
	slices.SortStableFunc(cs, func(a, b cellRef) int { return cmp.Compare(t.x[a.r][a.j], t.x[b.r][b.j]) })
	return cs
}

// complement suppresses one more cell (or row) for exposed cell e; false
// when nothing is left to suppress. Of the candidates, it takes the first
// of: those that make e undetermined before those that do not; then those
// that leave the fewest cells of the table exposed; then the smallest.
func (t *table) complement(e cellRef) bool {
	if c, ok := t.best(e, t.candidates(e)); ok {
		t.sup[c.r][c.j] = true
		return true
	}
	if c, ok := t.best(e, t.anywhere()); ok && !t.exposedWith(e, c) {
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
	for _, r := range t.rows {
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

// best is the candidate to suppress for e by the order of complement.
func (t *table) best(e cellRef, cs []cellRef) (cellRef, bool) {
	best, bestKey := -1, [3]int{}
	for i, c := range cs {
		t.sup[c.r][c.j] = true
		key := [3]int{1, t.countExposed(), t.x[c.r][c.j]}
		if !t.exposed(e) {
			key[0] = 0
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

func (t *table) exposedWith(e, c cellRef) bool {
	t.sup[c.r][c.j] = true
	defer func() { t.sup[c.r][c.j] = false }()
	return t.exposed(e)
}

// anywhere lists every published non-zero cell, in table order.
func (t *table) anywhere() []cellRef {
	var cs []cellRef
	for _, r := range t.rows {
		for j := range cols {
			if !t.sup[r][j] && t.x[r][j] > 0 {
				cs = append(cs, cellRef{r, j})
			}
		}
	}
	return cs
}

func (t *table) countExposed() int {
	n := 0
	for _, r := range t.rows {
		for j := range cols {
			if t.sup[r][j] && t.exposed(cellRef{r, j}) {
				n++
			}
		}
	}
	return n
}

func (t *table) whole(r int) bool { return t.sup[r] == [cols]bool{true, true, true, true, true} }

func (t *table) firstExposed() (cellRef, bool) {
	for _, r := range t.rows {
		for j := range cols {
			if t.sup[r][j] && t.exposed(cellRef{r, j}) {
				return cellRef{r, j}, true
			}
		}
	}
	return cellRef{}, false
}

// lower is what an attacker knows a suppressed cell of row r is at least:
// 0 in a row suppressed whole and in the city row, else 1 (zeros are
// hidden only there).
func (t *table) lower(r int) int {
	if t.whole(r) || r == t.city() {
		return 0
	}
	return 1
}

// exposed reports whether suppressed cell e has only one value consistent
// with everything published. Nodes: rows 0..n (the city is n), then the
// five columns. A suppressed agency cell may increase (edge row → column)
// and, when above its lower bound, decrease (column → row); the city's
// cells carry the opposite sign in the column equations, so their edges
// run the other way. e has a second value when a directed cycle runs
// through one of its own edges.
func (t *table) exposed(e cellRef) bool {
	n := len(t.slugs)
	city := n - 1
	adj := make([][]int, n+cols)
	for _, r := range t.rows {
		for j := range cols {
			if !t.sup[r][j] || (cellRef{r, j}) == e {
				continue
			}
			inc, dec := [2]int{r, n + j}, [2]int{n + j, r}
			if r == city {
				inc, dec = dec, inc
			}
			adj[inc[0]] = append(adj[inc[0]], inc[1])
			if t.x[r][j] > t.lower(r) {
				adj[dec[0]] = append(adj[dec[0]], dec[1])
			}
		}
	}
	reach := func(from, to int) bool {
		seen := make([]bool, len(adj))
		stack := []int{from}
		seen[from] = true
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if v == to {
				return true
			}
			for _, w := range adj[v] {
				if !seen[w] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
		return false
	}
	row, col := e.r, n+e.j
	canDec := t.x[e.r][e.j] > t.lower(e.r)
	if e.r == city {
		// increase: col → row, then back row ⇝ col; decrease: row → col, then col ⇝ row
		return !(reach(row, col) || canDec && reach(col, row))
	}
	// increase: row → col, then col ⇝ row; decrease: col → row, then row ⇝ col
	return !(reach(col, row) || canDec && reach(row, col))
}

func (t *table) published() []iku.RatingCount {
	var out []iku.RatingCount
	for _, r := range t.rows {
		for j := range cols {
			rc := iku.RatingCount{AgencySlug: t.slugs[r], Year: t.year, Predicate: iku.SKPPredicates[j], Rated: t.rated[r]}
			if !t.sup[r][j] {
				n := t.x[r][j]
				rc.Count = &n
			}
			out = append(out, rc)
		}
	}
	return out
}

// Share is count / rated × 100 with one decimal, rounded half away from
// zero, exactly (no float64); nil when the count is suppressed or nobody
// was rated.
func Share(count *int, rated int) *iku.Decimal {
	if count == nil || rated <= 0 {
		return nil
	}
	d := iku.RatDecimal(big.NewRat(int64(*count)*100, int64(rated)), 1)
	return &d
}

// Distribution is one row of a published table: an agency's (or the
// city's, AgencySlug "") counts per predicate in one year, in the order of
// iku.SKPPredicates, nil where suppressed.
type Distribution struct {
	AgencySlug string
	Year       int
	Rated      int
	Counts     [5]*int
}

// Suppressed reports whether any count is.
func (d Distribution) Suppressed() bool {
	return slices.Contains(d.Counts[:], nil)
}

// Distributions groups a published table into rows, in its order.
func Distributions(rows []iku.RatingCount) []Distribution {
	var out []Distribution
	for _, r := range rows {
		j := slices.Index(iku.SKPPredicates, r.Predicate)
		if j < 0 {
			continue
		}
		if n := len(out); n == 0 || out[n-1].AgencySlug != r.AgencySlug || out[n-1].Year != r.Year {
			out = append(out, Distribution{AgencySlug: r.AgencySlug, Year: r.Year, Rated: r.Rated})
		}
		out[len(out)-1].Counts[j] = r.Count
	}
	return out
}
