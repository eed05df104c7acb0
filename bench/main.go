// Command bench measures kinerja against a floor measured in the same run,
// on the same machine, so that the ratios mean something on shared, noisy
// hardware: the wall time and peak memory of `kinerja build` (demo data,
// and a generated city of 10,000 indicators), next to plain Hugo (the same
// embedded Hugo) building the same number of minimal markdown pages.
//
// Run it with `make bench`; it prints a table and writes bench/RESULTS.md.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

type run struct {
	wall  time.Duration
	maxKB int64
}

func main() {
	bin := flag.String("bin", "bin/kinerja", "the kinerja binary")
	n := flag.Int("indicators", 10000, "indicators of the generated city (0: the demo only)")
	out := flag.String("results", "bench/RESULTS.md", "where to write the results")
	flag.Parse()
	if err := benchmark(*bin, *n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func benchmark(bin string, n int, results string) error {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "kinerja-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cache := filepath.Join(".cache", "charts")

	type row struct {
		name        string
		pages       int
		cold, warm  run
		floor       run
		noDownloads run   // warm, --downloads=false
		dlFiles     int   // files under /data/ and /api/
		dlBytes     int64 // and their size
		hasWarm     bool
		description string
	}
	var rows []row

	measureCase := func(name, desc string, args ...string) (row, error) {
		r := row{name: name, description: desc}
		// Cold: an empty chart cache, so every chart is drawn by ECharts.
		if err := os.RemoveAll(cache); err != nil {
			return r, err
		}
		outDir := filepath.Join(tmp, name)
		cold, err := measure(bin, append([]string{"build", "--out", outDir}, args...)...)
		if err != nil {
			return r, err
		}
		r.cold = cold
		warm, err := measure(bin, append([]string{"build", "--out", outDir}, args...)...)
		if err != nil {
			return r, err
		}
		r.warm, r.hasWarm = warm, true
		r.pages = countHTML(outDir)
		r.dlFiles, r.dlBytes = downloadsSize(outDir)
		// The same warm build without the downloads: what they cost.
		noDl, err := measure(bin, append([]string{"build", "--downloads=false", "--out", filepath.Join(tmp, name+"-nodl")}, args...)...)
		if err != nil {
			return r, err
		}
		r.noDownloads = noDl
		floorSite := filepath.Join(tmp, name+"-floor")
		if err := writeFloorSite(floorSite, r.pages); err != nil {
			return r, err
		}
		floor, err := measure(bin, "__hugo", "build", "--source", floorSite, "--destination", filepath.Join(floorSite, "public"), "--minify", "--quiet")
		if err != nil {
			return r, err
		}
		r.floor = floor
		return r, nil
	}

	fmt.Fprintln(os.Stderr, "bench: demo site …")
	demo, err := measureCase("demo", "embedded demo data")
	if err != nil {
		return err
	}
	rows = append(rows, demo)

	if n > 0 {
		scaleDir := filepath.Join(tmp, "scale-bundle")
		fmt.Fprintf(os.Stderr, "bench: generating %d indicators …\n", n)
		if _, err := measure(bin, "demo-data", "--indicators", fmt.Sprint(n), "--out", scaleDir); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "bench: %d-indicator site …\n", n)
		scale, err := measureCase("scale", fmt.Sprintf("generated city, %d indicators", n), "--from", scaleDir)
		if err != nil {
			return err
		}
		rows = append(rows, scale)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark results\n\nMeasured by `make bench` on %s.\n\n", machine())
	b.WriteString("Floor: the same embedded Hugo building the same number of minimal markdown pages (JSON front matter, one-line layout).\n")
	b.WriteString("Cold: empty chart cache (every chart drawn by ECharts in Node). Warm: the same build again (charts from the cache).\n")
	b.WriteString("Peak memory is the largest resident set of the process tree (kinerja, its Hugo child, Node).\n\n")
	b.WriteString("| case | pages | build cold | build warm | floor | warm / floor | peak MiB cold | peak MiB floor | memory ratio |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %.2f s | %.2f s | %.2f s | %.1f× | %d | %d | %.1f× |\n",
			r.description, r.pages, r.cold.wall.Seconds(), r.warm.wall.Seconds(), r.floor.wall.Seconds(),
			r.warm.wall.Seconds()/r.floor.wall.Seconds(), r.cold.maxKB/1024, r.floor.maxKB/1024,
			float64(r.cold.maxKB)/float64(r.floor.maxKB))
	}
	b.WriteString("\nWhat the downloads for journalists add (/data/: the flat table of everything, of the latest state, of each indicator, agency and sector in four formats, the raw bundle, datapackage.json, catalog.jsonld, SHA256SUMS; /api/v1/): the warm build against the same warm build with --downloads=false.\n\n")
	b.WriteString("| case | files | bytes on disk | warm build | warm without downloads | extra time |\n|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %.1f MB | %.2f s | %.2f s | %+.2f s (%.0f%%) |\n", r.description, r.dlFiles, float64(r.dlBytes)/1e6,
			r.warm.wall.Seconds(), r.noDownloads.wall.Seconds(), (r.warm.wall - r.noDownloads.wall).Seconds(),
			100*(r.warm.wall-r.noDownloads.wall).Seconds()/r.noDownloads.wall.Seconds())
	}
	// The site's stylesheet, which every page's first view loads.
	cssGz := 0
	if main, _ := filepath.Glob(filepath.Join(tmp, "demo", "css", "kinerja.min.*.css")); len(main) == 1 {
		if _, gz, _, err := weigh(main[0]); err == nil {
			cssGz = gz
		}
	}
	b.WriteString("\nPage weight of the demo site, per template (gzip level 6, as a web server sends it; the CSS is shared and cached):\n\n")
	b.WriteString("| template | page | HTML bytes | gzipped bytes | of the 30 KB first-view budget | of which chart SVG (raw) |\n|---|---|---:|---:|---:|---:|\n")
	for _, w := range []struct{ template, page string }{
		{"home.html", "index.html"},
		{"iku/page.html", "iku/rsud-waktu-tunggu-rawat-jalan/index.html"},
		{"opd/page.html", "opd/rsud-tengku-mansyur/index.html"},
		{"sektor/page.html", "sektor/kesehatan/index.html"},
		{"banding/page.html", "banding/kecamatan-paten/index.html"},
		{"iku/section.html", "iku/index.html"},
		{"page.html", "metodologi/index.html"},
	} {
		raw, gz, svg, err := weigh(filepath.Join(tmp, "demo", w.page))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "| %s | /%s | %d | %d | %.0f%% (with the CSS) | %d |\n", w.template, strings.TrimSuffix(w.page, "index.html"), raw, gz, 100*float64(gz+cssGz)/(30*1024), svg)
	}
	css, _ := filepath.Glob(filepath.Join(tmp, "demo", "css", "*.css"))
	for _, c := range css {
		raw, gz, _, err := weigh(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "| CSS bundle | /css/%s | %d | %d | | |\n", filepath.Base(c), raw, gz)
	}
	fmt.Print(b.String())
	return os.WriteFile(results, []byte(b.String()), 0o644)
}

// measure runs the binary and returns its wall time and the peak resident
// set of its process tree (Linux reports the largest waited-for descendant).
func measure(bin string, args ...string) (run, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return run{}, fmt.Errorf("%s %s: %w", filepath.Base(bin), strings.Join(args, " "), err)
	}
	r := run{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxKB = ru.Maxrss
	}
	return r, nil
}

// weigh returns a file's size, its gzipped size and the bytes of inline
// SVG in it.
func weigh(path string) (raw, gz, svg int, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, err
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	for rest := string(b); ; {
		i := strings.Index(rest, "<svg")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</svg>")
		if j < 0 {
			break
		}
		svg += j + len("</svg>")
		rest = rest[i+j:]
	}
	return len(b), buf.Len(), svg, nil
}

// downloadsSize counts the files under data/ and api/ of a built site,
// less the /data/ page itself.
func downloadsSize(site string) (files int, bytes int64) {
	for _, d := range []string{"data", "api"} {
		_ = filepath.WalkDir(filepath.Join(site, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasSuffix(p, ".html") {
				return nil
			}
			if info, err := e.Info(); err == nil {
				files++
				bytes += info.Size()
			}
			return nil
		})
	}
	return files, bytes
}

func countHTML(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// writeFloorSite writes a minimal Hugo site of n markdown pages.
func writeFloorSite(dir string, n int) error {
	for _, d := range []string{"content/p", "layouts"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	files := map[string]string{
		"hugo.toml":           "baseURL = \"/\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
		"layouts/page.html":   "<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}\n",
		"layouts/list.html":   "<!doctype html><title>{{ .Title }}</title>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}\n",
		"layouts/home.html":   "<!doctype html><title>home</title>\n",
		"content/_index.md":   "{\"title\": \"home\"}\n",
		"content/p/_index.md": "{\"title\": \"pages\"}\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			return err
		}
	}
	for i := 0; i < n-2; i++ {
		body := fmt.Sprintf("{\"title\": \"Page %d\"}\n\nA paragraph of page %d.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, "content/p", fmt.Sprintf("p%05d.md", i)), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				cpu = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
		if len(f) >= 2 {
			var kb int64
			fmt.Sscan(f[1], &kb)
			mem = fmt.Sprintf(", %.0f GiB", float64(kb)/1024/1024)
		}
	}
	return fmt.Sprintf("%s, %d cores%s, %s/%s, %s, %s", cpu, runtime.NumCPU(), mem, runtime.GOOS, runtime.GOARCH, runtime.Version(), time.Now().Format("2006-01-02"))
}
