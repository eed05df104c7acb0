package chart

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Sizes the SVGs are drawn at. They scale with their container (the SVG
// has a viewBox and width 100%), so they are drawn for a phone: on a 360 px
// screen the text keeps about its 13 px; the site's CSS caps how wide they
// grow on a desktop.
const (
	chartWidth  = 360
	trendHeight = 250
	barRow      = 34  // px per indicator or sector in horizontal bar charts
	labelWidth  = 120 // px for a category name before it is cut with "…"
	legendRow   = 22  // px per line of legend
)

// legendRows estimates how many lines ECharts' legend wraps into.
func legendRows(names []string) int {
	rows, x := 1, 0
	for _, n := range names {
		w := 35 + (fontSize*6/10)*len([]rune(n)) // symbol, gaps and ~0.6 em per character
		if x > 0 && x+w > chartWidth-20 {
			rows++
			x = 0
		}
		x += w
	}
	return rows
}

// Colours, each with at least 3:1 contrast on white (WCAG 2.2, 1.4.11)
// and told apart by more than hue: line style and marker for lines, decal
// patterns for bars (chart_test.go checks the contrast).
const (
	colorActual = "#0072B2" // Okabe–Ito blue
	colorTarget = "#A33E00" // dark vermilion
	colorBar    = "#0072B2"
	colorRule   = "#333333" // the 100 % line
)

// categoryColors run from the best category to the worst; statusColors
// follow statusSeries.
var (
	categoryColors = []string{"#1D4E89", "#3F7CC0", "#8A6A00", "#B85300", "#8B1E3F"}
	statusColors   = []string{"#2D6A2E", "#4F7A1F", "#6A3D9A", "#00778A", "#767676", "#3D3D3D", "#9C2A7A"}
	notDueColor    = "#A9A9A9"
)

func num(d *iku.Decimal) interface{} {
	if d == nil {
		return nil // a gap: never 0
	}
	return d.Float64()
}

// targetFor is the target in force in q: the quarter's own target when set,
// else the year's.
func targetFor(targets []iku.Target, q iku.Quarter) *iku.Target {
	var annual *iku.Target
	for i := range targets {
		t := &targets[i]
		if t.Year != q.Year {
			continue
		}
		if t.Quarter == q.Q {
			return t
		}
		if t.Quarter == 0 {
			annual = t
		}
	}
	return annual
}

func withUnit(value, unit string) string {
	if unit == "" {
		return value
	}
	return value + " " + unit
}

func (l Labels) targetText(t *iku.Target) string {
	if t.High != nil {
		return l.Number(t.Value) + "–" + l.Number(*t.High)
	}
	return l.Number(t.Value)
}

// IndicatorTrend draws an indicator's actual (realisasi) against the target
// in force, quarter by quarter: a quarter not reported is a gap in the
// line, never 0; a range target is drawn as two dashed lines, its bounds.
// Where the rules compare the year to date with the target, the line is the
// year-to-date actual, named Labels.ActualToDate.
//
// The description is Labels.TrendDescription with {indicator}, {unit},
// {from} and {to} (first and last quarter), {latest} (last quarter),
// {actual} and {target} (its values with the unit, or the status name when
// missing), {reported} and {quarters} (quarters reported, quarters shown).
func IndicatorTrend(ir *iku.IndicatorReport, labels Labels) Chart {
	ind := ir.Indicator
	id := "iku-" + slug(ind.Slug) + "-trend"
	n := len(ir.Series)
	quarters := make([]string, n)
	actual := make([]interface{}, n)
	target := make([]interface{}, n)
	low := make([]interface{}, n)
	high := make([]interface{}, n)
	var hasTarget, hasRange bool
	// When the rules compare the year to date with the target (a
	// cumulative target, or a count against its annual target), the line
	// is the year to date too: like with like, as in the table.
	toDate := false
	for _, ev := range ir.Series {
		if ev.Basis == iku.BasisYearToDate || ev.Basis == iku.BasisAnnualProgress || ev.Basis == iku.BasisAnnualCeiling {
			toDate = true
		}
	}
	plotted := func(ev iku.Evaluation) *iku.Decimal {
		if toDate {
			return ev.YearToDate
		}
		return ev.Actual
	}
	reported := 0
	for i, ev := range ir.Series {
		quarters[i] = clean(labels.PeriodLabel(ind.Frequency, ev.Quarter))
		actual[i] = num(plotted(ev))
		if ev.Actual != nil {
			reported++
		}
		t := ev.Target
		if t == nil {
			t = targetFor(ir.Targets, ev.Quarter)
		}
		switch {
		case t == nil:
		case t.IsRange():
			low[i], high[i] = num(&t.Value), num(t.High)
			hasRange = true
		default:
			target[i] = num(&t.Value)
			hasTarget = true
		}
	}

	unit := clean(ind.Unit)
	values := map[string]string{
		"indicator": clean(ind.Name), "unit": unit,
		"reported": strconv.Itoa(reported), "quarters": strconv.Itoa(n),
		"actual": labels.status(iku.StatusNotReported), "target": labels.status(iku.StatusNoTarget),
		"from": "", "to": "", "latest": "",
	}
	if n > 0 {
		first, last := ir.Series[0], ir.Series[n-1]
		values["from"] = labels.PeriodLabel(ind.Frequency, first.Quarter)
		values["to"] = labels.PeriodLabel(ind.Frequency, last.Quarter)
		values["latest"] = values["to"]
		if v := plotted(last); v != nil {
			values["actual"] = withUnit(labels.Number(*v), unit)
		}
		if t := targetFor(ir.Targets, last.Quarter); t != nil {
			values["target"] = withUnit(labels.targetText(t), unit)
		}
	}
	description := fill(labels.TrendDescription, values)

	type line struct {
		name        string
		data        []interface{}
		color, dash string
		symbol      string
		step        bool
	}
	actualName := labels.Actual
	if toDate {
		actualName = labels.ActualToDate
	}
	lines := []line{{clean(actualName), actual, colorActual, "solid", "circle", false}}
	// Targets hold from the start of their period to its end: steps, not
	// slopes, between quarters.
	if hasTarget {
		lines = append(lines, line{clean(labels.Target), target, colorTarget, "dashed", "rect", true})
	}
	if hasRange {
		lines = append(lines,
			line{clean(labels.TargetLow), low, colorTarget, "dashed", "triangle", true},
			line{clean(labels.TargetHigh), high, colorTarget, "dashed", "diamond", true})
	}
	names := make([]string, len(lines))
	for i, l := range lines {
		names[i] = l.name
	}
	rows := legendRows(names)

	// Whole numbers (cases, visits) get whole ticks: no "0,5 kasus".
	minInterval := 0.0
	if ind.Decimals == 0 {
		minInterval = 1
	}

	c := charts.NewLine()
	c.Accept(noChrome{})
	c.SetGlobalOptions(append(base(id, description, []string{colorActual, colorTarget}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "36", Bottom: fmt.Sprint(4 + legendRow*rows),
			ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: axisLabel(),
			AxisLine: &opts.AxisLine{LineStyle: &opts.LineStyle{Color: axisColor}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: unit, AxisLabel: axisLabel(), SplitLine: splitLine(),
			MinInterval: minInterval}),
	)...)
	c.SetXAxis(quarters)
	for _, l := range lines {
		lc := opts.LineChart{Symbol: l.symbol, SymbolSize: 7, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(false)}
		if l.step {
			lc.Step = "middle"
		}
		c.AddSeries(l.name, nil,
			charts.WithLineChartOpts(lc),
			charts.WithLineStyleOpts(opts.LineStyle{Color: l.color, Width: 2, Type: l.dash}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: l.color}),
		)
		c.MultiSeries[len(c.MultiSeries)-1].Data = l.data
	}
	return Chart{ID: id, Option: option(c), Width: chartWidth, Height: trendHeight + legendRow*(rows-1),
		Description: description, Locale: labels.NumberLocale, Lang: labels.Lang}
}

// AgencyAchievements draws, as horizontal bars, the achievement (capaian)
// of each of an agency's indicators in its latest evaluation, with a line
// at 100. Indicators without an achievement (not reported, no target,
// T = 0, in progress) are left out: the table next to the chart has them.
// latest maps indicator slugs to their latest evaluation and names to the
// names to draw.
//
// The description is Labels.AchievementsDescription with {agency},
// {quarter} (the latest quarter among them), {count} (bars drawn),
// {reached} (at or above 100) and {below}.
func AgencyAchievements(ar *iku.AgencyReport, latest map[string]iku.Evaluation, names map[string]string, labels Labels) Chart {
	id := "opd-" + slug(ar.Agency.Slug) + "-achievements"
	var rows []string
	var data []interface{}
	var quarter iku.Quarter
	reached := 0
	top := 0.0
	for _, s := range ar.Indicators {
		ev, ok := latest[s]
		if !ok || ev.Achievement == nil {
			continue
		}
		name := names[s]
		if name == "" {
			name = s
		}
		rows = append(rows, clean(name))
		data = append(data, ev.Achievement.Float64())
		top = max(top, ev.Achievement.Float64())
		if ev.Achievement.Cmp(iku.MustDecimal("100")) >= 0 {
			reached++
		}
		if quarter.Before(ev.Quarter) {
			quarter = ev.Quarter
		}
	}
	description := fill(labels.AchievementsDescription, map[string]string{
		"agency": clean(ar.Agency.Name), "quarter": labels.QuarterLabel(quarter),
		"count": strconv.Itoa(len(rows)), "reached": strconv.Itoa(reached), "below": strconv.Itoa(len(rows) - reached),
	})
	return achievementBars(id, description, rows, data, top, labelWidth, labels)
}

// achievementBars draws one horizontal bar per row (achievements in %,
// top to bottom) with a dashed line at 100 %; row names longer than
// labelW px are cut with "…".
func achievementBars(id, description string, rows []string, data []interface{}, top float64, labelW int, labels Labels) Chart {
	// A markLine does not stretch its axis: when every bar is short of
	// 100, the axis must reach 100 for the line to be drawn.
	var axisMax interface{}
	if top < 100 {
		axisMax = 100
	}

	c := charts.NewBar()
	c.Accept(noChrome{})
	c.SetGlobalOptions(append(base(id, description, []string{colorBar}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "24", Bottom: "36", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: clean(labels.Achievement), Min: 0, Max: axisMax,
			AxisLabel: axisLabel(), SplitLine: splitLine(), NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Color: axisColor, FontSize: fontSize, Width: labelW, Overflow: "truncate"},
			AxisLine:  &opts.AxisLine{LineStyle: &opts.LineStyle{Color: axisColor}}}),
	)...)
	c.AddSeries(clean(labels.Achievement), nil,
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "60%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBar}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: textColor, FontSize: fontSize}),
		charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{XAxis: 100}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			LineStyle: &opts.LineStyle{Color: colorRule, Width: 1.5, Type: "dashed"},
			// The y axis is inverted, so its start is the top.
			Label: &opts.Label{Show: opts.Bool(true), Position: "start", Color: textColor, FontSize: fontSize},
		}),
	)
	c.MultiSeries[0].Data = data
	c.SetXAxis(rows).XYReversal()
	return Chart{ID: id, Option: option(c), Width: chartWidth, Height: 70 + barRow*len(rows),
		Description: description, Locale: labels.NumberLocale, Lang: labels.Lang}
}

// Overview draws the latest quarter's statuses by sector as stacked
// horizontal bars: one series per category of r.Rules (best first), then
// the other statuses (statusSeries) and the indicators not due. Series that are
// empty in every sector are left out; each keeps its colour regardless.
// sectorNames maps sector slugs to the names to draw (default: the
// sector's Name).
//
// The description is Labels.OverviewDescription with {quarter}, {total}
// (indicators counted) and {sectors} (sectors drawn).
func Overview(r *iku.Report, sectorNames map[string]string, labels Labels) Chart {
	const id = "home-status-by-sector"
	var rows []iku.Counts
	var names []string
	total := 0
	for _, sr := range r.Sectors {
		cnt, ok := r.SectorCounts[sr.Sector.Slug]
		if !ok || cnt.Total == 0 {
			continue
		}
		name := sectorNames[sr.Sector.Slug]
		if name == "" {
			name = sr.Sector.Name
		}
		names = append(names, clean(name))
		rows = append(rows, cnt)
		total += cnt.Total
	}
	description := fill(labels.OverviewDescription, map[string]string{
		"quarter": labels.QuarterLabel(r.Latest), "total": strconv.Itoa(total), "sectors": strconv.Itoa(len(rows)),
	})

	type series struct {
		name, color string
		count       func(iku.Counts) int
	}
	var all []series
	for i, cat := range r.Rules.Categories {
		key := cat.Key
		all = append(all, series{labels.category(key), categoryColors[i%len(categoryColors)],
			func(c iku.Counts) int { return c.ByCategory[key] }})
	}
	for i, st := range statusSeries {
		st := st
		all = append(all, series{labels.status(st), statusColors[i], func(c iku.Counts) int { return c.Of(st) }})
	}
	// Not due this quarter: a part of the total like the others, so that a
	// bar always adds up to the sector's indicators.
	all = append(all, series{labels.NotDue, notDueColor, func(c iku.Counts) int { return c.NotDue }})

	c := charts.NewBar()
	c.Accept(noChrome{})
	var drawn []series
	for _, s := range all {
		data := make([]interface{}, len(rows))
		nonzero := false
		for i, cnt := range rows {
			if v := s.count(cnt); v > 0 {
				data[i], nonzero = v, true
			} else {
				data[i] = 0
			}
		}
		if !nonzero {
			continue
		}
		drawn = append(drawn, s)
		c.AddSeries(clean(s.name), nil,
			charts.WithBarChartOpts(opts.BarChart{Stack: "status", BarWidth: "60%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}),
		)
		c.MultiSeries[len(c.MultiSeries)-1].Data = data
	}
	colors := make([]string, len(drawn))
	legend := make([]string, len(drawn))
	for i, s := range drawn {
		colors[i], legend[i] = s.color, clean(s.name)
	}
	legendRows := legendRows(legend)
	c.SetGlobalOptions(append(base(id, description, colors),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "12", Bottom: fmt.Sprint(24 + legendRow*legendRows),
			ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: clean(labels.Count), MinInterval: 1,
			NameLocation: "middle", NameGap: 28,
			AxisLabel: axisLabel(), SplitLine: splitLine()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Color: axisColor, FontSize: fontSize, Width: labelWidth, Overflow: "truncate"},
			AxisLine:  &opts.AxisLine{LineStyle: &opts.LineStyle{Color: axisColor}}}),
	)...)
	c.SetXAxis(names).XYReversal()
	return Chart{ID: id, Option: option(c), Width: chartWidth, Height: 56 + barRow*len(rows) + legendRow*legendRows,
		Description: description, Locale: labels.NumberLocale, Lang: labels.Lang}
}

// Comparison draws the achievements of the agencies that share one
// indicator in its latest due period, one bar per agency in the ranked
// order of iku (best first); members without an achievement get no bar.
// agencyNames maps agency slugs to the names to draw (default: the
// agency's slug).
//
// The description is Labels.ComparisonDescription with {name} (the
// indicator), {quarter}, {count} (bars drawn), {reached} (at or above 100)
// and {best} (the first agency).
func Comparison(c *iku.Comparison, name string, agencyNames map[string]string, labels Labels) Chart {
	id := "banding-" + slug(c.Slug)
	var rows []string
	var data []interface{}
	reached := 0
	top := 0.0
	for _, m := range c.Members {
		a := m.Evaluation.Achievement
		if m.Capped == nil || a == nil {
			continue
		}
		n := agencyNames[m.Agency]
		if n == "" {
			n = m.Agency
		}
		rows = append(rows, clean(n))
		data = append(data, a.Float64())
		top = max(top, a.Float64())
		if a.Cmp(iku.MustDecimal("100")) >= 0 {
			reached++
		}
	}
	rows = dropCommonWords(rows)
	best := ""
	if len(rows) > 0 {
		best = rows[0]
	}
	description := fill(labels.ComparisonDescription, map[string]string{
		"name": clean(name), "quarter": labels.PeriodLabel(c.Frequency, c.Quarter),
		"count": strconv.Itoa(len(rows)), "reached": strconv.Itoa(reached), "best": best,
	})
	return achievementBars(id, description, rows, data, top, 170, labels)
}

// dropCommonWords removes the leading words every name shares ("Kec.",
// "Kecamatan"), keeping at least one word of each: the chart's title
// says what they are, and the names must be told apart in the space of
// an axis label.
func dropCommonWords(names []string) []string {
	if len(names) < 2 {
		return names
	}
	words := make([][]string, len(names))
	for i, n := range names {
		words[i] = strings.Fields(n)
	}
	k := 0
shared:
	for ; ; k++ {
		for _, w := range words {
			if k >= len(w)-1 || w[k] != words[0][k] {
				break shared
			}
		}
	}
	out := make([]string, len(names))
	for i, w := range words {
		out[i] = strings.Join(w[k:], " ")
	}
	return out
}
