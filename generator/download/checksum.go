package download

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// ChecksumsFile is the name of the checksum list next to the downloads.
const ChecksumsFile = "SHA256SUMS"

// File is one published file: its path relative to the download folder
// (forward slashes) and its bytes.
type File struct {
	Path string
	Data []byte
	Hash string // hex SHA-256, standing for Data when Data is nil
}

// pathPattern is what a published path may hold: lowercase letters,
// digits, '.', '_', '-' and '/' between elements. Such a path needs no
// escaping in SHA256SUMS, in a URL or in a data package.
var pathPattern = regexp.MustCompile(`^[a-z0-9._-]+(/[a-z0-9._-]+)*$`)

func checkPath(p string) error {
	if !pathPattern.MatchString(p) || slices.Contains(strings.Split(p, "/"), "..") || slices.Contains(strings.Split(p, "/"), ".") {
		return fmt.Errorf("download: the path %q is not a plain relative path of lowercase letters, digits, '.', '_', '-' and '/'", p)
	}
	return nil
}

// SHA256 returns the SHA-256 of data in lowercase hex.
func SHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// WriteChecksums writes the SHA256SUMS of files, sorted by path, one line
// each: the SHA-256 in lowercase hex, two spaces, the path, "\n". That is
// the format `sha256sum -c SHA256SUMS` checks (run it in the folder that
// holds the files). Paths must be plain relative paths (see File), each
// listed once.
func WriteChecksums(w io.Writer, files []File) error {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i, f := range sorted {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		if i > 0 && sorted[i-1].Path == f.Path {
			return fmt.Errorf("download: the path %q is listed twice", f.Path)
		}
	}
	bw := bufio.NewWriter(w)
	for _, f := range sorted {
		h := f.Hash
		if f.Data != nil || h == "" {
			h = SHA256(f.Data)
		}
		fmt.Fprintf(bw, "%s  %s\n", h, f.Path)
	}
	return bw.Flush()
}
