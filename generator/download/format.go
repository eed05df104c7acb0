package download

import (
	"context"
	"fmt"
	"io"
)

// Format is a kind of download file.
type Format string

const (
	CSV      Format = "csv"       // WriteCSV: for machines
	ExcelCSV Format = "excel-csv" // WriteExcelCSV: for Excel set to Indonesian
	XLSX     Format = "xlsx"      // WriteXLSX
	JSON     Format = "json"      // WriteJSON
	Zip      Format = "zip"       // a zip made elsewhere (a release bundle); not a table format
	SQLite   Format = "sqlite"    // WriteSQLite: every table in one database; not a table format
)

// TableFormats are the formats every table is published in, in the order
// a page lists them.
var TableFormats = []Format{CSV, ExcelCSV, XLSX, JSON}

type formatInfo struct {
	suffix    string // after the table name
	mediaType string // IANA
	euType    string // EU file type authority code, for DCAT-AP
	encoding  string // of text formats
}

var formats = map[Format]formatInfo{
	CSV:      {".csv", "text/csv", "CSV", "utf-8"},
	ExcelCSV: {"-excel.csv", "text/csv", "CSV", "utf-8"},
	XLSX:     {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", ""},
	JSON:     {".json", "application/json", "JSON", "utf-8"},
	Zip:      {".zip", "application/zip", "ZIP", ""},
	SQLite:   {".sqlite", "application/vnd.sqlite3", "", ""}, // the EU file types name no SQLite database
}

func (f Format) info() (formatInfo, error) {
	i, ok := formats[f]
	if !ok {
		return formatInfo{}, fmt.Errorf("download: unknown format %q", f)
	}
	return i, nil
}

// File returns the file name of a table named name in f:
// "iku-x.csv", "iku-x-excel.csv", "iku-x.xlsx", "iku-x.json".
func (f Format) File(name string) string { return name + formats[f].suffix }

// MediaType returns f's IANA media type ("text/csv").
func (f Format) MediaType() string { return formats[f].mediaType }

// Write writes t in f with the writer of that format; m is used by the
// formats that carry meta data (XLSX, JSON).
func (f Format) Write(w io.Writer, t *Table, m Meta) error {
	return f.write(context.Background(), w, t, m)
}

// write is Write stopping when ctx ends (the XLSX, which takes long).
func (f Format) write(ctx context.Context, w io.Writer, t *Table, m Meta) error {
	switch f {
	case CSV:
		return WriteCSV(w, t)
	case ExcelCSV:
		return WriteExcelCSV(w, t)
	case XLSX:
		return writeXLSX(ctx, w, t, m)
	case JSON:
		return WriteJSON(w, t, m)
	}
	return fmt.Errorf("download: %q is not a table format", f)
}
