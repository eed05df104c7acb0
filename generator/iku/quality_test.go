package iku

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// checkDataset is a clean quarter for Check: one agency with a percentage
// ("ikm", last, around 81 % against 80), a count ("kunjungan", sum, about
// 1,000 a quarter against 4,000 a year) and a half-yearly percentage
// ("cakupan"), 2024-Q1 to 2026-Q3. No check finds anything in it.
func checkDataset() *Dataset {
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "kesehatan", Name: "Kesehatan"}},
		Agencies: []Agency{{Slug: "dinkes", Name: "Dinas Kesehatan", SectorSlug: "kesehatan"}},
		Indicators: []Indicator{
			{Slug: "ikm", AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: "Kepuasan", Unit: "%", Polarity: Positive,
				Consolidation: Last, Decimals: 2, Frequency: Quarterly, Definition: "Survei", Formula: "a/b"},
			{Slug: "kunjungan", AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: "Kunjungan", Unit: "kunjungan", Polarity: Positive,
				Consolidation: Sum, Frequency: Quarterly},
			{Slug: "cakupan", AgencySlug: "dinkes", SectorSlug: "kesehatan", Name: "Cakupan", Unit: "%", Polarity: Positive,
				Consolidation: Last, Decimals: 1, Frequency: Semiannual},
		},
	}
	ikm := []string{"80.5", "81.2", "79.8", "82.0", "80.9", "81.5", "79.5", "82.3", "81.0", "80.2", "81.7"}
	visits := []string{"950", "1020", "980", "1100", "1000", "1050", "990", "1080", "1010", "1030", "995"}
	q := MustQuarter("2024-Q1")
	for i := range ikm {
		ds.Results = append(ds.Results, result("ikm", q.String(), ikm[i]), result("kunjungan", q.String(), visits[i]))
		if q.Q%2 == 0 {
			ds.Results = append(ds.Results, result("cakupan", q.String(), fmt.Sprint(85+i%3)))
		}
		q = q.Add(1)
	}
	for y := 2024; y <= 2026; y++ {
		ds.Targets = append(ds.Targets, annual("ikm", y, "80"), annual("kunjungan", y, "4000"), annual("cakupan", y, "85"))
	}
	return ds
}

// addRunning adds "hipertensi", a percentage written as a running total
// since January (about 20, 40, 60, 85 through each year), with annual
// targets of 85, 2024-Q1 to 2026-Q3, consolidated by c.
func addRunning(ds *Dataset, c Consolidation) {
	ds.Indicators = append(ds.Indicators, Indicator{Slug: "hipertensi", AgencySlug: "dinkes", SectorSlug: "kesehatan",
		Name: "Hipertensi", Unit: "%", Polarity: Positive, Consolidation: c, Decimals: 0, Frequency: Quarterly})
	q := MustQuarter("2024-Q1")
	for _, v := range []string{"20", "41", "60", "82", "22", "44", "63", "85", "21", "45", "66"} {
		ds.Results = append(ds.Results, result("hipertensi", q.String(), v))
		q = q.Add(1)
	}
	for y := 2024; y <= 2026; y++ {
		ds.Targets = append(ds.Targets, annual("hipertensi", y, "85"))
	}
}

// setActual sets the actual of slug in quarter q ("" = NULL).
func setActual(ds *Dataset, slug, q, v string) {
	for i := range ds.Results {
		r := &ds.Results[i]
		if r.IndicatorSlug == slug && r.Quarter == MustQuarter(q) {
			r.Actual = nil
			if v != "" {
				r.Actual = DecimalPtr(v)
			}
			return
		}
	}
	panic("no result " + slug + " " + q)
}

func setTargets(ds *Dataset, slug, v string) {
	for i := range ds.Targets {
		if ds.Targets[i].IndicatorSlug == slug {
			ds.Targets[i].Value = MustDecimal(v)
		}
	}
}

// setTarget sets the annual target of slug in year y.
func setTarget(ds *Dataset, slug string, y int, v string) {
	setRange(ds, slug, y, v, "")
}

// setRange sets the annual target of slug in year y to the range lo–hi
// (a single value when hi is "").
func setRange(ds *Dataset, slug string, y int, lo, hi string) {
	for i := range ds.Targets {
		t := &ds.Targets[i]
		if t.IndicatorSlug == slug && t.Year == y && t.Quarter == 0 {
			t.Value, t.High = MustDecimal(lo), nil
			if hi != "" {
				t.High = DecimalPtr(hi)
			}
			return
		}
	}
	panic(fmt.Sprintf("no target %s %d", slug, y))
}

func indicatorOf(ds *Dataset, slug string) *Indicator {
	for i := range ds.Indicators {
		if ds.Indicators[i].Slug == slug {
			return &ds.Indicators[i]
		}
	}
	panic(slug)
}

// fmtFinding is "code severity indicator quarter value/ref".
func fmtFinding(f Finding) string {
	return fmt.Sprintf("%s %s %s %s %s/%s", f.Code, f.Severity, f.Indicator, f.Quarter, f.Value, f.Ref)
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		edit func(ds *Dataset)
		cfg  func(c *CheckConfig)
		want []string
	}{
		{"clean", func(*Dataset) {}, nil, nil},

		// Completeness.
		{"no actual", func(ds *Dataset) { setActual(ds, "ikm", "2026-Q3", "") }, nil,
			[]string{"no_actual warning ikm 2026-Q3 /"}},
		{"no target", func(ds *Dataset) {
			ds.Targets = slices.DeleteFunc(ds.Targets, func(t Target) bool { return t.IndicatorSlug == "kunjungan" && t.Year == 2026 })
		}, nil,
			// Evaluate's warning about the same year is not repeated.
			[]string{"no_target blocking kunjungan 2026-Q3 /"}},
		{"missed target without explanation", func(ds *Dataset) {
			ds.Targets[len(ds.Targets)-3].Value = MustDecimal("110") // ikm 2026: 81.7 / 110 = 74.27 %, cukup
		}, nil,
			[]string{"no_explanation warning ikm 2026-Q3 74.27/"}},
		{"missed target with explanation", func(ds *Dataset) {
			ds.Targets[len(ds.Targets)-3].Value = MustDecimal("110")
			ds.Explanations = []Explanation{{IndicatorSlug: "ikm", Quarter: MustQuarter("2026-Q3"), Inhibiting: "Survei terlambat."}}
		}, nil, nil},
		{"missed target with an empty explanation", func(ds *Dataset) {
			ds.Targets[len(ds.Targets)-3].Value = MustDecimal("110")
			ds.Explanations = []Explanation{{IndicatorSlug: "ikm", Quarter: MustQuarter("2026-Q3"), FollowUp: "  "}}
		}, nil,
			[]string{"no_explanation warning ikm 2026-Q3 74.27/"}},
		{"not due: a half-yearly indicator in Q3", func(ds *Dataset) {
			ds.Results = slices.DeleteFunc(ds.Results, func(r Result) bool { return r.IndicatorSlug == "cakupan" && r.Quarter.Year == 2026 })
		}, nil, nil},
		{"due: the same indicator in Q2", func(ds *Dataset) {
			setActual(ds, "cakupan", "2026-Q2", "")
		}, func(c *CheckConfig) { c.Quarter = MustQuarter("2026-Q2") },
			[]string{"no_actual warning cakupan 2026-Q2 /"}},

		// Plausibility.
		{"negative count", func(ds *Dataset) { setActual(ds, "kunjungan", "2026-Q3", "-5") },
			func(c *CheckConfig) { c.OutlierHistory = 99 },
			[]string{"negative_count blocking kunjungan 2026-Q3 -5/"}},
		{"percentage above 100", func(ds *Dataset) { setActual(ds, "ikm", "2026-Q3", "100.5") },
			func(c *CheckConfig) { c.OutlierHistory = 99 },
			[]string{"percent_out_of_range blocking ikm 2026-Q3 100.5/0–100"}},
		{"percentage above 100 that its own max allows", func(ds *Dataset) {
			setActual(ds, "ikm", "2026-Q3", "100.5")
			indicatorOf(ds, "ikm").MaxValue = DecimalPtr("120")
		}, func(c *CheckConfig) { c.OutlierHistory = 99 }, nil},
		{"negative percentage", func(ds *Dataset) { setActual(ds, "cakupan", "2026-Q2", "-1") },
			func(c *CheckConfig) { c.Quarter = MustQuarter("2026-Q2") },
			// -1 / 85 is also a missed target.
			[]string{"percent_out_of_range blocking cakupan 2026-Q2 -1/0–100", "no_explanation warning cakupan 2026-Q2 -1.18/"}},
		{"outlier", func(ds *Dataset) { setActual(ds, "kunjungan", "2026-Q3", "3000") }, nil,
			// median of 10 earlier quarters 1015, MAD 32.5: 3000 is 61 robust SDs away.
			[]string{"outlier warning kunjungan 2026-Q3 3000/1015"}},
		{"outlier that blocks", func(ds *Dataset) { setActual(ds, "kunjungan", "2026-Q3", "3000") },
			func(c *CheckConfig) { c.Block = []Code{CodeOutlier} },
			[]string{"outlier blocking kunjungan 2026-Q3 3000/1015"}},
		{"outlier with too little history", func(ds *Dataset) {
			setActual(ds, "kunjungan", "2026-Q3", "3000")
			ds.Results = slices.DeleteFunc(ds.Results, func(r Result) bool {
				return r.IndicatorSlug == "kunjungan" && r.Quarter.Before(MustQuarter("2025-Q1"))
			})
		}, func(c *CheckConfig) { c.OutlierHistory = 6 },
			// 2025-Q1 to 2026-Q2 is 6 quarters: still enough.
			[]string{"outlier warning kunjungan 2026-Q3 3000/1020"}},
		{"outlier with 5 earlier values", func(ds *Dataset) {
			setActual(ds, "kunjungan", "2026-Q3", "3000")
			ds.Results = slices.DeleteFunc(ds.Results, func(r Result) bool {
				return r.IndicatorSlug == "kunjungan" && r.Quarter.Before(MustQuarter("2025-Q2"))
			})
		}, nil, nil},
		{"actual copied from the target", func(ds *Dataset) {
			for _, q := range []string{"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"} {
				setActual(ds, "ikm", q, "80.00")
			}
		}, nil, []string{"actual_equals_target warning ikm 2026-Q3 80.00/80"}},
		{"a zero target met four times", func(ds *Dataset) {
			// "0 cases": lower is better (a zero target where higher is
			// better is zero_target).
			indicatorOf(ds, "kunjungan").Polarity = Negative
			setTargets(ds, "kunjungan", "0")
			for _, q := range []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"} {
				setActual(ds, "kunjungan", q, "0")
			}
		}, func(c *CheckConfig) { c.OutlierHistory = 99 }, nil},
		{"actual equal to the target three times", func(ds *Dataset) {
			for _, q := range []string{"2026-Q1", "2026-Q2", "2026-Q3"} {
				setActual(ds, "ikm", q, "80")
			}
		}, nil, nil},
		{"target too low", func(ds *Dataset) { setTargets(ds, "ikm", "60") }, nil,
			// lowest of the last 8 achievements: 79.5 / 60 = 132.5 %.
			[]string{"target_too_low warning ikm 2026-Q3 132.50/130"}},
		{"target too low but one period below the margin", func(ds *Dataset) {
			setTargets(ds, "ikm", "60")
			setActual(ds, "ikm", "2025-Q1", "77") // 128.33 %
		}, nil, nil},

		// A level that rises every year and falls back in Q1: it looks
		// like a running total since January (DOMAIN.md, "Quarters and
		// years").
		{"a last indicator that restarts every January", func(ds *Dataset) { addRunning(ds, Last) }, nil,
			[]string{"looks_cumulative warning hipertensi 2026-Q3 2/cumulative"}},
		{"the same declared cumulative", func(ds *Dataset) { addRunning(ds, RunningTotal) }, nil, nil},
		{"the same with quarterly targets", func(ds *Dataset) {
			addRunning(ds, Last)
			for y := 2024; y <= 2026; y++ {
				for q, v := range []string{"20", "40", "60", "85"} {
					ds.Targets = append(ds.Targets, quarterly("hipertensi", y, q+1, Cumulative, v))
				}
			}
		}, nil, nil},
		{"one complete year only", func(ds *Dataset) {
			addRunning(ds, Last)
			ds.Results = slices.DeleteFunc(ds.Results, func(r Result) bool { return r.IndicatorSlug == "hipertensi" && r.Quarter.Year == 2024 })
		}, nil, nil},
		{"one complete year is enough when the setting says so", func(ds *Dataset) {
			addRunning(ds, Last)
			ds.Results = slices.DeleteFunc(ds.Results, func(r Result) bool { return r.IndicatorSlug == "hipertensi" && r.Quarter.Year == 2024 })
		}, func(c *CheckConfig) { c.CumulativeYears = 1 },
			[]string{"looks_cumulative warning hipertensi 2026-Q3 1/cumulative"}},
		{"a level that keeps rising", func(ds *Dataset) {
			addRunning(ds, Last)
			for i, q := range []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"} {
				setActual(ds, "hipertensi", q, fmt.Sprint(83+i))
			}
		}, nil, nil},
		{"a year that dips", func(ds *Dataset) {
			addRunning(ds, Last)
			setActual(ds, "hipertensi", "2025-Q3", "43")
		}, nil, nil},

		// Changes since the previous release.
		{"unit, polarity and definition changed", func(ds *Dataset) {
			ind := indicatorOf(ds, "ikm")
			ind.Unit, ind.Polarity, ind.Formula = "indeks", Negative, "a/b×100"
		}, func(c *CheckConfig) { c.Previous = checkDataset() },
			// A negative ikm now misses its target: 2 × 80 − 81.7 = 78.3 / 80.
			[]string{"unit_changed warning ikm 2026-Q3 indeks/%", "polarity_changed warning ikm 2026-Q3 negative/positive",
				"definition_changed warning ikm 2026-Q3 /"}},
		{"no previous release", func(ds *Dataset) { indicatorOf(ds, "ikm").Unit = "indeks" }, nil, nil},

		// Targets that cannot judge: 0 where it cannot be meant, and
		// targets eased by target_eased_share (25 %) or more.
		{"a zero target on a percentage", func(ds *Dataset) { setTarget(ds, "ikm", 2026, "0") }, nil,
			// 80 → 0 is also eased by 100 % from 2025.
			[]string{"zero_target blocking ikm 2026-Q3 0/", "target_eased_year warning ikm 2026-Q3 0/80"}},
		{"a zero target where higher is better", func(ds *Dataset) { setTarget(ds, "kunjungan", 2026, "0") }, nil,
			[]string{"zero_target blocking kunjungan 2026-Q3 0/", "target_eased_year warning kunjungan 2026-Q3 0/4000"}},
		{"a zero quarterly target on a percentage", func(ds *Dataset) {
			ds.Targets = append(ds.Targets, quarterly("ikm", 2026, 3, PerQuarter, "0"))
		}, nil, []string{"zero_target blocking ikm 2026-Q3 0/"}},
		{"a target lowered by less than the share", func(ds *Dataset) { setTarget(ds, "ikm", 2026, "60.1") }, nil, nil},
		{"a target lowered by the share", func(ds *Dataset) { setTarget(ds, "ikm", 2026, "60") }, nil,
			[]string{"target_eased_year warning ikm 2026-Q3 60/80"}},
		{"a target lowered by 11.25 % with the share set to 10", func(ds *Dataset) { setTarget(ds, "ikm", 2026, "71") },
			func(c *CheckConfig) { c.TargetEasedShare = 10 }, []string{"target_eased_year warning ikm 2026-Q3 71/80"}},
		{"a target raised where higher is better", func(ds *Dataset) { setTarget(ds, "kunjungan", 2026, "8000") }, nil,
			// 3,035 of 8,000 by Q3: no longer on pace, but no easing.
			nil},
		{"a target raised where lower is better", func(ds *Dataset) {
			indicatorOf(ds, "ikm").Polarity = Negative
			setTarget(ds, "ikm", 2026, "101")
		}, nil, []string{"target_eased_year warning ikm 2026-Q3 101/80"}},
		{"a range whose lower bound is lowered, where higher is better", func(ds *Dataset) {
			setRange(ds, "ikm", 2025, "80", "90")
			setRange(ds, "ikm", 2026, "55", "95")
		}, nil, []string{"target_eased_year warning ikm 2026-Q3 55–95/80–90"}},
		{"a range whose upper bound is raised, where higher is better", func(ds *Dataset) {
			setRange(ds, "ikm", 2025, "80", "90")
			setRange(ds, "ikm", 2026, "80", "150")
		}, nil, nil},
		{"a range whose upper bound is raised, where lower is better", func(ds *Dataset) {
			indicatorOf(ds, "ikm").Polarity = Negative
			setRange(ds, "ikm", 2025, "78", "82")
			setRange(ds, "ikm", 2026, "78", "110")
		}, nil, []string{"target_eased_year warning ikm 2026-Q3 78–110/78–82"}},
		{"a target lowered since the last release", func(ds *Dataset) { setTarget(ds, "ikm", 2026, "70") },
			func(c *CheckConfig) { c.Previous = checkDataset(); c.TargetEasedShare = 10 },
			// 80 → 70: 12.5 % since the last release, and from 2025.
			[]string{"target_eased warning ikm 2026-Q3 70/80", "target_eased_year warning ikm 2026-Q3 70/80"}},
		{"a past year's target lowered since the last release", func(ds *Dataset) { setTarget(ds, "cakupan", 2025, "60") },
			func(c *CheckConfig) { c.Previous = checkDataset() }, []string{"target_eased warning cakupan 2025-Q4 60/85"}},
		{"the next year's target lowered since the last release", func(ds *Dataset) {
			ds.Targets = append(ds.Targets, annual("ikm", 2027, "50"))
		}, func(c *CheckConfig) {
			c.Previous = checkDataset()
			c.Previous.Targets = append(c.Previous.Targets, annual("ikm", 2027, "85"))
		}, nil},

		// Staleness.
		{"stale", func(ds *Dataset) {
			for _, q := range []string{"2026-Q1", "2026-Q2", "2026-Q3"} {
				setActual(ds, "kunjungan", q, "")
			}
		}, nil, []string{"no_actual warning kunjungan 2026-Q3 /", "stale warning kunjungan 2026-Q3 3/"}},
		{"results after valid_to", func(ds *Dataset) {
			q := MustQuarter("2026-Q2")
			indicatorOf(ds, "ikm").ValidTo = &q
		}, nil, []string{"outside_validity warning ikm 2026-Q3 /"}},

		// Evaluate's own warnings.
		{"above the indicator's maximum", func(ds *Dataset) {
			indicatorOf(ds, "ikm").MaxValue = DecimalPtr("82.1")
		}, nil, []string{"data_warning warning ikm 2025-Q4 /"}}, // 82.3
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := checkDataset()
			tc.edit(ds)
			rep, err := Evaluate(ds, DefaultRules(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			cfg := DefaultCheckConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			fs := Check(ds, rep, cfg)
			var got []string
			for _, f := range fs {
				got = append(got, fmtFinding(f))
				if f.Agency != "dinkes" || f.Message == "" {
					t.Errorf("finding %s: agency %q, message %q; want dinkes and a sentence", f.Code, f.Agency, f.Message)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Check = %q; want %q", got, tc.want)
				for _, f := range fs {
					t.Logf("  %s", f.Message)
				}
			}
		})
	}
}

// A message names the indicator, the period and the value.
func TestCheckMessage(t *testing.T) {
	ds := checkDataset()
	setActual(ds, "kunjungan", "2026-Q3", "-5")
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := Check(ds, rep, DefaultCheckConfig())
	if len(fs) == 0 {
		t.Fatal("Check found nothing; want negative_count")
	}
	want := `indicator "kunjungan" (Kunjungan) counts kunjungan and reports -5 for 2026-Q3; a count cannot be negative, so fix the value`
	if fs[0].Message != want {
		t.Errorf("message %q; want %q", fs[0].Message, want)
	}
}

// Agencies with a blocking finding come first, and blocking findings
// first within an agency.
func TestCheckOrder(t *testing.T) {
	ds := checkDataset()
	ds.Agencies = append(ds.Agencies, Agency{Slug: "dispar", Name: "Dinas Pariwisata", SectorSlug: "kesehatan"})
	indicatorOf(ds, "kunjungan").AgencySlug = "dispar"
	setActual(ds, "ikm", "2026-Q3", "")                                 // no_actual: a warning
	setActual(ds, "kunjungan", "2026-Q3", "-5")                         // negative_count: blocking, and an outlier
	setActual(ds, "cakupan", "2026-Q2", "100.5")                        // percent_out_of_range: blocking
	ds.Results = append(ds.Results, result("cakupan", "2026-Q1", "86")) // data_warning: not due
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Check(ds, rep, DefaultCheckConfig()) {
		got = append(got, string(f.Code)+" "+f.Indicator)
	}
	// Evaluate's warnings about earlier quarters stay until fixed.
	want := []string{"negative_count kunjungan", "outlier kunjungan", "no_actual ikm", "data_warning cakupan"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q; want %q", got, want)
	}
	cfg := DefaultCheckConfig()
	cfg.Quarter = MustQuarter("2026-Q2")
	got = nil
	for _, f := range Check(ds, rep, cfg) {
		got = append(got, string(f.Code)+" "+f.Indicator+" "+f.Quarter.String())
	}
	want = []string{"percent_out_of_range cakupan 2026-Q2", "data_warning cakupan 2026-Q1"}
	if !slices.Equal(got, want) {
		t.Errorf("2026-Q2: %q; want %q", got, want)
	}
	if b, w := Tally(Check(ds, rep, DefaultCheckConfig())); b != 1 || w != 3 {
		t.Errorf("Tally = %d blocking, %d warnings; want 1, 3", b, w)
	}
}

// The robust rule on worked examples (content/metodologi.md).
func TestOutlier(t *testing.T) {
	tests := []struct {
		hist   []float64
		x      float64
		median float64
		out    bool
	}{
		// median 11.5; |deviations| 1.5 .5 .5 .5 .5 1.5, MAD 0.5;
		// 3.5 × 1.4826 × 0.5 = 2.59455.
		{[]float64{10, 11, 11, 12, 12, 13}, 14, 11.5, false},   // 2.5 away
		{[]float64{10, 11, 11, 12, 12, 13}, 14.1, 11.5, true},  // 2.6 away
		{[]float64{10, 11, 11, 12, 12, 13}, 8.9, 11.5, true},   // 2.6 below
		{[]float64{10, 11, 11, 12, 12, 13}, 11.5, 11.5, false}, // the median itself
		// MAD 0 (four of six at the median): the mean absolute deviation
		// 3/6 × 1.2533 = 0.62665 stands in; 3.5 × 0.62665 = 2.193275.
		{[]float64{5, 5, 5, 5, 6, 7}, 7, 5, false},
		{[]float64{5, 5, 5, 5, 6, 7}, 7.2, 5, true},
		// All equal: any other value is an outlier.
		{[]float64{5, 5, 5, 5, 5, 5}, 5, 5, false},
		{[]float64{5, 5, 5, 5, 5, 5}, 5.01, 5, true},
	}
	for _, tc := range tests {
		m, out := Outlier(tc.hist, tc.x, 3.5)
		if m != tc.median || out != tc.out {
			t.Errorf("Outlier(%v, %v, 3.5) = %v, %v; want %v, %v", tc.hist, tc.x, m, out, tc.median, tc.out)
		}
	}
}

func TestCheckConfigValidate(t *testing.T) {
	if err := DefaultCheckConfig().Validate(); err != nil {
		t.Fatalf("default config: %v", err)
	}
	c := DefaultCheckConfig()
	c.Block = append(c.Block, "no_such_check")
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), `unknown check "no_such_check"`) {
		t.Errorf("Validate(unknown code) = %v; want an error naming it", err)
	}
	c = DefaultCheckConfig()
	c.OutlierFactor = 0
	if err := c.Validate(); err == nil {
		t.Errorf("Validate(outlier factor 0) = nil; want an error")
	}
	c = DefaultCheckConfig()
	c.CumulativeYears = 0
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "cumulative_years is 0") {
		t.Errorf("Validate(cumulative years 0) = %v; want an error naming cumulative_years", err)
	}
}
