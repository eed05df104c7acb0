package bundle

import (
	"bytes"
	"strings"
)

// Neutralising cells for spreadsheets (CSV injection). A cell whose text
// starts with =, +, -, @, a tab or a carriage return, and is not a plain
// number, is written with a single quote in front, so that Excel and
// LibreOffice show it as text instead of running it as a formula. So that
// the reader can undo exactly that, a cell that starts with a quote
// followed by text that would itself need the quote gets one more quote.

// Neutralise returns text as written to a CSV cell. Every CSV this program
// writes (the bundle and the downloads) uses it, so that there is one rule
// to document and to undo.
func Neutralise(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// Restore undoes Neutralise: Restore(Neutralise(s)) == s for every s.
func Restore(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

func needsQuote(s string) bool {
	for len(s) > 0 {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return !PlainNumber(s)
		case '\'':
			s = s[1:] // a quote in front of text that needs one needs one more
			continue
		}
		return false
	}
	return false
}

// PlainNumber reports whether s is an optional sign, digits and an optional
// fraction ("-12", "+0.5", "-.5"): a number a spreadsheet reads as a number,
// never as a formula.
func PlainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" && frac == "" || dot && frac == "" {
		return false
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

// csvWriter writes RFC 4180 CSV with "\n" line ends. A cell is quoted when
// it holds a comma, a double quote, a line break, starts or ends with a
// space, or starts with a byte order mark (which a reader would skip at
// the start of a file); a row of one empty cell is written as "".
type csvWriter struct {
	buf bytes.Buffer
}

func (w *csvWriter) row(cells ...string) {
	if len(cells) == 1 && cells[0] == "" {
		w.buf.WriteString("\"\"\n") // a bare "\n" would be an empty line, which readers skip
		return
	}
	for i, c := range cells {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.cell(c)
	}
	w.buf.WriteByte('\n')
}

// header writes the header row as is (column names are never neutralised).
func (w *csvWriter) header(cols []string) {
	w.buf.WriteString(strings.Join(cols, ","))
	w.buf.WriteByte('\n')
}

func (w *csvWriter) cell(s string) {
	s = Neutralise(s)
	if !strings.ContainsAny(s, ",\"\r\n") && (s == "" || s[0] != ' ' && s[len(s)-1] != ' ' && !strings.HasPrefix(s, bom)) {
		w.buf.WriteString(s)
		return
	}
	w.buf.WriteByte('"')
	w.buf.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.buf.WriteByte('"')
}

// bom is the UTF-8 byte order mark that Excel puts in front of a CSV.
const bom = "\uFEFF"

// csvError is a syntax error in a CSV file, at a line.
type csvError struct {
	line int
	msg  string
}

func (e *csvError) Error() string { return e.msg }

// parseCSV reads RFC 4180 CSV: cells separated by commas, records ended by
// "\n" or "\r\n", cells in double quotes when they hold commas, quotes
// ("" inside) or line breaks, which are kept exactly (a "\r\n" inside a
// quoted cell stays "\r\n"). A UTF-8 byte order mark (as Excel writes) is
// skipped, and so are empty lines. each gets the line a record starts on
// and its raw cells (not yet restored); the slice is reused. parseCSV
// returns a *csvError for bad syntax, or the first error of each.
func parseCSV(data []byte, each func(line int, cells []string) error) error {
	data = bytes.TrimPrefix(data, []byte(bom))
	var cells []string
	var quoted strings.Builder
	line, i, n := 1, 0, len(data)
	for i < n {
		if data[i] == '\n' {
			i, line = i+1, line+1
			continue
		}
		if data[i] == '\r' && i+1 < n && data[i+1] == '\n' {
			i, line = i+2, line+1
			continue
		}
		start := line
		cells = cells[:0]
		for {
			if i < n && data[i] == '"' {
				quoted.Reset()
				i++
				for {
					if i >= n {
						return &csvError{start, "a quoted cell is never closed: end it with a double quote, and write a double quote inside a cell as two"}
					}
					c := data[i]
					if c == '"' {
						if i+1 < n && data[i+1] == '"' {
							quoted.WriteByte('"')
							i += 2
							continue
						}
						i++
						break
					}
					if c == '\n' {
						line++
					}
					quoted.WriteByte(c)
					i++
				}
				cells = append(cells, quoted.String())
				if i < n && data[i] != ',' && data[i] != '\n' && !(data[i] == '\r' && i+1 < n && data[i+1] == '\n') {
					return &csvError{line, "a quoted cell is followed by more text: put the whole cell in double quotes, and write a double quote inside it as two"}
				}
			} else {
				j := i
				for j < n && data[j] != ',' && data[j] != '\n' && !(data[j] == '\r' && j+1 < n && data[j+1] == '\n') {
					if data[j] == '"' {
						return &csvError{line, "a cell that is not in double quotes holds a double quote: put the whole cell in double quotes and write the quote inside it as two"}
					}
					j++
				}
				cells = append(cells, string(data[i:j]))
				i = j
			}
			if i < n && data[i] == ',' {
				i++
				continue
			}
			break
		}
		switch {
		case i >= n:
		case data[i] == '\n':
			i, line = i+1, line+1
		default: // "\r\n"
			i, line = i+2, line+1
		}
		if err := each(start, cells); err != nil {
			return err
		}
	}
	return nil
}
