package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// staff is the number of fictitious civil servants per agency (1,000 in
// all, plus Canary).
var staff = map[string]int{
	"dinas-kesehatan": 130, "rsud-tengku-mansyur": 150, "dinas-pendidikan": 230,
	"disporapar": 30, "bapperida": 35, "dpmptsp": 32, "dinas-sosial": 28, "dinas-putr": 45,
	"dinas-perkim": 30, "diskominfo": 28, "inspektorat": 30, "dinas-lingkungan-hidup": 40,
	"dinas-perikanan-pangan-pertanian": 38, "satpol-pp": 64, "bpbd": 30,
}

// staffPerKecamatan: small offices of about 20 civil servants, some
// below 2k = 20 rated, so that the disclosure control suppresses their
// distributions whole, some just above it.
var staffPerKecamatan = map[string]int{
	"kecamatan-datuk-bandar": 22, "kecamatan-datuk-bandar-timur": 18, "kecamatan-tanjungbalai-selatan": 24,
	"kecamatan-tanjungbalai-utara": 20, "kecamatan-sei-tualang-raso": 16, "kecamatan-teluk-nibung": 21,
}

// LenientAgency rates nearly all its staff Sangat Baik although its own
// results are the weakest of the city and falling: the pattern that the
// "Kinerja ASN dan IKU" page exists to show.
const LenientAgency = "dinas-lingkungan-hidup"

var (
	maleNames = []string{"Ahmad", "Muhammad", "Rizki", "Fauzi", "Hendra", "Syahrul", "Zulkifli", "Irwan",
		"Budi", "Agus", "Darwin", "Edi", "Fadli", "Hasan", "Ikhsan", "Joko", "Khairul", "Lukman", "Mahmud",
		"Nasrun", "Rahmat", "Sofyan", "Taufik", "Usman", "Wahyu", "Yusuf", "Zainal", "Arif", "Bambang",
		"Dedi", "Erwin", "Faisal", "Gunawan", "Hamdan", "Indra", "Junaidi", "Mulyadi", "Nurdin", "Ridwan",
		"Safrizal", "Teguh", "Andi", "Ilham", "Azhar", "Syafii", "Roni", "Marwan", "Amri"}
	femaleNames = []string{"Siti", "Nur", "Dewi", "Rina", "Sri", "Fitri", "Ani", "Yuni", "Rahma",
		"Nurhayati", "Lestari", "Maya", "Wulan", "Intan", "Putri", "Rosmawati", "Hasanah", "Aisyah",
		"Fatimah", "Juliana", "Kartika", "Lina", "Melati", "Nadia", "Ratna", "Sari", "Tuti", "Wahyuni",
		"Yanti", "Zahra", "Desi", "Eka", "Fauziah", "Hidayah", "Indah", "Mariani", "Nova", "Rini",
		"Suryani", "Zubaidah", "Halimah", "Khadijah"}
	maleMiddle   = []string{"Ali", "Rahman", "Hidayat", "Syahputra", "Saputra", "Pratama", "Ramadhan", "Hakim", "Fadillah", "Aditya"}
	femaleMiddle = []string{"Aminah", "Wati", "Syahputri", "Saputri", "Handayani", "Rahmawati", "Ningsih", "Oktaviani", "Amelia", "Sundari"}
	familyNames  = []string{"Siregar", "Nasution", "Lubis", "Harahap", "Hasibuan", "Tanjung", "Pohan",
		"Daulay", "Rangkuti", "Matondang", "Sinaga", "Simatupang", "Sitorus", "Panjaitan", "Manurung",
		"Hutagalung", "Sembiring", "Ginting", "Damanik", "Saragih", "Purba", "Pane", "Batubara",
		"Marpaung", "Situmorang", "Pasaribu", "Ritonga", "Dalimunthe"}
	degrees = []string{"S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.AP.", "S.E., M.Si.", "A.Md.", "S.Ak.", "M.AP."}
)

// positions by agency: functional positions (jabatan fungsional) with
// their levels, and the degree their holders usually carry ("dr." is a
// prefix).
var positions = map[string][]struct{ title, degree string }{
	"rsud-tengku-mansyur": {{"Dokter Ahli Pertama", "dr."}, {"Dokter Ahli Muda", "dr."}, {"Perawat Terampil", "A.Md.Kep."},
		{"Perawat Ahli Pertama", "S.Kep., Ns."}, {"Perawat Ahli Muda", "S.Kep., Ns."}, {"Bidan Terampil", "A.Md.Keb."},
		{"Apoteker Ahli Pertama", "S.Farm., Apt."}, {"Perekam Medis Terampil", "A.Md.RMIK"}, {"Pranata Laboratorium Kesehatan Terampil", "A.Md.AK."}},
	"dinas-kesehatan": {{"Dokter Ahli Pertama", "dr."}, {"Bidan Terampil", "A.Md.Keb."}, {"Bidan Ahli Pertama", "S.Tr.Keb."},
		{"Perawat Terampil", "A.Md.Kep."}, {"Nutrisionis Ahli Pertama", "S.Gz."}, {"Tenaga Sanitasi Lingkungan Terampil", "A.Md.KL."},
		{"Epidemiolog Kesehatan Ahli Pertama", "S.KM."}, {"Administrator Kesehatan Ahli Muda", "S.KM., M.Kes."}},
	"dinas-pendidikan": {{"Guru Ahli Pertama", "S.Pd."}, {"Guru Ahli Muda", "S.Pd."}, {"Guru Ahli Madya", "S.Pd., M.Pd."},
		{"Pengawas Sekolah Ahli Madya", "S.Pd., M.Pd."}, {"Penilik Ahli Muda", "S.Pd."}, {"Pranata Komputer Terampil", "A.Md."}},
	"satpol-pp": {{"Polisi Pamong Praja Terampil", ""}, {"Polisi Pamong Praja Mahir", ""}, {"Polisi Pamong Praja Ahli Pertama", "S.H."}},
	"bpbd":      {{"Analis Bencana Ahli Pertama", "S.T."}, {"Pengelola Penanggulangan Bencana", ""}, {"Petugas Pemadam Kebakaran Terampil", ""}},
	"inspektorat": {{"Auditor Ahli Pertama", "S.Ak."}, {"Auditor Ahli Muda", "S.E., M.Ak."},
		{"Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama", "S.H."}},
	"dinas-perikanan-pangan-pertanian": {{"Penyuluh Pertanian Ahli Pertama", "S.P."}, {"Penyuluh Perikanan Ahli Muda", "S.Pi."},
		{"Analis Ketahanan Pangan Ahli Pertama", "S.TP."}},
	"dinas-sosial":           {{"Pekerja Sosial Ahli Pertama", "S.Sos."}, {"Penyuluh Sosial Ahli Muda", "S.Sos."}},
	"dinas-lingkungan-hidup": {{"Pengendali Dampak Lingkungan Ahli Pertama", "S.T."}, {"Pengawas Lingkungan Hidup Ahli Muda", "S.Si."}},
	"dinas-putr":             {{"Teknik Jalan dan Jembatan Ahli Pertama", "S.T."}, {"Penata Ruang Ahli Muda", "S.T., M.T."}},
	"dinas-perkim":           {{"Teknik Tata Bangunan dan Perumahan Ahli Pertama", "S.T."}},
	"diskominfo":             {{"Pranata Komputer Ahli Pertama", "S.Kom."}, {"Pranata Hubungan Masyarakat Ahli Muda", "S.I.Kom."}, {"Statistisi Ahli Pertama", "S.Stat."}},
	"dpmptsp":                {{"Analis Perizinan", "S.H."}, {"Penata Kelola Penanaman Modal Ahli Pertama", "S.E."}},
	"disporapar":             {{"Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama", "S.Par."}, {"Analis Kepemudaan", "S.Sos."}},
	"bapperida":              {{"Perencana Ahli Pertama", "S.E."}, {"Perencana Ahli Muda", "S.T., M.Si."}, {"Peneliti Ahli Pertama", "S.Si."}},
}

// common positions of every agency.
var common = []string{"Analis Kebijakan Ahli Pertama", "Pengadministrasi Perkantoran", "Penata Layanan Operasional",
	"Analis Keuangan Pusat dan Daerah Ahli Pertama", "Arsiparis Terampil", "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
	"Pengolah Data dan Informasi", "Pengelola Barang Milik Negara"}

// people makes the fictitious civil servants and their yearly ratings.
// NIPs are built like real ones: birth date (yyyymmdd), appointment
// (yyyymm), sex (1 male, 2 female) and a 3-digit number.
func people(agencies []iku.Agency) ([]Employee, []Rating) {
	r := stream("pegawai")
	taken := map[string]bool{Canary.NIP: true}
	emps := []Employee{Canary}
	for _, a := range agencies {
		n := staff[a.Slug]
		if a.Kind == "kecamatan" {
			n = staffPerKecamatan[a.Slug]
		}
		for range n {
			emps = append(emps, person(r, a, taken))
		}
	}
	var ratings []Rating
	for _, e := range emps {
		appointed := atoi(e.NIP[8:12])
		base := 85 + 8*tri(r)
		if r.IntN(40) == 0 {
			base -= 22 // a few struggle: Butuh Perbaikan, sometimes Kurang
		}
		lenient := e.AgencySlug == LenientAgency
		for y := 2021; y <= 2025; y++ {
			x := base + 4*tri(r)
			if lenient && y >= 2023 && r.IntN(10) < 7 {
				x = max(x, 91+3*r.Float64())
			}
			if y <= appointed {
				continue
			}
			score := scaledDecimal(round(min(100, max(50, x)), 2), 2)
			ratings = append(ratings, Rating{NIP: e.NIP, Year: y, Score: *score, Predicate: skpPredicate(score.Float64())})
		}
	}
	return emps, ratings
}

func person(r *rand.Rand, a iku.Agency, taken map[string]bool) Employee {
	female := r.Float64() < 0.5
	switch a.Slug {
	case "dinas-kesehatan", "rsud-tengku-mansyur", "dinas-pendidikan":
		female = r.Float64() < 0.68
	case "satpol-pp", "bpbd", "dinas-putr":
		female = r.Float64() < 0.2
	}
	firsts, middles, sex := maleNames, maleMiddle, 1
	if female {
		firsts, middles, sex = femaleNames, femaleMiddle, 2
	}
	parts := []string{pick(r, firsts)}
	if r.Float64() < 0.35 {
		parts = append(parts, pick(r, middles))
	}
	if r.Float64() < 0.6 {
		parts = append(parts, pick(r, familyNames))
	} else if len(parts) == 1 {
		parts = append(parts, pick(r, middles))
	}
	name := strings.Join(parts, " ")

	title, degree := pick(r, common), pick(r, degrees)
	if ps := positions[a.Slug]; len(ps) > 0 && r.Float64() < 0.75 {
		// Midwives (bidan) are women; a man drawn for one keeps a common position.
		if p := ps[r.IntN(len(ps))]; female || !strings.HasPrefix(p.title, "Bidan") {
			title, degree = p.title, p.degree
		}
	} else if r.Float64() < 0.3 {
		degree = ""
	}
	switch {
	case degree == "dr.":
		name = "dr. " + name
	case degree != "":
		name += ", " + degree
	}

	for {
		by, bm, bd := 1966+r.IntN(35), 1+r.IntN(12), 1+r.IntN(28)
		ay := min(2024, max(1990, by+21+r.IntN(14)))
		am := [...]int{1, 3, 4, 12}[r.IntN(4)]
		nip := fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", by, bm, bd, ay, am, sex, 1+r.IntN(999))
		if !taken[nip] {
			taken[nip] = true
			return Employee{NIP: nip, Name: name, AgencySlug: a.Slug, Position: title}
		}
	}
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// skpPredicate is the individual rating of PermenPANRB 6/2022.
func skpPredicate(score float64) string {
	switch {
	case score >= 90:
		return "Sangat Baik"
	case score >= 76:
		return "Baik"
	case score >= 61:
		return "Butuh Perbaikan"
	case score >= 51:
		return "Kurang"
	}
	return "Sangat Kurang"
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
