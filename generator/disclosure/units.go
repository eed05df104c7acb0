package disclosure

import (
	"cmp"
	"math/big"
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Service units are places, never people; but a unit's value rests on
// people (a puskesmas's waiting time on its patients, a school's literacy
// on its pupils), and a value resting on a handful of them says more about
// those few than about the place. So a unit's quarter is published only
// when the count it rests on (iku.UnitResult.Count: patients, pupils,
// visits) reaches the threshold unit_min_count of data/privasi.toml
// (content/metodologi.md, "Unit layanan"):
//
//  1. Primary: a unit-quarter whose count is below the threshold (or
//     unknown while it has a value) publishes no value: its actual,
//     numerator, denominator and count are removed and it is marked
//     Suppressed, so that every surface shows only the sentence that the
//     count is too small to judge.
//  2. Secondary: the agency's quarter of a measured indicator is the sum
//     of its units' (publik.results and publik.unit_results consolidate
//     alike), and it is published with its numerator and denominator; so
//     one hidden unit could be recovered by subtraction. In each indicator
//     and quarter, while the hidden units are exactly one, or their counts
//     add up to less than the threshold, the published unit with the
//     smallest count (ties: by slug) is hidden too.
//
// A row kinerja suppressed before (read back from a published bundle)
// stays suppressed.

// DefaultUnitMinCount is the smallest count a unit's published value may
// rest on; MinUnitMinCount the smallest threshold the rules allow.
const (
	DefaultUnitMinCount = 30
	MinUnitMinCount     = 10
)

// CheckUnitMinCount refuses a threshold below MinUnitMinCount with one
// sentence naming the setting.
func CheckUnitMinCount(n int) error {
	if n < MinUnitMinCount {
		return iku.Errorf(iku.Invalid, "the service-unit threshold unit_min_count = %d in data/privasi.toml is below %d, the smallest the rules allow (a value resting on fewer patients or pupils says more about them than about the place): set unit_min_count to %d or more", n, MinUnitMinCount, MinUnitMinCount)
	}
	return nil
}

// SuppressUnits applies the rule above to ds.UnitResults in place.
func SuppressUnits(ds *iku.Dataset, minCount int) error {
	if err := CheckUnitMinCount(minCount); err != nil {
		return err
	}
	limit := big.NewRat(int64(minCount), 1)
	hasValue := func(r *iku.UnitResult) bool { return r.Actual != nil || r.Numerator != nil || r.Denominator != nil }
	rs := ds.UnitResults
	// The counts as loaded, before hiding removes them.
	counts := make([]*big.Rat, len(rs))
	had := make([]bool, len(rs)) // a value that hiding protects
	for i := range rs {
		counts[i] = new(big.Rat)
		if rs[i].Count != nil {
			counts[i] = rs[i].Count.Rat()
		}
		// A count of 0 (no patients) has nothing to recover.
		had[i] = hasValue(&rs[i]) && (rs[i].Count == nil || counts[i].Sign() != 0)
	}
	type group struct {
		ind string
		q   iku.Quarter
	}
	groups := map[group][]int{}
	var order []group
	for i := range rs {
		r := &rs[i]
		if r.Suppressed || (r.Count == nil && hasValue(r)) || (r.Count != nil && counts[i].Cmp(limit) < 0) {
			hide(r)
		}
		g := group{r.IndicatorSlug, r.Quarter}
		if groups[g] == nil {
			order = append(order, g)
		}
		groups[g] = append(groups[g], i)
	}
	for _, g := range order {
		rows := groups[g]
		for {
			hidden, total := 0, new(big.Rat)
			var open []int
			for _, i := range rows {
				switch {
				case rs[i].Suppressed && had[i]:
					hidden++
					total.Add(total, counts[i])
				case rs[i].Suppressed:
				case hasValue(&rs[i]):
					open = append(open, i)
				}
			}
			if hidden == 0 || len(open) == 0 || (hidden > 1 && total.Cmp(limit) >= 0) {
				break
			}
			next := slices.MinFunc(open, func(a, b int) int {
				return cmp.Or(counts[a].Cmp(counts[b]), strings.Compare(rs[a].UnitSlug, rs[b].UnitSlug))
			})
			hide(&rs[next])
		}
	}
	return nil
}

// hide removes a unit-quarter's value and everything it could be
// recomputed from, and marks it suppressed.
func hide(r *iku.UnitResult) {
	r.Actual, r.Numerator, r.Denominator, r.Count = nil, nil, nil, nil
	r.Suppressed = true
}
