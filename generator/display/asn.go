package display

import (
	"strconv"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Ratings are the civil servants' ratings as the pages show them: the
// published (suppressed) table only, every count and share formatted, a
// suppressed cell marked Hidden (never a number).
type Ratings struct {
	K        int          `json:"k"`
	Footnote string       `json:"footnote"` // what "–*" means
	Years    []RatingYear `json:"years"`    // newest first
	// Answer is the page's answer, first on a phone's first screen: the
	// newest year's key figures for the whole city.
	Answer *RatingsAnswer `json:"answer,omitempty"`
}

// RatingYear is one year of the /asn/ page.
type RatingYear struct {
	Year     int         `json:"year"`
	Heading  string      `json:"heading"`
	Chart    Chart       `json:"chart"`
	Table    Table       `json:"table"`
	Rows     []RatingRow `json:"rows"` // agencies by name
	Hidden   string      `json:"hidden,omitempty"`
	Plotted  []Point     `json:"-"` // the scatter's points
	Describe string      `json:"-"`
}

// RatingsAnswer is /asn/'s answer: a heading naming the year and its key
// figures (civil servants rated, the share rated Sangat Baik, the
// agencies on the chart), each with its number or the reason it is not
// published.
type RatingsAnswer struct {
	Heading string `json:"heading"`
	Items   []KV   `json:"items"`
}

// Point is one agency on a year's scatter.
type Point struct {
	Name         string
	Score, Share iku.Decimal
}

// RatingRow is one agency in a year's table.
type RatingRow struct {
	Agency Link `json:"agency"`
	Rated  Cell `json:"rated"`
	Top    Cell `json:"top"` // share of Sangat Baik, %
	Score  Cell `json:"score"`
}

// AgencyRatings is an agency's latest rated year on its page.
type AgencyRatings struct {
	Year     int         `json:"year"`
	Heading  string      `json:"heading"`
	Summary  string      `json:"summary"`
	Chart    Chart       `json:"chart"`
	Table    Table       `json:"table"`
	Rows     []RatingHit `json:"rows"`
	Footnote string      `json:"footnote,omitempty"`
	Caution  string      `json:"caution"`
	Counts   []*int      `json:"-"` // per predicate (iku.SKPPredicates), nil when suppressed
	Describe string      `json:"-"` // the chart's description
}

// RatingHit is one predicate's count and share.
type RatingHit struct {
	Predicate string `json:"predicate"`
	Count     Cell   `json:"count"`
	Share     Cell   `json:"share"`
}

// hidden is a suppressed cell.
func hidden() Cell { return Cell{Note: hiddenNote} }

// hiddenNote is the note of every hidden cell (shared: never changed).
var hiddenNote = &Note{Hint: "*"}

// ratings builds the ratings of every agency's page and of /asn/ from
// the published table of ds; k is the privacy threshold it was published
// with.
func (m *Model) ratings(k int) {
	l := m.l
	ds := m.in.Dataset
	if len(ds.Ratings) == 0 {
		return
	}
	scores := map[string]map[int]*iku.Decimal{}
	for _, ar := range m.in.Report.Agencies {
		s := map[int]*iku.Decimal{}
		for _, sc := range ar.Scores {
			if sc.Quarter.Q == 4 {
				s[sc.Quarter.Year] = sc.Value
			}
		}
		scores[ar.Agency.Slug] = s
	}
	short := map[string]string{}
	for _, a := range ds.Agencies {
		short[a.Slug] = cmpOr(a.ShortName, a.Name)
	}
	out := &Ratings{K: k, Footnote: l.t("asn_footnote", map[string]any{"K": k, "K2": 2 * k})}
	byYear := map[int]*RatingYear{}
	var years []int
	latest := map[string]*AgencyRatings{}
	city := map[int]disclosure.Distribution{}
	for _, d := range disclosure.Distributions(ds.Ratings) {
		a := m.Agency(d.AgencySlug)
		if d.AgencySlug != "" && a == nil {
			continue // an agency the data does not have: nothing to link
		}
		y := byYear[d.Year]
		if y == nil {
			y = &RatingYear{Year: d.Year, Heading: l.t("asn_year_heading", map[string]any{"Year": d.Year})}
			byYear[d.Year] = y
			years = append(years, d.Year)
		}
		if d.AgencySlug == "" {
			city[d.Year] = d
			continue
		}
		top := hidden()
		if n := d.Counts[0]; n != nil {
			top = l.value(disclosure.Share(n, d.Rated), "%", "na_no_data")
		}
		score := l.value(scores[d.AgencySlug][d.Year], "%", "na_score")
		y.Rows = append(y.Rows, RatingRow{Agency: m.agencyLink(d.AgencySlug), Rated: l.num(d.Rated), Top: top, Score: score})
		if top.Sort != "" && score.Sort != "" {
			y.Plotted = append(y.Plotted, Point{Name: short[d.AgencySlug], Score: *scores[d.AgencySlug][d.Year],
				Share: *disclosure.Share(d.Counts[0], d.Rated)})
		}
		if prev := latest[d.AgencySlug]; prev != nil && prev.Year > d.Year {
			continue
		}
		q := l.quarter(iku.Quarter{Year: d.Year, Q: 4})
		r := &AgencyRatings{Year: d.Year, Heading: l.t("asn_heading", map[string]any{"Year": d.Year}),
			Caution: l.w("asn_caution"), Counts: d.Counts[:],
			Table: Table{Caption: l.t("asn_table_caption", map[string]any{"Name": a.Name.Text, "Year": d.Year}), Columns: []Column{
				{Label: l.w("col_predicate")}, {Label: l.w("col_people"), Num: true}, {Label: l.w("col_share"), Unit: "%", Num: true},
			}}}
		sentences := []string{l.t("asn_rated", map[string]any{"Rated": l.Int(d.Rated), "Year": d.Year})}
		if n := d.Counts[0]; n != nil {
			sentences = append(sentences, l.t("asn_top", map[string]any{"Share": withUnit(l.dec(disclosure.Share(n, d.Rated)), "%"), "Count": l.Int(*n)}))
		} else {
			sentences = append(sentences, l.w("asn_top_hidden"))
		}
		if s := scores[d.AgencySlug][d.Year]; s != nil {
			sentences = append(sentences, l.t("asn_score", map[string]any{"Quarter": q.Name, "Score": withUnit(l.dec(s), "%")}))
		} else {
			sentences = append(sentences, l.t("asn_score_none", map[string]any{"Quarter": q.Name}))
		}
		r.Summary = joinSentences(sentences)
		hiddenN := 0
		for j, p := range iku.SKPPredicates {
			h := RatingHit{Predicate: p, Count: hidden(), Share: hidden()}
			if n := d.Counts[j]; n != nil {
				h.Count = l.num(*n)
				h.Share = l.value(disclosure.Share(n, d.Rated), "", "na_no_data")
			} else {
				hiddenN++
			}
			r.Rows = append(r.Rows, h)
		}
		if d.Suppressed() {
			r.Footnote = out.Footnote
		}
		r.Chart = Chart{ID: "opd-" + d.AgencySlug + "-asn", Heading: r.Heading, Summary: r.Summary}
		r.Describe = l.t("chart_asn_distribution_description", map[string]any{"Agency": a.Name.Text, "Year": d.Year,
			"Rated": l.Int(d.Rated), "Hidden": hiddenN})
		latest[d.AgencySlug] = r
	}
	for slug, r := range latest {
		m.Agency(slug).Ratings = r
	}
	for i := len(years) - 1; i >= 0; i-- {
		y := byYear[years[i]]
		sortRows(y.Rows)
		y.Table = Table{Caption: l.t("asn_scatter_caption", map[string]any{"Year": y.Year}), Columns: []Column{
			{Label: l.w("col_agency")}, {Label: l.w("col_rated"), Num: true}, {Label: l.w("col_top_share"), Num: true},
			{Label: l.w("col_score_q4"), Unit: "%", Num: true},
		}}
		if n := len(y.Rows) - len(y.Plotted); n > 0 {
			y.Hidden = l.t("asn_hidden_agencies", map[string]any{"N": n})
		}
		y.Chart = Chart{Heading: y.Heading, Summary: l.t("asn_scatter_summary", map[string]any{"Year": y.Year})}
		if len(y.Plotted) > 0 {
			y.Chart.ID = "asn-" + strconv.Itoa(y.Year) + "-scatter"
		}
		y.Describe = l.t("chart_asn_scatter_description", map[string]any{"Year": y.Year, "Count": len(y.Plotted)})
		out.Years = append(out.Years, *y)
	}
	if len(out.Years) > 0 {
		out.Answer = ratingsAnswer(l, &out.Years[0], city)
	}
	m.Site.Asn = out
}

// ratingsAnswer is the key figures of year y: the city's row of the
// published table (when it has one) and the agencies plotted.
func ratingsAnswer(l *lang, y *RatingYear, city map[int]disclosure.Distribution) *RatingsAnswer {
	a := &RatingsAnswer{Heading: l.t("asn_answer_heading", map[string]any{"Year": y.Year})}
	if d, ok := city[y.Year]; ok {
		rated := l.num(d.Rated)
		a.Items = append(a.Items, KV{Label: l.w("asn_answer_rated"), Main: true, Cell: &rated})
		top := hidden()
		l.setNA(&top, l.w("asn_answer_hidden"))
		if n := d.Counts[0]; n != nil {
			top = l.value(disclosure.Share(n, d.Rated), "%", "na_no_data")
		}
		a.Items = append(a.Items, KV{Label: l.w("asn_answer_top"), Main: true, Cell: &top})
	}
	agencies := l.num(len(y.Rows))
	a.Items = append(a.Items, KV{Label: l.w("asn_answer_agencies"), Main: true, Cell: &agencies})
	return a
}

func sortRows(rows []RatingRow) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && collate(rows[j].Agency.Text.Text, rows[j-1].Agency.Text.Text) < 0; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

func joinSentences(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
