package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// smallDemo keeps four agencies of the demo (and their sectors,
// indicators, targets, results, service units), so that a publish takes
// seconds. The
// ratings go: the city's row would no longer be the sum of its agencies'.
func smallDemo(ds *iku.Dataset) {
	keep := map[string]bool{"rsud-tengku-mansyur": true, "dinas-kesehatan": true, "bapperida": true, "diskominfo": true}
	ds.Agencies = slices.DeleteFunc(ds.Agencies, func(a iku.Agency) bool { return !keep[a.Slug] })
	ds.Indicators = slices.DeleteFunc(ds.Indicators, func(i iku.Indicator) bool { return !keep[i.AgencySlug] })
	sectors, inds := map[string]bool{}, map[string]bool{}
	for _, i := range ds.Indicators {
		inds[i.Slug], sectors[i.SectorSlug] = true, true
	}
	for _, a := range ds.Agencies {
		sectors[a.SectorSlug] = true
	}
	ds.Sectors = slices.DeleteFunc(ds.Sectors, func(s iku.Sector) bool { return !sectors[s.Slug] })
	ds.Predicates = slices.DeleteFunc(ds.Predicates, func(p iku.Predicate) bool { return !keep[p.AgencySlug] })
	ds.Targets = slices.DeleteFunc(ds.Targets, func(x iku.Target) bool { return !inds[x.IndicatorSlug] })
	ds.Results = slices.DeleteFunc(ds.Results, func(x iku.Result) bool { return !inds[x.IndicatorSlug] })
	ds.Explanations = slices.DeleteFunc(ds.Explanations, func(x iku.Explanation) bool { return !inds[x.IndicatorSlug] })
	ds.Ratings = nil
	// The service units of the agencies kept, in kecamatan no longer
	// there: placed in none.
	units := map[string]bool{}
	ds.Units = slices.DeleteFunc(ds.Units, func(u iku.ServiceUnit) bool { return !keep[u.AgencySlug] })
	for i := range ds.Units {
		ds.Units[i].KecamatanSlug = ""
		units[ds.Units[i].Slug] = true
	}
	ds.UnitResults = slices.DeleteFunc(ds.UnitResults, func(x iku.UnitResult) bool { return !inds[x.IndicatorSlug] || !units[x.UnitSlug] })
}

// siteCopy copies the repository's site (hugo.toml, content, data,
// themes) into dir, for a test that changes it.
func siteCopy(t *testing.T, dir string) string {
	t.Helper()
	for _, d := range []string{"content", "data", "themes"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(repoRoot(t), d))); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEarlyReleaseNote: a note the office wrote for 2026-Q4 while the data
// ends in 2026-Q3 builds; its page, in each language, says the release is
// coming and when, with the note; the terminal says why.
func TestEarlyReleaseNote(t *testing.T) {
	dir := t.TempDir()
	site := siteCopy(t, filepath.Join(dir, "site"))
	writeFile(t, filepath.Join(site, "content", "rilis", "2026-q4.md"), "---\ntitle: Catatan rilis triwulan IV\n---\nRilis ini memuat indikator baru Dinas Kesehatan.\n")
	writeFile(t, filepath.Join(site, "content", "rilis", "2026-q4.en.md"), "---\ntitle: Notes on the fourth quarter\n---\nThis release adds new indicators of the Health Office.\n")
	b := demoBundle(t, filepath.Join(dir, "bundle"), smallDemo)
	out := filepath.Join(dir, "public")
	r := run(t, nil, "build", "--site", site, "--from", b, "--out", out, "--downloads=false")
	if r.code != 0 {
		t.Fatalf("a build with a note written ahead: exit %d\n%s", r.code, r.stderr)
	}
	for _, name := range []string{"2026-q4.md", "2026-q4.en.md"} {
		if want := "warning: content/rilis/" + name + " is a note for 2026-Q4, which has no release yet"; !strings.Contains(r.stderr, want) {
			t.Errorf("the terminal lacks %q:\n%s", want, r.stderr)
		}
	}
	for page, want := range map[string][]string{
		"rilis/2026-q4/index.html":    {"<h1>Rilis Triwulan IV 2026</h1>", "Rilis ini belum diterbitkan", "Dijadwalkan terbit 29 Januari 2027.", "memuat indikator baru Dinas Kesehatan"},
		"en/rilis/2026-q4/index.html": {"<h1>Release Q4 2026</h1>", "This release is not published yet", "Planned for 29 January 2027.", "adds new indicators of the Health Office"},
	} {
		html := readFile(t, filepath.Join(out, page))
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("/%s lacks %q", strings.TrimSuffix(page, "index.html"), w)
			}
		}
	}
	// The release that exists is untouched.
	if html := readFile(t, filepath.Join(out, "rilis", "2026-q3", "index.html")); !strings.Contains(html, "<h1>Rilis Triwulan III 2026</h1>") {
		t.Errorf("/rilis/2026-q3/ lost its title")
	}
}

// killedBySIGKILL waits for cmd and reports whether a SIGKILL ended it.
func killedBySIGKILL(t *testing.T, cmd *exec.Cmd) bool {
	t.Helper()
	exited(t, cmd, 3*time.Minute)
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// TestPublishKilledAtEachStage: a publish of 2026-Q3 killed (SIGKILL: no
// chance to clean up) at each stage, from writing its release to after
// its site is published, is finished by running the same command again, which
// says in one line what it did; the releases and the site are then
// byte-identical to a publish never interrupted, and nothing is left
// behind. Until the site is switched, the published site is untouched.
func TestPublishKilledAtEachStage(t *testing.T) {
	dir := t.TempDir()
	b := demoBundle(t, filepath.Join(dir, "bundle"), smallDemo)
	args := func(root, quarter, date string) []string {
		return []string{"publish", "--site", repoRoot(t), "--from", b, "--quarter", quarter,
			"--releases", filepath.Join(root, "releases"), "--out", filepath.Join(root, "public"), "--date", date}
	}
	base := filepath.Join(dir, "base")
	mustRun(t, nil, args(base, "2026-Q2", "2026-07-30")...)
	copyTo := func(root string) {
		t.Helper()
		if err := os.CopyFS(root, os.DirFS(base)); err != nil {
			t.Fatal(err)
		}
	}
	ref := filepath.Join(dir, "reference")
	copyTo(ref)
	mustRun(t, nil, args(ref, "2026-Q3", "2026-10-30")...)
	wantReleases, wantSite := tree(t, filepath.Join(ref, "releases")), tree(t, filepath.Join(ref, "public"))
	baseSite := tree(t, filepath.Join(base, "public"))

	for _, c := range []struct{ stage, says string }{
		{"release-started", "recover:  a publish of 2026-Q3 v1 was interrupted before its release was written; nothing of it remains, and this publish starts afresh"},
		{"release-written", "recover:  a publish of 2026-Q3 v1 was interrupted after its release was written; finishing it: the index, then the site"},
		{"index-written", "recover:  a publish of 2026-Q3 v1 was interrupted after its release was written; finishing it: the site"},
		{"site-staged", "recover:  a publish of 2026-Q3 v1 was interrupted after its release was written; finishing it: the site"},
		{"site-published", "recover:  a publish of 2026-Q3 v1 was interrupted after its site in "},
	} {
		t.Run(c.stage, func(t *testing.T) {
			root := filepath.Join(dir, c.stage)
			copyTo(root)
			cmd, out := kinerjaEnv(t, []string{"KINERJA_TEST_KILL_AT=" + c.stage}, args(root, "2026-Q3", "2026-10-30")...)
			if !killedBySIGKILL(t, cmd) {
				t.Fatalf("publish was not killed at %s: %v\n%s", c.stage, cmd.ProcessState, out)
			}
			if c.stage != "site-published" {
				unchanged(t, "public after the kill", baseSite, tree(t, filepath.Join(root, "public")))
			}

			r := mustRun(t, nil, args(root, "2026-Q3", "2026-10-30")...)
			recovered := 0
			for _, line := range strings.Split(r.stderr, "\n") {
				if strings.HasPrefix(line, "recover:") {
					recovered++
				}
			}
			if recovered != 1 || !strings.Contains(r.stderr, c.says) {
				t.Errorf("the run after a kill at %s: want one line %q\n%s", c.stage, c.says, r.stderr)
			}
			if !strings.Contains(r.stdout, "2026-Q3 (version 1, 2026-10-30)") {
				t.Errorf("the run after a kill at %s: stdout %q", c.stage, r.stdout)
			}
			unchanged(t, "releases", wantReleases, tree(t, filepath.Join(root, "releases")))
			unchanged(t, "public", wantSite, tree(t, filepath.Join(root, "public")))
			left, _ := filepath.Glob(filepath.Join(root, "public.*"))
			if entries, _ := os.ReadDir(filepath.Join(root, "releases")); len(left) > 0 || len(entries) != 3 {
				t.Errorf("left behind: %v, releases/ holds %d entries; want 2026-q2, 2026-q3, SHA256SUMS", left, len(entries))
			}
		})
	}
}

// TestSecondPublishIsRefused: while a publish of 2026-Q2 runs (its search
// indexer hangs), a publish of 2026-Q3 into the same releases folder stops
// at once, naming the lock and the process that holds it, and writes
// nothing. The first, killed, is finished by its own command again; then
// the second succeeds, and the site shows both releases.
func TestSecondPublishIsRefused(t *testing.T) {
	dir := t.TempDir()
	b := demoBundle(t, filepath.Join(dir, "bundle"), smallDemo)
	rel, out := filepath.Join(dir, "releases"), filepath.Join(dir, "public")
	args := func(quarter, date string) []string {
		return []string{"publish", "--site", repoRoot(t), "--from", b, "--quarter", quarter, "--releases", rel, "--out", out, "--date", date}
	}
	// A Pagefind that says it started (its process id) and hangs.
	started := filepath.Join(dir, "indexing")
	pagefind := filepath.Join(dir, "pagefind")
	writeFile(t, pagefind, fmt.Sprintf("#!/bin/sh\necho $$ > %[1]q.tmp && mv %[1]q.tmp %[1]q\nexec sleep 600\n", started))
	if err := os.Chmod(pagefind, 0o755); err != nil {
		t.Fatal(err)
	}
	first, firstOut := kinerjaEnv(t, []string{"KINERJA_PAGEFIND=" + pagefind}, args("2026-Q2", "2026-07-30")...)
	waitFor(t, "the first publish to index its site", 3*time.Minute, func() bool {
		_, err := os.Stat(started)
		return err == nil
	})
	if b, err := os.ReadFile(started); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) })
		}
	}

	r := run(t, nil, args("2026-Q3", "2026-10-30")...)
	want := fmt.Sprintf("kinerja: another kinerja publish is writing to the releases folder %q (lock %s, held by process %d (kinerja publish --quarter 2026-Q2))",
		rel, filepath.Join(rel, ".kinerja.lock"), first.Process.Pid)
	if r.code != exitError || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("a second publish while the first runs: exit %d\n%s\nwant exit %d and a message starting %q", r.code, r.stderr, exitError, want)
	}
	if _, err := os.Stat(filepath.Join(rel, "2026-q3")); err == nil {
		t.Errorf("the refused publish wrote releases/2026-q3")
	}

	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if !killedBySIGKILL(t, first) {
		t.Fatalf("the first publish ended before it was killed:\n%s", firstOut)
	}
	r = mustRun(t, nil, args("2026-Q2", "2026-07-30")...)
	if !strings.Contains(r.stderr, "recover:  a publish of 2026-Q2 v1 was interrupted after its release was written; finishing it: the site") {
		t.Errorf("re-running the killed publish:\n%s", r.stderr)
	}
	mustRun(t, nil, args("2026-Q3", "2026-10-30")...)
	feed := readFile(t, filepath.Join(out, "rilis", "feed.xml"))
	if n := strings.Count(feed, "<entry>"); n != 2 {
		t.Errorf("the feed has %d releases; want 2", n)
	}
	for _, q := range []string{"2026-q2", "2026-q3"} {
		if _, err := os.Stat(filepath.Join(rel, q, "v1", "manifest.json")); err != nil {
			t.Errorf("releases/%s: %v", q, err)
		}
	}
}

// TestBuildNamesAlteredReleases: a build from the releases folder names
// what was changed since it was published (an edited manifest, a deleted
// version, a release gone that the index lists) with what to do, and
// builds nothing; a folder an older kinerja wrote (no index) still
// builds, with one line saying so.
func TestBuildNamesAlteredReleases(t *testing.T) {
	dir := t.TempDir()
	b1 := demoBundle(t, filepath.Join(dir, "b1"), smallDemo)
	b2 := demoBundle(t, filepath.Join(dir, "b2"), func(ds *iku.Dataset) {
		smallDemo(ds)
		for i := range ds.Results {
			if ds.Results[i].IndicatorSlug == "bapperida-pengangguran-terbuka" && ds.Results[i].Quarter == iku.MustQuarter("2026-Q2") {
				ds.Results[i].Actual = iku.DecimalPtr("6.45")
			}
		}
	})
	rel, out := filepath.Join(dir, "releases"), filepath.Join(dir, "public")
	publish := func(bundle, quarter, date string, extra ...string) {
		mustRun(t, nil, append([]string{"publish", "--site", repoRoot(t), "--from", bundle, "--quarter", quarter, "--releases", rel, "--out", out, "--date", date}, extra...)...)
	}
	publish(b1, "2026-Q2", "2026-07-30")
	publish(b2, "2026-Q2", "2026-08-10", "--revise", "koreksi BPS")
	publish(b2, "2026-Q3", "2026-10-30")

	for _, c := range []struct {
		name  string
		alter func(dir string) error
		want  string // "" = builds
	}{
		{"an edited manifest", func(dir string) error {
			p := filepath.Join(dir, "2026-q2", "v1", "manifest.json")
			m, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, []byte(strings.Replace(string(m), `"published": "2026-07-30"`, `"published": "2026-07-01"`, 1)), 0o644)
		}, "2026-q2/v1/manifest.json was changed (its SHA-256 is not the one SHA256SUMS lists)"},
		{"a deleted version", func(dir string) error { return os.RemoveAll(filepath.Join(dir, "2026-q2", "v1")) }, "2026-q2/v1 is missing (SHA256SUMS lists it)"},
		{"a release gone", func(dir string) error { return os.RemoveAll(filepath.Join(dir, "2026-q3")) }, "2026-q3/v1 is missing (SHA256SUMS lists it)"},
		{"no index", func(dir string) error { return os.Remove(filepath.Join(dir, "SHA256SUMS")) }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			copied := filepath.Join(t.TempDir(), "releases")
			if err := os.CopyFS(copied, os.DirFS(rel)); err != nil {
				t.Fatal(err)
			}
			if err := c.alter(copied); err != nil {
				t.Fatal(err)
			}
			site := filepath.Join(t.TempDir(), "public")
			r := run(t, nil, "build", "--site", repoRoot(t), "--releases", copied, "--out", site, "--downloads=false")
			if c.want == "" {
				if r.code != 0 || !strings.Contains(r.stderr, "  note: the releases folder "+strconv.Quote(copied)+" has no SHA256SUMS yet") {
					t.Errorf("a build from a folder without an index: exit %d\n%s", r.code, r.stderr)
				}
				return
			}
			if r.code != exitError || !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "restore what is named from the office's copy of the releases") {
				t.Errorf("a build after %s: exit %d\n%s\nwant exit %d naming %q and what to do", c.name, r.code, r.stderr, exitError, c.want)
			}
			if _, err := os.Stat(site); err == nil {
				t.Errorf("a build after %s wrote %s", c.name, site)
			}
		})
	}
}

// TestRefusalSaysHowToBuildTheSite: a release whose site was never built
// into --out (its publish killed by a kinerja that kept no journal) is
// refused again, as it exists, but the refusal, with or without --revise,
// says how to build the site from the releases; once built, it does not.
func TestRefusalSaysHowToBuildTheSite(t *testing.T) {
	dir := t.TempDir()
	b := demoBundle(t, filepath.Join(dir, "bundle"), smallDemo)
	rel, out, elsewhere := filepath.Join(dir, "releases"), filepath.Join(dir, "public"), filepath.Join(dir, "elsewhere")
	publish := func(quarter, out string, extra ...string) result {
		return run(t, nil, append([]string{"publish", "--site", repoRoot(t), "--from", b, "--quarter", quarter, "--releases", rel, "--out", out, "--date", "2026-10-30"}, extra...)...)
	}
	if r := publish("2026-Q2", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := publish("2026-Q3", elsewhere); r.code != 0 {
		t.Fatal(r.stderr)
	}
	hint := fmt.Sprintf("if its publish was interrupted before the site in %q was built, build the site from the releases: kinerja build --releases %s --out %s", out, rel, out)
	for _, c := range []struct {
		extra []string
		says  string
	}{
		{nil, "the release 2026-Q3 already exists (version 1, published 2026-10-30)"},
		{[]string{"--revise", "koreksi"}, "the data of 2026-Q3 is the same as in its version 1, so there is nothing to revise"},
	} {
		r := publish("2026-Q3", out, c.extra...)
		if r.code != exitError || !strings.Contains(r.stderr, c.says) || !strings.Contains(r.stderr, hint) {
			t.Errorf("publish %v into a site not built from the release: exit %d\n%s\nwant %q and %q", c.extra, r.code, r.stderr, c.says, hint)
		}
	}
	mustRun(t, nil, "build", "--site", repoRoot(t), "--releases", rel, "--out", out)
	if r := publish("2026-Q3", out); r.code != exitError || strings.Contains(r.stderr, "kinerja build --releases") {
		t.Errorf("publish once the site is built: exit %d\n%s\nwant the refusal without the hint", r.code, r.stderr)
	}
}
