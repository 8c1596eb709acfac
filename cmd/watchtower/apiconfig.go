package main

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/watcher/delegation"
	"github.com/watchtower-l2/watchtower/watcher/tower"
	"github.com/watchtower-l2/watchtower/watcher/txmgr"
)

// apiOptions loads what the api role needs from cfg: its own identity key
// (api.identity_key_file; never the signer key, which tower.New checks) and
// the registration limits and gates. Without the api role it loads nothing.
func apiOptions(cfg config.Config) (*ecdsa.PrivateKey, delegation.Config, error) {
	var out delegation.Config
	if !cfg.HasRole(tower.RoleAPI) {
		return nil, out, nil
	}
	if cfg.API.IdentityKeyFile == "" {
		return nil, out, fmt.Errorf("api.identity_key_file: required by the api role (its own key, not signer.key_file)")
	}
	pw := ""
	if cfg.API.IdentityPasswordFile != "" {
		var err error
		if pw, err = txmgr.ReadSecretFile(cfg.API.IdentityPasswordFile); err != nil {
			return nil, out, fmt.Errorf("api.identity_password_file: %w", err)
		}
	}
	identity, err := txmgr.LoadKey(cfg.API.IdentityKeyFile, pw)
	if err != nil {
		return nil, out, fmt.Errorf("api.identity_key_file: %w", err)
	}
	out.PerIP = rate(cfg.API.PerIPRate)
	out.PerUser = rate(cfg.API.PerUserRate)
	out.TrustProxy = cfg.API.TrustProxy
	out.NewUsersPerMinute = cfg.API.NewUsersPerMinute
	if out.NewUsersPerMinute == 0 {
		out.NewUsersPerMinute = -1 // 0 in the file means no limit
	}
	if cfg.API.RegistrationTokenFile != "" {
		if out.RegistrationToken, err = config.ReadSecret(cfg.API.RegistrationTokenFile); err != nil {
			return nil, out, fmt.Errorf("api.registration_token_file: %w", err)
		}
	}
	for _, a := range cfg.API.RegistrationAllowlist {
		out.RegistrationAllowlist = append(out.RegistrationAllowlist, common.HexToAddress(a))
	}
	return identity, out, nil
}

// rate is a per-second limit with bursts of twice as many; 0 (no limit)
// becomes the delegation package's "disabled".
func rate(perSecond float64) delegation.Rate {
	if perSecond == 0 {
		return delegation.Rate{PerSecond: -1}
	}
	return delegation.Rate{PerSecond: perSecond, Burst: max(1, int(2*perSecond))}
}
