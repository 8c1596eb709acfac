package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// buildVersion is set with -ldflags "-X main.buildVersion=v1.2.3"; it
// overrides the module version Go records.
var buildVersion string

// buildRevision is set with -ldflags "-X main.buildRevision=<commit>" where Go
// cannot stamp the VCS revision itself (a container build without .git).
var buildRevision string

// buildDesc is what `watchtower version` prints.
type buildDesc struct {
	Version   string `json:"version"`
	Module    string `json:"module,omitempty"`
	Revision  string `json:"vcs_revision,omitempty"`
	Time      string `json:"vcs_time,omitempty"`
	Modified  bool   `json:"vcs_modified"`
	GoVersion string `json:"go_version"`
}

// describeBuild reads the module version and the VCS stamp (revision, commit
// time, uncommitted changes) Go recorded in the binary.
func describeBuild(bi *debug.BuildInfo, ok bool) buildDesc {
	d := buildDesc{Version: "devel", GoVersion: runtime.Version()}
	if ok && bi != nil {
		d.Module, d.GoVersion = bi.Main.Path, bi.GoVersion
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			d.Version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				d.Revision = s.Value
			case "vcs.time":
				d.Time = s.Value
			case "vcs.modified":
				d.Modified = s.Value == "true"
			}
		}
	}
	if buildVersion != "" {
		d.Version = buildVersion
	}
	if d.Revision == "" {
		d.Revision = buildRevision
	}
	return d
}

// version is the version the binary was built as (for watchtower_build_info).
func version() string { return describeBuild(debug.ReadBuildInfo()).Version }

func (d buildDesc) String() string {
	s := "watchtower " + d.Version + "\n"
	if d.Module != "" {
		s += "  module:   " + d.Module + "\n"
	}
	if d.Revision != "" {
		rev := d.Revision
		if d.Modified {
			rev += " (modified)"
		}
		s += "  revision: " + rev + "\n"
	}
	if d.Time != "" {
		s += "  time:     " + d.Time + "\n"
	}
	return s + "  go:       " + d.GoVersion + "\n"
}

// cmdVersion prints the module version, the VCS revision and the Go version.
func cmdVersion(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	d := describeBuild(debug.ReadBuildInfo())
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	_, err := fmt.Fprint(stdout, d.String())
	return err
}
