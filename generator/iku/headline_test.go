package iku

import "testing"

func TestHeadline(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Counts
		want Headline
	}{
		{"good and not good categories",
			Counts{Total: 10, ByCategory: map[string]int{"sangat_baik": 4, "baik": 2, "kurang": 3}, Good: 6, GoodOrMet: 6, NotDue: 1},
			Headline{OnTrack: 6, OffTrack: 3, NotDue: 1}},
		{"met and not met targets of zero",
			Counts{Total: 9, Met: 2, MetSoFar: 1, GoodOrMet: 3, NotMet: 1, InProgress: 2, Incomplete: 1, NoTarget: 1, NotReported: 1},
			Headline{OnTrack: 3, OffTrack: 1, Pending: 4, NotReported: 1}},
	} {
		got := tc.c.Headline()
		if got != tc.want {
			t.Errorf("%s: Headline() = %+v; want %+v", tc.name, got, tc.want)
		}
		if sum := got.OnTrack + got.OffTrack + got.Pending + got.NotReported + got.NotDue; sum != tc.c.Total {
			t.Errorf("%s: the headline adds up to %d; want Total %d", tc.name, sum, tc.c.Total)
		}
	}
}
