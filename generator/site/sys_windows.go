//go:build windows

package site

import (
	"io/fs"
	"os/exec"
)

// sysUmask: Windows has no umask.
func sysUmask() fs.FileMode { return 0o022 }

// stopWithParent: Windows has no SIGTERM; the child is killed.
func stopWithParent(cmd *exec.Cmd) {
	cmd.Cancel = func() error { return cmd.Process.Kill() }
}
