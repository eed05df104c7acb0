package download

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

var meta = Meta{
	Title:        "Indikator Kinerja Utama Kota Tanjungbalai",
	Source:       "Pemerintah Kota Tanjungbalai, rilis 2026-Q3",
	Publisher:    "Dinas Komunikasi dan Informatika Kota Tanjungbalai",
	Citation:     "Pemerintah Kota Tanjungbalai (2026). Indikator Kinerja Utama, rilis 2026-Q3. CC BY 4.0.",
	Notes:        []string{"Data demo: fiktif."},
	Published:    time.Date(2026, 10, 15, 8, 30, 0, 0, time.UTC),
	ContactEmail: "diskominfo@tanjungbalaikota.go.id",
}

// hostileTexts are texts a spreadsheet, a CSV reader or a page could
// misread.
var hostileTexts = []string{
	`=HYPERLINK("http://x")`,
	`@SUM(1)`,
	`+1`,
	`-1+1`,
	`-5 kasus`,
	`'=x`,
	`''=x`,
	`'kutip`,
	"\t=1",
	"\r=1",
	`</script><script>alert(1)</script>`,
	`kata "kutip" di dalam`,
	`titik;koma`,
	`koma, koma`,
	"baris\nbaru",
	"baris\r\nbaru",
	" spasi di tepi ",
	"😀 emoji",
	"Waktu tunggu rawat jalan RSUD Dr. Tengku Mansyur (menit)",
	"\uFEFFbom",
	"12,5",
	"-12.50",
	"_x0041_",
}

// numbers are number texts with their decimals; some have more digits
// than a spreadsheet holds.
var numbers = []Value{
	{Text: "0.000000000000000001", Decimals: 2},
	{Text: "-12.50", Decimals: 2},
	{Text: "12.5", Decimals: 2},
	{Text: "123456789012345678.123", Decimals: 3},
	{Text: "123456789012345678.123456789", Decimals: 9},
	{Text: "-0.5", Decimals: 1},
	{Text: "1000000", Decimals: 0},
	{Text: "107.14", Decimals: 2},
	{Text: "0", Decimals: 0},
	{Text: "999999999999999", Decimals: 0},  // 15 digits: a number
	{Text: "9999999999999999", Decimals: 0}, // 16 digits: text in XLSX
	{Text: "-123456.789012345", Decimals: 2},
	{Null: true},
}

func hostileTable() *Table {
	t := &Table{
		Name:  "iku-uji",
		Title: "Uji: teks berbahaya dan angka panjang",
		Columns: []Column{
			{Name: "indicator", Title: "Indikator", Description: "Nama indikator.", Type: String},
			{Name: "year", Title: "Tahun", Description: "Tahun.", Type: Integer},
			{Name: "actual", Title: "Realisasi", Description: "Nilai yang diukur.", Type: Number, Unit: "menit"},
			{Name: "provisional", Title: "Sementara", Description: "Belum diverifikasi.", Type: Boolean},
			{Name: "updated", Title: "Diperbarui", Description: "Tanggal pembaruan.", Type: Date},
		},
	}
	n := max(len(hostileTexts), len(numbers))
	for i := range n + 1 {
		row := []Value{{Null: true}, {Text: "2026"}, {Null: true}, {Text: "false"}, {Text: "2026-09-30"}}
		if i < len(hostileTexts) {
			row[0] = Value{Text: hostileTexts[i]}
		}
		if i < len(numbers) {
			row[2] = numbers[i]
		}
		if i%3 == 1 {
			row[1], row[3], row[4] = Value{Text: "-1"}, Value{Text: "true"}, Value{Null: true}
		}
		if i == n {
			row = []Value{{Null: true}, {Null: true}, {Null: true}, {Null: true}, {Null: true}}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// writeAll writes t in every table format into dir and returns the bytes.
func writeAll(t *testing.T, dir string, tb *Table) map[Format][]byte {
	t.Helper()
	out := map[Format][]byte{}
	for _, f := range TableFormats {
		var buf bytes.Buffer
		if err := f.Write(&buf, tb, meta); err != nil {
			t.Fatalf("%s.Write: %v", f, err)
		}
		out[f] = buf.Bytes()
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, f.File(tb.Name)), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

// python returns Debian's python3 with openpyxl, or fails the test: CI
// installs it.
func python(t *testing.T, module, pkg string) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if out, err := exec.Command(py, "-c", "import "+module).CombinedOutput(); err != nil {
		t.Fatalf("this test reads the downloads back with Python's %s: install it with `apt-get install %s` (%v: %s)", module, pkg, err, out)
	}
	return py
}

type xlsxCell struct {
	V    *string `json:"v"`
	T    string  `json:"t"`
	F    string  `json:"f"`
	Bold bool    `json:"bold"`
}

type readBack struct {
	CSV      [][]string `json:"csv"`
	ExcelCSV [][]string `json:"excel_csv"`
	JSONKeys []string   `json:"json_keys"`
	JSON     [][][2]any `json:"json"`
	XLSX     struct {
		Sheets     []string           `json:"sheets"`
		Data       [][]xlsxCell       `json:"data"`
		Dictionary [][]xlsxCell       `json:"dictionary"`
		Freeze     string             `json:"freeze"`
		Filter     string             `json:"filter"`
		Widths     map[string]float64 `json:"widths"`
		Formulas   int                `json:"formulas"`
		Title      string             `json:"title"`
		Creator    string             `json:"creator"`
		Created    string             `json:"created"`
	} `json:"xlsx"`
	ReadOnly map[string]struct {
		Dimension string      `json:"dimension"`
		Rows      [][]*string `json:"rows"`
	} `json:"xlsx_read_only"`
}

func readBackAll(t *testing.T, dir, name string) readBack {
	t.Helper()
	py := python(t, "openpyxl", "python3-openpyxl")
	cmd := exec.Command(py, "testdata/readback.py", dir, name)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("readback.py: %v\n%s", err, stderr.Bytes())
	}
	var rb readBack
	if err := json.Unmarshal(out, &rb); err != nil {
		t.Fatalf("readback.py printed %q: %v", out, err)
	}
	return rb
}

// shownDecimals is the text a spreadsheet shows for a number written as a
// number: its digits, padded to the value's decimals.
func shownDecimals(v Value) string {
	text := numberText(v.Text)
	whole, frac, _ := strings.Cut(text, ".")
	if len(frac) < int(v.Decimals) {
		frac += strings.Repeat("0", int(v.Decimals)-len(frac))
	}
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	tb := hostileTable()
	writeAll(t, dir, tb)
	rb := readBackAll(t, dir, tb.Name)

	header := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		header[i] = c.Name
	}
	// CSV and Excel CSV: every cell, restored, is the source text.
	for _, f := range []struct {
		name  string
		rows  [][]string
		comma bool
	}{{"CSV", rb.CSV, false}, {"Excel CSV", rb.ExcelCSV, true}} {
		if len(f.rows) != len(tb.Rows)+1 {
			t.Fatalf("%s: read %d records; want %d", f.name, len(f.rows), len(tb.Rows)+1)
		}
		if strings.Join(f.rows[0], ",") != strings.Join(header, ",") {
			t.Errorf("%s header = %q; want %q", f.name, f.rows[0], header)
		}
		for i, row := range tb.Rows {
			for j, v := range row {
				got := f.rows[i+1][j]
				want := ""
				if !isNull(v) {
					want = v.Text
				}
				switch tb.Columns[j].Type {
				case String:
					if strings.ContainsRune("=+-@\t\r", rune(firstByte(got))) && !bundle.PlainNumber(got) {
						t.Errorf("%s row %d: the cell %q would run as a formula", f.name, i+1, got)
					}
					got = bundle.Restore(got)
				case Number:
					if f.comma {
						if strings.Contains(got, ".") {
							t.Errorf("%s row %d: the number %q has a decimal point; want a comma", f.name, i+1, got)
						}
						got = strings.Replace(got, ",", ".", 1)
					}
				}
				if got != want {
					t.Errorf("%s row %d, %s: read %q; want %q", f.name, i+1, tb.Columns[j].Name, got, want)
				}
			}
		}
	}

	// JSON: keys in order, numbers as exact strings, integers as numbers.
	wantKeys := []string{"name", "title", "dataset", "source", "publisher", "licence", "citation", "published", "notes", "fields", "rows"}
	if strings.Join(rb.JSONKeys, ",") != strings.Join(wantKeys, ",") {
		t.Errorf("JSON keys = %q; want %q", rb.JSONKeys, wantKeys)
	}
	if len(rb.JSON) != len(tb.Rows) {
		t.Fatalf("JSON: read %d rows; want %d", len(rb.JSON), len(tb.Rows))
	}
	for i, row := range tb.Rows {
		for j, v := range row {
			pair := rb.JSON[i][j]
			if pair[0] != tb.Columns[j].Name {
				t.Errorf("JSON row %d: key %d is %v; want %q", i+1, j, pair[0], tb.Columns[j].Name)
			}
			var want any
			if !isNull(v) {
				switch tb.Columns[j].Type {
				case Integer:
					want = mustFloat(v.Text) // a JSON number
				case Boolean:
					want = v.Text == "true"
				default:
					want = v.Text // numbers too: a string
				}
			}
			if pair[1] != want {
				t.Errorf("JSON row %d, %s: read %#v; want %#v", i+1, tb.Columns[j].Name, pair[1], want)
			}
		}
	}

	// XLSX, read with openpyxl.
	x := rb.XLSX
	// openpyxl in read-only mode reads what each sheet's <dimension>
	// declares: every row and column, as the full reader sees them (the
	// full reader stops before trailing rows without a value).
	for _, sh := range []struct {
		name       string
		full       [][]xlsxCell
		cols, rows int
	}{{DataSheet, x.Data, len(tb.Columns), len(tb.Rows) + 1}, {DictionarySheet, x.Dictionary, 5, len(x.Dictionary)}} {
		ro := rb.ReadOnly[sh.name]
		col := columnName(sh.cols)
		if want := "A1:" + col + itoa(sh.rows); ro.Dimension != want {
			t.Errorf("XLSX sheet %q declares the dimension %q; want %q", sh.name, ro.Dimension, want)
		}
		if len(ro.Rows) != len(sh.full) {
			t.Errorf("XLSX sheet %q: openpyxl read-only reads %d rows; want %d", sh.name, len(ro.Rows), len(sh.full))
			continue
		}
		for i, row := range ro.Rows {
			for j, v := range row {
				var f *string
				if i < len(sh.full) && j < len(sh.full[i]) {
					f = sh.full[i][j].V
				}
				if (v == nil) != (f == nil) || v != nil && *v != *f {
					t.Errorf("XLSX sheet %q, row %d, column %d: read-only %v; want %v", sh.name, i+1, j+1, v, f)
				}
			}
		}
	}
	if strings.Join(x.Sheets, "|") != "Data|Kamus data" {
		t.Errorf("XLSX sheets = %q; want Data, Kamus data", x.Sheets)
	}
	if x.Formulas != 0 {
		t.Errorf("XLSX has %d formula cells; want none", x.Formulas)
	}
	if x.Freeze != "A2" {
		t.Errorf("XLSX freeze panes = %q; want A2", x.Freeze)
	}
	// A range may come with dollars ("$A$1:$E$25"), as Excel accepts.
	if want := "A1:E" + itoa(len(tb.Rows)+1); strings.ReplaceAll(x.Filter, "$", "") != want {
		t.Errorf("XLSX autofilter = %q; want %q", x.Filter, want)
	}
	if x.Title != tb.Title || x.Creator != meta.Publisher || !strings.HasPrefix(x.Created, "2026-10-15T08:30:00") {
		t.Errorf("XLSX properties: title %q, creator %q, created %q", x.Title, x.Creator, x.Created)
	}
	for j, c := range x.Data[0] {
		if c.V == nil || *c.V != header[j] || c.T != "s" || !c.Bold {
			t.Errorf("XLSX header cell %d = %+v; want bold text %q", j, c, header[j])
		}
	}
	for j := range header {
		col := string(rune('A' + j))
		if w := x.Widths[col]; w < 8 || w > 61 {
			t.Errorf("XLSX column %s width %v; want 8 to 61", col, w)
		}
	}
	// A sheet ends at its last cell: rows of no value at the end are not
	// there to read.
	for len(x.Data) < len(tb.Rows)+1 && allNull(tb.Rows[len(x.Data)-1]) {
		x.Data = append(x.Data, make([]xlsxCell, len(tb.Columns)))
	}
	if len(x.Data) != len(tb.Rows)+1 {
		t.Fatalf("XLSX: read %d rows; want %d", len(x.Data), len(tb.Rows)+1)
	}
	for i, row := range tb.Rows {
		for j, v := range row {
			c := x.Data[i+1][j]
			where := "XLSX row " + itoa(i+1) + ", " + tb.Columns[j].Name
			if isNull(v) {
				if c.V != nil {
					t.Errorf("%s = %q; want an empty cell", where, *c.V)
				}
				continue
			}
			if c.V == nil {
				t.Errorf("%s is empty; want %q", where, v.Text)
				continue
			}
			wantType, wantText, wantFormat := "s", v.Text, "General"
			switch tb.Columns[j].Type {
			case Number, Integer:
				if _, ok := spreadsheetNumber(numberText(v.Text)); ok {
					wantType, wantText = "n", shownDecimals(v)
					wantFormat = "0"
					if _, frac, _ := strings.Cut(wantText, "."); frac != "" {
						wantFormat += "." + strings.Repeat("0", len(frac))
					}
				}
			case Boolean:
				wantType = "b"
			case Date:
				wantType, wantFormat = "d", "yyyy-mm-dd"
			}
			if c.T != wantType || *c.V != wantText || c.F != wantFormat {
				t.Errorf("%s = %q (type %q, format %q); want %q (type %q, format %q)", where, *c.V, c.T, c.F, wantText, wantType, wantFormat)
			}
		}
	}
	// The dictionary names every column and says what became text.
	dict := map[string][]string{}
	for _, row := range x.Dictionary {
		var cells []string
		for _, c := range row {
			if c.V != nil {
				cells = append(cells, *c.V)
			} else {
				cells = append(cells, "")
			}
		}
		dict[cells[0]] = append(dict[cells[0]], strings.Join(cells[1:], "|"))
	}
	for _, c := range tb.Columns {
		if len(dict[c.Name]) != 1 || !strings.HasPrefix(dict[c.Name][0], c.Title+"|"+typeLabel[c.Type]+"|"+c.Unit+"|"+c.Description) {
			t.Errorf("Kamus data for %s = %q", c.Name, dict[c.Name])
		}
	}
	if !strings.Contains(dict["actual"][0], "3 nilai di kolom ini ditulis sebagai teks karena lebih dari 15 digit") {
		t.Errorf("Kamus data for actual = %q; want it to count the numbers written as text", dict["actual"])
	}
	for key, want := range map[string]string{
		"Sumber":   meta.Source,
		"Lisensi":  "CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)",
		"Penerbit": meta.Publisher,
		"Kutipan":  meta.Citation,
	} {
		if len(dict[key]) != 1 || strings.TrimRight(dict[key][0], "|") != want {
			t.Errorf("Kamus data %s = %q; want %q", key, dict[key], want)
		}
	}
	notes := strings.Join(dict["Catatan"], "\n")
	for _, want := range []string{"Data demo: fiktif.", "15 digit", "tanda kutip tunggal"} {
		if !strings.Contains(notes, want) {
			t.Errorf("Kamus data notes %q do not say %q", notes, want)
		}
	}
}

func fitsSpreadsheet(text string) bool {
	_, ok := spreadsheetNumber(numberText(text))
	return ok
}

func allNull(row []Value) bool {
	for _, v := range row {
		if !isNull(v) {
			return false
		}
	}
	return true
}

func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func mustFloat(s string) float64 {
	var f float64
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		panic(err)
	}
	return f
}

var inlineText = regexp.MustCompile(`<is><t[^>]*>[^<]*</t></is>`)

// The sheet XML never holds a formula, whatever the text.
func TestXLSXHasNoFormulaElements(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, hostileTable(), meta); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	formula := regexp.MustCompile(`<(\w+:)?f[ >/]`)
	sheets := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		sheets++
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if m := formula.Find(data); m != nil {
			t.Errorf("%s holds a formula element %q", f.Name, m)
		}
		// Text lives in inline strings (<is><t>…</t></is>), which a
		// spreadsheet shows and never runs.
		if bytes.Contains(inlineText.ReplaceAll(data, nil), []byte("HYPERLINK")) {
			t.Errorf("%s holds HYPERLINK outside the text of its cells", f.Name)
		}
	}
	if sheets != 2 {
		t.Errorf("found %d worksheets; want 2", sheets)
	}
}

func TestExcelCSVBytes(t *testing.T) {
	tb := &Table{Name: "x", Columns: []Column{
		{Name: "name", Type: String}, {Name: "value", Type: Number}, {Name: "year", Type: Integer},
	}, Rows: [][]Value{
		{{Text: "a;b"}, {Text: "12.5"}, {Text: "2026"}},
		{{Text: "=1+1"}, {Text: "-0.000000000000000001"}, {Null: true}},
		{{Null: true}, {Text: "+.5"}, {Text: "-7"}},
	}}
	var got bytes.Buffer
	if err := WriteExcelCSV(&got, tb); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFname;value;year\r\n\"a;b\";12,5;2026\r\n'=1+1;-0,000000000000000001;\r\n;0,5;-7\r\n"
	if got.String() != want {
		t.Errorf("WriteExcelCSV =\n%q\nwant\n%q", got.String(), want)
	}
	got.Reset()
	if err := WriteCSV(&got, tb); err != nil {
		t.Fatal(err)
	}
	want = "name,value,year\na;b,12.5,2026\n'=1+1,-0.000000000000000001,\n,0.5,-7\n"
	if got.String() != want {
		t.Errorf("WriteCSV =\n%q\nwant\n%q", got.String(), want)
	}
}

// LibreOffice, opening the Excel CSV the way Indonesian Excel would
// (semicolon, UTF-8, Indonesian locale), sees numbers as numbers and no
// formula at all.
func TestExcelCSVInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("libreoffice")
	if err != nil {
		if os.Getenv("KINERJA_LIBREOFFICE") == "1" {
			t.Fatalf("KINERJA_LIBREOFFICE=1 but libreoffice is not installed: apt-get install libreoffice-calc-nogui")
		}
		t.Skip("libreoffice is not installed (apt-get install libreoffice-calc-nogui); set KINERJA_LIBREOFFICE=1 to require it")
	}
	py := python(t, "openpyxl", "python3-openpyxl")
	dir := t.TempDir()
	tb := hostileTable()
	writeAll(t, dir, tb)
	src := filepath.Join(dir, ExcelCSV.File(tb.Name))
	cmd := exec.Command(soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		`--infilter=CSV:59,34,76,1,,1057`, "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "lo"), src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice --convert-to xlsx: %v\n%s", err, out)
	}
	script := `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[[c.data_type, c.value if not hasattr(c.value, "isoformat") else c.value.isoformat()] for c in row] for row in ws.iter_rows()]))
`
	out, err := exec.Command(py, "-c", script, filepath.Join(dir, "lo", tb.Name+"-excel.xlsx")).Output()
	if err != nil {
		t.Fatalf("reading LibreOffice's xlsx: %v", err)
	}
	var rows [][][2]any
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatal(err)
	}
	for len(rows) < len(tb.Rows)+1 && allNull(tb.Rows[len(rows)-1]) {
		rows = append(rows, make([][2]any, len(tb.Columns)))
	}
	if len(rows) != len(tb.Rows)+1 {
		t.Fatalf("LibreOffice read %d rows; want %d", len(rows), len(tb.Rows)+1)
	}
	for i, row := range rows {
		for j, c := range row {
			if c[0] == "f" {
				t.Errorf("LibreOffice row %d, column %d is the formula %v", i, j+1, c[1])
			}
		}
	}
	for i, row := range tb.Rows {
		v := row[2] // actual
		c := rows[i+1][2]
		if isNull(v) {
			continue
		}
		if c[0] != "n" {
			t.Errorf("LibreOffice row %d: actual %q is a %v cell (%v); want a number", i+1, v.Text, c[0], c[1])
			continue
		}
		// A spreadsheet keeps 15 significant digits: longer numbers are
		// rounded (doc.go sends their readers to the other formats).
		want := mustFloat(numberText(v.Text))
		if f, ok := c[1].(float64); !ok || f != want && !(!fitsSpreadsheet(v.Text) && math.Abs(f-want) <= math.Abs(want)*1e-14) {
			t.Errorf("LibreOffice row %d: actual %q read as %v", i+1, v.Text, c[1])
		}
		if y := rows[i+1][1]; !isNull(row[1]) && (y[0] != "n" || y[1] != mustFloat(row[1].Text)) {
			t.Errorf("LibreOffice row %d: year %q read as %v", i+1, row[1].Text, y)
		}
	}
}

func TestDeterministic(t *testing.T) {
	first := writeAll(t, "", hostileTable())
	time.Sleep(1100 * time.Millisecond) // a writer using the clock would differ now
	second := writeAll(t, "", hostileTable())
	for _, f := range TableFormats {
		if !bytes.Equal(first[f], second[f]) {
			t.Errorf("%s: two writes of the same table differ", f)
		}
	}
}

func TestWritersRefuseBadTables(t *testing.T) {
	good := func() *Table {
		return &Table{Name: "t", Columns: []Column{{Name: "a", Type: String}, {Name: "n", Type: Number}, {Name: "i", Type: Integer}, {Name: "b", Type: Boolean}, {Name: "d", Type: Date}},
			Rows: [][]Value{{{Text: "x"}, {Text: "1.5"}, {Text: "2026"}, {Text: "true"}, {Text: "2026-09-30"}}}}
	}
	tests := []struct {
		name   string
		change func(*Table)
		want   string
	}{
		{"name", func(t *Table) { t.Name = "Bad Name" }, "is not a file stem"},
		{"column", func(t *Table) { t.Columns[0].Name = "Agency" }, "is not snake_case"},
		{"twice", func(t *Table) { t.Columns[1].Name = "a" }, `has the column "a" twice`},
		{"type", func(t *Table) { t.Columns[0].Type = "text" }, `unknown type "text"`},
		{"short row", func(t *Table) { t.Rows[0] = t.Rows[0][:2] }, "row 1 has 2 values for 5 columns"},
		{"float", func(t *Table) { t.Rows[0][1].Text = "1e5" }, `"1e5" is not a decimal number`},
		{"thousands", func(t *Table) { t.Rows[0][1].Text = "1,250.5" }, "is not a decimal number"},
		{"integer", func(t *Table) { t.Rows[0][2].Text = "2026.0" }, "is not a whole number"},
		{"leading zero", func(t *Table) { t.Rows[0][2].Text = "007" }, "is not a whole number"},
		{"long integer", func(t *Table) { t.Rows[0][2].Text = "1234567890123456" }, "at most 15 digits"},
		{"boolean", func(t *Table) { t.Rows[0][3].Text = "ya" }, "is not a boolean"},
		{"date", func(t *Table) { t.Rows[0][4].Text = "30/09/2026" }, "is not a date"},
		{"null with text", func(t *Table) { t.Rows[0][0] = Value{Null: true, Text: "x"} }, "a null value has the text"},
		{"control", func(t *Table) { t.Rows[0][0].Text = "a\x00b" }, "control character U+0000"},
		{"utf-8", func(t *Table) { t.Rows[0][0].Text = "a\xffb" }, "not valid UTF-8"},
		{"decimals", func(t *Table) { t.Rows[0][1].Decimals = 31 }, "decimals 31 is out of range"},
	}
	for _, tc := range tests {
		tb := good()
		tc.change(tb)
		for _, f := range TableFormats {
			err := f.Write(io.Discard, tb, meta)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %s.Write = %v; want an error saying %q", tc.name, f, err, tc.want)
			}
		}
	}
	for _, f := range TableFormats {
		if err := f.Write(io.Discard, good(), meta); err != nil {
			t.Errorf("%s.Write(good table) = %v", f, err)
		}
	}
	long := good()
	long.Rows[0][0].Text = strings.Repeat("é", maxCellChars+1)
	if err := WriteXLSX(io.Discard, long, meta); err == nil || !strings.Contains(err.Error(), "longer than the 32767 characters") {
		t.Errorf("WriteXLSX(a text of 32768 characters) = %v", err)
	}
}

func TestNumberText(t *testing.T) {
	for in, want := range map[string]string{
		"12.50": "12.50", "+1": "1", ".5": "0.5", "-.5": "-0.5", "-0": "0", "-0.00": "0.00", "-12": "-12",
	} {
		if got := numberText(in); got != want {
			t.Errorf("numberText(%q) = %q; want %q", in, got, want)
		}
	}
}
