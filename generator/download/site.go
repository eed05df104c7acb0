package download

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Folder is where the downloads live in the published site: /data/.
const Folder = "data"

// SiteOptions say how the downloads of one build are described.
type SiteOptions struct {
	// BaseURL is the site's public address ("https://…/"); the page_url
	// column and the DCAT catalogue use it.
	BaseURL string
	// Label names a status or category for people, from the site's words
	// ("category_baik" → "Baik", "status_not_reported" → "Belum
	// dilaporkan"); nil leaves the label columns empty.
	Label func(key string) string
	Meta  Meta
}

// Link is one downloadable file of a page: its format, path under the
// site root and size.
type Link struct {
	Format Format `json:"format"`
	Path   string `json:"path"` // "data/iku/x.csv"
	Bytes  int    `json:"bytes"`
}

// Downloads are the files of one build and which page links to which.
type Downloads struct {
	Files []File // every file, by path under the site root, in a fixed order
	// Pages maps "iku/<slug>", "opd/<slug>", "sektor/<slug>", "all",
	// "latest" and "bundle" to their files, in TableFormats order.
	Pages map[string][]Link
	// Catalogue are the files the /data/ page lists besides those of the
	// pages: the data package, the DCAT catalogue and SHA256SUMS.
	Catalogue []Link
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
	{Name: "consolidation", Title: "Jenis konsolidasi", Type: String, Description: "Cara periode digabung menjadi setahun: sum (jumlah), average (rata-rata tertimbang dihitung ulang dari pengukuran) atau last (nilai terakhir)."},
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
}

// FlatColumns are the columns of the flat table, for the data dictionary
// of the /data/ page: the same list the files are written with.
func FlatColumns() []Column { return append([]Column(nil), flatColumns...) }

// Site builds every download of a build from the evaluated report: the
// flat table for the whole data, the latest state, each indicator, agency
// and sector, in every table format; the raw bundle of ds (its files and a
// zip); datapackage.json, catalog.jsonld and SHA256SUMS. The same input
// gives the same bytes.
func Site(rep *iku.Report, ds *iku.Dataset, o SiteOptions) (*Downloads, error) {
	d := &Downloads{Pages: map[string][]Link{}}
	var resources []Resource
	var datasets []Dataset
	rows := flatRows(rep, ds, o)
	var write func(page, dir string, t *Table) error

	// add writes the table of one page in every format into dir.
	add := func(page, dir, name, title string, pick func(r flatRow) bool, latestOnly bool) error {
		t := &Table{Name: name, Title: title, Columns: flatColumns}
		for _, r := range rows {
			if pick(r) && (!latestOnly || r.latest) {
				t.Rows = append(t.Rows, r.values)
			}
		}
		return write(page, dir, t)
	}
	write = func(page, dir string, t *Table) error {
		name, title := t.Name, t.Title
		var res []Resource
		for _, f := range TableFormats {
			var buf bytes.Buffer
			if err := f.Write(&buf, t, o.Meta); err != nil {
				return iku.Wrap(err, iku.Internal, "cannot write the download %s", f.File(name))
			}
			path := dir + f.File(name)
			d.Files = append(d.Files, File{Path: Folder + "/" + path, Data: buf.Bytes()})
			d.Pages[page] = append(d.Pages[page], Link{Format: f, Path: Folder + "/" + path, Bytes: buf.Len()})
			res = append(res, Resource{Path: path, Format: f, Data: buf.Bytes(), Table: t})
		}
		resources = append(resources, res...)
		datasets = append(datasets, Dataset{ID: o.BaseURL + page + "/", Title: title, Resources: res})
		return nil
	}
	all := func(flatRow) bool { return true }
	if err := add("all", "", "iku-semua", "Semua indikator kinerja utama, semua periode", all, false); err != nil {
		return nil, err
	}
	if err := add("latest", "", "iku-terbaru", fmt.Sprintf("Kondisi terbaru semua indikator, data sampai %s", rep.Latest), all, true); err != nil {
		return nil, err
	}
	for _, ir := range rep.Indicators {
		slug := ir.Indicator.Slug
		if err := add("iku/"+slug, "iku/", slug, ir.Indicator.Name, func(r flatRow) bool { return r.indicator == slug }, false); err != nil {
			return nil, err
		}
	}
	for _, ar := range rep.Agencies {
		slug := ar.Agency.Slug
		if err := add("opd/"+slug, "opd/", slug, ar.Agency.Name, func(r flatRow) bool { return r.agency == slug }, false); err != nil {
			return nil, err
		}
	}
	for _, sr := range rep.Sectors {
		slug := sr.Sector.Slug
		if err := add("sektor/"+slug, "sektor/", slug, sr.Sector.Name, func(r flatRow) bool { return r.sector == slug }, false); err != nil {
			return nil, err
		}
	}

	if t := RatingsTable(rep, ds); t != nil {
		if err := write("asn", "", t); err != nil {
			return nil, err
		}
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
		d.Files = append(d.Files, File{Path: Folder + "/" + path, Data: files[name]})
		d.Pages["bundle"] = append(d.Pages["bundle"], Link{Format: formatOf(name), Path: Folder + "/" + path, Bytes: len(files[name])})
		bundleRes = append(bundleRes, Resource{Path: path, Format: formatOf(name), Data: files[name], Title: "Bundel: " + name})
		zipped = append(zipped, File{Path: "bundle/" + name, Data: files[name]})
	}
	z, err := ZipFiles(zipped, o.Meta.published())
	if err != nil {
		return nil, err
	}
	zbuf := bytes.NewBuffer(z)
	d.Files = append(d.Files, File{Path: Folder + "/bundle.zip", Data: zbuf.Bytes()})
	d.Pages["bundle"] = append(d.Pages["bundle"], Link{Format: Zip, Path: Folder + "/bundle.zip", Bytes: zbuf.Len()})
	bundleRes = append(bundleRes, Resource{Path: "bundle.zip", Format: Zip, Data: zbuf.Bytes(), Title: "Bundel data mentah (zip)"})
	resources = append(resources, bundleRes...)
	datasets = append(datasets, Dataset{ID: o.BaseURL + "data/#bundel", Title: "Bundel data mentah (tabel masukan)", Resources: bundleRes})

	pkg, err := DataPackage("iku-kota-tanjungbalai", o.Meta.Title, o.Meta, resources)
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write datapackage.json")
	}
	cat, err := DCAT(Catalog{
		ID: o.BaseURL + Folder + "/catalog.jsonld", BaseURL: o.BaseURL + Folder + "/", Homepage: o.BaseURL,
		Title: o.Meta.Title, Description: "Target, realisasi dan capaian indikator kinerja utama perangkat daerah.", Language: "id",
		Datasets: datasets,
	}, o.Meta)
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write catalog.jsonld")
	}
	d.Files = append(d.Files, File{Path: Folder + "/datapackage.json", Data: pkg}, File{Path: Folder + "/catalog.jsonld", Data: cat})

	// SHA256SUMS lists every file of the folder but itself, relative to it.
	var sums []File
	for _, f := range d.Files {
		sums = append(sums, File{Path: strings.TrimPrefix(f.Path, Folder+"/"), Data: f.Data})
	}
	var sbuf bytes.Buffer
	if err := WriteChecksums(&sbuf, sums); err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write %s", ChecksumsFile)
	}
	d.Files = append(d.Files, File{Path: Folder + "/" + ChecksumsFile, Data: sbuf.Bytes()})
	d.Catalogue = []Link{
		{Format: JSON, Path: Folder + "/datapackage.json", Bytes: len(pkg)},
		{Format: JSON, Path: Folder + "/catalog.jsonld", Bytes: len(cat)},
		{Format: "sha256", Path: Folder + "/" + ChecksumsFile, Bytes: sbuf.Len()},
	}
	return d, nil
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

// flatRow is one row of the flat table with what the tables select by.
type flatRow struct {
	indicator, agency, sector string
	latest                    bool // the indicator's latest due period
	values                    []Value
}

func flatRows(rep *iku.Report, ds *iku.Dataset, o SiteOptions) []flatRow {
	agencies := map[string]string{}
	for _, a := range ds.Agencies {
		agencies[a.Slug] = a.Name
	}
	sectors := map[string]string{}
	for _, s := range ds.Sectors {
		sectors[s.Slug] = s.Name
	}
	label := func(key string) Value {
		if o.Label == nil || strings.HasSuffix(key, "_") {
			return Value{Null: true}
		}
		return text(o.Label(key))
	}
	var rows []flatRow
	for _, ir := range rep.Indicators {
		ind := ir.Indicator
		for i, e := range ir.Series {
			p := ind.Frequency.Period(e.Quarter)
			v := []Value{
				text(ind.AgencySlug), text(agencies[ind.AgencySlug]), text(ind.SectorSlug), text(sectors[ind.SectorSlug]),
				text(ind.Slug), text(ind.Code), text(ind.Name), text(ind.Unit),
				text(string(ind.Polarity)), text(string(ind.Consolidation)), text(string(ind.Frequency)),
				text(p.Key()), text(string(p.Kind)), integer(e.Quarter.Year), integer(e.Quarter.Q),
			}
			var target, high *iku.Decimal
			kind := ""
			if t := e.Target; t != nil {
				target, high = &t.Value, t.High
				kind = "annual"
				if t.Quarter != 0 {
					kind = string(t.Basis)
				}
			}
			v = append(v, text(kind),
				cell(target, ind.Decimals), cell(high, ind.Decimals), cell(e.Actual, ind.Decimals),
				cell(e.YearToDate, ind.Decimals), cell(e.Compared, ind.Decimals), text(string(e.Basis)),
				cell(e.Achievement, 2), text(e.Category), label("category_"+e.Category),
				text(string(e.Status)), label("status_"+string(e.Status)),
				boolean(e.Exceeds), boolean(e.Provisional),
			)
			var x iku.Explanation
			if e.Explanation != nil {
				x = *e.Explanation
			}
			v = append(v, text(x.Supporting), text(x.Inhibiting), text(x.FollowUp), text(o.BaseURL+"iku/"+ind.Slug+"/"))
			rows = append(rows, flatRow{indicator: ind.Slug, agency: ind.AgencySlug, sector: ind.SectorSlug,
				latest: i == len(ir.Series)-1, values: v})
		}
	}
	return rows
}

func text(s string) Value { return Value{Text: s, Null: s == ""} }

func integer(n int) Value { return Value{Text: strconv.Itoa(n)} }

func boolean(b bool) Value { return Value{Text: strconv.FormatBool(b)} }

func cell(d *iku.Decimal, decimals int) Value {
	if d == nil {
		return Value{Null: true}
	}
	return Value{Text: d.String(), Decimals: decimals}
}

// QuarterEnd is the last day of q, the date the data of a build refers to
// (Meta.Published when no release names another).
func QuarterEnd(q iku.Quarter) time.Time {
	return time.Date(q.Year, time.Month(3*q.Q)+1, 0, 0, 0, 0, 0, time.UTC)
}
