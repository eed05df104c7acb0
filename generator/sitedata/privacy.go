package sitedata

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"

	"github.com/tanjungbalai/kinerja/generator/disclosure"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// PrivacyFile holds k, the smallest count of people published (package
// disclosure); without the file k is disclosure.DefaultK.
const PrivacyFile = "data/privasi.toml"

type privacyFile struct {
	K            *int `toml:"k"`
	UnitMinCount *int `toml:"unit_min_count"`
}

// Privacy are the thresholds of data/privasi.toml.
type Privacy struct {
	K            int // the smallest count of people published (package disclosure)
	UnitMinCount int // the smallest count a service unit's value may rest on
}

// LoadPrivacy reads k from the site's data/privasi.toml, refusing a k
// below disclosure.MinK.
func LoadPrivacy(siteRoot string) (int, error) {
	p, err := LoadPrivacySettings(siteRoot)
	return p.K, err
}

// LoadPrivacySettings reads k and unit_min_count from the site's
// data/privasi.toml (defaults disclosure.DefaultK and
// disclosure.DefaultUnitMinCount), refusing values below the rules' floors.
func LoadPrivacySettings(siteRoot string) (Privacy, error) {
	p := Privacy{K: disclosure.DefaultK, UnitMinCount: disclosure.DefaultUnitMinCount}
	path := filepath.Join(siteRoot, filepath.FromSlash(PrivacyFile))
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, iku.Wrap(err, iku.Invalid, "cannot read %s", path)
	}
	tf := newTOMLFile(path, b)
	var f privacyFile
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return p, tf.decodeError(err, "write k = 10 and unit_min_count = 30 (or more), or restore the file from git")
	}
	if f.K != nil {
		if err := disclosure.CheckK(*f.K); err != nil {
			return p, iku.Wrap(err, iku.Invalid, "%s: %s", tf.at("k"), iku.ErrorMessage(err))
		}
		p.K = *f.K
	}
	if f.UnitMinCount != nil {
		if err := disclosure.CheckUnitMinCount(*f.UnitMinCount); err != nil {
			return p, iku.Wrap(err, iku.Invalid, "%s: %s", tf.at("unit_min_count"), iku.ErrorMessage(err))
		}
		p.UnitMinCount = *f.UnitMinCount
	}
	return p, nil
}
