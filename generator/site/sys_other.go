//go:build unix && !linux

package site

import "os/exec"

// setPdeathsig: only Linux kills a child when its parent dies.
func setPdeathsig(*exec.Cmd) {}
