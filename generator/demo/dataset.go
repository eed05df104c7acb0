package demo

import (
	"cmp"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Dataset aggregates the raw tables into the publishable Dataset, by the
// same rules as the database's publik views, so that a test can compare
// both byte for byte:
//
//   - Sectors, agencies, predicates, indicators and targets are copied in
//     slice order.
//   - Results are one row per indicator and quarter that has rows: a
//     quarter with no measurement and no entry has no result at all. A
//     measurement belongs to the quarter of its month ((Month−1)/3 + 1).
//   - From measurements of a sum indicator: Actual = Σ Value, exact,
//     written with the largest scale (digits after the point) among the
//     summed values, as PostgreSQL's sum(numeric) does; Numerator and
//     Denominator are nil.
//   - From measurements of an average indicator: Numerator = Σ Numerator,
//     Denominator = Σ Denominator (exact, largest scale), and Actual =
//     round(Σ Numerator × Multiplier / Σ Denominator, Decimals), rounded
//     half away from zero (iku.RatDecimal, as PostgreSQL's round(numeric,
//     int)); Actual is nil when Σ Denominator is 0 or either sum is nil.
//   - NULLs are skipped as SQL aggregates skip them: a nil Value, Numerator
//     or Denominator does not count, and a sum over nothing but nils is nil.
//   - Provisional is true when any measurement of the quarter (whatever its
//     values) is not Verified.
//   - From entries: Actual = Value, Numerator and Denominator as stored
//     (nil stays nil), Provisional as stored.
//   - Results are sorted by indicator (in dataset order), year, quarter.
//
// Measurements exist only for sum and average indicators, and an
// indicator's quarter comes either from measurements or from an entry,
// never both; Dataset panics when the City breaks these rules, or names an
// indicator it does not have, since a City is built by code.
func (c *City) Dataset() *iku.Dataset {
	ds := &iku.Dataset{
		Fictitious:   true,
		Sectors:      slices.Clone(c.Sectors),
		Agencies:     slices.Clone(c.Agencies),
		Predicates:   slices.Clone(c.Predicates),
		Indicators:   slices.Clone(c.Indicators),
		Targets:      slices.Clone(c.Targets),
		Explanations: slices.Clone(c.Explanations),
	}
	pos := make(map[string]int, len(c.Indicators))
	for i, ind := range c.Indicators {
		pos[ind.Slug] = i
	}
	type key struct{ ind, year, q int }
	type acc struct {
		value, num, den sums
		provisional     bool
	}
	measured := map[key]*acc{}
	var keys []key
	for _, m := range c.Measurements {
		i, ok := pos[m.IndicatorSlug]
		if !ok {
			panic(fmt.Sprintf("demo: a measurement names the indicator %q, which the city does not have", m.IndicatorSlug))
		}
		if m.Month < 1 || m.Month > 12 {
			panic(fmt.Sprintf("demo: a measurement of %q has month %d", m.IndicatorSlug, m.Month))
		}
		k := key{i, m.Year, (m.Month-1)/3 + 1}
		a := measured[k]
		if a == nil {
			a = &acc{}
			measured[k] = a
			keys = append(keys, k)
		}
		switch c.Indicators[i].Consolidation {
		case iku.Sum:
			a.value.add(m.Value)
		case iku.Average:
			a.num.add(m.Numerator)
			a.den.add(m.Denominator)
		default:
			panic(fmt.Sprintf("demo: indicator %q has measurements but consolidation %q; only sum and average indicators are measured", m.IndicatorSlug, c.Indicators[i].Consolidation))
		}
		a.provisional = a.provisional || !m.Verified
	}
	type row struct {
		key
		r iku.Result
	}
	rows := make([]row, 0, len(keys)+len(c.Entries))
	for _, k := range keys {
		ind := c.Indicators[k.ind]
		a := measured[k]
		r := iku.Result{
			IndicatorSlug: ind.Slug,
			Quarter:       iku.Quarter{Year: k.year, Q: k.q},
			Provisional:   a.provisional,
		}
		if ind.Consolidation == iku.Sum {
			r.Actual = a.value.decimal()
		} else {
			r.Numerator, r.Denominator = a.num.decimal(), a.den.decimal()
			if r.Numerator != nil && r.Denominator != nil && a.den.sum.Sign() != 0 {
				x := new(big.Rat).Mul(&a.num.sum, ind.Multiplier.Rat())
				x.Quo(x, &a.den.sum)
				d := iku.RatDecimal(x, ind.Decimals)
				r.Actual = &d
			}
		}
		rows = append(rows, row{k, r})
	}
	for _, e := range c.Entries {
		i, ok := pos[e.IndicatorSlug]
		if !ok {
			panic(fmt.Sprintf("demo: an entry names the indicator %q, which the city does not have", e.IndicatorSlug))
		}
		k := key{i, e.Quarter.Year, e.Quarter.Q}
		if measured[k] != nil {
			panic(fmt.Sprintf("demo: indicator %q has both measurements and an entry for %s", e.IndicatorSlug, e.Quarter))
		}
		rows = append(rows, row{k, iku.Result{
			IndicatorSlug: e.IndicatorSlug,
			Quarter:       e.Quarter,
			Actual:        clonePtr(e.Value),
			Numerator:     clonePtr(e.Numerator),
			Denominator:   clonePtr(e.Denominator),
			Provisional:   e.Provisional,
		}})
	}
	byKey := func(a, b row) int {
		switch {
		case a.ind != b.ind:
			return cmp.Compare(a.ind, b.ind)
		case a.year != b.year:
			return cmp.Compare(a.year, b.year)
		}
		return cmp.Compare(a.q, b.q)
	}
	if !slices.IsSortedFunc(rows, byKey) {
		slices.SortStableFunc(rows, byKey)
	}
	if len(rows) > 0 {
		ds.Results = make([]iku.Result, len(rows))
		for i, r := range rows {
			ds.Results[i] = r.r
		}
	}
	ds.Ratings = c.ratingCounts()
	ds.Units, ds.UnitResults = c.unitResults(pos)
	return ds
}

// unitResults aggregates the measurements per indicator, service unit and
// quarter as the view publik.unit_results does: the rules of Dataset for
// measured quarters, over one unit's measurements; Count is Σ Denominator
// for an average indicator, the Actual for a sum. Units are those with
// measurements, by slug; results by indicator (dataset order), unit slug,
// year and quarter.
func (c *City) unitResults(pos map[string]int) ([]iku.ServiceUnit, []iku.UnitResult) {
	units := make(map[string]ServiceUnit, len(c.ServiceUnits))
	for _, u := range c.ServiceUnits {
		units[u.Slug] = u
	}
	type key struct {
		ind  int
		unit string
		year int
		q    int
	}
	type acc struct {
		value, num, den sums
		provisional     bool
	}
	measured := map[key]*acc{}
	var keys []key
	for _, m := range c.Measurements {
		if _, ok := units[m.UnitSlug]; !ok {
			panic(fmt.Sprintf("demo: a measurement of %q names the service unit %q, which the city does not have", m.IndicatorSlug, m.UnitSlug))
		}
		k := key{pos[m.IndicatorSlug], m.UnitSlug, m.Year, (m.Month-1)/3 + 1}
		a := measured[k]
		if a == nil {
			a = &acc{}
			measured[k] = a
			keys = append(keys, k)
		}
		if c.Indicators[k.ind].Consolidation == iku.Sum {
			a.value.add(m.Value)
		} else {
			a.num.add(m.Numerator)
			a.den.add(m.Denominator)
		}
		a.provisional = a.provisional || !m.Verified
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.ind, b.ind), strings.Compare(a.unit, b.unit),
			cmp.Compare(a.year, b.year), cmp.Compare(a.q, b.q))
	})
	var out []iku.UnitResult
	used := map[string]bool{}
	for _, k := range keys {
		ind := c.Indicators[k.ind]
		a := measured[k]
		r := iku.UnitResult{
			IndicatorSlug: ind.Slug,
			UnitSlug:      k.unit,
			Quarter:       iku.Quarter{Year: k.year, Q: k.q},
			Provisional:   a.provisional,
		}
		if ind.Consolidation == iku.Sum {
			r.Actual = a.value.decimal()
			r.Count = clonePtr(r.Actual)
		} else {
			r.Numerator, r.Denominator = a.num.decimal(), a.den.decimal()
			r.Count = clonePtr(r.Denominator)
			if r.Numerator != nil && r.Denominator != nil && a.den.sum.Sign() != 0 {
				x := new(big.Rat).Mul(&a.num.sum, ind.Multiplier.Rat())
				x.Quo(x, &a.den.sum)
				d := iku.RatDecimal(x, ind.Decimals)
				r.Actual = &d
			}
		}
		out = append(out, r)
		used[k.unit] = true
	}
	var us []iku.ServiceUnit
	for _, slug := range slices.Sorted(maps.Keys(used)) {
		u := units[slug]
		us = append(us, iku.ServiceUnit{Slug: u.Slug, Name: u.Name, NameEN: u.NameEN, Kind: u.Kind,
			AgencySlug: u.AgencySlug, KecamatanSlug: u.KecamatanSlug})
	}
	return us, out
}

// ratingCounts aggregates the ratings as the view publik.ratings does: for
// each year, each agency with ratings and then the city (AgencySlug ""),
// the count of each predicate (0 included) and the headcount rated; by
// year, agency slug (the city last) and predicate.
func (c *City) ratingCounts() []iku.RatingCount {
	agencyOf := make(map[string]string, len(c.Employees))
	for _, e := range c.Employees {
		agencyOf[e.NIP] = e.AgencySlug
	}
	type key struct {
		year int
		slug string
	}
	counts := map[key]*[5]int{}
	for _, r := range c.Ratings {
		j := slices.Index(iku.SKPPredicates, r.Predicate)
		if j < 0 {
			panic(fmt.Sprintf("demo: a rating has the predicate %q", r.Predicate))
		}
		for _, k := range []key{{r.Year, agencyOf[r.NIP]}, {r.Year, ""}} {
			if counts[k] == nil {
				counts[k] = &[5]int{}
			}
			counts[k][j]++
		}
	}
	keys := slices.Collect(maps.Keys(counts))
	slices.SortFunc(keys, func(a, b key) int {
		if a.year != b.year {
			return cmp.Compare(a.year, b.year)
		}
		if (a.slug == "") != (b.slug == "") {
			if a.slug == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.slug, b.slug)
	})
	var out []iku.RatingCount
	for _, k := range keys {
		n := counts[k]
		rated := n[0] + n[1] + n[2] + n[3] + n[4]
		for j, p := range iku.SKPPredicates {
			v := n[j]
			out = append(out, iku.RatingCount{AgencySlug: k.slug, Year: k.year, Predicate: p, Count: &v, Rated: rated})
		}
	}
	return out
}

// sums is an exact SQL sum(numeric): nil inputs are skipped, the scale of
// the result is the largest scale of the inputs.
type sums struct {
	sum   big.Rat
	scale int
	any   bool
}

func (s *sums) add(d *iku.Decimal) {
	if d == nil {
		return
	}
	s.sum.Add(&s.sum, d.Rat())
	s.scale = max(s.scale, scale(*d))
	s.any = true
}

// decimal is the sum written with its scale, or nil when nothing was added.
func (s *sums) decimal() *iku.Decimal {
	if !s.any {
		return nil
	}
	d := iku.RatDecimal(&s.sum, s.scale)
	return &d
}

// scale counts the digits after the decimal point of d's text.
func scale(d iku.Decimal) int {
	_, frac, ok := strings.Cut(d.String(), ".")
	if !ok {
		return 0
	}
	return len(frac)
}

func clonePtr(d *iku.Decimal) *iku.Decimal {
	if d == nil {
		return nil
	}
	v := *d
	return &v
}
