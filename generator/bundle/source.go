package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// releaseManifest is the file a release adds to its bundle (package
// release, ManifestFile).
const releaseManifest = "manifest.json"

// Source is an iku.Source that reads a bundle from a file system: a
// folder (os.DirFS), a zip, or the embedded demo.
type Source struct {
	fsys     fs.FS
	name     string // names the bundle in messages: a path, or "the embedded demo bundle"
	describe string
}

var _ iku.Source = (*Source)(nil)

// Open returns a Source reading the bundle at the root of fsys; name
// names it in messages ("./rilis-2026-q3"). Nothing is read until Load.
func Open(fsys fs.FS, name string) *Source {
	return &Source{fsys: fsys, name: name, describe: "bundle " + name}
}

// OpenPath opens a bundle folder, or a .zip of one (with the files at the
// top of the zip or in a single folder inside it). A zip is checked first
// (see openZip): one that is too large, expands too far or holds paths
// outside the bundle is refused with an iku.Invalid error.
func OpenPath(p string) (*Source, error) {
	info, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, iku.Wrap(err, iku.NotFound, "the bundle %q does not exist: give the path of a bundle folder or .zip file", p)
	}
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read the bundle %q: check the path and its permissions", p)
	}
	if info.IsDir() {
		return Open(os.DirFS(p), p), nil
	}
	if !strings.EqualFold(path.Ext(p), ".zip") {
		return nil, iku.Errorf(iku.Invalid, "the bundle %q is neither a folder nor a .zip file: give a bundle folder or its .zip", p)
	}
	zr, err := openZip(p, info.Size())
	if err != nil {
		return nil, err
	}
	var fsys fs.FS = zr
	if _, err := fs.Stat(zr, tables[0].file()); err != nil {
		// A zip of the folder: the files sit in its one top-level folder.
		if entries, err := fs.ReadDir(zr, "."); err == nil && len(entries) == 1 && entries[0].IsDir() {
			if sub, err := fs.Sub(zr, entries[0].Name()); err == nil {
				fsys = sub
			}
		}
	}
	return Open(fsys, p), nil
}

// Describe names the source for humans: "bundle ./rilis-2026-q3".
func (s *Source) Describe() string { return s.describe }

// Load reads and checks every table: each file must exist, its header must
// name exactly the columns of bundle/doc.go in order, and every cell must
// parse. Any problem is an iku.Invalid error naming the file, line and
// column, and what to do.
func (s *Source) Load(ctx context.Context) (*iku.Dataset, error) {
	ds := &iku.Dataset{}
	// The descriptor is not needed for reading; when present it says
	// whether the data is fictitious and whether its ratings are a table
	// kinerja published. So does a release's manifest next to the bundle
	// (a release folder or its zip, also one frozen before the mark).
	if _, err := fs.Stat(s.fsys, releaseManifest); err == nil {
		ds.RatingsPublished = true
	}
	if b, err := fs.ReadFile(s.fsys, DataPackageFile); err == nil {
		var pkg struct {
			Fictitious       bool `json:"fictitious"`
			RatingsPublished bool `json:"ratings_published"`
		}
		if err := json.Unmarshal(b, &pkg); err != nil {
			return nil, iku.Errorf(iku.Invalid, "%s in %s is not valid JSON (%v): download the bundle again, or delete the file (it is not needed to read the tables)", DataPackageFile, s.name, err)
		}
		ds.Fictitious = pkg.Fictitious
		ds.RatingsPublished = ds.RatingsPublished || pkg.RatingsPublished
	}
	for _, t := range tables {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := s.readTable(ctx, t, ds); err != nil {
			return nil, err
		}
	}
	// Units in slug order, as the PostgreSQL source gives them.
	slices.SortFunc(ds.Units, func(a, b iku.ServiceUnit) int { return strings.Compare(a.Slug, b.Slug) })
	return ds, nil
}

func (s *Source) readTable(ctx context.Context, t *table, ds *iku.Dataset) error {
	data, err := fs.ReadFile(s.fsys, t.file())
	if errors.Is(err, fs.ErrNotExist) && t.optional {
		return nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return iku.Wrap(err, iku.Invalid, "%s is missing from %s: a bundle holds %s; write or download the bundle again", t.file(), s.name, fileList())
	}
	if err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot read %s in %s: check the file and its permissions", t.file(), s.name)
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return iku.Errorf(iku.Invalid, "%s in %s is UTF-16 (Excel's \"Unicode Text\"): save it as \"CSV UTF-8\" instead", t.file(), s.name)
	}
	c := &cursor{file: t.file(), bundle: s.name, fields: t.fields}
	header := true
	rows := 0
	width := len(t.fields) // the header's columns: an older bundle lacks trailing optional ones
	err = parseCSV(data, func(line int, cells []string) error {
		if header {
			header = false
			width = len(cells)
			return s.checkHeader(t, cells)
		}
		if rows++; rows%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(cells) != width {
			return iku.Errorf(iku.Invalid, "%s in %s, line %d, has %d cells where the header has %d: put any cell that holds a comma in double quotes",
				t.file(), s.name, line, len(cells), width)
		}
		for len(cells) < len(t.fields) {
			cells = append(cells, "") // a trailing optional column the bundle lacks
		}
		c.line, c.cells = line, cells
		for i, f := range t.fields {
			if f.required && cells[i] == "" {
				c.fail(i, "is empty: every row needs a value here")
			}
			// Text a page cannot show, in any table (iku.CheckText).
			if te := iku.CheckText(c.text(i), iku.LongColumn(t.name, f.name)); te != nil {
				fix := "remove it"
				if te.Encoding {
					fix = `save the file as UTF-8 (Excel: "CSV UTF-8"; LibreOffice: character set "Unicode (UTF-8)")`
				}
				c.fail(i, te.Problem()+": "+fix)
			}
		}
		t.read(c, ds)
		return c.err
	})
	var syntax *csvError
	if errors.As(err, &syntax) {
		return iku.Errorf(iku.Invalid, "%s in %s, line %d: %s", t.file(), s.name, syntax.line, syntax.msg)
	}
	if err != nil {
		return err
	}
	if header {
		return iku.Errorf(iku.Invalid, "%s in %s is empty: it needs at least the header row %s", t.file(), s.name, strings.Join(t.columns(), ","))
	}
	return nil
}

// checkHeader requires exactly the table's columns, in order; trailing
// optional columns (added after the bundle was written) may be missing.
func (s *Source) checkHeader(t *table, got []string) error {
	want := t.columns()
	fix := "the header must read " + strings.Join(want, ",")
	for len(want) > len(got) && t.fields[len(want)-1].optional {
		want = want[:len(want)-1]
	}
	for i, name := range got {
		if slices.Index(got, name) != i {
			return iku.Errorf(iku.Invalid, "%s in %s has the column %q twice: %s", t.file(), s.name, name, fix)
		}
	}
	for _, name := range got {
		if !slices.Contains(want, name) {
			return iku.Errorf(iku.Invalid, "%s in %s has an unexpected column %q: %s", t.file(), s.name, name, fix)
		}
	}
	for _, name := range want {
		if !slices.Contains(got, name) {
			return iku.Errorf(iku.Invalid, "%s in %s has no column %q: %s", t.file(), s.name, name, fix)
		}
	}
	for i := range want {
		if got[i] != want[i] {
			return iku.Errorf(iku.Invalid, "%s in %s has the column %q where %q belongs: %s", t.file(), s.name, got[i], want[i], fix)
		}
	}
	return nil
}

func fileList() string {
	var names, optional []string
	for _, t := range tables {
		if t.optional {
			optional = append(optional, t.file())
		} else {
			names = append(names, t.file())
		}
	}
	s := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	if len(optional) > 0 {
		s += " (and optionally " + strings.Join(optional, ", ") + ")"
	}
	return s
}

// cursor parses the cells of one row; the first problem sticks in err.
type cursor struct {
	file, bundle string
	fields       []field
	line         int
	cells        []string
	err          error
}

// fail records a problem with cell i: problem completes the sentence
// `… column "x": <problem>`.
func (c *cursor) fail(i int, problem string) {
	if c.err == nil {
		c.err = iku.Errorf(iku.Invalid, "%s in %s, line %d, column %q: %s", c.file, c.bundle, c.line, c.fields[i].name, problem)
	}
}

func (c *cursor) text(i int) string { return Restore(c.cells[i]) }

func (c *cursor) decimal(i int) iku.Decimal {
	if d := c.optDecimal(i); d != nil {
		return *d
	}
	c.fail(i, "is empty: write a number such as 12.50")
	return iku.Decimal{}
}

func (c *cursor) optDecimal(i int) *iku.Decimal {
	s := c.text(i)
	if s == "" {
		return nil
	}
	d, err := iku.ParseDecimal(s)
	if err != nil {
		c.fail(i, fmt.Sprintf("%q is not a decimal number: write it with a point and no thousands separator, such as 1250.50", s))
		return nil
	}
	return &d
}

func (c *cursor) integer(i, lo, hi int) int {
	s := c.text(i)
	n, err := strconv.Atoi(s)
	if err != nil || strings.HasPrefix(s, "+") {
		c.fail(i, fmt.Sprintf("%q is not a whole number: write digits only, from %d to %d", s, lo, hi))
		return 0
	}
	if n < lo || n > hi {
		c.fail(i, fmt.Sprintf("%d is out of range: write a number from %d to %d", n, lo, hi))
		return 0
	}
	return n
}

func (c *cursor) year(i int) int { return c.integer(i, 1900, 9999) }

func (c *cursor) quarter(i int) iku.Quarter {
	if q := c.optQuarter(i); q != nil {
		return *q
	}
	c.fail(i, "is empty: write a quarter such as 2021-Q1")
	return iku.Quarter{}
}

func (c *cursor) optQuarter(i int) *iku.Quarter {
	s := c.text(i)
	if s == "" {
		return nil
	}
	q, err := iku.ParseQuarter(s)
	if err != nil {
		c.fail(i, fmt.Sprintf("%q is not a quarter: write it as 2026-Q3", s))
		return nil
	}
	return &q
}

func (c *cursor) boolean(i int) bool {
	switch s := c.text(i); s {
	case "true":
		return true
	case "false":
		return false
	default:
		c.fail(i, fmt.Sprintf("%q is not a boolean: write true or false", s))
		return false
	}
}

// kind reads an agency's kind as its code (iku.NormaliseKind): the kind
// becomes part of a comparison's address, so it is never free text.
func (c *cursor) kind(i int) string {
	s := c.text(i)
	code, ok := iku.NormaliseKind(s)
	if !ok {
		c.fail(i, fmt.Sprintf("%q is not a kind of agency: write %s", s, iku.KindList()))
	}
	return code
}

func (c *cursor) oneOf(i int, what string, values ...string) string {
	s := c.text(i)
	if !slices.Contains(values, s) {
		c.fail(i, fmt.Sprintf("%q is not a %s: write %s", s, what, orList(values)))
	}
	return s
}

func orList(values []string) string {
	if len(values) == 1 {
		return values[0]
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}
