package site

import (
	"github.com/gohugoio/hugo/hugolib"

	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// unit/page.html (a unit and a kind of unit), unit/section.html, and the
// unit lists of opd/page.html and iku/page.html print their records, in
// both languages.
func TestUnitPages(t *testing.T) {
	data, models := records(t, unitFixture(t))
	b := hugolib.Test(t, themeFiles(t)+data)
	for _, m := range models {
		lang := m.Lang
		if len(m.Units) != 4 || len(m.UnitKinds) != 2 {
			t.Fatalf("%s: %d units and %d kinds; want the fixture's 4 and 2", lang, len(m.Units), len(m.UnitKinds))
		}
		for _, u := range m.Units {
			want := esc(u.Title, u.Lead, u.Kind.Text.Text, u.Agency.Text.Text)
			for _, s := range u.Sections {
				want = append(want, esc(s.Answer, s.Table.Caption, s.Chart.Heading, s.Indicator.Text.Text)...)
				for _, kv := range s.Items {
					want = append(want, esc(kv.Label)...)
				}
				for _, r := range s.Rows {
					want = append(want, `data-sort-value="`+r.Key+`">`+html.EscapeString(r.Period)+`</th>`)
				}
				want = append(want, esc(s.Note, s.TooSmall)...)
			}
			b.AssertFileContent(page(lang, "unit/"+u.Slug+"/"), want...)
		}
		for _, k := range m.UnitKinds {
			want := esc(k.Title, k.Lead)
			for _, s := range k.Sections {
				want = append(want, esc(s.Table.Caption, s.Lead)...)
				if s.Chart.ID != "" {
					want = append(want, esc(s.Chart.Heading)...)
				}
				for _, r := range s.Rows {
					want = append(want, esc(r.Unit.Text.Text, r.Status.Label)...)
				}
			}
			b.AssertFileContent(page(lang, "unit/jenis/"+k.Kind+"/"), want...)
		}
		idx := esc(m.Site.Units.Lead)
		for _, g := range m.Site.Units.Groups {
			for _, u := range g.Units {
				idx = append(idx, esc(u.Name.Text.Text, u.Kecamatan.Text)...)
			}
		}
		b.AssertFileContent(page(lang, "unit/"), idx...)
		// A kecamatan lists the units in its area; an agency its own; an
		// indicator the units measured by it.
		b.AssertFileContent(page(lang, "opd/kec-teluk-nibung/"), esc(m.Word("unit_units_here_heading"), "Puskesmas Beta", "Puskesmas Pembantu Kecil")...)
		b.AssertFileContent(page(lang, "opd/dinkes/"), esc(m.Word("unit_units_heading"))...)
		b.AssertFileContent(page(lang, "iku/wait/"), esc(m.Word("unit_units_indicator_heading"))...)
	}
	// English: the unit's English name; an untranslated one marked.
	b.AssertFileContent("public/en/unit/pkm-a/index.html", `<h1>Alpha Health Centre</h1>`, `Community health centre`)
	b.AssertFileContent("public/en/unit/pkm-b/index.html", `<h1><span lang="id">Puskesmas Beta</span></h1>`)
	b.AssertFileContent("public/unit/pkm-a/index.html", `Puskesmas di Kecamatan Datuk Bandar, di bawah Dinas Kesehatan.`)
}

// Units are places, never people: the small puskesmas's latest quarter
// (12 patients, a mean of 77.7 minutes) shows no value on its page, its
// kind's page, in its chart or in any record a page, the API or a
// download reads; only the sentence that the count is too small.
func TestSmallUnitShowsNoValue(t *testing.T) {
	data, models := records(t, unitFixture(t))
	b := hugolib.Test(t, themeFiles(t)+data)
	for _, secret := range []string{"77,7", "77.7", "932,4", "932.4"} {
		if strings.Contains(data, secret) {
			i := strings.Index(data, secret)
			t.Errorf("the pages' data holds %q: %s", secret, data[max(0, i-200):i+20])
		}
	}
	for _, m := range models {
		u := unitRecord(m, "pkm-kecil")
		if u == nil {
			t.Fatalf("%s: no record of pkm-kecil", m.Lang)
		}
		s := u.Sections[0]
		if s.TooSmall == "" || !s.Latest.Suppressed || s.Latest.Eval.Actual != nil || s.Latest.CountValue != nil {
			t.Errorf("%s: pkm-kecil's latest period = %+v; want suppressed, without value or count, with the sentence", m.Lang, s.Latest)
		}
		for _, path := range []string{"unit/pkm-kecil/", "unit/jenis/puskesmas/"} {
			content := b.FileContent(page(m.Lang, path))
			for _, secret := range []string{"77,7", "77.7", ">12<"} {
				if strings.Contains(content, secret) {
					t.Errorf("%s: /%s shows %q, the small unit's value or count", m.Lang, path, secret)
				}
			}
		}
		b.AssertFileContent(page(m.Lang, "unit/pkm-kecil/"), esc(s.TooSmall, m.Word("status_too_small"))...)
		charts, err := sitedata.Charts(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range charts {
			opt, _ := json.Marshal(c.Option)
			if strings.Contains(string(opt), "77.7") {
				t.Errorf("%s: chart %s plots the small unit's value 77.7", m.Lang, c.ID)
			}
		}
	}
}

func unitRecord(m *display.Model, slug string) *display.Unit {
	for i := range m.Units {
		if m.Units[i].Slug == slug {
			return &m.Units[i]
		}
	}
	return nil
}
