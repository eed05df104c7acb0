// Package display builds what a reader sees, once per language, right
// after evaluation (DESIGN.md, "One display model"): every record already
// carries the period's name, the value pair that the status was earned
// by, the status with its icon, the trend and what it compares, the
// reason when there is no percentage, the counts with their one
// definition, the URL, and every number written in the page language.
//
// Pages (Hugo's data), charts, link previews, the API, every download
// row, the release summary and the check page read these records, so
// two surfaces can never disagree and a rule changes in one place. The
// layouts only print them: they choose no value, period or count.
//
// The package is pure: it reads an evaluated iku.Report and the words of
// a language (Words) and does no I/O. The JSON of the records is the
// contract with the theme's layouts (snake_case keys, every number
// already formatted; exact values only where a layout needs a sort key).
package display

import "github.com/tanjungbalai/kinerja/generator/iku"

// Text is data text (a name, a unit, a definition) in the page language,
// or in the data's own language marked with Lang when it has no
// translation, so that screen readers read it right.
type Text struct {
	Text string `json:"text"`
	Lang string `json:"lang,omitempty"` // "id" on an English page for Indonesian text; "" = the page's language
}

// Link is a page of the site with the text that names it.
type Link struct {
	Text
	URL string `json:"url"` // relative to the site's root, with the language prefix: "en/iku/x/"
}

// Status is a status (or category) as the site shows it: always text
// with an icon, never colour alone.
type Status struct {
	Key     string `json:"key"`               // category key or status: sangat_baik, met, not_reported, …; the CSS class st-<key>
	Icon    string `json:"icon"`              // ★ ● ◐ ○ ✕ ✓ ✗ → ? – …
	Label   string `json:"label"`             // "Sangat Baik", "Belum dilaporkan"
	Exceeds string `json:"exceeds,omitempty"` // "Melampaui target" when the achievement is above 100
}

// Trend is a comparison with an earlier period, named.
type Trend struct {
	Key   string `json:"key"`          // improving, worsening, steady; "" when it cannot be compared
	Icon  string `json:"icon"`         // ↗ ↘ →; "–" when unknown
	Label string `json:"label"`        // "Membaik", "tidak dapat dibandingkan"
	Vs    string `json:"vs,omitempty"` // what it compares with: "dibanding Triwulan II 2026"
}

// Cell is one figure as a page shows it, or the reason it is missing.
type Cell struct {
	Text string `json:"text,omitempty"` // the number in the page's style without unit: "1.250", "7–8"; "" when missing
	Unit string `json:"unit,omitempty"` // the same with its unit ("1.250\u00a0kunjungan", "85,50%"); "" when the same as Text
	Sort string `json:"sort,omitempty"` // exact decimal, for data-sort-value
	// Note is what the cell says besides its figure, nil when nothing:
	// its fields are the cell's in the JSON (na, hint, prov). Notes are
	// shared by every cell that says the same (a large city has millions
	// of cells, most with no note or one of a few): never change one
	// through a cell, set it with lang.setNA, setHint or setProv.
	*Note
}

// Note is what a cell says besides its figure.
type Note struct {
	NA   string `json:"na,omitempty"`   // why it is missing: "belum dilaporkan"
	Hint string `json:"hint,omitempty"` // a short note after it: "(progres)", "(kumulatif)", "(Tahun 2025)"
	Prov string `json:"prov,omitempty"` // "Sementara" when the figure is provisional
}

// Missing is why the figure is missing ("" when it is not).
func (c Cell) Missing() string {
	if c.Note == nil {
		return ""
	}
	return c.Note.NA
}

// Hinted is the short note after the figure, if any.
func (c Cell) Hinted() string {
	if c.Note == nil {
		return ""
	}
	return c.Note.Hint
}

// Provisional is "Sementara" when the figure is provisional, else "".
func (c Cell) Provisional() string {
	if c.Note == nil {
		return ""
	}
	return c.Note.Prov
}

// Said is the cell as a sentence says it: the figure with its unit, or
// why it is missing.
func (c Cell) Said() string { return cmpOr(c.Shown(), c.Missing()) }

// File is one download of a page.
type File struct {
	Format string `json:"format"` // csv, excel-csv, xlsx, json, zip, …
	Label  string `json:"label"`  // "CSV", "Excel (XLSX)"
	Path   string `json:"path"`   // under the site root, no leading slash: "data/iku/x.csv"
	Name   string `json:"name"`   // the file's name
	Bytes  int    `json:"bytes"`
	Size   string `json:"size"` // "12 KB"
}

// Chart names a page's chart: its ID (the SVG drawn for it in this
// language is assets/charts/<lang>/<id>.svg), heading and the sentence
// that says what it shows.
type Chart struct {
	ID      string `json:"id"`
	Heading string `json:"heading"`
	Summary string `json:"summary"`
	// Files are the chart as images to download (an indicator's: SVG
	// and PNG, written beside its page after Hugo by generator/pipeline;
	// no size, which is known only then).
	Files []File `json:"files,omitempty"`
}

// The file names of an indicator's chart images, beside its page.
const (
	ChartSVG = "grafik.svg"
	ChartPNG = "grafik.png"
)

// KV is one line of a description list: a label and its value, which is
// exactly one of Text, Cell, Status or Trend.
type KV struct {
	Label  string  `json:"label"`
	Main   bool    `json:"main,omitempty"` // a main figure, shown large
	Text   *Text   `json:"text,omitempty"`
	Cell   *Cell   `json:"cell,omitempty"`
	Status *Status `json:"status,omitempty"`
	Trend  *Trend  `json:"trend,omitempty"`
	// Revised are the "revised" marks of the value (a target, a field
	// of the indicator), printed after it.
	Revised []Mark `json:"revised,omitempty"`
}

// Row is one indicator in one due period: a row of the indicator's table,
// and of every download and API document.
type Row struct {
	Key         string `json:"key"`    // "2026-Q3", "2026-S1", "2026"
	Period      string `json:"period"` // "Triwulan III 2026"
	Short       string `json:"-"`      // "TW III 2026": the chart's axis
	Target      Cell   `json:"target"`
	Actual      Cell   `json:"actual"`
	YTD         Cell   `json:"ytd"`
	Achievement Cell   `json:"achievement"`
	// Status and Trend are shared by every row that shows the same
	// (lang.statusOf, lang.trendOf): a large city has millions of rows.
	// Never change one through a row.
	Status  *Status `json:"status"`
	Trend   *Trend  `json:"trend"`             // against the previous due period
	Revised []Mark  `json:"revised,omitempty"` // of the actual
	// TargetRevised are the marks of the target the row shows.
	TargetRevised []Mark       `json:"target_revised,omitempty"`
	Explanation   *Explanation `json:"explanation,omitempty"`
	// YTDCol says that the table has a year-to-date column (the same in
	// every row of a table).
	YTDCol bool `json:"ytd_col,omitempty"`
	// Eval is the evaluation the row shows, for the downloads and the API
	// (exact values and keys); not written to the pages' data.
	Eval *iku.Evaluation `json:"-"`
}

// Plotted is the value a chart plots for the row: the year to date where
// the rules compare the year to date with the target (a cumulative
// target, progress toward the annual target, a count against its
// ceiling), like with like as in the table; else the period's actual.
func (r *Row) Plotted() *iku.Decimal {
	switch r.Eval.Basis {
	case iku.BasisYearToDate, iku.BasisAnnualProgress, iku.BasisAnnualCeiling:
		return r.Eval.YearToDate
	}
	return r.Eval.Actual
}

// Mark is a "revised" mark on a figure, linking the release that
// revised it.
type Mark struct {
	Label string `json:"label"` // "direvisi"
	Title string `json:"title"` // "Direvisi dalam rilis 2026-Q3 v1: semula 55,2"
	URL   string `json:"url"`
}

// Explanation is an agency's account of one period (LKjIP), in the
// agency's language.
type Explanation struct {
	Lang  string `json:"lang,omitempty"`
	Items []KV   `json:"items"` // faktor pendukung, penghambat, tindak lanjut: those given
}

// Answer is the sentence under an indicator's heading: the latest due
// period, the value that earned the status, its target, the status and
// the trend.
type Answer struct {
	Period string `json:"period"` // "" when the indicator has no due period in the report
	Value  Cell   `json:"value"`
	Target Cell   `json:"target"`
	Status Status `json:"status"`
	Trend  Trend  `json:"trend"`
	// TargetRevised are the "revised" marks of the target.
	TargetRevised []Mark `json:"target_revised,omitempty"`
}

// Table is a table's caption and column headers.
type Table struct {
	Caption string   `json:"caption"`
	Columns []Column `json:"columns"`
}

// Column is one column header; Num right-aligns it.
type Column struct {
	Label string `json:"label"`
	Unit  string `json:"unit,omitempty"` // shown after the label in brackets
	Num   bool   `json:"num,omitempty"`
	Key   string `json:"key,omitempty"`  // which cell of the row (target, actual, …), or the status of a count
	Icon  string `json:"icon,omitempty"` // the status's icon, for a column of counts
}

// YearRow is one indicator's consolidated year.
type YearRow struct {
	Key         string  `json:"key"` // "2026"
	Period      string  `json:"period"`
	Target      Cell    `json:"target"`
	Actual      Cell    `json:"actual"`
	Achievement Cell    `json:"achievement"`
	Status      *Status `json:"status"` // shared, as a Row's
	Trend       *Trend  `json:"trend"`  // against the year before; shared, as a Row's
	// TargetRevised are the marks of the year's target.
	TargetRevised []Mark `json:"target_revised,omitempty"`
	// Year is the consolidated year, for the downloads and the API.
	Year *iku.Year `json:"-"`
}

// ListRow is an indicator in a list (an agency's, a sector's, all of
// them): its latest due period.
type ListRow struct {
	Slug        string `json:"slug"`
	Name        Link   `json:"name"`
	Agency      Link   `json:"agency"`
	Value       Cell   `json:"value"` // the value compared with the target, with its unit
	Target      Cell   `json:"target"`
	Achievement Cell   `json:"achievement"`
	Status      Status `json:"status"`
	NotDue      string `json:"not_due,omitempty"` // "tidak dijadwalkan triwulan ini; data berikutnya: Triwulan IV 2026"
	Trend       Trend  `json:"trend"`
}

// Indicator is one indicator's page.
type Indicator struct {
	Slug    string    `json:"slug"`
	URL     string    `json:"url"`
	Title   string    `json:"title"` // plain: <title>, og:title, breadcrumbs
	Name    Text      `json:"name"`
	Code    string    `json:"code,omitempty"`
	Agency  Link      `json:"agency"`
	Sector  Link      `json:"sector"`
	Unit    Text      `json:"unit"`
	Source  Text      `json:"source"`  // the data's source and producer
	Summary string    `json:"summary"` // one sentence: description, chart caption, embed, preview
	Answer  Answer    `json:"answer"`
	Latest  Latest    `json:"latest"`
	Chart   Chart     `json:"chart"`
	Table   Table     `json:"table"`
	Rows    []Row     `json:"rows"`
	Earlier []Earlier `json:"earlier"` // earlier periods' explanations, newest first
	Years   *Years    `json:"years"`   // nil for an annual indicator (its table lists its years)
	// YearRows are the consolidated years of every indicator, an annual
	// one's too (its page lists them as its periods), for the downloads.
	YearRows []YearRow `json:"-"`
	Defs     []KV      `json:"defs"`      // definition, formula
	KeyData  []KV      `json:"key_data"`  // unit, polarity, consolidation, source, …
	Cite     CiteParts `json:"cite"`      // what the citation needs besides the site's settings
	Embed    string    `json:"embed"`     // the page of the embeddable chart
	Files    []File    `json:"files"`     // the indicator's downloads
	List     ListRow   `json:"list"`      // the indicator in lists
	Card     []string  `json:"card"`      // the link preview's lines
	Legend   [2]string `json:"-"`         // the chart's names of the plotted value and of the target
	Year     int       `json:"year"`      // the year of the data, for the citation
	Freq     string    `json:"frequency"` // quarterly, semiannual, annual
	DueNow   bool      `json:"due_now"`   // due in the site's quarter
	// Decimals is how many decimals the indicator's values are written
	// with: the chart's axis steps by whole units when it is 0.
	Decimals int `json:"-"`
	// Units are the service units measured by the indicator, by name.
	Units []UnitLink `json:"units,omitempty"`

	rep *iku.IndicatorReport
}

// Latest is the "kondisi terbaru" section of an indicator page.
type Latest struct {
	Heading     string       `json:"heading"`
	Hint        string       `json:"hint,omitempty"` // why the latest period is not the site's quarter
	None        string       `json:"none,omitempty"` // when the indicator has no period in the report
	Items       []KV         `json:"items"`
	Explanation *Explanation `json:"explanation,omitempty"`
}

// Earlier is an earlier period's explanation.
type Earlier struct {
	Key         string       `json:"key"`
	Period      string       `json:"period"`
	Status      Status       `json:"status"`
	Explanation *Explanation `json:"explanation"`
}

// Years is the table of an indicator's consolidated years.
type Years struct {
	Text  string    `json:"text"` // how a year is consolidated, in words
	Table Table     `json:"table"`
	Rows  []YearRow `json:"rows"`
}

// CiteParts are the parts of an indicator's citation that come from data.
type CiteParts struct {
	Name string `json:"name"`
	Year int    `json:"year"`
}

// Counts are how many indicators are in each status in one quarter, by
// the one definition of DOMAIN.md ("One definition per count"). The parts
// (Items and the not-due line) add up to Total.
type Counts struct {
	Total    int         `json:"total"`
	Items    []CountItem `json:"items"`
	NotDue   int         `json:"not_due"`
	NotDueAt string      `json:"not_due_line,omitempty"` // "3 indikator tidak dijadwalkan triwulan ini …"
	Headline []Line      `json:"headline"`               // good or met, below, pending, not reported, not due
	OnTrack  int         `json:"on_track"`               // good or met: the headline's first count
	Exceeds  int         `json:"exceeds"`                // due in the quarter with achievement > 100
	Prov     int         `json:"provisional"`            // due, reported, provisional
}

// CountItem is one status with how many indicators have it.
type CountItem struct {
	Status Status `json:"status"`
	N      int    `json:"n"`
	Text   string `json:"text"` // N formatted
}

// Line is a number with the words that follow it: "56 berkategori Sangat
// Baik, Baik, Tercapai atau Tercapai sejauh ini".
type Line struct {
	Key  string `json:"key"` // on_track, off_track, pending, not_reported, not_due
	N    int    `json:"n"`
	Num  string `json:"num"`
	Text string `json:"text"`
}

// Mover is an indicator whose capped achievement changed most in a year.
type Mover struct {
	Indicator Link   `json:"indicator"`
	Agency    Link   `json:"agency"`
	Change    string `json:"change"` // "dari 80,00% menjadi 95,00% (naik 15,00 poin)"
	Short     string `json:"short"`  // "+15,00 poin"
	// Revised marks a mover whose target the release revised.
	Revised []Mark `json:"revised,omitempty"`
}

// Agency is one agency's page.
type Agency struct {
	Slug        string         `json:"slug"`
	URL         string         `json:"url"`
	Title       string         `json:"title"`
	Name        Text           `json:"name"`
	ShortName   string         `json:"short_name,omitempty"` // shown when it differs from the name
	Kind        string         `json:"kind"`
	Code        string         `json:"code,omitempty"`
	Sector      Link           `json:"sector"`
	Summary     string         `json:"summary"`
	Lead        string         `json:"lead"` // "7 indikator"
	Score       Score          `json:"score"`
	Counts      Counts         `json:"counts"`
	Predicates  []KV           `json:"predicates"`
	Chart       Chart          `json:"chart"`
	Table       Table          `json:"table"`
	Indicators  []string       `json:"indicators"` // slugs, in the order of the chart
	Scores      Table          `json:"scores_table"`
	ScoreRows   []ScoreRow     `json:"scores"`
	Comparisons []RankLine     `json:"comparisons"`
	Files       []File         `json:"files"`
	Ratings     *AgencyRatings `json:"ratings,omitempty"`
	List        AgencyRow      `json:"list"`
	Card        []string       `json:"card"`
	// Units are the agency's service units; UnitsHere, on a kecamatan's
	// page, the units in its area (both by name).
	Units     []UnitLink `json:"units,omitempty"`
	UnitsHere []UnitLink `json:"units_here,omitempty"`
	rep       *iku.AgencyReport
}

// Score is an agency's score in the site's quarter, and what it counted.
type Score struct {
	Heading string `json:"heading"` // "Skor capaian, Triwulan III 2026"
	Value   Cell   `json:"value"`   // with "%"; NA when nothing counted
	Counted string `json:"counted"` // "Dihitung dari 5 indikator; 2 tidak dihitung."
	Why     string `json:"why"`     // "Yang tidak dihitung: 1 belum dilaporkan; …."
	Explain string `json:"explain"`
}

// ScoreRow is an agency's score in one quarter.
type ScoreRow struct {
	Key     string `json:"key"`
	Period  string `json:"period"`
	Value   Cell   `json:"value"`
	Counted Cell   `json:"counted"`
	Missing Cell   `json:"missing"`
	NotDue  Cell   `json:"not_due"`
	score   *iku.Score
}

// Score is the score the row shows, with its counts, for the downloads
// (exact values).
func (r *ScoreRow) Score() *iku.Score { return r.score }

// RankLine is an agency's place in one comparison.
type RankLine struct {
	Link Link   `json:"link"`
	Rank string `json:"rank"` // "peringkat 2 dari 6, Triwulan III 2026" or "tidak diperingkat"
}

// AgencyRow is an agency in the list of agencies.
type AgencyRow struct {
	Name       Link   `json:"name"`
	Sector     Link   `json:"sector"`
	Indicators Cell   `json:"indicators"`
	Score      Cell   `json:"score"`
	Counts     Counts `json:"counts"`
}

// Sector is one policy area's page.
type Sector struct {
	Slug       string       `json:"slug"`
	URL        string       `json:"url"`
	Title      string       `json:"title"`
	Name       Text         `json:"name"`
	Lead       string       `json:"lead"`
	Counts     Counts       `json:"counts"`
	Agencies   []SectorLink `json:"agencies"`
	Indicators []string     `json:"indicators"` // slugs sorted by agency, then name, in the page language
	Table      Table        `json:"table"`
	Files      []File       `json:"files"`
	Overview   OverviewRow  `json:"overview"`
	Tile       string       `json:"tile"` // "7 indikator · 2 perangkat daerah"
}

// SectorLink is an agency of a sector and how many of its indicators are
// in the sector.
type SectorLink struct {
	Link Link   `json:"link"`
	Note string `json:"note"`
}

// OverviewRow is a sector in the home page's table of statuses by sector
// (the same rows, in the same order, as its chart).
type OverviewRow struct {
	Name       Link   `json:"name"`
	Agencies   Cell   `json:"agencies"`
	Indicators Cell   `json:"indicators"`
	Counts     []Cell `json:"counts"` // in the order of Site.Columns
	NotDue     Cell   `json:"not_due"`
	sector     *iku.SectorReport
}

// Comparison is one indicator shared by several agencies, ranked.
type Comparison struct {
	Slug    string       `json:"slug"`
	URL     string       `json:"url"`
	Title   string       `json:"title"`
	Name    Text         `json:"name"`
	Period  string       `json:"period"`
	Answer  string       `json:"answer"`
	Best    *BestLine    `json:"best,omitempty"`
	Lead    string       `json:"lead"`
	Chart   Chart        `json:"chart"`
	Table   Table        `json:"table"`
	Rows    []CompareRow `json:"rows"`
	Members []string     `json:"members"` // agency slugs
	cmp     *iku.Comparison
}

// BestLine is the comparison's best agency.
type BestLine struct {
	Agency      Link `json:"agency"`
	Achievement Cell `json:"achievement"`
}

// CompareRow is one agency in a comparison.
type CompareRow struct {
	Rank        Cell   `json:"rank"`
	Agency      Link   `json:"agency"`
	Indicator   string `json:"indicator_url"`
	Value       Cell   `json:"value"`
	Target      Cell   `json:"target"`
	Achievement Cell   `json:"achievement"`
	Status      Status `json:"status"`
	// Label is the chart's bar label: the agency's short name, less the
	// leading words every member's name shares ("Kec."), which the
	// chart's heading says.
	Label string `json:"label"`
	// Member is the ranked member the row shows (its rank, evaluation and
	// capped achievement), for the chart and the downloads.
	Member *iku.Member `json:"-"`
}
