package iku

import (
	"fmt"
	"testing"
)

// countsCity has one indicator per status in 2026-Q3, plus one not due
// and one that ended years ago, both with achievements above 100 in their
// last due period (DOMAIN.md, "One definition per count").
func countsCity() *Dataset {
	ind := func(slug string, p Polarity, c Consolidation, f Frequency) Indicator {
		return Indicator{Slug: slug, AgencySlug: "a", SectorSlug: "s", Name: slug, Unit: "x",
			Polarity: p, Consolidation: c, Frequency: f, Multiplier: dec("1"), ValidFrom: MustQuarter("2026-Q1")}
	}
	ended := ind("selesai", Positive, Last, Quarterly)
	ended.ValidFrom = MustQuarter("2024-Q1")
	to := MustQuarter("2024-Q2")
	ended.ValidTo = &to
	yearly := ind("tahunan", Positive, Last, Annual)
	yearly.ValidFrom = MustQuarter("2025-Q1")
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "s", Name: "S"}},
		Agencies: []Agency{{Slug: "a", Name: "A", SectorSlug: "s"}},
		Indicators: []Indicator{
			ind("sangat-baik", Positive, Last, Quarterly), // 110 %: exceeds, provisional
			ind("baik", Positive, Last, Quarterly),        // 80 %
			ind("cukup", Positive, Last, Quarterly),       // 70 %
			ind("seratus", Positive, Last, Quarterly),     // exactly 100 %: met, not exceeded
			ind("nol", Negative, Last, Quarterly),         // zero target met
			ind("nol-gagal", Negative, Last, Quarterly),   // zero target missed
			ind("kasus", Negative, Sum, Quarterly),        // zero ceiling for the year, none yet: met so far
			ind("event", Positive, Sum, Quarterly),        // annual target already reached: met, 125 % progress
			ind("kunjungan", Positive, Sum, Quarterly),    // progress 50 %: in progress, provisional
			ind("kosong", Positive, Last, Quarterly),      // a row with no actual, marked provisional
			yearly,                                        // not due in Q3; 2025 exceeded
			ended,                                         // ended in 2024-Q2 at 150 %
		},
	}
	for _, slug := range []string{"sangat-baik", "baik", "cukup", "seratus", "kunjungan", "kosong"} {
		ds.Targets = append(ds.Targets, annual(slug, 2026, "100"))
	}
	ds.Targets = append(ds.Targets, annual("tahunan", 2025, "100"), annual("tahunan", 2026, "100"))
	for _, slug := range []string{"nol", "nol-gagal", "kasus"} {
		ds.Targets = append(ds.Targets, annual(slug, 2026, "0"))
	}
	ds.Targets = append(ds.Targets, annual("event", 2026, "4"), annual("selesai", 2024, "100"))
	ds.Results = append(ds.Results,
		provisionalResult(result("sangat-baik", "2026-Q3", "110")),
		result("baik", "2026-Q3", "80"),
		result("cukup", "2026-Q3", "70"),
		result("seratus", "2026-Q3", "100"),
		result("nol", "2026-Q3", "0"),
		result("nol-gagal", "2026-Q3", "1"),
		result("kasus", "2026-Q1", "0"), result("kasus", "2026-Q2", "0"), result("kasus", "2026-Q3", "0"),
		result("event", "2026-Q1", "2"), result("event", "2026-Q2", "1"), result("event", "2026-Q3", "2"),
		result("kunjungan", "2026-Q1", "20"), result("kunjungan", "2026-Q2", "10"), provisionalResult(result("kunjungan", "2026-Q3", "20")),
		provisionalResult(result("kosong", "2026-Q3", "")),
		result("tahunan", "2025-Q4", "130"),
		result("selesai", "2024-Q2", "150"),
	)
	return ds
}

func TestCountsDefinitions(t *testing.T) {
	rep, err := Evaluate(countsCity(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Latest != MustQuarter("2026-Q3") {
		t.Fatalf("latest = %s; want 2026-Q3", rep.Latest)
	}
	c := rep.Counts
	// In force: 11 (selesai ended in 2024); due: 10 (tahunan is not).
	// Good or met: sangat-baik, baik, seratus (categories marked good),
	// nol and event (met), kasus (met so far): 6. Exceeded: sangat-baik
	// and event (125 % of the year's target already), not tahunan (not
	// due) nor selesai (ended). Provisional: sangat-baik and kunjungan,
	// not kosong (nothing to verify).
	got := fmt.Sprintf("total=%d due=%d not_due=%d good=%d good_or_met=%d exceeds=%d provisional=%d",
		c.Total, c.Due(), c.NotDue, c.Good, c.GoodOrMet, c.Exceeds, c.Provisional)
	if want := "total=11 due=10 not_due=1 good=3 good_or_met=6 exceeds=2 provisional=2"; got != want {
		t.Errorf("Counts = %s\n\twant %s", got, want)
	}
	if h := c.Headline(); h.OnTrack != c.GoodOrMet {
		t.Errorf("Headline().OnTrack = %d; want GoodOrMet %d: one definition", h.OnTrack, c.GoodOrMet)
	}
	if a := rep.Agencies[0].Counts; a.GoodOrMet != 6 || a.Exceeds != 2 || a.Provisional != 2 {
		t.Errorf("agency counts good_or_met=%d exceeds=%d provisional=%d; want the city's 6, 2, 2", a.GoodOrMet, a.Exceeds, a.Provisional)
	}
	if s := rep.SectorCounts["s"]; s.GoodOrMet != 6 || s.Exceeds != 2 || s.Provisional != 2 {
		t.Errorf("sector counts good_or_met=%d exceeds=%d provisional=%d; want the city's 6, 2, 2", s.GoodOrMet, s.Exceeds, s.Provisional)
	}

	// Met (tercapai) per evaluation: achievement ≥ 100, or the zero
	// target's rule; unknown where neither applies.
	met := map[string]Met{
		"sangat-baik": MetYes, "baik": MetNo, "cukup": MetNo, "seratus": MetYes,
		"nol": MetYes, "nol-gagal": MetNo,
		"kasus":     MetUnknown, // met so far: the year is not over
		"event":     MetYes,     // the year's target is already reached
		"kunjungan": MetUnknown, // progress, not an achievement
		"kosong":    MetUnknown, // not reported
	}
	for slug, want := range met {
		ev := indicatorReport(t, rep, slug).Latest()
		if ev.Met != want {
			t.Errorf("%s %s (%s) Met = %q; want %q", slug, ev.Quarter, ev.Status, ev.Met, want)
		}
	}
	kosong := indicatorReport(t, rep, "kosong").Latest()
	if kosong.Status != StatusNotReported || kosong.Provisional {
		t.Errorf("kosong %s: status %s, provisional %v; want not_reported and not provisional (no actual)", kosong.Quarter, kosong.Status, kosong.Provisional)
	}

	// Met per year.
	years := map[string]string{
		"tahunan": "2025:yes", // 130 %
		"selesai": "2024:yes", // 150 %, its last year
		// The rest are in progress in 2026, even where the target is
		// already reached (event) or the quarter exceeded it.
		"sangat-baik": "2026:", "baik": "2026:", "nol": "2026:", "event": "2026:", "kasus": "2026:", "kosong": "2026:",
	}
	for slug, want := range years {
		got := ""
		for i, y := range indicatorReport(t, rep, slug).Years {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%d:%s", y.Year, y.Met)
		}
		if got != want {
			t.Errorf("%s years Met = %q; want %q", slug, got, want)
		}
	}
}

// Met of a judged year: by its achievement, or the zero target's rule.
func TestYearMet(t *testing.T) {
	ds := countsCity()
	ds.Results = append(ds.Results, result("baik", "2026-Q4", "99.99"), result("nol", "2026-Q4", "0"), result("nol-gagal", "2026-Q4", "0"),
		result("seratus", "2026-Q4", "100"))
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for slug, want := range map[string]string{
		"baik":      "2026:no",  // last: 99.99 %
		"seratus":   "2026:yes", // 100 %
		"nol":       "2026:yes",
		"nol-gagal": "2026:yes", // last: the year is its Q4, 0 cases
	} {
		yrs := indicatorReport(t, rep, slug).Years
		y := yrs[len(yrs)-1]
		if got := fmt.Sprintf("%d:%s", y.Year, y.Met); got != want {
			t.Errorf("%s %d (%s) Met = %q; want %q", slug, y.Year, y.Status, got, want)
		}
	}
}

// Wherever a status was earned by a value (a category, met, not met, met
// so far, in progress), the evaluation says which value: Compared.
func TestComparedIsSetWhereAStatusWasEarned(t *testing.T) {
	for name, ds := range map[string]*Dataset{
		"city": cityDataset(), "frequencies": freqCity(), "cumulative": cumulativeCity(),
		"counts": countsCity(), "trends": trendCity(), "synthetic": syntheticDataset(200),
	} {
		rep, err := Evaluate(ds, DefaultRules(), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, ir := range rep.Indicators {
			for _, ev := range ir.Series {
				switch ev.Status {
				case StatusCategory, StatusMet, StatusNotMet, StatusMetSoFar, StatusInProgress:
					if ev.Compared == nil || ev.Target == nil {
						t.Errorf("%s: %s %s is %s with Compared %s and target %v; want the value and target that earned it",
							name, ir.Indicator.Slug, ev.Quarter, ev.Status, str(ev.Compared), ev.Target != nil)
					}
				}
			}
		}
	}
}

// The A–Z list's count and the home page's are two definitions with one
// name each: every indicator (12 in countsCity) and those in force in the
// latest quarter (11: selesai ended in 2024), and they add up.
func TestCatalogueCountsEveryIndicator(t *testing.T) {
	rep, err := Evaluate(countsCity(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Catalogue
	if want := (Catalogue{All: 12, InForce: 11, NotInForce: 1}); got != want {
		t.Errorf("Catalogue = %+v; want %+v", got, want)
	}
	if got.InForce != rep.Counts.Total {
		t.Errorf("Catalogue.InForce = %d, Counts.Total = %d; want one count of the indicators in force", got.InForce, rep.Counts.Total)
	}
}
