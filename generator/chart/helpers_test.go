package chart

import (
	"context"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// DefaultLabels are the Indonesian labels, as the site's i18n/id.toml
// holds them; tests only: the site passes its own.
func DefaultLabels() Labels {
	return Labels{
		Actual:       "Realisasi",
		ActualToDate: "Realisasi s.d. triwulan (kumulatif)",
		Target:       "Target",
		TargetLow:    "Target (batas bawah)",
		TargetHigh:   "Target (batas atas)",
		Achievement:  "Capaian (%)",
		Count:        "Jumlah indikator",
		Quarter:      "TW {q} {year}",
		Half:         "Smt {h} {year}",
		Year:         "{year}",
		NotDue:       "Tidak dilaporkan triwulan ini",
		Categories: map[string]string{
			"sangat_baik": "Sangat Baik", "baik": "Baik", "cukup": "Cukup",
			"kurang": "Kurang", "sangat_kurang": "Sangat Kurang",
		},
		Statuses: map[iku.Status]string{
			iku.StatusMet: "Tercapai", iku.StatusNotMet: "Tidak tercapai",
			iku.StatusInProgress: "Dalam proses", iku.StatusNotReported: "Belum dilaporkan",
			iku.StatusNoTarget: "Target belum ditetapkan", iku.StatusIncomplete: "Belum lengkap",
			iku.StatusMetSoFar: "Tercapai sejauh ini",
		},
		NumberLocale:            "id-ID",
		DecimalMark:             ",",
		GroupMark:               ".",
		TrendDescription:        "Realisasi dan target {indicator} per triwulan, {from} sampai {to}: realisasi {latest} {actual}, target {target}.",
		AchievementsDescription: "Capaian {count} indikator {agency} pada {quarter}: {reached} mencapai target 100% atau lebih, {below} di bawahnya.",
		ComparisonDescription:   "Capaian {name} pada {quarter}: {count} perangkat daerah, {reached} mencapai 100% atau lebih; tertinggi {best}.",
		OverviewDescription:     "Jumlah indikator per status di {sectors} sektor pada {quarter}, dari {total} indikator.",
	}
}

var defaultRules = iku.Rules{
	Categories: []iku.Category{
		{Key: "sangat_baik", Min: iku.MustDecimal("91")},
		{Key: "baik", Min: iku.MustDecimal("76")},
		{Key: "cukup", Min: iku.MustDecimal("66")},
		{Key: "kurang", Min: iku.MustDecimal("51")},
		{Key: "sangat_kurang", Min: iku.MustDecimal("0")},
	},
	ScoreCap: iku.MustDecimal("120"),
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
	}
	actuals := []string{"72.4", "68.1", "", "61.25", "58", "57.3", "52.9", "49.95", "47.2", "44.0", "41.35"}
	q := iku.MustQuarter("2024-Q1")
	for _, a := range actuals {
		ev := iku.Evaluation{Quarter: q, Status: iku.StatusNotReported}
		if a != "" {
			ev.Actual = dec(a)
			ev.Status = iku.StatusCategory
		}
		ir.Series = append(ir.Series, ev)
		q = q.Add(1)
	}
	return ir
}

func agency(name string) (*iku.AgencyReport, map[string]iku.Evaluation, map[string]string) {
	ar := &iku.AgencyReport{
		Agency:     iku.Agency{Slug: "rsud", Name: name, ShortName: "RSUD", Kind: "rsud", SectorSlug: "kesehatan"},
		Indicators: []string{"waktu-tunggu", "ikm", "bor", "baru"},
	}
	q := iku.MustQuarter("2026-Q3")
	latest := map[string]iku.Evaluation{
		"waktu-tunggu": {Quarter: q, Achievement: dec("107.14"), Status: iku.StatusCategory, Category: "sangat_baik"},
		"ikm":          {Quarter: q, Achievement: dec("87.50"), Status: iku.StatusCategory, Category: "baik"},
		"bor":          {Quarter: q, Status: iku.StatusNotReported},
		"baru":         {Quarter: q, Achievement: dec("0"), Status: iku.StatusCategory, Category: "sangat_kurang"},
	}
	names := map[string]string{
		"waktu-tunggu": "Rata-rata waktu tunggu rawat jalan",
		"ikm":          "Indeks Kepuasan Masyarakat",
		"bor":          "Bed Occupancy Rate",
		"baru":         "Layanan baru",
	}
	return ar, latest, names
}

func report(sectorName string) *iku.Report {
	return &iku.Report{
		First: iku.MustQuarter("2024-Q1"), Latest: iku.MustQuarter("2026-Q3"), Rules: defaultRules,
		Sectors: []iku.SectorReport{
			{Sector: iku.Sector{Slug: "kesehatan", Name: sectorName}},
			{Sector: iku.Sector{Slug: "pendidikan", Name: "Pendidikan"}},
			{Sector: iku.Sector{Slug: "kosong", Name: "Tanpa indikator"}},
			{Sector: iku.Sector{Slug: "pariwisata", Name: "Pariwisata"}},
		},
		SectorCounts: map[string]iku.Counts{
			"kesehatan":  {Total: 6, ByCategory: map[string]int{"sangat_baik": 2, "baik": 1}, Met: 1, NotReported: 2},
			"pendidikan": {Total: 4, ByCategory: map[string]int{"cukup": 1, "sangat_kurang": 1}, NoTarget: 2},
			"pariwisata": {Total: 4, ByCategory: map[string]int{"sangat_baik": 1}, InProgress: 2, Incomplete: 1},
		},
	}
}

// emptyCharts are one chart of each kind with nothing to draw.
func emptyCharts() []Chart {
	l := DefaultLabels()
	ir := waitingTime("Kosong")
	ir.Series = nil
	ar, _, names := agency("RSUD")
	return []Chart{
		IndicatorTrend(ir, l),
		AgencyAchievements(ar, nil, names, l),
		Overview(&iku.Report{Rules: defaultRules}, nil, l),
	}
}
