package main

import (
	"context"
	"errors"
	"fmt"

	"go.uber.org/zap"

	"github.com/watchtower-l2/watchtower/internal/config"
	"github.com/watchtower-l2/watchtower/internal/transport"
	"github.com/watchtower-l2/watchtower/watcher/bus"
	"github.com/watchtower-l2/watchtower/watcher/store"
	"github.com/watchtower-l2/watchtower/watcher/store/redisstore"
)

// connectBus dials natsURL with the credentials and TLS of cfg.NATS. A
// refusal names the keys to check, on one line.
func connectBus(ctx context.Context, cfg config.Config, natsURL, name string, log *zap.Logger) (*bus.Bus, error) {
	n := cfg.NATS
	b, err := bus.Connect(ctx, natsURL, bus.Options{
		Name:         name,
		CredsFile:    n.CredsFile,
		NKeySeedFile: n.NKeySeedFile,
		User:         n.User,
		PasswordFile: n.PasswordFile,
		TokenFile:    n.TokenFile,
		TLS:          n.TLSFiles(),
		Logger:       log,
	})
	if err != nil {
		return nil, withKeys(err, n.AuthKeys(), n.TLSKeys())
	}
	return b, nil
}

// openRedis opens the Redis store of cfg.Store with its ACL user, the
// password of redis_password_file and TLS. A refusal names the keys to check.
func openRedis(ctx context.Context, cfg config.Config) (store.Store, error) {
	s := cfg.Store
	o := redisstore.Options{Username: s.RedisUsername, MinReplicas: s.RedisMinReplicas, ReplicaTimeout: s.RedisReplicaTimeout}
	if s.RedisPasswordFile != "" {
		pw, err := config.ReadSecret(s.RedisPasswordFile)
		if err != nil {
			return nil, fmt.Errorf("store.redis_password_file: %w", err)
		}
		o.Password = pw
	}
	if f := s.TLSFiles(); !f.IsZero() {
		tc, err := f.Config()
		if err != nil {
			return nil, fmt.Errorf("store.redis_tls_*: %w", err)
		}
		o.TLS = tc
	}
	st, err := redisstore.OpenWith(ctx, s.RedisURL, s.Prefix, o)
	if err != nil {
		return nil, withKeys(err, s.AuthKeys(), s.TLSKeys())
	}
	return st, nil
}

// withKeys appends to a refused connection the configuration keys to check.
func withKeys(err error, authKeys, tlsKeys string) error {
	switch {
	case errors.Is(err, transport.ErrAuth):
		return fmt.Errorf("%w; check %s", err, authKeys)
	case errors.Is(err, transport.ErrTLS):
		return fmt.Errorf("%w; check %s", err, tlsKeys)
	}
	return err
}
