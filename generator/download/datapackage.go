package download

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"time"
)

// Resource is one published file, for the data package and the DCAT
// catalogue: they compute its size, hash and media type from it, so that
// they always describe the bytes as published.
type Resource struct {
	Path   string // relative to the download folder, forward slashes: "iku/waktu-tunggu.csv"
	Format Format // the format Data is in
	Data   []byte
	// Table is the table Data holds, if any: it gives the resource's title
	// and, for CSV and Excel CSV, its Table Schema.
	Table *Table
	Title string // when there is no Table: "Bundel rilis 2026-Q3"
	// Size and Hash (hex SHA-256) stand for Data when Data is nil, so that
	// a large build need not keep every file in memory.
	Size int
	Hash string
	// SchemaPath, when set, names a Table Schema file (relative to the
	// download folder) that the resource refers to instead of carrying
	// its schema inline: one schema for thousands of files.
	SchemaPath string
}

func (r Resource) size() int {
	if r.Data == nil {
		return r.Size
	}
	return len(r.Data)
}

func (r Resource) hash() string {
	if r.Data == nil {
		return r.Hash
	}
	return SHA256(r.Data)
}

func (r Resource) title() string {
	if r.Table != nil {
		return firstOf(r.Table.Title, r.Table.Name)
	}
	return r.Title
}

// The Frictionless Data Package descriptor (https://specs.frictionlessdata.io/
// data-package/), field by field in a fixed order.
type (
	dpPackage struct {
		Profile      string       `json:"profile"`
		Name         string       `json:"name"`
		Title        string       `json:"title"`
		Created      string       `json:"created"`
		Licenses     []dpLicense  `json:"licenses"`
		Sources      []dpSource   `json:"sources,omitempty"`
		Contributors []dpPerson   `json:"contributors,omitempty"`
		Citation     string       `json:"citation,omitempty"` // not in the spec; kept by readers as a custom property
		Resources    []dpResource `json:"resources"`
	}
	dpLicense struct {
		Name  string `json:"name"`
		Path  string `json:"path,omitempty"`
		Title string `json:"title,omitempty"`
	}
	dpSource struct {
		Title string `json:"title"`
	}
	dpPerson struct {
		Title string `json:"title"`
		Role  string `json:"role"`
	}
	dpResource struct {
		Name      string     `json:"name"`
		Path      string     `json:"path"`
		Profile   string     `json:"profile"`
		Title     string     `json:"title,omitempty"`
		Format    string     `json:"format"`
		Mediatype string     `json:"mediatype"`
		Encoding  string     `json:"encoding,omitempty"`
		Bytes     int        `json:"bytes"`
		Hash      string     `json:"hash"`
		Dialect   *dpDialect `json:"dialect,omitempty"`
		Schema    any        `json:"schema,omitempty"` // *dpSchema, or the path of a schema file
	}
	dpDialect struct {
		Delimiter      string `json:"delimiter"`
		LineTerminator string `json:"lineTerminator"`
		QuoteChar      string `json:"quoteChar"`
		DoubleQuote    bool   `json:"doubleQuote"`
		Header         bool   `json:"header"`
	}
	dpSchema struct {
		Fields        []dpField `json:"fields"`
		MissingValues []string  `json:"missingValues"`
	}
	dpField struct {
		Name        string `json:"name"`
		Title       string `json:"title,omitempty"`
		Type        string `json:"type"`
		Description string `json:"description,omitempty"`
		Unit        string `json:"unit,omitempty"` // custom property: the unit of the values
		DecimalChar string `json:"decimalChar,omitempty"`
	}
)

var packageName = regexp.MustCompile(`^[a-z0-9._-]+$`)

// DataPackage returns the datapackage.json describing resources as a
// Frictionless Data Package: each resource's path, format, media type,
// encoding, size in bytes and SHA-256 ("sha256:<hex>"), and for CSV and
// Excel CSV resources a Table Schema (each field's type, title,
// description, and unit as the custom property "unit"; decimalChar ","
// for the Excel CSV's numbers), with the licence of m (CC BY 4.0 unless m
// names another), its source, publisher and citation. name is the
// package's name (lowercase letters, digits, '.', '_', '-').
func DataPackage(name, title string, m Meta, resources []Resource) ([]byte, error) {
	if !packageName.MatchString(name) {
		return nil, fmt.Errorf("download: data package name %q: use lowercase letters, digits, '.', '_' and '-'", name)
	}
	id, url := m.licence()
	p := dpPackage{
		Profile:  "data-package",
		Name:     name,
		Title:    title,
		Created:  m.published().Format(time.RFC3339),
		Licenses: []dpLicense{{Name: id, Path: url, Title: licenceTitle(id)}},
		Citation: m.Citation,
	}
	if m.Source != "" {
		p.Sources = []dpSource{{Title: m.Source}}
	}
	if m.Publisher != "" {
		p.Contributors = []dpPerson{{Title: m.Publisher, Role: "publisher"}}
	}
	seen := map[string]bool{}
	for _, r := range resources {
		if err := checkPath(r.Path); err != nil {
			return nil, err
		}
		if seen[r.Path] {
			return nil, fmt.Errorf("download: the data package lists %q twice", r.Path)
		}
		seen[r.Path] = true
		info, err := r.Format.info()
		if err != nil {
			return nil, err
		}
		res := dpResource{
			Name:      r.Path, // unique, and made of the characters a resource name allows
			Path:      r.Path,
			Profile:   "data-resource",
			Title:     r.title(),
			Format:    formatName(r.Format),
			Mediatype: info.mediaType,
			Encoding:  info.encoding,
			Bytes:     r.size(),
			Hash:      "sha256:" + r.hash(),
		}
		if r.Table != nil && (r.Format == CSV || r.Format == ExcelCSV) {
			if err := r.Table.check(); err != nil {
				return nil, err
			}
			res.Profile = "tabular-data-resource"
			d := machineCSV
			if r.Format == ExcelCSV {
				d = excelCSV
			}
			res.Dialect = &dpDialect{Delimiter: string(d.sep), LineTerminator: d.eol, QuoteChar: `"`, DoubleQuote: true, Header: true}
			if r.SchemaPath != "" {
				res.Schema = r.SchemaPath
			} else {
				res.Schema = tableSchema(r.Table, d)
			}
		}
		p.Resources = append(p.Resources, res)
	}
	return marshalIndent(p)
}

func tableSchema(t *Table, d csvDialect) *dpSchema {
	s := &dpSchema{MissingValues: []string{""}}
	for _, c := range t.Columns {
		f := dpField{Name: c.Name, Title: c.Title, Type: string(c.Type), Description: c.Description, Unit: c.Unit}
		if c.Type == Number && d.decimalComma {
			f.DecimalChar = ","
		}
		s.Fields = append(s.Fields, f)
	}
	return s
}

// TableSchema is the Frictionless Table Schema of t's columns as written
// in format f (CSV or ExcelCSV: the Excel CSV's numbers have a decimal
// comma), for a schema file that many resources refer to (SchemaPath).
func TableSchema(t *Table, f Format) ([]byte, error) {
	d := machineCSV
	if f == ExcelCSV {
		d = excelCSV
	}
	return marshalIndent(tableSchema(t, d))
}

// formatName is the resource's "format": the file's extension.
func formatName(f Format) string {
	if f == ExcelCSV {
		return "csv"
	}
	return string(f)
}

func licenceTitle(id string) string {
	if id == LicenceCCBY4 {
		return "Creative Commons Attribution 4.0 International"
	}
	return ""
}

// marshalIndent is JSON for files: two-space indent, a final newline, and
// <, > and & escaped (\u003c…) as in every JSON file here, so that no
// text can close a script element should a page ever inline one.
func marshalIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("download: encoding JSON: %w", err)
	}
	return buf.Bytes(), nil
}
