package sitedata

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// demoModels are the display models of the embedded demo in both
// languages, built as the pipeline builds them.
func demoModels(t *testing.T) []*display.Model {
	t.Helper()
	root := filepath.Join("..", "..")
	ds, err := bundle.Demo().Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	k, err := LoadPrivacy(root)
	if err != nil {
		t.Fatal(err)
	}
	if err = disclosure.Protect(ds, k, nil); err != nil {
		t.Fatal(err)
	}
	rules, err := LoadRules(root)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, rules, iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"id", "en"}
	words, err := LoadWords(root, filepath.Join(root, "themes", "kinerja"), langs, "id")
	if err != nil {
		t.Fatal(err)
	}
	var models []*display.Model
	for i, lang := range langs {
		prefix := ""
		if i > 0 {
			prefix = lang + "/"
		}
		m, err := display.Build(display.Input{Report: rep, Dataset: ds, K: k},
			display.Lang{Code: lang, Prefix: prefix, Words: words[lang], Default: i == 0, Fallback: "id"})
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, m)
	}
	return models
}

// categories are a chart's category labels: its category axis's data.
func categories(t *testing.T, c chart.Chart) []string {
	t.Helper()
	var o struct {
		X []struct {
			Type string `json:"type"`
			Data []string
		} `json:"xAxis"`
		Y []struct {
			Type string `json:"type"`
			Data []string
		} `json:"yAxis"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	for _, a := range append(o.X, o.Y...) {
		if a.Type == "category" {
			return a.Data
		}
	}
	t.Fatalf("%s: no category axis", c.ID)
	return nil
}

// The home page's chart lists the sectors in the order of the table under
// it (the script that reads a chart's point out matches them by position).
func TestOverviewIsInTheTablesOrder(t *testing.T) {
	models := demoModels(t)
	for _, m := range models {
		labels, _, err := ChartLabels(m)
		if err != nil {
			t.Fatal(err)
		}
		got := categories(t, chart.Overview(m, labels))
		var want []string
		for _, slug := range m.Site.Home.Sectors {
			want = append(want, m.Sector(slug).Name.Text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the overview chart's sectors are\n%q;\nthe table's rows are\n%q", m.Lang, got, want)
		}
	}
}

// Every chart of the demo draws its record: the rows of the table next to
// it, in the table's order and named as the table names them (those with
// nothing to draw left out), the values the table shows, and the sentence
// under the chart as its description.
func TestChartsAreTheTables(t *testing.T) {
	for _, m := range demoModels(t) {
		cs, err := Charts(m)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]chart.Chart{}
		for _, c := range cs {
			if _, dup := byID[c.ID]; dup {
				t.Errorf("%s: two charts %s", m.Lang, c.ID)
			}
			if c.Lang != m.Lang {
				t.Errorf("%s: chart %s is in %q", m.Lang, c.ID, c.Lang)
			}
			byID[c.ID] = c
		}
		// check finds the chart of rec and compares its categories with
		// want, and its description with the record's sentence.
		check := func(rec display.Chart, description string, want []string) chart.Chart {
			t.Helper()
			c, ok := byID[rec.ID]
			if !ok {
				if len(want) > 0 {
					t.Errorf("%s: no chart %q for a record with %d rows to draw", m.Lang, rec.ID, len(want))
				}
				return c
			}
			delete(byID, rec.ID)
			if got := categories(t, c); !slices.Equal(got, want) {
				t.Errorf("%s %s: categories\n%q;\nthe table's rows\n%q", m.Lang, c.ID, got, want)
			}
			if c.Description != description {
				t.Errorf("%s %s: description %q; want %q", m.Lang, c.ID, c.Description, description)
			}
			return c
		}

		var sectors []string
		for _, s := range m.Site.Home.Sectors {
			sectors = append(sectors, m.Sector(s).Name.Text)
		}
		check(m.Site.Home.Overview, m.Site.Home.Overview.Summary, sectors)

		for i := range m.Indicators {
			ind := &m.Indicators[i]
			var periods []string
			for _, r := range ind.Rows {
				periods = append(periods, r.Short)
			}
			c := check(ind.Chart, ind.Summary, periods)
			// The line is the rows' plotted values, each a number of the
			// table's row (its actual or its year to date), under the
			// record's legend.
			line := firstSeries(t, c)
			for k, r := range ind.Rows {
				want := "null"
				if p := r.Plotted(); p != nil {
					want = p.String()
				}
				if got := line[k]; got != want || got != "null" && got != r.Actual.Sort && got != r.YTD.Sort {
					t.Errorf("%s %s %s: the chart draws %s; the row plots %s, the table shows %q and %q", m.Lang, c.ID, r.Key, got, want, r.Actual.Sort, r.YTD.Sort)
				}
			}
			if len(ind.Rows) > 0 && seriesName(t, c) != ind.Legend[0] {
				t.Errorf("%s %s: the line is named %q; the record's legend says %q", m.Lang, c.ID, seriesName(t, c), ind.Legend[0])
			}
			// Every value compared with a target is on the line: the one
			// the status (and the sentence under the chart) is about too.
			for k, r := range ind.Rows {
				if e := r.Eval; e.Compared != nil && line[k] != e.Compared.String() {
					t.Errorf("%s %s %s: the chart draws %s; the status compares %s", m.Lang, c.ID, r.Key, line[k], e.Compared)
				}
			}
		}

		// A service unit's indicator: its periods, each plotted value a
		// value of its table (none where the count was too small).
		for i := range m.Units {
			for _, s := range m.Units[i].Sections {
				var periods []string
				for _, r := range s.Trend.Rows {
					periods = append(periods, r.Short)
				}
				c := check(s.Chart, s.Chart.Summary, periods)
				line := firstSeries(t, c)
				for k, r := range s.Rows {
					want := "null"
					if p := s.Trend.Rows[k].Plotted(); p != nil {
						want = p.String()
					}
					if got := line[k]; got != want || got != "null" && got != r.Value.Sort {
						t.Errorf("%s %s %s: the chart draws %s; the table shows %q", m.Lang, c.ID, r.Key, got, r.Value.Sort)
					}
				}
			}
		}

		// A kind of unit: a bar per unit with an achievement, in the
		// table's order, named by the bar label its row carries (its
		// name without the words all share), which is part of its name.
		for i := range m.UnitKinds {
			for j := range m.UnitKinds[i].Sections {
				s := &m.UnitKinds[i].Sections[j]
				var names []string
				for _, r := range s.Rows {
					if !strings.Contains(r.Unit.Text.Text, r.Bar) || r.Bar == "" {
						t.Errorf("%s: the bar label %q is not part of the unit's name %q", s.Chart.ID, r.Bar, r.Unit.Text.Text)
					}
					if r.Achievement.Text != "" {
						names = append(names, r.Bar)
					}
				}
				check(s.Chart, s.Chart.Summary, names)
			}
		}

		for i := range m.Agencies {
			a := &m.Agencies[i]
			var names []string
			for _, s := range a.Indicators {
				ind := m.Indicator(s)
				if ind.DueNow && ind.List.Achievement.Sort != "" && ind.Rows[len(ind.Rows)-1].Eval.Achievement != nil {
					names = append(names, ind.List.Name.Text.Text)
				}
			}
			check(a.Chart, a.Summary, names)
			if r := a.Ratings; r != nil {
				var preds []string
				for _, h := range r.Rows {
					preds = append(preds, h.Predicate)
				}
				check(r.Chart, r.Describe, preds)
			}
		}

		for i := range m.Comparisons {
			cm := &m.Comparisons[i]
			var labels []string
			for _, r := range cm.Rows {
				if r.Rank.Sort != "" {
					labels = append(labels, r.Label)
				}
			}
			check(cm.Chart, cm.Chart.Summary, labels)
		}

		if m.Site.Asn != nil {
			for _, y := range m.Site.Asn.Years {
				if y.Chart.ID == "" {
					continue
				}
				if _, ok := byID[y.Chart.ID]; !ok {
					t.Errorf("%s: no scatter %s", m.Lang, y.Chart.ID)
				}
				delete(byID, y.Chart.ID)
			}
		}
		for id := range byID {
			t.Errorf("%s: chart %s belongs to no record", m.Lang, id)
		}
	}
}

// seriesName is the name of a chart's first series.
func seriesName(t *testing.T, c chart.Chart) string {
	t.Helper()
	var o struct {
		Series []struct {
			Name string `json:"name"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil || len(o.Series) == 0 {
		t.Fatalf("%s: %v", c.ID, err)
	}
	return o.Series[0].Name
}

// firstSeries is the data of a chart's first series, as JSON text.
func firstSeries(t *testing.T, c chart.Chart) []string {
	t.Helper()
	var o struct {
		Series []struct {
			Data []json.RawMessage `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option, &o); err != nil || len(o.Series) == 0 {
		t.Fatalf("%s: %v", c.ID, err)
	}
	out := make([]string, len(o.Series[0].Data))
	for i, d := range o.Series[0].Data {
		out[i] = string(d)
	}
	return out
}

// The theme's i18n files hold every word the charts need, in both
// languages.
func TestThemeMessagesLabelTheCharts(t *testing.T) {
	for _, m := range demoModels(t) {
		l, rl, err := ChartLabels(m)
		if err != nil {
			t.Errorf("%s: %v", m.Lang, err)
		}
		if want := map[string]string{"id": "id-ID", "en": "en-GB"}[m.Lang]; l.NumberLocale != want || rl.NumberLocale != want || l.Lang != m.Lang {
			t.Errorf("%s: number locale %q, %q; want %q", m.Lang, l.NumberLocale, rl.NumberLocale, want)
		}
	}
}

// Ctrl+C while the charts are drawn stops the workers: DrawCharts returns
// the cancellation, and the charts not started are never drawn.
func TestDrawChartsStopsWhenCancelled(t *testing.T) {
	models := demoModels(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, err := chart.NewRenderer(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	done, total := 0, 0
	d, err := DrawCharts(ctx, r, models, false, func(n, of int) {
		done, total = n, of
		if n == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || d != nil {
		t.Fatalf("DrawCharts after Ctrl+C returned charts: %v, error %v; want the cancellation and no charts", d != nil, err)
	}
	if done >= total || total < 300 {
		t.Errorf("%d of %d charts drawn after Ctrl+C at the third; want the others left undrawn", done, total)
	}
}

// TestChartOptionIsEscapedForItsScript: the option JSON a page prints as
// it is inside <script type="application/json"> cannot end the script
// element, whatever text the data put in it.
func TestChartOptionIsEscapedForItsScript(t *testing.T) {
	hostile := `</script><img src=x onerror=alert(1)> & ` + "\u2028"
	opt, err := json.Marshal(map[string]any{"title": map[string]string{"text": hostile}})
	if err != nil {
		t.Fatal(err)
	}
	// json.Marshal already escapes; the file must be escaped even for an
	// option written by another encoder.
	raw := []byte(strings.ReplaceAll(string(opt), `\u003c`, "<"))
	files, err := PageFiles(Pages{Charts: []Chart{{ID: "c1", Lang: "id", SVG: "<svg></svg>", Option: raw}}})
	if err != nil {
		t.Fatal(err)
	}
	got := string(files[ChartsDir+"/id/c1.json"])
	if strings.ContainsAny(got, "<>&\u2028") {
		t.Errorf("the option file %q holds a character that could end its script element", got)
	}
	var back map[string]map[string]string
	if err := json.Unmarshal([]byte(got), &back); err != nil || back["title"]["text"] != hostile {
		t.Errorf("the option file %q does not read back as the option (%v)", got, err)
	}
}

// A large site's charts are not held in memory (DrawCharts with spill):
// each SVG is read back from the chart cache, each option unpacked, and
// the site's files come out byte for byte as when they are held.
func TestSpilledChartsMakeTheSameFiles(t *testing.T) {
	models := demoModels(t)
	files := func(spill bool) map[string]string {
		r, err := chart.NewRenderer(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		d, err := DrawCharts(context.Background(), r, models, spill, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Charts {
			if c.Key == "" || spill != (c.SVG == "") || spill != (c.File != "") || spill != (c.Option == nil) {
				t.Fatalf("spill %v: chart %s holds %d bytes of SVG, %d of option, file %q, key %q", spill, c.ID, len(c.SVG), len(c.Option), c.File, c.Key)
			}
		}
		out := map[string]string{}
		err = EmitPageFiles(Pages{Models: models, Charts: d.Charts}, func(name string, b []byte) error {
			out[name] = string(b)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	held, spilled := files(false), files(true)
	if len(held) == 0 || len(held) != len(spilled) {
		t.Fatalf("%d files held, %d spilled", len(held), len(spilled))
	}
	for name, b := range held {
		if spilled[name] != b {
			t.Errorf("%s differs when the charts are read back from the cache", name)
		}
		if strings.HasSuffix(name, ".svg") && !strings.HasPrefix(b, "<svg") {
			t.Errorf("%s is not an SVG: %.40q", name, b)
		}
	}
}
