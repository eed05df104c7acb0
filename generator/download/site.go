package download

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	// Extra are files under Folder written elsewhere (the releases' frozen
	// files): the data package and SHA256SUMS list them too.
	Extra []File
	// Write, when set, receives every file as soon as it is made (its path
	// under the site root), so that the files of a large site are never
	// all in memory; it is called from several goroutines. When nil the
	// files are kept in Downloads.Files.
	Write func(path string, data []byte) error
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
	Files []File // every file by path under the site root, sorted (empty when SiteOptions.Write took them)
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
	var sums []File // path and hash of every file, for SHA256SUMS
	var mu sync.Mutex
	// emit hands one finished file to the sink (or keeps it), and returns
	// its hash; it may be called from several goroutines.
	emit := func(path string, data []byte) (string, error) {
		h := SHA256(data)
		if o.Write != nil {
			if err := o.Write(path, data); err != nil {
				return "", err
			}
			return h, nil
		}
		mu.Lock()
		d.Files = append(d.Files, File{Path: path, Data: data})
		mu.Unlock()
		return h, nil
	}
	rows := flatRows(rep, ds, o)

	// One job per page: the rows of the page, written in every format.
	type job struct {
		page, dir, name, title string
		rows                   []int
	}
	type result struct {
		links []Link
		res   []Resource
		err   error
	}
	var jobs []job
	all, latest := make([]int, len(rows)), []int{}
	byIndicator, byAgency, bySector := map[string][]int{}, map[string][]int{}, map[string][]int{}
	for i, r := range rows {
		all[i] = i
		if r.latest {
			latest = append(latest, i)
		}
		byIndicator[r.indicator] = append(byIndicator[r.indicator], i)
		byAgency[r.agency] = append(byAgency[r.agency], i)
		bySector[r.sector] = append(bySector[r.sector], i)
	}
	jobs = append(jobs,
		job{"all", "", "iku-semua", "Semua indikator kinerja utama, semua periode", all},
		job{"latest", "", "iku-terbaru", fmt.Sprintf("Kondisi terbaru semua indikator, data sampai %s", rep.Latest), latest})
	for _, ir := range rep.Indicators {
		jobs = append(jobs, job{"iku/" + ir.Indicator.Slug, "iku/", ir.Indicator.Slug, ir.Indicator.Name, byIndicator[ir.Indicator.Slug]})
	}
	for _, ar := range rep.Agencies {
		jobs = append(jobs, job{"opd/" + ar.Agency.Slug, "opd/", ar.Agency.Slug, ar.Agency.Name, byAgency[ar.Agency.Slug]})
	}
	for _, sr := range rep.Sectors {
		jobs = append(jobs, job{"sektor/" + sr.Sector.Slug, "sektor/", sr.Sector.Slug, sr.Sector.Name, bySector[sr.Sector.Slug]})
	}
	// The CSV resources of every page share two schema files.
	schemas := map[Format]string{CSV: "schema/iku.json", ExcelCSV: "schema/iku-excel.json"}
	results := make([]result, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				t := &Table{Name: j.name, Title: j.title, Columns: flatColumns}
				for _, k := range j.rows {
					t.Rows = append(t.Rows, rows[k].values)
				}
				// Resources keep the columns only, not the rows.
				head := &Table{Name: j.name, Title: j.title, Columns: flatColumns}
				var r result
				for _, f := range TableFormats {
					var buf bytes.Buffer
					if err := f.Write(&buf, t, o.Meta); err != nil {
						r.err = iku.Wrap(err, iku.Internal, "cannot write the download %s", f.File(j.name))
						break
					}
					path := j.dir + f.File(j.name)
					h, err := emit(Folder+"/"+path, buf.Bytes())
					if err != nil {
						r.err = err
						break
					}
					r.links = append(r.links, Link{Format: f, Path: Folder + "/" + path, Bytes: buf.Len()})
					r.res = append(r.res, Resource{Path: path, Format: f, Table: head, Size: buf.Len(), Hash: h, SchemaPath: schemas[f]})
				}
				results[i] = r
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, j := range jobs {
		r := results[i]
		if r.err != nil {
			return nil, r.err
		}
		d.Pages[j.page] = r.links
		resources = append(resources, r.res...)
		datasets = append(datasets, Dataset{ID: o.BaseURL + j.page + "/", Title: j.title, Resources: r.res})
		for _, res := range r.res {
			sums = append(sums, File{Path: res.Path, Hash: res.Hash})
		}
	}
	for _, f := range []Format{CSV, ExcelCSV} {
		path := schemas[f]
		b, err := TableSchema(&Table{Name: "iku", Columns: flatColumns}, f)
		if err != nil {
			return nil, err
		}
		h, err := emit(Folder+"/"+path, b)
		if err != nil {
			return nil, err
		}
		sums = append(sums, File{Path: path, Hash: h})
		resources = append(resources, Resource{Path: path, Format: JSON, Data: b, Title: "Table Schema: " + path})
	}

	// The civil servants' rating counts, suppressed (generator/disclosure).
	if t := RatingsTable(rep, ds); t != nil {
		var res []Resource
		for _, f := range TableFormats {
			var buf bytes.Buffer
			if err := f.Write(&buf, t, o.Meta); err != nil {
				return nil, iku.Wrap(err, iku.Internal, "cannot write the download %s", f.File(t.Name))
			}
			path := f.File(t.Name)
			h, err := emit(Folder+"/"+path, buf.Bytes())
			if err != nil {
				return nil, err
			}
			sums = append(sums, File{Path: path, Hash: h})
			d.Pages["asn"] = append(d.Pages["asn"], Link{Format: f, Path: Folder + "/" + path, Bytes: buf.Len()})
			res = append(res, Resource{Path: path, Format: f, Table: &Table{Name: t.Name, Title: t.Title, Columns: t.Columns}, Size: buf.Len(), Hash: h})
		}
		resources = append(resources, res...)
		datasets = append(datasets, Dataset{ID: o.BaseURL + "asn/", Title: t.Title, Resources: res})
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
		h, err := emit(Folder+"/"+path, files[name])
		if err != nil {
			return nil, err
		}
		sums = append(sums, File{Path: path, Hash: h})
		d.Pages["bundle"] = append(d.Pages["bundle"], Link{Format: formatOf(name), Path: Folder + "/" + path, Bytes: len(files[name])})
		bundleRes = append(bundleRes, Resource{Path: path, Format: formatOf(name), Data: files[name], Title: "Bundel: " + name})
		zipped = append(zipped, File{Path: "bundle/" + name, Data: files[name]})
	}
	z, err := ZipFiles(zipped, o.Meta.published())
	if err != nil {
		return nil, err
	}
	zbuf := bytes.NewBuffer(z)
	zh, err := emit(Folder+"/bundle.zip", z)
	if err != nil {
		return nil, err
	}
	sums = append(sums, File{Path: "bundle.zip", Hash: zh})
	d.Pages["bundle"] = append(d.Pages["bundle"], Link{Format: Zip, Path: Folder + "/bundle.zip", Bytes: zbuf.Len()})
	bundleRes = append(bundleRes, Resource{Path: "bundle.zip", Format: Zip, Data: zbuf.Bytes(), Title: "Bundel data mentah (zip)"})
	resources = append(resources, bundleRes...)
	datasets = append(datasets, Dataset{ID: o.BaseURL + "data/#bundel", Title: "Bundel data mentah (tabel masukan)", Resources: bundleRes})

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
	cat, err := DCAT(Catalog{
		ID: o.BaseURL + Folder + "/catalog.jsonld", BaseURL: o.BaseURL + Folder + "/", Homepage: o.BaseURL,
		Title: o.Meta.Title, Description: "Target, realisasi dan capaian indikator kinerja utama perangkat daerah.", Language: "id",
		Datasets: datasets,
	}, o.Meta)
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write catalog.jsonld")
	}
	for _, f := range []File{{Path: "datapackage.json", Data: pkg}, {Path: "catalog.jsonld", Data: cat}} {
		h, err := emit(Folder+"/"+f.Path, f.Data)
		if err != nil {
			return nil, err
		}
		sums = append(sums, File{Path: f.Path, Hash: h})
	}

	// SHA256SUMS lists every file of the folder but itself, relative to it.
	for _, f := range o.Extra {
		sums = append(sums, File{Path: strings.TrimPrefix(f.Path, Folder+"/"), Data: f.Data})
	}
	var sbuf bytes.Buffer
	if err := WriteChecksums(&sbuf, sums); err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot write %s", ChecksumsFile)
	}
	if _, err := emit(Folder+"/"+ChecksumsFile, sbuf.Bytes()); err != nil {
		return nil, err
	}
	if o.Write == nil {
		slices.SortFunc(d.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	}
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
