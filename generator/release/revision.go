package release

import (
	"fmt"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Revision is a published value that a later release changed.
type Revision struct {
	Indicator string      // slug
	Quarter   iku.Quarter // the period's (due) quarter
	Old, New  *iku.Decimal
	From      *Release // the release that last published Old
	In        *Release // the release that published New
}

// Label names a release in revision lists: "2026-Q2 v1".
func (r *Release) Label() string { return fmt.Sprintf("%s v%d", r.Quarter, r.Version) }

// Revisions compares every release with those published before it (by
// publication day, then quarter and version): each actual that differs in
// value from the one last published for the same indicator and quarter is
// a revision, in publication order. A value that appears for the first
// time (a late report) is not a revision; one withdrawn (set back to not
// reported) is.
func Revisions(rs []*Release, datasets map[*Release]*iku.Dataset) []Revision {
	order := byPublication(rs)
	type key struct {
		slug string
		q    int
	}
	type seen struct {
		v  *iku.Decimal
		in *Release
	}
	last := map[key]seen{}
	var out []Revision
	for _, r := range order {
		ds := datasets[r]
		if ds == nil {
			continue
		}
		for _, res := range ds.Results {
			k := key{res.IndicatorSlug, res.Quarter.Index()}
			prev, ok := last[k]
			if ok && differ(prev.v, res.Actual) {
				out = append(out, Revision{Indicator: res.IndicatorSlug, Quarter: res.Quarter, Old: prev.v, New: res.Actual, From: prev.in, In: r})
			}
			if !ok && res.Actual == nil {
				continue // a row not reported yet: nothing published
			}
			last[k] = seen{res.Actual, r}
		}
	}
	return out
}

func differ(a, b *iku.Decimal) bool {
	switch {
	case a == nil || b == nil:
		return (a == nil) != (b == nil)
	}
	return a.Cmp(*b) != 0
}
