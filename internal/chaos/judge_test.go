package chaos

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestVerdictOK(t *testing.T) {
	good := Verdict{Closes: 10, Tally: Tally{Frauds: 6, Challenged: 6}, Honest: 3, Unwatched: 1,
		Plasma: &PlasmaVerdict{Exits: 5, Tally: Tally{Frauds: 3, Challenged: 3}, Honest: 2}}
	if !good.OK() {
		t.Fatal("a clean storm is not OK")
	}
	if noExits := (Verdict{Closes: 1, Honest: 1}); !noExits.OK() {
		t.Fatal("a clean storm without exits is not OK")
	}
	bad := map[string]func(*Verdict){
		"missed":      func(v *Verdict) { v.Missed, v.Challenged = 1, 5 },
		"duplicate":   func(v *Verdict) { v.Duplicates = 1 },
		"reverted":    func(v *Verdict) { v.Reverted = 1 },
		"false":       func(v *Verdict) { v.FalseChallenges = 1 },
		"storm error": func(v *Verdict) { v.StormErrors = 1 },
		"unkilled":    func(v *Verdict) { v.Unkilled = []string{"redis-primary"} },
		"exit missed": func(v *Verdict) { v.Plasma.Missed, v.Plasma.Challenged = 1, 2 },
		"exit dup":    func(v *Verdict) { v.Plasma.Duplicates = 1 },
		"exit revert": func(v *Verdict) { v.Plasma.Reverted = 1 },
		"exit false":  func(v *Verdict) { v.Plasma.FalseChallenges = 1 },
		"exit error":  func(v *Verdict) { v.Plasma.StormErrors = 1 },
	}
	for name, spoil := range bad {
		v := good
		p := *good.Plasma
		v.Plasma = &p
		spoil(&v)
		if v.OK() {
			t.Errorf("%s: verdict still OK", name)
		}
		var table, js bytes.Buffer
		v.WriteTable(&table)
		if !strings.Contains(table.String(), "FAILED") {
			t.Errorf("%s: table does not say FAILED:\n%s", name, table.String())
		}
		if err := v.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		var out struct{ OK bool }
		if err := json.Unmarshal(js.Bytes(), &out); err != nil || out.OK {
			t.Errorf("%s: JSON ok = %v (%v)", name, out.OK, err)
		}
	}
}

func TestOptionsRefused(t *testing.T) {
	base := Options{Towers: 3, Closes: 10, Rate: 1, BlockTime: 1e9, Window: 10, KillEvery: 1e9, InfraEvery: 1}
	if err := base.check(); err != nil {
		t.Fatalf("good options refused: %v", err)
	}
	for name, spoil := range map[string]func(*Options){
		"towers":     func(o *Options) { o.Towers = 10 },
		"closes":     func(o *Options) { o.Closes = 0 },
		"rate":       func(o *Options) { o.Rate = 0 },
		"block time": func(o *Options) { o.BlockTime = 5e8 },
		"window":     func(o *Options) { o.Window = 1 },
		"kill every": func(o *Options) { o.KillEvery = 0 },
		"exits":      func(o *Options) { o.Exits = -1 },
	} {
		o := base
		spoil(&o)
		if err := o.check(); err == nil || !strings.HasPrefix(err.Error(), "chaos: ") {
			t.Errorf("%s: check() = %v; want a chaos: error", name, err)
		}
	}
}
