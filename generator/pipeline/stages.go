package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

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

// The stages of a build are plain functions, func(ctx, in) (out, error),
// in the order Prepare runs them: Load, Evaluate, Releases, Display,
// Downloads, Charts, WriteData; then Hugo (generator/site) and the
// finishing stages Previews and Search (finish.go). Each can run alone in
// a test, returns ctx's error when ctx ends, and prints nothing: Prepare
// writes one line per stage.

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

// Loaded is the data a build shows and the releases it comes from.
type Loaded struct {
	Dataset *iku.Dataset
	// Releases are the releases the site shows, oldest first; Current is
	// the one whose data drives the pages (nil until Releases makes a
	// transient one for a build without a releases folder).
	Releases []*release.Release
	Current  *release.Release
	From     string          // what the data was read from, for people: "release 2026-Q3 v1"
	Folder   *release.Folder // the releases folder read, if any
}

// Load reads the data: the latest release of o.Releases (up to o.Latest
// when set), else o.Source; then applies disclosure control to the
// ratings (with the tables of o.History), so that no later stage sees a
// count that may not be published.
func Load(ctx context.Context, o Options, k int) (*Loaded, error) {
	l := &Loaded{}
	if o.Releases != "" {
		f, err := release.Open(o.Releases)
		if err != nil {
			return nil, err
		}
		l.Folder = f
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
			return nil, iku.Errorf(iku.Invalid, "the releases folder %q holds no release%s yet: publish one with kinerja publish", o.Releases, upTo)
		}
		ds, err := cur.Dataset()
		if err != nil {
			return nil, err
		}
		l.Dataset, l.Releases, l.Current, l.From = ds, rs, cur, "release "+cur.Label()
	} else {
		src, closeSrc, err := Open(ctx, o.Source)
		if err != nil {
			return nil, err
		}
		defer closeSrc()
		ds, err := src.Load(ctx)
		if err != nil {
			return nil, err
		}
		l.Dataset, l.From = ds, src.Describe()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Disclosure control before anything else sees the ratings: every
	// later stage (pages, charts, downloads, releases) gets the published
	// table only.
	if err := release.ProtectRatings(l.Dataset, k, o.History); err != nil {
		return nil, err
	}
	return l, nil
}

// Evaluate applies the rules of DOMAIN.md to ds up to quarter latest
// (zero: the newest quarter with data).
func Evaluate(ctx context.Context, ds *iku.Dataset, rules iku.Rules, latest iku.Quarter) (*iku.Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return iku.Evaluate(ds, rules, iku.Options{Latest: latest})
}

// Released are the releases a site shows, ready for the display model,
// and their frozen files.
type Released struct {
	Inputs          []display.ReleaseIn
	Revisions       []display.RevisionIn
	RatingRevisions []display.RatingRevisionIn
	// Frozen are every published version's files (its bundle and
	// manifest, and one zip of them), by path under the site root.
	Frozen []download.File
	// Versions and Quarters count them, for the stage's line.
	Versions, Quarters int
}

// Releases evaluates the newest version of each release's quarter for
// its summary (the current one is rep), computes the revisions between
// releases, and collects every published version's frozen files (each as
// files and as one zip) when frozen is set.
func Releases(ctx context.Context, l *Loaded, rep *iku.Report, rules iku.Rules, frozen bool) (*Released, error) {
	out := &Released{}
	datasets := map[*release.Release]*iku.Dataset{}
	ratings := map[*release.Release][]iku.RatingCount{}
	for i, r := range l.Releases {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ds := l.Dataset
		if r != l.Current {
			var err error
			if ds, err = r.Dataset(); err != nil {
				return nil, err
			}
		}
		datasets[r], ratings[r] = ds, ds.Ratings
		in := display.ReleaseIn{Key: r.Key(), Quarter: r.Q, Version: r.Version, Published: r.Published, Reason: r.Reason,
			Forced: r.Forced, Current: r == l.Current}
		if i == len(l.Releases)-1 || l.Releases[i+1].Q != r.Q {
			in.Report = rep
			if r != l.Current {
				var err error
				if in.Report, err = iku.Evaluate(ds, rules, iku.Options{Latest: r.Q}); err != nil {
					return nil, iku.Wrap(err, iku.Invalid, "the release %s does not evaluate: %s", r.Label(), iku.ErrorMessage(err))
				}
			}
		}
		// A transient release (a build without releases) is not frozen:
		// its data is the build's own /data/bundle/.
		if frozen && r.Published != "" {
			files := r.Files()
			dir := fmt.Sprintf("%s/rilis/%s/v%d/", download.Folder, r.Key(), r.Version)
			var zipped []download.File
			for _, name := range slices.Sorted(maps.Keys(files)) {
				in.Files = append(in.Files, display.FileIn{Format: formatOf(name), Path: dir + name, Bytes: len(files[name])})
				out.Frozen = append(out.Frozen, download.File{Path: dir + name, Data: files[name]})
				zipped = append(zipped, download.File{Path: fmt.Sprintf("rilis-%s-v%d/%s", r.Key(), r.Version, name), Data: files[name]})
			}
			z, err := download.ZipFiles(zipped, download.QuarterEnd(r.Q))
			if err != nil {
				return nil, err
			}
			zpath := fmt.Sprintf("%s/rilis/%s-v%d.zip", download.Folder, r.Key(), r.Version)
			in.Zip = display.FileIn{Format: "zip", Path: zpath, Bytes: len(z)}
			out.Frozen = append(out.Frozen, download.File{Path: zpath, Data: z})
		}
		out.Inputs = append(out.Inputs, in)
	}
	for _, rv := range release.Revisions(l.Releases, datasets) {
		out.Revisions = append(out.Revisions, display.RevisionIn{Indicator: rv.Indicator, Field: string(rv.Field), Quarter: rv.Quarter,
			Old: rv.Old, New: rv.New, OldTarget: rv.OldTarget, NewTarget: rv.NewTarget,
			OldText: rv.OldText, NewText: rv.NewText, OldEN: rv.OldEN, NewEN: rv.NewEN,
			From: rv.From.Label(), In: rv.In.Label(), InKey: rv.In.Key(), Reason: rv.In.Reason})
	}
	for _, rv := range release.RatingRevisions(l.Releases, ratings) {
		out.RatingRevisions = append(out.RatingRevisions, display.RatingRevisionIn{Year: rv.Year, InKey: rv.In.Key(), Kept: rv.Kept})
	}
	out.Versions, out.Quarters = len(l.Releases), countQuarters(l.Releases)
	return out, nil
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

// Display builds the display model of in in every language of langs
// (the default first), with the data dictionary of the downloads and, in
// a preview, the data check's findings.
func Display(ctx context.Context, in display.Input, langs []display.Lang, check *CheckResult) ([]*display.Model, error) {
	dictIn := func(cols []download.Column) []display.DictIn {
		var dict []display.DictIn
		for _, c := range cols {
			dict = append(dict, display.DictIn{Name: c.Name, Title: c.Title, Type: string(c.Type), Unit: c.Unit, Description: c.Description})
		}
		return dict
	}
	dict := dictIn(download.FlatColumns())
	// The service units are evaluated once, for every language.
	if in.Units == nil && in.Dataset != nil && in.Report != nil && len(in.Dataset.UnitResults) > 0 {
		units, err := iku.EvaluateUnits(in.Dataset, in.Report)
		if err != nil {
			return nil, err
		}
		in.Units = units
	}
	var models []*display.Model
	for _, l := range langs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		m, err := display.Build(in, l)
		if err != nil {
			return nil, err
		}
		m.SetDictionary(dict)
		m.AddDictionary(download.YearsTable, "data_dictionary_years_caption", dictIn(download.YearColumns()))
		m.AddDictionary(download.ScoresTable, "data_dictionary_scores_caption", dictIn(download.ScoreColumns()))
		if len(m.Units) > 0 {
			m.AddDictionary(download.UnitsTable, "data_dictionary_units_caption", dictIn(download.UnitColumns()))
		}
		if check != nil {
			m.SetCheck(check.Quarter, check.Findings)
		}
		models = append(models, m)
	}
	return models, nil
}

// DownloadsIn is what the downloads stage needs besides the model.
type DownloadsIn struct {
	Model  *display.Model // of the default language: the files' words are its
	Meta   download.Meta
	Base   string          // the site's public address, ending in "/"
	Frozen []download.File // the releases' frozen files, listed and linked too
	Store  *filestore.Store
	// Progress, when set, is called as files are done.
	Progress func(done, total int)
}

// Downloaded are the downloads of a build: every file by its path in the
// site and the stored file that holds it (linked into the site after
// Hugo), the pages' file lists, and what was made.
type Downloaded struct {
	Links   map[string]string // path in the site → stored file
	Pages   map[string][]display.FileIn
	Result  *download.Downloads
	Written int64 // bytes new to the store
}

// Downloads makes the files for journalists (/data/, /api/) from the
// display model of the default language, into the file store: a file
// whose inputs did not change is neither made nor written again. The
// releases' frozen files go into the store too. Nothing is written into
// the build folder, so Hugo copies none of it.
func Downloads(ctx context.Context, in DownloadsIn) (*Downloaded, error) {
	dl, err := download.Site(ctx, in.Model, download.SiteOptions{BaseURL: in.Base, Meta: in.Meta, Extra: in.Frozen, Store: in.Store, Progress: in.Progress})
	if err != nil {
		return nil, err
	}
	out := &Downloaded{Links: map[string]string{}, Pages: map[string][]display.FileIn{}, Result: dl}
	for _, f := range dl.Files {
		out.Links[f.Path] = f.File
		if f.Written {
			out.Written += int64(f.Bytes)
		}
	}
	for _, f := range in.Frozen {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stored, written, err := in.Store.Put("", f.Data)
		if err != nil {
			return nil, err
		}
		out.Links[f.Path] = stored.Path
		if written {
			out.Written += int64(len(f.Data))
		}
	}
	if len(in.Frozen) > 0 {
		if err := in.Store.Save(); err != nil {
			return nil, err
		}
	}
	for page, ls := range dl.Pages {
		out.Pages[page] = fileIns(ls)
	}
	out.Pages["catalogue"] = fileIns(dl.Catalogue)
	return out, nil
}

func fileIns(ls []download.Link) []display.FileIn {
	out := make([]display.FileIn, len(ls))
	for i, l := range ls {
		out[i] = display.FileIn{Format: string(l.Format), Path: l.Path, Bytes: l.Bytes}
	}
	return out
}

// Charts draws every chart of every model (as many at once as cores),
// from the cache in cacheDir where the same chart was drawn before; it
// returns the charts and how many came from the cache.
func Charts(ctx context.Context, models []*display.Model, cacheDir string, progress func(done, total int)) (*sitedata.Drawn, error) {
	renderer, err := chart.NewRenderer(ctx, cacheDir)
	if err != nil {
		return nil, err
	}
	// A large site's SVGs stay in the chart cache, read again when the
	// data is made: 10,000 indicators' would hold about 190 MB.
	spill := len(models[0].Indicators) > sideBySide
	drawn, err := sitedata.DrawCharts(ctx, renderer, models, spill, progress)
	if cerr := renderer.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return drawn, nil
}

// WriteData writes what Hugo reads into the build folder dir: the display
// records and the charts. A site of more than shardSize indicators is
// made in several Hugo runs: it returns their folders (each names the
// indicator pages of its run), nil for one run.
func WriteData(ctx context.Context, dir string, models []*display.Model, charts []sitedata.Chart, shardSize int) ([]string, error) {
	d, err := DataFiles(ctx, dir, models, charts, shardSize, 0)
	if err != nil {
		return nil, err
	}
	return d.Shards, nil
}

// Data are the files Hugo reads, made from the display models and the
// charts (site.Data): held in memory; or, past maxDataInMemory, not held
// at all, only hashed, and made again to be written (Write) when Hugo has
// to run, so that a build whose pages come from the page cache writes
// none of them; or, for a site of more than sideBySide indicators, whose
// models are not all held (writtenData), written as they are made. No
// build holds them all in memory.
type Data struct {
	// Shards are the folders of the Hugo runs of a large site (nil: one
	// run), each under the build folder.
	Shards []string
	// sums are every file's SHA-256, by slash path under the build folder.
	sums map[string][32]byte
	// held are the files' bytes, when they fit in memory.
	held map[string][]byte
	// pages and shards are what makes them again, when they are not held
	// (a large site) and not written yet.
	pages  sitedata.Pages
	shards [][]string
	// write writes and hashes a file of written Data (writtenData).
	write func(name string, b []byte) error
	once  sync.Once
	err   error
}

// DataFiles makes the files of WriteData. Up to maxMemory bytes of them
// are held in memory, unwritten: the build hands them to generator/site,
// which writes them only when Hugo has to run (its page cache knows their
// pages otherwise). Beyond maxMemory (a large site) none is held: each is
// hashed as it is made and dropped, and Write makes them again. With
// maxMemory 0 every file is written into dir as it is made (a build folder
// kept for inspection).
func DataFiles(ctx context.Context, dir string, models []*display.Model, charts []sitedata.Chart, shardSize, maxMemory int) (*Data, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	shards := shardSlugs(models[0], shardSize)
	d := &Data{sums: map[string][32]byte{}, held: map[string][]byte{},
		pages: sitedata.Pages{Models: models, Charts: charts, Sharded: shards != nil}, shards: shards}
	for i := range shards {
		d.Shards = append(d.Shards, filepath.Join(dir, "shards", strconv.Itoa(i)))
	}
	w := site.DataWriter{Dir: dir}
	size := 0
	for _, c := range charts {
		size += len(c.SVG) + len(c.Option)
	}
	if maxMemory <= 0 || size > maxMemory {
		// Written as made; or the charts alone over the limit: none is
		// held from the start, rather than copies of the first
		// maxMemory bytes made and dropped.
		d.held = nil
	}
	size = 0
	err := d.emit(ctx, func(name string, b []byte) error {
		d.sums[name] = sha256.Sum256(b)
		switch {
		case maxMemory <= 0:
			return w.Write(name, b)
		case d.held == nil:
		case size+len(b) > maxMemory:
			d.held = nil // too large to hold: made again if Hugo runs
		default:
			size += len(b)
			d.held[name] = bytes.Clone(b) // b is the emitter's, reused
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if maxMemory <= 0 || d.held != nil {
		d.done()
	}
	return d, nil
}

// writtenData is the Data of a large site made a language at a time
// (addLanguage, then addMeta): each file is written into dir as it is
// made, and hashed, so that the language's display model can be dropped
// before the next one is made, and none is held for Hugo.
func writtenData(dir string, m *display.Model, shardSize int) *Data {
	shards := shardSlugs(m, shardSize)
	d := &Data{sums: map[string][32]byte{}, shards: shards}
	for i := range shards {
		d.Shards = append(d.Shards, filepath.Join(dir, "shards", strconv.Itoa(i)))
	}
	d.once.Do(func() {}) // Write has nothing left to write, Release nothing to drop
	w := site.DataWriter{Dir: dir}
	d.write = func(name string, b []byte) error {
		d.sums[name] = sha256.Sum256(b)
		return w.Write(name, b)
	}
	return d
}

// addLanguage writes the files of m's language (written Data), with the
// charts of its language, and its shards' page lists.
func (d *Data) addLanguage(ctx context.Context, m *display.Model, charts []sitedata.Chart) error {
	e := sitedata.NewEmitter(func(name string, b []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return d.write(name, b)
	})
	if err := e.Language(m, d.shards != nil); err != nil {
		return err
	}
	if err := e.Charts(charts); err != nil {
		return err
	}
	return d.shardFiles(ctx, []*display.Model{m}, d.write)
}

// addMeta writes meta.json (written Data), once every language is added.
func (d *Data) addMeta(langs []string, demo bool) error {
	return sitedata.NewEmitter(d.write).Meta(langs, demo)
}

// emit makes every file, in no set order, and hands it to fn; b is valid
// only until fn returns.
func (d *Data) emit(ctx context.Context, fn func(name string, b []byte) error) error {
	err := sitedata.EmitPageFiles(d.pages, func(name string, b []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(name, b)
	})
	if err != nil {
		return err
	}
	return d.shardFiles(ctx, d.pages.Models, fn)
}

// shardFiles hands fn each shard's list of the indicator pages it makes,
// in the languages of models.
func (d *Data) shardFiles(ctx context.Context, models []*display.Model, fn func(name string, b []byte) error) error {
	for i, slugs := range d.shards {
		if err := ctx.Err(); err != nil {
			return err
		}
		sf, err := sitedata.ShardFiles(models, slugs)
		if err != nil {
			return err
		}
		for _, name := range slices.Sorted(maps.Keys(sf)) {
			if err := fn("shards/"+strconv.Itoa(i)+"/"+name, sf[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

// done drops what would make the files again.
func (d *Data) done() {
	d.pages, d.shards = sitedata.Pages{}, nil
}

// Held is the bytes of the file name (a slash path under the build
// folder), when the files are held in memory.
func (d *Data) Held(name string) ([]byte, bool) {
	b, ok := d.held[name]
	return b, ok
}

// Sum is site.SumFiles of every file: what the page cache's key takes.
func (d *Data) Sum() string { return site.SumFiles(d.sums) }

// Write writes the files into dir (the build folder), once: those held,
// or, when none is held, each made again as it was hashed. A file that
// comes out other than it did the first time fails the build, as the
// page cache's key would not be true of it.
func (d *Data) Write(ctx context.Context, dir string) error {
	d.once.Do(func() {
		w := site.DataWriter{Dir: dir}
		if d.held != nil {
			d.err = site.DataMap(d.held).Write(ctx, dir)
			return
		}
		if d.pages.Models == nil {
			return // written as made (DataFiles with maxMemory 0)
		}
		n := 0
		d.err = d.emit(ctx, func(name string, b []byte) error {
			if sum, ok := d.sums[name]; !ok || sum != sha256.Sum256(b) {
				return iku.Errorf(iku.Internal, "the site data file %q came out different when it was made again from the same input: please report this", name)
			}
			n++
			return w.Write(name, b)
		})
		if d.err == nil && n != len(d.sums) {
			d.err = iku.Errorf(iku.Internal, "%d site data files were made again where %d were made first: please report this", n, len(d.sums))
		}
		d.done()
	})
	return d.err
}

// Release drops what would make the files again, once they are written
// or known not to be needed (the pages came from the page cache): the
// charts are the bulk of it. Write fails after it, unless it wrote before.
func (d *Data) Release() {
	d.once.Do(func() {
		d.done()
		d.held = nil
		d.err = iku.Errorf(iku.Internal, "the site data was dropped before it was written")
	})
}

// shardSlugs splits the indicators into the shards of Hugo runs: nil when
// one run makes the whole site; else a first shard with none (the run that
// makes every other page), then size indicators each.
func shardSlugs(m *display.Model, size int) [][]string {
	n := len(m.Indicators)
	if size <= 0 || n <= size {
		return nil
	}
	out := [][]string{nil}
	for i := 0; i < n; i += size {
		var slugs []string
		for _, ind := range m.Indicators[i:min(n, i+size)] {
			slugs = append(slugs, ind.Slug)
		}
		out = append(out, slugs)
	}
	return out
}
