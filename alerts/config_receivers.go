package alerts

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"strings"
	"time"
)

// ReceiverConfig names one destination; exactly one integration is set.
type ReceiverConfig struct {
	Name string `yaml:"name"`
	// Fallback receives this receiver's alerts when it keeps failing.
	Fallback string `yaml:"fallback"`
	// MinInterval spaces requests to respect the service's rate limit
	// (defaults per service: Slack 1s, Discord 500ms, Telegram 1s,
	// PagerDuty 500ms, Opsgenie 200ms, others 0).
	MinInterval *time.Duration `yaml:"min_interval"`
	// MaxBatch is how many alerts one delivery may combine (default 10;
	// PagerDuty and Opsgenie always send one event per alert). Chat
	// receivers split a batch into as many messages as the service's limits
	// need (Telegram 4096 characters, Slack 50 blocks, Discord 10 embeds and
	// 6000 characters); no alert is cut out of a batch.
	MaxBatch int `yaml:"max_batch"`

	Slack        *SlackConfig        `yaml:"slack"`
	PagerDuty    *PagerDutyConfig    `yaml:"pagerduty"`
	Telegram     *TelegramConfig     `yaml:"telegram"`
	Discord      *DiscordConfig      `yaml:"discord"`
	Opsgenie     *OpsgenieConfig     `yaml:"opsgenie"`
	Webhook      *WebhookConfig      `yaml:"webhook"`
	Alertmanager *AlertmanagerConfig `yaml:"alertmanager"`
	Teams        *TeamsConfig        `yaml:"teams"`
	Email        *EmailConfig        `yaml:"email"`

	// Templates override the title and text of this receiver's messages.
	Templates *Templates `yaml:"templates"`
}

// TeamsConfig posts Adaptive Cards to a Microsoft Teams Workflows webhook.
type TeamsConfig struct {
	WebhookURL     string `yaml:"webhook_url"`
	WebhookURLFile string `yaml:"webhook_url_file"`
}

// EmailConfig sends plain-text email through an SMTP relay with STARTTLS.
type EmailConfig struct {
	// Smarthost is the relay's host:port, e.g. smtp.example.org:587.
	Smarthost string   `yaml:"smarthost"`
	From      string   `yaml:"from"`
	To        []string `yaml:"to"`
	// Username and Password (or PasswordFile) authenticate with PLAIN,
	// only over TLS.
	Username     string `yaml:"username"`
	Password     string `yaml:"password"`
	PasswordFile string `yaml:"password_file"`
	// RequireTLS refuses relays without STARTTLS (default true).
	RequireTLS *bool `yaml:"require_tls"`
	// CAFile trusts an extra CA for the relay's certificate.
	CAFile string `yaml:"ca_file"`
	// Hello is the EHLO name (default localhost).
	Hello string `yaml:"hello"`
}

// SlackConfig posts Block Kit messages to a Slack incoming webhook.
type SlackConfig struct {
	WebhookURL     string `yaml:"webhook_url"`
	WebhookURLFile string `yaml:"webhook_url_file"`
}

// PagerDutyConfig sends Events API v2 trigger/resolve events.
type PagerDutyConfig struct {
	RoutingKey     string `yaml:"routing_key"`
	RoutingKeyFile string `yaml:"routing_key_file"`
	// URL defaults to https://events.pagerduty.com/v2/enqueue.
	URL string `yaml:"url"`
}

// TelegramConfig calls the Bot API sendMessage method.
type TelegramConfig struct {
	BotToken     string `yaml:"bot_token"`
	BotTokenFile string `yaml:"bot_token_file"`
	ChatID       string `yaml:"chat_id"`
	// MessageThreadID posts into a forum topic.
	MessageThreadID int64 `yaml:"message_thread_id"`
	// APIURL defaults to https://api.telegram.org.
	APIURL string `yaml:"api_url"`
}

// DiscordConfig posts embeds to a Discord webhook.
type DiscordConfig struct {
	WebhookURL     string `yaml:"webhook_url"`
	WebhookURLFile string `yaml:"webhook_url_file"`
	Username       string `yaml:"username"`
}

// OpsgenieConfig creates and closes (by alias) alerts via the Alert API.
type OpsgenieConfig struct {
	APIKey     string `yaml:"api_key"`
	APIKeyFile string `yaml:"api_key_file"`
	// APIURL defaults to https://api.opsgenie.com (EU: https://api.eu.opsgenie.com).
	APIURL string   `yaml:"api_url"`
	Tags   []string `yaml:"tags"`
	// Responders are team names the alert is assigned to.
	Responders []string `yaml:"responders"`
}

// WebhookConfig posts the alert JSON to any URL, signed with HMAC-SHA256
// when a secret is set.
type WebhookConfig struct {
	URL        string `yaml:"url"`
	URLFile    string `yaml:"url_file"`
	Secret     string `yaml:"secret"`
	SecretFile string `yaml:"secret_file"`
}

// AlertmanagerConfig posts to a Prometheus Alertmanager v2 API.
type AlertmanagerConfig struct {
	// URL is the Alertmanager base URL, e.g. http://alertmanager:9093.
	URL             string `yaml:"url"`
	BearerToken     string `yaml:"bearer_token"`
	BearerTokenFile string `yaml:"bearer_token_file"`
	// ResendInterval is how often open and failed incidents are re-sent
	// (default 1m); each firing alert ends four intervals after it was sent,
	// so Alertmanager resolves it only if the tower stops sending.
	ResendInterval *time.Duration `yaml:"resend_interval"`
}

// resend is the configured or default resend interval.
func (c *AlertmanagerConfig) resend() time.Duration {
	if c.ResendInterval != nil && *c.ResendInterval > 0 {
		return *c.ResendInterval
	}
	return DefaultAlertmanagerResend
}

func (r *ReceiverConfig) validate(p string) error {
	n := 0
	for _, set := range []bool{r.Slack != nil, r.PagerDuty != nil, r.Telegram != nil, r.Discord != nil, r.Opsgenie != nil, r.Webhook != nil, r.Alertmanager != nil, r.Teams != nil, r.Email != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("%s: exactly one of slack, pagerduty, telegram, discord, opsgenie, webhook, alertmanager, teams, email is required (got %d)", p, n)
	}
	if r.MaxBatch < 0 {
		return fmt.Errorf("%s.max_batch: must not be negative", p)
	}
	if err := r.checkSecretsExist(p); err != nil {
		return err
	}
	if err := r.checkEmail(p); err != nil {
		return err
	}
	if err := r.Templates.compile(p + ".templates"); err != nil {
		return err
	}
	return r.checkURLs(p)
}

func (r *ReceiverConfig) checkEmail(p string) error {
	e := r.Email
	if e == nil {
		return nil
	}
	if _, _, err := net.SplitHostPort(e.Smarthost); err != nil {
		return fmt.Errorf("%s.email.smarthost: want host:port: %w", p, err)
	}
	if _, err := mail.ParseAddress(e.From); err != nil {
		return fmt.Errorf("%s.email.from: %w", p, err)
	}
	if len(e.To) == 0 {
		return fmt.Errorf("%s.email.to: at least one recipient is required", p)
	}
	for i, to := range e.To {
		if _, err := mail.ParseAddress(to); err != nil {
			return fmt.Errorf("%s.email.to[%d]: %w", p, i, err)
		}
	}
	if e.CAFile != "" {
		if _, err := os.Stat(e.CAFile); err != nil {
			return fmt.Errorf("%s.email.ca_file: %w", p, err)
		}
	}
	return nil
}

// secretPair is one setting given inline or as a *_file.
type secretPair struct {
	key, v, file string
	// required: exactly one of v and file must be set (else at most one).
	required bool
	// isURL: the value is a service URL.
	isURL bool
}

func (r *ReceiverConfig) secrets() []secretPair {
	switch {
	case r.Slack != nil:
		return []secretPair{{"slack.webhook_url", r.Slack.WebhookURL, r.Slack.WebhookURLFile, true, true}}
	case r.PagerDuty != nil:
		return []secretPair{{"pagerduty.routing_key", r.PagerDuty.RoutingKey, r.PagerDuty.RoutingKeyFile, true, false}}
	case r.Telegram != nil:
		return []secretPair{{"telegram.bot_token", r.Telegram.BotToken, r.Telegram.BotTokenFile, true, false}}
	case r.Discord != nil:
		return []secretPair{{"discord.webhook_url", r.Discord.WebhookURL, r.Discord.WebhookURLFile, true, true}}
	case r.Opsgenie != nil:
		return []secretPair{{"opsgenie.api_key", r.Opsgenie.APIKey, r.Opsgenie.APIKeyFile, true, false}}
	case r.Webhook != nil:
		return []secretPair{{"webhook.url", r.Webhook.URL, r.Webhook.URLFile, true, true}, {"webhook.secret", r.Webhook.Secret, r.Webhook.SecretFile, false, false}}
	case r.Alertmanager != nil:
		return []secretPair{{"alertmanager.bearer_token", r.Alertmanager.BearerToken, r.Alertmanager.BearerTokenFile, false, false}}
	case r.Teams != nil:
		return []secretPair{{"teams.webhook_url", r.Teams.WebhookURL, r.Teams.WebhookURLFile, true, true}}
	case r.Email != nil:
		return []secretPair{{"email.password", r.Email.Password, r.Email.PasswordFile, false, false}}
	}
	return nil
}

// checkSecretsExist checks that each secret is set once and that every
// *_file is readable and not empty, and that URL secrets are valid URLs.
func (r *ReceiverConfig) checkSecretsExist(p string) error {
	for _, s := range r.secrets() {
		switch {
		case s.required && (s.v == "") == (s.file == ""):
			return fmt.Errorf("%s.%s: set exactly one of %s and %s_file", p, s.key, lastKey(s.key), lastKey(s.key))
		case !s.required && s.v != "" && s.file != "":
			return fmt.Errorf("%s.%s: set at most one of %s and %s_file", p, s.key, lastKey(s.key), lastKey(s.key))
		}
		v, err := readSecret(s.key, s.v, s.file)
		if err != nil {
			return fmt.Errorf("%s.%w", p, err)
		}
		if s.isURL {
			if err := checkURL(v); err != nil {
				k := s.key
				if s.file != "" {
					k += "_file"
				}
				return fmt.Errorf("%s.%s: %w", p, k, err)
			}
		}
	}
	return nil
}

// checkURLs checks the service URLs given as plain settings.
func (r *ReceiverConfig) checkURLs(p string) error {
	var urls [][2]string
	switch {
	case r.PagerDuty != nil:
		urls = append(urls, [2]string{"pagerduty.url", r.PagerDuty.URL})
	case r.Telegram != nil:
		if r.Telegram.ChatID == "" {
			return fmt.Errorf("%s.telegram.chat_id: required", p)
		}
		urls = append(urls, [2]string{"telegram.api_url", r.Telegram.APIURL})
	case r.Opsgenie != nil:
		urls = append(urls, [2]string{"opsgenie.api_url", r.Opsgenie.APIURL})
	case r.Alertmanager != nil:
		if r.Alertmanager.URL == "" {
			return fmt.Errorf("%s.alertmanager.url: required", p)
		}
		urls = append(urls, [2]string{"alertmanager.url", r.Alertmanager.URL})
	}
	for _, u := range urls {
		if u[1] == "" {
			continue
		}
		if err := checkURL(u[1]); err != nil {
			return fmt.Errorf("%s.%s: %w", p, u[0], err)
		}
	}
	return nil
}

func lastKey(k string) string { return k[strings.LastIndexByte(k, '.')+1:] }

// checkURL accepts absolute http and https URLs with a host. Its errors do
// not repeat the URL: webhook URLs are secrets.
func checkURL(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return errors.New("not a valid URL")
	}
	switch {
	case u.Scheme == "":
		return errors.New("URL has no scheme (want https://...)")
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("unsupported URL scheme %q (want http or https)", u.Scheme)
	case u.Host == "":
		return errors.New("URL has no host")
	}
	return nil
}
