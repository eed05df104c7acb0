package preview

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// ChartImage is the size of an indicator's chart as an image to download
// (PNG): a Card with its chart, drawn by Draw with more room for the plot
// than a link preview has.
var ChartImage = Size{W: 1200, H: 750}

// The standalone SVG's sizes, in its own units (pixels at 100 %).
const (
	svgWidth   = 800
	svgMargin  = 24
	svgTitlePx = 22
	svgTitleLH = 28
	svgTextPx  = 14
	svgTextLH  = 20
)

var viewBoxRe = regexp.MustCompile(`^<svg\b[^>]*\bviewBox="0 0 ([0-9.]+) ([0-9.]+)"[^>]*>`)

// StandaloneSVG turns a chart's SVG as the pages carry it inline
// (generator/chart: a root <svg> with a viewBox and no size, checked
// against its allow-list) into a file that stands alone: the SVG
// namespace, a size, a white background, the title above the chart (bold,
// wrapped to at most three lines) and the footer lines below it (source,
// publisher, licence, address; each wrapped), as text in the SVG. title
// and footer are plain text, escaped here. The same input gives the same
// bytes.
func StandaloneSVG(chart, title string, footer []string) ([]byte, error) {
	m := viewBoxRe.FindStringSubmatch(chart)
	end := strings.LastIndex(chart, "</svg>")
	if m == nil || end < len(m[0]) {
		return nil, iku.Errorf(iku.Internal, "cannot make the chart of %q a file: its SVG has no root with a viewBox", title)
	}
	vw, err1 := strconv.ParseFloat(m[1], 64)
	vh, err2 := strconv.ParseFloat(m[2], 64)
	if err1 != nil || err2 != nil || vw <= 0 || vh <= 0 {
		return nil, iku.Errorf(iku.Internal, "cannot make the chart of %q a file: its viewBox is %q × %q", title, m[1], m[2])
	}
	if err := loadFonts(); err != nil {
		return nil, err
	}
	inner := chart[len(m[0]):end]
	// Lines are wrapped by the width of the fonts the PNG is drawn with,
	// with a tenth to spare for the reader's own sans-serif.
	room := (svgWidth - 2*svgMargin) * 9 / 10
	titles := wrap(faceFor(true, svgTitlePx), clean(title), room, 3)
	var notes []string
	for _, f := range footer {
		notes = append(notes, wrap(faceFor(false, svgTextPx), clean(f), room, 3)...)
	}
	cw := float64(svgWidth - 2*svgMargin)
	ch := cw * vh / vw
	top := svgMargin + len(titles)*svgTitleLH
	height := top + 8 + int(ch+0.5) + 8 + len(notes)*svgTextLH + svgMargin - 4

	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%d" height="%d" viewBox="0 0 %d %d">`+"\n", svgWidth, height, svgWidth, height)
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(clean(title)))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", svgWidth, height)
	for i, l := range titles {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-family="sans-serif" font-size="%d" font-weight="bold" fill="#1b1b1b">%s</text>`+"\n",
			svgMargin, svgMargin+svgTitlePx+i*svgTitleLH-4, svgTitlePx, esc(l))
	}
	fmt.Fprintf(&b, `<svg x="%d" y="%d" width="%s" height="%s" viewBox="0 0 %s %s">%s</svg>`+"\n",
		svgMargin, top+8, num(cw), num(ch), m[1], m[2], inner)
	y := top + 8 + int(ch+0.5) + 8
	for i, l := range notes {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-family="sans-serif" font-size="%d" fill="#454545">%s</text>`+"\n",
			svgMargin, y+svgTextPx+i*svgTextLH, svgTextPx, esc(l))
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// esc escapes s as XML character data.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return b.String()
}

// num writes a length with at most two decimals.
func num(f float64) string {
	return strconv.FormatFloat(float64(int(f*100+0.5))/100, 'f', -1, 64)
}
