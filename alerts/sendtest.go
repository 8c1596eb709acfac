package alerts

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// SendTest sends a test alert straight to the named receiver (bypassing the
// outbox and routes), with the configured retries; paging receivers
// (PagerDuty, Opsgenie, Alertmanager) get the matching resolve right after,
// so no test incident stays open. It backs `watchtower alerts test --receiver NAME`.
func SendTest(ctx context.Context, cfg Config, receiverName string) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("alerts: config: %w", err)
	}
	rc, ok := cfg.receiverConfig(receiverName)
	if !ok {
		names := make([]string, len(cfg.Receivers))
		for i, r := range cfg.Receivers {
			names[i] = r.Name
		}
		return fmt.Errorf("alerts: no receiver named %q (have %v)", receiverName, names)
	}
	r, err := NewReceiver(rc, cfg.Global)
	if err != nil {
		return err
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
		return fmt.Errorf("alerts: test alert to %s: %w", receiverName, err)
	}
	if rc.PagerDuty != nil || rc.Opsgenie != nil || rc.Alertmanager != nil {
		a.State, a.At = StateResolved, time.Now()
		a.Summary = "Test alert resolved."
		if err := SendWithRetry(ctx, r, []Alert{a}, p, nil); err != nil {
			return fmt.Errorf("alerts: resolve test alert at %s: %w", receiverName, err)
		}
	}
	return nil
}
