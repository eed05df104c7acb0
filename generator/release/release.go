// Package release keeps the quarterly releases the communications office
// publishes (DESIGN.md, "Releases"): each is the data of one quarter frozen
// as a bundle, with a manifest of what it is and the SHA-256 of every
// file, in a releases folder the office stores. Releases are never edited:
// a correction is a new version of the same quarter, with its reason, and
// the revisions between releases are computed by comparing them.
//
// Layout: <releases>/<yyyy-qn>/v<N>/ holding the bundle's files and
// manifest.json, and <releases>/SHA256SUMS, the index of the manifests
// (folder.go). Any version folder is a bundle that `kinerja build --from`
// rebuilds alone.
package release

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// ManifestFile names the manifest in a version folder.
const ManifestFile = "manifest.json"

// Manifest says what a release is. It holds no host, role, path or clock
// time: the same data published on the same day gives the same bytes.
type Manifest struct {
	Quarter    string `json:"quarter"`   // "2026-Q3"
	Version    int    `json:"version"`   // 1, then 2, … for corrections
	Published  string `json:"published"` // the publication day, "2026-10-15"
	Source     string `json:"source"`    // "PostgreSQL (publik views)", "CSV bundle", "demo data"
	Software   string `json:"software"`  // "kinerja v1.2.0"
	Reason     string `json:"reason,omitempty"`
	Forced     string `json:"forced,omitempty"` // published despite blocking problems: why
	Fictitious bool   `json:"fictitious,omitempty"`
	Files      []File `json:"files"`

	// RatingsKept are the years whose ratings were corrected after they
	// were published, but whose corrected table would have let a hidden
	// count be derived: this release repeats the table published before
	// (package disclosure, rule 4).
	RatingsKept []int `json:"ratings_kept,omitempty"`
}

// File is one file of a release with its size and SHA-256.
type File struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Release is one version of one quarter's release.
type Release struct {
	Manifest
	Dir   string      // its folder ("" for a transient release)
	Q     iku.Quarter // Manifest.Quarter, parsed
	files map[string][]byte
}

// Key is the release's name in URLs and folders: "2026-q3".
func (r *Release) Key() string { return Key(r.Q) }

// Key is a quarter's name in release URLs and folders: "2026-q3".
func Key(q iku.Quarter) string { return strings.ToLower(q.String()) }

// Files returns the release's files by name (the bundle and the manifest).
func (r *Release) Files() map[string][]byte { return r.files }

// Dataset reads the release's bundle.
func (r *Release) Dataset() (*iku.Dataset, error) {
	fsys := make(fstest.MapFS, len(r.files))
	for name, b := range r.files {
		fsys[name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	name := r.Dir
	if name == "" {
		name = "the release " + r.Quarter
	}
	ds, err := bundle.Open(fsys, name).Load(context.Background())
	if err != nil {
		return nil, err
	}
	// A release holds the ratings table kinerja published (releases made
	// before the bundle said so lack the mark).
	ds.RatingsPublished = true
	return ds, nil
}

// Freeze makes a release of ds for quarter q: the results and explanations
// after q (and the ratings of q's year and later) are left out (a release is what was known of the quarters up to
// q), the rest is written as a bundle, and the manifest m is completed with
// the quarter and every file's size and hash.
func Freeze(ds *iku.Dataset, q iku.Quarter, m Manifest) (*Release, error) {
	cut := *ds
	cut.Results = slices.DeleteFunc(slices.Clone(ds.Results), func(r iku.Result) bool { return q.Before(r.Quarter) })
	cut.Explanations = slices.DeleteFunc(slices.Clone(ds.Explanations), func(x iku.Explanation) bool { return q.Before(x.Quarter) })
	// A year's ratings are known once the year is over.
	cut.Ratings = slices.DeleteFunc(slices.Clone(ds.Ratings), func(r iku.RatingCount) bool { return r.Year >= q.Year })
	files, err := bundle.Encode(&cut)
	if err != nil {
		return nil, err
	}
	m.Quarter = q.String()
	m.Fictitious = ds.Fictitious
	m.RatingsKept = slices.DeleteFunc(slices.Clone(ds.RatingsKept), func(y int) bool { return y >= q.Year })
	m.Files = nil
	for _, name := range bundle.Files() {
		m.Files = append(m.Files, fileOf(name, files[name]))
	}
	b, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[ManifestFile] = b
	return &Release{Manifest: m, Q: q, files: files}, nil
}

// SameData reports whether two releases hold the same bundle (their
// manifests aside, but for the years whose ratings correction was kept
// back: a correction the office made is a new version even when its
// table cannot be published).
func SameData(a, b *Release) bool {
	if len(a.Files()) != len(b.Files()) || !slices.Equal(a.RatingsKept, b.RatingsKept) {
		return false
	}
	for name, x := range a.files {
		if name != ManifestFile && !bytes.Equal(x, b.files[name]) {
			return false
		}
	}
	return true
}

func fileOf(name string, b []byte) File {
	return File{Path: name, Bytes: len(b), SHA256: hash(b)}
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	quarterDir = regexp.MustCompile(`^[0-9]{4}-q[1-4]$`)
	versionDir = regexp.MustCompile(`^v([1-9][0-9]*)$`)
)

// Latest is the newest version of the newest quarter, or nil.
func Latest(rs []*Release) *Release {
	if len(rs) == 0 {
		return nil
	}
	return rs[len(rs)-1]
}

// OfQuarter returns the versions of quarter q, oldest first.
func OfQuarter(rs []*Release, q iku.Quarter) []*Release {
	var out []*Release
	for _, r := range rs {
		if r.Q == q {
			out = append(out, r)
		}
	}
	return out
}

// Transient is the release a build without a releases folder makes in
// memory: the data as read, for its latest quarter, not yet published.
func Transient(ds *iku.Dataset, q iku.Quarter, source string) (*Release, error) {
	return Freeze(ds, q, Manifest{Version: 1, Source: source})
}

// Newest returns the folder of the newest version when dir is a release's
// quarter folder (<releases>/2026-q3 holding v1, v2, …), else dir itself:
// so that `kinerja build --from releases/2026-q3` rebuilds that release.
func Newest(dir string) string {
	if !quarterDir.MatchString(filepath.Base(filepath.Clean(dir))) {
		return dir
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dir
	}
	best := 0
	for _, e := range entries {
		if m := versionDir.FindStringSubmatch(e.Name()); m != nil && e.IsDir() {
			if v, _ := strconv.Atoi(m[1]); v > best {
				best = v
			}
		}
	}
	if best == 0 {
		return dir
	}
	return filepath.Join(dir, "v"+strconv.Itoa(best))
}
