package demo

import (
	"fmt"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Explanations: the agencies' accounts of their results (LKjIP: faktor
// pendukung, faktor penghambat, tindak lanjut), written for every due
// period whose target was missed (a category below the good ones, or not
// met), and for some periods that went well. Fictitious like the rest.
//
// One gap is planted on purpose, so that `kinerja check` has something to
// find on the demo: the latest quarter of NoExplanationPlant has no
// explanation although its target is missed, if it is missed.
const NoExplanationPlant = "dlh-bank-sampah-aktif"

// explain evaluates the city's dataset and writes its explanations.
func (c *City) explain() {
	c.Explanations = nil
	ds := c.Dataset()
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		panic("demo: the demo city does not evaluate: " + err.Error())
	}
	good := map[string]bool{}
	for _, cat := range rep.Rules.Categories {
		good[cat.Key] = cat.Good
	}
	for _, ir := range rep.Indicators {
		ind := ir.Indicator
		for i, ev := range ir.Series {
			missed := ev.Status == iku.StatusNotMet || ev.Status == iku.StatusCategory && !good[ev.Category]
			if ind.Slug == NoExplanationPlant && ev.Quarter == rep.Latest {
				continue
			}
			r := stream(fmt.Sprintf("penjelasan/%s/%s", ind.Slug, ev.Quarter))
			switch {
			case missed:
				c.Explanations = append(c.Explanations, iku.Explanation{
					IndicatorSlug: ind.Slug, Quarter: ev.Quarter,
					Supporting: explanation(r.IntN(len(supporting)), supporting),
					Inhibiting: explanation(r.IntN(len(inhibiting)), inhibiting),
					FollowUp:   explanation(r.IntN(len(followUps)), followUps),
				})
			case ev.Status == iku.StatusCategory && i == len(ir.Series)-1 && r.IntN(3) == 0:
				// Some good results are explained too, with what helped.
				c.Explanations = append(c.Explanations, iku.Explanation{
					IndicatorSlug: ind.Slug, Quarter: ev.Quarter,
					Supporting: explanation(r.IntN(len(supporting)), supporting),
				})
			}
		}
	}
}

func explanation(i int, s []string) string { return s[i] + " (data demo fiktif)" }

var supporting = []string{
	"Dukungan anggaran dan kegiatan berjalan sesuai rencana kerja.",
	"Koordinasi lintas perangkat daerah dan kelurahan berjalan baik.",
	"Petugas lapangan telah mengikuti pelatihan pada awal tahun.",
	"Partisipasi masyarakat meningkat setelah sosialisasi di kecamatan.",
	"Sistem pencatatan elektronik mempercepat pelaporan dari unit layanan.",
}

var inhibiting = []string{
	"Jumlah petugas belum sebanding dengan beban layanan.",
	"Pencairan anggaran kegiatan terlambat pada awal triwulan.",
	"Cuaca dan pasang air laut mengganggu kegiatan lapangan.",
	"Sebagian unit layanan terlambat menyampaikan laporan bulanan.",
	"Kebutuhan layanan meningkat di sekitar hari raya dan libur akhir tahun.",
}

var followUps = []string{
	"Menambah jadwal layanan dan memperkuat pendampingan petugas pada triwulan berikutnya.",
	"Memantau capaian setiap bulan dan melaporkannya kepada kepala perangkat daerah.",
	"Mengusulkan tambahan anggaran pada perubahan APBD.",
	"Memperbaiki alur pelaporan dari unit layanan dengan batas waktu yang tegas.",
	"Menjalin kerja sama dengan kelurahan dan tokoh masyarakat untuk menjangkau warga.",
}

// Plant is a problem the demo carries on purpose, so that `kinerja check`
// and the preview have something to show.
type Plant struct {
	Code      iku.Code
	Indicator string
}

// Plants are every finding of `kinerja check` on the demo's latest
// quarter (2026-Q3) with the default settings, and why each is there:
//
//   - no_target, kominfo-dataset-satu-data: the 2026 target was never set
//     (missingTargets), the demo's one blocking problem;
//   - no_actual, the four Satpol PP indicators and
//     kecamatan-teluk-nibung-paten: those agencies opened their 2026-Q3
//     rows but have not filled them in yet (lateAgencies);
//   - no_actual, inspektorat-tindak-lanjut: a value the generator's
//     random stream leaves unreported (about one in eighty rows are);
//   - no_explanation, dlh-bank-sampah-aktif: a missed target whose
//     explanation is left out (NoExplanationPlant).
//
// The hypertension coverage (dinkes-hipertensi-sesuai-standar) is a
// running total since January and is declared so (consolidation
// cumulative): declared last, it would draw the looks_cumulative warning.
var Plants = []Plant{
	{iku.CodeNoTarget, "kominfo-dataset-satu-data"},
	{iku.CodeNoExplanation, "dlh-bank-sampah-aktif"},
	{iku.CodeNoActual, "satpolpp-penegakan-perda"},
	{iku.CodeNoActual, "satpolpp-trantibum-tertangani"},
	{iku.CodeNoActual, "satpolpp-satlinmas-terlatih"},
	{iku.CodeNoActual, "satpolpp-ikm"},
	{iku.CodeNoActual, "inspektorat-tindak-lanjut"},
	{iku.CodeNoActual, "kecamatan-teluk-nibung-paten"},
}
