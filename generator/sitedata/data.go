// Package sitedata turns an evaluated Report into what the site and the
// downloads are made of: the data files that Hugo's content adapters read
// (mounted as Hugo's data, never written into the repository's data/), the
// rendered charts. Downloads are generator/download's; frozen releases will be generator/release's.
//
// The JSON written here is the contract with the templates in
// themes/kinerja: keys are lower-case snake_case (Hugo lower-cases page
// parameters), decimals are exact text as the source gave them, and every
// status is a key that the templates translate with i18n.
package sitedata

import (
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Meta is data/kinerja/meta.json: the build as a whole. It holds nothing
// about where the data was read from (hosts, roles, paths) and no clock
// time: the same data gives the same pages.
type Meta struct {
	Demo       bool     `json:"demo"`       // embedded fictitious data: every page says so
	First      Period   `json:"first"`      // earliest quarter
	Latest     Period   `json:"latest"`     // the quarter the site is about
	Quarters   []Period `json:"quarters"`   // First … Latest
	Counts     Counts   `json:"counts"`     // latest quarter, all indicators
	Improved   []Mover  `json:"improved"`   // biggest improvements against a year earlier
	Declined   []Mover  `json:"declined"`   // biggest declines
	Overview   string   `json:"overview"`   // chart ID of the home overview
	Agencies   int      `json:"agencies"`   // how many
	Indicators int      `json:"indicators"` // how many
	ScoreCap   string   `json:"score_cap"`  // cap used in averages (120)
}

// Period is a reporting period in the forms templates need: a quarter, or
// the half-year or year that a due quarter closes (iku.Period).
type Period struct {
	Key     string `json:"key"`     // "2026-Q3", "2026-S1", "2026"
	Kind    string `json:"kind"`    // quarter, half, year
	Year    int    `json:"year"`    // 2026
	Quarter int    `json:"quarter"` // the quarter it is reported in: 3
	Roman   string `json:"roman"`   // the quarter's or the half's Roman numeral: "III", "I"
}

// Counts tallies indicators in one quarter: Items has every status (the
// categories first, in the rules' order) with how many; the indicators not
// due are NotDue, with the earliest next due quarter. Items and NotDue add
// up to Total.
type Counts struct {
	Total       int         `json:"total"`
	Items       []CountItem `json:"items"`
	Counted     int         `json:"counted"` // with a category: in scores
	Good        int         `json:"good"`    // in categories marked good
	InProgress  int         `json:"in_progress"`
	Met         int         `json:"met"`
	MetSoFar    int         `json:"met_so_far"`
	NotMet      int         `json:"not_met"`
	NotReported int         `json:"not_reported"`
	NoTarget    int         `json:"no_target"`
	Incomplete  int         `json:"incomplete"`
	NotDue      int         `json:"not_due"`
	NextDue     *Period     `json:"next_due,omitempty"`
	// The headline (iku.Headline): these, NotReported and NotDue add up
	// to Total.
	OnTrack  int `json:"on_track"`
	OffTrack int `json:"off_track"`
	Pending  int `json:"pending"`
}

// CountItem is one status (or category) and how many have it.
type CountItem struct {
	Status   string `json:"status"`   // iku.Status
	Category string `json:"category"` // category key when status = category
	Good     bool   `json:"good"`     // a category marked good
	N        int    `json:"n"`
}

// Mover is an indicator whose capped achievement changed most in a year.
type Mover struct {
	Indicator string `json:"indicator"` // slug
	Name      string `json:"name"`
	Agency    string `json:"agency"` // slug
	From      string `json:"from"`
	To        string `json:"to"`
	Change    string `json:"change"` // percentage points, signed
}

// File is one download: its format (csv, excel-csv, xlsx, json, zip),
// path under the site root and size.
type File struct {
	Format string `json:"format"`
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
}

// Downloads is data/kinerja/downloads.json: what the /data/ page lists
// besides each page's own files.
type Downloads struct {
	All       []File `json:"all"`       // the flat table of everything
	Latest    []File `json:"latest"`    // each indicator's latest state
	Bundle    []File `json:"bundle"`    // the raw input tables and their zip
	Catalogue []File `json:"catalogue"` // datapackage.json, catalog.jsonld, SHA256SUMS
	Ratings   []File `json:"ratings"`   // civil servants' rating counts, suppressed
	Files     int    `json:"files"`     // how many table and bundle files in all
	Bytes     int    `json:"bytes"`     // and their size
	// Dictionary describes the columns of the flat table.
	Dictionary []Column `json:"dictionary"`
}

// Column is one column of the flat table, for the data dictionary.
type Column struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Type        string `json:"type"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
}

// Sector is one entry of data/kinerja/sectors.json (a map by slug).
type Sector struct {
	Slug       string   `json:"slug"`
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	NameEN     string   `json:"name_en,omitempty"` // "" = not translated
	Agencies   []string `json:"agencies"`
	Indicators []string `json:"indicators"`
	Counts     Counts   `json:"counts"`
	Downloads  []File   `json:"downloads"`
}

// Agency is one entry of data/kinerja/agencies.json (a map by slug).
type Agency struct {
	Slug       string      `json:"slug"`
	Code       string      `json:"code"`
	Name       string      `json:"name"`
	NameEN     string      `json:"name_en,omitempty"`
	ShortName  string      `json:"short_name"`
	Kind       string      `json:"kind"`
	Sector     string      `json:"sector"`
	Indicators []string    `json:"indicators"`
	Scores     []Score     `json:"scores"` // oldest first
	Latest     Score       `json:"latest"` // the report's latest quarter
	Predicates []Predicate `json:"predicates"`
	Counts     Counts      `json:"counts"`
	Chart      string      `json:"chart"` // chart ID, "" when nothing to draw
	Downloads  []File      `json:"downloads"`
	// Comparisons are the slugs of the comparisons the agency is in.
	Comparisons []string `json:"comparisons"`
}

// Comparison is one indicator shared by several agencies (iku.Comparison),
// at /banding/<slug>/.
type Comparison struct {
	Slug      string   `json:"slug"`
	Name      string   `json:"name"`
	NameEN    string   `json:"name_en,omitempty"`
	Unit      string   `json:"unit"`
	UnitEN    string   `json:"unit_en,omitempty"`
	Polarity  string   `json:"polarity"`
	Frequency string   `json:"frequency"`
	Period    Period   `json:"period"` // the latest due period compared
	Members   []Member `json:"members"`
	Ranked    int      `json:"ranked"` // members with a rank
	Chart     string   `json:"chart"`  // chart ID, "" when nothing to draw
}

// Member is one agency's indicator in a comparison, in iku's ranked order.
type Member struct {
	Indicator string     `json:"indicator"` // slug
	Agency    string     `json:"agency"`    // slug
	Rank      int        `json:"rank"`      // 1 = best; 0 = not ranked
	Capped    *string    `json:"capped,omitempty"`
	Latest    Evaluation `json:"latest"`
}

// Score is an agency's mean capped achievement in one quarter, and what
// happened to the indicators it does not count.
type Score struct {
	Period      Period  `json:"period"`
	Value       *string `json:"value,omitempty"` // null when nothing counted
	Counted     int     `json:"counted"`
	InProgress  int     `json:"in_progress"`
	NotReported int     `json:"not_reported"`
	NotDue      int     `json:"not_due"`
	Other       int     `json:"other"` // no target, zero target, incomplete
}

// Predicate is an organisation predicate the database holds.
type Predicate struct {
	Year      int    `json:"year"`
	Predicate string `json:"predicate"`
}

// Indicator is one entry of data/kinerja/indicators.json (a map by slug).
type Indicator struct {
	Slug          string     `json:"slug"`
	Code          string     `json:"code"`
	Name          string     `json:"name"`
	NameEN        string     `json:"name_en,omitempty"`
	Agency        string     `json:"agency"` // slug
	Sector        string     `json:"sector"` // slug
	Unit          string     `json:"unit"`
	UnitEN        string     `json:"unit_en,omitempty"`
	Polarity      string     `json:"polarity"`      // positive, negative
	Range         bool       `json:"range"`         // some target is a range
	Consolidation string     `json:"consolidation"` // sum, average, last
	Decimals      int        `json:"decimals"`
	Definition    string     `json:"definition"`
	DefinitionEN  string     `json:"definition_en,omitempty"`
	Formula       string     `json:"formula"`
	Source        string     `json:"source"`
	Verification  string     `json:"verification"`
	Limitations   string     `json:"limitations"`
	Frequency     string     `json:"frequency"` // quarterly, semiannual, annual
	ValidFrom     string     `json:"valid_from"`
	ValidTo       string     `json:"valid_to"`
	Latest        Evaluation `json:"latest"`             // the latest due period (kondisi terbaru)
	DueNow        bool       `json:"due_now"`            // the site's quarter is a due period
	NextDue       *Period    `json:"next_due,omitempty"` // the quarter the next figure is due
	LastReported  *Period    `json:"last_reported"`      // the period of the newest non-null actual
	Chart         string     `json:"chart"`              // chart ID
}

// Detail is assets/iku/<slug>.json: an indicator's whole history, which
// only its own page shows. Keeping it out of Hugo's data keeps the data
// that every page shares small, which is what makes a large site fast: the
// indicator page reads its file with resources.Get when it renders.
type Detail struct {
	Series    []Evaluation `json:"series"` // oldest first
	Years     []Year       `json:"years"`
	Downloads []File       `json:"downloads"` // the indicator's own files
}

// Evaluation is one indicator in one quarter; every number is exact text.
type Evaluation struct {
	Period      Period  `json:"period"`
	Actual      *string `json:"actual,omitempty"`      // the quarter's own actual; null = not reported
	YearToDate  *string `json:"ytd,omitempty"`         // consolidated year to date
	Compared    *string `json:"compared,omitempty"`    // what was compared with the target
	Basis       string  `json:"basis"`                 // quarter, ytd, annual_progress, annual_ceiling
	Target      *string `json:"target,omitempty"`      // null = no target
	TargetHigh  *string `json:"target_high,omitempty"` // upper bound of a range target
	TargetKind  string  `json:"target_kind"`           // annual, per_quarter, cumulative, ""
	Achievement *string `json:"achievement,omitempty"` // raw %, 2 decimals
	Status      string  `json:"status"`                // iku.Status
	Category    string  `json:"category"`              // category key when status = category
	Exceeds     bool    `json:"exceeds"`
	Provisional bool    `json:"provisional"`
	Grade       string  `json:"grade"`   // IKM grade A–D
	VsPrev      string  `json:"vs_prev"` // improving, worsening, steady, ""
	VsYear      string  `json:"vs_year"` // same, against a year earlier
	Prev        Period  `json:"prev"`    // the previous due period
	YearAgo     Period  `json:"year_ago"`
	// Explanation is the agency's account of the period, if any.
	Explanation *Explanation `json:"explanation,omitempty"`
	// Revisions of this period's actual, oldest first.
	Revisions []Revision `json:"revisions,omitempty"`
}

// Explanation is an agency's account of one period (LKjIP).
type Explanation struct {
	Supporting string `json:"supporting"` // faktor pendukung
	Inhibiting string `json:"inhibiting"` // faktor penghambat
	FollowUp   string `json:"follow_up"`  // tindak lanjut
}

// Year is one indicator's consolidated year.
type Year struct {
	Year        int     `json:"year"`
	Actual      *string `json:"actual,omitempty"`
	Complete    bool    `json:"complete"`
	Target      *string `json:"target,omitempty"`
	TargetHigh  *string `json:"target_high,omitempty"`
	Achievement *string `json:"achievement,omitempty"`
	Status      string  `json:"status"`
	Category    string  `json:"category"`
}

// period is the reporting period of frequency f closed by quarter q.
func period(f iku.Frequency, q iku.Quarter) Period {
	if q.IsZero() {
		return Period{}
	}
	p := f.Period(q)
	out := Period{Key: p.Key(), Kind: string(p.Kind), Year: q.Year, Quarter: q.Q, Roman: q.Roman()}
	if p.Kind == iku.PeriodHalf {
		out.Roman = []string{"", "I", "II"}[p.N]
	}
	return out
}

// quarter is q as a quarter.
func quarter(q iku.Quarter) Period { return period(iku.Quarterly, q) }

func text(d *iku.Decimal) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

// Release is one entry of data/kinerja/releases.json (a list, oldest
// first): one quarter's release with its versions, summary and the
// revisions it published.
type Release struct {
	Key          string           `json:"key"` // "2026-q3": /rilis/<key>/
	Quarter      Period           `json:"quarter"`
	Current      bool             `json:"current"` // the release the site shows
	Draft        bool             `json:"draft"`   // not published: a build without releases
	Versions     []ReleaseVersion `json:"versions"`
	Counts       Counts           `json:"counts"`
	Improved     []Mover          `json:"improved"`
	Declined     []Mover          `json:"declined"`
	NotReporting []AgencyCount    `json:"not_reporting"`
	Revisions    []Revision       `json:"revisions"`
	// RatingsRevised are the years of the civil servants' ratings this
	// release revised (never a count: see package disclosure).
	RatingsRevised []RatingsRevision `json:"ratings_revised"`
}

// RatingsRevision is a year whose ratings table a release revised; Kept:
// the correction is not published (it would let a hidden count be
// derived) and the release repeats the table published before.
type RatingsRevision struct {
	Year int    `json:"year"`
	In   string `json:"in"` // "2026-Q3 v2"
	Kept bool   `json:"kept"`
}

// ReleaseVersion is one version of a release and its frozen files.
type ReleaseVersion struct {
	Version   int    `json:"version"`
	Published string `json:"published"` // "2026-10-15"; "" for a draft
	Reason    string `json:"reason"`
	Forced    string `json:"forced"`
	Files     []File `json:"files"` // the bundle and manifest.json
	Zip       File   `json:"zip"`
}

// AgencyCount is an agency and a number of its indicators.
type AgencyCount struct {
	Agency string `json:"agency"` // slug
	Name   string `json:"name"`
	N      int    `json:"n"`
}

// Revision is a published value a later release changed.
type Revision struct {
	Indicator string  `json:"indicator"` // slug
	Name      string  `json:"name"`
	Period    Period  `json:"period"`
	Old       *string `json:"old"` // null: it had been reported as missing
	New       *string `json:"new"`
	From      string  `json:"from"` // "2026-Q2 v1"
	In        string  `json:"in"`   // "2026-Q3 v1"
	InKey     string  `json:"in_key"`
	Reason    string  `json:"reason"`
	Anchor    string  `json:"anchor"` // id on the release page
}
