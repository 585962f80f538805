package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/samrad-se/samrad/server/storage"
)

// backupCommand is `samrad backup -data <dir> -out <file>`: an online copy of
// the database, safe to run while the server serves (see storage.Backup).
func backupCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", env("SAMRAD_DATA", "data"), "folder holding samrad.db (env SAMRAD_DATA)")
	out := fs.String("out", "", "file to write the backup to; must not exist")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: samrad backup [-data <dir>] -out <file>")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	res, err := storage.Backup(ctx, *dataDir, *out)
	if err != nil {
		fmt.Fprintf(stderr, "backup failed: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "backup written to %s: %.1f MiB in %.2f s, integrity check ok\n",
		res.Path, float64(res.Size)/(1<<20), res.Duration.Seconds())
	return 0
}
