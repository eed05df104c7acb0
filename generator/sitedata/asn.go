package sitedata

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Ratings is data/kinerja/asn.json: the published (suppressed) ratings
// table as the agency pages and the page "Kinerja ASN dan IKU" (/asn/)
// show it. Counts and shares come from the published table only, as
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

// DrawRatings builds the ratings data and draws its charts: each agency's
// latest distribution, and each year's scatter.
func DrawRatings(ctx context.Context, r *chart.Renderer, rep *iku.Report, ds *iku.Dataset, msgs Messages, lang string, k int) (*Ratings, []Chart, int, error) {
	out := &Ratings{K: k, Predicates: iku.SKPPredicates, Agencies: map[string]AgencyRating{}}
	if len(ds.Ratings) == 0 {
		return out, nil, 0, nil
	}
	labels := chart.RatingLabels{Count: msgs["chart_asn_count"], Score: msgs["chart_asn_score"], Share: msgs["chart_asn_share"], NumberLocale: msgs["number_locale"]}
	names := map[string]string{"": msgs["asn_city"]}
	short := map[string]string{}
	for _, a := range ds.Agencies {
		names[a.Slug] = a.Name
		short[a.Slug] = a.ShortName
		if short[a.Slug] == "" {
			short[a.Slug] = a.Name
		}
	}
	scores := map[string]map[int]*iku.Decimal{}
	for _, ar := range rep.Agencies {
		m := map[int]*iku.Decimal{}
		for _, sc := range ar.Scores {
			if sc.Quarter.Q == 4 {
				m[sc.Quarter.Year] = sc.Value
			}
		}
		scores[ar.Agency.Slug] = m
	}
	var todo []chart.Chart
	byYear := map[int]*RatingYear{}
	var years []int
	for _, d := range disclosure.Distributions(ds.Ratings) {
		ar := AgencyRating{Slug: d.AgencySlug, Name: names[d.AgencySlug], Year: d.Year, Rated: d.Rated, Suppressed: d.Suppressed(),
			Quarter: quarter(iku.Quarter{Year: d.Year, Q: 4})}
		for j, p := range iku.SKPPredicates {
			c := RatingCell{Predicate: p}
			if n := d.Counts[j]; n != nil {
				s := strconv.Itoa(*n)
				c.Count = &s
				c.Share = text(disclosure.Share(n, d.Rated))
			}
			ar.Cells = append(ar.Cells, c)
		}
		top := ar.Cells[0]
		ar.Top = &top
		ar.Score = text(scores[d.AgencySlug][d.Year])
		y := byYear[d.Year]
		if y == nil {
			y = &RatingYear{Year: d.Year}
			byYear[d.Year] = y
			years = append(years, d.Year)
		}
		if d.AgencySlug == "" {
			y.City = ar
			continue
		}
		y.Agencies = append(y.Agencies, ar)
		if prev, ok := out.Agencies[d.AgencySlug]; !ok || prev.Year < d.Year {
			out.Agencies[d.AgencySlug] = ar
		}
	}
	for _, slug := range slices.Sorted(maps.Keys(out.Agencies)) {
		ar := out.Agencies[slug]
		hidden := 0
		var counts []*int
		for _, c := range ar.Cells {
			if c.Count == nil {
				hidden++
				counts = append(counts, nil)
				continue
			}
			n, _ := strconv.Atoi(*c.Count)
			counts = append(counts, &n)
		}
		desc := strings.NewReplacer("{agency}", ar.Name, "{year}", strconv.Itoa(ar.Year), "{rated}", strconv.Itoa(ar.Rated), "{hidden}", strconv.Itoa(hidden)).
			Replace(msgs["chart_asn_distribution_description"])
		c := chart.RatingDistribution("opd-"+slug+"-asn", iku.SKPPredicates, counts, desc, labels)
		todo = append(todo, c)
		ar.Chart = c.ID
		out.Agencies[slug] = ar
	}
	for i := len(years) - 1; i >= 0; i-- {
		y := byYear[years[i]]
		var points []chart.ScatterPoint
		for _, a := range y.Agencies {
			if a.Top.Share == nil || a.Score == nil {
				y.Hidden++
				continue
			}
			points = append(points, chart.ScatterPoint{Name: short[a.Slug], Score: iku.MustDecimal(*a.Score), Share: iku.MustDecimal(*a.Top.Share)})
		}
		y.Plotted = len(points)
		if len(points) > 0 {
			desc := strings.NewReplacer("{year}", strconv.Itoa(y.Year), "{count}", strconv.Itoa(len(points))).Replace(msgs["chart_asn_scatter_description"])
			c := chart.RatingsScatter("asn-"+strconv.Itoa(y.Year)+"-scatter", points, desc, labels)
			todo = append(todo, c)
			y.Chart = c.ID
		}
		out.Years = append(out.Years, *y)
	}
	var drawn []Chart
	cached := 0
	for _, c := range todo {
		c.Lang = lang
		svg, hit, err := r.Render(ctx, c)
		if err != nil {
			return nil, nil, 0, err
		}
		if hit {
			cached++
		}
		drawn = append(drawn, Chart{ID: c.ID, Lang: lang, Option: c.Option, SVG: svg})
	}
	return out, drawn, cached, nil
}
