package sitedata

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/gohugoio/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Words are one language's i18n messages, read with the same library and
// the same rules as Hugo's i18n (go-i18n: Go templates, plural forms by
// .Count, the default language for a missing message), from the theme's
// i18n/<lang>.toml overridden by the site's own. Go uses them for every
// word it writes into the display model; the layouts use the same files.
type Words struct {
	lang string
	loc  *i18n.Localizer
	mu   sync.Mutex
	memo map[string]string
}

// LoadWords reads the i18n files of every language of the site; def is
// the default language, which the others fall back to.
func LoadWords(siteRoot, themeDir string, langs []string, def string) (map[string]*Words, error) {
	tag, err := language.Parse(def)
	if err != nil {
		return nil, iku.Errorf(iku.Invalid, "the default language %q of hugo.toml is not a language code such as \"id\"", def)
	}
	bundle := i18n.NewBundle(tag)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range langs {
		for _, p := range []string{
			filepath.Join(themeDir, "i18n", l+".toml"),
			filepath.Join(siteRoot, "i18n", l+".toml"),
		} {
			b, err := os.ReadFile(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, iku.Wrap(err, iku.Invalid, "cannot read %s", p)
			}
			if _, err := bundle.ParseMessageFileBytes(b, p); err != nil {
				return nil, iku.Wrap(err, iku.Invalid, "%s is not a valid i18n file (%v): fix the file", p, err)
			}
		}
	}
	out := map[string]*Words{}
	for _, l := range langs {
		out[l] = &Words{lang: l, loc: i18n.NewLocalizer(bundle, l), memo: map[string]string{}}
	}
	return out, nil
}

// T returns message id in the language with data; "" when no language
// of the site has it.
func (w *Words) T(id string, data map[string]any) string {
	if data == nil {
		w.mu.Lock()
		s, ok := w.memo[id]
		w.mu.Unlock()
		if ok {
			return s
		}
	}
	lc := &i18n.LocalizeConfig{MessageID: id}
	if data != nil {
		lc.TemplateData = data
		if c, ok := data["Count"]; ok {
			lc.PluralCount = c
		}
	}
	// A message missing in this language comes from the default one; an
	// error (a plural form the language lacks) still gives the "other"
	// form when there is one, as in Hugo.
	s, _ := w.loc.Localize(lc)
	if data == nil {
		w.mu.Lock()
		w.memo[id] = s
		w.mu.Unlock()
	}
	return s
}
