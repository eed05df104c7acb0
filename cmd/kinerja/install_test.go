package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInstalledBinary is the office's first hour: go install the program,
// then, in an empty folder with nothing but kinerja and node on the PATH,
// make a site with kinerja init and build it from inside and from outside
// the folder, and build the site kinerja carries from an empty folder.
// Nothing of the repository (its hugo.toml, theme or node_modules) is in
// reach.
func TestInstalledBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("go install and a whole-site build: make test runs it (not -short)")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on the PATH: %v", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("these tests draw charts with Node.js, which is not on the PATH: install it (Debian: apt-get install nodejs)")
	}
	gobin := t.TempDir()
	install := exec.Command(goTool, "install", "./cmd/kinerja")
	install.Dir = repoRoot(t)
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install ./cmd/kinerja: %v\n%s", err, out)
	}
	nodeDir := t.TempDir()
	if err := os.Symlink(node, filepath.Join(nodeDir, "node")); err != nil {
		t.Fatal(err)
	}

	work := t.TempDir()
	cache := filepath.Join(work, "cache")
	env := []string{"PATH=" + gobin + string(os.PathListSeparator) + nodeDir, "HOME=" + filepath.Join(work, "home"), "XDG_CACHE_HOME=" + cache}
	in := func(dir string, args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(filepath.Join(gobin, "kinerja"), args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(dir string, args ...string) {
		t.Helper()
		if out, err := in(dir, args...); err != nil {
			t.Fatalf("kinerja %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
		}
	}
	demo := func(public string) {
		t.Helper()
		if page := readFile(t, filepath.Join(public, "index.html")); !strings.Contains(page, "Data contoh") {
			t.Errorf("%s/index.html is not the demo site", public)
		}
	}
	names := func(dir string) string {
		t.Helper()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, e := range entries {
			s = append(s, e.Name())
		}
		return strings.Join(s, " ")
	}

	projects := filepath.Join(work, "projects")
	os.MkdirAll(projects, 0o755)
	must(projects, "init", "site")
	site := filepath.Join(projects, "site")
	must(site, "build")
	demo(filepath.Join(site, "public"))
	must(projects, "build", "--site", "site")
	demo(filepath.Join(projects, "public"))
	if got := names(projects); got != "public site" {
		t.Errorf("the folder kinerja build --site ran in holds %q; want public and site only", got)
	}

	out, err := in(projects, "init", "site")
	if err == nil || !strings.Contains(out, "not empty") {
		t.Errorf("kinerja init into a site folder again: %v\n%s; want a refusal", err, out)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n"); n != 0 {
		t.Errorf("the refusal takes %d lines; want one sentence:\n%s", n+1, out)
	}

	// The site kinerja carries: built from an empty folder, which receives
	// the site only; its working files are in the cache.
	empty := filepath.Join(work, "empty")
	os.MkdirAll(empty, 0o755)
	must(empty, "build")
	demo(filepath.Join(empty, "public"))
	if got := names(empty); got != "public" {
		t.Errorf("the empty folder holds %q after kinerja build; want public only", got)
	}
	if m, _ := filepath.Glob(filepath.Join(cache, "kinerja", "site-*", "hugo.toml")); len(m) != 1 {
		t.Errorf("the carried site is not in $XDG_CACHE_HOME/kinerja/site-*: %v", m)
	}
}

// TestCrossCompiles builds kinerja for Windows, the system furthest from
// the one the tests run on (no flock, no umask, no SIGTERM), as make dist
// does: pure Go, CGO_ENABLED=0. make dist builds the other targets the
// same way (README, "Developing"); this one stands for them, since each
// target compiles Hugo anew (minutes on a cold cache).
func TestCrossCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiling Hugo takes minutes on a cold cache: make test runs it (not -short)")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on the PATH: %v", err)
	}
	exe := filepath.Join(t.TempDir(), "kinerja.exe")
	build := exec.Command(goTool, "build", "-o", exe, "./cmd/kinerja")
	build.Dir = repoRoot(t)
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=windows", "GOARCH=amd64")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=windows GOARCH=amd64 go build ./cmd/kinerja: %v\n%s", err, out)
	}
	b, err := os.ReadFile(exe)
	if err != nil || len(b) < 2 || string(b[:2]) != "MZ" {
		t.Fatalf("%s is not a Windows program (%v)", exe, err)
	}
}
