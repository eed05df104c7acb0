package iku

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Builders for hand-written datasets.

func annual(slug string, year int, v string) Target {
	return Target{IndicatorSlug: slug, Year: year, Value: dec(v)}
}

func annualRange(slug string, year int, lo, hi string) Target {
	return Target{IndicatorSlug: slug, Year: year, Value: dec(lo), High: DecimalPtr(hi)}
}

func quarterly(slug string, year, q int, basis TargetBasis, v string) Target {
	return Target{IndicatorSlug: slug, Year: year, Quarter: q, Basis: basis, Value: dec(v)}
}

// result builds a result from "2025-Q1", an actual ("" = NULL) and
// optionally "numerator/denominator".
func result(slug, q, actual string, nd ...string) Result {
	r := Result{IndicatorSlug: slug, Quarter: MustQuarter(q)}
	if actual != "" {
		r.Actual = DecimalPtr(actual)
	}
	if len(nd) == 1 {
		n, d, _ := strings.Cut(nd[0], "/")
		r.Numerator, r.Denominator = DecimalPtr(n), DecimalPtr(d)
	}
	return r
}

func provisionalResult(r Result) Result { r.Provisional = true; return r }

// cityDataset is a small Tanjungbalai: 3 agencies, 7 indicators, 2025-Q1 to
// 2026-Q2. The expected values in TestEvaluate are worked out by hand in
// the comments there.
func cityDataset() *Dataset {
	q := func(s string) *Quarter { v := MustQuarter(s); return &v }
	return &Dataset{
		Sectors: []Sector{
			{Slug: "kesehatan", Code: "1.02", Name: "Kesehatan"},
			{Slug: "pariwisata", Code: "3.26", Name: "Pariwisata"},
			{Slug: "pendidikan", Code: "1.01", Name: "Pendidikan"},
		},
		Agencies: []Agency{
			{Slug: "dinkes", Name: "Dinas Kesehatan", Kind: "dinas", SectorSlug: "kesehatan"},
			{Slug: "rsud", Name: "RSUD Dr. Tengku Mansyur", Kind: "rsud", SectorSlug: "kesehatan"},
			{Slug: "disporapar", Name: "Dinas Pemuda, Olahraga dan Pariwisata", Kind: "dinas", SectorSlug: "pariwisata"},
		},
		Predicates: []Predicate{
			{AgencySlug: "rsud", Year: 2025, Predicate: "Baik"},
			{AgencySlug: "rsud", Year: 2024, Predicate: "Butuh Perbaikan"},
		},
		Indicators: []Indicator{
			{Slug: "kunjungan-wisata", AgencySlug: "disporapar", SectorSlug: "pariwisata", Name: "Jumlah kunjungan wisatawan",
				Unit: "kunjungan", Polarity: Positive, Consolidation: Sum, Frequency: Quarterly, ValidFrom: MustQuarter("2021-Q1")},
			{Slug: "event-promosi", AgencySlug: "disporapar", SectorSlug: "pariwisata", Name: "Jumlah event promosi wisata",
				Unit: "event", Polarity: Positive, Consolidation: Sum, Frequency: Quarterly, ValidFrom: MustQuarter("2021-Q1")},
			{Slug: "waktu-tunggu-rawat-jalan", AgencySlug: "rsud", SectorSlug: "kesehatan", Name: "Rata-rata waktu tunggu rawat jalan",
				Unit: "menit", Polarity: Negative, Consolidation: Average, Frequency: Quarterly, Decimals: 2, Multiplier: dec("1"), ValidFrom: MustQuarter("2021-Q1")},
			{Slug: "bor-rsud", AgencySlug: "rsud", SectorSlug: "kesehatan", Name: "Bed occupancy rate",
				Unit: "%", Polarity: Positive, Consolidation: Last, Frequency: Quarterly, Decimals: 2, ValidFrom: MustQuarter("2021-Q1")},
			{Slug: "kasus-gizi-buruk", AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: "Jumlah kasus gizi buruk",
				Unit: "kasus", Polarity: Negative, Consolidation: Sum, Frequency: Quarterly, ValidFrom: MustQuarter("2021-Q1")},
			{Slug: "ikm-puskesmas", AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: "Indeks kepuasan masyarakat puskesmas",
				Unit: "IKM", Polarity: Positive, Consolidation: Last, Frequency: Quarterly, Decimals: 2,
				MinValue: DecimalPtr("25"), MaxValue: DecimalPtr("100"), ValidFrom: MustQuarter("2021-Q1")},
			{Slug: "cakupan-lama", AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: "Cakupan (indikator lama)",
				Unit: "%", Polarity: Positive, Consolidation: Last, Frequency: Quarterly, ValidFrom: MustQuarter("2024-Q1"), ValidTo: q("2025-Q2")},
		},
		Targets: []Target{
			annual("kunjungan-wisata", 2025, "1000"),
			annual("kunjungan-wisata", 2026, "1200"),

			annual("event-promosi", 2025, "8"),
			quarterly("event-promosi", 2025, 1, Cumulative, "2"),
			quarterly("event-promosi", 2025, 2, Cumulative, "4"),
			quarterly("event-promosi", 2025, 3, Cumulative, "6"),
			quarterly("event-promosi", 2025, 4, Cumulative, "8"),
			quarterly("event-promosi", 2026, 2, Cumulative, "5"),
			annual("event-promosi", 2026, "10"),

			annual("waktu-tunggu-rawat-jalan", 2025, "60"),
			annual("waktu-tunggu-rawat-jalan", 2026, "60"),
			quarterly("waktu-tunggu-rawat-jalan", 2026, 2, Cumulative, "55"),

			annualRange("bor-rsud", 2025, "60", "85"),
			annualRange("bor-rsud", 2026, "60", "85"),

			annual("kasus-gizi-buruk", 2025, "0"),
			quarterly("kasus-gizi-buruk", 2025, 1, PerQuarter, "0"),
			quarterly("kasus-gizi-buruk", 2025, 2, PerQuarter, "0"),
			quarterly("kasus-gizi-buruk", 2025, 3, PerQuarter, "0"),
			quarterly("kasus-gizi-buruk", 2025, 4, PerQuarter, "0"),
			annual("kasus-gizi-buruk", 2026, "0"),
			quarterly("kasus-gizi-buruk", 2026, 1, PerQuarter, "0"),
			quarterly("kasus-gizi-buruk", 2026, 2, PerQuarter, "0"),

			annual("ikm-puskesmas", 2025, "80"), // none for 2026

			annual("cakupan-lama", 2025, "90"),
		},
		Results: []Result{
			result("kunjungan-wisata", "2025-Q1", "200"),
			result("kunjungan-wisata", "2025-Q2", "300"),
			result("kunjungan-wisata", "2025-Q3", "250"),
			result("kunjungan-wisata", "2025-Q4", "500"),
			result("kunjungan-wisata", "2026-Q1", "400"),
			provisionalResult(result("kunjungan-wisata", "2026-Q2", "500")),

			result("event-promosi", "2025-Q1", "5"),
			result("event-promosi", "2025-Q2", "1"),
			result("event-promosi", "2025-Q3", "0"),
			result("event-promosi", "2025-Q4", "2"),
			result("event-promosi", "2026-Q1", ""), // row created, not filled in
			result("event-promosi", "2026-Q2", "3"),

			result("waktu-tunggu-rawat-jalan", "2025-Q1", "70.00", "7000/100"),
			result("waktu-tunggu-rawat-jalan", "2025-Q2", "65.00", "13000/200"),
			result("waktu-tunggu-rawat-jalan", "2025-Q3", "60.00", "6000/100"),
			result("waktu-tunggu-rawat-jalan", "2025-Q4", "130.00", "13000/100"),
			provisionalResult(result("waktu-tunggu-rawat-jalan", "2026-Q1", "50.00", "5000/100")),
			result("waktu-tunggu-rawat-jalan", "2026-Q2", "65.00", "13000/200"),

			result("bor-rsud", "2025-Q1", "70"),
			result("bor-rsud", "2025-Q2", "50"),
			result("bor-rsud", "2025-Q3", "80"),
			result("bor-rsud", "2025-Q4", "95"),
			result("bor-rsud", "2026-Q1", "80"),
			result("bor-rsud", "2026-Q2", "90"),

			result("kasus-gizi-buruk", "2025-Q1", "0"),
			result("kasus-gizi-buruk", "2025-Q2", "2"),
			result("kasus-gizi-buruk", "2025-Q3", "0"),
			result("kasus-gizi-buruk", "2025-Q4", "0"),
			result("kasus-gizi-buruk", "2026-Q1", ""),
			result("kasus-gizi-buruk", "2026-Q2", "0"),

			// 2025-Q1: no row at all.
			result("ikm-puskesmas", "2025-Q2", "82.50"),
			result("ikm-puskesmas", "2025-Q3", "76.60"),
			result("ikm-puskesmas", "2025-Q4", "88.31"),
			result("ikm-puskesmas", "2026-Q1", "76.61"),
			result("ikm-puskesmas", "2026-Q2", "101"), // above MaxValue

			result("cakupan-lama", "2025-Q1", "85"),
			result("cakupan-lama", "2025-Q2", "81"),
			result("cakupan-lama", "2025-Q3", "88"), // after ValidTo
		},
	}
}

// fmtTarget writes "T=1000", "T=60–85" or "T@Q2=5".
func fmtTarget(t *Target) string {
	s := "T="
	if t.Quarter > 0 {
		s = fmt.Sprintf("T@Q%d=", t.Quarter)
	}
	s += t.Value.String()
	if t.High != nil {
		s += "–" + t.High.String()
	}
	return s
}

// fmtEval writes an evaluation on one line, leaving out empty fields.
func fmtEval(ev Evaluation) string {
	f := []string{ev.Quarter.String(), "R=" + str(ev.Actual), "ytd=" + str(ev.YearToDate), string(ev.Status)}
	if ev.Basis != "" {
		f = append(f, string(ev.Basis))
	}
	if ev.Target != nil {
		f = append(f, fmtTarget(ev.Target))
	}
	if ev.Compared != nil {
		f = append(f, "cmp="+ev.Compared.String())
	}
	if ev.Achievement != nil {
		f = append(f, ev.Achievement.String()+"%")
	}
	if ev.Category != "" {
		f = append(f, ev.Category)
	}
	if ev.Exceeds {
		f = append(f, "exceeds")
	}
	if ev.Provisional {
		f = append(f, "provisional")
	}
	if ev.Grade != "" {
		f = append(f, "grade="+ev.Grade)
	}
	if ev.VsPrevious != TrendUnknown {
		f = append(f, "prev:"+string(ev.VsPrevious))
	}
	if ev.VsYearAgo != TrendUnknown {
		f = append(f, "yago:"+string(ev.VsYearAgo))
	}
	return strings.Join(f, " ")
}

func fmtYear(y Year) string {
	f := []string{fmt.Sprint(y.Year), "R=" + str(y.Actual)}
	if y.Complete {
		f = append(f, "complete")
	}
	f = append(f, string(y.Status))
	if y.Target != nil {
		f = append(f, fmtTarget(y.Target))
	}
	if y.Achievement != nil {
		f = append(f, y.Achievement.String()+"%")
	}
	if y.Category != "" {
		f = append(f, y.Category)
	}
	return strings.Join(f, " ")
}

func fmtScore(s Score) string {
	return fmt.Sprintf("%s %s counted=%d missing=%d", s.Quarter, str(s.Value), s.Counts.Counted(), s.Counts.Total-s.Counts.Counted())
}

func fmtCounts(c Counts) string {
	var cats []string
	for k, n := range c.ByCategory {
		cats = append(cats, fmt.Sprintf("%s=%d", k, n))
	}
	slices.Sort(cats)
	return fmt.Sprintf("total=%d [%s] in_progress=%d met=%d not_met=%d not_reported=%d no_target=%d incomplete=%d",
		c.Total, strings.Join(cats, " "), c.InProgress, c.Met, c.NotMet, c.NotReported, c.NoTarget, c.Incomplete)
}

func fmtMovers(ms []Mover) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %s→%s %s", m.IndicatorSlug, m.From, m.To, m.Change))
	}
	return out
}

// diffLines reports every line of got that differs from want.
func diffLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("%s[%d] = %s\n\twant %s", what, i, g, w)
		}
	}
}

func evaluateCity(t *testing.T, opts Options) *Report {
	t.Helper()
	rep, err := Evaluate(cityDataset(), DefaultRules(), opts)
	if err != nil {
		t.Fatalf("Evaluate(city) = %v", err)
	}
	return rep
}

func indicatorReport(t *testing.T, rep *Report, slug string) *IndicatorReport {
	t.Helper()
	for i := range rep.Indicators {
		if rep.Indicators[i].Indicator.Slug == slug {
			return &rep.Indicators[i]
		}
	}
	t.Fatalf("no indicator %q in the report", slug)
	return nil
}

func TestEvaluateIndicators(t *testing.T) {
	rep := evaluateCity(t, Options{})
	if rep.First != MustQuarter("2025-Q1") || rep.Latest != MustQuarter("2026-Q2") {
		t.Errorf("report span = %s to %s; want 2025-Q1 to 2026-Q2", rep.First, rep.Latest)
	}
	tests := []struct {
		slug   string
		series []string
		years  []string
	}{
		{
			// Sum, annual targets only: progress towards the annual target
			// until Q4, then a full evaluation.
			slug: "kunjungan-wisata",
			series: []string{
				"2025-Q1 R=200 ytd=200 in_progress annual_progress T=1000 cmp=200 20.00%",
				"2025-Q2 R=300 ytd=500 in_progress annual_progress T=1000 cmp=500 50.00% prev:improving",
				"2025-Q3 R=250 ytd=750 in_progress annual_progress T=1000 cmp=750 75.00% prev:worsening",
				"2025-Q4 R=500 ytd=1250 category annual_progress T=1000 cmp=1250 125.00% sangat_baik exceeds prev:improving",
				"2026-Q1 R=400 ytd=400 in_progress annual_progress T=1200 cmp=400 33.33% prev:worsening yago:improving",
				"2026-Q2 R=500 ytd=900 in_progress annual_progress T=1200 cmp=900 75.00% provisional prev:improving yago:improving",
			},
			years: []string{
				"2025 R=1250 complete category T=1000 125.00% sangat_baik",
				"2026 R=nil in_progress T=1200",
			},
		},
		{
			// Sum with cumulative quarterly targets; 2026-Q1 is a NULL
			// actual, so 2026-Q2 has no year-to-date value to compare.
			slug: "event-promosi",
			series: []string{
				"2025-Q1 R=5 ytd=5 category ytd T@Q1=2 cmp=5 250.00% sangat_baik exceeds",
				"2025-Q2 R=1 ytd=6 category ytd T@Q2=4 cmp=6 150.00% sangat_baik exceeds prev:worsening",
				"2025-Q3 R=0 ytd=6 category ytd T@Q3=6 cmp=6 100.00% sangat_baik prev:worsening",
				// Both at 100 % of the year to date's target: steady,
				// whatever the quarter's own count did.
				"2025-Q4 R=2 ytd=8 category ytd T@Q4=8 cmp=8 100.00% sangat_baik prev:steady",
				"2026-Q1 R=nil ytd=nil not_reported annual_progress T=10",
				"2026-Q2 R=3 ytd=nil incomplete ytd T@Q2=5 yago:improving",
			},
			years: []string{
				"2025 R=8 complete category T=8 100.00% sangat_baik",
				"2026 R=nil in_progress T=10",
			},
		},
		{
			// Negative, average of N/D: each quarter holds the annual level
			// (60 minutes); 2026-Q2 has a cumulative target, compared with
			// the weighted year to date (5000 + 13000) / (100 + 200) = 60.
			slug: "waktu-tunggu-rawat-jalan",
			series: []string{
				"2025-Q1 R=70.00 ytd=70.00 category quarter T=60 cmp=70.00 83.33% baik",
				"2025-Q2 R=65.00 ytd=66.67 category quarter T=60 cmp=65.00 91.67% sangat_baik prev:improving",
				"2025-Q3 R=60.00 ytd=65.00 category quarter T=60 cmp=60.00 100.00% sangat_baik prev:improving",
				"2025-Q4 R=130.00 ytd=78.00 category quarter T=60 cmp=130.00 0.00% sangat_kurang prev:worsening",
				"2026-Q1 R=50.00 ytd=50.00 category quarter T=60 cmp=50.00 116.67% sangat_baik exceeds provisional prev:improving yago:improving",
				// Against 2025-Q2 the achievement fell (91.67 → 90.91),
				// although the quarter's own value is the same.
				"2026-Q2 R=65.00 ytd=60.00 category ytd T@Q2=55 cmp=60.00 90.91% baik provisional prev:worsening yago:worsening",
			},
			years: []string{
				// 39000 / 500 = 78: (120 − 78) / 60 = 70 %.
				"2025 R=78.00 complete category T=60 70.00% cukup",
				"2026 R=60.00 in_progress T=60 100.00%",
			},
		},
		{
			// Positive range 60–85, last: trends follow the achievement, so
			// above the range is better than inside it (positive polarity).
			slug: "bor-rsud",
			series: []string{
				"2025-Q1 R=70 ytd=70 category quarter T=60–85 cmp=70 100.00% sangat_baik",
				"2025-Q2 R=50 ytd=50 category quarter T=60–85 cmp=50 83.33% baik prev:worsening",
				"2025-Q3 R=80 ytd=80 category quarter T=60–85 cmp=80 100.00% sangat_baik prev:improving",
				"2025-Q4 R=95 ytd=95 category quarter T=60–85 cmp=95 111.76% sangat_baik exceeds prev:improving",
				"2026-Q1 R=80 ytd=80 category quarter T=60–85 cmp=80 100.00% sangat_baik prev:worsening yago:steady",
				"2026-Q2 R=90 ytd=90 category quarter T=60–85 cmp=90 105.88% sangat_baik exceeds prev:improving yago:improving",
			},
			years: []string{
				"2025 R=95 complete category T=60–85 111.76% sangat_baik",
				"2026 R=90 in_progress T=60–85 105.88%",
			},
		},
		{
			// Negative, zero targets per quarter: met / not met, no %.
			slug: "kasus-gizi-buruk",
			series: []string{
				"2025-Q1 R=0 ytd=0 met quarter T@Q1=0 cmp=0",
				"2025-Q2 R=2 ytd=2 not_met quarter T@Q2=0 cmp=2 prev:worsening",
				"2025-Q3 R=0 ytd=2 met quarter T@Q3=0 cmp=0 prev:improving",
				"2025-Q4 R=0 ytd=2 met quarter T@Q4=0 cmp=0 prev:steady",
				"2026-Q1 R=nil ytd=nil not_reported quarter T@Q1=0",
				"2026-Q2 R=0 ytd=nil met quarter T@Q2=0 cmp=0 yago:improving",
			},
			years: []string{
				"2025 R=2 complete not_met T=0",
				"2026 R=nil in_progress T=0",
			},
		},
		{
			// IKM with grades; no target for 2026; 2025-Q1 has no row.
			slug: "ikm-puskesmas",
			series: []string{
				"2025-Q1 R=nil ytd=nil not_reported quarter T=80",
				"2025-Q2 R=82.50 ytd=82.50 category quarter T=80 cmp=82.50 103.13% sangat_baik exceeds grade=B",
				"2025-Q3 R=76.60 ytd=76.60 category quarter T=80 cmp=76.60 95.75% sangat_baik grade=C prev:worsening",
				"2025-Q4 R=88.31 ytd=88.31 category quarter T=80 cmp=88.31 110.39% sangat_baik exceeds grade=A prev:improving",
				"2026-Q1 R=76.61 ytd=76.61 no_target grade=B prev:worsening",
				"2026-Q2 R=101 ytd=101 no_target grade=A prev:improving yago:improving",
			},
			years: []string{
				// Q1 is missing, but a last indicator's year is its Q4.
				"2025 R=88.31 category T=80 110.39% sangat_baik",
				"2026 R=101 no_target",
			},
		},
		{
			// Valid to 2025-Q2: its series stops there.
			slug: "cakupan-lama",
			series: []string{
				"2025-Q1 R=85 ytd=85 category quarter T=90 cmp=85 94.44% sangat_baik",
				"2025-Q2 R=81 ytd=81 category quarter T=90 cmp=81 90.00% baik prev:worsening",
			},
			years: []string{
				"2025 R=81 complete category T=90 90.00% baik",
			},
		},
	}
	for _, tt := range tests {
		ir := indicatorReport(t, rep, tt.slug)
		var series, years []string
		for _, ev := range ir.Series {
			series = append(series, fmtEval(ev))
		}
		for _, y := range ir.Years {
			years = append(years, fmtYear(y))
		}
		diffLines(t, tt.slug+" series", series, tt.series)
		diffLines(t, tt.slug+" years", years, tt.years)
	}

	// Targets are sorted by year, then quarter (annual first).
	var got []string
	for _, tg := range indicatorReport(t, rep, "event-promosi").Targets {
		got = append(got, fmt.Sprintf("%d/%d", tg.Year, tg.Quarter))
	}
	if want := "2025/0 2025/1 2025/2 2025/3 2025/4 2026/0 2026/2"; strings.Join(got, " ") != want {
		t.Errorf("event-promosi targets = %s; want %s", strings.Join(got, " "), want)
	}
}

func TestEvaluateAgenciesAndSectors(t *testing.T) {
	rep := evaluateCity(t, Options{})
	scores := map[string][]string{
		// 250 % and 150 % count as 120 (the cap).
		"disporapar": {
			"2025-Q1 120.00 counted=1 missing=1",
			"2025-Q2 120.00 counted=1 missing=1",
			"2025-Q3 100.00 counted=1 missing=1",
			"2025-Q4 110.00 counted=2 missing=0", // (min(125, 120) + 100) / 2
			"2026-Q1 nil counted=0 missing=2",
			"2026-Q2 nil counted=0 missing=2",
		},
		"rsud": {
			"2025-Q1 91.67 counted=2 missing=0", // (83.33 + 100) / 2 = 91.665
			"2025-Q2 87.50 counted=2 missing=0",
			"2025-Q3 100.00 counted=2 missing=0",
			"2025-Q4 55.88 counted=2 missing=0",
			"2026-Q1 108.34 counted=2 missing=0",
			"2026-Q2 98.40 counted=2 missing=0",
		},
		// Met / not met, no target and not reported are missing;
		// cakupan-lama is not in force after 2025-Q2.
		"dinkes": {
			"2025-Q1 94.44 counted=1 missing=2",
			"2025-Q2 96.57 counted=2 missing=1",
			"2025-Q3 95.75 counted=1 missing=1",
			"2025-Q4 110.39 counted=1 missing=1",
			"2026-Q1 nil counted=0 missing=2",
			"2026-Q2 nil counted=0 missing=2",
		},
	}
	agencyIndicators := map[string]string{
		"dinkes":     "kasus-gizi-buruk ikm-puskesmas cakupan-lama",
		"rsud":       "waktu-tunggu-rawat-jalan bor-rsud",
		"disporapar": "kunjungan-wisata event-promosi",
	}
	var order []string
	for _, ar := range rep.Agencies {
		slug := ar.Agency.Slug
		order = append(order, slug)
		var got []string
		for _, s := range ar.Scores {
			got = append(got, fmtScore(s))
		}
		diffLines(t, slug+" scores", got, scores[slug])
		if g := strings.Join(ar.Indicators, " "); g != agencyIndicators[slug] {
			t.Errorf("agency %s indicators = %s; want %s", slug, g, agencyIndicators[slug])
		}
	}
	if g := strings.Join(order, " "); g != "dinkes rsud disporapar" {
		t.Errorf("agencies = %s; want dinkes rsud disporapar", g)
	}
	rsud := rep.Agencies[1]
	if g := fmt.Sprint(rsud.Predicates); g != "[{rsud 2024 Butuh Perbaikan} {rsud 2025 Baik}]" {
		t.Errorf("rsud predicates = %s; want them sorted by year", g)
	}

	var sectors []string
	for _, s := range rep.Sectors {
		sectors = append(sectors, fmt.Sprintf("%s: %s | %s", s.Sector.Slug, strings.Join(s.Agencies, " "), strings.Join(s.Indicators, " ")))
	}
	diffLines(t, "sectors", sectors, []string{
		"kesehatan: dinkes rsud | waktu-tunggu-rawat-jalan bor-rsud kasus-gizi-buruk ikm-puskesmas cakupan-lama",
		"pariwisata: disporapar | kunjungan-wisata event-promosi",
		"pendidikan:  | ",
	})
}

func TestEvaluateSummary(t *testing.T) {
	rep := evaluateCity(t, Options{})
	tests := []struct{ name, got, want string }{
		// cakupan-lama is no longer in force in 2026-Q2.
		{"Counts", fmtCounts(rep.Counts), "total=6 [baik=1 cukup=0 kurang=0 sangat_baik=1 sangat_kurang=0] in_progress=1 met=1 not_met=0 not_reported=0 no_target=1 incomplete=1"},
		{"SectorCounts[kesehatan]", fmtCounts(rep.SectorCounts["kesehatan"]), "total=4 [baik=1 cukup=0 kurang=0 sangat_baik=1 sangat_kurang=0] in_progress=0 met=1 not_met=0 not_reported=0 no_target=1 incomplete=0"},
		{"SectorCounts[pariwisata]", fmtCounts(rep.SectorCounts["pariwisata"]), "total=2 [baik=0 cukup=0 kurang=0 sangat_baik=0 sangat_kurang=0] in_progress=1 met=0 not_met=0 not_reported=0 no_target=0 incomplete=1"},
		{"SectorCounts[pendidikan]", fmtCounts(rep.SectorCounts["pendidikan"]), "total=0 [baik=0 cukup=0 kurang=0 sangat_baik=0 sangat_kurang=0] in_progress=0 met=0 not_met=0 not_reported=0 no_target=0 incomplete=0"},
		// Against 2025-Q2: only bor-rsud and waktu-tunggu are categorised in both.
		{"Improvements", fmt.Sprint(fmtMovers(rep.Improvements)), "[bor-rsud 83.33→105.88 22.55]"},
		{"Declines", fmt.Sprint(fmtMovers(rep.Declines)), "[waktu-tunggu-rawat-jalan 91.67→90.91 -0.76]"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %s\n\twant %s", tt.name, tt.got, tt.want)
		}
	}
	diffLines(t, "Warnings", rep.Warnings, []string{
		`indicator "ikm-puskesmas" reports 101 for 2026-Q2, above its maximum 100; check the value`,
		`indicator "ikm-puskesmas" has results in 2026 but no annual target for 2026; add the target`,
		`indicator "cakupan-lama" has a result for 2025-Q3, outside its validity (from 2024-Q1 to 2025-Q2), which is not shown; fix the quarter or the indicator's validity`,
	})
	if len(rep.Rules.Categories) != 5 {
		t.Errorf("Report.Rules has %d categories; want the 5 it was evaluated with", len(rep.Rules.Categories))
	}
}

func TestEvaluateLatest(t *testing.T) {
	tests := []struct {
		latest string
		slug   string
		want   string // the indicator's last evaluation
		years  int
	}{
		// An older release: results after 2025-Q4 are ignored.
		{"2025-Q4", "kunjungan-wisata", "2025-Q4 R=500 ytd=1250 category annual_progress T=1000 cmp=1250 125.00% sangat_baik exceeds prev:improving", 1},
		{"2025-Q4", "ikm-puskesmas", "2025-Q4 R=88.31 ytd=88.31 category quarter T=80 cmp=88.31 110.39% sangat_baik exceeds grade=A prev:improving", 1},
	}
	for _, tt := range tests {
		rep := evaluateCity(t, Options{Latest: MustQuarter(tt.latest)})
		ir := indicatorReport(t, rep, tt.slug)
		latest := ir.Latest()
		if got := fmtEval(latest); got != tt.want {
			t.Errorf("Evaluate(latest %s): %s latest = %s\n\twant %s", tt.latest, tt.slug, got, tt.want)
		}
		if len(ir.Years) != tt.years {
			t.Errorf("Evaluate(latest %s): %s has %d years; want %d", tt.latest, tt.slug, len(ir.Years), tt.years)
		}
	}

	// A quarter nobody has reported yet, or one in the future, is refused.
	for _, q := range []string{"2026-Q3", "2030-Q1"} {
		_, err := Evaluate(cityDataset(), DefaultRules(), Options{Latest: MustQuarter(q)})
		want := "the quarter " + q + " is after the newest reported result (2026-Q2), so nothing could be published for it; choose 2026-Q2 or earlier"
		if err == nil || err.Error() != want || ErrorKind(err) != Invalid {
			t.Errorf("Evaluate(latest %s) = %v; want %s", q, err, want)
		}
	}

	// At 2025-Q4 the year 2025 is over: ikm-puskesmas has no 2026 warnings,
	// and kunjungan-wisata moved into a category.
	rep := evaluateCity(t, Options{Latest: MustQuarter("2025-Q4")})
	for _, w := range rep.Warnings {
		if strings.Contains(w, "2026") {
			t.Errorf("Evaluate(latest 2025-Q4) warns %q; want nothing about 2026", w)
		}
	}
	if got := fmtCounts(rep.Counts); !strings.HasPrefix(got, "total=6 ") {
		t.Errorf("Evaluate(latest 2025-Q4).Counts = %s; want total=6 (cakupan-lama ends in 2025-Q2)", got)
	}
}

func TestEvaluateYears(t *testing.T) {
	// Years that are over but miss a quarter are incomplete, not in progress.
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "s", Name: "S"}},
		Agencies: []Agency{{Slug: "a", Name: "A", SectorSlug: "s"}},
		Indicators: []Indicator{
			{Slug: "sum", AgencySlug: "a", SectorSlug: "s", Name: "Sum", Polarity: Positive, Consolidation: Sum, Frequency: Quarterly},
			{Slug: "avg", AgencySlug: "a", SectorSlug: "s", Name: "Avg", Polarity: Positive, Consolidation: Average, Frequency: Quarterly, Multiplier: dec("100"), Decimals: 1},
			{Slug: "last", AgencySlug: "a", SectorSlug: "s", Name: "Last", Polarity: Positive, Consolidation: Last, Frequency: Quarterly},
			{Slug: "late", AgencySlug: "a", SectorSlug: "s", Name: "Late", Polarity: Positive, Consolidation: Sum, Frequency: Quarterly, ValidFrom: MustQuarter("2025-Q3")},
		},
		Targets: []Target{
			annual("sum", 2025, "100"), annual("avg", 2025, "80"), annual("last", 2025, "80"), annual("late", 2025, "10"),
			annual("sum", 2026, "100"), annual("avg", 2026, "80"), annual("last", 2026, "80"),
		},
		Results: []Result{
			result("sum", "2025-Q1", "10"), result("sum", "2025-Q2", "20"), result("sum", "2025-Q4", "30"),
			result("avg", "2025-Q1", "50.0", "1/2"), result("avg", "2025-Q2", "75.0", "3/4"), result("avg", "2025-Q3", "80.0"),
			result("last", "2025-Q1", "70"), result("last", "2025-Q2", "75"), result("last", "2025-Q3", ""),
			result("late", "2025-Q3", "4"), result("late", "2025-Q4", "7"),
			result("sum", "2026-Q1", "5"),
		},
	}
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"sum": {"2025 R=nil incomplete T=100", "2026 R=nil in_progress T=100"},
		// Average over reported quarters, but 2025-Q3 has no N/D.
		"avg":  {"2025 R=nil incomplete T=80", "2026 R=nil not_reported T=80"},
		"last": {"2025 R=75 incomplete T=80 93.75%", "2026 R=nil not_reported T=80"},
		// In force from 2025-Q3: two quarters make its year complete.
		"late": {"2025 R=11 complete category T=10 110.00% sangat_baik", "2026 R=nil not_reported"},
	}
	for _, ir := range rep.Indicators {
		var got []string
		for _, y := range ir.Years {
			got = append(got, fmtYear(y))
		}
		diffLines(t, ir.Indicator.Slug+" years", got, want[ir.Indicator.Slug])
	}
	// The late indicator's first quarter starts its year to date.
	late := indicatorReport(t, rep, "late")
	if got := fmtEval(late.Series[0]); got != "2025-Q3 R=4 ytd=4 in_progress annual_progress T=10 cmp=4 40.00%" {
		t.Errorf("late 2025-Q3 = %s; want its year to date to start in 2025-Q3", got)
	}
}

func TestEvaluateProgress(t *testing.T) {
	// Before the year is over, a sum indicator with an annual target only
	// shows progress when more is better (met once reached), and a ceiling
	// when less is better (not met once exceeded, never a percentage).
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "s", Name: "S"}},
		Agencies: []Agency{{Slug: "a", Name: "A", SectorSlug: "s"}},
		Indicators: []Indicator{
			{Slug: "kebakaran", AgencySlug: "a", SectorSlug: "s", Name: "Kebakaran", Polarity: Negative, Consolidation: Sum, Frequency: Quarterly},
			{Slug: "festival", AgencySlug: "a", SectorSlug: "s", Name: "Festival", Polarity: Positive, Consolidation: Sum, Frequency: Quarterly},
			{Slug: "nol", AgencySlug: "a", SectorSlug: "s", Name: "Nol", Polarity: Negative, Consolidation: Sum, Frequency: Quarterly},
		},
		Targets: []Target{annual("kebakaran", 2026, "8"), annual("festival", 2026, "4"), annual("nol", 2026, "0")},
		Results: []Result{
			result("kebakaran", "2026-Q1", "2"), result("kebakaran", "2026-Q2", "8"),
			result("festival", "2026-Q1", "3"), result("festival", "2026-Q2", "2"),
			result("nol", "2026-Q1", "0"), result("nol", "2026-Q2", "0"),
		},
	}
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"kebakaran": "2026-Q2 R=8 ytd=10 not_met annual_ceiling T=8 cmp=10 prev:worsening",
		"festival":  "2026-Q2 R=2 ytd=5 met annual_progress T=4 cmp=5 125.00% exceeds prev:worsening",
		"nol":       "2026-Q2 R=0 ytd=0 met_so_far annual_progress T=0 cmp=0 prev:steady",
	}
	for _, ir := range rep.Indicators {
		if got := fmtEval(ir.Latest()); got != want[ir.Indicator.Slug] {
			t.Errorf("%s latest = %s\n\twant %s", ir.Indicator.Slug, got, want[ir.Indicator.Slug])
		}
	}
}

func TestEvaluateMovers(t *testing.T) {
	// Seven indicators with a target of 100, compared 2026-Q1 against
	// 2025-Q1; c is capped at 120, so its change ties with b's.
	changes := []struct{ slug, from, to string }{
		{"a", "50", "60"}, {"b", "50", "70"}, {"c", "100", "130"}, {"d", "50", "55"},
		{"e", "50", "51"}, {"f", "50", "52"}, {"g", "80", "70"}, {"h", "80", "80"},
		{"i", "80", "60"},
	}
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "s", Name: "S"}},
		Agencies: []Agency{{Slug: "a", Name: "A", SectorSlug: "s"}},
	}
	for _, c := range changes {
		ds.Indicators = append(ds.Indicators, Indicator{Slug: c.slug, AgencySlug: "a", SectorSlug: "s", Name: c.slug, Polarity: Positive, Consolidation: Last, Frequency: Quarterly})
		ds.Targets = append(ds.Targets, annual(c.slug, 2025, "100"), annual(c.slug, 2026, "100"))
		ds.Results = append(ds.Results, result(c.slug, "2025-Q1", c.from), result(c.slug, "2026-Q1", c.to))
	}
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	diffLines(t, "Improvements", fmtMovers(rep.Improvements), []string{
		"b 50.00→70.00 20.00",
		"c 100.00→120.00 20.00",
		"a 50.00→60.00 10.00",
		"d 50.00→55.00 5.00",
		"f 50.00→52.00 2.00",
	})
	diffLines(t, "Declines", fmtMovers(rep.Declines), []string{
		"i 80.00→60.00 -20.00",
		"g 80.00→70.00 -10.00",
	})
}

func TestEvaluateDeterministic(t *testing.T) {
	a := evaluateCity(t, Options{})
	b := evaluateCity(t, Options{})
	if !reflect.DeepEqual(a, b) {
		t.Error("two evaluations of the same dataset differ")
	}
}

func TestEvaluateErrors(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(ds *Dataset, r *Rules, o *Options)
		wants string
	}{
		{"bad rules", func(ds *Dataset, r *Rules, o *Options) { r.ScoreCap = dec("0") }, "score cap is 0"},
		{"invalid dataset", func(ds *Dataset, r *Rules, o *Options) { ds.Indicators = nil }, "no indicators"},
		{"nothing reported", func(ds *Dataset, r *Rules, o *Options) {
			for i := range ds.Results {
				ds.Results[i].Actual = nil
			}
		}, "no result has an actual yet"},
		{"latest before the data", func(ds *Dataset, r *Rules, o *Options) { o.Latest = MustQuarter("2024-Q4") }, "the latest quarter 2024-Q4 is before the first result (2025-Q1); choose 2025-Q1 or later"},
		{"latest not a quarter", func(ds *Dataset, r *Rules, o *Options) { o.Latest = Quarter{2026, 5} }, "quarter number 5"},
	}
	for _, tt := range tests {
		ds, rules, opts := cityDataset(), DefaultRules(), Options{}
		tt.edit(ds, &rules, &opts)
		rep, err := Evaluate(ds, rules, opts)
		if err == nil || rep != nil || ErrorKind(err) != Invalid || !strings.Contains(err.Error(), tt.wants) {
			t.Errorf("Evaluate(%s) = %v, %v; want an invalid error containing %q", tt.name, rep != nil, err, tt.wants)
		}
	}
}

// syntheticDataset builds n indicators over 2021-Q1 to 2026-Q3 (23
// quarters) with every kind of polarity, consolidation and target.
func syntheticDataset(n int) *Dataset {
	ds := &Dataset{}
	for s := range 10 {
		ds.Sectors = append(ds.Sectors, Sector{Slug: fmt.Sprintf("sektor-%d", s), Name: fmt.Sprintf("Sektor %d", s)})
	}
	for a := range 100 {
		ds.Agencies = append(ds.Agencies, Agency{Slug: fmt.Sprintf("opd-%d", a), Name: fmt.Sprintf("OPD %d", a), SectorSlug: fmt.Sprintf("sektor-%d", a%10)})
		ds.Predicates = append(ds.Predicates, Predicate{AgencySlug: fmt.Sprintf("opd-%d", a), Year: 2025, Predicate: "Baik"})
	}
	first := MustQuarter("2021-Q1")
	for i := range n {
		slug := fmt.Sprintf("iku-%05d", i)
		ind := Indicator{
			Slug: slug, Name: "Indikator " + slug,
			AgencySlug: fmt.Sprintf("opd-%d", i%100), SectorSlug: fmt.Sprintf("sektor-%d", (i/7)%10),
			Polarity: []Polarity{Positive, Negative}[i%2], Consolidation: []Consolidation{Sum, Average, Last}[i%3], Frequency: Quarterly,
			Decimals: 2, Multiplier: dec("1"), ValidFrom: first, MinValue: DecimalPtr("0"), MaxValue: DecimalPtr("100000"),
		}
		if i%11 == 0 {
			ind.Unit = "IKM"
		}
		ds.Indicators = append(ds.Indicators, ind)
		for y := 2021; y <= 2026; y++ {
			switch {
			case i%13 == 0:
				ds.Targets = append(ds.Targets, annualRange(slug, y, "60", "85"))
			case i%17 == 0:
				ds.Targets = append(ds.Targets, annual(slug, y, "0"))
			default:
				ds.Targets = append(ds.Targets, annual(slug, y, fmt.Sprintf("%d.5", 70+i%20)))
			}
			if i%5 == 0 {
				for q := 1; q <= 4; q++ {
					ds.Targets = append(ds.Targets, quarterly(slug, y, q, []TargetBasis{PerQuarter, Cumulative}[(i/5)%2], fmt.Sprint(20*q+i%7)))
				}
			}
		}
		for k := range 23 {
			q := first.Add(k)
			v := fmt.Sprintf("%d.%02d", 50+(i*7+k*13)%60, (i+k)%100)
			r := result(slug, q.String(), v)
			if ind.Consolidation == Average {
				r.Numerator, r.Denominator = DecimalPtr(v+"0"), DecimalPtr("10")
			}
			if (i+k)%29 == 0 {
				r.Actual = nil
			}
			r.Provisional = k == 22
			ds.Results = append(ds.Results, r)
		}
	}
	return ds
}

func TestEvaluateSynthetic(t *testing.T) {
	ds := syntheticDataset(300)
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.First != MustQuarter("2021-Q1") || rep.Latest != MustQuarter("2026-Q3") {
		t.Errorf("synthetic span = %s to %s; want 2021-Q1 to 2026-Q3", rep.First, rep.Latest)
	}
	for _, ir := range rep.Indicators {
		if len(ir.Series) != 23 || len(ir.Years) != 6 {
			t.Fatalf("%s has %d quarters and %d years; want 23 and 6", ir.Indicator.Slug, len(ir.Series), len(ir.Years))
		}
	}
	if rep.Counts.Total != 300 || len(rep.Improvements) != 5 || len(rep.Declines) != 5 {
		t.Errorf("synthetic: %d indicators counted, %d improvements, %d declines; want 300, 5, 5", rep.Counts.Total, len(rep.Improvements), len(rep.Declines))
	}
}

func BenchmarkEvaluate(b *testing.B) {
	ds := syntheticDataset(10000)
	rules := DefaultRules()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(ds, rules, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
