package chart

import (
	"cmp"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tanjungbalai/kinerja/generator/display"
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

// IndicatorTrend draws an indicator's rows, oldest first, named as the
// table names them on the axis (their short names): each row's plotted
// value (display decides: the period's actual, or the year to date where
// the rules compare it) against the target the row was evaluated with,
// under the record's legend. A period not reported is a gap in the line,
// never 0; a range target is drawn as two dashed lines, its bounds.
func IndicatorTrend(ind *display.Indicator, labels Labels) Chart {
	n := len(ind.Rows)
	periods := make([]string, n)
	actual := make([]any, n)
	target := make([]any, n)
	low := make([]any, n)
	high := make([]any, n)
	var hasTarget, hasRange bool
	for i := range ind.Rows {
		r := &ind.Rows[i]
		periods[i] = clean(r.Short)
		actual[i] = num(r.Plotted())
		var t *iku.Target
		if r.Eval != nil {
			t = r.Eval.Target
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

	type line struct {
		name        string
		data        []any
		color, dash string
		symbol      string
		step        bool
	}
	// An indicator with no period in force has no legend of its own.
	actualName, targetName := cmp.Or(ind.Legend[0], labels.Actual), cmp.Or(ind.Legend[1], labels.Target)
	lines := []line{{clean(actualName), actual, colorActual, "solid", "circle", false}}
	// Targets hold from the start of their period to its end: steps, not
	// slopes, between periods.
	if hasTarget {
		lines = append(lines, line{clean(targetName), target, colorTarget, "dashed", "rect", true})
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

	id, description := ind.Chart.ID, clean(ind.Chart.Summary)
	c := charts.NewLine()
	c.Accept(noChrome{})
	c.SetGlobalOptions(append(base(id, description, []string{colorActual, colorTarget}),
		// Right: room for half of the last quarter's label ("TW IV 2024"),
		// which containLabel measures narrower than a browser's font draws it.
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "32", Top: "36", Bottom: fmt.Sprint(4 + legendRow*rows),
			ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: axisLabel(),
			AxisLine: &opts.AxisLine{LineStyle: &opts.LineStyle{Color: axisColor}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: clean(ind.Unit.Text), AxisLabel: axisLabel(), SplitLine: splitLine(),
			MinInterval: minInterval}),
	)...)
	c.SetXAxis(periods)
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
		Description: description, Locale: labels.NumberLocale, Lang: labels.Lang, Drawer: drawGo}
}

// AgencyAchievements draws, as horizontal bars in the order of the
// agency's table (a.Indicators) and named as it names them, the
// achievement (capaian) of each indicator in the site's quarter, with a
// line at 100. Indicators without one there (not due, not reported, no
// target, T = 0, in progress) have no bar: the table next to the chart has
// them. ok is false when no indicator has a bar (the page shows the table
// only).
func AgencyAchievements(a *display.Agency, m *display.Model, labels Labels) (c Chart, ok bool) {
	var rows []string
	var data []any
	top := iku.MustDecimal("0")
	for _, slug := range a.Indicators {
		ind := m.Indicator(slug)
		if ind == nil || !ind.DueNow || len(ind.Rows) == 0 {
			continue
		}
		e := ind.Rows[len(ind.Rows)-1].Eval
		if e == nil || e.Achievement == nil {
			continue
		}
		rows = append(rows, clean(ind.Name.Text))
		data = append(data, num(e.Achievement))
		if e.Achievement.Cmp(top) > 0 {
			top = *e.Achievement
		}
	}
	if len(rows) == 0 {
		return Chart{}, false
	}
	return achievementBars(a.Chart.ID, clean(a.Chart.Summary), rows, data, top, labelWidth, labels), true
}

// achievementBars draws one horizontal bar per row (achievements in %,
// top to bottom) with a dashed line at 100 %; row names longer than
// labelW px are cut with "…". top is the longest bar.
func achievementBars(id, description string, rows []string, data []any, top iku.Decimal, labelW int, labels Labels) Chart {
	// A markLine does not stretch its axis: when every bar is short of
	// 100, the axis must reach 100 for the line to be drawn.
	var axisMax any
	if top.Cmp(iku.MustDecimal("100")) < 0 {
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

// Overview draws the site quarter's statuses by sector as stacked
// horizontal bars: one bar per sector in the order of the home page's
// table (m.Site.Home.Sectors), named as it names them; one series per
// status in the order of the table's columns (m.Site.Columns: categories,
// best first, then the other statuses), then the indicators not due, so
// that a bar adds up to the sector's indicators. Series that are empty in
// every sector are left out; each keeps its colour regardless.
func Overview(m *display.Model, labels Labels) Chart {
	h := &m.Site.Home
	var rows []*display.Counts
	var names []string
	for _, slug := range h.Sectors {
		s := m.Sector(slug)
		if s == nil {
			continue
		}
		names = append(names, clean(s.Name.Text))
		rows = append(rows, &s.Counts)
	}

	type series struct {
		name, color string
		count       func(*display.Counts) int
	}
	var all []series
	for _, st := range m.Site.Columns {
		key := st.Key
		// The status chips' colour (display.Colours: one place).
		all = append(all, series{st.Label, m.Colour(key).Ink, func(c *display.Counts) int {
			for _, it := range c.Items {
				if it.Status.Key == key {
					return it.N
				}
			}
			return 0
		}})
	}
	// Not due this quarter: a part of the total like the others, so that a
	// bar always adds up to the sector's indicators.
	all = append(all, series{labels.NotDue, m.Colour(display.NotDue).Ink, func(c *display.Counts) int { return c.NotDue }})

	c := charts.NewBar()
	c.Accept(noChrome{})
	var drawn []series
	for _, s := range all {
		data := make([]any, len(rows))
		nonzero := false
		for i, cnt := range rows {
			v := s.count(cnt)
			data[i] = v
			nonzero = nonzero || v > 0
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
	id, description := h.Overview.ID, clean(h.Overview.Summary)
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
// indicator in its latest due period, one bar per ranked agency in the
// order of the table (iku's ranking, best first), labelled with the rows'
// bar labels; the members that are not ranked come last in the table and
// have no bar. ok is false when no member is ranked (the page shows the
// table only).
func Comparison(cm *display.Comparison, labels Labels) (c Chart, ok bool) {
	var bars []bar
	for i := range cm.Rows {
		r := &cm.Rows[i]
		if r.Member == nil || r.Member.Capped == nil || r.Member.Evaluation.Achievement == nil {
			continue
		}
		bars = append(bars, bar{r.Label, r.Member.Evaluation.Achievement})
	}
	return barsChart(cm.Chart.ID, cm.Chart.Summary, bars, labels)
}

// bar is one bar of an achievement chart: its label and achievement.
type bar struct {
	label       string
	achievement *iku.Decimal
}

// barsChart draws bars, in their order, as achievementBars does with
// room for labels of 170 px; ok is false when there are none.
func barsChart(id, summary string, bars []bar, labels Labels) (c Chart, ok bool) {
	if len(bars) == 0 {
		return Chart{}, false
	}
	rows := make([]string, len(bars))
	data := make([]any, len(bars))
	top := iku.MustDecimal("0")
	for i, b := range bars {
		rows[i], data[i] = clean(b.label), num(b.achievement)
		if b.achievement.Cmp(top) > 0 {
			top = *b.achievement
		}
	}
	return achievementBars(id, clean(summary), rows, data, top, 170, labels), true
}
