package display_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// A build without a releases folder shows its data as a release that was
// never frozen. Only a preview (kinerja serve) may call it unpublished: a
// plain kinerja build is what the office deploys, and its release page
// said "Pratinjau: rilis ini belum diterbitkan" to every visitor.
func TestOnlyAPreviewSaysTheReleaseIsUnpublished(t *testing.T) {
	ds, err := bundle.Demo().Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words, err := sitedata.LoadWords("../..", "../../themes/kinerja", []string{"id", "en"}, "id")
	if err != nil {
		t.Fatal(err)
	}
	unpublished := map[string][]string{"id": {"Pratinjau", "belum diterbitkan"}, "en": {"Preview", "not published", "unpublished"}}
	for _, preview := range []bool{false, true} {
		in := display.Input{Report: rep, Dataset: ds, K: 10, Preview: preview,
			Releases: []display.ReleaseIn{{Key: "2026-q3", Quarter: rep.Latest, Version: 1, Current: true, Report: rep}}}
		for _, l := range []display.Lang{
			{Code: "id", Words: words["id"], Default: true, Fallback: "id"},
			{Code: "en", Prefix: "en/", Words: words["en"], Fallback: "id"},
		} {
			m, err := display.Build(in, l)
			if err != nil {
				t.Fatal(err)
			}
			r := m.Releases[0]
			said := false
			for _, w := range unpublished[l.Code] {
				said = said || strings.Contains(r.Lead, w) || strings.Contains(r.Listed, w)
			}
			if said != preview {
				t.Errorf("preview=%v, %s: lead %q, list %q; want the word unpublished %s", preview, l.Code, r.Lead, r.Listed, map[bool]string{true: "in both", false: "in neither"}[preview])
			}
			if r.Lead == "" || r.Listed == "" {
				t.Errorf("preview=%v, %s: lead %q, list %q; want both said", preview, l.Code, r.Lead, r.Listed)
			}
		}
	}
}
