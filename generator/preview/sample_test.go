package preview

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var samples = flag.String("samples", "", "write the sample cards as PNG into this folder")

// indicatorCard is an indicator page's card as the site would make it: 23
// quarters of a waiting time against its target.
func indicatorCard() Card {
	labels := []string{}
	actual, target := []string{}, []string{}
	vals := []string{"72.4", "70.1", "69.8", "", "66.0", "64.3", "63.9", "61.2", "62.5", "60.4", "58.8", "59.9",
		"57.3", "58.1", "56.0", "55.6", "57.9", "56.4", "55.0", "54.8", "56.1", "55.7", "55.2"}
	targets := []string{"75", "75", "75", "75", "70", "70", "70", "70", "65", "65", "65", "65",
		"62", "62", "62", "62", "60", "60", "60", "60", "60", "60", "60"}
	roman := []string{"I", "II", "III", "IV"}
	for i := range vals {
		labels = append(labels, "TW "+roman[i%4]+" "+strconv.Itoa(2021+i/4))
		actual = append(actual, vals[i])
		target = append(target, targets[i])
	}
	return Card{
		Site:   "Portal Kinerja Kota Tanjungbalai",
		Badge:  "Data contoh",
		Title:  "Rata-rata waktu tunggu pelayanan rawat jalan di puskesmas dan rumah sakit umum daerah",
		Lines:  []string{"Triwulan III 2026: 55,2 menit", "Target ≤ 60 menit"},
		Status: &Status{Key: "sangat_baik", Label: "Sangat Baik"},
		Chart: &Chart{Kind: Line, Labels: labels, Series: []Series{
			{Name: "Realisasi", Style: Actual, Values: actual},
			{Name: "Target", Style: Target, Values: target},
		}},
	}
}

// agencyCard is an agency page's card: its indicators' achievements.
func agencyCard() Card {
	return Card{
		Site:  "Portal Kinerja Kota Tanjungbalai",
		Title: "Dinas Kesehatan",
		Lines: []string{"Skor Triwulan III 2026: 96,4 %", "8 indikator"},
		Chart: &Chart{Kind: Bar,
			Labels: []string{"Waktu tunggu rawat jalan", "Cakupan imunisasi dasar lengkap", "Persalinan di fasilitas kesehatan",
				"Penderita hipertensi yang dilayani sesuai standar", "Indeks kepuasan masyarakat", "Angka kematian ibu", "Prevalensi stunting", "Puskesmas terakreditasi"},
			Series: []Series{{Name: "Capaian (%)", Values: []string{"108.33", "97.5", "101.2", "64.8", "104.56", "120", "88.9", "75"}}},
			Ref:    &Ref{Value: "100", Label: "Target 100 %"},
		},
	}
}

// releaseCard is a release's card: the quarter, its headline counts, the
// most improved and most declined indicator, and the site's address.
func releaseCard() Card {
	return Card{
		Site:  "Portal Kinerja Kota Tanjungbalai",
		Badge: "Data contoh — bukan data resmi.",
		Title: "Rilis Triwulan III 2026",
		Lines: []string{"Dari 102 indikator:"},
		Counts: []Count{
			{"56", "berkategori atau berstatus Sangat Baik, Baik, Tercapai atau Tercapai sejauh ini"},
			{"31", "di bawah itu atau tidak tercapai"},
			{"4", "belum dapat dinilai"},
			{"9", "belum dilaporkan"},
			{"2", "tidak dijadwalkan triwulan ini"},
		},
		Notes: []Note{
			{"Paling membaik", "Persentase pasien rawat jalan dengan waktu tunggu ≤ 60 menit", "(+14,38 poin)"},
			{"Paling memburuk", "Jumlah insiden pasien jatuh di rawat inap", "(−12,50 poin)"},
		},
		Footer: []string{"kinerja.tanjungbalaikota.go.id/rilis/2026-q3/"},
	}
}

func writeSample(t *testing.T, name string, png []byte) {
	t.Helper()
	if *samples == "" {
		return
	}
	if err := os.MkdirAll(*samples, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*samples, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSamples(t *testing.T) {
	for name, c := range map[string]Card{"indicator.png": indicatorCard(), "agency.png": agencyCard(), "release.png": releaseCard()} {
		for _, s := range []Size{OpenGraph, Portrait} {
			b, err := Draw(c, s)
			if err != nil {
				t.Fatal(err)
			}
			n := name
			if s == Portrait {
				n = "portrait-" + name
			}
			writeSample(t, n, b)
		}
	}
}
