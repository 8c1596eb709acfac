package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/watchtower-l2/watchtower/watcher/l2"
)

// Problem is one wrong setting: its dotted key path, the line in the file
// (0 when it came from a default, a flag or a variable) and what is wrong.
type Problem struct {
	Path string
	Line int
	Msg  string
}

func (p Problem) Error() string {
	s := p.Path + ": " + p.Msg
	if p.Path == "" {
		s = p.Msg
	}
	if p.Line > 0 {
		s += fmt.Sprintf(" (line %d)", p.Line)
	}
	return s
}

// Problems is every wrong setting found; it is an error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Paths returns the key path of each problem, for tests and tooling.
func (ps Problems) Paths() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path
	}
	return out
}

// AsProblems extracts the Problems of err (nil if it holds none).
func AsProblems(err error) Problems {
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	return nil
}

// decodeYAML walks the document alongside Config and sets each key it finds,
// collecting a Problem for every unknown key and every value of the wrong type.
func decodeYAML(b []byte, cfg *Config) Problems {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file sets nothing
		}
		return Problems{{Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return Problems{{Line: extra.Line, Msg: "the file holds more than one YAML document; keep one"}}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := resolveAlias(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	var ps Problems
	kinds := map[string]reflect.Value{}
	for _, k := range cfg.Kinds {
		kinds[k.Plugin.Name] = reflect.ValueOf(k.Value).Elem()
	}
	decodeStruct(root, reflect.ValueOf(cfg).Elem(), "", &ps, kinds)
	return ps
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// decodeStruct decodes the mapping n into the struct v; sections are more
// struct-valued keys beside v's own fields (the kinds, at the top level).
func decodeStruct(n *yaml.Node, v reflect.Value, prefix string, ps *Problems, sections map[string]reflect.Value) {
	where := prefix
	if where == "" {
		where = "(top level)"
	}
	if n.Kind != yaml.MappingNode {
		if n.Tag == "!!null" {
			return
		}
		*ps = append(*ps, Problem{Path: where, Line: n.Line, Msg: "want a mapping of keys, got " + describe(n)})
		return
	}
	t := v.Type()
	idx := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name := yamlName(t.Field(i)); name != "" {
			idx[name] = i
			names = append(names, name)
		}
	}
	for name := range sections {
		names = append(names, name)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], resolveAlias(n.Content[i+1])
		key := kn.Value
		p := key
		if prefix != "" {
			p = prefix + "." + key
		}
		if kn.Kind == yaml.ScalarNode && kn.Value == "<<" {
			*ps = append(*ps, Problem{Path: p, Line: kn.Line, Msg: "merge keys (<<) are not supported; write the keys out"})
			continue
		}
		if sv, ok := sections[key]; ok {
			if seen[key] {
				*ps = append(*ps, Problem{Path: p, Line: kn.Line, Msg: "set twice"})
				continue
			}
			seen[key] = true
			decodeStruct(vn, sv, p, ps, nil)
			continue
		}
		fi, ok := idx[key]
		if !ok {
			msg := "unknown key"
			if s := suggest(key, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", joinKey(prefix, s))
			} else {
				msg += " (known here: " + strings.Join(names, ", ") + ")"
			}
			*ps = append(*ps, Problem{Path: p, Line: kn.Line, Msg: msg})
			continue
		}
		if seen[key] {
			*ps = append(*ps, Problem{Path: p, Line: kn.Line, Msg: "set twice"})
			continue
		}
		seen[key] = true
		fv := v.Field(fi)
		ft := t.Field(fi).Type
		if ft.Kind() == reflect.Struct && !isLeaf(ft) {
			decodeStruct(vn, fv, p, ps, nil)
			continue
		}
		if err := decodeLeaf(vn, fv); err != nil {
			*ps = append(*ps, Problem{Path: p, Line: vn.Line, Msg: err.Error()})
		}
	}
}

func joinKey(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// decodeLeaf sets one setting from its node, explaining a type mismatch.
func decodeLeaf(n *yaml.Node, v reflect.Value) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // key present without value: keep the default
	}
	switch v.Interface().(type) {
	case Section:
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("want a mapping, got %s", describe(n))
		}
		v.Set(reflect.ValueOf(Section{node: cloneNode(n)}))
		return nil
	case time.Duration:
		if n.Kind != yaml.ScalarNode {
			return fmt.Errorf("want a duration like 2s or 500ms, got %s", describe(n))
		}
		d, err := time.ParseDuration(n.Value)
		if err != nil {
			if n.Tag == "!!int" && n.Value == "0" {
				v.SetInt(0)
				return nil
			}
			return fmt.Errorf("want a duration like 2s, 1m30s or 500ms, got %q", n.Value)
		}
		v.SetInt(int64(d))
		return nil
	case []string:
		switch n.Kind {
		case yaml.SequenceNode:
			var out []string
			for _, c := range n.Content {
				c = resolveAlias(c)
				if c.Kind != yaml.ScalarNode {
					return fmt.Errorf("want a list of strings, found %s at line %d", describe(c), c.Line)
				}
				out = append(out, c.Value)
			}
			v.Set(reflect.ValueOf(out))
			return nil
		case yaml.ScalarNode:
			return setValue(v, n.Value) // "ingest,verify" is accepted as in flags
		}
		return fmt.Errorf("want a list of strings, got %s", describe(n))
	}
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want a single value, got %s", describe(n))
	}
	switch v.Kind() {
	case reflect.String:
		if n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float" && n.Style == 0 && n.Tag != "" {
			return fmt.Errorf("want a string, got %s (quote it)", describe(n))
		}
		v.SetString(n.Value)
		return nil
	case reflect.Bool:
		if n.Tag != "!!bool" {
			return fmt.Errorf("want true or false, got %q", n.Value)
		}
	case reflect.Int, reflect.Uint64:
		if n.Tag != "!!int" {
			return fmt.Errorf("want a whole number, got %q", n.Value)
		}
	case reflect.Float64:
		if n.Tag != "!!int" && n.Tag != "!!float" {
			return fmt.Errorf("want a number, got %q", n.Value)
		}
	}
	if err := n.Decode(v.Addr().Interface()); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return fmt.Errorf("want a %s number, got %q", map[bool]string{true: "non-negative", false: "whole"}[v.Kind() == reflect.Uint64], n.Value)
		}
		return err
	}
	return nil
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// suggest returns the known key closest to k when it is a plausible typo.
func suggest(k string, known []string) string {
	best, bestD := "", 1<<30
	for _, c := range known {
		if d := levenshtein(k, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(k)/3) {
		return best
	}
	return ""
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Section is a subtree of the configuration kept as YAML for the package
// that owns it (the alerts routing tree). It is one setting: as a flag or
// environment variable its value is a YAML or JSON document.
type Section struct{ node *yaml.Node }

// ParseSection parses a YAML (or JSON) mapping.
func ParseSection(b []byte) (Section, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return Section{}, fmt.Errorf("want a YAML or JSON mapping: %v", err)
	}
	if len(doc.Content) == 0 {
		return Section{}, nil
	}
	n := resolveAlias(doc.Content[0])
	if n.Kind != yaml.MappingNode {
		return Section{}, fmt.Errorf("want a YAML or JSON mapping, got %s", describe(n))
	}
	return Section{node: cloneNode(n)}, nil
}

// IsZero reports whether the section is absent.
func (s Section) IsZero() bool { return s.node == nil }

// Bytes returns the section as a YAML document (nil when absent), to be
// parsed by its owner, e.g. alerts.ParseConfig(cfg.Alerts.Bytes()).
func (s Section) Bytes() []byte {
	if s.node == nil {
		return nil
	}
	b, err := yaml.Marshal(s.node)
	if err != nil {
		return nil
	}
	return b
}

// Line is the line the section starts on in its file (0 if not from a file).
func (s Section) Line() int {
	if s.node == nil {
		return 0
	}
	return s.node.Line
}

// Equal reports whether two sections hold the same YAML.
func (s Section) Equal(o Section) bool { return bytes.Equal(s.Bytes(), o.Bytes()) }

// MarshalYAML writes the subtree back out.
func (s Section) MarshalYAML() (any, error) {
	if s.node == nil {
		return nil, nil
	}
	return s.node, nil
}

// UnmarshalYAML keeps the subtree.
func (s *Section) UnmarshalYAML(n *yaml.Node) error {
	n = resolveAlias(n)
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("want a mapping, got %s", describe(n))
	}
	s.node = cloneNode(n)
	return nil
}

func cloneNode(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return cloneNode(n.Alias)
	}
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, ch := range n.Content {
		c.Content[i] = cloneNode(ch)
	}
	return &c
}

// SectionCheck validates a Section (its Node keeps the file's line
// numbers); its error should start with the key path inside the section
// ("receivers[0].name: ...") and may end with " (line N)", N in the file.
type SectionCheck func(s Section) error

// Check validates the file at path as `watchtower config check` does: every
// unknown key, wrong type and invalid value, then files that secrets and keys
// point to, then each section with its check (keyed by the section's key,
// e.g. "alerts"). Each Problem names its key path. Environment variables and
// flags are not applied: this checks the file as written.
func Check(kinds l2.Plugins, path string, sections map[string]SectionCheck) Problems {
	return CheckEnv(kinds, path, nil, sections)
}

// CheckEnv is Check with the WATCHTOWER_* variables of env applied after the
// file, as `run` does (for files completed by the environment, e.g. roles).
func CheckEnv(kinds l2.Plugins, path string, env func(string) (string, bool), sections map[string]SectionCheck) Problems {
	cfg := Default(kinds)
	b, err := os.ReadFile(path)
	if err != nil {
		return Problems{{Msg: err.Error()}}
	}
	ps := decodeYAML(b, &cfg)
	if len(ps) > 0 && ps[0].Path == "" {
		return ps // not YAML at all
	}
	if env != nil {
		for _, f := range fields(&cfg) {
			if v, ok := env(EnvName(f.path)); ok {
				if err := setValue(f.v, v); err != nil {
					ps = append(ps, Problem{Path: f.path, Msg: fmt.Sprintf("%v (from %s)", err, EnvName(f.path))})
				}
			}
		}
	}
	ps = append(ps, cfg.Problems()...)
	ps = append(ps, cfg.CheckFiles()...)
	for _, f := range fields(&cfg) {
		sec, ok := f.v.Interface().(Section)
		if !ok || sec.IsZero() {
			continue
		}
		chk := sections[f.path]
		if chk == nil {
			continue
		}
		if err := chk(sec); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				ps = append(ps, sectionProblem(f.path, sec.Line(), line))
			}
		}
	}
	return ps
}

// sectionProblem turns "receivers[0].name: bad (line 9)" into
// alerts.receivers[0].name at line 9 (the section's line without one).
func sectionProblem(key string, line int, msg string) Problem {
	if m := lineSuffix.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			msg, line = strings.TrimSuffix(msg, m[0]), n
		}
	}
	if i := strings.Index(msg, ": "); i > 0 && !strings.ContainsAny(msg[:i], " \t") {
		return Problem{Path: key + "." + msg[:i], Line: line, Msg: msg[i+2:]}
	}
	return Problem{Path: key, Line: line, Msg: msg}
}

var lineSuffix = regexp.MustCompile(` \(line (\d+)\)$`)

// Node is the section's YAML mapping, with its lines in the file (nil when absent).
func (s Section) Node() *yaml.Node { return s.node }
