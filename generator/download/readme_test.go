package download

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestReadmeQueryOneAnswer runs the README's two answers to "which
// agencies missed more than half of their 2025 targets?" (pandas on
// iku-tahunan.csv, SQL on kinerja.sqlite) on the demo's files, as
// written there, and gets the same agencies, as many as the README says.
func TestReadmeQueryOneAnswer(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	const heading = "### One question, one answer: which agencies missed more than half of their 2025 targets?"
	i := strings.Index(section, heading)
	if i < 0 {
		t.Fatalf("README.md has no section %q", heading)
	}
	section = section[i:]
	if j := strings.Index(section[len(heading):], "\n#"); j >= 0 {
		section = section[:len(heading)+j]
	}
	block := func(lang string) string {
		m := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```").FindStringSubmatch(section)
		if m == nil {
			t.Fatalf("README.md, %q: no ```%s block", heading, lang)
		}
		return m[1]
	}
	pandas, query := block("python"), block("sql")
	said := regexp.MustCompile(`in the demo data, (\d+) of (\d+)`).FindStringSubmatch(section)
	if said == nil {
		t.Fatalf("README.md, %q: no sentence \"in the demo data, N of M\"", heading)
	}

	files := sharedFiles(t)
	dir := t.TempDir()
	for _, name := range []string{YearsTable + ".csv", SQLiteFile} {
		if err := os.WriteFile(filepath.Join(dir, name), files["data/"+name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const site = `"https://kinerja.tanjungbalaikota.go.id/data/"`
	if !strings.Contains(pandas, site) {
		t.Fatalf("the README's pandas code does not read from %s", site)
	}
	// The pandas code as written, reading the local files, then the
	// agencies it printed; the SQL as written, through Python's sqlite3.
	script := strings.Replace(pandas, site, strconv.Quote(dir+"/"), 1) + `
import json, sqlite3
answer = per_agency[per_agency["missed"] > per_agency["targets"] / 2].sort_index()
db = sqlite3.connect(` + strconv.Quote(filepath.Join(dir, SQLiteFile)) + `)
sql = [r[0] for r in db.execute(` + strconv.Quote(query) + `)]
print(json.dumps({"pandas": list(answer.index), "sql": sql, "agencies": db.execute("SELECT COUNT(*) FROM agencies").fetchone()[0]}))
`
	py := python(t, "pandas", "python3-pandas")
	cmd := exec.Command(py, "-c", script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the README's code: %v\n%s", err, stderr.Bytes())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var got struct {
		Pandas   []string `json:"pandas"`
		SQL      []string `json:"sql"`
		Agencies int      `json:"agencies"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !slices.Equal(got.Pandas, got.SQL) || len(got.SQL) == 0 {
		t.Errorf("the README's query: pandas on %s.csv gives %q; SQL on %s gives %q; want the same agencies", YearsTable, got.Pandas, SQLiteFile, got.SQL)
	}
	if said[1] != strconv.Itoa(len(got.SQL)) || said[2] != strconv.Itoa(got.Agencies) {
		t.Errorf("README.md says %s of %s agencies; the demo's files give %d of %d", said[1], said[2], len(got.SQL), got.Agencies)
	}
}
