package download

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite", in pure Go

	"github.com/tanjungbalai/kinerja/generator/display"
)

// SQLiteFile is the name of the database of every table, under Folder.
const SQLiteFile = "kinerja.sqlite"

// sqliteVersion names what WriteSQLite makes of the same tables: change
// it whenever the schema or the writer changes (a stored database is
// reused only when made by the same writer and library).
const sqliteVersion = "1"

// sqliteUserVersion is the schema's version, PRAGMA user_version, for
// programs that read the database: it changes only when a table, view or
// column is renamed or removed.
const sqliteUserVersion = 1

// sqliteLibrary is the version of the SQLite library, part of what makes
// the file ("" when the binary does not say).
var sqliteLibrary = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "modernc.org/sqlite" {
				if m.Replace != nil {
					m = m.Replace
				}
				return m.Version + " " + m.Sum
			}
		}
	}
	return ""
})

// sqlTable is one table of the database: its columns (as the downloads
// describe them), primary key, foreign keys and rows.
type sqlTable struct {
	name, about string
	columns     []Column
	key         []string          // primary key columns
	refs        map[string]string // column → "table(column)"
	rows        [][]Value
	// n and gen, when gen is set, stand for rows: gen appends row i (of
	// n) to dst. The largest tables are made a row at a time from the
	// downloads' rows, never copied whole.
	n   int
	gen func(i int, dst []Value) []Value
}

// len is how many rows t has.
func (t *sqlTable) len() int {
	if t.gen != nil {
		return t.n
	}
	return len(t.rows)
}

// row is row i of t, made in dst (when t has gen) or t's own.
func (t *sqlTable) row(i int, dst []Value) []Value {
	if t.gen != nil {
		return t.gen(i, dst[:0])
	}
	return t.rows[i]
}

// sqlView is one documented view: a table of the downloads as SQL.
type sqlView struct {
	name, about string
	file        string // the download it equals: "iku-semua.csv"
	columns     []Column
	exprs       []string // one SQL expression per column
	from        string   // FROM … WHERE … ORDER BY …
}

// database is the SQLite database of a build: the tables of the data
// (sectors, agencies, indicators, targets, periods, years, scores, a data
// dictionary and the data's metadata) and a view per download table.
type database struct {
	tables []sqlTable
	views  []sqlView
}

// sqlType is how a column is stored: numbers as their exact decimal text
// (as in every file here: SQLite's numbers are binary floating point),
// whole numbers and yes/no as INTEGER (1 or 0), the rest as TEXT.
func sqlType(t Type) string {
	switch t {
	case Integer, Boolean:
		return "INTEGER"
	}
	return "TEXT"
}

// schema is the SQL that creates the tables and views, documented with
// comments that SQLite keeps (sqlite_master.sql) and tools show.
func (db *database) schema() []string {
	var out []string
	for _, t := range db.tables {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE %s ( -- %s\n", t.name, oneLine(t.about))
		for i, c := range t.columns {
			fmt.Fprintf(&b, "  %s %s", c.Name, sqlType(c.Type))
			if ref, ok := t.refs[c.Name]; ok {
				fmt.Fprintf(&b, " REFERENCES %s", ref)
			}
			if i < len(t.columns)-1 || len(t.key) > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " -- %s\n", oneLine(cmpStr(c.Title+": "+c.Description, c.Title)))
		}
		if len(t.key) > 0 {
			fmt.Fprintf(&b, "  PRIMARY KEY (%s)\n", strings.Join(t.key, ", "))
		}
		b.WriteString(")")
		out = append(out, b.String())
	}
	for _, v := range db.views {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE VIEW %s AS -- %s The same rows and columns as %s; numbers as SQL numbers (REAL), yes/no as 1/0.\nSELECT\n", v.name, oneLine(v.about), v.file)
		for i, c := range v.columns {
			sep := ","
			if i == len(v.columns)-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "  %s AS %s%s -- %s\n", v.exprs[i], c.Name, sep, oneLine(c.Title))
		}
		b.WriteString(v.from)
		out = append(out, b.String())
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func cmpStr(s, def string) string {
	if strings.HasSuffix(s, ": ") {
		return def
	}
	return s
}

// key names the database made from db's tables by this writer and
// library.
func (db *database) key() string {
	h := newDigest("sqlite")
	h.str(sqliteVersion)
	h.str(sqliteLibrary())
	for _, s := range db.schema() {
		h.str(s)
	}
	for i := range db.tables {
		t := &db.tables[i]
		var buf []Value
		h.Write(rowsDigest(&Table{Name: t.name, Columns: t.columns}, t.len(), func(k int) []Value {
			buf = t.row(k, buf)
			return buf
		}))
	}
	return hex.EncodeToString(h.Sum())
}

// CopySQLite writes db as one SQLite file and copies it to out, as
// WriteSQLite, without holding its bytes in memory.
func (db *database) CopySQLite(ctx context.Context, out io.Writer) error {
	dir, err := os.MkdirTemp("", "kinerja-sqlite-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, SQLiteFile)
	if err := db.write(ctx, path); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(out, f)
	return err
}

// WriteSQLite writes db as one SQLite file and returns its bytes: the
// same tables always give the same bytes (a fixed page size, no journal,
// rows in the order of the downloads, no time of writing anywhere).
// Foreign keys are checked while the rows go in.
func (db *database) WriteSQLite(ctx context.Context) ([]byte, error) {
	dir, err := os.MkdirTemp("", "kinerja-sqlite-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, SQLiteFile)
	if err := db.write(ctx, path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

func (db *database) write(ctx context.Context, path string) (err error) {
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		return fmt.Errorf("download: opening %s: %w", SQLiteFile, err)
	}
	defer func() {
		if cerr := conn.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("download: closing %s: %w", SQLiteFile, cerr)
		}
	}()
	conn.SetMaxOpenConns(1)
	for _, p := range []string{
		"PRAGMA page_size = 4096",
		"PRAGMA journal_mode = OFF",
		"PRAGMA synchronous = OFF",
		"PRAGMA foreign_keys = ON",
		"PRAGMA encoding = 'UTF-8'",
		fmt.Sprintf("PRAGMA user_version = %d", sqliteUserVersion),
	} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("download: %s: %w", p, err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range db.schema() {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("download: creating the database schema: %w\n%s", err, s)
		}
	}
	for i := range db.tables {
		if err := insert(ctx, tx, &db.tables[i]); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("download: writing %s: %w", SQLiteFile, err)
	}
	return nil
}

// insertBatch is how many rows one INSERT statement adds: fewer
// statements, the same rows in the same order.
const insertBatch = 64

// insert puts t's rows into its table, in order.
func insert(ctx context.Context, tx *sql.Tx, t *sqlTable) error {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ") + ")"
	prepare := func(n int) (*sql.Stmt, error) {
		q := fmt.Sprintf("INSERT INTO %s VALUES %s", t.name, strings.TrimSuffix(strings.Repeat(row+", ", n), ", "))
		stmt, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("download: database table %s: %w", t.name, err)
		}
		return stmt, nil
	}
	var full *sql.Stmt
	args := make([]any, 0, insertBatch*len(t.columns))
	var buf []Value
	total := t.len()
	for i := 0; i < total; i += insertBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows := min(insertBatch, total-i)
		args = args[:0]
		for k := range rows {
			buf = t.row(i+k, buf)
			r := buf
			if len(r) != len(t.columns) {
				return fmt.Errorf("download: database table %s, row %d has %d values for %d columns", t.name, i+k+1, len(r), len(t.columns))
			}
			for j, v := range r {
				args = append(args, sqlValue(t.columns[j].Type, v))
			}
		}
		stmt := full
		if rows < insertBatch || full == nil {
			var err error
			if stmt, err = prepare(rows); err != nil {
				return err
			}
			if rows == insertBatch {
				full = stmt
				defer full.Close()
			} else {
				defer stmt.Close()
			}
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("download: database table %s, rows %d to %d: %w", t.name, i+1, i+rows, err)
		}
	}
	return nil
}

// sqlValue is v as stored: NULL, an INTEGER, or TEXT (a number's exact
// decimal text; text as it is, for a database runs no formulas).
func sqlValue(t Type, v Value) any {
	if isNull(v) {
		return nil
	}
	switch t {
	case Integer:
		n, _ := strconv.ParseInt(v.Text, 10, 64) // checked: at most 15 digits
		return n
	case Boolean:
		if v.Text == "true" {
			return int64(1)
		}
		return int64(0)
	case Number:
		return numberText(v.Text)
	}
	return v.Text
}

// The columns of the tables that only the database has.
var (
	sectorTableColumns = []Column{
		{Name: "slug", Title: "Kode URL sektor", Type: String, Description: "Kode sektor dalam alamat situs: /sektor/<slug>/."},
		{Name: "code", Title: "Kode sektor", Type: String, Description: "Kode urusan dalam dokumen perencanaan kota."},
		{Name: "name", Title: "Sektor", Type: String, Description: "Nama urusan pemerintahan (sektor)."},
		{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman sektor di situs."},
	}
	agencyTableColumns = []Column{
		{Name: "slug", Title: "Kode URL perangkat daerah", Type: String, Description: "Kode perangkat daerah dalam alamat situs: /opd/<slug>/."},
		{Name: "code", Title: "Kode perangkat daerah", Type: String, Description: "Kode perangkat daerah dalam dokumen perencanaan kota."},
		{Name: "name", Title: "Perangkat daerah", Type: String, Description: "Nama perangkat daerah."},
		{Name: "short_name", Title: "Nama singkat", Type: String, Description: "Singkatan nama perangkat daerah."},
		{Name: "kind", Title: "Jenis", Type: String, Description: "dinas, badan, rsud, kecamatan, inspektorat, sekretariat atau satuan."},
		{Name: "sector_slug", Title: "Sektor utama", Type: String, Description: "Urusan utama perangkat daerah (sectors.slug)."},
		{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman perangkat daerah di situs."},
	}
	indicatorTableColumns = []Column{
		{Name: "slug", Title: "Kode URL indikator", Type: String, Description: "Kode indikator yang tidak pernah berubah: /iku/<slug>/."},
		{Name: "code", Title: "Kode indikator", Type: String, Description: "Kode indikator dalam dokumen perencanaan kota."},
		{Name: "name", Title: "Indikator", Type: String, Description: "Nama indikator kinerja utama (IKU)."},
		{Name: "agency_slug", Title: "Perangkat daerah", Type: String, Description: "Perangkat daerah yang bertanggung jawab (agencies.slug)."},
		{Name: "sector_slug", Title: "Sektor", Type: String, Description: "Sektor indikator (sectors.slug)."},
		flatColumns[7], flatColumns[8], flatColumns[9], flatColumns[10],
		{Name: "decimals", Title: "Desimal", Type: Integer, Description: "Jumlah desimal target dan realisasi indikator."},
		{Name: "definition", Title: "Definisi", Type: String, Description: "Definisi indikator."},
		{Name: "formula", Title: "Rumus", Type: String, Description: "Rumus perhitungan."},
		{Name: "source", Title: "Sumber data", Type: String, Description: "Sumber data dan produsennya."},
		{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman indikator di situs."},
	}
	targetTableColumns = []Column{
		{Name: "indicator_slug", Title: "Indikator", Type: String, Description: "indicators.slug."},
		{Name: "year", Title: "Tahun", Type: Integer, Description: "Tahun target."},
		{Name: "quarter", Title: "Triwulan", Type: Integer, Description: "Triwulan (1–4) target triwulanan; kosong (NULL) untuk target tahunan."},
		{Name: "kind", Title: "Jenis target", Type: String, Description: "annual, per_quarter (target triwulan itu sendiri) atau cumulative (kumulatif sejak awal tahun)."},
		{Name: "value", Title: "Target", Type: Number, Description: "Nilai target; batas bawah bila target berupa rentang."},
		{Name: "high", Title: "Target (batas atas)", Type: Number, Description: "Batas atas target berupa rentang; kosong untuk target tunggal."},
	}
	dictionaryTableColumns = []Column{
		{Name: "table_name", Title: "Tabel", Type: String, Description: "Tabel atau view."},
		{Name: "column_name", Title: "Kolom", Type: String, Description: "Nama kolom."},
		{Name: "title", Title: "Judul", Type: String, Description: "Judul kolom."},
		{Name: "type", Title: "Tipe", Type: String, Description: "string, number, integer atau boolean (Frictionless Table Schema)."},
		{Name: "unit", Title: "Satuan", Type: String, Description: "Satuan nilai kolom, bila ada."},
		{Name: "description", Title: "Keterangan", Type: String, Description: "Arti kolom."},
	}
	aboutTableColumns = []Column{
		{Name: "key", Title: "Kunci", Type: String, Description: "title, source, publisher, licence, licence_url, citation, published, note."},
		{Name: "value", Title: "Nilai", Type: String, Description: "Nilainya."},
	}
)

// columnsFrom are the columns of cols after the first n, less page_url,
// after one column first.
func columnsFrom(first Column, cols []Column, n int) []Column {
	out := []Column{first}
	for _, c := range cols[n:] {
		if c.Name != "page_url" {
			out = append(out, c)
		}
	}
	return out
}

// newDatabase is the database of the display model m: the same rows as
// the tables iku-semua, iku-terbaru, iku-tahunan, skor-opd and unit (flat,
// years, scores and units, made by Site), split into tables joined by foreign keys, and
// a view per table that gives it back whole.
func newDatabase(m *display.Model, base string, flat []flatRow, years, scores, units [][]Value, meta Meta) *database {
	rep := m.Report()
	db := &database{}
	url := func(p string) Value { return text(base + p) }

	sectors := sqlTable{name: "sectors", about: "Sektor (urusan pemerintahan).", columns: sectorTableColumns, key: []string{"slug"}}
	for i := range m.Sectors {
		s := &m.Sectors[i]
		sec := sectorOf(rep, s.Slug)
		sectors.rows = append(sectors.rows, []Value{text(s.Slug), text(sec.Code), text(s.Name.Text), url(s.URL)})
	}
	agencies := sqlTable{name: "agencies", about: "Perangkat daerah.", columns: agencyTableColumns, key: []string{"slug"},
		refs: map[string]string{"sector_slug": "sectors(slug)"}}
	for i := range m.Agencies {
		a := &m.Agencies[i]
		ag := &a.Report().Agency
		agencies.rows = append(agencies.rows, []Value{text(ag.Slug), text(ag.Code), text(a.Name.Text), text(ag.ShortName),
			text(ag.Kind), text(ag.SectorSlug), url(a.URL)})
	}
	indicators := sqlTable{name: "indicators", about: "Indikator kinerja utama (IKU) dan metadatanya.", columns: indicatorTableColumns, key: []string{"slug"},
		refs: map[string]string{"agency_slug": "agencies(slug)", "sector_slug": "sectors(slug)"}}
	targets := sqlTable{name: "targets", about: "Target setiap indikator: tahunan, dan triwulanan bila ada.", columns: targetTableColumns,
		key: []string{"indicator_slug", "year", "quarter"}, refs: map[string]string{"indicator_slug": "indicators(slug)"}}
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		ir := ind.Report()
		x := &ir.Indicator
		indicators.rows = append(indicators.rows, []Value{text(x.Slug), text(x.Code), text(ind.Name.Text), text(x.AgencySlug), text(x.SectorSlug),
			text(ind.Unit.Text), text(string(x.Polarity)), text(string(x.Consolidation)), text(string(x.Frequency)),
			integer(x.Decimals), text(x.Definition), text(x.Formula), text(x.Source), url(ind.URL)})
		for _, t := range ir.Targets {
			kind, err := targetKind(t)
			if err != nil {
				kind = string(t.Basis)
			}
			q := Value{Null: true}
			if t.Quarter != 0 {
				q = integer(t.Quarter)
			}
			targets.rows = append(targets.rows, []Value{text(x.Slug), integer(t.Year), q, text(kind),
				cell(&t.Value, x.Decimals), cell(t.High, x.Decimals)})
		}
	}

	indicatorKey := Column{Name: "indicator_slug", Title: "Indikator", Type: String, Description: "indicators.slug."}
	latest := Column{Name: "latest", Title: "Terbaru", Type: Boolean, Description: "1 bila periode ini periode terakhir indikator yang dijadwalkan (baris iku-terbaru)."}
	periods := sqlTable{name: "periods", about: "Setiap indikator pada setiap periode yang dijadwalkan: baris tabel iku-semua.",
		columns: append(columnsFrom(indicatorKey, flatColumns, 11), latest), key: []string{"indicator_slug", "period"},
		refs: map[string]string{"indicator_slug": "indicators(slug)"}}
	// pick returns a function that picks the values of cols from a row
	// of the columns from.
	pick := func(cols []Column, from []Column) func(dst, row []Value) []Value {
		idx := make([]int, len(cols))
		for i, c := range cols {
			idx[i] = slices.IndexFunc(from, func(f Column) bool { return f.Name == c.Name })
		}
		return func(dst, row []Value) []Value {
			for _, j := range idx {
				dst = append(dst, row[j])
			}
			return dst
		}
	}
	pickPeriod := pick(periods.columns[1:len(periods.columns)-1], flatColumns)
	periods.n = len(flat)
	var whole []Value
	periods.gen = func(i int, dst []Value) []Value {
		r := &flat[i]
		whole = r.cells(whole[:0])
		return append(pickPeriod(append(dst, text(r.of.indicator)), whole), boolean(r.latest))
	}
	yearTable := sqlTable{name: "years", about: "Setiap indikator pada setiap tahun, digabung menurut jenis konsolidasinya: baris tabel iku-tahunan.",
		columns: columnsFrom(indicatorKey, yearColumns, 11), key: []string{"indicator_slug", "year"},
		refs: map[string]string{"indicator_slug": "indicators(slug)"}}
	pickYear := pick(yearTable.columns[1:], yearColumns)
	yearTable.n = len(years)
	yearTable.gen = func(i int, dst []Value) []Value { return pickYear(append(dst, years[i][4]), years[i]) }
	agencyKey := Column{Name: "agency_slug", Title: "Perangkat daerah", Type: String, Description: "agencies.slug."}
	scoreTable := sqlTable{name: "scores", about: "Skor capaian setiap perangkat daerah pada setiap triwulan: baris tabel skor-opd.",
		columns: columnsFrom(agencyKey, scoreColumns, 4), key: []string{"agency_slug", "period"},
		refs: map[string]string{"agency_slug": "agencies(slug)"}}
	pickScore := pick(scoreTable.columns[1:], scoreColumns)
	scoreTable.n = len(scores)
	scoreTable.gen = func(i int, dst []Value) []Value { return pickScore(append(dst, scores[i][0]), scores[i]) }

	// A view per download table.
	indicatorExpr := map[string]string{
		"agency_slug": "i.agency_slug", "agency": "a.name", "sector_slug": "i.sector_slug", "sector": "s.name",
		"indicator_slug": "i.slug", "indicator_code": "i.code", "indicator": "i.name", "unit": "i.unit",
		"polarity": "i.polarity", "consolidation": "i.consolidation", "frequency": "i.frequency", "page_url": "i.page_url",
	}
	view := func(name, about, file string, cols []Column, alias string, other map[string]string, from string) sqlView {
		v := sqlView{name: name, about: about, file: file, columns: cols, from: from}
		for _, c := range cols {
			e, ok := other[c.Name]
			if !ok {
				e = alias + "." + c.Name
				if c.Type == Number {
					e = "CAST(" + e + " AS REAL)"
				}
			}
			v.exprs = append(v.exprs, e)
		}
		return v
	}
	joins := "JOIN indicators i ON i.slug = %s.indicator_slug\nJOIN agencies a ON a.slug = i.agency_slug\nJOIN sectors s ON s.slug = i.sector_slug\n"
	db.views = []sqlView{
		view("iku_semua", "Semua indikator, semua periode yang dijadwalkan.", "iku-semua.csv", flatColumns, "p", indicatorExpr,
			"FROM periods p\n"+fmt.Sprintf(joins, "p")+"ORDER BY p.rowid"),
		view("iku_terbaru", fmt.Sprintf("Periode terakhir yang dijadwalkan setiap indikator (data sampai %s).", rep.Latest), "iku-terbaru.csv", flatColumns, "p", indicatorExpr,
			"FROM periods p\n"+fmt.Sprintf(joins, "p")+"WHERE p.latest = 1\nORDER BY p.rowid"),
		view("iku_tahunan", "Capaian setiap indikator setiap tahun, dengan kolom tercapai.", YearsTable+".csv", yearColumns, "y", indicatorExpr,
			"FROM years y\n"+fmt.Sprintf(joins, "y")+"ORDER BY y.rowid"),
		view("skor_opd", "Skor capaian setiap perangkat daerah setiap triwulan, dengan jumlah indikator yang dihitung, dalam proses, belum dilaporkan dan tidak dijadwalkan.", ScoresTable+".csv", scoreColumns, "c",
			map[string]string{"agency": "a.name", "sector_slug": "a.sector_slug", "sector": "s.name", "page_url": "a.page_url"},
			"FROM scores c\nJOIN agencies a ON a.slug = c.agency_slug\nLEFT JOIN sectors s ON s.slug = a.sector_slug\nORDER BY c.rowid"),
	}

	db.tables = []sqlTable{sectors, agencies, indicators, targets, periods, yearTable, scoreTable}
	if len(units) > 0 {
		unitTable := sqlTable{name: "unit_results", about: "Hasil setiap unit layanan pada setiap periode yang dijadwalkan: baris tabel unit.",
			columns: unitColumns, key: []string{"unit_slug", "indicator_slug", "period"},
			refs: map[string]string{"indicator_slug": "indicators(slug)", "agency_slug": "agencies(slug)"}, rows: units}
		db.tables = append(db.tables, unitTable)
		db.views = append(db.views, view("unit", "Hasil setiap unit layanan (puskesmas, sekolah, destinasi wisata, poliklinik) pada setiap periode; nilai yang jumlahnya terlalu kecil tidak diterbitkan.",
			UnitsTable+".csv", unitColumns, "u", nil, "FROM unit_results u\nORDER BY u.rowid"))
	}
	dict := sqlTable{name: "kamus_data", about: "Kamus data: arti setiap kolom setiap tabel dan view.", columns: dictionaryTableColumns,
		key: []string{"table_name", "column_name"}}
	for _, t := range db.tables {
		for _, c := range t.columns {
			dict.rows = append(dict.rows, []Value{text(t.name), text(c.Name), text(c.Title), text(string(c.Type)), text(c.Unit), text(c.Description)})
		}
	}
	for _, v := range db.views {
		for _, c := range v.columns {
			dict.rows = append(dict.rows, []Value{text(v.name), text(c.Name), text(c.Title), text(string(c.Type)), text(c.Unit), text(c.Description)})
		}
	}
	id, licenceURL := meta.licence()
	about := sqlTable{name: "tentang", about: "Tentang data ini: judul, sumber, penerbit, lisensi, kutipan, tanggal terbit.", columns: aboutTableColumns}
	for _, kv := range [][2]string{{"title", meta.Title}, {"source", meta.Source}, {"publisher", meta.Publisher}, {"licence", id},
		{"licence_url", licenceURL}, {"citation", meta.Citation}, {"published", meta.published().Format(time.DateOnly)},
		{"first_quarter", rep.First.String()}, {"latest_quarter", rep.Latest.String()}} {
		about.rows = append(about.rows, []Value{text(kv[0]), text(kv[1])})
	}
	for _, n := range meta.Notes {
		about.rows = append(about.rows, []Value{text("note"), text(n)})
	}
	db.tables = append(db.tables, dict, about)
	return db
}
