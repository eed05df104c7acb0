package iku

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Code names one kind of data-quality finding. Codes are stable: the
// office lists them in data/pemeriksaan.toml, scripts read them from
// `kinerja check --json`, and the site translates them (i18n "check_" + code).
type Code string

const (
	// Completeness.
	CodeNoActual      Code = "no_actual"      // a due indicator has no actual for the quarter
	CodeNoTarget      Code = "no_target"      // a due indicator has no annual target for the quarter's year
	CodeNoExplanation Code = "no_explanation" // a missed target without the agency's explanation
	// Plausibility.
	CodeNegativeCount      Code = "negative_count"       // a negative value of a sum (count) indicator
	CodePercentOutOfRange  Code = "percent_out_of_range" // a "%" value outside 0–100 (or the indicator's own min/max)
	CodeOutlier            Code = "outlier"              // far outside the indicator's own history (median absolute deviation)
	CodeActualEqualsTarget Code = "actual_equals_target" // the actual equals the target several due periods in a row
	CodeTargetTooLow       Code = "target_too_low"       // met by a wide margin in every recent due period
	CodeLooksCumulative    Code = "looks_cumulative"     // a last indicator that rises every year and falls back in Q1: a running total since January?
	CodeZeroTarget         Code = "zero_target"          // a target of 0 on a percentage or where higher is better: every period reads "met"
	CodeTargetEased        Code = "target_eased"         // a target eased by target_eased_share or more since the last release (or version)
	CodeTargetEasedYear    Code = "target_eased_year"    // a year's target eased by target_eased_share or more from the year before's
	CodeUnitChanged        Code = "unit_changed"         // the unit differs from the previous release's
	CodePolarityChanged    Code = "polarity_changed"     // the polarity differs from the previous release's
	CodeDefinitionChanged  Code = "definition_changed"   // the definition or formula differs from the previous release's
	// Staleness.
	CodeStale           Code = "stale"            // no actual in the last due periods
	CodeOutsideValidity Code = "outside_validity" // results outside the indicator's validity (valid_from, valid_to)
	// The data checks of Evaluate (Report.DataWarnings) that no check above reports.
	CodeDataWarning Code = "data_warning"
)

// Codes lists every code, in the order findings of one indicator are listed.
var Codes = []Code{
	CodeNoActual, CodeNoTarget, CodeNoExplanation,
	CodeNegativeCount, CodePercentOutOfRange, CodeOutlier, CodeActualEqualsTarget, CodeTargetTooLow, CodeLooksCumulative,
	CodeZeroTarget, CodeTargetEased, CodeTargetEasedYear,
	CodeUnitChanged, CodePolarityChanged, CodeDefinitionChanged,
	CodeStale, CodeOutsideValidity, CodeDataWarning,
}

// Severity says whether a finding stops publishing.
type Severity string

const (
	Blocking Severity = "blocking" // not publishable until fixed
	Warning  Severity = "warning"  // worth a look; never blocks
)

// Finding is one problem that Check found.
type Finding struct {
	Code      Code     `json:"code"`
	Severity  Severity `json:"severity"`
	Agency    string   `json:"agency"`    // agency slug
	Indicator string   `json:"indicator"` // indicator slug
	Quarter   Quarter  `json:"quarter"`   // the due quarter concerned
	// Value is the value concerned as exact text ("" when none): the
	// actual, the new unit or polarity, the run length.
	Value string `json:"value"`
	// Ref is what Value is compared with ("" when none): the target, the
	// median of the history, the previous unit or polarity.
	Ref string `json:"ref"`
	// Message is one English sentence for the terminal, naming the
	// indicator, period and value. The site translates Code instead.
	Message string `json:"message"`
}

// CheckConfig says which quarter to check, which codes block, and the
// thresholds of the plausibility rules (content/metodologi.md,
// "Pemeriksaan data"). DefaultCheckConfig gives the defaults.
type CheckConfig struct {
	// Quarter to check; zero = the report's latest.
	Quarter Quarter
	// Block lists the codes whose findings block publishing.
	Block []Code
	// OutlierFactor: an actual is an outlier when it lies more than
	// OutlierFactor robust standard deviations (1.4826 × MAD) from the
	// median of the indicator's earlier due actuals, of which there must
	// be at least OutlierHistory.
	OutlierFactor  float64
	OutlierHistory int
	// CopiedRun: actual = target in this many consecutive due periods.
	CopiedRun int
	// TooLowAchievement, TooLowRun: achievement at or above
	// TooLowAchievement % in each of the last TooLowRun due periods that
	// have an achievement.
	TooLowAchievement float64
	TooLowRun         int
	// StaleRun: no actual in this many due periods up to the quarter.
	StaleRun int
	// CumulativeYears: a last indicator with only annual targets looks
	// like a running total since January when at least this many complete
	// years each rise from their first due period to their last, and the
	// year after each falls back in its first due period.
	CumulativeYears int
	// TargetEasedShare: a target is eased when it moves in the direction
	// that makes it easier to meet (lowered where higher is better, raised
	// where lower is better) by this share or more, in percent of the
	// earlier target, compared with the same target in Previous and with
	// the year before's annual target. For a range target the bound that
	// decides whether the target is met is compared: the lower bound where
	// higher is better, the upper bound where lower is better.
	TargetEasedShare float64
	// Previous is the dataset of the last release (when publishing a new
	// version, the version it revises), to compare units, polarities,
	// definitions and targets with; nil skips those checks. PreviousName
	// names it in messages: "2026-Q3 v1".
	Previous     *Dataset
	PreviousName string
}

// DefaultBlock are the codes that block when data/pemeriksaan.toml does
// not say otherwise: numbers that cannot be right, or cannot be evaluated.
var DefaultBlock = []Code{CodeNoTarget, CodeNegativeCount, CodePercentOutOfRange, CodeZeroTarget}

// DefaultCheckConfig is the configuration that ships.
func DefaultCheckConfig() CheckConfig {
	return CheckConfig{
		Block:             slices.Clone(DefaultBlock),
		OutlierFactor:     3.5,
		OutlierHistory:    6,
		CopiedRun:         4,
		TooLowAchievement: 130,
		TooLowRun:         8,
		StaleRun:          3,
		CumulativeYears:   2,
		TargetEasedShare:  25,
	}
}

// Validate checks the configuration: known codes, usable thresholds.
func (c CheckConfig) Validate() error {
	for _, code := range c.Block {
		if !slices.Contains(Codes, code) {
			names := make([]string, len(Codes))
			for i, k := range Codes {
				names[i] = string(k)
			}
			return Errorf(Invalid, "block names the unknown check %q; use any of %s", code, strings.Join(names, ", "))
		}
	}
	switch {
	case !(c.OutlierFactor > 0):
		return Errorf(Invalid, "outlier_factor is %v; set it above 0 (the default is 3.5)", c.OutlierFactor)
	case c.OutlierHistory < 3:
		return Errorf(Invalid, "outlier_history is %d; set it to 3 or more (the default is 6)", c.OutlierHistory)
	case c.CopiedRun < 2:
		return Errorf(Invalid, "copied_run is %d; set it to 2 or more (the default is 4)", c.CopiedRun)
	case !(c.TooLowAchievement > 100):
		return Errorf(Invalid, "too_low_achievement is %v; set it above 100 (the default is 130)", c.TooLowAchievement)
	case c.TooLowRun < 1:
		return Errorf(Invalid, "too_low_run is %d; set it to 1 or more (the default is 8)", c.TooLowRun)
	case c.StaleRun < 1:
		return Errorf(Invalid, "stale_run is %d; set it to 1 or more (the default is 3)", c.StaleRun)
	case c.CumulativeYears < 1:
		return Errorf(Invalid, "cumulative_years is %d; set it to 1 or more (the default is 2)", c.CumulativeYears)
	case !(c.TargetEasedShare > 0):
		return Errorf(Invalid, "target_eased_share is %v; set it above 0, in percent (the default is 25)", c.TargetEasedShare)
	}
	return nil
}

// Blocks reports whether findings of code block publishing.
func (c CheckConfig) Blocks(code Code) bool { return slices.Contains(c.Block, code) }

// Check looks for data problems in rep (evaluated from ds) before it is
// published, in cfg.Quarter (default the report's latest). Only the
// quarter's due periods count: an indicator not due then (see
// Frequency.Due) has no completeness or plausibility finding. Findings are
// grouped by agency (those with a blocking finding first, then in dataset
// order), blocking first within each, then by indicator (dataset order)
// and code (Codes order). The rules are stated on
// content/metodologi.md ("Pemeriksaan data").
func Check(ds *Dataset, rep *Report, cfg CheckConfig) []Finding {
	q := cfg.Quarter
	if q.IsZero() {
		q = rep.Latest
	}
	c := &checker{cfg: cfg, q: q, rules: rep.Rules}
	var prev map[string]*Indicator
	var prevTargets map[string][]Target
	if cfg.Previous != nil {
		prev = make(map[string]*Indicator, len(cfg.Previous.Indicators))
		for i := range cfg.Previous.Indicators {
			prev[cfg.Previous.Indicators[i].Slug] = &cfg.Previous.Indicators[i]
		}
		prevTargets = make(map[string][]Target, len(cfg.Previous.Indicators))
		for _, t := range cfg.Previous.Targets {
			prevTargets[t.IndicatorSlug] = append(prevTargets[t.IndicatorSlug], t)
		}
	}
	byCode := map[[2]string]bool{} // indicator, code: found
	for i := range rep.Indicators {
		ir := &rep.Indicators[i]
		n := len(c.out)
		c.indicator(ir)
		c.targets(ir, prevTargets[ir.Indicator.Slug], cfg.Previous != nil)
		if p := prev[ir.Indicator.Slug]; p != nil {
			c.changed(&ir.Indicator, p)
		}
		for _, f := range c.out[n:] {
			byCode[[2]string{f.Indicator, string(f.Code)}] = true
		}
	}
	c.warnings(rep, byCode)

	// Agencies with a blocking finding first, then in dataset order.
	agencyOrder := make(map[string]int, len(ds.Agencies))
	for i, a := range ds.Agencies {
		agencyOrder[a.Slug] = i + len(ds.Agencies)
	}
	for _, f := range c.out {
		if f.Severity == Blocking {
			agencyOrder[f.Agency] %= len(ds.Agencies)
		}
	}
	indOrder := make(map[string]int, len(ds.Indicators))
	for i, ind := range ds.Indicators {
		indOrder[ind.Slug] = i
	}
	slices.SortStableFunc(c.out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(agencyOrder[a.Agency], agencyOrder[b.Agency]),
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
			cmp.Compare(indOrder[a.Indicator], indOrder[b.Indicator]),
			cmp.Compare(slices.Index(Codes, a.Code), slices.Index(Codes, b.Code)),
			cmp.Compare(a.Quarter.Index(), b.Quarter.Index()),
		)
	})
	return c.out
}

func severityRank(s Severity) int {
	if s == Blocking {
		return 0
	}
	return 1
}

type checker struct {
	cfg   CheckConfig
	q     Quarter
	rules Rules
	out   []Finding
}

func (c *checker) add(code Code, ind *Indicator, q Quarter, value, ref, format string, args ...any) {
	sev := Warning
	if c.cfg.Blocks(code) {
		sev = Blocking
	}
	c.out = append(c.out, Finding{Code: code, Severity: sev, Agency: ind.AgencySlug, Indicator: ind.Slug,
		Quarter: q, Value: value, Ref: ref, Message: fmt.Sprintf(format, args...)})
}

// name is how messages name an indicator: its slug and name.
func name(ind *Indicator) string { return fmt.Sprintf("%q (%s)", ind.Slug, ind.Name) }

// indicator runs the checks of one indicator in the checked quarter.
func (c *checker) indicator(ir *IndicatorReport) {
	ind := &ir.Indicator
	k, due := slices.BinarySearchFunc(ir.Series, c.q, func(e Evaluation, q Quarter) int {
		return cmp.Compare(e.Quarter.Index(), q.Index())
	})
	if !due {
		return // not due (or not in force) in the checked quarter
	}
	series := ir.Series[:k+1] // up to the checked quarter
	ev := &series[k]
	period := ind.Frequency.Period(c.q).Key()

	// Completeness.
	if ev.Actual == nil {
		c.add(CodeNoActual, ind, c.q, "", "", "indicator %s has no actual for %s; enter it or mark why it is missing", name(ind), period)
	}
	if !slices.ContainsFunc(ir.Targets, func(t Target) bool { return t.Year == c.q.Year && t.Quarter == 0 }) {
		c.add(CodeNoTarget, ind, c.q, "", "", "indicator %s has no annual target for %d, so %s cannot be evaluated; add the target", name(ind), c.q.Year, period)
	}
	if c.missed(ev) && !explained(ev.Explanation) {
		c.add(CodeNoExplanation, ind, c.q, textOf(ev.Achievement), "", "indicator %s missed its target in %s (%s) and has no explanation; ask the agency for its supporting and inhibiting factors and follow-up", name(ind), period, missedWhat(ev))
	}

	// Plausibility of the quarter's own actual.
	if ev.Actual != nil {
		x := fixedOf(*ev.Actual)
		if ind.Consolidation == Sum && x.sign() < 0 {
			c.add(CodeNegativeCount, ind, c.q, ev.Actual.String(), "", "indicator %s counts %s and reports %s for %s; a count cannot be negative, so fix the value", name(ind), unitOr(ind), ev.Actual, period)
		}
		if ind.Unit == "%" {
			lo, hi := fixedInt(0), fixedInt(100)
			if ind.MinValue != nil && fixedOf(*ind.MinValue).cmp(lo) < 0 {
				lo = fixedOf(*ind.MinValue)
			}
			if ind.MaxValue != nil && fixedOf(*ind.MaxValue).cmp(hi) > 0 {
				hi = fixedOf(*ind.MaxValue)
			}
			if x.cmp(lo) < 0 || x.cmp(hi) > 0 {
				c.add(CodePercentOutOfRange, ind, c.q, ev.Actual.String(), fmt.Sprintf("%s–%s", lo.decimal(0), hi.decimal(0)), "indicator %s is a percentage but reports %s for %s, outside %s to %s; fix the value", name(ind), ev.Actual, period, lo.decimal(0), hi.decimal(0))
			}
		}
		var hist []float64
		for _, e := range series[:k] {
			if e.Actual != nil {
				hist = append(hist, e.Actual.Float64())
			}
		}
		if len(hist) >= c.cfg.OutlierHistory {
			if med, out := Outlier(hist, ev.Actual.Float64(), c.cfg.OutlierFactor); out {
				m := fmt.Sprintf("%.*f", ind.Decimals, med)
				c.add(CodeOutlier, ind, c.q, ev.Actual.String(), m, "indicator %s reports %s for %s, far from the median %s of its %d earlier periods; check the value", name(ind), ev.Actual, period, m, len(hist))
			}
		}
	}

	// Copied targets: actual = target in the last CopiedRun due periods.
	if n := c.cfg.CopiedRun; len(series) >= n && !slices.ContainsFunc(series[len(series)-n:], func(e Evaluation) bool { return !equalsTarget(e) }) {
		c.add(CodeActualEqualsTarget, ind, c.q, ev.Compared.String(), ev.Target.Value.String(), "indicator %s reports exactly its target (%s) in each of the %d periods up to %s; check that the actuals were not copied from the targets", name(ind), ev.Target.Value, n, period)
	}

	// A target set too low: met by a wide margin every time.
	var achs []Decimal
	for _, e := range series {
		if e.Status == StatusCategory && e.Achievement != nil {
			achs = append(achs, *e.Achievement)
		}
	}
	if n := c.cfg.TooLowRun; len(achs) >= n {
		limit := fixedOf(MustDecimal(fmt.Sprint(c.cfg.TooLowAchievement)))
		last := achs[len(achs)-n:]
		if !slices.ContainsFunc(last, func(a Decimal) bool { return fixedOf(a).cmp(limit) < 0 }) {
			lowest := slices.MinFunc(last, func(a, b Decimal) int { return fixedOf(a).cmp(fixedOf(b)) })
			c.add(CodeTargetTooLow, ind, c.q, lowest.String(), fmt.Sprint(c.cfg.TooLowAchievement), "indicator %s reached at least %s%% of its target in each of its last %d evaluated periods up to %s; review whether the target is set too low", name(ind), lowest, n, period)
		}
	}

	// A level that behaves like a running total since January.
	if n, ok := c.looksCumulative(ir, series); ok {
		c.add(CodeLooksCumulative, ind, c.q, strconv.Itoa(n), string(RunningTotal), "indicator %s (consolidation last) rises from its first to its last period in each of its %d complete years and falls back at the start of the next year, as a running total since January does; if it counts from January, set its consolidation to cumulative, so that the quarters before Q4 show progress toward the annual target instead of a low category", name(ind), n)
	}

	// Staleness.
	if n := c.cfg.StaleRun; len(series) >= n && !slices.ContainsFunc(series[len(series)-n:], func(e Evaluation) bool { return e.Actual != nil }) {
		c.add(CodeStale, ind, c.q, fmt.Sprint(n), "", "indicator %s has no actual in its last %d due periods up to %s; ask the agency whether it is still measured", name(ind), n, period)
	}
}

// looksCumulative reports whether a last indicator with only annual
// targets looks like a running total since January in series (its due
// periods up to the checked quarter), with the number of complete years
// that show it: at least CumulativeYears complete years (every due period
// reported, at least two of them), each rising from its first due period
// to its last (never falling, ending higher), and every first due period
// that follows a complete year below that year's last value, at least
// once. The publisher confirms (DOMAIN.md, "Quarters and years").
func (c *checker) looksCumulative(ir *IndicatorReport, series []Evaluation) (int, bool) {
	ind := &ir.Indicator
	if ind.Consolidation != Last || slices.ContainsFunc(ir.Targets, func(t Target) bool { return t.Quarter != 0 }) {
		return 0, false
	}
	perYear := 0
	for q := 1; q <= 4; q++ {
		if ind.Frequency.Due(q) {
			perYear++
		}
	}
	if perYear < 2 {
		return 0, false
	}
	complete, fallbacks := 0, 0
	for i := 0; i < len(series); {
		y := series[i].Quarter.Year
		j := i
		for j < len(series) && series[j].Quarter.Year == y {
			j++
		}
		year := series[i:j]
		i = j
		if len(year) != perYear || slices.ContainsFunc(year, func(e Evaluation) bool { return e.Actual == nil }) {
			continue // not a complete year
		}
		for k := 1; k < len(year); k++ {
			if fixedOf(*year[k].Actual).cmp(fixedOf(*year[k-1].Actual)) < 0 {
				return 0, false // a complete year that falls
			}
		}
		last := fixedOf(*year[len(year)-1].Actual)
		if last.cmp(fixedOf(*year[0].Actual)) <= 0 {
			return 0, false // a complete year that does not rise
		}
		complete++
		if j < len(series) && series[j].Quarter.Year == y+1 && series[j].Actual != nil {
			if fixedOf(*series[j].Actual).cmp(last) >= 0 {
				return 0, false // the next year does not fall back
			}
			fallbacks++
		}
	}
	return complete, complete >= c.cfg.CumulativeYears && fallbacks > 0
}

// missed reports whether ev missed its target: not met (a zero target, a
// ceiling exceeded), or a category that the rules do not mark good.
func (c *checker) missed(ev *Evaluation) bool {
	switch ev.Status {
	case StatusNotMet:
		return true
	case StatusCategory:
		for _, cat := range c.rules.Categories {
			if cat.Key == ev.Category {
				return !cat.Good
			}
		}
	}
	return false
}

func missedWhat(ev *Evaluation) string {
	if ev.Achievement != nil {
		return "achievement " + ev.Achievement.String() + "%"
	}
	return "target not met"
}

func explained(x *Explanation) bool {
	return x != nil && strings.TrimSpace(x.Supporting+x.Inhibiting+x.FollowUp) != ""
}

// equalsTarget reports whether e's compared actual equals its (single
// value) target. A zero target does not count: "0 cases" met again and
// again is what the agency aims for, not a copied number.
func equalsTarget(e Evaluation) bool {
	return e.Compared != nil && e.Target != nil && !e.Target.IsRange() && e.Target.Value.Sign() != 0 &&
		fixedOf(*e.Compared).cmp(fixedOf(e.Target.Value)) == 0
}

func textOf(d *Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func unitOr(ind *Indicator) string {
	if ind.Unit == "" {
		return "a quantity"
	}
	return ind.Unit
}

// changed compares an indicator with its row in the previous release.
func (c *checker) changed(ind, prev *Indicator) {
	if ind.Unit != prev.Unit {
		c.add(CodeUnitChanged, ind, c.q, ind.Unit, prev.Unit, "indicator %s changed its unit from %q to %q since the last release; a new unit needs a new indicator (slug), or say why in the release notes", name(ind), prev.Unit, ind.Unit)
	}
	if ind.Polarity != prev.Polarity {
		c.add(CodePolarityChanged, ind, c.q, string(ind.Polarity), string(prev.Polarity), "indicator %s changed its polarity from %s to %s since the last release, which turns its achievements around; check the indicators table", name(ind), prev.Polarity, ind.Polarity)
	}
	if strings.TrimSpace(ind.Definition) != strings.TrimSpace(prev.Definition) || strings.TrimSpace(ind.Formula) != strings.TrimSpace(prev.Formula) {
		c.add(CodeDefinitionChanged, ind, c.q, "", "", "indicator %s changed its definition or formula since the last release; if it now measures something else, end it (valid_to) and start a new indicator", name(ind))
	}
}

// targets checks the targets of an indicator that judge the checked
// quarter's year: a target of 0 where it cannot be meant (a percentage,
// or higher is better: every period then reads "met"), a target eased
// since the previous release (of any year up to the checked one: easing
// a past year's target rewrites its judgements), and the year's annual
// target eased from the year before's. Targets are checked whether or not
// the indicator is due in the quarter.
func (c *checker) targets(ir *IndicatorReport, previous []Target, compare bool) {
	ind := &ir.Indicator
	y := c.q.Year
	at := func(t *Target) Quarter {
		switch {
		case t.Quarter != 0:
			return Quarter{Year: t.Year, Q: t.Quarter}
		case t.Year == y:
			return c.q
		}
		return Quarter{Year: t.Year, Q: 4}
	}
	var lastYear *Target
	for i := range ir.Targets {
		t := &ir.Targets[i]
		if t.Year == y-1 && t.Quarter == 0 {
			lastYear = t
		}
	}
	for i := range ir.Targets {
		t := &ir.Targets[i]
		if t.Year > y {
			continue
		}
		// A zero target for the checked year or quarter.
		if (t.Year == y && (t.Quarter == 0 || t.Quarter == c.q.Q)) && zero(t) && (ind.Unit == "%" || ind.Polarity == Positive) {
			why := "higher is better"
			if ind.Unit == "%" {
				why = "it is a percentage"
				if ind.Polarity == Positive {
					why = "it is a percentage where higher is better"
				}
			}
			c.add(CodeZeroTarget, ind, at(t), "0", "", "indicator %s has a target of 0 for %s although %s, so every period reads as met; enter the target the agency committed to (a 0 usually means it was not entered), or if 0 really is the target, remove zero_target from block in %s", name(ind), targetPeriod(t), why, "data/pemeriksaan.toml")
		}
		// Eased since the previous release (or version).
		if compare {
			for j := range previous {
				p := &previous[j]
				if p.Year != t.Year || p.Quarter != t.Quarter {
					continue
				}
				if share, ok := c.eased(ind, p, t); ok {
					since := "the last release"
					if c.cfg.PreviousName != "" {
						since += " (" + c.cfg.PreviousName + ")"
					}
					c.add(CodeTargetEased, ind, at(t), targetText(t), targetText(p), "indicator %s has its target for %s %s from %s to %s since %s, %s%% easier to meet (target_eased_share is %v%%); a target changed after it was published changes the judgement of every period it applies to: check it with the agency, and say why in the reason of the revision (--revise) or the release notes", name(ind), targetPeriod(t), movedWord(ind), targetText(p), targetText(t), since, share, c.cfg.TargetEasedShare)
				}
			}
		}
		// The year's annual target eased from the year before's.
		if t.Year == y && t.Quarter == 0 && lastYear != nil {
			if share, ok := c.eased(ind, lastYear, t); ok {
				c.add(CodeTargetEasedYear, ind, c.q, targetText(t), targetText(lastYear), "indicator %s has a target for %d of %s, %s%% easier to meet than its target for %d (%s; target_eased_share is %v%%); check with the agency that the target is the one it committed to (Renstra, Perjanjian Kinerja), and say why it was %s in the release notes", name(ind), y, targetText(t), share, y-1, targetText(lastYear), c.cfg.TargetEasedShare, movedWord(ind))
			}
		}
	}
}

// zero reports whether t is 0 (a single value, or the range 0–0).
func zero(t *Target) bool {
	return t.Value.Sign() == 0 && (t.High == nil || t.High.Sign() == 0)
}

// bar is the bound of a target that decides whether it is met: the
// target, or of a range the lower bound where higher is better and the
// upper bound where lower is better.
func bar(ind *Indicator, t *Target) fixed {
	if ind.Polarity == Negative && t.High != nil {
		return fixedOf(*t.High)
	}
	return fixedOf(t.Value)
}

// eased reports whether the target moved from old to new in the
// direction that makes it easier to meet by TargetEasedShare percent of
// old's bar or more, and by how much (in percent, 2 decimals). From a
// bar of 0 any easing counts (the share is then given as "∞").
func (c *checker) eased(ind *Indicator, old, new *Target) (string, bool) {
	o, n := bar(ind, old), bar(ind, new)
	d := o.sub(n) // lowered by d
	if ind.Polarity == Negative {
		d = n.sub(o) // raised by d
	}
	if d.sign() <= 0 {
		return "", false
	}
	if o.sign() == 0 {
		return "∞", true
	}
	share := d.mul(fixedHundred).quo(o.abs(), 2)
	limit := fixedOf(MustDecimal(strconv.FormatFloat(c.cfg.TargetEasedShare, 'f', -1, 64)))
	if share.cmp(limit) < 0 {
		return "", false
	}
	return share.decimal(2).String(), true
}

// movedWord says how an eased target moved: "lowered" where higher is
// better, "raised" where lower is better.
func movedWord(ind *Indicator) string {
	if ind.Polarity == Negative {
		return "raised"
	}
	return "lowered"
}

// targetText writes a target as exact text: "40", "80–90".
func targetText(t *Target) string {
	if t.High != nil {
		return t.Value.String() + "–" + t.High.String()
	}
	return t.Value.String()
}

// warnings turns Evaluate's data warnings up to the checked quarter into
// findings: outside_validity, or data_warning unless a check above already
// reported the same problem of that indicator.
func (c *checker) warnings(rep *Report, found map[[2]string]bool) {
	inds := make(map[string]*Indicator, len(rep.Indicators))
	for i := range rep.Indicators {
		inds[rep.Indicators[i].Indicator.Slug] = &rep.Indicators[i].Indicator
	}
	for _, w := range rep.DataWarnings {
		ind := inds[w.Indicator]
		agency, q := w.Agency, w.Quarter
		switch {
		case w.Kind == WarnLongText:
			// About the data as it stands, not a period: filed under the
			// checked quarter, the indicator's agency, or none (a sector).
			q = c.q
			if ind != nil {
				agency = ind.AgencySlug
			}
		case ind == nil || c.q.Before(w.Quarter):
			continue
		default:
			agency = ind.AgencySlug
		}
		code := CodeDataWarning
		switch {
		case w.Kind == WarnOutsideValidity:
			code = CodeOutsideValidity
		case w.Kind == WarnNoAnnualTarget && w.Quarter.Year == c.q.Year && found[[2]string{w.Indicator, string(CodeNoTarget)}],
			w.Kind == WarnOutOfBounds && w.Quarter == c.q && found[[2]string{w.Indicator, string(CodePercentOutOfRange)}]:
			continue
		}
		sev := Warning
		if c.cfg.Blocks(code) {
			sev = Blocking
		}
		c.out = append(c.out, Finding{Code: code, Severity: sev, Agency: agency, Indicator: w.Indicator,
			Quarter: q, Message: w.Message})
	}
}

// MADScale turns a median absolute deviation into a robust estimate of
// the standard deviation (1 / Φ⁻¹(3/4) ≈ 1.4826, exact for normal data).
const MADScale = 1.4826

// meanADScale does the same for the mean absolute deviation (√(π/2)).
const meanADScale = 1.2533

// Outlier reports whether x lies far outside the values hist, by the
// modified z-score of Iglewicz and Hoaglin: with m the median of hist and
// MAD the median of |hᵢ − m|, x is an outlier when
//
//	|x − m| > factor × 1.4826 × MAD.
//
// When more than half of hist equals its median, MAD is 0; then the mean
// absolute deviation from the median scaled by 1.2533 stands in for
// 1.4826 × MAD, and when every value of hist is the same, any x different
// from it is an outlier. It also returns m.
func Outlier(hist []float64, x, factor float64) (median float64, out bool) {
	if len(hist) == 0 {
		return 0, false
	}
	m := medianOf(hist)
	dev := make([]float64, len(hist))
	sum := 0.0
	for i, h := range hist {
		dev[i] = math.Abs(h - m)
		sum += dev[i]
	}
	spread := MADScale * medianOf(dev)
	if spread == 0 {
		spread = meanADScale * sum / float64(len(hist))
	}
	d := math.Abs(x - m)
	if spread == 0 {
		return m, d != 0
	}
	return m, d > factor*spread
}

func medianOf(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Tally counts findings by severity.
func Tally(fs []Finding) (blocking, warnings int) {
	for _, f := range fs {
		if f.Severity == Blocking {
			blocking++
		} else {
			warnings++
		}
	}
	return blocking, warnings
}
