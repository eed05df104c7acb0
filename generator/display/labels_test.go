package display

import (
	"slices"
	"testing"
)

// A unit's bar label is its name without the words every unit of its kind
// shares at either end, so that ten schools' labels differ within an axis
// label's room (the English school names once all began "State Junior
// Secondary Sc..." or "State Primary School 1324...").
func TestDropCommonEnds(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{"SD Negeri 132398 Tanjungbalai", "SMP Negeri 1 Tanjungbalai"}, []string{"SD Negeri 132398", "SMP Negeri 1"}},
		{[]string{"State Primary School 132398 Tanjungbalai", "State Junior Secondary School 1 Tanjungbalai"}, []string{"Primary School 132398", "Junior Secondary School 1"}},
		{[]string{"Kampung Baru Community Health Centre", "Sijambi Community Health Centre"}, []string{"Kampung Baru", "Sijambi"}},
		{[]string{"Puskesmas A", "Puskesmas"}, []string{"Puskesmas A", "Puskesmas"}},
		{[]string{"One name only"}, []string{"One name only"}},
	} {
		if got := dropCommonEnds(c.in); !slices.Equal(got, c.want) {
			t.Errorf("dropCommonEnds(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
