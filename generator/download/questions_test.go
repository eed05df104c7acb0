package download

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// demoFiles are the files Site makes of the demo's display model, made
// once for the tests that only read them.
var demoFiles = sync.OnceValues(func() (map[string][]byte, error) {
	d, err := demoReport()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kinerja-download-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	store, err := filestore.Open(dir)
	if err != nil {
		return nil, err
	}
	dl, err := Site(context.Background(), d.m, SiteOptions{BaseURL: siteBase, Meta: meta, Store: store})
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, f := range dl.Files {
		if files[f.Path], err = os.ReadFile(f.File); err != nil {
			return nil, err
		}
	}
	return files, nil
})

func sharedFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := demoFiles()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestYearsTableReadsTheDisplayRecords: iku-tahunan has one row per
// indicator and year of the display model (an annual indicator's years
// too), its tercapai is iku's Year.Met, and its words are the record's.
func TestYearsTableReadsTheDisplayRecords(t *testing.T) {
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
	ind.YearRows[0].Status.Label = "Label dari model"
	_, files := siteFiles(t, m, newStore(t))
	rows := readCSV(t, files["data/"+YearsTable+".csv"])

	i, seen, annual := 0, map[string]int{}, 0
	for k := range m.Indicators {
		x := &m.Indicators[k]
		if x.Freq == string(iku.Annual) {
			annual += len(x.YearRows)
		}
		for _, y := range x.YearRows {
			if i >= len(rows) {
				t.Fatalf("%s.csv has %d rows; the model has more", YearsTable, len(rows))
			}
			r := rows[i]
			want := ""
			if y.Year.Met != iku.MetUnknown {
				want = strconv.FormatBool(y.Year.Met == iku.MetYes)
			}
			if r["indicator_slug"] != x.Slug || r["year"] != strconv.Itoa(y.Year.Year) || r["tercapai"] != want ||
				r["status"] != string(y.Year.Status) || r["status_label"] != y.Status.Label {
				t.Errorf("%s.csv row %d = %s %s tercapai %q status %s %q; want %s %d tercapai %q status %s %q", YearsTable, i+1,
					r["indicator_slug"], r["year"], r["tercapai"], r["status"], r["status_label"], x.Slug, y.Year.Year, want, y.Year.Status, y.Status.Label)
			}
			seen[want]++
			i++
		}
	}
	if i != len(rows) {
		t.Errorf("%s.csv has %d rows; the model has %d", YearsTable, len(rows), i)
	}
	if seen["true"] == 0 || seen["false"] == 0 || seen[""] == 0 || annual == 0 {
		t.Errorf("the demo's years: tercapai %v, %d of annual indicators; this test needs true, false, empty and annual indicators", seen, annual)
	}
}

// TestScoresTableReadsTheDisplayRecords: skor-opd has one row per agency
// and quarter of the agencies' pages, with the score and counts of each
// row's iku.Score, and the counts add up to the agency's indicators.
func TestScoresTableReadsTheDisplayRecords(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	files := sharedFiles(t)
	rows := readCSV(t, files["data/"+ScoresTable+".csv"])
	i := 0
	for k := range d.m.Agencies {
		a := &d.m.Agencies[k]
		for _, sr := range a.ScoreRows {
			s := sr.Score()
			r := rows[i]
			score := ""
			if s.Value != nil {
				score = s.Value.String()
			}
			c := s.Counts
			want := map[string]string{"agency_slug": a.Slug, "period": sr.Key, "score": score, "indicators": strconv.Itoa(c.Total),
				"counted": strconv.Itoa(c.Counted()), "in_progress": strconv.Itoa(c.InProgress),
				"not_reported": strconv.Itoa(c.NotReported), "not_due": strconv.Itoa(c.NotDue)}
			for col, w := range want {
				if r[col] != w {
					t.Errorf("%s.csv row %d, %s = %q; want %q", ScoresTable, i+1, col, r[col], w)
				}
			}
			sum := 0
			for _, col := range []string{"counted", "in_progress", "not_reported", "not_due", "no_percentage"} {
				n, _ := strconv.Atoi(r[col])
				sum += n
			}
			if strconv.Itoa(sum) != r["indicators"] {
				t.Errorf("%s.csv row %d: the counts add up to %d; indicators = %s", ScoresTable, i+1, sum, r["indicators"])
			}
			i++
		}
	}
	if i != len(rows) || i == 0 {
		t.Errorf("%s.csv has %d rows; the model has %d", ScoresTable, len(rows), i)
	}
}

// TestSQLiteSameRowsAsCSV: Python's sqlite3 reads every view of
// kinerja.sqlite and gets the rows of its CSV (numbers as numbers, yes/no
// as 1/0), the tables keep every number's exact text, and every foreign
// key holds.
func TestSQLiteSameRowsAsCSV(t *testing.T) {
	files := sharedFiles(t)
	dir := t.TempDir()
	for _, name := range []string{SQLiteFile, "iku-semua.csv", "iku-terbaru.csv", YearsTable + ".csv", ScoresTable + ".csv"} {
		b, ok := files["data/"+name]
		if !ok {
			t.Fatalf("Site made no data/%s", name)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := `
import csv, json, sqlite3, sys
from decimal import Decimal
folder = sys.argv[1]
db = sqlite3.connect(f"file:{folder}/kinerja.sqlite?mode=ro", uri=True)
out = {"fk": db.execute("PRAGMA foreign_key_check").fetchall(), "user_version": db.execute("PRAGMA user_version").fetchone()[0],
       "integrity": db.execute("PRAGMA integrity_check").fetchone()[0], "views": {}}
def same(csv_cell, v):
    if v is None:
        return csv_cell == ""
    if isinstance(v, float):
        return csv_cell != "" and float(csv_cell) == v
    if isinstance(v, int):
        return csv_cell == str(v) or csv_cell == ("true" if v == 1 else "false" if v == 0 else None)
    return csv_cell == v
for view, name in [("iku_semua", "iku-semua"), ("iku_terbaru", "iku-terbaru"), ("iku_tahunan", "iku-tahunan"), ("skor_opd", "skor-opd")]:
    with open(f"{folder}/{name}.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    cur = db.execute(f"SELECT * FROM {view}")
    head = [d[0] for d in cur.description]
    got = cur.fetchall()
    bad = [[i + 1, head[j], rows[i + 1][j], repr(v)] for i, r in enumerate(got) for j, v in enumerate(r) if i + 1 < len(rows) and not same(rows[i + 1][j], v)]
    out["views"][view] = {"head": head == rows[0], "rows": len(got), "csv_rows": len(rows) - 1, "bad": bad[:5], "nbad": len(bad)}
# The tables keep the exact text: the actuals of periods are the CSV's.
with open(f"{folder}/iku-semua.csv", newline="", encoding="utf-8") as f:
    flat = list(csv.DictReader(f))
exact = [r[0] or "" for r in db.execute("SELECT actual FROM periods ORDER BY rowid")]
out["exact"] = exact == [r["actual"] for r in flat]
print(json.dumps(out))
`
	py := python(t, "sqlite3", "python3")
	cmd := exec.Command(py, "-c", script, dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.Bytes())
	}
	var r struct {
		FK          []any  `json:"fk"`
		UserVersion int    `json:"user_version"`
		Integrity   string `json:"integrity"`
		Exact       bool   `json:"exact"`
		Views       map[string]struct {
			Head    bool
			Rows    int
			CSVRows int `json:"csv_rows"`
			Bad     [][]any
			NBad    int
		}
	}
	if err := json.Unmarshal(got, &r); err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	if len(r.FK) > 0 || r.Integrity != "ok" || r.UserVersion != sqliteUserVersion || !r.Exact {
		t.Errorf("kinerja.sqlite: foreign key violations %v, integrity %q, user_version %d, exact numbers in the tables %v", r.FK, r.Integrity, r.UserVersion, r.Exact)
	}
	if len(r.Views) != 4 {
		t.Errorf("views read: %d; want 4", len(r.Views))
	}
	for name, v := range r.Views {
		if !v.Head || v.Rows != v.CSVRows || v.NBad > 0 || v.Rows == 0 {
			t.Errorf("view %s: same columns as the CSV %v, %d rows (CSV %d), %d cells differ: %v", name, v.Head, v.Rows, v.CSVRows, v.NBad, v.Bad)
		}
	}
}

// TestFlatRowsHoldNoCells: the downloads' rows are made from the display
// records as each table is written: a flat row holds where its record is,
// not its 29 cells (a city of 50,000 indicators has 1.15 million rows, and
// their cells took about 700 MB), and gives the same cells each time.
func TestFlatRowsHoldNoCells(t *testing.T) {
	if n := unsafe.Sizeof(flatRow{}); n > 24 {
		t.Errorf("a flat row takes %d bytes: it should point to its record, not hold its cells", n)
	}
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	rows := flatRows(d.m, siteBase)
	if len(rows) == 0 {
		t.Fatal("no flat rows")
	}
	for i := range rows {
		a := rows[i].cells(nil)
		b := rows[i].cells(make([]Value, 3))[3:]
		if len(a) != len(flatColumns) || !slices.Equal(a, b) {
			t.Fatalf("row %d: %d cells for %d columns, or other cells the second time", i, len(a), len(flatColumns))
		}
	}
}

// TestSQLiteReproducible: the same tables give the same bytes, written
// twice (each time into a new temporary file).
func TestSQLiteReproducible(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	m := d.m
	flat := flatRows(m, siteBase)
	var out [2][]byte
	for i := range out {
		db := newDatabase(m, siteBase, flat, yearRows(m, siteBase), scoreRows(m, siteBase), unitRows(m, siteBase), meta)
		out[i], err = db.WriteSQLite(context.Background())
		if err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Errorf("two databases of the same tables differ (%d and %d bytes)", len(out[0]), len(out[1]))
	}
	if !bytes.HasPrefix(out[0], []byte("SQLite format 3\x00")) {
		t.Errorf("kinerja.sqlite does not start with the SQLite header: %q", out[0][:16])
	}
}

// BenchmarkSQLite times the database of a generated city:
// KINERJA_BUNDLE=/tmp/c10k go test -run X -bench SQLite ./generator/download/
// (after kinerja demo-data --indicators 10000 --out /tmp/c10k); the demo
// otherwise.
func BenchmarkSQLite(b *testing.B) {
	ds, err := bundle.Demo().Load(context.Background())
	if p := os.Getenv("KINERJA_BUNDLE"); p != "" {
		var src *bundle.Source
		if src, err = bundle.OpenPath(p); err == nil {
			ds, err = src.Load(context.Background())
		}
	}
	if err != nil {
		b.Fatal(err)
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		b.Fatal(err)
	}
	m, err := displayModel(ds, rep)
	if err != nil {
		b.Fatal(err)
	}
	flat := flatRows(m, siteBase)
	years, scores := yearRows(m, siteBase), scoreRows(m, siteBase)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		db := newDatabase(m, siteBase, flat, years, scores, unitRows(m, siteBase), meta)
		key := db.key()
		mid := time.Now()
		data, err := db.WriteSQLite(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%d period rows: tables and key %v, database %v, %d bytes (key %s…)", len(flat), mid.Sub(start), time.Since(mid), len(data), key[:8])
	}
}
