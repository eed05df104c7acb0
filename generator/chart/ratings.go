package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tanjungbalai/kinerja/generator/display"
)

// RatingLabels are the words of the civil servants' rating charts, from
// the site's i18n files.
type RatingLabels struct {
	Lang         string // the site language of these labels ("id", "en")
	Count        string // axis of counts of people: "Jumlah pegawai"
	Score        string // x axis of the scatter: "Skor IKU Triwulan IV (%)"
	Share        string // y axis of the scatter: "Pegawai berpredikat Sangat Baik (%)"
	NumberLocale string
}

// Validate reports every label that is empty.
func (l RatingLabels) Validate() error {
	return validate(map[string]string{"Count": l.Count, "Score": l.Score, "Share": l.Share})
}

// RatingDistribution draws one agency's published rating distribution as
// vertical bars, one per row of its table (an SKP predicate, best first),
// named as the table names them; a suppressed count has no bar. Counts go
// into the option as whole numbers.
func RatingDistribution(r *display.AgencyRatings, labels RatingLabels) Chart {
	names := make([]string, len(r.Rows))
	data := make([]any, len(r.Rows))
	for i, row := range r.Rows {
		names[i] = clean(row.Predicate)
		data[i] = "-" // ECharts: no value, no bar
		if i < len(r.Counts) && r.Counts[i] != nil {
			data[i] = *r.Counts[i]
		}
	}
	id, description := r.Chart.ID, clean(r.Describe)
	c := charts.NewBar()
	c.Accept(noChrome{})
	c.SetGlobalOptions(append(base(id, description, []string{colorBar}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		// Top: room above the tallest bar's label for the axis name.
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "36", Bottom: "8", ContainLabel: opts.Bool(true)}),
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
	return Chart{ID: id, Option: option(c), Width: chartWidth, Height: 242, Description: description,
		Locale: labels.NumberLocale, Lang: labels.Lang}
}

// RatingsScatter draws one year's agencies (y.Plotted: those whose share
// of top ratings and IKU score are both published): the IKU score (x)
// against the share of top ratings (y). The decimals go into the option
// as JSON numbers written from their exact text. ok is false when no
// agency can be plotted (the page shows the table only).
func RatingsScatter(y *display.RatingYear, labels RatingLabels) (c Chart, ok bool) {
	if len(y.Plotted) == 0 || y.Chart.ID == "" {
		return Chart{}, false
	}
	data := make([]opts.ScatterData, len(y.Plotted))
	for i, p := range y.Plotted {
		data[i] = opts.ScatterData{Name: clean(p.Name), Value: []any{num(&p.Score), num(&p.Share)},
			Symbol: "circle", SymbolSize: 10}
	}
	id, description := y.Chart.ID, clean(y.Describe)
	sc := charts.NewScatter()
	sc.Accept(noChrome{})
	sc.SetGlobalOptions(append(base(id, description, []string{colorBar}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "32", Bottom: "36", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: clean(labels.Score), NameLocation: "middle", NameGap: 28,
			Scale: opts.Bool(true), AxisLabel: axisLabel(), SplitLine: splitLine()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: clean(labels.Share), Min: 0, Max: 100,
			AxisLabel: axisLabel(), SplitLine: splitLine()}),
	)...)
	sc.AddSeries(clean(labels.Share), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBar}))
	return Chart{ID: id, Option: option(sc), Width: chartWidth, Height: 300, Description: description,
		Locale: labels.NumberLocale, Lang: labels.Lang}, true
}
