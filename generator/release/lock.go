package release

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/tanjungbalai/kinerja/generator/flock"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// LockFile is the lock of a releases folder: a publish holds it
// exclusively from start to end (so that two publishes never interleave:
// one could build a site showing a release the other then removes), a
// build from the folder holds it shared while it reads and builds. It is
// an flock(2) lock, which the kernel drops when its process ends however
// it ends: a killed publish leaves no stale lock, only perhaps the file,
// which the next one reuses. The file is removed when the last holder
// lets go, and holds the publishing process's id and command while a
// publish holds it, for the message of whoever finds it taken.
const LockFile = ".kinerja.lock"

// Lock takes the releases folder dir for a publish, without waiting: who
// ("kinerja publish --quarter 2026-Q3") is written into the lock file for
// a second publish's message. It makes dir when missing, and removes it
// again on unlock when the publish left it empty.
func Lock(dir, who string) (unlock func(), err error) {
	_, err = os.Stat(dir)
	made := errors.Is(err, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot create the releases folder %q: check the path and its permissions", dir)
	}
	release, err := lock(dir, flock.EX, who)
	if err != nil {
		return nil, err
	}
	return func() {
		release()
		if made {
			_ = os.Remove(dir) // only when empty
		}
	}, nil
}

// RLock takes the releases folder dir for reading (a build from it),
// without waiting; any number of readers share it, and a publish waits
// for none of them: it stops with one sentence. A missing dir needs no
// lock.
func RLock(dir string) (unlock func(), err error) {
	if _, err := os.Stat(dir); err != nil {
		return func() {}, nil
	}
	return lock(dir, flock.SH, "")
}

func lock(dir string, how int, who string) (func(), error) {
	path := filepath.Join(dir, LockFile)
	// The file is removed on unlock, so the file we lock may have been
	// removed, and another process may hold a newer one, by the time we
	// hold ours: lock, then check that the path still names our file.
	var f *os.File
	for {
		var err error
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, iku.Wrap(err, iku.Invalid, "cannot create the lock file %q: check the permissions of the releases folder", path)
		}
		if err := flock.Flock(f.Fd(), how|flock.NB); err != nil {
			holder, _ := io.ReadAll(io.LimitReader(f, 512))
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, busy(dir, path, how, strings.TrimSpace(string(holder)))
			}
			return nil, iku.Wrap(err, iku.Invalid, "cannot lock %q", path)
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			break
		}
		f.Close()
	}
	// Who holds it, for the message of the next one; a reader clears what
	// a killed publish left (no publish can hold it now).
	_ = f.Truncate(0)
	if how == flock.EX {
		_, _ = f.WriteAt(fmt.Appendf(nil, "process %d (%s)\n", os.Getpid(), who), 0)
	}
	return func() {
		// The last holder removes the file: a reader only when it can
		// take the lock for itself alone.
		if how == flock.SH && flock.Flock(f.Fd(), flock.EX|flock.NB) != nil {
			f.Close()
			return
		}
		_ = os.Remove(path)
		f.Close()
	}, nil
}

// busy is the sentence for a lock that another process holds.
func busy(dir, path string, how int, holder string) error {
	switch {
	case how == flock.SH:
		return iku.Errorf(iku.Invalid, "a kinerja publish is writing to the releases folder %q (lock %s, held by %s): build from it when the publish has finished", dir, path, holder)
	case holder == "":
		return iku.Errorf(iku.Invalid, "a kinerja build is reading the releases folder %q (lock %s): publish when it has finished", dir, path)
	}
	return iku.Errorf(iku.Invalid, "another kinerja publish is writing to the releases folder %q (lock %s, held by %s): wait for it to finish, then publish; two publishes at once could build a site that shows a release the other removes", dir, path, holder)
}
