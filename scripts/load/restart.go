package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/samrad-se/samrad/server/liveclient"
)

// serverProcess is how the running server was started, read from /proc, so
// that the load tool can restart it the way a process manager does: the same
// program, arguments, environment and working directory.
type serverProcess struct {
	exe  string // a copy of the binary: `go run` deletes its own when the server exits
	args []string
	env  []string
	dir  string
}

func captureServer(pid int) (serverProcess, error) {
	var s serverProcess
	proc := fmt.Sprintf("/proc/%d/", pid)
	bin, err := os.ReadFile(proc + "exe")
	if err != nil {
		return s, fmt.Errorf("read the server's program: %w", err)
	}
	s.exe = filepath.Join(os.TempDir(), fmt.Sprintf("samrad-restarted-%d", pid))
	if err := os.WriteFile(s.exe, bin, 0o700); err != nil {
		return s, err
	}
	cmdline, err := os.ReadFile(proc + "cmdline")
	if err != nil {
		return s, err
	}
	s.args = strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
	environ, err := os.ReadFile(proc + "environ")
	if err != nil {
		return s, err
	}
	s.env = strings.Split(strings.TrimRight(string(environ), "\x00"), "\x00")
	s.dir, err = os.Readlink(proc + "cwd")
	return s, err
}

// restartResult is what a restart under load showed.
type restartResult struct {
	exited    time.Duration // SIGTERM until the old process was gone (drain included)
	up        time.Duration // SIGTERM until the new one answered /healthz
	resynced  time.Duration // new one up until every phone and dashboard was in step again
	phones    int           // phones in step again after the restart
	snapshots int64         // phones and dashboards that took a snapshot instead of resuming
	newPID    int
	log       string
	done      bool
}

// restartProfile is how long the new server is profiled for after a restart.
const restartProfile = 10 * time.Second

// restartServer stops the server with SIGTERM, waits for it to exit, starts
// it again as it was started, and waits until every phone and dashboard has
// resynchronised with the new process.
func restartServer(ctx context.Context, cfg config, a *admin, pid int, phones []*liveclient.Phone, dashboards []*dashboard) (restartResult, error) {
	var res restartResult
	proc, err := captureServer(pid)
	if err != nil {
		return res, err
	}
	defer os.Remove(proc.exe)
	syncs := make([]int, len(phones))
	snapshots := make([]int, len(phones))
	for i, p := range phones {
		syncs[i], snapshots[i] = p.Syncs(), p.Snapshots()
	}
	dashOpenings := make([]int64, len(dashboards))
	var dashSnapshots int64
	for i, d := range dashboards {
		dashOpenings[i] = d.resumes.Load() + d.snapshots.Load()
		dashSnapshots += d.snapshots.Load()
	}
	start := time.Now()
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		return res, err
	}
	if err := waitFor(ctx, 30*time.Second, func() bool { return syscall.Kill(pid, 0) != nil }); err != nil {
		return res, errors.New("the server did not exit within 30 s of SIGTERM")
	}
	res.exited = time.Since(start)
	logFile, err := os.CreateTemp("", "samrad-restarted-*.log")
	if err != nil {
		return res, err
	}
	defer logFile.Close()
	res.log = logFile.Name()
	cmd := exec.Command(proc.exe, proc.args[1:]...)
	cmd.Env, cmd.Dir, cmd.Stdout, cmd.Stderr = proc.env, proc.dir, logFile, logFile
	// Its own session: it runs on after the load tool, as under a process manager.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return res, err
	}
	res.newPID = cmd.Process.Pid
	go cmd.Wait()
	if err := waitFor(ctx, 30*time.Second, func() bool {
		r, err := http.Get(cfg.url + "/healthz")
		if err != nil {
			return false
		}
		r.Body.Close()
		return r.StatusCode == http.StatusOK
	}); err != nil {
		return res, fmt.Errorf("the restarted server did not answer within 30 s (log: %s)", res.log)
	}
	res.up = time.Since(start)
	up := time.Now()
	// With a restart, the profile worth having is the new server's while
	// everyone comes back (the session is in the database: it survives).
	profiled := make(chan error, 1)
	if cfg.serverProfile != "" {
		go func() { profiled <- a.profile(restartProfile, cfg.serverProfile) }()
	} else {
		profiled <- nil
	}
	err = waitFor(ctx, time.Minute, func() bool {
		for i, p := range phones {
			if p.Syncs() <= syncs[i] || !p.Connected() {
				return false
			}
		}
		for i, d := range dashboards {
			if d.resumes.Load()+d.snapshots.Load() <= dashOpenings[i] {
				return false
			}
		}
		return true
	})
	res.resynced = time.Since(up)
	res.done = err == nil
	if perr := <-profiled; perr != nil && err == nil {
		err = fmt.Errorf("server profile: %w", perr)
	}
	for i, p := range phones {
		if p.Syncs() > syncs[i] {
			res.phones++
		}
		res.snapshots += int64(p.Snapshots() - snapshots[i])
	}
	for _, d := range dashboards {
		res.snapshots += d.snapshots.Load()
	}
	res.snapshots -= dashSnapshots
	return res, err
}
