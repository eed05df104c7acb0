package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/release"
	"github.com/tanjungbalai/kinerja/generator/site"
)

const buildUsage = `Usage: kinerja build [--db DSN | --from BUNDLE] [--out public] [flags]

Reads the data (PostgreSQL's publik views, a CSV bundle, or the embedded
demo data), evaluates it, draws the charts and builds the static site into
a new folder, which replaces --out only when everything succeeded.

Flags:
`

const serveUsage = `Usage: kinerja serve [--db DSN | --from BUNDLE] [--port 1313] [flags]

Builds the data like 'kinerja build' and serves a live preview, with a
"Pratinjau" banner, at http://localhost:1313. Ctrl+C stops it.

Flags:
`

// sourceFlags are the flags every command that reads data shares.
type sourceFlags struct {
	db      string
	dbSet   bool
	from    string
	root    string
	quarter string
}

func (f *sourceFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", "", "PostgreSQL connection string (default $DATABASE_URL; PG* variables fill in the rest)")
	fs.StringVar(&f.from, "from", "", "build from a CSV bundle: a folder or a .zip (see 'kinerja demo-data')")
	fs.StringVar(&f.root, "source", ".", "the site folder: hugo.toml, content/, themes/ (the repository)")
	fs.StringVar(&f.quarter, "quarter", "", "publish up to this quarter, e.g. 2026-Q3 (default: the newest with data)")
}

// prepared is a build folder ready for Hugo.
type prepared struct {
	root     string
	buildDir string
	keep     bool   // KINERJA_BUILD_DIR named it: leave it for inspection
	release  func() // lets CleanDebris remove the folder (site.NewBuildDir)
}

func (p *prepared) cleanup() {
	if p.buildDir != "" && !p.keep {
		os.RemoveAll(p.buildDir)
	}
	if p.release != nil {
		p.release()
	}
}

// openSource picks the data source: --from, else --db, else $DATABASE_URL,
// else the embedded demo.
func (m *Main) openSource(ctx context.Context, f *sourceFlags) (iku.Source, func(), bool, error) {
	if f.from != "" && f.dbSet {
		return nil, nil, false, usageError{"give either --db or --from, not both"}
	}
	if f.from != "" {
		src, err := bundle.OpenPath(f.from)
		if err != nil {
			return nil, nil, false, err
		}
		return src, func() {}, false, nil
	}
	dsn := f.db
	if !f.dbSet {
		dsn = m.Getenv("DATABASE_URL")
		if dsn == "" {
			return bundle.Demo(), func() {}, true, nil
		}
	}
	src, err := postgres.Open(ctx, dsn)
	if err != nil {
		return nil, nil, false, err
	}
	return src, func() { src.Close() }, false, nil
}

// prepare runs every stage before Hugo: load, evaluate, draw, write.
func (m *Main) prepare(ctx context.Context, f *sourceFlags) (*prepared, error) {
	root, err := filepath.Abs(f.root)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, "hugo.toml")); err != nil {
		return nil, iku.Errorf(iku.Invalid, "there is no hugo.toml in %q: run kinerja in the repository folder, or pass it with --source", root)
	}
	var latest iku.Quarter
	if f.quarter != "" {
		if latest, err = iku.ParseQuarter(f.quarter); err != nil {
			return nil, usageError{fmt.Sprintf("--quarter: %v", err)}
		}
	}
	rules, err := release.LoadRules(root)
	if err != nil {
		return nil, err
	}
	msgs, err := release.LoadMessages(root, "kinerja", "id")
	if err != nil {
		return nil, err
	}

	src, closeSrc, demo, err := m.openSource(ctx, f)
	if err != nil {
		return nil, err
	}
	defer closeSrc()

	t := time.Now()
	ds, err := src.Load(ctx)
	if err != nil {
		return nil, err
	}
	m.stage("load", t, "%d sectors, %d agencies, %d indicators, %d targets, %d results from %s",
		len(ds.Sectors), len(ds.Agencies), len(ds.Indicators), len(ds.Targets), len(ds.Results), src.Describe())

	t = time.Now()
	rep, err := iku.Evaluate(ds, rules, iku.Options{Latest: latest})
	if err != nil {
		return nil, err
	}
	evals := 0
	for _, ir := range rep.Indicators {
		evals += len(ir.Series)
	}
	m.stage("evaluate", t, "%d evaluations, %s to %s, %s", evals, rep.First, rep.Latest, plural(len(rep.Warnings), "warning"))
	for i, w := range rep.Warnings {
		if i == 10 {
			fmt.Fprintf(m.Stderr, "  … and %d more warnings\n", len(rep.Warnings)-10)
			break
		}
		fmt.Fprintf(m.Stderr, "  warning: %s\n", w)
	}

	p, err := m.buildDir(root)
	if err != nil {
		return nil, err
	}
	buildDir := p.buildDir

	t = time.Now()
	renderer, err := chart.NewRenderer(ctx, root, filepath.Join(root, ".cache", "charts"))
	if err != nil {
		p.cleanup()
		return nil, err
	}
	drawn, err := release.DrawCharts(ctx, renderer, rep, ds, msgs, m.progress("charts"))
	if cerr := renderer.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		p.cleanup()
		return nil, err
	}
	m.stage("charts", t, "%d charts, %d drawn by ECharts, %d from the cache", len(drawn.Charts), len(drawn.Charts)-drawn.Cached, drawn.Cached)

	t = time.Now()
	in := release.Input{
		Dataset: ds, Report: rep, Charts: drawn.Charts, Demo: demo, Source: src.Describe(),
		Generated: time.Now(), OverviewChart: drawn.Overview,
		AgencyCharts: drawn.Agencies, IndicatorCharts: drawn.Indicators,
	}
	if err := release.Write(buildDir, in); err != nil {
		p.cleanup()
		return nil, err
	}
	m.stage("data", t, "written for %d agencies, %d indicators, %d sectors", len(rep.Agencies), len(rep.Indicators), len(rep.Sectors))
	return p, nil
}

// buildDir makes the folder of generated data and charts for Hugo: a new
// folder under the site's .build/, or the empty folder $KINERJA_BUILD_DIR,
// which is kept afterwards so that the generated data can be inspected.
func (m *Main) buildDir(root string) (*prepared, error) {
	if dir := m.Getenv("KINERJA_BUILD_DIR"); dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		if entries, _ := os.ReadDir(abs); len(entries) > 0 {
			return nil, iku.Errorf(iku.Invalid, "KINERJA_BUILD_DIR %q is not empty: name a new or empty folder", abs)
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return nil, err
		}
		return &prepared{root: root, buildDir: abs, keep: true}, nil
	}
	dir, release, err := site.NewBuildDir(root)
	if err != nil {
		return nil, err
	}
	return &prepared{root: root, buildDir: dir, release: release}, nil
}

// progress returns a callback that shows "name: done/total" on the same
// terminal line, at most a few times a second, or nil when stderr is not
// a terminal (logs and CI get only the summary lines).
func (m *Main) progress(name string) func(done, total int) {
	f, ok := m.Stderr.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var last time.Time
	return func(done, total int) {
		if done < total && time.Since(last) < 200*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(f, "\r%-9s %d/%d\x1b[K", name+":", done, total)
		if done == total {
			fmt.Fprint(f, "\r\x1b[K")
		}
	}
}

func (m *Main) stage(name string, start time.Time, format string, args ...any) {
	fmt.Fprintf(m.Stderr, "%-9s %s (%.2f s)\n", name+":", fmt.Sprintf(format, args...), time.Since(start).Seconds())
}

// withData runs a command that reads data: it parses the shared source
// flags plus the command's own (added by flags), prepares the build folder,
// runs the command and removes the folder.
func (m *Main) withData(ctx context.Context, name, usage string, args []string, flags func(*flag.FlagSet), run func(*prepared) error) error {
	var f sourceFlags
	fs := newFlags(name)
	f.register(fs)
	flags(fs)
	if err := m.parse(fs, usage, args); err != nil {
		return err
	}
	f.dbSet = isSet(fs, "db")
	p, err := m.prepare(ctx, &f)
	if err != nil {
		return err
	}
	defer p.cleanup()
	return run(p)
}

func (m *Main) build(ctx context.Context, args []string) error {
	var out, baseURL *string
	var keep *int
	return m.withData(ctx, "build", buildUsage, args, func(fs *flag.FlagSet) {
		out = fs.String("out", "public", "the folder to publish into (replaced only when the build succeeds)")
		baseURL = fs.String("base-url", "", "the site's public address (default: baseURL in hugo.toml)")
		keep = fs.Int("keep", site.DefaultKeep, "when --out is a link: builds to keep for 'kinerja rollback', the published one included")
	}, func(p *prepared) error {
		if *keep < 1 {
			return usageError{"--keep must be 1 or more: the published build always stays"}
		}
		if err := site.CleanDebris(p.root, *out); err != nil {
			return err
		}
		st, err := site.Build(ctx, site.Options{SiteRoot: p.root, BuildDir: p.buildDir, Out: *out, BaseURL: *baseURL, Keep: *keep, Stderr: m.Stderr})
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "%-9s %d pages, %d files in %s (%.2f s)\n", "site:", st.Pages, st.Files, *out, st.Duration.Seconds())
		fmt.Fprintf(m.Stdout, "Built %s: publish it with any web server, or preview it with 'kinerja serve'.\n", *out)
		return nil
	})
}

func (m *Main) serve(ctx context.Context, args []string) error {
	var port *int
	var bind *string
	return m.withData(ctx, "serve", serveUsage, args, func(fs *flag.FlagSet) {
		port = fs.Int("port", 1313, "the port to listen on")
		bind = fs.String("bind", "127.0.0.1", "the interface to listen on")
	}, func(p *prepared) error {
		fmt.Fprintf(m.Stderr, "Preview at http://localhost:%d/ (Ctrl+C to stop)\n", *port)
		return site.Serve(ctx, site.Options{SiteRoot: p.root, BuildDir: p.buildDir, Preview: true,
			BaseURL: fmt.Sprintf("http://localhost:%d/", *port), Stderr: m.Stderr}, *bind, *port)
	})
}

// plural writes "1 warning", "2 warnings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
