package display_test

import (
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/display"
)

// achievementWord is how each language names an achievement (capaian):
// a change in points or a percentage on the first screen says it is one.
var achievementWord = map[string]string{"id": "capaian", "en": "achievement"}

// "+14,38 poin" and "(101,47%)" said neither that they are points of
// achievement nor achievement %: the home page's biggest movers (short
// and long) and a comparison's best agency now name the achievement.
func TestAchievementFiguresSayTheyAreAchievement(t *testing.T) {
	ms, _ := demo(t)
	for lang, m := range ms {
		word := achievementWord[lang]
		h := m.Site.Home
		if len(h.Improved)+len(h.Declined) == 0 || len(m.Comparisons) == 0 {
			t.Fatalf("%s: the demo has no movers or no comparisons: the test checks nothing", lang)
		}
		for _, mv := range append(append([]display.Mover{}, h.Improved...), h.Declined...) {
			for _, s := range []string{mv.Short, mv.Change} {
				if !strings.Contains(s, word) {
					t.Errorf("%s: the mover %q does not say it is %s", lang, s, word)
				}
			}
		}
		for _, hm := range h.Movers {
			if !strings.Contains(hm.Short, word) {
				t.Errorf("%s: the home's first-screen mover %q does not say it is %s", lang, hm.Short, word)
			}
		}
		for _, c := range m.Comparisons {
			if c.Best == nil {
				continue
			}
			if got := c.Best.Achievement.Shown(); !strings.Contains(got, word) {
				t.Errorf("%s %s: the best agency's figure %q does not say it is an %s", lang, c.Slug, got, word)
			}
		}
	}
}

// /asn/ opened with a 12-line paragraph: its answer is the newest year's
// key figures for the whole city, each with its number (or why it is not
// published), in the record the page prints first.
func TestRatingsPageAnswersFirst(t *testing.T) {
	ms, _ := demo(t)
	for lang, m := range ms {
		r := m.Site.Asn
		if r == nil || len(r.Years) == 0 {
			t.Fatalf("%s: the demo has no ratings: the test checks nothing", lang)
		}
		a := r.Answer
		if a == nil || len(a.Items) < 2 {
			t.Fatalf("%s: /asn/ has no answer (%+v); want the newest year's key figures", lang, a)
		}
		if !strings.Contains(a.Heading, strings.TrimPrefix(r.Years[0].Heading, "Tahun ")) {
			t.Errorf("%s: the answer %q does not name the newest year (%s)", lang, a.Heading, r.Years[0].Heading)
		}
		for _, kv := range a.Items {
			if kv.Label == "" || kv.Cell == nil || kv.Cell.Shown() == "" && kv.Cell.Missing() == "" {
				t.Errorf("%s: key figure %+v has no label, or neither a number nor a reason", lang, kv)
			}
		}
	}
}
