package site

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// crumbAndH1 returns a page's last breadcrumb (the page itself) and its
// h1, as text.
func crumbAndH1(t *testing.T, html string) (crumb, h1 string) {
	t.Helper()
	tags := regexp.MustCompile(`<[^>]+>`)
	if m := regexp.MustCompile(`(?s)<span aria-current="page">(.*?)</span>`).FindStringSubmatch(html); m != nil {
		crumb = strings.TrimSpace(tags.ReplaceAllString(m[1], ""))
	}
	if m := regexp.MustCompile(`(?s)<h1>(.*?)</h1>`).FindStringSubmatch(html); m != nil {
		h1 = strings.TrimSpace(tags.ReplaceAllString(m[1], ""))
	}
	return crumb, h1
}

// _partials/breadcrumbs.html with asn.html and rilis/page.html: the
// breadcrumb names the page as its h1 does, in both languages: /asn/ (its
// English title once differed from its h1), and a release whose page the
// office wrote (content/rilis/2026-q3.md, with or without a title of its
// own): the quarter's name from the display model ("Rilis Triwulan III
// 2026", "Release Q3 2026"), never the file's "2026-Q3".
func TestBreadcrumbNamesThePageAsItsHeading(t *testing.T) {
	data, models := records(t, fixture())
	for _, note := range []string{
		"Catatan kantor untuk triwulan ini.\n",
		"---\ntitle: 2026-Q3\n---\nCatatan kantor untuk triwulan ini.\n",
	} {
		files := themeFiles(t) + data + "-- content/rilis/2026-q3.md --\n" + note + "-- content/rilis/2026-q3.en.md --\n" + note
		b := hugolib.Test(t, files)
		for _, m := range models {
			rel := m.Releases[0]
			for _, p := range []string{"asn/", "rilis/2026-q3/"} {
				crumb, h1 := crumbAndH1(t, b.FileContent(page(m.Lang, p)))
				if crumb == "" || crumb != h1 {
					t.Errorf("%s %s (note %q): breadcrumb %q, h1 %q; want the same non-empty name", m.Lang, p, note, crumb, h1)
				}
				if p == "rilis/2026-q3/" && crumb != rel.Title {
					t.Errorf("%s %s (note %q): breadcrumb %q; want the release's title %q", m.Lang, p, note, crumb, rel.Title)
				}
			}
		}
	}
}

// home.html, cari/section.html and iku/section.html: the home page counts
// the indicators in force in the quarter and says so; the A–Z list counts
// every indicator and, when some are not in force, says how many and that
// the home page counts the others (iku.Catalogue: one definition per
// count), so that "6 indikator" and "7" do not contradict each other.
func TestEachCountSaysWhatItCounts(t *testing.T) {
	ds := fixture()
	old := ds.Indicators[1]
	old.Slug, old.Code, old.Name, old.NameEN = "old", "K-old", "Waktu tunggu lama", ""
	old.ValidFrom = iku.MustQuarter("2025-Q1")
	end := iku.MustQuarter("2025-Q4")
	old.ValidTo = &end
	ds.Indicators = append(ds.Indicators, old)
	b := build(t, ds)
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, all := rep.Counts.Total, len(ds.Indicators)
	if all != n+1 {
		t.Fatalf("the home page counts %d of %d indicators; want all but the one that ended", n, all)
	}
	want := map[string][][2]string{
		"id": {
			{"", fmt.Sprintf("%d indikator kinerja utama (IKU) yang berlaku pada Triwulan III 2026", n)},
			{"", fmt.Sprintf("Dari %d indikator yang berlaku:", n)},
			{"cari/", fmt.Sprintf("Semua indikator dari A sampai Z (%d)", all)},
			{"cari/", fmt.Sprintf("Tidak berlaku pada Triwulan III 2026 (sudah berakhir atau belum dimulai): 1 indikator; beranda menghitung %d indikator yang berlaku.", n)},
			{"iku/", fmt.Sprintf("beranda menghitung %d indikator yang berlaku.", n)},
		},
		"en": {
			{"", fmt.Sprintf("%d key performance indicators (IKU) in force in Q3 2026", n)},
			{"", fmt.Sprintf("Of %d indicators in force:", n)},
			{"cari/", fmt.Sprintf("All indicators from A to Z (%d)", all)},
			{"cari/", fmt.Sprintf("Not in force in Q3 2026 (ended or not yet started): 1; the home page counts the %d in force.", n)},
			{"iku/", fmt.Sprintf("the home page counts the %d in force.", n)},
		},
	}
	for lang, ws := range want {
		for _, w := range ws {
			if got := b.FileContent(page(lang, w[0])); !strings.Contains(got, html.EscapeString(w[1])) {
				t.Errorf("%s /%s lacks %q", lang, w[0], w[1])
			}
		}
	}
}
