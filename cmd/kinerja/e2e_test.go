package main

import (
	"golang.org/x/net/html"

	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	_ "github.com/lib/pq"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

// buildKept builds with the given arguments, keeping the build folder (the
// generated data and charts Hugo read) in dir/build and the site in
// dir/public.
func buildKept(t *testing.T, dir string, env map[string]string, args ...string) (build, public string) {
	t.Helper()
	build, public = filepath.Join(dir, "build"), filepath.Join(dir, "public")
	if env == nil {
		env = map[string]string{}
	}
	env["KINERJA_BUILD_DIR"] = build
	mustRun(t, env, append([]string{"build", "--site", repoRoot(t), "--out", public}, args...)...)
	return build, public
}

// TestDatabaseBuildEqualsDemoBuild: migrate, seed the demo and build from
// PostgreSQL; the generated data (and so every number on every page) is
// the same as the embedded demo's, and no personal data reaches the site.
func TestDatabaseBuildEqualsDemoBuild(t *testing.T) {
	dsn := pgtest.New(t)
	mustRun(t, nil, "db", "migrate", "--db", dsn)
	mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)

	dbBuild, dbPublic := buildKept(t, t.TempDir(), nil, "--db", dsn)
	demoBuild, demoPublic := buildKept(t, t.TempDir(), nil)

	dbFiles, demoFiles := tree(t, dbBuild), tree(t, demoBuild)
	if len(dbFiles) < 100 {
		t.Fatalf("the database build generated only %d files", len(dbFiles))
	}
	for _, name := range union(dbFiles, demoFiles) {
		a, b := dbFiles[name], demoFiles[name]
		if name == "mounts.toml" {
			continue // names the build folder itself
		}
		if strings.HasPrefix(name, "static/") && !strings.HasSuffix(name, ".csv") {
			continue // the files that carry metadata say whether the data is fictitious
		}
		if name == "data/kinerja/meta.json" {
			a, b = withoutProvenance(t, a), withoutProvenance(t, b)
		}
		if strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, "static/") {
			a, b = withoutSizes(t, a), withoutSizes(t, b)
		}
		if strings.HasSuffix(name, "/releases.json") {
			// A release's suggested post starts with the demo's mark.
			for _, mark := range []string{`Data contoh — bukan data resmi.\n`, `Sample data — not official data.\n`} {
				b = bytes.ReplaceAll(b, []byte(mark), nil)
			}
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the database build and the demo build", name)
		}
	}

	// The same pages exist, and the demo label is only on the demo.
	dbPages, demoPages := tree(t, dbPublic), tree(t, demoPublic)
	// The downloads (kept outside the build folder, linked into the site)
	// hold the same rows; the files that carry metadata say whether the
	// data is fictitious.
	csvs := 0
	for _, name := range union(dbPages, demoPages) {
		if strings.HasPrefix(name, "data/") && strings.HasSuffix(name, ".csv") {
			csvs++
			if !bytes.Equal(dbPages[name], demoPages[name]) {
				t.Errorf("%s differs between the database build and the demo build", name)
			}
		}
	}
	if csvs < 100 {
		t.Errorf("compared %d CSV downloads; want every one", csvs)
	}
	if got, want := strings.Join(htmlNames(dbPages), " "), strings.Join(htmlNames(demoPages), " "); got != want {
		t.Errorf("pages differ:\n db:   %s\n demo: %s", got, want)
	}
	if bytes.Contains(dbPages["index.html"], []byte("Data contoh")) {
		t.Error("the database build carries the demo label")
	}
	if !bytes.Contains(demoPages["index.html"], []byte("Data contoh")) {
		t.Error("the demo build lacks the demo label")
	}

	// Privacy: the canary civil servant is in asn, and nowhere in public/.
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name string
	if err := db.QueryRow(`SELECT name FROM asn.employees WHERE nip = $1`, demo.Canary.NIP).Scan(&name); err != nil {
		t.Fatalf("the canary is not in asn.employees: %v", err)
	}
	noPersonalData(t, dbPages, demo.Canary.NIP, demo.Canary.Name, name)
	// Everything the build generated: the data the pages are made from, and
	// the downloads (which the site links in from the file cache).
	generated := tree(t, dbBuild)
	for p, b := range dbPages {
		if strings.HasPrefix(p, "data/") || strings.HasPrefix(p, "api/") {
			generated["public/"+p] = b
		}
	}
	noPersonalData(t, generated, demo.Canary.NIP, demo.Canary.Name, name)
	// …and the exporter's role cannot read asn at all.
	if _, err := db.Exec(`SET ROLE portal_reader`); err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`SELECT * FROM asn.employees`)
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("portal_reader reading asn.employees: err = %v; want permission denied", err)
	}
	if _, err := db.Exec(`RESET ROLE`); err != nil {
		t.Fatal(err)
	}
}

// nip is what an 18-digit NIP looks like inside any text: a birth date
// (19xx/20xx, month, day), an appointment year and month, sex 1 or 2.
var nip = regexp.MustCompile(`(^|[^0-9])(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(19|20)[0-9]{2}(0[1-9]|1[0-2])[12][0-9]{3}($|[^0-9])`)

// noPersonalData fails when any file (and any file inside a zip, an XLSX
// included) holds one of the secrets or an 18-digit number shaped like a
// NIP, and checks that the ratings table was published.
func noPersonalData(t *testing.T, files map[string][]byte, secrets ...string) {
	t.Helper()
	ratings := false
	var check func(path string, body []byte)
	check = func(path string, body []byte) {
		if strings.HasSuffix(path, ".zip") || strings.HasSuffix(path, ".xlsx") {
			zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil {
				t.Errorf("%s: %v", path, err)
				return
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					t.Fatal(err)
				}
				check(path+"!"+f.Name, b)
			}
			return
		}
		if strings.Contains(path, "asn-predikat") || strings.HasSuffix(path, "ratings.csv") {
			ratings = true
		}
		for _, secret := range secrets {
			if bytes.Contains(body, []byte(secret)) {
				t.Errorf("%s contains the canary's personal data %q", path, secret)
			}
		}
		if m := nip.Find(body); m != nil {
			t.Errorf("%s contains an 18-digit number shaped like a NIP: %q", path, m)
		}
	}
	for path, body := range files {
		check(path, body)
	}
	if !ratings {
		t.Error("no ratings table was published, so the canary check proves little")
	}
}

// TestZeroTargetAndNullActualFromDatabase: a target of zero and a NULL
// actual reach the pages as states, never as a number.
func TestZeroTargetAndNullActualFromDatabase(t *testing.T) {
	dsn := pgtest.New(t)
	mustRun(t, nil, "db", "migrate", "--db", dsn)
	mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// Pick a quarterly-entry indicator (not a sum, so the latest quarter is
	// evaluated on its own) and a second one: zero the first one's 2026
	// annual target, null the second one's latest actual.
	rows, err := db.Query(`SELECT DISTINCT i.slug FROM kinerja.indicators i
		JOIN kinerja.quarterly_entries e ON e.indicator_id = i.id
		WHERE i.consolidation <> 'sum' AND i.polarity = 'positive'
		  AND e.year = 2026 AND e.quarter = 3 AND e.value IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM kinerja.targets t WHERE t.indicator_id = i.id AND t.quarter IS NOT NULL)
		ORDER BY i.slug LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, s)
	}
	if len(slugs) != 2 {
		t.Fatalf("the demo has %d suitable indicators; want 2", len(slugs))
	}
	zero, null := slugs[0], slugs[1]
	mustExec(t, db, `UPDATE kinerja.targets SET value = 0, value_high = NULL
		WHERE year = 2026 AND quarter IS NULL AND indicator_id = (SELECT id FROM kinerja.indicators WHERE slug = $1)`, zero)
	mustExec(t, db, `UPDATE kinerja.quarterly_entries SET value = NULL, numerator = NULL, denominator = NULL
		WHERE year = 2026 AND quarter = 3 AND indicator_id = (SELECT id FROM kinerja.indicators WHERE slug = $1)`, null)

	_, public := buildKept(t, t.TempDir(), nil, "--db", dsn)
	// The API document of each indicator: its 2026-Q3 quarter row.
	latest := func(slug string) (status string, actual, achievement *string) {
		var doc struct {
			Series []struct {
				Period      string  `json:"period"`
				Status      string  `json:"status"`
				Actual      *string `json:"actual"`
				Achievement *string `json:"achievement"`
			} `json:"series"`
		}
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(public, "api/v1/iku", slug+".json"))), &doc); err != nil {
			t.Fatal(err)
		}
		for _, r := range doc.Series {
			if r.Period == "2026-Q3" {
				return r.Status, r.Actual, r.Achievement
			}
		}
		t.Fatalf("/api/v1/iku/%s.json has no 2026-Q3 row", slug)
		return "", nil, nil
	}
	zs, _, za := latest(zero)
	if zs != string(iku.StatusMet) && zs != string(iku.StatusNotMet) {
		t.Errorf("%s with a zero target: status %q; want met or not_met", zero, zs)
	}
	if za != nil {
		t.Errorf("%s with a zero target has achievement %q; want none", zero, *za)
	}
	ns, na, _ := latest(null)
	if ns != string(iku.StatusNotReported) || na != nil {
		t.Errorf("%s with a NULL actual: status %q, actual %v; want not_reported and no actual", null, ns, na)
	}
	zeroPage := readFile(t, filepath.Join(public, "iku", zero, "index.html"))
	if !strings.Contains(zeroPage, "Tercapai") && !strings.Contains(zeroPage, "Tidak tercapai") {
		t.Errorf("/iku/%s/ does not state whether the zero target was met", zero)
	}
	nullPage := readFile(t, filepath.Join(public, "iku", null, "index.html"))
	if !strings.Contains(nullPage, "Belum dilaporkan") {
		t.Errorf("/iku/%s/ does not say the actual is not reported", null)
	}
}

// TestDatabaseErrorsLeavePublishedSite: wrong password and missing views
// give their sentence and leave the published site as it was.
func TestDatabaseErrorsLeavePublishedSite(t *testing.T) {
	dir := t.TempDir()
	public := filepath.Join(dir, "public")
	mustRun(t, nil, "build", "--site", repoRoot(t), "--out", public)
	before := tree(t, public)

	check := func(name string, code int, want string, args ...string) {
		t.Helper()
		r := run(t, nil, append([]string{"build", "--site", repoRoot(t), "--out", public}, args...)...)
		if r.code != code {
			t.Errorf("%s: exit %d; want %d\n%s", name, r.code, code, r.stderr)
		}
		if !strings.Contains(r.stderr, want) {
			t.Errorf("%s: stderr %q; want it to contain %q", name, r.stderr, want)
		}
		if lines := strings.Count(strings.TrimSpace(r.stderr), "\n"); lines > 0 {
			t.Errorf("%s: %d lines of error; want one sentence:\n%s", name, lines+1, r.stderr)
		}
		unchanged(t, name+": public", before, tree(t, public))
	}

	cluster := pgtest.NewCluster(t, "scram-sha-256")
	check("wrong password", exitUnavailable, "password", "--db", cluster.DSNAs("postgres", "wrong-password", "postgres"))

	empty := pgtest.New(t) // no migrations: no publik views
	check("missing views", exitError, "kinerja db migrate", "--db", empty)
	check("unreachable", exitUnavailable, "cannot reach", "--db", "postgres://postgres@127.0.0.1:1/x?sslmode=disable&connect_timeout=2")
}

// TestHostileAgencyName: an agency named like an attack is shown as text
// on every page that names it.
func TestHostileAgencyName(t *testing.T) {
	const hostile = `</script><img src=x onerror=alert(1)>`
	public := hostileSite(t, hostile)
	// Minified HTML may write ">" in text unescaped; "<" is always escaped.
	escaped := "&lt;/script>&lt;img src=x onerror=alert(1)>"
	pages := tree(t, public)
	naming := 0
	for path, body := range pages {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		// Read as a browser reads it: the name may stand in a quoted
		// attribute (og:title), where "<" is text, but must never make an
		// element or a script.
		if el := injected(body); el != "" {
			t.Errorf("public/%s contains the agency name as markup: %s", path, el)
		}
		if bytes.Contains(normalise(body), []byte(escaped)) {
			naming++
		}
	}
	for _, p := range []string{"opd/dinas-kesehatan/index.html", "opd/index.html"} {
		if !bytes.Contains(normalise(pages[p]), []byte(escaped)) {
			t.Errorf("public/%s does not show the agency name as text", p)
		}
	}
	if naming < 3 {
		t.Errorf("only %d pages name the agency", naming)
	}
}

// injected returns the first element or script the hostile name made in
// an HTML page, tokenised as a browser does, or "".
func injected(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "img" {
				for _, a := range tok.Attr {
					if a.Key == "onerror" || a.Val == "x" {
						return tok.String()
					}
				}
			}
			inScript = tok.Data == "script"
		case html.TextToken:
			// In a script element (the charts' JSON data) the name must
			// stay escaped, so that it can end nothing.
			if inScript && (strings.Contains(string(z.Text()), "<img") || strings.Contains(string(z.Text()), "</script")) {
				return "a script holding the name unescaped"
			}
		case html.EndTagToken:
			inScript = false
		}
	}
}

// hostileSite builds the demo with Dinas Kesehatan renamed.
func hostileSite(t *testing.T, name string) string {
	t.Helper()
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range ds.Agencies {
		if ds.Agencies[i].Slug == "dinas-kesehatan" {
			ds.Agencies[i].Name = name
			found = true
		}
	}
	if !found {
		t.Fatal("the demo has no agency dinas-kesehatan")
	}
	dir, err := os.MkdirTemp("", "kinerja-hostile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := bundle.Write(filepath.Join(dir, "bundle"), ds); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	mustRun(t, nil, "build", "--site", repoRoot(t), "--from", filepath.Join(dir, "bundle"), "--out", public)
	return public
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	res, err := db.Exec(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatalf("%s %v changed no row", q, args)
	}
}

// unchanged reports each file that differs between two trees (changed,
// added or removed) as "<what>/<path> changed".
func unchanged(t *testing.T, what string, before, after map[string][]byte) {
	t.Helper()
	for _, p := range union(before, after) {
		if !bytes.Equal(before[p], after[p]) {
			t.Errorf("%s/%s changed", what, p)
		}
	}
}

// tree reads every file under dir, by slash-separated relative path.
func tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func union(a, b map[string][]byte) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func htmlNames(files map[string][]byte) []string {
	var out []string
	for k := range files {
		if strings.HasSuffix(k, ".html") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// withoutProvenance drops what legitimately differs between two sources
// (where the data came from, when, and the demo flag) from meta.json.
func withoutProvenance(t *testing.T, b []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "source")
	delete(m, "generated")
	delete(m, "demo")
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// withoutSizes drops the sizes of downloads ("bytes", "size" and the
// data page's sum of them) and the demo flag from site data:
// the files that carry metadata say whether the data is fictitious, so
// their sizes differ between the demo and the same data from a database.
func withoutSizes(t *testing.T, b []byte) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var strip func(v any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			// The display model writes sizes as numbers and as words,
			// and the data page's lead sums them up.
			delete(x, "bytes")
			delete(x, "size")
			delete(x, "demo")
			if _, ok := x["catalogue"]; ok {
				delete(x, "lead")
			}
			for _, c := range x {
				strip(c)
			}
		case []any:
			for _, c := range x {
				strip(c)
			}
		}
	}
	strip(v)
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// normalise writes "&gt;" as ">", so that text escaped by html/template and
// text minified by Hugo compare equal.
func normalise(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte("&gt;"), []byte(">"))
}
