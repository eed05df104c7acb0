package display

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Site is what every page of the site shares, and the home page.
type Site struct {
	Demo       bool   `json:"demo"`
	Latest     Period `json:"latest"`
	DataUntil  string `json:"data_until"` // "Data sampai Triwulan III 2026."
	Indicators int    `json:"indicators"`
	Agencies   int    `json:"agencies"`
	ScoreCap   string `json:"score_cap"` // "120%"
	Home       Home   `json:"home"`
	// Columns are the statuses in the order every count lists them.
	Columns []Status `json:"columns"`
	// Colours are every status's colours (the chips' stylesheet and the
	// charts read them: display.Colours).
	Colours []StatusColour `json:"colours"`
	// Categories and Legend explain the statuses (the methodology page).
	Categories []CategoryRow `json:"categories"`
	Legend     []LegendRow   `json:"legend"`
	// All indicators and agencies by name, in the page language.
	IndicatorList []string  `json:"indicator_list"`
	AgencyList    []string  `json:"agency_list"`
	AZ            []AZGroup `json:"az"`
	// AZHeading names the A–Z list with its count, every indicator
	// (iku.Catalogue.All); AZNote, when some are not in force in the
	// site's quarter, says how many and that the home page counts only
	// those in force, so that the two numbers do not contradict each other.
	AZHeading   string `json:"az_heading"`
	AZNote      string `json:"az_note,omitempty"`
	AllCaption  string `json:"all_caption"`
	AllTable    Table  `json:"all_table"`
	AgencyTable Table  `json:"agency_table"`
	// Releases, newest first, and the next planned one.
	ReleaseList []string `json:"release_list"`
	NextRelease string   `json:"next_release,omitempty"`
	// Coming are the planned releases after the latest (data/kalender.toml),
	// by key: a note the office writes ahead (content/rilis/<key>.md) is
	// shown as the coming release.
	Coming map[string]Coming `json:"coming"`
	Data   DataPage          `json:"data"`
	Asn    *Ratings          `json:"asn,omitempty"`
	// Units is the /unit/ page: every kind of service unit with its units.
	Units *UnitIndex `json:"units,omitempty"`
}

// Home is the home page.
type Home struct {
	Title         string     `json:"title"`
	Intro         string     `json:"intro"`
	Movers        []HomeMove `json:"movers"` // the biggest change each way
	Lead          string     `json:"lead"`
	Release       *Link      `json:"release,omitempty"`
	StatusHeading string     `json:"status_heading"`
	Counts        Counts     `json:"counts"`
	Extra         string     `json:"extra"`
	Overview      Chart      `json:"overview"`
	OverviewTable Table      `json:"overview_table"`
	// Sectors in the order of the overview chart and its table (and the
	// tiles): by name in the page language.
	Sectors       []string `json:"sectors"`
	MoversHeading string   `json:"movers_heading"`
	Improved      []Mover  `json:"improved"`
	Declined      []Mover  `json:"declined"`
	MoversNote    string   `json:"movers_note"`
	Kecamatan     []Link   `json:"kecamatan"`
}

// Coming is a planned release that has no data yet.
type Coming struct {
	Title string `json:"title"` // "Rilis Triwulan IV 2026"
	Lead  string `json:"lead"`  // "Rilis ini belum diterbitkan …. Dijadwalkan terbit 29 Januari 2027."
}

// HomeMove is one line of the home page's answer: the biggest change.
type HomeMove struct {
	Label     string `json:"label"` // "Paling membaik"
	Indicator Link   `json:"indicator"`
	Short     string `json:"short"` // "+14,38 poin"
}

// CategoryRow is one row of the category table.
type CategoryRow struct {
	Range  string `json:"range"` // "≥ 91%", "76% sampai < 91%"
	Status Status `json:"status"`
}

// LegendRow is one status and what it means.
type LegendRow struct {
	Status []Status `json:"status"`
	Help   string   `json:"help"`
}

// AZGroup is one letter of the A–Z list.
type AZGroup struct {
	Letter string    `json:"letter"`
	ID     string    `json:"id"`
	Items  []ListRow `json:"items"`
}

// DataPage is what the /data/ page lists.
type DataPage struct {
	Lead       string    `json:"lead"`
	All        []File    `json:"all"`
	Latest     []File    `json:"latest"`
	Bundle     []File    `json:"bundle"`
	Catalogue  []File    `json:"catalogue"`
	Ratings    []File    `json:"ratings"`
	Years      []File    `json:"years"`  // iku-tahunan: each indicator's years
	Scores     []File    `json:"scores"` // skor-opd: each agency's scores
	SQLite     []File    `json:"sqlite"` // the database of every table
	Units      []File    `json:"units"`  // unit: every service unit's periods
	LatestHead string    `json:"latest_heading"`
	Sectors    []DataRow `json:"sectors"`
	Dictionary []DictRow `json:"dictionary"`
	// Dictionaries are the columns of the other tables (iku-tahunan,
	// skor-opd), each with its caption.
	Dictionaries []DictTable `json:"dictionaries"`
	Files        int         `json:"files"`
	Bytes        int         `json:"bytes"`
}

// DataRow is a sector's downloads.
type DataRow struct {
	Sector Link   `json:"sector"`
	Files  []File `json:"files"`
}

// DictIn is one column of the flat table, as generator/download
// describes it.
type DictIn struct {
	Name, Title, Type, Unit, Description string
}

// DictRow is one column of the data dictionary.
type DictRow struct {
	Name        string `json:"name"`
	Title       Text   `json:"title"`
	Type        string `json:"type"`
	Description Text   `json:"description"`
}

func (m *Model) site() {
	l := m.l
	rep := m.in.Report
	q := l.quarter(rep.Latest)
	s := &m.Site
	s.Demo = m.in.Dataset.Fictitious
	s.Latest = q
	s.DataUntil = l.t("footer_data", map[string]any{"Quarter": q.Name})
	s.Indicators = len(rep.Indicators)
	s.Agencies = len(rep.Agencies)
	s.ScoreCap = withUnit(l.dec(&rep.Rules.ScoreCap), "%")

	s.Colours = Colours(rep.Rules.Categories)
	counts := m.counts(rep.Counts)
	for _, it := range counts.Items {
		s.Columns = append(s.Columns, it.Status)
	}

	// The category table and the legend (methodology).
	cats := rep.Rules.Categories
	for i, c := range cats {
		var r string
		switch {
		case len(cats) == 1:
			r = l.w("range_all")
		case i == 0:
			r = l.t("range_at_least", map[string]any{"Min": l.dec(&c.Min)})
		case i == len(cats)-1:
			r = l.t("range_below", map[string]any{"Max": l.dec(&cats[i-1].Min)})
		default:
			r = l.t("range_between", map[string]any{"Min": l.dec(&c.Min), "Max": l.dec(&cats[i-1].Min)})
		}
		s.Categories = append(s.Categories, CategoryRow{Range: r, Status: l.status(iku.StatusCategory, c.Key, false)})
	}
	var all []Status
	for _, c := range cats {
		all = append(all, l.status(iku.StatusCategory, c.Key, false))
	}
	s.Legend = append(s.Legend, LegendRow{Status: all, Help: l.w("status_help_category")})
	for _, st := range iku.Statuses {
		if st != iku.StatusCategory {
			s.Legend = append(s.Legend, LegendRow{Status: []Status{l.status(st, "", false)}, Help: l.w("status_help_" + string(st))})
		}
	}

	// Lists by name.
	s.IndicatorList = make([]string, len(m.Indicators))
	for i := range m.Indicators {
		s.IndicatorList[i] = m.Indicators[i].Slug
	}
	sortedBy(s.IndicatorList, func(x string) string { return m.Indicator(x).Name.Text })
	s.AgencyList = make([]string, len(m.Agencies))
	for i := range m.Agencies {
		s.AgencyList[i] = m.Agencies[i].Slug
	}
	sortedBy(s.AgencyList, func(x string) string { return m.Agency(x).Name.Text })
	cat := m.in.Report.Catalogue
	s.AZHeading = l.t("search_az_heading", map[string]any{"Count": cat.All})
	if cat.NotInForce > 0 {
		s.AZNote = l.t("az_not_in_force", map[string]any{"Quarter": l.quarter(m.in.Report.Latest).Name,
			"Other": l.Int(cat.NotInForce), "InForce": l.Int(cat.InForce)})
	}
	for _, slug := range s.IndicatorList {
		ind := m.Indicator(slug)
		letter := firstLetter(ind.Name.Text)
		if n := len(s.AZ); n == 0 || s.AZ[n-1].Letter != letter {
			s.AZ = append(s.AZ, AZGroup{Letter: letter, ID: "az-" + anchor(letter)})
		}
		g := &s.AZ[len(s.AZ)-1]
		g.Items = append(g.Items, ind.List)
	}
	s.AllTable = m.listTable(l.t("table_all_indicators_caption", map[string]any{"Quarter": q.Name, "Count": len(m.Indicators)}), true, false)
	s.AgencyTable = Table{Caption: l.t("table_agencies_caption", map[string]any{"Quarter": q.Name, "Count": len(m.Agencies)}), Columns: []Column{
		// The score next to the name: on a phone it is on the first screen.
		{Label: l.w("col_agency")}, {Label: l.w("col_score"), Unit: "%", Num: true},
		{Label: l.w("col_sector")}, {Label: l.w("col_indicators"), Num: true}, {Label: l.w("col_status")},
	}}

	// Releases.
	for i := len(m.Releases) - 1; i >= 0; i-- {
		s.ReleaseList = append(s.ReleaseList, m.Releases[i].Key)
	}
	if n := len(m.Releases); n > 0 {
		s.NextRelease = m.nextRelease(m.Releases[n-1].quarter)
	}
	s.Coming = map[string]Coming{}
	for _, c := range m.in.Calendar {
		key := strings.ToLower(c.Quarter.String())
		if n := len(m.Releases); n > 0 && !m.Releases[n-1].quarter.Before(c.Quarter) {
			continue
		}
		s.Coming[key] = Coming{Title: l.t("release_title", map[string]any{"Quarter": l.quarter(c.Quarter).Name}),
			Lead: l.w("release_coming") + " " + l.t("release_planned", map[string]any{"Date": l.date(c.Date)})}
	}

	m.home(counts)
}

// firstLetter is the letter a name is listed under: its first letter,
// upper case, or "#".
func firstLetter(s string) string {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	if !unicode.IsLetter(r) {
		return "#"
	}
	return string(unicode.ToUpper(r))
}

// anchor is a letter as an id: an ASCII letter as itself in lower case,
// any other by its code point ("u0e9").
func anchor(letter string) string {
	r, _ := utf8.DecodeRuneInString(letter)
	if r < 128 && unicode.IsLetter(r) {
		return strings.ToLower(letter)
	}
	return fmt.Sprintf("u%x", r)
}

// nextRelease is the sentence naming the next planned release after q,
// or "".
func (m *Model) nextRelease(q iku.Quarter) string {
	l := m.l
	for _, c := range m.in.Calendar {
		if q.Before(c.Quarter) {
			return l.t("release_next", map[string]any{"Quarter": l.quarter(c.Quarter).Name, "Date": l.date(c.Date)})
		}
	}
	return ""
}

func (m *Model) home(counts Counts) {
	l := m.l
	rep := m.in.Report
	q := l.quarter(rep.Latest)
	h := &m.Site.Home
	h.Title = l.t("home_title", map[string]any{"City": l.City, "Quarter": q.Name})
	h.Intro = l.t("headline_intro", map[string]any{"Total": counts.Total})
	h.Counts = counts
	current := ""
	for i := range m.Releases {
		if m.Releases[i].Current {
			current = m.Releases[i].Key
		}
	}
	h.Improved = m.movers(rep.Improvements, current)
	h.Declined = m.movers(rep.Declines, current)
	for _, x := range []struct {
		key  string
		list []Mover
	}{{"movers_improved", h.Improved}, {"movers_declined", h.Declined}} {
		if len(x.list) > 0 {
			h.Movers = append(h.Movers, HomeMove{Label: l.w(x.key), Indicator: x.list[0].Indicator, Short: x.list[0].Short})
		}
	}
	h.Lead = l.t("home_lead", map[string]any{"Indicators": counts.Total, "Agencies": len(rep.Agencies), "Quarter": q.Name})
	for i := range m.Releases {
		if r := &m.Releases[i]; r.Current {
			h.Release = &Link{Text: Text{Text: l.t("home_release", map[string]any{"Quarter": r.Period})}, URL: r.URL}
		}
	}
	h.StatusHeading = l.t("status_heading", map[string]any{"Quarter": q.Name})
	h.Extra = l.t("home_extra", map[string]any{"Exceeds": counts.Exceeds, "Provisional": counts.Prov})
	h.Overview = Chart{ID: ChartID("home", ""), Heading: l.t("chart_overview_heading", map[string]any{"Quarter": q.Name}),
		Summary: l.t("overview_summary", map[string]any{"Quarter": q.Name, "Total": counts.Total, "Sectors": len(rep.Sectors),
			"Good": counts.OnTrack, "GoodNames": m.goodNames(), "NotReported": rep.Counts.NotReported, "NotDue": rep.Counts.NotDue})}
	h.OverviewTable = Table{Caption: l.t("table_sectors_caption", map[string]any{"Quarter": q.Name}), Columns: []Column{
		{Label: l.w("col_sector")}, {Label: l.w("col_agencies"), Num: true}, {Label: l.w("col_indicators"), Num: true},
	}}
	for _, st := range m.Site.Columns {
		h.OverviewTable.Columns = append(h.OverviewTable.Columns, Column{Label: st.Label, Num: true, Key: st.Key, Icon: st.Icon})
	}
	h.OverviewTable.Columns = append(h.OverviewTable.Columns, Column{Label: l.w("col_not_due"), Num: true})
	h.Sectors = make([]string, len(m.Sectors))
	for i := range m.Sectors {
		h.Sectors[i] = m.Sectors[i].Slug
	}
	sortedBy(h.Sectors, func(x string) string { return m.Sector(x).Name.Text })
	h.MoversHeading = l.t("movers_heading", map[string]any{"Quarter": l.quarter(rep.Latest.Add(-4)).Name})
	h.MoversNote = l.t("movers_note", map[string]any{"Cap": l.dec(&rep.Rules.ScoreCap)})
	var kec []string
	for i := range m.Agencies {
		if m.Agencies[i].Kind == "kecamatan" {
			kec = append(kec, m.Agencies[i].Slug)
		}
	}
	for _, s := range sortedBy(kec, func(x string) string { return m.Agency(x).Name.Text }) {
		h.Kecamatan = append(h.Kecamatan, m.agencyLink(s))
	}
}

// movers are the biggest changes, as sentences.
//
// A mover whose target the release rel revised is marked so: its change
// may come from the target rather than the result.
func (m *Model) movers(ms []iku.Mover, rel string) []Mover {
	l := m.l
	out := []Mover{}
	for _, mv := range ms {
		change := strings.TrimLeft(mv.Change.String(), "+-")
		down := mv.Change.Sign() < 0
		key, sign := "mover_up", "+"
		if down {
			key, sign = "mover_down", "−"
		}
		agency := ""
		if ind := m.Indicator(mv.IndicatorSlug); ind != nil {
			agency = ind.rep.Indicator.AgencySlug
		}
		out = append(out, Mover{
			Indicator: m.indicatorLink(mv.IndicatorSlug),
			Agency:    m.agencyLink(agency),
			Change: l.t(key, map[string]any{"From": withUnit(l.dec(&mv.From), "%"), "To": withUnit(l.dec(&mv.To), "%"),
				"Change": l.Number(change)}),
			Short:   l.t("headline_points", map[string]any{"Sign": sign, "Change": l.Number(change)}),
			Revised: m.targetRevisedIn(mv.IndicatorSlug, rel),
		})
	}
	return out
}

// SetFiles gives the pages their downloads: files maps "iku/<slug>",
// "opd/<slug>", "sektor/<slug>", "all", "latest", "tahunan", "skor",
// "unit", "sqlite", "bundle", "asn" and "catalogue" to their files. dict describes the columns of the flat
// table for the data dictionary.
func (m *Model) SetFiles(files map[string][]FileIn) {
	l := m.l
	list := func(key string) []File {
		out := []File{}
		for _, f := range files[key] {
			out = append(out, l.file(f))
		}
		return out
	}
	for i := range m.Indicators {
		m.Indicators[i].Files = list("iku/" + m.Indicators[i].Slug)
	}
	for i := range m.Agencies {
		m.Agencies[i].Files = list("opd/" + m.Agencies[i].Slug)
	}
	d := &m.Site.Data
	d.Sectors = nil
	for i := range m.Sectors {
		m.Sectors[i].Files = list("sektor/" + m.Sectors[i].Slug)
	}
	for _, slug := range m.Site.Home.Sectors {
		s := m.Sector(slug)
		d.Sectors = append(d.Sectors, DataRow{Sector: Link{Text: s.Name, URL: s.URL}, Files: s.Files})
	}
	d.All, d.Latest, d.Bundle, d.Ratings, d.Catalogue = list("all"), list("latest"), list("bundle"), list("asn"), list("catalogue")
	d.Years, d.Scores, d.SQLite, d.Units = list("tahunan"), list("skor"), list("sqlite"), list("unit")
	if m.Site.Units != nil {
		m.Site.Units.Files = d.Units
	}
	d.Files, d.Bytes = 0, 0
	for key, fs := range files {
		if key == "catalogue" {
			continue
		}
		d.Files += len(fs)
		for _, f := range fs {
			d.Bytes += f.Bytes
		}
	}
	q := m.Site.Latest.Name
	d.Lead = l.t("data_lead", map[string]any{"Quarter": q, "Files": l.Int(d.Files), "Size": l.bytes(d.Bytes)})
	d.LatestHead = l.t("data_latest_heading", map[string]any{"Quarter": q})
}

// DictTable is the data dictionary of one more table of the data page.
type DictTable struct {
	ID      string    `json:"id"` // the caption's id: "cap-dict-iku-tahunan"
	Caption string    `json:"caption"`
	Rows    []DictRow `json:"rows"`
}

// AddDictionary gives the data page the columns of another table (name:
// its file stem, "iku-tahunan"), under the caption of the words key
// caption ("data_dictionary_years_caption").
func (m *Model) AddDictionary(name, caption string, cols []DictIn) {
	l := m.l
	t := DictTable{ID: "cap-dict-" + name, Caption: l.t(caption, map[string]any{"File": name}), Rows: []DictRow{}}
	for _, c := range cols {
		t.Rows = append(t.Rows, DictRow{Name: c.Name, Title: l.text(c.Title, ""), Type: l.w("type_" + c.Type),
			Description: l.text(c.Description, "")})
	}
	m.Site.Data.Dictionaries = append(m.Site.Data.Dictionaries, t)
}

// SetDictionary gives the data page the columns of the flat table: their
// titles and descriptions are in the downloads' language (Indonesian),
// marked so on other pages.
func (m *Model) SetDictionary(cols []DictIn) {
	l := m.l
	d := &m.Site.Data
	d.Dictionary = []DictRow{}
	for _, c := range cols {
		d.Dictionary = append(d.Dictionary, DictRow{Name: c.Name, Title: l.text(c.Title, ""), Type: l.w("type_" + c.Type),
			Description: l.text(c.Description, "")})
	}
}
