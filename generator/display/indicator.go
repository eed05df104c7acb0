package display

import (
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// ChartID is the ID of the chart of a page: "iku-<slug>-trend",
// "opd-<slug>-achievements", "banding-<slug>", "home-status-by-sector".
func ChartID(section, slug string) string {
	switch section {
	case "iku":
		return "iku-" + slug + "-trend"
	case "opd":
		return "opd-" + slug + "-achievements"
	case "banding":
		return "banding-" + slug
	}
	return "home-status-by-sector"
}

// indicator builds one indicator's page.
func (m *Model) indicator(out *Indicator, ir *iku.IndicatorReport, revised marks) {
	l := m.l
	ind := &ir.Indicator
	*out = Indicator{
		Slug: ind.Slug, URL: l.url("iku/" + ind.Slug + "/"), Name: l.text(ind.Name, ind.NameEN), Code: ind.Code,
		Agency: m.agencyLink(ind.AgencySlug), Sector: m.sectorLink(ind.SectorSlug),
		Unit: l.text(ind.Unit, ind.UnitEN), Freq: string(ind.Frequency), DueNow: ir.DueNow,
		Embed: l.url("embed/iku/" + ind.Slug + "/"), rep: ir, Year: m.in.Report.Latest.Year, Decimals: ind.Decimals,
	}
	out.Title = out.Name.Text
	out.Source = orNA(l.text(ind.Source, ""), l.w("na_no_data"))
	u := out.Unit.Text
	f := ind.Frequency

	// Every due period, oldest first.
	out.Rows = make([]Row, len(ir.Series))
	hasYTD := false
	for k := range ir.Series {
		e := &ir.Series[k]
		p := l.period(f, e.Quarter)
		r := Row{Key: p.Key, Period: p.Name, Short: p.Short, Eval: e,
			Target:        l.target(e.Target, ""),
			Actual:        l.value(e.Actual, "", "na_not_reported"),
			Achievement:   l.achievement(e, "", false),
			Status:        l.statusOf(e.Status, e.Category, e.Exceeds),
			Trend:         l.trendOf(e.VsPrevious, l.period(f, e.PreviousDue).Name),
			Revised:       revised[ind.Slug+"/"+strings.ToLower(p.Key)],
			TargetRevised: revised.target(ind.Slug, e.Target),
		}
		if e.Provisional && e.Actual != nil {
			l.setProv(&r.Actual, l.w("provisional"))
		}
		if e.Basis != iku.BasisQuarter && !sameDec(e.YearToDate, e.Actual) {
			hasYTD = true
		}
		na := "na_no_data"
		if e.Status == iku.StatusIncomplete {
			na = "na_incomplete"
		}
		r.YTD = l.value(e.YearToDate, "", na)
		r.Explanation = l.explanation(e.Explanation)
		out.Rows[k] = r
	}
	for k := range out.Rows {
		out.Rows[k].YTDCol = hasYTD
	}
	col := "col_period"
	switch f {
	case iku.Quarterly:
		col = "col_quarter"
	case iku.Annual:
		col = "col_year"
	}
	caption := "table_periods_caption"
	if f == iku.Quarterly {
		caption = "table_quarters_caption"
	}
	out.Table = Table{Caption: l.t(caption, map[string]any{"Name": out.Name.Text}), Columns: []Column{
		{Label: l.w(col)},
		{Label: l.w("col_target"), Unit: u, Num: true, Key: "target"},
		{Label: l.w("col_actual"), Unit: u, Num: true, Key: "actual"},
	}}
	if hasYTD {
		out.Table.Columns = append(out.Table.Columns, Column{Label: l.w(ytdKey(ind.Consolidation, "col_ytd")), Unit: u, Num: true, Key: "ytd"})
	}
	out.Table.Columns = append(out.Table.Columns,
		Column{Label: l.w("col_achievement"), Unit: "%", Num: true, Key: "achievement"},
		Column{Label: l.w("col_status"), Key: "status"})

	// The latest due period: the answer, the key figures, the summary.
	latest := ir.Latest()
	m.latest(out, ir, &latest, revised)

	// Earlier periods' explanations, newest first.
	for k := len(out.Rows) - 1; k >= 0; k-- {
		r := &out.Rows[k]
		if r.Explanation != nil && r.Eval.Quarter != latest.Quarter {
			out.Earlier = append(out.Earlier, Earlier{Key: r.Key, Period: r.Period, Status: *r.Status, Explanation: r.Explanation})
		}
	}

	// Years: every indicator's, for the downloads; on the page unless the
	// table above already lists them.
	if len(ir.Years) > 0 {
		ys := &Years{Text: l.w("consolidation_" + string(ind.Consolidation)),
			Table: Table{Caption: l.t("table_years_caption", map[string]any{"Name": out.Name.Text}), Columns: []Column{
				{Label: l.w("col_year")},
				{Label: l.w("col_target"), Unit: u, Num: true, Key: "target"},
				{Label: l.w("col_actual"), Unit: u, Num: true, Key: "actual"},
				{Label: l.w("col_achievement"), Unit: "%", Num: true, Key: "achievement"},
				{Label: l.w("col_status"), Key: "status"},
			}}}
		ys.Rows = make([]YearRow, 0, len(ir.Years)) // of exact size: a large city has tens of thousands
		for k := range ir.Years {
			y := &ir.Years[k]
			p := l.yearPeriod(y.Year)
			row := YearRow{Key: p.Key, Period: p.Name, Year: y,
				Target: l.target(y.Target, ""), Actual: l.value(y.Actual, "", "na_no_data"),
				Achievement: l.yearAchievement(y), Status: l.statusOf(y.Status, y.Category, false),
				TargetRevised: revised.target(ind.Slug, y.Target)}
			if y.Actual != nil && !y.Complete {
				l.setHint(&row.Actual, l.w("year_incomplete"))
			}
			prev := ""
			if y.PreviousYear != 0 {
				prev = l.yearPeriod(y.PreviousYear).Name
			}
			row.Trend = l.trendOf(y.VsPreviousYear, prev)
			ys.Rows = append(ys.Rows, row)
		}
		out.YearRows = ys.Rows
		if f != iku.Annual {
			out.Years = ys
		}
	}

	out.Defs = []KV{
		{Label: l.w("label_definition"), Text: ptr(orNA(l.text(ind.Definition, ind.DefinitionEN), l.w("na_no_data"))), Revised: revised[ind.Slug+"/definition"]},
		{Label: l.w("label_formula"), Text: ptr(orNA(l.text(ind.Formula, ""), l.w("na_no_data"))), Revised: revised[ind.Slug+"/formula"]},
	}
	out.KeyData = m.keyData(out, ir, revised)
	out.Cite = CiteParts{Name: out.Name.Text, Year: m.in.Report.Latest.Year}
	out.Chart = Chart{ID: ChartID("iku", ind.Slug), Summary: out.Summary,
		Heading: l.w(map[bool]string{true: "chart_trend_title", false: "chart_trend_title_periods"}[f == iku.Quarterly])}
	dir, name := strings.TrimPrefix(out.URL, "/"), l.w("chart_file_name")+"-"+ind.Slug
	out.Chart.Files = []File{
		{Format: "svg", Label: l.w("chart_file_svg"), Path: dir + ChartSVG, Name: name + ".svg"},
		{Format: "png", Label: l.w("chart_file_png"), Path: dir + ChartPNG, Name: name + ".png"},
	}
}

func ptr[T any](v T) *T { return &v }

func orNA(t Text, na string) Text {
	if t.Text == "" {
		return Text{Text: na}
	}
	return t
}

func sameDec(a, b *iku.Decimal) bool {
	switch {
	case a == nil || b == nil:
		return a == b
	}
	return a.String() == b.String()
}

// latest builds the answer, the "kondisi terbaru" section, the summary
// sentence, the list row and the link preview's lines of an indicator,
// from its latest due period e.
func (m *Model) latest(out *Indicator, ir *iku.IndicatorReport, e *iku.Evaluation, revised marks) {
	l := m.l
	ind := &ir.Indicator
	f := ind.Frequency
	u := out.Unit.Text
	list := ListRow{Slug: ind.Slug, Name: Link{Text: out.Name, URL: out.URL}, Agency: out.Agency}
	if e.Quarter.IsZero() {
		// Not in force in the report's span.
		out.Latest = Latest{Heading: l.w("latest_heading_none"), None: l.w("sum_not_in_force")}
		out.Summary = l.w("sum_not_in_force")
		out.Answer = Answer{Status: l.status("", "", false), Trend: l.trend(iku.TrendUnknown, "")}
		list.Value = l.na(l.w("na_no_data"))
		list.Target = l.target(nil, u)
		list.Achievement = l.na(l.w("na_no_data"))
		list.Status = out.Answer.Status
		list.Trend = out.Answer.Trend
		out.List = list
		out.Card = []string{l.w("latest_heading_none"), out.Summary}
		return
	}
	p := l.period(f, e.Quarter)
	prev := l.period(f, e.PreviousDue)
	yearAgo := l.period(f, e.YearAgo)
	st := l.status(e.Status, e.Category, e.Exceeds)

	// The value that earned the status: the year to date where the rule
	// compares it, else the period's own actual.
	shown := e.Actual
	toDate := e.Compared != nil && !sameDec(e.Compared, e.Actual)
	if toDate {
		shown = e.Compared
	}
	value := l.value(shown, u, "na_not_reported")
	if e.Provisional && shown != nil {
		l.setProv(&value, l.w("provisional"))
	}
	if toDate {
		l.setHint(&value, l.w(ytdKey(ind.Consolidation, "ytd_short")))
	}
	target := l.target(e.Target, u)
	out.Answer = Answer{Period: p.Name, Value: value, Target: target, Status: st, Trend: l.trend(e.VsPrevious, prev.Name),
		TargetRevised: revised.target(ind.Slug, e.Target)}

	// Kondisi terbaru.
	lt := Latest{Heading: l.t("latest_heading", map[string]any{"Quarter": p.Name})}
	if !ir.DueNow && !ir.NextDue.IsZero() {
		lt.Hint = l.w("frequency_"+string(f)) + "; " + l.t("next_due", map[string]any{"Quarter": l.quarter(ir.NextDue).Name}) + "."
	}
	actual := l.value(e.Actual, u, "na_not_reported")
	if e.Provisional && e.Actual != nil {
		l.setProv(&actual, l.w("provisional"))
	}
	lt.Items = append(lt.Items, KV{Label: l.w("col_actual"), Main: true, Cell: &actual})
	if e.YearToDate != nil && !sameDec(e.YearToDate, e.Actual) {
		ytd := l.value(e.YearToDate, u, "na_no_data")
		lt.Items = append(lt.Items, KV{Label: l.t(ytdKey(ind.Consolidation, "label_ytd"), map[string]any{"Quarter": p.Name}), Cell: &ytd})
	}
	tlabel := l.w("col_target")
	if e.Target != nil {
		kind := "annual"
		if e.Target.Quarter != 0 {
			kind = string(e.Target.Basis)
		}
		tlabel += " (" + l.w("target_kind_"+kind) + ")"
	}
	lt.Items = append(lt.Items, KV{Label: tlabel, Cell: &target, Revised: revised.target(ind.Slug, e.Target)})
	alabel := "col_achievement"
	switch e.Basis {
	case iku.BasisAnnualProgress:
		alabel = "label_progress"
	case iku.BasisAnnualCeiling:
		alabel = "label_ceiling"
	}
	ach := l.achievement(e, u, true)
	lt.Items = append(lt.Items, KV{Label: l.w(alabel), Main: true, Cell: &ach})
	lt.Items = append(lt.Items, KV{Label: l.w("col_status"), Status: &st})
	if e.Grade != "" {
		lt.Items = append(lt.Items, KV{Label: l.w("label_grade"), Text: &Text{Text: l.w("grade_" + e.Grade)}})
	}
	// Against the previous due period (unless that is the year-ago one,
	// or the rules do not compare with it), and a year earlier.
	if prev.Key != "" && prev.Key != yearAgo.Key {
		tr := l.trend(e.VsPrevious, "")
		lt.Items = append(lt.Items, KV{Label: l.t("label_vs_prev", map[string]any{"Period": prev.Name}), Trend: &tr})
	}
	if yearAgo.Key != "" {
		ty := l.trend(e.VsYearAgo, "")
		lt.Items = append(lt.Items, KV{Label: l.t("label_vs_year", map[string]any{"Quarter": yearAgo.Name}), Trend: &ty})
	}
	if e.Basis != "" {
		b := "basis_" + string(e.Basis)
		if e.Basis == iku.BasisYearToDate && ind.Consolidation == iku.Last {
			b = "basis_ytd_last"
		}
		lt.Items = append(lt.Items, KV{Label: l.w("label_basis"), Text: &Text{Text: l.w(b)}})
	}
	lt.Explanation = l.explanation(e.Explanation)
	out.Latest = lt

	// One sentence: the page's description, the chart's caption, the
	// embed's caption and the preview's.
	var a string
	switch {
	case shown != nil:
		val := withUnit(l.dec(shown), u)
		if e.Provisional {
			val = l.t("sum_provisional", map[string]any{"Value": val})
		}
		key := "sum_actual"
		if toDate {
			key = ytdKey(ind.Consolidation, "sum_actual_ytd")
		}
		a = l.t(key, map[string]any{"Quarter": p.Name, "Value": val})
	default:
		a = l.t("sum_not_reported", map[string]any{"Quarter": p.Name})
	}
	b := l.w("sum_no_target")
	if target.Text != "" {
		b = l.t("sum_target", map[string]any{"Value": target.Shown()})
	}
	var c string
	switch {
	case e.Basis == iku.BasisAnnualCeiling && ach.Text != "":
		c = l.t("sum_ceiling", map[string]any{"Value": ach.Text, "Label": st.Label})
	case e.Achievement != nil && e.Basis == iku.BasisAnnualProgress:
		c = l.t("sum_progress", map[string]any{"Value": ach.Shown(), "Label": st.Label})
	case e.Achievement != nil:
		c = l.t("sum_achievement", map[string]any{"Value": ach.Shown(), "Label": st.Label})
	default:
		c = l.t("sum_status", map[string]any{"Label": st.Label})
	}
	out.Summary = l.t("sum_sentence", map[string]any{"A": a, "B": b, "C": c})

	// The indicator in lists.
	list.Value = value
	if !ir.DueNow {
		l.setHint(&list.Value, joinHint(list.Value.Hinted(), "("+p.Name+")"))
		if !ir.NextDue.IsZero() {
			list.NotDue = l.w("not_due_short") + "; " + l.t("next_due", map[string]any{"Quarter": l.quarter(ir.NextDue).Name})
		}
	}
	list.Target = target
	list.Achievement = ach
	list.Status = st
	list.Trend = l.trend(e.VsPrevious, prev.Name)
	out.List = list

	// The link preview: the value that earned the status, its target and
	// the status (the same pair as the answer).
	line1 := p.Name + ": " + value.Said()
	if value.Hinted() != "" {
		line1 += " " + value.Hinted()
	}
	// The status itself is drawn beside the last line, with its icon.
	line2 := l.w("col_target") + " " + target.Said()
	if st.Exceeds != "" {
		line2 += " · " + st.Exceeds
	}
	out.Card = []string{line1, line2}
	out.Legend = [2]string{l.w("chart_actual"), l.w("chart_target")}
	if toDate {
		out.Legend[0] = l.w("chart_actual_to_date")
	}
}

func joinHint(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// explanation is an agency's explanation of a period, or nil.
func (l *lang) explanation(x *iku.Explanation) *Explanation {
	if x == nil || x.Supporting+x.Inhibiting+x.FollowUp == "" {
		return nil
	}
	out := &Explanation{Items: []KV{}}
	if !l.Default {
		out.Lang = l.fallback
	}
	for _, p := range []struct{ key, v string }{
		{"explanation_supporting", x.Supporting}, {"explanation_inhibiting", x.Inhibiting}, {"explanation_follow_up", x.FollowUp},
	} {
		if p.v != "" {
			out.Items = append(out.Items, KV{Label: l.w(p.key), Text: &Text{Text: p.v}})
		}
	}
	return out
}

// keyData is an indicator's key-data block (after Our World in Data's
// chart footer), less the licence and citation, which come from the
// site's settings.
func (m *Model) keyData(out *Indicator, ir *iku.IndicatorReport, revised marks) []KV {
	l := m.l
	ind := &ir.Indicator
	kv := func(label string, t Text) KV { return KV{Label: l.w(label), Text: &t} }
	// A field a release revised carries its marks.
	field := func(label string, t Text, f string) KV {
		x := kv(label, t)
		x.Revised = revised[ind.Slug+"/"+f]
		return x
	}
	unit := orNA(out.Unit, l.w("na_no_data"))
	polarity := l.w("polarity_" + string(ind.Polarity))
	if slices.ContainsFunc(ir.Targets, func(t iku.Target) bool { return t.IsRange() }) {
		polarity += " " + l.w("polarity_range")
	}
	valid := ""
	if !ind.ValidFrom.IsZero() {
		valid = l.t("valid_from", map[string]any{"Quarter": l.quarter(ind.ValidFrom).Name})
	}
	if ind.ValidTo != nil {
		valid = joinHint(valid, l.t("valid_to", map[string]any{"Quarter": l.quarter(*ind.ValidTo).Name}))
	}
	last := l.w("na_never_reported")
	for k := len(ir.Series) - 1; k >= 0; k-- {
		if ir.Series[k].Actual != nil {
			last = l.period(ind.Frequency, ir.Series[k].Quarter).Name
			break
		}
	}
	kvs := []KV{
		field("label_unit", unit, "unit"),
		field("label_polarity", Text{Text: polarity}, "polarity"),
		field("label_consolidation", Text{Text: l.w("consolidation_" + string(ind.Consolidation))}, "consolidation"),
		kv("label_source", out.Source),
		kv("label_verification", orNA(l.text(ind.Verification, ""), l.w("na_no_data"))),
		kv("label_limitations", orNA(l.text(ind.Limitations, ""), l.w("na_no_limitations"))),
		field("label_frequency", Text{Text: l.w("frequency_" + string(ind.Frequency))}, "frequency"),
		kv("label_valid", Text{Text: valid}),
		kv("label_last_reported", Text{Text: last}),
		kv("label_data_until", Text{Text: l.quarter(m.in.Report.Latest).Name}),
	}
	if !ir.NextDue.IsZero() {
		kvs = append(kvs, kv("label_next", Text{Text: l.t("next_update", map[string]any{"Quarter": l.quarter(ir.NextDue).Name})}))
	}
	return kvs
}
