package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/tanjungbalai/kinerja/generator/flock"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// A build holds two kinds of flock(2) locks, which the kernel drops when
// the process ends however it ends, so a crashed build never leaves a
// stale lock behind:
//
//   - the output lock, a file ".<base>.lock" beside --out, held for the
//     whole of Build or Rollback: one writer per published folder;
//   - a lock on its own folder under the site's .build/, held from
//     NewBuildDir until its release: CleanDebris removes only folders
//     that nobody holds.

// outLock is the lock on one output folder.
type outLock struct {
	f    *os.File
	path string
}

// lockOut takes the output lock of out (an absolute path) without
// waiting: a second build into the same folder stops with one sentence.
func lockOut(out string) (*outLock, error) {
	path := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
	// The lock file is removed on unlock (so that no stray file stays next
	// to the site), so the file we lock may have been removed, and another
	// process may hold a newer one, by the time we hold ours: lock, then
	// check that the path still names the file we locked.
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, iku.Wrap(err, iku.Invalid, "cannot create the lock file %q: check the permissions of its folder", path)
		}
		if err := flock.Flock(f.Fd(), flock.EX|flock.NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, iku.Errorf(iku.Invalid, "another kinerja build is writing to %q (lock %s); wait for it to finish", out, path)
			}
			return nil, iku.Wrap(err, iku.Invalid, "cannot lock %q", path)
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return &outLock{f: f, path: path}, nil
		}
		f.Close()
	}
}

// unlock removes the lock file, then releases the lock.
func (l *outLock) unlock() {
	_ = os.Remove(l.path)
	l.f.Close()
}

// NewBuildDir makes a new folder under root/.build for the generated data
// and charts of one build, and holds it until release is called, so that
// CleanDebris run by another build leaves it alone.
func NewBuildDir(root string) (dir string, release func(), err error) {
	parent := filepath.Join(root, ".build")
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, iku.Wrap(err, iku.Invalid, "cannot create %s: check the permissions of the site folder", parent)
	}
	// Hold .build itself while the folder is made and locked, so that
	// CleanDebris never sees it unlocked.
	unlockParent, err := flockDir(parent, flock.EX)
	if err != nil {
		return "", nil, err
	}
	defer unlockParent()
	dir, err = os.MkdirTemp(parent, "build-")
	if err != nil {
		return "", nil, iku.Wrap(err, iku.Invalid, "cannot create a build folder in %s: check its permissions", parent)
	}
	unlock, err := flockDir(dir, flock.EX|flock.NB)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, unlock, nil
}

// flockDir locks the folder dir with flock(2) (how: LOCK_EX, maybe with
// LOCK_NB) and returns the function that releases it.
func flockDir(dir string, how int) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := flock.Flock(f.Fd(), how); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %q: %w", dir, err)
	}
	return func() { f.Close() }, nil
}

// CleanDebris removes what crashed builds left behind: staging folders
// next to out (or next to its builds when out is a link), a half-made
// link, and the folders under root/.build that no running kinerja holds.
// It takes the output lock, so it fails, as Build would, while another
// build writes to out. A crash between the two renames of a folder swap
// leaves out missing and the previous site set aside: that site is put
// back.
func CleanDebris(root, out string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Dir(out)); err == nil {
		l, err := lockOut(out)
		if err != nil {
			return err
		}
		err = cleanOutDebris(out)
		l.unlock()
		if err != nil {
			return err
		}
	}
	return cleanBuildDirs(root)
}

// cleanOutDebris is CleanDebris for out; the caller holds out's lock.
func cleanOutDebris(out string) error {
	base := filepath.Base(out)
	var debris []string
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A crash between swap's two renames: put the old site back.
		old, _ := filepath.Glob(out + ".new-*.old")
		for _, o := range old {
			if isKinerjaBuild(o) {
				if err := os.Rename(o, out); err != nil {
					return iku.Wrap(err, iku.Invalid, "cannot put the previous site %q back in %q: check the permissions", o, out)
				}
				break
			}
		}
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		l, err := readLink(out)
		if err != nil {
			return err
		}
		staged, _ := filepath.Glob(filepath.Join(l.dir, base+".new-*"))
		debris = append(debris, staged...)
		tmp, _ := filepath.Glob(out + ".tmp-*")
		for _, t := range tmp {
			if fi, err := os.Lstat(t); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
				debris = append(debris, t)
			}
		}
	}
	staged, _ := filepath.Glob(out + ".new-*")
	debris = append(debris, staged...)
	for _, d := range debris {
		if err := RemoveTree(d); err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot remove %q, left by an interrupted build: remove it by hand", d)
		}
	}
	return nil
}

// cleanBuildDirs removes the folders under root/.build that no process
// holds (see NewBuildDir).
func cleanBuildDirs(root string) error {
	parent := filepath.Join(root, ".build")
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil // no .build: nothing to clean
	}
	unlockParent, err := flockDir(parent, flock.EX)
	if err != nil {
		return err
	}
	defer unlockParent()
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "build-") {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		unlock, err := flockDir(dir, flock.EX|flock.NB)
		if err != nil {
			continue // in use by a running build or preview, or already gone
		}
		err = os.RemoveAll(dir)
		unlock()
		if err != nil {
			return iku.Wrap(err, iku.Invalid, "cannot remove %q, left by an interrupted build: remove it by hand", dir)
		}
	}
	return nil
}
