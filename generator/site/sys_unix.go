//go:build unix

package site

import (
	"io/fs"
	"os/exec"
	"syscall"
)

// sysUmask sets the umask to read it, and restores it.
func sysUmask() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}

// stopWithParent makes Ctrl+C (SIGTERM) stop the Hugo child cmd, and
// (on Linux) the kernel kill it when kinerja dies.
func stopWithParent(cmd *exec.Cmd) {
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	setPdeathsig(cmd)
}
