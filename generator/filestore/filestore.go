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
//	             time when it was stored and the last build that used it,
//	             and which file each key (the SHA-256 of a file's inputs,
//	             computed by the caller) made
//	lock         held shared by every build that has the store open, so
//	             that Prune runs only when no other build uses a file
//
// A file is written to a temporary name and renamed, so that neither a
// reader nor a build stopped half-way ever sees half a file. The published
// site links the stored files in (generator/site), so they share their
// bytes with the published copies: a file whose size or modification time
// is not what the index recorded (a published copy edited in place) is no
// longer trusted and is written again. The index is a cache too: when it
// is lost, a file is trusted again once its bytes are compared.
//
// Prune removes what the last Keep builds did not use; a published site
// keeps its own links to the files it shows, so pruning never changes a
// published file.
package filestore

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/tanjungbalai/kinerja/generator/flock"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// indexHeader starts the index file; an index with another header is
// ignored (a store written by another version starts afresh).
const indexHeader = "kinerja-filestore 2"

// Keep is how many builds' files Prune keeps: a site built alternately
// from two sets of data (a preview and the published release) does not
// remake its files each time.
const Keep = 5

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
	used  int64 // the generation (build) that last used it
}

// Store is a folder of files kept by content hash. Its methods may be
// called from several goroutines.
type Store struct {
	dir     string
	mu      sync.Mutex
	objects map[string]record // hash → record
	keys    map[string]string // key → hash
	dirty   bool
	gen     int64    // this build's generation: one more than the index's
	lock    *os.File // the shared lock of this build
}

// held keeps every open store's lock file reachable, so that no lock is
// released by the garbage collector before Close (or the process's end).
var held = struct {
	sync.Mutex
	m map[*Store]bool
}{m: map[*Store]bool{}}

// Open opens (or creates) the store in dir.
func Open(dir string) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot create the file cache %q: check the permissions of the site folder", abs)
	}
	lock, err := os.OpenFile(filepath.Join(abs, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot create the lock of the file cache %q: check the permissions of the site folder", abs)
	}
	if err := lockFile(lock, flock.SH); err != nil {
		lock.Close()
		return nil, iku.Wrap(err, iku.Invalid, "cannot lock the file cache %q", abs)
	}
	s := &Store{dir: abs, objects: map[string]record{}, keys: map[string]string{}, lock: lock}
	s.gen = s.readIndex() + 1
	held.Lock()
	held.m[s] = true
	held.Unlock()
	return s, nil
}

// Close releases the store's lock (the process's end does too).
func (s *Store) Close() error {
	held.Lock()
	delete(held.m, s)
	held.Unlock()
	return s.lock.Close()
}

// lockFile locks f (flock.SH, flock.EX, …), again after an interrupt.
func lockFile(f *os.File, how int) error {
	for {
		err := flock.Flock(f.Fd(), how)
		if err != syscall.EINTR {
			return err
		}
	}
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
	s.use(h)
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
	return s.record(key, f, written)
}

// record notes f, stored or found, as used by this build and made by the
// inputs named key.
func (s *Store) record(key string, f File, written bool) (File, bool, error) {
	h := f.Hash
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, recorded := s.objects[h]; written || !recorded {
		fi, err := os.Stat(f.Path)
		if err != nil {
			return File{}, false, iku.Wrap(err, iku.Unavailable, "cannot read the file cache %q", s.dir)
		}
		s.objects[h] = record{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	}
	s.use(h)
	if key != "" && s.keys[key] != h {
		s.keys[key] = h
		s.dirty = true
	}
	return f, written, nil
}

// Pending is a file being written to the store a piece at a time, so
// that a large file is never whole in memory: Put's streaming form.
// Commit stores it; Abort (after Commit, a no-op) drops it.
type Pending struct {
	s    *Store
	f    *os.File
	w    *bufio.Writer
	h    hash.Hash
	size int64
	done bool
}

// Create starts a file to be stored by Commit.
func (s *Store) Create() (*Pending, error) {
	f, err := os.CreateTemp(s.dir, ".new-*")
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot write to the file cache %q: check that the disk is not full", s.dir)
	}
	return &Pending{s: s, f: f, w: bufio.NewWriterSize(f, 64<<10), h: sha256.New()}, nil
}

// Write adds p to the file.
func (p *Pending) Write(b []byte) (int, error) {
	p.h.Write(b)
	p.size += int64(len(b))
	return p.w.Write(b)
}

// Abort drops the file.
func (p *Pending) Abort() {
	if !p.done {
		p.done = true
		p.f.Close()
		os.Remove(p.f.Name())
	}
}

// Commit stores the bytes written as Put stores data; the Pending is done.
func (p *Pending) Commit(key string) (f File, written bool, err error) {
	s := p.s
	fail := func(err error) (File, bool, error) {
		p.Abort()
		return File{}, false, iku.Wrap(err, iku.Invalid, "cannot write to the file cache %q: check that the disk is not full", s.dir)
	}
	if p.done {
		return File{}, false, iku.Errorf(iku.Internal, "filestore: a file committed or dropped twice")
	}
	if err := p.w.Flush(); err != nil {
		return fail(err)
	}
	h := hex.EncodeToString(p.h.Sum(nil))
	f = File{Hash: h, Size: p.size, Path: s.path(h)}
	s.mu.Lock()
	_, ok := s.valid(h)
	_, recorded := s.objects[h]
	s.mu.Unlock()
	if !ok && !recorded {
		// On disk but not recorded (the index was lost, or another build
		// stored it): the same bytes if the same hash.
		ok = sameHash(f.Path, h)
	}
	if ok {
		p.Abort()
		return s.record(key, f, false)
	}
	err = p.f.Chmod(0o644)
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	p.done = true
	if err == nil {
		err = os.MkdirAll(filepath.Dir(f.Path), 0o755)
	}
	if err == nil {
		err = os.Rename(p.f.Name(), f.Path)
	}
	if err != nil {
		os.Remove(p.f.Name())
		return fail(err)
	}
	return s.record(key, f, true)
}

// sameHash reports whether the file at path has the SHA-256 hash.
func sameHash(path, hash string) bool {
	r, err := os.Open(path)
	if err != nil {
		return false
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == hash
}

// use marks the file of hash as used by this build. The caller holds
// s.mu.
func (s *Store) use(hash string) {
	if r := s.objects[hash]; r.used != s.gen {
		r.used = s.gen
		s.objects[hash] = r
		s.dirty = true
	}
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
	return s.save()
}

// save is Save; the caller holds s.mu.
func (s *Store) save() error {
	if !s.dirty {
		return nil
	}
	f, err := os.CreateTemp(s.dir, ".index-*")
	if err != nil {
		return iku.Wrap(err, iku.Invalid, "cannot write to the file cache %q: check that the disk is not full", s.dir)
	}
	// Written a line at a time: the index of a large site's files is tens
	// of megabytes, not worth holding whole in memory.
	b := bufio.NewWriterSize(f, 64<<10)
	b.WriteString(indexHeader + "\n")
	fmt.Fprintf(b, "g %d\n", s.gen)
	for _, h := range slices.Sorted(maps.Keys(s.objects)) {
		r := s.objects[h]
		fmt.Fprintf(b, "o %s %d %d %d\n", h, r.size, r.mtime, r.used)
	}
	for _, k := range slices.Sorted(maps.Keys(s.keys)) {
		if _, ok := s.objects[s.keys[k]]; ok {
			fmt.Fprintf(b, "k %s %s\n", k, s.keys[k])
		}
	}
	err = b.Flush()
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

// readIndex loads the index into s and returns the generation of the
// build that wrote it; a missing or unreadable index, or a line that does
// not parse, is simply not known (the store is a cache).
func (s *Store) readIndex() (gen int64) {
	s.objects, s.keys = map[string]record{}, map[string]string{}
	f, err := os.Open(filepath.Join(s.dir, "index"))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	if !sc.Scan() || sc.Text() != indexHeader {
		return 0
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 2 && fields[0] == "g":
			gen, _ = strconv.ParseInt(fields[1], 10, 64)
		case len(fields) == 5 && fields[0] == "o" && isHash(fields[1]):
			size, err1 := strconv.ParseInt(fields[2], 10, 64)
			mtime, err2 := strconv.ParseInt(fields[3], 10, 64)
			used, err3 := strconv.ParseInt(fields[4], 10, 64)
			if err1 == nil && err2 == nil && err3 == nil {
				s.objects[fields[1]] = record{size: size, mtime: mtime, used: used}
			}
		case len(fields) == 3 && fields[0] == "k" && isHash(fields[2]):
			s.keys[fields[1]] = fields[2]
		}
	}
	return gen
}

// Prune removes the files that none of the last keep builds used (by the
// index on disk, which Save wrote), files the index does not know, and
// temporary files a stopped build left, and saves the index. It runs only
// when no other build has the store open, and reports ran = false when
// one has: a file another build is about to link into its site is never
// removed.
func (s *Store) Prune(keep int) (ran bool, removed int, bytes int64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.save(); err != nil {
		return false, 0, 0, err
	}
	// flock(2) converts a lock by removing it first: whether or not the
	// exclusive lock is granted, take the shared one again afterwards.
	if err := lockFile(s.lock, flock.EX|flock.NB); err != nil {
		if err := lockFile(s.lock, flock.SH); err != nil {
			return false, 0, 0, iku.Wrap(err, iku.Invalid, "cannot lock the file cache %q", s.dir)
		}
		return false, 0, 0, nil
	}
	defer lockFile(s.lock, flock.SH)
	// The index as the last build saved it: this one's, unless another
	// build that has ended since saved after it.
	gen := s.readIndex()
	s.gen = max(s.gen, gen)
	oldest := s.gen - int64(keep) + 1
	for h, r := range s.objects {
		if r.used < oldest {
			delete(s.objects, h)
		}
	}
	for k, h := range s.keys {
		if _, ok := s.objects[h]; !ok {
			delete(s.keys, k)
		}
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return true, 0, 0, iku.Wrap(err, iku.Unavailable, "cannot read the file cache %q", s.dir)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".index-") || strings.HasPrefix(e.Name(), ".new-") {
			os.Remove(filepath.Join(s.dir, e.Name())) // a stopped build's
		}
		if !e.IsDir() || len(e.Name()) != 2 {
			continue
		}
		files, err := os.ReadDir(filepath.Join(s.dir, e.Name()))
		if err != nil {
			return true, removed, bytes, iku.Wrap(err, iku.Unavailable, "cannot read the file cache %q", s.dir)
		}
		for _, f := range files {
			if _, ok := s.objects[f.Name()]; ok {
				continue
			}
			p := filepath.Join(s.dir, e.Name(), f.Name())
			if fi, err := f.Info(); err == nil {
				bytes += fi.Size()
			}
			if err := os.Remove(p); err != nil {
				return true, removed, bytes, iku.Wrap(err, iku.Invalid, "cannot remove %q from the file cache", p)
			}
			removed++
		}
	}
	s.dirty = true
	return true, removed, bytes, s.save()
}

func isHash(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}
