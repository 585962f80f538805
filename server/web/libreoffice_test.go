package web_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// office converts files with LibreOffice, headless, with a profile of its
// own so that tests converting at the same time do not share one.
type office struct {
	t       *testing.T
	soffice string
	dir     string
}

// libreOffice finds soffice; a test that needs it skips where it is missing,
// or fails where the test command said it must be there.
func libreOffice(t *testing.T) *office {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("SAMRAD_TEST_LIBREOFFICE") == "required" {
			t.Fatal("LibreOffice (soffice) is required here but not installed")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	return &office{t: t, soffice: soffice, dir: t.TempDir()}
}

// convert converts file to the format to ("pdf", "fods", or a format with its
// filter, "xlsx:Calc MS Excel 2007 XML") and returns the new file's path.
func (o *office) convert(file, to string) string {
	o.t.Helper()
	out := filepath.Join(o.dir, "out")
	cmd := exec.Command(o.soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(o.dir, "profile"),
		"--convert-to", to, "--outdir", out, file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		o.t.Fatalf("soffice: %v\n%s", err, msg)
	}
	ext, _, _ := strings.Cut(to, ":")
	return filepath.Join(out, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+ext)
}
