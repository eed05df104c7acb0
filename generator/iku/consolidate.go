package iku

import "strings"

// YearToDate consolidates the results of one year from its first quarter
// to quarter n, the latest quarter among quarters, by ind's consolidation:
//
//   - sum: the exact sum of the actuals, written with the largest number of
//     decimals among them;
//   - average: Σ numerator / Σ denominator × ind.Multiplier, rounded to
//     ind.Decimals: the weighted mean recomputed from the underlying
//     measurements, never a mean of quarterly means;
//   - last and cumulative (RunningTotal): quarter n's actual (a running
//     total since January is its own year to date).
//
// Only the quarters due by ind.Frequency count (an empty Frequency is
// quarterly). The year starts at Q1, or at ind.ValidFrom when the indicator came into
// force during that year. Sum and average need every quarter from the start
// to n reported (average also needs each quarter's numerator and
// denominator, and a Σ denominator that is not 0); otherwise, and when
// quarters is empty, mixes years or holds a quarter twice, YearToDate
// returns nil.
func YearToDate(ind Indicator, quarters []Result) *Decimal {
	if len(quarters) == 0 {
		return nil
	}
	year := quarters[0].Quarter.Year
	var byQ [5]*Result
	n := 0
	for i := range quarters {
		r := &quarters[i]
		q := r.Quarter.Q
		if r.Quarter.Year != year || q < 1 || q > 4 || byQ[q] != nil {
			return nil
		}
		byQ[q] = r
		n = max(n, q)
	}
	start := 1
	if ind.ValidFrom.Year == year && ind.ValidFrom.Q > 1 {
		start = ind.ValidFrom.Q
	}
	if start > n {
		return nil
	}
	c := newRollup(&ind)
	qs := make([]slot, 0, 4)
	for q := start; q <= n; q++ {
		if ind.Frequency.Due(q) {
			qs = append(qs, c.slot(byQ[q]))
		}
	}
	d, _, _ := c.toDate(qs)
	return d
}

// slot is one quarter's result row with its values parsed once.
type slot struct {
	res      *Result // nil: no row
	actual   fixed
	ok       bool // reported: the row has an actual
	num, den fixed
	hasND    bool // average indicators: both numerator and denominator
}

// rollup consolidates quarters for one indicator.
type rollup struct {
	ind  *Indicator
	mult fixed
}

func newRollup(ind *Indicator) rollup {
	c := rollup{ind: ind}
	if ind.Consolidation == Average {
		c.mult = fixedOf(ind.Multiplier)
	}
	return c
}

func (c rollup) slot(r *Result) slot {
	s := slot{res: r}
	if r == nil || r.Actual == nil {
		return s
	}
	s.actual, s.ok = fixedOf(*r.Actual), true
	if c.ind.Consolidation == Average && r.Numerator != nil && r.Denominator != nil {
		s.num, s.den, s.hasND = fixedOf(*r.Numerator), fixedOf(*r.Denominator), true
	}
	return s
}

// toDate is the year-to-date value of qs, the slots from the year's first
// quarter in force to the quarter evaluated, with its exact value; false
// when it cannot be computed.
func (c rollup) toDate(qs []slot) (*Decimal, fixed, bool) {
	if len(qs) == 0 {
		return nil, fixed{}, false
	}
	switch c.ind.Consolidation {
	case Sum:
		return c.sum(qs)
	case Average:
		for i := range qs {
			if !qs[i].ok {
				return nil, fixed{}, false
			}
		}
		return c.average(qs)
	case Last, RunningTotal:
		if s := &qs[len(qs)-1]; s.ok {
			return s.res.Actual, s.actual, true
		}
	}
	return nil, fixed{}, false
}

// whole is the consolidated value of a year, where qs are the slots of all
// the quarters of the year the indicator is in force: sum needs them all,
// average uses the reported ones, last and cumulative take the latest
// reported one.
func (c rollup) whole(qs []slot) (*Decimal, fixed, bool) {
	switch c.ind.Consolidation {
	case Sum:
		return c.sum(qs)
	case Average:
		var buf [4]slot
		rep := buf[:0]
		for _, s := range qs {
			if s.ok {
				rep = append(rep, s)
			}
		}
		return c.average(rep)
	case Last, RunningTotal:
		for i := len(qs) - 1; i >= 0; i-- {
			if qs[i].ok {
				return qs[i].res.Actual, qs[i].actual, true
			}
		}
	}
	return nil, fixed{}, false
}

func (c rollup) sum(qs []slot) (*Decimal, fixed, bool) {
	if len(qs) == 0 {
		return nil, fixed{}, false
	}
	var total fixed
	places := 0
	for i := range qs {
		if !qs[i].ok {
			return nil, fixed{}, false
		}
		total = total.add(qs[i].actual)
		places = max(places, scale(*qs[i].res.Actual))
	}
	d := total.decimal(places)
	return &d, total, true
}

func (c rollup) average(qs []slot) (*Decimal, fixed, bool) {
	if len(qs) == 0 {
		return nil, fixed{}, false
	}
	var num, den fixed
	for i := range qs {
		if !qs[i].hasND {
			return nil, fixed{}, false
		}
		num = num.add(qs[i].num)
		den = den.add(qs[i].den)
	}
	if den.sign() == 0 {
		return nil, fixed{}, false
	}
	v := num.mul(c.mult).quo(den, c.ind.Decimals)
	d := v.decimal(c.ind.Decimals)
	return &d, v, true
}

// provisional reports whether any reported slot of qs is provisional.
func provisional(qs []slot) bool {
	for i := range qs {
		if qs[i].ok && qs[i].res.Provisional {
			return true
		}
	}
	return false
}

// scale is the number of decimals d is written with.
func scale(d Decimal) int {
	_, frac, ok := strings.Cut(d.String(), ".")
	if !ok {
		return 0
	}
	return len(frac)
}
