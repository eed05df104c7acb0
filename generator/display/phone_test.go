package display_test

import (
	"strings"
	"testing"
)

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
			if kv.Label == "" || kv.Cell == nil || kv.Cell.Shown() == "" && kv.Cell.NA == "" {
				t.Errorf("%s: key figure %+v has no label, or neither a number nor a reason", lang, kv)
			}
		}
	}
}
