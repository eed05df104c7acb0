package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// gibOfZeros is 1 GiB of zeros, deflated (about 1.3 MB), and its CRC-32:
// the payload of a zip bomb. Made once, streamed, never held inflated.
var gibOfZeros = sync.OnceValues(func() ([]byte, uint32) { return deflatedZeros(1 << 30) })

// deflatedZeros deflates size bytes of zeros (a multiple of 1 MiB).
func deflatedZeros(size int) ([]byte, uint32) {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	crc := crc32.NewIEEE()
	zeros := make([]byte, 1<<20)
	for range size / len(zeros) {
		fw.Write(zeros)
		crc.Write(zeros)
	}
	fw.Close()
	return buf.Bytes(), crc.Sum32()
}

// rawEntry is one zip entry written as given: its header may lie.
type rawEntry struct {
	name     string
	deflated []byte // nil: stored, empty
	crc      uint32
	size     uint64 // the uncompressed size the header declares
}

// writeZip writes entries into a .zip in a temporary folder, headers
// exactly as given.
func writeZip(t *testing.T, entries []rawEntry) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		method := zip.Deflate
		if e.deflated == nil {
			method = zip.Store
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: method, CRC32: e.crc,
			CompressedSize64: uint64(len(e.deflated)), UncompressedSize64: e.size,
		})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.deflated)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rilis.zip")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openPathAlloc runs OpenPath and returns its error and the bytes it
// allocated, to show that refusing a bomb never inflates it into memory.
func openPathAlloc(path string) (uint64, error) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := OpenPath(path)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, err
}

func TestOpenPathRefusesZipBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("deflates 1 GiB of zeros")
	}
	bomb, crc := gibOfZeros()
	if len(bomb) > 2<<20 {
		t.Fatalf("the bomb deflates to %d bytes; want about 1 MB", len(bomb))
	}
	tests := []struct {
		name    string
		entries []rawEntry
		want    string
	}{
		{"honest header: 1 GiB declared", []rawEntry{{"results.csv", bomb, crc, 1 << 30}},
			"holds results.csv, which expands past the limit of 64 MiB per file; a real bundle is far smaller: check the file"},
		{"lying header: 1 KiB declared, 1 GiB inside", []rawEntry{{"results.csv", bomb, crc, 1 << 10}},
			"holds results.csv, which cannot be read back as its header describes it (the zip is damaged): download or zip it again"},
		{"lying header: 0 bytes declared", []rawEntry{{"results.csv", bomb, crc, 0}},
			"holds results.csv, which cannot be read back as its header describes it"},
		{"five files of 60 MiB declared", func() []rawEntry {
			var es []rawEntry
			for _, name := range []string{"a.csv", "b.csv", "c.csv", "d.csv", "e.csv"} {
				es = append(es, rawEntry{name, bomb, crc, 60 << 20})
			}
			return es
		}(), "holds files that together expand past the limit of 256 MiB; a real bundle is far smaller: check the file"},
		{"five honest files of 60 MiB", func() []rawEntry {
			data, crc := deflatedZeros(60 << 20)
			var es []rawEntry
			for _, name := range []string{"a.csv", "b.csv", "c.csv", "d.csv", "e.csv"} {
				es = append(es, rawEntry{name, data, crc, 60 << 20})
			}
			return es
		}(), "holds files that together expand past the limit of 256 MiB; a real bundle is far smaller: check the file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeZip(t, tc.entries)
			alloc, err := openPathAlloc(path)
			if iku.ErrorKind(err) != iku.Invalid || !strings.Contains(iku.ErrorMessage(err), tc.want) {
				t.Fatalf("OpenPath(bomb) = %v; want an invalid-input error saying %q", err, tc.want)
			}
			if !strings.HasPrefix(iku.ErrorMessage(err), `the bundle "`+path+`" `) {
				t.Errorf("OpenPath(bomb) = %q; want it to name the file", iku.ErrorMessage(err))
			}
			// The zip itself is read (about 1.3 MB per entry); nothing is
			// inflated past the limit.
			if limit := uint64(len(tc.entries))*uint64(len(bomb)) + 16<<20; alloc > limit {
				t.Errorf("OpenPath(bomb) allocated %d bytes; want at most %d", alloc, limit)
			}
		})
	}
}

// A header that declares more than the data holds is damaged too.
func TestOpenPathRefusesShortEntries(t *testing.T) {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	fw.Write([]byte("slug,code,name\n"))
	fw.Close()
	path := writeZip(t, []rawEntry{{"sectors.csv", buf.Bytes(), crc32.ChecksumIEEE([]byte("slug,code,name\n")), 1 << 20}})
	_, err := OpenPath(path)
	if iku.ErrorKind(err) != iku.Invalid || !strings.Contains(iku.ErrorMessage(err), "holds sectors.csv, which cannot be read back as its header describes it") {
		t.Errorf("OpenPath(short entry) = %v", err)
	}
}

func TestOpenPathRefusesTooManyEntries(t *testing.T) {
	entries := make([]rawEntry, maxZipEntries+1)
	for i := range entries {
		entries[i] = rawEntry{name: fmt.Sprintf("x/%05d.csv", i)}
	}
	path := writeZip(t, entries)
	_, err := OpenPath(path)
	want := "holds 10001 files, past the limit of 10000; a real bundle holds a few: check the file"
	if iku.ErrorKind(err) != iku.Invalid || !strings.Contains(iku.ErrorMessage(err), want) {
		t.Errorf("OpenPath(10001 entries) = %v; want %q", err, want)
	}
}

func TestOpenPathRefusesPathsOutside(t *testing.T) {
	for _, name := range []string{
		"../sectors.csv",
		"rilis/../../sectors.csv",
		"/etc/sectors.csv",
		`..\sectors.csv`,
		`\sectors.csv`,
		"C:/sectors.csv",
		`rilis\..\..\sectors.csv`,
	} {
		path := writeZip(t, []rawEntry{{name: name}})
		_, err := OpenPath(path)
		want := fmt.Sprintf("holds the path %q,", name) + " which points outside the bundle; a bundle holds plain relative file names: zip the bundle folder again"
		if iku.ErrorKind(err) != iku.Invalid || !strings.Contains(iku.ErrorMessage(err), want) {
			t.Errorf("OpenPath(zip with %q) = %v; want %q", name, err, want)
		}
	}
	// Names that merely contain dots stay allowed.
	for _, name := range []string{"rilis..2026/sectors.csv", "..sectors.csv", "rilis/./sectors.csv"} {
		if !localName(name) {
			t.Errorf("localName(%q) = false; want true", name)
		}
	}
}

func TestByteSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0 bytes"}, {1023, "1023 bytes"}, {1024, "1 KiB"}, {1536, "1.5 KiB"}, {64 << 20, "64 MiB"}, {1 << 30, "1 GiB"}} {
		if got := byteSize(tc.n); got != tc.want {
			t.Errorf("byteSize(%d) = %q; want %q", tc.n, got, tc.want)
		}
	}
}
