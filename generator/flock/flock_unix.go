//go:build unix

package flock

import "syscall"

// The kinds of lock, as flock(2) names them.
const (
	SH = syscall.LOCK_SH // shared
	EX = syscall.LOCK_EX // exclusive
	NB = syscall.LOCK_NB // fail at once (syscall.EWOULDBLOCK) instead of waiting
	UN = syscall.LOCK_UN // unlock
)

// Flock locks or unlocks the open file fd as flock(2) does.
func Flock(fd uintptr, how int) error { return syscall.Flock(int(fd), how) }
