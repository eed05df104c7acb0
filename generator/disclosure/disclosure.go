// Package disclosure applies statistical disclosure control to the table
// of civil servants' ratings (iku.RatingCount) before anything is written:
// the pipeline replaces the dataset's table with Protect's result right
// after loading it, so that pages, charts, downloads, the API, the search
// index and releases only ever see the published table.
//
// The rule (content/metodologi.md, "Kinerja ASN"; DOMAIN.md, "Privacy"),
// for each year's table: one row per agency plus the city row, one column
// per SKP predicate, every row's headcount rated published, and so every
// column's city total too.
//
//  1. Small groups: a row whose headcount rated is below 2k is suppressed
//     whole (all five cells, zeros included), so that no group smaller
//     than 2k is shown with 0 % or 100 % in a category; and then the
//     city's cells that are 0 too (they would show that the small group
//     has nobody there).
//  2. Primary suppression: a count from 1 to k−1 is suppressed.
//  3. Secondary suppression: the table is audited as a reader would solve
//     it (every row and column equation, the city totals, and that
//     counts are whole numbers ≥ 0; a cell suppressed for the first time
//     in an agency's row that is not suppressed whole is ≥ 1, since zeros
//     are first hidden only in whole rows and in the city row). Every
//     hidden count must keep at least 3 possible values (Values; a group
//     of one person has only 2). While one has fewer, the first such cell
//     (rows in table order, the city row last; columns in predicate
//     order) gets a complementary cell among the published non-zero cells
//     of its row and its column: preferably one whose suppression gives it
//     enough values; among those, the one that leaves the fewest cells of
//     the table with too few; then the smallest count (ties: its row
//     before its column, then table order). When no cell of its row or
//     column can protect it, a published non-zero cell anywhere in the
//     table that does, chosen the same way; else the best of its row and
//     column anyway. Then the audit runs again. When its row and column
//     have no published non-zero cell left, its row is suppressed whole. A
//     year that still cannot be protected when every cell is suppressed is
//     not published at all.
//  4. Releases (consistent suppression, as statistical offices suppress
//     linked tables across releases): every version of a year's table
//     stays downloadable, so a later release's table of the same year is
//     audited together with every one published before (Revise). A cell
//     hidden in any earlier version stays hidden, zeros included (a
//     reader then knows only that it is ≥ 0). The reader is assumed to
//     know that between two consecutive versions that differ exactly one
//     rating changed (a predicate corrected, a rating added or removed):
//     every hidden count of every version must keep 3 possible values
//     under every chain of such changes that fits what was published;
//     while one has fewer, one more cell of the new version is hidden (at
//     most three: the one leaving the fewest such counts, then the
//     smallest). When the revised table cannot pass (a count shown before
//     and hidden now can only be its old value or one off, so a count
//     shown as 0 that becomes a small count never keeps 3 values), the
//     revision of that year is not published: the table published before
//     is kept, and the release records the year (iku.Dataset.RatingsKept).
//
// The audit is exact: the table with its margins is a transportation
// problem (totally unimodular), so the values of one hidden count are all
// the whole numbers between its least and its greatest, found from a
// consistent table with maximum flows around cycles of hidden cells
// (flow.go); several versions linked by one change each are, for each
// guess of the changes, one such table (joint.go).
//
// A suppressed cell is a nil Count. Years are independent tables: nothing
// published sums counts over years. Shares are computed only from
// published counts (Share), so a suppressed count never reappears as a
// percentage.
//
// Raw counts in, or nothing: suppressing is kinerja's job, so a ratings
// table that arrives with empty counts, or whose counts do not add up to
// its headcounts (small ones blanked or set to 0), is refused, unless it
// is a table kinerja published itself (iku.Dataset.RatingsPublished: read
// back from a release or from a bundle kinerja wrote), which is checked
// against k and kept as it is.
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

// Protect replaces ds.Ratings with the table that may be published: raw
// counts are suppressed (Revise, consistently with earlier, the ratings
// tables published before in publication order) and ds is marked
// RatingsPublished; a table kinerja published before is checked against
// k and kept. Ratings of an agency that is not in ds.Agencies are refused.
func Protect(ds *iku.Dataset, k int, earlier [][]iku.RatingCount) error {
	if err := CheckK(k); err != nil {
		return err
	}
	if len(ds.Ratings) == 0 {
		return nil
	}
	known := make(map[string]bool, len(ds.Agencies))
	for _, a := range ds.Agencies {
		known[a.Slug] = true
	}
	for _, r := range ds.Ratings {
		if r.AgencySlug != "" && !known[r.AgencySlug] {
			return iku.Errorf(iku.Invalid, "the ratings table (%d) names agency %q, which is not in the agencies table: add the agency or remove its ratings (publik.ratings, ratings.csv)", r.Year, r.AgencySlug)
		}
	}
	if ds.RatingsPublished {
		out, err := published(ds.Ratings, k)
		if err != nil {
			return err
		}
		ds.Ratings = out
		return nil
	}
	out, kept, err := Revise(ds.Ratings, k, earlier)
	if err != nil {
		return err
	}
	ds.Ratings, ds.RatingsKept, ds.RatingsPublished = out, kept, true
	return nil
}

// published checks a table published before against k and returns it in
// order.
func published(rows []iku.RatingCount, k int) ([]iku.RatingCount, error) {
	years, err := tables(rows, false)
	if err != nil {
		return nil, err
	}
	var out []iku.RatingCount
	for _, t := range years {
		if r, j, ok := t.showsBelow(k); ok {
			return nil, iku.Errorf(iku.Invalid, "the ratings table of %d publishes a count of %d (%s, %s), below the privacy threshold k = %d: it was published with a smaller k; rebuild it from the database", t.year, t.x[r][j], t.name(r), iku.SKPPredicates[j], k)
		}
		out = append(out, t.published()...)
	}
	return out, nil
}

// showsBelow finds a shown count from 1 to k−1.
func (t *table) showsBelow(k int) (r, j int, ok bool) {
	for r := range t.slugs {
		for j := range cols {
			if !t.sup[r][j] && t.x[r][j] > 0 && t.x[r][j] < k {
				return r, j, true
			}
		}
	}
	return 0, 0, false
}

// Revise returns the published table of rows (raw counts, none nil), in
// the order year, agency slug (the city last), predicate, with every
// suppressed count nil. earlier are the ratings tables published before,
// oldest first (each a whole published table, of any years): each year is
// suppressed consistently with every earlier version of it (rule 4). kept
// are the years whose revised table could not be published, for which the
// table published last is returned instead. A year without its city row
// gets one summed from its agencies.
func Revise(rows []iku.RatingCount, k int, earlier [][]iku.RatingCount) (out []iku.RatingCount, kept []int, err error) {
	if err := CheckK(k); err != nil {
		return nil, nil, err
	}
	years, err := tables(rows, true)
	if err != nil {
		return nil, nil, err
	}
	history := map[int][]*table{}
	for i, e := range earlier {
		ts, err := tables(e, false)
		if err != nil {
			return nil, nil, iku.Wrap(err, iku.Invalid, "the ratings table of the %s release published before does not read (%s): restore the releases folder from the office's copy", ordinal(i+1), iku.ErrorMessage(err))
		}
		for _, t := range ts {
			h := history[t.year]
			if len(h) == 0 || !same(h[len(h)-1], t) {
				history[t.year] = append(h, t)
			}
		}
	}
	for _, t := range years {
		pub, wasKept := revise(t, k, history[t.year])
		if wasKept {
			kept = append(kept, t.year)
		}
		if pub != nil {
			out = append(out, pub.published()...)
		}
	}
	return out, kept, nil
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return fmt.Sprintf("%dth", n)
}

// revise suppresses t consistently with hist, the versions of its year
// published before (oldest first, consecutive ones different). It returns
// the table to publish (nil: none) and whether it is the one published
// last, kept because the revision cannot be published.
func revise(t *table, k int, hist []*table) (*table, bool) {
	if len(hist) == 0 {
		if !t.protect(k) {
			return nil, false // cannot be protected: the year is not published
		}
		return t, false
	}
	last := hist[len(hist)-1]
	keep := func() (*table, bool) {
		if _, _, ok := last.showsBelow(k); ok {
			return nil, true // k was raised since: publish nothing of the year
		}
		return last, true
	}
	for r, s := range t.slugs {
		for _, h := range hist {
			if hr := h.row(s); hr >= 0 {
				for j := range cols {
					if h.sup[hr][j] {
						t.sup[r][j], t.carried[r][j] = true, true
					}
				}
			}
		}
	}
	t.primary(k)
	if t.hopeless(last) {
		return keep()
	}
	if !t.protect(k) || t.hopeless(last) {
		return keep()
	}
	if same(t, last) {
		return t, false
	}
	// Secondary suppression for the versions together: while the audit
	// finds a hidden count with too few values, hide one more cell of
	// this version (rarely enough: a cell hidden for the first time is
	// itself only one change away from the count shown before).
	for round := 0; round < maxJointComplements; round++ {
		weak, ok := t.jointAudit(hist)
		if ok && len(weak) == 0 {
			return t, false
		}
		if !ok {
			break
		}
		c, found := t.jointComplement(hist, last, weak)
		if !found {
			break
		}
		t.sup[c.r][c.j] = true
		if !t.protect(k) || t.hopeless(last) {
			break
		}
	}
	return keep()
}

// maxJointComplements bounds the cells revise hides for the joint audit.
const maxJointComplements = 3

// jointAudit audits t together with hist (see jointWeak), from the last
// pair of earlier versions that no single change explains: such a pair
// links nothing a reader could use.
func (t *table) jointAudit(hist []*table) ([]weakCell, bool) {
	vs, slugs := versions(append(slices.Clone(hist), t))
	start := 0
	for i := len(vs) - 3; i >= 0; i-- {
		if len(changes(vs[i], vs[i+1])) == 0 {
			start = i + 1
			break
		}
	}
	weak, ok := jointWeak(vs[start:])
	for i := range weak {
		weak[i].v += start
		weak[i].slug = slugs[weak[i].r]
	}
	return weak, ok
}

// jointComplement chooses the published non-zero cell of t, in the rows
// and columns of the weak cells, whose suppression leaves the fewest
// weak cells (then the smallest count, then table order).
func (t *table) jointComplement(hist []*table, last *table, weak []weakCell) (cellRef, bool) {
	var cs []cellRef
	for _, w := range weak {
		wr := t.row(w.slug)
		for r := range t.slugs {
			for j := range cols {
				c := cellRef{r, j}
				if (r == wr || j == w.j) && !t.sup[r][j] && t.x[r][j] > 0 && !slices.Contains(cs, c) {
					cs = append(cs, c)
				}
			}
		}
	}
	slices.SortStableFunc(cs, func(a, b cellRef) int {
		return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(a.j, b.j))
	})
	best, bestKey := -1, [2]int{}
	for i, c := range cs {
		t.sup[c.r][c.j] = true
		if !t.hopeless(last) {
			if w, ok := t.jointAudit(hist); ok {
				key := [2]int{len(w), t.x[c.r][c.j]}
				if best < 0 || key[0] < bestKey[0] || key[0] == bestKey[0] && key[1] < bestKey[1] {
					best, bestKey = i, key
				}
			}
		}
		t.sup[c.r][c.j] = false
	}
	if best < 0 || bestKey[0] >= len(weak) {
		return cellRef{}, false
	}
	return cs[best], true
}

// hopeless reports whether t hides for the first time a cell that the
// version before it showed so low that it cannot keep enough values: one
// change away from its old count a, it can only be a−1, a or a+1, and not
// below its lower bound.
func (t *table) hopeless(last *table) bool {
	for r, s := range t.slugs {
		lr := last.row(s)
		for j := range cols {
			if !t.sup[r][j] || t.carried[r][j] {
				continue
			}
			a := 0 // a row the last version lacks had nobody rated
			if lr >= 0 {
				a = last.x[lr][j]
			}
			n := 0
			for x := a - 1; x <= a+1; x++ {
				if x >= t.lower(r, j) && x <= t.rated[r] {
					n++
				}
			}
			if n < need(t.rated[r]) {
				return true
			}
		}
	}
	return false
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
