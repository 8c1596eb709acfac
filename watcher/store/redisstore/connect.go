package redisstore

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// defaultSentinelPort is used for a sentinel address given without a port.
const defaultSentinelPort = "26379"

// newClient builds the client for rawURL (already parsed as u; shown is its
// redacted form) with the credentials and TLS of o, and returns the user it
// logs in as.
func newClient(u *url.URL, rawURL, shown string, o Options) (redis.UniversalClient, string, error) {
	if o.TLS != nil && !secureScheme(u.Scheme) {
		return nil, "", fmt.Errorf("redisstore: open %s: TLS settings need a rediss://, rediss+cluster:// or rediss+sentinel:// URL", shown)
	}
	switch u.Scheme {
	case "redis+cluster", "rediss+cluster":
		cu := *u
		cu.Scheme = u.Scheme[:len(u.Scheme)-len("+cluster")]
		opts, err := redis.ParseClusterURL(cu.String())
		if err != nil {
			return nil, "", fmt.Errorf("redisstore: open %s: %w", shown, err)
		}
		opts.Username, opts.Password = credentials(opts.Username, opts.Password, o)
		if o.TLS != nil {
			opts.TLSConfig = o.TLS.Clone()
		}
		opts.ReadTimeout = replicaReadTimeout(opts.ReadTimeout, o)
		return redis.NewClusterClient(opts), opts.Username, nil
	case "redis+sentinel", "rediss+sentinel":
		opts, err := ParseSentinelURL(rawURL)
		if err != nil {
			return nil, "", fmt.Errorf("redisstore: open %s: %w", shown, err)
		}
		opts.Username, opts.Password = credentials(opts.Username, opts.Password, o)
		if o.TLS != nil {
			opts.TLSConfig = o.TLS.Clone()
		}
		opts.ReadTimeout = replicaReadTimeout(opts.ReadTimeout, o)
		return redis.NewFailoverClient(opts), opts.Username, nil
	default:
		opts, err := redis.ParseURL(rawURL)
		if err != nil {
			return nil, "", fmt.Errorf("redisstore: open %s: %w", shown, err)
		}
		opts.Username, opts.Password = credentials(opts.Username, opts.Password, o)
		if o.TLS != nil {
			opts.TLSConfig = o.TLS.Clone()
		}
		opts.ReadTimeout = replicaReadTimeout(opts.ReadTimeout, o)
		return redis.NewClient(opts), opts.Username, nil
	}
}

// redacted is u for messages: without the password, nor a Sentinel URL's
// sentinel_password.
func redacted(u *url.URL) string {
	c := *u
	if q := c.Query(); q.Has("sentinel_password") {
		q.Set("sentinel_password", "xxxxx")
		c.RawQuery = q.Encode()
	}
	return c.Redacted()
}

// secureScheme reports whether a redis URL scheme asks for TLS.
func secureScheme(scheme string) bool {
	return scheme == "rediss" || scheme == "rediss+cluster" || scheme == "rediss+sentinel"
}

// ParseSentinelURL parses a Redis Sentinel URL,
//
//	redis+sentinel://[user:password@]host:port[,host:port...]/MASTER_NAME[?db=N]
//
// (rediss+sentinel:// for TLS to the sentinels and the servers), into the
// options of a failover client. The user and password log in to the
// servers; sentinel_username and sentinel_password query parameters log in
// to the sentinels. A sentinel without a port is taken to listen on 26379.
// Errors never contain the password.
func ParseSentinelURL(raw string) (*redis.FailoverOptions, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || (scheme != "redis+sentinel" && scheme != "rediss+sentinel") {
		return nil, errors.New("sentinel URL: want redis+sentinel:// or rediss+sentinel://")
	}
	rest, rawQuery, _ := strings.Cut(rest, "?")
	authority, path, _ := strings.Cut(rest, "/")
	opts := &redis.FailoverOptions{}
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		user, pass, err := userinfo(authority[:at])
		if err != nil {
			return nil, err
		}
		opts.Username, opts.Password = user, pass
		authority = authority[at+1:]
	}
	addrs, err := sentinelAddrs(authority)
	if err != nil {
		return nil, err
	}
	opts.SentinelAddrs = addrs

	master, err := url.PathUnescape(strings.TrimSuffix(path, "/"))
	if err != nil {
		return nil, fmt.Errorf("sentinel URL: master name: %w", err)
	}
	if master == "" || strings.Contains(master, "/") {
		return nil, fmt.Errorf("sentinel URL: want the master name as the path (redis+sentinel://host:26379[,host:26379...]/MASTER_NAME), got %q", "/"+path)
	}
	opts.MasterName = master
	if err := sentinelQuery(opts, rawQuery); err != nil {
		return nil, err
	}
	if scheme == "rediss+sentinel" {
		// Each address dialed gives the server name to verify.
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return opts, nil
}

// userinfo decodes "user:password" (either may be empty).
func userinfo(s string) (string, string, error) {
	user, pass, _ := strings.Cut(s, ":")
	u, err := url.PathUnescape(user)
	if err != nil {
		return "", "", errors.New("sentinel URL: malformed user name escape")
	}
	p, err := url.PathUnescape(pass)
	if err != nil {
		return "", "", errors.New("sentinel URL: malformed password escape")
	}
	return u, p, nil
}

// sentinelAddrs splits a comma-separated list of host[:port].
func sentinelAddrs(list string) ([]string, error) {
	var addrs []string
	for _, a := range strings.Split(list, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		host, port, err := net.SplitHostPort(a)
		if err != nil {
			if !strings.Contains(err.Error(), "missing port") {
				return nil, fmt.Errorf("sentinel URL: sentinel address %q: %w", a, err)
			}
			host, port = strings.Trim(a, "[]"), defaultSentinelPort
		}
		if host == "" {
			return nil, fmt.Errorf("sentinel URL: sentinel address %q has no host", a)
		}
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("sentinel URL: sentinel address %q: bad port", a)
		}
		addrs = append(addrs, net.JoinHostPort(host, port))
	}
	if len(addrs) == 0 {
		return nil, errors.New("sentinel URL: want at least one sentinel host:port")
	}
	return addrs, nil
}

// sentinelQuery applies the query parameters db, sentinel_username and
// sentinel_password; any other parameter is refused.
func sentinelQuery(opts *redis.FailoverOptions, rawQuery string) error {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return fmt.Errorf("sentinel URL: query: %w", err)
	}
	for name, vs := range q {
		v := vs[len(vs)-1]
		switch name {
		case "db":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("sentinel URL: db %q: want a database number >= 0", v)
			}
			opts.DB = n
		case "sentinel_username":
			opts.SentinelUsername = v
		case "sentinel_password":
			opts.SentinelPassword = v
		default:
			return fmt.Errorf("sentinel URL: unknown parameter %q (want db, sentinel_username or sentinel_password)", name)
		}
	}
	return nil
}
