package filestore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func put(t *testing.T, s *Store, key, data string) (File, bool) {
	t.Helper()
	f, written, err := s.Put(key, []byte(data))
	if err != nil {
		t.Fatalf("Put(%q): %v", data, err)
	}
	b, err := os.ReadFile(f.Path)
	if err != nil || string(b) != data {
		t.Fatalf("Put(%q) stored %q (%v)", data, b, err)
	}
	if filepath.Base(f.Path) != Hash([]byte(data)) || f.Hash != Hash([]byte(data)) || f.Size != int64(len(data)) {
		t.Fatalf("Put(%q) = %+v; want the file named by its SHA-256", data, f)
	}
	return f, written
}

// reopen saves and closes s and opens its folder again, as the next
// build does.
func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	return s2
}

// noTemporaries fails when a temporary file is left in the store.
func noTemporaries(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") {
			t.Errorf("the store holds the temporary file %s", p)
		}
		return nil
	})
}

func TestStoreWritesEachContentOnce(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, written := put(t, s, "k1", "a,b\n1,2\n")
	if !written {
		t.Error("the first Put of some bytes wrote nothing")
	}
	if _, written := put(t, s, "k2", "a,b\n1,2\n"); written {
		t.Error("a second Put of the same bytes wrote them again")
	}
	s = reopen(t, s)
	for _, k := range []string{"k1", "k2"} {
		got, ok := s.Get(k)
		if !ok || got != f {
			t.Errorf("after reopening, Get(%s) = %+v, %v; want %+v", k, got, ok, f)
		}
	}
	if _, ok := s.Get("k3"); ok {
		t.Error("Get of a key never put found a file")
	}
	if _, written := put(t, s, "", "a,b\n1,2\n"); written {
		t.Error("after reopening, Put of stored bytes wrote them again")
	}
	noTemporaries(t, s.Dir())
}

func TestStoreSavesOnlyWhatChanged(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, "k", "x")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(s.Dir(), "index")
	before, err := os.Stat(index)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, "k", "x")
	s.Get("k")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(index)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("Save rewrote the index although nothing changed")
	}
}

// A stored file changed in place (through a published copy that shares
// its bytes) is not trusted: Get misses and Put writes it again.
func TestStoreDistrustsAFileChangedInPlace(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(path string) error
	}{
		{"longer", func(p string) error {
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				return err
			}
			f.WriteString("extra")
			return f.Close()
		}},
		{"same size, later", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b[0] ^= 1
			if err := os.WriteFile(p, b, 0o644); err != nil {
				return err
			}
			fi, err := os.Stat(p)
			if err != nil {
				return err
			}
			return os.Chtimes(p, fi.ModTime(), fi.ModTime().Add(time.Minute)) // an edit made later
		}},
		{"removed", os.Remove},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			f, _ := put(t, s, "k", "content")
			s = reopen(t, s)
			if err := c.change(f.Path); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get("k"); ok {
				t.Errorf("Get after the file changed = %+v; want a miss", got)
			}
			if _, written := put(t, s, "k", "content"); !written {
				t.Error("Put after the file changed did not write it again")
			}
			if _, ok := s.reopenGet(t, "k"); !ok {
				t.Error("after Put wrote it again, Get misses")
			}
		})
	}
}

func (s *Store) reopenGet(t *testing.T, key string) (File, bool) {
	return reopen(t, s).Get(key)
}

// Without its index the store trusts a file only once its bytes are
// compared.
func TestStoreWithoutIndex(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	good, _ := put(t, s, "k", "good")
	bad, _ := put(t, s, "", "bad")
	s = reopen(t, s)
	if err := os.Remove(filepath.Join(s.Dir(), "index")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad.Path, []byte("BAD"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("k"); ok {
		t.Error("Get found a file although the index is gone")
	}
	if f, written := put(t, s, "k", "good"); written || f != good {
		t.Errorf("Put of bytes the store holds = %+v, written %v; want %+v, not written", f, written, good)
	}
	if _, written := put(t, s, "", "bad"); !written {
		t.Error("Put of bytes whose file on disk differs did not write them")
	}
}

// TestPruneKeepsWhatRecentBuildsUsed: Prune removes the files none of the
// last Keep builds used, and leaves the others (and what they map keys
// to).
func TestPruneKeepsWhatRecentBuildsUsed(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old, _ := put(t, s, "old", "used by the first build only")
	kept, _ := put(t, s, "kept", "used by every build")
	if err := os.WriteFile(filepath.Join(filepath.Dir(kept.Path), ".tmp-123"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		s = reopen(t, s)
		put(t, s, "kept", "used by every build")
	}
	ran, removed, _, err := s.Prune(3) // the first build is one of the last three
	if err != nil || !ran || removed != 1 {
		t.Fatalf("Prune(3) after 3 builds = ran %v, %d removed, %v; want only the stopped build's temporary file removed", ran, removed, err)
	}
	s = reopen(t, s)
	put(t, s, "kept", "used by every build")
	ran, removed, bytes, err := s.Prune(3)
	if err != nil || !ran || removed != 1 || bytes != old.Size {
		t.Errorf("Prune(3) after 4 builds = ran %v, %d removed (%d bytes), %v; want the first build's file removed", ran, removed, bytes, err)
	}
	if _, err := os.Stat(old.Path); err == nil {
		t.Errorf("%s is still in the store", old.Path)
	}
	if _, err := os.Stat(kept.Path); err != nil {
		t.Errorf("the file every build used is gone: %v", err)
	}
	s = reopen(t, s)
	if _, ok := s.Get("old"); ok {
		t.Error("Get finds the removed file")
	}
	if got, ok := s.Get("kept"); !ok || got != kept {
		t.Errorf("Get(kept) = %+v, %v; want %+v", got, ok, kept)
	}
}

// TestPruneWaitsForOtherBuilds: while another build has the store open
// (it may be about to link a file into its site), Prune removes nothing.
func TestPruneWaitsForOtherBuilds(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := put(t, s, "k", "the other build's file")
	s = reopen(t, s)
	other, err := Open(dir) // another build, from its start to its end
	if err != nil {
		t.Fatal(err)
	}
	ran, removed, _, err := s.Prune(1)
	if err != nil || ran || removed != 0 {
		t.Errorf("Prune while another build has the store open = ran %v, %d removed, %v; want it not to run", ran, removed, err)
	}
	if _, err := os.Stat(f.Path); err != nil {
		t.Errorf("the other build's file is gone: %v", err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	if ran, removed, _, err := s.Prune(1); err != nil || !ran || removed != 1 {
		t.Errorf("Prune once the other build ended = ran %v, %d removed, %v; want the file nobody used removed", ran, removed, err)
	}
	// This build still holds the store: another one's Prune does not run.
	third, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ran, _, _, err := third.Prune(1); err != nil || ran {
		t.Errorf("Prune while the first build still has the store open = ran %v, %v; want it not to run", ran, err)
	}
}

// stream stores data through Create and Commit, a few bytes at a time.
func stream(t *testing.T, s *Store, key, data string) (File, bool) {
	t.Helper()
	p, err := s.Create()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(data); i += 3 {
		if _, err := p.Write([]byte(data[i:min(i+3, len(data))])); err != nil {
			t.Fatal(err)
		}
	}
	f, written, err := p.Commit(key)
	if err != nil {
		t.Fatalf("Commit(%q): %v", data, err)
	}
	b, err := os.ReadFile(f.Path)
	if err != nil || string(b) != data {
		t.Fatalf("Commit(%q) stored %q (%v)", data, b, err)
	}
	if filepath.Base(f.Path) != Hash([]byte(data)) || f.Hash != Hash([]byte(data)) || f.Size != int64(len(data)) {
		t.Fatalf("Commit(%q) = %+v; want the file named by its SHA-256", data, f)
	}
	return f, written
}

// TestCreateStoresAsPut: a file written a piece at a time is stored as Put
// stores it: once, under its hash, found by its key, written again only
// when the file on disk differs; a dropped one leaves nothing behind.
func TestCreateStoresAsPut(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, written := stream(t, s, "k1", "a,b\n1,2\n")
	if !written {
		t.Error("the first Commit of some bytes wrote nothing")
	}
	if g, written := put(t, s, "k2", "a,b\n1,2\n"); written || g != f {
		t.Errorf("Put of committed bytes = %+v, written %v; want %+v, not written", g, written, f)
	}
	if _, written := stream(t, s, "k3", "a,b\n1,2\n"); written {
		t.Error("a second Commit of the same bytes wrote them again")
	}
	p, err := s.Create()
	if err != nil {
		t.Fatal(err)
	}
	p.Write([]byte("dropped"))
	p.Abort()
	s = reopen(t, s)
	for _, k := range []string{"k1", "k2", "k3"} {
		if got, ok := s.Get(k); !ok || got != f {
			t.Errorf("after reopening, Get(%s) = %+v, %v; want %+v", k, got, ok, f)
		}
	}
	bad, _ := stream(t, s, "", "bad")
	s = reopen(t, s)
	if err := os.Remove(filepath.Join(s.Dir(), "index")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad.Path, []byte("BAD"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(s.Dir()); err != nil {
		t.Fatal(err)
	}
	if g, written := stream(t, s, "k1", "a,b\n1,2\n"); written || g != f {
		t.Errorf("Commit of bytes the store holds without an index = %+v, written %v; want %+v, not written", g, written, f)
	}
	if _, written := stream(t, s, "", "bad"); !written {
		t.Error("Commit of bytes whose file on disk differs did not write them")
	}
	noTemporaries(t, s.Dir())
}
