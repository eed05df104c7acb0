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
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/download"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
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
	// Previous is the dataset of the last release, for the checks of
	// changed units, polarities and definitions; nil skips them.
	Previous *iku.Dataset
	// ShardSize is how many indicators' pages one Hugo run makes at most
	// (0 = DefaultShardSize): a larger site is built in several runs, so
	// that memory stays bounded.
	ShardSize int
	// History are the releases published before (kinerja publish sets
	// them): the ratings are suppressed consistently with their tables.
	History []*release.Release
}

// DefaultShardSize bounds a Hugo run to the pages of 2,500 indicators (in
// two languages, with their embeddable charts: about 10,000 pages).
const DefaultShardSize = 2500

// Prepared is a build folder ready for Hugo, with what it was made from.
type Prepared struct {
	Root    string // the site folder
	Themes  string // the theme's parent folder when the site has no themes/kinerja, else ""
	Dir     string // the build folder
	Dataset *iku.Dataset
	Report  *iku.Report
	Demo    bool // fictitious data: every page says so
	// Releases are the releases the site shows, oldest first; Current is
	// the one whose data drives the pages (a transient one when the
	// build has no releases folder).
	Releases []*release.Release
	Current  *release.Release
	// Models are the display model of every language, the default first.
	Models      []*display.Model
	rules       iku.Rules
	baseURL     string
	noDownloads bool
	sourceDate  time.Time
	keep        bool
	unlock      func() // unlocks the build folder (site.NewBuildDir)
	stderr      io.Writer
	progress    func(stage string) func(done, total int)
	check       *sitedata.Check // the preview's data check
	k           int             // the privacy threshold the ratings were suppressed with
	calendar    []display.CalendarEntry
	shardSize   int
	shards      []string          // the shards' folders, when the site is made in several Hugo runs
	siteTitles  map[string]string // hugo.toml's title in each language
	badges      map[string]string // the demo's mark in each language, when the data is fictitious
	files       map[string]string // the downloads: path in the site → the stored file (site.Options.Files)
	store       *filestore.Store  // holds the files until they are linked into the site
}

// Close removes the build folder unless it was named by Options.BuildDir,
// and lets other builds prune the file cache again.
func (p *Prepared) Close() {
	if p != nil && p.Dir != "" && !p.keep {
		os.RemoveAll(p.Dir)
	}
	if p != nil && p.unlock != nil {
		p.unlock()
	}
	if p != nil && p.store != nil {
		p.store.Close()
	}
}

// Open opens the data source.
func Open(ctx context.Context, s Source) (iku.Source, func(), error) {
	if s.From != "" {
		src, err := bundle.OpenPath(release.Newest(s.From))
		if err != nil {
			return nil, nil, err
		}
		return src, func() {}, nil
	}
	dsn := s.DB
	if !s.DBSet {
		dsn = s.DatabaseURL
		if dsn == "" {
			return bundle.Demo(), func() {}, nil
		}
	}
	src, err := postgres.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	src.StatementTimeout = s.Timeout
	return src, func() { src.Close() }, nil
}

// Prepare runs every stage before Hugo: load, evaluate, draw, write.
func Prepare(ctx context.Context, o Options) (*Prepared, error) {
	root, themes, err := siteFolders(o)
	if err != nil {
		return nil, err
	}
	stderr := o.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	p := &Prepared{Root: root, Themes: themes, stderr: stderr, progress: o.Progress, baseURL: o.BaseURL, noDownloads: o.NoDownloads, sourceDate: o.SourceDate,
		shardSize: cmp.Or(o.ShardSize, DefaultShardSize)}
	rules, err := sitedata.LoadRules(root)
	if err != nil {
		return nil, err
	}
	themeDir := filepath.Join(root, "themes", site.Theme)
	if themes != "" {
		themeDir = filepath.Join(themes, site.Theme)
	}
	cfg, err := sitedata.LoadConfig(root)
	if err != nil {
		return nil, err
	}
	// The messages of every language of the site, the default first: the
	// downloads are written in the default language, the charts in each.
	var msgs []langMessages
	langs := cfg.LanguageList()
	words, err := sitedata.LoadWords(root, themeDir, langs, langs[0])
	if err != nil {
		return nil, err
	}
	for _, lang := range langs {
		m, err := sitedata.LoadMessages(root, themeDir, lang)
		if err != nil {
			return nil, err
		}
		msgs = append(msgs, langMessages{lang: lang, msgs: m, words: words[lang], city: cfg.City(lang)})
	}
	p.siteTitles, p.badges = map[string]string{}, map[string]string{}
	for _, lang := range langs {
		p.siteTitles[lang] = cfg.SiteTitle(lang)
	}
	cal, err := sitedata.LoadCalendar(root)
	if err != nil {
		return nil, err
	}
	p.calendar = cal

	if err := p.load(ctx, o, rules, true); err != nil {
		return nil, err
	}
	if p.Demo {
		for _, lang := range langs {
			p.badges[lang] = words[lang].T("demo_title", nil)
		}
	}
	if o.Preview {
		t := time.Now()
		cfg, err := sitedata.LoadCheckConfig(root)
		if err != nil {
			return nil, err
		}
		cfg.Previous = o.Previous
		fs := iku.Check(p.Dataset, p.Report, cfg)
		p.check = &sitedata.Check{Quarter: p.Report.Latest, Findings: fs}
		b, w := iku.Tally(fs)
		p.stage("check", t, "%s, %s: the report is at /pemeriksaan/", plural(b, "blocking problem"), plural(w, "warning"))
	}

	if err := p.makeDir(o.BuildDir); err != nil {
		return nil, err
	}
	if err := p.write(ctx, msgs); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// load reads the data (the latest release of o.Releases, up to o.Latest
// when set; else the source) and evaluates it, with one summary line per
// stage (and the data warnings when warn is set). A build without releases
// makes a transient one in memory.
func (p *Prepared) load(ctx context.Context, o Options, rules iku.Rules, warn bool) error {
	t := time.Now()
	ds, describe, err := p.read(ctx, o)
	if err != nil {
		return err
	}
	p.stage("load", t, "%d sectors, %d agencies, %d indicators, %d targets, %d results from %s",
		len(ds.Sectors), len(ds.Agencies), len(ds.Indicators), len(ds.Targets), len(ds.Results), describe)
	// Disclosure control before anything else sees the ratings: every
	// later stage (pages, charts, downloads, releases) gets the published
	// table only.
	k, err := sitedata.LoadPrivacy(p.Root)
	if err != nil {
		return err
	}
	if err := release.ProtectRatings(ds, k, o.History); err != nil {
		return err
	}
	for _, y := range ds.RatingsKept {
		fmt.Fprintf(p.stderr, "  warning: the ratings of %d were corrected since they were published, but the corrected table would let a hidden count be derived: it is not published, the table published before is kept\n", y)
	}
	p.k = k
	p.Dataset, p.Demo = ds, ds.Fictitious

	t = time.Now()
	latest := o.Latest
	if p.Current != nil {
		latest = p.Current.Q
	}
	rep, err := iku.Evaluate(ds, rules, iku.Options{Latest: latest})
	if err != nil {
		return err
	}
	evals := 0
	for _, ir := range rep.Indicators {
		evals += len(ir.Series)
	}
	p.stage("evaluate", t, "%d evaluations, %s to %s, %s", evals, rep.First, rep.Latest, plural(len(rep.Warnings), "warning"))
	for i, w := range rep.Warnings {
		if !warn || i == 10 {
			if warn {
				fmt.Fprintf(p.stderr, "  … and %d more warnings\n", len(rep.Warnings)-10)
			}
			break
		}
		fmt.Fprintf(p.stderr, "  warning: %s\n", w)
	}
	if p.Current == nil {
		if p.Current, err = release.Transient(ds, rep.Latest, sourceKind(o.Source)); err != nil {
			return err
		}
		p.Releases = []*release.Release{p.Current}
	}
	p.rules = rules
	p.Report = rep
	return nil
}

// read reads the dataset: the latest release of o.Releases (up to
// o.Latest when set), else the source.
func (p *Prepared) read(ctx context.Context, o Options) (*iku.Dataset, string, error) {
	if o.Releases != "" {
		f, err := release.Open(o.Releases)
		if err != nil {
			return nil, "", err
		}
		p.noteFolder(f)
		rs := f.Releases
		if !o.Latest.IsZero() {
			rs = slices.DeleteFunc(rs, func(r *release.Release) bool { return o.Latest.Before(r.Q) })
		}
		cur := release.Latest(rs)
		if cur == nil {
			upTo := ""
			if !o.Latest.IsZero() {
				upTo = " up to " + o.Latest.String()
			}
			return nil, "", iku.Errorf(iku.Invalid, "the releases folder %q holds no release%s yet: publish one with kinerja publish", o.Releases, upTo)
		}
		ds, err := cur.Dataset()
		if err != nil {
			return nil, "", err
		}
		p.Releases, p.Current = rs, cur
		return ds, "release " + cur.Label(), nil
	}
	src, closeSrc, err := Open(ctx, o.Source)
	if err != nil {
		return nil, "", err
	}
	defer closeSrc()
	ds, err := src.Load(ctx)
	if err != nil {
		return nil, "", err
	}
	return ds, src.Describe(), nil
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

// siteFolders returns the site folder and, when it has no theme of its
// own, the folder holding the theme kinerja carries.
func siteFolders(o Options) (root, themes string, err error) {
	unpack := func() (string, error) {
		if o.Embedded == nil || o.CacheDir == "" {
			return "", iku.Errorf(iku.Internal, "no site folder given and no embedded site")
		}
		return site.Unpack(o.Embedded, o.CacheDir)
	}
	if o.SiteRoot == "" {
		root, err = unpack()
		return root, "", err
	}
	if root, err = filepath.Abs(o.SiteRoot); err != nil {
		return "", "", err
	}
	if _, err := os.Stat(filepath.Join(root, "hugo.toml")); err != nil {
		return "", "", iku.Errorf(iku.Invalid, "there is no hugo.toml in %q: name a site folder with --site, make one with kinerja init, or leave --site out to build the site kinerja carries", root)
	}
	if site.HasTheme(root) {
		return root, "", nil
	}
	embedded, err := unpack()
	if err != nil {
		return "", "", err
	}
	return root, filepath.Join(embedded, "themes"), nil
}

// langMessages are one language's i18n messages.
type langMessages struct {
	lang  string
	msgs  sitedata.Messages
	words *sitedata.Words
	city  string
}

// write writes the downloads, builds the display model of every
// language, draws its charts and writes the site data.
func (p *Prepared) write(ctx context.Context, msgs []langMessages) error {
	rels, revisions, frozen, err := p.releases()
	if err != nil {
		return err
	}
	t := time.Now()
	in := display.Input{Report: p.Report, Dataset: p.Dataset, Calendar: p.calendar, K: p.k}
	for _, ri := range rels {
		r := ri.Release
		rin := display.ReleaseIn{Key: r.Key(), Quarter: r.Q, Version: r.Version, Published: r.Published, Reason: r.Reason,
			Forced: r.Forced, Current: ri.Current, Report: ri.Report, Zip: display.FileIn{Format: ri.Zip.Format, Path: ri.Zip.Path, Bytes: ri.Zip.Bytes}}
		for _, f := range ri.Files {
			rin.Files = append(rin.Files, display.FileIn{Format: f.Format, Path: f.Path, Bytes: f.Bytes})
		}
		in.Releases = append(in.Releases, rin)
	}
	ratings := map[*release.Release][]iku.RatingCount{}
	var rs []*release.Release
	for _, ri := range rels {
		ratings[ri.Release] = ri.Ratings
		rs = append(rs, ri.Release)
	}
	for _, rv := range release.RatingRevisions(rs, ratings) {
		in.RatingRevisions = append(in.RatingRevisions, display.RatingRevisionIn{Year: rv.Year, InKey: rv.In.Key(), Kept: rv.Kept})
	}
	for _, rv := range revisions {
		in.Revisions = append(in.Revisions, display.RevisionIn{Indicator: rv.Indicator, Quarter: rv.Quarter, Old: rv.Old, New: rv.New,
			From: rv.From.Label(), In: rv.In.Label(), InKey: rv.In.Key(), Reason: rv.In.Reason})
	}
	var dict []display.DictIn
	for _, c := range download.FlatColumns() {
		dict = append(dict, display.DictIn{Name: c.Name, Title: c.Title, Type: string(c.Type), Unit: c.Unit, Description: c.Description})
	}
	var models []*display.Model
	for i, lm := range msgs {
		prefix := ""
		if i > 0 {
			prefix = lm.lang + "/"
		}
		m, err := display.Build(in, display.Lang{Code: lm.lang, Prefix: prefix, Words: lm.words, Default: i == 0, Fallback: msgs[0].lang, City: lm.city})
		if err != nil {
			return err
		}
		m.SetDictionary(dict)
		if p.check != nil {
			m.SetCheck(p.check.Quarter, p.check.Findings)
		}
		models = append(models, m)
	}
	// The downloads are written from the default language's model; then
	// every model lists them.
	spent := time.Since(t)
	files := map[string][]display.FileIn{}
	if !p.noDownloads {
		dl, err := p.downloads(ctx, models[0], frozen)
		if err != nil {
			return err
		}
		for page, ls := range dl.Pages {
			files[page] = fileIns(ls)
		}
		files["catalogue"] = fileIns(dl.Catalogue)
	}
	t = time.Now().Add(-spent)
	for _, m := range models {
		m.SetFiles(files)
	}
	p.Models = models

	// The charts of every language, drawn from the records the pages
	// print (their time is not the data's).
	tc := time.Now()
	renderer, err := chart.NewRenderer(ctx, filepath.Join(p.Root, ".cache", "charts"))
	if err != nil {
		return err
	}
	drawn, err := sitedata.DrawCharts(ctx, renderer, models, p.progressFor("charts"))
	renderer.Close()
	if err != nil {
		return err
	}
	p.stage("charts", tc, "%d charts in %s, %d drawn by ECharts, %d from the cache", len(drawn.Charts), plural(len(msgs), "language"), len(drawn.Charts)-drawn.Cached, drawn.Cached)
	t = t.Add(time.Since(tc))

	shards := p.shardSlugs()
	if err := sitedata.WritePages(p.Dir, sitedata.Pages{Models: models, Charts: drawn.Charts, Sharded: shards != nil}); err != nil {
		return err
	}
	// A large site is made in several Hugo runs: the first makes every
	// page but the indicators' (its shard names none), each next one the
	// pages of its share of the indicators.
	p.shards = nil
	for i, slugs := range shards {
		dir := filepath.Join(p.Dir, "shards", strconv.Itoa(i))
		files, err := sitedata.ShardFiles(models, slugs)
		if err != nil {
			return err
		}
		if err := sitedata.WriteFiles(dir, files); err != nil {
			return err
		}
		p.shards = append(p.shards, dir)
	}
	p.stage("data", t, "written for %d agencies, %d indicators, %d sectors", len(p.Report.Agencies), len(p.Report.Indicators), len(p.Report.Sectors))
	return nil
}

// shardSlugs splits the indicators into the shards of Hugo runs: nil when
// one run makes the whole site; else a first shard with none (the run that
// makes every other page), then ShardSize indicators each.
func (p *Prepared) shardSlugs() [][]string {
	n := len(p.Report.Indicators)
	if n <= p.shardSize {
		return nil
	}
	out := [][]string{nil}
	for i := 0; i < n; i += p.shardSize {
		var slugs []string
		for _, ir := range p.Report.Indicators[i:min(n, i+p.shardSize)] {
			slugs = append(slugs, ir.Indicator.Slug)
		}
		out = append(out, slugs)
	}
	return out
}

func fileIns(ls []download.Link) []display.FileIn {
	out := make([]display.FileIn, len(ls))
	for i, l := range ls {
		out[i] = display.FileIn{Format: string(l.Format), Path: l.Path, Bytes: l.Bytes}
	}
	return out
}

// releases evaluates the newest version of each release's quarter for its
// summary, computes the revisions between releases, and writes every
// version's frozen files under static/data/rilis/ (each as files and as
// one zip).
func (p *Prepared) releases() ([]sitedata.ReleaseInput, []release.Revision, []download.File, error) {
	t := time.Now()
	datasets := map[*release.Release]*iku.Dataset{}
	var out []sitedata.ReleaseInput
	var frozen []download.File
	for i, r := range p.Releases {
		ds := p.Dataset
		if r != p.Current {
			var err error
			if ds, err = r.Dataset(); err != nil {
				return nil, nil, nil, err
			}
		}
		datasets[r] = ds
		ri := sitedata.ReleaseInput{Release: r, Current: r == p.Current, Ratings: ds.Ratings}
		if i == len(p.Releases)-1 || p.Releases[i+1].Q != r.Q {
			rep := p.Report
			if r != p.Current {
				var err error
				if rep, err = iku.Evaluate(ds, p.rules, iku.Options{Latest: r.Q}); err != nil {
					return nil, nil, nil, iku.Wrap(err, iku.Invalid, "the release %s does not evaluate: %s", r.Label(), iku.ErrorMessage(err))
				}
			}
			ri.Report = rep
		}
		// A transient release (a build without releases) is not frozen:
		// its data is the build's own /data/bundle/.
		if !p.noDownloads && r.Published != "" {
			files := r.Files()
			dir := fmt.Sprintf("%s/rilis/%s/v%d/", download.Folder, r.Key(), r.Version)
			var zipped []download.File
			for _, name := range slices.Sorted(maps.Keys(files)) {
				if err := p.writeStatic(dir+name, files[name]); err != nil {
					return nil, nil, nil, err
				}
				ri.Files = append(ri.Files, sitedata.File{Format: formatOf(name), Path: dir + name, Bytes: len(files[name])})
				frozen = append(frozen, download.File{Path: dir + name, Data: files[name]})
				zipped = append(zipped, download.File{Path: fmt.Sprintf("rilis-%s-v%d/%s", r.Key(), r.Version, name), Data: files[name]})
			}
			z, err := download.ZipFiles(zipped, download.QuarterEnd(r.Q))
			if err != nil {
				return nil, nil, nil, err
			}
			zpath := fmt.Sprintf("%s/rilis/%s-v%d.zip", download.Folder, r.Key(), r.Version)
			if err := p.writeStatic(zpath, z); err != nil {
				return nil, nil, nil, err
			}
			ri.Zip = sitedata.File{Format: "zip", Path: zpath, Bytes: len(z)}
			frozen = append(frozen, download.File{Path: zpath, Data: z})
		}
		out = append(out, ri)
	}
	revisions := release.Revisions(p.Releases, datasets)
	p.stage("releases", t, "%s, %s, %s", plural(countQuarters(p.Releases), "release"), plural(len(p.Releases), "version"), plural(len(revisions), "revision"))
	p.warnEarlyNotes()
	return out, revisions, frozen, nil
}

func countQuarters(rs []*release.Release) int {
	n := 0
	for i, r := range rs {
		if i == 0 || rs[i-1].Q != r.Q {
			n++
		}
	}
	return n
}

func formatOf(name string) string {
	if strings.HasSuffix(name, ".json") {
		return "json"
	}
	return "csv"
}

// writeStatic writes a file the site serves as it is, by its path under
// the site root.
func (p *Prepared) writeStatic(path string, data []byte) error {
	full := filepath.Join(p.Dir, "static", filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot write %s: check that the disk is not full", full)
	}
	return nil
}

// downloads makes the files for journalists (/data/, /api/) from the
// display model m of the default language, into the site's file cache
// (<site>/.cache/files): a file whose inputs did not change is neither
// made nor written again. Nothing goes into the build folder, so Hugo
// copies none of it; generator/site links each file into the new site
// (p.files).
func (p *Prepared) downloads(ctx context.Context, m *display.Model, frozen []download.File) (*download.Downloads, error) {
	t := time.Now()
	cfg, err := sitedata.LoadConfig(p.Root)
	if err != nil {
		return nil, err
	}
	base := cfg.BaseURL
	if p.baseURL != "" {
		base = p.baseURL
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	publisher := cmp.Or(cfg.Params.Publisher, "Pemerintah Kota Tanjungbalai")
	title := "Indikator Kinerja Utama Perangkat Daerah " + cmp.Or(cfg.Params.City, "Kota Tanjungbalai")
	source := fmt.Sprintf("%s, data sampai %s", publisher, p.Report.Latest)
	var notes []string
	if p.Demo {
		title += " (data contoh fiktif)"
		source += " (data contoh fiktif, bukan data resmi)"
		notes = append(notes, "Data contoh: semua angka fiktif, dibuat untuk memperagakan portal, bukan data resmi.")
	}
	meta := download.Meta{
		Title: title, Source: source, Publisher: cmp.Or(cfg.Params.Office, publisher),
		Citation:  fmt.Sprintf("%s (%d). %s, data sampai %s. %s%s/", publisher, p.Report.Latest.Year, title, p.Report.Latest, base, download.Folder),
		Notes:     notes,
		Published: p.published(),
	}
	store, err := filestore.Open(filepath.Join(p.Root, ".cache", "files"))
	if err != nil {
		return nil, err
	}
	p.store = store
	dl, err := download.Site(ctx, m, download.SiteOptions{BaseURL: base, Meta: meta, Extra: frozen, Store: store, Progress: p.progressFor("downloads")})
	if err != nil {
		return nil, err
	}
	p.files = map[string]string{}
	var written int64
	for _, f := range dl.Files {
		p.files[f.Path] = f.File
		if f.Written {
			written += int64(f.Bytes)
		}
	}
	// What the last builds did not use goes, unless another build is
	// using the cache.
	_, removed, freed, err := store.Prune(filestore.Keep)
	if err != nil {
		return nil, err
	}
	pruned := ""
	if removed > 0 {
		pruned = fmt.Sprintf("; %d old files removed from the cache (%.1f MB)", removed, float64(freed)/1e6)
	}
	n, made, fresh, size := dl.Counts()
	p.stage("downloads", t, "%d files, %.1f MB, with the API (%d documents): %d made, %d new (%.1f MB written), the rest from the cache%s",
		n, float64(size)/1e6, dl.API, made, fresh, float64(written)/1e6, pruned)
	return dl, nil
}

// published is the date the downloads record as their publication: the
// release's day, else SOURCE_DATE_EPOCH (the reproducible-builds
// convention), else the last day of the quarter. Never the clock.
func (p *Prepared) published() time.Time {
	if p.Current != nil && p.Current.Published != "" {
		if t, err := time.Parse("2006-01-02", p.Current.Published); err == nil {
			return t
		}
	}
	if !p.sourceDate.IsZero() {
		return p.sourceDate.UTC()
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
	dir, unlock, err := site.NewBuildDir(p.Root)
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
	p, err := Prepare(ctx, o)
	if err != nil {
		return site.Stats{}, err
	}
	defer p.Close()
	if err := site.CleanDebris(p.Root, out); err != nil {
		return site.Stats{}, err
	}
	so := site.Options{SiteRoot: p.Root, ThemesDir: p.Themes, BuildDir: p.Dir, Out: out, BaseURL: o.BaseURL, Keep: o.Keep, Stderr: p.stderr, Shards: p.shards, Files: p.files}
	p.finishing(&so)
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
	fmt.Fprintf(p.stderr, "%-9s %d pages, %d files in %s (%.2f s)\n", "site:", st.Pages, st.Files, out, st.Duration.Seconds())
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
	fmt.Fprintf(p.stderr, "Preview at http://localhost:%d/ (Ctrl+C to stop); the data check at http://localhost:%d/pemeriksaan/\n", port, port)
	return site.Serve(ctx, site.Options{SiteRoot: p.Root, ThemesDir: p.Themes, BuildDir: p.Dir, Preview: true, Files: p.files,
		BaseURL: fmt.Sprintf("http://localhost:%d/", port), Stderr: p.stderr}, bind, port)
}

func (p *Prepared) progressFor(stage string) func(done, total int) {
	if p.progress == nil {
		return nil
	}
	return p.progress(stage)
}

func (p *Prepared) stage(name string, start time.Time, format string, args ...any) {
	fmt.Fprintf(p.stderr, "%-9s %s (%.2f s)\n", name+":", fmt.Sprintf(format, args...), time.Since(start).Seconds())
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
// rules, o.Latest), without charts, data files or Hugo, and runs the data
// checks of iku.Check with the site's data/pemeriksaan.toml.
func Check(ctx context.Context, o Options) (*CheckResult, error) {
	root, _, err := siteFolders(o)
	if err != nil {
		return nil, err
	}
	rules, err := sitedata.LoadRules(root)
	if err != nil {
		return nil, err
	}
	cfg, err := sitedata.LoadCheckConfig(root)
	if err != nil {
		return nil, err
	}
	cfg.Previous = o.Previous
	p := &Prepared{Root: root, stderr: io.Discard}
	if o.Stderr != nil {
		p.stderr = o.Stderr
	}
	if err := p.load(ctx, o, rules, false); err != nil {
		return nil, err
	}
	r := &CheckResult{Dataset: p.Dataset, Report: p.Report, Quarter: p.Report.Latest}
	r.Findings = iku.Check(p.Dataset, p.Report, cfg)
	r.Blocking, r.Warnings = iku.Tally(r.Findings)
	return r, nil
}
