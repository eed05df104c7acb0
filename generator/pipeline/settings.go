package pipeline

import (
	"os"
	"path/filepath"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/site"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// Settings are what the site folder says, read once per run: the folder
// itself, hugo.toml, the category table (data/kategori.toml), the privacy
// threshold (data/privasi.toml), the release calendar (data/kalender.toml),
// the data checks (data/pemeriksaan.toml) and the words of every language
// (the theme's i18n, overridden by the site's).
type Settings struct {
	Root   string // the site folder
	Themes string // the theme's parent folder when the site has no themes/kinerja, else ""
	Config sitedata.Config
	Rules  iku.Rules
	K      int // the privacy threshold
	// UnitMinCount is the smallest count a service unit's published value
	// rests on (data/privasi.toml, unit_min_count).
	UnitMinCount int
	// Calendar is the office's release calendar, earliest first.
	Calendar []display.CalendarEntry
	Checks   iku.CheckConfig
	// Langs are the site's languages, the default first, with their words.
	Langs []display.Lang
}

// LoadSettings reads the settings of the site folder o names (or of the
// site kinerja carries); a file that is wrong is named with what to fix.
func LoadSettings(o Options) (*Settings, error) {
	root, themes, err := siteFolders(o)
	if err != nil {
		return nil, err
	}
	s := &Settings{Root: root, Themes: themes}
	if s.Config, err = sitedata.LoadConfig(root); err != nil {
		return nil, err
	}
	if o.BaseURL != "" {
		if err := sitedata.CheckBaseURL(o.BaseURL); err != nil {
			return nil, iku.Errorf(iku.Invalid, "--base-url %s", err)
		}
	}
	if s.Rules, err = sitedata.LoadRules(root); err != nil {
		return nil, err
	}
	privacy, err := sitedata.LoadPrivacySettings(root)
	if err != nil {
		return nil, err
	}
	s.K, s.UnitMinCount = privacy.K, privacy.UnitMinCount
	if s.Calendar, err = sitedata.LoadCalendar(root); err != nil {
		return nil, err
	}
	if s.Checks, err = sitedata.LoadCheckConfig(root); err != nil {
		return nil, err
	}
	themeDir := filepath.Join(root, "themes", site.Theme)
	if themes != "" {
		themeDir = filepath.Join(themes, site.Theme)
	}
	langs := s.Config.LanguageList()
	words, err := sitedata.LoadWords(root, themeDir, langs, langs[0])
	if err != nil {
		return nil, err
	}
	for i, l := range langs {
		prefix := ""
		if i > 0 {
			prefix = l + "/"
		}
		s.Langs = append(s.Langs, display.Lang{Code: l, Prefix: prefix, Words: words[l], Default: i == 0, Fallback: langs[0], City: s.Config.City(l)})
	}
	return s, nil
}

// siteFolders returns the site folder and, when it has no theme of its
// own, the folder holding the theme kinerja carries.
func siteFolders(o Options) (root, themes string, err error) {
	unpack := func() (string, error) {
		if o.Embedded == nil || o.CacheDir == "" {
			return "", iku.Errorf(iku.Internal, "no site folder given and no embedded site")
		}
		return site.Unpack(o.Embedded, o.CacheDir)
	}
	if o.SiteRoot == "" {
		root, err = unpack()
		return root, "", err
	}
	if root, err = filepath.Abs(o.SiteRoot); err != nil {
		return "", "", err
	}
	if _, err := os.Stat(filepath.Join(root, "hugo.toml")); err != nil {
		return "", "", iku.Errorf(iku.Invalid, "there is no hugo.toml in %q: name a site folder with --site, make one with kinerja init, or leave --site out to build the site kinerja carries", root)
	}
	if site.HasTheme(root) {
		return root, "", nil
	}
	embedded, err := unpack()
	if err != nil {
		return "", "", err
	}
	return root, filepath.Join(embedded, "themes"), nil
}
