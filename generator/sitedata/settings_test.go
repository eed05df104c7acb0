package sitedata

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

func writeRules(t *testing.T, body string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "kategori.toml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// The shipped file gives the rules of DOMAIN.md.
func TestShippedRulesAreTheDefaults(t *testing.T) {
	got, err := LoadRules(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	want := iku.DefaultRules()
	if got.ScoreCap.Cmp(want.ScoreCap) != 0 || len(got.Categories) != len(want.Categories) {
		t.Fatalf("LoadRules(repo) = %+v; want %+v", got, want)
	}
	for i := range want.Categories {
		if got.Categories[i].Key != want.Categories[i].Key || got.Categories[i].Min.Cmp(want.Categories[i].Min) != 0 {
			t.Errorf("category %d = %+v; want %+v", i, got.Categories[i], want.Categories[i])
		}
	}
}

func TestEditedRules(t *testing.T) {
	root := writeRules(t, `score_cap = 110.5
[[categories]]
key = "baik"
min = 80
[[categories]]
key = "kurang"
min = 0
`)
	r, err := LoadRules(root)
	if err != nil {
		t.Fatal(err)
	}
	if r.ScoreCap.String() != "110.5" {
		t.Errorf("score cap %s; want 110.5", r.ScoreCap)
	}
	for _, tc := range []struct{ a, want string }{{"80", "baik"}, {"79.99", "kurang"}, {"150", "baik"}} {
		if got := r.Categorize(iku.MustDecimal(tc.a)); got != tc.want {
			t.Errorf("Categorize(%s) = %q; want %q", tc.a, got, tc.want)
		}
	}
}

func TestBrokenRulesNameTheFile(t *testing.T) {
	for name, body := range map[string]string{
		"not toml":   "score_cap = = 3",
		"bad number": "[[categories]]\nkey = \"baik\"\nmin = \"banyak\"\n",
		"not sorted": "[[categories]]\nkey = \"a\"\nmin = 50\n[[categories]]\nkey = \"b\"\nmin = 70\n[[categories]]\nkey = \"c\"\nmin = 0\n",
	} {
		_, err := LoadRules(writeRules(t, body))
		if err == nil {
			t.Errorf("%s: LoadRules succeeded; want an error", name)
			continue
		}
		if msg := iku.ErrorMessage(err); !strings.Contains(msg, "kategori.toml") || iku.ErrorKind(err) != iku.Invalid {
			t.Errorf("%s: %q (%s); want an invalid-input sentence naming kategori.toml", name, msg, iku.ErrorKind(err))
		}
	}
}

// The shipped check settings are the defaults of iku.
func TestShippedCheckConfigIsTheDefault(t *testing.T) {
	got, err := LoadCheckConfig(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if want := iku.DefaultCheckConfig(); !reflect.DeepEqual(got, want) {
		t.Errorf("LoadCheckConfig(repo) = %+v; want %+v", got, want)
	}
	got, err = LoadCheckConfig(t.TempDir())
	if err != nil || !reflect.DeepEqual(got, iku.DefaultCheckConfig()) {
		t.Errorf("LoadCheckConfig(no file) = %+v, %v; want the defaults", got, err)
	}
}

func writeCheck(t *testing.T, body string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "pemeriksaan.toml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestEditedCheckConfig(t *testing.T) {
	cfg, err := LoadCheckConfig(writeCheck(t, "block = [\"no_actual\", \"no_explanation\"]\noutlier_factor = 5\ntoo_low_achievement = 150.5\nstale_run = 2\ncumulative_years = 3\ntarget_eased_share = 10\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Blocks(iku.CodeNoActual) || !cfg.Blocks(iku.CodeNoExplanation) || cfg.Blocks(iku.CodeNoTarget) {
		t.Errorf("block = %v; want no_actual and no_explanation only", cfg.Block)
	}
	if cfg.OutlierFactor != 5 || cfg.TooLowAchievement != 150.5 || cfg.StaleRun != 2 || cfg.CopiedRun != 4 || cfg.CumulativeYears != 3 || cfg.TargetEasedShare != 10 {
		t.Errorf("thresholds %+v; want outlier 5, too low 150.5, stale 2, copied 4 (default), cumulative years 3, target eased share 10", cfg)
	}
	cfg, err = LoadCheckConfig(writeCheck(t, "block = []\n"))
	if err != nil || len(cfg.Block) != 0 {
		t.Errorf("block = [] gives %v, %v; want nothing blocking", cfg.Block, err)
	}
	for body, want := range map[string]string{
		"block = [\"no_such\"]\n":  `unknown check "no_such"`,
		"outlier_factor = -1\n":    "outlier_factor is -1",
		"outlier_faktor = 3\n":     "pemeriksaan.toml: unknown setting outlier_faktor (line 1)",
		"outlier_factor = \"x\"\n": "outlier_factor in",
		"target_eased_share = 0\n": "target_eased_share is 0",
	} {
		_, err := LoadCheckConfig(writeCheck(t, body))
		if err == nil || !strings.Contains(iku.ErrorMessage(err), want) {
			t.Errorf("LoadCheckConfig(%q) = %v; want an error with %q", body, err, want)
		}
	}
}
