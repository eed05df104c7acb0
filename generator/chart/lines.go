package chart

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The line charts (an indicator's trend: nine in ten of a site's charts)
// are drawn here, in Go, from the same ECharts option that travels to the
// page, instead of by ECharts in Node: ECharts spends about 10 ms of CPU
// on a chart (generator/chart/render.go), this about 0.6 ms with finish
// (BenchmarkLines),
// which is what a first build of a large city waits for. The option
// stays the one description of the chart (the page's readout reads it);
// this reads the part of it a trend uses, and anything else in an option
// (another series type, a mark line, labels on points) makes drawLines
// decline, so the chart goes to ECharts as before.
//
// The drawing follows ECharts' own for these options: the same grid,
// "nice" value ticks (1, 2, 3 or 5 × 10ⁿ, about five), category labels
// thinned so that they do not overlap, the legend centred at the bottom,
// the same SVG elements and presentation attributes, so that finish and
// Check treat it as ECharts' and the page's script finds its axis
// labels.

// Drawer names who draws a chart: "" ECharts (in Node), "go" drawLines
// where it can (else ECharts).
const drawGo = "go"

// lineOption is the part of an ECharts option a trend uses, decoded
// strictly (json.Decoder.DisallowUnknownFields): a key it has no field for,
// at any depth, makes drawLines decline. The json.RawMessage fields are
// keys ECharts reads that change nothing in a static drawing (animation,
// tooltip, aria: the description goes in finish's <title>).
type lineOption struct {
	Animation, Aria, Color, Tooltip json.RawMessage
	Grid                            []struct {
		Left, Top, Right, Bottom string
		ContainLabel             bool `json:"containLabel"`
	} `json:"grid"`
	Legend struct {
		Show      bool   `json:"show"`
		Left      string `json:"left"`
		Bottom    string `json:"bottom"`
		TextStyle struct {
			Color    string  `json:"color"`
			FontSize float64 `json:"fontSize"`
		} `json:"textStyle"`
	} `json:"legend"`
	TextStyle struct {
		Color      string  `json:"color"`
		FontFamily string  `json:"fontFamily"`
		FontSize   float64 `json:"fontSize"`
	} `json:"textStyle"`
	XAxis []struct {
		Type     string   `json:"type"`
		Data     []string `json:"data"`
		AxisLine struct {
			LineStyle struct {
				Color string `json:"color"`
			} `json:"lineStyle"`
		} `json:"axisLine"`
		AxisLabel axisLabelOption `json:"axisLabel"`
	} `json:"xAxis"`
	YAxis []struct {
		Type          string  `json:"type"`
		Name          string  `json:"name"`
		MinInterval   float64 `json:"minInterval"`
		NameTextStyle struct {
			Align string `json:"align"`
		} `json:"nameTextStyle"`
		AxisLabel axisLabelOption `json:"axisLabel"`
		SplitLine struct {
			Show      bool `json:"show"`
			LineStyle struct {
				Color string `json:"color"`
			} `json:"lineStyle"`
		} `json:"splitLine"`
	} `json:"yAxis"`
	Series []lineSeries `json:"series"`
}

// axisLabelOption: hideOverlap is what drawLines does anyway; showMinLabel and
// showMaxLabel are null (ECharts' default) in every option.
type axisLabelOption struct {
	Color                                   string  `json:"color"`
	FontSize                                float64 `json:"fontSize"`
	ShowMinLabel, ShowMaxLabel, HideOverlap json.RawMessage
}

type lineSeries struct {
	Name                                string            `json:"name"`
	Type                                string            `json:"type"`
	Step                                string            `json:"step"`
	Symbol                              string            `json:"symbol"`
	SymbolSize                          float64           `json:"symbolSize"`
	Data                                []json.RawMessage `json:"data"`
	ConnectNulls, ShowSymbol, Animation json.RawMessage
	ItemStyle                           struct {
		Color string `json:"color"`
	} `json:"itemStyle"`
	LineStyle struct {
		Color string  `json:"color"`
		Width float64 `json:"width"`
		Type  string  `json:"type"`
	} `json:"lineStyle"`
}

// numberMarks are the decimal and group marks of the locales the site
// writes numbers in, as Intl.NumberFormat writes them.
func numberMarks(locale string) (decimal, group string, ok bool) {
	switch {
	case locale == "id-ID" || locale == "id":
		return ",", ".", true
	case strings.HasPrefix(locale, "en-"), locale == "en":
		return ".", ",", true
	}
	return "", "", false
}

// drawLines draws c, a line chart, as ECharts would; ok is false when c's
// option has something it does not draw (or a locale it does not know).
func drawLines(c Chart) (svg string, ok bool) {
	dec, grp, ok := numberMarks(c.Locale)
	if !ok {
		return "", false
	}
	var o lineOption
	d := json.NewDecoder(bytes.NewReader(c.Option))
	d.DisallowUnknownFields()
	if d.Decode(&o) != nil || len(o.XAxis) != 1 || len(o.YAxis) != 1 || len(o.Grid) != 1 || len(o.Series) == 0 ||
		o.XAxis[0].Type != "category" || o.YAxis[0].Type != "value" || !o.Grid[0].ContainLabel ||
		o.Legend.Left != "center" || o.Legend.Bottom != "0" ||
		(o.YAxis[0].Name != "" && o.YAxis[0].NameTextStyle.Align != "left") {
		return "", false
	}
	xa, ya := o.XAxis[0], o.YAxis[0]
	n := len(xa.Data)
	if n == 0 {
		return "", false
	}
	type line struct {
		lineSeries
		v []float64 // NaN: no value
	}
	lines := make([]line, len(o.Series))
	lo, hi := 0.0, 0.0 // ECharts' value axis starts at 0 unless told not to
	for i, s := range o.Series {
		if s.Type != "line" || len(s.Data) > n || (s.Step != "" && s.Step != "middle") {
			return "", false
		}
		if _, ok := symbols[s.Symbol]; !ok {
			return "", false
		}
		lines[i] = line{s, make([]float64, n)}
		for j := range lines[i].v {
			lines[i].v[j] = math.NaN()
			if j >= len(s.Data) || string(s.Data[j]) == "null" {
				continue
			}
			f, err := strconv.ParseFloat(string(s.Data[j]), 64)
			if err != nil || math.IsInf(f, 0) {
				return "", false
			}
			lines[i].v[j] = f // a pixel's place only: no number of the data is written
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
	}
	ticks, ok := niceTicks(lo, hi, ya.MinInterval, dec, grp)
	if !ok {
		return "", false
	}
	lo, hi = ticks[0].v, ticks[len(ticks)-1].v

	fs := cmp.Or(o.TextStyle.FontSize, fontSize)
	gridPx := func(s string) (float64, bool) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	gl, ok1 := gridPx(o.Grid[0].Left)
	gt, ok2 := gridPx(o.Grid[0].Top)
	gr, ok3 := gridPx(o.Grid[0].Right)
	gb, ok4 := gridPx(o.Grid[0].Bottom)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return "", false
	}
	W, H := float64(c.Width), float64(c.Height)

	// The legend: items of a symbol on a line (25 px), 5 px, the name;
	// 10 px between items; rows centred, the last 5 px above the bottom.
	const itemW, itemH, itemGap, pad = 25.0, 14.0, 10.0, 5.0
	type item struct {
		x, y float64
		l    *line
	}
	var legend []item
	if o.Legend.Show {
		var row []item
		rowW := 0.0
		var rows [][]item
		var widths []float64
		for i := range lines {
			w := itemW + 5 + textWidth(lines[i].Name, cmp.Or(o.Legend.TextStyle.FontSize, fs))
			if len(row) > 0 && rowW+itemGap+w > W-2*pad {
				rows, widths = append(rows, row), append(widths, rowW)
				row, rowW = nil, 0
			}
			if len(row) > 0 {
				rowW += itemGap
			}
			row = append(row, item{x: rowW, l: &lines[i]})
			rowW += w
		}
		rows, widths = append(rows, row), append(widths, rowW)
		for r, row := range rows {
			y := H - pad - itemH - float64(len(rows)-1-r)*legendRow
			x0 := math.Max(pad, (W-widths[r])/2)
			for _, it := range row {
				legend = append(legend, item{x: x0 + it.x, y: y, l: it.l})
			}
		}
		// The grid leaves room for the legend the builder measured;
		// more rows than that push the plot up.
		gb = math.Max(gb, 4+legendRow*float64(len(rows)))
	}

	labelFS := cmp.Or(ya.AxisLabel.FontSize, fs)
	labelW := 0.0
	for _, t := range ticks {
		labelW = math.Max(labelW, textWidth(t.s, labelFS))
	}
	const labelMargin = 8.0
	left := gl + labelW + labelMargin
	right := W - gr
	top := gt
	xFS := cmp.Or(xa.AxisLabel.FontSize, fs)
	bottom := H - gb - labelMargin - xFS
	if right-left < float64(n) || bottom-top < 20 {
		return "", false
	}
	band := (right - left) / float64(n)
	xAt := func(i int) float64 { return left + band*(float64(i)+0.5) }
	yAt := func(v float64) float64 { return bottom - (v-lo)/(hi-lo)*(bottom-top) }

	var b bytes.Buffer
	b.Grow(8 << 10)
	fmt.Fprintf(&b, `<svg width="%d" height="%d" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 %d %d">`+"\n", c.Width, c.Height, c.Width, c.Height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" x="0" y="0" fill="none"></rect>`+"\n", c.Width, c.Height)
	font := fmt.Sprintf(`font-size:%spx;font-family:%s;`, num2(fs), cmp.Or(o.TextStyle.FontFamily, fontFamily))
	if ya.SplitLine.Show {
		for _, t := range ticks {
			y := crisp(yAt(t.v))
			fmt.Fprintf(&b, `<path d="M%s %sL%s %s" fill="none" stroke="%s"></path>`+"\n", num1(left), num1(y), num1(right), num1(y), esc(ya.SplitLine.LineStyle.Color))
		}
	}
	if ya.Name != "" {
		// Starts at the axis line and runs right (nameTextStyle align
		// left, as the builders ask); a name too long for that starts
		// further left, never outside the chart.
		w := textWidth(ya.Name, fs)
		x := math.Max(pad, math.Min(left, W-pad-w))
		fmt.Fprintf(&b, `<text dominant-baseline="central" text-anchor="start" style="%s" y="-6.5" transform="translate(%s %s)" fill="%s">%s</text>`+"\n",
			font, num2(x), num2(top-15), esc(cmp.Or(o.TextStyle.Color, textColor)), esc(ya.Name))
	}
	// The category axis lies on 0 when 0 is inside the value axis.
	axisY := bottom
	if lo < 0 && hi > 0 {
		axisY = yAt(0)
	}
	fmt.Fprintf(&b, `<path d="M%s %sL%s %s" fill="none" stroke="%s" stroke-linecap="round"></path>`+"\n", num1(left), num1(crisp(axisY)), num1(right), num1(crisp(axisY)), esc(cmp.Or(xa.AxisLine.LineStyle.Color, axisColor)))
	labelFont := fmt.Sprintf(`font-size:%spx;font-family:%s;`, num2(labelFS), cmp.Or(o.TextStyle.FontFamily, fontFamily))
	for _, t := range ticks {
		fmt.Fprintf(&b, `<text dominant-baseline="central" text-anchor="end" style="%s" transform="translate(%s %s)" fill="%s">%s</text>`+"\n",
			labelFont, num2(left-labelMargin), num2(yAt(t.v)), esc(cmp.Or(ya.AxisLabel.Color, axisColor)), esc(t.s))
	}
	// Category labels: every k-th, k the smallest that keeps them apart
	// (ECharts' hideOverlap on an evenly spaced axis); one that would
	// leave the chart is left out.
	xFont := fmt.Sprintf(`font-size:%spx;font-family:%s;`, num2(xFS), cmp.Or(o.TextStyle.FontFamily, fontFamily))
	widest := 0.0
	for _, s := range xa.Data {
		widest = math.Max(widest, textWidth(s, xFS))
	}
	k := max(1, int(math.Ceil((widest+labelMargin)/band)))
	for i := 0; i < n; i += k {
		x, w := xAt(i), textWidth(xa.Data[i], xFS)
		if (x-w/2 < 0 || x+w/2 > W) && n > 1 {
			continue
		}
		fmt.Fprintf(&b, `<text dominant-baseline="central" text-anchor="middle" style="%s" xml:space="preserve" y="6.5" transform="translate(%s %s)" fill="%s">%s</text>`+"\n",
			xFont, num2(x), num2(bottom+labelMargin), esc(cmp.Or(xa.AxisLabel.Color, axisColor)), esc(xa.Data[i]))
	}
	for i := range lines {
		l := &lines[i]
		var d strings.Builder
		open := false
		for j, v := range l.v {
			if math.IsNaN(v) {
				open = false
				continue
			}
			x, y := xAt(j), yAt(v)
			switch {
			case !open:
				fmt.Fprintf(&d, "M%s %s", num1(x), num1(y))
			case l.Step == "middle":
				px, py := xAt(j-1), yAt(l.v[j-1])
				mid := (px + x) / 2
				fmt.Fprintf(&d, "L%s %sL%s %sL%s %s", num1(mid), num1(py), num1(mid), num1(y), num1(x), num1(y))
			default:
				fmt.Fprintf(&d, "L%s %s", num1(x), num1(y))
			}
			open = true
		}
		if d.Len() > 0 {
			fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="%s"%s stroke-linejoin="bevel"></path>`+"\n",
				d.String(), esc(l.LineStyle.Color), num2(cmp.Or(l.LineStyle.Width, 2)), dash(l.LineStyle.Type))
		}
	}
	for i := range lines {
		l := &lines[i]
		r := cmp.Or(l.SymbolSize, 4) / 2
		for j, v := range l.v {
			if !math.IsNaN(v) {
				fmt.Fprintf(&b, `<path d="%s" fill="%s"></path>`+"\n", symbols[l.Symbol](xAt(j), yAt(v), r), esc(cmp.Or(l.ItemStyle.Color, l.LineStyle.Color)))
			}
		}
	}
	legendFS := cmp.Or(o.Legend.TextStyle.FontSize, fs)
	legendFont := fmt.Sprintf(`font-size:%spx;font-family:%s;`, num2(legendFS), cmp.Or(o.TextStyle.FontFamily, fontFamily))
	for _, it := range legend {
		l := it.l
		fmt.Fprintf(&b, `<path d="M%s %sL%s %s" fill="none" stroke="%s" stroke-width="2"%s></path>`+"\n",
			num2(it.x), num2(it.y+itemH/2), num2(it.x+itemW), num2(it.y+itemH/2), esc(l.LineStyle.Color), dash(l.LineStyle.Type))
		fmt.Fprintf(&b, `<path d="%s" fill="%s"></path>`+"\n", symbols[l.Symbol](it.x+itemW/2, it.y+itemH/2, itemH*0.8/2), esc(cmp.Or(l.ItemStyle.Color, l.LineStyle.Color)))
		fmt.Fprintf(&b, `<text dominant-baseline="central" text-anchor="start" style="%s" xml:space="preserve" x="%s" y="%s" fill="%s">%s</text>`+"\n",
			legendFont, num2(it.x+itemW+5), num2(it.y+itemH/2), esc(cmp.Or(o.Legend.TextStyle.Color, textColor)), esc(l.Name))
	}
	b.WriteString("</svg>")
	return b.String(), true
}

// symbols draws a marker of radius r at (x, y) as path data.
var symbols = map[string]func(x, y, r float64) string{
	"circle": func(x, y, r float64) string {
		return fmt.Sprintf("M%s %sA%s %s 0 1 1 %s %sA%s %s 0 1 1 %s %sZ", num2(x-r), num2(y), num2(r), num2(r), num2(x+r), num2(y), num2(r), num2(r), num2(x-r), num2(y))
	},
	"rect": func(x, y, r float64) string {
		return fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sZ", num2(x-r), num2(y-r), num2(x+r), num2(y-r), num2(x+r), num2(y+r), num2(x-r), num2(y+r))
	},
	"triangle": func(x, y, r float64) string {
		return fmt.Sprintf("M%s %sL%s %sL%s %sZ", num2(x), num2(y-r), num2(x+r), num2(y+r), num2(x-r), num2(y+r))
	},
	"diamond": func(x, y, r float64) string {
		return fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sZ", num2(x), num2(y-r), num2(x+r), num2(y), num2(x), num2(y+r), num2(x-r), num2(y))
	},
}

// dash is the stroke-dasharray of an ECharts line type, as ECharts draws
// it for a 2 px line.
func dash(typ string) string {
	switch typ {
	case "dashed":
		return ` stroke-dasharray="8,4"`
	case "dotted":
		return ` stroke-dasharray="2,2"`
	}
	return ""
}

// crisp puts a 1 px line on the middle of a pixel, as ECharts does.
func crisp(y float64) float64 { return math.Round(y-0.5) + 0.5 }

func num1(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }
func num2(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

// esc escapes text and attribute values as finish writes them.
func esc(s string) string { return escaper.Replace(s) }

// tick is a value on the value axis and its label.
type tick struct {
	v float64
	s string
}

// niceTicks are ECharts' ticks of a value axis from lo to hi (lo ≤ 0 ≤
// hi): about five intervals of 1, 2, 3 or 5 × 10ⁿ (at least minInterval),
// the axis widened to whole intervals. The labels are exact: each tick is
// an integer number of intervals, written without float64 rounding, in
// the locale's marks, as Intl.NumberFormat writes them.
func niceTicks(lo, hi, minInterval float64, dec, grp string) ([]tick, bool) {
	if lo == hi {
		hi = lo + 1 // all 0 (or no value): ECharts draws 0 to 1
	}
	step, exp := nice((hi - lo) / 5)
	if minInterval > 0 && float64(step)*math.Pow10(exp) < minInterval {
		if minInterval != math.Trunc(minInterval) || minInterval > 1e15 {
			return nil, false
		}
		step, exp = int64(minInterval), 0
		for step%10 == 0 {
			step, exp = step/10, exp+1
		}
	}
	unit := float64(step) * math.Pow10(exp)
	first := int64(math.Floor(lo/unit + 1e-9))
	last := int64(math.Ceil(hi/unit - 1e-9))
	if last-first > 50 || last <= first {
		return nil, false
	}
	out := make([]tick, 0, last-first+1)
	for k := first; k <= last; k++ {
		out = append(out, tick{v: float64(k) * unit, s: decimalString(k*step, exp, dec, grp)})
	}
	return out, true
}

// nice is ECharts' nice number of an interval (numberUtil.nice, rounded):
// 1, 2, 3, 5 or 10 × 10^exp, as step × 10^exp.
func nice(v float64) (step int64, exp int) {
	exp = int(math.Floor(math.Log10(v)))
	f := v / math.Pow10(exp)
	switch {
	case f < 1.5:
		step = 1
	case f < 2.5:
		step = 2
	case f < 4:
		step = 3
	case f < 7:
		step = 5
	default:
		step = 10
	}
	if step == 10 {
		step, exp = 1, exp+1
	}
	return step, exp
}

// decimalString writes m × 10^exp with the locale's marks: groups of
// three, no trailing zeros after the decimal mark.
func decimalString(m int64, exp int, dec, grp string) string {
	if m == 0 {
		return "0"
	}
	neg := m < 0
	if neg {
		m = -m
	}
	digits := strconv.FormatInt(m, 10)
	var intPart, frac string
	if exp >= 0 {
		intPart = digits + strings.Repeat("0", exp)
	} else {
		if len(digits) <= -exp {
			digits = strings.Repeat("0", -exp-len(digits)+1) + digits
		}
		intPart, frac = digits[:len(digits)+exp], strings.TrimRight(digits[len(digits)+exp:], "0")
	}
	var b strings.Builder
	if neg && (strings.Trim(intPart, "0") != "" || frac != "") {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(grp)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// textWidth estimates how wide s is set at px pixels in the page's
// sans-serif: Go Regular's advances, widened by a tenth, which covers
// DejaVu Sans (the widest common sans-serif, a browser's on Linux) and
// Arial; a chart laid out for it keeps its text inside on all of them.
func textWidth(s string, px float64) float64 {
	advances.once.Do(func() {
		f, err := opentype.Parse(goregular.TTF)
		if err != nil {
			panic("chart: Go Regular does not parse: " + err.Error())
		}
		advances.face, _ = opentype.NewFace(f, &opentype.FaceOptions{Size: 1000, DPI: 72, Hinting: font.HintingNone})
		advances.em = map[rune]float64{}
	})
	w := 0.0
	advances.mu.Lock()
	defer advances.mu.Unlock()
	for _, r := range s {
		a, ok := advances.em[r]
		if !ok {
			adv, found := advances.face.GlyphAdvance(r)
			if !found {
				adv = fixed.I(1000)
			}
			a = float64(adv) / 64 / 1000
			advances.em[r] = a
		}
		w += a
	}
	return w * px * 1.1
}

var advances struct {
	once sync.Once
	mu   sync.Mutex
	face font.Face
	em   map[rune]float64 // advance in em
}
