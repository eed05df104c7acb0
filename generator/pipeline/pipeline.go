// Package pipeline runs the stages of a build in order: open the source,
// load, evaluate, draw the charts, write the site data and the downloads
// into a build folder, then run Hugo into a staging folder that replaces
// the published one on success. build, serve (and publish) and the tests
// share it; cmd/kinerja only parses flags and calls it (DESIGN.md, "Build
// pipeline").
package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"golang.org/x/sync/errgroup"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/download"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/preview"
	"github.com/tanjungbalai/kinerja/generator/release"
	"github.com/tanjungbalai/kinerja/generator/site"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// Source says where the data comes from: From (a bundle folder or zip),
// else DB when DBSet (a DSN; "" means the PG* variables alone), else
// DatabaseURL when not empty, else the embedded demo.
type Source struct {
	From        string
	DB          string
	DBSet       bool
	DatabaseURL string
	// Timeout bounds each query of the database (statement_timeout); 0 =
	// the connection string's, else postgres.DefaultStatementTimeout.
	Timeout time.Duration
}

// Options configure one run.
type Options struct {
	// SiteRoot is the site folder (hugo.toml, content/, data/, maybe
	// themes/); "" means Embedded, written into CacheDir by site.Unpack.
	// A folder without themes/kinerja uses the theme of Embedded.
	SiteRoot string
	Embedded fs.FS       // the site kinerja carries (the root package kinerja)
	CacheDir string      // kinerja's cache folder: the unpacked Embedded, with its .build and .cache
	Source   Source      // where the data comes from
	Latest   iku.Quarter // the quarter to publish up to; zero = the newest with data
	// BuildDir, when set, is an empty or new folder that keeps the
	// generated data for inspection; else a new folder under the site
	// folder's .build is used and removed by Close.
	BuildDir string
	BaseURL  string // overrides hugo.toml's baseURL
	// NoDownloads leaves out the files for journalists (/data/, /api/):
	// a quicker preview, and the floor that make bench measures them by.
	NoDownloads bool
	// SourceDate is $SOURCE_DATE_EPOCH when set: the date files record
	// when no release gives one.
	SourceDate time.Time
	// Releases is the releases folder (kinerja publish writes it): the
	// latest release drives the pages, every release is downloadable.
	// Empty: the data of Source, as a transient release.
	Releases string
	Keep     int       // when the output is a link: builds kept for rollback (0 = site.DefaultKeep)
	Stderr   io.Writer // one summary line per stage, and warnings
	// Progress, when set, returns a callback for a stage's progress on a
	// terminal (nil for none).
	Progress func(stage string) func(done, total int)
	// Preview adds the data check's report (/pemeriksaan/) to the site
	// data: serve sets it, a published build never does.
	Preview bool
	// previews: the build draws link previews (set by Build; serve has
	// none), beside the charts.
	previews bool
	// Previous is the dataset of the last release (or of the version a
	// revision revises), for the checks of changed units, polarities,
	// definitions and eased targets; nil skips them. PreviousName names it:
	// "2026-Q3 v1".
	Previous     *iku.Dataset
	PreviousName string
	// Compare, when Previous is nil, is a releases folder to take Previous
	// from, as publish does: the newest version of the checked quarter,
	// else the latest release (check and serve --compare).
	Compare string
	// ShardSize is how many indicators' pages one Hugo run makes at most
	// (0 = DefaultShardSize): a larger site is built in several runs, so
	// that memory stays bounded.
	ShardSize int
	// History are the releases published before (kinerja publish sets
	// them): the ratings are suppressed consistently with their tables.
	History []*release.Release
}

// DefaultShardSize bounds a Hugo run to the pages of 1,000 indicators (in
// two languages, with their embeddable charts: about 4,000 pages, under
// 1 GiB of memory).
const DefaultShardSize = 1000

// Prepared is a build folder ready for Hugo, with what it was made from.
type Prepared struct {
	Settings *Settings
	Dir      string // the build folder
	Dataset  *iku.Dataset
	Report   *iku.Report
	// Releases are the releases the site shows, oldest first; Current is
	// the one whose data drives the pages (a transient one when the
	// build has no releases folder).
	Releases []*release.Release
	Current  *release.Release
	// Models are the display model of every language, the default first;
	// nil for a site of more than sideBySide indicators, whose models are
	// dropped a language at a time once its data is made (writeLarge).
	Models []*display.Model
	// Shards are the folders of the Hugo runs of a large site (nil: one).
	Shards []string
	// Data are the files Hugo reads, not yet written (site.Options.Data):
	// a build whose pages come from the page cache never writes them.
	Data *Data
	// Files are the downloads: path in the site → the stored file, linked
	// into the new site after Hugo.
	Files  map[string]string
	keep   bool
	unlock func()           // unlocks the build folder (site.NewBuildDir)
	store  *filestore.Store // holds the files until they are linked into the site
	log    *stageLog
	// drawing draws the link previews and the charts' PNGs into their
	// cache from the display model on, beside the other stages and Hugo
	// (startDrawing); Finish waits for it, then links them.
	drawing *drawing
	// searchBin is Pagefind, as finishing found it ("": none).
	searchBin string
	// chartSVGFiles are the charts' standalone SVG files, by slash path
	// in the site, in the file store (storeChartSVGs, beside the data);
	// chartSVGsTime is the time that took.
	chartSVGFiles map[string]string
	chartSVGsTime time.Duration
}

// Root is the site folder.
func (p *Prepared) Root() string { return p.Settings.Root }

// Close removes the build folder unless it was named by Options.BuildDir,
// and lets other builds prune the file cache again.
func (p *Prepared) Close() {
	if p == nil {
		return
	}
	p.drawing.stop()
	if p.Dir != "" && !p.keep {
		site.RemoveTree(p.Dir) // a large site's data, when Hugo ran: 80,000 files at 10,000 indicators
	}
	if p.unlock != nil {
		p.unlock()
	}
	if p.store != nil {
		p.store.Close()
	}
}

// stageLog writes one summary line per stage, and a stage's progress on a
// terminal.
type stageLog struct {
	w        io.Writer
	progress func(stage string) func(done, total int)
}

func (l *stageLog) line(name string, start time.Time, format string, args ...any) {
	fmt.Fprintf(l.w, "%-9s %s (%.2f s)\n", name+":", fmt.Sprintf(format, args...), time.Since(start).Seconds())
}

func (l *stageLog) printf(format string, args ...any) { fmt.Fprintf(l.w, format, args...) }

func (l *stageLog) progressFor(stage string) func(done, total int) {
	if l.progress == nil {
		return nil
	}
	return l.progress(stage)
}

func newLog(o Options) *stageLog {
	w := o.Stderr
	if w == nil {
		w = io.Discard
	}
	return &stageLog{w: w, progress: o.Progress}
}

// Prepare runs every stage before Hugo, each a function of stages.go:
// settings, load, evaluate, (check), releases, display model, downloads,
// charts, site data.
func Prepare(ctx context.Context, o Options) (*Prepared, error) {
	log := newLog(o)
	s, err := LoadSettings(o)
	if err != nil {
		return nil, err
	}
	p := &Prepared{Settings: s, log: log}
	l, rep, err := loadAndEvaluate(ctx, o, s, log, true)
	if err != nil {
		return nil, err
	}
	p.Dataset, p.Report = l.Dataset, rep
	var check *CheckResult
	if o.Preview {
		t := time.Now()
		cfg := s.Checks
		if cfg.Previous, cfg.PreviousName, err = previousOf(o, rep.Latest); err != nil {
			return nil, err
		}
		check = &CheckResult{Dataset: l.Dataset, Report: rep, Quarter: rep.Latest, Findings: iku.Check(l.Dataset, rep, cfg)}
		check.Blocking, check.Warnings = iku.Tally(check.Findings)
		log.line("check", t, "%s, %s: the report is at /pemeriksaan/", plural(check.Blocking, "blocking problem"), plural(check.Warnings, "warning"))
	}
	if l.Current == nil {
		if l.Current, err = release.Transient(l.Dataset, rep.Latest, sourceKind(o.Source)); err != nil {
			return nil, err
		}
		l.Releases = []*release.Release{l.Current}
	}
	p.Releases, p.Current = l.Releases, l.Current
	if err := p.makeDir(o.BuildDir); err != nil {
		return nil, err
	}
	if err := p.write(ctx, o, l, check); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// loadAndEvaluate runs the first stages, shared by Prepare and Check:
// load (and disclosure control), evaluate, with their lines (and the data
// warnings when warn is set).
func loadAndEvaluate(ctx context.Context, o Options, s *Settings, log *stageLog, warn bool) (*Loaded, *iku.Report, error) {
	t := time.Now()
	l, err := Load(ctx, o, s.K)
	if err != nil {
		return nil, nil, err
	}
	// Service units' small counts go before anything else sees them.
	if err := disclosure.SuppressUnits(l.Dataset, s.UnitMinCount); err != nil {
		return nil, nil, err
	}
	if l.Folder != nil {
		noteFolder(log, l.Folder)
	}
	ds := l.Dataset
	units := ""
	if len(ds.UnitResults) > 0 {
		units = fmt.Sprintf(", %d service units with %d results", len(ds.Units), len(ds.UnitResults))
	}
	log.line("load", t, "%d sectors, %d agencies, %d indicators, %d targets, %d results%s from %s",
		len(ds.Sectors), len(ds.Agencies), len(ds.Indicators), len(ds.Targets), len(ds.Results), units, l.From)
	for _, y := range ds.RatingsKept {
		log.printf("  warning: the ratings of %d were corrected since they were published, but the corrected table would let a hidden count be derived: it is not published, the table published before is kept\n", y)
	}
	t = time.Now()
	latest := o.Latest
	if l.Current != nil {
		latest = l.Current.Q
	}
	rep, err := Evaluate(ctx, ds, s.Rules, latest)
	if err != nil {
		return nil, nil, err
	}
	evals := 0
	for _, ir := range rep.Indicators {
		evals += len(ir.Series)
	}
	log.line("evaluate", t, "%d evaluations, %s to %s, %s", evals, rep.First, rep.Latest, plural(len(rep.Warnings), "warning"))
	for i, w := range rep.Warnings {
		if !warn || i == 10 {
			if warn {
				log.printf("  … and %d more warnings\n", len(rep.Warnings)-10)
			}
			break
		}
		log.printf("  warning: %s\n", w)
	}
	return l, rep, nil
}

// sourceKind names a source for a release's manifest: what kind of
// source, never its host, role, database or path.
func sourceKind(s Source) string {
	switch {
	case s.From != "":
		return "CSV bundle"
	case s.DBSet || s.DatabaseURL != "":
		return "PostgreSQL (publik views)"
	}
	return "demo data (embedded, fictitious)"
}

// write runs the stages from the releases to the site data.
func (p *Prepared) write(ctx context.Context, o Options, l *Loaded, check *CheckResult) error {
	s, log := p.Settings, p.log
	t := time.Now()
	rel, err := Releases(ctx, l, p.Report, s.Rules, !o.NoDownloads)
	if err != nil {
		return err
	}
	log.line("releases", t, "%s, %s, %s", plural(rel.Quarters, "release"), plural(rel.Versions, "version"), plural(len(rel.Revisions), "revision"))
	warnEarlyNotes(log, s.Root, p.Releases)

	t = time.Now()
	in := display.Input{Report: p.Report, Dataset: p.Dataset, Calendar: s.Calendar, K: s.K, UnitMinCount: s.UnitMinCount,
		Releases: rel.Inputs, Revisions: rel.Revisions, RatingRevisions: rel.RatingRevisions, Preview: o.Preview,
		Address: p.baseURL(o)}
	if len(p.Report.Indicators) > sideBySide && !o.NoDownloads {
		return p.writeLarge(ctx, o, in, rel, check)
	}
	models, err := Display(ctx, in, s.Langs, check)
	if err != nil {
		return err
	}
	p.Models = models
	log.printf("%-9s %d records in %s (%.2f s)\n", "display:", records(models[0]), plural(len(models), "language"), time.Since(t).Seconds())
	if o.previews {
		// The link previews and chart images are drawn from the display
		// records alone, into their cache, while everything after runs:
		// the downloads, charts and data, and Hugo. Finish waits for them.
		previews, images := p.drawingJobs(models)
		p.startDrawing(ctx, previews, images)
	}

	// The downloads and the charts need only the display model: they run
	// side by side (with the drawing). Each prints its line when both are
	// done, in this order, with its own time.
	g, gctx := errgroup.WithContext(ctx)
	var (
		dl     *Downloaded
		dlLine string
		drawn  *sitedata.Drawn
		chTime time.Duration
	)
	if !o.NoDownloads {
		g.Go(func() error {
			var err error
			dl, dlLine, err = p.downloads(gctx, o, models[0], rel)
			return err
		})
	}
	g.Go(func() error {
		t := time.Now()
		var err error
		drawn, err = Charts(gctx, models, filepath.Join(s.Root, ".cache", "charts"), log.progressFor("charts"))
		chTime = time.Since(t)
		return err
	})
	if err := g.Wait(); err != nil {
		return err
	}
	files := map[string][]display.FileIn{}
	if dl != nil {
		p.Files, files = dl.Links, dl.Pages
		log.printf("%s", dlLine)
	}
	for _, m := range models {
		m.SetFiles(files)
	}
	charts := drawn.Charts
	log.printf("%s", chartsLine(len(charts), drawn.Cached, drawn.ECharts, len(models), chTime))

	t = time.Now()
	inMemory := maxDataInMemory
	if p.keep {
		inMemory = 0 // a build folder kept for inspection holds its data
	}
	// The charts' standalone SVG files are made beside the data, while the
	// charts are at hand (storeChartSVGs).
	g, gctx = errgroup.WithContext(ctx)
	if p.store != nil {
		g.Go(func() error {
			t := time.Now()
			var err error
			p.chartSVGFiles, err = p.storeChartSVGs(gctx, models, charts)
			p.chartSVGsTime = time.Since(t)
			return err
		})
	}
	g.Go(func() error {
		var err error
		p.Data, err = DataFiles(gctx, p.Dir, models, charts, cmp.Or(o.ShardSize, DefaultShardSize), inMemory)
		return err
	})
	if err := g.Wait(); err != nil {
		return err
	}
	p.Shards = p.Data.Shards
	p.dataLine(t)
	return nil
}

// writeLarge is write for a site of more than sideBySide indicators,
// which holds one language's display model at a time (at 50,000
// indicators each is about 1 GB): the default language's model is made
// first, and the downloads from it alone; then, a language at a time, its
// model, its charts (left in their cache), its charts' SVG files, its
// data (written into the build folder as it is made, not held for Hugo)
// and its images' jobs; the model is dropped before the next language's
// is made. The drawing starts when every language's jobs are made, and
// nothing after reads a model (Prepared.Models is nil).
func (p *Prepared) writeLarge(ctx context.Context, o Options, in display.Input, rel *Released, check *CheckResult) error {
	s, log := p.Settings, p.log
	t := time.Now()
	// The service units are evaluated once, for every language.
	if len(p.Dataset.UnitResults) > 0 {
		var err error
		if in.Units, err = iku.EvaluateUnits(p.Dataset, p.Report); err != nil {
			return err
		}
	}
	first, err := Display(ctx, in, s.Langs[:1], check)
	if err != nil {
		return err
	}
	displayTime, nRecords := time.Since(t), records(first[0])
	dl, dlLine, err := p.downloads(ctx, o, first[0], rel)
	if err != nil {
		return err
	}
	log.printf("%s", dlLine)
	p.Files = dl.Links
	// The downloads' rows (about 1 GB at 50,000 indicators) are garbage
	// now: collected and given back before the next model is made.
	dl = &Downloaded{Pages: dl.Pages}
	debug.FreeOSMemory()

	var (
		data             *Data
		previews, images []preview.Job
		langs            []string
		demo             bool
		nCharts, cached  int
		byEC             int
		chTime, dataTime time.Duration
	)
	p.chartSVGFiles = map[string]string{}
	for i, l := range s.Langs {
		var m *display.Model
		if i == 0 {
			m, first = first[0], nil
		} else {
			t := time.Now()
			more, err := Display(ctx, in, []display.Lang{l}, check)
			if err != nil {
				return err
			}
			m, displayTime = more[0], displayTime+time.Since(t)
		}
		m.SetFiles(dl.Pages)
		if o.previews {
			pj, ij := p.drawingJobs([]*display.Model{m})
			previews, images = append(previews, pj...), append(images, ij...)
		}
		t := time.Now()
		drawn, err := Charts(ctx, []*display.Model{m}, filepath.Join(s.Root, ".cache", "charts"), log.progressFor("charts"))
		if err != nil {
			return err
		}
		chTime += time.Since(t)
		nCharts, cached, byEC = nCharts+len(drawn.Charts), cached+drawn.Cached, byEC+drawn.ECharts
		if data == nil {
			data = writtenData(p.Dir, m, cmp.Or(o.ShardSize, DefaultShardSize))
		}
		t = time.Now()
		g, gctx := errgroup.WithContext(ctx)
		g.Go(func() error {
			t := time.Now()
			svgs, err := p.storeChartSVGs(gctx, []*display.Model{m}, drawn.Charts)
			maps.Copy(p.chartSVGFiles, svgs)
			p.chartSVGsTime += time.Since(t)
			return err
		})
		g.Go(func() error { return data.addLanguage(gctx, m, drawn.Charts) })
		if err := g.Wait(); err != nil {
			return err
		}
		dataTime += time.Since(t)
		langs, demo = append(langs, m.Lang), demo || m.Site.Demo
		// This language's model, charts and data are done with: collected
		// before the next language's are made.
		m, drawn = nil, nil
		debug.FreeOSMemory()
	}
	if err := data.addMeta(langs, demo); err != nil {
		return err
	}
	p.Data, p.Shards = data, data.Shards
	log.printf("%-9s %d records in %s, one at a time (%.2f s)\n", "display:", nRecords, plural(len(langs), "language"), displayTime.Seconds())
	log.printf("%s", chartsLine(nCharts, cached, byEC, len(langs), chTime))
	if o.previews {
		p.startDrawing(ctx, previews, images)
	}
	p.dataLine(time.Now().Add(-dataTime))
	return nil
}

// downloads makes the downloads of the display model m (Downloads) into
// the file store, which it opens (Prepared.store), and prunes the store;
// it returns them and their line for the log.
func (p *Prepared) downloads(ctx context.Context, o Options, m *display.Model, rel *Released) (*Downloaded, string, error) {
	t := time.Now()
	store, err := filestore.Open(filepath.Join(p.Settings.Root, ".cache", "files"))
	if err != nil {
		return nil, "", err
	}
	p.store = store
	dl, err := Downloads(ctx, DownloadsIn{Model: m, Meta: p.downloadsMeta(o), Base: p.baseURL(o), Frozen: rel.Frozen, Store: store})
	if err != nil {
		return nil, "", err
	}
	// What the last builds did not use goes, unless another build is
	// using the cache.
	_, removed, freed, err := store.Prune(filestore.Keep)
	if err != nil {
		return nil, "", err
	}
	pruneLine := ""
	if removed > 0 {
		pruneLine = fmt.Sprintf("; %d old files removed from the cache (%.1f MB)", removed, float64(freed)/1e6)
	}
	n, made, fresh, size := dl.Result.Counts()
	return dl, fmt.Sprintf("%-9s %d files, %.1f MB, with the API (%d documents): %d made, %d new (%.1f MB written), the rest from the cache%s (%.2f s)\n", "downloads:",
		n, float64(size)/1e6, dl.Result.API, made, fresh, float64(dl.Written)/1e6, pruneLine, time.Since(t).Seconds()), nil
}

// chartsLine is the log's line of the charts stage.
func chartsLine(n, cached, byEC, langs int, took time.Duration) string {
	return fmt.Sprintf("%-9s %d charts in %s, %d drawn (%d in Go, %d by ECharts), %d from the cache (%.2f s)\n", "charts:", n, plural(langs, "language"),
		n-cached, n-cached-byEC, byEC, cached, took.Seconds())
}

// dataLine logs the data stage, begun at t.
func (p *Prepared) dataLine(t time.Time) {
	runs := ""
	if len(p.Shards) > 0 {
		runs = fmt.Sprintf(", for %d Hugo runs", len(p.Shards))
	}
	p.log.line("data", t, "made for %d agencies, %d indicators, %d sectors%s", len(p.Report.Agencies), len(p.Report.Indicators), len(p.Report.Sectors), runs)
}

// sideBySide is the most indicators whose downloads, charts and data are
// made beside each other from every language's model at once; a larger
// site holds one language's model at a time (writeLarge). A var for the
// tests.
var sideBySide = 2000

// maxDataInMemory is the most data a build holds in memory, not written,
// until it knows whether Hugo runs: about 70 MB at 1,000 indicators; a
// larger site's data is only hashed as it is made, and made again if Hugo
// runs (Data), so that it does not count against peak memory. (A site of
// more than sideBySide indicators writes its data as it is made.)
var maxDataInMemory = 256 << 20

// records counts a model's page records.
func records(m *display.Model) int {
	return len(m.Indicators) + len(m.Agencies) + len(m.Sectors) + len(m.Comparisons) + len(m.Releases) + 1
}

// baseURL is the site's public address, ending in "/".
func (p *Prepared) baseURL(o Options) string {
	base := cmp.Or(o.BaseURL, p.Settings.Config.BaseURL)
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base
}

// downloadsMeta is what every download says about where its data comes
// from, in the default language (Indonesian).
func (p *Prepared) downloadsMeta(o Options) download.Meta {
	cfg := p.Settings.Config
	publisher := cmp.Or(cfg.Params.Publisher, "Pemerintah Kota Tanjungbalai")
	title := "Indikator Kinerja Utama Perangkat Daerah " + cmp.Or(cfg.Params.City, "Kota Tanjungbalai")
	source := fmt.Sprintf("%s, data sampai %s", publisher, p.Report.Latest)
	var notes []string
	if p.Dataset.Fictitious {
		title += " (data contoh fiktif)"
		source += " (data contoh fiktif, bukan data resmi)"
		notes = append(notes, "Data contoh: semua angka fiktif, dibuat untuk memperagakan portal, bukan data resmi.")
	}
	return download.Meta{
		Title: title, Source: source, Publisher: cmp.Or(cfg.Params.Office, publisher),
		Citation:     fmt.Sprintf("%s (%d). %s, data sampai %s. %s%s/", publisher, p.Report.Latest.Year, title, p.Report.Latest, p.baseURL(o), download.Folder),
		Notes:        notes,
		Published:    p.published(o),
		ContactEmail: cfg.Params.ContactEmail,
	}
}

// published is the date the downloads record as their publication: the
// release's day, else SOURCE_DATE_EPOCH (the reproducible-builds
// convention), else the last day of the quarter. Never the clock.
func (p *Prepared) published(o Options) time.Time {
	if p.Current != nil && p.Current.Published != "" {
		if t, err := time.Parse("2006-01-02", p.Current.Published); err == nil {
			return t
		}
	}
	if !o.SourceDate.IsZero() {
		return o.SourceDate.UTC()
	}
	return download.QuarterEnd(p.Report.Latest)
}

// makeDir makes the build folder: the empty folder named, kept afterwards
// for inspection, or a new folder under the site's .build/.
func (p *Prepared) makeDir(named string) error {
	if named != "" {
		abs, err := filepath.Abs(named)
		if err != nil {
			return err
		}
		if entries, _ := os.ReadDir(abs); len(entries) > 0 {
			return iku.Errorf(iku.Invalid, "KINERJA_BUILD_DIR %q is not empty: name a new or empty folder", abs)
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return err
		}
		p.Dir, p.keep = abs, true
		return nil
	}
	dir, unlock, err := site.NewBuildDir(p.Settings.Root)
	if err != nil {
		return err
	}
	p.Dir, p.unlock = dir, unlock
	return nil
}

// Build prepares the data and builds the site into out. Building from a
// releases folder holds it (shared) until the site is published, so that
// no publish adds or removes a release meanwhile.
func Build(ctx context.Context, o Options, out string) (site.Stats, error) {
	if o.Releases != "" {
		unlock, err := release.RLock(o.Releases)
		if err != nil {
			return site.Stats{}, err
		}
		defer unlock()
	}
	return build(ctx, o, out, nil)
}

// build is Build for a caller that holds the releases folder; at, when
// set, is called with "site-staged" once the new site is complete and
// not yet published (see PublishOptions.At).
func build(ctx context.Context, o Options, out string, at func(stage string)) (site.Stats, error) {
	o.previews = true
	p, err := Prepare(ctx, o)
	if err != nil {
		return site.Stats{}, err
	}
	defer p.Close()
	if err := site.CleanDebris(p.Settings.Root, out); err != nil {
		return site.Stats{}, err
	}
	so := site.Options{SiteRoot: p.Settings.Root, ThemesDir: p.Settings.Themes, BuildDir: p.Dir, Out: out, BaseURL: o.BaseURL, Keep: o.Keep,
		Stderr: p.log.w, Shards: p.Shards, Files: p.Files, Data: p.Data}
	p.finishing(&so)
	// A build whose every input is the published site's keeps that site
	// (site.Options.Key); a publish (at is set) always makes a new one,
	// as its release is new.
	if so.Key, err = p.finishKey(ctx, p.searchBin); err != nil {
		return site.Stats{}, err
	}
	so.Anew = at != nil
	if p.chartSVGFiles != nil {
		// Once Hugo has run or its pages came from the cache, nothing
		// needs to make the data again.
		finish := so.Finish
		so.Finish = func(ctx context.Context, dir string) error {
			p.Data.Release()
			return finish(ctx, dir)
		}
	}
	if at != nil {
		finish := so.Finish
		so.Finish = func(ctx context.Context, dir string) error {
			if err := finish(ctx, dir); err != nil {
				return err
			}
			at("site-staged")
			return nil
		}
	}
	st, err := site.Build(ctx, so)
	if err != nil {
		return st, err
	}
	if st.Unchanged {
		if p.store != nil {
			if err := p.store.Save(); err != nil {
				return st, err
			}
		}
		p.log.printf("%-9s unchanged: every input is the one the site in %s was built from, so it is kept as it is (%d pages, %d files) (%.2f s)\n", "site:", out, st.Pages, st.Files, st.Duration.Seconds())
		return st, nil
	}
	cached := ""
	if st.PagesCached {
		cached = ", the pages from the cache (Hugo's input unchanged)"
	}
	p.log.printf("%-9s %d pages, %d files in %s%s (%.2f s)\n", "site:", st.Pages, st.Files, out, cached, st.Duration.Seconds())
	return st, nil
}

// Serve prepares the data and serves a live preview until ctx ends.
func Serve(ctx context.Context, o Options, bind string, port int) error {
	o.Preview = true
	p, err := Prepare(ctx, o)
	if err != nil {
		return err
	}
	defer p.Close()
	p.log.printf("Preview at http://localhost:%d/ (Ctrl+C to stop); the data check at http://localhost:%d/pemeriksaan/\n", port, port)
	return site.Serve(ctx, site.Options{SiteRoot: p.Settings.Root, ThemesDir: p.Settings.Themes, BuildDir: p.Dir, Preview: true, Files: p.Files, Data: p.Data,
		BaseURL: fmt.Sprintf("http://localhost:%d/", port), Stderr: p.log.w}, bind, port)
}

// plural writes "1 warning", "2 warnings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// CheckResult is what Check found.
type CheckResult struct {
	Dataset  *iku.Dataset
	Report   *iku.Report
	Quarter  iku.Quarter // the quarter checked
	Findings []iku.Finding
	Blocking int // findings that block publishing
	Warnings int
}

// Publishable reports whether no finding blocks publishing.
func (r *CheckResult) Publishable() bool { return r.Blocking == 0 }

// Check loads and evaluates the data exactly as Prepare does (the site's
// settings, o.Latest), without charts, data files or Hugo, and runs the
// data checks of iku.Check with the site's data/pemeriksaan.toml.
func Check(ctx context.Context, o Options) (*CheckResult, error) {
	s, err := LoadSettings(o)
	if err != nil {
		return nil, err
	}
	l, rep, err := loadAndEvaluate(ctx, o, s, newLog(o), false)
	if err != nil {
		return nil, err
	}
	cfg := s.Checks
	if cfg.Previous, cfg.PreviousName, err = previousOf(o, rep.Latest); err != nil {
		return nil, err
	}
	r := &CheckResult{Dataset: l.Dataset, Report: rep, Quarter: rep.Latest}
	r.Findings = iku.Check(l.Dataset, rep, cfg)
	r.Blocking, r.Warnings = iku.Tally(r.Findings)
	return r, nil
}

// previousOf is the dataset a check of quarter q compares with, and its
// name: o.Previous, else the release that previous picks in the folder
// o.Compare, else none.
func previousOf(o Options, q iku.Quarter) (*iku.Dataset, string, error) {
	if o.Previous != nil || o.Compare == "" {
		return o.Previous, o.PreviousName, nil
	}
	if _, err := os.Stat(o.Compare); err != nil {
		return nil, "", iku.Errorf(iku.Invalid, "there is no releases folder %q to compare with: name the folder kinerja publish writes (--compare releases)", o.Compare)
	}
	unlock, err := release.RLock(o.Compare)
	if err != nil {
		return nil, "", err
	}
	defer unlock()
	f, err := release.Open(o.Compare)
	if err != nil {
		return nil, "", err
	}
	r := previous(f.Releases, q)
	if r == nil {
		return nil, "", nil
	}
	ds, err := r.Dataset()
	if err != nil {
		return nil, "", err
	}
	return ds, r.Label(), nil
}

// previous is the release that data for quarter q is compared with: the
// newest version of q (which a publish of q revises), else the latest
// release; nil when there is none.
func previous(rs []*release.Release, q iku.Quarter) *release.Release {
	if versions := release.OfQuarter(rs, q); len(versions) > 0 {
		return versions[len(versions)-1]
	}
	return release.Latest(rs)
}
