package display_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

var (
	demoOnce   sync.Once
	demoModels map[string]*display.Model
	demoRep    *iku.Report
	demoErr    error
)

// demo is the display model of the embedded demo in both languages, with
// the site's own words, and its release.
func demo(t *testing.T) (map[string]*display.Model, *iku.Report) {
	t.Helper()
	demoOnce.Do(func() {
		ds, err := bundle.Demo().Load(context.Background())
		if err != nil {
			demoErr = err
			return
		}
		rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
		if err != nil {
			demoErr = err
			return
		}
		words, err := sitedata.LoadWords("../..", "../../themes/kinerja", []string{"id", "en"}, "id")
		if err != nil {
			demoErr = err
			return
		}
		in := display.Input{Report: rep, Dataset: ds, K: 10,
			Releases: []display.ReleaseIn{{Key: "2026-q3", Quarter: rep.Latest, Version: 1, Published: "2026-10-30", Current: true, Report: rep}}}
		demoModels = map[string]*display.Model{}
		for _, l := range []display.Lang{
			{Code: "id", Words: words["id"], Default: true, Fallback: "id"},
			{Code: "en", Prefix: "en/", Words: words["en"], Fallback: "id"},
		} {
			m, err := display.Build(in, l)
			if err != nil {
				demoErr = err
				return
			}
			demoModels[l.Code] = m
		}
		demoRep = rep
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoModels, demoRep
}

// The headline pairs the value that earned the status with its target:
// the year to date where progress decides (/iku/disporapar-kunjungan-
// wisman/ said "3.769 kunjungan, target 11.960 — Sangat Baik" while the
// year to date was 12.167), everywhere the latest period is shown.
func TestHeadlineShowsTheValueThatEarnedTheStatus(t *testing.T) {
	ms, _ := demo(t)
	for lang, m := range ms {
		for i := range m.Indicators {
			ind := &m.Indicators[i]
			if len(ind.Rows) == 0 {
				continue
			}
			e := ind.Rows[len(ind.Rows)-1].Eval
			want := e.Actual
			if e.Compared != nil {
				want = e.Compared
			}
			got := ind.Answer.Value.Sort
			if want == nil && got != "" || want != nil && got != want.String() {
				t.Errorf("%s %s: the answer shows %q; want the compared value %v", lang, ind.Slug, got, want)
			}
			if ind.List.Value.Sort != got {
				t.Errorf("%s %s: the list row shows %q, the answer %q", lang, ind.Slug, ind.List.Value.Sort, got)
			}
			if !strings.Contains(ind.Card[0], ind.Answer.Value.Shown()) {
				t.Errorf("%s %s: the preview's line %q lacks the answer's value %q", lang, ind.Slug, ind.Card[0], ind.Answer.Value.Shown())
			}
		}
	}
}

// One count for one definition: the home page, its chart's summary and
// the release page give the same "good or met" count, and each sentence
// names every status it counts.
func TestGoodOrMetIsOneCount(t *testing.T) {
	ms, rep := demo(t)
	want := rep.Counts.GoodOrMet
	for lang, m := range ms {
		h := m.Site.Home
		if h.Counts.OnTrack != want || h.Counts.Headline[0].N != want {
			t.Errorf("%s: the home page counts %d (headline %d) good or met; want %d", lang, h.Counts.OnTrack, h.Counts.Headline[0].N, want)
		}
		r := m.Releases[0]
		if r.Counts.OnTrack != want {
			t.Errorf("%s: the release page counts %d good or met; want %d", lang, r.Counts.OnTrack, want)
		}
		names := []string{"category_sangat_baik", "category_baik", "status_met", "status_met_so_far"}
		for _, sentence := range []string{h.Counts.Headline[0].Text, h.Overview.Summary, r.Summary} {
			for _, n := range names {
				label := label(t, lang, n)
				if !strings.Contains(sentence, label) {
					t.Errorf("%s: %q does not name %q", lang, sentence, label)
				}
			}
		}
		num := m.Site.Home.Counts.Headline[0].Num
		if !strings.Contains(h.Overview.Summary, num) || !strings.Contains(r.Summary, num) {
			t.Errorf("%s: the chart summary %q or the release summary %q lacks the count %s", lang, h.Overview.Summary, r.Summary, num)
		}
	}
}

func label(t *testing.T, lang, key string) string {
	t.Helper()
	words, err := sitedata.LoadWords("../..", "../../themes/kinerja", []string{"id", "en"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	return words[lang].T(key, nil)
}

// Counts add up to the total, on every page that shows them, and the
// not-due line says "not due", never "not reported".
func TestCountsAddUp(t *testing.T) {
	ms, _ := demo(t)
	for lang, m := range ms {
		check := func(where string, c display.Counts) {
			n := c.NotDue
			for _, it := range c.Items {
				n += it.N
			}
			if n != c.Total {
				t.Errorf("%s %s: the counts add up to %d of %d", lang, where, n, c.Total)
			}
			if c.NotDue > 0 && (c.NotDueAt == "" || strings.Contains(c.NotDueAt, label(t, lang, "headline_not_reported"))) {
				t.Errorf("%s %s: the not-due line %q", lang, where, c.NotDueAt)
			}
		}
		check("home", m.Site.Home.Counts)
		for _, a := range m.Agencies {
			check(a.Slug, a.Counts)
		}
		for _, s := range m.Sectors {
			check(s.Slug, s.Counts)
		}
	}
}

// No provisional mark without a figure: a period not reported has nothing
// to verify.
func TestNoProvisionalMarkWithoutAnActual(t *testing.T) {
	ms, _ := demo(t)
	for lang, m := range ms {
		for _, ind := range m.Indicators {
			for _, r := range ind.Rows {
				if r.Actual.Provisional() != "" && r.Actual.Text == "" {
					t.Errorf("%s %s %s: provisional without an actual", lang, ind.Slug, r.Key)
				}
			}
			if ind.Answer.Value.Provisional() != "" && ind.Answer.Value.Text == "" {
				t.Errorf("%s %s: the answer is provisional without a value", lang, ind.Slug)
			}
		}
	}
}

// A trend names what it compares: the previous due period of the row's
// own frequency ("dibanding Tahun 2025" for an annual indicator).
func TestTrendNamesWhatItCompares(t *testing.T) {
	ms, _ := demo(t)
	m := ms["id"]
	seen := map[string]bool{}
	for _, ind := range m.Indicators {
		if ind.List.Trend.Key == "" {
			continue
		}
		seen[ind.Freq] = true
		want := map[string]string{"quarterly": "dibanding Triwulan", "semiannual": "dibanding Semester", "annual": "dibanding Tahun"}[ind.Freq]
		if !strings.HasPrefix(ind.List.Trend.Vs, want) {
			t.Errorf("%s (%s): the trend says %q; want it to start %q", ind.Slug, ind.Freq, ind.List.Trend.Vs, want)
		}
	}
	for _, f := range []string{"quarterly", "annual"} {
		if !seen[f] {
			t.Errorf("the demo has no %s indicator with a trend: the test checks nothing for it", f)
		}
	}
}

// English pages: data text without an English column is marked as
// Indonesian; translated text is not.
func TestEnglishMarksUntranslatedText(t *testing.T) {
	ms, _ := demo(t)
	m := ms["en"]
	for _, ind := range m.Indicators {
		if ind.Name.Lang == "" && ind.Name.Text == ms["id"].Indicator(ind.Slug).Name.Text {
			t.Errorf("%s: the Indonesian name %q on the English page is not marked", ind.Slug, ind.Name.Text)
		}
	}
}

// TestAgencySummaryPlural: the English agency summary agrees in number
// with the count of indicators not counted ("1 was", "2 were").
func TestAgencySummaryPlural(t *testing.T) {
	models, _ := demo(t)
	m := models["en"]
	one, many := 0, 0
	for _, a := range m.Agencies {
		switch {
		case strings.Contains(a.Summary, "; 1 were"):
			t.Errorf("%s: %q", a.Slug, a.Summary)
		case strings.Contains(a.Summary, "; 1 was not counted"):
			one++
		case strings.Contains(a.Summary, "were not counted"):
			many++
		}
	}
	if one == 0 || many == 0 {
		t.Errorf("the demo's English summaries: %d with one indicator not counted, %d with more; want both kinds to check", one, many)
	}
}

// Rows that show the same status, trend or note (why a figure is missing,
// the provisional mark) share one record of it (lang.statusOf,
// lang.trendOf, lang.setNote): a city of 50,000 indicators has millions
// of rows, and copies of the same few words in each would be most of its
// display model.
func TestRowsShareTheirStatusesAndTrends(t *testing.T) {
	models, _ := demo(t)
	for lang, m := range models {
		statuses, trends := map[display.Status]*display.Status{}, map[display.Trend]*display.Trend{}
		notes := map[display.Note]*display.Note{}
		rows := 0
		for i := range m.Indicators {
			ind := &m.Indicators[i]
			for k := range ind.Rows {
				r := &ind.Rows[k]
				rows++
				if p, ok := statuses[*r.Status]; ok && p != r.Status {
					t.Fatalf("%s %s %s: the status %q is a copy of its own", lang, ind.Slug, r.Key, r.Status.Label)
				}
				statuses[*r.Status] = r.Status
				if p, ok := trends[*r.Trend]; ok && p != r.Trend {
					t.Fatalf("%s %s %s: the trend %q is a copy of its own", lang, ind.Slug, r.Key, r.Trend.Label)
				}
				trends[*r.Trend] = r.Trend
				for _, c := range []display.Cell{r.Target, r.Actual, r.YTD, r.Achievement} {
					if c.Note == nil {
						continue
					}
					if p, ok := notes[*c.Note]; ok && p != c.Note {
						t.Fatalf("%s %s %s: the note %+v is a copy of its own", lang, ind.Slug, r.Key, *c.Note)
					}
					notes[*c.Note] = c.Note
				}
			}
			for k := range ind.YearRows {
				y := &ind.YearRows[k]
				if p, ok := statuses[*y.Status]; ok && p != y.Status {
					t.Fatalf("%s %s %s: the year's status %q is a copy of its own", lang, ind.Slug, y.Key, y.Status.Label)
				}
				statuses[*y.Status] = y.Status
			}
		}
		if rows < 1000 || len(statuses) > 40 || len(trends) > 200 || len(notes) == 0 || len(notes) > 40 {
			t.Errorf("%s: %d rows share %d statuses, %d trends and %d notes", lang, rows, len(statuses), len(trends), len(notes))
		}
	}
}
