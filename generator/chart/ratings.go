package chart

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// RatingLabels are the words of the civil servants' rating charts, from
// the site's i18n files.
type RatingLabels struct {
	Count        string // axis of counts of people: "Jumlah pegawai"
	Score        string // x axis of the scatter: "Skor IKU Triwulan IV (%)"
	Share        string // y axis of the scatter: "Pegawai berpredikat Sangat Baik (%)"
	NumberLocale string
}

// RatingDistribution draws one agency's published rating distribution as
// vertical bars, one per SKP predicate (names as given, best first); a
// suppressed count (nil) has no bar. Counts go into the option as whole
// numbers; description is the sentence the page shows with it.
func RatingDistribution(id string, predicates []string, counts []*int, description string, labels RatingLabels) Chart {
	names := make([]string, len(predicates))
	data := make([]interface{}, len(counts))
	for i, p := range predicates {
		names[i] = clean(p)
	}
	for i, c := range counts {
		if c == nil {
			data[i] = "-" // ECharts: no value, no bar
		} else {
			data[i] = *c
		}
	}
	c := charts.NewBar()
	c.Accept(noChrome{})
	c.SetGlobalOptions(append(base(id, clean(description), []string{colorBar}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "24", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category",
			AxisLabel: &opts.AxisLabel{Color: axisColor, FontSize: 11, Interval: "0", Width: 64, Overflow: "break"},
			AxisLine:  &opts.AxisLine{LineStyle: &opts.LineStyle{Color: axisColor}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: clean(labels.Count), MinInterval: 1,
			AxisLabel: axisLabel(), SplitLine: splitLine()}),
	)...)
	c.AddSeries(clean(labels.Count), nil,
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "55%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBar}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Color: textColor, FontSize: fontSize}),
	)
	c.MultiSeries[0].Data = data
	c.SetXAxis(names)
	return Chart{ID: id, Option: option(c), Width: chartWidth, Height: 230, Description: clean(description), Locale: labels.NumberLocale}
}

// ScatterPoint is one agency on the scatter: its IKU score (x) against
// its share of top ratings (y), both exact decimals.
type ScatterPoint struct {
	Name  string
	Score iku.Decimal
	Share iku.Decimal
}

// RatingsScatter draws agencies' IKU scores against their shares of top
// ratings. The decimals go into the option as JSON numbers written from
// their exact text.
func RatingsScatter(id string, points []ScatterPoint, description string, labels RatingLabels) Chart {
	data := make([]opts.ScatterData, len(points))
	for i, p := range points {
		data[i] = opts.ScatterData{Name: clean(p.Name), Value: []interface{}{json.Number(p.Score.String()), json.Number(p.Share.String())},
			Symbol: "circle", SymbolSize: 10}
	}
	c := charts.NewScatter()
	c.Accept(noChrome{})
	c.SetGlobalOptions(append(base(id, clean(description), []string{colorBar}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "32", Bottom: "36", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: clean(labels.Score), NameLocation: "middle", NameGap: 28,
			Scale: opts.Bool(true), AxisLabel: axisLabel(), SplitLine: splitLine()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: clean(labels.Share), Min: 0, Max: 100,
			AxisLabel: axisLabel(), SplitLine: splitLine()}),
	)...)
	c.AddSeries(clean(labels.Share), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBar}))
	return Chart{ID: id, Option: option(c), Width: chartWidth, Height: 300, Description: clean(description), Locale: labels.NumberLocale}
}
