package download

import (
	"strconv"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// suppressionRule is the rule of package disclosure in one paragraph, for
// the data dictionary of every file of the ratings table.
const suppressionRule = "Jumlah pegawai dari 1 sampai k−1 (k = 10 kecuali ditetapkan lain) tidak diterbitkan; kelompok dengan kurang dari 2k pegawai dinilai tidak dirinci per predikat; sel lain ikut disembunyikan bila tanpa itu sebuah sel tersembunyi dapat dihitung dari jumlah baris, total kota atau sel lain. Sel tersembunyi kosong (null) dengan suppressed = true; di halaman ditulis \"–\". Lihat halaman Metodologi."

var ratingColumns = []Column{
	{Name: "year", Title: "Tahun", Type: Integer, Description: "Tahun penilaian kinerja pegawai."},
	{Name: "agency_slug", Title: "Kode URL perangkat daerah", Type: String, Description: "Kode perangkat daerah dalam alamat situs (/opd/<agency_slug>/); kosong untuk seluruh kota."},
	{Name: "agency", Title: "Perangkat daerah", Type: String, Description: "Nama perangkat daerah, atau \"Seluruh perangkat daerah\" untuk total kota."},
	{Name: "predicate", Title: "Predikat kinerja pegawai", Type: String, Description: "Predikat SKP pegawai menurut PermenPANRB 6/2022: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang."},
	{Name: "count", Title: "Jumlah pegawai", Type: Integer, Description: "Jumlah pegawai ASN dengan predikat itu. Kosong bila disembunyikan demi privasi (lihat suppressed). " + suppressionRule},
	{Name: "suppressed", Title: "Disembunyikan", Type: Boolean, Description: "true bila jumlah disembunyikan oleh kontrol pengungkapan statistik (tidak pernah berarti 0)."},
	{Name: "share", Title: "Persentase", Type: Number, Unit: "%", Description: "count / rated × 100, 1 desimal, dihitung hanya dari jumlah yang diterbitkan; kosong bila jumlah disembunyikan."},
	{Name: "rated", Title: "Pegawai dinilai", Type: Integer, Description: "Jumlah pegawai ASN perangkat daerah (atau kota) yang dinilai pada tahun itu."},
	{Name: "iku_score", Title: "Skor IKU perangkat daerah", Type: Number, Unit: "%", Description: "Skor IKU perangkat daerah pada Triwulan IV tahun itu: rata-rata capaian indikator (dibatasi), seperti di halaman perangkat daerah; kosong untuk kota atau bila tidak ada indikator yang dihitung."},
}

// RatingColumns are the columns of the ratings table (asn-predikat).
func RatingColumns() []Column { return append([]Column(nil), ratingColumns...) }

// RatingsTable is the published ratings table of ds (already suppressed by
// package disclosure), one row per agency (then the city), year and
// predicate; nil when ds has no ratings.
func RatingsTable(rep *iku.Report, ds *iku.Dataset) *Table {
	if len(ds.Ratings) == 0 {
		return nil
	}
	names := map[string]string{"": "Seluruh perangkat daerah"}
	for _, a := range ds.Agencies {
		names[a.Slug] = a.Name
	}
	scores := map[string]map[int]*iku.Decimal{}
	for _, ar := range rep.Agencies {
		m := map[int]*iku.Decimal{}
		for _, sc := range ar.Scores {
			if sc.Quarter.Q == 4 {
				m[sc.Quarter.Year] = sc.Value
			}
		}
		scores[ar.Agency.Slug] = m
	}
	t := &Table{Name: "asn-predikat", Title: "Predikat kinerja pegawai ASN per perangkat daerah dan tahun (jumlah, dengan kontrol pengungkapan)", Columns: ratingColumns}
	null := Value{Null: true}
	for _, r := range ds.Ratings {
		row := []Value{{Text: strconv.Itoa(r.Year)}, {Text: r.AgencySlug}, {Text: names[r.AgencySlug]}, {Text: r.Predicate}}
		if r.Count == nil {
			row = append(row, null, Value{Text: "true"}, null)
		} else {
			share := disclosure.Share(r.Count, r.Rated)
			sv := null
			if share != nil {
				sv = Value{Text: share.String(), Decimals: 1}
			}
			row = append(row, Value{Text: strconv.Itoa(*r.Count)}, Value{Text: "false"}, sv)
		}
		row = append(row, Value{Text: strconv.Itoa(r.Rated)})
		if sc := scores[r.AgencySlug][r.Year]; sc != nil {
			row = append(row, Value{Text: sc.String(), Decimals: 2})
		} else {
			row = append(row, null)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
