package preview

import (
	"image"
	"image/color"
	"math"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Colours of the site's own card (themes/kinerja/layouts/_partials/og/card.html)
// and charts (generator/chart/builders.go).
var (
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	bandColor = color.RGBA{0x0b, 0x39, 0x54, 0xff}
	badgeText = color.RGBA{0xff, 0xdd, 0x00, 0xff}
	ink       = color.RGBA{0x1b, 0x1b, 0x1b, 0xff}
	grey      = color.RGBA{0x50, 0x50, 0x50, 0xff}
	gridColor = color.RGBA{0xe0, 0xe0, 0xe0, 0xff}
	axisColor = color.RGBA{0x76, 0x76, 0x76, 0xff}
	actualCol = color.RGBA{0x00, 0x72, 0xb2, 0xff} // Okabe–Ito blue
	targetCol = color.RGBA{0xa3, 0x3e, 0x00, 0xff} // dark vermilion
	rangeTint = color.RGBA{0xf8, 0xe6, 0xdc, 0xff}
	refColor  = color.RGBA{0x33, 0x33, 0x33, 0xff} // the 100 % line
)

// metrics are the sizes of one card, in pixels.
type metrics struct {
	margin, band       int
	sitePx, badgePx    int
	titlePx, titleLead int
	titleLines         int
	bigPx, smallPx     int // the first figure line, the others
	legendPx, labelPx  int
	gap                int // between blocks
	minPlot            int // a plot lower than this is left out
	stroke, marker     float32
}

func metricsFor(s Size) metrics {
	f := float64(s.W) / 1200
	band := f // the header band's type: the site's title and the badge fit side by side
	lines := 2
	if s.H > s.W { // a portrait card is seen smaller and has room: larger type
		f *= 1.4
		band *= 1.15
		lines = 3
	}
	sc := func(v float64) int { return int(math.Round(v * f)) }
	return metrics{
		margin: sc(40), band: sc(64),
		sitePx: int(math.Round(26 * band)), badgePx: int(math.Round(22 * band)),
		titlePx: sc(40), titleLead: sc(50), titleLines: lines,
		bigPx: sc(34), smallPx: sc(28),
		legendPx: sc(24), labelPx: sc(22),
		gap: sc(14), minPlot: sc(90),
		stroke: float32(4 * f), marker: float32(6 * f),
	}
}

// text is one line of text placed on the card: drawn from the dot (x, y),
// the left end of its baseline, inside box.
type text struct {
	role string
	s    string
	face *face
	col  color.RGBA
	x, y int
	box  image.Rectangle
}

// swatch is a legend's sample of a series.
type swatch struct {
	kind string // "line", "dash", "bar", "ref"
	col  color.RGBA
	box  image.Rectangle
}

// layout is everything a card shows, placed: plan decides it, paint only
// draws it.
type layout struct {
	size   Size
	m      metrics
	texts  []text
	icon   string // the status icon's key, drawn in iconAt
	iconAt image.Rectangle
	legend []swatch
	bottom int             // the lowest pixel row the chart may use
	plot   image.Rectangle // empty when the card has no chart
	chart  *plotted
}

// box is a named rectangle of a layout (the tests check them).
type box struct {
	role string
	r    image.Rectangle
}

// boxes lists every rectangle the layout draws into.
func (l *layout) boxes() []box {
	var b []box
	for _, t := range l.texts {
		b = append(b, box{t.role, t.box})
	}
	if l.icon != "" {
		b = append(b, box{"icon", l.iconAt})
	}
	for _, s := range l.legend {
		b = append(b, box{"swatch", s.box})
	}
	if !l.plot.Empty() {
		b = append(b, box{"plot", l.plot})
	}
	return b
}

// place puts s in face f with its box's left end at x and its baseline
// at y.
func place(role, s string, f *face, col color.RGBA, x, y int) text {
	m := f.Metrics()
	over, w := extent(f, s)
	return text{role: role, s: s, face: f, col: col, x: x + over, y: y,
		box: image.Rect(x, y-m.Ascent.Ceil(), x+w, y+m.Descent.Ceil())}
}

// maxLines is how many figure lines a card takes.
const maxLines = 3

// maxFooter is how many footer lines a card has room for.
const maxFooter = 2

// plan checks card c and lays it out at size s.
func plan(c Card, s Size) (*layout, error) {
	if s.W < 200 || s.H < 200 || s.W > 4000 || s.H > 4000 {
		return nil, iku.Errorf(iku.Internal, "cannot draw a preview image of %s: the size must be 200 to 4000 pixels each way", s)
	}
	if len(c.Footer) > maxFooter {
		return nil, iku.Errorf(iku.Internal, "the preview of %q has %d footer lines; a card has room for %d", c.Title, len(c.Footer), maxFooter)
	}
	if len(c.Lines) > maxLines {
		return nil, iku.Errorf(iku.Internal, "the preview of %q has %d figure lines; a card has room for %d", c.Title, len(c.Lines), maxLines)
	}
	if len(c.Counts) > maxCounts || len(c.Notes) > maxNotes {
		return nil, iku.Errorf(iku.Internal, "the preview of %q has %d counts and %d notes; a card has room for %d and %d", c.Title, len(c.Counts), len(c.Notes), maxCounts, maxNotes)
	}
	var data *plotted
	if c.Chart != nil {
		var err error
		if data, err = parseChart(c.Chart); err != nil {
			return nil, iku.Wrap(err, iku.Internal, "cannot draw the chart of the preview of %q", c.Title)
		}
	}
	if err := loadFonts(); err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot read the fonts the preview images are drawn in")
	}
	m := metricsFor(s)
	l := &layout{size: s, m: m}
	left, right := m.margin, s.W-m.margin
	full := right - left

	// The header band: the site's title, and the badge at the right.
	siteRoom := full
	if b := clean(c.Badge); b != "" {
		// The badge (the demo's mark) takes what the site's title leaves,
		// down to half the band: it is not cut where both fit.
		f := faceFor(false, m.badgePx)
		room := full * 2 / 5
		if t := clean(c.Site); t != "" {
			room = max(room, full-m.gap*2-min(width(faceFor(false, m.sitePx), t), full/2))
		}
		b = shorten(f, b, room, false)
		w := width(f, b)
		l.texts = append(l.texts, place("badge", b, f, badgeText, right-w, baseline(m.band, f)))
		siteRoom -= w + m.gap*2
	}
	if t := clean(c.Site); t != "" {
		f := faceFor(false, m.sitePx)
		l.texts = append(l.texts, place("site", shorten(f, t, siteRoom, false), f, white, left, baseline(m.band, f)))
	}

	// The title, then the figure lines, each block below the one before.
	y := m.band + m.gap*3/2 // the top of the next block
	if t := clean(c.Title); t != "" {
		f := faceFor(true, m.titlePx)
		base := y + f.Metrics().Ascent.Ceil()
		for i, line := range wrap(f, t, full, m.titleLines) {
			l.texts = append(l.texts, place("title", line, f, ink, left, base+i*m.titleLead))
			y = l.texts[len(l.texts)-1].box.Max.Y
		}
		y += m.gap
	}
	lastLine := -1
	for i, line := range c.Lines {
		px, col := m.bigPx, ink
		if i > 0 {
			px, col = m.smallPx, grey
		}
		f := faceFor(false, px)
		line = shorten(f, clean(line), full, false)
		if line == "" {
			continue
		}
		l.texts = append(l.texts, place("line", line, f, col, left, y+f.Metrics().Ascent.Ceil()))
		lastLine = len(l.texts) - 1
		y = l.texts[lastLine].box.Max.Y + m.gap/2
	}
	if st := c.Status; st != nil && (st.Key != "" || st.Label != "") {
		y = l.status(*st, lastLine, y)
	}
	// The footer, from the bottom margin up: the rows and the chart stay
	// above it.
	l.bottom = s.H - m.margin
	var footer []text
	if len(c.Footer) > 0 {
		f := faceFor(false, m.labelPx)
		lead := f.Metrics().Ascent.Ceil() + f.Metrics().Descent.Ceil() + m.gap/3
		base := s.H - m.margin - f.Metrics().Descent.Ceil() - (len(c.Footer)-1)*lead
		for i, line := range c.Footer {
			footer = append(footer, place("footer", shorten(f, clean(line), full, false), f, grey, left, base+i*lead))
		}
		l.bottom = base - f.Metrics().Ascent.Ceil() - m.gap
	}
	y = l.rows(c.Counts, c.Notes, y)
	l.texts = append(l.texts, footer...)
	if data != nil && !data.empty() {
		l.chartAt(data, y+m.gap/2)
	}
	return l, nil
}

// baseline is the baseline that centres the capitals of face f in a band
// of height h.
func baseline(h int, f *face) int {
	capHeight := f.Metrics().CapHeight.Ceil()
	if capHeight == 0 {
		capHeight = f.Metrics().Ascent.Ceil() * 7 / 10
	}
	return (h + capHeight) / 2
}

// status places the status icon and label after the last figure line
// (texts[last]), or on a line of their own at y when they do not fit
// there; it returns the top of the next block.
func (l *layout) status(st Status, last, y int) int {
	m := l.m
	right := l.size.W - m.margin
	label := clean(st.Label)
	if last >= 0 {
		t := l.texts[last]
		f := faceFor(true, t.face.px())
		icon := t.face.px() * 4 / 5
		x := t.box.Max.X + m.gap*2
		if x+icon+m.gap*3/4+width(f, label) <= right {
			l.statusAt(st.Key, label, f, x, t.y, icon)
			return y
		}
	}
	f := faceFor(true, m.smallPx)
	icon := m.smallPx * 4 / 5
	label = shorten(f, label, right-m.margin-icon-m.gap, false)
	base := y + f.Metrics().Ascent.Ceil()
	l.statusAt(st.Key, label, f, m.margin, base, icon)
	return base + f.Metrics().Descent.Ceil() + m.gap/2
}

// statusAt places an icon of side size at x on baseline y, and the label
// after it in the status's colour.
func (l *layout) statusAt(key, label string, f *face, x, y, size int) {
	l.icon = key
	if key == "" {
		l.icon = "none"
	}
	top := y - size + size/10 // sits on the baseline, a little below it
	l.iconAt = image.Rect(x, top, x+size, top+size)
	if label != "" {
		l.texts = append(l.texts, place("status", label, f, statusColor(key), x+size+l.m.gap*3/4, y))
	}
}

// px is the face's size in pixels.
func (f *face) px() int { return f.size }
