package download

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
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

// writeXLSX is WriteXLSX stopping with ctx's error when ctx ends.
func writeXLSX(ctx context.Context, w io.Writer, t *Table, m Meta) error {
	if err := t.check(); err != nil {
		return err
	}
	if err := checkCellLengths(t, m); err != nil {
		return err
	}
	x := excelize.NewFile()
	defer x.Close()
	s := &xlsxWriter{f: x, numFmt: map[int]int{}, ctx: ctx}
	s.write(t, m)
	if s.err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("download: writing %s.xlsx: %w", t.Name, s.err)
	}
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("download: writing %s.xlsx: %w", t.Name, err)
	}
	return nil
}

// checkCellLengths refuses text a spreadsheet would cut short.
func checkCellLengths(t *Table, m Meta) error {
	long := func(s string) bool { return len(s) > maxCellChars && utf16Len(s) > maxCellChars }
	for i, row := range t.Rows {
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

// xlsxWriter fills one workbook; the first error sticks.
type xlsxWriter struct {
	f      *excelize.File
	ctx    context.Context // checked every few hundred rows
	err    error
	bold   int
	wrap   int
	date   int
	numFmt map[int]int // decimals → style
}

func (s *xlsxWriter) check(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

func (s *xlsxWriter) style(st *excelize.Style) int {
	id, err := s.f.NewStyle(st)
	s.check(err)
	return id
}

// number returns the style showing decimals digits after the point.
func (s *xlsxWriter) number(decimals int) int {
	if id, ok := s.numFmt[decimals]; ok {
		return id
	}
	format := "0"
	if decimals > 0 {
		format += "." + strings.Repeat("0", decimals)
	}
	id := s.style(&excelize.Style{CustomNumFmt: &format})
	s.numFmt[decimals] = id
	return id
}

func (s *xlsxWriter) write(t *Table, m Meta) {
	f := s.f
	s.bold = s.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	s.wrap = s.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	dateFormat := "yyyy-mm-dd"
	s.date = s.style(&excelize.Style{CustomNumFmt: &dateFormat})
	s.check(f.SetSheetName("Sheet1", DataSheet))
	_, err := f.NewSheet(DictionarySheet)
	s.check(err)

	widths := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		s.str(DataSheet, j+1, 1, c.Name)
		widths[j] = utf8.RuneCountInString(c.Name) + 3 // room for the filter button
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), 1)
	s.check(f.SetCellStyle(DataSheet, "A1", last, s.bold))

	textNumbers := map[string]int{} // column → numbers written as text
	for i, row := range t.Rows {
		if i%256 == 0 {
			if s.check(s.ctx.Err()); s.err != nil {
				return
			}
		}
		r := i + 2
		for j, v := range row {
			if isNull(v) {
				continue
			}
			c := j + 1
			shown := len(v.Text)
			switch t.Columns[j].Type {
			case String:
				s.str(DataSheet, c, r, v.Text)
				shown = utf8.RuneCountInString(v.Text)
			case Number, Integer:
				text := numberText(v.Text)
				decimals, ok := spreadsheetNumber(text)
				if !ok {
					s.str(DataSheet, c, r, text)
					textNumbers[t.Columns[j].Name]++
					break
				}
				if t.Columns[j].Type == Number {
					decimals = max(decimals, v.Decimals)
				}
				s.raw(DataSheet, c, r, text, s.number(decimals))
				shown = len(strings.Split(text, ".")[0]) + 1 + decimals
			case Boolean:
				cell, _ := excelize.CoordinatesToCellName(c, r)
				s.check(f.SetCellBool(DataSheet, cell, v.Text == "true"))
			case Date:
				day, _ := time.Parse(time.DateOnly, v.Text)
				if serial, ok := serialDay(day); ok {
					s.raw(DataSheet, c, r, strconv.Itoa(serial), s.date)
				} else {
					s.str(DataSheet, c, r, v.Text)
				}
			}
			widths[j] = max(widths[j], min(shown, 60))
		}
	}
	for j, width := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		s.check(f.SetColWidth(DataSheet, col, col, float64(min(max(width, 8), 60)+1)))
	}
	s.check(f.SetPanes(DataSheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}))
	end, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
	s.check(f.AutoFilter(DataSheet, "A1:"+end, nil))
	// The sheet's real extent: readers that trust <dimension> (openpyxl
	// in read-only mode) read no further.
	s.check(f.SetSheetDimension(DataSheet, "A1:"+end))

	s.dictionary(t, m, textNumbers)

	id, url := m.licence()
	date := m.published().Format(time.RFC3339)
	s.check(f.SetDocProps(&excelize.DocProperties{
		Title:          firstOf(t.Title, m.Title),
		Subject:        m.Title,
		Creator:        m.Publisher,
		LastModifiedBy: m.Publisher,
		Description:    strings.TrimSpace(m.Source + " " + id + " " + url),
		Language:       "id-ID",
		Created:        date,
		Modified:       date,
	}))
	s.check(f.SetAppProps(&excelize.AppProperties{Application: "kinerja", Company: m.Publisher}))
	f.SetActiveSheet(0)
}

// dictionary fills the "Kamus data" sheet.
func (s *xlsxWriter) dictionary(t *Table, m Meta, textNumbers map[string]int) {
	const sh = DictionarySheet
	r := 1
	for j, h := range []string{"Kolom", "Judul", "Tipe", "Satuan", "Keterangan"} {
		s.str(sh, j+1, r, h)
	}
	s.check(s.f.SetCellStyle(sh, "A1", "E1", s.bold))
	for _, c := range t.Columns {
		r++
		s.str(sh, 1, r, c.Name)
		s.str(sh, 2, r, c.Title)
		s.str(sh, 3, r, typeLabel[c.Type])
		s.str(sh, 4, r, c.Unit)
		desc := c.Description
		if n := textNumbers[c.Name]; n > 0 {
			desc = strings.TrimSpace(desc + fmt.Sprintf(" %d nilai di kolom ini ditulis sebagai teks karena lebih dari 15 digit.", n))
		}
		s.str(sh, 5, r, desc)
	}
	r++
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
		if kv[1] == "" {
			continue
		}
		r++
		s.str(sh, 1, r, kv[0])
		s.str(sh, 2, r, kv[1])
		cell, _ := excelize.CoordinatesToCellName(1, r)
		s.check(s.f.SetCellStyle(sh, cell, cell, s.bold))
	}
	s.check(s.f.SetSheetDimension(sh, fmt.Sprintf("A1:E%d", r)))
	s.check(s.f.SetColWidth(sh, "A", "A", 22))
	s.check(s.f.SetColWidth(sh, "B", "B", 40))
	s.check(s.f.SetColWidth(sh, "C", "D", 16))
	s.check(s.f.SetColWidth(sh, "E", "E", 80))
	s.check(s.f.SetColStyle(sh, "A:E", s.wrap))
}

var typeLabel = map[Type]string{
	String:  "teks (string)",
	Number:  "angka (number)",
	Integer: "bilangan bulat (integer)",
	Boolean: "benar/salah (boolean)",
	Date:    "tanggal (date)",
}

// str writes a text cell: a shared string, never a formula.
func (s *xlsxWriter) str(sheet string, col, row int, text string) {
	if text == "" {
		return
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	s.check(err)
	s.check(s.f.SetCellStr(sheet, cell, text))
}

// raw writes a numeric cell holding exactly text (digits, never a
// float64), in a style.
func (s *xlsxWriter) raw(sheet string, col, row int, text string, style int) {
	cell, err := excelize.CoordinatesToCellName(col, row)
	s.check(err)
	s.check(s.f.SetCellDefault(sheet, cell, text)) // a numeric text is stored as written
	s.check(s.f.SetCellStyle(sheet, cell, cell, style))
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
