package download

import (
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The tables that answer one question each, besides the flat table of
// every period: how each indicator did in each year (iku-tahunan) and how
// each agency scored in each quarter (skor-opd). Their rows are read from
// the display model, as the flat table's are: the years of an indicator's
// page and the scores of an agency's page, with iku's one definition of
// tercapai (DOMAIN.md, "One definition per count").
const (
	YearsTable  = "iku-tahunan"
	ScoresTable = "skor-opd"
)

// The columns every table of indicators starts with.
var indicatorColumns = flatColumns[:11]

var yearColumns = append(append([]Column(nil), indicatorColumns...), []Column{
	{Name: "year", Title: "Tahun", Type: Integer, Description: "Tahun yang digabung dari periode-periodenya menurut jenis konsolidasi indikator."},
	{Name: "target", Title: "Target tahunan", Type: Number, Description: "Target tahunan; batas bawah bila target berupa rentang. Kosong: target tahun itu belum ditetapkan."},
	{Name: "target_high", Title: "Target tahunan (batas atas)", Type: Number, Description: "Batas atas target tahunan berupa rentang; kosong untuk target tunggal."},
	{Name: "actual", Title: "Realisasi tahunan", Type: Number, Description: "Realisasi setahun, digabung menurut jenis konsolidasi (jumlah, rata-rata tertimbang dihitung ulang, nilai terakhir, atau nilai kumulatif terakhir). Kosong: belum dapat dihitung (belum ada periode yang dilaporkan)."},
	{Name: "complete", Title: "Lengkap", Type: Boolean, Description: "true bila semua periode tahun itu yang diperlukan sudah dilaporkan."},
	{Name: "achievement", Title: "Capaian tahunan (%)", Type: Number, Unit: "%", Description: "Capaian tahun itu dalam persen (PermenPANRB 8/2021), tanpa batas atas, 2 desimal. Kosong bila tidak ada persen (tahun berjalan, belum lengkap, target 0, target belum ditetapkan, belum dilaporkan)."},
	{Name: "category", Title: "Kategori", Type: String, Description: "Kunci kategori bila status category (sangat_baik, baik, cukup, kurang, sangat_kurang)."},
	{Name: "category_label", Title: "Kategori (teks)", Type: String, Description: "Kategori seperti ditulis di situs."},
	{Name: "status", Title: "Status", Type: String, Description: "category, met, not_met, in_progress (tahun berjalan), incomplete (tahun selesai tetapi ada periode yang belum dilaporkan), no_target atau not_reported."},
	{Name: "status_label", Title: "Status (teks)", Type: String, Description: "Status tahun itu seperti ditulis di situs."},
	{Name: "tercapai", Title: "Tercapai", Type: Boolean, Description: "true bila target tahun itu tercapai: capaian paling sedikit 100, atau status met (target 0 terpenuhi); false bila capaian di bawah 100 atau status not_met; kosong bila keduanya tidak berlaku (tahun berjalan, belum lengkap, tanpa target, belum dilaporkan). Definisi yang sama dengan kolom tercapai tabel semua periode."},
	{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman indikator di situs."},
}...)

var scoreColumns = []Column{
	flatColumns[0], flatColumns[1], flatColumns[2], flatColumns[3],
	{Name: "period", Title: "Triwulan", Type: String, Description: "Triwulan skor: 2026-Q3."},
	{Name: "year", Title: "Tahun", Type: Integer, Description: "Tahun triwulan itu."},
	{Name: "quarter", Title: "Triwulan ke", Type: Integer, Description: "Triwulan (1–4)."},
	{Name: "score", Title: "Skor capaian (%)", Type: Number, Unit: "%", Description: "Rata-rata capaian indikator yang dihitung triwulan itu, setiap capaian dibatasi paling tinggi sesuai batas skor (lihat Metodologi), 2 desimal. Kosong bila tidak ada indikator yang dihitung."},
	{Name: "indicators", Title: "Indikator", Type: Integer, Description: "Jumlah indikator perangkat daerah yang berlaku triwulan itu; sama dengan counted + in_progress + not_reported + not_due + no_percentage."},
	{Name: "counted", Title: "Dihitung", Type: Integer, Description: "Indikator yang memiliki capaian dalam persen triwulan itu (realisasi dan target ada dan periodenya dijadwalkan): hanya mereka yang masuk ke skor."},
	{Name: "in_progress", Title: "Dalam proses", Type: Integer, Description: "Indikator yang triwulan itu masih dalam proses menuju target tahunan (tanpa persen)."},
	{Name: "not_reported", Title: "Belum dilaporkan", Type: Integer, Description: "Indikator yang dijadwalkan triwulan itu tetapi realisasinya belum dilaporkan."},
	{Name: "not_due", Title: "Tidak dijadwalkan", Type: Integer, Description: "Indikator semesteran atau tahunan yang tidak dijadwalkan triwulan itu; tidak pernah dihitung sebagai belum dilaporkan."},
	{Name: "no_percentage", Title: "Tanpa persen lainnya", Type: Integer, Description: "Indikator lain tanpa capaian dalam persen: target 0 (tercapai atau tidak tercapai), target belum ditetapkan, data belum lengkap, atau target tahun sudah tercapai/terlampaui sebelum akhir tahun."},
	{Name: "not_counted", Title: "Tidak dihitung", Type: Integer, Description: "Indikator yang dijadwalkan triwulan itu tetapi tidak masuk ke skor: in_progress + not_reported + no_percentage (kolom Tidak dihitung di halaman perangkat daerah)."},
	{Name: "page_url", Title: "Halaman", Type: String, Description: "Alamat halaman perangkat daerah di situs."},
}

// YearColumns and ScoreColumns are the columns of the tables iku-tahunan
// and skor-opd, for data dictionaries.
func YearColumns() []Column  { return append([]Column(nil), yearColumns...) }
func ScoreColumns() []Column { return append([]Column(nil), scoreColumns...) }

// yearRows are the rows of iku-tahunan: each indicator's consolidated
// years as its page lists them (display.Indicator.YearRows), the exact
// values from each year (iku.Year), the words from the record.
func yearRows(m *display.Model, base string) [][]Value {
	var rows [][]Value
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		meta := &ind.Report().Indicator
		head := indicatorValues(ind)
		page := text(base + ind.URL)
		for k := range ind.YearRows {
			r := &ind.YearRows[k]
			y := r.Year
			var target, high *iku.Decimal
			if y.Target != nil {
				target, high = &y.Target.Value, y.Target.High
			}
			categoryLabel := Value{Null: true}
			if y.Status == iku.StatusCategory {
				categoryLabel = text(r.Status.Label)
			}
			v := append(append(make([]Value, 0, len(yearColumns)), head...),
				integer(y.Year), cell(target, meta.Decimals), cell(high, meta.Decimals), cell(y.Actual, meta.Decimals),
				boolean(y.Complete), cell(y.Achievement, 2), text(y.Category), categoryLabel,
				text(string(y.Status)), text(r.Status.Label), met(y.Met), page)
			rows = append(rows, v)
		}
	}
	return rows
}

// scoreRows are the rows of skor-opd: each agency's scores as its page
// lists them (display.Agency.ScoreRows), with the counts of iku.Score.
func scoreRows(m *display.Model, base string) [][]Value {
	var rows [][]Value
	for i := range m.Agencies {
		a := &m.Agencies[i]
		ag := &a.Report().Agency
		sector := m.Sector(ag.SectorSlug)
		sectorName := ""
		if sector != nil {
			sectorName = sector.Name.Text
		}
		for k := range a.ScoreRows {
			r := &a.ScoreRows[k]
			s := r.Score()
			c := s.Counts
			counted := c.Counted()
			rows = append(rows, []Value{
				text(ag.Slug), text(a.Name.Text), text(ag.SectorSlug), text(sectorName),
				text(r.Key), integer(s.Quarter.Year), integer(s.Quarter.Q), cell(s.Value, 2),
				integer(c.Total), integer(counted), integer(c.InProgress), integer(c.NotReported), integer(c.NotDue),
				integer(c.Total - counted - c.InProgress - c.NotReported - c.NotDue), integer(c.Total - counted - c.NotDue),
				text(base + a.URL),
			})
		}
	}
	return rows
}

// indicatorValues are the values of indicatorColumns for ind.
func indicatorValues(ind *display.Indicator) []Value {
	meta := &ind.Report().Indicator
	return []Value{
		text(meta.AgencySlug), text(ind.Agency.Text.Text), text(meta.SectorSlug), text(ind.Sector.Text.Text),
		text(meta.Slug), text(meta.Code), text(ind.Name.Text), text(ind.Unit.Text),
		text(string(meta.Polarity)), text(string(meta.Consolidation)), text(string(meta.Frequency)),
	}
}

// met is tercapai as a cell: true, false, or empty (iku.MetUnknown).
func met(m iku.Met) Value {
	if m == iku.MetUnknown {
		return Value{Null: true}
	}
	return boolean(m == iku.MetYes)
}
