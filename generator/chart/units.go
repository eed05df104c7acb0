package chart

import (
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// UnitKind draws the achievements of the units of one kind for one
// indicator in their latest due period, against the agency's target (a
// line at 100), one bar per unit in the order of the table (by name),
// labelled by the row's Bar (its name without the words all share). Units without an achievement (too few to
// judge, not reported, a sum's unit, which is not judged against the
// city's total) have no bar. ok is false when no unit has one (the page
// shows the table only).
func UnitKind(s *display.KindSection, labels Labels) (c Chart, ok bool) {
	var rows []string
	var data []any
	top := iku.MustDecimal("0")
	for i := range s.Rows {
		r := &s.Rows[i]
		if r.Eval == nil || r.Eval.Achievement == nil {
			continue
		}
		a := r.Eval.Achievement
		rows = append(rows, clean(r.Bar))
		data = append(data, num(a))
		if a.Cmp(top) > 0 {
			top = *a
		}
	}
	if len(rows) == 0 {
		return Chart{}, false
	}
	return achievementBars(s.Chart.ID, clean(s.Chart.Summary), rows, data, top, 170, labels), true
}
