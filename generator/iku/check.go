package iku

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Validate checks the dataset before anything is computed from it and
// returns the first problem found as an *Error of Kind Invalid: one
// sentence naming the row and what to fix; duplicates (slugs, targets,
// results, predicates, explanations) are reported all at once. The text of every table is
// checked first (CheckText: UTF-8, no control characters), then the
// tables in the order sectors, agencies, indicators, targets, results,
// predicates.
func (ds *Dataset) Validate() error {
	_, err := indexDataset(ds)
	return err
}

// Years a target or result may have, as ParseQuarter accepts them.
const minYear, maxYear = 1900, 9999

// maxDecimals is the most decimals an indicator may be published with, as
// the database's CHECK allows.
const maxDecimals = 10

// Predicates are the organisation predicates of PermenPANRB 6/2022, as the
// database's CHECK allows them.
var Predicates = []string{"Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"}

// index holds the dataset's rows grouped by what they belong to, as
// positions in the dataset's slices, so that nothing is searched twice.
type index struct {
	sector     map[string]int
	agency     map[string]int
	indicator  map[string]int
	targets    [][]int // per indicator
	results    [][]int // per indicator
	predicates [][]int // per agency
	explained  [][]int // explanations, per indicator
}

func indexDataset(ds *Dataset) (*index, error) {
	if ds == nil || len(ds.Indicators) == 0 {
		return nil, Errorf(Invalid, "the dataset has no indicators; load a source whose indicators table has at least one row")
	}
	if err := checkTexts(ds); err != nil {
		return nil, err
	}
	ix := &index{
		sector:     make(map[string]int, len(ds.Sectors)),
		agency:     make(map[string]int, len(ds.Agencies)),
		indicator:  make(map[string]int, len(ds.Indicators)),
		targets:    make([][]int, len(ds.Indicators)),
		results:    make([][]int, len(ds.Indicators)),
		predicates: make([][]int, len(ds.Agencies)),
		explained:  make([][]int, len(ds.Indicators)),
	}

	// Duplicates are collected and reported together: the slugs' after
	// the tables that name them, the rows' at the end.
	var slugDups, rowDups []twice
	for i, s := range ds.Sectors {
		if err := checkRow("sector", "sectors", i, s.Slug, s.Name, ix.sector, &slugDups); err != nil {
			return nil, err
		}
	}
	for i, a := range ds.Agencies {
		if err := checkRow("agency", "agencies", i, a.Slug, a.Name, ix.agency, &slugDups); err != nil {
			return nil, err
		}
	}
	for i := range ds.Indicators {
		ind := &ds.Indicators[i]
		if err := checkRow("indicator", "indicators", i, ind.Slug, ind.Name, ix.indicator, &slugDups); err != nil {
			return nil, err
		}
	}
	if err := duplicates(slugDups, "slugs appear twice", "give each row its own slug"); err != nil {
		return nil, err
	}

	for _, a := range ds.Agencies {
		if err := checkRef("agency", a.Slug, "sector", "sectors", "sector_slug", a.SectorSlug, ix.sector); err != nil {
			return nil, err
		}
		// The kind becomes part of a comparison's address (/banding/<kind>-…/):
		// a code, never free text. Sources normalise it (NormaliseKind).
		if a.Kind != "" && !slices.Contains(AgencyKinds, a.Kind) {
			return nil, Errorf(Invalid, "agency %q has kind %q; use one of %s, in lower case", a.Slug, a.Kind, KindList())
		}
	}

	for i := range ds.Indicators {
		ind := &ds.Indicators[i]
		if err := checkIndicator(ind, ix); err != nil {
			return nil, err
		}
		for _, v := range []struct {
			name string
			d    *Decimal
		}{{"multiplier", &ind.Multiplier}, {"min_value", ind.MinValue}, {"max_value", ind.MaxValue}} {
			if v.d != nil {
				if err := checkBounds(*v.d); err != nil {
					return nil, Errorf(Invalid, "indicator %q has %s %s, which %s", ind.Slug, v.name, abbrev(*v.d), err)
				}
			}
		}
	}

	// Rows usually come grouped by indicator: remember the last lookup.
	lastSlug, last := "", -1
	indicatorOf := func(slug string) (int, bool) {
		if slug != lastSlug || last < 0 {
			n, ok := ix.indicator[slug]
			if !ok {
				return 0, false
			}
			lastSlug, last = slug, n
		}
		return last, true
	}

	for i := range ds.Targets {
		t := &ds.Targets[i]
		n, ok := indicatorOf(t.IndicatorSlug)
		if !ok {
			return nil, Errorf(Invalid, "row %d of the targets table (%d) names indicator %q, which is not in the indicators table; add the indicator or fix indicator_slug", i+1, t.Year, t.IndicatorSlug)
		}
		if err := checkTarget(t); err != nil {
			return nil, err
		}
		for _, d := range []*Decimal{&t.Value, t.High} {
			if d != nil {
				if err := checkBounds(*d); err != nil {
					return nil, Errorf(Invalid, "the target of indicator %q for %s is %s, which %s", t.IndicatorSlug, targetPeriod(t), abbrev(*d), err)
				}
			}
		}
		ix.targets[n] = append(ix.targets[n], i)
	}

	for i := range ds.Results {
		r := &ds.Results[i]
		n, ok := indicatorOf(r.IndicatorSlug)
		if !ok {
			return nil, Errorf(Invalid, "row %d of the results table (%s) names indicator %q, which is not in the indicators table; add the indicator or fix indicator_slug", i+1, r.Quarter, r.IndicatorSlug)
		}
		if r.Quarter.Q < 1 || r.Quarter.Q > 4 {
			return nil, Errorf(Invalid, "the result of indicator %q for year %d has quarter %d; use 1 to 4", r.IndicatorSlug, r.Quarter.Year, r.Quarter.Q)
		}
		if r.Quarter.Year < minYear || r.Quarter.Year > maxYear {
			return nil, Errorf(Invalid, "the result of indicator %q for quarter %d has year %d; use a year from %d to %d", r.IndicatorSlug, r.Quarter.Q, r.Quarter.Year, minYear, maxYear)
		}
		for _, v := range []struct {
			name string
			d    *Decimal
		}{{"actual", r.Actual}, {"numerator", r.Numerator}, {"denominator", r.Denominator}} {
			if v.d != nil {
				if err := checkBounds(*v.d); err != nil {
					return nil, Errorf(Invalid, "the %s of indicator %q for %s is %s, which %s", v.name, r.IndicatorSlug, r.Quarter, abbrev(*v.d), err)
				}
			}
		}
		if r.Denominator != nil && fixedOf(*r.Denominator).sign() < 0 {
			return nil, Errorf(Invalid, "the result of indicator %q for %s has the negative denominator %s; a denominator counts patients or respondents, so fix the value", r.IndicatorSlug, r.Quarter, r.Denominator)
		}
		ix.results[n] = append(ix.results[n], i)
	}

	// Each indicator has one target per period and one result per quarter.
	var keys []int
	for n := range ds.Indicators {
		keys = keys[:0]
		for _, i := range ix.targets[n] {
			keys = append(keys, ds.Targets[i].Year*5+ds.Targets[i].Quarter)
		}
		for _, k := range repeated(keys) {
			t := &Target{Year: k / 5, Quarter: k % 5}
			rowDups = append(rowDups, twice{fmt.Sprintf("indicator %q has two targets for %s", ds.Indicators[n].Slug, targetPeriod(t)), "keep one"})
		}
		keys = keys[:0]
		for _, i := range ix.results[n] {
			keys = append(keys, ds.Results[i].Quarter.Index())
		}
		for _, k := range repeated(keys) {
			rowDups = append(rowDups, twice{fmt.Sprintf("indicator %q has two results for %s", ds.Indicators[n].Slug, QuarterFromIndex(k)), "keep one"})
		}
	}

	type predicateKey struct{ agency, year int }
	seenPredicate := make(map[predicateKey]bool, len(ds.Predicates))
	for i, p := range ds.Predicates {
		a, ok := ix.agency[p.AgencySlug]
		if !ok {
			return nil, Errorf(Invalid, "row %d of the predicates table (%d) names agency %q, which is not in the agencies table; add the agency or fix agency_slug", i+1, p.Year, p.AgencySlug)
		}
		if !slices.Contains(Predicates, p.Predicate) {
			return nil, Errorf(Invalid, "agency %q has the predicate %q for %d; use one of %s (PermenPANRB 6/2022)", p.AgencySlug, p.Predicate, p.Year, strings.Join(Predicates, ", "))
		}
		if p.Year < minYear || p.Year > maxYear {
			return nil, Errorf(Invalid, "agency %q has a predicate for year %d; use a year from %d to %d", p.AgencySlug, p.Year, minYear, maxYear)
		}
		k := predicateKey{a, p.Year}
		if seenPredicate[k] {
			rowDups = append(rowDups, twice{fmt.Sprintf("agency %q has two predicates for %d", p.AgencySlug, p.Year), "keep one"})
			continue
		}
		seenPredicate[k] = true
		ix.predicates[a] = append(ix.predicates[a], i)
	}

	seenExplanation := make(map[[2]int]bool, len(ds.Explanations))
	for i := range ds.Explanations {
		x := &ds.Explanations[i]
		n, ok := ix.indicator[x.IndicatorSlug]
		if !ok {
			return nil, Errorf(Invalid, "row %d of the explanations table (%s) names indicator %q, which is not in the indicators table; add the indicator or fix indicator_slug", i+1, x.Quarter, x.IndicatorSlug)
		}
		if x.Quarter.Q < 1 || x.Quarter.Q > 4 || x.Quarter.Year < minYear || x.Quarter.Year > maxYear {
			return nil, Errorf(Invalid, "the explanation of indicator %q has year %d and quarter %d; use a year from %d to %d and a quarter from 1 to 4", x.IndicatorSlug, x.Quarter.Year, x.Quarter.Q, minYear, maxYear)
		}
		k := [2]int{n, x.Quarter.Index()}
		if seenExplanation[k] {
			rowDups = append(rowDups, twice{fmt.Sprintf("indicator %q has two explanations for %s", x.IndicatorSlug, x.Quarter), "keep one"})
			continue
		}
		seenExplanation[k] = true
		ix.explained[n] = append(ix.explained[n], i)
	}
	if err := checkUnits(ds, ix, &rowDups); err != nil {
		return nil, err
	}
	if err := duplicates(rowDups, "rows are duplicates", "keep one of each"); err != nil {
		return nil, err
	}
	return ix, nil
}

// repeated returns the values that keys holds more than once, each once,
// in order. It reorders keys.
func repeated(keys []int) []int {
	if !slices.IsSorted(keys) {
		slices.Sort(keys)
	}
	var out []int
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] && (len(out) == 0 || out[len(out)-1] != keys[i]) {
			out = append(out, keys[i])
		}
	}
	return out
}

// checkRow checks a row's slug and name and records the slug in seen; a
// slug seen before is added to dups (Validate reports every one at once).
func checkRow(what, table string, i int, slug, name string, seen map[string]int, dups *[]twice) error {
	switch {
	case strings.TrimSpace(slug) == "":
		return Errorf(Invalid, "row %d of the %s table has an empty slug; give every %s a slug", i+1, table, what)
	case !isSlug(slug):
		return Errorf(Invalid, "%s slug %q (row %d of the %s table) is not made of lowercase letters, digits and hyphens; slugs become URLs, so write it like %q", what, slug, i+1, table, suggestSlug(slug))
	case strings.TrimSpace(name) == "":
		return Errorf(Invalid, "%s %q has an empty name; fill in its name", what, slug)
	}
	if j, dup := seen[slug]; dup {
		*dups = append(*dups, twice{fmt.Sprintf("%s %q appears twice in the %s table (rows %d and %d)", what, slug, table, j+1, i+1), fmt.Sprintf("give each %s its own slug", what)})
		return nil
	}
	seen[slug] = i
	return nil
}

// twice is a duplicate found: what is twice, and what to do about it.
type twice struct{ fact, fix string }

// duplicates is the error of every duplicate found (nil for none), in one
// sentence: "indicator "x" has two targets for 2025 (annual); keep one",
// or "2 rows are duplicates: …, … and …; keep one of each".
func duplicates(dups []twice, many, fix string) error {
	switch len(dups) {
	case 0:
		return nil
	case 1:
		return Errorf(Invalid, "%s; %s", dups[0].fact, dups[0].fix)
	}
	facts := make([]string, len(dups))
	for i, d := range dups {
		facts[i] = d.fact
	}
	last := len(facts) - 1
	return Errorf(Invalid, "%d %s: %s and %s; %s", len(dups), many, strings.Join(facts[:last], ", "), facts[last], fix)
}

// checkRef checks that a row's reference names a row of another table.
func checkRef(what, slug, refWhat, refTable, column, ref string, seen map[string]int) error {
	if strings.TrimSpace(ref) == "" {
		return Errorf(Invalid, "%s %q has no %s; set %s to one of the %s table's slugs", what, slug, column, column, refTable)
	}
	if _, ok := seen[ref]; !ok {
		return Errorf(Invalid, "%s %q names %s %q, which is not in the %s table; add the %s or fix %s", what, slug, refWhat, ref, refTable, refWhat, column)
	}
	return nil
}

func checkIndicator(ind *Indicator, ix *index) error {
	if err := checkRef("indicator", ind.Slug, "agency", "agencies", "agency_slug", ind.AgencySlug, ix.agency); err != nil {
		return err
	}
	if err := checkRef("indicator", ind.Slug, "sector", "sectors", "sector_slug", ind.SectorSlug, ix.sector); err != nil {
		return err
	}
	switch {
	case ind.Frequency == "":
		return Errorf(Invalid, "indicator %q has no frequency; set it to quarterly, semiannual or annual", ind.Slug)
	case !ind.Frequency.Valid():
		return Errorf(Invalid, "indicator %q has frequency %q; use quarterly, semiannual or annual", ind.Slug, ind.Frequency)
	case ind.Polarity != Positive && ind.Polarity != Negative:
		return Errorf(Invalid, "indicator %q has polarity %q; use positive or negative", ind.Slug, ind.Polarity)
	case !ind.Consolidation.Valid():
		return Errorf(Invalid, "indicator %q has consolidation %q; use %s", ind.Slug, ind.Consolidation, ConsolidationCodes())
	case ind.Decimals < 0 || ind.Decimals > maxDecimals:
		return Errorf(Invalid, "indicator %q has decimals %d; use 0 to %d", ind.Slug, ind.Decimals, maxDecimals)
	case ind.Multiplier.text != "" && ind.Multiplier.Sign() == 0:
		return Errorf(Invalid, "indicator %q has multiplier 0; leave it empty or set 1 (100 for a percentage)", ind.Slug)
	case ind.Consolidation == Average && ind.Multiplier.Sign() <= 0:
		return Errorf(Invalid, "average indicator %q has multiplier %s; set multiplier above 0 (1 for a mean, 100 for a percentage)", ind.Slug, ind.Multiplier)
	case !ind.ValidFrom.IsZero() && (ind.ValidFrom.Q < 1 || ind.ValidFrom.Q > 4):
		return Errorf(Invalid, "indicator %q has valid_from quarter %d; use 1 to 4", ind.Slug, ind.ValidFrom.Q)
	case ind.ValidTo != nil && (ind.ValidTo.Q < 1 || ind.ValidTo.Q > 4):
		return Errorf(Invalid, "indicator %q has valid_to quarter %d; use 1 to 4", ind.Slug, ind.ValidTo.Q)
	case ind.ValidTo != nil && ind.ValidTo.Before(ind.ValidFrom):
		return Errorf(Invalid, "indicator %q is valid to %s, before it is valid from %s; fix valid_from or valid_to", ind.Slug, *ind.ValidTo, ind.ValidFrom)
	case ind.MinValue != nil && ind.MaxValue != nil && fixedOf(*ind.MaxValue).cmp(fixedOf(*ind.MinValue)) < 0:
		return Errorf(Invalid, "indicator %q has max_value %s below min_value %s; swap them", ind.Slug, *ind.MaxValue, *ind.MinValue)
	}
	return nil
}

func checkTarget(t *Target) error {
	switch {
	case t.Year < minYear || t.Year > maxYear:
		return Errorf(Invalid, "a target of indicator %q has year %d; use a year from %d to %d", t.IndicatorSlug, t.Year, minYear, maxYear)
	case t.Quarter < 0 || t.Quarter > 4:
		return Errorf(Invalid, "the target of indicator %q for %d has quarter %d; use 0 (or empty) for the annual target, 1 to 4 for a quarter", t.IndicatorSlug, t.Year, t.Quarter)
	case t.Quarter == 0 && t.Basis != "":
		return Errorf(Invalid, "the annual target of indicator %q for %d has basis %q; leave basis empty on annual targets", t.IndicatorSlug, t.Year, t.Basis)
	case t.Quarter > 0 && t.Basis == "":
		return Errorf(Invalid, "the target of indicator %q for %s has no basis; set basis to per_quarter or cumulative", t.IndicatorSlug, targetPeriod(t))
	case t.Quarter > 0 && t.Basis != PerQuarter && t.Basis != Cumulative:
		return Errorf(Invalid, "the target of indicator %q for %s has basis %q; use per_quarter or cumulative", t.IndicatorSlug, targetPeriod(t), t.Basis)
	case t.High != nil && fixedOf(*t.High).cmp(fixedOf(t.Value)) < 0:
		return Errorf(Invalid, "the target of indicator %q for %s is the range %s to %s, whose upper bound is below its lower bound; swap value and value_high", t.IndicatorSlug, targetPeriod(t), t.Value, *t.High)
	}
	return nil
}

// targetPeriod names a target's period in messages: "2026 (annual)" or
// "2026-Q2".
func targetPeriod(t *Target) string {
	if t.Quarter == 0 {
		return strconv.Itoa(t.Year) + " (annual)"
	}
	return fmt.Sprintf("%d-Q%d", t.Year, t.Quarter)
}

// isSlug reports whether s matches the database's rule for slugs,
// ^[a-z0-9]+(-[a-z0-9]+)*$: lowercase letters and digits in words joined by
// single hyphens ("dinkes-ikm", not "-ikm-" or "dinkes--ikm").
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// The bound on every number in the data (DOMAIN.md, "Numbers at their
// limits"): at most MaxWhole digits before the decimal point and
// MaxFraction after it. Generous for any real indicator (a city budget in
// rupiah has 13 digits), and small enough that every value, and every
// achievement computed from values, is exact and formats exactly.
const (
	MaxWhole    = 15
	MaxFraction = 15
)

// checkBounds reports, as the end of a sentence, why d is outside the
// bound; nil when it is inside. Leading zeros do not count.
func checkBounds(d Decimal) error {
	t := strings.TrimLeft(strings.TrimPrefix(d.String(), "-"), "0")
	whole, frac, _ := strings.Cut(t, ".")
	switch {
	case len(whole) > MaxWhole:
		return fmt.Errorf("has %d digits before the decimal point; the limit is %d: check the value (a unit such as \"juta rupiah\" keeps numbers short)", len(whole), MaxWhole)
	case len(frac) > MaxFraction:
		return fmt.Errorf("has %d decimal places; the limit is %d: round it in the source", len(frac), MaxFraction)
	}
	return nil
}

// abbrev shortens a long number for a message: its first and last digits.
func abbrev(d Decimal) string {
	s := d.String()
	if len(s) <= 40 {
		return s
	}
	return fmt.Sprintf("%s…%s (%d characters)", s[:16], s[len(s)-8:], len(s))
}

// suggestSlug turns s into a slug for error messages: "RSUD Tengku" →
// "rsud-tengku".
func suggestSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-slug"
	}
	return b.String()
}

// checkUnits checks the service units and their results: slugs and kinds
// are codes (they become URLs), the agency exists, the kecamatan is an
// agency of kind kecamatan, and every result names a known unit and
// indicator of the unit's agency, once per quarter.
func checkUnits(ds *Dataset, ix *index, dups *[]twice) error {
	units := make(map[string]int, len(ds.Units))
	var slugDups []twice
	for i, u := range ds.Units {
		if err := checkRow("service unit", "unit_results", i, u.Slug, u.Name, units, &slugDups); err != nil {
			return err
		}
		if !isSlug(u.Kind) {
			return Errorf(Invalid, "service unit %q has kind %q; a kind becomes a URL (/unit/jenis/<kind>/), so write it in lower case with hyphens, like %q", u.Slug, u.Kind, suggestSlug(u.Kind))
		}
		if err := checkRef("service unit", u.Slug, "agency", "agencies", "agency_slug", u.AgencySlug, ix.agency); err != nil {
			return err
		}
		if u.KecamatanSlug != "" {
			k, ok := ix.agency[u.KecamatanSlug]
			if !ok || ds.Agencies[k].Kind != "kecamatan" {
				return Errorf(Invalid, "service unit %q names kecamatan %q, which is not an agency of kind kecamatan; set kecamatan_id to the unit's kecamatan, or leave it empty", u.Slug, u.KecamatanSlug)
			}
		}
	}
	if err := duplicates(slugDups, "slugs appear twice", "give each row its own slug"); err != nil {
		return err
	}
	type key struct{ ind, unit, q int }
	seen := make(map[key]bool, len(ds.UnitResults))
	for i := range ds.UnitResults {
		r := &ds.UnitResults[i]
		n, ok := ix.indicator[r.IndicatorSlug]
		if !ok {
			return Errorf(Invalid, "row %d of the unit_results table (%s) names indicator %q, which is not in the indicators table; add the indicator or fix indicator_slug", i+1, r.Quarter, r.IndicatorSlug)
		}
		u, ok := units[r.UnitSlug]
		if !ok {
			return Errorf(Invalid, "row %d of the unit_results table (%s) names service unit %q, which has no name, kind or agency; fix unit_slug", i+1, r.Quarter, r.UnitSlug)
		}
		if r.Quarter.Q < 1 || r.Quarter.Q > 4 || r.Quarter.Year < minYear || r.Quarter.Year > maxYear {
			return Errorf(Invalid, "the result of service unit %q for indicator %q has year %d and quarter %d; use a year from %d to %d and a quarter from 1 to 4", r.UnitSlug, r.IndicatorSlug, r.Quarter.Year, r.Quarter.Q, minYear, maxYear)
		}
		for _, v := range []struct {
			name string
			d    *Decimal
		}{{"actual", r.Actual}, {"numerator", r.Numerator}, {"denominator", r.Denominator}, {"count", r.Count}} {
			if v.d != nil {
				if err := checkBounds(*v.d); err != nil {
					return Errorf(Invalid, "the %s of service unit %q for indicator %q, %s, is %s, which %s", v.name, r.UnitSlug, r.IndicatorSlug, r.Quarter, abbrev(*v.d), err)
				}
			}
		}
		if r.Count != nil && fixedOf(*r.Count).sign() < 0 {
			return Errorf(Invalid, "the result of service unit %q for indicator %q, %s, has the negative count %s; a count is patients, pupils or visits, so fix the value", r.UnitSlug, r.IndicatorSlug, r.Quarter, r.Count)
		}
		k := key{n, u, r.Quarter.Index()}
		if seen[k] {
			*dups = append(*dups, twice{fmt.Sprintf("service unit %q has two results of indicator %q for %s", r.UnitSlug, r.IndicatorSlug, r.Quarter), "keep one"})
			continue
		}
		seen[k] = true
	}
	return nil
}
