package alerts

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// teamsVisible checks a Workflows webhook body against the documented
// format (a message with one Adaptive Card attachment, under 28 KB) and
// returns the card's text.
func teamsVisible(body []byte) (string, error) {
	if len(body) > 28<<10 {
		return "", fmt.Errorf("message is %d bytes (Teams allows about 28 KB)", len(body))
	}
	var raw struct {
		Type        string `json:"type"`
		Attachments []struct {
			ContentType string          `json:"contentType"`
			ContentURL  json.RawMessage `json:"contentUrl"`
			Content     AdaptiveCard    `json:"content"`
		} `json:"attachments"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return "", err
	}
	if raw.Type != "message" || len(raw.Attachments) != 1 {
		return "", fmt.Errorf("type %q with %d attachments", raw.Type, len(raw.Attachments))
	}
	at := raw.Attachments[0]
	c := at.Content
	if at.ContentType != "application/vnd.microsoft.card.adaptive" || string(at.ContentURL) != "null" ||
		c.Type != "AdaptiveCard" || c.Version != "1.4" || c.Schema != "http://adaptivecards.io/schemas/adaptive-card.json" {
		return "", fmt.Errorf("attachment %s / card %s %s %s", at.ContentType, c.Type, c.Version, c.Schema)
	}
	var b strings.Builder
	var walk func(items []AdaptiveItem) error
	walk = func(items []AdaptiveItem) error {
		for _, it := range items {
			switch it.Type {
			case "TextBlock":
				b.WriteString(it.Text + "\n")
			case "FactSet":
				for _, f := range it.Facts {
					b.WriteString(f.Title + ": " + f.Value + "\n")
				}
			case "Container":
				if err := walk(it.Items); err != nil {
					return err
				}
			default:
				return fmt.Errorf("unknown element %q", it.Type)
			}
		}
		return nil
	}
	if err := walk(c.Body); err != nil {
		return "", err
	}
	return b.String(), nil
}

func teamsOK(w http.ResponseWriter) { w.WriteHeader(http.StatusAccepted) }

func init() {
	chatCases = append(chatCases, chatCase{"teams", teamsOK, teamsVisible, func(u string) ReceiverConfig {
		return ReceiverConfig{Name: "teams", Teams: &TeamsConfig{WebhookURL: u + "/workflows/1/triggers/manual/paths/invoke"}}
	}})
}

// TestTeamsReceiver checks the request and the retry behaviour.
func TestTeamsReceiver(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(t *testing.T, c captured) {
		if c.Method != http.MethodPost || c.Header.Get("Content-Type") != "application/json" {
			t.Errorf("bad request %s %q", c.Method, c.Header.Get("Content-Type"))
		}
		text, err := teamsVisible(c.Body)
		if err != nil || !strings.Contains(text, "stale state <7> submitted & not answered") || !strings.Contains(text, "Incident: 0xdead01") {
			t.Errorf("card %q: %v", text, err)
		}
	}, status(429, "Retry-After", "1"), status(503))
	f.ok = func(w http.ResponseWriter, _ captured) { teamsOK(w) }
	r := mustReceiver(t, ReceiverConfig{Name: "teams", Teams: &TeamsConfig{WebhookURL: f.srv.URL + "/wf"}})
	sendThroughFailures(t, f, r, testAlert(), time.Second)
}
