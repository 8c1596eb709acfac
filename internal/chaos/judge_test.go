package chaos

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestVerdictOK(t *testing.T) {
	good := Verdict{Closes: 10, Frauds: 6, Challenged: 6, Honest: 3, Unwatched: 1}
	if !good.OK() {
		t.Fatal("a clean storm is not OK")
	}
	bad := map[string]func(*Verdict){
		"missed":      func(v *Verdict) { v.Missed, v.Challenged = 1, 5 },
		"duplicate":   func(v *Verdict) { v.Duplicates = 1 },
		"reverted":    func(v *Verdict) { v.Reverted = 1 },
		"false":       func(v *Verdict) { v.FalseChallenges = 1 },
		"storm error": func(v *Verdict) { v.StormErrors = 1 },
		"unkilled":    func(v *Verdict) { v.Unkilled = []string{"redis-primary"} },
	}
	for name, spoil := range bad {
		v := good
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
	} {
		o := base
		spoil(&o)
		if err := o.check(); err == nil || !strings.HasPrefix(err.Error(), "chaos: ") {
			t.Errorf("%s: check() = %v; want a chaos: error", name, err)
		}
	}
}
