package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary play kinerja's hidden Hugo command, so that
// Build re-executes it exactly as the real binary re-executes itself.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == HugoCommand {
		if err := RunHugo(os.Args[2:]); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	if spec := os.Getenv(parentEnv); spec != "" {
		runParent(spec)
	}
	os.Exit(m.Run())
}

// miniSite writes a site root whose home page prints a value from the
// generated data, and a build folder holding that value.
func miniSite(t *testing.T, value, layout string) (root, build string) {
	t.Helper()
	root, build = t.TempDir(), t.TempDir()
	write := func(p, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "hugo.toml"), "baseURL = \"/\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"404\"]\n")
	write(filepath.Join(root, "layouts", "home.html"), layout)
	write(filepath.Join(build, "data", "kinerja", "meta.json"), `{"value": "`+value+`"}`)
	return root, build
}

func options(root, build, out string) Options {
	exe, _ := os.Executable()
	return Options{SiteRoot: root, BuildDir: build, Out: out, Self: exe, Argv0: "site.test"}
}

func TestBuildWritesAndReplaces(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "public")
	layout := `<p>{{ site.Data.kinerja.meta.value }}</p>`
	root, build := miniSite(t, "first", layout)
	st, err := Build(ctx, options(root, build, out))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if st.Pages != 1 {
		t.Errorf("Build wrote %d pages; want 1", st.Pages)
	}
	assertHome(t, out, "<p>first</p>")

	root2, build2 := miniSite(t, "second", layout)
	if _, err := Build(ctx, options(root2, build2, out)); err != nil {
		t.Fatalf("second Build: %v", err)
	}
	assertHome(t, out, "<p>second</p>")
	leftovers, _ := filepath.Glob(out + ".new-*")
	if len(leftovers) != 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestFailedBuildKeepsPublishedSite(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "public")
	root, build := miniSite(t, "published", `<p>{{ site.Data.kinerja.meta.value }}</p>`)
	if _, err := Build(ctx, options(root, build, out)); err != nil {
		t.Fatalf("Build: %v", err)
	}
	before, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// A template that fails at execution time.
	badRoot, badBuild := miniSite(t, "broken", `<p>{{ errorf "deliberate failure" }}</p>`)
	_, err = Build(ctx, options(badRoot, badBuild, out))
	if err == nil {
		t.Fatal("Build with a failing template succeeded; want an error")
	}
	if !strings.Contains(err.Error(), "unchanged") {
		t.Errorf("error %q does not say the published site is unchanged", err)
	}
	after, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatalf("published site damaged: %v", err)
	}
	if string(after) != string(before) {
		t.Errorf("published index.html changed to %q; want %q", after, before)
	}
	leftovers, _ := filepath.Glob(out + ".new-*")
	if len(leftovers) != 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, build := miniSite(t, "x", `<p>x</p>`)
	_, err := Build(context.Background(), options(root, build, out))
	if err == nil || !strings.Contains(err.Error(), "did not build") {
		t.Fatalf("Build into a foreign folder: err = %v; want a refusal", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "thesis.docx")); err != nil || string(b) != "precious" {
		t.Errorf("foreign file damaged: %q, %v", b, err)
	}
}

func assertHome(t *testing.T, out, want string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), want) {
		t.Errorf("index.html = %q; want it to contain %q", b, want)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("marker missing: %v", err)
	}
}

// Hugo's warnings reach the user even when the build succeeds.
func TestWarningsAreShown(t *testing.T) {
	root, build := miniSite(t, "x", `{{ warnf "the category table has %d rows" 5 }}<p>x</p>`)
	var stderr strings.Builder
	o := options(root, build, filepath.Join(t.TempDir(), "public"))
	o.Stderr = &stderr
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "hugo: the category table has 5 rows") {
		t.Errorf("stderr %q lacks Hugo's warning", stderr.String())
	}
}
