package download

import (
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// UnitsTable is the table of service units' results (unit): one row per
// service unit, indicator and due period, read from the units' display
// records (display.Unit) as the unit pages print them. A period whose
// count is below the privacy threshold has no value, no count and no
// achievement: suppressed is true, and nothing else tells the value.
const UnitsTable = "unit"

var unitColumns = []Column{
	{Name: "unit_slug", Title: "Unit layanan (kode)", Type: String, Description: "Pengenal tetap unit layanan, dipakai di alamat /unit/<slug>/."},
	{Name: "unit_name", Title: "Unit layanan", Type: String, Description: "Nama unit layanan (puskesmas, sekolah, destinasi wisata, poliklinik)."},
	{Name: "unit_kind", Title: "Jenis unit", Type: String, Description: "Jenis unit sebagai kode: puskesmas, sekolah, destinasi, poliklinik, …"},
	{Name: "kecamatan_slug", Title: "Kecamatan (kode)", Type: String, Description: "Perangkat daerah kecamatan tempat unit berada; kosong bila unit tidak berada di satu kecamatan."},
	{Name: "kecamatan", Title: "Kecamatan", Type: String, Description: "Nama kecamatan tempat unit berada."},
	flatColumns[0], flatColumns[1], flatColumns[4], flatColumns[6], flatColumns[7],
	{Name: "period", Title: "Periode", Type: String, Description: "Periode pelaporan yang dijadwalkan: 2026-Q3, 2026-S1 atau 2026."},
	{Name: "year", Title: "Tahun", Type: Integer, Description: "Tahun periode itu."},
	{Name: "quarter", Title: "Triwulan ke", Type: Integer, Description: "Triwulan terakhir periode itu (1–4)."},
	{Name: "actual", Title: "Nilai unit", Type: Number, Description: "Nilai unit pada periode itu, digabung dari pengukuran bulanannya menurut jenis konsolidasi indikator (seperti nilai perangkat daerah). Kosong bila belum dilaporkan atau bila jumlah yang mendasarinya terlalu kecil (kolom suppressed)."},
	{Name: "count", Title: "Jumlah yang diukur", Type: Number, Description: "Jumlah yang mendasari nilai itu: penyebut rasio (pasien, murid), atau nilai itu sendiri untuk indikator jumlah (kunjungan). Kosong bila tidak diterbitkan."},
	{Name: "suppressed", Title: "Tidak diterbitkan", Type: Boolean, Description: "true bila nilai tidak diterbitkan karena jumlah yang mendasarinya di bawah ambang unit_min_count (data/privasi.toml), atau karena nilainya dapat dihitung dari total perangkat daerah dan unit yang demikian."},
	{Name: "city_actual", Title: "Nilai kota", Type: Number, Description: "Nilai perangkat daerah (seluruh kota) pada periode yang sama."},
	{Name: "target", Title: "Target", Type: Number, Description: "Target perangkat daerah yang dipakai untuk menilai unit pada periode itu; batas bawah bila berupa rentang. Kosong untuk indikator jumlah (targetnya total kota, tidak dinilai per unit) atau bila belum ditetapkan."},
	{Name: "target_high", Title: "Target (batas atas)", Type: Number, Description: "Batas atas target berupa rentang; kosong untuk target tunggal."},
	{Name: "achievement", Title: "Capaian (%)", Type: Number, Unit: "%", Description: "Capaian unit terhadap target perangkat daerah, dengan aturan yang sama seperti perangkat daerah, 2 desimal; kosong bila tidak ada persen."},
	{Name: "status", Title: "Status", Type: String, Description: "Kunci status seperti di situs: kategori (sangat_baik, baik, …), met, not_met, in_progress, no_target, not_reported, atau too_small (jumlah terlalu kecil untuk dinilai)."},
	{Name: "status_label", Title: "Status (teks)", Type: String, Description: "Status seperti ditulis di halaman unit."},
	{Name: "provisional", Title: "Sementara", Type: Boolean, Description: "true bila ada pengukuran periode itu yang belum diverifikasi."},
	{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman unit di situs."},
}

// UnitColumns are the columns of the table unit, for data dictionaries.
func UnitColumns() []Column { return append([]Column(nil), unitColumns...) }

// unitRows are the rows of unit: every unit's periods as its page lists
// them (display.UnitPeriod), exact values from the evaluations, words
// from the records. A suppressed period carries no number at all.
func unitRows(m *display.Model, base string) [][]Value {
	ds := m.Dataset()
	units := make(map[string]*iku.ServiceUnit, len(ds.Units))
	for i := range ds.Units {
		units[ds.Units[i].Slug] = &ds.Units[i]
	}
	null := Value{Null: true}
	var rows [][]Value
	for i := range m.Units {
		u := &m.Units[i]
		su := units[u.Slug]
		if su == nil {
			continue
		}
		kecamatan := ""
		if u.Kecamatan != nil {
			kecamatan = u.Kecamatan.Text.Text
		}
		for _, s := range u.Sections {
			ind := m.Indicator(s.ID)
			if ind == nil {
				continue
			}
			meta := &ind.Report().Indicator
			for _, r := range s.Rows {
				e := r.Eval
				actual, count, ach := cell(e.Actual, meta.Decimals), null, cell(e.Achievement, 2)
				if r.CountValue != nil {
					count = cell(r.CountValue, scaleOf(r.CountValue))
				}
				target, high := null, null
				if r.Target.Text != "" && e.Target != nil {
					target, high = cell(&e.Target.Value, meta.Decimals), cell(e.Target.High, meta.Decimals)
				}
				if r.Target.Text == "" {
					ach = null
				}
				city := null
				if r.CityEval != nil {
					city = cell(r.CityEval.Actual, meta.Decimals)
				}
				if r.Suppressed {
					actual, count, ach = null, null, null
				}
				rows = append(rows, []Value{
					text(u.Slug), text(u.Name.Text), text(su.Kind), text(su.KecamatanSlug), text(kecamatan),
					text(meta.AgencySlug), text(ind.Agency.Text.Text), text(meta.Slug), text(ind.Name.Text), text(ind.Unit.Text),
					text(r.Key), integer(e.Quarter.Year), integer(e.Quarter.Q),
					actual, count, boolean(r.Suppressed), city, target, high, ach,
					text(r.Status.Key), text(r.Status.Label), boolean(e.Provisional && e.Actual != nil), text(base + u.URL),
				})
			}
		}
	}
	return rows
}

// scaleOf is the number of digits after the decimal point of d.
func scaleOf(d *iku.Decimal) int {
	s := d.String()
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return len(s) - 1 - i
		}
	}
	return 0
}
