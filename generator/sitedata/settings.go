package sitedata

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/pelletier/go-toml/v2"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// RulesFile is the category table the communications office edits. The
// site's methodology page renders the same file, so the rules the numbers
// follow and the rules the page states cannot drift apart.
const RulesFile = "data/kategori.toml"

type rulesFile struct {
	ScoreCap   any    `toml:"score_cap"`
	Source     string `toml:"source"` // the regulation, shown by the methodology page
	Categories []struct {
		Key  string `toml:"key"`
		Min  any    `toml:"min"`
		Good bool   `toml:"good"`
	} `toml:"categories"`
}

// LoadRules reads the category table and score cap from the site root.
// A missing file means the defaults of DOMAIN.md.
func LoadRules(siteRoot string) (iku.Rules, error) {
	path := filepath.Join(siteRoot, filepath.FromSlash(RulesFile))
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return iku.DefaultRules(), nil
	}
	if err != nil {
		return iku.Rules{}, iku.Wrap(err, iku.Invalid, "cannot read %s", path)
	}
	tf := newTOMLFile(path, b)
	var f rulesFile
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return iku.Rules{}, tf.decodeError(err, "fix the file or restore it from git")
	}
	rules := iku.DefaultRules()
	if f.ScoreCap != nil {
		d, err := number(f.ScoreCap)
		if err != nil {
			return iku.Rules{}, tf.errorf("score_cap", "score_cap must be a number, not %v", f.ScoreCap)
		}
		rules.ScoreCap = d
	}
	if len(f.Categories) > 0 {
		rules.Categories = nil
		for i, c := range f.Categories {
			d, err := number(c.Min)
			if err != nil {
				return iku.Rules{}, tf.errorf(fmt.Sprintf("categories.%d.min", i+1), "category %d (%q) needs a numeric min, not %v", i+1, c.Key, c.Min)
			}
			rules.Categories = append(rules.Categories, iku.Category{Key: c.Key, Min: d, Good: c.Good})
		}
	}
	if err := rules.Validate(); err != nil {
		at := path
		var row iku.CategoryRow
		if errors.As(err, &row) {
			at = tf.at(fmt.Sprintf("categories.%d", int(row)))
		} else if f.ScoreCap != nil {
			at = tf.at("score_cap")
		}
		return iku.Rules{}, iku.Wrap(err, iku.Invalid, "%s: %s", at, iku.ErrorMessage(err))
	}
	return rules, nil
}

func number(v any) (iku.Decimal, error) {
	switch n := v.(type) {
	case int64:
		return iku.ParseDecimal(strconv.FormatInt(n, 10))
	case float64:
		return iku.ParseDecimal(strconv.FormatFloat(n, 'f', -1, 64))
	case string:
		return iku.ParseDecimal(n)
	}
	return iku.Decimal{}, fmt.Errorf("not a number: %v", v)
}

// Config is what the build reads of the site's hugo.toml: its public
// address and who publishes it, for the downloads' metadata.
type Config struct {
	BaseURL string `toml:"baseURL"`
	Title   string `toml:"title"`
	// DefaultContentLanguage and Languages name the site's languages
	// (the charts are drawn in each).
	DefaultContentLanguage string `toml:"defaultContentLanguage"`
	Languages              map[string]struct {
		Weight   int    `toml:"weight"`
		Disabled bool   `toml:"disabled"`
		Title    string `toml:"title"`
		Params   struct {
			City      string `toml:"city"`
			Publisher string `toml:"publisher"`
		} `toml:"params"`
	} `toml:"languages"`
	Params struct {
		City      string `toml:"city"`
		Publisher string `toml:"publisher"`
		Office    string `toml:"office"`
		// ContactEmail is where questions go: the catalogue's contact point.
		ContactEmail string `toml:"contactEmail"`
		Licence      string `toml:"licence"`
	} `toml:"params"`
}

// Publisher is who publishes the site, in language lang: the language's
// params.publisher, else the site's.
func (c Config) Publisher(lang string) string {
	if l, ok := c.Languages[lang]; ok && l.Params.Publisher != "" {
		return l.Params.Publisher
	}
	return cmp.Or(c.Params.Publisher, "Pemerintah Kota Tanjungbalai")
}

// Licence is the name of the licence the site's data and charts are
// published under (params.licence).
func (c Config) Licence() string {
	return cmp.Or(c.Params.Licence, "CC BY 4.0")
}

// City is the city's name in language lang: the language's params.city,
// else the site's.
func (c Config) City(lang string) string {
	if l, ok := c.Languages[lang]; ok && l.Params.City != "" {
		return l.Params.City
	}
	return cmp.Or(c.Params.City, "Kota Tanjungbalai")
}

// SiteTitle is the site's title in language lang.
func (c Config) SiteTitle(lang string) string {
	if l, ok := c.Languages[lang]; ok && l.Title != "" {
		return l.Title
	}
	return c.Title
}

// LanguageList returns the site's languages, the default first, then by
// weight and name; "id" when hugo.toml names none.
func (c Config) LanguageList() []string {
	def := c.DefaultContentLanguage
	if def == "" {
		def = "id"
	}
	out := []string{def}
	var rest []string
	for lang, l := range c.Languages {
		if lang != def && !l.Disabled {
			rest = append(rest, lang)
		}
	}
	slices.SortFunc(rest, func(a, b string) int {
		return cmp.Or(cmp.Compare(c.Languages[a].Weight, c.Languages[b].Weight), cmp.Compare(a, b))
	})
	return append(out, rest...)
}

// LoadConfig reads hugo.toml in the site root.
func LoadConfig(siteRoot string) (Config, error) {
	var c Config
	p := filepath.Join(siteRoot, "hugo.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		return c, iku.Wrap(err, iku.Invalid, "cannot read %s", p)
	}
	tf := newTOMLFile(p, b)
	if err := toml.Unmarshal(b, &c); err != nil {
		return c, tf.decodeError(err, "fix the file")
	}
	if err := CheckBaseURL(c.BaseURL); err != nil {
		return c, tf.errorf("baseURL", "baseURL %s", err)
	}
	return c, nil
}

// CheckBaseURL reports what is wrong with a site's public address: it
// must be an absolute http or https URL, "https://kinerja.example.go.id/".
func CheckBaseURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case s == "":
		return errors.New(`is empty: write the site's public address, such as "https://kinerja.tanjungbalaikota.go.id/"`)
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "":
		return fmt.Errorf(`%q is not an absolute address: write it with https:// and the host, such as "https://kinerja.tanjungbalaikota.go.id/"`, s)
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf(`%q has a query or fragment: write the address alone, such as "https://kinerja.tanjungbalaikota.go.id/"`, s)
	}
	return nil
}

// CheckFile holds which data checks block publishing and the thresholds
// of the plausibility rules; the office edits it.
const CheckFile = "data/pemeriksaan.toml"

type checkFile struct {
	Block             *[]string `toml:"block"`
	OutlierFactor     any       `toml:"outlier_factor"`
	OutlierHistory    *int      `toml:"outlier_history"`
	CopiedRun         *int      `toml:"copied_run"`
	TooLowAchievement any       `toml:"too_low_achievement"`
	TooLowRun         *int      `toml:"too_low_run"`
	StaleRun          *int      `toml:"stale_run"`
	CumulativeYears   *int      `toml:"cumulative_years"`
	TargetEasedShare  any       `toml:"target_eased_share"`
}

// LoadCheckConfig reads the check settings from the site root. A missing
// file, or a setting left out, means iku.DefaultCheckConfig's.
func LoadCheckConfig(siteRoot string) (iku.CheckConfig, error) {
	cfg := iku.DefaultCheckConfig()
	path := filepath.Join(siteRoot, filepath.FromSlash(CheckFile))
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, iku.Wrap(err, iku.Invalid, "cannot read %s", path)
	}
	var f checkFile
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return cfg, newTOMLFile(path, b).decodeError(err, "fix the file or restore it from git")
	}
	if f.Block != nil {
		cfg.Block = []iku.Code{}
		for _, c := range *f.Block {
			cfg.Block = append(cfg.Block, iku.Code(c))
		}
	}
	for _, v := range []struct {
		name string
		in   any
		out  *float64
	}{{"outlier_factor", f.OutlierFactor, &cfg.OutlierFactor}, {"too_low_achievement", f.TooLowAchievement, &cfg.TooLowAchievement},
		{"target_eased_share", f.TargetEasedShare, &cfg.TargetEasedShare}} {
		if v.in == nil {
			continue
		}
		d, err := number(v.in)
		if err != nil {
			return cfg, iku.Errorf(iku.Invalid, "%s in %s must be a number, not %v", v.name, path, v.in)
		}
		*v.out = d.Float64()
	}
	for _, v := range []struct {
		in  *int
		out *int
	}{{f.OutlierHistory, &cfg.OutlierHistory}, {f.CopiedRun, &cfg.CopiedRun}, {f.TooLowRun, &cfg.TooLowRun}, {f.StaleRun, &cfg.StaleRun}, {f.CumulativeYears, &cfg.CumulativeYears}} {
		if v.in != nil {
			*v.out = *v.in
		}
	}
	if err := cfg.Validate(); err != nil {
		return cfg, iku.Wrap(err, iku.Invalid, "%s: %s", path, iku.ErrorMessage(err))
	}
	return cfg, nil
}
