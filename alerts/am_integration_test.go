package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/bus/bustest"
)

// alertmanagerVersion is built from the Go module proxy. v0.28.1 ships its
// UI assets pre-generated (asset/assets_vfsdata.go), so `go install` builds
// it without the UI toolchain that later versions need.
const alertmanagerVersion = "v0.28.1"

// buildAlertmanager returns the path of an Alertmanager binary, building it
// once into a cache directory; it skips the test when that is impossible
// (no go tool or no access to the module proxy).
func buildAlertmanager(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "watchtower-test-alertmanager-"+alertmanagerVersion)
	bin := filepath.Join(dir, "alertmanager")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	cmd := exec.Command("go", "install", "github.com/prometheus/alertmanager/cmd/alertmanager@"+alertmanagerVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("Alertmanager %s cannot be built from the module proxy here (%v): %s", alertmanagerVersion, err, out)
	}
	return bin
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startAlertmanager runs Alertmanager notifying hook (group_wait 1s,
// resolved notifications on) and returns its base URL.
func startAlertmanager(t *testing.T, hook string) string {
	bin := buildAlertmanager(t)
	dir := t.TempDir()
	cfg := fmt.Sprintf("route:\n  receiver: hook\n  group_by: [incident]\n  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h\n"+
		"receivers:\n  - name: hook\n    webhook_configs:\n      - url: %s\n        send_resolved: true\n", hook)
	if err := os.WriteFile(filepath.Join(dir, "am.yml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freePort(t)
	cmd := exec.Command(bin, "--config.file="+filepath.Join(dir, "am.yml"), "--storage.path="+dir,
		"--web.listen-address="+addr, "--cluster.listen-address=")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base := "http://" + addr
	waitFor(t, "Alertmanager ready", func() bool {
		resp, err := http.Get(base + "/-/ready")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return base
}

// amAPIAlert is the part of GET /api/v2/alerts the test reads.
type amAPIAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	EndsAt      time.Time         `json:"endsAt"`
	Status      struct {
		State string `json:"state"`
	} `json:"status"`
}

func amActive(t *testing.T, base, incident string) []amAPIAlert {
	t.Helper()
	resp, err := http.Get(base + "/api/v2/alerts?filter=" + url.QueryEscape(`incident="`+incident+`"`))
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	var as []amAPIAlert
	json.NewDecoder(resp.Body).Decode(&as)
	var out []amAPIAlert
	for _, a := range as {
		if a.Status.State == "active" {
			out = append(out, a)
		}
	}
	return out
}

// TestAlertmanagerIntegration runs the tower against a real Alertmanager:
// an incident fires and notifies, an escalation updates the same alert, the
// resolve ends it, and a failed incident stays firing past its first endsAt.
func TestAlertmanagerIntegration(t *testing.T) {
	var mu sync.Mutex
	notified := map[string]string{} // incident -> last status Alertmanager sent
	hook := newFake(t, nil)
	hook.ok = func(w http.ResponseWriter, c captured) {
		var p struct {
			Alerts []struct {
				Status string            `json:"status"`
				Labels map[string]string `json:"labels"`
			} `json:"alerts"`
		}
		json.Unmarshal(c.Body, &p)
		mu.Lock()
		for _, a := range p.Alerts {
			notified[a.Labels["incident"]] = a.Status
		}
		mu.Unlock()
	}
	status := func(inc string) string { mu.Lock(); defer mu.Unlock(); return notified[inc] }
	base := startAlertmanager(t, hook.srv.URL)

	_, nurl := bustest.Start(t)
	b := connect(t, nurl)
	defer b.Close()
	every := 500 * time.Millisecond
	cfg := Config{Delivery: fastDelivery(), Global: testGlobal, Route: Route{Receiver: "am"},
		Receivers:  []ReceiverConfig{{Name: "am", MinInterval: zero(), Alertmanager: &AlertmanagerConfig{URL: base, ResendInterval: &every}}},
		Escalation: Escalation{Thresholds: []Threshold{{BlocksLeft: 100, Severity: "critical"}}}}
	m := newTestManager(t, cfg, b)
	running(t, m)
	ctx := context.Background()

	a := testAlert()
	a.Fingerprint, a.Severity, a.At = "am-1", Warning, time.Time{}
	if err := m.Notify(ctx, a); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "am-1 notified as firing", func() bool { return status("am-1") == "firing" })
	if err := m.ObserveHead(ctx, a.DeadlineBlock-50, time.Now()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the escalation on the same alert", func() bool {
		act := amActive(t, base, "am-1")
		return len(act) == 1 && act[0].Annotations["escalation"] == "1" && act[0].Annotations["severity"] == "critical"
	})
	mined := a
	mined.State = StateChallengeMined
	if err := m.Notify(ctx, mined); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "am-1 resolved", func() bool { return len(amActive(t, base, "am-1")) == 0 && status("am-1") == "resolved" })

	f := testAlert()
	f.Fingerprint, f.At = "am-2", time.Time{}
	if err := m.Notify(ctx, f); err != nil {
		t.Fatal(err)
	}
	f.State = StateFailed
	if err := m.Notify(ctx, f); err != nil {
		t.Fatal(err)
	}
	var first time.Time
	waitFor(t, "am-2 failed and firing", func() bool {
		act := amActive(t, base, "am-2")
		if len(act) == 1 && act[0].Annotations["state"] == StateFailed {
			first = act[0].EndsAt
			return true
		}
		return false
	})
	waitFor(t, "am-2 still firing after its first endsAt", func() bool {
		act := amActive(t, base, "am-2")
		return time.Now().After(first) && len(act) == 1 && act[0].EndsAt.After(first)
	})
	if s := status("am-2"); s != "firing" {
		t.Errorf("am-2 notified as %q, want firing", s)
	}
	if strings.Contains(fmt.Sprint(amActive(t, base, "am-1")), "am-1") {
		t.Error("am-1 fired again")
	}
}
