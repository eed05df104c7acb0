// Package chart builds the site's charts with go-echarts and draws them as
// SVG: the line charts (trends) in Go from their option (lines.go), the
// others with ECharts itself, in a Node process (render.go).
//
// It is the only package that imports go-echarts. Options leave it as JSON
// only (Validate, then encoding/json on JSON()): go-echarts' HTML renderer
// inlines options unescaped and turns "__f__" strings into live JavaScript,
// and the site runs under a CSP with no inline script. Every SVG that leaves
// the package has been rewritten for a strict CSP and checked against an
// allow-list (svg.go): the page carries it verbatim.
//
// The builders draw the records of generator/display, which every page
// prints: the rows in the order of the table next to the chart, named as
// the table names them, the values the table shows, and the record's
// chart ID and summary (the sentence under the chart, also the chart's
// aria description). No human-visible text lives here: the words that are
// in no record come in Labels, from the site's i18n files.
package chart

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Chart is one chart, ready to be drawn by a Renderer and to travel to the
// page as JSON for the optional browser enhancement.
//
// Option is safe inside <script type="application/json">: encoding/json
// writes <, > and & as \u003c, \u003e and \u0026. A browser that draws it
// again must use the SVG renderer (go-echarts keeps the renderer out of the
// option) and format numbers for Locale itself: the option has no functions.
type Chart struct {
	ID          string          `json:"id"`     // deterministic, unique on the site: "iku-<slug>-trend"
	Option      json.RawMessage `json:"option"` // ECharts option, without functions
	Width       int             `json:"width"`  // size the SVG is drawn at; it scales with its container
	Height      int             `json:"height"`
	Description string          `json:"description"`      // one plain-language sentence: the SVG's <title> and the option's aria description
	Locale      string          `json:"locale,omitempty"` // BCP 47 tag numbers are drawn in ("id-ID"); "" = ECharts' default
	// Lang is the site language the chart's words are in ("id", "en"): a
	// chart is drawn once per language, and cached per language.
	Lang string `json:"lang,omitempty"`
	// Drawer is who draws it: "" ECharts, in Node; drawGo ("go") lines.go
	// where it draws every part of the option, else ECharts.
	Drawer string `json:"-"`
}

// Labels carries the words of the charts that are not in the records
// they draw (the period, sector and indicator names, status names, the
// trend's legend and the description are): axis and legend names. The caller fills it from
// the site's i18n files; Validate says what is missing.
type Labels struct {
	Lang string // the site language of these labels ("id", "en")
	// Actual and Target name the trend's series when its record has no
	// legend (an indicator with no period in force): "Realisasi",
	// "Target".
	Actual, Target string
	TargetLow      string // lower bound of a range target: "Target (batas bawah)"
	TargetHigh     string // upper bound of a range target: "Target (batas atas)"
	Achievement    string // achievement axis: "Capaian (%)"
	Count          string // axis of counts of indicators: "Jumlah indikator"
	// NotDue names the indicators not due in a quarter (Overview).
	NotDue string
	// NumberLocale is the BCP 47 tag ECharts draws numbers in ("id-ID":
	// 1.250,5).
	NumberLocale string
}

// Validate reports every label that is empty, so that a missing i18n key
// fails the build once instead of drawing a key name on a chart.
func (l Labels) Validate() error {
	return validate(map[string]string{
		"Actual": l.Actual, "Target": l.Target, "TargetLow": l.TargetLow, "TargetHigh": l.TargetHigh,
		"Achievement": l.Achievement, "Count": l.Count, "NotDue": l.NotDue,
	})
}

func validate(labels map[string]string) error {
	var missing []string
	for name, v := range labels {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return iku.Errorf(iku.Invalid, "chart labels are missing (add them to the site's i18n files): %s", strings.Join(missing, ", "))
}

// num is an exact decimal as a JSON number for an option, written from its
// own digits (never through float64); nil, a gap, stays null, never 0.
func num(d *iku.Decimal) any {
	if d == nil {
		return nil
	}
	s := d.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	// JSON allows no leading zeros and no bare fraction: "007" is 7,
	// ".5" is 0.5.
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if hasFrac {
		intPart += "." + frac
	}
	return json.Number(sign + intPart)
}

// clean makes a name safe to draw on one line: control characters (a
// stray tab or vertical tab pasted from a spreadsheet) become spaces, since
// XML forbids most of them and ECharts would break lines at "\n".
func clean(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
}

// Look shared by every chart.
const (
	fontSize   = 13
	fontFamily = "sans-serif"
	textColor  = "#333333" // 12.6:1 on white
	axisColor  = "#595959" // 7:1 on white
	gridColor  = "#d9d9d9" // split lines only: decoration, not data
)

// noChrome drops what go-echarts always adds and this site never draws: an
// empty toolbox (ECharts still lays out an invisible box for it) and an
// empty title (the page has its own heading). It also sets the text style
// that go-echarts has no global option for.
type noChrome struct {
	charts.BaseConfigurationVisitor
}

// yAxis is a y axis with the style of its name, which go-echarts' YAxis
// has no field for.
type yAxis struct {
	opts.YAxis
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

// VisitYAxis starts the name of a vertical axis at the axis line, above
// it, and runs it rightwards into the chart. ECharts centres it on the
// line, where its left half falls outside the SVG on a narrow chart
// ("umlah pegawai"): containLabel makes room for the axis labels, never
// for the axis name.
func (noChrome) VisitYAxis(axes []opts.YAxis) interface{} {
	out := make([]yAxis, len(axes))
	for i, a := range axes {
		out[i].YAxis = a
		if a.Name != "" && (a.NameLocation == "" || a.NameLocation == "end") {
			out[i].NameTextStyle = &opts.TextStyle{Align: "left"}
		}
	}
	return out
}

func (noChrome) Visit(obj map[string]interface{}) {
	delete(obj, "toolbox")
	delete(obj, "title")
	obj["textStyle"] = map[string]interface{}{
		"fontFamily": fontFamily,
		"fontSize":   fontSize,
		"color":      textColor,
	}
}

// base is the configuration every chart shares: svg renderer, no
// animation, colour-blind-safe palette, aria with the description and decal
// patterns, legend at the bottom, a grid that keeps its labels inside.
func base(id, description string, colors []string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Renderer: "svg"}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(colors),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Left: "center",
			TextStyle: &opts.TextStyle{Color: textColor, FontSize: fontSize}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
	}
}

// option serialises a go-echarts chart the one safe way: Validate, then
// encoding/json on JSON(). (encoding/json also escapes <, > and & in
// strings, so the option can sit in a <script type="application/json">.)
func option(c interface {
	Validate()
	JSON() map[string]interface{}
}) json.RawMessage {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		// Only numbers, strings and go-echarts' own structs go in; a
		// failure here is a bug (a NaN would be one).
		panic(fmt.Sprintf("chart: option does not serialise: %v", err))
	}
	return b
}

func axisLabel() *opts.AxisLabel {
	return &opts.AxisLabel{Color: axisColor, FontSize: fontSize, HideOverlap: opts.Bool(true)}
}

func splitLine() *opts.SplitLine {
	return &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridColor}}
}
