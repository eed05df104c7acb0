// Package filestore keeps the files a build generates (the downloads, the
// API documents) by the SHA-256 of their bytes, and remembers which file
// the same inputs made before, so that a build whose inputs did not change
// neither regenerates nor rewrites a file (DESIGN.md, "One display model":
// a stage whose input did not change reuses its output from a cache keyed
// by content hash).
//
// A store is a folder (a site's .cache/files):
//
//	ab/abcdef…   a file, named by the SHA-256 of its bytes in hex, under
//	             the folder of its first two digits
//	index        what the store knows: each file's size and modification
//	             time when it was stored, and which file each key (the
//	             SHA-256 of a file's inputs, computed by the caller) made
//
// A file is written to a temporary name and renamed, so that neither a
// reader nor a build stopped half-way ever sees half a file. The published
// site links the stored files in (generator/site), so they share their
// bytes with the published copies: a file whose size or modification time
// is not what the index recorded (a published copy edited in place) is no
// longer trusted and is written again. The index is a cache too: when it
// is lost, a file is trusted again once its bytes are compared.
package filestore

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// indexHeader starts the index file; an index with another header is
// ignored (a store written by another version starts afresh).
const indexHeader = "kinerja-filestore 1"

// File is one stored file.
type File struct {
	Hash string // hex SHA-256 of the bytes
	Size int64
	Path string // where the bytes are (absolute)
}

// record is what the index knows of a stored file.
type record struct {
	size  int64
	mtime int64 // UnixNano
}

// Store is a folder of files kept by content hash. Its methods may be
// called from several goroutines.
type Store struct {
	dir     string
	mu      sync.Mutex
	objects map[string]record // hash → record
	keys    map[string]string // key → hash
	dirty   bool
}

// Open opens (or creates) the store in dir.
func Open(dir string) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot create the file cache %q: check the permissions of the site folder", abs)
	}
	s := &Store{dir: abs, objects: map[string]record{}, keys: map[string]string{}}
	s.readIndex()
	return s, nil
}

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// Hash is the hex SHA-256 of data: the name data is stored under.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// path is where the file of hash is.
func (s *Store) path(hash string) string {
	return filepath.Join(s.dir, hash[:2], hash)
}

// valid reports whether the file of hash is in the store as recorded.
// The caller holds s.mu.
func (s *Store) valid(hash string) (record, bool) {
	r, ok := s.objects[hash]
	if !ok {
		return r, false
	}
	fi, err := os.Stat(s.path(hash))
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != r.size || fi.ModTime().UnixNano() != r.mtime {
		return r, false
	}
	return r, true
}

// Get returns the file the inputs named key made before, if the store
// still holds it as it was stored.
func (s *Store) Get(key string) (File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.keys[key]
	if !ok {
		return File{}, false
	}
	r, ok := s.valid(h)
	if !ok {
		return File{}, false
	}
	return File{Hash: h, Size: r.size, Path: s.path(h)}, true
}

// Put stores data and returns its file; written reports whether its bytes
// were written (false when the store already held them). When key is not
// "", Get(key) returns the file from now on.
func (s *Store) Put(key string, data []byte) (f File, written bool, err error) {
	h := Hash(data)
	f = File{Hash: h, Size: int64(len(data)), Path: s.path(h)}
	s.mu.Lock()
	_, ok := s.valid(h)
	s.mu.Unlock()
	if !ok && s.sameOnDisk(h, data) {
		ok = true
	}
	if !ok {
		if err := s.write(h, data); err != nil {
			return File{}, false, err
		}
		written = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, recorded := s.objects[h]; written || !recorded {
		fi, err := os.Stat(f.Path)
		if err != nil {
			return File{}, false, iku.Wrap(err, iku.Unavailable, "cannot read the file cache %q", s.dir)
		}
		s.objects[h] = record{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
		s.dirty = true
	}
	if key != "" && s.keys[key] != h {
		s.keys[key] = h
		s.dirty = true
	}
	return f, written, nil
}

// sameOnDisk reports whether the file of hash is on disk, not recorded
// (the index was lost, or another build stored it), and holds data.
func (s *Store) sameOnDisk(hash string, data []byte) bool {
	s.mu.Lock()
	_, recorded := s.objects[hash]
	s.mu.Unlock()
	if recorded {
		return false // recorded but changed since: write it again
	}
	b, err := os.ReadFile(s.path(hash))
	return err == nil && bytes.Equal(b, data)
}

// write writes data as the file of hash, through a temporary file and a
// rename (which replaces a file changed in place with a new one).
func (s *Store) write(hash string, data []byte) error {
	fail := func(err error) error {
		return iku.Wrap(err, iku.Invalid, "cannot write to the file cache %q: check that the disk is not full", s.dir)
	}
	dir := filepath.Dir(s.path(hash))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fail(err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.path(hash))
	}
	if err != nil {
		os.Remove(f.Name())
		return fail(err)
	}
	return nil
}

// Save writes the index when it changed, through a temporary file and a
// rename. Two builds saving at once lose one's new entries, which only
// costs the next build some work.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(indexHeader + "\n")
	for _, h := range slices.Sorted(maps.Keys(s.objects)) {
		r := s.objects[h]
		fmt.Fprintf(&b, "o %s %d %d\n", h, r.size, r.mtime)
	}
	for _, k := range slices.Sorted(maps.Keys(s.keys)) {
		if _, ok := s.objects[s.keys[k]]; ok {
			fmt.Fprintf(&b, "k %s %s\n", k, s.keys[k])
		}
	}
	f, err := os.CreateTemp(s.dir, ".index-*")
	if err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot write to the file cache %q: check that the disk is not full", s.dir)
	}
	_, err = f.Write(b.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(s.dir, "index"))
	}
	if err != nil {
		os.Remove(f.Name())
		return iku.Wrap(err, iku.Invalid, "cannot write to the file cache %q: check that the disk is not full", s.dir)
	}
	s.dirty = false
	return nil
}

// readIndex loads the index; a missing or unreadable one, or a line that
// does not parse, is simply not known (the store is a cache).
func (s *Store) readIndex() {
	f, err := os.Open(filepath.Join(s.dir, "index"))
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	if !sc.Scan() || sc.Text() != indexHeader {
		return
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 4 && fields[0] == "o" && isHash(fields[1]):
			size, err1 := strconv.ParseInt(fields[2], 10, 64)
			mtime, err2 := strconv.ParseInt(fields[3], 10, 64)
			if err1 == nil && err2 == nil {
				s.objects[fields[1]] = record{size: size, mtime: mtime}
			}
		case len(fields) == 3 && fields[0] == "k" && isHash(fields[2]):
			s.keys[fields[1]] = fields[2]
		}
	}
}

func isHash(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}
