package preview_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tanjungbalai/kinerja/generator/preview"
)

// An indicator page's card: what themes/kinerja/layouts/iku/page.card.svg
// showed, with the status as a Status (its icon is drawn, not written in
// the line) and the chart as its points.
func Example_indicator() {
	card := preview.Card{
		Site:   "Portal Kinerja Kota Tanjungbalai",
		Badge:  "Data contoh", // T "demo_title" when the data are the demo's
		Title:  "Rata-rata waktu tunggu rawat jalan",
		Lines:  []string{"Triwulan III 2026: 55,2 menit", "Target ≤ 60 menit"},
		Status: &preview.Status{Key: "sangat_baik", Label: "Sangat Baik"},
		Chart: &preview.Chart{
			Kind:   preview.Line,
			Labels: []string{"TW I 2026", "TW II 2026", "TW III 2026"},
			Series: []preview.Series{
				{Name: "Realisasi", Style: preview.Actual, Values: []string{"57.9", "", "55.2"}}, // "" not reported
				{Name: "Target", Style: preview.Target, Values: []string{"60", "60", "60"}},
			},
		},
	}
	png, err := preview.Draw(card, preview.OpenGraph)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(png[1:4]), len(preview.Key(card, preview.OpenGraph)))
	// Output: PNG 64
}

// An agency page's card: its indicators' achievements as bars, with the
// 100 % line.
func Example_agency() {
	card := preview.Card{
		Site:  "Portal Kinerja Kota Tanjungbalai",
		Title: "Dinas Kesehatan",
		Lines: []string{"Skor Triwulan III 2026: 96,4 %", "8 indikator"},
		Chart: &preview.Chart{
			Kind:   preview.Bar,
			Labels: []string{"Waktu tunggu rawat jalan", "Cakupan imunisasi dasar lengkap"},
			Series: []preview.Series{{Name: "Capaian (%)", Values: []string{"108.33", "97.50"}}},
			Ref:    &preview.Ref{Value: "100", Label: "Target 100 %"},
		},
	}
	if _, err := preview.Draw(card, preview.OpenGraph); err != nil {
		fmt.Println(err)
	}
	// Output:
}

// DrawAll writes the og.png of every page, on every core, from the cache
// where it can.
func ExampleDrawAll() {
	site, _ := os.MkdirTemp("", "site-")
	defer os.RemoveAll(site)
	jobs := []preview.Job{{
		Card: preview.Card{Site: "Portal Kinerja Kota Tanjungbalai", Title: "Dinas Kesehatan"},
		Size: preview.OpenGraph,
		Out:  filepath.Join(site, "opd", "dinkes", "og.png"),
	}}
	cache := preview.Cache{Dir: filepath.Join(site, ".cache", "previews")}
	for range 2 {
		drawn, err := preview.DrawAll(context.Background(), jobs, cache, 0, nil)
		fmt.Println(drawn, "drawn,", len(jobs)-drawn, "from the cache", err)
	}
	// Output:
	// 1 drawn, 0 from the cache <nil>
	// 0 drawn, 1 from the cache <nil>
}
