package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Deploying through a link. When --out is a symbolic link (for example
// /srv/kinerja/current -> builds/current-7), Build never replaces the link
// with a folder: it builds next to the link's target, into the numbered
// folder after the newest one (builds/current-8), then points the link at
// it with one rename(2), which a web server sees either before or after,
// never half-way. The newest Options.Keep builds stay for Rollback. A
// target named by a number alone (builds/7) is continued as builds/8.

// DefaultKeep is how many builds stay when Options.Keep is 0.
const DefaultKeep = 3

// linkLayout is an output that is a symbolic link to a build.
type linkLayout struct {
	link    string // out, absolute
	dir     string // the folder of the builds, absolute
	prefix  string // builds are dir/prefix<n>
	relDir  string // the link's text up to the build's name, kept as written
	current string // the folder the link points at (absolute); may not exist
}

// readLink describes the link out; it returns nil when out is not a link.
func readLink(out string) (*linkLayout, error) {
	fi, err := os.Lstat(out)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil, nil
	}
	text, err := os.Readlink(out)
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read the link %q", out)
	}
	current := text
	if !filepath.IsAbs(current) {
		current = filepath.Join(filepath.Dir(out), text)
	}
	current = filepath.Clean(current)
	l := &linkLayout{link: out, dir: filepath.Dir(current), relDir: filepath.Dir(text), current: current}
	if isNumber(filepath.Base(current)) {
		l.prefix = ""
	} else {
		l.prefix = filepath.Base(out) + "-"
	}
	return l, nil
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// number returns n for a build folder named prefix<n>, or -1.
func (l *linkLayout) number(name string) int {
	rest, ok := strings.CutPrefix(name, l.prefix)
	if !ok || !isNumber(rest) || len(rest) > 9 {
		return -1
	}
	n, _ := strconv.Atoi(rest)
	return n
}

// builds returns the numbers of the folders kinerja built in l.dir (they
// hold Marker), oldest first, and the next free number.
func (l *linkLayout) builds() (kept []int, next int, err error) {
	entries, err := os.ReadDir(l.dir)
	if err != nil {
		return nil, 0, iku.Wrap(err, iku.Invalid, "cannot read the folder of the builds %q: check its permissions", l.dir)
	}
	next = l.number(filepath.Base(l.current)) + 1
	for _, e := range entries {
		n := l.number(e.Name())
		if n < 0 {
			continue
		}
		next = max(next, n+1)
		if e.IsDir() && isKinerjaBuild(filepath.Join(l.dir, e.Name())) {
			kept = append(kept, n)
		}
	}
	slices.Sort(kept)
	return kept, max(next, 1), nil
}

func (l *linkLayout) path(n int) string {
	return filepath.Join(l.dir, l.prefix+strconv.Itoa(n))
}

// point switches the link to build n: a new link beside it, renamed over
// it, so that every reader sees the old target or the new one.
func (l *linkLayout) point(n int) error {
	name := l.prefix + strconv.Itoa(n)
	text := filepath.Join(l.relDir, name)
	if filepath.IsAbs(l.relDir) {
		text = l.path(n)
	}
	return switchLink(l.link, text)
}

// switchLink points link at target atomically.
func switchLink(link, target string) error {
	tmp := fmt.Sprintf("%s.tmp-%d", link, os.Getpid())
	_ = os.Remove(tmp) // a crashed run of a process with the same id
	if err := os.Symlink(target, tmp); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot create the link %q: check the permissions of its folder", tmp)
	}
	if err := os.Rename(tmp, link); err != nil {
		os.Remove(tmp)
		return iku.Wrap(err, iku.Invalid, "cannot switch the link %q: check the permissions of its folder", link)
	}
	return nil
}

// deployLink moves the finished staging folder to the next numbered build,
// points the link at it and removes the builds beyond keep. A build that
// cannot be removed is reported on warn and left: the site is published.
func deployLink(l *linkLayout, staging string, keep int, warn io.Writer) error {
	_, next, err := l.builds()
	if err != nil {
		return err
	}
	final := l.path(next)
	if err := os.Rename(staging, final); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot move the new site to %q: check the permissions of %q", final, l.dir)
	}
	if err := l.point(next); err != nil {
		os.RemoveAll(final)
		return err
	}
	kept, _, err := l.builds()
	if err != nil {
		return nil
	}
	for i := 0; i < len(kept)-keep; i++ {
		if kept[i] == next {
			continue
		}
		if err := RemoveTree(l.path(kept[i])); err != nil && warn != nil {
			fmt.Fprintf(warn, "  warning: cannot remove the old build %q: %v\n", l.path(kept[i]), err)
		}
	}
	return nil
}

// Rollback points the link out back at the build before the one it
// points at now (one step; the newer build stays until a later build
// removes it).
func Rollback(out string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	l, err := readLink(out)
	if err != nil {
		return err
	}
	if l == nil {
		if _, err := os.Lstat(out); err != nil {
			return iku.Errorf(iku.Invalid, "%q does not exist: name the link that the web server serves with --out", out)
		}
		return iku.Errorf(iku.Invalid, "%q is a folder, not a link to a build, so there is nothing to roll back to: publish with --out pointing at a link (see Deploying in the README)", out)
	}
	lock, err := lockOut(out)
	if err != nil {
		return err
	}
	defer lock.unlock()
	kept, _, err := l.builds()
	if err != nil {
		return err
	}
	cur := l.number(filepath.Base(l.current))
	prev := -1
	for _, n := range kept {
		if n < cur {
			prev = n
		}
	}
	if cur < 0 || prev < 0 {
		return iku.Errorf(iku.Invalid, "there is no earlier build to roll back to: %q points at %q and no older build made by kinerja is kept in %q", out, l.current, l.dir)
	}
	// A page still open from the build left behind (or from any build
	// kept) keeps its stylesheet and its search: their assets go into the
	// older build before the link points at it.
	target := l.path(prev)
	var from []string
	for _, n := range kept {
		from = append(from, l.path(n))
	}
	carried, err := carryAssets(from, target)
	if err != nil {
		return err
	}
	if err := addToMarker(target, carried); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot update %q: check the permissions of %q", filepath.Join(target, Marker), target)
	}
	return l.point(prev)
}

// survivors are the builds a new build must carry the assets of: those
// that stay beside it (the newest keep-1 that kinerja built) and the
// published one.
func (l *linkLayout) survivors(keep int) ([]string, error) {
	kept, _, err := l.builds()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range kept[max(0, len(kept)-(keep-1)):] {
		out = append(out, l.path(n))
	}
	if !slices.Contains(out, l.current) {
		out = append(out, l.current)
	}
	return out, nil
}

// isKinerjaBuild reports whether dir holds Marker.
func isKinerjaBuild(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, Marker))
	return err == nil
}

// publishTree makes every folder under dir 0755 and every file 0644 (less
// the umask), so that the web server's user can read the site whatever
// mode the staging folder was made with; a file whose mode is right
// already (most of a warm build's: links to the files the last build
// published) is left as it is. In the same walk it counts the files and
// the pages (.html), and lists the build's own files that a page loaded
// from it may ask for after the next build is published (carryAssets):
// its fingerprinted assets, and its search index as "pagefind/".
func publishTree(dir string) (files, pages int, own []string, err error) {
	mask := umask()
	dirMode, fileMode := 0o755&^mask, 0o644&^mask
	const bits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		want := fileMode
		switch {
		case d.IsDir():
			want = dirMode
		case d.Type().IsRegular():
			files++
			if strings.HasSuffix(d.Name(), ".html") {
				pages++
			}
		default:
			files++
			return nil // a link: chmod would follow it
		}
		if fi, err := d.Info(); err != nil || fi.Mode()&bits != want {
			if err := os.Chmod(p, want); err != nil {
				return err
			}
		}
		rel, _ := filepath.Rel(dir, p)
		switch rel = filepath.ToSlash(rel); {
		case rel == searchIndex && d.IsDir():
			own = append(own, searchIndex+"/")
		case strings.HasPrefix(rel, searchIndex+"/"):
		case !d.IsDir() && fingerprinted.MatchString(d.Name()):
			own = append(own, rel)
		}
		return nil
	})
	return files, pages, own, err
}

// umask reads the process's umask from /proc (Linux 4.7+); elsewhere it
// sets and restores it, which briefly gives files that other goroutines
// create at that moment a zero umask.
func umask() fs.FileMode {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return fs.FileMode(m)
				}
			}
		}
	}
	return sysUmask()
}

// fingerprinted matches the names Hugo's fingerprint gives assets:
// kinerja.<hex digest>.css.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{32,}\.[A-Za-z0-9]+$`)

// searchIndex is the folder of Pagefind's index (generator/search).
const searchIndex = "pagefind"

// The lines of Marker, after its first: carriedPrefix starts those that
// list the files copied from earlier builds; ownListed says that the
// build's own assets are listed, each on a line that starts with
// ownPrefix ("pagefind/": the search index). A build whose Marker does not
// say so (made by an older kinerja) is walked whole for them.
const (
	carriedPrefix = "from the previous build: "
	ownListed     = "assets listed"
	ownPrefix     = "asset: "
)

// carryAssets copies into dir what a page that a browser loaded from an
// earlier build may still ask for after the switch, from each build of
// from (the published one and, when --out is a link, every build kept for
// rollback): its fingerprinted assets (CSS, JS), so that the page keeps
// its stylesheet, and, when dir has a search index too, the files of its
// Pagefind index, so that a search page opened before the switch keeps
// finding the chunks and fragments of the index it started with. A file
// is copied only when dir has none of that name: a fingerprinted name
// changes with the content, and Pagefind names its chunks by their
// content, so an old page never gets new content under an old name, and
// Pagefind's fixed names (pagefind.js, pagefind-entry.json) stay the new
// build's. Only a build's own files are copied, not those it carried
// itself (its Marker lists them): each build kept is among from. It
// returns the paths copied.
func carryAssets(from []string, dir string) ([]string, error) {
	_, err := os.Stat(filepath.Join(dir, searchIndex))
	search := err == nil
	var carried []string
	// The names in each folder of dir, read once: a search index has
	// tens of thousands of files in a few folders.
	names := map[string]map[string]bool{}
	has := func(rel string) bool {
		parent, name := path.Split(rel)
		set, ok := names[parent]
		if !ok {
			set = map[string]bool{}
			entries, _ := os.ReadDir(filepath.Join(dir, filepath.FromSlash(parent)))
			for _, e := range entries {
				set[e.Name()] = true
			}
			names[parent] = set
		}
		return set[name]
	}
	for _, prev := range from {
		if prev == dir {
			continue
		}
		marker, err := os.ReadFile(filepath.Join(prev, Marker))
		if err != nil {
			continue // nothing published yet, or not ours
		}
		already := map[string]bool{}
		var own []string
		listed := false
		for _, line := range strings.Split(string(marker), "\n") {
			if p, ok := strings.CutPrefix(line, carriedPrefix); ok {
				already[p] = true
			}
			if p, ok := strings.CutPrefix(line, ownPrefix); ok {
				own = append(own, p)
			}
			listed = listed || line == ownListed
		}
		carry := func(rel string) error {
			if already[rel] || has(rel) {
				return nil
			}
			if err := copyFile(filepath.Join(prev, filepath.FromSlash(rel)), filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
				return err
			}
			carried = append(carried, rel)
			return nil
		}
		// walk carries the files under the folder root of prev (slash path;
		// "." for all of it) that match.
		walk := func(root string, match func(rel, name string) bool) error {
			base := filepath.Join(prev, filepath.FromSlash(root))
			if _, err := os.Lstat(base); errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
				if err != nil || !d.Type().IsRegular() {
					return err
				}
				rel, err := filepath.Rel(prev, p)
				if err != nil {
					return err
				}
				if rel = filepath.ToSlash(rel); !match(rel, d.Name()) {
					return nil
				}
				return carry(rel)
			})
		}
		switch {
		case !listed:
			err = walk(".", func(rel, name string) bool {
				return fingerprinted.MatchString(name) || search && strings.HasPrefix(rel, searchIndex+"/")
			})
		default:
			for _, rel := range own {
				if rel == searchIndex+"/" {
					if search {
						err = walk(searchIndex, func(string, string) bool { return true })
					}
				} else if _, serr := os.Lstat(filepath.Join(prev, filepath.FromSlash(rel))); serr == nil {
					err = carry(rel)
				}
				if err != nil {
					break
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("copy the assets of the published site %q: %w", prev, err)
		}
	}
	slices.Sort(carried)
	return carried, nil
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeMarker writes Marker into dir, listing its own assets (own, from
// publishTree) and those carried from earlier builds.
func writeMarker(dir string, own, carried []string) error {
	var b strings.Builder
	b.WriteString("built by kinerja\n" + ownListed + "\n")
	for _, p := range own {
		b.WriteString(ownPrefix + p + "\n")
	}
	for _, p := range carried {
		b.WriteString(carriedPrefix + p + "\n")
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(b.String()), 0o644)
}

// addToMarker lists more carried assets in the Marker of the build dir,
// which may be served: the new marker replaces the old one by a rename.
func addToMarker(dir string, carried []string) error {
	if len(carried) == 0 {
		return nil
	}
	old, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil {
		return err
	}
	b := slices.Clone(old)
	for _, p := range carried {
		b = append(b, carriedPrefix+p+"\n"...)
	}
	tmp := filepath.Join(dir, Marker+".new")
	if err := os.WriteFile(tmp, b, 0o644&^umask()); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, Marker))
}
