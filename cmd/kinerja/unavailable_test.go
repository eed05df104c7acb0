package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

// TestBuildWithoutNode: with no node on the PATH and no chart drawn
// before, the build stops in one sentence that names Node.js and how to
// install it, exit 3, and publishes nothing.
func TestBuildWithoutNode(t *testing.T) {
	dir := t.TempDir()
	site, public := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	env := map[string]string{"XDG_CACHE_HOME": filepath.Join(dir, "cache")}
	mustRun(t, env, "init", site)
	t.Setenv("PATH", t.TempDir())
	r := run(t, env, "build", "--site", site, "--out", public)
	if r.code != exitUnavailable {
		t.Errorf("exit %d; want %d\n%s", r.code, exitUnavailable, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	want := `kinerja: kinerja needs Node.js 18 or newer to draw the charts, and "node" is not on the PATH: install it (Debian: apt-get install nodejs`
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, want) {
		t.Errorf("last line %q; want %q…", last, want)
	}
	if strings.Contains(r.stderr, "charts:") || strings.Contains(r.stderr, "goroutine") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if _, err := os.Stat(public); err == nil {
		t.Errorf("%s was written", public)
	}
}

// TestLockedTableTimesOut: while another session holds a lock on a table
// behind the publik views, a build with --timeout 2s stops after about
// two seconds (not the default minute) with a sentence naming the view,
// the lock and the flag, exit 3, and the published site unchanged.
func TestLockedTableTimesOut(t *testing.T) {
	dsn := pgtest.New(t)
	mustRun(t, nil, "db", "migrate", "--db", dsn)
	mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)
	public := filepath.Join(t.TempDir(), "public")
	mustRun(t, nil, "build", "--site", repoRoot(t), "--db", dsn, "--out", public)
	before := tree(t, public)

	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`LOCK TABLE kinerja.indicators IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	r := run(t, nil, "build", "--site", repoRoot(t), "--db", dsn, "--timeout", "2s", "--out", public)
	took := time.Since(start)
	t.Logf("%.1f s: %s", took.Seconds(), r.stderr)
	if r.code != exitUnavailable {
		t.Errorf("exit %d; want %d", r.code, exitUnavailable)
	}
	if took > 30*time.Second {
		t.Errorf("the build took %s to give up; want about 2 s", took)
	}
	for _, want := range []string{"kinerja: reading publik.", "took longer than the statement timeout of 2s", "a lock on a table", "a slow view", "--timeout 5m"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	after := tree(t, public)
	if len(after) != len(before) {
		t.Errorf("public/ has %d files after the failed build; had %d", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("public/%s changed", p)
			break
		}
	}
}
