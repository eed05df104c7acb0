package download

import (
	"context"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The table unit and the API's unit documents read the units' display
// records: the demo's units are all there, and a unit-quarter that rests
// on 12 patients (its mean wait set to 66.6666 minutes here) shows no value,
// count or achievement in any download format, the SQLite file, or the
// API; only suppressed = true and the status too_small.
func TestUnitDownloadsHideSmallCounts(t *testing.T) {
	ds, err := bundle.Demo().Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	const unit, secret = "puskesmas-sijambi", "66.6666"
	var latest iku.Quarter
	for _, r := range ds.UnitResults {
		if latest.Before(r.Quarter) {
			latest = r.Quarter
		}
	}
	found := false
	for i := range ds.UnitResults {
		if r := &ds.UnitResults[i]; r.UnitSlug == unit && r.Quarter == latest {
			r.Actual, r.Numerator, r.Denominator, r.Count = iku.DecimalPtr(secret), iku.DecimalPtr("799.9992"), iku.DecimalPtr("12"), iku.DecimalPtr("12")
			found = true
		}
	}
	if !found {
		t.Fatalf("the demo has no result of %s in %s", unit, latest)
	}
	if err := disclosure.SuppressUnits(ds, 30); err != nil {
		t.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := displayModel(ds, rep)
	if err != nil {
		t.Fatal(err)
	}
	rows := unitRows(m, siteBase)
	units := map[string]bool{}
	suppressed := 0
	for _, r := range rows {
		units[r[0].Text] = true
		if r[0].Text == unit && r[10].Text == latest.String() {
			suppressed++
			if !r[13].Null || !r[14].Null || !r[19].Null || r[15].Text != "true" || r[20].Text != "too_small" {
				t.Errorf("the unit row of %s, %s = %v; want no actual, count or achievement, suppressed true, status too_small", unit, latest, r)
			}
		}
	}
	if len(units) != len(ds.Units) {
		t.Errorf("the table unit has %d units; want the demo's %d", len(units), len(ds.Units))
	}
	if suppressed == 0 {
		t.Errorf("the table unit has no row of %s in %s", unit, latest)
	}

	store, err := filestore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	_, files := siteFiles(t, m, store)
	for _, f := range TableFormats {
		if _, ok := files[f.File(Folder+"/"+UnitsTable)]; !ok {
			t.Errorf("no %s of the table unit", f)
		}
	}
	api, err := API(m, APIOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := api["api/v1/unit/"+unit+".json"]; !ok {
		t.Errorf("the API has no document of %s", unit)
	}
	for name, b := range files {
		if strings.Contains(string(b), secret) || strings.Contains(string(b), "66,6666") || strings.Contains(string(b), "799.9992") {
			t.Errorf("%s holds the small unit's value", name)
		}
	}
	for name, b := range api {
		if strings.Contains(string(b), secret) || strings.Contains(string(b), "799.9992") {
			t.Errorf("%s holds the small unit's value", name)
		}
	}
}
