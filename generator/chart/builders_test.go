package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

const hostile = `</text><script>alert(1)</script><img src=x onerror=alert(1)>`

// allCharts are the charts of report(name): the trend, the agency's
// achievements, the overview and a comparison.
func allCharts(t testing.TB, name string) []Chart {
	t.Helper()
	m := model(t, report(name), nil)
	l := DefaultLabels()
	ach, ok := AgencyAchievements(m.Agency("rsud"), m, l)
	if !ok {
		t.Fatal("the agency has no bars")
	}
	return []Chart{IndicatorTrend(m.Indicator("waktu-tunggu-rawat-jalan"), l), ach, Overview(m, l)}
}

// decodeOption reads an option keeping numbers as their JSON text.
func decodeOption(t *testing.T, c Chart) map[string]any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(c.Option))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		t.Fatalf("%s: option is not JSON: %v", c.ID, err)
	}
	return m
}

func TestOptionIsSafeJSON(t *testing.T) {
	for _, c := range allCharts(t, hostile) {
		if !json.Valid(c.Option) {
			t.Fatalf("%s: option is not valid JSON", c.ID)
		}
		for _, bad := range []string{"__f__", "function", "<", ">"} {
			if bytes.Contains(c.Option, []byte(bad)) {
				t.Errorf("%s: option contains %q", c.ID, bad)
			}
		}
		m := decodeOption(t, c)
		for _, key := range []string{"toolbox", "title"} {
			if _, ok := m[key]; ok {
				t.Errorf("%s: option has a %q; want none", c.ID, key)
			}
		}
		if m["animation"] != false {
			t.Errorf("%s: animation = %v; want false", c.ID, m["animation"])
		}
		aria, _ := m["aria"].(map[string]any)
		label, _ := aria["label"].(map[string]any)
		decal, _ := aria["decal"].(map[string]any)
		if aria["enabled"] != true || decal["show"] != true || label["description"] != c.Description {
			t.Errorf("%s: aria = %v; want enabled, decals shown and the description %q", c.ID, aria, c.Description)
		}
		if c.Description == "" || strings.Contains(c.Description, "{") {
			t.Errorf("%s: description %q is empty or has an unfilled placeholder", c.ID, c.Description)
		}
		if c.Width <= 0 || c.Height <= 0 {
			t.Errorf("%s: size %d×%d", c.ID, c.Width, c.Height)
		}
	}
}

// A chart's ID and description are its record's: the page names the same
// chart and shows the same sentence under it.
func TestIDsAndDescriptionsAreTheRecords(t *testing.T) {
	a, b := allCharts(t, "Nama"), allCharts(t, "Nama")
	m := model(t, report("Nama"), nil)
	want := []display.Chart{m.Indicator("waktu-tunggu-rawat-jalan").Chart, m.Agency("rsud").Chart, m.Site.Home.Overview}
	for i := range a {
		if a[i].ID != want[i].ID || b[i].ID != want[i].ID || a[i].Description != want[i].Summary {
			t.Errorf("chart %d: ID %q, %q; want %q; description %q; want %q", i, a[i].ID, b[i].ID, want[i].ID, a[i].Description, want[i].Summary)
		}
		if !bytes.Equal(a[i].Option, b[i].Option) {
			t.Errorf("%s: two builds give different options", a[i].ID)
		}
	}
	for i, id := range []string{"iku-waktu-tunggu-rawat-jalan-trend", "opd-rsud-achievements", "home-status-by-sector"} {
		if a[i].ID != id {
			t.Errorf("chart %d: ID %q; want %q", i, a[i].ID, id)
		}
	}
}

// sameNumber reports whether the JSON number n is exactly the value of d.
func sameNumber(n any, d *iku.Decimal) bool {
	if d == nil {
		return n == nil
	}
	num, ok := n.(json.Number)
	if !ok {
		return false
	}
	r, ok := new(big.Rat).SetString(num.String())
	return ok && r.Cmp(d.Rat()) == 0
}

func seriesByName(t *testing.T, m map[string]any, name string) []any {
	t.Helper()
	for _, s := range m["series"].([]any) {
		s := s.(map[string]any)
		if s["name"] == name {
			return s["data"].([]any)
		}
	}
	t.Fatalf("no series %q", name)
	return nil
}

func categoryAxis(t *testing.T, m map[string]any) []any {
	t.Helper()
	for _, axis := range []string{"xAxis", "yAxis"} {
		a := m[axis].([]any)[0].(map[string]any)
		if a["type"] == "category" {
			return a["data"].([]any)
		}
	}
	t.Fatal("no category axis")
	return nil
}

func TestTrendNumbersAreTheTable(t *testing.T) {
	ind := indicator(t, waitingTime("Waktu tunggu"))
	l := DefaultLabels()
	c := IndicatorTrend(ind, l)
	m := decodeOption(t, c)

	// The series are named by the record's legend (the theme's words).
	if ind.Legend != [2]string{"Realisasi", "Target"} {
		t.Errorf("legend %q; want the theme's Realisasi and Target", ind.Legend)
	}
	actual := seriesByName(t, m, ind.Legend[0])
	target := seriesByName(t, m, ind.Legend[1])
	low := seriesByName(t, m, l.TargetLow)
	high := seriesByName(t, m, l.TargetHigh)
	x := categoryAxis(t, m)
	if len(actual) != len(ind.Rows) || len(x) != len(ind.Rows) {
		t.Fatalf("%d actuals and %d quarters; want %d", len(actual), len(x), len(ind.Rows))
	}
	wantTargets := map[string][3]*iku.Decimal{ // year → target, low, high
		"2024": {dec("60"), nil, nil},
		"2025": {dec("55"), nil, nil},
		"2026": {nil, dec("40"), dec("45")},
	}
	for i, r := range ind.Rows {
		if got := x[i]; got != r.Short {
			t.Errorf("x[%d] = %v; want the row's short name %q", i, got, r.Short)
		}
		if !sameNumber(actual[i], r.Plotted()) || !sameNumber(actual[i], r.Eval.Actual) || r.Actual.Sort != "" && actual[i].(json.Number).String() != r.Actual.Sort {
			t.Errorf("actual %s = %v; want %v, the table's %q (null when not reported)", r.Key, actual[i], r.Eval.Actual, r.Actual.Sort)
		}
		w := wantTargets[r.Key[:4]]
		if r.Key == "2025-Q4" {
			w[0] = dec("50.5") // the quarterly target overrides the annual one
		}
		if !sameNumber(target[i], w[0]) || !sameNumber(low[i], w[1]) || !sameNumber(high[i], w[2]) {
			t.Errorf("targets %s = %v, %v–%v; want %v, %v–%v", r.Key, target[i], low[i], high[i], w[0], w[1], w[2])
		}
	}
	if x[0] != "TW I 2024" || x[10] != "TW III 2026" {
		t.Errorf("axis from %v to %v; want TW I 2024 to TW III 2026", x[0], x[10])
	}
	if actual[2] != nil {
		t.Errorf("a quarter not reported is %v; want null (a gap, never 0)", actual[2])
	}
	// Float64 gives the same number: what the table shows is what is drawn.
	for i, r := range ind.Rows {
		if r.Eval.Actual == nil {
			continue
		}
		f, _ := actual[i].(json.Number).Float64()
		if f != r.Eval.Actual.Float64() || math.IsNaN(f) {
			t.Errorf("actual %s = %v; want %v", r.Key, f, r.Eval.Actual.Float64())
		}
	}
	for _, want := range []string{"Triwulan III 2026", "41,35\u00a0menit", "40–45\u00a0menit"} {
		if !strings.Contains(c.Description, want) {
			t.Errorf("description %q lacks %q", c.Description, want)
		}
	}
}

func TestTrendOfWholeNumbersHasWholeTicks(t *testing.T) {
	for _, tc := range []struct {
		decimals int
		want     any
	}{{0, json.Number("1")}, {1, nil}} {
		ir := waitingTime("Kasus")
		ir.Indicator.Decimals = tc.decimals
		m := decodeOption(t, trend(t, ir))
		if got := m["yAxis"].([]any)[0].(map[string]any)["minInterval"]; got != tc.want {
			t.Errorf("decimals %d: minInterval = %v; want %v", tc.decimals, got, tc.want)
		}
	}
}

func TestTrendWithoutTargetsDrawsActualsOnly(t *testing.T) {
	ir := waitingTime("Kunjungan")
	ir.Targets = nil
	withTargets(ir)
	m := decodeOption(t, trend(t, ir))
	if n := len(m["series"].([]any)); n != 1 {
		t.Errorf("%d series; want 1 (actuals)", n)
	}
}

func TestAgencyAchievements(t *testing.T) {
	rep := report("RSUD")
	m := model(t, rep, nil)
	l := DefaultLabels()
	c, ok := AgencyAchievements(m.Agency("rsud"), m, l)
	if !ok {
		t.Fatal("no bars")
	}
	o := decodeOption(t, c)
	y := o["yAxis"].([]any)[0].(map[string]any)
	rows := y["data"].([]any)
	// In the table's order, named as the table names them; bor (not
	// reported) has no bar.
	wantSlugs := []string{"waktu-tunggu-rawat-jalan", "ikm", "baru"}
	if len(rows) != len(wantSlugs) {
		t.Fatalf("rows %v; want %v", rows, wantSlugs)
	}
	data := o["series"].([]any)[0].(map[string]any)["data"].([]any)
	for i, s := range wantSlugs {
		ind := m.Indicator(s)
		e := ind.Rows[len(ind.Rows)-1].Eval
		if rows[i] != ind.List.Name.Text.Text || !sameNumber(data[i], e.Achievement) {
			t.Errorf("row %d = %v %v; want %v %v", i, rows[i], data[i], ind.List.Name.Text.Text, e.Achievement)
		}
	}
	if y["type"] != "category" || o["xAxis"].([]any)[0].(map[string]any)["type"] != "value" {
		t.Errorf("axes %v / %v; want horizontal bars", o["xAxis"], o["yAxis"])
	}
	ml := o["series"].([]any)[0].(map[string]any)["markLine"].(map[string]any)["data"].([]any)
	if len(ml) != 1 || ml[0].(map[string]any)["xAxis"] != json.Number("100") {
		t.Errorf("markLine data %v; want one line at x = 100", ml)
	}
	if max, ok := o["xAxis"].([]any)[0].(map[string]any)["max"]; ok {
		t.Errorf("x axis max = %v with a bar at 100; want ECharts' own", max)
	}

	// All short of 100: the axis reaches 100, so the line is drawn.
	rep.Indicators[0].Series[len(rep.Indicators[0].Series)-1].Achievement = dec("99.99")
	m = model(t, rep, nil)
	c, _ = AgencyAchievements(m.Agency("rsud"), m, l)
	if max := decodeOption(t, c)["xAxis"].([]any)[0].(map[string]any)["max"]; max != json.Number("100") {
		t.Errorf("x axis max = %v with every bar short of 100; want 100", max)
	}

	// An indicator not due this quarter has no bar, nor has an agency
	// whose indicators have none.
	for i := range rep.Indicators {
		rep.Indicators[i].DueNow = false
	}
	m = model(t, rep, nil)
	if c, ok := AgencyAchievements(m.Agency("rsud"), m, l); ok {
		t.Errorf("no indicator is due; chart %s drawn", c.Option)
	}
}

func TestOverview(t *testing.T) {
	m := model(t, report("Kesehatan"), nil)
	l := DefaultLabels()
	c := Overview(m, l)
	o := decodeOption(t, c)
	// Every sector, in the order of the table under the chart.
	rows := categoryAxis(t, o)
	wantRows := []any{"Kesehatan", "Pariwisata", "Pendidikan", "Tanpa indikator"}
	if len(rows) != len(wantRows) {
		t.Fatalf("rows %v; want %v", rows, wantRows)
	}
	for i := range rows {
		if rows[i] != wantRows[i] || rows[i] != m.Sector(m.Site.Home.Sectors[i]).Name.Text {
			t.Errorf("row %d = %v; want %v, the table's", i, rows[i], wantRows[i])
		}
	}
	want := map[string][]string{ // series → counts per row
		"Sangat Baik":                   {"2", "1", "0", "0"},
		"Baik":                          {"1", "0", "0", "0"},
		"Cukup":                         {"0", "0", "1", "0"},
		"Sangat Kurang":                 {"0", "0", "1", "0"},
		"Tercapai":                      {"1", "0", "0", "0"},
		"Dalam proses":                  {"0", "2", "0", "0"},
		"Belum lengkap":                 {"0", "1", "0", "0"},
		"Target belum ditetapkan":       {"0", "0", "2", "0"},
		"Belum dilaporkan":              {"2", "0", "0", "0"},
		"Tidak dilaporkan triwulan ini": {"0", "1", "0", "0"},
	}
	series := o["series"].([]any)
	if len(series) != len(want) {
		t.Errorf("%d series; want %d (Kurang, Tercapai sejauh ini and Tidak tercapai are empty everywhere)", len(series), len(want))
	}
	var order []string
	for _, s := range series {
		s := s.(map[string]any)
		name := s["name"].(string)
		order = append(order, name)
		if s["stack"] != "status" || s["type"] != "bar" {
			t.Errorf("series %q is not a stacked bar: %v", name, s)
		}
		for i, v := range s["data"].([]any) {
			if w := want[name]; w == nil || v.(json.Number).String() != w[i] {
				t.Errorf("%s[%d] = %v; want %v", name, i, v, want[name])
			}
		}
	}
	// The order of the table's columns.
	if got := strings.Join(order, ","); got != "Sangat Baik,Baik,Cukup,Sangat Kurang,Tercapai,Dalam proses,Belum lengkap,Target belum ditetapkan,Belum dilaporkan,Tidak dilaporkan triwulan ini" {
		t.Errorf("series order %s", got)
	}
	var cols []string
	for _, st := range m.Site.Columns {
		cols = append(cols, st.Label)
	}
	if joined := strings.Join(cols, ","); !strings.HasPrefix(joined, "Sangat Baik,Baik,Cukup,Kurang,Sangat Kurang,Tercapai,Tercapai sejauh ini,Dalam proses") {
		t.Errorf("the table's columns are %s; the expected series order above is theirs", joined)
	}
}

func TestLabels(t *testing.T) {
	if err := DefaultLabels().Validate(); err != nil {
		t.Errorf("DefaultLabels().Validate() = %v; want nil", err)
	}
	l := DefaultLabels()
	l.Target, l.NotDue = "", " "
	err := l.Validate()
	if err == nil || !strings.Contains(err.Error(), "NotDue, Target") {
		t.Errorf("Validate() = %v; want NotDue and Target named", err)
	}
	if err := (RatingLabels{Count: "x", Share: "y"}).Validate(); err == nil || !strings.Contains(err.Error(), "Score") {
		t.Errorf("RatingLabels.Validate() = %v; want Score named", err)
	}
}

func TestNumbersAreExact(t *testing.T) {
	for in, want := range map[string]string{
		"41.35": "41.35", "60.00": "60.00", "-16.67": "-16.67", "007": "7", ".5": "0.5", "-.25": "-0.25", "-0": "-0", "1250": "1250",
	} {
		d := iku.MustDecimal(in)
		got := num(&d)
		if got != json.Number(want) || !sameNumber(got, &d) {
			t.Errorf("num(%s) = %v; want %s", in, got, want)
		}
	}
	if num(nil) != nil {
		t.Errorf("num(nil) = %v; want nil (a gap)", num(nil))
	}
}

// contrast is the WCAG contrast ratio of a colour against white.
func contrast(hex string) float64 {
	lum := 0.0
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += w * c
	}
	return 1.05 / (lum + 0.05)
}

func TestPaletteContrast(t *testing.T) {
	colors := []string{colorActual, colorTarget, colorBar, colorRule, textColor, axisColor}
	// The statuses' colours (display.Colours, which the chips use too),
	// but the not-due part of a bar, which is decoration.
	for _, c := range display.Colours(iku.DefaultRules().Categories) {
		if c.Key != display.NotDue {
			colors = append(colors, c.Ink)
		}
	}
	for _, c := range colors {
		if r := contrast(c); r < 3 {
			t.Errorf("%s has %.2f:1 contrast on white; want at least 3:1", c, r)
		}
	}
	for _, c := range []string{textColor, axisColor} {
		if r := contrast(c); r < 4.5 {
			t.Errorf("text colour %s has %.2f:1 contrast on white; want at least 4.5:1", c, r)
		}
	}
}

func TestEmptyCharts(t *testing.T) {
	for _, c := range emptyCharts(t) {
		if !json.Valid(c.Option) || c.Description == "" || strings.Contains(c.Description, "{") {
			t.Errorf("%s: option %s, description %q", c.ID, c.Option, c.Description)
		}
	}
}

// A count compared with its annual target is drawn year to date, like the
// rules compare it: the line climbs towards the target through the year.
func TestTrendOfProgressIsYearToDate(t *testing.T) {
	annual := iku.Target{IndicatorSlug: "kunjungan", Year: 2026, Value: iku.MustDecimal("1000")}
	ir := &iku.IndicatorReport{
		Indicator: iku.Indicator{Slug: "kunjungan", Name: "Kunjungan wisatawan", Unit: "kunjungan",
			Polarity: iku.Positive, Consolidation: iku.Sum, Frequency: iku.Quarterly},
		Targets: []iku.Target{annual}, DueNow: true,
	}
	quarterly := []string{"200", "300", "250"}
	ytd := []string{"200", "500", "750"}
	for i := range quarterly {
		ir.Series = append(ir.Series, iku.Evaluation{
			Quarter: iku.Quarter{Year: 2026, Q: i + 1}, Actual: dec(quarterly[i]), YearToDate: dec(ytd[i]),
			Compared: dec(ytd[i]), Basis: iku.BasisAnnualProgress, Target: &annual, Status: iku.StatusInProgress,
		})
	}
	ind := indicator(t, ir)
	l := DefaultLabels()
	c := IndicatorTrend(ind, l)
	m := decodeOption(t, c)
	if ind.Legend[0] != "Realisasi s.d. triwulan (kumulatif)" {
		t.Errorf("the line is named %q; want the theme's name of the year to date", ind.Legend[0])
	}
	line := seriesByName(t, m, ind.Legend[0])
	for i, want := range ytd {
		if !sameNumber(line[i], dec(want)) || line[i].(json.Number).String() != ind.Rows[i].YTD.Sort {
			t.Errorf("year to date %d = %v; want %s, the table's year to date", i+1, line[i], want)
		}
	}
	if n := len(m["series"].([]any)); n != 2 {
		t.Errorf("%d series; want the year to date and the target only (the rules do not compare quarterly actuals with the annual target)", n)
	}
	// The sentence under the chart names the value the line ends on.
	if !strings.Contains(c.Description, "750") {
		t.Errorf("description %q does not name the year to date the line ends on, 750", c.Description)
	}
}

func TestComparison(t *testing.T) {
	ach := func(s string) iku.Evaluation {
		return iku.Evaluation{Achievement: iku.DecimalPtr(s), Status: iku.StatusCategory}
	}
	cm := iku.Comparison{Slug: "kecamatan-paten", Name: "Layanan PATEN …", Frequency: iku.Quarterly, Quarter: iku.MustQuarter("2026-Q3"),
		Members: []iku.Member{
			{Agency: "kec-b", Evaluation: ach("130.00"), Capped: iku.DecimalPtr("120.00"), Rank: 1},
			{Agency: "kec-a", Evaluation: ach("98.50"), Capped: iku.DecimalPtr("98.50"), Rank: 2},
			{Agency: "kec-c", Evaluation: iku.Evaluation{Status: iku.StatusNotReported}},
		}}
	rep := &iku.Report{Latest: cm.Quarter, Rules: iku.DefaultRules(), Comparisons: []iku.Comparison{cm}}
	for _, a := range []struct{ slug, short string }{{"kec-a", "Alpha"}, {"kec-b", "Beta"}, {"kec-c", "Gamma"}} {
		rep.Agencies = append(rep.Agencies, iku.AgencyReport{Agency: iku.Agency{Slug: a.slug, Name: "Kecamatan " + a.short, ShortName: "Kec. " + a.short}})
	}
	m := model(t, rep, nil)
	rec := &m.Comparisons[0]
	ch, ok := Comparison(rec, DefaultLabels())
	if !ok {
		t.Fatal("no bars")
	}
	o := decodeOption(t, ch)
	rows := categoryAxis(t, o)
	data := o["series"].([]any)[0].(map[string]any)["data"].([]any)
	// Ranked order, the shared "Kec." dropped, no bar for the unranked.
	if len(rows) != 2 || rows[0] != "Beta" || rows[1] != "Alpha" || !sameNumber(data[0], iku.DecimalPtr("130")) {
		t.Errorf("rows %v data %v; want Beta 130, Alpha 98.5", rows, data)
	}
	for i := range rows {
		if rows[i] != rec.Rows[i].Label {
			t.Errorf("bar %d is %v; the table's row %d is labelled %q", i, rows[i], i, rec.Rows[i].Label)
		}
	}
	if ch.ID != "banding-kecamatan-paten" || ch.Description != rec.Chart.Summary {
		t.Errorf("chart %q: description %q; want banding-kecamatan-paten, %q", ch.ID, ch.Description, rec.Chart.Summary)
	}
}
