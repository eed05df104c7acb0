package main

import "github.com/tanjungbalai/kinerja/generator/pipeline"

// indonesian is the terminal's Indonesian (lang.go): every message,
// usage text and flag description of cmd/kinerja, keyed by its English.
// TestCatalogueIsComplete checks that each message the code prints has
// an entry here, with the same formatting verbs, and that no entry is
// left over.
var indonesian = map[string]string{
	// The top-level help and each command's.
	mainUsage: `kinerja menerbitkan Indikator Kinerja Utama (IKU) perangkat daerah Kota Tanjungbalai.

Penggunaan:
  kinerja init FOLDER                                       tulis folder situs yang dapat diubah
  kinerja build [--db DSN | --from BUNDEL] [--out public]   ambil data dan bangun situs
  kinerja serve [--db DSN | --from BUNDEL] [--port 1313]    pratinjau langsung di http://localhost:1313
  kinerja check [--db DSN | --from BUNDEL] [--json]         periksa data sebelum diterbitkan (keluar 1: belum dapat diterbitkan)
  kinerja rollback [--out public]                           kembalikan tautan --out ke hasil bangun sebelumnya
  kinerja db migrate [--db DSN]                             buat atau perbarui skema rujukan
  kinerja db seed --demo [--db DSN] [--replace]             isi basis data dengan data contoh
  kinerja demo-data --out FOLDER [--indicators N]           tulis data contoh (atau data uji skala) sebagai bundel CSV
  kinerja publish --quarter 2026-Q3 [--releases releases]   periksa, bekukan triwulan sebagai rilis, bangun situs
  kinerja theme [copy BERKAS]                               daftar berkas tema, atau salin satu ke folder situs
  kinerja version                                           tampilkan versi kinerja, Hugo dan ECharts
  kinerja help [perintah]                                   tampilkan bantuan sebuah perintah

Data: --db DSN, jika tidak ada $DATABASE_URL, jika tidak ada data contoh
bawaan (di setiap halaman jelas bertanda "Data contoh — bukan data resmi").
Variabel PG* standar (PGHOST, PGUSER, PGPASSWORD, …) melengkapi yang tidak
disebut DSN, jadi --db "" memakai variabel itu saja.

Situs: --site FOLDER (folder buatan 'kinerja init'), jika tidak ada folder
saat ini bila memuat hugo.toml, jika tidak ada situs bawaan kinerja.
Node.js 18 atau lebih baru di PATH menggambar grafik; tidak ada lagi yang
perlu dipasang.

Bahasa: kinerja berbahasa Indonesia bila lokalnya Indonesia (LANG,
LC_MESSAGES atau LC_ALL seperti id_ID.UTF-8), selain itu berbahasa
Inggris; --lang id atau --lang en, di mana saja pada baris perintah,
menentukan sebaliknya.
`,
	buildUsage: `Penggunaan: kinerja build [--db DSN | --from BUNDEL] [--site FOLDER] [--out public] [pilihan]

Membaca data (view publik di PostgreSQL, bundel CSV, atau data contoh
bawaan), menilainya, menggambar grafik dan membangun situs statis ke folder
baru, yang menggantikan --out hanya bila semuanya berhasil; pembangunan yang
gagal atau dihentikan (Ctrl+C) membiarkan situs yang terbit tidak berubah.

Situs: --site FOLDER (buatan 'kinerja init'), jika tidak ada folder saat ini
bila memuat hugo.toml, jika tidak ada situs bawaan kinerja (dibuka ke
$XDG_CACHE_HOME/kinerja). Grafik digambar oleh Node.js 18 atau lebih baru di
PATH. Setiap kueri basis data paling lama --timeout (bawaan: statement_timeout
di string koneksi, jika tidak ada 1m).

Pilihan:
`,
	serveUsage: `Penggunaan: kinerja serve [--db DSN | --from BUNDEL] [--port 1313] [pilihan]

Membangun data seperti 'kinerja build' dan menyajikan pratinjau langsung,
dengan spanduk "Pratinjau", di http://localhost:1313. Ctrl+C
menghentikannya.

Pilihan:
`,
	checkUsage: `Penggunaan: kinerja check [--quarter 2026-Q3] [--json] [--db DSN | --from BUNDEL] [--site FOLDER]

Memeriksa data sebelum diterbitkan: indikator yang jatuh tempo pada
triwulan itu (bawaan: triwulan terbaru yang berdata) tanpa realisasi, tanpa
target, atau tanpa penjelasan atas target yang tidak tercapai; nilai yang
tidak masuk akal (jumlah negatif, persentase di luar 0-100, nilai jauh di
luar riwayat indikatornya sendiri, realisasi yang disalin dari target,
target yang terlalu rendah); indikator tanpa data selama beberapa periode
atau hasil di luar masa berlakunya.

data/pemeriksaan.toml di folder situs menentukan pemeriksaan mana yang
menghalangi penerbitan dan ambang-ambangnya. Status keluar: 0 dapat
diterbitkan, 1 ada masalah yang menghalangi (atau data tidak terbaca), 2
baris perintah salah. --json mencetak temuan sebagai JSON di stdout.

Pilihan:
`,
	publishUsage: `Penggunaan: kinerja publish --quarter 2026-Q3 [--db DSN | --from BUNDEL] [--releases releases] [--out public] [pilihan]

Memeriksa data triwulan itu (seperti 'kinerja check'), membekukannya sebagai
rilis di folder rilis (bundel dan manifes berisi SHA-256 setiap berkas), lalu
membangun situs dari semua rilis ke folder baru yang menggantikan --out hanya
bila semuanya berhasil. Rilis tidak pernah diganti: koreksi dengan --revise
"alasannya", yang menambah satu versi. Data berasal dari --db, $DATABASE_URL
atau --from; tanpa salah satunya publish menolak, kecuali --demo meminta
data contoh bawaan kinerja (fiktif, untuk situs uji coba).

Folder rilis dikunci selama penerbitan: penerbitan kedua (atau pembangunan
dari folder itu) langsung berhenti. Penerbitan yang terputus diselesaikan
dengan menjalankannya lagi bila rilisnya sudah tertulis (jika belum,
penerbitan itu mulai dari awal); pembangunan dari folder rilis mencocokkan
setiap berkas dengan manifesnya dan setiap manifes dengan releases/SHA256SUMS.

Pilihan:
`,
	rollbackUsage: `Penggunaan: kinerja rollback [--out public]

Mengarahkan --out, tautan ke sebuah hasil bangun (lihat "Deploying" di
README), kembali ke hasil bangun sebelum yang ditunjuknya sekarang: satu
langkah, seketika bagi server web. 'kinerja build --keep N' menentukan
berapa hasil bangun yang disimpan.

Pilihan:
`,
	dbUsage: `Penggunaan:
  kinerja db migrate [--db DSN]              buat atau perbarui skema rujukan
  kinerja db seed --demo [--db DSN] [--replace]
                                             isi dengan data contoh (fiktif)

Skema rujukan terdiri atas tiga bagian: kinerja (data perangkat daerah), asn
(pegawai: tidak pernah dibaca pengekspor) dan publik (view yang dibaca
pengekspor; peran portal_reader hanya boleh membaca ini).

Basis datanya --db DSN, jika tidak ada $DATABASE_URL, jika tidak ada yang
disebut variabel PG* (PGHOST, PGPORT, PGDATABASE, PGUSER); tanpa semuanya
kedua perintah menolak alih-alih menebak. Masing-masing menyebut basis data
yang diubahnya (pengguna, host, port dan nama basis data; tidak pernah kata
sandinya).
`,
	demoDataUsage: `Penggunaan: kinerja demo-data --out FOLDER [--indicators N]

Menulis data contoh bawaan (atau, dengan --indicators N, kota buatan
berisi N indikator fiktif untuk uji skala) sebagai bundel CSV yang dibaca
'kinerja build --from FOLDER'.

Pilihan:
`,
	initUsage: `Penggunaan: kinerja init FOLDER

Menulis folder situs yang dapat diubah ke FOLDER, yang harus baru atau
kosong: hugo.toml, halaman (content/), tabel kategori (data/kategori.toml),
partial kait (layouts/_partials/hooks/), assets/css/custom.css yang kosong
dan README.md untuk kantor. Tema tetap di dalam kinerja; berkas di FOLDER
menggantikan berkas tema yang bernama sama ('kinerja theme' mendaftarnya).
Lalu jalankan 'kinerja build' di dalam FOLDER, atau 'kinerja build --site
FOLDER'.
`,
	themeUsage: `Penggunaan:
  kinerja theme [--site FOLDER]              daftar berkas tema
  kinerja theme copy BERKAS [--site FOLDER]  salin satu ke folder situs

Tema (tata letak, CSS, kata-kata halaman) ada di dalam kinerja. Berkas
dengan jalur yang sama di folder situs menggantikan berkas tema: 'kinerja
theme copy layouts/_partials/footer.html' menyalin berkas tema itu ke folder
situs, untuk diubah di sana. Berkas yang sudah ada tidak pernah ditimpa.
Folder situs adalah --site FOLDER, jika tidak ada folder saat ini bila
memuat hugo.toml.

Pilihan:
`,

	// Flags.
	" (default %s)": " (bawaan %s)",
	"PostgreSQL connection string (default $DATABASE_URL; PG* variables fill in the rest)":                                  "string koneksi PostgreSQL (bawaan $DATABASE_URL; variabel PG* melengkapi sisanya)",
	"build from a CSV bundle: a folder or a .zip (see 'kinerja demo-data')":                                                 "bangun dari bundel CSV: sebuah folder atau .zip (lihat 'kinerja demo-data')",
	"build from the releases folder that 'kinerja publish' writes (the latest release drives the pages)":                    "bangun dari folder rilis yang ditulis 'kinerja publish' (rilis terbaru menentukan halaman)",
	"deprecated: the former name of --site":                                                                                 "usang: nama lama --site",
	"empty the kinerja and asn tables first":                                                                                "kosongkan dulu tabel kinerja dan asn",
	"generate a city with this many indicators instead of the demo":                                                         "buat kota dengan sebanyak ini indikator, bukan data contoh",
	"load the demo data (required: it is the only data seed knows)":                                                         "isi dengan data contoh (wajib: hanya data ini yang dikenal seed)",
	"print the findings as JSON on stdout":                                                                                  "cetak temuan sebagai JSON di stdout",
	"publish a new version of an existing release, for this reason":                                                         "terbitkan versi baru dari rilis yang sudah ada, dengan alasan ini",
	"publish despite blocking problems of the data check, for this reason":                                                  "terbitkan meskipun pemeriksaan data menemukan masalah yang menghalangi, dengan alasan ini",
	"publish the demo data kinerja carries (fictitious): for a test site only":                                              "terbitkan data contoh bawaan kinerja (fiktif): hanya untuk situs uji coba",
	"publish up to this quarter, e.g. 2026-Q3 (default: the newest with data)":                                              "terbitkan sampai triwulan ini, misalnya 2026-Q3 (bawaan: triwulan terbaru yang berdata)",
	"the folder to publish into (replaced only when the build succeeds)":                                                    "folder tujuan terbit (diganti hanya bila pembangunan berhasil)",
	"the folder to publish the site into":                                                                                   "folder tujuan terbit situs",
	"the folder to write the bundle into (required)":                                                                        "folder tujuan bundel (wajib)",
	"the interface to listen on":                                                                                            "antarmuka jaringan yang didengarkan",
	"the link the web server serves, e.g. /srv/kinerja/current":                                                             "tautan yang disajikan server web, misalnya /srv/kinerja/current",
	"the longest one database query may take, e.g. 2s or 5m (default: statement_timeout in the connection string, else 1m)": "waktu terlama satu kueri basis data, misalnya 2s atau 5m (bawaan: statement_timeout di string koneksi, jika tidak ada 1m)",
	"the port to listen on": "port yang didengarkan",
	"the publication day, e.g. 2026-10-15 (default: today in WIB, or $SOURCE_DATE_EPOCH's day)":                                   "tanggal terbit, misalnya 2026-10-15 (bawaan: hari ini dalam WIB, atau hari $SOURCE_DATE_EPOCH)",
	"the releases folder the data check compares with, as publish does":                                                           "folder rilis yang menjadi pembanding pemeriksaan data, seperti pada publish",
	"the releases folder to compare with, as publish does (targets eased since, units, polarities, definitions changed)":          "folder rilis pembanding, seperti pada publish (target yang dilonggarkan sejak itu, satuan, polaritas, definisi yang berubah)",
	"the releases folder the office keeps (git, object storage)":                                                                  "folder rilis yang disimpan kantor (git, penyimpanan objek)",
	"the site folder made by 'kinerja init' (default: the current folder when it holds hugo.toml, else the site kinerja carries)": "folder situs buatan 'kinerja init' (bawaan: folder saat ini bila memuat hugo.toml, jika tidak ada situs bawaan kinerja)",
	"the site folder made by 'kinerja init' (default: the current folder when it holds hugo.toml)":                                "folder situs buatan 'kinerja init' (bawaan: folder saat ini bila memuat hugo.toml)",
	"the site's public address (default: baseURL in hugo.toml)":                                                                   "alamat publik situs (bawaan: baseURL di hugo.toml)",
	"when --out is a link: builds to keep for 'kinerja rollback', the published one included":                                     "bila --out sebuah tautan: jumlah hasil bangun yang disimpan untuk 'kinerja rollback', termasuk yang terbit",
	"write the downloads for journalists (/data/, /api/); --downloads=false for a quicker draft":                                  "tulis unduhan untuk jurnalis (/data/, /api/); --downloads=false untuk draf yang lebih cepat",

	// Usage errors.
	"kinerja: %s\nRun 'kinerja help' for the list of commands.\n":                  "kinerja: %s\nJalankan 'kinerja help' untuk daftar perintah.\n",
	"flag provided but not defined: ":                                              "pilihan tidak dikenal: ",
	"flag needs an argument: ":                                                     "pilihan perlu nilai: ",
	"invalid boolean flag ":                                                        "pilihan ya/tidak tidak sah ",
	"no command given":                                                             "tidak ada perintah",
	"unknown command %q":                                                           "perintah %q tidak dikenal",
	"%s: unexpected argument %q":                                                   "%s: argumen %q tidak diharapkan",
	"--lang needs a language: --lang id or --lang en":                              "--lang perlu bahasa: --lang id atau --lang en",
	"--lang %q is not a language kinerja speaks: use --lang id or --lang en":       "--lang %q bukan bahasa yang dikuasai kinerja: pakai --lang id atau --lang en",
	"give either --db or --from, not both":                                         "beri --db atau --from, jangan keduanya",
	"give either --releases or a data source (--db, --from), not both":             "beri --releases atau sumber data (--db, --from), jangan keduanya",
	"SOURCE_DATE_EPOCH is %q; it must be seconds since 1970":                       "SOURCE_DATE_EPOCH bernilai %q; harus jumlah detik sejak 1970",
	"KINERJA_SHARD_SIZE is %q; it must be a whole number of indicators, 1 or more": "KINERJA_SHARD_SIZE bernilai %q; harus bilangan bulat jumlah indikator, 1 atau lebih",
	"--quarter: %v":                                                            "--quarter: %v",
	"--timeout must be more than 0, e.g. 5m":                                   "--timeout harus lebih dari 0, misalnya 5m",
	"--keep must be 1 or more: the published build always stays":               "--keep harus 1 atau lebih: hasil bangun yang terbit selalu disimpan",
	"publish needs --quarter, e.g. --quarter 2026-Q3":                          "publish perlu --quarter, misalnya --quarter 2026-Q3",
	"db needs a subcommand: migrate or seed":                                   "db perlu subperintah: migrate atau seed",
	"unknown db subcommand %q: use migrate or seed":                            "subperintah db %q tidak dikenal: pakai migrate atau seed",
	"db seed needs --demo: it loads the fictitious demo data, never real data": "db seed perlu --demo: perintah ini mengisi data contoh fiktif, tidak pernah data sungguhan",
	"demo-data needs --out DIR":                                                "demo-data perlu --out FOLDER",
	"--indicators must be positive":                                            "--indicators harus positif",
	"init: %v":                                                                 "init: %v",
	"init needs one folder: kinerja init DIR":                                  "init perlu satu folder: kinerja init FOLDER",
	"there is no hugo.toml in %q: name a site folder made by 'kinerja init'":   "tidak ada hugo.toml di %q: sebut folder situs buatan 'kinerja init'",
	"kinerja theme copy writes into a site folder: run it inside one (made by 'kinerja init') or give --site DIR": "kinerja theme copy menulis ke folder situs: jalankan di dalam folder situs (buatan 'kinerja init') atau beri --site FOLDER",
	"theme copy needs one file: kinerja theme copy layouts/_partials/footer.html ('kinerja theme' lists them)":    "theme copy perlu satu berkas: kinerja theme copy layouts/_partials/footer.html ('kinerja theme' mendaftarnya)",
	"unknown theme subcommand %q: use 'kinerja theme' to list the files, 'kinerja theme copy FILE' to copy one":   "subperintah theme %q tidak dikenal: pakai 'kinerja theme' untuk daftar berkas, 'kinerja theme copy BERKAS' untuk menyalin satu",

	// Refusals.
	errNoDatabase:                "tidak ada basis data yang disebut, dan kinerja tidak menebak basis data mana yang diubah: sebut dengan --db postgres://pengguna@host:5432/namadb, atau isi DATABASE_URL, atau variabel PG* (PGHOST, PGPORT, PGDATABASE, PGUSER)",
	pipeline.ErrDemoData:         "tidak ada sumber data (--db, $DATABASE_URL atau --from), jadi yang akan diterbitkan adalah data contoh bawaan kinerja yang angkanya fiktif: sebut basis data dengan --db DSN atau DATABASE_URL, atau bundel dengan --from; untuk sengaja menerbitkan data contoh (situs uji coba), tambahkan --demo",
	pipeline.ErrDemoWithSource:   "--demo menerbitkan data contoh bawaan kinerja, jadi tidak dapat digabung dengan --db, $DATABASE_URL atau --from: hapus --demo untuk menerbitkan data itu, atau hapus sumbernya untuk menerbitkan data contoh",
	"kinerja: interrupted: %s\n": "kinerja: dihentikan: %s\n",
	"kinerja: --source is now --site (the data comes from --db or --from); --source will go away\n": "kinerja: --source sekarang --site (data berasal dari --db atau --from); --source akan dihapus\n",

	// What the office reads after a command.
	"Built %s: publish it with any web server, or preview it with 'kinerja serve'.\n":                                                                           "Situs dibangun di %s: sajikan dengan server web apa pun, atau lihat pratinjaunya dengan 'kinerja serve'.\n",
	"Published %s (version %d, %s): %d pages, %d files, %.1f MB in %s (%.1f s). The release is in %s; deploy %s to the web server.\n":                           "Diterbitkan %s (versi %d, %s): %d halaman, %d berkas, %.1f MB di %s (%.1f dtk). Rilisnya ada di %s; pasang %s di server web.\n",
	"Finished the interrupted publish of %s (version %d, %s): %d pages, %d files, %.1f MB in %s (%.1f s). The release is in %s; deploy %s to the web server.\n": "Penerbitan %s yang terputus telah diselesaikan (versi %d, %s): %d halaman, %d berkas, %.1f MB di %s (%.1f dtk). Rilisnya ada di %s; pasang %s di server web.\n",
	"The interrupted publish of %s (version %d, %s) had already published its site in %s. The release is in %s.\n":                                              "Penerbitan %s yang terputus (versi %d, %s) sudah menerbitkan situsnya di %s. Rilisnya ada di %s.\n",
	"Rolled back: %s now points at %s.\n": "Dikembalikan: %s sekarang menunjuk ke %s.\n",
	"Wrote a new site into %s: edit it (its README.md says where), then run 'kinerja build' inside it, or 'kinerja build --site %s'.\n": "Situs baru ditulis ke %s: ubah isinya (README.md-nya menjelaskan di mana), lalu jalankan 'kinerja build' di dalamnya, atau 'kinerja build --site %s'.\n",
	"%s  (overridden by the site folder)\n":                                                    "%s  (diganti oleh folder situs)\n",
	"Copied the theme's %s to %s: edit it there; it replaces the theme's at the next build.\n": "Berkas tema %s disalin ke %s: ubah di sana; berkas itu menggantikan berkas tema pada pembangunan berikutnya.\n",
	"Data check of %s\n": "Pemeriksaan data %s\n",
	"\nOther tables\n":   "\nTabel lain\n",
	"BLOCKING":           "MENGHALANGI",
	"warning ":           "peringatan ",
	"warning":            "peringatan",
	"blocking problem":   "masalah yang menghalangi",
	"publishable":        "dapat diterbitkan",
	"not publishable":    "belum dapat diterbitkan",
	"%s: %d migrations applied, schema up to date":                                                    "%s: %d migrasi dijalankan, skema mutakhir",
	"%s: %d agencies, %d indicators, %d measurements, %d quarterly entries, %d employees (demo data)": "%s: %d perangkat daerah, %d indikator, %d ukuran, %d isian triwulanan, %d pegawai (data contoh)",
	"%d agencies, %d indicators, %d results written to %s":                                            "%d perangkat daerah, %d indikator, %d hasil ditulis ke %s",
}
