package iku

import (
	"cmp"
	"slices"
	"strings"
)

// UnitReport is one service unit's history of one indicator, evaluated by
// the rules of the agency's indicator (DOMAIN.md): each due quarter's
// value against the agency's target for the indicator, the same statuses
// and trends. A sum indicator's target is the city's total, which no
// single unit is meant to reach: Comparable is false, and the unit's
// series is evaluated without a target (its statuses are no_target, its
// trends compare values by polarity).
type UnitReport struct {
	Unit       ServiceUnit
	Indicator  int // position in the dataset's and the report's indicators
	Comparable bool
	// Report is the indicator evaluated on the unit's results: Series and
	// Years as for the agency, from the report's first to its latest
	// quarter.
	Report IndicatorReport
	// Counts are what each due period of Report.Series rests on (aligned
	// with it): nil when nothing was measured or when suppressed.
	Counts []*Decimal
	// Suppressed marks the due periods whose value kinerja withheld (the
	// count is below the threshold, or the value could be derived from
	// the agency's total): aligned with Report.Series.
	Suppressed []bool
}

// Latest is the unit's latest due period: its evaluation, count and
// whether it was suppressed (k < 0 when the series is empty).
func (u *UnitReport) Latest() (ev Evaluation, count *Decimal, suppressed bool, k int) {
	k = len(u.Report.Series) - 1
	if k < 0 {
		return Evaluation{}, nil, false, k
	}
	return u.Report.Series[k], u.Counts[k], u.Suppressed[k], k
}

// EvaluateUnits evaluates every service unit's results in ds (suppressed
// already) by the rules rep was evaluated with, over rep's quarters: one
// UnitReport per unit and indicator with results, by unit slug, then by
// the indicator's position in the dataset.
func EvaluateUnits(ds *Dataset, rep *Report) ([]UnitReport, error) {
	if len(ds.UnitResults) == 0 {
		return nil, nil
	}
	ix, err := indexDataset(ds)
	if err != nil {
		return nil, err
	}
	units := make(map[string]int, len(ds.Units))
	for i, u := range ds.Units {
		units[u.Slug] = i
	}
	type key struct{ unit, ind int }
	rows := map[key][]int{}
	var keys []key
	for i, r := range ds.UnitResults {
		k := key{units[r.UnitSlug], ix.indicator[r.IndicatorSlug]}
		if rows[k] == nil {
			keys = append(keys, k)
		}
		rows[k] = append(rows[k], i)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(ds.Units[a.unit].Slug, ds.Units[b.unit].Slug), cmp.Compare(a.ind, b.ind))
	})
	out := make([]UnitReport, 0, len(keys))
	for _, k := range keys {
		ind := ds.Indicators[k.ind]
		ur := UnitReport{Unit: ds.Units[k.unit], Indicator: k.ind, Comparable: ind.Consolidation != Sum}
		mini := &Dataset{Sectors: ds.Sectors, Agencies: ds.Agencies, Indicators: []Indicator{ind}}
		if ur.Comparable {
			for _, ti := range ix.targets[k.ind] {
				mini.Targets = append(mini.Targets, ds.Targets[ti])
			}
		}
		byQuarter := map[Quarter]*UnitResult{}
		for _, i := range rows[k] {
			r := &ds.UnitResults[i]
			byQuarter[r.Quarter] = r
			mini.Results = append(mini.Results, Result{IndicatorSlug: ind.Slug, Quarter: r.Quarter,
				Actual: r.Actual, Numerator: r.Numerator, Denominator: r.Denominator, Provisional: r.Provisional})
		}
		mix, err := indexDataset(mini)
		if err != nil {
			return nil, err
		}
		e := &evaluator{ds: mini, ix: mix, rules: rep.Rules, mins: minsOf(rep.Rules.Categories), cap: fixedOf(rep.Rules.ScoreCap),
			first: rep.First, latest: rep.Latest, span: rep.Latest.Index() - rep.First.Index() + 1,
			capped: make([][]capped, 1), rep: &Report{First: rep.First, Latest: rep.Latest, Rules: rep.Rules, Indicators: make([]IndicatorReport, 1)}}
		e.slots = make([]slot, e.span)
		e.indicator(0)
		ur.Report = e.rep.Indicators[0]
		ur.Counts = make([]*Decimal, len(ur.Report.Series))
		ur.Suppressed = make([]bool, len(ur.Report.Series))
		for j, ev := range ur.Report.Series {
			if r := byQuarter[ev.Quarter]; r != nil {
				ur.Counts[j], ur.Suppressed[j] = r.Count, r.Suppressed
			}
		}
		out = append(out, ur)
	}
	return out, nil
}
