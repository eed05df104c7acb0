package chart

import (
	"github.com/tanjungbalai/kinerja/generator/display"
)

// UnitKind draws the achievements of the units of one kind for one
// indicator in their latest due period, against the agency's target (a
// line at 100), one bar per unit in the order of the table (by name),
// labelled by the row's Bar (its name without the words all share). Units without an achievement (too few to
// judge, not reported, a sum's unit, which is not judged against the
// city's total) have no bar. ok is false when no unit has one (the page
// shows the table only).
func UnitKind(s *display.KindSection, labels Labels) (c Chart, ok bool) {
	var bars []bar
	for i := range s.Rows {
		r := &s.Rows[i]
		if r.Eval == nil || r.Eval.Achievement == nil {
			continue
		}
		bars = append(bars, bar{r.Bar, r.Eval.Achievement})
	}
	return barsChart(s.Chart.ID, s.Chart.Summary, bars, labels)
}
