package chart

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gohugoio/go-i18n/v2/i18n"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// demoTrends are the trend charts of every demo indicator in Indonesian
// and English, as the site draws them (in Go).
func demoTrends(t testing.TB) []Chart {
	t.Helper()
	rep, err := iku.Evaluate(demo.Tanjungbalai().Dataset(), iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := themeBundle()
	if err != nil {
		t.Fatal(err)
	}
	var out []Chart
	for _, lang := range []string{"id", "en"} {
		m, err := display.Build(display.Input{Report: rep, Dataset: demo.Tanjungbalai().Dataset()},
			display.Lang{Code: lang, Words: words{loc: i18n.NewLocalizer(b, lang)}, Default: lang == "id", Fallback: "id"})
		if err != nil {
			t.Fatal(err)
		}
		l := DefaultLabels()
		if lang == "en" {
			l.Lang, l.NumberLocale = "en", "en-GB"
			l.Actual, l.Target, l.TargetLow, l.TargetHigh = "Actual", "Target", "Target (lower bound)", "Target (upper bound)"
		}
		for i := range m.Indicators {
			c := IndicatorTrend(&m.Indicators[i], l)
			if c.Drawer != drawGo {
				t.Fatalf("%s is not drawn in Go", c.ID)
			}
			out = append(out, c)
		}
	}
	return out
}

// svgTexts are the texts of an SVG by their text-anchor ("end": the value
// axis, "middle": the category axis, "start": the axis name and legend).
func svgTexts(t *testing.T, svg string) map[string][]string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	out := map[string][]string{}
	anchor, in := "", false
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "text" {
				in, anchor = true, ""
				for _, a := range e.Attr {
					if a.Name.Local == "text-anchor" {
						anchor = a.Value
					}
				}
			}
		case xml.CharData:
			if in {
				out[anchor] = append(out[anchor], strings.TrimSpace(string(e)))
			}
		case xml.EndElement:
			in = false
		}
	}
	return out
}

// TestLinesAreEChartsLines draws every demo trend in both languages with
// ECharts and in Go: the value axis has the same ticks, written the same
// way (the locale's marks, whole ticks for whole numbers), the axis name
// and legend are the same words, and the category labels shown are
// categories, evenly spaced, at least two.
func TestLinesAreEChartsLines(t *testing.T) {
	if testing.Short() {
		t.Skip("draws 208 charts with ECharts")
	}
	r := newTestRenderer(t, "", 1)
	defer r.Close()
	for _, c := range demoTrends(t) {
		raw, ok := drawLines(c)
		if !ok {
			t.Errorf("%s (%s): not drawn in Go", c.ID, c.Locale)
			continue
		}
		goSVG, err := finish(c, raw)
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		ecSVG, _, err := r.Render(context.Background(), byECharts(c))
		if err != nil {
			t.Fatal(err)
		}
		g, e := svgTexts(t, goSVG), svgTexts(t, ecSVG)
		if !slices.Equal(g["end"], e["end"]) {
			t.Errorf("%s (%s): value axis %q; ECharts writes %q", c.ID, c.Locale, g["end"], e["end"])
		}
		if !slices.Equal(g["start"], e["start"]) {
			t.Errorf("%s (%s): axis name and legend %q; ECharts writes %q", c.ID, c.Locale, g["start"], e["start"])
		}
		var cats []string
		if err := jsonPath(c.Option, &cats, "xAxis", "data"); err != nil {
			t.Fatal(err)
		}
		shown := g["middle"]
		if len(shown) < min(2, len(cats)) {
			t.Errorf("%s: %d category labels shown of %d", c.ID, len(shown), len(cats))
		}
		var at []int
		for _, s := range shown {
			i := slices.Index(cats, s)
			if i < 0 {
				t.Errorf("%s: category label %q is no category", c.ID, s)
			}
			at = append(at, i)
		}
		for i := 2; i < len(at); i++ {
			if at[i]-at[i-1] != at[1]-at[0] {
				t.Errorf("%s: category labels at %v, not evenly spaced", c.ID, at)
				break
			}
		}
	}
}

// jsonPath decodes the value at keys (objects, or the first of an array)
// of an option.
func jsonPath(raw []byte, into any, keys ...string) error {
	var v any = nil
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	for _, k := range keys {
		if a, ok := v.([]any); ok && len(a) > 0 {
			v = a[0]
		}
		v = v.(map[string]any)[k]
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, into)
}

// TestLinesGapsAndSteps: a period without a value breaks the line (no 0,
// no bridge), and a target runs in steps that change half-way between two
// periods.
func TestLinesGapsAndSteps(t *testing.T) {
	ir := withTargets(waitingTime("Waktu tunggu"))
	ir.Series[2].Actual = nil
	ir.Series[2].Status = iku.StatusNotReported
	c := IndicatorTrend(indicator(t, ir), DefaultLabels())
	raw, ok := drawLines(c)
	if !ok {
		t.Fatal("not drawn in Go")
	}
	paths := regexp.MustCompile(`<path d="(M[^"]*)" fill="none" stroke="([^"]*)" stroke-width`).FindAllStringSubmatch(raw, -1)
	var actual, target string
	for _, p := range paths {
		switch p[2] {
		case colorActual:
			if actual == "" { // the series; the legend's comes later
				actual = p[1]
			}
		case colorTarget:
			if target == "" {
				target = p[1]
			}
		}
	}
	if n := strings.Count(actual, "M"); n != 2 {
		t.Errorf("the actual line has %d pieces; want 2 around the gap: %s", n, actual)
	}
	// Steps: each move along the target is level or upright.
	pts := regexp.MustCompile(`[ML]([-0-9.]+) ([-0-9.]+)`).FindAllStringSubmatch(target, -1)
	if len(pts) < 3 {
		t.Fatalf("target path %q", target)
	}
	for i := 1; i < len(pts); i++ {
		if pts[i][1] != pts[i-1][1] && pts[i][2] != pts[i-1][2] {
			t.Errorf("the target moves slantwise from %v to %v: want steps", pts[i-1][1:], pts[i][1:])
		}
	}
}

// TestLinesDeclineWhatTheyDoNotDraw: a chart with anything lines.go does
// not draw (bars, a mark line, an unknown option, a locale it does not
// know) goes to ECharts, which draws it.
func TestLinesDeclineWhatTheyDoNotDraw(t *testing.T) {
	m := model(t, report("RSUD"), nil)
	ach, ok := AgencyAchievements(m.Agency("rsud"), m, DefaultLabels())
	if !ok {
		t.Fatal("no bars")
	}
	tr := IndicatorTrend(m.Indicator("waktu-tunggu-rawat-jalan"), DefaultLabels())
	if _, ok := drawLines(tr); !ok {
		t.Fatal("the trend is not drawn in Go")
	}
	unknownKey := tr
	unknownKey.Option = []byte(strings.Replace(string(tr.Option), `"animation":false`, `"animation":false,"dataZoom":[{}]`, 1))
	otherLocale := tr
	otherLocale.Locale = "de-DE"
	bars := ach
	bars.Drawer = drawGo
	for name, c := range map[string]Chart{"bars": bars, "unknown option": unknownKey, "locale": otherLocale} {
		if _, ok := drawLines(c); ok {
			t.Errorf("%s: drawn in Go; want ECharts", name)
		}
	}
	r := newTestRenderer(t, "", 1)
	defer r.Close()
	svg, _, err := r.Render(context.Background(), bars)
	if err != nil {
		t.Fatal(err)
	}
	if r.started.Load() != 1 || !strings.Contains(svg, "<svg") {
		t.Errorf("the bars were not drawn by ECharts (%d Node processes)", r.started.Load())
	}
	if _, _, err := r.Render(context.Background(), tr); err != nil || r.started.Load() != 1 {
		t.Errorf("the trend took Node (%d processes) or failed: %v", r.started.Load(), err)
	}
}

func TestDecimalString(t *testing.T) {
	for _, c := range []struct {
		m    int64
		exp  int
		want string
	}{
		{0, 2, "0"}, {5, 2, "500"}, {3, 3, "3.000"}, {25, 5, "2.500.000"}, {-15, 2, "-1.500"},
		{5, -1, "0,5"}, {25, -2, "0,25"}, {125, -1, "12,5"}, {-2, -1, "-0,2"}, {10, -1, "1"}, {12345, -2, "123,45"},
	} {
		if got := decimalString(c.m, c.exp, ",", "."); got != c.want {
			t.Errorf("decimalString(%d, %d) = %q; want %q", c.m, c.exp, got, c.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi, minInterval float64
		want                string
	}{
		{0, 2580, 1, "0 500 1.000 1.500 2.000 2.500 3.000"},
		{0, 0, 1, "0 1"},
		{0, 0, 0, "0 0,2 0,4 0,6 0,8 1"},
		{0, 3, 1, "0 1 2 3"},
		{0, 18, 0, "0 3 6 9 12 15 18"},
		{-3.2, 8.5, 0, "-4 -2 0 2 4 6 8 10"},
		{0, 98.6, 0, "0 20 40 60 80 100"},
		{0, 0.042, 0, "0 0,01 0,02 0,03 0,04 0,05"},
	} {
		ticks, ok := niceTicks(c.lo, c.hi, c.minInterval, ",", ".")
		var got []string
		for _, tk := range ticks {
			got = append(got, tk.s)
		}
		if !ok || strings.Join(got, " ") != c.want {
			t.Errorf("niceTicks(%v, %v, %v) = %q (%v); want %q", c.lo, c.hi, c.minInterval, got, ok, c.want)
		}
	}
}

// BenchmarkLines measures one demo trend drawn in Go and finished (the
// SVG a page carries): go test -bench Lines -cpu 1 ./generator/chart/.
func BenchmarkLines(b *testing.B) {
	cs := demoTrends(b)
	i := 0
	for b.Loop() {
		c := cs[i%len(cs)]
		raw, ok := drawLines(c)
		if !ok {
			b.Fatalf("%s: not drawn in Go", c.ID)
		}
		if _, err := finish(c, raw); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
