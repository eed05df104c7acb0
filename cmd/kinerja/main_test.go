package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

// TestMain lets the test binary be kinerja itself: testscripts run it as
// "kinerja", and the Hugo child process that a build starts is this binary
// re-executed as "kinerja __hugo …", exactly as with the real program.
func TestMain(m *testing.M) {
	testscript.Main(cleanupM{m}, map[string]func(){"kinerja": main})
}

// cleanupM removes what the package's shared fixtures left in the
// temporary folder once every test has run.
type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	code := c.m.Run()
	if demoOut != "" {
		os.RemoveAll(filepath.Dir(demoOut))
	}
	if inputOut != "" {
		os.RemoveAll(filepath.Dir(inputOut))
	}
	return code
}

// repoRoot is the site root: the repository, two folders up.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestScripts runs the CLI stories in testdata/script: what a user types.
func TestScripts(t *testing.T) {
	root := repoRoot(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", root)
			env.Setenv("HOME", env.WorkDir)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"jsonfield": jsonField,
			"httpget":   httpGet,
			"sql":       runSQL,
			// newdb makes a fresh test database and names it in
			// $DATABASE_URL, so that kinerja reads it by default.
			"newdb": func(ts *testscript.TestScript, neg bool, args []string) {
				ts.Setenv("DATABASE_URL", pgtest.New(t))
			},
		},
	})
}

// httpGet is the testscript command "httpget URL FILE": it fetches URL
// (retrying for up to a minute while a server starts) into FILE, and fails
// unless the answer is 200 OK.
func httpGet(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: httpget URL FILE")
	}
	deadline := time.Now().Add(time.Minute)
	for {
		resp, err := http.Get(args[0])
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				ts.Fatalf("GET %s: %s", args[0], resp.Status)
			}
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), b, 0o644))
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("GET %s: %v", args[0], err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// runSQL is the testscript command "sql STATEMENT": it runs one
// statement on $DATABASE_URL and fails unless it changed a row (or, for
// statements that change none, succeeded).
func runSQL(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sql 'STATEMENT'")
	}
	db, err := sql.Open("postgres", ts.Getenv("DATABASE_URL"))
	ts.Check(err)
	defer db.Close()
	res, err := db.Exec(args[0])
	ts.Check(err)
	if n, err := res.RowsAffected(); err == nil && n == 0 && !neg {
		ts.Fatalf("%s changed no row", args[0])
	}
}

// jsonField is the testscript command "jsonfield FILE PATH WANT": FILE
// must be a JSON document whose value at PATH (keys and array indexes
// joined by dots: findings.0.code) prints as WANT.
func jsonField(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: jsonfield FILE PATH WANT")
	}
	var v any
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &v); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	for _, k := range strings.Split(args[1], ".") {
		switch t := v.(type) {
		case map[string]any:
			v = t[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(t) {
				ts.Fatalf("%s: no element %q in an array of %d", args[1], k, len(t))
			}
			v = t[i]
		default:
			ts.Fatalf("%s: %q is not in a %T", args[1], k, v)
		}
	}
	got := fmt.Sprint(v)
	if (got == args[2]) == neg {
		ts.Fatalf("%s of %s is %q; want %s%q", args[1], args[0], got, map[bool]string{true: "not ", false: ""}[neg], args[2])
	}
}

// result is one in-process run of the program.
type result struct {
	code           int
	stdout, stderr string
}

// run runs kinerja in this process through the same Main the binary uses.
//
// With -short (go test -short ./...: everything but Chromium and the
// whole-site builds, in about a minute), a test that builds, serves or
// publishes a whole site is skipped; make test runs it.
func run(t testing.TB, env map[string]string, args ...string) result {
	t.Helper()
	if testing.Short() && len(args) > 0 && (args[0] == "build" || args[0] == "serve" || args[0] == "publish") {
		t.Skipf("kinerja %s builds a whole site: make test runs it (not -short)", args[0])
	}
	var stdout, stderr bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	code := m.Run(context.Background(), args)
	return result{code, stdout.String(), stderr.String()}
}

// mustRun is run that fails the test on a non-zero exit.
func mustRun(t testing.TB, env map[string]string, args ...string) result {
	t.Helper()
	r := run(t, env, args...)
	if r.code != 0 {
		t.Fatalf("kinerja %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

var (
	demoOnce sync.Once
	demoOut  string
	demoErr  string
)

// demoSite builds the embedded demo once for the whole package and returns
// the published folder. Tests must not modify it.
func demoSite(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("the demo site: make test builds it (not -short)")
	}
	root := repoRoot(t)
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kinerja-demo-")
		if err != nil {
			demoErr = err.Error()
			return
		}
		demoOut = filepath.Join(dir, "public")
		r := run(t, nil, "build", "--site", root, "--out", demoOut)
		if r.code != 0 {
			demoErr = r.stderr
		}
	})
	if demoErr != "" {
		t.Fatalf("building the demo site failed: %s", demoErr)
	}
	return demoOut
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
