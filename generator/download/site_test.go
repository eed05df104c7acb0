package download

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// idWords are the site's Indonesian words (the theme's i18n/id.toml).
var idWords = sync.OnceValues(func() (display.Words, error) {
	root, err := filepath.Abs("../..")
	if err != nil {
		return nil, err
	}
	ws, err := sitedata.LoadWords(root, filepath.Join(root, "themes", "kinerja"), []string{"id", "en"}, "id")
	if err != nil {
		return nil, err
	}
	return ws["id"], nil
})

// displayModel is the display model of rep in Indonesian, as the pipeline
// builds it for the downloads.
func displayModel(ds *iku.Dataset, rep *iku.Report) (*display.Model, error) {
	w, err := idWords()
	if err != nil {
		return nil, err
	}
	return display.Build(display.Input{Report: rep, Dataset: ds, K: 10},
		display.Lang{Code: "id", Words: w, Default: true, Fallback: "id", City: "Kota Tanjungbalai"})
}

const siteBase = "https://kinerja.example.go.id/"

// siteFiles runs Site on m into store and returns its downloads and the
// bytes of every file by path.
func siteFiles(t *testing.T, m *display.Model, store *filestore.Store) (*Downloads, map[string][]byte) {
	t.Helper()
	dl, err := Site(context.Background(), m, SiteOptions{BaseURL: siteBase, Meta: meta, Store: store})
	if err != nil {
		t.Fatalf("Site: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range dl.Files {
		b, err := os.ReadFile(f.File)
		if err != nil {
			t.Fatal(err)
		}
		files[f.Path] = b
	}
	return dl, files
}

func newStore(t *testing.T) *filestore.Store {
	t.Helper()
	s, err := filestore.Open(filepath.Join(t.TempDir(), "files"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

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
	_, files := siteFiles(t, d.m, newStore(t))
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

// TestRowsReadTheDisplayRecord: the words, marks and period of a row are
// the display record's, so a file can never say other than the page. A
// record changed after Build shows in the files as changed.
func TestRowsReadTheDisplayRecord(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	m, err := displayModel(d.ds, d.rep) // a model of its own: this test changes it
	if err != nil {
		t.Fatal(err)
	}
	const slug = "rsud-waktu-tunggu-rawat-jalan"
	ind := m.Indicator(slug)
	var r *display.Row
	for k := range ind.Rows {
		if e := ind.Rows[k].Eval; e.Actual != nil && !e.Provisional && !e.Exceeds && e.Status == iku.StatusCategory {
			r = &ind.Rows[k]
		}
	}
	if r == nil {
		t.Fatalf("%s: this test needs a reported, verified period with a category not above 100", slug)
	}
	r.Status.Label = "Label dari model"
	r.Actual.Note = &display.Note{Prov: "Sementara"}
	r.Status.Exceeds = "Melampaui target"
	r.Trend.Key = "steady"
	r.Key = "2099-Q9" // a period key the evaluation never has
	_, files := siteFiles(t, m, newStore(t))

	var last map[string]string
	for _, row := range readCSV(t, files["data/iku/"+slug+".csv"]) {
		if row["period"] == "2099-Q9" {
			last = row
		}
	}
	for col, want := range map[string]string{"status_label": "Label dari model", "category_label": "Label dari model", "provisional": "true", "exceeds": "true"} {
		if last[col] != want {
			t.Errorf("data/iku/%s.csv, %s: %s = %q; want %q, the display record's", slug, r.Key, col, last[col], want)
		}
	}
	var doc struct {
		Series []struct {
			Period      string
			Provisional bool
			Exceeds     bool
			VsPrevious  *string `json:"vs_previous"`
		}
	}
	if err := json.Unmarshal(files["api/v1/iku/"+slug+".json"], &doc); err != nil {
		t.Fatal(err)
	}
	p := doc.Series[slices.IndexFunc(ind.Rows, func(x display.Row) bool { return x.Key == r.Key })]
	if p.Period != "2099-Q9" || !p.Provisional || !p.Exceeds || p.VsPrevious == nil || *p.VsPrevious != "steady" {
		t.Errorf("api/v1/iku/%s.json, the changed period: %+v; want the display record's 2099-Q9, provisional, exceeds, steady", slug, p)
	}
}

// readCSV reads a CSV download into one map per row, by column name.
func readCSV(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("not a CSV with rows (%v): %.200q", err, b)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, name := range recs[0] {
			row[name] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

// TestTercapaiColumn: the tercapai column is iku.Tercapai of each row's
// evaluation, in every row, and empty exactly where neither rule applies.
func TestTercapaiColumn(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	_, files := siteFiles(t, d.m, newStore(t))
	rows := readCSV(t, files["data/iku-semua.csv"])
	i, seen := 0, map[string]int{}
	for k := range d.m.Indicators {
		for _, r := range d.m.Indicators[k].Rows {
			want := ""
			if r.Eval.Met != iku.MetUnknown {
				want = strconv.FormatBool(r.Eval.Met == iku.MetYes)
			}
			if got := rows[i]["tercapai"]; got != want {
				t.Errorf("iku-semua.csv row %d (%s %s, %s, achievement %s): tercapai %q; want %q", i+1, rows[i]["indicator_slug"], rows[i]["period"], rows[i]["status"], rows[i]["achievement"], got, want)
			}
			seen[want]++
			i++
		}
	}
	if i != len(rows) {
		t.Errorf("iku-semua.csv has %d rows; the model has %d", len(rows), i)
	}
	if seen["true"] == 0 || seen["false"] == 0 || seen[""] == 0 {
		t.Errorf("the demo's tercapai values: %v; this test needs true, false and empty", seen)
	}
}

// TestSiteSecondRunMakesNothing: a second run on the same input renders
// no table and writes no byte: every file comes from the store.
func TestSiteSecondRunMakesNothing(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	store := newStore(t)
	first, _ := siteFiles(t, d.m, store)
	n, rendered, written, _ := first.Counts()
	if rendered == 0 || written == 0 {
		t.Fatalf("the first run into an empty store: %d files, %d rendered, %d written; want files rendered and written", n, rendered, written)
	}
	// A new store value on the same folder, as the next build opens it.
	again, err := filestore.Open(store.Dir())
	if err != nil {
		t.Fatal(err)
	}
	second, files := siteFiles(t, d.m, again)
	n2, rendered, written, _ := second.Counts()
	if n2 != n || rendered != 0 || written != 0 {
		t.Errorf("the second run: %d files, %d rendered, %d written; want %d files, none rendered or written", n2, rendered, written, n)
	}
	for i, f := range second.Files {
		if f != (Published{Path: first.Files[i].Path, File: first.Files[i].File, Hash: first.Files[i].Hash, Bytes: first.Files[i].Bytes}) {
			t.Errorf("the second run's %s = %+v; want the first run's stored file %+v", f.Path, f, first.Files[i])
		}
		if Hash := SHA256(files[f.Path]); Hash != f.Hash {
			t.Errorf("%s: the stored file's SHA-256 is %s; the manifest says %s", f.Path, Hash, f.Hash)
		}
	}
}

// TestSiteChangedResultRemakesOnlyItsFiles: one changed result of one
// indicator remakes exactly the files that hold it, and nothing else.
func TestSiteChangedResultRemakesOnlyItsFiles(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	store := newStore(t)
	siteFiles(t, d.m, store)

	const slug = "rsud-waktu-tunggu-rawat-jalan"
	ds := *d.ds
	ds.Results = append([]iku.Result(nil), d.ds.Results...)
	changed := false
	for i, r := range ds.Results {
		if r.IndicatorSlug == slug && r.Quarter == d.rep.Latest && r.Actual != nil {
			v := iku.MustDecimal(r.Actual.String() + "1") // one more digit: 57.25 → 57.251
			ds.Results[i].Actual = &v
			changed = true
		}
	}
	if !changed {
		t.Fatalf("the demo has no result of %s in %s", slug, d.rep.Latest)
	}
	rep, err := iku.Evaluate(&ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := displayModel(&ds, rep)
	if err != nil {
		t.Fatal(err)
	}
	ind := m.Indicator(slug)
	agency, sector := ind.Report().Indicator.AgencySlug, ind.Report().Indicator.SectorSlug
	again, err := filestore.Open(store.Dir())
	if err != nil {
		t.Fatal(err)
	}
	dl, _ := siteFiles(t, m, again)

	tables := []string{"data/iku/" + slug + ".csv", "data/iku/" + slug + ".json", "data/bundle.zip", "data/" + SQLiteFile}
	stems := []string{"data/opd/" + agency, "data/sektor/" + sector, "data/iku-semua", "data/iku-terbaru"}
	// The yearly and score tables only where the change reaches them.
	if !bytes.Equal(tableDigest(&Table{Rows: yearRows(d.m, siteBase)}), tableDigest(&Table{Rows: yearRows(m, siteBase)})) {
		stems = append(stems, "data/"+YearsTable)
	}
	if !bytes.Equal(tableDigest(&Table{Rows: scoreRows(d.m, siteBase)}), tableDigest(&Table{Rows: scoreRows(m, siteBase)})) {
		stems = append(stems, "data/"+ScoresTable)
	}
	// The units' table shows the city's value beside each unit's.
	if !bytes.Equal(tableDigest(&Table{Rows: unitRows(d.m, siteBase)}), tableDigest(&Table{Rows: unitRows(m, siteBase)})) {
		stems = append(stems, "data/"+UnitsTable)
	}
	for _, stem := range stems {
		for _, f := range TableFormats {
			tables = append(tables, f.File(stem))
		}
	}
	documents := []string{"api/v1/iku/" + slug + ".json", "api/v1/index.json", "data/bundle/results.csv",
		"data/datapackage.json", "data/catalog.jsonld", "data/SHA256SUMS"}
	// The units' documents show the city's value beside each unit's.
	before, err := API(d.m, APIOptions{BaseURL: siteBase})
	if err != nil {
		t.Fatal(err)
	}
	after, err := API(m, APIOptions{BaseURL: siteBase})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range after {
		if strings.HasPrefix(name, "api/v1/unit/") && !bytes.Equal(b, before[name]) {
			documents = append(documents, name)
		}
	}
	var rendered, written []string
	for _, f := range dl.Files {
		if f.Rendered {
			rendered = append(rendered, f.Path)
		}
		if f.Written {
			written = append(written, f.Path)
		}
	}
	slices.Sort(tables)
	want := slices.Sorted(slices.Values(append(slices.Clone(tables), documents...)))
	if !slices.Equal(rendered, tables) {
		t.Errorf("after changing one result of %s, the writers made\n%s\nwant\n%s", slug, strings.Join(rendered, "\n"), strings.Join(tables, "\n"))
	}
	if !slices.Equal(written, want) {
		t.Errorf("after changing one result of %s, the store received\n%s\nwant\n%s", slug, strings.Join(written, "\n"), strings.Join(want, "\n"))
	}
}

// TestSiteStopsWhenCancelled: cancelled half-way, Site returns the
// context's error after at most one more file per CPU, and leaves no
// partial file in the store; the next run completes from what is there.
func TestSiteStopsWhenCancelled(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	store := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	cancelledAt, after, total := 0, 0, 0
	_, err = Site(ctx, d.m, SiteOptions{BaseURL: siteBase, Meta: meta, Store: store, Progress: func(done, n int) {
		mu.Lock()
		defer mu.Unlock()
		total = n
		if cancelledAt > 0 {
			after++
		}
		if done == 5 {
			cancelledAt = done
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Site cancelled after %d files: %v; want context.Canceled", cancelledAt, err)
	}
	if after > runtime.NumCPU() || cancelledAt+after >= total {
		t.Errorf("Site went on for %d files of %d after the cancel; want at most one per CPU (%d)", after, total, runtime.NumCPU())
	}
	err = filepath.WalkDir(store.Dir(), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Dir(p) == store.Dir() {
			return err // the store's own files: its index and lock
		}
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("the cancelled run left the temporary file %s", p)
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if SHA256(b) != e.Name() {
			t.Errorf("the store holds %s, whose SHA-256 is %s", p, SHA256(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	again, err := filestore.Open(store.Dir())
	if err != nil {
		t.Fatal(err)
	}
	dl, _ := siteFiles(t, d.m, again)
	if n, _, _, _ := dl.Counts(); n < total {
		t.Errorf("the run after the cancelled one made %d files; want every file (%d tables' files and more)", n, total)
	}
}

// TestWriterVersion keeps what the writers make of one table: when a
// writer's bytes change, writerVersion must change too, or the store
// would serve files of the old writers for unchanged tables.
func TestWriterVersion(t *testing.T) {
	var b strings.Builder
	fmt.Fprintf(&b, "writerVersion %s\n", writerVersion)
	for _, f := range TableFormats {
		var buf bytes.Buffer
		if err := f.Write(&buf, hostileTable(), meta); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s\n", f, SHA256(buf.Bytes()))
	}
	z, err := ZipFiles([]File{{Path: "a.csv", Data: []byte("a\n1\n")}, {Path: "b/c.json", Data: []byte("{}\n")}}, meta.Published)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "zip %s\n", SHA256(z))
	got := b.String()
	golden := filepath.Join("testdata", "writers.txt")
	want, err := os.ReadFile(golden)
	if err != nil && !*update {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got == string(want) {
		return
	}
	sameVersion := strings.SplitN(string(want), "\n", 2)[0] == strings.SplitN(got, "\n", 2)[0]
	switch {
	case sameVersion:
		t.Errorf("the writers make other bytes of the same table than %s records, under the same writerVersion %s: change writerVersion in store.go (else the file store serves files of the old writers), then run with -update\ngot:\n%swant:\n%s", golden, writerVersion, got, want)
	case *update:
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	default:
		t.Errorf("%s records another writerVersion; run with -update", golden)
	}
}

// TestNoProvisionalWithoutActual: a due period without an actual is never
// provisional in a download or the API (DOMAIN.md, "One definition per
// count": there is nothing to verify), even when the agency's row says so.
func TestNoProvisionalWithoutActual(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	ds := *d.ds
	ds.Results = append([]iku.Result(nil), d.ds.Results...)
	slug := ""
	for i, r := range ds.Results {
		if r.Actual == nil && r.Quarter.Q == 4 {
			ds.Results[i].Provisional = true
			slug = r.IndicatorSlug
		}
	}
	if slug == "" {
		t.Fatal("the demo has no unreported result in a Q4; this test needs one")
	}
	rep, err := iku.Evaluate(&ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := displayModel(&ds, rep)
	if err != nil {
		t.Fatal(err)
	}
	// iku no longer marks a period without an actual provisional (its
	// own tests say so); the files must say the same whatever it decides.
	_, files := siteFiles(t, m, newStore(t))
	for _, row := range readCSV(t, files["data/iku/"+slug+".csv"]) {
		if row["actual"] == "" && row["provisional"] != "false" {
			t.Errorf("data/iku/%s.csv, %s: no actual, provisional %q; want false", slug, row["period"], row["provisional"])
		}
	}
	var doc struct {
		Series []struct {
			Period      string
			Actual      *string
			Provisional bool
		}
	}
	if err := json.Unmarshal(files["api/v1/iku/"+slug+".json"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Series {
		if p.Actual == nil && p.Provisional {
			t.Errorf("api/v1/iku/%s.json, %s: no actual, provisional true; want false", slug, p.Period)
		}
	}
}
