// Package chart builds the site's charts with go-echarts and draws them as
// SVG with ECharts itself, in a Node process (render.go).
//
// It is the only package that imports go-echarts. Options leave it as JSON
// only (Validate, then encoding/json on JSON()): go-echarts' HTML renderer
// inlines options unescaped and turns "__f__" strings into live JavaScript,
// and the site runs under a CSP with no inline script. Every SVG that leaves
// the package has been rewritten for a strict CSP and checked against an
// allow-list (svg.go): the page carries it verbatim.
//
// No human-visible text lives here: the caller passes every word in Labels,
// from the site's i18n files.
package chart

import (
	"crypto/sha256"
	"encoding/hex"
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
}

// Labels carries every human-visible word of the charts. The caller fills
// it from the site's i18n files; Validate says what is missing.
//
// Description templates take placeholders in braces, replaced with data
// ("{indicator}"); each builder's documentation lists its placeholders.
type Labels struct {
	Lang   string // the site language of these labels ("id", "en")
	Actual string // series of actuals: "Realisasi"
	// ActualToDate names the series of year-to-date actuals: "Realisasi
	// s.d. triwulan (kumulatif)".
	ActualToDate string
	Target       string // series of targets: "Target"
	TargetLow    string // lower bound of a range target: "Target (batas bawah)"
	TargetHigh   string // upper bound of a range target: "Target (batas atas)"
	Achievement  string // achievement axis: "Capaian (%)"
	Count        string // axis of counts of indicators: "Jumlah indikator"
	// Quarter formats a quarter, with {q} for the Roman numeral, {n} for
	// its number and {year}: "TW {q} {year}" → "TW III 2026", "Q{n}
	// {year}" → "Q3 2026".
	Quarter string
	// Half and Year format the periods of semiannual and annual
	// indicators, with {h} (I or II), {hn} (1 or 2) and {year}: "Smt {h}
	// {year}", "H{hn} {year}", "{year}".
	Half, Year string
	// NotDue names the indicators not due in a quarter (Overview).
	NotDue string
	// Categories names each category key of iku.Rules ("sangat_baik" →
	// "Sangat Baik"); Statuses names the statuses that have no category
	// (met, not_met, in_progress, not_reported, no_target, incomplete).
	Categories map[string]string
	Statuses   map[iku.Status]string
	// NumberLocale is the BCP 47 tag ECharts draws numbers in ("id-ID":
	// 1.250,5); DecimalMark and GroupMark write the exact numbers of
	// descriptions the same way ("," and "." in Indonesian; "" = "." and
	// no grouping).
	NumberLocale string
	DecimalMark  string
	GroupMark    string

	// One-sentence descriptions, templates (see IndicatorTrend,
	// AgencyAchievements, Overview and Comparison for their placeholders).
	TrendDescription        string
	AchievementsDescription string
	OverviewDescription     string
	ComparisonDescription   string
}

// statusSeries are the statuses that Overview draws besides categories.
var statusSeries = []iku.Status{
	iku.StatusMet, iku.StatusMetSoFar, iku.StatusNotMet, iku.StatusInProgress, iku.StatusNotReported, iku.StatusNoTarget, iku.StatusIncomplete,
}

// Validate reports every label that is empty, so that a missing i18n key
// fails the build once instead of drawing a key name on a chart.
func (l Labels) Validate(categoryKeys []string) error {
	var missing []string
	for name, v := range map[string]string{
		"Actual": l.Actual, "ActualToDate": l.ActualToDate, "Target": l.Target, "TargetLow": l.TargetLow, "TargetHigh": l.TargetHigh,
		"Achievement": l.Achievement, "Count": l.Count, "Quarter": l.Quarter, "Half": l.Half, "Year": l.Year, "NotDue": l.NotDue,
		"TrendDescription": l.TrendDescription, "AchievementsDescription": l.AchievementsDescription,
		"OverviewDescription": l.OverviewDescription, "ComparisonDescription": l.ComparisonDescription,
	} {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, name)
		}
	}
	for _, k := range categoryKeys {
		if strings.TrimSpace(l.Categories[k]) == "" {
			missing = append(missing, fmt.Sprintf("Categories[%q]", k))
		}
	}
	for _, s := range statusSeries {
		if strings.TrimSpace(l.Statuses[s]) == "" {
			missing = append(missing, fmt.Sprintf("Statuses[%q]", s))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return iku.Errorf(iku.Invalid, "chart labels are missing (add them to the site's i18n files): %s", strings.Join(missing, ", "))
}

// QuarterLabel writes q with the Quarter format.
func (l Labels) QuarterLabel(q iku.Quarter) string {
	if q.IsZero() {
		return ""
	}
	return strings.NewReplacer("{q}", q.Roman(), "{n}", fmt.Sprint(q.Q), "{year}", fmt.Sprint(q.Year)).Replace(l.Quarter)
}

// PeriodLabel writes the reporting period of frequency f that due quarter
// q closes: a quarter, a half-year or a year.
func (l Labels) PeriodLabel(f iku.Frequency, q iku.Quarter) string {
	if q.IsZero() {
		return ""
	}
	p := f.Period(q)
	switch p.Kind {
	case iku.PeriodHalf:
		return strings.NewReplacer("{h}", []string{"", "I", "II"}[p.N], "{hn}", fmt.Sprint(p.N), "{year}", fmt.Sprint(p.Year)).Replace(l.Half)
	case iku.PeriodYear:
		return strings.ReplaceAll(l.Year, "{year}", fmt.Sprint(p.Year))
	}
	return l.QuarterLabel(q)
}

func (l Labels) category(key string) string {
	if s := l.Categories[key]; s != "" {
		return s
	}
	return key
}

func (l Labels) status(s iku.Status) string {
	if v := l.Statuses[s]; v != "" {
		return v
	}
	return string(s)
}

// Number writes d exactly, with its own digits, in the labels' notation:
// "1250.50" is "1.250,50" in Indonesian.
func (l Labels) Number(d iku.Decimal) string {
	s := d.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if l.GroupMark != "" && len(intPart) > 3 {
		var b strings.Builder
		for i, r := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteString(l.GroupMark)
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	if hasFrac {
		mark := l.DecimalMark
		if mark == "" {
			mark = "."
		}
		intPart += mark + frac
	}
	return sign + intPart
}

// fill replaces {name} placeholders in a description template.
func fill(template string, values map[string]string) string {
	pairs := make([]string, 0, 2*len(values))
	for k, v := range values {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return clean(strings.NewReplacer(pairs...).Replace(template))
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

// slug makes a piece of a chart ID: lowercase letters, digits and '-'. A
// slug that had to be changed gets a short hash, so two slugs never meet.
func slug(s string) string {
	var b strings.Builder
	changed := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
			changed = true
		default:
			if !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
			changed = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if strings.Contains(out, "--") {
		out = strings.Join(strings.FieldsFunc(out, func(r rune) bool { return r == '-' }), "-")
		changed = true
	}
	if out == "" || changed {
		sum := sha256.Sum256([]byte(s))
		if out != "" {
			out += "-"
		}
		out += hex.EncodeToString(sum[:4])
	}
	return out
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
