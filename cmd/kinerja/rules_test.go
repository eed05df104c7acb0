package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

// The checks below read the demo bundle and the published HTML only, and
// work out which periods are due from the frequency codes themselves
// (DOMAIN.md, "Reporting frequency"), not from the generator's output.

var (
	reRow       = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	reRowPeriod = regexp.MustCompile(`<th scope="?row"? data-sort-value="?([0-9]{4}(?:-[QS][1-4])?)"?>`)
	reIkuLink   = regexp.MustCompile(`href="?/iku/([a-z0-9-]+)/"?`)
	reCounts    = regexp.MustCompile(`(?s)<ul class="?counts[^>]*data-total="?([0-9]+)"?>(.*?)</ul>(\s*<p class="?hint not-due"? data-n="?([0-9]+)"?)?`)
	reCount     = regexp.MustCompile(`<strong class="?cn"?>([0-9.]+)</strong>`)
)

// dueQuarters are the quarter numbers a frequency code is due in.
var dueQuarters = map[string][]int{"quarterly": {1, 2, 3, 4}, "semiannual": {2, 4}, "annual": {4}}

// periodQuarter is the quarter a period key of the pages is reported in:
// "2026-Q3" → 3, "2026-S1" → 2, "2026" → 4.
func periodQuarter(key string) (year, q int) {
	year, _ = strconv.Atoi(key[:4])
	switch {
	case len(key) == 4:
		return year, 4
	case key[5] == 'S':
		return year, 2 * int(key[6]-'0')
	}
	return year, int(key[6] - '0')
}

func TestDemoPagesFollowTheFrequencyRules(t *testing.T) {
	public := demoSite(t)
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	latest := iku.MustQuarter("2026-Q3")
	hasTarget := map[string]bool{} // slug/year/quarter (0 = annual)
	for _, tg := range ds.Targets {
		hasTarget[fmt.Sprintf("%s/%d/%d", tg.IndicatorSlug, tg.Year, tg.Quarter)] = true
	}
	reported := map[string]bool{} // slug/2026-Q3 with an actual
	for _, r := range ds.Results {
		if r.Actual != nil {
			reported[r.IndicatorSlug+"/"+r.Quarter.String()] = true
		}
	}
	targetFor := func(slug string, year, q int) bool {
		return hasTarget[fmt.Sprintf("%s/%d/%d", slug, year, q)] || hasTarget[fmt.Sprintf("%s/%d/0", slug, year)]
	}
	byFreq := map[string]int{}

	for _, ind := range ds.Indicators {
		f := string(ind.Frequency)
		due, ok := dueQuarters[f]
		if !ok {
			t.Fatalf("demo indicator %q has frequency %q", ind.Slug, f)
		}
		byFreq[f]++
		// The periods the page must list: every due quarter in force up to the latest.
		var want []string
		for q := ind.ValidFrom; !latest.Before(q) && (ind.ValidTo == nil || !ind.ValidTo.Before(q)); q = q.Add(1) {
			for _, d := range due {
				if q.Q == d {
					want = append(want, q.String())
				}
			}
		}
		page := readFile(t, filepath.Join(public, "iku", ind.Slug, "index.html"))
		table := page[strings.Index(page, `id="cap-quarters"`)+1:]
		table = table[:strings.Index(table, "</table>")]
		var got []string
		for _, m := range reRow.FindAllStringSubmatch(table, -1) {
			pm := reRowPeriod.FindStringSubmatch(m[1])
			if pm == nil {
				continue
			}
			year, q := periodQuarter(pm[1])
			got = append(got, fmt.Sprintf("%d-Q%d", year, q))
			if strings.Contains(m[1], "target belum ditetapkan") && targetFor(ind.Slug, year, q) {
				t.Errorf("/iku/%s/ says \"target belum ditetapkan\" for %s, which has a target", ind.Slug, pm[1])
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("/iku/%s/ (%s) lists the periods due in\n\t%v\nwant\t%v", ind.Slug, f, got, want)
		}
		// The latest state names its period; one that is not due now says when the next is.
		if f != "quarterly" && !strings.Contains(page, "data berikutnya: Triwulan IV 2026") && (ind.ValidTo == nil) {
			t.Errorf("/iku/%s/ (%s) does not say when the next figure is due", ind.Slug, f)
		}
		if f == "annual" && strings.Contains(page, "Kondisi terbaru: Triwulan") {
			t.Errorf("/iku/%s/ (annual) names its latest state by a quarter", ind.Slug)
		}
	}
	if byFreq["semiannual"] == 0 || byFreq["annual"] == 0 {
		t.Fatalf("the demo has frequencies %v; want half-yearly and annual indicators", byFreq)
	}

	// Lists (indicator index, agency and sector pages): an indicator not
	// due now shows its latest due period, never "Belum dilaporkan" when
	// that period was reported, nor "target belum ditetapkan" when it has
	// a target.
	freq := map[string]iku.Indicator{}
	for _, ind := range ds.Indicators {
		freq[ind.Slug] = ind
	}
	lists := []string{"iku/index.html"}
	for _, a := range ds.Agencies {
		lists = append(lists, "opd/"+a.Slug+"/index.html")
	}
	for _, s := range ds.Sectors {
		lists = append(lists, "sektor/"+s.Slug+"/index.html")
	}
	for _, p := range lists {
		page := readFile(t, filepath.Join(public, p))
		for _, m := range reRow.FindAllStringSubmatch(page, -1) {
			lm := reIkuLink.FindStringSubmatch(m[1])
			if lm == nil {
				continue
			}
			ind := freq[lm[1]]
			last := latest
			if ind.ValidTo != nil && ind.ValidTo.Before(last) {
				last = *ind.ValidTo
			}
			for !ind.Frequency.Due(last.Q) {
				last = last.Add(-1)
			}
			if strings.Contains(m[1], "Belum dilaporkan") && reported[ind.Slug+"/"+last.String()] {
				t.Errorf("/%s: %s (%s) is \"Belum dilaporkan\" although %s was reported", p, ind.Slug, ind.Frequency, last)
			}
			if strings.Contains(m[1], "target belum ditetapkan") && targetFor(ind.Slug, last.Year, last.Q) {
				t.Errorf("/%s: %s says \"target belum ditetapkan\" for %s, which has a target", p, ind.Slug, last)
			}
		}
	}

	// Every overview's counts add up to its number of indicators, with the
	// indicators not due on a line of their own.
	overviews := append([]string{"index.html", "opd/index.html"}, lists[1:]...)
	notDue := 0
	for _, p := range overviews {
		page := readFile(t, filepath.Join(public, p))
		ms := reCounts.FindAllStringSubmatch(page, -1)
		if len(ms) == 0 {
			t.Errorf("/%s has no status counts", p)
		}
		for _, m := range ms {
			total, _ := strconv.Atoi(m[1])
			sum := 0
			for _, c := range reCount.FindAllStringSubmatch(m[2], -1) {
				n, _ := strconv.Atoi(strings.ReplaceAll(c[1], ".", ""))
				sum += n
			}
			if m[4] != "" {
				n, _ := strconv.Atoi(m[4])
				sum += n
				if p == "index.html" {
					notDue = max(notDue, n)
				}
			}
			if sum != total {
				t.Errorf("/%s: status counts add up to %d; want the %d indicators", p, sum, total)
			}
		}
	}
	home := readFile(t, filepath.Join(public, "index.html"))
	if notDue == 0 || !strings.Contains(home, fmt.Sprintf("%d indikator tidak dijadwalkan triwulan ini (semesteran/tahunan); berikutnya Triwulan IV 2026", notDue)) {
		t.Errorf("the home page has no \"not due\" line (found %d not due)", notDue)
	}
}

// TestBadNumbersAndFrequencyFailTheBuild: a frequency outside the three
// codes, a 400-digit value and a 400-decimal value each stop the build with
// one sentence naming the indicator, exit 1, the published site untouched
// and no debris, from a bundle and from PostgreSQL.
func TestBadNumbersAndFrequencyFailTheBuild(t *testing.T) {
	dir := t.TempDir()
	public := filepath.Join(dir, "public")
	mustRun(t, nil, "build", "--site", repoRoot(t), "--out", public)
	before := tree(t, public)
	debris := func() []string {
		a, _ := filepath.Glob(filepath.Join(dir, "public.new-*"))
		b, _ := filepath.Glob(filepath.Join(repoRoot(t), ".build", "build-*"))
		return append(a, b...)
	}
	debrisBefore := len(debris())

	long := strings.Repeat("7", 400)
	check := func(name, want string, args ...string) {
		t.Helper()
		r := run(t, nil, append([]string{"build", "--site", repoRoot(t), "--out", public}, args...)...)
		if r.code != exitError {
			t.Errorf("%s: exit %d; want %d\n%s", name, r.code, exitError, r.stderr)
		}
		msg := strings.TrimSpace(r.stderr[strings.LastIndex(r.stderr, "kinerja: "):])
		if !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q; want one sentence containing %q", name, msg, want)
		}
		unchanged(t, name+": public", before, tree(t, public))
		if n := len(debris()); n != debrisBefore {
			t.Errorf("%s: left debris: %v", name, debris())
		}
	}

	edits := []struct {
		name string
		edit func(ds *iku.Dataset)
		want string
	}{
		{"unknown frequency", func(ds *iku.Dataset) { ds.Indicators[3].Frequency = "Triwulanan" },
			`has frequency "Triwulanan"; use quarterly, semiannual or annual`},
		{"400 digits", func(ds *iku.Dataset) { ds.Results[10].Actual = iku.DecimalPtr(long) },
			"which has 400 digits before the decimal point"},
		{"400 decimals", func(ds *iku.Dataset) { ds.Results[10].Actual = iku.DecimalPtr("1." + long) },
			"which has 400 decimal places"},
	}
	for _, e := range edits {
		ds, err := bundle.Demo().Load(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		e.edit(ds)
		slug := ds.Indicators[3].Slug
		if e.name != "unknown frequency" {
			slug = ds.Results[10].IndicatorSlug
		}
		b := filepath.Join(t.TempDir(), "bundle")
		if err := bundle.Write(b, ds); err != nil {
			t.Fatal(err)
		}
		check("bundle, "+e.name, fmt.Sprintf("%q", slug), "--from", b)
		check("bundle, "+e.name, e.want, "--from", b)
	}

	// The same from PostgreSQL.
	dsn := pgtest.New(t)
	mustRun(t, nil, "db", "migrate", "--db", dsn)
	mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const slug = "dinkes-ikm"
	// A city's own tables may lack the reference schema's CHECK.
	if _, err := db.Exec(`ALTER TABLE kinerja.indicators DROP CONSTRAINT indicators_frequency_code`); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, `UPDATE kinerja.indicators SET frequency = 'bulanan' WHERE slug = $1`, slug)
	check("database, unknown frequency", `indicator "dinkes-ikm" has frequency "bulanan"; use quarterly, semiannual or annual`, "--db", dsn)
	mustExec(t, db, `UPDATE kinerja.indicators SET frequency = 'quarterly' WHERE slug = $1`, slug)
	for _, v := range []struct{ value, want string }{{long, "400 digits before"}, {"1." + long, "400 decimal places"}} {
		mustExec(t, db, `UPDATE kinerja.quarterly_entries SET value = $2::numeric
			WHERE year = 2026 AND quarter = 1 AND indicator_id = (SELECT id FROM kinerja.indicators WHERE slug = $1)`, slug, v.value)
		check("database, "+v.want, `of indicator "dinkes-ikm" for 2026-Q1 is`, "--db", dsn)
		check("database, "+v.want, v.want, "--db", dsn)
	}
}

// TestPagesDoNotDiscloseTheDatabase: no page of a build from PostgreSQL
// names the database's host, port, user or database; and no page shows
// the build's data-check warnings, which are for the publisher.
func TestPagesDoNotDiscloseTheDatabase(t *testing.T) {
	dsn := pgtest.New(t)
	mustRun(t, nil, "db", "migrate", "--db", dsn)
	mustRun(t, nil, "db", "seed", "--demo", "--db", dsn)
	// The DSN is a URL (DATABASE_URL) or key=value pairs (pgtest's own).
	parts := map[string]string{}
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		parts = map[string]string{"host": u.Hostname(), "port": u.Port(), "user": u.User.Username(), "dbname": strings.TrimPrefix(u.Path, "/")}
	} else {
		for _, kv := range strings.Fields(dsn) {
			if k, v, ok := strings.Cut(kv, "="); ok {
				parts[k] = strings.Trim(v, "'")
			}
		}
	}
	if parts["dbname"] == "" || parts["user"] == "" {
		t.Fatalf("cannot read the database name and user from %q", dsn)
	}
	public := filepath.Join(t.TempDir(), "public")
	r := mustRun(t, nil, "build", "--site", repoRoot(t), "--db", dsn, "--out", public)
	if !strings.Contains(r.stderr, "warning:") {
		t.Fatalf("the demo build printed no data-check warning to check for:\n%s", r.stderr)
	}
	warning := strings.TrimSpace(strings.SplitN(r.stderr[strings.Index(r.stderr, "warning:")+len("warning:"):], "\n", 2)[0])
	// "Sumber data: PostgreSQL …" was the line pages once had; "Sumber
	// data" alone is the title of the indicators' source column.
	secrets := []string{parts["dbname"], parts["user"] + "@", "Sumber data: PostgreSQL"}
	if parts["host"] != "" && !strings.HasPrefix(parts["host"], "/") {
		secrets = append(secrets, parts["host"])
	}
	if parts["port"] != "" {
		secrets = append(secrets, ":"+parts["port"])
	}
	for p, body := range tree(t, public) {
		for _, s := range secrets {
			if s != "" && strings.Contains(string(body), s) {
				i := strings.Index(string(body), s)
				t.Errorf("public/%s contains %q from the connection string: …%q…", p, s, string(body)[max(0, i-60):min(len(body), i+60)])
			}
		}
		if strings.Contains(string(body), "add the target") || strings.Contains(string(body), warning) {
			t.Errorf("public/%s shows a data-check warning for the publisher", p)
		}
	}
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		t.Fatal(err)
	}
}
