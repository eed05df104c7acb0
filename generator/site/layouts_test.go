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
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

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
func records(t *testing.T, ds *iku.Dataset) (string, []*display.Model) {
	t.Helper()
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words, err := sitedata.LoadWords(repo, filepath.Join(repo, "themes", Theme), []string{"id", "en"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	in := display.Input{Report: rep, Dataset: ds, K: 10,
		Releases: []display.ReleaseIn{{Key: "2026-q3", Quarter: rep.Latest, Version: 1, Published: "2026-10-30", Current: true, Report: rep}},
		Files:    map[string][]display.FileIn{"iku/wait": {{Format: "csv", Path: "data/iku/wait.csv", Bytes: 2048}}}}
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
