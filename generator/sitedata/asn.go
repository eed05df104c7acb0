package sitedata

// Ratings is data/kinerja/asn.json of Write: the published (suppressed)
// ratings table. (The pages now read display.Ratings, and DrawCharts
// draws the ratings charts from it.) Counts and shares come from the published table only, as
// exact text; nil is a suppressed cell.
type Ratings struct {
	K          int                     `json:"k"`
	Predicates []string                `json:"predicates"`
	Agencies   map[string]AgencyRating `json:"agencies"` // the latest year of each agency with ratings
	Years      []RatingYear            `json:"years"`    // newest first
}

// AgencyRating is one agency's distribution in one year, with its IKU
// score of that year's Triwulan IV (the quarter in which every indicator,
// annual ones included, is due).
type AgencyRating struct {
	Slug       string       `json:"slug"`
	Name       string       `json:"name"`
	Year       int          `json:"year"`
	Rated      int          `json:"rated"`
	Cells      []RatingCell `json:"cells"`
	Suppressed bool         `json:"suppressed"`      // some cell is
	Top        *RatingCell  `json:"top"`             // Sangat Baik
	Score      *string      `json:"score"`           // IKU score, Triwulan IV of Year
	Quarter    Period       `json:"quarter"`         // that quarter
	Chart      string       `json:"chart,omitempty"` // the distribution chart (agency pages)
}

// RatingCell is one predicate's count and share.
type RatingCell struct {
	Predicate string  `json:"predicate"`
	Count     *string `json:"count"` // nil: suppressed
	Share     *string `json:"share"` // %, 1 decimal; nil when suppressed
}

// RatingYear is one year of the city page.
type RatingYear struct {
	Year     int            `json:"year"`
	Chart    string         `json:"chart,omitempty"` // the scatter
	Plotted  int            `json:"plotted"`         // agencies on the scatter
	Hidden   int            `json:"hidden"`          // agencies whose top count is suppressed
	Agencies []AgencyRating `json:"agencies"`
	City     AgencyRating   `json:"city"`
}
