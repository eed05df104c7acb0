package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Theme is the name of the theme kinerja carries (hugo.toml: theme).
const Theme = "kinerja"

// Unpack writes the site that kinerja carries (fsys: hugo.toml, content/,
// data/, themes/) into cacheRoot/site-<hash of its files>, unless a
// previous run already did, and returns that folder. The folder is made
// under another name and renamed into place, so a build running at the
// same time never sees half of it; a new kinerja version (other files)
// gets a new folder. Builds from the embedded site keep their .build and
// .cache folders in it too, never in the current folder.
func Unpack(fsys fs.FS, cacheRoot string) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("read the embedded site: %w", err)
	}
	dir := filepath.Join(cacheRoot, "site-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err == nil {
		return dir, nil
	}
	fail := func(err error) (string, error) {
		return "", iku.Wrap(err, iku.Invalid, "cannot write the site kinerja carries into %s (%v): check its permissions, or set XDG_CACHE_HOME to a folder you can write", cacheRoot, err)
	}
	if err := os.MkdirAll(cacheRoot, 0o755); err != nil {
		return fail(err)
	}
	tmp, err := os.MkdirTemp(cacheRoot, ".site-")
	if err != nil {
		return fail(err)
	}
	if err := copyFS(fsys, ".", tmp); err != nil {
		os.RemoveAll(tmp)
		return fail(err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, serr := os.Stat(filepath.Join(dir, "hugo.toml")); serr == nil {
			return dir, nil // another kinerja unpacked it first
		}
		return fail(err)
	}
	return dir, nil
}

// HasTheme reports whether the site folder root holds its own copy of the
// theme (themes/kinerja); else the build uses the one kinerja carries.
func HasTheme(root string) bool {
	fi, err := os.Stat(filepath.Join(root, "themes", Theme))
	return err == nil && fi.IsDir()
}

// copyFS copies the tree under from in fsys into the folder to.
func copyFS(fsys fs.FS, from, to string) error {
	return fs.WalkDir(fsys, from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, from), "/")
		dst := filepath.Join(to, filepath.FromSlash(rel))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		return copyFromFS(fsys, p, dst)
	})
}

func copyFromFS(fsys fs.FS, p, dst string) error {
	src, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer src.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Init writes an editable site folder into dir, which must be new or
// empty: hugo.toml, the pages (content/), the settings (data/), the hook
// partials (layouts/_partials/hooks/), an empty assets/css/custom.css and
// a README for the office. The theme stays inside kinerja: the folder's
// own layouts/ and assets/ override the theme's files of the same name.
func Init(fsys fs.FS, dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && !fi.IsDir():
		return iku.Errorf(iku.Invalid, "%q is a file: name a new or empty folder for the site", dir)
	case err == nil:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot read the folder %q", dir)
		}
		if len(entries) > 0 {
			return iku.Errorf(iku.Invalid, "the folder %q is not empty (it holds %q): kinerja init writes a site only into a new or empty folder, so name another one", dir, entries[0].Name())
		}
	case !errors.Is(err, fs.ErrNotExist):
		return iku.Wrap(err, iku.Invalid, "cannot use the folder %q", dir)
	}
	fail := func(err error) error {
		return iku.Wrap(err, iku.Invalid, "cannot write the site into %q (%v): check the folder's permissions", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	if err := copyFromFS(fsys, "hugo.toml", filepath.Join(dir, "hugo.toml")); err != nil {
		return fail(err)
	}
	for _, d := range []string{"content", "data"} {
		if err := copyFS(fsys, d, filepath.Join(dir, d)); err != nil {
			return fail(err)
		}
	}
	hooks := path.Join("themes", Theme, "layouts", "_partials", "hooks")
	if err := copyFS(fsys, hooks, filepath.Join(dir, "layouts", "_partials", "hooks")); err != nil {
		return fail(err)
	}
	for name, body := range map[string]string{
		"assets/css/custom.css": customCSS,
		"README.md":             initReadme,
		".gitignore":            "/public/\n/public.*\n/.build/\n/.cache/\n/node_modules/\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return fail(err)
		}
	}
	return nil
}

const customCSS = `/* CSS tambahan situs ini: ditambahkan di akhir CSS tema, jadi aturan di
   sini menang. Warna tema adalah variabel di themes/kinerja/assets/css/base.css,
   misalnya:

   :root { --brand: #0b3954; --link: #0b5cab; }

   Jaga kontras teks minimal 4,5:1. */
`

const initReadme = `# Situs Portal Kinerja

Folder ini dibuat oleh ` + "`" + `kinerja init` + "`" + `. Tema (tata letak, CSS dasar, teks
antarmuka) ada di dalam program ` + "`" + `kinerja` + "`" + `; di sini hanya yang boleh diubah
oleh kantor. Program berbahasa Indonesia bila lokal komputer Indonesia
(` + "`" + `LANG=id_ID.UTF-8` + "`" + `), atau dengan ` + "`" + `--lang id` + "`" + `.

## Yang diubah di mana

| berkas | isinya |
|---|---|
| ` + "`" + `hugo.toml` + "`" + ` | alamat situs (baseURL, lengkap dengan https://), judul, nama kota, penerbit, kontak, lisensi |
| ` + "`" + `content/*.md` + "`" + ` | halaman tulisan: tentang, metodologi, aksesibilitas |
| ` + "`" + `content/rilis/2026-q3.md` + "`" + ` | catatan kantor untuk rilis sebuah triwulan (Markdown biasa, boleh ditulis lebih dulu) |
| ` + "`" + `data/kalender.toml` + "`" + ` | jadwal rilis: triwulan dan tanggal terbit setiap rilis |
| ` + "`" + `data/kategori.toml` + "`" + ` | tabel kategori capaian dan batas skor (halaman metodologi ikut membacanya) |
| ` + "`" + `data/pemeriksaan.toml` + "`" + ` | pemeriksaan data mana yang menghalangi penerbitan, dan ambangnya |
| ` + "`" + `data/privasi.toml` + "`" + ` | ambang privasi k untuk data pegawai ASN (paling kecil 5) |
| ` + "`" + `layouts/_partials/hooks/` + "`" + ` | tambahan di ` + "`" + `<head>` + "`" + ` (head-end.html), logo (header-logo.html), kaki halaman (footer.html) |
| ` + "`" + `assets/css/custom.css` + "`" + ` | warna dan gaya tambahan |

Setiap pembangunan dan ` + "`" + `kinerja check` + "`" + ` memeriksa berkas-berkas ini lebih
dulu; kesalahan disebut dengan berkas dan barisnya, misalnya
` + "`" + `data/kalender.toml:6: the day "2027-02-30" … fix tanggal` + "`" + `.

**Mengganti berkas tema.** ` + "`" + `kinerja theme` + "`" + ` mendaftar semua berkas tema;
` + "`" + `kinerja theme copy layouts/_partials/footer.html` + "`" + ` menyalin satu ke folder
ini, tempat berkas itu menggantikan berkas tema dan dapat diubah. Berkas
yang sudah ada tidak pernah ditimpa. Tanpa skrip atau gaya inline: situs
berjalan di bawah Content-Security-Policy yang ketat.

## Yang diperlukan

Program ` + "`" + `kinerja` + "`" + ` (unduh arsip untuk sistem Anda dari halaman rilis
kinerja, atau ` + "`" + `go install` + "`" + `) dan **Node.js 18 atau lebih baru** (untuk
menggambar grafik). Jalankan perintah di folder ini (yang memuat
hugo.toml), atau beri ` + "`" + `--site FOLDER` + "`" + `. Data dibaca dari basis data kota:

` + "`" + `` + "`" + `` + "`" + `sh
export DATABASE_URL='postgres://portal_reader@db.kota.local:5432/kinerja'
` + "`" + `` + "`" + `` + "`" + `

Tanpa ` + "`" + `--db` + "`" + `, ` + "`" + `DATABASE_URL` + "`" + ` atau ` + "`" + `--from` + "`" + `, ` + "`" + `kinerja build` + "`" + ` membangun data
contoh yang fiktif (setiap halaman bertanda "Data contoh"), dan
` + "`" + `kinerja publish` + "`" + ` menolak; ` + "`" + `--demo` + "`" + ` memaksanya, hanya untuk situs uji coba.

## Satu triwulan, dari awal sampai akhir

Contoh: Triwulan III 2026, terbit sekitar satu bulan setelah triwulannya
berakhir (tanggalnya di ` + "`" + `data/kalender.toml` + "`" + `).

**1. Periksa data.**

` + "`" + `` + "`" + `` + "`" + `sh
kinerja check --quarter 2026-Q3
` + "`" + `` + "`" + `` + "`" + `

Setiap temuan bertanda ` + "`" + `MENGHALANGI` + "`" + ` (misalnya target tahunan yang belum
diisi, jumlah negatif, persentase di luar 0–100) harus diperbaiki oleh
perangkat daerahnya di basis data; ` + "`" + `peringatan` + "`" + ` (misalnya target yang tidak
tercapai tanpa penjelasan) sebaiknya diperbaiki. Baris terakhir berbunyi
` + "`" + `… : dapat diterbitkan` + "`" + ` bila tidak ada lagi yang menghalangi. Ulangi sampai
demikian.

**2. Lihat pratinjau.**

` + "`" + `` + "`" + `` + "`" + `sh
kinerja serve --quarter 2026-Q3
` + "`" + `` + "`" + `` + "`" + `

Buka <http://localhost:1313>. Setiap halaman bertanda *Pratinjau — belum
dipublikasikan*; hasil pemeriksaan ada di <http://localhost:1313/pemeriksaan/>.
Tulis catatan rilis bila perlu (` + "`" + `content/rilis/2026-q3.md` + "`" + `). Ctrl+C
menghentikannya.

**3. Terbitkan.**

` + "`" + `` + "`" + `` + "`" + `sh
kinerja publish --quarter 2026-Q3 --releases rilis --out public
` + "`" + `` + "`" + `` + "`" + `

Perintah ini memeriksa lagi, membekukan data triwulan itu sebagai rilis di
` + "`" + `rilis/2026-q3/v1/` + "`" + ` (dengan SHA-256 setiap berkas), lalu membangun situs
dari semua rilis ke ` + "`" + `public/` + "`" + `. Masalah yang menghalangi membuatnya menolak;
` + "`" + `--force "alasannya"` + "`" + ` menerbitkannya juga, dan alasannya tampil di halaman
rilis. Simpan folder ` + "`" + `rilis/` + "`" + ` baik-baik (commit ke git): itulah catatan
resmi kota tentang apa yang pernah diterbitkan.

**4. Pasang di server web (deploy).** ` + "`" + `public/` + "`" + ` berisi berkas biasa:
salin ke server web apa pun (` + "`" + `rsync -a --delete public/ server:/srv/kinerja/` + "`" + `).
Di server sendiri, lebih aman bila ` + "`" + `--out` + "`" + ` sebuah tautan yang disajikan
server web, sehingga penggantian situs terjadi seketika:

` + "`" + `` + "`" + `` + "`" + `sh
mkdir -p /srv/kinerja/builds && ln -s builds/current-0 /srv/kinerja/current   # sekali saja
kinerja publish --quarter 2026-Q3 --releases rilis --out /srv/kinerja/current
` + "`" + `` + "`" + `` + "`" + `

**5. Revisi.** Bila sebuah angka ternyata salah setelah terbit, perangkat
daerah memperbaikinya di basis data, lalu:

` + "`" + `` + "`" + `` + "`" + `sh
kinerja publish --quarter 2026-Q3 --releases rilis --out public --revise "koreksi data kunjungan Dispar"
` + "`" + `` + "`" + `` + "`" + `

Rilis tidak pernah diganti: revisi menambah ` + "`" + `rilis/2026-q3/v2/` + "`" + `. Setiap
angka yang berubah tercantum di halaman rilis (lama → baru, alasannya) dan
bertanda *direvisi* di halaman indikatornya; versi 1 tetap dapat diunduh.
Angka triwulan lalu yang dikoreksi sebelum rilis triwulan berikutnya
tercatat sebagai revisi pada rilis itu.

**6. Kembalikan (rollback).** Bila situs yang baru terpasang bermasalah:

` + "`" + `` + "`" + `` + "`" + `sh
kinerja rollback --out /srv/kinerja/current
` + "`" + `` + "`" + `` + "`" + `

Tautan kembali menunjuk ke hasil bangun sebelumnya, seketika. Tiga hasil
bangun terakhir disimpan (` + "`" + `--keep N` + "`" + ` mengubahnya). Bila penerbitan terputus
(listrik padam), jalankan perintah yang sama lagi: kinerja menyelesaikannya
atau memulainya dari awal, dan mengatakan mana yang dilakukannya.

## Membangun tanpa menerbitkan

` + "`" + `` + "`" + `` + "`" + `sh
kinerja build                 # data dari --db / DATABASE_URL (atau data contoh), hasil di public/
kinerja build --releases rilis --out public   # bangun ulang situs terbit dari folder rilis saja
kinerja build --site FOLDER   # dari folder lain
` + "`" + `` + "`" + `` + "`" + `

` + "`" + `kinerja build` + "`" + ` biasa tidak membekukan rilis; halaman rilisnya menampilkan
angka dari data terbaru. ` + "`" + `kinerja help build` + "`" + ` (atau ` + "`" + `kinerja help publish` + "`" + `,
dan seterusnya) menjelaskan pilihan lainnya.

## Pencarian (pilihan)

Pencarian di halaman /cari/ (Pagefind) memerlukan satu paket npm di folder
ini (gambar yang tampil saat halaman dibagikan, misalnya di WhatsApp,
digambar kinerja sendiri):

` + "`" + `` + "`" + `` + "`" + `sh
npm install pagefind@1.6.0
` + "`" + `` + "`" + `` + "`" + `

Folder ` + "`" + `node_modules/` + "`" + ` yang dibuatnya tidak ikut di-commit (` + "`" + `.gitignore` + "`" + `).
Tanpa paket itu situs tetap dibangun: /cari/ berisi daftar semua indikator
dari A sampai Z. Server web perlu mengizinkan WebAssembly untuk pencarian:
kirim ` + "`" + `script-src 'self' 'wasm-unsafe-eval'` + "`" + ` pada /cari/, /en/cari/ dan
/pagefind/ saja (README kinerja, "Search and link previews").
`
