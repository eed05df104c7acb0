package download

import (
	"archive/zip"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Folder is where the downloads live in the published site: /data/.
const Folder = "data"

// IndicatorFormats are the formats of one indicator's own table: CSV and
// JSON. Its rows are also in its agency's and sector's tables and the
// whole table, which come in every one of TableFormats: an XLSX per
// indicator would cost most of the downloads' time (README, "the
// downloads") and repeat rows published in Excel formats already.
var IndicatorFormats = []Format{CSV, JSON}

// SiteOptions say how the downloads of one build are described and where
// they are kept.
type SiteOptions struct {
	// BaseURL is the site's public address ("https://…/"); the page_url
	// column, the API and the DCAT catalogue use it.
	BaseURL string
	Meta    Meta
	// Extra are files under Folder written elsewhere (the releases' frozen
	// files): the data package and SHA256SUMS list them too.
	Extra []File
	// Store keeps every file Site makes; Site writes nowhere else. A file
	// made from the same inputs as one in the store is not made again, and
	// bytes the store holds are not written again.
	Store *filestore.Store
	// Progress, when set, is told how many of the tables' files are done.
	Progress func(done, total int)
}

// Link is one downloadable file of a page: its format, path under the
// site root and size.
type Link struct {
	Format Format `json:"format"`
	Path   string `json:"path"` // "data/iku/x.csv"
	Bytes  int    `json:"bytes"`
}

// Published is one file of the site that Site made, kept in the store.
type Published struct {
	Path  string // under the site root: "data/iku/x.csv", "api/v1/index.json"
	File  string // the stored file holding its bytes (absolute)
	Hash  string // hex SHA-256 of the bytes
	Bytes int
	// Rendered reports whether a writer made the file in this run: the
	// store held no file made from the same inputs. (Tables and the bundle
	// zip; the small documents are always made in memory, and only their
	// hash decides whether they are new.)
	Rendered bool
	// Written reports whether the bytes were new to the store and written.
	Written bool
}

// Downloads are the files of one build and which page links to which.
type Downloads struct {
	// Files are every file Site made, sorted by path: the site links each
	// into the published folder (generator/site).
	Files []Published
	// Pages maps "iku/<slug>", "opd/<slug>", "sektor/<slug>", "all",
	// "latest", "bundle" and "asn" to their files, in TableFormats order.
	Pages map[string][]Link
	// Catalogue are the files the /data/ page lists besides those of the
	// pages: the data package, the DCAT catalogue and SHA256SUMS.
	Catalogue []Link
	API       int // how many of Files are API documents
}

// Counts are how many files were made, rendered by a writer and written,
// and the size of them all.
func (d *Downloads) Counts() (files, rendered, written int, bytes int64) {
	for _, f := range d.Files {
		files++
		if f.Rendered {
			rendered++
		}
		if f.Written {
			written++
		}
		bytes += int64(f.Bytes)
	}
	return files, rendered, written, bytes
}

// Columns of the flat table: one row per indicator and due period, with
// exactly the numbers and states the pages show.
var flatColumns = []Column{
	{Name: "agency_slug", Title: "Kode URL perangkat daerah", Type: String, Description: "Kode perangkat daerah dalam alamat situs: /opd/<agency_slug>/."},
	{Name: "agency", Title: "Perangkat daerah", Type: String, Description: "Perangkat daerah yang bertanggung jawab atas indikator."},
	{Name: "sector_slug", Title: "Kode URL sektor", Type: String, Description: "Kode sektor dalam alamat situs: /sektor/<sector_slug>/."},
	{Name: "sector", Title: "Sektor", Type: String, Description: "Urusan pemerintahan (sektor) indikator."},
	{Name: "indicator_slug", Title: "Kode URL indikator", Type: String, Description: "Kode indikator yang tidak pernah berubah: /iku/<indicator_slug>/."},
	{Name: "indicator_code", Title: "Kode indikator", Type: String, Description: "Kode indikator dalam dokumen perencanaan kota."},
	{Name: "indicator", Title: "Indikator", Type: String, Description: "Nama indikator kinerja utama (IKU)."},
	{Name: "unit", Title: "Satuan", Type: String, Description: "Satuan target, realisasi dan nilai yang dibandingkan."},
	{Name: "polarity", Title: "Polaritas", Type: String, Description: "positive: semakin tinggi semakin baik; negative: semakin rendah semakin baik."},
	{Name: "consolidation", Title: "Jenis konsolidasi", Type: String, Description: "Cara periode digabung menjadi setahun: sum (jumlah), average (rata-rata tertimbang dihitung ulang dari pengukuran), last (nilai terakhir) atau cumulative (angka kumulatif sejak Januari: nilai terakhir, dan sebelum triwulan IV progres menuju target tahunan)."},
	{Name: "frequency", Title: "Frekuensi", Type: String, Description: "quarterly (triwulan I–IV), semiannual (triwulan II dan IV: nilai semester) atau annual (triwulan IV: nilai setahun). Hanya periode yang dijadwalkan yang memiliki baris."},
	{Name: "period", Title: "Periode", Type: String, Description: "Periode pelaporan: 2026-Q3 (triwulan), 2026-S1 (semester), 2026 (tahun)."},
	{Name: "period_kind", Title: "Jenis periode", Type: String, Description: "quarter (triwulan), half (semester) atau year (tahun)."},
	{Name: "year", Title: "Tahun", Type: Integer, Description: "Tahun periode."},
	{Name: "quarter", Title: "Triwulan", Type: Integer, Description: "Triwulan (1–4) saat periode itu dilaporkan."},
	{Name: "target_kind", Title: "Jenis target", Type: String, Description: "annual (target tahunan), per_quarter (target periode itu sendiri) atau cumulative (target kumulatif sejak awal tahun); kosong bila target belum ditetapkan."},
	{Name: "target", Title: "Target", Type: Number, Description: "Target yang dibandingkan; batas bawah bila target berupa rentang. Kosong: target belum ditetapkan untuk periode itu."},
	{Name: "target_high", Title: "Target (batas atas)", Type: Number, Description: "Batas atas target berupa rentang; kosong untuk target tunggal."},
	{Name: "actual", Title: "Realisasi", Type: Number, Description: "Realisasi periode itu seperti dilaporkan. Kosong: belum dilaporkan (tidak pernah berarti 0)."},
	{Name: "ytd", Title: "Realisasi kumulatif", Type: Number, Description: "Nilai sejak awal tahun sampai periode itu, digabung menurut jenis konsolidasinya; kosong bila belum dapat dihitung."},
	{Name: "compared", Title: "Nilai yang dibandingkan", Type: Number, Description: "Nilai yang dibandingkan dengan target: realisasi, atau nilai kumulatif bila aturannya membandingkan nilai kumulatif (lihat basis)."},
	{Name: "basis", Title: "Dasar perbandingan", Type: String, Description: "quarter (realisasi periode itu), ytd (kumulatif terhadap target kumulatif), annual_progress (jumlah kumulatif terhadap target tahunan sebelum akhir tahun), annual_ceiling (sama, untuk jumlah yang semakin rendah semakin baik: jumlah sejauh ini terhadap batas tahunan, tanpa persen)."},
	{Name: "achievement", Title: "Capaian (%)", Type: Number, Unit: "%", Description: "Capaian dalam persen (PermenPANRB 8/2021), tanpa batas atas, 2 desimal; bila basis annual_progress, progres terhadap target tahunan. Kosong bila tidak ada (target 0, belum dilaporkan, target belum ditetapkan)."},
	{Name: "category", Title: "Kategori", Type: String, Description: "Kunci kategori bila status category (sangat_baik, baik, cukup, kurang, sangat_kurang)."},
	{Name: "category_label", Title: "Kategori (teks)", Type: String, Description: "Kategori seperti ditulis di situs."},
	{Name: "status", Title: "Status", Type: String, Description: "category, met, met_so_far, in_progress, not_met, incomplete, no_target atau not_reported; artinya dijelaskan di halaman Metodologi."},
	{Name: "status_label", Title: "Status (teks)", Type: String, Description: "Status seperti ditulis di situs."},
	{Name: "exceeds", Title: "Melampaui target", Type: Boolean, Description: "true bila capaian di atas 100."},
	{Name: "provisional", Title: "Sementara", Type: Boolean, Description: "true bila realisasi belum diverifikasi perangkat daerah."},
	{Name: "supporting", Title: "Faktor pendukung", Type: String, Description: "Penjelasan perangkat daerah: apa yang mendukung capaian periode itu; kosong bila tidak ada."},
	{Name: "inhibiting", Title: "Faktor penghambat", Type: String, Description: "Penjelasan perangkat daerah: apa yang menghambat capaian periode itu; kosong bila tidak ada."},
	{Name: "follow_up", Title: "Tindak lanjut", Type: String, Description: "Penjelasan perangkat daerah: langkah yang akan diambil; kosong bila tidak ada."},
	{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman indikator di situs."},
	{Name: "tercapai", Title: "Tercapai", Type: Boolean, Description: "true bila target tercapai: capaian paling sedikit 100, atau status met (target 0 terpenuhi, atau target tahun itu sudah tercapai); false bila capaian di bawah 100, atau status not_met; kosong bila keduanya tidak berlaku (in_progress, met_so_far, incomplete, no_target, not_reported). Definisi yang sama dipakai di setiap halaman, hitungan dan API."},
}

// FlatColumns are the columns of the flat table, for the data dictionary
// of the /data/ page: the same list the files are written with.
func FlatColumns() []Column { return append([]Column(nil), flatColumns...) }

// Site makes every download of a build from the display model m of the
// default language (generator/display): the flat table for the whole
// data, the latest state, each agency and sector in every table format
// and each indicator in IndicatorFormats; the civil servants' ratings; the
// raw bundle of the model's dataset (its files and a zip); the static API
// (API); datapackage.json, catalog.jsonld and SHA256SUMS, which list
// exactly the files made. Every file goes into o.Store, none anywhere
// else; the returned Files say where each is.
//
// The tables are written in parallel (one per CPU); each checks ctx, so
// that Ctrl+C stops the stage within a file per CPU, and a file stopped
// half-way is never in the store. The same input gives the same bytes.
func Site(ctx context.Context, m *display.Model, o SiteOptions) (*Downloads, error) {
	if o.Store == nil {
		return nil, iku.Errorf(iku.Internal, "download: no file store to keep the downloads in")
	}
	rep, ds := m.Report(), m.Dataset()
	d := &Downloads{Pages: map[string][]Link{}}
	w := &siteWriter{store: o.Store, meta: o.Meta}
	var resources []Resource
	var datasets []Dataset
	var sums []File // path and hash of every file under Folder, for SHA256SUMS
	add := func(pub Published) {
		d.Files = append(d.Files, pub)
		if rel, ok := strings.CutPrefix(pub.Path, Folder+"/"); ok {
			sums = append(sums, File{Path: rel, Hash: pub.Hash})
		}
	}
	rows := flatRows(m, o.BaseURL)

	// One job per page: the rows of the page, written in its formats.
	var jobs []tableJob
	all, latest := make([]int, len(rows)), []int{}
	byIndicator, byAgency, bySector := map[string][]int{}, map[string][]int{}, map[string][]int{}
	for i, r := range rows {
		all[i] = i
		if r.latest {
			latest = append(latest, i)
		}
		byIndicator[r.of.indicator] = append(byIndicator[r.of.indicator], i)
		byAgency[r.of.agency] = append(byAgency[r.of.agency], i)
		bySector[r.of.sector] = append(bySector[r.of.sector], i)
	}
	span, spanEN := fmt.Sprintf("%s sampai %s", rep.First, rep.Latest), fmt.Sprintf("%s to %s", rep.First, rep.Latest)
	// Every dataset's keywords, in Indonesian and English.
	keywords := []string{"indikator kinerja utama", "IKU", "kinerja perangkat daerah"}
	keywordsEN := []string{"key performance indicators", "local government performance"}
	yRows, sRows, uRows := yearRows(m, o.BaseURL), scoreRows(m, o.BaseURL), unitRows(m, o.BaseURL)
	jobs = append(jobs,
		tableJob{page: "all", name: "iku-semua", title: "Semua indikator kinerja utama, semua periode", rows: all, formats: TableFormats, titleEN: "All key performance indicators, all periods",
			about:   "Target, realisasi, capaian, kategori, status dan tercapai setiap indikator kinerja utama untuk setiap periode pelaporan yang dijadwalkan, " + span + ".",
			aboutEN: "Target, actual, achievement, category, status and whether the target was met (tercapai) of every key performance indicator in every due reporting period, " + spanEN + "."},
		tableJob{page: "latest", name: "iku-terbaru", title: fmt.Sprintf("Kondisi terbaru semua indikator, data sampai %s", rep.Latest), rows: latest, formats: TableFormats, titleEN: fmt.Sprintf("Latest state of every indicator, data up to %s", rep.Latest),
			about:   fmt.Sprintf("Periode terakhir yang dijadwalkan setiap indikator kinerja utama, data sampai %s: target, realisasi, capaian, status dan tercapai.", rep.Latest),
			aboutEN: fmt.Sprintf("The latest due period of every key performance indicator, data up to %s: target, actual, achievement, status and whether the target was met.", rep.Latest)},
		tableJob{page: "tahunan", name: YearsTable, title: "Capaian tahunan setiap indikator", columns: yearColumns, own: yRows, formats: TableFormats, titleEN: "Yearly achievement of every indicator",
			about:   "Satu baris per indikator dan tahun: target tahunan, realisasi setahun (digabung menurut jenis konsolidasi), capaian, kategori, status dan tercapai, " + span + ".",
			aboutEN: "One row per indicator and year: the annual target, the year's actual (consolidated by the indicator's rule), achievement, category, status and whether the target was met, " + spanEN + "."},
		tableJob{page: "skor", name: ScoresTable, title: "Skor capaian perangkat daerah per triwulan", columns: scoreColumns, own: sRows, formats: TableFormats, titleEN: "Agency scores by quarter",
			about:   "Satu baris per perangkat daerah dan triwulan: skor capaian (rata-rata capaian yang dibatasi), dan berapa indikator dihitung, dalam proses, belum dilaporkan, tidak dijadwalkan atau tanpa persen, " + span + ".",
			aboutEN: "One row per agency and quarter: the agency's score (mean of capped achievements) and how many indicators were counted, in progress, not reported, not due or without a percentage, " + spanEN + "."})
	if len(uRows) > 0 {
		jobs = append(jobs, tableJob{page: "unit", name: UnitsTable, title: "Hasil per unit layanan", columns: unitColumns, own: uRows, formats: TableFormats, titleEN: "Results by service unit",
			keywords: []string{"unit layanan", "puskesmas", "sekolah"}, keywordsEN: []string{"service units", "health centres", "schools"},
			about:   "Satu baris per unit layanan (puskesmas, sekolah, destinasi wisata, poliklinik), indikator dan periode: nilai unit, jumlah yang mendasarinya, nilai kota, target perangkat daerah, capaian dan status; nilai yang bertumpu pada terlalu sedikit pasien, murid atau kunjungan tidak diterbitkan, " + span + ".",
			aboutEN: "One row per service unit (community health centre, school, tourist destination, hospital clinic), indicator and period: the unit's value, the count it rests on, the city's value, the agency's target, achievement and status; a value resting on too few patients, pupils or visits is not published, " + spanEN + "."})
	}
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		meta := &ind.Report().Indicator
		jobs = append(jobs, tableJob{page: "iku/" + ind.Slug, dir: "iku/", name: ind.Slug, title: ind.Name.Text, rows: byIndicator[ind.Slug], formats: IndicatorFormats,
			about:   fmt.Sprintf("Target, realisasi, capaian dan status indikator %q (%s) untuk setiap periode pelaporan yang dijadwalkan.", ind.Name.Text, ind.Agency.Text.Text),
			aboutEN: fmt.Sprintf("Target, actual, achievement and status of the indicator %q (%s) in every due reporting period.", firstOf(meta.NameEN, ind.Name.Text), ind.Agency.Text.Text),
			titleEN: meta.NameEN, from: firstQuarter(ind.Rows), to: lastQuarter(ind.Rows),
			keywords: []string{ind.Agency.Text.Text, ind.Sector.Text.Text}, keywordsEN: nonEmpty(sectorOf(rep, meta.SectorSlug).NameEN)})
	}
	for i := range m.Agencies {
		a := &m.Agencies[i]
		ag := &a.Report().Agency
		jobs = append(jobs, tableJob{page: "opd/" + a.Slug, dir: "opd/", name: a.Slug, title: a.Name.Text, rows: byAgency[a.Slug], formats: TableFormats, titleEN: ag.NameEN,
			keywords: []string{a.Name.Text}, keywordsEN: nonEmpty(ag.NameEN),
			about:   fmt.Sprintf("Target, realisasi, capaian dan status semua indikator kinerja utama %s untuk setiap periode pelaporan, %s.", a.Name.Text, span),
			aboutEN: fmt.Sprintf("Target, actual, achievement and status of every key performance indicator of %s in every reporting period, %s.", firstOf(ag.NameEN, a.Name.Text), spanEN)})
	}
	for i := range m.Sectors {
		s := &m.Sectors[i]
		sec := sectorOf(rep, s.Slug)
		jobs = append(jobs, tableJob{page: "sektor/" + s.Slug, dir: "sektor/", name: s.Slug, title: s.Name.Text, rows: bySector[s.Slug], formats: TableFormats, titleEN: sec.NameEN,
			keywords: []string{s.Name.Text}, keywordsEN: nonEmpty(sec.NameEN),
			about:   fmt.Sprintf("Target, realisasi, capaian dan status semua indikator kinerja utama sektor %s untuk setiap periode pelaporan, %s.", s.Name.Text, span),
			aboutEN: fmt.Sprintf("Target, actual, achievement and status of every key performance indicator of the sector %s in every reporting period, %s.", firstOf(sec.NameEN, s.Name.Text), spanEN)})
	}
	total := 1 // the database
	for _, j := range jobs {
		total += len(j.formats)
	}
	w.progress = progress(o.Progress, total)

	// The CSV resources of every page share two schema files.
	schemas := map[Format]string{CSV: "schema/iku.json", ExcelCSV: "schema/iku-excel.json"}
	results := make([][]Published, len(jobs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, runtime.NumCPU()))
	// The database of every table, first: it takes longest.
	var dbPub Published
	if gctx.Err() == nil {
		g.Go(func() error {
			db := newDatabase(m, o.BaseURL, rows, yRows, sRows, uRows, o.Meta)
			var err error
			dbPub, err = w.streamed(Folder+"/"+SQLiteFile, db.key(), func(out io.Writer) error { return db.CopySQLite(gctx, out) })
			if err != nil && gctx.Err() == nil {
				err = iku.Wrap(err, iku.Internal, "cannot write the download %s", SQLiteFile)
			}
			w.progress()
			return err
		})
	}
	for i := range jobs {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			j := jobs[i]
			t := &Table{Name: j.name, Title: j.title, Columns: j.cols(), Rows: j.own}
			if j.own == nil {
				t.n, t.gen = len(j.rows), func(i int, dst []Value) []Value { return rows[j.rows[i]].cells(dst) }
			}
			var err error
			results[i], err = w.table(gctx, j.dir, t, j.formats)
			return err
		})
	}
	if err := g.Wait(); err != nil || ctx.Err() != nil {
		return nil, cmp.Or(ctx.Err(), err)
	}
	add(dbPub)
	d.Pages["sqlite"] = []Link{{Format: SQLite, Path: dbPub.Path, Bytes: dbPub.Bytes}}
	dbRes := []Resource{{Path: SQLiteFile, Format: SQLite, Size: dbPub.Bytes, Hash: dbPub.Hash,
		Title: "Basis data SQLite: semua tabel (sectors, agencies, indicators, targets, periods, years, scores, kamus_data) dan view iku_semua, iku_terbaru, iku_tahunan, skor_opd"}}
	resources = append(resources, dbRes...)
	datasets = append(datasets, Dataset{ID: o.BaseURL + Folder + "/#" + DataAnchor("sqlite"),
		Title: "Basis data SQLite semua tabel", TitleEN: "SQLite database of every table",
		Description:   "Satu berkas SQLite berisi semua tabel data (sektor, perangkat daerah, indikator, target, periode, tahun, skor) yang dihubungkan dengan foreign key, kamus data, dan view yang terdokumentasi: iku_semua, iku_terbaru, iku_tahunan dan skor_opd, masing-masing sama dengan tabel unduhannya; siap untuk Datasette dan DB Browser for SQLite, " + span + ".",
		DescriptionEN: "One SQLite file with every data table (sectors, agencies, indicators, targets, periods, years, scores) joined by foreign keys, a data dictionary, and documented views iku_semua, iku_terbaru, iku_tahunan and skor_opd, each equal to its download table; ready for Datasette and DB Browser for SQLite, " + spanEN + ".",
		Resources:     dbRes, Keywords: keywords, KeywordsEN: keywordsEN})
	for i, j := range jobs {
		// Resources keep the columns only, not the rows.
		head := &Table{Name: j.name, Title: j.title, Columns: j.cols()}
		var res []Resource
		for k, pub := range results[i] {
			f := j.formats[k]
			add(pub)
			d.Pages[j.page] = append(d.Pages[j.page], Link{Format: f, Path: pub.Path, Bytes: pub.Bytes})
			r := Resource{Path: strings.TrimPrefix(pub.Path, Folder+"/"), Format: f, Table: head, Size: pub.Bytes, Hash: pub.Hash}
			if j.columns == nil {
				r.SchemaPath = schemas[f]
			}
			res = append(res, r)
		}
		resources = append(resources, res...)
		datasets = append(datasets, Dataset{ID: o.BaseURL + j.landing(), Title: j.title, TitleEN: j.titleEN,
			Description: j.about, DescriptionEN: j.aboutEN, From: j.from, To: j.to, Resources: res,
			Keywords: append(slices.Clone(keywords), j.keywords...), KeywordsEN: append(slices.Clone(keywordsEN), j.keywordsEN...)})
	}
	for _, f := range []Format{CSV, ExcelCSV} {
		path := schemas[f]
		b, err := TableSchema(&Table{Name: "iku", Columns: flatColumns}, f)
		if err != nil {
			return nil, err
		}
		pub, err := w.plain(Folder+"/"+path, b)
		if err != nil {
			return nil, err
		}
		add(pub)
		resources = append(resources, Resource{Path: path, Format: JSON, Data: b, Title: "Table Schema: " + path})
	}

	// The civil servants' rating counts, suppressed (generator/disclosure).
	if t := RatingsTable(rep, ds); t != nil {
		pubs, err := w.table(ctx, "", t, TableFormats)
		if err != nil {
			return nil, err
		}
		var res []Resource
		for k, pub := range pubs {
			f := TableFormats[k]
			add(pub)
			d.Pages["asn"] = append(d.Pages["asn"], Link{Format: f, Path: pub.Path, Bytes: pub.Bytes})
			res = append(res, Resource{Path: strings.TrimPrefix(pub.Path, Folder+"/"), Format: f, Table: &Table{Name: t.Name, Title: t.Title, Columns: t.Columns}, Size: pub.Bytes, Hash: pub.Hash})
		}
		resources = append(resources, res...)
		datasets = append(datasets, Dataset{ID: o.BaseURL + "asn/", Title: t.Title, TitleEN: "Civil servants' performance: number of employees per rating (with disclosure control)",
			Description:   "Jumlah pegawai ASN per predikat kinerja per perangkat daerah dan tahun; sel dengan terlalu sedikit pegawai disembunyikan agar tidak ada data perorangan yang terbuka.",
			DescriptionEN: "Number of civil servants per performance rating by agency and year; cells with too few employees are suppressed so that no individual's data is disclosed.",
			Resources:     res, Keywords: keywords, KeywordsEN: keywordsEN})
	}

	// The raw bundle: the input tables, as files and as one zip.
	files, err := bundle.Encode(ds)
	if err != nil {
		return nil, err
	}
	var zipped []File
	var bundleRes []Resource
	for _, name := range bundle.Files() {
		path := "bundle/" + name
		pub, err := w.plain(Folder+"/"+path, files[name])
		if err != nil {
			return nil, err
		}
		add(pub)
		d.Pages["bundle"] = append(d.Pages["bundle"], Link{Format: formatOf(name), Path: pub.Path, Bytes: pub.Bytes})
		bundleRes = append(bundleRes, Resource{Path: path, Format: formatOf(name), Size: pub.Bytes, Hash: pub.Hash, Title: "Bundel: " + name})
		zipped = append(zipped, File{Path: "bundle/" + name, Data: files[name]})
	}
	zpub, err := w.zip(ctx, Folder+"/bundle.zip", zipped, o.Meta.published())
	if err != nil {
		return nil, err
	}
	add(zpub)
	d.Pages["bundle"] = append(d.Pages["bundle"], Link{Format: Zip, Path: zpub.Path, Bytes: zpub.Bytes})
	bundleRes = append(bundleRes, Resource{Path: "bundle.zip", Format: Zip, Size: zpub.Bytes, Hash: zpub.Hash, Title: "Bundel data mentah (zip)"})
	resources = append(resources, bundleRes...)
	datasets = append(datasets, Dataset{ID: o.BaseURL + Folder + "/#" + DataAnchor("bundle"), Title: "Bundel data mentah (tabel masukan)", TitleEN: "Raw data bundle (input tables)",
		Description:   "Tabel masukan portal (sektor, perangkat daerah, indikator, target, realisasi, predikat) sebagai CSV dengan datapackage.json; program kinerja membangun ulang situs yang sama dari bundel ini.",
		DescriptionEN: "The portal's input tables (sectors, agencies, indicators, targets, results, ratings) as CSV with a datapackage.json; the kinerja program rebuilds the same site from this bundle.",
		Resources:     bundleRes, Keywords: keywords, KeywordsEN: keywordsEN})

	// The static API.
	api, err := API(m, APIOptions{BaseURL: o.BaseURL})
	if err != nil {
		return nil, err
	}
	for _, path := range slices.Sorted(maps.Keys(api)) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pub, err := w.plain(path, api[path])
		if err != nil {
			return nil, err
		}
		add(pub)
		d.API++
	}

	for _, f := range o.Extra {
		path := strings.TrimPrefix(f.Path, Folder+"/")
		format := formatOf(path)
		if strings.HasSuffix(path, ".zip") {
			format = Zip
		}
		resources = append(resources, Resource{Path: path, Format: format, Data: f.Data, Title: "Rilis: " + path})
	}

	pkg, err := DataPackage("iku-kota-tanjungbalai", o.Meta.Title, o.Meta, resources)
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write datapackage.json")
	}
	cat := Catalog{
		ID: o.BaseURL + Folder + "/catalog.jsonld", BaseURL: o.BaseURL + Folder + "/", Homepage: o.BaseURL,
		Title: o.Meta.Title, TitleEN: "Key performance indicators of the city's agencies",
		Description:   "Target, realisasi, capaian dan status indikator kinerja utama (IKU) perangkat daerah setiap periode pelaporan, capaian tahunan, skor perangkat daerah, bundel data mentah dan basis data SQLite, " + span + ".",
		DescriptionEN: "Targets, actuals, achievement and status of the agencies' key performance indicators (IKU) in every reporting period, yearly achievement, agency scores, the raw data bundle and an SQLite database, " + spanEN + ".",
		Language:      "id", From: rep.First, To: rep.Latest,
		Datasets: datasets,
	}
	pkgPub, err := w.plain(Folder+"/datapackage.json", pkg)
	if err != nil {
		return nil, err
	}
	add(pkgPub)
	// The catalogue is written into the store a dataset at a time.
	catPub, err := w.streamed(Folder+"/catalog.jsonld", "", func(out io.Writer) error { return WriteDCAT(out, cat, o.Meta) })
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write catalog.jsonld")
	}
	add(catPub)
	d.Catalogue = []Link{{Format: JSON, Path: pkgPub.Path, Bytes: pkgPub.Bytes}, {Format: JSON, Path: catPub.Path, Bytes: catPub.Bytes}}

	// SHA256SUMS lists every file of the folder but itself, relative to it.
	for _, f := range o.Extra {
		sums = append(sums, File{Path: strings.TrimPrefix(f.Path, Folder+"/"), Data: f.Data})
	}
	var sbuf bytes.Buffer
	if err := WriteChecksums(&sbuf, sums); err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write %s", ChecksumsFile)
	}
	pub, err := w.plain(Folder+"/"+ChecksumsFile, sbuf.Bytes())
	if err != nil {
		return nil, err
	}
	add(pub)
	d.Catalogue = append(d.Catalogue, Link{Format: "sha256", Path: pub.Path, Bytes: pub.Bytes})

	slices.SortFunc(d.Files, func(a, b Published) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(d.Files); i++ {
		if d.Files[i].Path == d.Files[i-1].Path {
			return nil, iku.Errorf(iku.Internal, "download: two files have the path %q", d.Files[i].Path)
		}
	}
	if err := o.Store.Save(); err != nil {
		return nil, err
	}
	return d, nil
}

// tableJob is one table: the page that links it, its folder under
// Folder, file stem, title, its rows (indices of the flat rows, or its
// own rows and columns), formats, and what the catalogue says of it.
type tableJob struct {
	page, dir, name, title  string
	rows                    []int
	columns                 []Column  // nil: the flat table's
	own                     [][]Value // the rows of a table with its own columns
	formats                 []Format
	titleEN, about, aboutEN string
	keywords, keywordsEN    []string    // besides those of every dataset
	from, to                iku.Quarter // the span of the rows; zero: the report's
}

func (j *tableJob) cols() []Column {
	if j.columns == nil {
		return flatColumns
	}
	return j.columns
}

// landing is the page of the site that lists the table's files, relative
// to the site's root: the indicator's, agency's or sector's page, else a
// section of the /data/ page.
func (j *tableJob) landing() string {
	if j.dir != "" {
		return j.page + "/"
	}
	return Folder + "/#" + DataAnchor(j.page)
}

// DataAnchor is the id of the /data/ page's section listing the files of
// page ("all", "latest", "tahunan", "skor", "sqlite", "bundle", "asn").
func DataAnchor(page string) string {
	switch page {
	case "bundle":
		return "bundel"
	case "asn":
		return "asn"
	}
	return "h-" + page
}

// nonEmpty is s as a list: none when s is empty.
func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func firstQuarter(rows []display.Row) iku.Quarter {
	if len(rows) == 0 {
		return iku.Quarter{}
	}
	return rows[0].Eval.Quarter
}

func lastQuarter(rows []display.Row) iku.Quarter {
	if len(rows) == 0 {
		return iku.Quarter{}
	}
	return rows[len(rows)-1].Eval.Quarter
}

func sectorOf(rep *iku.Report, slug string) iku.Sector {
	for _, sr := range rep.Sectors {
		if sr.Sector.Slug == slug {
			return sr.Sector
		}
	}
	return iku.Sector{}
}

// progress serialises a progress callback called from several goroutines.
func progress(f func(done, total int), total int) func() {
	if f == nil {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		f(done, total)
	}
}

// ZipFiles packs files into a zip with fixed times and modes, so that the same
// files always give the same bytes.
func ZipFiles(files []File, modified time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Path, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func formatOf(name string) Format {
	if strings.HasSuffix(name, ".json") {
		return JSON
	}
	return CSV
}

// flatRow is one row of the flat table with what the tables select by:
// its cells are made from the display record each time a table is
// written (cells), never held, so that a city of 50,000 indicators does
// not hold its million rows' cells (about 700 MB) at once.
type flatRow struct {
	of     *flatIndicator
	k      int  // the row in of.ind.Rows
	latest bool // the indicator's latest due period
}

// flatIndicator is what every flat row of one indicator shares.
type flatIndicator struct {
	ind                       *display.Indicator
	meta                      *iku.Indicator
	indicator, agency, sector string
	// head are the cells of indicatorColumns; page is the row's page_url.
	head  []Value
	page  Value
	years wholes // read only: every year of the rows
}

// flatRows are the rows of every indicator's table in the display model m.
func flatRows(m *display.Model, base string) []flatRow {
	n := 0
	for i := range m.Indicators {
		n += len(m.Indicators[i].Rows)
	}
	rows := make([]flatRow, 0, n)
	years := wholes{}
	inds := make([]flatIndicator, len(m.Indicators))
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		meta := &ind.Report().Indicator
		// One string for every row of the indicator.
		inds[i] = flatIndicator{ind: ind, meta: meta, indicator: meta.Slug, agency: meta.AgencySlug, sector: meta.SectorSlug,
			head: indicatorValues(ind), page: text(base + ind.URL), years: years}
		for k := range ind.Rows {
			years.value(ind.Rows[k].Eval.Quarter.Year)
			rows = append(rows, flatRow{of: &inds[i], k: k, latest: k == len(ind.Rows)-1})
		}
	}
	return rows
}

// cells appends the row's every cell to dst: the period, status and its
// words, the provisional mark and the "exceeds" mark are the record's,
// and the exact values and keys are its evaluation's (Row.Eval);
// tercapai is the evaluation's Met.
func (fr *flatRow) cells(dst []Value) []Value {
	f := fr.of
	meta := f.meta
	r := &f.ind.Rows[fr.k]
	e := r.Eval
	p := meta.Frequency.Period(e.Quarter)
	v := append(append(dst, f.head...), text(r.Key), text(string(p.Kind)), f.years[e.Quarter.Year], integer(e.Quarter.Q))
	var target, high *iku.Decimal
	kind := ""
	if t := e.Target; t != nil {
		target, high = &t.Value, t.High
		kind = "annual"
		if t.Quarter != 0 {
			kind = string(t.Basis)
		}
	}
	categoryLabel := Value{Null: true}
	if e.Status == iku.StatusCategory {
		categoryLabel = text(r.Status.Label)
	}
	v = append(v, text(kind),
		cell(target, meta.Decimals), cell(high, meta.Decimals), cell(e.Actual, meta.Decimals),
		cell(e.YearToDate, meta.Decimals), cell(e.Compared, meta.Decimals), text(string(e.Basis)),
		cell(e.Achievement, 2), text(e.Category), categoryLabel,
		text(string(e.Status)), text(r.Status.Label),
		boolean(r.Status.Exceeds != ""), boolean(r.Actual.Provisional() != ""),
	)
	var x iku.Explanation
	if e.Explanation != nil {
		x = *e.Explanation
	}
	return append(v, text(x.Supporting), text(x.Inhibiting), text(x.FollowUp), f.page, met(e.Met))
}

// wholes keeps one text per whole number (the years of millions of
// cells), so that the cells share it.
type wholes map[int]Value

func (c wholes) value(n int) Value {
	v, ok := c[n]
	if !ok {
		v = integer(n)
		c[n] = v
	}
	return v
}

func text(s string) Value { return Value{Text: s, Null: s == ""} }

func integer(n int) Value { return Value{Text: strconv.Itoa(n)} }

func boolean(b bool) Value { return Value{Text: strconv.FormatBool(b)} }

func cell(d *iku.Decimal, decimals int) Value {
	if d == nil {
		return Value{Null: true}
	}
	// A count of decimals out of range stays out of range (check says so).
	return Value{Text: d.String(), Decimals: int8(min(max(decimals, -1), maxFormatDecimals+1))}
}

// QuarterEnd is the last day of q, the date the data of a build refers to
// (Meta.Published when no release names another).
func QuarterEnd(q iku.Quarter) time.Time {
	return time.Date(q.Year, time.Month(3*q.Q)+1, 0, 0, 0, 0, 0, time.UTC)
}
