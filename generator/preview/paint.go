package preview

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// canvas draws anti-aliased shapes with golang.org/x/image/vector, each
// shape rasterised over its own bounding box only.
type canvas struct {
	img  *image.RGBA
	rast vector.Rasterizer
}

type pt struct{ x, y float32 }

// fill draws the polygons in col. Overlapping polygons of the same
// orientation add up to full cover; a polygon turned the other way (a
// hole) cuts out of those before it. The rasteriser's work is the area it
// covers, so a wide shape (a line across the plot, its markers) is drawn
// in strips, each over the height of the polygons that reach into it.
func (c *canvas) fill(col color.RGBA, polys ...[]pt) {
	boxes := make([]image.Rectangle, len(polys))
	var all image.Rectangle
	for i, p := range polys {
		if len(p) < 3 {
			continue
		}
		minX, minY, maxX, maxY := p[0].x, p[0].y, p[0].x, p[0].y
		for _, q := range p[1:] {
			minX, minY = min(minX, q.x), min(minY, q.y)
			maxX, maxY = max(maxX, q.x), max(maxY, q.y)
		}
		boxes[i] = image.Rect(int(math.Floor(float64(minX))), int(math.Floor(float64(minY))),
			int(math.Ceil(float64(maxX))), int(math.Ceil(float64(maxY)))).Intersect(c.img.Bounds())
		all = all.Union(boxes[i])
	}
	if all.Empty() {
		return
	}
	const strip = 24
	if all.Dx()*all.Dy() <= 64*64*4 {
		c.rasterise(col, all, polys, boxes)
		return
	}
	for x := all.Min.X; x < all.Max.X; x += strip {
		s := image.Rect(x, all.Min.Y, min(x+strip, all.Max.X), all.Max.Y)
		var r image.Rectangle
		for _, b := range boxes {
			if b.Overlaps(s) {
				r = r.Union(b.Intersect(s))
			}
		}
		if !r.Empty() {
			c.rasterise(col, r, polys, boxes)
		}
	}
}

// rasterise draws in r the polygons whose boxes overlap r. The rasteriser
// clips what lies outside r.
func (c *canvas) rasterise(col color.RGBA, r image.Rectangle, polys [][]pt, boxes []image.Rectangle) {
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	c.rast.Reset(r.Dx(), r.Dy())
	for i, p := range polys {
		if len(p) < 3 || !boxes[i].Overlaps(r) {
			continue
		}
		c.rast.MoveTo(p[0].x-ox, p[0].y-oy)
		for _, q := range p[1:] {
			c.rast.LineTo(q.x-ox, q.y-oy)
		}
		c.rast.ClosePath()
	}
	c.rast.Draw(c.img, r, image.NewUniform(col), image.Point{})
}

// rect fills a rectangle with whole-pixel edges.
func (c *canvas) rect(r image.Rectangle, col color.RGBA) {
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Src)
}

// area is twice the signed area of p.
func area(p []pt) float32 {
	var a float32
	for i := range p {
		q, r := p[i], p[(i+1)%len(p)]
		a += q.x*r.y - r.x*q.y
	}
	return a
}

// turned returns p turned clockwise on screen (positive area) when cw,
// else anticlockwise.
func turned(p []pt, cw bool) []pt {
	if (area(p) > 0) != cw {
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
	}
	return p
}

// disc is a circle of radius r about (x, y) as a polygon.
func disc(x, y, r float32) []pt {
	n := min(64, 12+int(r*2))
	p := make([]pt, n)
	for i := range p {
		a := 2 * math.Pi * float64(i) / float64(n)
		p[i] = pt{x + r*float32(math.Cos(a)), y + r*float32(math.Sin(a))}
	}
	return turned(p, true)
}

// segment is the stroke of width w from a to b, butt ended.
func segment(a, b pt, w float32) []pt {
	dx, dy := b.x-a.x, b.y-a.y
	d := float32(math.Hypot(float64(dx), float64(dy)))
	if d == 0 {
		return nil
	}
	nx, ny := -dy/d*w/2, dx/d*w/2
	return turned([]pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, true)
}

// stroke draws the polyline pts in width w: solid with round joins and
// ends, or dashed (dash, then gap, along the whole line) with butt ends.
func (c *canvas) stroke(col color.RGBA, pts []pt, w, dash, gap float32) {
	var polys [][]pt
	if dash == 0 {
		for i := 0; i+1 < len(pts); i++ {
			if s := segment(pts[i], pts[i+1], w); s != nil {
				polys = append(polys, s)
			}
		}
		for _, q := range pts {
			polys = append(polys, disc(q.x, q.y, w/2))
		}
	} else {
		on, left := true, dash // drawing a dash, and how much of it is left
		for i := 0; i+1 < len(pts); i++ {
			a, b := pts[i], pts[i+1]
			d := float32(math.Hypot(float64(b.x-a.x), float64(b.y-a.y)))
			for at := float32(0); at < d; {
				n := min(left, d-at)
				if on {
					p := pt{a.x + (b.x-a.x)*at/d, a.y + (b.y-a.y)*at/d}
					q := pt{a.x + (b.x-a.x)*(at+n)/d, a.y + (b.y-a.y)*(at+n)/d}
					if s := segment(p, q, w); s != nil {
						polys = append(polys, s)
					}
				}
				at += n
				left -= n
				if left <= 0 {
					on = !on
					left = dash
					if !on {
						left = gap
					}
				}
			}
		}
	}
	if len(polys) > 0 {
		c.fill(col, polys...)
	}
}

// images keeps the pixels of cards drawn before, for the next: a new
// 3 MB image costs more to allocate and clear than a card costs to draw.
var images sync.Pool // *image.RGBA

// newImage returns an image of size s, its pixels undefined.
func newImage(s Size) *image.RGBA {
	if img, ok := images.Get().(*image.RGBA); ok {
		if len(img.Pix) >= 4*s.W*s.H {
			img.Pix = img.Pix[:4*s.W*s.H]
			img.Stride, img.Rect = 4*s.W, image.Rect(0, 0, s.W, s.H)
			return img
		}
	}
	return image.NewRGBA(image.Rect(0, 0, s.W, s.H))
}

// paint draws the layout into a new image; images.Put may take it back
// once it is encoded.
func (l *layout) paint() *image.RGBA {
	c := &canvas{img: newImage(l.size)}
	c.rect(c.img.Bounds(), white)
	c.rect(image.Rect(0, 0, l.size.W, l.m.band), bandColor)
	if l.chart != nil {
		l.paintChart(c)
	}
	for _, t := range l.texts {
		d := font.Drawer{Dst: c.img, Src: image.NewUniform(t.col), Face: t.face, Dot: fixed.P(t.x, t.y)}
		d.DrawString(t.s)
	}
	if l.icon != "" {
		drawIcon(c, l.icon, l.iconAt)
	}
	for _, s := range l.legend {
		l.paintSwatch(c, s)
	}
	return c.img
}

func (l *layout) paintSwatch(c *canvas, s swatch) {
	b := s.box
	mid := float32(b.Min.Y+b.Max.Y) / 2
	x0, x1 := float32(b.Min.X), float32(b.Max.X)
	switch s.kind {
	case "bar":
		c.rect(b, s.col)
	case "line":
		c.stroke(s.col, []pt{{x0 + l.m.stroke/2, mid}, {x1 - l.m.stroke/2, mid}}, l.m.stroke, 0, 0)
		c.fill(s.col, disc((x0+x1)/2, mid, l.m.marker))
	case "dash":
		c.stroke(s.col, []pt{{x0, mid}, {x1, mid}}, l.m.stroke*3/4, l.m.stroke*2.5, l.m.stroke*1.5)
	case "ref":
		c.stroke(s.col, []pt{{x0, mid}, {x1, mid}}, l.m.stroke/2, l.m.stroke*2, l.m.stroke*1.5)
	}
}

// paintChart draws the plot: gridlines and axis, then the data.
func (l *layout) paintChart(c *canvas) {
	p, plot, m := l.chart, l.plot, l.m
	switch p.kind {
	case Line:
		inset := m.marker + m.stroke
		// The range between a range target's bounds, shaded.
		var low, high []float64
		for _, s := range p.series {
			switch s.style {
			case TargetLow:
				low = s.v
			case TargetHigh:
				high = s.v
			}
		}
		if low != nil && high != nil {
			for i := range p.xs {
				if math.IsNaN(low[i]) || math.IsNaN(high[i]) {
					continue
				}
				y0, y1 := p.y(plot, inset, high[i]), p.y(plot, inset, low[i])
				x0, x1 := p.xs[i]-p.step/2, p.xs[i]+p.step/2
				c.fill(rangeTint, []pt{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}})
			}
		}
		for _, v := range ticks(p.lo, p.hi) {
			y := int(math.Round(float64(p.y(plot, inset, v))))
			c.rect(image.Rect(plot.Min.X, y, plot.Max.X, y+1), gridColor)
		}
		c.rect(image.Rect(plot.Min.X, plot.Max.Y-2, plot.Max.X, plot.Max.Y), axisColor)
		// Targets first, the actual over them.
		for _, s := range p.series {
			if s.style != Actual {
				l.steps(c, s.v, inset)
			}
		}
		for _, s := range p.series {
			if s.style == Actual {
				l.line(c, s.v, inset)
			}
		}
	case Bar:
		if len(p.series) == 0 {
			return
		}
		zero := p.x(plot, 0)
		thick := p.rowH * 0.62
		for i, v := range p.series[0].v {
			if math.IsNaN(v) {
				continue
			}
			x0, x1 := min(zero, p.x(plot, v)), max(zero, p.x(plot, v))
			y0, y1 := p.rows[i]-thick/2, p.rows[i]+thick/2
			c.fill(actualCol, []pt{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}})
		}
		zx := max(plot.Min.X+1, int(math.Round(float64(zero))))
		c.rect(image.Rect(zx-1, plot.Min.Y, zx+1, plot.Max.Y), axisColor)
		if !math.IsNaN(p.ref) {
			x := p.x(plot, p.ref)
			c.stroke(refColor, []pt{{x, float32(plot.Min.Y)}, {x, float32(plot.Max.Y)}}, m.stroke/2, m.stroke*2, m.stroke*1.5)
		}
	}
}

// line draws a series as a solid line with markers; a missing value is a
// gap. Markers are left out where points crowd, except on a point with
// no neighbour, which would otherwise not show.
func (l *layout) line(c *canvas, v []float64, inset float32) {
	p, m := l.chart, l.m
	marks := p.step >= m.marker*4
	var run []pt
	flush := func() {
		if len(run) > 1 {
			c.stroke(actualCol, run, m.stroke, 0, 0)
		}
		run = run[:0]
	}
	var dots [][]pt
	for i, x := range v {
		if math.IsNaN(x) {
			flush()
			continue
		}
		q := pt{p.xs[i], p.y(l.plot, inset, x)}
		run = append(run, q)
		alone := (i == 0 || math.IsNaN(v[i-1])) && (i == len(v)-1 || math.IsNaN(v[i+1]))
		if marks || alone {
			dots = append(dots, disc(q.x, q.y, m.marker))
		}
	}
	flush()
	if len(dots) > 0 {
		c.fill(actualCol, dots...)
	}
	if !math.IsNaN(p.ref) {
		y := p.y(l.plot, inset, p.ref)
		c.stroke(refColor, []pt{{float32(l.plot.Min.X), y}, {float32(l.plot.Max.X), y}}, m.stroke/2, m.stroke*2, m.stroke*1.5)
	}
}

// steps draws a target series as dashed steps: each value holds across
// its category, joined by a riser where the next one follows.
func (l *layout) steps(c *canvas, v []float64, inset float32) {
	p, m := l.chart, l.m
	var run []pt
	flush := func() {
		if len(run) > 1 {
			c.stroke(targetCol, run, m.stroke*3/4, m.stroke*2.5, m.stroke*1.5)
		}
		run = run[:0]
	}
	for i, x := range v {
		if math.IsNaN(x) {
			flush()
			continue
		}
		y := p.y(l.plot, inset, x)
		run = append(run, pt{p.xs[i] - p.step/2, y}, pt{p.xs[i] + p.step/2, y})
	}
	flush()
}

// ticks are a few round values between lo and hi for gridlines.
func ticks(lo, hi float64) []float64 {
	span := hi - lo
	if !(span > 0) || math.IsInf(span, 0) {
		return nil
	}
	raw := span / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi && len(out) < 12; v += step {
		out = append(out, v)
	}
	return out
}
