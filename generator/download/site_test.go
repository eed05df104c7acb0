package download

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// goldenSlugs are the indicators whose files the golden tests keep byte
// for byte: a quarterly indicator with a negative polarity and an annual
// one.
var goldenSlugs = []string{"rsud-waktu-tunggu-rawat-jalan", "bapperida-ipm"}

// TestSiteGolden keeps the flat table of two indicators (CSV and JSON)
// byte for byte, so that a change to a published row shows in a diff;
// rewrite them with go test ./generator/download/ -run SiteGolden -update.
func TestSiteGolden(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("../..")
	msgs, err := sitedata.LoadMessages(root, filepath.Join(root, "themes", "kinerja"), "id")
	if err != nil {
		t.Fatal(err)
	}
	dl, err := Site(d.rep, d.ds, SiteOptions{BaseURL: "https://kinerja.example.go.id/", Meta: meta, Label: func(k string) string { return msgs[k] }})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range dl.Files {
		files[f.Path] = f.Data
	}
	for _, slug := range goldenSlugs {
		for _, name := range []string{slug + ".csv", slug + ".json"} {
			got, ok := files["data/iku/"+name]
			if !ok {
				t.Fatalf("Site wrote no data/iku/%s", name)
			}
			golden := filepath.Join("testdata", "iku-"+name)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("data/iku/%s differs from %s; if the change is intended, run with -update and review the diff", name, golden)
			}
		}
	}
}
