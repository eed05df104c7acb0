package bundle

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// A bundle zip is untrusted input: anyone can hand one to `kinerja build
// --from`. These limits are far above any real bundle (the demo's zip is a
// few hundred kilobytes) and far below what would exhaust a build machine.
const (
	maxZipEntries   = 10_000
	maxZipFileBytes = 64 << 20  // one file, uncompressed
	maxZipBytes     = 256 << 20 // all files together, uncompressed; also the zip itself
)

// openZip reads the zip at p and checks it before anything is parsed: at
// most maxZipEntries entries, no entry whose name is absolute or climbs
// out with "..", at most maxZipFileBytes per file and maxZipBytes in all.
// The sizes are checked twice: as the headers declare them, and by
// inflating every entry through an io.LimitReader into io.Discard,
// because a header can lie. Nothing inflated is kept; Load inflates the
// (by then verified) files again as it reads them.
func openZip(p string, size int64) (*zip.Reader, error) {
	if size > maxZipBytes {
		return nil, iku.Errorf(iku.Invalid, "the bundle %q is %s, past the limit of %s for a bundle zip; a real bundle is far smaller: check the file",
			p, byteSize(size), byteSize(maxZipBytes))
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read the bundle %q: check the path and its permissions", p)
	}
	if int64(len(data)) > maxZipBytes { // it grew since Stat
		return nil, iku.Errorf(iku.Invalid, "the bundle %q is %s, past the limit of %s for a bundle zip; a real bundle is far smaller: check the file",
			p, byteSize(int64(len(data))), byteSize(maxZipBytes))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // insecure names get a clearer sentence below
		return nil, iku.Wrap(err, iku.Invalid, "the bundle %q is not a readable zip file: download or zip it again", p)
	}
	if len(zr.File) > maxZipEntries {
		return nil, iku.Errorf(iku.Invalid, "the bundle %q holds %d files, past the limit of %d; a real bundle holds a few: check the file",
			p, len(zr.File), maxZipEntries)
	}
	var declared uint64
	for _, f := range zr.File {
		if !localName(f.Name) {
			return nil, iku.Errorf(iku.Invalid, "the bundle %q holds the path %q, which points outside the bundle; a bundle holds plain relative file names: zip the bundle folder again", p, f.Name)
		}
		if f.UncompressedSize64 > maxZipFileBytes {
			return nil, expandsPast(p, f.Name, maxZipFileBytes)
		}
		if declared += f.UncompressedSize64; declared > maxZipBytes {
			return nil, expandsPast(p, "files that", maxZipBytes)
		}
	}
	var total int64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		n, err := inflatedSize(f)
		if n > maxZipFileBytes {
			return nil, expandsPast(p, f.Name, maxZipFileBytes)
		}
		if total += n; total > maxZipBytes {
			return nil, expandsPast(p, "files that", maxZipBytes)
		}
		if err != nil {
			return nil, iku.Wrap(err, iku.Invalid, "the bundle %q holds %s, which cannot be read back as its header describes it (the zip is damaged): download or zip it again", p, f.Name)
		}
	}
	return zr, nil
}

// inflatedSize inflates f into io.Discard, counting at most one byte past
// the per-file limit.
func inflatedSize(f *zip.File) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	return io.Copy(io.Discard, io.LimitReader(rc, maxZipFileBytes+1))
}

// expandsPast is the one sentence for a zip that inflates too far; what is
// a file name, or "files that" for the total.
func expandsPast(p, what string, limit int64) error {
	if what == "files that" {
		return iku.Errorf(iku.Invalid, "the bundle %q holds files that together expand past the limit of %s; a real bundle is far smaller: check the file",
			p, byteSize(limit))
	}
	return iku.Errorf(iku.Invalid, "the bundle %q holds %s, which expands past the limit of %s per file; a real bundle is far smaller: check the file",
		p, what, byteSize(limit))
}

// localName reports whether a zip entry name stays inside the bundle: not
// absolute ("/x", "\x", "C:x"), no ".." element, slashes either way.
func localName(name string) bool {
	name = strings.ReplaceAll(name, `\`, "/")
	if name == "" || name[0] == '/' || len(name) >= 2 && name[1] == ':' {
		return false
	}
	for _, elem := range strings.Split(name, "/") {
		if elem == ".." {
			return false
		}
	}
	return true
}

// byteSize writes n for humans: "64 MiB", "1.5 GiB", "812 bytes".
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	value, prefix := float64(n)/unit, "KMGTPE"
	i := 0
	for value >= unit && i < len(prefix)-1 {
		value /= unit
		i++
	}
	if value == float64(int64(value)) {
		return fmt.Sprintf("%d %ciB", int64(value), prefix[i])
	}
	return fmt.Sprintf("%.1f %ciB", value, prefix[i])
}
