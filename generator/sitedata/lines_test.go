package sitedata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// writeSite writes one settings file (and a minimal hugo.toml) into a
// new site folder.
func writeSite(t *testing.T, name, body string) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{"hugo.toml": "baseURL = \"https://kinerja.example.go.id/\"\n"}
	files[name] = body
	for n, b := range files {
		p := filepath.Join(root, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// A settings file the office got wrong is named with its file and line,
// in one sentence that says what to write instead.
func TestSettingsErrorsNameFileAndLine(t *testing.T) {
	load := map[string]func(root string) error{
		"data/kalender.toml": func(root string) error { _, err := LoadCalendar(root); return err },
		"data/kategori.toml": func(root string) error { _, err := LoadRules(root); return err },
		"data/privasi.toml":  func(root string) error { _, err := LoadPrivacy(root); return err },
		"hugo.toml":          func(root string) error { _, err := LoadConfig(root); return err },
	}
	const cal = "[[rilis]]\ntriwulan = \"2026-Q3\"\ntanggal = \"2026-10-30\"\n[[rilis]]\ntriwulan = \"2026-Q4\"\n"
	tests := []struct {
		name, file, body string
		want             []string // in the message, in order
	}{
		{"impossible TOML date", "data/kalender.toml", cal + "tanggal = 2027-01-32\n",
			[]string{"kalender.toml:6:", "impossible date"}},
		{"impossible day in quotes", "data/kalender.toml", cal + "tanggal = \"2027-02-30\"\n",
			[]string{"kalender.toml:6: ", `the day "2027-02-30" of release 2 (2026-Q4)`, "fix tanggal"}},
		{"number for a day", "data/kalender.toml", cal + "tanggal = 20270129\n",
			[]string{"kalender.toml:6: ", `the day "20270129"`}},
		{"bad quarter", "data/kalender.toml", cal + "tanggal = \"2027-01-29\"\n[[rilis]]\ntriwulan = \"2027-Q5\"\ntanggal = \"2027-04-30\"\n",
			[]string{"kalender.toml:8: ", `the quarter "2027-Q5" of release 3`}},
		{"misspelt key", "data/kalender.toml", cal + "tangal = \"2027-01-29\"\n",
			[]string{"kalender.toml: unknown setting", "tangal (line 6)"}},
		{"no day", "data/kalender.toml", cal,
			[]string{"kalender.toml:4: ", "release 2 (2026-Q4) has no day"}},
		{"out of order", "data/kalender.toml", cal + "tanggal = \"2026-07-30\"\n",
			[]string{"kalender.toml:4: ", "release 2 (2026-Q4, 2026-07-30) comes after 2026-Q3, 2026-10-30"}},
		{"every quarter twice", "data/kalender.toml", cal + "tanggal = \"2027-01-29\"\n[[rilis]]\ntriwulan = \"2026-Q3\"\ntanggal = \"2027-02-01\"\n[[rilis]]\ntriwulan = \"2026-Q4\"\ntanggal = \"2027-02-02\"\n",
			[]string{"lists a quarter twice: 2026-Q3 (", "kalender.toml:1 and line 7), 2026-Q4 (", "kalender.toml:4 and line 10)"}},
		{"score cap not a number", "data/kategori.toml", "score_cap = \"banyak\"\n",
			[]string{"kategori.toml:1: ", "score_cap must be a number"}},
		{"min not a number", "data/kategori.toml", "score_cap = 120\n[[categories]]\nkey = \"baik\"\nmin = \"banyak\"\n",
			[]string{"kategori.toml:4: ", `category 1 ("baik") needs a numeric min`}},
		{"categories not sorted", "data/kategori.toml", "[[categories]]\nkey = \"a\"\nmin = 50\n[[categories]]\nkey = \"b\"\nmin = 70\n[[categories]]\nkey = \"c\"\nmin = 0\n",
			[]string{"kategori.toml:4: ", "category row 2"}},
		{"kategori syntax", "data/kategori.toml", "score_cap = 120\n\n[[categories]\n",
			[]string{"kategori.toml:3:"}},
		{"k too small", "data/privasi.toml", "# ambang\nk = 3\n",
			[]string{"privasi.toml:2: ", "k = 3"}},
		{"k as text", "data/privasi.toml", "k = \"10\"\n",
			[]string{"privasi.toml:1:", "k is a TOML string, where a whole number belongs"}},
		{"unit_min_count too small", "data/privasi.toml", "k = 10\n# unit\nunit_min_count = 5\n",
			[]string{"privasi.toml:3: ", "unit_min_count = 5", "set unit_min_count to 10 or more"}},
		{"baseURL without scheme", "hugo.toml", "title = \"Portal\"\nbaseURL = \"kinerja.example.go.id\"\n",
			[]string{"hugo.toml:2: ", `baseURL "kinerja.example.go.id" is not an absolute address`, "https://"}},
		{"baseURL empty", "hugo.toml", "baseURL = \"\"\n",
			[]string{"hugo.toml:1: ", "baseURL is empty"}},
		{"baseURL missing", "hugo.toml", "title = \"Portal\"\n",
			[]string{"hugo.toml: ", "baseURL is empty"}},
	}
	for _, tt := range tests {
		err := load[tt.file](writeSite(t, tt.file, tt.body))
		if err == nil {
			t.Errorf("%s: loading %s succeeded; want an error", tt.name, tt.file)
			continue
		}
		msg := iku.ErrorMessage(err)
		rest := msg
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: %q\n\twant %q in it (after the earlier parts)", tt.name, msg, w)
				break
			}
			rest = rest[i+len(w):]
		}
		if iku.ErrorKind(err) != iku.Invalid || strings.Contains(msg, "\n") || strings.Contains(msg, "struct") {
			t.Errorf("%s: %q (%s); want one invalid-input sentence", tt.name, msg, iku.ErrorKind(err))
		}
	}
}

// A TOML date, unquoted, is a day like "2027-01-29".
func TestCalendarTakesTOMLDates(t *testing.T) {
	got, err := LoadCalendar(writeSite(t, "data/kalender.toml", "[[rilis]]\ntriwulan = \"2026-Q4\"\ntanggal = 2027-01-29\n"))
	if err != nil || len(got) != 1 || got[0].Date != "2027-01-29" {
		t.Fatalf("LoadCalendar = %+v, %v; want 2026-Q4 on 2027-01-29", got, err)
	}
}
