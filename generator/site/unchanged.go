package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A build whose every input is the one the published site was made from
// would publish the same bytes: it keeps the published site instead of
// making, linking and swapping in an identical one (at 10,000 indicators
// that is 150,000 files linked, and as many removed with the old site).
// Make and Ninja decide "nothing to do" the same way, from a key of their
// inputs.
//
// The key is the page cache's (Hugo's input, the program, its arguments),
// the Files, and Options.Key (what Finish adds, named by the caller). It
// is recorded in the site folder's .cache, not in the published folder,
// with the size and time of the published site's Marker: a published
// folder replaced or rebuilt by anything else since does not match, and
// is built again.

// publishedDir is the folder of the site's records of what it published.
const publishedDir = "published"

// siteKey names the whole site a build would publish, "" when it cannot
// be named (no Options.Key, or no page key).
func siteKey(o Options, pageKey string) string {
	if o.Key == "" || pageKey == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "pages %s\nfinish %s\n", pageKey, o.Key)
	for _, p := range slices.Sorted(maps.Keys(o.Files)) {
		// The stored files are named by their content (filestore).
		fmt.Fprintf(h, "file %s\x00%s\n", p, o.Files[p])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// publishedRecord is where the site folder keeps the key of what it
// published into out.
func publishedRecord(root, out string) string {
	sum := sha256.Sum256([]byte(out))
	return filepath.Join(root, ".cache", publishedDir, hex.EncodeToString(sum[:8]))
}

// markerStamp identifies the Marker of the published folder dir: its size
// and modification time, "" when it has none.
func markerStamp(dir string) string {
	fi, err := os.Stat(filepath.Join(dir, Marker))
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	return fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
}

// unchanged reports whether the site published in dir (Out, or the build
// Out links to) was made from key, and then its stats.
func unchanged(root, out, dir, key string) (Stats, bool) {
	if key == "" {
		return Stats{}, false
	}
	b, err := os.ReadFile(publishedRecord(root, out))
	if err != nil {
		return Stats{}, false
	}
	var st Stats
	var k, stamp string
	lines := strings.SplitN(string(b), "\n", 3)
	if len(lines) < 3 {
		return Stats{}, false
	}
	k, stamp = lines[0], lines[1]
	if _, err := fmt.Sscanf(lines[2], "%d %d\n", &st.Pages, &st.Files); err != nil {
		return Stats{}, false
	}
	if k != key || stamp == "" || stamp != markerStamp(dir) {
		return Stats{}, false
	}
	st.Unchanged = true
	return st, true
}

// recordPublished notes that the site published in dir was made from key.
// A failure only costs the next build its shortcut.
func recordPublished(root, out, dir, key string, st Stats) {
	path := publishedRecord(root, out)
	if key == "" {
		os.Remove(path)
		return
	}
	stamp := markerStamp(dir)
	if stamp == "" || os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	tmp := path + ".new"
	if os.WriteFile(tmp, fmt.Appendf(nil, "%s\n%s\n%d %d\n", key, stamp, st.Pages, st.Files), 0o644) != nil {
		os.Remove(tmp)
		return
	}
	if os.Rename(tmp, path) != nil {
		os.Remove(tmp)
	}
}
