package display_test

import (
	"testing"
)

// Every demo unit's page: its kecamatan, and for each indicator the
// city's value of each period is the one the indicator's own page shows
// for that period, the target the one it was judged against (a sum's
// unit: none), and its latest period is the indicator's latest.
func TestUnitRecordsAgreeWithIndicators(t *testing.T) {
	ms, _ := demo(t)
	for lang, m := range ms {
		if len(m.Units) != 29 {
			t.Errorf("%s: %d unit pages; want the demo's 29", lang, len(m.Units))
		}
		for _, u := range m.Units {
			if u.Kecamatan == nil || u.Kecamatan.URL == "" {
				t.Errorf("%s: unit %s has no kecamatan", lang, u.Slug)
			}
			if len(u.Sections) == 0 {
				t.Errorf("%s: unit %s has no indicator", lang, u.Slug)
			}
			for _, s := range u.Sections {
				ind := m.Indicator(s.ID)
				rows := map[string]string{}
				for _, r := range ind.Rows {
					rows[r.Key] = r.Actual.Text + r.Actual.Missing()
				}
				for _, r := range s.Rows {
					if got := r.City.Text + r.City.Missing(); got != rows[r.Key] {
						t.Errorf("%s: unit %s, %s %s: city value %q; the indicator's page shows %q", lang, u.Slug, s.ID, r.Key, got, rows[r.Key])
					}
				}
				if last := ind.Rows[len(ind.Rows)-1]; s.Latest.Key != last.Key {
					t.Errorf("%s: unit %s, %s: latest period %s; the indicator's is %s", lang, u.Slug, s.ID, s.Latest.Key, last.Key)
				}
				if s.Note != "" && s.Latest.Achievement.Text != "" {
					t.Errorf("%s: unit %s, %s: a unit not judged against the target has the achievement %s", lang, u.Slug, s.ID, s.Latest.Achievement.Text)
				}
			}
		}
	}
}
