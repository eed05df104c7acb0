// Package flock takes advisory locks on open files, the kernel's flock on
// Unix and LockFileEx on Windows, with the same calls, so that the
// packages that lock (release, filestore, site) build for every system
// make dist targets.
package flock
