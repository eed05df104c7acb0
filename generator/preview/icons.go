package preview

import (
	"image"
	"image/color"
	"math"
)

// statusColor is the colour of a status's icon and label, as on the site's
// badges (themes/kinerja/assets/css/components.css, .st-*).
func statusColor(key string) color.RGBA {
	switch key {
	case "sangat_baik":
		return color.RGBA{0x0a, 0x4f, 0x8c, 0xff}
	case "baik":
		return color.RGBA{0x2f, 0x6a, 0x96, 0xff}
	case "cukup":
		return color.RGBA{0x6b, 0x59, 0x00, 0xff}
	case "kurang":
		return color.RGBA{0x9a, 0x46, 0x00, 0xff}
	case "sangat_kurang":
		return color.RGBA{0x8c, 0x23, 0x00, 0xff}
	case "met", "met_so_far":
		return color.RGBA{0x00, 0x69, 0x5c, 0xff}
	case "not_met":
		return color.RGBA{0x9a, 0x34, 0x12, 0xff}
	case "in_progress":
		return color.RGBA{0x3d, 0x5a, 0x80, 0xff}
	}
	return color.RGBA{0x5a, 0x5a, 0x5a, 0xff}
}

// drawIcon draws the icon of a status in box r as shapes, after the
// site's icons (themes/kinerja/layouts/_partials/status/info.html): ★ ● ◐ ○ ✕
// for the categories, ✓ met, ✗ not met, → in progress, a dashed ring not
// reported, – no target, … incomplete, and a dot for any other key.
func drawIcon(c *canvas, key string, r image.Rectangle) {
	s := float32(r.Dx())
	at := func(fx, fy float32) pt { return pt{float32(r.Min.X) + fx*s, float32(r.Min.Y) + fy*s} }
	col := statusColor(key)
	cx, cy := at(0.5, 0.5).x, at(0.5, 0.5).y
	w := s * 0.17 // stroke width
	switch key {
	case "sangat_baik": // a five-pointed star
		p := make([]pt, 10)
		for i := range p {
			rad := s * 0.52
			if i%2 == 1 {
				rad = s * 0.21
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			p[i] = pt{cx + rad*float32(math.Cos(a)), cy + 0.04*s + rad*float32(math.Sin(a))}
		}
		c.fill(col, turned(p, true))
	case "baik": // a disc
		c.fill(col, disc(cx, cy, s*0.42))
	case "cukup": // a ring, its left half filled
		half := []pt{}
		for i := 0; i <= 24; i++ {
			a := math.Pi/2 + math.Pi*float64(i)/24
			half = append(half, pt{cx + s*0.42*float32(math.Cos(a)), cy + s*0.42*float32(math.Sin(a))})
		}
		c.fill(col, disc(cx, cy, s*0.42), turned(disc(cx, cy, s*0.42-w*0.8), false))
		c.fill(col, turned(half, true))
	case "kurang": // a ring
		c.fill(col, disc(cx, cy, s*0.42), turned(disc(cx, cy, s*0.42-w*0.8), false))
	case "sangat_kurang", "not_met": // a cross
		c.fill(col, segment(at(0.14, 0.14), at(0.86, 0.86), w*1.2), segment(at(0.86, 0.14), at(0.14, 0.86), w*1.2))
	// A stroke's round ends reach half its width past its end points:
	// the points keep that far from the box's sides.
	case "met", "met_so_far": // a tick
		c.stroke(col, []pt{at(0.14, 0.55), at(0.4, 0.8), at(0.86, 0.22)}, w*1.2, 0, 0)
	case "in_progress": // an arrow to the right
		c.stroke(col, []pt{at(0.12, 0.5), at(0.6, 0.5)}, w, 0, 0)
		c.fill(col, turned([]pt{at(0.5, 0.16), at(0.95, 0.5), at(0.5, 0.84)}, true))
	case "not_reported": // a dashed ring
		ring := disc(cx, cy, s*0.38)
		ring = append(ring, ring[0])
		c.stroke(col, ring, w*0.8, s*0.2, s*0.13)
	case "no_target": // a dash
		c.fill(col, segment(at(0.12, 0.52), at(0.88, 0.52), w*1.1))
	case "incomplete": // three dots
		c.fill(col, disc(at(0.15, 0.72).x, at(0.15, 0.72).y, w*0.75), disc(cx, at(0, 0.72).y, w*0.75), disc(at(0.85, 0.72).x, at(0, 0.72).y, w*0.75))
	default:
		c.fill(col, disc(cx, cy, s*0.18))
	}
}
