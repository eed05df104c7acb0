package display

import (
	"regexp"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// StatusColour is the colour of a status or category: Ink marks it (a
// chip's border and icon, a chart's bar), Tint is a chip's background.
// This is the one place they are decided: Site.Colours carries them to
// the pages, whose stylesheet (_partials/css.html) makes the chips'
// classes st-<key> from them, and to the charts (chart.Overview), so a
// chip and a bar of the same status never differ. Every Ink has at least
// 4.5:1 contrast on white and on its Tint, except NotDue's, which is
// decoration (the not-due part of a bar), never text.
type StatusColour struct {
	Key  string `json:"key"`
	Ink  string `json:"ink"`
	Tint string `json:"tint"`
}

// NotDue is the key of the indicators not due in a quarter (a chart's
// last series).
const NotDue = "not_due"

// categoryColours colour the category table's keys by position, best
// first (the default table's sangat_baik … sangat_kurang).
var categoryColours = [][2]string{
	{"#0a4f8c", "#e0ecf8"}, {"#2e6db0", "#eaf2f8"}, {"#6b5900", "#f7f0cf"}, {"#9a4600", "#fbe9da"}, {"#8b1e3f", "#f9dde4"},
}

// statusColours colour the statuses that are not a category, then the
// missing status ("none") and NotDue, in this order.
var statusColours = []StatusColour{
	{string(iku.StatusMet), "#00695c", "#dcf1ec"},
	{string(iku.StatusMetSoFar), "#4a6b14", "#e9f1dc"},
	{string(iku.StatusInProgress), "#00687a", "#dcf0f3"},
	{string(iku.StatusNotMet), "#6a3d9a", "#eee6f6"},
	{string(iku.StatusIncomplete), "#8e2670", "#f6e1f0"},
	{string(iku.StatusNoTarget), "#3d3d3d", "#f5f5f5"},
	{string(iku.StatusNotReported), "#5a5a5a", "#eeeeee"},
	{"none", "#5a5a5a", "#eeeeee"},
	{NotDue, "#a9a9a9", "#f5f5f5"},
}

// cssKey is what a key may be to become a CSS class name.
var cssKey = regexp.MustCompile(`^[a-z0-9_-]+$`)

// Colours are the colours of the category table's keys (cats, best
// first; a key that cannot be a class name is left out) and of every
// other status.
func Colours(cats []iku.Category) []StatusColour {
	out := make([]StatusColour, 0, len(cats)+len(statusColours))
	for i, c := range cats {
		if !cssKey.MatchString(c.Key) {
			continue
		}
		p := categoryColours[i%len(categoryColours)]
		out = append(out, StatusColour{Key: c.Key, Ink: p[0], Tint: p[1]})
	}
	return append(out, statusColours...)
}

// Colour is the colour of the status or category key (a Status.Key, or
// NotDue); the missing status's for a key it does not know.
func (m *Model) Colour(key string) StatusColour {
	none := StatusColour{}
	for _, c := range m.Site.Colours {
		if c.Key == key {
			return c
		}
		if c.Key == "none" {
			none = c
		}
	}
	return none
}
