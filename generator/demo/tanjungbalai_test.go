package demo

import (
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

func TestTanjungbalaiIsDeterministic(t *testing.T) {
	if !reflect.DeepEqual(Tanjungbalai(), Tanjungbalai()) {
		t.Fatal("two calls of Tanjungbalai() differ")
	}
}

func TestTanjungbalaiTables(t *testing.T) {
	c := Tanjungbalai()
	checkCity(t, c)
	if len(c.Agencies) < 16 {
		t.Errorf("%d agencies; want at least 16", len(c.Agencies))
	}
	if len(c.Indicators) < 85 {
		t.Errorf("%d indicators; want at least 85", len(c.Indicators))
	}
	var kecamatan int
	for _, a := range c.Agencies {
		if a.Kind == "kecamatan" {
			kecamatan++
		}
	}
	if kecamatan != 6 {
		t.Errorf("%d kecamatan offices; want 6", kecamatan)
	}
	for _, ind := range c.Indicators {
		if ind.Name == "" || ind.Unit == "" || ind.Definition == "" || ind.Formula == "" || ind.Source == "" ||
			ind.Verification == "" || ind.Limitations == "" || ind.Frequency == "" {
			t.Errorf("indicator %q lacks metadata: %+v", ind.Slug, ind)
		}
		want := map[string]int{"%": 2, "IKM": 2, "menit": -1, "kunjungan": 0, "kasus": 0}[ind.Unit]
		if want == -1 && ind.Decimals != 1 && ind.Decimals != 2 || want > 0 && ind.Decimals != want {
			t.Errorf("indicator %q in %s has %d decimals", ind.Slug, ind.Unit, ind.Decimals)
		}
		if ind.Unit == "IKM" && (ind.Polarity != iku.Positive || ind.Consolidation != iku.Last ||
			str(ind.MinValue) != "25" || str(ind.MaxValue) != "100") {
			t.Errorf("IKM indicator %q is not positive, last, 25–100", ind.Slug)
		}
	}
	withIKM := map[string]bool{}
	for _, ind := range c.Indicators {
		if ind.Unit == "IKM" {
			withIKM[ind.AgencySlug] = true
		}
	}
	for _, a := range c.Agencies {
		if !withIKM[a.Slug] {
			t.Errorf("agency %q has no IKM indicator", a.Slug)
		}
	}
	for _, p := range c.Predicates {
		if !slices.Contains([]string{"Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"}, p.Predicate) {
			t.Errorf("predicate %q is not one of PermenPANRB 6/2022", p.Predicate)
		}
	}
}

// TestTanjungbalaiCoversTheRules checks that the demo exercises every rule
// of DOMAIN.md.
func TestTanjungbalaiCoversTheRules(t *testing.T) {
	c := Tanjungbalai()
	ds := c.Dataset()
	ind := map[string]iku.Indicator{}
	seen := map[string]bool{}
	for _, i := range c.Indicators {
		ind[i.Slug] = i
		seen[string(i.Polarity)] = true
		seen[string(i.Consolidation)] = true
		if i.Unit == "IKM" {
			seen["ikm"] = true
		}
		if i.ValidFrom == iku.MustQuarter("2023-Q1") {
			seen["introduced 2023-Q1"] = true
		}
		if i.ValidTo != nil {
			seen["ended"] = true
		}
		if i.Consolidation == iku.RunningTotal {
			seen["running total"] = true
		}
	}
	annual := map[string]map[int]bool{}
	quarterly := map[string]bool{}
	for _, tg := range c.Targets {
		i := ind[tg.IndicatorSlug]
		if tg.Quarter == 0 {
			if annual[tg.IndicatorSlug] == nil {
				annual[tg.IndicatorSlug] = map[int]bool{}
			}
			annual[tg.IndicatorSlug][tg.Year] = true
		} else {
			quarterly[tg.IndicatorSlug] = true
			seen[string(tg.Basis)] = true
		}
		if tg.IsRange() {
			seen["range "+string(i.Polarity)] = true
		}
		if tg.Value.Sign() == 0 && !tg.IsRange() {
			seen["zero target"] = true
		}
	}
	var missing []string
	for _, i := range c.Indicators {
		last := 2026
		if i.ValidTo != nil {
			last = i.ValidTo.Year
		}
		for y := i.ValidFrom.Year; y <= last; y++ {
			if !annual[i.Slug][y] {
				missing = append(missing, i.Slug)
			}
		}
		if i.Consolidation == iku.Sum && !quarterly[i.Slug] {
			seen["sum with annual target only"] = true
		}
	}
	if len(missing) != 1 {
		t.Errorf("indicator-years without an annual target: %v; want exactly one", missing)
	}
	first, last := ds.Results[0].Quarter, ds.Results[0].Quarter
	for _, r := range ds.Results {
		if r.Actual == nil {
			seen["nil actual"] = true
		}
		if r.Provisional {
			seen["provisional"] = true
		}
		if r.Quarter.Before(first) {
			first = r.Quarter
		}
		if last.Before(r.Quarter) {
			last = r.Quarter
		}
	}
	if first != First || last != Last {
		t.Errorf("results run from %s to %s; want %s to %s", first, last, First, Last)
	}
	for _, want := range []string{"positive", "negative", "sum", "average", "last", "ikm", "per_quarter", "cumulative",
		"range positive", "range negative", "zero target", "sum with annual target only", "nil actual", "provisional",
		"introduced 2023-Q1", "ended", "running total"} {
		if !seen[want] {
			t.Errorf("the demo has no %s", want)
		}
	}
	if !slices.Contains(c.Employees, Canary) {
		t.Error("Canary is not among the employees")
	}
}

func TestWaitingTimePair(t *testing.T) {
	c := Tanjungbalai()
	var minutes, share *iku.Indicator
	for i := range c.Indicators {
		switch c.Indicators[i].Name {
		case "Rata-rata waktu tunggu rawat jalan":
			minutes = &c.Indicators[i]
		case "Persentase pasien rawat jalan dengan waktu tunggu ≤ 60 menit":
			share = &c.Indicators[i]
		}
	}
	if minutes == nil || share == nil {
		t.Fatal("the RSUD waiting-time pair is missing")
	}
	if minutes.AgencySlug != "rsud-tengku-mansyur" || minutes.Unit != "menit" || minutes.Polarity != iku.Negative || minutes.Consolidation != iku.Average {
		t.Errorf("waiting time: %+v", *minutes)
	}
	if share.Unit != "%" || share.Polarity != iku.Positive || share.Multiplier.String() != "100" || share.Consolidation != iku.Average {
		t.Errorf("share within 60 minutes: %+v", *share)
	}
	for _, tg := range c.Targets {
		if tg.IndicatorSlug == share.Slug && tg.Value.String() != "80.00" {
			t.Errorf("share target %v; want 80.00", tg)
		}
		if tg.IndicatorSlug == minutes.Slug && tg.Year >= 2025 && tg.Value.String() != "60.00" {
			t.Errorf("waiting-time target %v; want 60.00 from 2025", tg)
		}
	}
	units := map[string]bool{}
	for _, m := range c.Measurements {
		if m.IndicatorSlug == minutes.Slug {
			units[m.UnitSlug] = true
		}
	}
	if len(units) < 5 {
		t.Errorf("waiting time is measured in %d polyclinics; want several", len(units))
	}
}

func TestMeasurements(t *testing.T) {
	c := Tanjungbalai()
	unitAgency := map[string]string{}
	for _, u := range c.ServiceUnits {
		unitAgency[u.Slug] = u.AgencySlug
	}
	ind := map[string]iku.Indicator{}
	for _, i := range c.Indicators {
		ind[i.Slug] = i
	}
	whole := regexp.MustCompile(`^[0-9]+$`)
	type key struct {
		ind, unit string
		y, m      int
	}
	seen := map[key]bool{}
	for _, m := range c.Measurements {
		i := ind[m.IndicatorSlug]
		if unitAgency[m.UnitSlug] != i.AgencySlug {
			t.Fatalf("measurement of %q in unit %q of another agency", m.IndicatorSlug, m.UnitSlug)
		}
		k := key{m.IndicatorSlug, m.UnitSlug, m.Year, m.Month}
		if seen[k] {
			t.Fatalf("two measurements for %v", k)
		}
		seen[k] = true
		for _, d := range []*iku.Decimal{m.Value, m.Numerator, m.Denominator} {
			if d != nil && !whole.MatchString(d.String()) {
				t.Fatalf("measurement %v has a value that is not a whole number: %s", k, d)
			}
		}
		q := iku.Quarter{Year: m.Year, Q: (m.Month-1)/3 + 1}
		if q.Before(First) || Last.Before(q) {
			t.Fatalf("measurement %v is outside %s–%s", k, First, Last)
		}
	}
	// Tourism peaks: Idul Fitri and December are above the year's mean.
	byMonth := map[[2]int]int{}
	for _, m := range c.Measurements {
		if m.IndicatorSlug == "disporapar-kunjungan-wisatawan" && m.Value != nil {
			byMonth[[2]int{m.Year, m.Month}] += int(m.Value.Float64())
		}
	}
	for _, peak := range [][2]int{{2023, 4}, {2024, 4}, {2025, 4}, {2026, 3}, {2023, 12}, {2024, 12}} {
		var total int
		for mo := 1; mo <= 12; mo++ {
			total += byMonth[[2]int{peak[0], mo}]
		}
		n := 12
		if peak[0] == Last.Year {
			n = 3 * Last.Q
		}
		if byMonth[peak] < 13*total/(10*n) {
			t.Errorf("visits in %d-%02d are %d; want a peak at least 30 %% above the mean %d", peak[0], peak[1], byMonth[peak], total/n)
		}
	}
}

func TestEmployees(t *testing.T) {
	c := Tanjungbalai()
	if n := len(c.Employees); n < 900 || n > 1100 {
		t.Errorf("%d employees; want about 1,000", n)
	}
	agencies := map[string]bool{}
	for _, a := range c.Agencies {
		agencies[a.Slug] = true
	}
	nip := regexp.MustCompile(`^(19[6-9][0-9]|200[0-9])(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(19[89][0-9]|20[0-2][0-9])(0[1-9]|1[0-2])[12](00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})$`)
	seen := map[string]bool{}
	for _, e := range c.Employees {
		if !nip.MatchString(e.NIP) {
			t.Errorf("NIP %q of %q is not built like a real one", e.NIP, e.Name)
		}
		if seen[e.NIP] {
			t.Errorf("NIP %q is not unique", e.NIP)
		}
		seen[e.NIP] = true
		if !agencies[e.AgencySlug] || e.Name == "" || e.Position == "" {
			t.Errorf("employee %+v", e)
		}
	}
	for _, r := range c.Ratings {
		if !seen[r.NIP] {
			t.Errorf("rating of unknown NIP %q", r.NIP)
		}
		if r.Score.Cmp(iku.MustDecimal("50")) < 0 || r.Score.Cmp(iku.MustDecimal("100")) > 0 {
			t.Errorf("rating score %s out of 50–100", r.Score)
		}
	}
	if len(c.Ratings) < 3*len(c.Employees) {
		t.Errorf("%d ratings for %d employees; want yearly ratings", len(c.Ratings), len(c.Employees))
	}
}

// TestDemoPlants: kinerja check on the demo finds exactly the problems
// the demo plants on purpose, and each of them (Plants).
func TestDemoPlants(t *testing.T) {
	ds := Tanjungbalai().Dataset()
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range iku.Check(ds, rep, iku.DefaultCheckConfig()) {
		got = append(got, string(f.Code)+" "+f.Indicator)
	}
	var want []string
	for _, p := range Plants {
		want = append(want, string(p.Code)+" "+p.Indicator)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("kinerja check on the demo finds\n\t%v\nwant the planted problems\n\t%v", got, want)
	}
}

// The hypertension coverage is a running total since January
// (consolidation cumulative, DOMAIN.md "Quarters and years"): Q1 to Q3
// show progress toward the annual target and no category, so that a
// service on pace never reads "Sangat Kurang" in Q1; Q4 and the year are
// judged against the annual target.
func TestHypertensionIsCumulative(t *testing.T) {
	ds := Tanjungbalai().Dataset()
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ir *iku.IndicatorReport
	for i := range rep.Indicators {
		if rep.Indicators[i].Indicator.Slug == "dinkes-hipertensi-sesuai-standar" {
			ir = &rep.Indicators[i]
		}
	}
	if ir == nil || ir.Indicator.Consolidation != iku.RunningTotal {
		t.Fatalf("dinkes-hipertensi-sesuai-standar is not cumulative")
	}
	for _, ev := range ir.Series {
		if ev.Actual == nil {
			continue
		}
		q4 := ev.Quarter.Q == 4
		switch {
		case ev.Basis != iku.BasisAnnualProgress || ev.Target == nil || ev.Target.Quarter != 0:
			t.Errorf("%s: basis %s; want annual_progress against the annual target", ev.Quarter, ev.Basis)
		case !q4 && (ev.Status == iku.StatusCategory || ev.Category != ""):
			t.Errorf("%s: %s %s; want progress, never a category, before Q4", ev.Quarter, ev.Status, ev.Category)
		case q4 && ev.Status != iku.StatusCategory:
			t.Errorf("%s: %s; want a category in Q4", ev.Quarter, ev.Status)
		case ev.Compared == nil || ev.Compared.String() != ev.Actual.String():
			t.Errorf("%s: compared %v with actual %s; want the quarter's own running total", ev.Quarter, ev.Compared, ev.Actual)
		}
	}
	for _, y := range ir.Years {
		if y.Year < 2026 && (y.Status != iku.StatusCategory || y.Target == nil) {
			t.Errorf("%d: %s; want a category against the annual target", y.Year, y.Status)
		}
	}

	// Declared last, the same figures draw the check's warning.
	for i := range ds.Indicators {
		if ds.Indicators[i].Slug == ir.Indicator.Slug {
			ds.Indicators[i].Consolidation = iku.Last
		}
	}
	rep, err = iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range iku.Check(ds, rep, iku.DefaultCheckConfig()) {
		found = found || f.Code == iku.CodeLooksCumulative && f.Indicator == ir.Indicator.Slug
	}
	if !found {
		t.Errorf("kinerja check does not warn about %s declared last; want looks_cumulative", ir.Indicator.Slug)
	}
}
