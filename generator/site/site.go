// Package site runs Hugo, compiled into kinerja, over the repository (the
// Hugo site root) and a build folder of generated data and charts. It is
// the only package that imports Hugo.
//
// Hugo runs in a child process (kinerja re-executes itself with the hidden
// command HugoCommand): one build per process, as Hugo keeps a large site
// in memory and does not stop on a context; killing the child is how
// Ctrl+C stops a build, and a failed or interrupted build never touches the
// published folder, because Hugo writes into a fresh staging folder that
// replaces the output only when everything succeeded. When the output is
// a symbolic link, the new build is switched in by renaming a new link
// over it, which is atomic for the web server (deploy.go). The kernel
// kills the child if kinerja dies, and a lock beside the output keeps a
// second build out (lock.go).
package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/gohugoio/hugo/commands"
	hugoinfo "github.com/gohugoio/hugo/common/hugo"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// HugoCommand is the hidden kinerja command that runs Hugo in-process.
const HugoCommand = "__hugo"

// Marker is written into every output folder kinerja builds, so that it
// never replaces a folder that it did not make.
const Marker = ".kinerja-site"

// RunHugo runs Hugo with args in this process: the body of HugoCommand.
func RunHugo(args []string) error {
	return commands.Execute(args)
}

// HugoVersion is the version of the Hugo compiled into kinerja ("0.165.0").
func HugoVersion() string { return hugoinfo.CurrentVersion.String() }

// Options say what to build and where.
type Options struct {
	SiteRoot string // the site folder: hugo.toml, content/, maybe themes/
	// ThemesDir holds the theme (themes/kinerja) when the site folder has
	// no copy of its own: the one kinerja carries, unpacked. "" = the site's.
	ThemesDir string
	BuildDir  string // generated data/ and assets/ (release.Write)
	// Shards, when set, build a large site in several Hugo runs: each is a
	// folder whose data/ is mounted over BuildDir's and names the
	// indicator pages of that run (data/kinerja/<lang>/indicators.json);
	// the first run renders every other page too, each next one only its
	// indicator pages. Peak memory is then one shard's.
	Shards  []string
	Out     string // the published folder, replaced only on success
	BaseURL string // overrides hugo.toml's baseURL when set
	Preview bool   // show the "pratinjau" banner (serve)
	// Keep is how many builds stay, the published one included, when Out
	// is a link (for Rollback); 0 means DefaultKeep.
	Keep   int
	Stderr io.Writer
	// Params are extra site parameters for the templates (search,
	// ogImages: what Finish will add to the built site).
	Params map[string]bool
	// Files are files published as they are, by slash path under the site
	// root → a file on disk (the downloads, kept in a file store). Build
	// links each into the site Hugo wrote, before Finish (a hard link, or a
	// copy on another file system), so that Hugo never copies them and a
	// build writes none of their bytes; Serve links them into BuildDir's
	// static/.
	Files map[string]string `json:"-"`
	// Data are files Hugo reads (the display records, the charts) that
	// are not written yet: Build writes them into BuildDir only when Hugo
	// runs (the page cache's key takes their Sum instead of reading them,
	// so a build whose pages come from the cache writes none), Serve
	// always. nil: none.
	Data Data `json:"-"`
	// Finish, when set, runs on the built staging folder before it is
	// published (the search index, the preview images); an error fails
	// the build and leaves the published site as it was.
	Finish func(ctx context.Context, dir string) error `json:"-"`
	// Key, when set, names what Finish adds to the site (the link
	// previews, the chart images, the search index), as a hash the caller
	// computes from their inputs. With the page cache's key and Files it
	// names the whole site: a build whose site the published one was made
	// from keeps it as it is (Stats.Unchanged; unchanged.go), unless
	// Anew. "": always publish anew.
	Key  string `json:"-"`
	Anew bool   `json:"-"`
	// Self is the kinerja executable and Argv0 the name it answers to;
	// both default to os.Executable() and "kinerja".
	Self, Argv0 string
}

// Stats describes a finished build.
type Stats struct {
	// PagesCached: Hugo's input had not changed since the last build, and
	// its pages came from the page cache (pagecache.go).
	PagesCached bool
	// Unchanged: the build had every input the published site was made
	// from, and kept that site (Options.Key); Pages and Files are its.
	Unchanged bool
	Pages     int // HTML pages written
	Files     int // all files written
	Duration  time.Duration
}

// Build runs Hugo into a staging folder and publishes it: beside Out,
// swapped in with two renames when Out is a folder; beside the target of
// Out, switched to with one rename of the link when Out is a symbolic link
// (see deploy.go). It holds Out's lock throughout, and first removes what
// a crashed build left next to Out.
func Build(ctx context.Context, o Options) (Stats, error) {
	start := time.Now()
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return Stats{}, err
	}
	keep := o.Keep
	if keep == 0 {
		keep = DefaultKeep
	}
	if keep < 1 {
		return Stats{}, iku.Errorf(iku.Invalid, "keep %d builds: at least the published one must stay; give 1 or more", keep)
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, iku.Wrap(err, iku.Invalid, "cannot create the folder %q for the site: check the --out path and its permissions", parent)
	}
	lock, err := lockOut(out)
	if err != nil {
		return Stats{}, err
	}
	defer lock.unlock()
	link, err := readLink(out)
	if err != nil {
		return Stats{}, err
	}
	if link == nil {
		if err := checkReplaceable(out); err != nil {
			return Stats{}, err
		}
	}
	if err := cleanOutDebris(out); err != nil {
		return Stats{}, err
	}
	if err := writeMounts(o); err != nil {
		return Stats{}, err
	}
	stagingParent, published := parent, out
	if link != nil {
		stagingParent, published = link.dir, link.current
		if err := os.MkdirAll(link.dir, 0o755); err != nil {
			return Stats{}, iku.Wrap(err, iku.Invalid, "cannot create the folder of the builds %q: check its permissions", link.dir)
		}
	}
	// Every input the published site was made from: it stays, and Hugo's
	// warnings are said again (unchanged.go).
	key, keyErr := pageKey(o)
	whole := ""
	if keyErr == nil {
		whole = siteKey(o, key)
	}
	if dir, err := filepath.EvalSymlinks(out); err == nil && !o.Anew {
		if st, ok := unchanged(o.SiteRoot, out, dir, whole); ok {
			sayCachedWarnings(o, key)
			st.Duration = time.Since(start)
			return st, nil
		}
	}
	staging, err := os.MkdirTemp(stagingParent, filepath.Base(out)+".new-")
	if err != nil {
		return Stats{}, iku.Wrap(err, iku.Invalid, "cannot write next to %q: check the --out path and its permissions", out)
	}
	defer os.RemoveAll(staging) // gone after the swap; removes a failed build

	// One Hugo run, or one per shard of a large site (Options.Shards):
	// the first renders every page but the shards' indicator pages, each
	// next one only its shard's, into the same staging folder, so that no
	// Hugo process holds more than one shard's pages in memory.
	// Hugo's input unchanged since the last build: its pages, linked from
	// the page cache (pagecache.go), and its warnings again.
	var st Stats
	if keyErr == nil && linkCachedPages(ctx, o.SiteRoot, key, staging) {
		st.PagesCached = true
		sayCachedWarnings(o, key)
	} else {
		var warnings bytes.Buffer
		if err := writeData(ctx, o); err != nil {
			if ctx.Err() != nil {
				return Stats{}, iku.Wrap(ctx.Err(), iku.Invalid, "the build was interrupted; the published site in %q is unchanged", out)
			}
			return Stats{}, err
		}
		if err := runHugo(ctx, o, staging, out, &warnings); err != nil {
			return Stats{}, err
		}
		if o.Stderr != nil {
			o.Stderr.Write(warnings.Bytes())
		}
		if keyErr == nil {
			storePages(o.SiteRoot, key, staging, warnings.Bytes())
		}
	}
	if copied, err := linkFiles(ctx, staging, o.Files); err != nil {
		if ctx.Err() != nil {
			return Stats{}, iku.Wrap(ctx.Err(), iku.Invalid, "the build was interrupted; the published site in %q is unchanged", out)
		}
		return Stats{}, err
	} else if copied > 0 && o.Stderr != nil {
		noun := "files"
		if copied == 1 {
			noun = "file"
		}
		fmt.Fprintf(o.Stderr, "  %d %s copied into the site, not linked: the file cache and %q are on different file systems\n", copied, noun, out)
	}
	if o.Finish != nil {
		if err := o.Finish(ctx, staging); err != nil {
			if ctx.Err() != nil {
				return Stats{}, iku.Wrap(ctx.Err(), iku.Invalid, "the build was interrupted; the published site in %q is unchanged", out)
			}
			return Stats{}, err
		}
	}
	from := []string{published}
	if link != nil {
		if from, err = link.survivors(keep); err != nil {
			return Stats{}, err
		}
	}
	// One walk of the new site sets its modes, counts it and lists what
	// the next build carries from it, before this one carries what it
	// needs from the builds before (their files are made with the modes
	// publishTree would set).
	files, pages, own, err := publishTree(staging)
	if err != nil {
		return Stats{}, fmt.Errorf("set the modes of the new site: %w", err)
	}
	carried, err := carryAssets(from, staging)
	if err != nil {
		return Stats{}, err
	}
	if err := writeMarker(staging, own, carried); err != nil {
		return Stats{}, err
	}
	st.Files, st.Pages = files+1, pages // and the marker
	if err := ctx.Err(); err != nil {
		return Stats{}, iku.Wrap(err, iku.Invalid, "the build was interrupted; the published site in %q is unchanged", out)
	}
	if link != nil {
		err = deployLink(link, staging, keep, o.Stderr)
	} else {
		err = swap(staging, out)
	}
	if err != nil {
		return Stats{}, err
	}
	if dir, err := filepath.EvalSymlinks(out); err == nil {
		recordPublished(o.SiteRoot, out, dir, whole, st)
	}
	st.Duration = time.Since(start)
	return st, nil
}

// runHugo runs Hugo into staging: once, or once per shard of a large site
// (Options.Shards): the first renders every page but the shards'
// indicator pages, each next one only its shard's, into the same staging
// folder, so that no Hugo process holds more than one shard's pages in
// memory. Hugo's warnings (a deprecated setting, a missing translation),
// worth the office's attention even when the build succeeds, go to
// warnings as lines of their own.
func runHugo(ctx context.Context, o Options, staging, out string, warnings io.Writer) error {
	runs := max(1, len(o.Shards))
	for i := range runs {
		args := []string{"build", "--destination", staging, "--minify"}
		if i == 0 {
			args = append(args, "--cleanDestinationDir")
		} else {
			args = append(args, "--renderSegments", shardSegment)
		}
		args = append(args, hugoArgs(o, i)...)
		var stderr bytes.Buffer
		if err := runChild(ctx, o, args, io.Discard, &stderr); err != nil {
			if ctx.Err() != nil {
				return iku.Wrap(ctx.Err(), iku.Invalid, "the build was interrupted; the published site in %q is unchanged", out)
			}
			msg := strings.TrimSpace(stderr.String())
			return iku.Wrap(err, iku.Invalid, "hugo could not build the site (the published site in %q is unchanged): %s", out, lastLines(msg, 6))
		}
		if i == 0 {
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.HasPrefix(line, "WARN") {
					fmt.Fprintf(warnings, "  hugo: %s\n", strings.TrimSpace(strings.TrimPrefix(line, "WARN")))
				}
			}
		}
	}
	return nil
}

// Serve runs Hugo's live server until ctx is cancelled.
func Serve(ctx context.Context, o Options, bind string, port int) error {
	if err := writeMounts(o); err != nil {
		return err
	}
	if err := writeData(ctx, o); err != nil {
		return err
	}
	if _, err := linkFiles(ctx, filepath.Join(o.BuildDir, "static"), o.Files); err != nil {
		return err
	}
	args := append([]string{"server", "--bind", bind, "--port", fmt.Sprint(port), "--renderToMemory"}, hugoArgs(o, 0)...)
	err := runChild(ctx, o, args, o.Stderr, o.Stderr)
	if ctx.Err() != nil {
		return nil // Ctrl+C: a normal end of a preview
	}
	if err != nil {
		return iku.Wrap(err, iku.Unavailable, "the preview server stopped: check that port %d is free (--port) and read Hugo's message above", port)
	}
	return nil
}

// hugoArgs are the arguments every Hugo command gets; run is the shard
// (0 for a build in one run, or its first run).
func hugoArgs(o Options, run int) []string {
	args := []string{"--source", o.SiteRoot, "--config", configArg(o, run),
		"--cacheDir", filepath.Join(o.SiteRoot, ".cache", "hugo"), "--logLevel", "warn", "--noBuildLock"}
	if o.ThemesDir != "" {
		args = append(args, "--themesDir", o.ThemesDir)
	}
	if o.BaseURL != "" {
		args = append(args, "--baseURL", o.BaseURL)
	}
	return args
}

func configArg(o Options, run int) string {
	return "hugo.toml," + mountsFile(o, run)
}

// mountsFile is the second config file of run.
func mountsFile(o Options, run int) string {
	if len(o.Shards) == 0 {
		return filepath.Join(o.BuildDir, "mounts.toml")
	}
	return filepath.Join(o.BuildDir, fmt.Sprintf("mounts-%d.toml", run))
}

// shardSegment renders, in a shard's run, only the shard's indicator pages
// and their embeddable charts (Hugo's segments).
const shardSegment = "kinerjashard"

// writeMounts writes the second config file of every run: the
// repository's own folders plus the build folder's data and assets
// (declaring mounts replaces Hugo's defaults, so the defaults are listed
// too), and a shard's own data over them.
func writeMounts(o Options) error {
	var b strings.Builder
	for _, d := range []string{"content", "data", "layouts", "i18n", "assets", "static", "archetypes"} {
		if fi, err := os.Stat(filepath.Join(o.SiteRoot, d)); err == nil && fi.IsDir() {
			fmt.Fprintf(&b, "[[module.mounts]]\nsource = %q\ntarget = %q\n\n", d, d)
		}
	}
	for _, d := range []string{"data", "assets", "static"} {
		p, err := filepath.Abs(filepath.Join(o.BuildDir, d))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
		fmt.Fprintf(&b, "[[module.mounts]]\nsource = %q\ntarget = %q\n\n", p, d)
	}
	base := b.String()
	var tail strings.Builder
	// The charts' SVG is minified once, when it is drawn (and cached): the
	// page minifier leaves inline SVG alone instead of doing it again on
	// every page.
	tail.WriteString("[minify]\ndisableSVG = true\n\n")
	params := maps.Clone(o.Params)
	if o.Preview {
		if params == nil {
			params = map[string]bool{}
		}
		params["preview"] = true
	}
	if len(params) > 0 {
		tail.WriteString("[params]\n")
		for _, k := range slices.Sorted(maps.Keys(params)) {
			fmt.Fprintf(&tail, "%s = %t\n", k, params[k])
		}
		tail.WriteString("\n")
	}
	if len(o.Shards) == 0 {
		return os.WriteFile(mountsFile(o, 0), []byte(base+tail.String()), 0o644)
	}
	for i, shard := range o.Shards {
		p, err := filepath.Abs(filepath.Join(shard, "data"))
		if err != nil {
			return err
		}
		body := base + fmt.Sprintf("[[module.mounts]]\nsource = %q\ntarget = %q\n\n", p, "data") + tail.String()
		if i > 0 {
			body += "[segments." + shardSegment + "]\n[[segments." + shardSegment + ".includes]]\nkind = ['page']\npath = ['{/iku/*,/embed/iku/*}']\n"
		}
		if err := os.WriteFile(mountsFile(o, i), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func runChild(ctx context.Context, o Options, args []string, stdout, stderr io.Writer) error {
	self, argv0 := o.Self, o.Argv0
	if self == "" {
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		self = exe
	}
	if argv0 == "" {
		argv0 = "kinerja"
	}
	cmd := exec.CommandContext(ctx, self)
	cmd.Args = append([]string{argv0, HugoCommand}, args...)
	cmd.Dir = o.SiteRoot
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.Env = os.Environ()
	// Hugo's server ignores a plain SIGINT once it has handled one; end it
	// with SIGTERM (sys_unix.go), then SIGKILL after a grace period.
	stopWithParent(cmd)
	cmd.WaitDelay = 5 * time.Second
	// If kinerja dies without a chance to stop it (SIGKILL, a crash), the
	// kernel kills Hugo too. The signal is sent when the *thread* that
	// started the child ends (prctl(2), PR_SET_PDEATHSIG), and the Go
	// runtime does not promise to keep a thread (it ends one when a
	// goroutine locked to it returns), so this goroutine holds its thread
	// from the fork until the child has been waited for (golang/go#27505).
	// (stopWithParent sets it, on Linux.)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return cmd.Run()
}

// checkReplaceable refuses to replace a folder that kinerja did not build
// (so that --out ~ cannot delete a home folder).
func checkReplaceable(out string) error {
	fi, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return iku.Errorf(iku.Invalid, "%q is a file, not a folder: choose another --out", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return iku.Errorf(iku.Invalid, "%q already holds files that kinerja did not build: choose an empty or new folder for --out", out)
	}
	return nil
}

// swap puts staging in out's place: out moves aside, staging moves in, the
// old folder is removed. Both renames are within one parent folder.
func swap(staging, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staging + ".old"
		if err := os.Rename(out, old); err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot replace %q: check its permissions", out)
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return iku.Wrap(err, iku.Invalid, "cannot move the new site into %q: check its permissions", out)
	}
	if old != "" {
		return RemoveTree(old)
	}
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// writeData writes o.Data into the build folder.
func writeData(ctx context.Context, o Options) error {
	if o.Data == nil {
		return nil
	}
	return o.Data.Write(ctx, o.BuildDir)
}

// Data are files Hugo reads that are not written yet (Options.Data).
type Data interface {
	// Sum is a hash of every file's path and bytes (SumFiles): the page
	// cache's key takes it instead of the files.
	Sum() string
	// Write writes the files into the build folder dir.
	Write(ctx context.Context, dir string) error
}

// SumFiles is the Sum of files whose SHA-256 are sums, by slash path
// under the build folder.
func SumFiles(sums map[string][32]byte) string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(sums)) {
		sum := sums[name]
		fmt.Fprintf(h, "%s\x00%x\n", name, sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DataMap is Data held in memory: the bytes of each file by slash path
// under the build folder.
type DataMap map[string][]byte

// Sum is SumFiles of the files.
func (m DataMap) Sum() string {
	sums := make(map[string][32]byte, len(m))
	for name, b := range m {
		sums[name] = sha256.Sum256(b)
	}
	return SumFiles(sums)
}

// Write writes the files into dir.
func (m DataMap) Write(ctx context.Context, dir string) error {
	w := DataWriter{Dir: dir}
	for _, name := range slices.Sorted(maps.Keys(m)) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.Write(name, m[name]); err != nil {
			return err
		}
	}
	return nil
}

// DataWriter writes files by slash path under Dir (the build folder),
// making each folder once: what Options.Data holds, or a large site's data
// as it is made.
type DataWriter struct {
	Dir  string
	made map[string]bool
}

// Write writes b as the file name (a slash path inside Dir).
func (w *DataWriter) Write(name string, b []byte) error {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return iku.Errorf(iku.Internal, "the data file %q is not a path inside the build folder", name)
	}
	path := filepath.Join(w.Dir, rel)
	if w.made == nil {
		w.made = map[string]bool{}
	}
	if parent := filepath.Dir(path); !w.made[parent] {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot write the build folder %q: check that the disk is not full", w.Dir)
		}
		w.made[parent] = true
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot write the build folder %q: check that the disk is not full", w.Dir)
	}
	return nil
}
