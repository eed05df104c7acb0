package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	embedded "github.com/tanjungbalai/kinerja"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/pipeline"
	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/site"
)

const buildUsage = `Usage: kinerja build [--db DSN | --from BUNDLE] [--site DIR] [--out public] [flags]

Reads the data (PostgreSQL's publik views, a CSV bundle, or the embedded
demo data), evaluates it, draws the charts and builds the static site into
a new folder, which replaces --out only when everything succeeded; a
failed or interrupted (Ctrl+C) build leaves the published site unchanged.

The site: --site DIR (made by 'kinerja init'), else the current folder when
it holds hugo.toml, else the site kinerja carries (unpacked into
$XDG_CACHE_HOME/kinerja). Trend charts are drawn in Go, the bar charts by
Node.js 18 or newer on the PATH. Each database query may take --timeout (default: statement_timeout in
the connection string, else 1m).

Flags:
`

const serveUsage = `Usage: kinerja serve [--db DSN | --from BUNDLE] [--port 1313] [--compare releases] [flags]

Builds the data like 'kinerja build' and serves a live preview, with a
"Pratinjau" banner, at http://localhost:1313, and the data check at
/pemeriksaan/ (with --compare, also against the releases folder, as
'kinerja check --compare' does). Ctrl+C stops it.

Flags:
`

// sourceFlags are the flags every command that reads data shares.
type sourceFlags struct {
	db       string
	dbSet    bool
	from     string
	site     string
	source   string // the former name of --site
	quarter  string
	timeout  time.Duration
	releases string
}

func (f *sourceFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", "", "PostgreSQL connection string (default $DATABASE_URL; PG* variables fill in the rest)")
	fs.StringVar(&f.from, "from", "", "build from a CSV bundle: a folder or a .zip (see 'kinerja demo-data')")
	fs.StringVar(&f.site, "site", "", "the site folder made by 'kinerja init' (default: the current folder when it holds hugo.toml, else the site kinerja carries)")
	fs.StringVar(&f.source, "source", "", "deprecated: the former name of --site")
	fs.DurationVar(&f.timeout, "timeout", postgres.DefaultStatementTimeout, "the longest one database query may take, e.g. 2s or 5m (default: statement_timeout in the connection string, else 1m)")
	fs.StringVar(&f.quarter, "quarter", "", "publish up to this quarter, e.g. 2026-Q3 (default: the newest with data)")
	if fs.Name() != "publish" {
		fs.StringVar(&f.releases, "releases", "", "build from the releases folder that 'kinerja publish' writes (the latest release drives the pages)")
	}
}

// options turns the shared flags into the pipeline's options.
func (m *Main) options(f *sourceFlags) (pipeline.Options, error) {
	if f.from != "" && f.dbSet {
		return pipeline.Options{}, m.usage("give either --db or --from, not both")
	}
	if f.releases != "" && (f.from != "" || f.dbSet) {
		return pipeline.Options{}, m.usage("give either --releases or a data source (--db, --from), not both")
	}
	root := f.site
	if f.source != "" {
		m.printf(m.Stderr, "kinerja: --source is now --site (the data comes from --db or --from); --source will go away\n")
		if root == "" {
			root = f.source
		}
	}
	if root == "" {
		if _, err := os.Stat("hugo.toml"); err == nil {
			root = "."
		}
	}
	o := pipeline.Options{
		SiteRoot: root,
		Embedded: embedded.Site,
		CacheDir: m.cacheDir(),
		Source:   pipeline.Source{From: f.from, DB: f.db, DBSet: f.dbSet, DatabaseURL: m.Getenv("DATABASE_URL"), Timeout: f.timeout},
		BuildDir: m.Getenv("KINERJA_BUILD_DIR"),
		Releases: f.releases,
		Stderr:   m.Stderr,
		Progress: m.progress,
	}
	if e := m.Getenv("SOURCE_DATE_EPOCH"); e != "" {
		sec, err := strconv.ParseInt(e, 10, 64)
		if err != nil {
			return o, m.usage("SOURCE_DATE_EPOCH is %q; it must be seconds since 1970", e)
		}
		o.SourceDate = time.Unix(sec, 0)
	}
	// KINERJA_SHARD_SIZE: how many indicators' pages one Hugo run makes
	// (a larger site is made in several runs, to bound memory).
	if e := m.Getenv("KINERJA_SHARD_SIZE"); e != "" {
		n, err := strconv.Atoi(e)
		if err != nil || n < 1 {
			return o, m.usage("KINERJA_SHARD_SIZE is %q; it must be a whole number of indicators, 1 or more", e)
		}
		o.ShardSize = n
	}
	if f.quarter != "" {
		q, err := iku.ParseQuarter(f.quarter)
		if err != nil {
			return o, m.usage("--quarter: %v", err)
		}
		o.Latest = q
	}
	return o, nil
}

// cacheDir is kinerja's folder in the user's cache ($XDG_CACHE_HOME, else
// ~/.cache), where the site it carries is unpacked and built.
func (m *Main) cacheDir() string {
	base := m.Getenv("XDG_CACHE_HOME")
	if !filepath.IsAbs(base) {
		base = ""
		if home := m.Getenv("HOME"); filepath.IsAbs(home) {
			base = filepath.Join(home, ".cache")
		}
	}
	if base == "" {
		return filepath.Join(os.TempDir(), fmt.Sprintf("kinerja-%d", os.Getuid()))
	}
	return filepath.Join(base, "kinerja")
}

// progress returns a callback that shows "name: done/total" on the same
// terminal line, at most a few times a second, or nil when stderr is not
// a terminal (logs and CI get only the summary lines).
func (m *Main) progress(name string) func(done, total int) {
	f, ok := m.terminal.(*os.File)
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
	fmt.Fprintf(m.Stderr, "%-9s %s (%.2f s)\n", name+":", fmt.Sprintf(m.tr(format), args...), time.Since(start).Seconds())
}

// withData parses the shared source flags plus a command's own (added by
// flags) and runs the command with the pipeline's options.
func (m *Main) withData(name, usage string, args []string, flags func(*flag.FlagSet), run func(pipeline.Options) error) error {
	var f sourceFlags
	fs := newFlags(name)
	f.register(fs)
	flags(fs)
	if err := m.parse(fs, usage, args); err != nil {
		return err
	}
	f.dbSet = isSet(fs, "db")
	if !isSet(fs, "timeout") {
		f.timeout = 0 // the DSN's statement_timeout, else the default
	} else if f.timeout <= 0 {
		return m.usage("--timeout must be more than 0, e.g. 5m")
	}
	o, err := m.options(&f)
	if err != nil {
		return err
	}
	return run(o)
}

func (m *Main) build(ctx context.Context, args []string) error {
	var out, baseURL *string
	var keep *int
	var downloads *bool
	return m.withData("build", buildUsage, args, func(fs *flag.FlagSet) {
		out = fs.String("out", "public", "the folder to publish into (replaced only when the build succeeds)")
		baseURL = fs.String("base-url", "", "the site's public address (default: baseURL in hugo.toml)")
		keep = fs.Int("keep", site.DefaultKeep, "when --out is a link: builds to keep for 'kinerja rollback', the published one included")
		downloads = fs.Bool("downloads", true, "write the downloads for journalists (/data/, /api/); --downloads=false for a quicker draft")
	}, func(o pipeline.Options) error {
		if *keep < 1 {
			return m.usage("--keep must be 1 or more: the published build always stays")
		}
		o.BaseURL, o.Keep, o.NoDownloads = *baseURL, *keep, !*downloads
		if _, err := pipeline.Build(ctx, o, *out); err != nil {
			if ctx.Err() != nil { // Ctrl+C, SIGTERM: the same sentence at every stage
				return iku.Wrap(err, iku.Invalid, "the published site in %q is unchanged", *out)
			}
			return err
		}
		m.printf(m.Stdout, "Built %s: publish it with any web server, or preview it with 'kinerja serve'.\n", *out)
		return nil
	})
}

func (m *Main) serve(ctx context.Context, args []string) error {
	var port *int
	var bind, compare *string
	return m.withData("serve", serveUsage, args, func(fs *flag.FlagSet) {
		port = fs.Int("port", 1313, "the port to listen on")
		bind = fs.String("bind", "127.0.0.1", "the interface to listen on")
		compare = fs.String("compare", "", "the releases folder the data check compares with, as publish does")
	}, func(o pipeline.Options) error {
		o.Compare = *compare
		err := pipeline.Serve(ctx, o, *bind, *port)
		if err != nil && ctx.Err() != nil {
			return iku.Wrap(err, iku.Invalid, "the preview stopped before it started")
		}
		return err
	})
}
