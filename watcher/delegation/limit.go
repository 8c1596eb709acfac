package delegation

import (
	"math/rand/v2"
	"net/netip"
	"sync"
	"time"
)

// limiter keeps one token bucket per key (an IP address or a user). It is
// per process: behind a load balancer each API process limits on its own.
type limiter struct {
	rate  Rate
	mu    sync.Mutex
	byKey map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxKeys bounds the limiter's memory; past it, idle buckets (full again) are dropped.
const maxKeys = 100_000

func newLimiter(r Rate) *limiter { return &limiter{rate: r, byKey: map[string]*bucket{}} }

// allow takes a token for key; when none is left it returns how long until one is.
func (l *limiter) allow(key string) (time.Duration, bool) {
	if l.rate.PerSecond <= 0 {
		return 0, true
	}
	burst := float64(max(l.rate.Burst, 1))
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.byKey[key]
	if !ok {
		if len(l.byKey) >= maxKeys {
			l.sweep(now, burst)
		}
		b = &bucket{tokens: burst, at: now}
		l.byKey[key] = b
	}
	b.tokens = min(burst, b.tokens+now.Sub(b.at).Seconds()*l.rate.PerSecond)
	b.at = now
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) / l.rate.PerSecond * float64(time.Second)), false
	}
	b.tokens--
	return 0, true
}

func (l *limiter) sweep(now time.Time, burst float64) {
	for k, b := range l.byKey {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate.PerSecond >= burst {
			delete(l.byKey, k)
		}
	}
}

func randUint() uint32 { return rand.Uint32() }

// perMinute is the Rate of n events a minute with bursts of n (negative n: no limit).
func perMinute(n int) Rate {
	if n < 0 {
		return Rate{PerSecond: -1}
	}
	return Rate{PerSecond: float64(n) / 60, Burst: n}
}

// ipKey is the per-IP limiter's key of a client address: an IPv4 address as
// is, an IPv6 address by its /64 (one subscriber's network, where every
// host may pick any of 2^64 addresses). Anything else is used verbatim.
func ipKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap()
	if a.Is4() {
		return a.String()
	}
	p, err := a.WithZone("").Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}
