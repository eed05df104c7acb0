package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// parentEnv makes the test binary a kinerja that builds the site its value
// describes (JSON Options) and exits: a real parent process that a test
// can kill while its Hugo child runs.
const parentEnv = "KINERJA_SITE_TEST_PARENT"

func runParent(spec string) {
	var o Options
	if err := json.Unmarshal([]byte(spec), &o); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(2)
	}
	if _, err := Build(context.Background(), o); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(0)
}

// styledLayout is a home page with a fingerprinted stylesheet; page and
// stylesheet both carry the build's value, so a reader can tell whether
// the two came from the same build.
const styledLayout = `{{ $v := site.Data.kinerja.meta.value }}` +
	`{{ $css := resources.FromString "site.css" (printf "p::after{content:%q}" $v) | fingerprint }}` +
	`<link rel="stylesheet" href="{{ $css.RelPermalink }}"><p>{{ $v }}</p>`

// endlessLayout keeps Hugo rendering far longer than any test waits.
const endlessLayout = `{{ range seq 1000000 }}{{ range seq 1000000 }}{{ end }}{{ end }}<p>never</p>`

func TestPublishedSiteIsReadableByOthers(t *testing.T) {
	for _, layout := range []string{"folder", "link"} {
		t.Run(layout, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if layout == "link" {
				if err := os.Symlink("builds/public-0", out); err != nil {
					t.Fatal(err)
				}
			}
			root, build := miniSite(t, "readable", styledLayout)
			if _, err := Build(context.Background(), options(root, build, out)); err != nil {
				t.Fatalf("Build: %v", err)
			}
			mask := umask()
			wantDir, wantFile := 0o755&^mask, 0o644&^mask
			published, err := filepath.EvalSymlinks(out)
			if err != nil {
				t.Fatal(err)
			}
			files := 0
			err = filepath.WalkDir(published, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				fi, err := d.Info()
				if err != nil {
					return err
				}
				want := wantFile
				if d.IsDir() {
					want = wantDir
				} else {
					files++
				}
				if got := fi.Mode().Perm(); got != want {
					t.Errorf("mode of %s = %o; want %o", p, got, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if files < 3 {
				t.Errorf("the site has %d files; want index.html, the stylesheet and the marker", files)
			}
			assertReadableByNobody(t, dir, filepath.Join(out, "index.html"), "readable")
		})
	}
}

// assertReadableByNobody reads file as the user nobody, as a web server
// running under its own user would (root only; the folders from dir up
// are opened to others first, as t.TempDir makes them private).
func assertReadableByNobody(t *testing.T, dir, file, want string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("reading as another user needs root")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv (util-linux) is not installed")
	}
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o005 != 0o005 {
			if err := os.Chmod(d, fi.Mode().Perm()|0o005); err != nil {
				t.Fatal(err)
			}
		}
		if d == os.TempDir() {
			break
		}
	}
	got, err := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "cat", file).CombinedOutput()
	if err != nil {
		t.Fatalf("the user nobody cannot read %s: %v: %s", file, err, got)
	}
	if !strings.Contains(string(got), want) {
		t.Errorf("nobody read %q from %s; want it to contain %q", got, file, want)
	}
}

// TestSwitchLinkNeverMissing: a reader going through the link while it is
// switched back and forth always finds a whole site, one or the other.
func TestSwitchLinkNeverMissing(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "index.html"), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "current")
	if err := os.Symlink("a", link); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var reads, failures int
	var firstFailure error
	done := make(chan struct{})
	go func() {
		defer close(done)
		for reads < 1_000_000 {
			select {
			case <-stop:
				return
			default:
			}
			b, err := os.ReadFile(filepath.Join(link, "index.html"))
			reads++
			if err == nil && string(b) != "a" && string(b) != "b" {
				err = fmt.Errorf("read %q", b)
			}
			if err != nil {
				failures++
				if firstFailure == nil {
					firstFailure = err
				}
			}
		}
	}()
	for i := range 2000 {
		if err := switchLink(link, []string{"a", "b"}[(i+1)%2]); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	<-done
	t.Logf("%d reads during 2000 switches", reads)
	if failures > 0 {
		t.Errorf("%d of %d reads failed during the switches; the first: %v", failures, reads, firstFailure)
	}
	if left, _ := filepath.Glob(link + ".tmp-*"); len(left) > 0 {
		t.Errorf("temporary links left: %v", left)
	}
}

// fetcher reads the home page and then the stylesheet it links to, as a
// browser does, and counts what went wrong.
type fetcher struct {
	base string

	mu           sync.Mutex
	pages        int
	failures     []string
	inconsistent []string
}

var (
	valueRE = regexp.MustCompile(`<p>([a-z]+)</p>`)
	hrefRE  = regexp.MustCompile(`href="?(/[^" >]+\.css)`)
)

func (f *fetcher) get(path string) (string, error) {
	resp, err := http.Get(f.base + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return string(b), nil
}

// once loads the page and its stylesheet; it returns the page's value and
// the stylesheet's path.
func (f *fetcher) once() (value, css string) {
	page, err := f.get("/")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pages++
	if err != nil {
		f.failures = append(f.failures, err.Error())
		return "", ""
	}
	v, h := valueRE.FindStringSubmatch(page), hrefRE.FindStringSubmatch(page)
	if v == nil || h == nil {
		f.failures = append(f.failures, fmt.Sprintf("page without value or stylesheet: %q", page))
		return "", ""
	}
	f.mu.Unlock()
	body, err := f.get(h[1])
	f.mu.Lock()
	if err != nil {
		f.failures = append(f.failures, err.Error())
	} else if !strings.Contains(body, v[1]) {
		f.inconsistent = append(f.inconsistent, fmt.Sprintf("page %q got stylesheet %q", v[1], body))
	}
	return v[1], h[1]
}

// TestLinkDeploy: deploys into a link while a browser-like client reads
// the site over HTTP: every request succeeds, a page never gets another
// build's stylesheet, the link ends at the newest build, old builds beyond
// Keep are removed, and Rollback steps back one build.
func TestLinkDeploy(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "current")
	if err := os.MkdirAll(filepath.Join(dir, "builds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("builds/current-0", link); err != nil {
		t.Fatal(err)
	}
	deploy := func(value string) {
		t.Helper()
		root, build := miniSite(t, value, styledLayout)
		o := options(root, build, link)
		o.Keep = 2
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatalf("Build %s: %v", value, err)
		}
	}
	deploy("first")

	srv := httptest.NewServer(http.FileServer(http.Dir(link)))
	defer srv.Close()
	f := &fetcher{base: srv.URL}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 200_000 {
			select {
			case <-stop:
				return
			default:
				f.once()
			}
		}
	}()
	for _, value := range []string{"second", "third"} {
		// A page loaded just before the switch still gets its stylesheet.
		_, css := f.once()
		deploy(value)
		if _, err := f.get(css); err != nil {
			t.Errorf("after deploying %s, the previous build's stylesheet: %v", value, err)
		}
	}
	close(stop)
	<-done

	t.Logf("%d pages read during two deploys", f.pages)
	if len(f.failures) > 0 {
		t.Errorf("%d of %d page loads failed; the first: %s", len(f.failures), f.pages, f.failures[0])
	}
	if len(f.inconsistent) > 0 {
		t.Errorf("%d page loads mixed two builds; the first: %s", len(f.inconsistent), f.inconsistent[0])
	}
	assertLink(t, link, "builds/current-3")
	if v, _ := f.once(); v != "third" {
		t.Errorf("the site shows %q after the last deploy; want third", v)
	}
	for n, want := range map[int]bool{1: false, 2: true, 3: true} {
		_, err := os.Stat(filepath.Join(dir, "builds", "current-"+strconv.Itoa(n)))
		if got := err == nil; got != want {
			t.Errorf("builds/current-%d exists = %v; want %v (Keep 2)", n, got, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "builds", "current.new-*")); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}

	if err := Rollback(link); err != nil {
		t.Fatalf("Rollback: %v", err)
	}
	assertLink(t, link, "builds/current-2")
	if v, _ := f.once(); v != "second" {
		t.Errorf("the site shows %q after the rollback; want second", v)
	}
	err := Rollback(link)
	if err == nil || !strings.Contains(err.Error(), "no earlier build") || iku.ErrorKind(err) != iku.Invalid {
		t.Errorf("a second Rollback with no older build kept: err = %v; want an Invalid error saying there is no earlier build", err)
	}
	assertLink(t, link, "builds/current-2")

	// The next build follows the newest number, and keeps the published one.
	deploy("fourth")
	assertLink(t, link, "builds/current-4")
}

func assertLink(t *testing.T, link, want string) {
	t.Helper()
	got, err := os.Readlink(link)
	if err != nil {
		t.Fatalf("%s is no longer a link: %v", link, err)
	}
	if got != want {
		t.Errorf("%s -> %s; want -> %s", link, got, want)
	}
}

func TestRollbackNeedsALink(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "x", `<p>x</p>`)
	if _, err := Build(context.Background(), options(root, build, out)); err != nil {
		t.Fatal(err)
	}
	err := Rollback(out)
	if err == nil || !strings.Contains(err.Error(), "not a link") || iku.ErrorKind(err) != iku.Invalid {
		t.Errorf("Rollback of a folder: err = %v; want an Invalid error saying it is not a link", err)
	}
	assertHome(t, out, "<p>x</p>")
}

// procs lists the processes whose command line holds every one of words,
// by process id.
func procs(words ...string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		all := true
		for _, w := range words {
			all = all && bytes.Contains(b, []byte(w))
		}
		if all {
			pids = append(pids, pid)
		}
	}
	return pids
}

// running reports whether pid is a live process (not gone, not a zombie)
// whose command line still holds word.
func running(pid int, word string) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) && (stat[i+2] == 'Z' || stat[i+2] == 'X') {
		return false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return err == nil && bytes.Contains(cmdline, []byte(word))
}

// cpuTime is the processor time pid has used so far (Linux counts it in
// ticks of 1/100 s).
func cpuTime(pid int) time.Duration {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0
	}
	// Fields after the command name: state is field 3, utime 14, stime 15.
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

func waitUntil(t *testing.T, what string, d time.Duration, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > d {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// TestHugoDiesWithKinerja: when kinerja is killed (SIGKILL: no chance to
// clean up) while Hugo renders, the kernel ends Hugo too, and the next
// build removes the staging folder the killed one left.
func TestHugoDiesWithKinerja(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "x", endlessLayout)
	spec, err := json.Marshal(options(root, build, out))
	if err != nil {
		t.Fatal(err)
	}
	exe, _ := os.Executable()
	parent := exec.Command(exe)
	parent.Env = append(os.Environ(), parentEnv+"="+string(spec))
	var stderr bytes.Buffer
	parent.Stderr = &stderr
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = parent.Wait(); close(exited) }()
	t.Cleanup(func() { _ = parent.Process.Kill() })

	var hugo []int
	waitUntil(t, "Hugo to start", 60*time.Second, func() bool {
		select {
		case <-exited:
			t.Fatalf("the build ended before it could be killed: %s", stderr.String())
		default:
		}
		hugo = procs(HugoCommand, root)
		// Past its start-up, when Hugo writes to its output pipes (it would
		// then die of SIGPIPE, with or without the fix): in the template.
		return len(hugo) == 1 && cpuTime(hugo[0]) >= time.Second
	})
	t.Cleanup(func() {
		for _, pid := range hugo {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	})
	if err := parent.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	took := waitUntil(t, "Hugo to die with its parent", 2*time.Second, func() bool {
		for _, pid := range hugo {
			if running(pid, root) {
				return false
			}
		}
		return true
	})
	t.Logf("Hugo (pids %v) was gone %s after its parent was killed", hugo, took.Round(time.Millisecond))

	staged, _ := filepath.Glob(out + ".new-*")
	if len(staged) == 0 {
		t.Fatalf("the killed build left no staging folder; the test expects one to be cleaned up")
	}
	root2, build2 := miniSite(t, "after", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	if _, err := Build(context.Background(), options(root2, build2, out)); err != nil {
		t.Fatalf("Build after a killed build: %v", err)
	}
	assertHome(t, out, "<p>after</p>")
	if left, _ := filepath.Glob(out + ".new-*"); len(left) > 0 {
		t.Errorf("the killed build's staging folders are still there: %v", left)
	}
}

// TestSecondBuildIsRefused: while a build writes to a folder, a second
// build into it stops with one sentence; cancelling the first leaves the
// published site as it was and no staging folder.
func TestSecondBuildIsRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "published", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	if _, err := Build(context.Background(), options(root, build, out)); err != nil {
		t.Fatal(err)
	}

	slowRoot, slowBuild := miniSite(t, "slow", endlessLayout)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := make(chan error, 1)
	go func() {
		_, err := Build(ctx, options(slowRoot, slowBuild, out))
		first <- err
	}()
	waitUntil(t, "the first build's Hugo", 60*time.Second, func() bool {
		select {
		case err := <-first:
			t.Fatalf("the first build ended early: %v", err)
		default:
		}
		return len(procs(HugoCommand, slowRoot)) > 0
	})

	root2, build2 := miniSite(t, "second", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	_, err := Build(context.Background(), options(root2, build2, out))
	lock := filepath.Join(filepath.Dir(out), ".public.lock")
	want := fmt.Sprintf("another kinerja build is writing to %q (lock %s); wait for it to finish", out, lock)
	if err == nil || iku.ErrorMessage(err) != want || iku.ErrorKind(err) != iku.Invalid {
		t.Errorf("second Build: err = %v (kind %s); want %q (kind invalid)", err, iku.ErrorKind(err), want)
	}
	if err := CleanDebris(root2, out); err == nil || iku.ErrorMessage(err) != want {
		t.Errorf("CleanDebris during a build: err = %v; want %q", err, want)
	}
	if staged, _ := filepath.Glob(out + ".new-*"); len(staged) != 1 {
		t.Errorf("the running build's staging folder: %v; want exactly one, untouched", staged)
	}

	cancel()
	select {
	case err = <-first:
	case <-time.After(60 * time.Second):
		t.Fatal("the cancelled build did not return")
	}
	if err == nil || !strings.Contains(err.Error(), "interrupted") || !strings.Contains(err.Error(), "unchanged") {
		t.Errorf("cancelled Build: err = %v; want it to say the build was interrupted and the site is unchanged", err)
	}
	assertHome(t, out, "<p>published</p>")
	if left, _ := filepath.Glob(out + ".new-*"); len(left) > 0 {
		t.Errorf("the cancelled build left staging folders: %v", left)
	}
	if _, err := os.Stat(lock); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file after the builds: %v; want it removed", err)
	}
	// The lock is free again.
	if _, err := Build(context.Background(), options(root2, build2, out)); err != nil {
		t.Errorf("Build after the other ended: %v", err)
	}
}

// TestCleanDebris: folders of crashed builds go, folders in use stay, and
// a site set aside by a crash in the middle of a swap comes back.
func TestCleanDebris(t *testing.T) {
	root, dir := t.TempDir(), t.TempDir()
	held, release, err := NewBuildDir(root)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	stale := filepath.Join(root, ".build", "build-123")
	mkdirs(t, stale, filepath.Join(stale, "data"))

	out := filepath.Join(dir, "public")
	old := out + ".new-456.old"
	mkdirs(t, old, out+".new-789")
	if err := writeMarker(old, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := CleanDebris(root, out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale build folder %s: %v; want it removed", stale, err)
	}
	if _, err := os.Stat(held); err != nil {
		t.Errorf("the build folder in use was removed: %v", err)
	}
	if !isKinerjaBuild(out) {
		t.Errorf("the site set aside was not put back in %s", out)
	}
	if left, _ := filepath.Glob(out + ".new-*"); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}

	// With a link: staging folders beside the builds and a half-made link.
	link := filepath.Join(dir, "current")
	if err := os.Symlink("builds/current-1", link); err != nil {
		t.Fatal(err)
	}
	mkdirs(t, filepath.Join(dir, "builds", "current.new-1"))
	if err := os.Symlink("builds/current-2", link+".tmp-99"); err != nil {
		t.Fatal(err)
	}
	if err := CleanDebris(root, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, "builds", "current.new-1"), link + ".tmp-99"} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v; want it removed", p, err)
		}
	}
	assertLink(t, link, "builds/current-1")

	release()
	if err := CleanDebris(root, out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(held); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("released build folder %s: %v; want it removed", held, err)
	}
}

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// linkSite makes the layout of Deploying in the README: a link current ->
// builds/current-0, and returns the link and a function that deploys a
// build of styledLayout with value into it (keeping keep builds), with a
// Pagefind-like search index when search is set.
func linkSite(t *testing.T, keep int) (link string, deploy func(value string, search bool)) {
	t.Helper()
	dir := t.TempDir()
	link = filepath.Join(dir, "current")
	mkdirs(t, filepath.Join(dir, "builds"))
	if err := os.Symlink("builds/current-0", link); err != nil {
		t.Fatal(err)
	}
	return link, func(value string, search bool) {
		t.Helper()
		root, build := miniSite(t, value, styledLayout)
		o := options(root, build, link)
		o.Keep = keep
		if search {
			// As Pagefind names them: fixed names for the program and the
			// entry, content-named chunks of the index.
			o.Finish = func(_ context.Context, dir string) error {
				mkdirs(t, filepath.Join(dir, "pagefind", "index"))
				for name, body := range map[string]string{"pagefind-entry.json": value, "index/" + value + ".pf_index": value} {
					if err := os.WriteFile(filepath.Join(dir, "pagefind", name), []byte(body), 0o644); err != nil {
						return err
					}
				}
				return nil
			}
		}
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatalf("Build %s: %v", value, err)
		}
	}
}

// TestKeptBuildsKeepTheirAssets: with three builds kept, a page loaded
// from the oldest still gets its stylesheet after two more deploys, and a
// search page opened before a deploy still gets the chunks of the index
// it started with, while the fixed names are the new build's.
func TestKeptBuildsKeepTheirAssets(t *testing.T) {
	link, deploy := linkSite(t, 3)
	deploy("first", true)
	srv := httptest.NewServer(http.FileServer(http.Dir(link)))
	defer srv.Close()
	f := &fetcher{base: srv.URL}
	_, css1 := f.once()
	deploy("second", true)
	deploy("third", true)
	if _, err := f.get(css1); err != nil {
		t.Errorf("a page of the first build (kept) after two deploys: its stylesheet: %v", err)
	}
	for _, chunk := range []string{"first", "second", "third"} {
		if body, err := f.get("/pagefind/index/" + chunk + ".pf_index"); err != nil || body != chunk {
			t.Errorf("the search index chunk of the %s build after the third deploy: %q, %v", chunk, body, err)
		}
	}
	if body, err := f.get("/pagefind/pagefind-entry.json"); err != nil || body != "third" {
		t.Errorf("pagefind-entry.json after the third deploy: %q, %v; want the third build's", body, err)
	}
	if len(f.failures) > 0 {
		t.Errorf("page loads failed: %v", f.failures)
	}
}

// TestRollbackKeepsNewerAssets: after a rollback, a page still open from
// the build left behind gets its stylesheet and its search index from
// the older build now published.
func TestRollbackKeepsNewerAssets(t *testing.T) {
	link, deploy := linkSite(t, 3)
	deploy("first", true)
	srv := httptest.NewServer(http.FileServer(http.Dir(link)))
	defer srv.Close()
	f := &fetcher{base: srv.URL}
	deploy("second", true)
	v, css2 := f.once()
	if v != "second" {
		t.Fatalf("the site shows %q; want second", v)
	}
	if err := Rollback(link); err != nil {
		t.Fatalf("Rollback: %v", err)
	}
	if v, _ := f.once(); v != "first" {
		t.Errorf("the site shows %q after the rollback; want first", v)
	}
	if body, err := f.get(css2); err != nil || !strings.Contains(body, "second") {
		t.Errorf("after the rollback, the stylesheet of a page of the second build: %q, %v", body, err)
	}
	if body, err := f.get("/pagefind/index/second.pf_index"); err != nil || body != "second" {
		t.Errorf("after the rollback, the second build's search chunk: %q, %v", body, err)
	}
	if body, err := f.get("/pagefind/pagefind-entry.json"); err != nil || body != "first" {
		t.Errorf("pagefind-entry.json after the rollback: %q, %v; want the first build's", body, err)
	}
	if len(f.failures) > 0 || len(f.inconsistent) > 0 {
		t.Errorf("page loads failed or mixed builds: %v %v", f.failures, f.inconsistent)
	}
	// The next build follows the newest number, carrying what both have.
	deploy("third", true)
	assertLink(t, link, "builds/current-3")
	for _, p := range []string{css2, "/pagefind/index/first.pf_index", "/pagefind/index/second.pf_index"} {
		if _, err := f.get(p); err != nil {
			t.Errorf("after the next deploy: %v", err)
		}
	}
}

// TestPublishTreeLeavesRightModes: publishTree changes only the modes
// that are not right (a warm build's files are links to the published
// ones, whose modes it set before), and counts the files and pages.
func TestPublishTreeLeavesRightModes(t *testing.T) {
	dir := t.TempDir()
	mkdirs(t, filepath.Join(dir, "a"))
	right, wrong := filepath.Join(dir, "a", "index.html"), filepath.Join(dir, "a", "b.css")
	mask := umask()
	for f, mode := range map[string]fs.FileMode{right: 0o644 &^ mask, wrong: 0o600} {
		if err := os.WriteFile(f, []byte("x"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(f, mode); err != nil {
			t.Fatal(err)
		}
	}
	ctime := func(f string) int64 {
		var st syscall.Stat_t
		if err := syscall.Stat(f, &st); err != nil {
			t.Fatal(err)
		}
		return st.Ctim.Nano()
	}
	before := ctime(right)
	time.Sleep(20 * time.Millisecond)
	files, pages, _, err := publishTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	if files != 2 || pages != 1 {
		t.Errorf("publishTree counted %d files, %d pages; want 2 and 1", files, pages)
	}
	if ctime(right) != before {
		t.Error("publishTree changed the mode of a file whose mode was right (its ctime moved)")
	}
	if fi, err := os.Stat(wrong); err != nil || fi.Mode().Perm() != 0o644&^mask {
		t.Errorf("the file of mode 0600: %v, %v; want %o", fi.Mode(), err, 0o644&^mask)
	}
}

// TestCarryAssetsFromTheMarker: a build's Marker lists its own assets and
// search index, and the next build carries those, without looking for
// others; a build whose Marker lists none (an older kinerja's) is searched
// whole.
func TestCarryAssetsFromTheMarker(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old")
	listedCSS := "css/site.0123456789abcdef0123456789abcdef.css"
	unlistedCSS := "css/other.fedcba9876543210fedcba9876543210.css"
	for _, p := range []string{listedCSS, unlistedCSS, "pagefind/index/a.pf_index", "pagefind/pagefind-entry.json"} {
		writeTestFile(t, filepath.Join(old, filepath.FromSlash(p)), p)
	}
	_, _, own, err := publishTree(old)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(own, " ") != unlistedCSS+" "+listedCSS+" pagefind/" {
		t.Fatalf("publishTree listed %q as the build's own assets", own)
	}
	if err := writeMarker(old, []string{listedCSS, "pagefind/"}, nil); err != nil {
		t.Fatal(err)
	}
	next := filepath.Join(dir, "next")
	writeTestFile(t, filepath.Join(next, "pagefind", "pagefind-entry.json"), "new")
	carried, err := carryAssets([]string{old}, next)
	if err != nil {
		t.Fatal(err)
	}
	if want := listedCSS + " pagefind/index/a.pf_index"; strings.Join(carried, " ") != want {
		t.Errorf("carried %q from a build that lists its assets; want %q", carried, want)
	}
	if err := os.WriteFile(filepath.Join(old, Marker), []byte("built by kinerja\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	next2 := filepath.Join(dir, "next2")
	mkdirs(t, next2)
	carried, err = carryAssets([]string{old}, next2)
	if err != nil {
		t.Fatal(err)
	}
	if want := unlistedCSS + " " + listedCSS; strings.Join(carried, " ") != want {
		t.Errorf("carried %q from an older kinerja's build; want %q", carried, want)
	}
}

func writeTestFile(t *testing.T, path, body string) {
	t.Helper()
	mkdirs(t, filepath.Dir(path))
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
