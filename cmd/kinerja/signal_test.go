package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// kinerja starts this test binary as the kinerja program in a child
// process, as a user would start it in a terminal.
func kinerja(t *testing.T, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	return kinerjaEnv(t, nil, args...)
}

// kinerjaEnv is kinerja with env added to this process's environment.
func kinerjaEnv(t *testing.T, env []string, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Args = append([]string{"kinerja"}, args...)
	cmd.Env = append(append(os.Environ(), "DATABASE_URL="), env...)
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, out
}

// syncBuffer is a bytes.Buffer safe for the child's writes and our reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls until cond holds or the deadline passes.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exited waits for the process and returns its exit code.
func exited(t *testing.T, cmd *exec.Cmd, d time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(d):
		t.Fatalf("kinerja did not stop within %s of Ctrl+C", d)
		return -1
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestServeStopsOnCtrlC: the preview answers with the "Pratinjau" banner,
// and Ctrl+C ends it cleanly, with its child processes and build folder.
func TestServeStopsOnCtrlC(t *testing.T) {
	root := repoRoot(t)
	port := freePort(t)
	folders := buildFolders(root)
	cmd, out := kinerja(t, "serve", "--site", root, "--port", fmt.Sprint(port))
	url := fmt.Sprintf("http://127.0.0.1:%d/", port)
	var page string
	waitFor(t, "the preview server", 90*time.Second, func() bool {
		resp, err := http.Get(url)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		page = string(b)
		return resp.StatusCode == 200
	})
	if !strings.Contains(page, "Pratinjau") {
		t.Errorf("the preview has no Pratinjau banner")
	}
	// The downloads, kept outside Hugo's folders, are served too.
	for _, p := range []string{"data/SHA256SUMS", "data/iku-semua.xlsx", "api/v1/index.json"} {
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("the preview answers /%s with %s; want 200", p, resp.Status)
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := exited(t, cmd, 20*time.Second); code != 0 {
		t.Errorf("serve exited %d after Ctrl+C; want 0\n%s", code, out)
	}
	if _, err := http.Get(url); err == nil {
		t.Errorf("the preview still answers after Ctrl+C")
	}
	assertNoNewBuildFolders(t, root, folders)
}

// TestBuildStopsOnCtrlC: Ctrl+C while Hugo writes the site stops the build
// with exit code 130 and leaves the published site as it was.
func TestBuildStopsOnCtrlC(t *testing.T) {
	root := repoRoot(t)
	public := filepath.Join(t.TempDir(), "public")
	mustRun(t, nil, "build", "--site", root, "--out", public)
	before := tree(t, public)

	folders := buildFolders(root)
	// Another base URL, so that Hugo runs: the same build again would
	// keep the published site and be done at once.
	cmd, out := kinerja(t, "build", "--site", root, "--out", public, "--base-url", "https://kinerja.example.go.id/")
	waitFor(t, "the data stage", 90*time.Second, func() bool {
		sc := bufio.NewScanner(strings.NewReader(out.String()))
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") {
				return true
			}
		}
		return false
	})
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := exited(t, cmd, 20*time.Second); code != exitInterrupted {
		t.Fatalf("build exited %d after Ctrl+C during Hugo; want %d\n%s", code, exitInterrupted, out)
	}
	if want := fmt.Sprintf("kinerja: interrupted: the published site in %q is unchanged\n", public); !strings.HasSuffix(out.String(), want) {
		t.Errorf("the output does not end with %q:\n%s", want, out)
	}
	after := tree(t, public)
	if len(after) != len(before) {
		t.Errorf("public/ has %d files after the interrupted build; had %d", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("public/%s changed", p)
			break
		}
	}
	if left, _ := filepath.Glob(public + ".new-*"); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
	assertNoNewBuildFolders(t, root, folders)
}

// TestBuildStopsOnCtrlCWhileDrawing: Ctrl+C while the charts are being
// drawn stops the build with the same sentence as during Hugo, exit code
// 130, and the published site as it was. The node on the PATH here answers
// --version like the real one, then hangs instead of drawing, so the build
// is certainly in the charts stage when the signal comes.
func TestBuildStopsOnCtrlCWhileDrawing(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not on the PATH")
	}
	dir := t.TempDir()
	site, public, cache := filepath.Join(dir, "site"), filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	env := map[string]string{"XDG_CACHE_HOME": cache}
	mustRun(t, env, "init", site)
	mustRun(t, env, "build", "--site", site, "--out", public)
	before := tree(t, public)
	os.RemoveAll(filepath.Join(site, ".cache", "charts")) // every chart must be drawn again

	bin, started := filepath.Join(dir, "bin"), filepath.Join(dir, "drawing")
	os.MkdirAll(bin, 0o755)
	script := fmt.Sprintf("#!/bin/sh\nif [ \"$1\" = --version ]; then exec %q --version; fi\ntouch %q\nexec sleep 600\n", node, started)
	if err := os.WriteFile(filepath.Join(bin, "node"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd, out := kinerjaEnv(t, []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "XDG_CACHE_HOME=" + cache},
		"build", "--site", site, "--out", public)
	waitFor(t, "the renderer to start", 90*time.Second, func() bool {
		_, err := os.Stat(started)
		return err == nil
	})
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := exited(t, cmd, 20*time.Second); code != exitInterrupted {
		t.Fatalf("build exited %d after Ctrl+C while drawing; want %d\n%s", code, exitInterrupted, out)
	}
	if want := fmt.Sprintf("kinerja: interrupted: the published site in %q is unchanged\n", public); !strings.HasSuffix(out.String(), want) {
		t.Errorf("the output does not end with %q:\n%s", want, out)
	}
	if strings.Contains(out.String(), "charts:") {
		t.Errorf("the charts stage finished; the test meant to interrupt it:\n%s", out)
	}
	after := tree(t, public)
	if len(after) != len(before) {
		t.Errorf("public/ has %d files after the interrupted build; had %d", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("public/%s changed", p)
			break
		}
	}
	if left, _ := filepath.Glob(filepath.Join(site, ".build", "build-*")); len(left) > 0 {
		t.Errorf("build folders left: %v", left)
	}
}

// buildFolders lists the build folders under the site's .build.
func buildFolders(root string) map[string]bool {
	m := map[string]bool{}
	entries, _ := os.ReadDir(filepath.Join(root, ".build"))
	for _, e := range entries {
		m[e.Name()] = true
	}
	return m
}

// assertNoNewBuildFolders checks that the run removed its build folder:
// nothing under .build that was not there before it (this package's tests
// run one at a time).
func assertNoNewBuildFolders(t *testing.T, root string, before map[string]bool) {
	t.Helper()
	for name := range buildFolders(root) {
		if !before[name] {
			t.Errorf(".build/%s was left behind", name)
		}
	}
}
