package download

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sheet names of the XLSX download.
const (
	DataSheet       = "Data"
	DictionarySheet = "Kamus data"
)

const (
	// maxSpreadsheetDigits is how many significant digits a spreadsheet
	// keeps (a float64 holds 15 exactly); a number with more is written as
	// text so that no digit is lost.
	maxSpreadsheetDigits = 15
	// maxFormatDecimals is the most decimals an Excel number format shows.
	maxFormatDecimals = 30
	// maxCellChars is the most UTF-16 units Excel keeps in a cell.
	maxCellChars = 32767
)

// WriteXLSX writes t as an Excel workbook with two sheets. "Data" holds
// the table: a bold header row of column names, frozen, with an
// autofilter over the data; numbers as numeric cells with the number
// format of their decimals ("0.00"), except numbers of more than 15
// significant digits, which are text cells so that no digit is lost;
// integers as numbers ("0"); booleans as TRUE/FALSE cells; dates as date
// cells ("yyyy-mm-dd"); text always as text cells, never as formulas.
// "Kamus data" is the data dictionary: each column's name, title, type,
// unit and description, then the source, licence, publisher, citation and
// notes of m. The same table and meta always give the same bytes: the
// document's dates are m.Published, not the time of writing.
func WriteXLSX(w io.Writer, t *Table, m Meta) error {
	return writeXLSX(context.Background(), w, t, m)
}

// writeXLSX is WriteXLSX stopping with ctx's error when ctx ends. It
// streams the workbook (a zip of SpreadsheetML parts) row by row, so that
// a table of hundreds of thousands of rows takes no more memory than its
// rows already do, and writes every number as the digits of its text
// (never through a float64).
func writeXLSX(ctx context.Context, w io.Writer, t *Table, m Meta) error {
	if err := t.check(); err != nil {
		return err
	}
	if err := checkCellLengths(t, m); err != nil {
		return err
	}
	x := &xlsxStream{t: t, m: m, ctx: ctx, decimals: map[int]int{}}
	x.plan()
	if err := x.write(w); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("download: writing %s.xlsx: %w", t.Name, err)
	}
	return nil
}

// Cell styles of the workbook (cellXfs in styles.xml); the number formats
// of each count of decimals follow them.
const (
	xfDefault = iota
	xfBold
	xfWrap
	xfDate
	xfNumbers // + the index of a count of decimals in xlsxStream.order
)

// xlsxStream writes one table as a workbook.
type xlsxStream struct {
	t   *Table
	m   Meta
	ctx context.Context

	widths      []int          // characters per data column
	textNumbers map[string]int // column → numbers written as text
	decimals    map[int]int    // decimals → index in order
	order       []int          // the counts of decimals used, in first use
	cols        []string       // column letters
}

type xcell struct {
	kind byte // 0 none, 's' text, 'n' number, 'b' boolean, 'd' date
	text string
	xf   int
}

// cell says how the value v of column j is written.
func (x *xlsxStream) cell(j int, v Value) xcell {
	if isNull(v) {
		return xcell{}
	}
	switch x.t.Columns[j].Type {
	case Number, Integer:
		text := numberText(v.Text)
		decimals, ok := spreadsheetNumber(text)
		if !ok {
			return xcell{kind: 's', text: text}
		}
		if x.t.Columns[j].Type == Number {
			decimals = max(decimals, int(v.Decimals))
		}
		return xcell{kind: 'n', text: text, xf: x.numberXF(decimals)}
	case Boolean:
		b := "0"
		if v.Text == "true" {
			b = "1"
		}
		return xcell{kind: 'b', text: b}
	case Date:
		day, _ := time.Parse(time.DateOnly, v.Text)
		if serial, ok := serialDay(day); ok {
			return xcell{kind: 'n', text: strconv.Itoa(serial), xf: xfDate}
		}
	}
	return xcell{kind: 's', text: v.Text}
}

func (x *xlsxStream) numberXF(decimals int) int {
	i, ok := x.decimals[decimals]
	if !ok {
		i = len(x.order)
		x.decimals[decimals] = i
		x.order = append(x.order, decimals)
	}
	return xfNumbers + i
}

// plan reads the table once for what comes before its rows: the column
// widths, the number formats, the numbers that must be text.
func (x *xlsxStream) plan() {
	t := x.t
	x.widths = make([]int, len(t.Columns))
	x.textNumbers = map[string]int{}
	for j, c := range t.Columns {
		x.widths[j] = utf8.RuneCountInString(c.Name) + 3 // room for the filter button
		x.cols = append(x.cols, columnName(j+1))
	}
	var buf []Value
	for i := range t.len() {
		row := t.row(i, &buf)
		for j, v := range row {
			c := x.cell(j, v)
			shown := len(c.text)
			switch {
			case c.kind == 0:
				continue
			case c.kind == 's' && (t.Columns[j].Type == Number || t.Columns[j].Type == Integer):
				x.textNumbers[t.Columns[j].Name]++
			case c.kind == 's':
				shown = utf8.RuneCountInString(c.text)
			case c.kind == 'n' && c.xf >= xfNumbers:
				shown = len(strings.Split(c.text, ".")[0]) + 1 + x.order[c.xf-xfNumbers]
			}
			x.widths[j] = max(x.widths[j], min(shown, 60))
		}
	}
}

// columnName is the spreadsheet name of column n (1 → A, 27 → AA).
func columnName(n int) string {
	name := ""
	for ; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}

const (
	xmlHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRel     = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsPkgRels = `http://schemas.openxmlformats.org/package/2006/relationships`
)

func (x *xlsxStream) write(w io.Writer) error {
	t, m := x.t, x.m
	zw := zip.NewWriter(w)
	modified := m.published()
	var bw *bufio.Writer
	part := func(name string) error {
		if bw != nil {
			if err := bw.Flush(); err != nil {
				return err
			}
		}
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if bw == nil {
			bw = bufio.NewWriterSize(pw, 64<<10)
		} else {
			bw.Reset(pw)
		}
		bw.WriteString(xmlHead)
		return nil
	}
	last := fmt.Sprintf("%s%d", x.cols[len(x.cols)-1], t.len()+1)

	if err := part("[Content_Types].xml"); err != nil {
		return err
	}
	bw.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)

	if err := part("_rels/.rels"); err != nil {
		return err
	}
	bw.WriteString(`<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)

	id, url := m.licence()
	date := m.published().UTC().Format(time.RFC3339)
	if err := part("docProps/core.xml"); err != nil {
		return err
	}
	bw.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, p := range [][2]string{{"dc:title", firstOf(t.Title, m.Title)}, {"dc:subject", m.Title}, {"dc:creator", m.Publisher},
		{"dc:description", strings.TrimSpace(m.Source + " " + id + " " + url)}, {"dc:language", "id-ID"}, {"cp:lastModifiedBy", m.Publisher}} {
		if p[1] != "" {
			bw.WriteString("<" + p[0] + ">")
			escapeXML(bw, p[1])
			bw.WriteString("</" + p[0] + ">")
		}
	}
	bw.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified></cp:coreProperties>`)

	if err := part("docProps/app.xml"); err != nil {
		return err
	}
	bw.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kinerja</Application>`)
	if m.Publisher != "" {
		bw.WriteString("<Company>")
		escapeXML(bw, m.Publisher)
		bw.WriteString("</Company>")
	}
	bw.WriteString(`</Properties>`)

	if err := part("xl/workbook.xml"); err != nil {
		return err
	}
	bw.WriteString(`<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
		`<sheet name="` + DataSheet + `" sheetId="1" r:id="rId1"/><sheet name="` + DictionarySheet + `" sheetId="2" r:id="rId2"/></sheets>` +
		`<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">` + DataSheet + `!$A$1:$` + x.cols[len(x.cols)-1] + `$` + strconv.Itoa(t.len()+1) + `</definedName></definedNames></workbook>`)

	if err := part("xl/_rels/workbook.xml.rels"); err != nil {
		return err
	}
	bw.WriteString(`<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + nsRel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsRel + `/worksheet" Target="worksheets/sheet2.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsRel + `/styles" Target="styles.xml"/></Relationships>`)

	if err := part("xl/styles.xml"); err != nil {
		return err
	}
	x.styles(bw)

	// The data: header, rows; frozen header, autofilter, real dimension.
	if err := part("xl/worksheets/sheet1.xml"); err != nil {
		return err
	}
	bw.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><dimension ref="A1:` + last + `"/>` +
		`<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>`)
	for j, width := range x.widths {
		fmt.Fprintf(bw, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, j+1, j+1, min(max(width, 8), 60)+1)
	}
	bw.WriteString(`</cols><sheetData><row r="1">`)
	for j, c := range t.Columns {
		x.writeCell(bw, j, 1, xcell{kind: 's', text: c.Name, xf: xfBold})
	}
	bw.WriteString(`</row>`)
	var buf []Value
	for i := range t.len() {
		row := t.row(i, &buf)
		if i%256 == 0 {
			if err := x.ctx.Err(); err != nil {
				return err
			}
		}
		r := i + 2
		if !slices.ContainsFunc(row, func(v Value) bool { return !isNull(v) }) {
			continue // a row of empty cells is no row, as a spreadsheet saves it
		}
		bw.WriteString(`<row r="`)
		bw.WriteString(strconv.Itoa(r))
		bw.WriteString(`">`)
		for j, v := range row {
			x.writeCell(bw, j, r, x.cell(j, v))
		}
		bw.WriteString(`</row>`)
	}
	bw.WriteString(`</sheetData><autoFilter ref="A1:` + last + `"/></worksheet>`)

	// The data dictionary.
	if err := part("xl/worksheets/sheet2.xml"); err != nil {
		return err
	}
	rows := x.dictionary()
	bw.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><dimension ref="A1:E` + strconv.Itoa(len(rows)) + `"/>` +
		`<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>` +
		`<col min="1" max="1" width="22" style="2" customWidth="1"/><col min="2" max="2" width="40" style="2" customWidth="1"/>` +
		`<col min="3" max="4" width="16" style="2" customWidth="1"/><col min="5" max="5" width="80" style="2" customWidth="1"/></cols><sheetData>`)
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		fmt.Fprintf(bw, `<row r="%d">`, i+1)
		for j, c := range row {
			x.writeCell(bw, j, i+1, c)
		}
		bw.WriteString(`</row>`)
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// writeCell writes the cell of column j in row r; an empty cell is left
// out.
func (x *xlsxStream) writeCell(bw *bufio.Writer, j, r int, c xcell) {
	if c.kind == 0 || c.text == "" {
		return
	}
	bw.WriteString(`<c r="`)
	bw.WriteString(x.cols[j])
	bw.WriteString(strconv.Itoa(r))
	bw.WriteByte('"')
	if c.xf != xfDefault {
		bw.WriteString(` s="`)
		bw.WriteString(strconv.Itoa(c.xf))
		bw.WriteByte('"')
	}
	switch c.kind {
	case 's': // an inline string: text, never a formula
		bw.WriteString(` t="inlineStr"><is><t`)
		if strings.TrimSpace(c.text) != c.text || strings.ContainsAny(c.text, "\n\t") {
			bw.WriteString(` xml:space="preserve"`)
		}
		bw.WriteByte('>')
		escapeXML(bw, c.text)
		bw.WriteString(`</t></is></c>`)
	case 'b':
		bw.WriteString(` t="b"><v>`)
		bw.WriteString(c.text)
		bw.WriteString(`</v></c>`)
	default: // the digits as written
		bw.WriteString(`><v>`)
		bw.WriteString(c.text)
		bw.WriteString(`</v></c>`)
	}
}

// escapeXML writes s as XML text; a character XML cannot hold becomes
// U+FFFD.
func escapeXML(w io.Writer, s string) {
	xml.EscapeText(w, []byte(s))
}

// styles writes styles.xml: bold, wrapped, date, and a number format per
// count of decimals used.
func (x *xlsxStream) styles(bw *bufio.Writer) {
	bw.WriteString(`<styleSheet xmlns="` + nsMain + `"><numFmts count="` + strconv.Itoa(1+len(x.order)) + `"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>`)
	for i, d := range x.order {
		format := "0"
		if d > 0 {
			format += "." + strings.Repeat("0", d)
		}
		fmt.Fprintf(bw, `<numFmt numFmtId="%d" formatCode="%s"/>`, 165+i, format)
	}
	bw.WriteString(`</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="` + strconv.Itoa(xfNumbers+len(x.order)) + `">` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
	for i := range x.order {
		fmt.Fprintf(bw, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, 165+i)
	}
	bw.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
}

// dictionary is the "Kamus data" sheet: each column's name, title, type,
// unit and description, then what the table is and where it comes from.
func (x *xlsxStream) dictionary() [][]xcell {
	t, m := x.t, x.m
	text := func(s string) xcell { return xcell{kind: 's', text: s, xf: xfWrap} }
	bold := func(s string) xcell { return xcell{kind: 's', text: s, xf: xfBold} }
	var rows [][]xcell
	var head []xcell
	for _, h := range []string{"Kolom", "Judul", "Tipe", "Satuan", "Keterangan"} {
		head = append(head, bold(h))
	}
	rows = append(rows, head)
	for _, c := range t.Columns {
		desc := c.Description
		if n := x.textNumbers[c.Name]; n > 0 {
			desc = strings.TrimSpace(desc + fmt.Sprintf(" %d nilai di kolom ini ditulis sebagai teks karena lebih dari 15 digit.", n))
		}
		rows = append(rows, []xcell{text(c.Name), text(c.Title), text(typeLabel[c.Type]), text(c.Unit), text(desc)})
	}
	rows = append(rows, nil)
	id, url := m.licence()
	licence := id
	if url != "" {
		licence += " (" + url + ")"
	}
	about := [][2]string{
		{"Tabel", firstOf(t.Title, t.Name)},
		{"Data", m.Title},
		{"Sumber", m.Source},
		{"Lisensi", licence},
		{"Penerbit", m.Publisher},
		{"Kutipan", m.Citation},
		{"Tanggal terbit", m.published().Format(time.DateOnly)},
	}
	for _, n := range m.Notes {
		about = append(about, [2]string{"Catatan", n})
	}
	about = append(about,
		[2]string{"Catatan", "Angka disimpan sebagai angka dengan jumlah desimal sesuai indikatornya. " +
			"Spreadsheet hanya dapat menyimpan 15 digit bermakna secara persis; angka yang lebih panjang ditulis sebagai teks agar tidak ada digit yang hilang. " +
			"(Numbers are numeric cells; a number of more than 15 significant digits is a text cell, so that no digit is lost.)"},
		[2]string{"Catatan", "Sel kosong berarti tidak ada nilai. Di file CSV, teks yang diawali =, +, -, @, tab atau carriage return (dan bukan angka) diberi satu tanda kutip tunggal (') di depannya agar spreadsheet tidak menjalankannya sebagai rumus; hapus tanda kutip itu untuk mendapatkan teks aslinya. " +
			"(An empty cell is no value. In the CSV files, text starting with =, +, -, @, a tab or a carriage return that is not a number has one single quote in front so that spreadsheets do not run it as a formula; remove that quote to get the text.)"},
	)
	for _, kv := range about {
		if kv[1] != "" {
			rows = append(rows, []xcell{bold(kv[0]), text(kv[1])})
		}
	}
	return rows
}

// checkCellLengths refuses text a spreadsheet would cut short.
func checkCellLengths(t *Table, m Meta) error {
	long := func(s string) bool { return len(s) > maxCellChars && utf16Len(s) > maxCellChars }
	var buf []Value
	for i := range t.len() {
		row := t.row(i, &buf)
		for j, v := range row {
			if long(v.Text) {
				return fmt.Errorf("download: table %q, row %d, column %q: the text is longer than the %d characters a spreadsheet cell holds", t.Name, i+1, t.Columns[j].Name, maxCellChars)
			}
		}
	}
	for _, c := range t.Columns {
		if long(c.Description) {
			return fmt.Errorf("download: table %q, column %q: the description is longer than the %d characters a spreadsheet cell holds", t.Name, c.Name, maxCellChars)
		}
	}
	for _, s := range append([]string{m.Title, m.Source, m.Publisher, m.Citation}, m.Notes...) {
		if long(s) {
			return fmt.Errorf("download: table %q: a text of the meta data is longer than the %d characters a spreadsheet cell holds", t.Name, maxCellChars)
		}
	}
	return nil
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

var typeLabel = map[Type]string{
	String:  "teks (string)",
	Number:  "angka (number)",
	Integer: "bilangan bulat (integer)",
	Boolean: "benar/salah (boolean)",
	Date:    "tanggal (date)",
}

// spreadsheetNumber reports whether a spreadsheet holds the number text
// exactly (at most 15 significant digits, at most 30 decimals, a
// magnitude a double holds), and how many decimals it has.
func spreadsheetNumber(text string) (decimals int, ok bool) {
	whole, frac, _ := strings.Cut(strings.TrimPrefix(text, "-"), ".")
	digits := strings.Trim(whole+frac, "0")
	whole = strings.TrimLeft(whole, "0")
	return len(frac), len(digits) <= maxSpreadsheetDigits && len(frac) <= maxFormatDecimals && len(whole) <= 300
}

// serialDay is a date as a spreadsheet's day number in the 1900 date
// system (1900-03-01 is day 61, counted from 1899-12-30); ok is false
// before March 1900, where Excel counts a 29 February 1900 that never was,
// and after 9999.
func serialDay(d time.Time) (serial int, ok bool) {
	if d.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) || d.Year() > 9999 {
		return 0, false
	}
	return int((d.Unix() - time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Unix()) / 86400), true // not d.Sub: a Duration ends at 292 years
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
