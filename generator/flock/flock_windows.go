//go:build windows

package flock

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// The kinds of lock, with flock(2)'s values.
const (
	SH = 1
	EX = 2
	NB = 4
	UN = 8
)

// Flock locks or unlocks the open file fd with LockFileEx, which Windows
// holds until the handle is closed or unlocked, like flock(2); a lock
// that NB finds taken is syscall.EWOULDBLOCK. Windows cannot lock a
// folder's handle: a lock on a folder is not taken (one build at a time
// into the same folder is then up to the user).
func Flock(fd uintptr, how int) error {
	h := windows.Handle(fd)
	ol := new(windows.Overlapped)
	if how&UN != 0 {
		return windows.UnlockFileEx(h, 0, 1, 0, ol)
	}
	var flags uint32
	if how&EX != 0 {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	if how&NB != 0 {
		flags |= windows.LOCKFILE_FAIL_IMMEDIATELY
	}
	// Taking a lock again (shared to exclusive) replaces it under flock;
	// Windows stacks them, so the old one goes first.
	_ = windows.UnlockFileEx(h, 0, 1, 0, ol)
	err := windows.LockFileEx(h, flags, 0, 1, 0, ol)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return syscall.EWOULDBLOCK
	case errors.Is(err, windows.ERROR_INVALID_FUNCTION), errors.Is(err, windows.ERROR_ACCESS_DENIED):
		return nil // a folder
	}
	return err
}
