package sitedata

import (
	"context"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/display"
)

// Drawn is every chart of one build, in every language: the charts' IDs
// are their records' (display.Chart.ID), the same in every language; the
// SVGs differ (words and number formats are drawn in) and live apart
// (assets/charts/<lang>/<id>.svg).
type Drawn struct {
	Charts  []Chart
	Cached  int // charts that came from the cache
	ECharts int // charts ECharts drew (the others were drawn in Go, or cached)
}

// ChartLabels are the words of m's charts that are in no record, in m's
// language, from the site's i18n files.
func ChartLabels(m *display.Model) (chart.Labels, chart.RatingLabels, error) {
	w := m.Word
	l := chart.Labels{
		Lang:         m.Lang,
		Actual:       w("chart_actual"),
		Target:       w("chart_target"),
		TargetLow:    w("chart_target_low"),
		TargetHigh:   w("chart_target_high"),
		Achievement:  w("chart_achievement"),
		Count:        w("chart_indicators"),
		NotDue:       w("chart_not_due"),
		NumberLocale: w("number_locale"),
	}
	rl := chart.RatingLabels{Lang: m.Lang, Count: w("chart_asn_count"), Score: w("chart_asn_score"), Share: w("chart_asn_share"),
		NumberLocale: l.NumberLocale}
	if err := l.Validate(); err != nil {
		return l, rl, err
	}
	return l, rl, rl.Validate()
}

// Charts builds every chart the pages of m show, from the records they
// print: the home page's overview, each agency's achievements and
// ratings, each indicator's trend, each comparison, and each year's
// ratings scatter. A record with nothing to draw (an agency without an
// achievement this quarter, a comparison without a ranked member) gets
// no chart: its page shows the table only.
func Charts(m *display.Model) ([]chart.Chart, error) {
	labels, ratings, err := ChartLabels(m)
	if err != nil {
		return nil, err
	}
	out := []chart.Chart{chart.Overview(m, labels)}
	for i := range m.Agencies {
		a := &m.Agencies[i]
		if c, ok := chart.AgencyAchievements(a, m, labels); ok {
			out = append(out, c)
		}
		if a.Ratings != nil && a.Ratings.Chart.ID != "" {
			out = append(out, chart.RatingDistribution(a.Ratings, ratings))
		}
	}
	for i := range m.Indicators {
		out = append(out, chart.IndicatorTrend(&m.Indicators[i], labels))
	}
	for i := range m.UnitKinds {
		for j := range m.UnitKinds[i].Sections {
			if c, ok := chart.UnitKind(&m.UnitKinds[i].Sections[j], labels); ok {
				out = append(out, c)
			}
		}
	}
	for i := range m.Units {
		for j := range m.Units[i].Sections {
			if s := &m.Units[i].Sections[j]; s.Trend != nil && s.Chart.ID != "" {
				out = append(out, chart.IndicatorTrend(s.Trend, labels))
			}
		}
	}
	for i := range m.Comparisons {
		if c, ok := chart.Comparison(&m.Comparisons[i], labels); ok {
			out = append(out, c)
		}
	}
	if m.Site.Asn != nil {
		for i := range m.Site.Asn.Years {
			if c, ok := chart.RatingsScatter(&m.Site.Asn.Years[i], ratings); ok {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// DrawCharts builds the charts of every language's model and draws them
// as SVG, with as many workers as the machine has cores (the renderer
// answers cached charts without Node and shares its Node processes among
// the others). It stops at the first error or when ctx is cancelled.
// progress, when not nil, is called after each chart with how many are
// done of how many. The charts come back in a fixed order: the models',
// each in the order of Charts. With spill, a chart that is in the
// renderer's cache is not held in memory (Chart.File), and its option is
// held compressed: a large site's SVGs and options would otherwise be
// the largest thing a build holds.
func DrawCharts(ctx context.Context, r *chart.Renderer, models []*display.Model, spill bool, progress func(done, total int)) (*Drawn, error) {
	var todo []chart.Chart
	d := &Drawn{}
	for _, m := range models {
		cs, err := Charts(m)
		if err != nil {
			return nil, err
		}
		for k := range cs {
			c := Chart{ID: cs[k].ID, Lang: cs[k].Lang, Option: cs[k].Option}
			if spill {
				// Packed at once, one language at a time: unpacked again
				// only while the chart is drawn.
				if err := c.pack(); err != nil {
					return nil, err
				}
				cs[k].Option = nil
			}
			d.Charts = append(d.Charts, c)
		}
		todo = append(todo, cs...)
	}
	var mu sync.Mutex
	done := 0
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.NumCPU())
	for i := range todo {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			c := &todo[i]
			out := &d.Charts[i]
			cc := *c
			if cc.Option == nil {
				var err error
				if cc.Option, err = out.OptionJSON(); err != nil {
					return err
				}
			}
			dr, err := r.RenderFile(gctx, cc)
			if err != nil {
				return err
			}
			out.SVG, out.Key = dr.SVG, dr.Key
			if spill && dr.File != "" {
				out.SVG, out.File = "", dr.File
			}
			mu.Lock()
			defer mu.Unlock()
			if dr.Cached {
				d.Cached++
			}
			done++
			if progress != nil {
				progress(done, len(todo))
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.ECharts = r.DrawnByECharts()
	return d, nil
}
