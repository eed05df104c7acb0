// Package iku holds the domain of the portal: agencies, indicators, targets
// and results of Kota Tanjungbalai's key performance indicators (Indikator
// Kinerja Utama), and the rules of ../shared/DOMAIN.md that turn them into
// achievements, categories, trends and agency scores.
//
// It does no I/O and imports no database, chart or Hugo package: sources of
// data (PostgreSQL, CSV bundles) implement Source, and everything downstream
// consumes a Report.
package iku

import "context"

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
)

// TargetBasis says whether a quarterly target is for that quarter alone or
// cumulative from the start of the year.
type TargetBasis string

const (
	PerQuarter TargetBasis = "per_quarter"
	Cumulative TargetBasis = "cumulative"
)

// Sector is a policy area (urusan), such as kesehatan or pariwisata.
type Sector struct {
	Slug string
	Code string
	Name string
}

// Agency is a city agency (perangkat daerah): dinas, badan, RSUD, kecamatan.
type Agency struct {
	Slug       string
	Code       string
	Name       string
	ShortName  string
	Kind       string // dinas, badan, rsud, kecamatan, inspektorat, sekretariat, satuan
	SectorSlug string // the agency's main policy area
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
	Frequency     string // "triwulanan"
	ValidFrom     Quarter
	ValidTo       *Quarter // nil = still in force
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
	Sectors    []Sector
	Agencies   []Agency
	Predicates []Predicate
	Indicators []Indicator
	Targets    []Target
	Results    []Result
}

// Source provides a Dataset: PostgreSQL's publik views, or a CSV bundle.
type Source interface {
	// Load reads the whole dataset as one consistent snapshot.
	Load(ctx context.Context) (*Dataset, error)
	// Describe names the source for humans: "demo data (embedded)",
	// "PostgreSQL kinerja@127.0.0.1:5432/kota", "bundle ./rilis-2026-q3".
	Describe() string
}
