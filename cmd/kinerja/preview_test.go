package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// checkBundle writes the bundle of testdata/script/check.txtar (a count
// below zero in 2026-Q3, a missing actual) into a new folder.
func checkBundle(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "script", "check.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		name, ok := strings.CutPrefix(f.Name, "bundle/")
		if !ok {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestPreviewShowsTheCheck: kinerja serve links its banner to the data
// check at /pemeriksaan/, which lists the planted problems in Indonesian,
// blocking first; kinerja build of the same data has no such page.
func TestPreviewShowsTheCheck(t *testing.T) {
	root := repoRoot(t)
	bundle := checkBundle(t)
	port := freePort(t)
	cmd, out := kinerja(t, "serve", "--site", root, "--from", bundle, "--port", fmt.Sprint(port))
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	waitFor(t, "the preview server", 90*time.Second, func() bool {
		resp, err := http.Get(base)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	_, home := get(t, base)
	for _, want := range []string{"Pratinjau — belum dipublikasikan", `<a href="/pemeriksaan/">Lihat hasil pemeriksaan data</a>`} {
		if !strings.Contains(home, want) {
			t.Errorf("the preview's home page has no %q", want)
		}
	}
	code, page := get(t, base+"pemeriksaan/")
	if code != 200 {
		t.Fatalf("GET /pemeriksaan/: %d\n%s", code, out)
	}
	for _, want := range []string{
		"<h1>Pemeriksaan data</h1>",
		"1 masalah yang menghalangi, 2 peringatan.",
		"Data belum dapat diterbitkan",
		`<caption id="cap-check-dispar">Dinas Pariwisata: 2 temuan</caption>`,
		`<th scope="row"><a href="/iku/dispar-kunjungan/">Jumlah kunjungan wisatawan</a></th>`,
		"Jumlah kunjungan wisatawan melaporkan -12 untuk Triwulan III 2026; hitungan tidak mungkin negatif.",
		"Indeks kepuasan pasien puskesmas belum ada realisasinya untuk Triwulan III 2026.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/pemeriksaan/ has no %q", want)
		}
	}
	// Blocking first: the agency with the negative count, then the other.
	if i, j := strings.Index(page, "Menghalangi"), strings.Index(page, "Dinas Kesehatan: 1 temuan"); i < 0 || j < 0 || j < i {
		t.Errorf("/pemeriksaan/ does not list the blocking problem first")
	}
	// No English message of the terminal reaches the page.
	if strings.Contains(page, "cannot be negative") {
		t.Errorf("/pemeriksaan/ shows the terminal's English message")
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := exited(t, cmd, 20*time.Second); code != 0 {
		t.Errorf("serve exited %d after Ctrl+C; want 0\n%s", code, out)
	}

	// The published site: no check page, no link to one, no banner.
	public := filepath.Join(t.TempDir(), "public")
	mustRun(t, nil, "build", "--site", root, "--from", bundle, "--out", public, "--downloads=false")
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(public, "pemeriksaan")); err == nil {
		t.Errorf("kinerja build published /pemeriksaan/")
	}
	index := readFile(t, filepath.Join(public, "index.html"))
	if strings.Contains(index, "pemeriksaan") || strings.Contains(index, "Pratinjau") {
		t.Errorf("the published home page mentions the preview or its check")
	}
}
