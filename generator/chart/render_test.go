package chart

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

func gzipSize(s string) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	io.WriteString(w, s)
	w.Close()
	return b.Len()
}

var anyID = regexp.MustCompile(`\sid="([^"]*)"`)

// checkPublished asserts what every rendered chart must be.
func checkPublished(t *testing.T, c Chart, svg string) {
	t.Helper()
	if err := Check(c.ID, []byte(svg)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(svg, "style") {
		t.Errorf("%s: the SVG still has style", c.ID)
	}
	root := svg[:strings.Index(svg, ">")+1]
	for _, want := range []string{`width="100%"`, `role="img"`, `aria-labelledby="` + c.ID + `-title"`, `viewBox="0 0 `} {
		if !strings.Contains(root, want) {
			t.Errorf("%s: root %s lacks %s", c.ID, root, want)
		}
	}
	if strings.Contains(root, "height=") {
		t.Errorf("%s: root %s has a fixed height", c.ID, root)
	}
	if !strings.Contains(svg, `<title id="`+c.ID+`-title">`) {
		t.Errorf("%s: no <title> with the chart's ID", c.ID)
	}
	for _, m := range anyID.FindAllStringSubmatch(svg, -1) {
		if !strings.HasPrefix(m[1], c.ID+"-") {
			t.Errorf("%s: id %q is not prefixed with the chart ID", c.ID, m[1])
		}
	}
	// No element but SVG's, whatever the names held.
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && !allowedElements[se.Name.Local] {
			t.Errorf("%s: element <%s>", c.ID, se.Name.Local)
		}
	}
}

func TestRender(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	ctx := context.Background()
	charts := append(allCharts(t, "Rata-rata waktu tunggu rawat jalan"), trend(t, longTrend("pasien-60-menit", 23)))
	for _, c := range charts {
		svg, cached, err := r.Render(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if cached {
			t.Errorf("%s: cached without a cache", c.ID)
		}
		checkPublished(t, c, svg)
		t.Logf("%-36s %6d bytes, %5d gzipped", c.ID, len(svg), gzipSize(svg))
	}
	// Numbers are drawn in the labels' locale: 87,5 in Indonesian.
	svg, _, err := r.Render(ctx, charts[1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg, ">87,5<") {
		t.Errorf("achievements SVG does not write 87,5 in Indonesian")
	}
}

func TestRenderEscapesHostileNames(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	l := DefaultLabels()
	l.Achievement, l.Count = hostile, hostile
	// Every name from data and every word is hostile: the sector, agency,
	// indicator and unit names, the status names, the periods.
	rep := report(hostile)
	for i := range rep.Indicators {
		rep.Indicators[i].Indicator.Name, rep.Indicators[i].Indicator.Unit = hostile, hostile
	}
	m := model(t, rep, map[string]string{"category_sangat_baik": hostile, "chart_actual": hostile, "quarter_short": hostile + " {{ .Year }}"})
	ach, ok := AgencyAchievements(m.Agency("rsud"), m, l)
	if !ok {
		t.Fatal("no bars")
	}
	for _, c := range []Chart{IndicatorTrend(m.Indicator("waktu-tunggu-rawat-jalan"), l), ach, Overview(m, l)} {
		svg, _, err := r.Render(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		checkPublished(t, c, svg)
		lower := strings.ToLower(svg)
		// onerror= may appear as escaped text; Check rejects any on*
		// attribute.
		for _, bad := range []string{"<script", "<img"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s: the SVG contains %q", c.ID, bad)
			}
		}
		if !strings.Contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the hostile name is not drawn, escaped", c.ID)
		}
	}
}

func TestRenderIsDeterministicAndIDsDoNotCollide(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	ctx := context.Background()
	a := trend(t, waitingTime("Satu"))
	first, _, err := r.Render(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	// The same process has drawn more charts since: ECharts' own ids
	// (zr<n>-…) moved on, ours must not.
	again, _, err := r.Render(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if first != again {
		t.Errorf("drawing the same chart twice gives different SVGs")
	}
	ir := waitingTime("Satu")
	ir.Indicator.Slug = "lain"
	b := trend(t, ir)
	other, _, err := r.Render(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	page := first + other
	seen := map[string]bool{}
	for _, m := range anyID.FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("two charts on one page share the id %q", m[1])
		}
		seen[m[1]] = true
	}
	if len(seen) < 4 {
		t.Errorf("only %d ids on the page; want the titles and ECharts' clip paths and patterns", len(seen))
	}
}

func TestCacheHitDoesNotStartNode(t *testing.T) {
	cache := t.TempDir()
	ctx := context.Background()
	c := trend(t, waitingTime("Waktu tunggu"))

	r1 := newTestRenderer(t, cache, 1)
	drawn, cached, err := r1.Render(ctx, c)
	if err != nil || cached {
		t.Fatalf("first Render: cached=%v, %v; want drawn", cached, err)
	}
	// The cache holds ECharts' drawing and the finished SVG made of it
	// (which a warm build takes as it is), and no temporary file.
	files, _ := filepath.Glob(filepath.Join(cache, "*", "*"))
	var finished string
	for _, f := range files {
		if b, _ := os.ReadFile(f); string(b) == drawn {
			finished = f
		}
	}
	if len(files) != 2 || !strings.HasSuffix(files[0], ".svg") || !strings.HasSuffix(files[1], ".svg") || finished == "" {
		t.Errorf("cache holds %v; want two .svg, one of them the finished SVG (no temporary file left)", files)
	}

	path := os.Getenv("PATH")
	t.Setenv("PATH", t.TempDir()) // no node from here on
	r2 := newTestRenderer(t, cache, 1)
	svg, cached, err := r2.Render(ctx, c)
	if err != nil || !cached {
		t.Fatalf("second Render: cached=%v, %v; want a cache hit", cached, err)
	}
	if svg != drawn {
		t.Errorf("the cached SVG differs from the drawn one")
	}
	if n := r2.started.Load(); n != 0 {
		t.Errorf("a cache hit started %d Node processes; want 0", n)
	}

	// The cache holds what ECharts drew; the ID and description are the
	// chart's own, even for an identical option.
	twin := c
	twin.ID, twin.Description = "iku-twin-trend", "Another <sentence>"
	svg, cached, err = r2.Render(ctx, twin)
	if err != nil || !cached {
		t.Fatalf("twin: cached=%v, %v", cached, err)
	}
	checkPublished(t, twin, svg)
	if strings.Contains(svg, c.ID) || !strings.Contains(svg, "Another &lt;sentence&gt;") {
		t.Errorf("the twin SVG carries the first chart's ID or not its own description")
	}

	// A finished entry cut short is finished again from the drawing,
	// without Node.
	os.WriteFile(finished, []byte(drawn[:len(drawn)/2]), 0o644)
	if svg, cached, err := r2.Render(ctx, c); err != nil || !cached || svg != drawn {
		t.Errorf("Render(finished entry cut short) = cached %v, %v; want finished again from the drawing", cached, err)
	}

	// Damaged entries are drawn again (Node is back on the PATH for that).
	for _, f := range files {
		os.WriteFile(f, []byte("<svg><scr"), 0o644)
	}
	t.Setenv("PATH", path)
	r3 := newTestRenderer(t, cache, 1)
	svg, cached, err = r3.Render(ctx, c)
	if err != nil || cached || svg != drawn {
		t.Errorf("Render(damaged cache entry) = cached %v, %v; want drawn again", cached, err)
	}
	t.Setenv("PATH", t.TempDir())

	// A different size or locale is a different drawing.
	wider := c
	wider.Width++
	if _, _, err := r2.Render(ctx, wider); err == nil || !strings.Contains(err.Error(), "Node.js") {
		t.Errorf("Render(wider) = %v; want a miss, which needs Node", err)
	}
}

func TestNodeMissing(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	t.Setenv("PATH", t.TempDir())
	_, _, err := r.Render(context.Background(), trend(t, waitingTime("x")))
	want := `kinerja needs Node.js 18 or newer to draw the charts, and "node" is not on the PATH: install it (Debian: apt-get install nodejs; or https://nodejs.org)`
	if err == nil || iku.ErrorMessage(err) != want {
		t.Errorf("Render without node = %v; want %q", err, want)
	}
	if iku.ErrorKind(err) != iku.Unavailable {
		t.Errorf("kind %s; want unavailable", iku.ErrorKind(err))
	}
}

// TestNodeTooOld: a node on the PATH that says it is version 16 is refused
// before it is given the renderer, in the same sentence.
func TestNodeTooOld(t *testing.T) {
	bin := t.TempDir()
	fake := filepath.Join(bin, "node")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho v16.20.2\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	r := newTestRenderer(t, "", 1)
	_, _, err := r.Render(context.Background(), trend(t, waitingTime("x")))
	want := fmt.Sprintf("kinerja needs Node.js 18 or newer to draw the charts, and %q is version 16.20.2: install it", fake)
	if err == nil || !strings.HasPrefix(iku.ErrorMessage(err), want) {
		t.Errorf("Render with Node 16 = %v; want %q", err, want)
	}
	if iku.ErrorKind(err) != iku.Unavailable {
		t.Errorf("kind %s; want unavailable", iku.ErrorKind(err))
	}
	if n := r.started.Load(); n != 0 {
		t.Errorf("%d renderer processes started with Node 16; want 0", n)
	}
}

// TestEChartsEmbedded: the renderer draws with the ECharts that kinerja
// carries, from a working folder with no node_modules anywhere above it,
// and removes the files it wrote for Node when it closes.
func TestEChartsEmbedded(t *testing.T) {
	t.Chdir(t.TempDir())
	r, err := NewRenderer(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	svg, _, err := r.Render(context.Background(), trend(t, waitingTime("x")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(svg, "<svg") {
		t.Errorf("Render = %.40q; want an SVG", svg)
	}
	if got := r.ECharts(); !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(got) {
		t.Errorf("ECharts() = %q; want a version", got)
	}
	dir := r.dir
	if _, err := os.Stat(filepath.Join(dir, "echarts.min.js")); err != nil {
		t.Errorf("echarts.min.js is not beside render.js: %v", err)
	}
	r.Close()
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("%s is left after Close", dir)
	}
}

// TestEmbeddedEChartsIsThePinnedOne: the copy in echarts/ is the build
// that package-lock.json pins and node_modules holds (go generate copies
// it), so the charts kinerja draws and the ones the repository's npm
// packages would draw cannot drift apart.
func TestEmbeddedEChartsIsThePinnedOne(t *testing.T) {
	lock, err := os.ReadFile("../../package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	var pl struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(lock, &pl); err != nil {
		t.Fatal(err)
	}
	if got, want := EChartsVersion(), pl.Packages["node_modules/echarts"].Version; got != want {
		t.Errorf("echarts/VERSION = %q; package-lock.json pins %q: run npm ci, then go generate ./generator/chart", got, want)
	}
	nm := "../../node_modules/echarts"
	if _, err := os.Stat(filepath.Join(nm, "package.json")); err != nil {
		t.Fatalf("node_modules/echarts is not installed: run npm ci at the repository root (%v)", err)
	}
	for src, dst := range map[string]string{
		"dist/echarts.min.js": "echarts.min.js", "LICENSE": "LICENSE", "NOTICE": "NOTICE", "licenses/LICENSE-d3": "licenses/LICENSE-d3",
	} {
		a, err := os.ReadFile(filepath.Join(nm, src))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join("echarts", dst))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("generator/chart/echarts/%s differs from node_modules/echarts/%s: run go generate ./generator/chart", dst, src)
		}
	}
	if !bytes.Equal(echartsJS, mustRead(t, "echarts/echarts.min.js")) {
		t.Errorf("the embedded echarts.min.js is not echarts/echarts.min.js")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRejectedOptionNamesTheChart(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	ctx := context.Background()
	for _, opt := range []string{
		`{"series":[{"type":"nope","data":[1]}]}`,
		`{"xAxis":{"type":"zzz"},"yAxis":{},"series":[{"type":"line","data":[1]}]}`,
		`"a string"`,
	} {
		_, _, err := r.Render(ctx, Chart{ID: "iku-broken-trend", Option: json.RawMessage(opt), Width: 100, Height: 100})
		if err == nil || !strings.Contains(err.Error(), `ECharts rejected the option of chart "iku-broken-trend"`) {
			t.Errorf("Render(%s) = %v; want the chart named", opt, err)
		}
	}
	_, _, err := r.Render(ctx, Chart{ID: "iku-bad-json", Option: json.RawMessage(`{`), Width: 100, Height: 100})
	if err == nil || !strings.Contains(err.Error(), `"iku-bad-json"`) {
		t.Errorf("Render(bad JSON) = %v; want the chart named", err)
	}
	// The process survives a rejected option.
	if _, _, err := r.Render(ctx, trend(t, waitingTime("x"))); err != nil {
		t.Fatal(err)
	}
	if n := r.started.Load(); n != 1 {
		t.Errorf("%d processes started; want 1", n)
	}
}

func liveProcs(r *Renderer) []*proc {
	r.mu.Lock()
	defer r.mu.Unlock()
	var ps []*proc
	for p := range r.live {
		ps = append(ps, p)
	}
	return ps
}

func waitExited(t *testing.T, ps []*proc) {
	t.Helper()
	for _, p := range ps {
		select {
		case <-p.exited:
		case <-time.After(5 * time.Second):
			t.Fatalf("Node process %d still running", p.cmd.Process.Pid)
		}
	}
}

func TestCancelKillsNode(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, err := NewRenderer(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, _, err := r.Render(ctx, trend(t, waitingTime("x"))); err != nil {
		t.Fatal(err)
	}
	ps := liveProcs(r)
	if len(ps) != 1 {
		t.Fatalf("%d live processes; want 1", len(ps))
	}
	cancel()
	waitExited(t, ps)
	if _, _, err := r.Render(context.Background(), allCharts(t, "x")[1]); err == nil || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("Render after cancel = %v; want cancelled", err)
	}
}

func TestCloseStopsNode(t *testing.T) {
	r := newTestRenderer(t, "", 2)
	ctx := context.Background()
	var wg sync.WaitGroup
	for _, c := range allCharts(t, "x") {
		wg.Go(func() {
			if _, _, err := r.Render(ctx, c); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	ps := liveProcs(r)
	if len(ps) == 0 || len(ps) > 2 {
		t.Fatalf("%d live processes; want 1 or 2", len(ps))
	}
	r.Close()
	waitExited(t, ps)
	if _, _, err := r.Render(ctx, allCharts(t, "x")[0]); err == nil {
		t.Errorf("Render after Close succeeded")
	}
}

// TestRenderMany draws 200 charts with one process and one caller, then
// with two of each, and logs the wall time and Node's CPU time per chart
// (no assertion: timing belongs to benchmarks).
func TestRenderMany(t *testing.T) {
	cs := manyTrends(t, 200)
	ctx := context.Background()
	for _, n := range []int{1, 2} {
		r := newTestRenderer(t, "", n)
		renderAll := func(charts []Chart) error {
			var wg sync.WaitGroup
			next := make(chan Chart)
			errs := make(chan error, len(charts))
			for range n {
				wg.Go(func() {
					for c := range next {
						svg, _, err := r.Render(ctx, c)
						if err == nil {
							err = Check(c.ID, []byte(svg))
						}
						if err != nil {
							errs <- err
						}
					}
				})
			}
			for _, c := range charts {
				next <- c
			}
			close(next)
			wg.Wait()
			close(errs)
			return <-errs
		}
		// Start and warm every process (V8 compiles ECharts' hot paths
		// during the first few dozen charts).
		if err := renderAll(manyTrends(t, 40)); err != nil {
			t.Fatal(err)
		}
		ps := liveProcs(r)
		start := time.Now()
		if err := renderAll(cs); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		r.Close()
		waitExited(t, ps)
		var cpu time.Duration
		for _, p := range ps {
			cpu += p.cmd.ProcessState.UserTime() + p.cmd.ProcessState.SystemTime()
		}
		t.Logf("%d charts, %d Node process(es) and callers: %.2f ms/chart wall; Node CPU %.2f ms/chart (including the %d warm-up charts)",
			len(cs), n, float64(d.Microseconds())/1000/float64(len(cs)),
			float64(cpu.Microseconds())/1000/float64(len(cs)+40), 40)
	}
}

// BenchmarkRender is the uncached path: ECharts in Node, then finish and
// Check in Go, one 23-quarter line chart at a time.
func BenchmarkRender(b *testing.B) {
	r := newTestRenderer(b, "", 1)
	c := trend(b, longTrend("bench", 23))
	ctx := context.Background()
	if _, _, err := r.Render(ctx, c); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := r.Render(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderParallel is the same with two callers, sharing one Node
// process (the default) or a pool of two: the measurement behind
// processes.
func BenchmarkRenderParallel(b *testing.B) {
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("processes=%d", n), func(b *testing.B) {
			r := newTestRenderer(b, "", n)
			c := trend(b, longTrend("bench", 23))
			ctx := context.Background()
			var wg sync.WaitGroup
			for range n { // start and warm every process
				wg.Go(func() {
					for range 20 {
						if _, _, err := r.Render(ctx, c); err != nil {
							b.Error(err)
						}
					}
				})
			}
			wg.Wait()
			b.SetParallelism(1)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, _, err := r.Render(ctx, c); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// BenchmarkFinish is the Go side alone: rewriting and checking one SVG.
func BenchmarkFinish(b *testing.B) {
	r := newTestRenderer(b, "", 1)
	c := trend(b, longTrend("bench", 23))
	raw, err := r.draw(context.Background(), c)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := finish(c, raw); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNodeDiedWhileIdleIsRestarted(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	ctx := context.Background()
	c := trend(t, waitingTime("x"))
	if _, _, err := r.Render(ctx, c); err != nil {
		t.Fatal(err)
	}
	ps := liveProcs(r)
	ps[0].cmd.Process.Kill()
	waitExited(t, ps)
	if _, _, err := r.Render(ctx, c); err != nil {
		t.Fatalf("Render after Node died = %v; want a fresh process", err)
	}
	if n := r.started.Load(); n != 2 {
		t.Errorf("%d processes started; want 2", n)
	}
}

func TestRenderEmptyCharts(t *testing.T) {
	r := newTestRenderer(t, "", 1)
	for _, c := range emptyCharts(t) {
		svg, _, err := r.Render(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		checkPublished(t, c, svg)
	}
}

// A chart drawn in Go leaves one cache entry, the finished SVG, and no
// drawing of its own: drawing it again takes less time than reading it.
// RenderFile names that entry, and it holds the SVG returned.
func TestGoDrawnChartCachesOnlyTheFinishedSVG(t *testing.T) {
	cache := t.TempDir()
	c := IndicatorTrend(indicator(t, waitingTime("Waktu tunggu")), DefaultLabels())
	if c.Drawer != drawGo {
		t.Fatalf("the trend is drawn by %q; want %q", c.Drawer, drawGo)
	}
	t.Setenv("PATH", t.TempDir()) // no node: Go draws it
	r := newTestRenderer(t, cache, 1)
	d, err := r.RenderFile(context.Background(), c)
	if err != nil || d.Cached {
		t.Fatalf("RenderFile: cached=%v, %v; want drawn", d.Cached, err)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "*", "*"))
	if len(files) != 1 || files[0] != d.File {
		t.Errorf("cache holds %v; want the finished SVG alone, %s", files, d.File)
	}
	if b, err := os.ReadFile(d.File); err != nil || string(b) != d.SVG {
		t.Errorf("the file RenderFile names does not hold its SVG (%v)", err)
	}
	again, err := r.RenderFile(context.Background(), c)
	if err != nil || !again.Cached || again.SVG != d.SVG || again.Key != d.Key {
		t.Errorf("RenderFile again: cached=%v, same SVG %v, same key %v, %v; want the same from the cache", again.Cached, again.SVG == d.SVG, again.Key == d.Key, err)
	}
}
