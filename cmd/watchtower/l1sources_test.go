package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/internal/devnet"
	"github.com/watchtower-l2/watchtower/internal/testutil/chantest"
)

// TestRunWithSeveralL1Endpoints runs the tower over three L1 endpoints, one
// of them down and carrying credentials in its URL: with quorum 2 it runs,
// reports the dead one erroring in /metrics and never shows its
// credentials; with quorum 3 it refuses to start, saying the endpoints do
// not agree.
func TestRunWithSeveralL1Endpoints(t *testing.T) {
	c := chantest.New(t, 2, devnet.Options{RPCPort: 0, WSPort: 0})
	c.Net.AutoMine(50 * time.Millisecond)
	dir := t.TempDir()
	_, idFile := writeIdentityKey(t, dir)
	dead := "http://operator:s3cretpw@" + freeAddr(t) + "/v3/KEYabcdef123?token=t0ken987"
	deadName := "http://" + strings.Split(strings.Split(dead, "@")[1], "/")[0]
	secrets := []string{"s3cretpw", "KEYabcdef123", "t0ken987"}
	config := func(quorum int) (string, string) {
		metricsAddr := freeAddr(t)
		cfg := filepath.Join(dir, fmt.Sprintf("watchtower-%d.yaml", quorum))
		yaml := fmt.Sprintf(`data_dir: %s
roles: [ingest, verify, api]
l1:
  rpc_urls: [%s, %s, %q]
  quorum: %d
  confirmations: 1
  poll_interval: 100ms
channel:
  adjudicator: %s
api:
  listen: %s
  identity_key_file: %s
metrics:
  listen: %s
`, filepath.Join(dir, fmt.Sprintf("data-%d", quorum)), c.Net.WSURL, c.Net.RPCURL, dead, quorum, c.Addr.Hex(), freeAddr(t), idFile, metricsAddr)
		if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		return cfg, metricsAddr
	}

	t.Run("quorum 2 of 3 runs", func(t *testing.T) {
		cfg, metricsAddr := config(2)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int, 1)
		var stderr bytes.Buffer
		logs := &lockedWriter{w: &stderr}
		go func() { done <- run(ctx, []string{"run", "--config", cfg}, &bytes.Buffer{}, logs) }()
		var metrics string
		waitUntil(t, "the dead endpoint reported erroring and the others healthy", func() bool {
			select {
			case code := <-done:
				t.Fatalf("run exited %d: %s", code, stderr.String())
			default:
			}
			resp, err := httpGetErr("http://" + metricsAddr + "/metrics")
			if err != nil {
				return false
			}
			metrics = resp
			return strings.Contains(metrics, `watchtower_l1_source_state{source="`+deadName+`",state="erroring"} 1`) &&
				strings.Contains(metrics, `watchtower_l1_source_state{source="`+strings.TrimSuffix(c.Net.WSURL, "/")+`",state="healthy"} 1`) &&
				strings.Contains(metrics, `watchtower_l1_source_state{source="`+c.Net.RPCURL+`",state="healthy"} 1`)
		})
		ready := httpGet(t, "http://"+metricsAddr+"/readyz")
		if strings.Contains(ready, "l1_sources:") {
			t.Errorf("/readyz fails l1_sources with 2 of 3 healthy and quorum 2:\n%s", ready)
		}
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("run exited %d: %s", code, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("run did not stop")
		}
		if !strings.Contains(stderr.String(), deadName) {
			t.Errorf("the logs never name the dead endpoint %s", deadName)
		}
		assertNoSecrets(t, "the logs", stderr.String(), secrets)
		assertNoSecrets(t, "/metrics", metrics, secrets)
		assertNoSecrets(t, "/readyz", ready, secrets)
	})

	t.Run("quorum 3 of 3 refuses to start", func(t *testing.T) {
		cfg, _ := config(3)
		var stderr bytes.Buffer
		logs := &lockedWriter{w: &stderr}
		code := run(context.Background(), []string{"run", "--config", cfg}, &bytes.Buffer{}, logs)
		out := stderr.String()
		if code == 0 || !strings.Contains(out, "do not agree") || !strings.Contains(out, deadName) {
			t.Fatalf("run exited %d; want a failure naming the missing quorum and %s:\n%s", code, deadName, out)
		}
		assertNoSecrets(t, "the error", out, secrets)
		t.Log(lastLine(out))
	})
}

// httpGetErr is httpGet for a server that may not listen yet.
func httpGetErr(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
