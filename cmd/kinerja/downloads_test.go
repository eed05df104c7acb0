package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// TestDownloadsAreChecked: SHA256SUMS passes `sha256sum -c` on the built
// site and fails after one byte changes; datapackage.json lists every file
// of /data/ with its true size and hash.
func TestDownloadsAreChecked(t *testing.T) {
	public := demoSite(t)
	data := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(data, os.DirFS(filepath.Join(public, "data"))); err != nil {
		t.Fatal(err)
	}
	check := exec.Command("sha256sum", "--quiet", "-c", "SHA256SUMS")
	check.Dir = data
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("sha256sum -c SHA256SUMS on the built site: %v\n%s", err, out)
	}

	// Every file but SHA256SUMS itself is listed in both.
	files := tree(t, data)
	sums := string(files["SHA256SUMS"])
	var pkg struct {
		Resources []struct {
			Path  string `json:"path"`
			Bytes int    `json:"bytes"`
			Hash  string `json:"hash"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(files["datapackage.json"], &pkg); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range pkg.Resources {
		listed[r.Path] = true
		b, ok := files[r.Path]
		if !ok {
			t.Errorf("datapackage.json lists %s, which is not in /data/", r.Path)
			continue
		}
		h := sha256.Sum256(b)
		if r.Bytes != len(b) || r.Hash != "sha256:"+hex.EncodeToString(h[:]) {
			t.Errorf("datapackage.json: %s has bytes %d and hash %s; the file has %d and sha256:%x", r.Path, r.Bytes, r.Hash, len(b), h)
		}
	}
	for p := range files {
		if p == "SHA256SUMS" || p == "index.html" {
			continue // the list itself; the /data/ page
		}
		if !strings.Contains(sums, "  "+p+"\n") {
			t.Errorf("SHA256SUMS does not list %s", p)
		}
		if !listed[p] && p != "datapackage.json" && p != "catalog.jsonld" {
			t.Errorf("datapackage.json does not list %s", p)
		}
	}
	// Each indicator's table in CSV and JSON, each agency's and sector's
	// in all four formats.
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range ds.Indicators {
		for _, suffix := range []string{".csv", ".json", "-excel.csv", ".xlsx"} {
			_, ok := files["iku/"+ind.Slug+suffix]
			if want := suffix == ".csv" || suffix == ".json"; ok != want {
				t.Errorf("/data/iku/%s%s published: %v; want %v", ind.Slug, suffix, ok, want)
			}
		}
	}
	for _, stem := range []string{"opd/" + ds.Agencies[0].Slug, "sektor/" + ds.Sectors[0].Slug, "iku-semua", "iku-terbaru"} {
		for _, suffix := range []string{".csv", ".json", "-excel.csv", ".xlsx"} {
			if _, ok := files[stem+suffix]; !ok {
				t.Errorf("/data/%s%s is not published", stem, suffix)
			}
		}
	}
	// Every download a page links is published.
	link := regexp.MustCompile(`(?:href|src)="?(/[^"\s>#?]+\.(?:csv|xlsx|jsonld|json|zip)|/[^"\s>#?]*SHA256SUMS)`)
	linked := 0
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		for _, m := range link.FindAllStringSubmatch(readFile(t, p), -1) {
			linked++
			if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(m[1]))); err != nil {
				rel, _ := filepath.Rel(public, p)
				t.Errorf("%s links %s, which is not published", rel, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if linked < len(ds.Indicators)*2 {
		t.Errorf("the pages link %d downloads; want at least each indicator's two", linked)
	}

	// One flipped byte fails the check.
	victim := filepath.Join(data, "iku-semua.csv")
	b, err := os.ReadFile(victim)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(victim, b, 0o644); err != nil {
		t.Fatal(err)
	}
	check = exec.Command("sha256sum", "--quiet", "-c", "SHA256SUMS")
	check.Dir = data
	out, err := check.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "iku-semua.csv: FAILED") {
		t.Errorf("sha256sum -c after flipping a byte of iku-semua.csv: err %v\n%s", err, out)
	}
}

// TestRebuildFromDownloadedBundle: the bundle zip a journalist downloads
// rebuilds exactly the same site, pages and data.
func TestRebuildFromDownloadedBundle(t *testing.T) {
	public := demoSite(t)
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "bundle.zip")
	b, err := os.ReadFile(filepath.Join(public, "data", "bundle.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(zipPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "public")
	mustRun(t, nil, "build", "--source", repoRoot(t), "--from", zipPath, "--out", again)
	a, c := tree(t, public), tree(t, again)
	for _, p := range union(a, c) {
		if p == ".kinerja-site" {
			continue
		}
		if !bytes.Equal(a[p], c[p]) {
			t.Errorf("%s differs between the site and its rebuild from the downloaded bundle", p)
		}
	}
}

// formulaStart reports whether a CSV cell would run as a formula in a
// spreadsheet: it starts with a trigger and is not a plain number.
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) && !bundle.PlainNumber(s)
}

// TestHostileTextInDownloads: names that are formulas or markup are inert
// text in every CSV, never a formula in the XLSX, and a rebuild from the
// downloaded bundle shows the original text.
func TestHostileTextInDownloads(t *testing.T) {
	hostile := []string{`=HYPERLINK("http://x")`, `@SUM(1)`, `+1`, `-1+1`, `</script><img src=x onerror=alert(1)>`}
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range hostile {
		ds.Agencies[i].Name = h
		ds.Indicators[i].Name = h
		ds.Indicators[i].Limitations = h
	}
	dir := t.TempDir()
	if err := bundle.Write(filepath.Join(dir, "bundle"), ds); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	mustRun(t, nil, "build", "--source", repoRoot(t), "--from", filepath.Join(dir, "bundle"), "--out", public)

	csvs, xlsxs := 0, 0
	for p, b := range tree(t, filepath.Join(public, "data")) {
		switch {
		case strings.HasSuffix(p, ".csv"):
			csvs++
			r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
			if strings.HasSuffix(p, "-excel.csv") {
				r.Comma = ';'
			}
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			for _, row := range rows {
				for _, cell := range row {
					if formulaStart(cell) {
						t.Errorf("%s has a cell a spreadsheet would run: %q", p, cell)
					}
				}
			}
		case strings.HasSuffix(p, ".xlsx"):
			xlsxs++
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				x, _ := io.ReadAll(rc)
				rc.Close()
				if bytes.Contains(x, []byte("<f>")) || bytes.Contains(x, []byte("<f ")) {
					t.Errorf("%s: %s holds a formula", p, f.Name)
				}
			}
		}
	}
	if want := len(ds.Agencies) + len(ds.Sectors) + 2; csvs < 100 || xlsxs < want { // agencies, sectors, the whole and the latest
		t.Fatalf("checked %d CSV and %d XLSX files; want all of them (at least %d XLSX)", csvs, xlsxs, want)
	}
	whole := readFile(t, filepath.Join(public, "data", "iku-semua.csv"))
	if !strings.Contains(whole, `'=HYPERLINK(""http://x"")`) || !strings.Contains(whole, "'@SUM(1)") {
		t.Errorf("iku-semua.csv does not carry the neutralised names")
	}

	// The downloaded bundle gives back the original text.
	again := filepath.Join(dir, "again")
	mustRun(t, nil, "build", "--source", repoRoot(t), "--from", filepath.Join(public, "data", "bundle.zip"), "--out", again)
	for i, h := range hostile[:4] {
		page := readFile(t, filepath.Join(again, "iku", ds.Indicators[i].Slug, "index.html"))
		if !strings.Contains(page, ">"+h+"</h1>") && !strings.Contains(page, ">"+strings.ReplaceAll(h, `"`, "&#34;")+"</h1>") {
			t.Errorf("/iku/%s/ rebuilt from the downloaded bundle does not show %q", ds.Indicators[i].Slug, h)
		}
	}
}

// TestBrowserEmbedInIframe: a page on another origin shows an indicator's
// embed in an iframe, with JavaScript off and the site under the strict
// CSP of the README: the chart is drawn and nothing is blocked.
func TestBrowserEmbedInIframe(t *testing.T) {
	base := serve(t, demoSite(t))
	const slug = "rsud-waktu-tunggu-rawat-jalan"
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>A newspaper</title></head><body><h1>Waiting times</h1>
<iframe src="%s/embed/iku/%s/" title="Chart" width="640" height="460"></iframe></body></html>`, base, slug)
	}))
	t.Cleanup(other.Close)
	if strings.Split(other.URL, ":")[2] == strings.Split(base, ":")[2] {
		t.Fatal("the two servers share a port")
	}
	// Site isolation off, so that the test can read the iframe's document.
	ctx := browser(t, chromedp.Flag("disable-site-isolation-trials", true), chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"))
	var errs consoleErrors
	listen(ctx, &errs)
	if err := chromedp.Run(ctx, runtime.Enable(), log.Enable(), emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(other.URL), chromedp.WaitReady("iframe", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	var frames []*cdp.Node
	if err := chromedp.Run(ctx, chromedp.Nodes("iframe", &frames, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	var title string
	var paths []*cdp.Node
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := chromedp.Run(ctx,
			chromedp.Text("h1", &title, chromedp.ByQuery, chromedp.FromNode(frames[0])),
			chromedp.Nodes("figure svg path", &paths, chromedp.ByQueryAll, chromedp.FromNode(frames[0]), chromedp.AtLeast(0)))
		if err == nil && len(paths) > 5 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(title, "waktu tunggu") {
		t.Errorf("the embed's heading is %q; want the indicator's name", title)
	}
	if len(paths) <= 5 {
		t.Errorf("the embed in the iframe draws %d SVG paths; want the chart", len(paths))
	}
	time.Sleep(200 * time.Millisecond)
	errs.mu.Lock()
	defer errs.mu.Unlock()
	for _, m := range errs.msgs {
		if !strings.Contains(m, "favicon") {
			t.Errorf("console: %s", m)
		}
	}
}

// TestDataPageExamples runs the pandas and R examples of the /data/ page
// against the built demo site served on localhost: what a journalist
// copies works.
func TestDataPageExamples(t *testing.T) {
	base := serve(t, demoSite(t))
	page := readFile(t, filepath.Join(repoRoot(t), "content", "data", "_index.md"))
	block := func(lang string) string {
		_, rest, ok := strings.Cut(page, "```"+lang+"\n")
		if !ok {
			t.Fatalf("content/data/_index.md has no %s example", lang)
		}
		code, _, _ := strings.Cut(rest, "```")
		return strings.ReplaceAll(code, "https://kinerja.tanjungbalaikota.go.id", base)
	}
	for _, ex := range []struct {
		lang, prog string
		args       []string
		pkg        string
	}{
		{"python", "/usr/bin/python3", []string{"-c"}, "python3-pandas"},
		{"r", "Rscript", []string{"-e"}, "r-base-core"},
	} {
		if _, err := exec.LookPath(ex.prog); err != nil {
			t.Errorf("%s is missing: install it (apt-get install %s) to run the /data/ page's %s example", ex.prog, ex.pkg, ex.lang)
			continue
		}
		out, err := exec.Command(ex.prog, append(ex.args, block(ex.lang))...).CombinedOutput()
		if err != nil {
			t.Errorf("the %s example fails: %v\n%s", ex.lang, err, out)
			continue
		}
		// Both print the indicators not reported, with their periods.
		if !strings.Contains(string(out), "indicator") || !strings.Contains(string(out), "2026-Q3") {
			t.Errorf("the %s example printed no unreported indicator of 2026-Q3:\n%s", ex.lang, out)
		}
	}
	// The SQL example, on the database downloaded from the site.
	script := `
import sqlite3, sys, tempfile, urllib.request
path = tempfile.mkdtemp() + "/kinerja.sqlite"
urllib.request.urlretrieve(sys.argv[1] + "/data/kinerja.sqlite", path)
for row in sqlite3.connect(path).execute(sys.argv[2]):
    print(row)
`
	out, err := exec.Command("/usr/bin/python3", "-c", script, base, block("sql")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Dinas") {
		t.Errorf("the sql example on /data/kinerja.sqlite: %v; printed no agency:\n%s", err, out)
	}
}

// TestCatalogueURLsExist: every URL of the built demo's catalog.jsonld on
// the site itself (datasets' landing pages, distributions' access and
// download URLs, the catalogue, the home page) is a file of the site, and
// a fragment is an id on its page; the catalogue passes the DCAT-AP 3
// check of generator/download (testdata/dcatap.py).
func TestCatalogueURLsExist(t *testing.T) {
	public := demoSite(t)
	path := filepath.Join(public, "data", "catalog.jsonld")
	raw := readFile(t, path)
	var cat struct {
		Homepage struct {
			ID string `json:"@id"`
		} `json:"foaf:homepage"`
	}
	if err := json.Unmarshal([]byte(raw), &cat); err != nil {
		t.Fatal(err)
	}
	base := cat.Homepage.ID
	if !strings.HasPrefix(base, "https://") || !strings.HasSuffix(base, "/") {
		t.Fatalf("catalog.jsonld: foaf:homepage %q; want the site's https address", base)
	}
	// Every URL anywhere in the document.
	urls := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(https?://[^"]+)"`).FindAllStringSubmatch(raw, -1) {
		urls[m[1]] = true
	}
	checked, fragments := 0, 0
	for u := range urls {
		rel, ok := strings.CutPrefix(u, base)
		if !ok {
			continue // a licence, a vocabulary: not ours
		}
		rel, frag, _ := strings.Cut(rel, "#")
		file := filepath.Join(public, filepath.FromSlash(rel))
		if rel == "" || strings.HasSuffix(rel, "/") {
			file = filepath.Join(file, "index.html")
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("catalog.jsonld names %s: the built site has no %s", u, file)
			continue
		}
		checked++
		if frag != "" {
			fragments++
			if !bytes.Contains(b, []byte(`id="`+frag+`"`)) && !bytes.Contains(b, []byte(`id=`+frag+`>`)) && !bytes.Contains(b, []byte(`id=`+frag+` `)) {
				t.Errorf("catalog.jsonld names %s: %s has no element with the id %q", u, file, frag)
			}
		}
	}
	for _, want := range []string{"data/kinerja.sqlite", "data/iku-tahunan.csv", "data/skor-opd.xlsx", "data/#h-all", "data/#h-latest"} {
		if !urls[base+want] {
			t.Errorf("catalog.jsonld does not name %s%s", base, want)
		}
	}
	if checked < 100 || fragments == 0 {
		t.Errorf("checked %d URLs of the site (%d with a fragment); the demo's catalogue names hundreds", checked, fragments)
	}

	const py = "/usr/bin/python3"
	if out, err := exec.Command(py, "-c", "import rdflib").CombinedOutput(); err != nil {
		t.Fatalf("this test reads the catalogue with rdflib: apt-get install python3-rdflib (%v: %s)", err, out)
	}
	out, err := exec.Command(py, filepath.Join(repoRoot(t), "generator", "download", "testdata", "dcatap.py"), path).Output()
	if err != nil {
		t.Fatalf("dcatap.py: %v", err)
	}
	var r struct {
		Problems []string `json:"problems"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("catalog.jsonld: %s", p)
	}
}

// TestPageNumbersInDownloads walks the built demo's indicator and agency
// pages and finds every number of their tables in a download: each
// period of an indicator's table in its CSV (/data/iku/<slug>.csv), each
// year of its years' table in iku-tahunan.csv, each quarter of an
// agency's scores in skor-opd.csv, with the same status words.
func TestPageNumbersInDownloads(t *testing.T) {
	public := demoSite(t)
	load := func(rel string) []map[string]string {
		f, err := os.Open(filepath.Join(public, "data", rel))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		var out []map[string]string
		for _, rec := range recs[1:] {
			row := map[string]string{}
			for i, name := range recs[0] {
				row[name] = rec[i]
			}
			out = append(out, row)
		}
		return out
	}
	index := func(rows []map[string]string, cols ...string) map[string]map[string]string {
		out := map[string]map[string]string{}
		for _, r := range rows {
			var k []string
			for _, c := range cols {
				k = append(k, r[c])
			}
			out[strings.Join(k, "|")] = r
		}
		return out
	}
	years := index(load("iku-tahunan.csv"), "indicator_slug", "year")
	scores := index(load("skor-opd.csv"), "agency_slug", "period")

	table := regexp.MustCompile(`(?s)<caption id="?(cap-[a-z]+)"?>.*?</tbody>`)
	row := regexp.MustCompile(`(?s)<tr><th scope="?row"? data-sort-value="?([^">]+)"?>(.*?)</tr>`)
	num := regexp.MustCompile(`<td class="?n"? data-sort-value="?([^"> ]+)"?`)
	status := regexp.MustCompile(`<span class="st st-[a-z_]+"><span class="?st-i"? aria-hidden="?true"?>[^<]*</span> ([^<]+)</span>`)
	// check finds the page row's numbers and status words in the download
	// row d.
	numbers := 0
	check := func(page, caption, key string, cells string, d map[string]string) {
		if d == nil {
			t.Errorf("%s, %s, %s: no row in the download", page, caption, key)
			return
		}
		values := map[string]bool{}
		for _, v := range d {
			values[v] = true
		}
		for _, m := range num.FindAllStringSubmatch(cells, -1) {
			numbers++
			if !values[m[1]] {
				t.Errorf("%s, %s, %s: the page shows %s; the download's row has no such value: %v", page, caption, key, m[1], d)
			}
		}
		if m := status.FindStringSubmatch(cells); m != nil && m[1] != d["status_label"] && d["status_label"] != "" {
			t.Errorf("%s, %s, %s: the page says %q; the download %q", page, caption, key, m[1], d["status_label"])
		}
	}
	pages := 0
	for _, section := range []string{"iku", "opd"} {
		dirs, err := os.ReadDir(filepath.Join(public, section))
		if err != nil {
			t.Fatal(err)
		}
		for _, dir := range dirs {
			if !dir.IsDir() {
				continue
			}
			slug := dir.Name()
			page := section + "/" + slug + "/"
			html, err := os.ReadFile(filepath.Join(public, section, slug, "index.html"))
			if err != nil {
				continue
			}
			pages++
			var periods map[string]map[string]string
			if section == "iku" {
				periods = index(load("iku/"+slug+".csv"), "period")
			}
			for _, tm := range table.FindAllStringSubmatch(string(html), -1) {
				caption := tm[1]
				for _, rm := range row.FindAllStringSubmatch(tm[0], -1) {
					key, cells := rm[1], rm[2]
					switch {
					case section == "iku" && caption == "cap-years":
						check(page, caption, key, cells, years[slug+"|"+key])
					case section == "iku":
						check(page, caption, key, cells, periods[key])
					case caption == "cap-scores":
						check(page, caption, key, cells, scores[slug+"|"+key])
					}
				}
			}
		}
	}
	if pages < 100 || numbers < 5000 {
		t.Errorf("walked %d pages and %d numbers; the demo has more", pages, numbers)
	}
}
