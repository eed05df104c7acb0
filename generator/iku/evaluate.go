package iku

import (
	"cmp"
	"fmt"
	"slices"
)

// Options tune Evaluate.
type Options struct {
	// Latest is the last quarter of the report. The zero Quarter means the
	// newest quarter that has at least one reported actual. Results after
	// Latest are ignored, so that an older release can be rebuilt.
	Latest Quarter
}

// Evaluate checks ds (see Dataset.Validate) and rules, then applies the
// rules of DOMAIN.md to every indicator in every quarter from the report's
// first quarter (the earliest quarter with any result row) to its latest.
//
// In each quarter the target is the quarterly one when set (per_quarter:
// the quarter's actual, BasisQuarter; cumulative: the year to date,
// BasisYearToDate), else the annual one: a sum or cumulative (RunningTotal)
// indicator shows its progress, the year to date / annual target, as
// StatusInProgress until the year's last quarter (BasisAnnualProgress); an
// average or last indicator compares each quarter's actual with it
// (BasisQuarter). The status is then not_reported (no actual), no_target,
// incomplete (the year to date needs an unreported quarter), met / not_met
// (T = 0), or category. Trends, Met (tercapai) and the counts follow the
// single definitions of DOMAIN.md (see Evaluation, Year and Counts).
// Scores and movers use achievements capped at rules.ScoreCap.
//
// Problems that do not stop the build are in Report.Warnings. Results
// outside an indicator's validity are left out. The Report shares Decimals
// with ds; neither is modified, and the same input gives the same Report.
func Evaluate(ds *Dataset, rules Rules, opts Options) (*Report, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	ix, err := indexDataset(ds)
	if err != nil {
		return nil, err
	}
	first, latest, err := reportSpan(ds, opts)
	if err != nil {
		return nil, err
	}
	e := &evaluator{
		ds:     ds,
		ix:     ix,
		rules:  rules,
		mins:   minsOf(rules.Categories),
		cap:    fixedOf(rules.ScoreCap),
		first:  first,
		latest: latest,
		span:   latest.Index() - first.Index() + 1,
		capped: make([][]capped, len(ds.Indicators)),
		rep: &Report{
			First:      first,
			Latest:     latest,
			Rules:      rules,
			Indicators: make([]IndicatorReport, len(ds.Indicators)),
		},
	}
	e.slots = make([]slot, e.span)
	e.longTexts()
	for i := range ds.Indicators {
		e.indicator(i)
	}
	e.agencies()
	e.sectors()
	e.counts()
	e.movers()
	e.rep.Comparisons = Comparisons(e.rep)
	return e.rep, nil
}

// reportSpan finds the report's first and latest quarters. A latest
// quarter after the newest reported actual is refused: a site headed
// "Triwulan I 2030" with nothing in it would mislead.
func reportSpan(ds *Dataset, opts Options) (first, latest Quarter, err error) {
	if !opts.Latest.IsZero() && (opts.Latest.Q < 1 || opts.Latest.Q > 4) {
		return first, latest, Errorf(Invalid, "the latest quarter has quarter number %d; write it as 2026-Q3", opts.Latest.Q)
	}
	var newest Quarter
	for i := range ds.Results {
		q := ds.Results[i].Quarter
		if first.IsZero() || q.Before(first) {
			first = q
		}
		if ds.Results[i].Actual != nil && (newest.IsZero() || newest.Before(q)) {
			newest = q
		}
	}
	latest = opts.Latest
	switch {
	case newest.IsZero():
		return first, latest, Errorf(Invalid, "no result has an actual yet, so there is no quarter to report; enter results first")
	case latest.IsZero():
		latest = newest
	case newest.Before(latest):
		return first, latest, Errorf(Invalid, "the quarter %s is after the newest reported result (%s), so nothing could be published for it; choose %s or earlier", latest, newest, newest)
	}
	switch {
	case first.IsZero():
		first = latest
	case latest.Before(first):
		return first, latest, Errorf(Invalid, "the latest quarter %s is before the first result (%s); choose %s or later", latest, first, first)
	}
	return first, latest, nil
}

type evaluator struct {
	ds            *Dataset
	ix            *index
	rules         Rules
	mins          []fixed
	cap           fixed
	first, latest Quarter
	span          int        // quarters from first to latest
	slots         []slot     // the current indicator's results, first to latest
	capped        [][]capped // per indicator and series entry
	rep           *Report
}

// capped is an achievement capped at the score cap; ok when the status is
// StatusCategory, so that it counts in scores and movers.
type capped struct {
	v  fixed
	ok bool
}

// warnf records a data warning of kind about indicator slug in quarter q.
func (e *evaluator) warnf(kind WarningKind, slug string, q Quarter, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	e.rep.Warnings = append(e.rep.Warnings, msg)
	e.rep.DataWarnings = append(e.rep.DataWarnings, DataWarning{Kind: kind, Indicator: slug, Quarter: q, Message: msg})
}

var noSlot slot

// at is the current indicator's slot for q: empty outside the report.
func (e *evaluator) at(q Quarter) *slot {
	k := q.Index() - e.first.Index()
	if k < 0 || k >= e.span {
		return &noSlot
	}
	return &e.slots[k]
}

// indicatorRun is one indicator being evaluated.
type indicatorRun struct {
	ind      *Indicator
	roll     rollup
	targets  []Target // sorted by year, quarter
	goals    []goal   // targets parsed
	min, max *fixed
}

// target is the position of the target for (year, q) in x.targets, or -1.
func (x *indicatorRun) target(year, q int) int {
	i, ok := slices.BinarySearchFunc(x.targets, [2]int{year, q}, func(t Target, k [2]int) int {
		return cmp.Or(cmp.Compare(t.Year, k[0]), cmp.Compare(t.Quarter, k[1]))
	})
	if !ok {
		return -1
	}
	return i
}

// yearStart is the first quarter of q's year in which the indicator is in force.
func (x *indicatorRun) yearStart(q Quarter) Quarter {
	s := Quarter{q.Year, 1}
	if s.Before(x.ind.ValidFrom) {
		return x.ind.ValidFrom
	}
	return s
}

// yearEnd is the last quarter of q's year in which the indicator is in force.
func (x *indicatorRun) yearEnd(q Quarter) Quarter {
	s := Quarter{q.Year, 4}
	if x.ind.ValidTo != nil && x.ind.ValidTo.Before(s) {
		return *x.ind.ValidTo
	}
	return s
}

func inForce(ind *Indicator, q Quarter) bool {
	return !q.Before(ind.ValidFrom) && (ind.ValidTo == nil || !ind.ValidTo.Before(q))
}

func validity(ind *Indicator) string {
	switch {
	case ind.ValidTo == nil:
		return "from " + ind.ValidFrom.String()
	case ind.ValidFrom.IsZero():
		return "to " + ind.ValidTo.String()
	}
	return fmt.Sprintf("from %s to %s", ind.ValidFrom, ind.ValidTo)
}

func (e *evaluator) indicator(i int) {
	ds := e.ds
	ind := &ds.Indicators[i]
	ir := &e.rep.Indicators[i]
	ir.Indicator = *ind

	x := &indicatorRun{ind: ind, roll: newRollup(ind)}
	x.targets = make([]Target, len(e.ix.targets[i]))
	for k, ti := range e.ix.targets[i] {
		x.targets[k] = ds.Targets[ti]
	}
	slices.SortFunc(x.targets, func(a, b Target) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Quarter, b.Quarter))
	})
	ir.Targets = x.targets
	x.goals = make([]goal, len(x.targets))
	for k, t := range x.targets {
		x.goals[k] = goalOf(t)
	}
	if ind.MinValue != nil {
		v := fixedOf(*ind.MinValue)
		x.min = &v
	}
	if ind.MaxValue != nil {
		v := fixedOf(*ind.MaxValue)
		x.max = &v
	}

	clear(e.slots)
	for _, ri := range e.ix.results[i] {
		r := &ds.Results[ri]
		if !inForce(ind, r.Quarter) {
			e.warnf(WarnOutsideValidity, ind.Slug, r.Quarter, "indicator %q has a result for %s, outside its validity (%s), which is not shown; fix the quarter or the indicator's validity", ind.Slug, r.Quarter, validity(ind))
			continue
		}
		if !ind.Frequency.Due(r.Quarter.Q) {
			// A figure filed in a quarter that is not due is not evaluated:
			// the due period stays not reported until its result arrives.
			if r.Actual != nil && !e.latest.Before(r.Quarter) {
				e.warnf(WarnNotDue, ind.Slug, r.Quarter, "indicator %q (%s) has a result for %s, which is not one of its reporting periods, so it is not shown; file it in %s", ind.Slug, ind.Frequency, r.Quarter, ind.Frequency.NextDue(r.Quarter))
			}
			continue
		}
		if k := r.Quarter.Index() - e.first.Index(); k >= 0 && k < e.span {
			e.slots[k] = x.roll.slot(r)
		}
	}

	from, to := e.first, e.latest
	if from.Before(ind.ValidFrom) {
		from = ind.ValidFrom
	}
	if ind.ValidTo != nil && ind.ValidTo.Before(to) {
		to = *ind.ValidTo
	}
	ir.DueNow = to == e.latest && !e.latest.Before(from) && ind.Frequency.Due(e.latest.Q)
	if next := ind.Frequency.NextDue(e.latest); inForce(ind, next) {
		ir.NextDue = next
	}
	if to.Before(from) {
		return
	}
	explained := make(map[Quarter]*Explanation, len(e.ix.explained[i]))
	for _, k := range e.ix.explained[i] {
		explained[ds.Explanations[k].Quarter] = &ds.Explanations[k]
	}
	for q := from; !to.Before(q); q = q.Add(1) {
		if ind.Frequency.Due(q.Q) {
			ev, c := e.quarter(x, q)
			ev.Explanation = explained[q]
			ir.Series = append(ir.Series, ev)
			e.capped[i] = append(e.capped[i], c)
		}
	}
	ir.Years = make([]Year, 0, to.Year-from.Year+1)
	for y := from.Year; y <= to.Year; y++ {
		if yr, ok := e.year(x, y); ok {
			ir.Years = append(ir.Years, yr)
		}
	}
	trends(ir)
}

// trends sets the trends of ir's due periods and years, with the periods
// they compare (DOMAIN.md, "Quarters and years"). A running total is not
// compared with its previous due period: it rises through every year and
// falls back every Q1, so that comparison says nothing about performance.
func trends(ir *IndicatorReport) {
	ind := &ir.Indicator
	for k := range ir.Series {
		ev := &ir.Series[k]
		if ind.Consolidation != RunningTotal && k > 0 {
			// The series holds every due period in force, in order.
			prev := &ir.Series[k-1]
			ev.PreviousDue = prev.Quarter
			ev.VsPrevious = trendBetween(ind.Polarity, ev, prev)
		}
		if ago, ok := ir.At(ev.Quarter.Add(-4)); ok {
			ev.YearAgo = ago.Quarter
			ev.VsYearAgo = trendBetween(ind.Polarity, ev, &ago)
		}
	}
	for k := 1; k < len(ir.Years); k++ {
		y, prev := &ir.Years[k], &ir.Years[k-1]
		if prev.Year != y.Year-1 {
			continue
		}
		y.PreviousYear = prev.Year
		if judged(y) && judged(prev) {
			y.VsPreviousYear = trendOf(ind.Polarity, y.Target, y.Status, prev.Status, y.Achievement, prev.Achievement, y.Actual, prev.Actual)
		}
	}
}

// judged reports whether a year is over (or settled) and has an actual,
// so that it can be compared with another year.
func judged(y *Year) bool {
	switch y.Status {
	case StatusInProgress, StatusIncomplete, StatusNotReported:
		return false
	}
	return y.Actual != nil
}

// trendBetween compares evaluation now with an earlier one; unknown when
// now has no actual.
func trendBetween(p Polarity, now, earlier *Evaluation) Trend {
	return trendOf(p, now.Target, now.Status, earlier.Status, now.Achievement, earlier.Achievement, now.Actual, earlier.Actual)
}

// trendOf is the trend rule: where both periods have a category, their
// achievements are compared (higher is better, whatever the polarity: the
// formula already points the polarity's way); otherwise their actuals, by
// polarity, against t when it is a range (see TrendOf).
func trendOf(p Polarity, t *Target, now, earlier Status, achNow, achEarlier, vNow, vEarlier *Decimal) Trend {
	if vNow == nil || vEarlier == nil {
		return TrendUnknown
	}
	if now == StatusCategory && earlier == StatusCategory && achNow != nil && achEarlier != nil {
		return compareTrend(fixedOf(*achNow).cmp(fixedOf(*achEarlier)))
	}
	return TrendOf(p, t, vNow, vEarlier)
}

// metOf is tercapai (DOMAIN.md, "One definition per count"): achievement
// ≥ 100 for a category; met and not met (a zero target, a year's target
// already reached, a ceiling already exceeded) as they say; unknown for
// every other status.
func metOf(s Status, achievement *Decimal) Met {
	switch {
	case s == StatusCategory && achievement != nil:
		if fixedOf(*achievement).cmp(fixed100) >= 0 {
			return MetYes
		}
		return MetNo
	case s == StatusMet:
		return MetYes
	case s == StatusNotMet:
		return MetNo
	}
	return MetUnknown
}

// dueSlots appends to buf the slots of the indicator's due quarters from
// the start of q's year (or its validity) to q.
func (e *evaluator) dueSlots(x *indicatorRun, buf []slot, from, q Quarter) []slot {
	for p := from; !q.Before(p); p = p.Add(1) {
		if x.ind.Frequency.Due(p.Q) {
			buf = append(buf, *e.at(p))
		}
	}
	return buf
}

// quarter evaluates one due quarter, with its capped achievement.
func (e *evaluator) quarter(x *indicatorRun, q Quarter) (Evaluation, capped) {
	ind := x.ind
	ev := Evaluation{Quarter: q}
	cur := e.at(q)

	var buf [4]slot
	toDate := e.dueSlots(x, buf[:0], x.yearStart(q), q)
	ytd, ytdValue, ytdOK := x.roll.toDate(toDate)
	ev.YearToDate = ytd
	if cur.ok {
		// A period without an actual is never provisional: there is
		// nothing to verify.
		ev.Actual = cur.res.Actual
		ev.Provisional = cur.res.Provisional
	}

	// Choose the target and what is compared with it; a period that is
	// not reported still shows its target.
	compared, value, ok := ev.Actual, cur.actual, true
	usesYTD, progress := false, false
	ti := x.target(q.Year, q.Q)
	switch {
	case ti >= 0 && x.targets[ti].Basis == Cumulative:
		compared, value, ok, usesYTD = ytd, ytdValue, ytdOK, true
		ev.Basis = BasisYearToDate
	case ti >= 0:
		ev.Basis = BasisQuarter
	default:
		ti = x.target(q.Year, 0)
		switch {
		case ti < 0:
		case ind.Consolidation == Sum || ind.Consolidation == RunningTotal:
			// A running total is its own year to date: before the year's
			// last quarter it is progress toward the annual target, as a
			// sum is, never a category.
			compared, value, ok, usesYTD = ytd, ytdValue, ytdOK, true
			ev.Basis = BasisAnnualProgress
			progress = q.Before(x.yearEnd(q))
		default:
			// A level (average, last) must hold its annual target every period.
			ev.Basis = BasisQuarter
		}
	}
	var g goal
	if ti >= 0 {
		ev.Target = &x.targets[ti]
		g = x.goals[ti]
	}
	if progress && ind.Polarity == Negative && (g.isRange || g.lo.sign() != 0) {
		// A count against a ceiling reads "8 of a limit of 10"; a zero
		// ceiling has no such reading, only met so far or not met.
		ev.Basis = BasisAnnualCeiling
	}
	if !cur.ok {
		ev.Status = StatusNotReported
		return ev, capped{}
	}
	if usesYTD && (ind.Consolidation == Sum || ind.Consolidation == Average) {
		// Computed from earlier quarters too: provisional if any is.
		ev.Provisional = ev.Provisional || provisional(toDate)
	}
	if ind.Unit == "IKM" {
		ev.Grade = ikmGrade(cur.actual)
	}
	if x.min != nil && cur.actual.cmp(*x.min) < 0 {
		e.warnf(WarnOutOfBounds, ind.Slug, q, "indicator %q reports %s for %s, below its minimum %s; check the value", ind.Slug, ev.Actual, q, ind.MinValue)
	}
	if x.max != nil && cur.actual.cmp(*x.max) > 0 {
		e.warnf(WarnOutOfBounds, ind.Slug, q, "indicator %q reports %s for %s, above its maximum %s; check the value", ind.Slug, ev.Actual, q, ind.MaxValue)
	}
	switch {
	case ti < 0:
		ev.Status = StatusNoTarget
		return ev, capped{}
	case !ok:
		ev.Status = StatusIncomplete
		return ev, capped{}
	}
	ev.Compared = compared
	if progress {
		ev.Status, ev.Achievement, ev.Exceeds = yearToDate(ind.Polarity, g, value)
		ev.Met = metOf(ev.Status, ev.Achievement)
		return ev, capped{}
	}
	a, ok := g.achievement(ind.Polarity, value)
	if !ok {
		ev.Status = zeroStatus(ind.Polarity, value)
		ev.Met = metOf(ev.Status, nil)
		return ev, capped{}
	}
	d := a.decimal(2)
	ev.Achievement = &d
	ev.Status = StatusCategory
	ev.Category = categorize(e.rules.Categories, e.mins, a)
	ev.Exceeds = a.cmp(fixed100) > 0
	ev.Met = metOf(ev.Status, ev.Achievement)
	if a.cmp(e.cap) > 0 {
		a = e.cap
	}
	return ev, capped{a, true}
}

// yearToDate is the status of a sum indicator's cumulative value r against
// its annual target g before the year is over (DOMAIN.md, "Year-to-date
// progress before the year is complete"):
//
//   - a zero target: met_so_far while r meets it (a positive one is met
//     outright, as r cannot fall), not_met from the first case;
//   - negative polarity (a ceiling): not_met once r exceeds it, else
//     in_progress; never a percentage, which would read like an
//     achievement;
//   - positive polarity: progress r / T × 100; met once r reaches T, else
//     in_progress.
//
// For a range target the ceiling is its upper bound and the goal to reach
// its lower bound.
func yearToDate(p Polarity, g goal, r fixed) (Status, *Decimal, bool) {
	if !g.isRange && g.lo.sign() == 0 {
		switch {
		case !meetsZero(p, r):
			return StatusNotMet, nil, false
		case p == Positive:
			return StatusMet, nil, false
		}
		return StatusMetSoFar, nil, false
	}
	if p == Negative {
		ceiling := g.lo
		if g.isRange {
			ceiling = g.hi
		}
		if r.cmp(ceiling) > 0 {
			return StatusNotMet, nil, false
		}
		return StatusInProgress, nil, false
	}
	a, ok := goal{lo: g.lo}.achievement(Positive, r)
	if !ok {
		return StatusInProgress, nil, false
	}
	d := a.decimal(2)
	if r.cmp(g.lo) >= 0 {
		return StatusMet, &d, a.cmp(fixed100) > 0
	}
	return StatusInProgress, &d, false
}

func zeroStatus(p Polarity, r fixed) Status {
	if meetsZero(p, r) {
		return StatusMet
	}
	return StatusNotMet
}

// year consolidates one calendar year of the indicator from its due
// quarters; false when no quarter of the year is due while in force.
func (e *evaluator) year(x *indicatorRun, y int) (Year, bool) {
	ind := x.ind
	yr := Year{Year: y}
	start, end := x.yearStart(Quarter{y, 1}), x.yearEnd(Quarter{y, 1})
	var buf [4]slot
	qs := e.dueSlots(x, buf[:0], start, end)
	if len(qs) == 0 || e.latest.Before(start) || !ind.Frequency.Due(start.Q) && e.latest.Before(ind.Frequency.NextDue(start)) {
		return yr, false // no period of the year has come due yet
	}
	reported := 0
	for _, s := range qs {
		if s.ok {
			reported++
		}
	}
	yr.Complete = reported == len(qs)
	actual, value, ok := x.roll.whole(qs)
	yr.Actual = actual
	// A last or cumulative indicator's year is settled once its final due
	// period is in: its value is the year's.
	settled := yr.Complete || (ind.Consolidation == Last || ind.Consolidation == RunningTotal) && qs[len(qs)-1].ok
	closed := !e.latest.Before(end)

	ti := x.target(y, 0)
	var ach fixed
	achOK := false
	if ti >= 0 {
		yr.Target = &x.targets[ti]
		if ok {
			if ach, achOK = x.goals[ti].achievement(ind.Polarity, value); achOK {
				d := ach.decimal(2)
				yr.Achievement = &d
			}
		}
	}
	switch {
	case reported == 0:
		yr.Status = StatusNotReported
	case ti < 0:
		yr.Status = StatusNoTarget
		e.warnf(WarnNoAnnualTarget, ind.Slug, Quarter{y, 4}, "indicator %q has results in %d but no annual target for %d; add the target", ind.Slug, y, y)
	case !settled && !closed:
		yr.Status = StatusInProgress
	case !settled || !ok:
		yr.Status = StatusIncomplete
	case !achOK:
		yr.Status = zeroStatus(ind.Polarity, value)
	default:
		yr.Status = StatusCategory
		yr.Category = categorize(e.rules.Categories, e.mins, ach)
	}
	yr.Met = metOf(yr.Status, yr.Achievement)
	return yr, true
}

// overQuarters calls f for every quarter of the report in which indicator
// i is in force, with its evaluation and capped achievement when the
// quarter is due (nil when it is not).
func (e *evaluator) overQuarters(i int, f func(k int, ev *Evaluation, c capped)) {
	ind := &e.ds.Indicators[i]
	ir := &e.rep.Indicators[i]
	n := 0
	for k := range e.span {
		q := e.first.Add(k)
		if !inForce(ind, q) {
			continue
		}
		if n < len(ir.Series) && ir.Series[n].Quarter == q {
			f(k, &ir.Series[n], e.capped[i][n])
			n++
			continue
		}
		f(k, nil, capped{})
	}
}

// agencies builds the agency reports, their scores and counts per quarter.
func (e *evaluator) agencies() {
	ds := e.ds
	type acc struct {
		sum    fixed
		counts Counts
	}
	accs := make([][]acc, len(ds.Agencies))
	reps := make([]AgencyReport, len(ds.Agencies))
	for a := range ds.Agencies {
		accs[a] = make([]acc, e.span)
		for k := range accs[a] {
			accs[a][k].counts = e.newCounts()
		}
		reps[a].Agency = ds.Agencies[a]
		reps[a].Indicators = []string{}
		ps := make([]Predicate, len(e.ix.predicates[a]))
		for k, pi := range e.ix.predicates[a] {
			ps[k] = ds.Predicates[pi]
		}
		slices.SortStableFunc(ps, func(p, q Predicate) int { return cmp.Compare(p.Year, q.Year) })
		reps[a].Predicates = ps
	}
	for i := range ds.Indicators {
		ind := &ds.Indicators[i]
		a := e.ix.agency[ind.AgencySlug]
		reps[a].Indicators = append(reps[a].Indicators, ind.Slug)
		e.overQuarters(i, func(k int, ev *Evaluation, c capped) {
			s := &accs[a][k]
			s.counts.add(e.rules.Categories, ind, e.first.Add(k), ev)
			if c.ok {
				s.sum = s.sum.add(c.v)
			}
		})
	}
	for a := range reps {
		reps[a].Scores = make([]Score, e.span)
		for k, s := range accs[a] {
			sc := Score{Quarter: e.first.Add(k), Counts: s.counts}
			if n := s.counts.Counted(); n > 0 {
				d := s.sum.quo(fixedInt(int64(n)), 2).decimal(2)
				sc.Value = &d
			}
			reps[a].Scores[k] = sc
		}
		reps[a].Counts = reps[a].Scores[e.span-1].Counts
	}
	e.rep.Agencies = reps
}

// sectors builds the sector reports: agencies and indicators in dataset order.
func (e *evaluator) sectors() {
	ds := e.ds
	reps := make([]SectorReport, len(ds.Sectors))
	has := make([]bool, len(ds.Sectors)*len(ds.Agencies))
	for s := range ds.Sectors {
		reps[s] = SectorReport{Sector: ds.Sectors[s], Agencies: []string{}, Indicators: []string{}}
	}
	for _, ind := range ds.Indicators {
		s := e.ix.sector[ind.SectorSlug]
		reps[s].Indicators = append(reps[s].Indicators, ind.Slug)
		has[s*len(ds.Agencies)+e.ix.agency[ind.AgencySlug]] = true
	}
	for s := range reps {
		for a, ag := range ds.Agencies {
			if has[s*len(ds.Agencies)+a] {
				reps[s].Agencies = append(reps[s].Agencies, ag.Slug)
			}
		}
	}
	e.rep.Sectors = reps
}

func (e *evaluator) newCounts() Counts {
	c := Counts{ByCategory: make(map[string]int, len(e.rules.Categories))}
	for _, cat := range e.rules.Categories {
		c.ByCategory[cat.Key] = 0
	}
	return c
}

// counts tallies the latest quarter, overall and per sector.
func (e *evaluator) counts() {
	ds := e.ds
	total := e.newCounts()
	bySector := make([]Counts, len(ds.Sectors))
	for s := range bySector {
		bySector[s] = e.newCounts()
	}
	last := e.span - 1
	for i := range ds.Indicators {
		ind := &ds.Indicators[i]
		e.overQuarters(i, func(k int, ev *Evaluation, _ capped) {
			if k == last {
				total.add(e.rules.Categories, ind, e.latest, ev)
				bySector[e.ix.sector[ind.SectorSlug]].add(e.rules.Categories, ind, e.latest, ev)
			}
		})
	}
	e.rep.Counts = total
	e.rep.Catalogue = Catalogue{All: len(ds.Indicators)}
	for i := range ds.Indicators {
		if inForce(&ds.Indicators[i], e.first.Add(last)) {
			e.rep.Catalogue.InForce++
		} else {
			e.rep.Catalogue.NotInForce++
		}
	}
	e.rep.SectorCounts = make(map[string]Counts, len(ds.Sectors))
	for s, sec := range ds.Sectors {
		e.rep.SectorCounts[sec.Slug] = bySector[s]
	}
}

// add counts indicator ind in quarter q: ev is its evaluation there, nil
// when q is not due.
func (c *Counts) add(cats []Category, ind *Indicator, q Quarter, ev *Evaluation) {
	c.Total++
	if ev == nil {
		c.NotDue++
		if next := ind.Frequency.NextDue(q); inForce(ind, next) && (c.NextDue.IsZero() || next.Before(c.NextDue)) {
			c.NextDue = next
		}
		return
	}
	if ev.Exceeds {
		c.Exceeds++
	}
	if ev.Provisional && ev.Actual != nil {
		c.Provisional++
	}
	switch ev.Status {
	case StatusCategory:
		c.ByCategory[ev.Category]++
		for _, cat := range cats {
			if cat.Key == ev.Category && cat.Good {
				c.Good++
				c.GoodOrMet++
			}
		}
	case StatusInProgress:
		c.InProgress++
	case StatusMet:
		c.Met++
		c.GoodOrMet++
	case StatusMetSoFar:
		c.MetSoFar++
		c.GoodOrMet++
	case StatusNotMet:
		c.NotMet++
	case StatusNotReported:
		c.NotReported++
	case StatusNoTarget:
		c.NoTarget++
	case StatusIncomplete:
		c.Incomplete++
	}
}

// movers finds the largest changes of capped achievement against the same
// quarter a year earlier.
func (e *evaluator) movers() {
	type move struct {
		slug             string
		from, to, change fixed
	}
	var ups, downs []move
	for i, ind := range e.ds.Indicators {
		ir := &e.rep.Indicators[i]
		n := len(ir.Series)
		if n == 0 || ir.Series[n-1].Quarter != e.latest {
			continue // not due now
		}
		k := slices.IndexFunc(ir.Series, func(ev Evaluation) bool { return ev.Quarter == e.latest.Add(-4) })
		if k < 0 {
			continue
		}
		to, from := e.capped[i][n-1], e.capped[i][k]
		if !to.ok || !from.ok {
			continue
		}
		m := move{slug: ind.Slug, from: from.v, to: to.v, change: to.v.sub(from.v)}
		switch m.change.sign() {
		case 1:
			ups = append(ups, m)
		case -1:
			downs = append(downs, m)
		}
	}
	order := func(a, b move) int {
		return cmp.Or(b.change.abs().cmp(a.change.abs()), cmp.Compare(a.slug, b.slug))
	}
	pick := func(ms []move) []Mover {
		slices.SortFunc(ms, order)
		out := make([]Mover, 0, min(len(ms), 5))
		for _, m := range ms[:min(len(ms), 5)] {
			out = append(out, Mover{
				IndicatorSlug: m.slug,
				From:          m.from.decimal(2),
				To:            m.to.decimal(2),
				Change:        m.change.decimal(2),
			})
		}
		return out
	}
	e.rep.Improvements = pick(ups)
	e.rep.Declines = pick(downs)
}
