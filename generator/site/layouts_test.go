package site

// Template tests: the theme's layouts, run by Hugo's own test builder
// (hugolib.Test) on the display records of a small dataset with one
// indicator for each case a page must get right. Each test names the
// template and the record it checks, in milliseconds, without building
// the whole demo; cmd/kinerja keeps a few end-to-end builds.
//
// Keep the layouts thin (DESIGN.md, "One display model"): a fact that a
// test here would have to compute is a fact generator/display must carry.

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// repo is the repository root: the site the binary carries.
const repo = "../.."

// fixture is a small city: one indicator for each case.
//
//	visits     sum, positive, annual target only: progress before Q4
//	wait       average, negative, quarterly targets, provisional latest
//	range      last, negative, range target 7–8 (unemployment)
//	zero       sum, negative, annual target 0 (a ceiling of 0 cases)
//	annual     annual frequency: not due in Q3
//	ikm        last, IKM unit, not reported in the latest quarter
func fixture() *iku.Dataset {
	d := iku.MustDecimal
	dp := iku.DecimalPtr
	q := iku.MustQuarter
	ds := &iku.Dataset{
		Fictitious: true,
		Sectors: []iku.Sector{
			{Slug: "kesehatan", Code: "1.02", Name: "Kesehatan", NameEN: "Health"},
			{Slug: "pariwisata", Code: "3.26", Name: "Pariwisata"},
		},
		Agencies: []iku.Agency{
			{Slug: "dinkes", Code: "1.02.01", Name: "Dinas Kesehatan", ShortName: "Dinkes", Kind: "dinas", SectorSlug: "kesehatan", NameEN: "Health Office"},
			{Slug: "kec-datuk-bandar", Code: "7.01.01", Name: "Kecamatan Datuk Bandar", Kind: "kecamatan", SectorSlug: "pariwisata"},
		},
	}
	ind := func(slug, agency, sector, name, unit string, pol iku.Polarity, cons iku.Consolidation, freq iku.Frequency) {
		ds.Indicators = append(ds.Indicators, iku.Indicator{Slug: slug, Code: "K-" + slug, AgencySlug: agency, SectorSlug: sector,
			Name: name, Unit: unit, Polarity: pol, Consolidation: cons, Decimals: 1, Multiplier: d("1"), Frequency: freq,
			ValidFrom: q("2025-Q1"), Definition: "Definisi " + name, Formula: "Rumus", Source: "Sumber " + name})
	}
	ind("visits", "kec-datuk-bandar", "pariwisata", "Jumlah kunjungan wisatawan", "kunjungan", iku.Positive, iku.Sum, iku.Quarterly)
	ind("wait", "dinkes", "kesehatan", "Rata-rata waktu tunggu rawat jalan", "menit", iku.Negative, iku.Average, iku.Quarterly)
	ind("range", "dinkes", "kesehatan", "Tingkat pengangguran terbuka", "%", iku.Negative, iku.Last, iku.Quarterly)
	ind("zero", "dinkes", "kesehatan", "Jumlah kasus gizi buruk", "kasus", iku.Negative, iku.Sum, iku.Quarterly)
	ind("annual", "kec-datuk-bandar", "pariwisata", "Jumlah event pariwisata", "event", iku.Positive, iku.Sum, iku.Annual)
	ind("ikm", "dinkes", "kesehatan", "Indeks kepuasan masyarakat", "IKM", iku.Positive, iku.Last, iku.Quarterly)
	ds.Indicators[0].NameEN = "Number of tourist visits"
	ds.Indicators[0].UnitEN = "visits"
	for _, y := range []int{2025, 2026} {
		ds.Targets = append(ds.Targets,
			iku.Target{IndicatorSlug: "visits", Year: y, Value: d("1000")},
			iku.Target{IndicatorSlug: "range", Year: y, Value: d("7"), High: dp("8")},
			iku.Target{IndicatorSlug: "zero", Year: y, Value: d("0")},
			iku.Target{IndicatorSlug: "annual", Year: y, Value: d("12")},
			iku.Target{IndicatorSlug: "ikm", Year: y, Value: d("80")},
			iku.Target{IndicatorSlug: "wait", Year: y, Value: d("60")},
		)
		for qq := 1; qq <= 4; qq++ {
			ds.Targets = append(ds.Targets, iku.Target{IndicatorSlug: "wait", Year: y, Quarter: qq, Basis: iku.PerQuarter, Value: d("60")})
		}
	}
	res := func(slug, quarter string, actual *iku.Decimal, prov bool) {
		r := iku.Result{IndicatorSlug: slug, Quarter: q(quarter), Actual: actual, Provisional: prov}
		if slug == "wait" && actual != nil {
			r.Numerator = dp(actual.String())
			r.Denominator = dp("1")
		}
		ds.Results = append(ds.Results, r)
	}
	quarters := []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"}
	visits := []string{"200", "300", "250", "400", "250", "350", "450"}
	waits := []string{"65.0", "62.0", "58.0", "55.0", "57.0", "54.0", "52.5"}
	ranges := []string{"7.10", "6.90", "6.95", "6.86", "6.80", "6.70", "6.54"}
	for i, qq := range quarters {
		res("visits", qq, dp(visits[i]), false)
		res("wait", qq, dp(waits[i]), qq == "2026-Q3")
		res("range", qq, dp(ranges[i]), false)
		res("zero", qq, dp("0"), false)
		if qq != "2026-Q3" {
			res("ikm", qq, dp("82.50"), false)
		} else {
			res("ikm", qq, nil, false)
		}
	}
	res("annual", "2025-Q4", dp("14"), false)
	ds.Explanations = []iku.Explanation{{IndicatorSlug: "wait", Quarter: q("2026-Q3"), Supporting: "Antrean daring", FollowUp: "Tambah loket"}}

	// Three kecamatan offices report the same service (a comparison).
	for i, k := range []struct{ slug, name string }{{"kec-datuk-bandar", "Datuk Bandar"}, {"kec-teluk-nibung", "Teluk Nibung"}, {"kec-sei-tualang-raso", "Sei Tualang Raso"}} {
		if i > 0 {
			ds.Agencies = append(ds.Agencies, iku.Agency{Slug: k.slug, Code: fmt.Sprintf("7.01.0%d", i+1), Name: "Kecamatan " + k.name, Kind: "kecamatan", SectorSlug: "pariwisata"})
		}
		slug := k.slug + "-paten"
		ds.Indicators = append(ds.Indicators, iku.Indicator{Slug: slug, AgencySlug: k.slug, SectorSlug: "pariwisata",
			Name: "Persentase layanan PATEN Kecamatan " + k.name + " yang selesai tepat waktu", Unit: "%", Polarity: iku.Positive,
			Consolidation: iku.Last, Decimals: 2, Multiplier: d("1"), Frequency: iku.Quarterly, ValidFrom: q("2025-Q1")})
		for _, y := range []int{2025, 2026} {
			ds.Targets = append(ds.Targets, iku.Target{IndicatorSlug: slug, Year: y, Value: d("90")})
		}
		for j, qq := range quarters {
			res(slug, qq, dp(fmt.Sprintf("%d.50", 80+j+3*i)), false)
		}
	}

	// Service units: two puskesmas measured for "wait" and a small one
	// whose latest quarter rests on 12 patients (suppressed, with its
	// value 77.7 minutes, by unitFixture); a beach counted for "visits".
	ds.Units = []iku.ServiceUnit{
		{Slug: "pkm-a", Name: "Puskesmas Alpha", NameEN: "Alpha Health Centre", Kind: "puskesmas", AgencySlug: "dinkes", KecamatanSlug: "kec-datuk-bandar"},
		{Slug: "pkm-b", Name: "Puskesmas Beta", Kind: "puskesmas", AgencySlug: "dinkes", KecamatanSlug: "kec-teluk-nibung"},
		{Slug: "pkm-kecil", Name: "Puskesmas Pembantu Kecil", Kind: "puskesmas", AgencySlug: "dinkes", KecamatanSlug: "kec-teluk-nibung"},
		{Slug: "pantai", Name: "Pantai Indah", Kind: "destinasi", AgencySlug: "kec-datuk-bandar", KecamatanSlug: "kec-datuk-bandar"},
	}
	for i, qq := range quarters {
		for _, u := range []struct{ slug, mean, n string }{{"pkm-a", "50.0", "120"}, {"pkm-b", "56.0", "200"}, {"pkm-kecil", "60.0", "40"}} {
			mean, n := u.mean, u.n
			if u.slug == "pkm-kecil" && qq == "2026-Q3" {
				mean, n = "77.7", "12"
			}
			num := iku.MustDecimal(mean).Rat()
			num.Mul(num, iku.MustDecimal(n).Rat())
			ds.UnitResults = append(ds.UnitResults, iku.UnitResult{IndicatorSlug: "wait", UnitSlug: u.slug, Quarter: q(qq),
				Actual: dp(mean), Numerator: dp(iku.RatDecimal(num, 1).String()), Denominator: dp(n), Count: dp(n)})
		}
		ds.UnitResults = append(ds.UnitResults, iku.UnitResult{IndicatorSlug: "visits", UnitSlug: "pantai", Quarter: q(qq),
			Actual: dp(visits[i]), Count: dp(visits[i])})
	}

	// Civil servants' ratings, as published (a suppressed cell is nil).
	n := func(v int) *int { return &v }
	for _, a := range []struct {
		slug   string
		counts [5]*int
		rated  int
	}{
		{"dinkes", [5]*int{n(40), n(120), nil, nil, n(0)}, 170},
		{"", [5]*int{n(40), n(120), nil, nil, n(0)}, 170},
	} {
		for j, p := range iku.SKPPredicates {
			ds.Ratings = append(ds.Ratings, iku.RatingCount{AgencySlug: a.slug, Year: 2025, Predicate: p, Count: a.counts[j], Rated: a.rated})
		}
	}
	return ds
}

var (
	siteOnce  sync.Once
	siteFiles string
	siteErr   error
)

// themeFiles is the repository's site (hugo.toml, content, data, the
// theme) as txtar, read once.
func themeFiles(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		var b strings.Builder
		add := func(name string, body []byte) {
			fmt.Fprintf(&b, "-- %s --\n%s\n", name, body)
		}
		err := filepath.WalkDir(repo, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				switch {
				case rel == ".":
					return nil
				case rel == "content" || rel == "data" || rel == "themes" || strings.HasPrefix(rel, "content/") ||
					strings.HasPrefix(rel, "data/") || strings.HasPrefix(rel, "themes/"):
					return nil
				}
				return filepath.SkipDir
			}
			if rel == "hugo.toml" || strings.Contains(rel, "/") {
				body, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if rel == "hugo.toml" {
					// Tests run without a server: links are root-relative.
					body = []byte(strings.Replace(string(body), `baseURL = "https://kinerja.tanjungbalaikota.go.id/"`, `baseURL = "https://example.org/"`, 1))
				}
				add(rel, body)
			}
			return nil
		})
		siteFiles, siteErr = b.String(), err
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteFiles
}

// records builds the display models of ds in the site's languages and
// returns the files Hugo reads them from, as txtar.
func records(t *testing.T, ds *iku.Dataset, findings ...iku.Finding) (string, []*display.Model) {
	t.Helper()
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words, err := sitedata.LoadWords(repo, filepath.Join(repo, "themes", Theme), []string{"id", "en"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := sitedata.LoadCalendar(repo)
	if err != nil {
		t.Fatal(err)
	}
	in := display.Input{Report: rep, Dataset: ds, K: 10, Calendar: cal, Address: "https://example.org/",
		Releases: []display.ReleaseIn{{Key: "2026-q3", Quarter: rep.Latest, Version: 1, Published: "2026-10-30", Current: true, Report: rep}},
		Files:    map[string][]display.FileIn{"iku/wait": {{Format: "csv", Path: "data/iku/wait.csv", Bytes: 2048}}},
		// What a revision of the release changed: a range target, an
		// actual, an indicator's definition and polarity.
		Revisions: []display.RevisionIn{
			{Indicator: "range", Field: "target", Quarter: iku.Quarter{Year: 2026}, OldTarget: &iku.Target{IndicatorSlug: "range", Year: 2026,
				Value: iku.MustDecimal("6.5"), High: iku.DecimalPtr("9")}, NewTarget: &iku.Target{IndicatorSlug: "range", Year: 2026,
				Value: iku.MustDecimal("7"), High: iku.DecimalPtr("8")}, From: "2026-Q2 v1", In: "2026-Q3 v1", InKey: "2026-q3"},
			{Indicator: "ikm", Field: "actual", Quarter: iku.MustQuarter("2026-Q1"), Old: iku.DecimalPtr("81.5"), New: iku.DecimalPtr("80.5"),
				From: "2026-Q2 v1", In: "2026-Q3 v1", InKey: "2026-q3", Reason: "Survei diulang"},
			{Indicator: "visits", Field: "definition", OldText: "Kunjungan ke objek wisata", NewText: "Definisi Jumlah kunjungan wisatawan",
				From: "2026-Q2 v1", In: "2026-Q3 v1", InKey: "2026-q3"},
			{Indicator: "wait", Field: "polarity", OldText: "positive", NewText: "negative", From: "2026-Q2 v1", In: "2026-Q3 v1", InKey: "2026-q3"},
		}}
	var models []*display.Model
	for i, lang := range []string{"id", "en"} {
		prefix := ""
		if i > 0 {
			prefix = lang + "/"
		}
		m, err := display.Build(in, display.Lang{Code: lang, Prefix: prefix, Words: words[lang], Default: i == 0, Fallback: "id", City: "Kota Tanjungbalai"})
		if err != nil {
			t.Fatal(err)
		}
		if findings != nil {
			m.SetCheck(rep.Latest, findings)
		}
		models = append(models, m)
	}
	files, err := sitedata.PageFiles(sitedata.Pages{Models: models})
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "-- %s --\n%s\n", n, files[n])
	}
	return b.String(), models
}

// unitFixture is the fixture after the privacy stage: the small
// puskesmas's latest quarter (and, so that it cannot be recovered from the
// agency's total, the next smallest unit's) is suppressed.
func unitFixture(t *testing.T) *iku.Dataset {
	ds := fixture()
	if err := disclosure.SuppressUnits(ds, 30); err != nil {
		t.Fatal(err)
	}
	return ds
}

// build runs Hugo on the site with the records of ds.
func build(t *testing.T, ds *iku.Dataset) *hugolib.IntegrationTestBuilder {
	t.Helper()
	data, _ := records(t, ds)
	return hugolib.Test(t, themeFiles(t)+data)
}

func TestIndicatorPage(t *testing.T) {
	b := build(t, fixture())
	// iku/page.html, record "visits": rated by progress toward the annual
	// target, so the headline pairs the year to date with that target.
	b.AssertFileContent("public/iku/visits/index.html",
		`<h1>Jumlah kunjungan wisatawan</h1>`,
		"Triwulan III 2026: <span class=\"v\">1.050\u00a0kunjungan</span> <span class=\"hint\">(kumulatif)</span>",
		"target <span class=\"v\">1.000\u00a0kunjungan</span>",
		`Tercapai`,
	)
	// record "range": unemployment falling inside and below its range is
	// an improvement (the trend follows the achievement).
	b.AssertFileContent("public/iku/range/index.html", `tr-improving`)
	// record "wait": the provisional mark only where there is an actual.
	b.AssertFileContent("public/iku/wait/index.html", `Sementara`, `Antrean daring`, `data/iku/wait.csv`)
	// record "annual": not due in the site's quarter.
	b.AssertFileContent("public/iku/annual/index.html", `Kondisi terbaru: Tahun 2025`, `data berikutnya: Triwulan IV 2026`)
	// English: the translated name; an untranslated one marked Indonesian.
	b.AssertFileContent("public/en/iku/visits/index.html", `<h1>Number of tourist visits</h1>`)
	b.AssertFileContent("public/en/iku/wait/index.html", `<h1><span lang="id">Rata-rata waktu tunggu rawat jalan</span></h1>`)
}

func TestHomeCountsOneDefinition(t *testing.T) {
	b := build(t, fixture())
	// home.html: the headline's first count names every status it counts.
	b.AssertFileContent("public/index.html", `Sangat Baik, Baik, Tercapai atau Tercapai sejauh ini`)
	b.AssertFileContent("public/index.html", `tidak dijadwalkan triwulan ini`)
}

var (
	fixOnce   sync.Once
	fixFiles  string
	fixModels []*display.Model
)

// fixtureSite builds the fixture's site once for the tests that only
// read it.
func fixtureSite(t *testing.T) (*hugolib.IntegrationTestBuilder, map[string]*display.Model) {
	t.Helper()
	fixOnce.Do(func() { fixFiles, fixModels = records(t, fixture()) })
	b := hugolib.Test(t, themeFiles(t)+fixFiles)
	ms := map[string]*display.Model{}
	for _, m := range fixModels {
		ms[m.Lang] = m
	}
	return b, ms
}

// page is a page's file in the built site of language lang.
func page(lang, path string) string {
	if lang != "id" {
		path = lang + "/" + path
	}
	return "public/" + path + "index.html"
}

// esc writes record text as a page holds it: escaped by html/template.
func esc(texts ...string) []string {
	out := make([]string, len(texts))
	for i, s := range texts {
		out[i] = html.EscapeString(s)
	}
	return out
}

// Every page template, in both languages, prints its record: each test
// names the template, the page and the record's values it must show.
func TestEveryTemplatePrintsItsRecord(t *testing.T) {
	b, ms := fixtureSite(t)
	for lang, m := range ms {
		t.Run(lang, func(t *testing.T) {
			s := m.Site
			h := s.Home
			// home.html: the headline by its one definition, the counts
			// with their not-due line, the table beside the chart.
			b.AssertFileContent(page(lang, ""), esc(h.Title, h.Intro, h.Counts.Headline[0].Num, h.Counts.Headline[0].Text,
				h.Counts.NotDueAt, h.OverviewTable.Caption, h.Kecamatan[0].Text.Text, h.Overview.Heading)...)
			// iku/page.html, iku/section.html, embed/page.html: every
			// indicator.
			var names []string
			for _, ind := range m.Indicators {
				want := esc(ind.Title, ind.Table.Caption, ind.Latest.Heading)
				for _, r := range ind.Rows {
					want = append(want, `data-sort-value="`+r.Key+`">`+html.EscapeString(r.Period)+`</th>`)
				}
				for _, kv := range ind.KeyData {
					want = append(want, esc(kv.Label)...)
				}
				// The "revised" marks of actuals, targets and fields
				// (rows/period.html, rows/year.html, kv.html, keydata.html,
				// the definitions).
				marks := append([]display.Mark(nil), ind.Answer.TargetRevised...)
				for _, r := range ind.Rows {
					marks = append(append(marks, r.Revised...), r.TargetRevised...)
				}
				if ind.Years != nil {
					for _, y := range ind.Years.Rows {
						marks = append(marks, y.TargetRevised...)
					}
				}
				for _, kvs := range [][]display.KV{ind.KeyData, ind.Defs, ind.Latest.Items} {
					for _, kv := range kvs {
						marks = append(marks, kv.Revised...)
					}
				}
				if n := map[string]int{"range": 6, "ikm": 1, "visits": 1, "wait": 1}[ind.Slug]; len(marks) < n {
					t.Errorf("%s: /iku/%s/ has %d revised marks; want at least %d", lang, ind.Slug, len(marks), n)
				}
				// Each mark as often as the records have it.
				times := map[string]int{}
				for _, mk := range marks {
					times[`href="/`+mk.URL+`">`+html.EscapeString(mk.Label)+`<span class="visually-hidden">: `+html.EscapeString(mk.Title)+`</span></a>`]++
				}
				content := b.FileContent(page(lang, "iku/"+ind.Slug+"/"))
				for mk, n := range times {
					if got := strings.Count(content, mk); got != n {
						t.Errorf("%s: /iku/%s/ prints %d times the mark %s; its record has it %d times", lang, ind.Slug, got, mk, n)
					}
				}
				if ind.Answer.Period != "" {
					want = append(want, esc(ind.Answer.Period+": ", ind.Answer.Status.Label)...)
				}
				b.AssertFileContent(page(lang, "iku/"+ind.Slug+"/"), want...)
				b.AssertFileContent(page(lang, "embed/iku/"+ind.Slug+"/"), esc(ind.Title, ind.Summary)...)
				names = append(names, esc(ind.Title)...)
			}
			b.AssertFileContent(page(lang, "iku/"), append(names, esc(s.AllTable.Caption)...)...)
			b.AssertFileContent(page(lang, "cari/"), names...)
			// opd/page.html and opd/section.html: every agency.
			var agencies []string
			for _, a := range m.Agencies {
				want := esc(a.Title, a.Score.Heading, a.Table.Caption, a.Scores.Caption, a.Lead)
				if a.Score.Value.Text != "" {
					want = append(want, esc(a.Score.Value.Shown())...)
				} else {
					want = append(want, esc(a.Score.Value.Missing())...)
				}
				for _, c := range a.Comparisons {
					want = append(want, esc(c.Rank)...)
				}
				if a.Ratings != nil {
					want = append(want, esc(a.Ratings.Heading, a.Ratings.Table.Caption)...)
				}
				b.AssertFileContent(page(lang, "opd/"+a.Slug+"/"), want...)
				agencies = append(agencies, esc(a.Title)...)
			}
			b.AssertFileContent(page(lang, "opd/"), append(agencies, esc(s.AgencyTable.Caption)...)...)
			// sektor/page.html and sektor/section.html.
			for _, sec := range m.Sectors {
				b.AssertFileContent(page(lang, "sektor/"+sec.Slug+"/"), esc(sec.Title, sec.Lead, sec.Table.Caption)...)
			}
			b.AssertFileContent(page(lang, "sektor/"), esc(h.OverviewTable.Caption)...)
			// banding/page.html: the ranking in its order.
			if len(m.Comparisons) == 0 {
				t.Fatal("the fixture makes no comparison: banding/page.html is not tested")
			}
			for _, c := range m.Comparisons {
				want := esc(c.Title, c.Answer, c.Table.Caption)
				for _, r := range c.Rows {
					want = append(want, esc(r.Agency.Text.Text)...)
				}
				b.AssertFileContent(page(lang, "banding/"+c.Slug+"/"), want...)
			}
			// rilis/page.html (rows/revision.html), rilis/section.html,
			// rilis/section.atom.xml.
			for _, r := range m.Releases {
				want := esc(r.Title, r.Lead, r.Summary, r.Versions[0].Heading)
				if len(r.Revisions) != 4 {
					t.Fatalf("the fixture's release has %d revisions; want 4", len(r.Revisions))
				}
				for _, rv := range r.Revisions {
					want = append(want, `id="`+rv.Anchor+`"`)
					want = append(want, esc(rv.What, rv.Period, rv.FromIn, rv.Reason)...)
					if rv.Old != nil {
						want = append(want, esc(rv.Old.Shown(), rv.New.Shown())...)
					} else {
						want = append(want, esc(rv.OldText.Text, rv.NewText.Text)...)
					}
				}
				b.AssertFileContent(page(lang, "rilis/"+r.Key+"/"), want...)
				b.AssertFileContent(page(lang, "rilis/"), esc(r.Period)...)
				b.AssertFileContent(strings.TrimSuffix(page(lang, "rilis/"), "index.html")+"feed.xml", esc(r.FeedTitle, r.FeedSummary)...)
			}
			// data/section.html.
			b.AssertFileContent(page(lang, "data/"), esc(s.Data.Lead)...)
			// asn.html: each year's table.
			if s.Asn == nil || len(s.Asn.Years) == 0 {
				t.Fatal("the fixture has no ratings: asn.html is not tested")
			}
			for _, y := range s.Asn.Years {
				b.AssertFileContent(page(lang, "asn/"), esc(y.Table.Caption, s.Asn.Footnote)...)
			}
			// page.html with the methodology's shortcodes: the category
			// table and the status legend from the same records.
			var method []string
			for _, c := range s.Categories {
				method = append(method, esc(c.Range, c.Status.Label)...)
			}
			for _, l := range s.Legend {
				method = append(method, esc(l.Help)...)
			}
			b.AssertFileContent(page(lang, "metodologi/"), append(method, esc(s.ScoreCap)...)...)
			// sitemap.xml: every indicator page, whichever Hugo run made it.
			sitemap := "public/sitemap.xml"
			if lang != "id" {
				sitemap = "public/" + lang + "/sitemap.xml"
			}
			var urls []string
			for _, ind := range m.Indicators {
				urls = append(urls, "<loc>https://example.org/"+ind.URL+"</loc>")
			}
			if lang == "id" {
				sitemap = "public/id/sitemap.xml"
			}
			b.AssertFileContent(sitemap, urls...)
		})
	}
	// 404.html.
	b.AssertFileContent("public/404.html", "Halaman tidak ditemukan")
}

// pemeriksaan/page.html: the preview's data check, each finding a
// sentence in the page's language; never in a published build.
func TestCheckPage(t *testing.T) {
	findings := []iku.Finding{{Code: iku.CodeNoActual, Severity: iku.Blocking, Agency: "dinkes", Indicator: "ikm", Quarter: iku.MustQuarter("2026-Q3")}}
	data, models := records(t, fixture(), findings...)
	b := hugolib.Test(t, strings.Replace(themeFiles(t), "[params]\n", "[params]\npreview = true\n", 1)+data)
	for _, m := range models {
		c := m.Check
		b.AssertFileContent(page(m.Lang, "pemeriksaan/"), esc(c.Lead, c.Summary, c.Agencies[0].Caption, c.Agencies[0].Findings[0].Text)...)
	}
	b = build(t, fixture())
	b.AssertFileExists("public/pemeriksaan/index.html", false)
}

// rilis/page.html: a note the office wrote ahead, for a quarter with no
// release yet, shows the coming release with its planned day.
func TestEarlyNote(t *testing.T) {
	data, models := records(t, fixture())
	b := hugolib.Test(t, themeFiles(t)+data+"-- content/rilis/2026-q4.md --\n---\ntitle: Catatan\n---\nCatatan rilis berikutnya.\n")
	coming := models[0].Site.Coming["2026-q4"]
	if coming.Title == "" {
		t.Fatal("the calendar has no 2026-Q4 release: the test checks nothing")
	}
	b.AssertFileContent("public/rilis/2026-q4/index.html", append(esc(coming.Title, coming.Lead), "Catatan rilis berikutnya.")...)
}

// _partials/head.html: every page names the releases' Atom feed of its
// language, so that a feed reader finds it from any page.
func TestEveryPageLinksTheFeed(t *testing.T) {
	b, _ := fixtureSite(t)
	for _, p := range []string{"index.html", "iku/visits/index.html", "opd/dinkes/index.html", "rilis/index.html", "rilis/2026-q3/index.html", "metodologi/index.html"} {
		b.AssertFileContent("public/"+p, `<link rel="alternate" type="application/atom+xml" href="https://example.org/rilis/feed.xml" title="Rilis `)
		b.AssertFileContent("public/en/"+p, `<link rel="alternate" type="application/atom+xml" href="https://example.org/en/rilis/feed.xml" title="Releases `)
	}
}

// rilis/page.html, record Release.Share: the release page links its two
// cards and offers the suggested post text, in the page's language, and
// shows the headline counts the cards show; its link preview is its
// 1200×630 card when the build draws previews.
func TestReleaseShare(t *testing.T) {
	b, ms := fixtureSite(t)
	for _, tc := range []struct {
		lang, prefix, file string
		words              []string
	}{
		{"id", "/", "kartu-rilis", []string{"Bagikan rilis ini", "Kartu Instagram, 1080 × 1350 piksel (PNG)", "Teks unggahan yang disarankan",
			"Data contoh — bukan data resmi.", "Selengkapnya: https://example.org/rilis/2026-q3/"}},
		{"en", "/en/", "release-card", []string{"Share this release", "Instagram card, 1080 × 1350 pixels (PNG)", "Suggested post text",
			"Sample data — not official data.", "More: https://example.org/en/rilis/2026-q3/"}},
	} {
		r := ms[tc.lang].Releases[0]
		sh := r.Share
		if len(sh.Cards) != 2 || len(sh.Movers) == 0 || len(r.Counts.Headline) < 3 {
			t.Fatalf("%s: the release's share record has %d cards, %d movers, %d headline counts", tc.lang, len(sh.Cards), len(sh.Movers), len(r.Counts.Headline))
		}
		want := []string{
			`<a href="` + tc.prefix + `rilis/2026-q3/kartu-1080x1350.png" download="` + tc.file + `-2026-q3-1080x1350.png">`,
			`<a href="` + tc.prefix + `rilis/2026-q3/kartu-1200x630.png" download="` + tc.file + `-2026-q3-1200x630.png">`,
			`<label class="share-label" for="share-post">`,
		}
		// The post's lines, in the text area as html/template escapes them.
		lines := strings.Split(sh.Post, "\n")
		for i, l := range lines {
			lines[i] = strings.ReplaceAll(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(l), "+", "&#43;")
		}
		lines[0] = `<textarea id="share-post" class="share-post" rows="8" readonly>` + lines[0]
		lines[len(lines)-1] += `</textarea>`
		want = append(want, lines...)
		for _, h := range r.Counts.Headline {
			want = append(want, `<li class="hl-`+h.Key+`"><strong class="cn">`+h.Num+`</strong> `+html.EscapeString(h.Text)+`</li>`)
		}
		want = append(want, esc(append(tc.words, sh.Intro, sh.Movers[0].Name)...)...)
		b.AssertFileContent(page(tc.lang, "rilis/2026-q3/"), want...)
		for _, w := range tc.words[3:] {
			if !strings.Contains(sh.Post, w) {
				t.Errorf("%s: the post text %q has no %q", tc.lang, sh.Post, w)
			}
		}
		// Previews are drawn only by kinerja build (params.previews).
		b.AssertFileContent(page(tc.lang, "rilis/2026-q3/"), `! og:image"`)
	}
	data, _ := records(t, fixture())
	files := strings.Replace(themeFiles(t), "[params]\n", "[params]\npreviews = true\n", 1)
	if files == themeFiles(t) {
		t.Fatal("hugo.toml has no [params] table to set previews in")
	}
	pb := hugolib.Test(t, files+data)
	pb.AssertFileContent("public/rilis/2026-q3/index.html", `<meta property="og:image" content="https://example.org/rilis/2026-q3/kartu-1200x630.png">`)
	pb.AssertFileContent("public/en/rilis/2026-q3/index.html", `<meta property="og:image" content="https://example.org/en/rilis/2026-q3/kartu-1200x630.png">`)
	pb.AssertFileContent("public/iku/visits/index.html", `<meta property="og:image" content="https://example.org/iku/visits/og.png">`)
}

// TestSearchStatusTexts: cari/section.html gives search.js the status
// line's sentences as they are in i18n, in attributes that html/template
// does not take for script. (It did: data-one, read as the event handler
// "one", came out as a JavaScript string, so that one result read
// `"1 hasil untuk “x”."`, quotes and all.)
func TestSearchStatusTexts(t *testing.T) {
	fixOnce.Do(func() { fixFiles, fixModels = records(t, fixture()) })
	b := hugolib.Test(t, themeFiles(t)+fixFiles+"-- config/_default/params.toml --\nsearch = true\n")
	for lang, want := range map[string][]string{
		"id": {`data-single="{n} hasil untuk “{q}”."`, `data-other="{n} hasil untuk “{q}”."`, `data-loading="Mencari…"`},
		"en": {`data-single="{n} result for “{q}”."`, `data-other="{n} results for “{q}”."`, `data-loading="Searching…"`},
	} {
		b.AssertFileContent(page(lang, "cari/"), want...)
	}
}
