//go:build linux

package chaos

import "syscall"

// sysProcAttr puts the child in its own process group (so a kill reaches
// everything it started) and has the kernel SIGKILL it if the harness dies
// without cleaning up.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
