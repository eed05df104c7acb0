package release

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The releases folder, as kinerja publish keeps it:
//
//	<releases>/SHA256SUMS        the index: the SHA-256 of every version's manifest.json
//	<releases>/<yyyy-qn>/v<N>/   one version: the bundle's files and manifest.json
//	<releases>/.publishing       only while a publish adds a release, or after one was killed
//	<releases>/.kinerja.lock     only while a publish or a build holds the folder (lock.go)
//
// Each manifest holds the SHA-256 of every file of its version, and the
// index the SHA-256 of every manifest, so the index alone vouches for
// every byte: the office signs it off by keeping it with the releases (a
// git commit, a signature of the file). Every build from the folder checks
// it and names what differs: an edited file or manifest, a version
// deleted, a release listed but gone, a folder nobody published.
// `sha256sum -c SHA256SUMS` inside the folder checks the manifests by hand.

// IndexFile is the index of a releases folder.
const IndexFile = "SHA256SUMS"

// journalFile records the release a publish is adding, from before its
// folder is written until its site is published, so that the next publish
// finishes it (the release was written) or forgets it (it was not) when
// the process was killed in between.
const journalFile = ".publishing"

// Folder is a releases folder, read and verified by Open.
type Folder struct {
	Dir string
	// Releases are the published releases, oldest quarter and version
	// first. A release an interrupted publish wrote but did not index yet
	// is not among them (see Pending).
	Releases []*Release
	// Indexed: the folder has its index. A folder written by a kinerja
	// older than the index has none; each release is then checked
	// against its own manifest only, and the next publish writes it.
	Indexed bool
	// Pending is the release a publish was adding when it was killed,
	// or nil.
	Pending  *Pending
	hadIndex bool // Indexed before Add: Undo restores the folder as it was
}

// Pending is what the journal of an interrupted publish records.
type Pending struct {
	Quarter  string `json:"quarter"` // "2026-Q3"
	Version  int    `json:"version"`
	Manifest string `json:"manifest_sha256"`
	// Release is the version folder it wrote, complete and verified; nil
	// when the publish was killed before the folder was in place.
	Release *Release `json:"-"`
	// Indexed: the index lists Release (it is in Folder.Releases too).
	Indexed bool `json:"-"`
}

// Label names the pending release: "2026-Q3 v1".
func (p *Pending) Label() string { return fmt.Sprintf("%s v%d", p.Quarter, p.Version) }

func (p *Pending) name() string {
	return strings.ToLower(p.Quarter) + "/v" + strconv.Itoa(p.Version)
}

// Open reads every release in dir and checks it: each file against its
// manifest, each manifest against the index, every version numbered from
// 1 without a gap, everything the index lists present. It names every
// difference in one error. A missing dir holds no releases.
func Open(dir string) (*Folder, error) {
	f := &Folder{Dir: dir}
	index, err := readIndex(dir)
	if err != nil {
		return nil, err
	}
	f.Indexed, f.hadIndex = index != nil, index != nil
	if f.Pending, err = readJournal(dir); err != nil {
		return nil, err
	}
	qs, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		f.Indexed = true // nothing to index
		return f, nil
	}
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read the releases folder %q: check the path and its permissions", dir)
	}
	var problems []string
	seen := map[string]bool{}
	for _, qd := range qs {
		if !qd.IsDir() || !quarterDir.MatchString(qd.Name()) {
			continue
		}
		vs, err := os.ReadDir(filepath.Join(dir, qd.Name()))
		if err != nil {
			return nil, iku.Wrap(err, iku.Invalid, "cannot read %q: check its permissions", filepath.Join(dir, qd.Name()))
		}
		var numbers []int
		for _, vd := range vs {
			m := versionDir.FindStringSubmatch(vd.Name())
			if !vd.IsDir() || m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[1])
			numbers = append(numbers, n)
			name := qd.Name() + "/" + vd.Name()
			seen[name] = true
			r, ps := f.verify(name, index)
			problems = append(problems, ps...)
			if r == nil {
				continue
			}
			if f.Pending != nil && f.Pending.name() == name {
				f.Pending.Release = r
				if _, listed := index[name]; !listed {
					continue // written, not yet published
				}
				f.Pending.Indexed = true
			}
			f.Releases = append(f.Releases, r)
		}
		// Versions are numbered from 1 without a gap (one the index lists
		// is named below).
		slices.Sort(numbers)
		for v := 1; len(numbers) > 0 && v < numbers[len(numbers)-1]; v++ {
			name := fmt.Sprintf("%s/v%d", qd.Name(), v)
			if _, listed := index[name]; !listed && !slices.Contains(numbers, v) {
				problems = append(problems, fmt.Sprintf("%s is missing while v%d exists", name, numbers[len(numbers)-1]))
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(index)) {
		if !seen[name] {
			problems = append(problems, fmt.Sprintf("%s is missing (%s lists it)", name, IndexFile))
		}
	}
	if len(problems) > 0 {
		if len(problems) > 6 {
			problems = append(problems[:6], fmt.Sprintf("%d more", len(problems)-6))
		}
		return nil, iku.Errorf(iku.Invalid, "the releases folder %q is not what was published: %s; restore what is named from the office's copy of the releases (git, object storage), since a release is never edited",
			dir, strings.Join(problems, "; "))
	}
	sortReleases(f.Releases)
	return f, nil
}

// verify reads the version folder name ("2026-q3/v1") and checks its
// manifest against the index (when there is one) and its files against
// the manifest; it returns the release, or what is wrong with it.
func (f *Folder) verify(name string, index map[string]string) (*Release, []string) {
	dir := filepath.Join(f.Dir, filepath.FromSlash(name))
	mpath := name + "/" + ManifestFile
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, []string{mpath + " is missing or unreadable"}
	}
	sum := hash(b)
	pending := f.Pending != nil && f.Pending.name() == name
	if index != nil {
		want, listed := index[name]
		switch {
		case listed && want != sum:
			return nil, []string{fmt.Sprintf("%s was changed (its SHA-256 is not the one %s lists)", mpath, IndexFile)}
		case !listed && !pending:
			return nil, []string{fmt.Sprintf("%s is not listed in %s (only kinerja publish adds a release)", name, IndexFile)}
		}
	}
	if pending && sum != f.Pending.Manifest {
		return nil, []string{fmt.Sprintf("%s is not the one the interrupted publish of %s wrote", mpath, f.Pending.Label())}
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, []string{fmt.Sprintf("%s is not valid JSON (%v)", mpath, err)}
	}
	q, err := iku.ParseQuarter(m.Quarter)
	if err != nil || Key(q)+"/v"+strconv.Itoa(m.Version) != name {
		return nil, []string{fmt.Sprintf("%s names %s v%d, not the folder it is in (a release is never moved)", mpath, m.Quarter, m.Version)}
	}
	r := &Release{Manifest: m, Dir: dir, Q: q, files: map[string][]byte{ManifestFile: b}}
	var problems []string
	for _, file := range m.Files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file.Path)))
		switch {
		case err != nil:
			problems = append(problems, name+"/"+file.Path+" is missing")
		case fileOf(file.Path, data) != file:
			problems = append(problems, fmt.Sprintf("%s/%s was changed (its SHA-256 is not the one its manifest lists)", name, file.Path))
		default:
			r.files[file.Path] = data
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if _, ok := r.files[e.Name()]; !ok && !slices.ContainsFunc(m.Files, func(x File) bool { return x.Path == e.Name() }) {
			problems = append(problems, fmt.Sprintf("%s/%s is not in its manifest", name, e.Name()))
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return r, nil
}

// Clean removes what a killed publish can leave in the releases folder
// dir: a half-written version folder (never renamed into place), a
// half-written index or journal, an empty quarter folder. Only a publish,
// holding the folder's lock, calls it.
func Clean(dir string) error {
	var debris []string
	top, _ := filepath.Glob(filepath.Join(dir, ".new-*"))
	debris = append(debris, top...)
	qs, _ := os.ReadDir(dir)
	for _, qd := range qs {
		if !qd.IsDir() || !quarterDir.MatchString(qd.Name()) {
			continue
		}
		qdir := filepath.Join(dir, qd.Name())
		staged, _ := filepath.Glob(filepath.Join(qdir, ".new-*"))
		for _, s := range staged {
			if err := os.RemoveAll(s); err != nil {
				return iku.Wrap(err, iku.Invalid, "cannot remove %q, left by an interrupted publish: remove it by hand", s)
			}
		}
		if entries, err := os.ReadDir(qdir); err == nil && len(entries) == 0 {
			debris = append(debris, qdir)
		}
	}
	for _, d := range debris {
		if err := os.RemoveAll(d); err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot remove %q, left by an interrupted publish: remove it by hand", d)
		}
	}
	return nil
}

// Add writes r as the next version of its quarter and publishes it in the
// index, in an order that a kill at any point leaves recoverable: the
// journal first (from then on the next publish finishes or forgets this
// one), then the version folder (written into a temporary folder beside
// it, synced, renamed into place: it is whole or absent), then the index.
// at, when set, is called at each point a test may stop the process:
// "release-started" (a temporary folder half written), "release-written",
// "index-written". On an error, what was written is undone.
func (f *Folder) Add(r *Release, at func(stage string)) (err error) {
	if at == nil {
		at = func(string) {}
	}
	name := r.Key() + "/v" + strconv.Itoa(r.Version)
	final := filepath.Join(f.Dir, filepath.FromSlash(name))
	if _, err := os.Stat(final); err == nil {
		return iku.Errorf(iku.Invalid, "the release %s v%d already exists in %q: releases are never replaced", r.Quarter, r.Version, f.Dir)
	}
	fail := func(err error, format string, args ...any) error {
		_ = f.Undo(r)
		return iku.Wrap(err, iku.Invalid, format, args...)
	}
	if err := os.MkdirAll(f.Dir, 0o755); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot create the releases folder %q: check the path and its permissions", f.Dir)
	}
	j := &Pending{Quarter: r.Quarter, Version: r.Version, Manifest: hash(r.files[ManifestFile])}
	jb, err := json.Marshal(j)
	if err != nil {
		return err
	}
	if err := writeAtomic(f.Dir, journalFile, jb); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot write into the releases folder %q: check its permissions and that the disk is not full", f.Dir)
	}
	f.Pending = j

	qdir := filepath.Dir(final)
	if err := os.MkdirAll(qdir, 0o755); err != nil {
		return fail(err, "cannot create %q: check the permissions of the releases folder", qdir)
	}
	if err := syncDir(f.Dir); err != nil {
		return fail(err, "cannot write into the releases folder %q: check that the disk is not full", f.Dir)
	}
	tmp, err := os.MkdirTemp(qdir, ".new-")
	if err != nil {
		return fail(err, "cannot write into the releases folder %q: check its permissions", f.Dir)
	}
	defer os.RemoveAll(tmp) // gone after the rename; removes a failed write
	for i, file := range slices.Sorted(maps.Keys(r.files)) {
		if err := writeSynced(filepath.Join(tmp, file), r.files[file]); err != nil {
			return fail(err, "cannot write the release into %q: check that the disk is not full", f.Dir)
		}
		if i == 0 {
			at("release-started")
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(err, "cannot write the release into %q", f.Dir)
	}
	if err := syncDir(tmp); err != nil {
		return fail(err, "cannot write the release into %q: check that the disk is not full", f.Dir)
	}
	if err := os.Rename(tmp, final); err != nil {
		return fail(err, "cannot move the release into place in %q: check its permissions", f.Dir)
	}
	if err := syncDir(qdir); err != nil {
		return fail(err, "cannot write the release into %q: check that the disk is not full", f.Dir)
	}
	r.Dir = final
	j.Release = r
	at("release-written")

	if err := f.index(r); err != nil {
		return fail(err, "cannot write %s in %q: check that the disk is not full", IndexFile, f.Dir)
	}
	at("index-written")
	return nil
}

// Resume puts the release of an interrupted publish (complete, since it
// was renamed into place whole) into the index when it is not there yet.
func (f *Folder) Resume() error {
	p := f.Pending
	if p == nil || p.Release == nil || p.Indexed {
		return nil
	}
	if err := f.index(p.Release); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot write %s in %q: check its permissions and that the disk is not full", IndexFile, f.Dir)
	}
	return nil
}

// index adds r to the releases and writes the index of them all.
func (f *Folder) index(r *Release) error {
	f.Releases = append(f.Releases, r)
	sortReleases(f.Releases)
	if err := writeIndex(f.Dir, f.Releases); err != nil {
		f.Releases = slices.DeleteFunc(f.Releases, func(x *Release) bool { return x == r })
		return err
	}
	f.Indexed = true
	f.Pending.Indexed = true
	return nil
}

// Done ends a publish: its site is published, so its journal goes.
func (f *Folder) Done() error {
	if err := os.Remove(filepath.Join(f.Dir, journalFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return iku.Wrap(err, iku.Invalid, "cannot remove %q: remove it by hand", filepath.Join(f.Dir, journalFile))
	}
	f.Pending = nil
	return syncDir(f.Dir)
}

// Undo removes the release r that Add wrote (its site could not be built)
// and leaves the folder as it was before: the index without it (written
// first, so that a kill in between leaves a pending release, never a
// listed one missing), then its folder, then the journal.
func (f *Folder) Undo(r *Release) error {
	name := r.Key() + "/v" + strconv.Itoa(r.Version)
	final := filepath.Join(f.Dir, filepath.FromSlash(name))
	if slices.Contains(f.Releases, r) {
		f.Releases = slices.DeleteFunc(f.Releases, func(x *Release) bool { return x == r })
		var err error
		if f.hadIndex {
			err = writeIndex(f.Dir, f.Releases)
		} else {
			err = os.Remove(filepath.Join(f.Dir, IndexFile))
		}
		if err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot restore %s in %q after the failed publish: remove %s and restore %s from the office's copy", IndexFile, f.Dir, final, IndexFile)
		}
		f.Indexed = f.hadIndex
	}
	if err := os.RemoveAll(final); err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot remove the release %q after the failed publish: remove it by hand", final)
	}
	if entries, err := os.ReadDir(filepath.Dir(final)); err == nil && len(entries) == 0 {
		_ = os.Remove(filepath.Dir(final))
	}
	return f.Done()
}

func sortReleases(rs []*Release) {
	slices.SortFunc(rs, func(a, b *Release) int {
		return cmp.Or(cmp.Compare(a.Q.Index(), b.Q.Index()), cmp.Compare(a.Version, b.Version))
	})
}

func hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// readIndex reads dir's index: the manifest SHA-256 of each version by its
// name ("2026-q3/v1"); nil when the folder has no index.
func readIndex(dir string) (map[string]string, error) {
	path := filepath.Join(dir, IndexFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read %q: check its permissions", path)
	}
	index := map[string]string{}
	if len(b) == 0 {
		return index, nil
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		sum, file, _ := strings.Cut(line, "  ")
		name, ok := strings.CutSuffix(file, "/"+ManifestFile)
		q, v, _ := strings.Cut(name, "/")
		if _, err := hex.DecodeString(sum); err != nil || len(sum) != 64 || !ok || !quarterDir.MatchString(q) || !versionDir.MatchString(v) {
			return nil, iku.Errorf(iku.Invalid, "line %d of %s is not \"<SHA-256>  <yyyy-qn>/v<N>/%s\": restore the file from the office's copy of the releases", i+1, path, ManifestFile)
		}
		index[name] = sum
	}
	return index, nil
}

// writeIndex writes the index of rs into dir, in the format of sha256sum.
func writeIndex(dir string, rs []*Release) error {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s  %s/v%d/%s\n", hash(r.files[ManifestFile]), r.Key(), r.Version, ManifestFile)
	}
	return writeAtomic(dir, IndexFile, []byte(b.String()))
}

func readJournal(dir string) (*Pending, error) {
	path := filepath.Join(dir, journalFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read %q: check its permissions", path)
	}
	var p Pending
	if err := json.Unmarshal(b, &p); err != nil || p.Version < 1 {
		return nil, iku.Errorf(iku.Invalid, "%q, the record of an interrupted publish, is damaged: remove it, and check the releases folder with kinerja build --releases", path)
	}
	if _, err := iku.ParseQuarter(p.Quarter); err != nil {
		return nil, iku.Errorf(iku.Invalid, "%q, the record of an interrupted publish, is damaged: remove it, and check the releases folder with kinerja build --releases", path)
	}
	return &p, nil
}

// writeAtomic writes dir/name whole or not at all: into a temporary file
// beside it (which Clean removes after a kill), synced, then renamed.
func writeAtomic(dir, name string, data []byte) error {
	tmp := filepath.Join(dir, ".new-"+strings.TrimPrefix(name, "."))
	if err := writeSynced(tmp, data); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

// writeSynced writes a file and waits until the disk has it.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir waits until the disk has the entries of dir (a rename into it).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
