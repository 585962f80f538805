package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"mime/multipart"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// gzipBomb is a multipart form whose one field unpacks to size MiB of
// zeros, compressed about a thousand to one: one gzip member per MiB of
// zeros, repeated (a gzip stream may hold many members), so the test itself
// never holds or packs the unpacked form.
func gzipBomb(t *testing.T, sizeMiB int) (body []byte, contentType string) {
	t.Helper()
	member := func(data []byte) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(data)
		zw.Close()
		return b.Bytes()
	}
	var head bytes.Buffer
	mw := multipart.NewWriter(&head)
	if _, err := mw.CreateFormField("email"); err != nil {
		t.Fatal(err)
	}
	packed := append([]byte{}, member(head.Bytes())...)
	zeros := member(make([]byte, 1<<20))
	for range sizeMiB {
		packed = append(packed, zeros...)
	}
	packed = append(packed, member([]byte("\r\n--"+mw.Boundary()+"--\r\n"))...)
	return packed, mw.FormDataContentType()
}

// memoryInUse is the Go heap in use plus the process's resident set: the
// server runs in this process.
func memoryInUse() (heapMiB, rssMiB float64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	heapMiB = float64(m.HeapInuse) / (1 << 20)
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseFloat(f[1], 64)
				rssMiB = kb / 1024
			}
		}
	}
	return heapMiB, rssMiB
}

func TestCompressedRequestBodiesAreRefused(t *testing.T) {
	ts, _ := newRemissServer(t)
	admin := ts.browser(t)
	admin.login(adminEmail, adminPassword)
	id, links := createDemo(t, ts, admin)
	con, err := ts.store.Consultation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	public := "/p/" + con.PublicToken

	// 256 MiB unpacked, about 250 KB on the wire: well inside the body limit.
	bomb, contentType := gzipBomb(t, 256)
	t.Logf("bomb: %d bytes compressed, %d MiB unpacked", len(bomb), 256)
	heapBefore, rssBefore := memoryInUse()
	peakHeap, peakRSS := heapBefore, rssBefore
	for _, path := range []string{"/login", "/accessibility", public, links["Länsbygderådet"], "/admin/account/password"} {
		for _, encoding := range []string{"gzip", "deflate", "br", "GZIP, identity"} {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+path, bytes.NewReader(bomb))
			req.Header.Set("Content-Type", contentType)
			req.Header.Set("Content-Encoding", encoding)
			req.Header.Set("Origin", ts.URL)
			res := admin.do(req)
			if res.Status != http.StatusUnsupportedMediaType {
				t.Errorf("POST %s with Content-Encoding %s: status %d, want 415", path, encoding, res.Status)
			}
			heap, rss := memoryInUse()
			peakHeap, peakRSS = max(peakHeap, heap), max(peakRSS, rss)
		}
	}
	t.Logf("server memory (same process): heap in use %.0f → peak %.0f MiB, RSS %.0f → peak %.0f MiB",
		heapBefore, peakHeap, rssBefore, peakRSS)
	if grew := peakRSS - rssBefore; grew > 64 {
		t.Errorf("RSS grew by %.0f MiB while refusing compressed bodies", grew)
	}
	if grew := peakHeap - heapBefore; grew > 64 {
		t.Errorf("heap grew by %.0f MiB while refusing compressed bodies", grew)
	}

	// An uncompressed form still works, and "identity" is no compression.
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader("email=x%40example.se&password=fel"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Content-Encoding", "identity")
	if res := admin.do(req); res.Status == http.StatusUnsupportedMediaType {
		t.Errorf("Content-Encoding identity: status %d", res.Status)
	}
}
