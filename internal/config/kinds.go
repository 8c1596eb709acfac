package config

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// KindSection is one L2 kind's section of the configuration.
type KindSection struct {
	Plugin l2.Plugin
	// Value is the section: a pointer to the kind's settings struct.
	Value l2.Config
}

// Kinds holds the sections of every kind the binary knows, in order. The
// configuration package decodes them like its own sections (file, flags,
// variables, example) without knowing any kind.
type Kinds []KindSection

// NewKinds returns a section holding its defaults for each plug-in.
func NewKinds(ps l2.Plugins) Kinds {
	out := make(Kinds, len(ps))
	for i, p := range ps {
		out[i] = KindSection{Plugin: p, Value: p.NewConfig()}
	}
	return out
}

// Plugins returns the kinds' plug-ins.
func (ks Kinds) Plugins() l2.Plugins {
	out := make(l2.Plugins, len(ks))
	for i, k := range ks {
		out[i] = k.Plugin
	}
	return out
}

// Names lists the kinds' names.
func (ks Kinds) Names() []string { return ks.Plugins().Names() }

// Enabled returns the sections that name something to guard.
func (ks Kinds) Enabled() Kinds {
	var out Kinds
	for _, k := range ks {
		if k.Value.Enabled() {
			out = append(out, k)
		}
	}
	return out
}

// Factories returns a factory for each enabled kind.
func (ks Kinds) Factories() []l2.Factory {
	var out []l2.Factory
	for _, k := range ks.Enabled() {
		out = append(out, k.Plugin.Bind(k.Value))
	}
	return out
}

// Get returns the section of the kind named name.
func (ks Kinds) Get(name string) (l2.Config, bool) {
	for _, k := range ks {
		if k.Plugin.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

// problems lists what is wrong in the enabled sections, with full key paths.
func (ks Kinds) problems() Problems {
	var ps Problems
	for _, k := range ks.Enabled() {
		for _, p := range k.Value.Problems() {
			ps = append(ps, Problem{Path: joinKey(k.Plugin.Name, p.Key), Msg: p.Msg})
		}
	}
	return ps
}

// clone copies every section, so that setting keys of the copy leaves ks alone.
func (ks Kinds) clone() Kinds {
	out := make(Kinds, len(ks))
	for i, k := range ks {
		v := reflect.New(reflect.TypeOf(k.Value).Elem())
		v.Elem().Set(reflect.ValueOf(k.Value).Elem())
		out[i] = KindSection{Plugin: k.Plugin, Value: v.Interface().(l2.Config)}
	}
	return out
}

// Clone returns a copy of c whose kind sections are its own.
func (c Config) Clone() Config {
	c.Kinds = c.Kinds.clone()
	return c
}

// Set sets the key at path ("l1.rpc_url", "channel.adjudicator") from its
// text form, as a flag or variable would.
func (c *Config) Set(path, value string) error {
	for _, f := range fields(c) {
		if f.path == path {
			if err := setValue(f.v, value); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			return nil
		}
	}
	return fmt.Errorf("%s: unknown key", path)
}

// Sample enables the kind named name with the `sample` (else `example`)
// values its settings declare: a minimal valid section, for tests and docs.
func (c *Config) Sample(name string) error {
	if _, ok := c.Kinds.Get(name); !ok {
		return fmt.Errorf("no kind %q", name)
	}
	for _, f := range fields(c) {
		if !strings.HasPrefix(f.path, name+".") {
			continue
		}
		v := f.sample
		if v == "" {
			v = f.example
		}
		if v == "" {
			continue
		}
		if err := setValue(f.v, v); err != nil {
			return fmt.Errorf("%s: sample %q: %w", f.path, v, err)
		}
	}
	return nil
}
