package iku

import (
	"strings"
	"testing"
)

// freqCity has one indicator of each frequency, reported up to 2026-Q3 as
// each frequency is due, and one that is missing its due period.
func freqCity() *Dataset {
	ind := func(slug string, f Frequency, p Polarity, c Consolidation) Indicator {
		return Indicator{Slug: slug, AgencySlug: "a", SectorSlug: "s", Name: slug, Unit: "%",
			Polarity: p, Consolidation: c, Frequency: f, Decimals: 2, Multiplier: dec("1"), ValidFrom: MustQuarter("2025-Q1")}
	}
	ds := &Dataset{
		Sectors:  []Sector{{Slug: "s", Name: "S"}},
		Agencies: []Agency{{Slug: "a", Name: "A", SectorSlug: "s"}},
		Indicators: []Indicator{
			ind("triwulan", Quarterly, Positive, Last),
			ind("semester", Semiannual, Negative, Last),
			ind("tahun", Annual, Positive, Last),
			ind("semester-jumlah", Semiannual, Positive, Sum),
			ind("tahun-kosong", Annual, Positive, Last), // 2025 never filed
		},
	}
	for _, s := range []string{"triwulan", "semester", "tahun", "semester-jumlah", "tahun-kosong"} {
		ds.Targets = append(ds.Targets, annual(s, 2025, "10"), annual(s, 2026, "10"))
	}
	for _, q := range []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"} {
		ds.Results = append(ds.Results, result("triwulan", q, "9"))
	}
	ds.Results = append(ds.Results,
		result("semester", "2025-Q2", "11"), result("semester", "2025-Q4", "9"), result("semester", "2026-Q2", "8"),
		result("tahun", "2025-Q4", "12"),
		// An annual figure filed in Q1: a warning, not evaluated.
		result("tahun", "2026-Q1", "99"),
		result("semester-jumlah", "2025-Q2", "4"), result("semester-jumlah", "2025-Q4", "7"), result("semester-jumlah", "2026-Q2", "3"),
	)
	return ds
}

func TestFrequencyDue(t *testing.T) {
	tests := []struct {
		f    Frequency
		due  string // due quarter numbers
		next string // next due after 2026-Q3
		prev string // previous due before 2026-Q4
		key  string // period closed by 2026-Q4
	}{
		{Quarterly, "1234", "2026-Q4", "2026-Q3", "2026-Q4"},
		{Semiannual, "24", "2026-Q4", "2026-Q2", "2026-S2"},
		{Annual, "4", "2026-Q4", "2025-Q4", "2026"},
	}
	for _, tt := range tests {
		var due strings.Builder
		for q := 1; q <= 4; q++ {
			if tt.f.Due(q) {
				due.WriteString(string(rune('0' + q)))
			}
		}
		if got := due.String(); got != tt.due {
			t.Errorf("%s due in %s; want %s", tt.f, got, tt.due)
		}
		if got := tt.f.NextDue(MustQuarter("2026-Q3")).String(); got != tt.next {
			t.Errorf("%s.NextDue(2026-Q3) = %s; want %s", tt.f, got, tt.next)
		}
		if got := tt.f.PrevDue(MustQuarter("2026-Q4")).String(); got != tt.prev {
			t.Errorf("%s.PrevDue(2026-Q4) = %s; want %s", tt.f, got, tt.prev)
		}
		if got := tt.f.Period(MustQuarter("2026-Q4")).Key(); got != tt.key {
			t.Errorf("%s.Period(2026-Q4) = %s; want %s", tt.f, got, tt.key)
		}
	}
	if got := Semiannual.Period(MustQuarter("2026-Q2")).Key(); got != "2026-S1" {
		t.Errorf("Semiannual.Period(2026-Q2) = %s; want 2026-S1", got)
	}
}

func TestEvaluateFrequency(t *testing.T) {
	rep, err := Evaluate(freqCity(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Latest.String() != "2026-Q3" {
		t.Fatalf("report latest = %s; want 2026-Q3", rep.Latest)
	}
	tests := []struct {
		slug    string
		series  []string
		years   []string
		dueNow  bool
		nextDue string
	}{
		{
			slug: "triwulan", dueNow: true, nextDue: "2026-Q4",
			series: []string{
				"2025-Q1 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik",
				"2025-Q2 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik prev:steady",
				"2025-Q3 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik prev:steady",
				"2025-Q4 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik prev:steady",
				"2026-Q1 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik prev:steady yago:steady",
				"2026-Q2 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik prev:steady yago:steady",
				"2026-Q3 R=9 ytd=9 category quarter T=10 cmp=9 90.00% baik prev:steady yago:steady",
			},
			years: []string{"2025 R=9 complete category T=10 90.00% baik", "2026 R=9 in_progress T=10 90.00%"},
		},
		{
			// Half-years only: H1 and H2; the previous period is the half before.
			slug: "semester", dueNow: false, nextDue: "2026-Q4",
			series: []string{
				"2025-Q2 R=11 ytd=11 category quarter T=10 cmp=11 90.00% baik",
				"2025-Q4 R=9 ytd=9 category quarter T=10 cmp=9 110.00% sangat_baik exceeds prev:improving",
				"2026-Q2 R=8 ytd=8 category quarter T=10 cmp=8 120.00% sangat_baik exceeds prev:improving yago:improving",
			},
			years: []string{"2025 R=9 complete category T=10 110.00% sangat_baik", "2026 R=8 in_progress T=10 120.00%"},
		},
		{
			// Years only; a complete year is complete; the Q1 filing is ignored.
			slug: "tahun", dueNow: false, nextDue: "2026-Q4",
			series: []string{
				"2025-Q4 R=12 ytd=12 category quarter T=10 cmp=12 120.00% sangat_baik exceeds",
			},
			years: []string{"2025 R=12 complete category T=10 120.00% sangat_baik"},
		},
		{
			// A sum over half-years: the year is H1 + H2.
			slug: "semester-jumlah", dueNow: false, nextDue: "2026-Q4",
			series: []string{
				"2025-Q2 R=4 ytd=4 in_progress annual_progress T=10 cmp=4 40.00%",
				"2025-Q4 R=7 ytd=11 category annual_progress T=10 cmp=11 110.00% sangat_baik exceeds prev:improving",
				"2026-Q2 R=3 ytd=3 in_progress annual_progress T=10 cmp=3 30.00% prev:worsening yago:worsening",
			},
			years: []string{"2025 R=11 complete category T=10 110.00% sangat_baik", "2026 R=nil in_progress T=10"},
		},
		{
			// The due period without an actual: not reported, target shown.
			slug: "tahun-kosong", dueNow: false, nextDue: "2026-Q4",
			series: []string{"2025-Q4 R=nil ytd=nil not_reported quarter T=10"},
			years:  []string{"2025 R=nil not_reported T=10"},
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
		if ir.DueNow != tt.dueNow || ir.NextDue.String() != tt.nextDue {
			t.Errorf("%s: due now %v, next due %s; want %v, %s", tt.slug, ir.DueNow, ir.NextDue, tt.dueNow, tt.nextDue)
		}
	}

	// The overview of 2026-Q3 counts the one indicator due, and the four
	// that are not due on a line of their own: the parts add up.
	c := rep.Counts
	if got, want := fmtCounts(c), "total=5 [baik=1 cukup=0 kurang=0 sangat_baik=0 sangat_kurang=0] in_progress=0 met=0 not_met=0 not_reported=0 no_target=0 incomplete=0"; got != want {
		t.Errorf("counts = %s\n\twant %s", got, want)
	}
	if c.NotDue != 4 || c.NextDue.String() != "2026-Q4" {
		t.Errorf("counts: not due %d, next %s; want 4, 2026-Q4", c.NotDue, c.NextDue)
	}
	if sum := c.Counted() + c.InProgress + c.Met + c.MetSoFar + c.NotMet + c.NotReported + c.NoTarget + c.Incomplete + c.NotDue; sum != c.Total {
		t.Errorf("counts add up to %d; want the total %d", sum, c.Total)
	}
	// In 2026-Q2 the agency's score counts the due ones with a category.
	var q2 Score
	for _, s := range rep.Agencies[0].Scores {
		if s.Quarter.String() == "2026-Q2" {
			q2 = s
		}
	}
	if got, want := fmtScore(q2), "2026-Q2 105.00 counted=2 missing=3"; got != want {
		t.Errorf("score 2026-Q2 = %s; want %s", got, want)
	}
	if q2.Counts.NotDue != 2 || q2.Counts.InProgress != 1 {
		t.Errorf("score 2026-Q2 counts: not due %d, in progress %d; want 2 and 1", q2.Counts.NotDue, q2.Counts.InProgress)
	}

	diffLines(t, "Warnings", rep.Warnings, []string{
		`indicator "tahun" (annual) has a result for 2026-Q1, which is not one of its reporting periods, so it is not shown; file it in 2026-Q4`,
	})
}

func TestYearToDateRules(t *testing.T) {
	// DOMAIN.md, "Year-to-date progress before the year is complete": one
	// sum indicator with an annual target only, cumulative R after Q2.
	tests := []struct {
		name   string
		pol    Polarity
		target string
		q1, q2 string
		want   string
	}{
		{"positive, on its way", Positive, "10", "2", "3", "2026-Q2 R=3 ytd=5 in_progress annual_progress T=10 cmp=5 50.00% prev:improving"},
		{"positive, reached early", Positive, "10", "6", "4", "2026-Q2 R=4 ytd=10 met annual_progress T=10 cmp=10 100.00% prev:worsening"},
		{"ceiling, below", Negative, "10", "2", "6", "2026-Q2 R=6 ytd=8 in_progress annual_ceiling T=10 cmp=8 prev:worsening"},
		{"ceiling, at it", Negative, "10", "4", "6", "2026-Q2 R=6 ytd=10 in_progress annual_ceiling T=10 cmp=10 prev:worsening"},
		{"ceiling, exceeded", Negative, "10", "7", "6", "2026-Q2 R=6 ytd=13 not_met annual_ceiling T=10 cmp=13 prev:improving"},
		{"zero ceiling, none yet", Negative, "0", "0", "0", "2026-Q2 R=0 ytd=0 met_so_far annual_progress T=0 cmp=0 prev:steady"},
		{"zero ceiling, first case", Negative, "0", "0", "1", "2026-Q2 R=1 ytd=1 not_met annual_progress T=0 cmp=1 prev:worsening"},
		{"zero target, positive", Positive, "0", "0", "0", "2026-Q2 R=0 ytd=0 met annual_progress T=0 cmp=0 prev:steady"},
	}
	for _, tt := range tests {
		ds := &Dataset{
			Sectors:  []Sector{{Slug: "s", Name: "S"}},
			Agencies: []Agency{{Slug: "a", Name: "A", SectorSlug: "s"}},
			Indicators: []Indicator{{Slug: "x", AgencySlug: "a", SectorSlug: "s", Name: "X",
				Polarity: tt.pol, Consolidation: Sum, Frequency: Quarterly}},
			Targets: []Target{annual("x", 2026, tt.target)},
			Results: []Result{result("x", "2026-Q1", tt.q1), result("x", "2026-Q2", tt.q2)},
		}
		rep, err := Evaluate(ds, DefaultRules(), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := fmtEval(rep.Indicators[0].Latest()); got != tt.want {
			t.Errorf("%s: latest = %s\n\twant %s", tt.name, got, tt.want)
		}
	}
}

func TestValidateContract(t *testing.T) {
	// The rules of the database's CHECK constraints and the number bound
	// apply to every source.
	long := strings.Repeat("9", 400)
	tests := []struct {
		name string
		edit func(ds *Dataset)
		want string
	}{
		{"unknown frequency", func(ds *Dataset) { ds.Indicators[0].Frequency = "Triwulanan" },
			`indicator "triwulan" has frequency "Triwulanan"; use quarterly, semiannual or annual`},
		{"no frequency", func(ds *Dataset) { ds.Indicators[0].Frequency = "" },
			`indicator "triwulan" has no frequency; set it to quarterly, semiannual or annual`},
		{"slug with a leading hyphen", func(ds *Dataset) { ds.Indicators[0].Slug = "-ikm-" },
			`indicator slug "-ikm-" (row 1 of the indicators table) is not made of lowercase letters, digits and hyphens; slugs become URLs, so write it like "ikm"`},
		{"slug with a double hyphen", func(ds *Dataset) { ds.Agencies[0].Slug = "dinkes--ikm" },
			`agency slug "dinkes--ikm" (row 1 of the agencies table) is not made of lowercase letters, digits and hyphens; slugs become URLs, so write it like "dinkes-ikm"`},
		{"400 digits", func(ds *Dataset) { ds.Results[0].Actual = DecimalPtr(long) },
			`the actual of indicator "triwulan" for 2025-Q1 is 9999999999999999…99999999 (400 characters), which has 400 digits before the decimal point; the limit is 15: check the value (a unit such as "juta rupiah" keeps numbers short)`},
		{"400 decimals", func(ds *Dataset) { ds.Targets[0].Value = MustDecimal("0." + long) },
			`the target of indicator "triwulan" for 2025 (annual) is 0.99999999999999…99999999 (402 characters), which has 400 decimal places; the limit is 15: round it in the source`},
		{"16 digits numerator", func(ds *Dataset) { ds.Results[0].Numerator = DecimalPtr("-1234567890123456") },
			`the numerator of indicator "triwulan" for 2025-Q1 is -1234567890123456, which has 16 digits before the decimal point; the limit is 15: check the value (a unit such as "juta rupiah" keeps numbers short)`},
	}
	for _, tt := range tests {
		ds := freqCity()
		tt.edit(ds)
		err := ds.Validate()
		if err == nil || err.Error() != tt.want || ErrorKind(err) != Invalid {
			t.Errorf("%s: Validate() = %v\n\twant %s", tt.name, err, tt.want)
		}
	}
	// At the bound, values compute and display exactly.
	ds := freqCity()
	ds.Results[6].Actual = DecimalPtr("999999999999999.999999999999999")
	ds.Targets[1].Value = MustDecimal("0.000000000000001")
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := fmtEval(rep.Indicators[0].Latest())
	want := "2026-Q3 R=999999999999999.999999999999999 ytd=999999999999999.999999999999999 category quarter T=0.000000000000001 cmp=999999999999999.999999999999999 99999999999999999999999999999900.00% sangat_baik exceeds prev:improving yago:improving"
	if got != want {
		t.Errorf("at the bound: %s\n\twant %s", got, want)
	}
}

func FuzzDecimal(f *testing.F) {
	for _, s := range []string{"0", "-12.50", "107.14", "+1", ".5", "1.", "", "-", "1e5", "999999999999999.999999999999999", strings.Repeat("9", 400), "0." + strings.Repeat("1", 400), "-0.000"} {
		f.Add(s, "7")
	}
	f.Fuzz(func(t *testing.T, s, t2 string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		// The text is kept exactly (less a leading +).
		if got := d.String(); got != strings.TrimPrefix(s, "+") {
			t.Fatalf("ParseDecimal(%q).String() = %q", s, got)
		}
		// The fast path and math/big agree.
		if fixedOf(d).rat().Cmp(d.Rat()) != 0 {
			t.Fatalf("fixedOf(%q) = %s; want %s", s, fixedOf(d).rat().RatString(), d.Rat().RatString())
		}
		_ = checkBounds(d)
		r := d.Round(2)
		if _, err := ParseDecimal(r.String()); err != nil {
			t.Fatalf("Round(%q) = %q, which does not parse", s, r)
		}
		if checkBounds(d) != nil {
			return
		}
		tv, err := ParseDecimal(t2)
		if err != nil || checkBounds(tv) != nil {
			return
		}
		for _, p := range []Polarity{Positive, Negative} {
			if a := Achievement(p, Target{Value: tv}, d); a != nil {
				if _, err := ParseDecimal(a.String()); err != nil {
					t.Fatalf("Achievement(%s, %q, %q) = %q", p, t2, s, a)
				}
			}
		}
	})
}
