package display_test

import (
	"context"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

func BenchmarkBuild(b *testing.B) {
	src, err := bundle.OpenPath("/tmp/city1000")
	if err != nil {
		b.Skip(err)
	}
	ds, err := src.Load(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		b.Fatal(err)
	}
	words, err := sitedata.LoadWords("../..", "../../themes/kinerja", []string{"id", "en"}, "id")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := display.Build(display.Input{Report: rep, Dataset: ds}, display.Lang{Code: "id", Words: words["id"], Default: true}); err != nil {
			b.Fatal(err)
		}
	}
}
