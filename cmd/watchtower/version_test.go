package main

import (
	"context"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.99", Main: debug.Module{Path: "github.com/watchtower-l2/watchtower", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"}}}
	d := describeBuild(bi, true)
	want := buildDesc{Version: "v1.2.3", Module: "github.com/watchtower-l2/watchtower", Revision: "0123abcd", Time: "2026-01-02T03:04:05Z", Modified: true, GoVersion: "go1.99"}
	if d != want {
		t.Fatalf("got %+v, want %+v", d, want)
	}
	s := d.String()
	for _, w := range []string{"watchtower v1.2.3\n", "revision: 0123abcd (modified)", "time:     2026-01-02T03:04:05Z", "go:       go1.99"} {
		if !strings.Contains(s, w) {
			t.Errorf("%q lacks %q", s, w)
		}
	}
	// A build from a work tree records (devel); no build info at all still answers.
	bi.Main.Version = "(devel)"
	if v := describeBuild(bi, true).Version; v != "devel" {
		t.Errorf("version of a (devel) build: %q", v)
	}
	if d := describeBuild(nil, false); d.Version != "devel" || d.GoVersion != runtime.Version() {
		t.Errorf("without build info: %+v", d)
	}
}

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, errOut := runCLI(context.Background(), args...)
		if code != 0 || !strings.HasPrefix(out, "watchtower ") || !strings.Contains(out, "go:       go") {
			t.Fatalf("%v: exit %d, out %q, err %q", args, code, out, errOut)
		}
	}
	code, out, _ := runCLI(context.Background(), "version", "--json")
	var d buildDesc
	if err := json.Unmarshal([]byte(out), &d); code != 0 || err != nil || d.Version == "" || d.GoVersion == "" {
		t.Fatalf("version --json: exit %d, %v, %q", code, err, out)
	}
	if code, _, _ := runCLI(context.Background(), "version", "extra"); code != 2 {
		t.Fatalf("version with an argument: exit %d, want 2", code)
	}
}
