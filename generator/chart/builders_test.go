package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

const hostile = `</text><script>alert(1)</script><img src=x onerror=alert(1)>`

func allCharts(name string) []Chart {
	l := DefaultLabels()
	ar, latest, names := agency(name)
	for k := range names {
		names[k] = name + " " + k
	}
	return []Chart{
		IndicatorTrend(waitingTime(name), l),
		AgencyAchievements(ar, latest, names, l),
		Overview(report(name), nil, l),
	}
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
	for _, c := range allCharts(hostile) {
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

func TestIDsAreDeterministic(t *testing.T) {
	a, b := allCharts("Nama"), allCharts("Nama")
	want := []string{"iku-waktu-tunggu-rawat-jalan-trend", "opd-rsud-achievements", "home-status-by-sector"}
	for i := range a {
		if a[i].ID != want[i] || b[i].ID != want[i] {
			t.Errorf("chart %d: IDs %q, %q; want %q", i, a[i].ID, b[i].ID, want[i])
		}
		if !bytes.Equal(a[i].Option, b[i].Option) {
			t.Errorf("%s: two builds give different options", a[i].ID)
		}
	}
	valid := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, tc := range []struct{ in, want string }{
		{"waktu-tunggu", "waktu-tunggu"},
		{"Waktu Tunggu", ""},
		{hostile, ""},
		{"", ""},
	} {
		got := slug(tc.in)
		if !valid.MatchString(got) || (tc.want != "" && got != tc.want) {
			t.Errorf("slug(%q) = %q; want %q or a changed slug with a hash", tc.in, got, tc.want)
		}
		if tc.want == "" && got == tc.in {
			t.Errorf("slug(%q) kept it unchanged", tc.in)
		}
	}
	if slug("a b") == slug("a_b") {
		t.Errorf(`slug("a b") == slug("a_b") = %q; want different`, slug("a b"))
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

func TestTrendNumbersAreTheTable(t *testing.T) {
	ir := waitingTime("Waktu tunggu")
	l := DefaultLabels()
	c := IndicatorTrend(ir, l)
	m := decodeOption(t, c)

	actual := seriesByName(t, m, l.Actual)
	target := seriesByName(t, m, l.Target)
	low := seriesByName(t, m, l.TargetLow)
	high := seriesByName(t, m, l.TargetHigh)
	x := m["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if len(actual) != len(ir.Series) || len(x) != len(ir.Series) {
		t.Fatalf("%d actuals and %d quarters; want %d", len(actual), len(x), len(ir.Series))
	}
	wantTargets := map[string][3]*iku.Decimal{ // quarter → target, low, high
		"2024": {dec("60"), nil, nil},
		"2025": {dec("55"), nil, nil},
		"2026": {nil, dec("40"), dec("45")},
	}
	for i, ev := range ir.Series {
		if got, want := x[i], l.QuarterLabel(ev.Quarter); got != want {
			t.Errorf("x[%d] = %v; want %q", i, got, want)
		}
		if !sameNumber(actual[i], ev.Actual) {
			t.Errorf("actual %s = %v; want %v (null when not reported)", ev.Quarter, actual[i], ev.Actual)
		}
		w := wantTargets[strconv.Itoa(ev.Quarter.Year)]
		if ev.Quarter == iku.MustQuarter("2025-Q4") {
			w[0] = dec("50.5") // the quarterly target overrides the annual one
		}
		if !sameNumber(target[i], w[0]) || !sameNumber(low[i], w[1]) || !sameNumber(high[i], w[2]) {
			t.Errorf("targets %s = %v, %v–%v; want %v, %v–%v", ev.Quarter, target[i], low[i], high[i], w[0], w[1], w[2])
		}
	}
	if actual[2] != nil {
		t.Errorf("a quarter not reported is %v; want null (a gap, never 0)", actual[2])
	}
	// Float64 gives the same number: what the table shows is what is drawn.
	for i, ev := range ir.Series {
		if ev.Actual == nil {
			continue
		}
		f, _ := actual[i].(json.Number).Float64()
		if f != ev.Actual.Float64() || math.IsNaN(f) {
			t.Errorf("actual %s = %v; want %v", ev.Quarter, f, ev.Actual.Float64())
		}
	}
	for _, want := range []string{"41,35 menit", "40–45 menit", "TW I 2024", "TW III 2026"} {
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
		m := decodeOption(t, IndicatorTrend(ir, DefaultLabels()))
		if got := m["yAxis"].([]any)[0].(map[string]any)["minInterval"]; got != tc.want {
			t.Errorf("decimals %d: minInterval = %v; want %v", tc.decimals, got, tc.want)
		}
	}
}

func TestTrendWithoutTargetsDrawsActualsOnly(t *testing.T) {
	ir := waitingTime("Kunjungan")
	ir.Targets = nil
	m := decodeOption(t, IndicatorTrend(ir, DefaultLabels()))
	if n := len(m["series"].([]any)); n != 1 {
		t.Errorf("%d series; want 1 (actuals)", n)
	}
}

func TestAgencyAchievements(t *testing.T) {
	ar, latest, names := agency("RSUD")
	l := DefaultLabels()
	c := AgencyAchievements(ar, latest, names, l)
	m := decodeOption(t, c)
	y := m["yAxis"].([]any)[0].(map[string]any)
	rows := y["data"].([]any)
	wantRows := []string{names["waktu-tunggu"], names["ikm"], names["baru"]} // bor has no achievement
	if len(rows) != len(wantRows) {
		t.Fatalf("rows %v; want %v", rows, wantRows)
	}
	data := m["series"].([]any)[0].(map[string]any)["data"].([]any)
	for i, s := range []string{"waktu-tunggu", "ikm", "baru"} {
		if rows[i] != wantRows[i] || !sameNumber(data[i], latest[s].Achievement) {
			t.Errorf("row %d = %v %v; want %v %v", i, rows[i], data[i], wantRows[i], latest[s].Achievement)
		}
	}
	if y["type"] != "category" || m["xAxis"].([]any)[0].(map[string]any)["type"] != "value" {
		t.Errorf("axes %v / %v; want horizontal bars", m["xAxis"], m["yAxis"])
	}
	ml := m["series"].([]any)[0].(map[string]any)["markLine"].(map[string]any)["data"].([]any)
	if len(ml) != 1 || ml[0].(map[string]any)["xAxis"] != json.Number("100") {
		t.Errorf("markLine data %v; want one line at x = 100", ml)
	}
	if !strings.Contains(c.Description, "3 indikator") || !strings.Contains(c.Description, "1 mencapai") {
		t.Errorf("description %q", c.Description)
	}
	if max, ok := m["xAxis"].([]any)[0].(map[string]any)["max"]; ok {
		t.Errorf("x axis max = %v with a bar past 100; want ECharts' own", max)
	}

	// All short of 100: the axis reaches 100, so the line is drawn.
	delete(latest, "waktu-tunggu")
	m = decodeOption(t, AgencyAchievements(ar, latest, names, l))
	if max := m["xAxis"].([]any)[0].(map[string]any)["max"]; max != json.Number("100") {
		t.Errorf("x axis max = %v with every bar short of 100; want 100", max)
	}
}

func TestOverview(t *testing.T) {
	r := report("Kesehatan")
	l := DefaultLabels()
	c := Overview(r, map[string]string{"pendidikan": "Pendidikan dan Kebudayaan"}, l)
	m := decodeOption(t, c)
	rows := m["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	wantRows := []any{"Kesehatan", "Pendidikan dan Kebudayaan", "Pariwisata"} // no empty sector
	if len(rows) != 3 || rows[0] != wantRows[0] || rows[1] != wantRows[1] || rows[2] != wantRows[2] {
		t.Errorf("rows %v; want %v", rows, wantRows)
	}
	want := map[string][]string{ // series → counts per row
		"Sangat Baik":             {"2", "0", "1"},
		"Baik":                    {"1", "0", "0"},
		"Cukup":                   {"0", "1", "0"},
		"Sangat Kurang":           {"0", "1", "0"},
		"Tercapai":                {"1", "0", "0"},
		"Dalam proses":            {"0", "0", "2"},
		"Belum dilaporkan":        {"2", "0", "0"},
		"Target belum ditetapkan": {"0", "2", "0"},
		"Belum lengkap":           {"0", "0", "1"},
	}
	series := m["series"].([]any)
	if len(series) != len(want) {
		t.Errorf("%d series; want %d (Kurang and Tidak tercapai are empty everywhere)", len(series), len(want))
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
	if got := strings.Join(order, ","); got != "Sangat Baik,Baik,Cukup,Sangat Kurang,Tercapai,Dalam proses,Belum dilaporkan,Target belum ditetapkan,Belum lengkap" {
		t.Errorf("series order %s", got)
	}
	if !strings.Contains(c.Description, "14 indikator") || !strings.Contains(c.Description, "3 sektor") {
		t.Errorf("description %q", c.Description)
	}
}

func TestLabels(t *testing.T) {
	keys := []string{"sangat_baik", "baik", "cukup", "kurang", "sangat_kurang"}
	if err := DefaultLabels().Validate(keys); err != nil {
		t.Errorf("DefaultLabels().Validate() = %v; want nil", err)
	}
	l := DefaultLabels()
	l.Target = ""
	delete(l.Categories, "cukup")
	delete(l.Statuses, iku.StatusNoTarget)
	err := l.Validate(keys)
	if err == nil || !strings.Contains(err.Error(), "Target") || !strings.Contains(err.Error(), `"cukup"`) || !strings.Contains(err.Error(), `"no_target"`) {
		t.Errorf("Validate() = %v; want Target, cukup and no_target named", err)
	}
	if got := l.QuarterLabel(iku.MustQuarter("2026-Q3")); got != "TW III 2026" {
		t.Errorf("QuarterLabel(2026-Q3) = %q; want TW III 2026", got)
	}
	for _, tc := range []struct{ in, id, en string }{
		{"1250.50", "1.250,50", "1,250.50"},
		{"-1234567", "-1.234.567", "-1,234,567"},
		{"0.5", "0,5", "0.5"},
		{"125", "125", "125"},
	} {
		en := Labels{DecimalMark: ".", GroupMark: ","}
		if got := DefaultLabels().Number(iku.MustDecimal(tc.in)); got != tc.id {
			t.Errorf("id Number(%s) = %q; want %q", tc.in, got, tc.id)
		}
		if got := en.Number(iku.MustDecimal(tc.in)); got != tc.en {
			t.Errorf("en Number(%s) = %q; want %q", tc.in, got, tc.en)
		}
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
	colors := append([]string{colorActual, colorTarget, colorBar, colorRule, textColor, axisColor}, categoryColors...)
	colors = append(colors, statusColors...)
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
	for _, c := range emptyCharts() {
		if !json.Valid(c.Option) || strings.Contains(c.Description, "{") {
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
		Targets: []iku.Target{annual},
	}
	quarterly := []string{"200", "300", "250"}
	ytd := []string{"200", "500", "750"}
	for i := range quarterly {
		ir.Series = append(ir.Series, iku.Evaluation{
			Quarter: iku.Quarter{Year: 2026, Q: i + 1}, Actual: dec(quarterly[i]), YearToDate: dec(ytd[i]),
			Compared: dec(ytd[i]), Basis: iku.BasisAnnualProgress, Target: &annual, Status: iku.StatusInProgress,
		})
	}
	l := DefaultLabels()
	m := decodeOption(t, IndicatorTrend(ir, l))
	line := seriesByName(t, m, l.ActualToDate)
	for i, want := range ytd {
		if !sameNumber(line[i], dec(want)) {
			t.Errorf("year to date %d = %v; want %s", i+1, line[i], want)
		}
	}
	for _, s := range m["series"].([]any) {
		if s.(map[string]any)["name"] == l.Actual {
			t.Errorf("the chart also draws quarterly actuals, which the rules do not compare with the annual target")
		}
	}
}

func TestComparison(t *testing.T) {
	ach := func(s string) iku.Evaluation {
		return iku.Evaluation{Achievement: iku.DecimalPtr(s), Status: iku.StatusCategory}
	}
	c := &iku.Comparison{Slug: "kecamatan-paten", Frequency: iku.Quarterly, Quarter: iku.MustQuarter("2026-Q3"),
		Members: []iku.Member{
			{Agency: "kec-b", Evaluation: ach("130.00"), Capped: iku.DecimalPtr("120.00"), Rank: 1},
			{Agency: "kec-a", Evaluation: ach("98.50"), Capped: iku.DecimalPtr("98.50"), Rank: 2},
			{Agency: "kec-c", Evaluation: iku.Evaluation{Status: iku.StatusNotReported}},
		}}
	names := map[string]string{"kec-a": "Kec. Alpha", "kec-b": "Kec. Beta", "kec-c": "Kec. Gamma"}
	ch := Comparison(c, "Layanan PATEN", names, DefaultLabels())
	m := decodeOption(t, ch)
	rows := m["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	data := m["series"].([]any)[0].(map[string]any)["data"].([]any)
	// Ranked order, the shared "Kec." dropped, no bar for the unranked.
	if len(rows) != 2 || rows[0] != "Beta" || rows[1] != "Alpha" || !sameNumber(data[0], iku.DecimalPtr("130")) {
		t.Errorf("rows %v data %v; want Beta 130, Alpha 98.5", rows, data)
	}
	if ch.ID != "banding-kecamatan-paten" || !strings.Contains(ch.Description, "Layanan PATEN") || !strings.Contains(ch.Description, "Beta") {
		t.Errorf("chart %q: description %q", ch.ID, ch.Description)
	}
}
