package demo

import (
	"strings"
	"testing"
)

// TestEnglishComplete: every sector, agency and indicator of the demo has
// its English name, and every indicator its English definition and unit,
// each different from the Indonesian (a name copied across is not a
// translation); no English entry names an indicator the demo lacks.
func TestEnglishComplete(t *testing.T) {
	c := Tanjungbalai()
	for _, s := range c.Sectors {
		if s.NameEN == "" || s.NameEN == s.Name {
			t.Errorf("sector %s: English name %q for %q", s.Slug, s.NameEN, s.Name)
		}
	}
	for _, a := range c.Agencies {
		if a.NameEN == "" || a.NameEN == a.Name {
			t.Errorf("agency %s: English name %q for %q", a.Slug, a.NameEN, a.Name)
		}
	}
	slugs := map[string]bool{}
	for _, ind := range c.Indicators {
		slugs[ind.Slug] = true
		if ind.NameEN == "" || ind.NameEN == ind.Name {
			t.Errorf("indicator %s: English name %q for %q", ind.Slug, ind.NameEN, ind.Name)
		}
		if ind.DefinitionEN == "" || ind.DefinitionEN == ind.Definition {
			t.Errorf("indicator %s: English definition %q for %q", ind.Slug, ind.DefinitionEN, ind.Definition)
		}
		if ind.UnitEN == "" {
			t.Errorf("indicator %s: no English unit for %q", ind.Slug, ind.Unit)
		}
		// No Indonesian word a translator would have left by mistake.
		for _, w := range []string{"Persentase ", "Jumlah ", "Rata-rata ", "terhadap ", " yang ", " dan "} {
			if strings.Contains(ind.NameEN, w) || strings.Contains(ind.DefinitionEN, w) {
				t.Errorf("indicator %s: the English text has the Indonesian %q: %q / %q", ind.Slug, w, ind.NameEN, ind.DefinitionEN)
			}
		}
	}
	for slug := range indicatorsEN {
		if !slugs[slug] {
			t.Errorf("indicatorsEN translates %q, which is not a demo indicator", slug)
		}
	}
	for slug := range ikmServicesEN {
		if !slugs[slug] {
			t.Errorf("ikmServicesEN names %q, which is not a demo indicator", slug)
		}
	}
	if len(c.Indicators) < 100 {
		t.Errorf("the demo has %d indicators", len(c.Indicators))
	}
}
