package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The page cache keeps what Hugo wrote in the last build, under the hash
// of everything Hugo read to write it, so that a build whose Hugo input
// did not change (the same data, templates, content and settings) links
// the pages of the last build into the new site instead of running Hugo
// again: the stage redoes nothing whose input did not change, like the
// charts, downloads and previews. Hugo's output depends on nothing else:
// the site's pages carry no clock and no map order (same input, same
// bytes), which the byte-for-byte rebuild tests hold.
//
// The cache holds one entry, the last build's, under
// SiteRoot/.cache/pages/<key>/: its files are hard links to the pages of
// the site that build published (no byte is copied), and a hit links them
// again into the next one. Nothing writes into a published page after
// Hugo (the search index, previews and downloads are files of their own),
// so the links stay true.
const pageCacheDir = "pages"

// pageKey hashes everything the Hugo runs of o read: the Hugo compiled
// into kinerja and the executable itself, every run's arguments and
// configuration (its mounts, parameters and base URL; the build folder's
// own path, new in every build, left out), HUGO_ variables, and the
// bytes of every file in the folders Hugo mounts.
func pageKey(o Options) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "hugo %s\n", HugoVersion())
	self := o.Self
	if self == "" {
		exe, err := os.Executable()
		if err != nil {
			return "", err
		}
		self = exe
	}
	if fi, err := os.Stat(self); err == nil {
		fmt.Fprintf(h, "exe %d %d\n", fi.Size(), fi.ModTime().UnixNano())
	}
	build, err := filepath.Abs(o.BuildDir)
	if err != nil {
		return "", err
	}
	anon := strings.NewReplacer(build, "$BUILD", o.BuildDir, "$BUILD")
	for i := range max(1, len(o.Shards)) {
		fmt.Fprintf(h, "run %d %s\n", i, anon.Replace(strings.Join(hugoArgs(o, i), "\x00")))
		b, err := os.ReadFile(mountsFile(o, i))
		if err != nil {
			return "", err
		}
		// The build folder's name (build-<random>) is left out, and so is
		// its length: only what Hugo reads counts.
		mounts := anon.Replace(string(b))
		fmt.Fprintf(h, "mounts %d\n%s\n", len(mounts), mounts)
	}
	env := os.Environ()
	slices.Sort(env)
	for _, e := range env {
		if strings.HasPrefix(e, "HUGO_") {
			fmt.Fprintf(h, "env %s\n", e)
		}
	}
	var dirs []string
	for _, d := range []string{"hugo.toml", "config", "content", "data", "layouts", "i18n", "assets", "static", "archetypes", "themes"} {
		dirs = append(dirs, filepath.Join(o.SiteRoot, d))
	}
	if o.ThemesDir != "" {
		dirs = append(dirs, o.ThemesDir)
	}
	for _, d := range []string{"data", "assets", "static"} {
		dirs = append(dirs, filepath.Join(o.BuildDir, d))
	}
	for _, s := range o.Shards {
		dirs = append(dirs, filepath.Join(s, "data"))
	}
	for _, d := range dirs {
		fmt.Fprintf(h, "tree %s\n", anon.Replace(d))
		if err := hashTree(h, d); err != nil {
			return "", err
		}
	}
	// The data not written yet, by the hash of its files.
	if o.Data != nil {
		fmt.Fprintf(h, "data %s\n", o.Data.Sum())
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashTree writes into h the path, size and bytes of every file under
// root (a file or a folder; nothing when it does not exist), in lexical
// order.
func hashTree(h hash.Hash, root string) error {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		f, err := os.Open(p) // follows links, as Hugo does
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		n, err := io.Copy(h, f)
		fmt.Fprintf(h, "\x00%d\n", n)
		return err
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

// linkCachedPages links the cached pages of key into staging; false when
// there are none (or they could not all be linked: staging is then
// emptied for Hugo).
func linkCachedPages(ctx context.Context, root, key, staging string) bool {
	entry := filepath.Join(root, ".cache", pageCacheDir, key)
	want, err := os.ReadFile(filepath.Join(entry, ".complete"))
	if err != nil {
		return false
	}
	linked := 0
	err = filepath.WalkDir(entry, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, _ := filepath.Rel(entry, p)
		if rel == "." || rel == ".complete" || rel == ".warnings" {
			return nil
		}
		dst := filepath.Join(staging, rel)
		if d.IsDir() {
			return os.Mkdir(dst, 0o755) // its parent came first (lexical order)
		}
		linked++
		if err := os.Link(p, dst); err != nil {
			return copyNew(p, dst)
		}
		return nil
	})
	// Another build replacing the entry meanwhile (it renames it away
	// before removing it) makes the walk fail or come up short.
	if err == nil && strconv.Itoa(linked) != string(want) {
		err = fmt.Errorf("linked %d cached pages of %s", linked, want)
	}
	if err != nil {
		emptyDir(staging)
		return false
	}
	return true
}

// sayCachedWarnings writes to o.Stderr the warnings Hugo gave when it
// made the pages of the cache entry key (storePages keeps them), for a
// build that takes its pages from there or keeps the published site.
func sayCachedWarnings(o Options, key string) {
	if w, err := os.ReadFile(filepath.Join(o.SiteRoot, ".cache", pageCacheDir, key, ".warnings")); err == nil && o.Stderr != nil {
		o.Stderr.Write(w)
	}
}

// storePages keeps what Hugo wrote into staging as the cache's one entry,
// under key, and removes the older entries. A failure only costs the next
// build its cache hit.
func storePages(root, key, staging string, warnings []byte) {
	parent := filepath.Join(root, ".cache", pageCacheDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return
	}
	tmp, err := os.MkdirTemp(parent, "new-")
	if err != nil {
		return
	}
	files := 0
	err = filepath.WalkDir(staging, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(staging, p)
		if rel == "." {
			return nil
		}
		dst := filepath.Join(tmp, rel)
		if d.IsDir() {
			return os.Mkdir(dst, 0o755) // its parent came first (lexical order)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		files++
		if err := os.Link(p, dst); err != nil {
			return copyNew(p, dst)
		}
		return nil
	})
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, ".warnings"), warnings, 0o644)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, ".complete"), []byte(strconv.Itoa(files)), 0o644)
	}
	if err == nil {
		entry := filepath.Join(parent, key)
		removeEntry(entry)
		err = os.Rename(tmp, entry)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		switch {
		case e.Name() == key:
		case strings.HasPrefix(e.Name(), "new-"):
			// Another build's, being stored; or a crashed one's, an hour on.
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				os.RemoveAll(filepath.Join(parent, e.Name()))
			}
		default:
			removeEntry(filepath.Join(parent, e.Name()))
		}
	}
}

// removeEntry renames a cache entry away before removing it, so that a
// build linking from it meanwhile fails (and runs Hugo) rather than
// linking a part of it.
func removeEntry(entry string) {
	gone := entry + ".old-" + strconv.Itoa(os.Getpid())
	if os.Rename(entry, gone) == nil {
		RemoveTree(gone)
	}
}

// emptyDir removes everything inside dir, leaving dir.
func emptyDir(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}
