// Package iku holds the domain of the portal: agencies, indicators, targets
// and results of Kota Tanjungbalai's key performance indicators (Indikator
// Kinerja Utama), and the rules of ../shared/DOMAIN.md that turn them into
// achievements, categories, trends and agency scores.
//
// It does no I/O and imports no database, chart or Hugo package: sources of
// data (PostgreSQL, CSV bundles) implement Source, and everything downstream
// consumes a Report.
package iku

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Polarity says which direction of an indicator's value is better.
type Polarity string

const (
	Positive Polarity = "positive" // higher is better: R / T × 100
	Negative Polarity = "negative" // lower is better: (2T − R) / T × 100, floored at 0
)

// Consolidation says how quarters roll up into a year.
type Consolidation string

const (
	Sum     Consolidation = "sum"     // counts: the year is the sum of its quarters
	Average Consolidation = "average" // weighted: recomputed from numerator / denominator
	Last    Consolidation = "last"    // stocks, indices: the year is its latest quarter
	// RunningTotal (code "cumulative") is a running total since January
	// written as a level ("% of hypertension patients served since
	// January", "% of the year's budget absorbed"): the year is its latest
	// quarter, and before Q4, with only an annual target, a quarter shows
	// progress toward it as a sum does, never a category (DOMAIN.md,
	// "Quarters and years"). Not to be confused with the target basis
	// Cumulative.
	RunningTotal Consolidation = "cumulative"
)

// Consolidations lists the allowed codes, in the order messages name them.
var Consolidations = []Consolidation{Sum, Average, Last, RunningTotal}

// Valid reports whether c is one of Consolidations.
func (c Consolidation) Valid() bool {
	return c == Sum || c == Average || c == Last || c == RunningTotal
}

// ConsolidationCodes names Consolidations for messages: "sum, average, last
// or cumulative".
func ConsolidationCodes() string {
	var b strings.Builder
	for i, c := range Consolidations {
		switch {
		case i == len(Consolidations)-1:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(string(c))
	}
	return b.String()
}

// Frequency says how often an indicator is reported, and so which quarters
// are due (DOMAIN.md, "Reporting frequency"): a period that is not due is
// never "not reported".
type Frequency string

const (
	Quarterly  Frequency = "quarterly"  // due Q1–Q4: the quarter
	Semiannual Frequency = "semiannual" // due Q2, Q4: the half-year ending that quarter
	Annual     Frequency = "annual"     // due Q4: the year
)

// Frequencies lists the allowed codes, in the order messages name them.
var Frequencies = []Frequency{Quarterly, Semiannual, Annual}

// Valid reports whether f is one of Frequencies.
func (f Frequency) Valid() bool {
	return f == Quarterly || f == Semiannual || f == Annual
}

// Due reports whether quarter number q (1–4) is a reporting period of f.
func (f Frequency) Due(q int) bool {
	switch f {
	case Semiannual:
		return q == 2 || q == 4
	case Annual:
		return q == 4
	}
	return q >= 1 && q <= 4
}

// NextDue is the first due quarter after q.
func (f Frequency) NextDue(q Quarter) Quarter {
	for n := q.Add(1); ; n = n.Add(1) {
		if f.Due(n.Q) {
			return n
		}
	}
}

// PrevDue is the last due quarter before q.
func (f Frequency) PrevDue(q Quarter) Quarter {
	for p := q.Add(-1); ; p = p.Add(-1) {
		if f.Due(p.Q) {
			return p
		}
	}
}

// PeriodKind names what a due quarter's value covers.
type PeriodKind string

const (
	PeriodQuarter PeriodKind = "quarter" // Triwulan III 2026
	PeriodHalf    PeriodKind = "half"    // Semester I 2026 (January–June)
	PeriodYear    PeriodKind = "year"    // Tahun 2026
)

// Period is the reporting period that a due quarter closes.
type Period struct {
	Kind PeriodKind
	Year int
	N    int     // quarter 1–4, half 1–2, 0 for a year
	Due  Quarter // the quarter in which it is reported
}

// Period returns the reporting period of f that quarter q closes.
func (f Frequency) Period(q Quarter) Period {
	switch f {
	case Semiannual:
		return Period{Kind: PeriodHalf, Year: q.Year, N: (q.Q + 1) / 2, Due: q}
	case Annual:
		return Period{Kind: PeriodYear, Year: q.Year, Due: q}
	}
	return Period{Kind: PeriodQuarter, Year: q.Year, N: q.Q, Due: q}
}

// Key is the period's stable name in data and files: "2026-Q3",
// "2026-S1", "2026".
func (p Period) Key() string {
	switch p.Kind {
	case PeriodHalf:
		return fmt.Sprintf("%d-S%d", p.Year, p.N)
	case PeriodYear:
		return strconv.Itoa(p.Year)
	}
	return p.Due.String()
}

// TargetBasis says whether a quarterly target is for that quarter alone or
// cumulative from the start of the year.
type TargetBasis string

const (
	PerQuarter TargetBasis = "per_quarter"
	Cumulative TargetBasis = "cumulative"
)

// Sector is a policy area (urusan), such as kesehatan or pariwisata.
type Sector struct {
	Slug   string
	Code   string
	Name   string
	NameEN string // English name for the English site; "" = not translated
}

// Agency is a city agency (perangkat daerah): dinas, badan, RSUD, kecamatan.
type Agency struct {
	Slug       string
	Code       string
	Name       string
	ShortName  string
	Kind       string // dinas, badan, rsud, kecamatan, inspektorat, sekretariat, satuan
	SectorSlug string // the agency's main policy area
	NameEN     string // English name for the English site; "" = not translated
}

// Predicate is the organisation predicate of PermenPANRB 6/2022 for one
// agency and year. It is a leadership judgement: published only when the
// database holds it, never derived from percentages.
type Predicate struct {
	AgencySlug string
	Year       int
	Predicate  string // Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang
}

// Indicator is one agency's key performance indicator, with the metadata
// that Satu Data Indonesia and BPS (MS-Ind) ask for.
type Indicator struct {
	Slug          string
	Code          string
	AgencySlug    string
	SectorSlug    string
	Name          string
	Unit          string // "menit", "%", "IKM", "kunjungan", …
	Polarity      Polarity
	Consolidation Consolidation
	Decimals      int      // decimals the actual is published with
	Multiplier    Decimal  // average indicators: actual = numerator / denominator × multiplier
	MinValue      *Decimal // plausible bounds, for data checks (IKM 25–100); nil = none
	MaxValue      *Decimal
	Definition    string
	Formula       string
	Source        string // data source and producer
	Verification  string // how the data is verified
	Limitations   string
	Frequency     Frequency
	ValidFrom     Quarter
	ValidTo       *Quarter // nil = still in force
	// English text for the English site; "" = not translated (the page
	// then shows the Indonesian text, marked as Indonesian).
	NameEN       string
	DefinitionEN string
	UnitEN       string
}

// Target is what the agency committed to for a year (Quarter == 0) or for
// one quarter (Quarter 1–4, with a Basis). When High is set the target is
// the range [Value, High] and the indicator's polarity says which side of
// the range is better.
type Target struct {
	IndicatorSlug string
	Year          int
	Quarter       int         // 0 = annual target
	Basis         TargetBasis // quarterly targets only
	Value         Decimal
	High          *Decimal
}

// IsRange reports whether the target is a range [Value, High].
func (t Target) IsRange() bool { return t.High != nil }

// Result is the agency-level actual (realisasi) of one indicator in one
// quarter, as aggregated by the database's publik views.
type Result struct {
	IndicatorSlug string
	Quarter       Quarter
	Actual        *Decimal // nil = not reported (belum dilaporkan)
	Numerator     *Decimal // average indicators: Σ of the measured quantity
	Denominator   *Decimal // average indicators: Σ of the weights (patients, respondents)
	Provisional   bool     // not yet verified by the agency (sementara)
}

// Dataset is everything a Source provides: the publishable aggregates only.
type Dataset struct {
	// Fictitious marks demo data: every page built from it says so, and a
	// bundle written from it keeps the mark.
	Fictitious bool

	Sectors    []Sector
	Agencies   []Agency
	Predicates []Predicate
	Indicators []Indicator
	Targets    []Target
	Results    []Result
	// Explanations are optional: at most one per indicator and quarter.
	Explanations []Explanation
	// Ratings are optional: how many civil servants of each agency (and of
	// the whole city) received each individual SKP predicate in a year.
	// Counts of people, never a person: see package disclosure, which
	// suppresses small counts before anything is written.
	Ratings []RatingCount
	// RatingsPublished says that Ratings is a table kinerja published
	// (suppressed), read back from a release or from a bundle kinerja
	// wrote; false means raw counts, which kinerja must suppress.
	RatingsPublished bool
	// RatingsKept are the years whose ratings changed after they were
	// published but whose revised table could not be published without
	// letting a hidden count be derived: Ratings holds the table published
	// before for them (package disclosure, Revise).
	RatingsKept []int
	// Units are the service units with results (puskesmas, schools,
	// tourist sites, …), in the order the source lists them, and
	// UnitResults their quarterly results (publik.unit_results), by
	// indicator (dataset order), unit (Units order), year and quarter.
	// Optional: a source without them has no unit pages.
	Units       []ServiceUnit
	UnitResults []UnitResult
	// UnitsPublished says that UnitResults were already suppressed by
	// kinerja (read back from a bundle kinerja wrote): a suppressed row
	// then stays without its value.
	UnitsPublished bool
}

// ServiceUnit is one place below an agency where a service is delivered:
// a puskesmas, a school, a tourist site, a hospital's polyclinic. A place,
// never a person.
type ServiceUnit struct {
	Slug       string // stable, used in URLs (/unit/<slug>/)
	Name       string
	NameEN     string // "" when not translated
	Kind       string // a code such as puskesmas, sekolah, destinasi, poliklinik (/unit/jenis/<kind>/)
	AgencySlug string // the agency it belongs to
	// KecamatanSlug is the agency of kind kecamatan whose area holds the
	// unit; "" when the unit is not placed in one.
	KecamatanSlug string
}

// UnitResult is one service unit's result of one indicator in one quarter,
// consolidated by the indicator's rule exactly as Result is for the agency
// (publik.unit_results). Count is what the value rests on: Σ denominator
// for a ratio (patients, pupils), else the value itself (visits). A unit
// quarter whose Count is below the privacy threshold is Suppressed: its
// Actual, Numerator and Denominator are nil everywhere it is published.
type UnitResult struct {
	IndicatorSlug string
	UnitSlug      string
	Quarter       Quarter
	Actual        *Decimal
	Numerator     *Decimal
	Denominator   *Decimal
	Count         *Decimal
	Provisional   bool
	Suppressed    bool // set by kinerja's privacy stage, never by a source
}

// SKP predicates of PermenPANRB 6/2022 for an individual civil servant,
// best first: the columns of every rating table.
var SKPPredicates = []string{"Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"}

// RatingCount is one cell of the table of individual ratings: the number
// of an agency's civil servants rated with Predicate in Year, and the
// agency's headcount rated that year. AgencySlug "" is the whole city.
type RatingCount struct {
	AgencySlug string // "" = the whole city
	Year       int
	Predicate  string // one of SKPPredicates
	// Count is nil when the cell is suppressed (statistical disclosure
	// control): a published table carries nil, never the number.
	Count *int
	Rated int // the agency's (or city's) civil servants rated that year
}

// Explanation is an agency's account of one indicator's result in one due
// period, as Indonesian performance reports (LKjIP) give it: what helped,
// what hindered, and what the agency will do. Any part may be empty.
type Explanation struct {
	IndicatorSlug string
	Quarter       Quarter
	Supporting    string // faktor pendukung
	Inhibiting    string // faktor penghambat
	FollowUp      string // tindak lanjut
}

// Source provides a Dataset: PostgreSQL's publik views, or a CSV bundle.
type Source interface {
	// Load reads the whole dataset as one consistent snapshot.
	Load(ctx context.Context) (*Dataset, error)
	// Describe names the source for humans: "demo data (embedded)",
	// "PostgreSQL kinerja@127.0.0.1:5432/kota", "bundle ./rilis-2026-q3".
	Describe() string
}
