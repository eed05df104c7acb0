package display_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// revised is the demo in language code, published as 2026-Q3 v1 and
// revised as v2, which lowered DLH's 2026 target for active waste banks
// from 40 to 15, changed the unit and polarity of one indicator, and
// corrected an actual.
func revised(t *testing.T, code string) *display.Model {
	t.Helper()
	ds, err := bundle.Demo().Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words, err := sitedata.LoadWords("../..", "../../themes/kinerja", []string{"id", "en"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	target := func(v string) *iku.Target {
		return &iku.Target{IndicatorSlug: "dlh-bank-sampah-aktif", Year: 2026, Value: iku.MustDecimal(v)}
	}
	rv := func(r display.RevisionIn) display.RevisionIn {
		r.From, r.In, r.InKey, r.Reason = "2026-Q3 v1", "2026-Q3 v2", "2026-q3", "Target disesuaikan"
		return r
	}
	in := display.Input{Report: rep, Dataset: ds, K: 10,
		Releases: []display.ReleaseIn{
			{Key: "2026-q3", Quarter: rep.Latest, Version: 1, Published: "2026-10-30"},
			{Key: "2026-q3", Quarter: rep.Latest, Version: 2, Published: "2026-11-02", Current: true, Report: rep},
		},
		Revisions: []display.RevisionIn{
			rv(display.RevisionIn{Indicator: "dlh-bank-sampah-aktif", Field: "actual", Quarter: iku.MustQuarter("2026-Q1"), Old: iku.DecimalPtr("16"), New: iku.DecimalPtr("17")}),
			rv(display.RevisionIn{Indicator: "dlh-bank-sampah-aktif", Field: "target", Quarter: iku.Quarter{Year: 2026}, OldTarget: target("40"), NewTarget: target("15")}),
			rv(display.RevisionIn{Indicator: "dlh-bank-sampah-aktif", Field: "unit", OldText: "bank", NewText: "unit"}),
			rv(display.RevisionIn{Indicator: "dlh-bank-sampah-aktif", Field: "polarity", OldText: "negative", NewText: "positive"}),
		}}
	l := display.Lang{Code: "id", Words: words["id"], Default: true, Fallback: "id"}
	if code == "en" {
		l = display.Lang{Code: "en", Prefix: "en/", Words: words["en"], Fallback: "id"}
	}
	m, err := display.Build(in, l)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTargetRevision: a lowered target is listed on the release page
// with its old and new value, written as the page writes targets, and
// marked next to the target on the indicator page, as a corrected actual
// is; so are a changed unit and polarity.
func TestTargetRevision(t *testing.T) {
	for _, c := range []struct {
		lang                   string
		rows                   []string
		title                  string
		target, unit, polarity string // labels of the lines that are marked
		frequency              string // and of one that is not
	}{
		{"id", []string{
			"Realisasi|Triwulan I 2026|16 unit|17 unit",
			"Target|Tahun 2026|40 unit|15 unit",
			"Satuan|semua periode|bank|unit",
			"Arah kinerja (polaritas)|semua periode|Semakin rendah semakin baik.|Semakin tinggi semakin baik.",
		}, "Direvisi dalam rilis 2026-Q3 v2: semula 40 unit", "Target", "Satuan", "Arah", "Frekuensi"},
		{"en", []string{
			"Actual|Q1 2026|16 units|17 units",
			"Target|Year 2026|40 units|15 units",
			"Unit|all periods|bank|unit",
			"Direction (polarity)|all periods|Lower is better.|Higher is better.",
		}, "Revised in release 2026-Q3 v2: was 40 units", "Target", "Unit", "Direction", "Frequency"},
	} {
		m := revised(t, c.lang)
		var r *display.Release
		for i := range m.Releases {
			if m.Releases[i].Key == "2026-q3" {
				r = &m.Releases[i]
			}
		}
		if r == nil {
			t.Fatalf("%s: no release 2026-q3", c.lang)
		}
		var got []string
		for _, row := range r.Revisions {
			var old, new string
			if row.Old != nil {
				old, new = row.Old.Shown(), row.New.Shown()
			} else {
				old, new = row.OldText.Text, row.NewText.Text
			}
			got = append(got, strings.ReplaceAll(strings.Join([]string{row.What, row.Period, old, new}, "|"), "\u00a0", " "))
			if !strings.HasPrefix(row.Anchor, "revisi-dlh-bank-sampah-aktif-") {
				t.Errorf("%s: revision anchor %q", c.lang, row.Anchor)
			}
		}
		for _, want := range c.rows {
			if !strings.Contains(strings.Join(got, "\n"), want) {
				t.Errorf("%s: the release page's revisions lack %q; they are:\n%s", c.lang, want, strings.Join(got, "\n"))
			}
		}

		ind := m.Indicator("dlh-bank-sampah-aktif")
		marked := 0
		for _, row := range ind.Rows {
			for _, mk := range row.TargetRevised {
				marked++
				if strings.ReplaceAll(mk.Title, "\u00a0", " ") != c.title || !strings.HasSuffix(mk.URL, "rilis/2026-q3/#revisi-dlh-bank-sampah-aktif-target-2026") {
					t.Errorf("%s: the target's mark in %s is %q → %s; want %q", c.lang, row.Period, mk.Title, mk.URL, c.title)
				}
			}
			if strings.HasPrefix(row.Key, "2026") != (len(row.TargetRevised) > 0) {
				t.Errorf("%s: the target of %s has %d revised marks", c.lang, row.Period, len(row.TargetRevised))
			}
		}
		if marked == 0 {
			t.Errorf("%s: no row of /iku/dlh-bank-sampah-aktif/ marks its revised target", c.lang)
		}
		kvMarked := func(items []display.KV, label string) bool {
			for _, kv := range items {
				if strings.HasPrefix(kv.Label, label) && len(kv.Revised) > 0 {
					return true
				}
			}
			return false
		}
		if len(ind.Answer.TargetRevised) == 0 {
			t.Errorf("%s: the answer's target is not marked revised", c.lang)
		}
		if !kvMarked(ind.Latest.Items, c.target) {
			t.Errorf("%s: the latest period's target is not marked revised", c.lang)
		}
		if !kvMarked(ind.KeyData, c.unit) || !kvMarked(ind.KeyData, c.polarity) {
			t.Errorf("%s: the key data do not mark the revised unit and polarity", c.lang)
		}
		if kvMarked(ind.KeyData, c.frequency) {
			t.Errorf("%s: the frequency, not revised, is marked revised", c.lang)
		}
		if other := m.Indicator("dlh-iklh"); len(other.Rows) > 0 && len(other.Rows[len(other.Rows)-1].TargetRevised) > 0 {
			t.Errorf("%s: another indicator's target is marked revised", c.lang)
		}
	}
}

// TestMoverWithRevisedTarget: a biggest improvement whose target the
// release revised says so, on the release page and the home page; the
// others do not.
func TestMoverWithRevisedTarget(t *testing.T) {
	ds, err := bundle.Demo().Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Improvements) < 2 {
		t.Fatal("the demo has fewer than 2 improvements")
	}
	slug := rep.Improvements[0].IndicatorSlug
	words, err := sitedata.LoadWords("../..", "../../themes/kinerja", []string{"id", "en"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	in := display.Input{Report: rep, Dataset: ds, K: 10,
		Releases: []display.ReleaseIn{{Key: "2026-q3", Quarter: rep.Latest, Version: 2, Published: "2026-11-02", Current: true, Report: rep}},
		Revisions: []display.RevisionIn{{Indicator: slug, Field: "target", Quarter: iku.Quarter{Year: 2026},
			OldTarget: &iku.Target{IndicatorSlug: slug, Year: 2026, Value: iku.MustDecimal("90")}, NewTarget: &iku.Target{IndicatorSlug: slug, Year: 2026, Value: iku.MustDecimal("50")},
			From: "2026-Q3 v1", In: "2026-Q3 v2", InKey: "2026-q3"}}}
	m, err := display.Build(in, display.Lang{Code: "id", Words: words["id"], Default: true, Fallback: "id"})
	if err != nil {
		t.Fatal(err)
	}
	for where, list := range map[string][]display.Mover{"the release page": m.Releases[0].Improved, "the home page": m.Site.Home.Improved} {
		if len(list) < 2 {
			t.Fatalf("%s lists %d improvements", where, len(list))
		}
		if got := list[0].Revised; len(got) != 1 || got[0].Label != "target direvisi" || !strings.HasPrefix(got[0].Title, "Target Tahun 2026 direvisi dalam rilis 2026-Q3 v2: semula 90") {
			t.Errorf("%s: the improvement of %s (listed: %s), whose target was revised, is marked %+v", where, slug, list[0].Indicator.URL, got)
		}
		for _, mv := range list[1:] {
			if len(mv.Revised) > 0 {
				t.Errorf("%s: %s is marked target revised", where, mv.Indicator.URL)
			}
		}
	}
}
