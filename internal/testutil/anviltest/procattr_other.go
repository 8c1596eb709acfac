//go:build !linux

package anviltest

import "syscall"

func sysProcAttr() *syscall.SysProcAttr { return nil }
