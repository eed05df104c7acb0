package bundle

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// DataPackageFile is the name of the bundle's Frictionless descriptor.
const DataPackageFile = "datapackage.json"

// Files lists the files of a bundle in the order Write writes them: the
// six CSV tables, then datapackage.json.
func Files() []string {
	names := make([]string, 0, len(tables)+1)
	for _, t := range tables {
		names = append(names, t.file())
	}
	return append(names, DataPackageFile)
}

// Write writes ds as a bundle into dir (created when missing): the six CSV
// files of bundle/doc.go and datapackage.json. The same dataset always
// gives the same bytes. Files of the same names are replaced; other files
// in dir are left alone.
func Write(dir string, ds *iku.Dataset) error {
	files, err := Encode(ds)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot create the bundle folder %q: check the path and its permissions", dir)
	}
	for _, name := range Files() {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot write %s into the bundle folder %q: check that the folder is writable and the disk not full", name, dir)
		}
	}
	return nil
}

// Encode returns the bytes of every file of the bundle of ds, by name (see
// Files), for callers that write somewhere other than a folder (a zip, an
// HTTP response).
func Encode(ds *iku.Dataset) (map[string][]byte, error) {
	files := make(map[string][]byte, len(tables)+1)
	for _, t := range tables {
		var w csvWriter
		w.header(t.columns())
		t.write(&w, ds)
		files[t.file()] = w.buf.Bytes()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // a data descriptor, never inlined in HTML
	enc.SetIndent("", "  ")
	pkg := dataPackage(ds.Fictitious)
	pkg.RatingsPublished = ds.RatingsPublished && len(ds.Ratings) > 0
	if err := enc.Encode(pkg); err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot encode %s", DataPackageFile)
	}
	files[DataPackageFile] = buf.Bytes()
	return files, nil
}

// The Frictionless Data Package (https://specs.frictionlessdata.io/),
// written field by field in a fixed order.
type (
	pkgDescriptor struct {
		Profile      string       `json:"profile"`
		Name         string       `json:"name"`
		Title        string       `json:"title"`
		Description  string       `json:"description"`
		Licenses     []pkgLicense `json:"licenses"`
		Contributors []pkgPerson  `json:"contributors"`
		Keywords     []string     `json:"keywords"`
		// Fictitious (a property of our own) marks demo data, so that a
		// site rebuilt from the bundle still says the data is invented.
		Fictitious bool          `json:"fictitious,omitempty"`
		Resources  []pkgResource `json:"resources"`
		// RatingsPublished (ours too) marks a ratings table kinerja
		// published, suppressed already: read back, it is not suppressed
		// again, while a table with empty counts and no mark is refused.
		RatingsPublished bool `json:"ratings_published,omitempty"`
	}
	pkgLicense struct {
		Name  string `json:"name"`
		Path  string `json:"path"`
		Title string `json:"title"`
	}
	pkgPerson struct {
		Title string `json:"title"`
		Role  string `json:"role"`
	}
	pkgResource struct {
		Name        string     `json:"name"`
		Path        string     `json:"path"`
		Profile     string     `json:"profile"`
		Title       string     `json:"title"`
		Description string     `json:"description"`
		Format      string     `json:"format"`
		Mediatype   string     `json:"mediatype"`
		Encoding    string     `json:"encoding"`
		Dialect     pkgDialect `json:"dialect"`
		Schema      pkgSchema  `json:"schema"`
	}
	pkgDialect struct {
		Delimiter      string `json:"delimiter"`
		LineTerminator string `json:"lineTerminator"`
		QuoteChar      string `json:"quoteChar"`
		DoubleQuote    bool   `json:"doubleQuote"`
		Header         bool   `json:"header"`
	}
	pkgSchema struct {
		Fields        []pkgField      `json:"fields"`
		MissingValues []string        `json:"missingValues"`
		PrimaryKey    []string        `json:"primaryKey,omitempty"`
		ForeignKeys   []pkgForeignKey `json:"foreignKeys,omitempty"`
	}
	pkgField struct {
		Name        string          `json:"name"`
		Type        string          `json:"type"`
		Description string          `json:"description"`
		Unit        string          `json:"unit,omitempty"`
		TrueValues  []string        `json:"trueValues,omitempty"`
		FalseValues []string        `json:"falseValues,omitempty"`
		Constraints *pkgConstraints `json:"constraints,omitempty"`
	}
	pkgConstraints struct {
		Required bool     `json:"required,omitempty"`
		Enum     []string `json:"enum,omitempty"`
		Pattern  string   `json:"pattern,omitempty"`
		Minimum  *int     `json:"minimum,omitempty"`
		Maximum  *int     `json:"maximum,omitempty"`
	}
	pkgForeignKey struct {
		Fields    string       `json:"fields"`
		Reference pkgReference `json:"reference"`
	}
	pkgReference struct {
		Resource string `json:"resource"`
		Fields   string `json:"fields"`
	}
)

func dataPackage(fictitious bool) pkgDescriptor {
	p := pkgDescriptor{
		Profile: "tabular-data-package",
		Name:    "iku-kota-tanjungbalai",
		Title:   "Indikator Kinerja Utama (IKU) Perangkat Daerah Kota Tanjungbalai",
		Description: "Targets and quarterly results of the key performance indicators (IKU) of the agencies of Kota Tanjungbalai, North Sumatra, " +
			"with each indicator's definition, formula, unit, source and limitations. " +
			"Licence CC BY 4.0: credit \"Pemerintah Kota Tanjungbalai\" and the agency named in each indicator. " +
			"Empty cells are missing values (NULL). A cell that starts with =, +, -, @, a tab or a carriage return and is not a plain number " +
			"starts with an extra single quote (') so that spreadsheets show it as text; remove that one quote to get the value.",
		Licenses: []pkgLicense{{Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/",
			Title: "Creative Commons Attribution 4.0 International"}},
		Contributors: []pkgPerson{{Title: "Pemerintah Kota Tanjungbalai", Role: "publisher"}},
		Keywords:     []string{"indikator kinerja utama", "IKU", "kinerja", "Kota Tanjungbalai", "Sumatera Utara", "open data"},
		Fictitious:   fictitious,
	}
	if fictitious {
		p.Title += " (data contoh fiktif)"
		p.Description = "FICTITIOUS DEMO DATA, not official figures. " + p.Description
	}
	for _, t := range tables {
		r := pkgResource{
			Name: t.name, Path: t.file(), Profile: "tabular-data-resource",
			Title: t.title, Description: t.desc,
			Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Dialect: pkgDialect{Delimiter: ",", LineTerminator: "\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
			Schema:  pkgSchema{MissingValues: []string{""}, PrimaryKey: t.primaryKey},
		}
		for _, f := range t.fields {
			pf := pkgField{Name: f.name, Type: f.typ, Description: f.desc, Unit: f.unit}
			if f.typ == "boolean" {
				pf.TrueValues, pf.FalseValues = []string{"true"}, []string{"false"}
			}
			c := pkgConstraints{Required: f.required, Enum: f.enum, Pattern: f.pattern}
			if f.max > 0 {
				c.Minimum, c.Maximum = &f.min, &f.max
			}
			if c.Required || c.Enum != nil || c.Pattern != "" || c.Maximum != nil {
				pf.Constraints = &c
			}
			r.Schema.Fields = append(r.Schema.Fields, pf)
		}
		for _, fk := range t.foreignKeys {
			r.Schema.ForeignKeys = append(r.Schema.ForeignKeys, pkgForeignKey{Fields: fk.field,
				Reference: pkgReference{Resource: fk.resource, Fields: fk.refField}})
		}
		p.Resources = append(p.Resources, r)
	}
	return p
}
