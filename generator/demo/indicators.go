package demo

import (
	"github.com/tanjungbalai/kinerja/generator/iku"
)

const (
	pos = iku.Positive
	neg = iku.Negative
	sum = iku.Sum
	avg = iku.Average
	lst = iku.Last
	cml = iku.RunningTotal
)

// indicatorSpecs lists the demo's indicators, agency by agency, in the
// order the site lists them.
func indicatorSpecs() []*spec {
	ss := []*spec{
		// Dinas Kesehatan
		{agency: "dinas-kesehatan", slug: "dinkes-waktu-tunggu-puskesmas", name: "Rata-rata waktu tunggu pelayanan rawat jalan di puskesmas",
			unit: "menit", pol: neg, cons: avg, dec: 1,
			def:     "Rata-rata waktu sejak pasien mendaftar di loket puskesmas sampai diterima petugas di ruang pemeriksaan, tertimbang menurut jumlah pasien setiap puskesmas.",
			formula: "Σ menit tunggu seluruh pasien rawat jalan / Σ pasien rawat jalan",
			source:  "Sistem antrean elektronik puskesmas, direkap Dinas Kesehatan",
			limits:  "Pasien yang tidak mengambil nomor antrean elektronik tidak tercatat; waktu tunggu di apotek tidak termasuk.",
			v0:      48, v1: 29, p1: 27, measure: waitingTimes(puskesmas, 48, 29, 0)},
		{agency: "dinas-kesehatan", slug: "dinkes-persalinan-faskes", name: "Persentase persalinan di fasilitas pelayanan kesehatan",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase ibu bersalin yang mendapat pertolongan persalinan oleh tenaga kesehatan di fasilitas pelayanan kesehatan sesuai standar pelayanan minimal.",
			formula: "Σ persalinan di fasilitas pelayanan kesehatan / Σ seluruh persalinan × 100",
			v0:      91, v1: 98.4, noise: 1.4, den: 920},
		{agency: "dinas-kesehatan", slug: "dinkes-imunisasi-dasar-lengkap", name: "Cakupan imunisasi dasar lengkap bayi usia 0–11 bulan",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase bayi usia 0–11 bulan yang telah mendapat imunisasi dasar lengkap, kumulatif sejak awal tahun terhadap sasaran bayi setahun.",
			formula: "Bayi yang mendapat imunisasi dasar lengkap sejak Januari / sasaran bayi setahun × 100",
			limits:  "Angka kumulatif sejak awal tahun: nilai triwulan I wajar rendah; sasaran bayi memakai proyeksi penduduk.",
			v0:      86, v1: 96, noise: 2.5, shape: yearToDate, basis: iku.Cumulative},
		{agency: "dinas-kesehatan", slug: "dinkes-prevalensi-stunting", name: "Prevalensi balita stunting",
			unit: "%", pol: neg, cons: lst, dec: 2,
			def:     "Persentase balita dengan tinggi badan menurut umur di bawah −2 standar deviasi, hasil penimbangan dan pengukuran di posyandu.",
			formula: "Balita stunting / balita yang diukur × 100",
			source:  "Aplikasi e-PPGBM, hasil pengukuran posyandu",
			limits:  "Berbasis pengukuran posyandu, bukan survei; cakupan pengukuran berbeda antartriwulan.",
			v0:      24.5, v1: 15.2, p1: 14, noise: 0.6},
		{agency: "dinas-kesehatan", slug: "dinkes-kematian-ibu", name: "Jumlah kasus kematian ibu",
			unit: "kasus", pol: neg, cons: sum, dec: 0,
			def:     "Jumlah kematian perempuan selama kehamilan, persalinan atau dalam 42 hari setelah persalinan, yang dilaporkan fasilitas kesehatan.",
			formula: "Jumlah kasus kematian ibu dalam periode",
			limits:  "Jumlah kecil: perubahan satu kasus mengubah capaian secara tajam. Target nol kasus dinilai tercapai atau tidak tercapai, tanpa persentase.",
			v0:      0.5, v1: 0.2, noise: 1, target: constTarget("0")},
		{agency: "dinas-kesehatan", slug: "dinkes-keberhasilan-pengobatan-tbc", name: "Angka keberhasilan pengobatan tuberkulosis",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase pasien tuberkulosis yang sembuh atau menyelesaikan pengobatan lengkap di antara pasien yang dievaluasi hasil pengobatannya.",
			formula: "Σ pasien sembuh dan pengobatan lengkap / Σ pasien yang dievaluasi × 100",
			source:  "Sistem Informasi Tuberkulosis (SITB)",
			v0:      84, v1: 91.5, noise: 3, den: 58},
		{agency: "dinas-kesehatan", slug: "dinkes-hipertensi-sesuai-standar", name: "Persentase penderita hipertensi yang mendapat pelayanan kesehatan sesuai standar",
			unit: "%", pol: pos, cons: cml, dec: 2,
			def:     "Persentase penderita hipertensi usia 15 tahun ke atas yang mendapat pelayanan sesuai standar, kumulatif sejak awal tahun terhadap estimasi penderita setahun.",
			formula: "Penderita hipertensi yang dilayani sesuai standar sejak Januari / estimasi penderita hipertensi × 100",
			limits:  "Angka kumulatif sejak awal tahun; estimasi penderita memakai prevalensi survei nasional.",
			v0:      61, v1: 88, noise: 3, shape: yearToDate},
		ikm("dinas-kesehatan", "dinkes", "layanan puskesmas", 79.2, 87.6, nil),
		{agency: "dinas-kesehatan", slug: "dinkes-kelurahan-sbs", name: "Jumlah kelurahan Stop Buang Air Besar Sembarangan (SBS)",
			unit: "kelurahan", pol: pos, cons: lst, dec: 0, max: "31",
			def:     "Jumlah kelurahan yang telah diverifikasi bebas dari perilaku buang air besar sembarangan, dari 31 kelurahan di Kota Tanjungbalai.",
			formula: "Jumlah kelurahan terverifikasi SBS pada akhir periode",
			v0:      9, v1: 24, noise: 0.6},

		// RSUD Dr. Tengku Mansyur
		{agency: "rsud-tengku-mansyur", sector: "kesehatan", slug: "rsud-waktu-tunggu-rawat-jalan", name: "Rata-rata waktu tunggu rawat jalan",
			unit: "menit", pol: neg, cons: avg, dec: 2,
			def:     "Rata-rata waktu sejak pasien mendaftar sampai diterima dokter spesialis di poliklinik, tertimbang menurut jumlah pasien setiap poliklinik dan bulan. Standar pelayanan minimal rumah sakit: paling lama 60 menit (Kepmenkes 129/2008).",
			formula: "Σ menit tunggu seluruh pasien rawat jalan / Σ pasien rawat jalan",
			source:  "Sistem informasi manajemen rumah sakit (SIMRS), modul antrean",
			limits:  "Waktu tunggu dihitung dari jam cetak nomor antrean; pasien yang mendaftar daring sebelum datang tidak dibedakan.",
			v0:      98, v1: 55, measure: waitingTimes(polyclinics, 98, 55, 0), basis: iku.PerQuarter,
			target: yearTargets(map[int]string{2021: "90.00", 2022: "80.00", 2023: "70.00", 2024: "65.00", 2025: "60.00", 2026: "60.00"})},
		{agency: "rsud-tengku-mansyur", slug: "rsud-waktu-tunggu-60-menit", name: "Persentase pasien rawat jalan dengan waktu tunggu ≤ 60 menit",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase pasien rawat jalan yang diterima dokter spesialis paling lama 60 menit sejak mendaftar. Indikator Nasional Mutu rumah sakit, target ≥ 80 % (PMK 30/2022).",
			formula: "Σ pasien dengan waktu tunggu ≤ 60 menit / Σ pasien rawat jalan × 100",
			source:  "Sistem informasi manajemen rumah sakit (SIMRS), modul antrean",
			limits:  "Diukur pada semua pasien, bukan sampel; waktu tunggu dihitung dari jam cetak nomor antrean.",
			v0:      41, v1: 80, measure: waitingTimes(polyclinics, 98, 55, 60), target: constTarget("80.00")},
		{agency: "rsud-tengku-mansyur", slug: "rsud-rekam-medis-lengkap", name: "Persentase kelengkapan rekam medis dalam 24 jam setelah pelayanan",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase berkas rekam medis yang diisi lengkap oleh dokter dalam 24 jam setelah pelayanan rawat jalan atau setelah pasien pulang rawat inap.",
			formula: "Σ rekam medis lengkap dalam 24 jam / Σ rekam medis yang diaudit × 100",
			v0:      71, v1: 93, noise: 3, den: 2400},
		{agency: "rsud-tengku-mansyur", slug: "rsud-kepatuhan-kebersihan-tangan", name: "Persentase kepatuhan kebersihan tangan",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase tindakan kebersihan tangan yang dilakukan benar dari seluruh peluang kebersihan tangan yang diamati. Indikator Nasional Mutu, target ≥ 85 %.",
			formula: "Σ tindakan kebersihan tangan yang benar / Σ peluang yang diamati × 100",
			v0:      72, v1: 89, noise: 3, den: 900, target: constTarget("85.00")},
		{agency: "rsud-tengku-mansyur", slug: "rsud-net-death-rate", name: "Angka kematian pasien lebih dari 48 jam setelah dirawat (Net Death Rate)",
			unit: "‰", pol: neg, cons: avg, dec: 2, mult: "1000",
			def:     "Jumlah pasien yang meninggal lebih dari 48 jam setelah dirawat per 1.000 pasien keluar (hidup dan mati).",
			formula: "Σ pasien meninggal > 48 jam setelah dirawat / Σ pasien keluar × 1.000",
			v0:      31, v1: 22, noise: 3, den: 2100},
		ikm("rsud-tengku-mansyur", "rsud", "layanan RSUD Dr. Tengku Mansyur", 76.8, 86.9, nil),
		{agency: "rsud-tengku-mansyur", slug: "rsud-insiden-pasien-jatuh", name: "Jumlah insiden pasien jatuh di rawat inap",
			unit: "insiden", pol: neg, cons: sum, dec: 0,
			def:     "Jumlah kejadian pasien jatuh selama dirawat inap yang dilaporkan ke tim keselamatan pasien.",
			formula: "Jumlah insiden pasien jatuh dalam periode",
			limits:  "Bergantung pada budaya pelaporan: kenaikan laporan dapat berarti pelaporan yang lebih baik.",
			v0:      3, v1: 1, noise: 1.5},

		// Dinas Pendidikan
		{agency: "dinas-pendidikan", slug: "disdik-kompetensi-literasi", name: "Persentase siswa yang mencapai kompetensi minimum literasi membaca",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase siswa yang mencapai kompetensi minimum pada asesmen literasi membaca bulanan di sekolah, tertimbang menurut jumlah siswa yang diases.",
			formula: "Σ siswa mencapai kompetensi minimum / Σ siswa yang diases × 100",
			source:  "Rekap asesmen literasi bulanan satuan pendidikan",
			limits:  "Asesmen tidak diadakan pada libur semester (Juli) dan selama pembelajaran jarak jauh triwulan III 2021.",
			v0:      52, v1: 72, p1: 74, measure: literacy},
		{agency: "dinas-pendidikan", slug: "disdik-partisipasi-orang-tua", name: "Persentase kehadiran orang tua/wali dalam pertemuan komite dan kelas",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100", from: "2023-Q1",
			def:     "Persentase orang tua/wali yang hadir dari seluruh orang tua/wali yang diundang ke pertemuan komite sekolah dan pertemuan kelas.",
			formula: "Σ orang tua/wali yang hadir / Σ orang tua/wali yang diundang × 100",
			source:  "Daftar hadir pertemuan sekolah, direkap Dinas Pendidikan",
			limits:  "Program dimulai 2023; pada triwulan I 2023 belum ada pertemuan sehingga nilainya tidak dapat dihitung.",
			v0:      45, v1: 68, p1: 70, measure: parents},
		{agency: "dinas-pendidikan", slug: "disdik-apk-paud", name: "Angka partisipasi kasar (APK) PAUD",
			unit: "%", pol: pos, cons: lst, dec: 2, max: "150",
			def:     "Jumlah anak yang bersekolah di PAUD dibagi jumlah penduduk usia 3–6 tahun.",
			formula: "Peserta didik PAUD / penduduk usia 3–6 tahun × 100",
			source:  "Data Pokok Pendidikan (Dapodik)",
			v0:      48, v1: 66, noise: 1.5},
		{agency: "dinas-pendidikan", slug: "disdik-apm-smp", name: "Angka partisipasi murni (APM) SMP/sederajat",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Jumlah siswa usia 13–15 tahun yang bersekolah di SMP/sederajat dibagi jumlah penduduk usia 13–15 tahun.",
			formula: "Siswa SMP/sederajat usia 13–15 tahun / penduduk usia 13–15 tahun × 100",
			source:  "Data Pokok Pendidikan (Dapodik) dan proyeksi penduduk",
			v0:      72, v1: 81, noise: 0.8},
		{agency: "dinas-pendidikan", slug: "disdik-angka-putus-sekolah", name: "Angka putus sekolah SD dan SMP",
			unit: "%", pol: neg, cons: lst, dec: 2, freq: iku.Semiannual,
			def:     "Persentase siswa SD dan SMP yang meninggalkan sekolah sebelum lulus dalam satu semester.",
			formula: "Siswa putus sekolah / seluruh siswa SD dan SMP × 100",
			source:  "Data Pokok Pendidikan (Dapodik)",
			v0:      0.61, v1: 0.22, noise: 0.06, rows: []int{2, 4}},
		{agency: "dinas-pendidikan", slug: "disdik-guru-bersertifikat", name: "Persentase guru bersertifikat pendidik",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase guru PAUD, SD dan SMP yang telah memiliki sertifikat pendidik.",
			formula: "Guru bersertifikat pendidik / seluruh guru × 100",
			source:  "Data Pokok Pendidikan (Dapodik)",
			v0:      58, v1: 79, noise: 0.8},
		{agency: "dinas-pendidikan", slug: "disdik-sekolah-terakreditasi", name: "Persentase satuan pendidikan terakreditasi minimal B",
			unit: "%", pol: pos, cons: lst, dec: 2, freq: iku.Annual,
			def:     "Persentase SD dan SMP yang memiliki akreditasi A atau B yang masih berlaku.",
			formula: "Satuan pendidikan terakreditasi A atau B / seluruh satuan pendidikan × 100",
			source:  "Sistem Penilaian Akreditasi BAN-PDM",
			v0:      74, v1: 90, noise: 1, rows: []int{4}},
		{agency: "dinas-pendidikan", slug: "disdik-rata-rata-lama-sekolah", name: "Rata-rata lama sekolah penduduk usia 25 tahun ke atas",
			unit: "tahun", pol: pos, cons: lst, dec: 2, freq: iku.Annual,
			def:     "Rata-rata jumlah tahun yang telah dijalani penduduk usia 25 tahun ke atas di pendidikan formal.",
			formula: "Σ tahun bersekolah penduduk usia ≥ 25 tahun / penduduk usia ≥ 25 tahun",
			source:  "BPS Kota Tanjungbalai, Susenas",
			limits:  "Dirilis BPS sekali setahun; angka tahun terakhir dapat direvisi.",
			v0:      9.62, v1: 10.21, noise: 0.05, rows: []int{4}},
		ikm("dinas-pendidikan", "disdik", "layanan Dinas Pendidikan", 80.5, 86.2, nil),

		// Dinas Pemuda, Olahraga dan Pariwisata
		{agency: "disporapar", slug: "disporapar-kunjungan-wisatawan", name: "Jumlah kunjungan wisatawan ke destinasi unggulan",
			unit: "kunjungan", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah kunjungan wisatawan nusantara dan mancanegara ke Pelabuhan Teluk Nibung, Balai Ujung Tanjung dan Pulau Baswesen, dihitung dari tiket dan penghitung pengunjung di setiap destinasi.",
			formula: "Σ kunjungan bulanan seluruh destinasi dalam periode",
			source:  "Rekap penghitung pengunjung destinasi wisata",
			limits:  "Satu orang yang datang dua kali dihitung dua kunjungan; kunjungan puncak Idul Fitri dan akhir tahun sebagian ditaksir petugas.",
			plan:    visitsPlan, measure: visits, basis: iku.PerQuarter},
		{agency: "disporapar", slug: "disporapar-kunjungan-wisman", name: "Jumlah kunjungan wisatawan mancanegara melalui Pelabuhan Teluk Nibung",
			unit: "kunjungan", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah kedatangan penumpang kapal feri internasional berkewarganegaraan asing (terutama dari Malaysia) melalui Pelabuhan Teluk Nibung.",
			formula: "Jumlah kedatangan wisatawan mancanegara dalam periode",
			source:  "Data kedatangan penumpang Kantor Imigrasi dan KSOP Teluk Nibung, direkap Disporapar",
			limits:  "Pelayaran feri internasional terhenti selama pandemi (2021 sampai triwulan I 2022).",
			v0:      2500, v1: 3600, noise: 250, shape: ferries, plan: wismanPlan, basis: iku.Cumulative},
		{agency: "disporapar", slug: "disporapar-event-pariwisata", name: "Jumlah event pariwisata yang diselenggarakan",
			unit: "event", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah festival dan event pariwisata berskala kota atau lebih yang diselenggarakan atau difasilitasi Disporapar.",
			formula: "Jumlah event yang terlaksana dalam periode",
			limits:  "Hanya ada target tahunan; capaian triwulanan ditampilkan sebagai progres terhadap target tahunan.",
			v0:      2, v1: 4, noise: 1.2, shape: events},
		{agency: "disporapar", slug: "disporapar-lama-menginap", name: "Rata-rata lama menginap tamu hotel",
			unit: "malam", pol: pos, cons: avg, dec: 2,
			def:     "Rata-rata jumlah malam yang dihabiskan tamu di hotel dan penginapan di Kota Tanjungbalai.",
			formula: "Σ malam menginap tamu / Σ tamu",
			source:  "Laporan bulanan hotel dan penginapan",
			v0:      1.32, v1: 1.61, noise: 0.08, den: 5200},
		{agency: "disporapar", sector: "kepemudaan-olahraga", slug: "disporapar-medali-atlet", name: "Jumlah medali atlet Kota Tanjungbalai di kejuaraan tingkat provinsi dan nasional",
			unit: "medali", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah medali emas, perak dan perunggu yang diraih atlet yang mewakili Kota Tanjungbalai.",
			formula: "Jumlah medali dalam periode",
			v0:      6, v1: 11, noise: 3},
		{agency: "disporapar", sector: "kepemudaan-olahraga", slug: "disporapar-wirausaha-muda", name: "Jumlah wirausaha muda pemula yang dibina",
			unit: "orang", pol: pos, cons: sum, dec: 0, from: "2023-Q1",
			def:     "Jumlah pemuda usia 16–30 tahun yang memulai usaha dan mendapat pembinaan kewirausahaan dari Disporapar.",
			formula: "Jumlah wirausaha muda yang dibina dalam periode",
			v0:      15, v1: 30, noise: 5},
		{agency: "disporapar", slug: "disporapar-retribusi-rekreasi", name: "Realisasi retribusi tempat rekreasi dan olahraga",
			unit: "juta rupiah", pol: pos, cons: sum, dec: 2,
			def:     "Penerimaan retribusi dari tempat rekreasi, pariwisata dan olahraga milik pemerintah kota.",
			formula: "Jumlah penerimaan retribusi dalam periode",
			source:  "Laporan realisasi pendapatan Badan Keuangan dan Aset Daerah",
			v0:      38, v1: 85, noise: 6, shape: tourism},
		ikm("disporapar", "disporapar", "layanan Disporapar", 78.1, 85.4, nil),

		// Bapperida
		{agency: "bapperida", slug: "bapperida-pertumbuhan-ekonomi", name: "Laju pertumbuhan ekonomi",
			unit: "%", pol: pos, cons: lst, dec: 2, min: "-100", freq: iku.Annual,
			def:     "Pertumbuhan produk domestik regional bruto atas dasar harga konstan dibanding tahun sebelumnya.",
			formula: "(PDRB ADHK tahun t − PDRB ADHK tahun t−1) / PDRB ADHK tahun t−1 × 100",
			source:  "BPS Kota Tanjungbalai, PDRB menurut lapangan usaha",
			limits:  "Angka sementara BPS direvisi pada rilis tahun berikutnya. Target berupa rentang.",
			path:    byYear(map[int]float64{2021: 2.58, 2022: 4.12, 2023: 4.61, 2024: 4.83, 2025: 4.95, 2026: 5.05}),
			noise:   0.25, rows: []int{4},
			target: rangeTargets(map[int][2]string{2021: {"2.00", "3.00"}, 2022: {"3.50", "4.50"}, 2023: {"4.00", "5.00"},
				2024: {"4.00", "5.00"}, 2025: {"4.00", "5.00"}, 2026: {"4.00", "5.00"}})},
		{agency: "bapperida", slug: "bapperida-pengangguran-terbuka", name: "Tingkat pengangguran terbuka",
			unit: "%", pol: neg, cons: lst, dec: 2,
			def:     "Persentase angkatan kerja yang tidak bekerja dan sedang mencari pekerjaan atau mempersiapkan usaha.",
			formula: "Pengangguran / angkatan kerja × 100",
			source:  "Estimasi triwulanan Bapperida dari Sakernas BPS dan data dinas tenaga kerja",
			limits:  "Estimasi triwulanan untuk pemantauan; angka resmi BPS dirilis setahun sekali. Target berupa rentang.",
			v0:      8.9, v1: 6.7, noise: 0.35,
			target: rangeTargets(map[int][2]string{2021: {"8.00", "9.00"}, 2022: {"7.50", "8.50"}, 2023: {"7.00", "8.00"},
				2024: {"7.00", "8.00"}, 2025: {"7.00", "8.00"}, 2026: {"7.00", "8.00"}})},
		{agency: "bapperida", slug: "bapperida-penduduk-miskin", name: "Persentase penduduk miskin",
			unit: "%", pol: neg, cons: lst, dec: 2, freq: iku.Annual,
			def:     "Persentase penduduk dengan rata-rata pengeluaran per kapita per bulan di bawah garis kemiskinan, keadaan Maret.",
			formula: "Penduduk miskin / seluruh penduduk × 100",
			source:  "BPS Kota Tanjungbalai, Susenas Maret",
			limits:  "Keadaan Maret setiap tahun, dirilis BPS pada pertengahan tahun dan dicatat pada triwulan IV.",
			v0:      13.66, v1: 11.9, noise: 0.12, rows: []int{4}},
		{agency: "bapperida", slug: "bapperida-ipm", name: "Indeks Pembangunan Manusia (IPM)",
			unit: "indeks", pol: pos, cons: lst, dec: 2, min: "0", max: "100", freq: iku.Annual,
			def:     "Indeks komposit dari umur panjang dan hidup sehat, pengetahuan, dan standar hidup layak (metode baru BPS).",
			formula: "(Indeks kesehatan × indeks pendidikan × indeks pengeluaran)^(1/3) × 100",
			source:  "BPS Kota Tanjungbalai",
			limits:  "Dirilis BPS sekali setahun; angka tahun terakhir dapat direvisi.",
			v0:      69.9, v1: 73.1, noise: 0.1, rows: []int{4}},
		{agency: "bapperida", slug: "bapperida-keselarasan-renja", name: "Persentase keselarasan program Renja perangkat daerah dengan RKPD",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase program dalam Rencana Kerja perangkat daerah yang selaras dengan prioritas Rencana Kerja Pemerintah Daerah.",
			formula: "Program Renja yang selaras dengan RKPD / seluruh program Renja × 100",
			v0:      82, v1: 96, noise: 1.5},
		{agency: "bapperida", slug: "bapperida-inovasi-daerah", name: "Jumlah inovasi daerah yang diterapkan",
			unit: "inovasi", pol: pos, cons: sum, dec: 0, from: "2023-Q1",
			def:     "Jumlah inovasi perangkat daerah yang telah diterapkan dan dilaporkan dalam Indeks Inovasi Daerah.",
			formula: "Jumlah inovasi baru yang diterapkan dalam periode",
			v0:      4, v1: 9, noise: 2},
		ikm("bapperida", "bapperida", "layanan data dan informasi pembangunan Bapperida", 78.4, 84.1, []int{2, 4}),

		// DPMPTSP
		{agency: "dpmptsp", slug: "dpmptsp-waktu-perizinan", name: "Rata-rata waktu penyelesaian perizinan berusaha",
			unit: "hari kerja", pol: neg, cons: avg, dec: 2,
			def:     "Rata-rata hari kerja sejak berkas permohonan izin dinyatakan lengkap sampai izin terbit.",
			formula: "Σ hari kerja penyelesaian seluruh izin / Σ izin terbit",
			source:  "Sistem OSS-RBA dan aplikasi perizinan daerah",
			v0:      6.8, v1: 2.9, noise: 0.4, den: 420},
		{agency: "dpmptsp", slug: "dpmptsp-izin-terbit", name: "Jumlah izin dan nonizin yang diterbitkan",
			unit: "izin", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah perizinan berusaha dan nonizin yang diterbitkan DPMPTSP.",
			formula: "Jumlah izin dan nonizin terbit dalam periode",
			source:  "Sistem OSS-RBA dan aplikasi perizinan daerah",
			v0:      380, v1: 610, noise: 40},
		{agency: "dpmptsp", slug: "dpmptsp-realisasi-investasi", name: "Realisasi investasi PMA dan PMDN",
			unit: "miliar rupiah", pol: pos, cons: sum, dec: 2,
			def:     "Nilai realisasi penanaman modal asing dan dalam negeri yang dilaporkan pelaku usaha melalui Laporan Kegiatan Penanaman Modal (LKPM).",
			formula: "Jumlah realisasi investasi dalam periode",
			source:  "LKPM pada sistem OSS, Kementerian Investasi/BKPM",
			limits:  "Bergantung pada kepatuhan pelaku usaha menyampaikan LKPM.",
			v0:      42, v1: 78, noise: 12},
		{agency: "dpmptsp", slug: "dpmptsp-izin-tepat-waktu", name: "Persentase izin terbit tepat waktu sesuai standar pelayanan",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase izin yang terbit dalam batas waktu standar pelayanan sejak berkas lengkap.",
			formula: "Σ izin terbit tepat waktu / Σ izin terbit × 100",
			v0:      81, v1: 97, noise: 2, den: 420},
		ikm("dpmptsp", "dpmptsp", "layanan Mal Pelayanan Publik dan DPMPTSP", 85.9, 91.2, nil),

		// Dinas Sosial
		{agency: "dinas-sosial", slug: "dinsos-pmks-tertangani", name: "Persentase penyandang masalah kesejahteraan sosial (PMKS) yang tertangani",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase PMKS yang mendapat pelayanan, rehabilitasi atau bantuan sosial dari seluruh PMKS yang terdata dalam periode.",
			formula: "Σ PMKS yang tertangani / Σ PMKS yang terdata × 100",
			v0:      55, v1: 74, noise: 3, den: 640},
		{agency: "dinas-sosial", slug: "dinsos-dtks-mutakhir", name: "Persentase data terpadu kesejahteraan sosial (DTKS) yang dimutakhirkan",
			unit: "%", pol: pos, cons: lst, dec: 2, to: "2025-Q1",
			def:     "Persentase keluarga dalam DTKS yang datanya telah dimutakhirkan melalui musyawarah kelurahan dan verifikasi lapangan dalam tahun berjalan.",
			formula: "Keluarga DTKS yang dimutakhirkan / seluruh keluarga DTKS × 100",
			limits:  "Indikator berakhir pada triwulan I 2025 ketika DTKS digantikan Data Tunggal Sosial dan Ekonomi Nasional (DTSEN).",
			v0:      61, v1: 92, noise: 2},
		{agency: "dinas-sosial", slug: "dinsos-dtsen-terverifikasi", name: "Persentase keluarga dalam DTSEN yang telah diverifikasi lapangan",
			unit: "%", pol: pos, cons: lst, dec: 2, from: "2025-Q2",
			def:     "Persentase keluarga dalam Data Tunggal Sosial dan Ekonomi Nasional (DTSEN) di Kota Tanjungbalai yang telah diverifikasi dan divalidasi di lapangan.",
			formula: "Keluarga DTSEN terverifikasi / seluruh keluarga DTSEN × 100",
			limits:  "Indikator baru sejak triwulan II 2025, menggantikan pemutakhiran DTKS.",
			v0:      18, v1: 75, noise: 3},
		{agency: "dinas-sosial", slug: "dinsos-anak-terlantar", name: "Jumlah anak terlantar yang mendapat layanan rehabilitasi sosial",
			unit: "orang", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah anak terlantar yang mendapat layanan rehabilitasi sosial dasar di dalam atau di luar panti.",
			formula: "Jumlah anak yang dilayani dalam periode",
			v0:      18, v1: 32, noise: 6},
		ikm("dinas-sosial", "dinsos", "layanan Dinas Sosial", 77.4, 84.8, nil),

		// Dinas PUTR
		{agency: "dinas-putr", slug: "putr-jalan-mantap", name: "Persentase panjang jalan kota dalam kondisi mantap",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase panjang jalan kota dalam kondisi baik dan sedang terhadap seluruh panjang jalan kota.",
			formula: "Panjang jalan kondisi baik dan sedang / panjang jalan kota × 100",
			source:  "Survei kondisi jalan Dinas PUTR",
			limits:  "Survei kondisi jalan penuh setahun sekali; triwulan lain memakai pemutakhiran dari laporan pekerjaan. Target 2025–2026 berupa rentang.",
			v0:      71, v1: 86.5, noise: 0.8,
			target: rangeTargets(map[int][2]string{2025: {"80.00", "90.00"}, 2026: {"80.00", "90.00"}})},
		{agency: "dinas-putr", slug: "putr-drainase-baik", name: "Persentase saluran drainase kota dalam kondisi baik",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase panjang saluran drainase primer dan sekunder yang berfungsi baik tanpa sedimentasi berat.",
			formula: "Panjang drainase kondisi baik / panjang drainase kota × 100",
			v0:      58, v1: 74, noise: 1},
		{agency: "dinas-putr", slug: "putr-genangan-rob", name: "Luas kawasan tergenang banjir rob lebih dari 2 jam",
			unit: "hektare", pol: neg, cons: lst, dec: 2,
			def:     "Luas kawasan permukiman yang tergenang air pasang (rob) lebih dari 2 jam pada kejadian terbesar dalam triwulan.",
			formula: "Luas genangan terbesar dalam periode",
			limits:  "Dipengaruhi tinggi pasang tahunan; triwulan I dan IV biasanya lebih tinggi.",
			v0:      146, v1: 98, noise: 8, shape: tides},
		{agency: "dinas-putr", slug: "putr-akses-air-minum", name: "Persentase rumah tangga dengan akses air minum layak",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase rumah tangga yang menggunakan sumber air minum layak (perpipaan, sumur terlindungi, air hujan tertampung).",
			formula: "Rumah tangga dengan akses air minum layak / seluruh rumah tangga × 100",
			v0:      87.2, v1: 94.8, noise: 0.5},
		{agency: "dinas-putr", slug: "putr-konstruksi-tepat-waktu", name: "Persentase paket pekerjaan konstruksi yang selesai tepat waktu",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase paket pekerjaan konstruksi yang diserahterimakan pertama kali (PHO) paling lambat pada tanggal kontrak.",
			formula: "Σ paket selesai tepat waktu / Σ paket yang jatuh tempo × 100",
			limits:  "Jumlah paket per triwulan kecil, sehingga nilainya berfluktuasi.",
			v0:      78, v1: 90, noise: 8, den: 24},
		ikm("dinas-putr", "putr", "layanan Persetujuan Bangunan Gedung (PBG) dan advis teknis", 74.8, 82.2, nil),

		// Dinas Perkim
		{agency: "dinas-perkim", slug: "perkim-rtlh-ditangani", name: "Jumlah rumah tidak layak huni yang ditangani",
			unit: "unit rumah", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah rumah tidak layak huni yang selesai direhabilitasi atau dibangun kembali melalui program pemerintah kota.",
			formula: "Jumlah rumah yang selesai ditangani dalam periode",
			v0:      28, v1: 46, noise: 6, shape: construction, basis: iku.PerQuarter},
		{agency: "dinas-perkim", slug: "perkim-kawasan-kumuh", name: "Luas kawasan permukiman kumuh",
			unit: "hektare", pol: neg, cons: lst, dec: 2,
			def:     "Luas kawasan permukiman kumuh yang ditetapkan dengan keputusan wali kota dan belum tertangani.",
			formula: "Luas kawasan kumuh pada akhir periode",
			v0:      128.6, v1: 74.2, noise: 1.5},
		{agency: "dinas-perkim", slug: "perkim-penerangan-jalan", name: "Persentase ruas jalan lingkungan yang diterangi penerangan jalan umum",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase ruas jalan lingkungan yang memiliki penerangan jalan umum (PJU) yang menyala.",
			formula: "Ruas jalan lingkungan dengan PJU menyala / seluruh ruas jalan lingkungan × 100",
			v0:      64, v1: 83, noise: 1.2},
		{agency: "dinas-perkim", slug: "perkim-akses-sanitasi", name: "Persentase rumah tangga dengan akses sanitasi layak",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase rumah tangga yang memiliki fasilitas buang air besar sendiri atau bersama dengan tangki septik atau instalasi pengolahan.",
			formula: "Rumah tangga dengan akses sanitasi layak / seluruh rumah tangga × 100",
			v0:      79, v1: 91, noise: 0.7},
		ikm("dinas-perkim", "perkim", "layanan perumahan dan prasarana permukiman", 77.1, 83.2, []int{2, 4}),

		// Diskominfo
		{agency: "diskominfo", slug: "kominfo-indeks-spbe", name: "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)",
			unit: "indeks", pol: pos, cons: lst, dec: 2, min: "0", max: "5", freq: iku.Annual,
			def:     "Indeks hasil evaluasi SPBE oleh Kementerian PANRB pada skala 0–5.",
			formula: "Nilai indeks SPBE hasil evaluasi",
			source:  "Hasil evaluasi SPBE Kementerian PANRB",
			v0:      2.14, v1: 3.05, noise: 0.08, rows: []int{4}},
		{agency: "diskominfo", slug: "kominfo-aduan-ditindaklanjuti", name: "Persentase aduan masyarakat melalui SP4N-LAPOR! yang ditindaklanjuti",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase aduan masyarakat kepada pemerintah kota melalui SP4N-LAPOR! yang telah ditindaklanjuti perangkat daerah.",
			formula: "Σ aduan yang ditindaklanjuti / Σ aduan yang diterima × 100",
			source:  "Dasbor SP4N-LAPOR!",
			v0:      71, v1: 94, noise: 4, den: 130},
		{agency: "diskominfo", slug: "kominfo-keterbukaan-informasi", name: "Nilai keterbukaan informasi publik",
			unit: "nilai", pol: pos, cons: lst, dec: 2, min: "0", max: "100", freq: iku.Annual,
			def:     "Nilai hasil monitoring dan evaluasi keterbukaan informasi publik oleh Komisi Informasi Provinsi Sumatera Utara.",
			formula: "Nilai hasil monitoring dan evaluasi",
			v0:      61, v1: 84, noise: 2, rows: []int{4}},
		{agency: "diskominfo", slug: "kominfo-dataset-satu-data", name: "Jumlah dataset yang dipublikasikan di portal Satu Data",
			unit: "dataset", pol: pos, cons: sum, dec: 0, from: "2023-Q1",
			def:     "Jumlah dataset baru dari perangkat daerah yang terbit di portal Satu Data Kota Tanjungbalai setelah diperiksa walidata.",
			formula: "Jumlah dataset baru yang terbit dalam periode",
			limits:  "Target 2026 belum ditetapkan.",
			v0:      35, v1: 60, noise: 10},
		{agency: "diskominfo", slug: "kominfo-situs-web-diperbarui", name: "Persentase perangkat daerah dengan situs web yang diperbarui setiap bulan",
			unit: "%", pol: pos, cons: lst, dec: 2, to: "2024-Q4",
			def:     "Persentase perangkat daerah yang situs webnya memuat berita atau informasi baru setiap bulan dalam triwulan.",
			formula: "Perangkat daerah dengan situs web diperbarui / seluruh perangkat daerah × 100",
			limits:  "Indikator berakhir 2024 ketika situs perangkat daerah digabung ke portal kota.",
			v0:      52, v1: 90, noise: 4},
		ikm("diskominfo", "kominfo", "layanan informasi publik (PPID)", 79.0, 86.6, nil),

		// Inspektorat
		{agency: "inspektorat", slug: "inspektorat-tindak-lanjut", name: "Persentase rekomendasi hasil pemeriksaan yang telah ditindaklanjuti",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase rekomendasi hasil pemeriksaan Inspektorat dan BPK yang telah ditindaklanjuti tuntas oleh perangkat daerah.",
			formula: "Σ rekomendasi tuntas ditindaklanjuti / Σ rekomendasi yang jatuh tempo × 100",
			v0:      68, v1: 91, noise: 4, den: 85},
		{agency: "inspektorat", slug: "inspektorat-maturitas-spip", name: "Tingkat maturitas Sistem Pengendalian Intern Pemerintah (SPIP)",
			unit: "level", pol: pos, cons: lst, dec: 2, min: "0", max: "5", freq: iku.Annual,
			def:     "Tingkat maturitas penyelenggaraan SPIP terintegrasi hasil penilaian mandiri yang dijaminkan kualitasnya oleh BPKP.",
			formula: "Skor maturitas SPIP hasil penjaminan kualitas",
			source:  "Hasil penjaminan kualitas BPKP Perwakilan Sumatera Utara",
			v0:      2.71, v1: 3.42, noise: 0.05, rows: []int{4}},
		{agency: "inspektorat", slug: "inspektorat-kapabilitas-apip", name: "Level kapabilitas Aparat Pengawasan Intern Pemerintah (APIP)",
			unit: "level", pol: pos, cons: lst, dec: 0, min: "1", max: "5", freq: iku.Annual,
			def:     "Level kapabilitas APIP menurut model Internal Audit Capability Model (IA-CM), hasil penilaian BPKP.",
			formula: "Level kapabilitas hasil penilaian",
			v0:      2, v1: 3.4, noise: 0.2, rows: []int{4}},
		{agency: "inspektorat", slug: "inspektorat-lhp-terbit", name: "Jumlah laporan hasil pemeriksaan (LHP) yang diterbitkan",
			unit: "LHP", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah laporan hasil pemeriksaan, reviu dan evaluasi yang diterbitkan Inspektorat.",
			formula: "Jumlah LHP terbit dalam periode",
			v0:      14, v1: 19, noise: 3},
		ikm("inspektorat", "inspektorat", "layanan pengaduan masyarakat Inspektorat", 80.2, 85.1, []int{2, 4}),

		// Dinas Lingkungan Hidup: the declining agency (ageing fleet, full landfill)
		{agency: "dinas-lingkungan-hidup", slug: "dlh-sampah-tertangani", name: "Persentase sampah rumah tangga yang tertangani",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase timbulan sampah rumah tangga yang diangkut ke TPA atau diolah (bank sampah, TPS3R, kompos).",
			formula: "Σ ton sampah tertangani / Σ ton timbulan sampah × 100",
			source:  "Timbangan TPA dan laporan bank sampah, direkap DLH",
			limits:  "Timbulan sampah diestimasi dari jumlah penduduk dan angka timbulan per kapita.",
			v0:      78, v1: 64, p1: 88, noise: 2, den: 10500},
		{agency: "dinas-lingkungan-hidup", slug: "dlh-iklh", name: "Indeks Kualitas Lingkungan Hidup (IKLH)",
			unit: "indeks", pol: pos, cons: lst, dec: 2, min: "0", max: "100", freq: iku.Annual,
			def:     "Indeks komposit kualitas air, udara, tutupan lahan dan air laut yang dihitung Kementerian Lingkungan Hidup.",
			formula: "Rata-rata tertimbang indeks kualitas air, udara, lahan dan air laut",
			source:  "Kementerian Lingkungan Hidup",
			v0:      56.2, v1: 52.4, p1: 60, noise: 0.6, rows: []int{4}},
		{agency: "dinas-lingkungan-hidup", slug: "dlh-ruang-terbuka-hijau", name: "Persentase ruang terbuka hijau publik terhadap luas wilayah kota",
			unit: "%", pol: pos, cons: lst, dec: 2,
			def:     "Persentase luas ruang terbuka hijau publik (taman, jalur hijau, hutan kota) terhadap luas wilayah 60,52 km².",
			formula: "Luas RTH publik / luas wilayah kota × 100",
			v0:      9.8, v1: 9.1, p1: 14, noise: 0.1},
		{agency: "dinas-lingkungan-hidup", slug: "dlh-bank-sampah-aktif", name: "Jumlah bank sampah aktif",
			unit: "unit", pol: pos, cons: lst, dec: 0,
			def:     "Jumlah bank sampah yang menerima setoran warga setidaknya sekali sebulan dalam triwulan.",
			formula: "Jumlah bank sampah aktif pada akhir periode",
			v0:      22, v1: 15, p1: 40, noise: 1.5},
		ikm("dinas-lingkungan-hidup", "dlh", "layanan persampahan dan perizinan lingkungan", 81.9, 74.1, nil),

		// Dinas Perikanan, Pangan dan Pertanian
		{agency: "dinas-perikanan-pangan-pertanian", slug: "dppp-produksi-perikanan-tangkap", name: "Produksi perikanan tangkap",
			unit: "ton", pol: pos, cons: sum, dec: 2,
			def:     "Volume ikan hasil tangkapan nelayan yang didaratkan di pelabuhan dan tempat pendaratan ikan di Kota Tanjungbalai.",
			formula: "Jumlah volume pendaratan ikan dalam periode",
			source:  "Pencatatan pendaratan ikan di Pelabuhan Perikanan Teluk Nibung dan tangkahan",
			limits:  "Sebagian pendaratan di tangkahan swasta dicatat dari laporan pengusaha.",
			v0:      6100, v1: 6900, noise: 350, shape: fishing},
		{agency: "dinas-perikanan-pangan-pertanian", sector: "pangan", slug: "dppp-skor-pph", name: "Skor Pola Pangan Harapan (PPH)",
			unit: "skor", pol: pos, cons: lst, dec: 2, min: "0", max: "100", freq: iku.Annual,
			def:     "Skor keragaman konsumsi pangan penduduk menurut komposisi pola pangan harapan, skala 0–100.",
			formula: "Σ (kontribusi energi kelompok pangan × bobot), paling tinggi skor maksimum setiap kelompok",
			source:  "Susenas BPS, diolah Badan Pangan Nasional",
			v0:      78.4, v1: 88.1, noise: 0.8, rows: []int{4}},
		{agency: "dinas-perikanan-pangan-pertanian", slug: "dppp-nelayan-berasuransi", name: "Jumlah nelayan yang terlindungi asuransi nelayan",
			unit: "orang", pol: pos, cons: lst, dec: 0,
			def:     "Jumlah nelayan dengan polis asuransi nelayan atau jaminan sosial ketenagakerjaan yang aktif pada akhir triwulan.",
			formula: "Jumlah nelayan dengan perlindungan aktif pada akhir periode",
			v0:      640, v1: 1450, noise: 40},
		{agency: "dinas-perikanan-pangan-pertanian", sector: "pertanian", slug: "dppp-produktivitas-padi", name: "Produktivitas padi sawah",
			unit: "kuintal/ha", pol: pos, cons: avg, dec: 2, freq: iku.Semiannual,
			def:     "Produksi gabah kering giling per hektare luas panen padi sawah.",
			formula: "Σ produksi gabah (kuintal) / Σ luas panen (ha)",
			source:  "Statistik Pertanian (SP) padi, penyuluh pertanian lapangan",
			limits:  "Dua musim panen: rendeng (dilaporkan pada semester I) dan gadu (semester II).",
			v0:      48.6, v1: 53.2, noise: 1.5, den: 180, rows: []int{2, 4}},
		{agency: "dinas-perikanan-pangan-pertanian", sector: "pangan", slug: "dppp-variasi-harga-pangan", name: "Koefisien variasi harga pangan pokok tingkat eceran",
			unit: "%", pol: neg, cons: lst, dec: 2,
			def:     "Koefisien variasi harian harga eceran beras, cabai, bawang merah, minyak goreng dan gula pasir di pasar tradisional dalam triwulan.",
			formula: "Simpangan baku harga harian / rata-rata harga harian × 100, dirata-ratakan antarkomoditas",
			source:  "Panel Harga Pangan, Badan Pangan Nasional",
			v0:      9.8, v1: 6.4, noise: 0.8, shape: lebaranPrices},
		ikm("dinas-perikanan-pangan-pertanian", "dppp", "layanan penyuluhan dan rekomendasi teknis DPPP", 78.0, 84.6, []int{2, 4}),

		// Satpol PP
		{agency: "satpol-pp", slug: "satpolpp-penegakan-perda", name: "Persentase pelanggaran Perda dan Perkada yang ditindaklanjuti",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase pelanggaran peraturan daerah dan peraturan wali kota yang ditemukan atau diadukan dan telah ditindaklanjuti sesuai SOP.",
			formula: "Σ pelanggaran yang ditindaklanjuti / Σ pelanggaran yang ditemukan atau diadukan × 100",
			v0:      72, v1: 88, noise: 4, den: 160},
		{agency: "satpol-pp", slug: "satpolpp-trantibum-tertangani", name: "Persentase gangguan ketenteraman dan ketertiban umum yang tertangani",
			unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
			def:     "Persentase laporan gangguan ketenteraman dan ketertiban umum yang ditangani dalam 1 × 24 jam.",
			formula: "Σ gangguan yang tertangani dalam 24 jam / Σ gangguan yang dilaporkan × 100",
			v0:      83, v1: 95, noise: 3, den: 95},
		{agency: "satpol-pp", slug: "satpolpp-satlinmas-terlatih", name: "Jumlah anggota Satlinmas yang dilatih",
			unit: "orang", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah anggota Satuan Perlindungan Masyarakat yang mengikuti pelatihan dasar atau penyegaran.",
			formula: "Jumlah peserta pelatihan dalam periode",
			v0:      40, v1: 75, noise: 15},
		ikm("satpol-pp", "satpolpp", "layanan Satpol PP", 75.6, 82.3, nil),

		// BPBD
		{agency: "bpbd", slug: "bpbd-waktu-tanggap", name: "Rata-rata waktu tanggap darurat bencana dan kebakaran",
			unit: "menit", pol: neg, cons: avg, dec: 2,
			def:     "Rata-rata menit sejak laporan kejadian bencana atau kebakaran diterima pusat pengendalian operasi sampai tim tiba di lokasi.",
			formula: "Σ menit tanggap seluruh kejadian / Σ kejadian",
			source:  "Log pusat pengendalian operasi (Pusdalops) BPBD",
			limits:  "Jumlah kejadian per triwulan kecil; satu kejadian jauh dapat menaikkan rata-rata.",
			v0:      34, v1: 18, noise: 4, den: 14},
		{agency: "bpbd", slug: "bpbd-kelurahan-tangguh", name: "Jumlah kelurahan tangguh bencana",
			unit: "kelurahan", pol: pos, cons: lst, dec: 0, max: "31",
			def:     "Jumlah kelurahan yang telah membentuk forum pengurangan risiko bencana, rencana kontinjensi dan tim siaga, dari 31 kelurahan.",
			formula: "Jumlah kelurahan tangguh bencana pada akhir periode",
			v0:      3, v1: 14, noise: 0.4},
		{agency: "bpbd", slug: "bpbd-korban-jiwa-kebakaran", name: "Jumlah kasus korban jiwa akibat kebakaran",
			unit: "kasus", pol: neg, cons: sum, dec: 0,
			def:     "Jumlah kejadian kebakaran permukiman yang menimbulkan korban jiwa.",
			formula: "Jumlah kasus dalam periode",
			limits:  "Target nol kasus dinilai tercapai atau tidak tercapai, tanpa persentase.",
			v0:      0.35, v1: 0.15, noise: 0.9, target: constTarget("0")},
		{agency: "bpbd", slug: "bpbd-warga-sosialisasi", name: "Jumlah warga yang mengikuti sosialisasi dan simulasi kesiapsiagaan bencana",
			unit: "orang", pol: pos, cons: sum, dec: 0,
			def:     "Jumlah warga yang mengikuti sosialisasi atau simulasi evakuasi kebakaran, banjir rob dan gempa.",
			formula: "Jumlah peserta dalam periode",
			v0:      260, v1: 520, noise: 80},
		ikm("bpbd", "bpbd", "layanan kedaruratan BPBD dan pemadam kebakaran", 81.0, 87.4, nil),
	}
	for _, k := range kecamatan {
		ss = append(ss,
			ikm(k.slug, k.slug, "layanan Kantor "+k.name, k.ikm0, k.ikm1, []int{2, 4}),
			&spec{agency: k.slug, slug: k.slug + "-paten", name: "Persentase layanan PATEN " + k.name + " yang selesai sesuai standar waktu",
				unit: "%", pol: pos, cons: avg, dec: 2, mult: "100",
				def:     "Persentase permohonan Pelayanan Administrasi Terpadu Kecamatan (PATEN) di " + k.name + " yang selesai dalam standar waktu pelayanan.",
				formula: "Σ permohonan selesai tepat waktu / Σ permohonan selesai × 100",
				source:  "Register PATEN " + k.name,
				v0:      k.paten0, v1: k.paten1, noise: 2.5, den: k.requests},
		)
	}
	return ss
}

var kecamatan = []struct {
	slug, name     string
	ikm0, ikm1     float64
	paten0, paten1 float64
	requests       float64
}{
	{"kecamatan-datuk-bandar", "Kecamatan Datuk Bandar", 79.5, 85.8, 82, 95, 1250},
	{"kecamatan-datuk-bandar-timur", "Kecamatan Datuk Bandar Timur", 78.2, 84.1, 80, 93, 980},
	{"kecamatan-tanjungbalai-selatan", "Kecamatan Tanjungbalai Selatan", 81.3, 87.9, 85, 97, 860},
	{"kecamatan-tanjungbalai-utara", "Kecamatan Tanjungbalai Utara", 80.1, 86.4, 83, 96, 720},
	{"kecamatan-sei-tualang-raso", "Kecamatan Sei Tualang Raso", 77.8, 82.6, 79, 91, 1080},
	{"kecamatan-teluk-nibung", "Kecamatan Teluk Nibung", 74.6, 78.9, 74, 86, 900},
}

// ikm is the community satisfaction index of one agency (PermenPANRB
// 14/2017), surveyed every quarter, or every semester when rows says so.
func ikm(agency, prefix, service string, v0, v1 float64, rows []int) *spec {
	freq := iku.Quarterly
	if rows != nil {
		freq = iku.Semiannual
	}
	return &spec{agency: agency, slug: prefix + "-ikm",
		name: "Indeks Kepuasan Masyarakat (IKM) terhadap " + service,
		unit: "IKM", pol: pos, cons: lst, dec: 2, min: "25", max: "100", freq: freq,
		def:     "Indeks kepuasan pengguna " + service + " dari Survei Kepuasan Masyarakat atas 9 unsur pelayanan, skala 25–100 (PermenPANRB 14/2017).",
		formula: "IKM = (Σ NRR unsur × 1/9) × 25, dibulatkan dua desimal sekali di akhir",
		source:  "Survei Kepuasan Masyarakat",
		verify:  "Kuesioner diperiksa kelengkapannya oleh tim SKM; hasil direviu Bagian Organisasi Sekretariat Daerah.",
		limits:  "Responden dipilih dari pengguna layanan yang datang; pengguna layanan daring kurang terwakili.",
		v0:      v0, v1: v1, p1: max(v0, v1) + 1, noise: 0.8, rows: rows}
}

func constTarget(v string) func(int) (string, string, bool) {
	return func(int) (string, string, bool) { return v, "", true }
}

func yearTargets(m map[int]string) func(int) (string, string, bool) {
	return func(y int) (string, string, bool) { v, ok := m[y]; return v, "", ok }
}

func rangeTargets(m map[int][2]string) func(int) (string, string, bool) {
	return func(y int) (string, string, bool) { v, ok := m[y]; return v[0], v[1], ok }
}

func byYear(m map[int]float64) func(iku.Quarter) float64 {
	return func(q iku.Quarter) float64 { return m[q.Year] }
}

// Shapes: multipliers of the expected value by quarter.

// yearToDate turns an annual coverage into the coverage reached so far.
func yearToDate(q iku.Quarter) float64 { return float64(q.Q) / 4 }

// tourism: Idul Fitri (Q2 until 2024, then Q1/Q2), year-end holidays,
// and the pandemic in 2021–2022.
func tourism(q iku.Quarter) float64 {
	var f float64
	for m := 3*q.Q - 2; m <= 3*q.Q; m++ {
		f += season(q.Year, m) * pandemic(q.Year, m)
	}
	return f / 3
}

// ferries: international ferries stopped until 2022-Q1.
func ferries(q iku.Quarter) float64 {
	switch {
	case q.Year == 2021 || q == iku.Quarter{Year: 2022, Q: 1}:
		return 0
	case q == iku.Quarter{Year: 2022, Q: 2}:
		return 0.35
	case q == iku.Quarter{Year: 2022, Q: 3}:
		return 0.7
	}
	return tourism(q)
}

// wismanPlan: the targets for 2021–2022 were set expecting the ferries to
// return early, so 2021 misses its target entirely.
func wismanPlan(q iku.Quarter) float64 {
	t := float64(q.Index()-First.Index()) / float64(end.Index()-First.Index())
	f := tourism(q)
	switch q.Year {
	case 2021:
		f *= 0.3
	case 2022:
		f *= 0.7
	}
	return (2500 + 1100*t) * f
}

func events(q iku.Quarter) float64 {
	f := [4]float64{0.5, 1.2, 1.1, 1.2}[q.Q-1]
	if q.Year == 2021 {
		f *= 0.4
	}
	return f
}

func tides(q iku.Quarter) float64 { return [4]float64{1.12, 0.9, 0.88, 1.1}[q.Q-1] }

func construction(q iku.Quarter) float64 { return [4]float64{0.35, 0.85, 1.25, 1.55}[q.Q-1] }

func fishing(q iku.Quarter) float64 { return [4]float64{0.85, 1.05, 1.15, 0.95}[q.Q-1] }

// lebaranPrices: food prices vary most in the quarter of Idul Fitri.
func lebaranPrices(q iku.Quarter) float64 {
	m, _ := idulFitri(q.Year)
	if (m-1)/3+1 == q.Q {
		return 1.2
	}
	return 0.93
}
