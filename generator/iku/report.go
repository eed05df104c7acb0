package iku

// Status is the state of one indicator in one period, as the site shows it
// (always as text plus an icon, never colour alone).
type Status string

const (
	StatusCategory    Status = "category"     // achievement computed: see Evaluation.Category
	StatusInProgress  Status = "in_progress"  // sum indicator, annual target only, before Q4: progress, no category
	StatusMet         Status = "met"          // T = 0 and R meets it in the polarity's direction (tercapai)
	StatusNotMet      Status = "not_met"      // T = 0 and R misses it (tidak tercapai)
	StatusNotReported Status = "not_reported" // R missing (belum dilaporkan): never 0, never dropped
	StatusNoTarget    Status = "no_target"    // T missing (target belum ditetapkan): the actual is still shown
	StatusIncomplete  Status = "incomplete"   // the quarter is reported but its year-to-date value needs an earlier quarter that is not
)

// Basis says what an evaluation compares.
type Basis string

const (
	BasisQuarter        Basis = "quarter"         // the quarter's actual against a per-quarter target, or a level (average, last) against its annual target
	BasisYearToDate     Basis = "ytd"             // year-to-date actual against a cumulative quarterly target
	BasisAnnualProgress Basis = "annual_progress" // sum indicator with an annual target only: cumulative actual / annual target (progres terhadap target tahunan)
)

// Trend compares a value with an earlier one according to polarity.
type Trend string

const (
	TrendUnknown   Trend = ""          // one side missing
	TrendImproving Trend = "improving" // membaik
	TrendWorsening Trend = "worsening" // memburuk
	TrendSteady    Trend = "steady"    // tetap
)

// Category is one row of the configurable category table: achievements at
// or above Min (and below the next row's Min) fall in it. Names live in the
// site's i18n files under "category_" + Key.
type Category struct {
	Key string  `toml:"key" json:"key"`
	Min Decimal `toml:"min" json:"min"`
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
	Quarter     Quarter
	Actual      *Decimal // the quarter's own actual; nil = not reported
	YearToDate  *Decimal // consolidated from Q1 to this quarter; nil when not computable
	Compared    *Decimal // the actual that was compared with the target (Actual or YearToDate); nil when nothing was compared
	Basis       Basis
	Target      *Target  // the target compared against; nil = none set
	Achievement *Decimal // raw (uncapped) achievement or progress in %, 2 decimals; nil for T = 0, T or R missing
	Status      Status
	Category    string // Category.Key when Status == StatusCategory
	Exceeds     bool   // achievement > 100 (melampaui target)
	Provisional bool   // sementara
	Grade       string // IKM quality grade A–D for unit "IKM", else ""
	VsPrevious  Trend  // against the previous quarter
	VsYearAgo   Trend  // against the same quarter a year earlier
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
}

// IndicatorReport is an indicator with its whole evaluated history.
type IndicatorReport struct {
	Indicator Indicator
	// Series has one Evaluation per quarter, oldest first, from the later
	// of the report's first quarter and the indicator's ValidFrom to the
	// earlier of the report's latest quarter and its ValidTo. A quarter
	// without a result is in the series as StatusNotReported.
	Series  []Evaluation
	Years   []Year
	Targets []Target // all targets of the indicator, by year then quarter
}

// Latest is the last evaluation of the series (zero Evaluation if none).
func (r *IndicatorReport) Latest() Evaluation {
	if len(r.Series) == 0 {
		return Evaluation{}
	}
	return r.Series[len(r.Series)-1]
}

// Score is an agency's score in one quarter: the mean of the capped
// achievements of its indicators that have both R and T.
type Score struct {
	Quarter Quarter
	Value   *Decimal // 2 decimals; nil when no indicator counted
	Counted int      // indicators in the mean
	Missing int      // indicators without R or T (or T = 0, or in progress)
}

// AgencyReport is one agency with its indicators and scores.
type AgencyReport struct {
	Agency     Agency
	Indicators []string // indicator slugs, in dataset order
	Scores     []Score  // one per quarter of the report, oldest first
	Predicates []Predicate
}

// SectorReport is one policy area.
type SectorReport struct {
	Sector     Sector
	Agencies   []string // agency slugs with indicators in this sector
	Indicators []string // indicator slugs
}

// Counts tallies the latest evaluations by status and category.
type Counts struct {
	Total       int
	ByCategory  map[string]int // Category.Key → n (StatusCategory only)
	InProgress  int
	Met         int
	NotMet      int
	NotReported int
	NoTarget    int
	Incomplete  int
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
	Counts       Counts
	SectorCounts map[string]Counts // sector slug → counts
	Improvements []Mover           // largest positive changes, at most 5
	Declines     []Mover           // largest negative changes, at most 5
	Warnings     []string          // data checks that did not stop the build
}
