package display_test

import (
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// TestCheckPageTargets: the preview's check page says, in the page's
// language and number style, which target is 0 and which was eased, from
// what to what.
func TestCheckPageTargets(t *testing.T) {
	ms, rep := demo(t)
	q := rep.Latest
	findings := []iku.Finding{
		{Code: iku.CodeZeroTarget, Severity: iku.Blocking, Agency: "dinas-lingkungan-hidup", Indicator: "dlh-sampah-tertangani", Quarter: q, Value: "0"},
		{Code: iku.CodeTargetEased, Severity: iku.Warning, Agency: "dinas-lingkungan-hidup", Indicator: "dlh-bank-sampah-aktif", Quarter: q, Value: "15", Ref: "40"},
		{Code: iku.CodeTargetEasedYear, Severity: iku.Warning, Agency: "dinas-lingkungan-hidup", Indicator: "dlh-ruang-terbuka-hijau", Quarter: q, Value: "9.5–14", Ref: "12.5–14"},
	}
	for lang, want := range map[string][]string{
		"id": {
			"Target Persentase sampah rumah tangga yang tertangani tahun 2026 bernilai 0",
			"Target Jumlah bank sampah aktif tahun 2026 diubah dari 40 menjadi 15 sejak rilis sebelumnya",
			"(9,5–14) jauh lebih mudah dicapai daripada target tahun sebelumnya (12,5–14)",
		},
		"en": {
			"The target of Percentage of household waste handled for 2026 is 0",
			"changed from 40 to 15 since the last release",
			"(9.5–14) is much easier to meet than the year before's (12.5–14)",
		},
	} {
		m := ms[lang]
		m.SetCheck(q, findings)
		var texts []string
		for _, g := range m.Check.Agencies {
			for _, f := range g.Findings {
				texts = append(texts, f.Text)
			}
		}
		all := strings.Join(texts, "\n")
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: the check page lacks %q; it says:\n%s", lang, w, all)
			}
		}
		m.Check = nil
	}
}
