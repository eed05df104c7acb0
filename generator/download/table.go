package download

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// Type is the type of a column, named as in the Frictionless Table Schema.
type Type string

const (
	String  Type = "string"  // any text
	Number  Type = "number"  // an exact decimal: "-12.50" (also "+1", ".5", as bundle.PlainNumber)
	Integer Type = "integer" // a whole number of at most 15 digits: "2026"
	Boolean Type = "boolean" // "true" or "false"
	Date    Type = "date"    // an ISO 8601 date: "2026-09-30"
)

// Column describes one column of a table.
type Column struct {
	Name        string // stable snake_case header: "target_high"
	Title       string // human title in Indonesian: "Target (batas atas)"
	Description string // one or two sentences for the data dictionary
	Type        Type
	Unit        string // optional: "menit", "%", "kunjungan"
}

// Value is one cell, as exact text: a number is its decimal text
// ("123456789012345678.123456789"), never a float64.
type Value struct {
	Text string
	Null bool // no value: an empty CSV cell, an empty spreadsheet cell, JSON null
	// Decimals is, for a number, how many digits after the point a
	// spreadsheet shows (the XLSX number format "0.00" for 2). The value's
	// own digits are always shown: "0.125" with Decimals 2 shows 0.125.
	// It is an int8 beside Null, so that a cell takes 24 bytes rather than
	// 32: the downloads of a large city hold millions of cells at once.
	Decimals int8
}

// Table is one downloadable table: one header row of column names, then
// rows of exactly one Value per column.
type Table struct {
	Name    string // file stem, lowercase letters, digits, '-', '_' and '.': "iku-dinkes-waktu-tunggu"
	Title   string
	Columns []Column
	Rows    [][]Value
	// n and gen, when gen is set, stand for Rows: gen appends row i (of
	// n) to dst. The tables of the downloads' rows (flatRow) are made a
	// row at a time as they are written, never held whole. Read rows with
	// row and count them with len, never Rows directly.
	n   int
	gen func(i int, dst []Value) []Value
}

// len is how many rows t has.
func (t *Table) len() int {
	if t.gen != nil {
		return t.n
	}
	return len(t.Rows)
}

// row is row i of t, whole: made in buf when t has gen.
func (t *Table) row(i int, buf *[]Value) []Value {
	if t.gen == nil {
		return t.Rows[i]
	}
	*buf = t.gen(i, (*buf)[:0])
	return *buf
}

// Meta is what every file says about where its data comes from.
type Meta struct {
	Title      string // of the dataset: "Indikator Kinerja Utama Kota Tanjungbalai"
	Source     string // "Pemerintah Kota Tanjungbalai, rilis 2026-Q3"
	Licence    string // SPDX identifier; empty means CC-BY-4.0
	LicenceURL string // empty means https://creativecommons.org/licenses/by/4.0/
	Publisher  string // "Dinas Komunikasi dan Informatika Kota Tanjungbalai"
	Citation   string // how to cite the data, in one sentence
	// ContactEmail is where questions about the data go (the catalogue's
	// contact point): "diskominfo@tanjungbalaikota.go.id".
	ContactEmail string
	Notes        []string
	// Published is when the data was published (the release's snapshot
	// time). Files record it instead of the time they are written, so that
	// the same data always gives the same bytes. Zero means 2000-01-01.
	Published time.Time
}

// The licence of the data unless Meta names another.
const (
	LicenceCCBY4    = "CC-BY-4.0"
	LicenceCCBY4URL = "https://creativecommons.org/licenses/by/4.0/"
)

func (m Meta) licence() (id, url string) {
	id, url = m.Licence, m.LicenceURL
	if id == "" {
		id = LicenceCCBY4
	}
	if url == "" && id == LicenceCCBY4 {
		url = LicenceCCBY4URL
	}
	return id, url
}

func (m Meta) published() time.Time {
	if m.Published.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return m.Published.UTC()
}

var (
	namePattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	columnPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// maxIntegerDigits keeps every integer exact in a spreadsheet and in a
// JSON reader that turns numbers into float64.
const maxIntegerDigits = 15

// check returns an error naming the first thing wrong with t: a bad name,
// a row of the wrong length, a value that is not of its column's type.
// Every writer checks before it writes anything.
func (t *Table) check() error {
	if !namePattern.MatchString(t.Name) {
		return fmt.Errorf("download: table name %q is not a file stem: use lowercase letters, digits, '-', '_' and '.'", t.Name)
	}
	if len(t.Columns) == 0 {
		return fmt.Errorf("download: table %q has no columns", t.Name)
	}
	seen := make(map[string]bool, len(t.Columns))
	for _, c := range t.Columns {
		if !columnPattern.MatchString(c.Name) {
			return fmt.Errorf("download: table %q: column name %q is not snake_case", t.Name, c.Name)
		}
		if seen[c.Name] {
			return fmt.Errorf("download: table %q has the column %q twice", t.Name, c.Name)
		}
		seen[c.Name] = true
		switch c.Type {
		case String, Number, Integer, Boolean, Date:
		default:
			return fmt.Errorf("download: table %q, column %q: unknown type %q", t.Name, c.Name, c.Type)
		}
	}
	var buf []Value
	for i := range t.len() {
		row := t.row(i, &buf)
		if len(row) != len(t.Columns) {
			return fmt.Errorf("download: table %q, row %d has %d values for %d columns", t.Name, i+1, len(row), len(t.Columns))
		}
		for j, v := range row {
			if err := checkValue(t.Columns[j].Type, v); err != nil {
				return fmt.Errorf("download: table %q, row %d, column %q: %w", t.Name, i+1, t.Columns[j].Name, err)
			}
		}
	}
	return nil
}

func checkValue(typ Type, v Value) error {
	if v.Null {
		if v.Text != "" {
			return fmt.Errorf("a null value has the text %q", v.Text)
		}
		return nil
	}
	if v.Decimals < 0 || v.Decimals > maxFormatDecimals {
		return fmt.Errorf("decimals %d is out of range 0 to %d", v.Decimals, maxFormatDecimals)
	}
	switch typ {
	case String:
		if !utf8.ValidString(v.Text) {
			return fmt.Errorf("the text %q is not valid UTF-8", v.Text)
		}
		if i := strings.IndexFunc(v.Text, badControl); i >= 0 {
			return fmt.Errorf("the text %q holds the control character %U, which spreadsheets and XML cannot hold", v.Text, []rune(v.Text[i:])[0])
		}
	case Number:
		if !bundle.PlainNumber(v.Text) {
			return fmt.Errorf("%q is not a decimal number such as -12.50", v.Text)
		}
	case Integer:
		digits := strings.TrimPrefix(v.Text, "-")
		if digits == "" || strings.Trim(digits, "0123456789") != "" || len(digits) > maxIntegerDigits || len(digits) > 1 && digits[0] == '0' {
			return fmt.Errorf("%q is not a whole number of at most %d digits without leading zeros", v.Text, maxIntegerDigits)
		}
	case Boolean:
		if v.Text != "true" && v.Text != "false" {
			return fmt.Errorf("%q is not a boolean: use true or false", v.Text)
		}
	case Date:
		if _, err := time.Parse(time.DateOnly, v.Text); err != nil {
			return fmt.Errorf("%q is not a date such as 2026-09-30", v.Text)
		}
	}
	return nil
}

// badControl reports the characters XML 1.0 (and so XLSX) cannot hold:
// C0 controls other than tab, line feed and carriage return.
func badControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}

// numberText is the text every file holds for a number that
// bundle.PlainNumber accepts: without a plus sign, with a 0 before a bare
// point ("-.5" is "-0.5"), and without the sign of a negative zero. The
// digits are the caller's, trailing zeros included.
func numberText(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	if strings.HasPrefix(s, ".") {
		s = "0" + s
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// isNull reports whether v is written as no value: null, or an empty text
// (a CSV cannot tell the two apart, so no format does).
func isNull(v Value) bool { return v.Null || v.Text == "" }
