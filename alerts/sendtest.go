package alerts

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// DefaultTestHold is how long a test alert stays firing in Alertmanager.
const DefaultTestHold = 5 * time.Minute

// TestResult tells what SendTestWith left behind.
type TestResult struct {
	// Held is how long the test alert stays firing (Alertmanager: it must
	// fire long enough for Alertmanager's group_wait to notify); 0 when it
	// was resolved at once or the receiver has no notion of resolving.
	Held time.Duration
}

// SendTest is SendTestWith holding an Alertmanager test alert DefaultTestHold.
func SendTest(ctx context.Context, cfg Config, receiverName string) error {
	_, err := SendTestWith(ctx, cfg, receiverName, DefaultTestHold)
	return err
}

// SendTestWith sends a test alert straight to the named receiver (bypassing
// the outbox and routes), with the configured retries. PagerDuty and
// Opsgenie get the matching resolve right after, so no test incident stays
// open. Alertmanager only notifies about alerts that fire for its
// group_wait, so there the test alert fires for hold and then ends by
// itself (no resolve is sent). It backs `watchtower alerts test`.
func SendTestWith(ctx context.Context, cfg Config, receiverName string, hold time.Duration) (TestResult, error) {
	if err := cfg.Validate(); err != nil {
		return TestResult{}, fmt.Errorf("alerts: config: %w", err)
	}
	rc, ok := cfg.receiverConfig(receiverName)
	if !ok {
		names := make([]string, len(cfg.Receivers))
		for i, r := range cfg.Receivers {
			names[i] = r.Name
		}
		return TestResult{}, fmt.Errorf("alerts: no receiver named %q (have %v)", receiverName, names)
	}
	r, err := NewReceiver(rc, cfg.Global)
	if err != nil {
		return TestResult{}, err
	}
	var res TestResult
	inner := r
	if tr, ok := r.(*templatedReceiver); ok {
		inner = tr.Receiver
	}
	if am, ok := inner.(*alertmanagerReceiver); ok {
		if hold <= 0 {
			hold = DefaultTestHold
		}
		am.ttl, res.Held = hold, hold
	}
	now := time.Now()
	a := Alert{
		Fingerprint: "watchtower-test-" + strconv.FormatInt(now.UnixNano(), 36),
		Severity:    Info,
		Kind:        "test",
		Subject:     "receiver " + receiverName,
		State:       StateDetected,
		Summary:     "Test alert from " + cfg.Global.Source + ": if you can read this, receiver " + receiverName + " works.",
		Action:      "No action needed: this is a test.",
		At:          now,
		Labels:      map[string]string{"test": "true"},
	}
	p := cfg.Delivery.policy()
	if err := SendWithRetry(ctx, r, []Alert{a}, p, nil); err != nil {
		return res, fmt.Errorf("alerts: test alert to %s: %w", receiverName, err)
	}
	if rc.PagerDuty != nil || rc.Opsgenie != nil {
		a.State, a.At = StateResolved, time.Now()
		a.Summary = "Test alert resolved."
		if err := SendWithRetry(ctx, r, []Alert{a}, p, nil); err != nil {
			return res, fmt.Errorf("alerts: resolve test alert at %s: %w", receiverName, err)
		}
	}
	return res, nil
}
