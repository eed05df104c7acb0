package download

import (
	"bufio"
	"io"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// csvDialect is what differs between the CSV for machines and the CSV for
// Indonesian Excel.
type csvDialect struct {
	bom          bool
	sep          byte
	eol          string
	decimalComma bool
}

var (
	machineCSV = csvDialect{sep: ',', eol: "\n"}
	excelCSV   = csvDialect{bom: true, sep: ';', eol: "\r\n", decimalComma: true}
)

// WriteCSV writes t as CSV for machines: UTF-8 without a byte order mark,
// comma separated, RFC 4180 quoting, "\n" line ends, one header row of the
// column names, numbers with a decimal point, ISO dates, true/false, and
// an empty cell for no value. Text that a spreadsheet would run as a
// formula is neutralised (bundle.Neutralise).
func WriteCSV(w io.Writer, t *Table) error { return writeCSV(w, t, machineCSV) }

// WriteExcelCSV writes t as CSV for Excel set to Indonesian: UTF-8 with a
// byte order mark (so that Excel reads UTF-8), semicolon separated,
// "\r\n" line ends, numbers with a decimal comma and no thousands
// separator ("-12,50"). Otherwise as WriteCSV.
func WriteExcelCSV(w io.Writer, t *Table) error { return writeCSV(w, t, excelCSV) }

func writeCSV(w io.Writer, t *Table, d csvDialect) error {
	if err := t.check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if d.bom {
		bw.WriteString("\uFEFF")
	}
	for i, c := range t.Columns {
		if i > 0 {
			bw.WriteByte(d.sep)
		}
		bw.WriteString(c.Name) // snake_case: never quoted, never neutralised
	}
	bw.WriteString(d.eol)
	var buf []Value
	for k := range t.len() {
		row := t.row(k, &buf)
		for i, v := range row {
			if i > 0 {
				bw.WriteByte(d.sep)
			}
			bw.WriteString(d.cell(t.Columns[i].Type, v))
		}
		if len(row) == 1 && isNull(row[0]) {
			bw.WriteString(`""`) // an empty line would be skipped by readers
		}
		bw.WriteString(d.eol)
	}
	return bw.Flush()
}

// cell returns v as written in the file, quoted when needed.
func (d csvDialect) cell(typ Type, v Value) string {
	if isNull(v) {
		return ""
	}
	switch typ {
	case Number:
		s := numberText(v.Text)
		if d.decimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case Integer, Boolean, Date:
		return v.Text
	}
	s := bundle.Neutralise(v.Text)
	if strings.ContainsAny(s, string(d.sep)+"\"\r\n") || s[0] == ' ' || s[len(s)-1] == ' ' || strings.HasPrefix(s, "\uFEFF") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
