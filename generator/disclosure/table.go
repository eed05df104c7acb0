package disclosure

import (
	"fmt"
	"slices"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

const cols = 5

// table is one year's table: rows 0..n-2 the agencies (by slug), row n-1
// the city. In a table read back from a release, a hidden cell's x is 0
// and unknown.
type table struct {
	year  int
	slugs []string // per row; "" for the city
	rated []int
	x     [][cols]int
	sup   [][cols]bool
	// carried marks the cells hidden because an earlier published
	// version of the year hid them: they stay hidden whatever their
	// count, zeros included, so a reader knows only that they are ≥ 0.
	carried [][cols]bool
}

func (t *table) city() int { return len(t.slugs) - 1 }

func (t *table) name(r int) string { return describe(t.slugs[r]) }

func describe(slug string) string {
	if slug == "" {
		return "the whole city"
	}
	return fmt.Sprintf("agency %q", slug)
}

func (t *table) whole(r int) bool { return t.sup[r] == [cols]bool{true, true, true, true, true} }

// lower is what a reader knows a hidden cell is at least: 0 in a row
// hidden whole, in the city row and in a cell an earlier version hid;
// else 1 (a first suppression hides a zero only there).
func (t *table) lower(r, j int) int {
	if t.whole(r) || r == t.city() || t.carried[r][j] {
		return 0
	}
	return 1
}

// row returns the index of slug's row, or -1.
func (t *table) row(slug string) int { return slices.Index(t.slugs, slug) }

// same reports whether two tables publish the same: rows, headcounts,
// hidden cells and every shown count.
func same(a, b *table) bool {
	if a.year != b.year || !slices.Equal(a.slugs, b.slugs) || !slices.Equal(a.rated, b.rated) || !slices.Equal(a.sup, b.sup) {
		return false
	}
	for r := range a.x {
		for j := range cols {
			if !a.sup[r][j] && a.x[r][j] != b.x[r][j] {
				return false
			}
		}
	}
	return true
}

// published is the table as rows, hidden counts nil, in the order year,
// agency slug (the city last), predicate.
func (t *table) published() []iku.RatingCount {
	var out []iku.RatingCount
	for r := range t.slugs {
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

// tables groups rows by year and checks them: known predicates, five
// cells per row, counts that add up to the headcount rated, a city row
// that is the sum of the agencies' rows (where both are known). A year
// without its city row gets one summed from its agencies. raw says that
// the rows must be exact counts (none hidden): a table that arrives
// suppressed already is refused, since suppressing is kinerja's job.
func tables(rows []iku.RatingCount, raw bool) ([]*table, error) {
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
		if raw && r.Count == nil {
			return nil, iku.Errorf(iku.Invalid, "the ratings table has no count for %d, %s, predicate %q (it is empty or NULL): give the exact counts, 0 included, in publik.ratings or ratings.csv, not a table suppressed already; kinerja hides small ones itself (k in data/privasi.toml)", r.Year, describe(r.AgencySlug), r.Predicate)
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
	// raw tables must add up; the hint says why a table that does not
	// probably came suppressed already.
	hint := ""
	if raw {
		hint = "; a table whose small counts were left out, blanked or set to 0 is refused: give the exact counts, kinerja hides small ones itself"
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
		ratedSum := 0
		for _, s := range slugs {
			a := byKey[key{y, s}]
			if s == "" {
				a = cityAcc
			} else {
				ratedSum += a.rated
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
				return nil, iku.Errorf(iku.Invalid, "the ratings table of %d counts %d civil servants for %s but its headcount rated is %d: the counts of the five predicates add up to rated%s", y, sum, describe(s), a.rated, hint)
			}
			var sup [cols]bool
			for j := range cols {
				sup[j] = !a.known[j]
			}
			t.slugs, t.rated = append(t.slugs, s), append(t.rated, a.rated)
			t.x, t.sup = append(t.x, a.n), append(t.sup, sup)
			t.carried = append(t.carried, [cols]bool{})
		}
		city := t.city()
		if t.rated[city] != ratedSum {
			return nil, iku.Errorf(iku.Invalid, "the ratings table of %d gives the whole city a headcount rated of %d but its agencies add up to %d: the city's row is the sum of the agencies'%s", y, t.rated[city], ratedSum, hint)
		}
		for j := range cols {
			sum, all := 0, !t.sup[city][j]
			for r := range city {
				sum += t.x[r][j]
				all = all && !t.sup[r][j]
			}
			if all && sum != t.x[city][j] {
				return nil, iku.Errorf(iku.Invalid, "the ratings table of %d gives the city %d civil servants rated %q but its agencies add up to %d: the city's row is the sum of the agencies'%s", y, t.x[city][j], iku.SKPPredicates[j], sum, hint)
			}
		}
		out = append(out, t)
	}
	return out, nil
}
