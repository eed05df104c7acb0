package iku

import (
	"cmp"
	"slices"
)

// Status is the state of one indicator in one period, as the site shows it
// (always as text plus an icon, never colour alone).
type Status string

const (
	StatusCategory    Status = "category"     // achievement computed: see Evaluation.Category
	StatusInProgress  Status = "in_progress"  // sum indicator, annual target only, before the year's end: no category yet (dalam proses)
	StatusMet         Status = "met"          // T = 0 met in the polarity's direction, or the year's target already reached (tercapai)
	StatusMetSoFar    Status = "met_so_far"   // a zero ceiling for the year not broken yet (tercapai sejauh ini)
	StatusNotMet      Status = "not_met"      // T = 0 missed, or the year's ceiling already exceeded (tidak tercapai)
	StatusNotReported Status = "not_reported" // R missing (belum dilaporkan): never 0, never dropped
	StatusNoTarget    Status = "no_target"    // T missing (target belum ditetapkan): the actual is still shown
	StatusIncomplete  Status = "incomplete"   // the quarter is reported but its year-to-date value needs an earlier quarter that is not
)

// Basis says what an evaluation compares.
type Basis string

const (
	BasisQuarter        Basis = "quarter"         // the quarter's actual against a per-quarter target, or a level (average, last) against its annual target
	BasisYearToDate     Basis = "ytd"             // year-to-date actual against a cumulative quarterly target
	BasisAnnualProgress Basis = "annual_progress" // sum or cumulative (RunningTotal) indicator with an annual target only: the year to date / annual target (progres terhadap target tahunan); a category only in the year's last quarter
	BasisAnnualCeiling  Basis = "annual_ceiling"  // the same for a negative indicator with a ceiling above 0: cumulative actual against it ("8 dari batas 10"), no percentage
)

// Statuses lists every status in the order the site counts them; the
// categories (StatusCategory) come first, in the rules' order.
var Statuses = []Status{StatusCategory, StatusMet, StatusMetSoFar, StatusInProgress, StatusNotMet, StatusIncomplete, StatusNoTarget, StatusNotReported}

// Trend compares a value with an earlier one according to polarity.
type Trend string

const (
	TrendUnknown   Trend = ""          // one side missing
	TrendImproving Trend = "improving" // membaik
	TrendWorsening Trend = "worsening" // memburuk
	TrendSteady    Trend = "steady"    // tetap
)

// Met says whether a period met its target (tercapai): the one
// definition of DOMAIN.md ("One definition per count") that every
// download prints as its tercapai column.
type Met string

const (
	MetUnknown Met = ""    // neither rule applies: no achievement, no zero target, or not decided yet
	MetYes     Met = "yes" // achievement ≥ 100, or the zero target's rule says tercapai
	MetNo      Met = "no"  // achievement < 100, or the zero target's rule says tidak tercapai
)

// Category is one row of the configurable category table: achievements at
// or above Min (and below the next row's Min) fall in it. Names live in the
// site's i18n files under "category_" + Key.
type Category struct {
	Key string  `toml:"key" json:"key"`
	Min Decimal `toml:"min" json:"min"`
	// Good marks the categories that summaries count as good results
	// ("berkategori Sangat Baik atau Baik").
	Good bool `toml:"good" json:"good"`
}

// Rules are the configurable parts of DOMAIN.md.
type Rules struct {
	// Categories sorted by Min, highest first; the last row catches
	// everything below (its Min is ignored).
	Categories []Category
	// ScoreCap caps achievements before they are averaged (default 120).
	ScoreCap Decimal
}

// Evaluation is one indicator in one quarter.
type Evaluation struct {
	Quarter    Quarter
	Actual     *Decimal // the quarter's own actual; nil = not reported
	YearToDate *Decimal // consolidated from Q1 to this quarter; nil when not computable
	// Compared is the value that earned the status, compared with Target:
	// the quarter's Actual, or YearToDate for progress toward the annual
	// target and for cumulative quarterly targets. It is set whenever the
	// status was earned by a value (category, met, not_met, met_so_far,
	// in_progress), so that a headline pairs it, not Actual, with Target;
	// nil when nothing was compared (not reported, no target, incomplete).
	Compared    *Decimal
	Basis       Basis
	Target      *Target  // the target compared against; nil = none set
	Achievement *Decimal // raw (uncapped) achievement or progress in %, 2 decimals; nil for T = 0, T or R missing
	Status      Status
	Category    string       // Category.Key when Status == StatusCategory
	Exceeds     bool         // achievement > 100 (melampaui target)
	Provisional bool         // sementara: the actual (or a quarter of the year to date compared) is not verified yet; false without an actual
	Grade       string       // IKM quality grade A–D for unit "IKM", else ""
	Explanation *Explanation // the agency's explanation of this period, if any
	// Trends, with the periods they compare (DOMAIN.md: "a trend column
	// names what it compares"). Where both periods have an achievement
	// (StatusCategory), the trend follows the achievement; otherwise the
	// actuals are compared by polarity (against a range target, by their
	// achievement against the current range). PreviousDue is the previous
	// due period and YearAgo the same period a year earlier, each zero when
	// it is outside the indicator's series (before its validity or the
	// report's first quarter); the trend is then TrendUnknown. For an
	// annual indicator both are the year before. A running total
	// (RunningTotal) is not compared with its previous period, which it
	// always exceeds within a year and falls below every Q1: PreviousDue
	// is zero.
	VsPrevious  Trend
	VsYearAgo   Trend
	PreviousDue Quarter
	YearAgo     Quarter
	// Met is tercapai: MetYes / MetNo for a category (achievement ≥ 100),
	// StatusMet and StatusNotMet (a zero target, a year's target already
	// reached or its ceiling already exceeded); MetUnknown otherwise
	// (in progress, met so far, not reported, no target, incomplete).
	Met Met
}

// Year is one indicator's consolidated year.
type Year struct {
	Year        int
	Actual      *Decimal // consolidated by the indicator's rule; nil when not computable
	Complete    bool     // all four quarters reported (all quarters in force, when the indicator starts or ends during the year)
	Target      *Target  // the annual target
	Achievement *Decimal // raw, 2 decimals; nil as for Evaluation
	// Status: not_reported when no quarter of the year is; no_target
	// without an annual target; in_progress while the year is not over
	// and not complete; incomplete when it is over but a quarter is
	// missing (a last indicator only needs its final quarter); then
	// met / not_met for T = 0, else category.
	Status   Status
	Category string
	// Met is tercapai, decided as for Evaluation.Met: from the category's
	// achievement, or met / not_met; MetUnknown otherwise (a year in
	// progress or incomplete, not reported, without a target).
	Met Met
	// VsPreviousYear compares the year with PreviousYear, the year before
	// it when the indicator has that year in Years (else 0): by
	// achievement when both years have a category, else by actual and
	// polarity; TrendUnknown unless both years are judged (not in
	// progress, incomplete or not reported) and have an actual.
	VsPreviousYear Trend
	PreviousYear   int
}

// IndicatorReport is an indicator with its whole evaluated history.
type IndicatorReport struct {
	Indicator Indicator
	// Series has one Evaluation per quarter, oldest first, from the later
	// of the report's first quarter and the indicator's ValidFrom to the
	// earlier of the report's latest quarter and its ValidTo. A quarter
	// without a result is in the series as StatusNotReported.
	// Only due quarters are in it (see Frequency): an annual indicator's
	// series holds one evaluation per year, at Q4.
	Series  []Evaluation
	Years   []Year
	Targets []Target // all targets of the indicator, by year then quarter
	// DueNow reports whether the report's latest quarter is due (and in
	// force); NextDue is the first due quarter after it while the
	// indicator is in force (zero when none).
	DueNow  bool
	NextDue Quarter
}

// Latest is the last evaluation of the series, the indicator's latest due
// period (kondisi terbaru); the zero Evaluation if none.
func (r *IndicatorReport) Latest() Evaluation {
	if len(r.Series) == 0 {
		return Evaluation{}
	}
	return r.Series[len(r.Series)-1]
}

// At returns the evaluation of due quarter q, if the series holds it.
func (r *IndicatorReport) At(q Quarter) (Evaluation, bool) {
	i, ok := slices.BinarySearchFunc(r.Series, q, func(e Evaluation, q Quarter) int {
		return cmp.Compare(e.Quarter.Index(), q.Index())
	})
	if !ok {
		return Evaluation{}, false
	}
	return r.Series[i], true
}

// Score is an agency's score in one quarter: the mean of the capped
// achievements of its indicators due then that have an achievement
// (Counts.Counted() of them); Counts says what happened to the others.
type Score struct {
	Quarter Quarter
	Value   *Decimal // 2 decimals; nil when no indicator counted
	Counts  Counts   // the agency's indicators in force that quarter
}

// AgencyReport is one agency with its indicators and scores.
type AgencyReport struct {
	Agency     Agency
	Indicators []string // indicator slugs, in dataset order
	Scores     []Score  // one per quarter of the report, oldest first
	Predicates []Predicate
	Counts     Counts // the latest quarter (the last Score's counts)
}

// SectorReport is one policy area.
type SectorReport struct {
	Sector     Sector
	Agencies   []string // agency slugs with indicators in this sector
	Indicators []string // indicator slugs
}

// Counts tallies the indicators in force in one quarter: those due by
// status and category, and those not due (DOMAIN.md, "Reporting
// frequency"). The parts add up to Total. GoodOrMet, Exceeds and
// Provisional are the one definition of each count (DOMAIN.md, "One
// definition per count") that every page, release summary, download and
// the API use: no consumer recomputes them. They count due indicators
// only; one not due, or ended before the quarter, is in none of them.
type Counts struct {
	Total       int
	ByCategory  map[string]int // Category.Key → n (StatusCategory only)
	InProgress  int
	Met         int
	MetSoFar    int
	NotMet      int
	NotReported int
	NoTarget    int
	Incomplete  int
	NotDue      int     // in force but not due this quarter (semiannual, annual)
	NextDue     Quarter // the earliest next due quarter of the NotDue ones
	Good        int     // of ByCategory, in categories marked Good
	// GoodOrMet is the headline count: in a category marked Good, or met,
	// or met so far (the sentence names all four: Sangat Baik, Baik,
	// Tercapai, Tercapai sejauh ini, with the default categories).
	GoodOrMet int
	// Exceeds counts the due indicators whose achievement (or progress
	// toward the year's target) is above 100 (melampaui target).
	Exceeds int
	// Provisional counts the due indicators with an actual that is
	// provisional (sementara); a period without an actual never is.
	Provisional int
}

// Catalogue is the one definition of "all indicators" (DOMAIN.md, "One
// definition per count"): the A–Z list and /iku/ list All, every
// indicator of the dataset; the home page, sector and agency overviews
// count InForce, those in force in the latest quarter (Counts.Total);
// NotInForce ended before that quarter or start after it. InForce +
// NotInForce = All, so a page that shows both says why they differ.
type Catalogue struct {
	All        int
	InForce    int
	NotInForce int
}

// Due is how many indicators are due in the quarter (Total − NotDue).
func (c Counts) Due() int { return c.Total - c.NotDue }

// Counted is how many have a category (and so count in a score).
func (c Counts) Counted() int {
	n := 0
	for _, v := range c.ByCategory {
		n += v
	}
	return n
}

// Headline is the city's (or an agency's) answer in five numbers that
// add up to Counts.Total: the home page's first screen.
type Headline struct {
	OnTrack     int // Counts.GoodOrMet: in a category marked Good, or met (so far)
	OffTrack    int // in a category not marked Good, or not met
	Pending     int // in progress, incomplete, or without a target: not judged yet
	NotReported int
	NotDue      int
}

// Headline groups c into what went well, what did not, and what cannot be
// judged yet.
func (c Counts) Headline() Headline {
	return Headline{
		OnTrack:     c.GoodOrMet,
		OffTrack:    c.Counted() - c.Good + c.NotMet,
		Pending:     c.InProgress + c.Incomplete + c.NoTarget,
		NotReported: c.NotReported,
		NotDue:      c.NotDue,
	}
}

// Of returns the count of status s (StatusCategory: all categories).
func (c Counts) Of(s Status) int {
	switch s {
	case StatusCategory:
		return c.Counted()
	case StatusInProgress:
		return c.InProgress
	case StatusMet:
		return c.Met
	case StatusMetSoFar:
		return c.MetSoFar
	case StatusNotMet:
		return c.NotMet
	case StatusNotReported:
		return c.NotReported
	case StatusNoTarget:
		return c.NoTarget
	case StatusIncomplete:
		return c.Incomplete
	}
	return 0
}

// Mover is an indicator whose achievement changed most against the same
// quarter a year earlier.
type Mover struct {
	IndicatorSlug string
	From, To      Decimal // achievements (capped) a year earlier and now
	Change        Decimal // To − From, in percentage points
}

// Report is everything the site and the downloads show.
type Report struct {
	First, Latest Quarter // the report's span: earliest and latest quarter with a result
	Rules         Rules
	Sectors       []SectorReport
	Agencies      []AgencyReport
	Indicators    []IndicatorReport
	// Home page: the latest quarter at a glance.
	Counts Counts
	// Catalogue counts the indicators the site lists (the A–Z list on
	// /cari/, /iku/): every indicator, also those not in force in Latest.
	Catalogue    Catalogue
	SectorCounts map[string]Counts // sector slug → counts
	Improvements []Mover           // largest positive changes, at most 5
	Declines     []Mover           // largest negative changes, at most 5
	Comparisons  []Comparison      // indicators shared by MinComparison or more agencies
	Warnings     []string          // data checks that did not stop the build: for the publisher, never for the pages
	// DataWarnings are the same warnings, in the same order, with what
	// each is about (for Check).
	DataWarnings []DataWarning
}

// WarningKind says which data check a DataWarning comes from.
type WarningKind string

const (
	WarnOutsideValidity WarningKind = "outside_validity" // a result before valid_from or after valid_to
	WarnNotDue          WarningKind = "not_due"          // a result filed in a quarter that is not due
	WarnOutOfBounds     WarningKind = "out_of_bounds"    // an actual outside min_value / max_value
	WarnNoAnnualTarget  WarningKind = "no_annual_target" // results in a year without an annual target
	WarnLongText        WarningKind = "long_text"        // a text longer than MaxNameLength or MaxLongTextLength
)

// DataWarning is one entry of Report.Warnings with the indicator and
// quarter it is about (for a year without a target, the year's Q4).
type DataWarning struct {
	Kind      WarningKind
	Agency    string // for a warning about an agency's own row (a long name); else ""
	Indicator string
	Quarter   Quarter
	Message   string
}
