package chart

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gohugoio/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// DefaultLabels are the Indonesian labels, as the site's i18n/id.toml
// holds them; tests only: the site passes its own.
func DefaultLabels() Labels {
	return Labels{
		Lang:         "id",
		Actual:       "Realisasi",
		Target:       "Target",
		TargetLow:    "Target (batas bawah)",
		TargetHigh:   "Target (batas atas)",
		Achievement:  "Capaian (%)",
		Count:        "Jumlah indikator",
		NotDue:       "Tidak dilaporkan triwulan ini",
		NumberLocale: "id-ID",
	}
}

// themeBundle holds the theme's i18n files, read with go-i18n as Hugo and
// generator/sitedata read them.
var themeBundle = sync.OnceValues(func() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.Indonesian)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range []string{"id", "en"} {
		if _, err := b.LoadMessageFile(filepath.Join("..", "..", "themes", "kinerja", "i18n", l+".toml")); err != nil {
			return nil, err
		}
	}
	return b, nil
})

// words are the theme's words in one language; over replaces some (a
// hostile status name).
type words struct {
	loc  *i18n.Localizer
	over map[string]string
}

func (w words) T(id string, data map[string]any) string {
	if s, ok := w.over[id]; ok {
		return s
	}
	lc := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if c, ok := data["Count"]; ok {
		lc.PluralCount = c
	}
	s, _ := w.loc.Localize(lc)
	return s
}

// model is the display model of rep in Indonesian, with the theme's
// words (over replaces some): the records the charts draw.
func model(t testing.TB, rep *iku.Report, over map[string]string) *display.Model {
	t.Helper()
	b, err := themeBundle()
	if err != nil {
		t.Fatal(err)
	}
	m, err := display.Build(display.Input{Report: rep, Dataset: &iku.Dataset{}},
		display.Lang{Code: "id", Words: words{loc: i18n.NewLocalizer(b, "id"), over: over}, Default: true, Fallback: "id"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// indicator is the record of the only indicator of a report made of ir.
func indicator(t testing.TB, ir *iku.IndicatorReport) *display.Indicator {
	t.Helper()
	rep := &iku.Report{First: iku.MustQuarter("2021-Q1"), Latest: iku.MustQuarter("2026-Q3"), Rules: iku.DefaultRules(),
		Indicators: []iku.IndicatorReport{*ir}}
	return model(t, rep, nil).Indicator(ir.Indicator.Slug)
}

// trend is the trend chart of ir, drawn by ECharts: the renderer's tests
// need a chart that takes a Node process (the site draws trends in Go,
// lines.go; lines_test.go tests that).
func trend(t testing.TB, ir *iku.IndicatorReport) Chart {
	t.Helper()
	return byECharts(IndicatorTrend(indicator(t, ir), DefaultLabels()))
}

// byECharts is c drawn by ECharts, not lines.go.
func byECharts(c Chart) Chart {
	c.Drawer = ""
	return c
}

func newTestRenderer(t testing.TB, cacheDir string, n int) *Renderer {
	t.Helper()
	r, err := newRenderer(context.Background(), cacheDir, n)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func dec(s string) *iku.Decimal { return iku.DecimalPtr(s) }

// targetFor is the target in force in q, as iku evaluates it: the
// quarter's own when set, else the year's.
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

// withTargets gives every evaluation of ir the target in force.
func withTargets(ir *iku.IndicatorReport) *iku.IndicatorReport {
	for i := range ir.Series {
		ir.Series[i].Target = targetFor(ir.Targets, ir.Series[i].Quarter)
	}
	return ir
}

// waitingTime is a negative-polarity indicator over eleven quarters, with a
// quarter not reported, a quarterly target overriding the annual one, and
// a range target in 2026.
func waitingTime(name string) *iku.IndicatorReport {
	ir := &iku.IndicatorReport{
		Indicator: iku.Indicator{
			Slug: "waktu-tunggu-rawat-jalan", Code: "RSUD-01", AgencySlug: "rsud", SectorSlug: "kesehatan",
			Name: name, Unit: "menit", Polarity: iku.Negative, Consolidation: iku.Average, Frequency: iku.Quarterly, Decimals: 1,
		},
		Targets: []iku.Target{
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", Year: 2024, Value: iku.MustDecimal("60")},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", Year: 2025, Value: iku.MustDecimal("55")},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", Year: 2025, Quarter: 4, Basis: iku.PerQuarter, Value: iku.MustDecimal("50.5")},
			{IndicatorSlug: "waktu-tunggu-rawat-jalan", Year: 2026, Value: iku.MustDecimal("40"), High: dec("45")},
		},
		DueNow: true,
	}
	actuals := []string{"72.4", "68.1", "", "61.25", "58", "57.3", "52.9", "49.95", "47.2", "44.0", "41.35"}
	q := iku.MustQuarter("2024-Q1")
	for _, a := range actuals {
		ev := iku.Evaluation{Quarter: q, Status: iku.StatusNotReported, Basis: iku.BasisQuarter}
		if a != "" {
			ev.Actual = dec(a)
			ev.YearToDate = dec(a)
			ev.Status = iku.StatusCategory
			ev.Category = "baik"
		}
		ir.Series = append(ir.Series, ev)
		q = q.Add(1)
	}
	last := &ir.Series[len(ir.Series)-1]
	last.Achievement, last.Category = dec("100.00"), "sangat_baik"
	return withTargets(ir)
}

// longTrend is an indicator with n quarters of results from 2021-Q1.
func longTrend(slugName string, n int) *iku.IndicatorReport {
	ir := &iku.IndicatorReport{Indicator: iku.Indicator{Slug: slugName, Name: "Persentase pasien rawat jalan dengan waktu tunggu ≤ 60 menit",
		Unit: "%", Frequency: iku.Quarterly, Decimals: 2, Polarity: iku.Positive, Consolidation: iku.Average}}
	q := iku.MustQuarter("2021-Q1")
	for i := range n {
		if q.Q == 1 {
			ir.Targets = append(ir.Targets, iku.Target{Year: q.Year, Value: iku.MustDecimal(fmt.Sprintf("%d", 70+q.Year-2021))})
		}
		ev := iku.Evaluation{Quarter: q, Status: iku.StatusNotReported}
		if i%7 != 3 {
			ev.Actual = dec(fmt.Sprintf("%d.%02d", 60+i, (i*37)%100))
			ev.Status = iku.StatusCategory
			ev.Category = "baik"
		}
		ir.Series = append(ir.Series, ev)
		q = q.Add(1)
	}
	return withTargets(ir)
}

// manyTrends are the trend charts of n indicators of 8 to 23 quarters.
func manyTrends(t testing.TB, n int) []Chart {
	t.Helper()
	rep := &iku.Report{First: iku.MustQuarter("2021-Q1"), Latest: iku.MustQuarter("2026-Q3"), Rules: iku.DefaultRules()}
	for i := range n {
		rep.Indicators = append(rep.Indicators, *longTrend(fmt.Sprintf("iku-%03d", i), 8+i%16))
	}
	m := model(t, rep, nil)
	cs := make([]Chart, n)
	for i := range cs {
		cs[i] = byECharts(IndicatorTrend(&m.Indicators[i], DefaultLabels()))
	}
	return cs
}

// latest is an indicator of the agency rsud reported in 2026-Q3 only.
func latest(slug, name string, e iku.Evaluation) iku.IndicatorReport {
	e.Quarter = iku.MustQuarter("2026-Q3")
	return iku.IndicatorReport{
		Indicator: iku.Indicator{Slug: slug, Name: name, AgencySlug: "rsud", SectorSlug: "kesehatan", Unit: "%",
			Polarity: iku.Positive, Consolidation: iku.Last, Frequency: iku.Quarterly, Decimals: 2},
		Series: []iku.Evaluation{e}, DueNow: true,
	}
}

// report is a small city: the hospital (named name) with four indicators
// (the waiting time, also named name), in four sectors, one of them
// empty, and counts by sector for the overview.
func report(name string) *iku.Report {
	wt := waitingTime(name)
	return &iku.Report{
		First: iku.MustQuarter("2024-Q1"), Latest: iku.MustQuarter("2026-Q3"), Rules: iku.DefaultRules(),
		Sectors: []iku.SectorReport{
			{Sector: iku.Sector{Slug: "kesehatan", Name: name}, Agencies: []string{"rsud"},
				Indicators: []string{wt.Indicator.Slug, "ikm", "bor", "baru"}},
			{Sector: iku.Sector{Slug: "pendidikan", Name: "Pendidikan"}},
			{Sector: iku.Sector{Slug: "kosong", Name: "Tanpa indikator"}},
			{Sector: iku.Sector{Slug: "pariwisata", Name: "Pariwisata"}},
		},
		Agencies: []iku.AgencyReport{{
			Agency:     iku.Agency{Slug: "rsud", Name: name, ShortName: "RSUD", Kind: "rsud", SectorSlug: "kesehatan"},
			Indicators: []string{wt.Indicator.Slug, "ikm", "bor", "baru"},
		}},
		Indicators: []iku.IndicatorReport{
			*wt,
			latest("ikm", "Indeks Kepuasan Masyarakat", iku.Evaluation{Actual: dec("87.50"), Achievement: dec("87.50"),
				Status: iku.StatusCategory, Category: "baik"}),
			latest("bor", "Bed Occupancy Rate", iku.Evaluation{Status: iku.StatusNotReported}),
			latest("baru", "Layanan baru", iku.Evaluation{Actual: dec("0"), Achievement: dec("0"),
				Status: iku.StatusCategory, Category: "sangat_kurang"}),
		},
		SectorCounts: map[string]iku.Counts{
			"kesehatan":  {Total: 6, ByCategory: map[string]int{"sangat_baik": 2, "baik": 1}, Met: 1, NotReported: 2},
			"pendidikan": {Total: 4, ByCategory: map[string]int{"cukup": 1, "sangat_kurang": 1}, NoTarget: 2},
			"pariwisata": {Total: 5, ByCategory: map[string]int{"sangat_baik": 1}, InProgress: 2, Incomplete: 1, NotDue: 1},
		},
	}
}

// emptyCharts are one chart of each kind with nothing to draw.
func emptyCharts(t testing.TB) []Chart {
	t.Helper()
	ir := waitingTime("Kosong")
	ir.Series = nil
	rep := &iku.Report{Rules: iku.DefaultRules(), Indicators: []iku.IndicatorReport{*ir}}
	m := model(t, rep, nil)
	return []Chart{IndicatorTrend(&m.Indicators[0], DefaultLabels()), Overview(m, DefaultLabels())}
}
