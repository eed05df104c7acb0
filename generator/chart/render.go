package chart

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// script is the Node side of the renderer, and echartsJS the pinned ECharts
// build it loads (copied from node_modules/echarts by `go generate`, see
// gen/main.go; its licence is in echarts/). Both are written into a
// temporary folder when the first chart needs drawing, so kinerja needs no
// npm and no node_modules where it runs, only Node.js.
//
//go:generate go run ./gen
//go:embed render.js
var script string

//go:embed echarts/echarts.min.js
var echartsJS []byte

//go:embed echarts/VERSION
var echartsVersion string

// EChartsVersion is the version of the ECharts build kinerja carries.
func EChartsVersion() string { return strings.TrimSpace(echartsVersion) }

// scriptVersion changes whenever render.js does, and with it every cache
// key.
var scriptVersion = func() string {
	sum := sha256.Sum256([]byte(script))
	return hex.EncodeToString(sum[:8])
}()

// processes is how many Node processes a Renderer runs at most: one.
// Measured on the project's 2-core machines (TestRenderMany, five rounds
// alternating one process and one caller with two and two): one Node
// process already keeps about 1.4 cores busy (V8 collects garbage and
// compiles on helper threads: 10 ms of CPU per chart for 7 ms of wall
// time), so two processes drew 200 varied charts no faster (7.2–13.0
// ms/chart against 7.1–11.5) while spending a third more CPU per chart
// (13.6–14.0 ms against 10.1–10.7) and twice the memory. Only the same
// chart drawn over and over (BenchmarkRenderParallel) went 25–35 % faster
// with two. The machines were shared with other builds while measuring.
// Measured again on the demo's 306 charts (sitedata.DrawCharts, two
// workers, load about 17 on two cores, three rounds alternating): one
// process 21–29 s wall and 6.1–6.9 s of Node CPU; two 30–33 s and 9.2–9.6
// s. Concurrent callers take turns; the pool stays so that a larger
// machine can raise this.
const processes = 1

// MinNode is the oldest Node.js major version that draws the charts.
const MinNode = 18

// Renderer draws charts as SVG with ECharts in one long-lived Node process,
// started when the first chart that is not in the cache needs it. It is
// safe for concurrent use: callers take turns on the process. Every SVG it returns has been through finish
// and Check.
type Renderer struct {
	cacheDir string

	nodeOnce sync.Once
	node     string // the node executable, once checked
	nodeErr  error
	dirOnce  sync.Once
	dir      string // render.js and echarts.min.js, removed by shutdown
	dirErr   error

	slots   chan *proc // idle processes; nil = not started (or died)
	stopCtx func() bool

	mu     sync.Mutex
	closed error // why Render refuses: closed, or the build was cancelled
	live   map[*proc]bool

	started   atomic.Int32 // Node processes started, for tests
	byECharts atomic.Int64 // charts ECharts drew (not cached, not drawn in Go)
}

// DrawnByECharts is how many charts ECharts has drawn so far: the others
// came from the cache or were drawn in Go (lines.go).
func (r *Renderer) DrawnByECharts() int { return int(r.byECharts.Load()) }

// NewRenderer prepares a renderer that caches SVGs in cacheDir ("" = no
// cache). No process starts until a chart needs drawing. When ctx is
// cancelled (Ctrl+C), the Node processes are killed and Render fails.
func NewRenderer(ctx context.Context, cacheDir string) (*Renderer, error) {
	return newRenderer(ctx, cacheDir, processes)
}

func newRenderer(ctx context.Context, cacheDir string, n int) (*Renderer, error) {
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err != nil {
			return nil, iku.Wrap(err, iku.Invalid, "cannot create the chart cache folder %q", cacheDir)
		}
	}
	r := &Renderer{
		cacheDir: cacheDir,
		slots:    make(chan *proc, n),
		live:     map[*proc]bool{},
	}
	for range n {
		r.slots <- nil
	}
	// A context that has already ended runs the shutdown at once, in
	// another goroutine: stopCtx is set under mu, and shutdown reads it so.
	r.mu.Lock()
	r.stopCtx = context.AfterFunc(ctx, func() {
		r.shutdown(iku.Wrap(ctx.Err(), iku.Unavailable, "chart rendering was cancelled"), true)
	})
	r.mu.Unlock()
	return r, nil
}

// ECharts is the version of ECharts that draws the charts.
func (r *Renderer) ECharts() string { return EChartsVersion() }

// Render draws c as SVG, from the cache when it was drawn before (cached is
// then true and no Node process is involved). The SVG is ready to go into
// a page verbatim: no style attributes, ids prefixed with c.ID, a <title>
// with c.Description, and it passed Check.
func (r *Renderer) Render(ctx context.Context, c Chart) (svg string, cached bool, err error) {
	d, err := r.RenderFile(ctx, c)
	return d.SVG, d.Cached, err
}

// Drawing is a chart drawn by RenderFile.
type Drawing struct {
	SVG string // the finished SVG
	// Key names the finished SVG by all that makes it (the same key, the
	// same bytes).
	Key string
	// File is the cache file that holds SVG ("" without a cache): a
	// caller may drop SVG and read it back from there.
	File   string
	Cached bool // the SVG came from the cache
}

// RenderFile is Render, with the key and the cache file of the SVG.
func (r *Renderer) RenderFile(ctx context.Context, c Chart) (Drawing, error) {
	if err := r.err(); err != nil {
		return Drawing{}, err
	}
	key := r.key(c)
	// The finished SVG of a warm build: it passed Check when it was put
	// there (nothing else writes a finished entry), so it is not parsed
	// and checked again. An entry that is not a whole SVG is drawn again.
	done := r.finishedKey(key, c)
	d := Drawing{Key: done}
	if r.cacheDir != "" {
		d.File = r.cachePath(done)
	}
	if svg, ok := r.fromCache(done); ok && wholeSVG(svg) {
		d.SVG, d.Cached = svg, true
		return d, nil
	}
	// A chart drawn in Go is drawn again in less time than reading it
	// takes: only what Node drew is kept unfinished (under key).
	raw, drawn := "", false
	if c.Drawer == drawGo {
		raw, drawn = drawLines(c)
	}
	if !drawn {
		if cached, ok := r.fromCache(key); ok {
			if svg, err := finish(c, cached); err == nil {
				d.SVG, d.Cached = svg, true
				return d, r.toCache(done, svg)
			}
			// A damaged entry is drawn again (and replaced); a drawing that
			// really fails the check fails again below.
		}
		var err error
		if raw, err = r.draw(ctx, c); err != nil {
			return Drawing{}, err
		}
		r.byECharts.Add(1)
		if err := r.toCache(key, raw); err != nil {
			return Drawing{}, err
		}
	}
	svg, err := finish(c, raw)
	if err != nil {
		return Drawing{}, err
	}
	d.SVG = svg
	return d, r.toCache(done, svg)
}

// finishSource is svg.go, where finish and Check are: finishVersion, its
// hash, changes whenever they do (what they rewrite, what they allow),
// and with it every finished entry's key, so that no SVG finished by an
// older rule is taken from the cache.
//
//go:embed svg.go
var finishSource string

// linesSource is lines.go, which draws the line charts in Go: its hash
// is in the key of every chart it draws.
//
//go:embed lines.go
var linesSource string

var linesVersion = func() string {
	sum := sha256.Sum256([]byte(linesSource))
	return hex.EncodeToString(sum[:8])
}()

var finishVersion = func() string {
	sum := sha256.Sum256([]byte(finishSource))
	return hex.EncodeToString(sum[:8])
}()

// finishedKey identifies the SVG finish makes of the drawing key: the
// drawing, the chart's ID and description, and finishVersion.
func (r *Renderer) finishedKey(key string, c Chart) string {
	h := sha256.New()
	fmt.Fprintf(h, "kinerja-finished\x00%s\x00%s\x00%s\x00%d\x00", finishVersion, key, c.ID, len(c.Description))
	h.Write([]byte(c.Description))
	return hex.EncodeToString(h.Sum(nil))
}

// wholeSVG says svg is one <svg> element from start to end, as finish
// writes it (a file cut short by a full disk is not).
func wholeSVG(svg string) bool {
	return strings.HasPrefix(svg, "<svg") && strings.HasSuffix(svg, "</svg>")
}

// key identifies what ECharts draws: the option, the size, the number
// locale and language, the ECharts version and this renderer's script,
// and for a chart drawn in Go (which falls back on ECharts), lines.go. (What finish
// adds, the ID and the description, is applied after the cache.)
func (r *Renderer) key(c Chart) string {
	h := sha256.New()
	fmt.Fprintf(h, "kinerja-chart\x00%s\x00%s\x00%d\x00%d\x00%s\x00%s\x00", scriptVersion, EChartsVersion(), c.Width, c.Height, c.Locale, c.Lang)
	if c.Drawer == drawGo {
		fmt.Fprintf(h, "go\x00%s\x00", linesVersion)
	}
	h.Write(c.Option)
	return hex.EncodeToString(h.Sum(nil))
}

func (r *Renderer) cachePath(key string) string {
	return filepath.Join(r.cacheDir, key[:2], key+".svg")
}

func (r *Renderer) fromCache(key string) (string, bool) {
	if r.cacheDir == "" {
		return "", false
	}
	b, err := os.ReadFile(r.cachePath(key))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// toCache writes through a temporary file and a rename, so that a reader
// (or a build stopped half-way) never sees half an SVG.
func (r *Renderer) toCache(key, raw string) error {
	if r.cacheDir == "" {
		return nil
	}
	path := r.cachePath(key)
	fail := func(err error) error {
		return iku.Wrap(err, iku.Unavailable, "cannot write to the chart cache %q", r.cacheDir)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fail(err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fail(err)
	}
	_, err = f.WriteString(raw)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fail(err)
	}
	return nil
}

// draw has ECharts draw c in one of the Node processes.
func (r *Renderer) draw(ctx context.Context, c Chart) (string, error) {
	var p *proc
	select {
	case p = <-r.slots:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { r.slots <- p }()
	if p != nil && !p.alive() { // it died while idle
		r.forget(p)
		p = nil
	}
	if p == nil {
		var err error
		if p, err = r.start(ctx); err != nil {
			return "", err
		}
	}
	raw, err := p.render(ctx, c)
	if p.broken.Load() {
		r.forget(p)
		p.kill()
		p = nil // the next caller starts a fresh process
	}
	if err != nil {
		if e := r.err(); e != nil {
			return "", e
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", err
	}
	return raw, nil
}

func (r *Renderer) err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

func (r *Renderer) forget(p *proc) {
	r.mu.Lock()
	delete(r.live, p)
	r.mu.Unlock()
}

// Close stops the Node processes: each is asked to exit (its stdin
// closes) and killed if it has not within two seconds.
func (r *Renderer) Close() error {
	r.shutdown(iku.Errorf(iku.Internal, "the chart renderer is closed"), false)
	return nil
}

func (r *Renderer) shutdown(why error, kill bool) {
	r.mu.Lock()
	if r.closed == nil {
		r.closed = why
	}
	procs := make([]*proc, 0, len(r.live))
	for p := range r.live {
		procs = append(procs, p)
	}
	clear(r.live)
	stop := r.stopCtx
	r.mu.Unlock()
	if stop != nil {
		stop()
	}
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Go(func() {
			if kill {
				p.kill()
				return
			}
			p.stdin.Close()
			select {
			case <-p.exited:
			case <-time.After(2 * time.Second):
				p.kill()
			}
		})
	}
	wg.Wait()
	r.mu.Lock()
	if r.dir != "" {
		os.RemoveAll(r.dir)
	}
	r.mu.Unlock()
}

// proc is one Node process running render.js, used by one caller at a time.
type proc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *bufio.Reader
	stderr *tail
	exited chan struct{}
	broken atomic.Bool // out of step or dead: never reused
	seq    int
}

// needNode is the sentence for a missing or too old Node.js; problem says
// which.
func needNode(problem string) error {
	return iku.Errorf(iku.Unavailable, "kinerja needs Node.js %d or newer to draw the charts, and %s: install it (Debian: apt-get install nodejs; or https://nodejs.org)", MinNode, problem)
}

// checkNode finds node on the PATH and checks its version, once.
func (r *Renderer) checkNode(ctx context.Context) (string, error) {
	r.nodeOnce.Do(func() {
		node, err := exec.LookPath("node")
		if err != nil {
			r.nodeErr = needNode(`"node" is not on the PATH`)
			return
		}
		vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		out, err := exec.CommandContext(vctx, node, "--version").Output()
		version := strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
		if err != nil || version == "" {
			if ctx.Err() != nil {
				r.nodeErr = ctx.Err()
				return
			}
			r.nodeErr = needNode(fmt.Sprintf("%q does not answer `node --version`", node))
			return
		}
		if major, _, _ := strings.Cut(version, "."); atoiOr0(major) < MinNode {
			r.nodeErr = needNode(fmt.Sprintf("%q is version %s", node, version))
			return
		}
		r.node = node
	})
	return r.node, r.nodeErr
}

// files writes render.js and echarts.min.js into a new temporary folder,
// once; shutdown removes it.
func (r *Renderer) files() (string, error) {
	r.dirOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kinerja-echarts-")
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "echarts.min.js"), echartsJS, 0o644)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "render.js"), []byte(script), 0o644)
		}
		if err != nil {
			if dir != "" {
				os.RemoveAll(dir)
			}
			r.dirErr = iku.Wrap(err, iku.Unavailable, "cannot write the chart renderer into a temporary folder (%v): check that $TMPDIR is writable", err)
			return
		}
		r.mu.Lock()
		r.dir = dir
		r.mu.Unlock()
	})
	return r.dir, r.dirErr
}

func (r *Renderer) start(ctx context.Context) (*proc, error) {
	node, err := r.checkNode(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := r.files()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(node, filepath.Join(dir, "render.js"))
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot start Node.js")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot start Node.js")
	}
	cmd.Stdout = pw
	p := &proc{cmd: cmd, stdin: stdin, out: bufio.NewReaderSize(pr, 64<<10), stderr: &tail{}, exited: make(chan struct{})}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, needNode(fmt.Sprintf("%q could not be started (%v)", node, err))
	}
	pw.Close()
	r.started.Add(1)
	go func() {
		cmd.Wait()
		pr.Close()
		close(p.exited)
	}()

	r.mu.Lock()
	closed := r.closed
	if closed == nil {
		r.live[p] = true
	}
	r.mu.Unlock()
	if closed != nil {
		p.kill()
		return nil, closed
	}

	// The first line says whether ECharts loaded, and which.
	hctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	line, err := p.readLine(hctx)
	var hello struct {
		Ready   bool   `json:"ready"`
		Error   string `json:"error"`
		Detail  string `json:"detail"`
		ECharts string `json:"echarts"`
		Node    string `json:"node"`
	}
	if err == nil {
		err = json.Unmarshal(line, &hello)
	}
	fail := func(e error) (*proc, error) {
		r.forget(p)
		p.kill()
		return nil, e
	}
	switch {
	case err != nil:
		if ctx.Err() != nil {
			return fail(ctx.Err())
		}
		return fail(iku.Wrap(err, iku.Unavailable, "Node.js did not start the chart renderer: %s", p.stderr.String()))
	case !hello.Ready && hello.Error == "echarts":
		return fail(iku.Wrap(errors.New(hello.Detail), iku.Unavailable, "Node.js could not load ECharts from %s (%s): check that nothing removes files from $TMPDIR during a build", dir, hello.Detail))
	case !hello.Ready:
		return fail(iku.Errorf(iku.Unavailable, "Node.js did not start the chart renderer: %s %s", hello.Error, hello.Detail))
	}
	if hello.ECharts != EChartsVersion() {
		return fail(iku.Errorf(iku.Internal, "Node.js loaded ECharts %s from %s, not the %s kinerja carries", hello.ECharts, dir, EChartsVersion()))
	}
	return p, nil
}

func atoiOr0(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

func (p *proc) alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return !p.broken.Load()
	}
}

func (p *proc) kill() {
	p.broken.Store(true)
	if p.cmd.Process != nil {
		p.cmd.Process.Kill()
	}
}

// readLine reads one answer; cancelling ctx kills the process, which ends
// the read.
func (p *proc) readLine(ctx context.Context) ([]byte, error) {
	stop := context.AfterFunc(ctx, p.kill)
	defer stop()
	line, err := p.out.ReadBytes('\n')
	if err != nil {
		p.broken.Store(true)
		return nil, err
	}
	return line, nil
}

type request struct {
	ID     string          `json:"id"`
	Width  int             `json:"width"`
	Height int             `json:"height"`
	Locale string          `json:"locale,omitempty"`
	Option json.RawMessage `json:"option"`
}

type response struct {
	ID    string `json:"id"`
	SVG   string `json:"svg"`
	Error string `json:"error"`
}

func (p *proc) render(ctx context.Context, c Chart) (string, error) {
	if c.Width <= 0 || c.Height <= 0 {
		return "", iku.Errorf(iku.Internal, "chart %q has no size (%d×%d)", c.ID, c.Width, c.Height)
	}
	p.seq++
	id := strconv.Itoa(p.seq) + ":" + c.ID
	line, err := json.Marshal(request{ID: id, Width: c.Width, Height: c.Height, Locale: c.Locale, Option: c.Option})
	if err != nil {
		return "", iku.Wrap(err, iku.Internal, "chart %q: the option is not valid JSON", c.ID)
	}
	if _, err := p.stdin.Write(append(line, '\n')); err != nil {
		p.broken.Store(true)
		return "", p.died(c.ID, err)
	}
	answer, err := p.readLine(ctx)
	if err != nil {
		return "", p.died(c.ID, err)
	}
	var resp response
	if err := json.Unmarshal(answer, &resp); err != nil || resp.ID != id {
		p.broken.Store(true)
		return "", iku.Errorf(iku.Internal, "the chart renderer answered out of step while drawing chart %q", c.ID)
	}
	if resp.Error != "" {
		return "", iku.Errorf(iku.Internal, "ECharts rejected the option of chart %q: %s", c.ID, resp.Error)
	}
	if resp.SVG == "" {
		return "", iku.Errorf(iku.Internal, "ECharts drew nothing for chart %q", c.ID)
	}
	return resp.SVG, nil
}

func (p *proc) died(chartID string, err error) error {
	// Give Wait a moment to collect what Node said on its way out.
	select {
	case <-p.exited:
	case <-time.After(500 * time.Millisecond):
	}
	detail := p.stderr.String()
	if detail == "" {
		detail = err.Error()
	}
	return iku.Wrap(err, iku.Unavailable, "the chart renderer (Node.js) stopped while drawing chart %q: %s", chartID, detail)
}

// tail keeps the last few kilobytes a process wrote to stderr.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

const tailSize = 4 << 10

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > tailSize {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-tailSize:]...)
	}
	return len(b), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(string(t.buf))
}
