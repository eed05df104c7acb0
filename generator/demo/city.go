// Package demo generates the fictitious but realistic data of the demo site
// and of scale tests: the raw tables of the reference schema (measurements
// per service unit and month, agency-level quarterly entries, employees and
// their ratings) and, from them, the publishable Dataset, aggregated by the
// same rules as the database's publik views.
//
// Everything here is deterministic: the same call gives the same bytes.
// None of it is official data, and the site says so on every page.
package demo

import "github.com/tanjungbalai/kinerja/generator/iku"

// City is the raw content of the reference schema: what `kinerja db seed
// --demo` inserts into the kinerja and asn schemas.
type City struct {
	Sectors      []iku.Sector
	Agencies     []iku.Agency
	Predicates   []iku.Predicate
	Indicators   []iku.Indicator
	Targets      []iku.Target
	ServiceUnits []ServiceUnit
	Measurements []Measurement // indicators measured per service unit and month
	Entries      []Entry       // indicators reported by the agency per quarter
	Explanations []iku.Explanation
	Employees    []Employee // personal data: never published
	Ratings      []Rating   // personal data: never published
}

// ServiceUnit is a puskesmas, school, tourism site, … below an agency.
type ServiceUnit struct {
	Slug       string
	AgencySlug string
	Name       string
	Kind       string // puskesmas, sekolah, destinasi, poliklinik, kelurahan, …
	// KecamatanSlug is the agency of kind kecamatan whose area holds the
	// unit ("" for none); NameEN its English name ("" untranslated).
	KecamatanSlug string
	NameEN        string
}

// Measurement is one service unit's monthly value of one indicator.
// Sum indicators carry Value; average indicators carry Numerator (Σ of the
// measured quantity: minutes waited, patients seen within 60 minutes) and
// Denominator (Σ of the weights: patients).
type Measurement struct {
	IndicatorSlug string
	UnitSlug      string
	Year          int
	Month         int // 1–12
	Value         *iku.Decimal
	Numerator     *iku.Decimal
	Denominator   *iku.Decimal
	Verified      bool // false: the quarter's result is provisional
}

// Entry is an agency-level quarterly value of an indicator that is not
// measured per service unit. A nil Value is a row the agency created but
// has not filled in (not reported).
type Entry struct {
	IndicatorSlug string
	Quarter       iku.Quarter
	Value         *iku.Decimal
	Numerator     *iku.Decimal
	Denominator   *iku.Decimal
	Provisional   bool
}

// Employee is a civil servant (pegawai ASN). Personal data.
type Employee struct {
	NIP        string // 18 digits
	Name       string
	AgencySlug string
	Position   string
}

// Rating is an employee's yearly performance rating (SKP). Personal data.
type Rating struct {
	NIP       string
	Year      int
	Score     iku.Decimal
	Predicate string
}

// Canary is a fictitious employee seeded into asn so that tests can prove
// that no personal data reaches the published site.
var Canary = Employee{
	NIP:        "198001012006041099",
	Name:       "Kanari Uji Privasi",
	AgencySlug: "dinas-kesehatan",
	Position:   "Analis Kebijakan",
}
