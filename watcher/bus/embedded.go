package bus

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"go.uber.org/zap"
)

// readyTimeout bounds how long StartEmbedded waits for the server to accept clients.
const readyTimeout = 10 * time.Second

// EmbeddedOptions configures an in-process NATS server with JetStream.
type EmbeddedOptions struct {
	// Dir is the JetStream store directory (required). Reusing it across
	// restarts keeps streams, messages and durable consumers.
	Dir string
	// Host to listen on; defaults to 127.0.0.1.
	Host string
	// Port to listen on; 0 picks a random free port.
	Port int
	// Logger receives the server's logs; nil discards them.
	Logger *zap.Logger
}

// Embedded is an in-process nats-server with JetStream enabled.
type Embedded struct {
	srv *server.Server
	log *serverLogger
}

// StartEmbedded starts an in-process nats-server with file-backed JetStream
// in opts.Dir and waits until it accepts client connections.
func StartEmbedded(opts EmbeddedOptions) (*Embedded, error) {
	if opts.Dir == "" {
		return nil, errors.New("bus: embedded server: Dir is required")
	}
	if opts.Host == "" {
		opts.Host = "127.0.0.1"
	}
	port := opts.Port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}

	srv, err := server.NewServer(&server.Options{
		Host:      opts.Host,
		Port:      port,
		JetStream: true,
		StoreDir:  opts.Dir,
		NoSigs:    true,
		NoLog:     true,
	})
	if err != nil {
		return nil, fmt.Errorf("bus: embedded server (dir %s): %w", opts.Dir, err)
	}
	sl := &serverLogger{log: opts.Logger.Named("nats-server").WithOptions(zap.AddCallerSkip(1))}
	srv.SetLogger(sl, true, false)
	srv.Start()

	// Poll so a fatal startup error (e.g. unusable store dir) fails fast.
	deadline := time.Now().Add(readyTimeout)
	for !srv.ReadyForConnections(50 * time.Millisecond) {
		if sl.fatalSuffix() != "" || time.Now().After(deadline) {
			srv.Shutdown()
			srv.WaitForShutdown()
			return nil, fmt.Errorf("bus: embedded server on %s port %d (dir %s) not ready for connections%s",
				opts.Host, opts.Port, opts.Dir, orTimeout(sl.fatalSuffix()))
		}
	}
	if !srv.JetStreamEnabled() {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, fmt.Errorf("bus: embedded server: JetStream failed to start with store dir %s%s",
			opts.Dir, sl.fatalSuffix())
	}
	return &Embedded{srv: srv, log: sl}, nil
}

// ClientURL returns the nats:// URL clients should connect to.
func (e *Embedded) ClientURL() string { return e.srv.ClientURL() }

// Shutdown stops the server and waits until it has fully shut down,
// flushing JetStream state to Dir.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}

// serverLogger adapts zap to server.Logger. Routine server output
// (notice/debug/trace) goes to debug; warnings and errors keep their level
// so store or startup failures are not hidden.
type serverLogger struct {
	log *zap.Logger

	mu        sync.Mutex
	lastFatal string
}

func (l *serverLogger) Noticef(format string, v ...any) { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l *serverLogger) Debugf(format string, v ...any)  { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l *serverLogger) Tracef(format string, v ...any)  { l.log.Debug(fmt.Sprintf(format, v...)) }
func (l *serverLogger) Warnf(format string, v ...any)   { l.log.Warn(fmt.Sprintf(format, v...)) }
func (l *serverLogger) Errorf(format string, v ...any)  { l.log.Error(fmt.Sprintf(format, v...)) }

// Fatalf records the message for StartEmbedded's error; it must not exit
// the process as the default server logger would.
func (l *serverLogger) Fatalf(format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	l.mu.Lock()
	l.lastFatal = msg
	l.mu.Unlock()
	l.log.Error(msg, zap.Bool("fatal", true))
}

func (l *serverLogger) fatalSuffix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lastFatal == "" {
		return ""
	}
	return ": " + l.lastFatal
}

func orTimeout(fatal string) string {
	if fatal != "" {
		return fatal
	}
	return " after " + readyTimeout.String()
}
