// Command bench measures kinerja against a floor measured in the same run,
// on the same machine, so that the ratios mean something on shared, noisy
// hardware.
//
// For each case (the demo's 104 indicators, generated cities of 1,000 and
// 10,000, and with -large 50,000) it builds a site folder made by
// `kinerja init` from a CSV bundle, three times:
//
//   - fully cold: no cache of any kind (the site folder's .cache removed:
//     charts, downloads, previews, the search index, Hugo's own);
//   - warm: the same build again (every input unchanged: kinerja keeps
//     the published site, site.Stats.Unchanged);
//   - warm, new folder: the same build into a folder never published to,
//     which makes the whole site from the caches (the page cache, the
//     file store, the images' cache, the search index's);
//   - one change: one result of one indicator changed in the bundle, and
//     the build again; it counts the published files whose bytes changed
//     and prints what each stage made again.
//
// Each is set against the floor: the same embedded Hugo building the same
// number of minimal markdown pages, measured three times in the same run
// (the median). Peak memory is the largest resident set of the process
// tree (kinerja and the Node process that draws the charts). It writes
// bench/RESULTS.md and a plot of time and memory against indicators,
// drawn by the project's own chart pipeline (bench/curve.svg).
//
// Run it with `make bench` (or `make bench BENCH_FLAGS=-large`).
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tanjungbalai/kinerja/generator/chart"
)

type run struct {
	wall   time.Duration
	cpu    time.Duration // user + system, of the process tree
	maxKB  int64
	stderr string
}

// bcase is one measured case.
type bcase struct {
	name       string // folder name: no comma, no space (Pagefind skips paths with a comma)
	indicators int    // 0: the demo
	label      string

	pages, files              int
	cold, warm, change, floor run
	fresh                     run           // warm, into a new folder
	floorMin, floorMax        time.Duration // of the three floor runs (floor is their median)
	changed                   int           // published files whose bytes changed after one result changed
	changeLines               []string      // what each stage made again
	dlFiles                   int
	dlBytes                   int64
	changedSlug               string
	public                    string // the published folder, kept for the demo's page weights
}

func main() {
	bin := flag.String("bin", "bin/kinerja", "the kinerja binary")
	sizes := flag.String("indicators", "1000,10000", "comma-separated sizes of the generated cities, besides the demo")
	large := flag.Bool("large", false, "also 50,000 indicators (a national portal): about half an hour more")
	out := flag.String("results", "bench/RESULTS.md", "where to write the results")
	plot := flag.String("plot", "bench/curve.svg", "where to draw the plot of time and memory against indicators")
	flag.Parse()
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "bench: -indicators %q: give positive whole numbers separated by commas, e.g. 1000,10000\n", *sizes)
			os.Exit(2)
		}
		ns = append(ns, n)
	}
	if *large {
		ns = append(ns, 50000)
	}
	if err := benchmark(*bin, ns, *out, *plot); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func benchmark(bin string, sizes []int, results, plot string) error {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	pagefind, _ := filepath.Abs("node_modules/.bin/pagefind")
	if _, err := os.Stat(pagefind); err != nil {
		return fmt.Errorf("no Pagefind in node_modules (%v): run npm ci first, so that the builds index their search as a real one does", err)
	}
	tmp, err := os.MkdirTemp("", "kinerja-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	env := append(os.Environ(), "KINERJA_PAGEFIND="+pagefind)

	cases := []*bcase{{name: "demo", label: "demo (104 indicators)"}}
	for _, n := range sizes {
		cases = append(cases, &bcase{name: fmt.Sprintf("city%d", n), indicators: n, label: fmt.Sprintf("%s indicators", thousands(n))})
	}
	for _, c := range cases {
		if err := measureCase(bin, env, tmp, c); err != nil {
			return fmt.Errorf("%s: %w", c.label, err)
		}
		// Keep the disk free for the next case.
		for _, d := range []string{c.name + "-site", c.name + "-floor", c.name + "-bundle"} {
			os.RemoveAll(filepath.Join(tmp, d))
		}
		if c.indicators > 0 {
			os.RemoveAll(c.public)
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark results\n\nMeasured by `make bench` (`go run ./bench %s`) on %s, in one run.\n\n", strings.Join(os.Args[1:], " "), machine())
	b.WriteString("Each case builds a site folder made by `kinerja init` from a CSV bundle (`kinerja demo-data`), with the search index (Pagefind) and every download.\n\n")
	b.WriteString("- **Fully cold**: no cache of any kind (the site folder's `.cache` removed: charts, downloads, previews, search index, Hugo's).\n")
	b.WriteString("- **Warm**: the same build again. Every input is the published site's, so kinerja keeps that site as it is (it makes and hashes the data, downloads and charts from their caches to know).\n")
	b.WriteString("- **Warm, new folder**: the same build into a folder it never published to, so the whole site is made again from the caches (pages, downloads, images, search index) and linked into place.\n")
	b.WriteString("- **One change**: one result of one indicator changed in the bundle, then the build again.\n")
	b.WriteString("- **Floor**: the same embedded Hugo building the same number of minimal markdown pages (JSON front matter, one-line layout), measured three times in the same run, right after the case: the median, and the range of the three.\n")
	b.WriteString("- **Peak memory**: the largest resident set in the process tree (kinerja, and the Node process that draws charts).\n\n")
	b.WriteString("| case | pages | fully cold | warm | warm, new folder | one change | floor (range) | cold / floor | warm / floor | new folder / floor | peak MiB (cold) | peak MiB floor |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range cases {
		peak := max(c.cold.maxKB, c.warm.maxKB, c.fresh.maxKB, c.change.maxKB)
		fl := c.floor.wall.Seconds()
		fmt.Fprintf(&b, "| %s | %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s (%.2f–%.2f) | %.1f× | %.1f× | %.1f× | %d | %d |\n",
			c.label, thousands(c.pages), c.cold.wall.Seconds(), c.warm.wall.Seconds(), c.fresh.wall.Seconds(), c.change.wall.Seconds(), fl, c.floorMin.Seconds(), c.floorMax.Seconds(),
			c.cold.wall.Seconds()/fl, c.warm.wall.Seconds()/fl, c.fresh.wall.Seconds()/fl, peak/1024, c.floor.maxKB/1024)
	}
	b.WriteString("\nCPU time (user + system, whole process tree), which a shared machine disturbs less than wall time:\n\n")
	b.WriteString("| case | fully cold | warm | warm, new folder | floor | warm / floor |\n|---|---:|---:|---:|---:|---:|\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.1f× |\n", c.label, c.cold.cpu.Seconds(), c.warm.cpu.Seconds(), c.fresh.cpu.Seconds(), c.floor.cpu.Seconds(),
			c.warm.cpu.Seconds()/c.floor.cpu.Seconds())
	}
	b.WriteString("\nWhat one changed result makes again. The published folder is new on every build (it replaces the old one whole), so *files changed* counts the published files whose bytes differ from the warm build before it; everything else came from the caches:\n\n")
	b.WriteString("| case | changed result | files published | files changed | what the stages made again |\n|---|---|---:|---:|---|\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %d | %s |\n", c.label, c.changedSlug, thousands(c.files), c.changed, strings.Join(c.changeLines, "<br>"))
	}
	b.WriteString("\nDownloads for journalists (/data/ and /api/v1/):\n\n| case | files | bytes |\n|---|---:|---:|\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "| %s | %s | %.1f MB |\n", c.label, thousands(c.dlFiles), float64(c.dlBytes)/1e6)
	}
	if err := weights(&b, cases[0]); err != nil {
		return err
	}
	if plot != "" {
		if err := drawPlot(plot, cases); err != nil {
			return fmt.Errorf("the plot: %w", err)
		}
		fmt.Fprintf(&b, "\n![Build time and peak memory against indicators](%s)\n", filepath.Base(plot))
	}
	fmt.Print(b.String())
	return os.WriteFile(results, []byte(b.String()), 0o644)
}

func measureCase(bin string, env []string, tmp string, c *bcase) error {
	fmt.Fprintf(os.Stderr, "bench: %s …\n", c.label)
	bundle := filepath.Join(tmp, c.name+"-bundle")
	args := []string{"demo-data", "--out", bundle}
	if c.indicators > 0 {
		args = append(args, "--indicators", fmt.Sprint(c.indicators))
	}
	if _, err := measure(bin, env, args...); err != nil {
		return err
	}
	site := filepath.Join(tmp, c.name+"-site")
	if _, err := measure(bin, env, "init", site); err != nil {
		return err
	}
	public := filepath.Join(tmp, c.name+"-public")
	c.public = public
	build := []string{"build", "--site", site, "--from", bundle, "--out", public}

	// Fully cold: nothing cached anywhere.
	if err := os.RemoveAll(filepath.Join(site, ".cache")); err != nil {
		return err
	}
	var err error
	if c.cold, err = measure(bin, env, build...); err != nil {
		return err
	}
	if c.warm, err = measure(bin, env, build...); err != nil {
		return err
	}
	// The same build into a folder it never published: the whole site is
	// made again from the caches.
	again := public + "-new"
	if c.fresh, err = measure(bin, env, "build", "--site", site, "--from", bundle, "--out", again); err != nil {
		return err
	}
	if err := os.RemoveAll(again); err != nil {
		return err
	}
	c.pages = countHTML(public)
	c.dlFiles, c.dlBytes = downloadsSize(public)
	before, err := hashTree(public)
	if err != nil {
		return err
	}
	c.files = len(before)
	if c.changedSlug, err = changeOneResult(filepath.Join(bundle, "results.csv")); err != nil {
		return err
	}
	if c.change, err = measure(bin, env, build...); err != nil {
		return err
	}
	after, err := hashTree(public)
	if err != nil {
		return err
	}
	for p, h := range after {
		if before[p] != h {
			c.changed++
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			c.changed++
		}
	}
	for _, line := range strings.Split(c.change.stderr, "\n") {
		for _, stage := range []string{"downloads:", "charts:", "previews:", "search:"} {
			if strings.HasPrefix(line, stage) {
				c.changeLines = append(c.changeLines, strings.Join(strings.Fields(line), " "))
			}
		}
	}

	floorSite := filepath.Join(tmp, c.name+"-floor")
	if err := writeFloorSite(floorSite, c.pages); err != nil {
		return err
	}
	// The floor three times, the median taken: one measurement of it has
	// varied 2–3× between runs on a shared machine.
	var floors []run
	for range 3 {
		dest := filepath.Join(floorSite, "public")
		if err := os.RemoveAll(dest); err != nil {
			return err
		}
		f, err := measure(bin, env, "__hugo", "build", "--source", floorSite, "--destination", dest, "--minify", "--quiet")
		if err != nil {
			return err
		}
		floors = append(floors, f)
	}
	slices.SortFunc(floors, func(a, b run) int { return cmp.Compare(a.wall, b.wall) })
	c.floor, c.floorMin, c.floorMax = floors[1], floors[0].wall, floors[2].wall
	return nil
}

// changeOneResult raises by one in its last digit the newest reported
// actual given without numerator and denominator in a bundle's results,
// and returns its indicator.
func changeOneResult(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	lines := strings.Split(string(b), "\n")
	best, bestKey := -1, ""
	for i, line := range lines[1:] {
		f := strings.Split(line, ",")
		if len(f) < 7 || f[3] == "" || f[4] != "" || f[5] != "" || strings.ContainsAny(line, "\"") {
			continue
		}
		key := f[1] + "-" + f[2]
		if best < 0 || key > bestKey {
			best, bestKey = i+1, key
		}
	}
	if best < 0 {
		return "", errors.New("the bundle has no result to change")
	}
	f := strings.Split(lines[best], ",")
	v := []byte(f[3])
	for i := len(v) - 1; i >= 0; i-- {
		if v[i] >= '0' && v[i] < '9' {
			v[i]++
			break
		}
		if v[i] == '9' {
			v[i] = '0'
			continue
		}
	}
	f[3] = string(v)
	lines[best] = strings.Join(f, ",")
	return f[0], os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
}

// measure runs the binary and returns its wall and CPU time and the peak
// resident set of its process tree (Linux reports the largest waited-for
// descendant).
func measure(bin string, env []string, args ...string) (run, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = io.MultiWriter(os.Stderr, &stderr)
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return run{}, fmt.Errorf("%s %s: %w", filepath.Base(bin), strings.Join(args, " "), err)
	}
	r := run{wall: time.Since(start), stderr: stderr.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxKB = ru.Maxrss
	}
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return r, nil
}

// hashTree returns the SHA-256 of every file under dir, by path.
func hashTree(dir string) (map[string][32]byte, error) {
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(b)
		return nil
	})
	return out, err
}

// weights writes the page weight of the demo's templates.
func weights(b *strings.Builder, demo *bcase) error {
	// The site's stylesheet, which every page's first view loads.
	cssGz := 0
	if main, _ := filepath.Glob(filepath.Join(demo.public, "css", "kinerja.min.*.css")); len(main) == 1 {
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
		raw, gz, svg, err := weigh(filepath.Join(demo.public, w.page))
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "| %s | /%s | %d | %d | %.0f%% (with the CSS) | %d |\n", w.template, strings.TrimSuffix(w.page, "index.html"), raw, gz, 100*float64(gz+cssGz)/(30*1024), svg)
	}
	css, _ := filepath.Glob(filepath.Join(demo.public, "css", "*.css"))
	for _, c := range css {
		raw, gz, _, err := weigh(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "| CSS bundle | /css/%s | %d | %d | | |\n", filepath.Base(c), raw, gz)
	}
	return nil
}

// drawPlot draws time (fully cold, warm, floor) and peak memory against
// indicators with the site's own chart pipeline (go-echarts options, drawn
// by ECharts in Node into a checked SVG).
func drawPlot(path string, cases []*bcase) error {
	var xs []string
	var cold, warm, floor, mem []opts.LineData
	for _, c := range cases {
		n := c.indicators
		if n == 0 {
			n = 104
		}
		xs = append(xs, thousands(n))
		cold = append(cold, opts.LineData{Value: round1(c.cold.wall.Seconds())})
		warm = append(warm, opts.LineData{Value: round1(c.warm.wall.Seconds())})
		floor = append(floor, opts.LineData{Value: round1(c.floor.wall.Seconds())})
		mem = append(mem, opts.LineData{Value: max(c.cold.maxKB, c.warm.maxKB, c.fresh.maxKB, c.change.maxKB) / 1024, YAxisIndex: 1})
	}
	l := charts.NewLine()
	l.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{Title: "kinerja build: time and peak memory", Left: "center", TitleStyle: &opts.TextStyle{FontSize: 14}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "56", Bottom: "48", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "indicators", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: "seconds"}),
	)
	l.ExtendYAxis(opts.YAxis{Type: "value", Name: "peak MiB", Position: "right", SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	l.SetXAxis(xs).
		AddSeries("fully cold (s)", cold, charts.WithLineStyleOpts(opts.LineStyle{Color: "#0072B2", Width: 2}), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#0072B2"})).
		AddSeries("warm (s)", warm, charts.WithLineStyleOpts(opts.LineStyle{Color: "#009E73", Width: 2, Type: "dashed"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#009E73"})).
		AddSeries("Hugo floor (s)", floor, charts.WithLineStyleOpts(opts.LineStyle{Color: "#555555", Width: 2, Type: "dotted"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#555555"})).
		AddSeries("peak memory (MiB)", mem, charts.WithLineStyleOpts(opts.LineStyle{Color: "#A33E00", Width: 2}), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#A33E00"}))
	for i := range l.MultiSeries {
		if i == 3 {
			l.MultiSeries[i].YAxisIndex = 1
		}
	}
	option, err := json.Marshal(l.JSON())
	if err != nil {
		return err
	}
	ctx := context.Background()
	r, err := chart.NewRenderer(ctx, "")
	if err != nil {
		return err
	}
	defer r.Close()
	svg, _, err := r.Render(ctx, chart.Chart{ID: "bench-curve", Option: option, Width: 640, Height: 400,
		Description: "Build time (fully cold, warm, Hugo floor; seconds, log scale) and peak memory (MiB) against the number of indicators.", Lang: "en"})
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(svg), 0o644)
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

// thousands writes n with a comma between thousands (10,000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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
