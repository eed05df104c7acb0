package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

func load(t *testing.T, s *Source) *iku.Dataset {
	t.Helper()
	ds, err := s.Load(context.Background())
	if err != nil {
		t.Fatalf("Load(%s): %v", s.Describe(), err)
	}
	return ds
}

// diff names the first table that differs, for readable failures.
func diff(t *testing.T, got, want *iku.Dataset) {
	t.Helper()
	g, w := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range g.NumField() {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			gs, ws := g.Field(i), w.Field(i)
			if gs.Len() != ws.Len() {
				t.Fatalf("%s: got %d rows; want %d", g.Type().Field(i).Name, gs.Len(), ws.Len())
			}
			for j := range gs.Len() {
				if !reflect.DeepEqual(gs.Index(j).Interface(), ws.Index(j).Interface()) {
					t.Fatalf("%s row %d:\n got %+v\nwant %+v", g.Type().Field(i).Name, j, gs.Index(j).Interface(), ws.Index(j).Interface())
				}
			}
		}
	}
}

func TestRoundTripDemo(t *testing.T) {
	want := demo.Tanjungbalai().Dataset()
	dir := t.TempDir()
	if err := Write(dir, want); err != nil {
		t.Fatal(err)
	}
	s, err := OpenPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	diff(t, load(t, s), want)
}

// edgy is a small dataset with every kind of cell: NULLs, negative and
// zero decimals with trailing zeros, ranges, an ended indicator, and
// hostile text.
func edgy(names ...string) *iku.Dataset {
	ds := &iku.Dataset{
		Sectors:    []iku.Sector{{Slug: "s", Code: "", Name: "Sektor", NameEN: "Sector"}},
		Agencies:   []iku.Agency{{Slug: "a", Code: "1", Name: "Dinas", ShortName: "", Kind: "dinas", SectorSlug: "s"}},
		Predicates: []iku.Predicate{{AgencySlug: "a", Year: 2025, Predicate: "Butuh Perbaikan"}},
		Indicators: []iku.Indicator{{
			Slug: "i", Code: "1.01", AgencySlug: "a", SectorSlug: "s", Name: "Waktu", Unit: "menit",
			NameEN: "Time", DefinitionEN: "Minutes from arrival to the doctor", UnitEN: "minutes",
			Polarity: iku.Negative, Consolidation: iku.Average, Decimals: 2, Multiplier: iku.MustDecimal("1.000"),
			MinValue: iku.DecimalPtr("-10.50"), MaxValue: nil, Frequency: iku.Quarterly,
			ValidFrom: iku.MustQuarter("2021-Q1"), ValidTo: func() *iku.Quarter { q := iku.MustQuarter("2025-Q4"); return &q }(),
		}},
		Targets: []iku.Target{
			{IndicatorSlug: "i", Year: 2025, Value: iku.MustDecimal("7.00"), High: iku.DecimalPtr("8.00")},
			{IndicatorSlug: "i", Year: 2025, Quarter: 1, Basis: iku.Cumulative, Value: iku.MustDecimal("0")},
			{IndicatorSlug: "i", Year: 2025, Quarter: 2, Basis: iku.PerQuarter, Value: iku.MustDecimal("-3.50")},
		},
		Results: []iku.Result{
			{IndicatorSlug: "i", Quarter: iku.MustQuarter("2025-Q1"), Actual: iku.DecimalPtr("-0.50"), Numerator: iku.DecimalPtr("-1"), Denominator: iku.DecimalPtr("2.0")},
			{IndicatorSlug: "i", Quarter: iku.MustQuarter("2025-Q2"), Provisional: true},
		},
	}
	for i, n := range names {
		// Names are one line (iku.CheckText): a text with a tab or a line
		// break goes into the running-text columns only.
		line := n
		if iku.CheckText(n, false) != nil {
			line = "satu baris"
		}
		ds.Agencies = append(ds.Agencies, iku.Agency{Slug: "x", Name: line, ShortName: line, Kind: "dinas", SectorSlug: "s", Code: line})
		ds.Indicators = append(ds.Indicators, iku.Indicator{Slug: "x", AgencySlug: "a", SectorSlug: "s", Name: line, Definition: n, Formula: n, Unit: line,
			Polarity: iku.Positive, Consolidation: iku.Sum, Multiplier: iku.MustDecimal("1"), ValidFrom: iku.MustQuarter("2021-Q1"),
			Decimals: i % 10})
	}
	return ds
}

var hostile = []string{
	`</script><img src=x onerror=alert(1)>`,
	`=HYPERLINK("http://x")`,
	`=1+2`, `+6281234`, `-5 kasus`, `@SUM(A1:A3)`, "\tTAB", "\rCR", "\r\nCRLF",
	`'=already quoted`, `''=twice`, `'kutip`, `'`, `''`,
	`kata "kutip" di dalam`, `koma, di sini`, "baris\nbaru", "baris\r\nbaru CRLF", "akhir\r",
	` spasi depan`, `spasi belakang `, `-12.5`, `+7`, `-`, `=`, `@`, `"`, `,`,
	`Dinas Pemuda, Olahraga dan Pariwisata`, `≤ 60 menit`, "",
}

// A bundle whose indicator is a running total since January
// (consolidation cumulative) writes and loads.
func TestRoundTripCumulative(t *testing.T) {
	want := edgy()
	want.Indicators[0].Consolidation = iku.RunningTotal
	dir := t.TempDir()
	if err := Write(dir, want); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), ",negative,cumulative,") {
		t.Errorf("indicators.csv lacks the code cumulative:\n%s", b)
	}
	s, err := OpenPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	diff(t, load(t, s), want)
}

func TestRoundTripHostileText(t *testing.T) {
	want := edgy(hostile...)
	dir := t.TempDir()
	if err := Write(dir, want); err != nil {
		t.Fatal(err)
	}
	diff(t, load(t, Open(os.DirFS(dir), dir)), want)

	// Every cell of every file is safe in a spreadsheet, as an
	// independent CSV reader sees it.
	for _, tb := range tables {
		data, err := os.ReadFile(filepath.Join(dir, tb.file()))
		if err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s is not CSV that encoding/csv reads: %v", tb.file(), err)
		}
		for _, rec := range records {
			if len(rec) != len(tb.fields) {
				t.Errorf("%s: a record has %d cells; want %d", tb.file(), len(rec), len(tb.fields))
			}
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !PlainNumber(cell) {
					t.Errorf("%s: cell %q is not neutralised", tb.file(), cell)
				}
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "agencies.csv"))
	for _, want := range []string{`"'=HYPERLINK(""http://x"")"`, `,-12.5,`, `,'-5 kasus,`, `,'''=twice,`, `,''=already quoted,`, `,'kutip,`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("agencies.csv does not contain the cell %s", want)
		}
	}
}

func TestNeutralise(t *testing.T) {
	for _, tc := range []struct{ text, cell string }{
		{"=1+2", "'=1+2"},
		{"+6281234", "+6281234"}, // a plain number stays a number
		{"-12.50", "-12.50"},
		{"-.5", "-.5"},
		{"-5 kasus", "'-5 kasus"},
		{"-", "'-"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"},
		{"''=x", "'''=x"},
		{"'x", "'x"},
		{"'", "'"},
		{"", ""},
		{"x=1", "x=1"},
		{" =1", " =1"},
	} {
		if got := Neutralise(tc.text); got != tc.cell {
			t.Errorf("Neutralise(%q) = %q; want %q", tc.text, got, tc.cell)
		}
		if got := Restore(tc.cell); got != tc.text {
			t.Errorf("Restore(%q) = %q; want %q", tc.cell, got, tc.text)
		}
	}
	// Exhaustively over short texts: Restore undoes Neutralise, and no
	// written cell starts a formula.
	parts := []string{"", "'", "=", "+", "-", "@", "\t", "\r", "1", ".", "a", " ", "\n"}
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				for _, d := range parts {
					s := a + b + c + d
					cell := Neutralise(s)
					if Restore(cell) != s {
						t.Fatalf("Restore(Neutralise(%q)) = %q", s, Restore(cell))
					}
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !PlainNumber(cell) {
						t.Fatalf("Neutralise(%q) = %q starts a formula", s, cell)
					}
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Write(a, demo.Tanjungbalai().Dataset()); err != nil {
		t.Fatal(err)
	}
	if err := Write(b, demo.Tanjungbalai().Dataset()); err != nil {
		t.Fatal(err)
	}
	for _, name := range Files() {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("two writes of the demo give different %s", name)
		}
	}
}

func TestDataPackage(t *testing.T) {
	files, err := Encode(&iku.Dataset{})
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Name      string
		Licenses  []struct{ Name string }
		Resources []struct {
			Name, Path string
			Schema     struct {
				Fields []struct{ Name, Type, Unit string }
			}
		}
	}
	if err := json.Unmarshal(files[DataPackageFile], &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Name == "" || len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "CC-BY-4.0" {
		t.Errorf("datapackage.json: name %q, licences %v", pkg.Name, pkg.Licenses)
	}
	if !bytes.Contains(files[DataPackageFile], []byte("Pemerintah Kota Tanjungbalai")) {
		t.Error("datapackage.json does not credit Pemerintah Kota Tanjungbalai")
	}
	if len(pkg.Resources) != len(tables) {
		t.Fatalf("datapackage.json has %d resources; want %d", len(pkg.Resources), len(tables))
	}
	for i, r := range pkg.Resources {
		tb := tables[i]
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
			if f.Type == "number" && f.Unit == "" {
				t.Errorf("%s.%s is a number without a unit", r.Name, f.Name)
			}
		}
		if r.Path != tb.file() || !slices.Equal(names, tb.columns()) {
			t.Errorf("resource %s (%s) has fields %v; want %v", r.Name, r.Path, names, tb.columns())
		}
		header, _, _ := bytes.Cut(files[tb.file()], []byte("\n"))
		if string(header) != strings.Join(names, ",") {
			t.Errorf("%s header %q does not match datapackage.json", tb.file(), header)
		}
	}
}

// broken returns the demo bundle as a MapFS with one file replaced
// (content == "" removes it).
func broken(t *testing.T, file string, edit func(string) string) *Source {
	t.Helper()
	files, err := Encode(edgy())
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data}
	}
	if edit == nil {
		delete(m, file)
	} else {
		m[file] = &fstest.MapFile{Data: []byte(edit(string(files[file])))}
	}
	return Open(m, "./rilis-uji")
}

func replaceLine(n int, line string) func(string) string {
	return func(s string) string {
		lines := strings.Split(s, "\n")
		lines[n-1] = line
		return strings.Join(lines, "\n")
	}
}

func TestBrokenBundles(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		edit       func(string) string
		want       string
	}{
		{"missing file", "results.csv", nil,
			"results.csv is missing from ./rilis-uji: a bundle holds sectors.csv, agencies.csv, predicates.csv, indicators.csv, targets.csv and results.csv (and optionally explanations.csv, ratings.csv, unit_results.csv); write or download the bundle again"},
		{"missing column", "agencies.csv", replaceLine(1, "slug,code,name,short_name,kind"),
			`agencies.csv in ./rilis-uji has no column "sector_slug": the header must read slug,code,name,short_name,kind,sector_slug,name_en`},
		{"extra column", "sectors.csv", replaceLine(1, "slug,code,name,note"),
			`sectors.csv in ./rilis-uji has an unexpected column "note": the header must read slug,code,name,name_en`},
		{"misordered columns", "sectors.csv", replaceLine(1, "code,slug,name"),
			`sectors.csv in ./rilis-uji has the column "code" where "slug" belongs: the header must read slug,code,name,name_en`},
		{"duplicate column", "sectors.csv", replaceLine(1, "slug,code,name,name"),
			`sectors.csv in ./rilis-uji has the column "name" twice: the header must read slug,code,name,name_en`},
		{"bad decimal", "results.csv", replaceLine(2, "i,2025,1,\"12,5\",,,false"),
			`results.csv in ./rilis-uji, line 2, column "actual": "12,5" is not a decimal number: write it with a point and no thousands separator, such as 1250.50`},
		{"exponent", "targets.csv", replaceLine(3, "i,2025,1,cumulative,1e3,"),
			`targets.csv in ./rilis-uji, line 3, column "value": "1e3" is not a decimal number: write it with a point and no thousands separator, such as 1250.50`},
		{"bad quarter", "indicators.csv", func(s string) string { return strings.Replace(s, "2025-Q4", "2025-Q5", 1) },
			`indicators.csv in ./rilis-uji, line 2, column "valid_to": "2025-Q5" is not a quarter: write it as 2026-Q3`},
		{"bad quarter number", "results.csv", replaceLine(3, "i,2025,5,,,,true"),
			`results.csv in ./rilis-uji, line 3, column "quarter": 5 is out of range: write a number from 1 to 4`},
		{"bad boolean", "results.csv", replaceLine(3, "i,2025,2,,,,ya"),
			`results.csv in ./rilis-uji, line 3, column "provisional": "ya" is not a boolean: write true or false`},
		{"bad year", "predicates.csv", replaceLine(2, "a,2O25,Baik"),
			`predicates.csv in ./rilis-uji, line 2, column "year": "2O25" is not a whole number: write digits only, from 1900 to 9999`},
		{"bad polarity", "indicators.csv", func(s string) string { return strings.Replace(s, ",negative,", ",lower,", 1) },
			`indicators.csv in ./rilis-uji, line 2, column "polarity": "lower" is not a polarity: write positive or negative`},
		{"bad consolidation", "indicators.csv", func(s string) string { return strings.Replace(s, ",average,", ",median,", 1) },
			`indicators.csv in ./rilis-uji, line 2, column "consolidation": "median" is not a consolidation: write sum, average, last or cumulative`},
		{"bad predicate", "predicates.csv", replaceLine(2, "a,2025,Sangat Baik"),
			`predicates.csv in ./rilis-uji, line 2, column "predicate": "Sangat Baik" is not a predicate of PermenPANRB 6/2022: write Istimewa, Baik, Butuh Perbaikan, Kurang or Sangat Kurang`},
		{"empty required", "results.csv", replaceLine(3, ",2025,2,,,,true"),
			`results.csv in ./rilis-uji, line 3, column "indicator_slug": is empty: every row needs a value here`},
		{"basis on annual", "targets.csv", replaceLine(2, "i,2025,,per_quarter,7.00,8.00"),
			`targets.csv in ./rilis-uji, line 2, column "basis": an annual target (empty quarter) has no basis: empty the basis, or give the quarter 1–4`},
		{"cell count", "sectors.csv", replaceLine(2, "s,,Sektor, Umum,"),
			`sectors.csv in ./rilis-uji, line 2, has 5 cells where the header has 4: put any cell that holds a comma in double quotes`},
		{"open quote", "sectors.csv", replaceLine(2, `s,,"Sektor`),
			`sectors.csv in ./rilis-uji, line 2: a quoted cell is never closed: end it with a double quote, and write a double quote inside a cell as two`},
		{"stray quote", "sectors.csv", replaceLine(2, `s,,Sektor "Umum"`),
			`sectors.csv in ./rilis-uji, line 2: a cell that is not in double quotes holds a double quote: put the whole cell in double quotes and write the quote inside it as two`},
		{"empty file", "sectors.csv", func(string) string { return "" },
			`sectors.csv in ./rilis-uji is empty: it needs at least the header row slug,code,name,name_en`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := broken(t, tc.file, tc.edit).Load(context.Background())
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if k := iku.ErrorKind(err); k != iku.Invalid {
				t.Errorf("error kind %q; want invalid", k)
			}
			if got := iku.ErrorMessage(err); got != tc.want {
				t.Errorf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// A bundle written before the English columns (name_en, definition_en,
// unit_en) still reads: its headers lack those trailing optional columns,
// and the English text is empty.
func TestBundleWithoutEnglishColumns(t *testing.T) {
	ds := edgy()
	files, err := Encode(ds)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		text := string(data)
		for _, col := range []string{",name_en", ",definition_en", ",unit_en"} {
			text = strings.Replace(text, col, "", 1)
		}
		if name == "sectors.csv" || name == "agencies.csv" || name == "indicators.csv" {
			// Drop the trailing cells of each data row too.
			lines := strings.Split(text, "\n")
			drop := map[string]int{"sectors.csv": 1, "agencies.csv": 1, "indicators.csv": 3}[name]
			for i := 1; i < len(lines); i++ {
				if lines[i] != "" {
					lines[i] = lines[i][:len(lines[i])-len(strings.Join(lastCells(lines[i], drop), ","))-1]
				}
			}
			text = strings.Join(lines, "\n")
		}
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	got, err := Open(m, "./alt").Load(context.Background())
	if err != nil {
		t.Fatalf("Load of a bundle without English columns: %v", err)
	}
	if got.Sectors[0].Name != "Sektor" || got.Sectors[0].NameEN != "" {
		t.Errorf("sector = %+v; want the name Sektor and no English name", got.Sectors[0])
	}
	ind := got.Indicators[0]
	if ind.Name != "Waktu" || ind.ValidTo == nil || ind.NameEN+ind.DefinitionEN+ind.UnitEN != "" {
		t.Errorf("indicator = %+v; want the Indonesian text, valid_to and no English text", ind)
	}
}

// lastCells returns the last n comma-separated cells of an unquoted row.
func lastCells(row string, n int) []string {
	cells := strings.Split(row, ",")
	return cells[len(cells)-n:]
}

func TestLenientTransport(t *testing.T) {
	want := edgy(hostile...)
	files, err := Encode(want)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".csv") {
			m[name] = &fstest.MapFile{Data: data}
			continue
		}
		// Excel's habits: a byte order mark, "\r\n" between records (not
		// inside cells), blank lines.
		var out []byte
		err := parseCSV(data, func(_ int, cells []string) error {
			var w csvWriter
			for i, c := range cells {
				if i > 0 {
					w.buf.WriteByte(',')
				}
				if strings.ContainsAny(c, ",\"\r\n") || c != "" && (c[0] == ' ' || c[len(c)-1] == ' ') {
					c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
				}
				w.buf.WriteString(c)
			}
			out = append(append(out, w.buf.Bytes()...), "\r\n\r\n"...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: append([]byte("\uFEFF"), out...)}
	}
	diff(t, load(t, Open(m, "excel")), want)
}

func zipDir(t *testing.T, dir, prefix string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rilis.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range Files() {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(prefix + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenPath(t *testing.T) {
	want := edgy(hostile...)
	dir := t.TempDir()
	if err := Write(dir, want); err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "rilis-2026-q3/"} {
		path := zipDir(t, dir, prefix)
		s, err := OpenPath(path)
		if err != nil {
			t.Fatal(err)
		}
		if s.Describe() != "bundle "+path {
			t.Errorf("Describe() = %q", s.Describe())
		}
		diff(t, load(t, s), want)
	}

	missing := filepath.Join(dir, "tidak-ada")
	if _, err := OpenPath(missing); iku.ErrorKind(err) != iku.NotFound ||
		iku.ErrorMessage(err) != `the bundle "`+missing+`" does not exist: give the path of a bundle folder or .zip file` {
		t.Errorf("OpenPath(missing) = %v", err)
	}
	csvFile := filepath.Join(dir, "results.csv")
	if _, err := OpenPath(csvFile); iku.ErrorKind(err) != iku.Invalid || !strings.Contains(iku.ErrorMessage(err), "neither a folder nor a .zip file") {
		t.Errorf("OpenPath(a CSV file) = %v", err)
	}
	notZip := filepath.Join(t.TempDir(), "rusak.zip")
	os.WriteFile(notZip, []byte("not a zip"), 0o644)
	if _, err := OpenPath(notZip); iku.ErrorKind(err) != iku.Invalid || !strings.Contains(iku.ErrorMessage(err), "is not a readable zip file") {
		t.Errorf("OpenPath(a broken zip) = %v", err)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Demo().Load(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context = %v; want context.Canceled", err)
	}
}

// TestDemoBundleUpToDate fails when the committed demo bundle is not what
// Write makes of demo.Tanjungbalai() today.
func TestDemoBundleUpToDate(t *testing.T) {
	files, err := Encode(demo.Tanjungbalai().Dataset())
	if err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(demoFiles, "demo")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var size int
	for _, e := range entries {
		names = append(names, e.Name())
		data, _ := fs.ReadFile(demoFiles, "demo/"+e.Name())
		size += len(data)
		if want, ok := files[e.Name()]; ok && !bytes.Equal(data, want) {
			t.Errorf("generator/bundle/demo/%s is out of date: run go generate ./generator/bundle", e.Name())
		}
	}
	want := Files()
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("generator/bundle/demo holds %v; want %v: run go generate ./generator/bundle", names, want)
	}
	if size > 1<<20 {
		t.Errorf("the embedded demo bundle is %d bytes; keep it under 1 MB", size)
	}
	t.Logf("embedded demo bundle: %d bytes", size)
}

func TestDemo(t *testing.T) {
	s := Demo()
	if d := s.Describe(); !strings.Contains(d, "demo") || !strings.Contains(d, "embedded") {
		t.Errorf("Describe() = %q; want it to say embedded demo data", d)
	}
	ds := load(t, s)
	if len(ds.Agencies) < 15 {
		t.Errorf("%d agencies; want at least 15", len(ds.Agencies))
	}
	if len(ds.Indicators) < 80 {
		t.Errorf("%d indicators; want at least 80", len(ds.Indicators))
	}
	seen := map[string]bool{}
	for _, i := range ds.Indicators {
		seen[string(i.Polarity)] = true
		seen[string(i.Consolidation)] = true
	}
	type year struct {
		slug string
		year int
	}
	annual := map[year]bool{}
	for _, tg := range ds.Targets {
		if tg.IsRange() {
			seen["range target"] = true
		}
		if tg.Value.Sign() == 0 && !tg.IsRange() {
			seen["zero target"] = true
		}
		if tg.Quarter == 0 {
			annual[year{tg.IndicatorSlug, tg.Year}] = true
		}
	}
	for _, i := range ds.Indicators {
		last := 2026
		if i.ValidTo != nil {
			last = i.ValidTo.Year
		}
		for y := i.ValidFrom.Year; y <= last; y++ {
			if !annual[year{i.Slug, y}] {
				seen["missing annual target"] = true
			}
		}
	}
	quarters := map[iku.Quarter]bool{}
	for _, r := range ds.Results {
		quarters[r.Quarter] = true
		if r.Actual == nil {
			seen["nil actual"] = true
		}
		if r.Provisional {
			seen["provisional result"] = true
		}
	}
	for _, want := range []string{"positive", "negative", "sum", "average", "last", "cumulative", "range target", "zero target",
		"nil actual", "provisional result", "missing annual target"} {
		if !seen[want] {
			t.Errorf("the demo bundle has no %s", want)
		}
	}
	first, last := iku.MustQuarter("2021-Q1"), iku.MustQuarter("2026-Q3")
	for q := first; !last.Before(q); q = q.Add(1) {
		if !quarters[q] {
			t.Errorf("the demo bundle has no result in %s", q)
		}
	}
	if len(quarters) != last.Index()-first.Index()+1 {
		t.Errorf("the demo bundle has results in %d quarters; want 2021-Q1 to 2026-Q3 only", len(quarters))
	}
}

// TestDemoHoldsNoPersonalData: employees stay in the database.
func TestDemoHoldsNoPersonalData(t *testing.T) {
	city := demo.Tanjungbalai()
	if !slices.Contains(city.Employees, demo.Canary) {
		t.Fatal("demo.Tanjungbalai() lacks the Canary employee")
	}
	for _, name := range Files() {
		data, err := fs.ReadFile(demoFiles, "demo/"+name)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range city.Employees {
			if bytes.Contains(data, []byte(e.NIP)) || bytes.Contains(data, []byte(e.Name)) {
				t.Fatalf("demo/%s holds personal data of employee %s", name, e.NIP)
			}
		}
	}
}

func BenchmarkLoadScale10000(b *testing.B) {
	files, err := Encode(demo.Scale(10000).Dataset())
	if err != nil {
		b.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data}
	}
	s := Open(m, "scale")
	for b.Loop() {
		if _, err := s.Load(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeScale10000(b *testing.B) {
	ds := demo.Scale(10000).Dataset()
	for b.Loop() {
		if _, err := Encode(ds); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRatingsPublishedMark: a bundle kinerja wrote from a published
// ratings table says so, so that reading it back (a downloaded bundle, a
// release) does not take its empty counts for a table suppressed by
// someone else; a bundle of raw counts carries no mark.
func TestRatingsPublishedMark(t *testing.T) {
	n := 40
	ds := &iku.Dataset{Ratings: []iku.RatingCount{{AgencySlug: "", Year: 2025, Predicate: "Sangat Baik", Count: &n, Rated: 45}, {AgencySlug: "", Year: 2025, Predicate: "Baik"}}}
	for _, published := range []bool{false, true} {
		ds.RatingsPublished = published
		files, err := Encode(ds)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for name, b := range files {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		for _, name := range []string{"sectors.csv", "agencies.csv", "predicates.csv", "indicators.csv", "targets.csv", "results.csv"} {
			if fsys[name] == nil {
				t.Fatalf("Encode wrote no %s", name)
			}
		}
		got := load(t, Open(fsys, "uji"))
		if got.RatingsPublished != published {
			t.Errorf("written with RatingsPublished = %v, read back as %v", published, got.RatingsPublished)
		}
		if len(got.Ratings) != 2 || got.Ratings[1].Count != nil || *got.Ratings[0].Count != 40 {
			t.Errorf("ratings read back: %+v", got.Ratings)
		}
	}
}

// TestReleaseManifestMarksPublishedRatings: a release frozen before the
// bundle carried the ratings_published mark is still a published table:
// its folder (or zip) holds the release's manifest.
func TestReleaseManifestMarksPublishedRatings(t *testing.T) {
	n := 40
	files, err := Encode(&iku.Dataset{Ratings: []iku.RatingCount{{Year: 2025, Predicate: "Sangat Baik", Count: &n, Rated: 45}, {Year: 2025, Predicate: "Baik"}}})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	if load(t, Open(fsys, "uji")).RatingsPublished {
		t.Fatal("a bundle without the mark or a manifest reads as published")
	}
	fsys["manifest.json"] = &fstest.MapFile{Data: []byte(`{"quarter": "2026-Q3", "version": 1}`)}
	if !load(t, Open(fsys, "uji")).RatingsPublished {
		t.Error("a release folder (with manifest.json) does not read as a published ratings table")
	}
}

// Service units round-trip, a row kinerja suppressed keeps its mark and no
// value, and a suppressed row with a value, or a unit described two ways,
// is refused.
func TestUnitResults(t *testing.T) {
	want := edgy()
	want.Units = []iku.ServiceUnit{
		{Slug: "pkm-a", Name: "Puskesmas A, Kota", NameEN: "A Health Centre", Kind: "puskesmas", AgencySlug: "a"},
		{Slug: "pkm-b", Name: "Puskesmas B", Kind: "puskesmas", AgencySlug: "a"},
	}
	want.UnitResults = []iku.UnitResult{
		{IndicatorSlug: "i", UnitSlug: "pkm-b", Quarter: iku.MustQuarter("2025-Q1"), Actual: iku.DecimalPtr("12.50"),
			Numerator: iku.DecimalPtr("500"), Denominator: iku.DecimalPtr("40"), Count: iku.DecimalPtr("40"), Provisional: true},
		{IndicatorSlug: "i", UnitSlug: "pkm-a", Quarter: iku.MustQuarter("2025-Q1"), Suppressed: true},
	}
	dir := t.TempDir()
	if err := Write(dir, want); err != nil {
		t.Fatal(err)
	}
	s, err := OpenPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	diff(t, load(t, s), want)

	path := filepath.Join(dir, "unit_results.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ from, to, want string }{
		{",,,,,false,\"Puskesmas A, Kota\"", ",7.5,,,,false,\"Puskesmas A, Kota\"", `holds a value in a row marked suppressed`},
	} {
		if !strings.Contains(string(b), tc.from) {
			t.Fatalf("unit_results.csv lacks %q:\n%s", tc.from, b)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(b), tc.from, tc.to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := OpenPath(dir)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Load(context.Background())
		if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("a bundle with %q: %v; want an error saying %q", tc.to, err, tc.want)
		}
	}
	// Two rows describing one unit differently.
	two := strings.Replace(string(b), "\n", "\ni,pkm-b,2025,2,1,,,1,false,Puskesmas Beta,puskesmas,,a,,false\n", 1)
	if err := os.WriteFile(path, []byte(two), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ = OpenPath(dir)
	if _, err := s.Load(context.Background()); err == nil || !strings.Contains(err.Error(), `describes service unit "pkm-b" differently`) {
		t.Errorf("a unit with two names: %v; want an error naming it", err)
	}
}
