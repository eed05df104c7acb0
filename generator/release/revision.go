package release

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Field names what a revision changed: an actual, a target, or one of the
// indicator's fields that change how its results are judged.
type Field string

const (
	FieldActual        Field = "actual"        // an actual of one period
	FieldTarget        Field = "target"        // a target (value, range or basis) of one year or quarter
	FieldUnit          Field = "unit"          // the unit
	FieldPolarity      Field = "polarity"      // positive or negative
	FieldConsolidation Field = "consolidation" // how quarters roll up into a year
	FieldFrequency     Field = "frequency"     // which periods are due
	FieldDefinition    Field = "definition"    // what is measured
	FieldFormula       Field = "formula"       // how it is computed
)

// Fields lists the fields in the order an indicator's revisions are
// listed in one release.
var Fields = []Field{FieldActual, FieldTarget, FieldUnit, FieldPolarity, FieldConsolidation, FieldFrequency, FieldDefinition, FieldFormula}

// Revision is something a release published that a later release
// changed: an actual (Old, New), a target (OldTarget, NewTarget), or a
// field of the indicator (OldText, NewText, and their English text where
// the field has one).
type Revision struct {
	Indicator string // slug
	Field     Field
	// Quarter is the period's (due) quarter of an actual; of a target,
	// its year with quarter 0 for an annual target.
	Quarter              iku.Quarter
	Old, New             *iku.Decimal // an actual; nil = not reported
	OldTarget, NewTarget *iku.Target  // a target; nil = none
	OldText, NewText     string       // a field: its code (polarity, consolidation, frequency) or text
	OldEN, NewEN         string       // the English text of a unit or definition; "" = not translated
	From                 *Release     // the release that last published the old value
	In                   *Release     // the release that published the new one
}

// Label names a release in revision lists: "2026-Q2 v1".
func (r *Release) Label() string { return fmt.Sprintf("%s v%d", r.Quarter, r.Version) }

// Revisions compares every release with those published before it (by
// publication day, then quarter and version) and returns, in publication
// order, every change of what changes a judgement:
//
//   - an actual that differs from the one last published for the same
//     indicator and quarter; a value that appears for the first time (a
//     late report) is not a revision, one withdrawn (set back to not
//     reported) is;
//   - a target (its value, its range or its basis) that differs from the
//     one last published for the same indicator, year and quarter; a
//     target set for the first time is not a revision, one removed is;
//   - an indicator's unit, polarity, consolidation, frequency, definition
//     or formula that differs from the release that last published the
//     indicator.
//
// Within one release the revisions of an indicator follow Fields, then
// the period.
func Revisions(rs []*Release, datasets map[*Release]*iku.Dataset) []Revision {
	type key struct {
		slug string
		q    int // an actual's quarter index; a target's year × 5 + quarter
	}
	type seen struct {
		v  *iku.Decimal
		in *Release
	}
	type set struct {
		t  *iku.Target // nil: removed
		in *Release
	}
	type shown struct {
		ind iku.Indicator
		in  *Release
	}
	actuals := map[key]seen{}
	targets := map[key]set{}
	fields := map[string]shown{}
	var out []Revision
	for _, r := range byPublication(rs) {
		ds := datasets[r]
		if ds == nil {
			continue
		}
		byIndicator := map[string][]Revision{}
		add := func(rv Revision) { byIndicator[rv.Indicator] = append(byIndicator[rv.Indicator], rv) }

		present := make(map[string]bool, len(ds.Indicators))
		for i := range ds.Indicators {
			ind := ds.Indicators[i]
			present[ind.Slug] = true
			if prev, ok := fields[ind.Slug]; ok {
				for _, c := range changedFields(&prev.ind, &ind) {
					c.Indicator, c.From, c.In = ind.Slug, prev.in, r
					add(c)
				}
			}
			fields[ind.Slug] = shown{ind, r}
		}
		// Targets: those of this release, then those it no longer has
		// (of indicators it still has).
		has := make(map[key]bool, len(ds.Targets))
		for i := range ds.Targets {
			t := ds.Targets[i]
			k := key{t.IndicatorSlug, t.Year*5 + t.Quarter}
			has[k] = true
			if prev, ok := targets[k]; ok && targetsDiffer(prev.t, &t) {
				add(Revision{Indicator: t.IndicatorSlug, Field: FieldTarget, Quarter: iku.Quarter{Year: t.Year, Q: t.Quarter},
					OldTarget: prev.t, NewTarget: &t, From: prev.in, In: r})
			}
			targets[k] = set{&t, r}
		}
		for k, prev := range targets {
			if has[k] || prev.t == nil || !present[k.slug] {
				continue
			}
			add(Revision{Indicator: k.slug, Field: FieldTarget, Quarter: iku.Quarter{Year: k.q / 5, Q: k.q % 5},
				OldTarget: prev.t, From: prev.in, In: r})
			targets[k] = set{nil, r}
		}
		for _, res := range ds.Results {
			k := key{res.IndicatorSlug, res.Quarter.Index()}
			prev, ok := actuals[k]
			if ok && differ(prev.v, res.Actual) {
				add(Revision{Indicator: res.IndicatorSlug, Field: FieldActual, Quarter: res.Quarter, Old: prev.v, New: res.Actual, From: prev.in, In: r})
			}
			if !ok && res.Actual == nil {
				continue // a row not reported yet: nothing published
			}
			actuals[k] = seen{res.Actual, r}
		}
		// In the dataset's order of indicators; by field, then period.
		for i := range ds.Indicators {
			rvs := byIndicator[ds.Indicators[i].Slug]
			slices.SortStableFunc(rvs, func(a, b Revision) int {
				return cmp.Or(cmp.Compare(slices.Index(Fields, a.Field), slices.Index(Fields, b.Field)),
					cmp.Compare(a.Quarter.Year, b.Quarter.Year), cmp.Compare(a.Quarter.Q, b.Quarter.Q))
			})
			out = append(out, rvs...)
		}
	}
	return out
}

// changedFields are the fields of an indicator that differ between the
// release that last published it (a) and the next (b).
func changedFields(a, b *iku.Indicator) []Revision {
	var out []Revision
	text := func(f Field, x, y, xEN, yEN string) {
		if x != y {
			out = append(out, Revision{Field: f, OldText: x, NewText: y, OldEN: xEN, NewEN: yEN})
		}
	}
	text(FieldUnit, a.Unit, b.Unit, a.UnitEN, b.UnitEN)
	text(FieldPolarity, string(a.Polarity), string(b.Polarity), "", "")
	text(FieldConsolidation, string(a.Consolidation), string(b.Consolidation), "", "")
	text(FieldFrequency, string(a.Frequency), string(b.Frequency), "", "")
	text(FieldDefinition, a.Definition, b.Definition, a.DefinitionEN, b.DefinitionEN)
	text(FieldFormula, a.Formula, b.Formula, "", "")
	return out
}

// targetsDiffer reports whether two targets of the same period differ in
// value, range or basis.
func targetsDiffer(a, b *iku.Target) bool {
	if a == nil || b == nil {
		return (a == nil) != (b == nil)
	}
	return differ(&a.Value, &b.Value) || differ(a.High, b.High) || a.Basis != b.Basis
}

func differ(a, b *iku.Decimal) bool {
	switch {
	case a == nil || b == nil:
		return (a == nil) != (b == nil)
	}
	return a.Cmp(*b) != 0
}
