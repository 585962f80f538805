// Command load drives a running Samråd server the way a conference does:
// N phones over T tables and M dashboards, joining through the real pages
// and speaking the real websocket protocol. It sends input at a target rate,
// checks that every input was acknowledged exactly once, reached every
// dashboard and is stored once, and prints one summary.
//
//	go run ./scripts/load -phones 10000 -tables 1000 -dashboards 20 -rate 5000 -duration 60s
//
// It refuses any server that is not on this machine (loopback only).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"runtime/pprof"
	"strconv"
	"time"
)

type config struct {
	url           string
	email         string
	password      string
	phones        int
	tables        int
	dashboards    int
	rate          float64
	duration      time.Duration
	connectRate   float64
	drain         time.Duration
	storm         bool
	restartAfter  time.Duration
	cpuProfile    string
	serverProfile string
}

func main() { os.Exit(loadTest()) }

// loadTest returns the exit code: 0 when nothing was lost or doubled.
func loadTest() int {
	var cfg config
	flag.StringVar(&cfg.url, "url", "http://127.0.0.1:8080", "server address (loopback only)")
	flag.StringVar(&cfg.email, "email", os.Getenv("SAMRAD_ADMIN_EMAIL"), "administrator e-mail (env SAMRAD_ADMIN_EMAIL)")
	flag.StringVar(&cfg.password, "password", os.Getenv("SAMRAD_ADMIN_PASSWORD"), "administrator password (env SAMRAD_ADMIN_PASSWORD)")
	flag.IntVar(&cfg.phones, "phones", 1000, "participant connections (at most 19000)")
	flag.IntVar(&cfg.tables, "tables", 100, "tables the phones are spread over (at most 1000)")
	flag.IntVar(&cfg.dashboards, "dashboards", 2, "facilitator dashboards (at most 100)")
	flag.Float64Var(&cfg.rate, "rate", 500, "inputs per second, all phones together (at most 50000)")
	flag.DurationVar(&cfg.duration, "duration", 20*time.Second, "how long to send (at most 10m)")
	flag.Float64Var(&cfg.connectRate, "connect-rate", 2000, "new phone connections per second while ramping up")
	flag.DurationVar(&cfg.drain, "drain", 20*time.Second, "how long to wait for the last acknowledgements")
	flag.BoolVar(&cfg.storm, "storm", false, "after sending, drop every phone within 5 s and check that all resynchronise")
	flag.DurationVar(&cfg.restartAfter, "restart-after", 0, "this long into sending, restart the server (SIGTERM, then start it again as it was started) and check that every phone and dashboard resumes")
	flag.StringVar(&cfg.cpuProfile, "cpuprofile", "", "write the load tool's own CPU profile to this file")
	flag.StringVar(&cfg.serverProfile, "server-profile", "", "write the server's CPU profile while sending to this file (from /debug/pprof, as the administrator); with -restart-after, the new server's over its first 10 s")
	flag.Parse()
	if cfg.cpuProfile != "" {
		f, err := os.Create(cfg.cpuProfile)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.duration+cfg.drain+5*time.Minute)
	defer cancel()
	report, err := run(ctx, cfg)
	if report != nil {
		report.print(os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		return 1
	}
	if !report.clean() {
		return 1
	}
	return 0
}

func (c *config) check() error {
	u, err := url.Parse(c.url)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("-url %q: want http://host:port", c.url)
	}
	host := u.Hostname()
	if ips, err := net.LookupIP(host); err != nil || len(ips) == 0 || !ips[0].IsLoopback() {
		return fmt.Errorf("-url %q: the load tool only runs against this machine (loopback)", c.url)
	}
	switch {
	case c.email == "" || c.password == "":
		return errors.New("give -email and -password of an administrator (or SAMRAD_ADMIN_EMAIL/SAMRAD_ADMIN_PASSWORD)")
	case c.phones < 1 || c.phones > 19000:
		return errors.New("-phones must be 1…19000 (the container allows ~20 000 sockets per process)")
	case c.tables < 1 || c.tables > 1000:
		return errors.New("-tables must be 1…1000")
	case c.dashboards < 0 || c.dashboards > 100:
		return errors.New("-dashboards must be 0…100")
	case c.rate <= 0 || c.rate > 50000:
		return errors.New("-rate must be above 0 and at most 50000")
	case c.duration <= 0 || c.duration > 10*time.Minute:
		return errors.New("-duration must be above 0 and at most 10m")
	case c.connectRate <= 0:
		return errors.New("-connect-rate must be above 0")
	case c.restartAfter < 0 || c.restartAfter >= c.duration && c.restartAfter > 0:
		return errors.New("-restart-after must be within -duration")
	}
	return nil
}

func (c *config) port() int {
	u, _ := url.Parse(c.url)
	p, err := strconv.Atoi(u.Port())
	if err != nil {
		if u.Scheme == "https" {
			return 443
		}
		return 80
	}
	return p
}

// maxInputs bounds how many inputs a run sends, for the dashboards' counters.
func (c *config) maxInputs() int {
	n := c.rate*c.duration.Seconds() + 1
	if c.storm {
		n += min(c.rate, 1000) * 5
	}
	return int(n) + 1000
}
