package release

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// byPublication orders releases as they were published: by publication
// day, then quarter and version.
func byPublication(rs []*Release) []*Release {
	order := slices.Clone(rs)
	slices.SortStableFunc(order, func(a, b *Release) int {
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.Q.Index(), b.Q.Index()), cmp.Compare(a.Version, b.Version))
	})
	return order
}

// ProtectRatings makes ds's ratings publishable (disclosure.Protect): raw
// counts are suppressed consistently with the ratings tables of the
// releases published before, so that no later version of a year's table
// shows what an earlier one hid, or lets it be derived.
func ProtectRatings(ds *iku.Dataset, k int, published []*Release) error {
	var history [][]iku.RatingCount
	if !ds.RatingsPublished && len(ds.Ratings) > 0 {
		for _, r := range byPublication(published) {
			prev, err := r.Dataset()
			if err != nil {
				return err
			}
			history = append(history, prev.Ratings)
		}
	}
	return disclosure.Protect(ds, k, history)
}

// RatingRevision is a year of the ratings table that a release revised:
// its table differs from the one published before, or (Kept) the
// correction could not be published and the release repeats the table
// published before. It carries no count.
type RatingRevision struct {
	Year int
	In   *Release
	Kept bool
}

// RatingRevisions compares the ratings tables of releases in publication
// order, each year with the table of that year published last before.
func RatingRevisions(rs []*Release, ratings map[*Release][]iku.RatingCount) []RatingRevision {
	last := map[int]string{} // year → its table, as text
	kept := map[int]bool{}   // year → kept back in the release before
	var out []RatingRevision
	for _, r := range byPublication(rs) {
		tables := map[int]*strings.Builder{}
		var years []int
		for _, rc := range ratings[r] {
			b := tables[rc.Year]
			if b == nil {
				b = &strings.Builder{}
				tables[rc.Year] = b
				years = append(years, rc.Year)
			}
			n := "-"
			if rc.Count != nil {
				n = strconv.Itoa(*rc.Count)
			}
			b.WriteString(rc.AgencySlug + "\x00" + rc.Predicate + "\x00" + n + "\x00" + strconv.Itoa(rc.Rated) + "\n")
		}
		slices.Sort(years)
		for _, y := range years {
			text := tables[y].String()
			prev, seen := last[y]
			isKept := slices.Contains(r.RatingsKept, y)
			switch {
			case seen && prev != text:
				out = append(out, RatingRevision{Year: y, In: r})
			case seen && isKept && !kept[y]:
				out = append(out, RatingRevision{Year: y, In: r, Kept: true})
			}
			last[y], kept[y] = text, isKept
		}
	}
	return out
}
