//go:build linux

package anviltest

import "syscall"

// sysProcAttr makes the kernel kill anvil if the test binary dies
// without running its cleanups (for example on a test timeout).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
