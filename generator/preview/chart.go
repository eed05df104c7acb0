package preview

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// plotted is a chart's data parsed for drawing, and once placed, where.
type plotted struct {
	kind   Kind
	labels []string
	series []series
	ref    float64 // NaN: none
	refTag string

	// Placed by chartAt.
	lo, hi float64   // the value axis
	xs     []float32 // a line chart's category centres
	step   float32   // a line chart's category width
	rows   []float32 // a bar chart's row centres
	rowH   float32
}

type series struct {
	name  string
	style Style
	v     []float64 // NaN: missing
}

// drawn says the series has a number to draw.
func (s series) drawn() bool {
	for _, v := range s.v {
		if !math.IsNaN(v) {
			return true
		}
	}
	return false
}

// parseChart checks a chart and parses its values. The numbers only place
// pixels: none is ever written on the card.
func parseChart(c *Chart) (*plotted, error) {
	if c.Kind != Line && c.Kind != Bar {
		return nil, fmt.Errorf("unknown chart kind %q (want %q or %q)", c.Kind, Line, Bar)
	}
	p := &plotted{kind: c.Kind, ref: math.NaN()}
	for _, l := range c.Labels {
		p.labels = append(p.labels, clean(l))
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.Labels) {
			return nil, fmt.Errorf("series %q has %d values for %d labels", s.Name, len(s.Values), len(c.Labels))
		}
		st := s.Style
		switch st {
		case "":
			st = Actual
		case Actual, Target, TargetLow, TargetHigh:
		default:
			return nil, fmt.Errorf("series %q has the unknown style %q", s.Name, s.Style)
		}
		out := series{name: clean(s.Name), style: st, v: make([]float64, len(s.Values))}
		for i, v := range s.Values {
			if v == "" {
				out.v[i] = math.NaN()
				continue
			}
			f, err := number(v)
			if err != nil {
				return nil, fmt.Errorf("series %q, value %d: %w", s.Name, i+1, err)
			}
			out.v[i] = f
		}
		p.series = append(p.series, out)
	}
	if c.Kind == Bar && len(p.series) > 1 {
		p.series = p.series[:1]
	}
	if c.Ref != nil {
		f, err := number(c.Ref.Value)
		if err != nil {
			return nil, fmt.Errorf("reference line %q: %w", c.Ref.Label, err)
		}
		p.ref, p.refTag = f, clean(c.Ref.Label)
	}
	return p, nil
}

// number parses exact decimal text as generator/iku does (iku.ParseDecimal:
// no exponents, no "NaN", no separators), to place pixels only.
func number(s string) (float64, error) {
	d, err := iku.ParseDecimal(s)
	if err != nil {
		return 0, err
	}
	return d.Float64(), nil
}

// empty says there is nothing to plot: no category or no number.
func (p *plotted) empty() bool {
	if len(p.labels) == 0 {
		return true
	}
	for _, s := range p.series {
		if s.drawn() {
			return false
		}
	}
	return true
}

// span returns the smallest and largest numbers of the chart, the
// reference line's included.
func (p *plotted) span() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	add := func(v float64) {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, s := range p.series {
		for _, v := range s.v {
			add(v)
		}
	}
	add(p.ref)
	return lo, hi
}

// chartAt lays out the chart from top down to l.bottom (the bottom
// margin, or the footer's top): the legend, then the plot, then (for a
// line chart) the categories' labels.
// A chart without room for a plot of m.minPlot pixels is left out.
func (l *layout) chartAt(p *plotted, top int) {
	m := l.m
	left, right, bottom := m.margin, l.size.W-m.margin, l.bottom
	full := right - left
	var texts []text
	var legend []swatch

	// The legend, in rows of items: a sample of the series, then its name.
	f := faceFor(false, m.legendPx)
	asc, desc := f.Metrics().Ascent.Ceil(), f.Metrics().Descent.Ceil()
	capH := f.Metrics().CapHeight.Ceil()
	type item struct {
		kind string
		col  color.RGBA
		name string
	}
	var items []item
	for _, s := range p.series {
		if s.name == "" || !s.drawn() {
			continue
		}
		switch {
		case p.kind == Bar:
			items = append(items, item{"bar", actualCol, s.name})
		case s.style == Actual:
			items = append(items, item{"line", actualCol, s.name})
		default:
			items = append(items, item{"dash", targetCol, s.name})
		}
	}
	if !math.IsNaN(p.ref) && p.refTag != "" {
		items = append(items, item{"ref", refColor, p.refTag})
	}
	x, rowTop := left, top
	for _, it := range items {
		sw := m.legendPx * 3 / 2
		if it.kind == "bar" {
			sw = m.legendPx * 3 / 4
		}
		name := shorten(f, it.name, full-sw-m.gap/2, false)
		w := sw + m.gap/2 + width(f, name)
		if x > left && x+w > right {
			x, rowTop = left, rowTop+asc+desc+m.gap/2
		}
		base := rowTop + asc
		mid := base - capH/2
		h := m.legendPx * 3 / 4
		legend = append(legend, swatch{kind: it.kind, col: it.col,
			box: image.Rect(x, mid-h/2, x+sw, mid-h/2+h)})
		texts = append(texts, place("legend", name, f, ink, x+sw+m.gap/2, base))
		x += w + m.gap*2
	}
	plotTop := top
	if len(items) > 0 {
		plotTop = rowTop + asc + desc + m.gap
	}

	plotBottom := bottom
	lf := faceFor(false, m.labelPx)
	if p.kind == Line {
		lh := lf.Metrics().Ascent.Ceil() + lf.Metrics().Descent.Ceil()
		plotBottom = bottom - lh - m.gap*2/3
	}
	if plotBottom-plotTop < m.minPlot {
		return // no room: the text is the card
	}
	plot := image.Rect(left, plotTop, right, plotBottom)
	lo, hi := p.span()
	if math.IsInf(hi-lo, 0) || math.IsInf(max(math.Abs(lo), math.Abs(hi))*1.25, 0) {
		return // numbers too far apart to place (beyond float64)
	}

	switch p.kind {
	case Line:
		// The points keep a marker's room from the plot's sides, as from
		// its top and bottom (see y).
		n := len(p.labels)
		in := float32(math.Ceil(float64(max(m.marker, m.stroke/2)))) + 1
		p.step = (float32(plot.Dx()) - 2*in) / float32(n)
		p.xs = make([]float32, n)
		for i := range p.xs {
			p.xs[i] = float32(plot.Min.X) + in + (float32(i)+0.5)*p.step
		}
		pad := (hi - lo) * 0.12
		if pad == 0 {
			pad = math.Max(math.Abs(lo)*0.1, 1)
		}
		p.lo, p.hi = lo-pad, hi+pad
		texts = append(texts, l.categoryLabels(p, lf, plot, bottom-lf.Metrics().Descent.Ceil())...)

	case Bar:
		n := len(p.labels)
		p.rowH = float32(plot.Dy()) / float32(n)
		if p.rowH < 3 {
			return // too many rows to tell apart
		}
		px := min(m.legendPx, int(p.rowH*0.62))
		barLeft := plot.Min.X
		if px >= m.labelPx*2/3 { // the rows are named when legible
			rf := faceFor(false, px)
			col := 0
			names := make([]string, n)
			for i, s := range p.labels {
				names[i] = shorten(rf, s, full*2/5, false)
				col = max(col, width(rf, names[i]))
			}
			capR := rf.Metrics().CapHeight.Ceil()
			for i, s := range names {
				mid := float32(plot.Min.Y) + (float32(i)+0.5)*p.rowH
				texts = append(texts, place("rowlabel", s, rf, ink, left, int(mid)+capR/2))
			}
			barLeft += col + m.gap
		}
		plot.Min.X = barLeft
		p.rows = make([]float32, n)
		for i := range p.rows {
			p.rows[i] = float32(plot.Min.Y) + (float32(i)+0.5)*p.rowH
		}
		p.lo, p.hi = math.Min(lo, 0), math.Max(hi, 0)
		p.hi += (p.hi - p.lo) * 0.04
		if p.hi == p.lo {
			p.hi = p.lo + 1
		}
	}
	l.texts = append(l.texts, texts...)
	l.legend = legend
	l.plot = plot
	l.chart = p
}

// categoryLabels names the categories of a line chart under the plot on
// baseline y: the latest always, then every k-th back, k as small as lets
// them stand apart.
func (l *layout) categoryLabels(p *plotted, f *face, plot image.Rectangle, y int) []text {
	gap := l.m.gap
	names := make([]string, len(p.labels))
	widest := 0
	for i, s := range p.labels {
		names[i] = shorten(f, s, plot.Dx()/2, false)
		widest = max(widest, width(f, names[i]))
	}
	k := 1
	for float32(k)*p.step < float32(widest+gap) && k < len(names) {
		k++
	}
	var out []text
	next := l.size.W // the left end of the label placed last
	for i := len(names) - 1; i >= 0; i -= k {
		w := width(f, names[i])
		x := int(p.xs[i]) - w/2
		x = max(plot.Min.X, min(x, plot.Max.X-w))
		if x+w+gap > next || names[i] == "" {
			continue
		}
		out = append(out, place("xlabel", names[i], f, grey, x, y))
		next = x
	}
	return out
}

// y is the pixel row of value v on a line chart's axis, inside the plot
// by the room a marker needs.
func (p *plotted) y(plot image.Rectangle, inset float32, v float64) float32 {
	top, bottom := float32(plot.Min.Y)+inset, float32(plot.Max.Y)-inset
	return bottom - float32((v-p.lo)/(p.hi-p.lo))*(bottom-top)
}

// x is the pixel column of value v on a bar chart's axis.
func (p *plotted) x(plot image.Rectangle, v float64) float32 {
	return float32(plot.Min.X) + float32((v-p.lo)/(p.hi-p.lo))*float32(plot.Dx())
}
