package display

import (
	"slices"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Unit is one service unit's page (/unit/<slug>/): a puskesmas, a school,
// a tourist site. For each indicator the unit is measured by, the answer
// first (its latest value against the agency's target and the city's
// value, with its status, trend and the count behind it, or the sentence
// that the count is too small to judge), then the chart and the table of
// the same periods.
type Unit struct {
	Slug      string          `json:"slug"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Name      Text            `json:"name"`
	Kind      Link            `json:"kind"` // the kind's comparison page, named in the page language
	Agency    Link            `json:"agency"`
	Kecamatan *Link           `json:"kecamatan,omitempty"`
	Lead      string          `json:"lead"`    // "Puskesmas di Kecamatan Teluk Nibung, di bawah Dinas Kesehatan."
	Summary   string          `json:"summary"` // one sentence: the page's description
	Sections  []UnitIndicator `json:"sections"`
	Link      UnitLink        `json:"link"` // the unit in lists
	// Card is what the page's link preview says under its title: the
	// first indicator's answer, then the lead (generator/preview, drawn
	// with that indicator's chart and status).
	Card []string `json:"-"`
}

// UnitLink is a unit in a list (the index, a kind's, an agency's, a
// kecamatan's, an indicator's): its name, kind and kecamatan in words.
type UnitLink struct {
	Name      Link   `json:"name"`
	Kind      string `json:"kind"`
	Kecamatan Text   `json:"kecamatan"` // "" when the unit is in none
}

// UnitIndicator is one indicator of a unit's page.
type UnitIndicator struct {
	ID        string `json:"id"` // the section's anchor: the indicator's slug
	Indicator Link   `json:"indicator"`
	Period    string `json:"period"` // the latest due period's name
	Answer    string `json:"answer"` // one sentence, the answer first
	// Items are the latest period's figures: the unit's value (or why it
	// has none), the agency's target, the city's value, the count, the
	// status and the trends.
	Items []KV `json:"items"`
	// TooSmall is the sentence that the latest count is too small to
	// judge ("" when the value is published).
	TooSmall string `json:"too_small,omitempty"`
	// Note says why a sum's unit is not judged against the target (the
	// city's total).
	Note  string       `json:"note,omitempty"`
	Chart Chart        `json:"chart"`
	Table Table        `json:"table"`
	Rows  []UnitPeriod `json:"rows"`
	// Trend is the unit's series as an indicator record, for the chart
	// builder (chart.IndicatorTrend); not written to the pages' data.
	Trend *Indicator `json:"-"`
	// Latest is the latest period's row, for lists and the downloads.
	Latest UnitPeriod `json:"latest"`
	// cityLine is the kind page's sentence on the latest period: the
	// city's value and the target, with their unit.
	cityLine string
}

// UnitPeriod is one due period of a unit's indicator: a row of its table,
// of the kind's comparison, and of every download and API document.
type UnitPeriod struct {
	Key         string `json:"key"`
	Period      string `json:"period"`
	Value       Cell   `json:"value"` // the unit's value, or why none ("terlalu sedikit untuk dinilai")
	Count       Cell   `json:"count"`
	City        Cell   `json:"city"` // the agency's (city's) value of the period
	Target      Cell   `json:"target"`
	Achievement Cell   `json:"achievement"`
	Status      Status `json:"status"`
	Trend       Trend  `json:"trend"` // against the previous due period
	Suppressed  bool   `json:"suppressed,omitempty"`
	// Eval, CountValue and CityEval are the exact values the row shows,
	// for the downloads and the API (nil Eval.Actual when suppressed).
	Eval       *iku.Evaluation `json:"-"`
	CountValue *iku.Decimal    `json:"-"`
	CityEval   *iku.Evaluation `json:"-"`
}

// UnitKind is the comparison of every unit of one kind
// (/unit/jenis/<kind>/): one table per indicator, the units' latest
// values side by side with the city's value and the target.
type UnitKind struct {
	Kind     string        `json:"kind"`
	URL      string        `json:"url"`
	Title    string        `json:"title"`
	Name     string        `json:"name"` // "Puskesmas"
	Lead     string        `json:"lead"`
	Summary  string        `json:"summary"`
	Sections []KindSection `json:"sections"`
	Units    []UnitLink    `json:"units"`
}

// KindSection is one indicator compared across the units of a kind.
type KindSection struct {
	ID        string    `json:"id"`
	Indicator Link      `json:"indicator"`
	Lead      string    `json:"lead"` // the period, the target and the city's value in one sentence
	Table     Table     `json:"table"`
	Rows      []KindRow `json:"rows"`
	// Chart draws the rows' achievements (capaian) against the agency's
	// target, in the table's order; a unit without one (too few to judge,
	// not reported, a sum's unit) has no bar.
	Chart Chart `json:"chart"`
}

// KindRow is one unit in a kind's comparison.
type KindRow struct {
	Unit Link `json:"unit"`
	// Bar is the unit's label on the chart: its name without the words
	// every unit of the kind shares at its start and end ("SD Negeri
	// 132398" of "SD Negeri 132398 Tanjungbalai"), so that labels differ
	// within an axis label's room; the row carries it for the readout.
	Bar         string `json:"bar"`
	Kecamatan   Text   `json:"kecamatan"`
	Value       Cell   `json:"value"`
	Count       Cell   `json:"count"`
	Achievement Cell   `json:"achievement"`
	Status      Status `json:"status"`
	Trend       Trend  `json:"trend"`
	// Eval is the unit's latest evaluation, for the chart (nil actual and
	// achievement when suppressed).
	Eval *iku.Evaluation `json:"-"`
}

// UnitIndex is the /unit/ page: every kind with its units.
type UnitIndex struct {
	Lead   string      `json:"lead"`
	Groups []UnitGroup `json:"groups"`
	Kinds  []string    `json:"kinds"` // kind codes, in the order of Groups
	Files  []File      `json:"files"` // the table unit in every format
}

// UnitGroup is one kind on the index.
type UnitGroup struct {
	Kind  Link       `json:"kind"`
	Units []UnitLink `json:"units"`
}

// kindName is a kind of unit in the page language: the site's words
// unit_kind_<kind>, else the code as the data gives it.
func (l *lang) kindName(kind string) string {
	return cmpOr(l.w("unit_kind_"+kind), kind)
}

// units builds the unit pages, the kinds' comparisons, the index and the
// units' links on agency and indicator pages from the units' reports.
func (m *Model) units(reports []iku.UnitReport) {
	if len(reports) == 0 {
		return
	}
	l := m.l
	rep := m.in.Report
	bySlug := map[string]int{}
	for k := range reports {
		ur := &reports[k]
		i, ok := bySlug[ur.Unit.Slug]
		if !ok {
			i = len(m.Units)
			bySlug[ur.Unit.Slug] = i
			m.Units = append(m.Units, m.unitPage(&ur.Unit))
		}
		u := &m.Units[i]
		u.Sections = append(u.Sections, m.unitIndicator(u, ur, &rep.Indicators[ur.Indicator]))
	}
	for i := range m.Units {
		u := &m.Units[i]
		var parts []string
		for _, s := range u.Sections {
			parts = append(parts, s.Answer)
		}
		u.Summary = u.Lead
		u.Card = []string{u.Lead}
		if len(parts) > 0 {
			u.Summary += " " + parts[0]
			u.Card = []string{parts[0], u.Lead}
		}
	}
	// Lists by name in the page language.
	order := make([]int, len(m.Units))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return collate(m.Units[a].Name.Text, m.Units[b].Name.Text) })

	// Kinds, in the order of their names.
	kinds := map[string]*UnitKind{}
	var kindOrder []string
	for _, i := range order {
		u := &m.Units[i]
		kind := u.Kind.URL
		uk := kinds[kind]
		if uk == nil {
			code := m.unitKindCode(u.Slug)
			name := l.kindName(code)
			uk = &UnitKind{Kind: code, URL: u.Kind.URL, Name: name,
				Title: l.t("unit_kind_title", map[string]any{"Kind": name})}
			kinds[kind] = uk
			kindOrder = append(kindOrder, kind)
		}
		uk.Units = append(uk.Units, u.Link)
	}
	slices.SortStableFunc(kindOrder, func(a, b string) int { return collate(kinds[a].Name, kinds[b].Name) })
	idx := &UnitIndex{Lead: l.t("unit_index_lead", map[string]any{"Count": len(m.Units), "Kinds": len(kindOrder)})}
	for _, k := range kindOrder {
		uk := kinds[k]
		uk.Lead = l.t("unit_kind_lead", map[string]any{"Count": len(uk.Units), "Kind": uk.Name})
		uk.Summary = uk.Lead
		m.kindSections(uk, order)
		m.UnitKinds = append(m.UnitKinds, *uk)
		idx.Groups = append(idx.Groups, UnitGroup{Kind: Link{Text: Text{Text: uk.Name}, URL: uk.URL}, Units: uk.Units})
		idx.Kinds = append(idx.Kinds, uk.Kind)
	}
	m.Site.Units = idx

	// Agencies list their units; a kecamatan the units in its area;
	// indicators the units measured by them.
	for _, i := range order {
		u := &m.Units[i]
		if a := m.Agency(m.unitAgency(u.Slug)); a != nil {
			a.Units = append(a.Units, u.Link)
		}
		if k := m.unitKecamatan(u.Slug); k != "" {
			if a := m.Agency(k); a != nil {
				a.UnitsHere = append(a.UnitsHere, u.Link)
			}
		}
		for _, s := range u.Sections {
			if ind := m.Indicator(s.ID); ind != nil {
				ind.Units = append(ind.Units, u.Link)
			}
		}
	}
}

// unitKindCode, unitAgency and unitKecamatan look a unit up in the
// dataset by slug.
func (m *Model) unitOf(slug string) *iku.ServiceUnit {
	ds := m.in.Dataset
	i, ok := slices.BinarySearchFunc(ds.Units, slug, func(u iku.ServiceUnit, s string) int { return compareStrings(u.Slug, s) })
	if !ok {
		for k := range ds.Units {
			if ds.Units[k].Slug == slug {
				return &ds.Units[k]
			}
		}
		return &iku.ServiceUnit{}
	}
	return &ds.Units[i]
}

func (m *Model) unitKindCode(slug string) string  { return m.unitOf(slug).Kind }
func (m *Model) unitAgency(slug string) string    { return m.unitOf(slug).AgencySlug }
func (m *Model) unitKecamatan(slug string) string { return m.unitOf(slug).KecamatanSlug }

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// unitPage is a unit's page without its sections.
func (m *Model) unitPage(su *iku.ServiceUnit) Unit {
	l := m.l
	kind := l.kindName(su.Kind)
	u := Unit{Slug: su.Slug, URL: l.url("unit/" + su.Slug + "/"), Name: l.text(su.Name, su.NameEN),
		Kind: Link{Text: Text{Text: kind}, URL: l.url("unit/jenis/" + su.Kind + "/")}, Agency: m.agencyLink(su.AgencySlug)}
	u.Title = u.Name.Text
	u.Link = UnitLink{Name: Link{Text: u.Name, URL: u.URL}, Kind: kind}
	if su.KecamatanSlug != "" {
		k := m.agencyLink(su.KecamatanSlug)
		u.Kecamatan = &k
		u.Link.Kecamatan = k.Text
		u.Lead = l.t("unit_lead", map[string]any{"Kind": kind, "Kecamatan": k.Text.Text, "Agency": u.Agency.Text.Text})
	} else {
		u.Lead = l.t("unit_lead_city", map[string]any{"Kind": kind, "Agency": u.Agency.Text.Text})
	}
	return u
}

// unitIndicator is one indicator of a unit's page: the unit's series
// evaluated by iku (ur), beside the agency's (city's) series (city).
func (m *Model) unitIndicator(u *Unit, ur *iku.UnitReport, city *iku.IndicatorReport) UnitIndicator {
	l := m.l
	ind := &city.Indicator
	// The unit's series as an indicator record: its rows, table and
	// legend come from the same code as an indicator page's.
	tr := &Indicator{}
	m.indicator(tr, &ur.Report, nil)
	name := l.text(ind.Name, ind.NameEN)
	unit := tr.Unit.Text
	out := UnitIndicator{ID: ind.Slug, Indicator: m.indicatorLink(ind.Slug), Trend: tr}
	minCount := m.in.UnitMinCount
	if minCount == 0 {
		minCount = disclosure.DefaultUnitMinCount
	}
	tooSmall := l.t("unit_too_small", map[string]any{"Min": minCount})

	out.Rows = make([]UnitPeriod, len(tr.Rows))
	for k := range tr.Rows {
		r := &tr.Rows[k]
		e := r.Eval
		p := UnitPeriod{Key: r.Key, Period: r.Period, Value: r.Actual, Target: r.Target, Achievement: r.Achievement,
			Status: *r.Status, Trend: *r.Trend, Eval: e, CountValue: ur.Counts[k]}
		p.Count = l.value(ur.Counts[k], "", "na_no_data")
		if ce, ok := city.At(e.Quarter); ok {
			p.CityEval = &ce
			p.City = l.value(ce.Actual, "", "na_not_reported")
		} else {
			p.City = l.na(l.w("na_no_data"))
		}
		if !ur.Comparable {
			p.Target = l.na(l.w("na_unit_city_target"))
			p.Achievement = l.na(l.w("na_unit_city_target"))
			p.Status = l.status(iku.StatusNoTarget, "", false)
			p.Status.Label = l.w("status_unit_not_judged")
		}
		if ur.Suppressed[k] {
			p.Suppressed = true
			p.Value = l.na(l.w("na_too_small"))
			p.Count = l.na(l.t("na_count_below", map[string]any{"Min": minCount}))
			p.Achievement = l.na(l.w("na_too_small"))
			p.Status = Status{Key: "too_small", Icon: "–", Label: l.w("status_too_small")}
			p.Trend = l.trend(iku.TrendUnknown, "")
		}
		out.Rows[k] = p
	}
	cols := []Column{
		{Label: l.w("col_period")},
		{Label: l.w("col_unit_value"), Unit: unit, Num: true, Key: "value"},
		{Label: l.w("col_count"), Num: true, Key: "count"},
		{Label: l.w("col_city_value"), Unit: unit, Num: true, Key: "city"},
		{Label: l.w("col_target"), Unit: unit, Num: true, Key: "target"},
		{Label: l.w("col_achievement"), Unit: "%", Num: true, Key: "achievement"},
		{Label: l.w("col_status"), Key: "status"},
	}
	out.Table = Table{Caption: l.t("unit_table_caption", map[string]any{"Name": name.Text, "Unit": u.Name.Text}), Columns: cols}

	if len(out.Rows) == 0 {
		out.Answer = l.w("sum_not_in_force")
		return out
	}
	last := out.Rows[len(out.Rows)-1]
	out.Latest = last
	out.Period = last.Period
	e := last.Eval
	prevName := l.period(ind.Frequency, e.PreviousDue).Name
	yearAgo := l.period(ind.Frequency, e.YearAgo).Name
	value := l.value(e.Actual, unit, "na_not_reported")
	if e.Provisional && e.Actual != nil {
		l.setProv(&value, l.w("provisional"))
	}
	cityCell := l.na(l.w("na_no_data"))
	if last.CityEval != nil {
		cityCell = l.value(last.CityEval.Actual, unit, "na_not_reported")
	}
	target := l.target(e.Target, unit)
	if !ur.Comparable {
		if ce := last.CityEval; ce != nil {
			target = l.target(ce.Target, unit)
		}
		out.Note = l.w("unit_sum_note")
	}
	out.cityLine = l.t("unit_kind_section_lead", map[string]any{"Period": last.Period,
		"City": cityCell.Said(), "Target": target.Said()})
	count := l.value(last.CountValue, "", "na_no_data")
	status := last.Status
	switch {
	case last.Suppressed:
		value = l.na(l.w("na_too_small"))
		count = last.Count
		out.TooSmall = tooSmall
		out.Answer = l.t("unit_answer_too_small", map[string]any{"Period": last.Period, "Sentence": tooSmall})
	case e.Actual == nil:
		out.Answer = l.t("sum_not_reported", map[string]any{"Quarter": last.Period})
	case !ur.Comparable:
		out.Answer = l.t("unit_answer_sum", map[string]any{"Period": last.Period, "Value": value.Shown(),
			"City": cityCell.Said(), "Target": target.Said()})
	default:
		out.Answer = l.t("unit_answer", map[string]any{"Period": last.Period, "Value": value.Shown(),
			"City": cityCell.Said(), "Target": target.Said(), "Status": status.Label})
	}
	out.Items = []KV{
		{Label: l.w("label_unit_value"), Main: true, Cell: &value},
		{Label: l.w("label_unit_target"), Cell: &target},
		{Label: l.w("label_city_value"), Cell: &cityCell},
		{Label: l.w("label_unit_count"), Cell: &count},
		{Label: l.w("col_status"), Status: &status},
	}
	if !last.Suppressed {
		if prevName != "" && prevName != yearAgo {
			t := l.trend(e.VsPrevious, "")
			out.Items = append(out.Items, KV{Label: l.t("label_vs_prev", map[string]any{"Period": prevName}), Trend: &t})
		}
		if yearAgo != "" {
			t := l.trend(e.VsYearAgo, "")
			out.Items = append(out.Items, KV{Label: l.t("label_vs_year", map[string]any{"Quarter": yearAgo}), Trend: &t})
		}
	}
	out.Chart = Chart{ID: "unit-" + u.Slug + "-" + ind.Slug, Heading: l.t("unit_chart_heading", map[string]any{"Name": name.Text}),
		Summary: l.t("unit_chart_summary", map[string]any{"Name": name.Text, "Unit": u.Name.Text})}
	tr.Chart = out.Chart
	return out
}

// kindSections builds a kind's comparison: one section per indicator its
// units are measured by (in dataset order), a row per unit by name.
func (m *Model) kindSections(uk *UnitKind, order []int) {
	l := m.l
	type sec struct {
		s   KindSection
		pos int
	}
	var secs []*sec
	byInd := map[string]*sec{}
	for _, i := range order {
		u := &m.Units[i]
		if m.unitKindCode(u.Slug) != uk.Kind {
			continue
		}
		for _, s := range u.Sections {
			x := byInd[s.ID]
			if x == nil {
				unit := ""
				if s.Trend != nil {
					unit = s.Trend.Unit.Text
				}
				x = &sec{pos: m.indicators[s.ID], s: KindSection{ID: s.ID, Indicator: s.Indicator,
					Table: Table{Caption: l.t("unit_kind_caption", map[string]any{"Name": s.Indicator.Text.Text, "Kind": uk.Name}), Columns: []Column{
						{Label: l.w("col_unit")},
						{Label: l.w("col_kecamatan")},
						{Label: l.w("col_unit_value"), Unit: unit, Num: true, Key: "value"},
						{Label: l.w("col_count"), Num: true, Key: "count"},
						{Label: l.w("col_achievement"), Unit: "%", Num: true, Key: "achievement"},
						{Label: l.w("col_status"), Key: "status"},
						{Label: l.w("col_trend"), Key: "trend"},
					}},
					Chart: Chart{ID: "unit-jenis-" + uk.Kind + "-" + s.ID,
						Heading: l.t("unit_kind_chart_heading", map[string]any{"Kind": uk.Name, "Period": s.Period}),
						Summary: l.t("unit_kind_chart_summary", map[string]any{"Name": s.Indicator.Text.Text, "Kind": uk.Name, "Period": s.Period})}}}
				x.s.Lead = s.cityLine
				byInd[s.ID] = x
				secs = append(secs, x)
			}
			v := s.Latest.Value
			if s.Latest.Period != "" && s.Latest.Period != s.Period {
				l.setHint(&v, joinHint(v.Hinted(), "("+s.Latest.Period+")"))
			}
			ach := s.Latest.Achievement
			if ach.Text != "" {
				ach.Unit = ""
			}
			x.s.Rows = append(x.s.Rows, KindRow{Unit: u.Link.Name, Kecamatan: u.Link.Kecamatan, Value: v,
				Count: s.Latest.Count, Achievement: ach, Status: s.Latest.Status, Trend: s.Latest.Trend, Eval: s.Latest.Eval})
		}
	}
	slices.SortStableFunc(secs, func(a, b *sec) int { return a.pos - b.pos })
	for _, x := range secs {
		names := make([]string, len(x.s.Rows))
		for k := range x.s.Rows {
			names[k] = x.s.Rows[k].Unit.Text.Text
		}
		for k, b := range dropCommonEnds(names) {
			x.s.Rows[k].Bar = b
		}
		// No unit judged against the target (a sum's units, or none
		// published): no chart, the table alone.
		if !slices.ContainsFunc(x.s.Rows, func(r KindRow) bool { return r.Eval != nil && r.Eval.Achievement != nil }) {
			x.s.Chart = Chart{}
		}
		uk.Sections = append(uk.Sections, x.s)
	}
}
