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
	K *int `toml:"k"`
}

// LoadPrivacy reads k from the site's data/privasi.toml, refusing a k
// below disclosure.MinK.
func LoadPrivacy(siteRoot string) (int, error) {
	path := filepath.Join(siteRoot, filepath.FromSlash(PrivacyFile))
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return disclosure.DefaultK, nil
	}
	if err != nil {
		return 0, iku.Wrap(err, iku.Invalid, "cannot read %s", path)
	}
	tf := newTOMLFile(path, b)
	var f privacyFile
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return 0, tf.decodeError(err, "write k = 10 (or more), or restore the file from git")
	}
	if f.K == nil {
		return disclosure.DefaultK, nil
	}
	if err := disclosure.CheckK(*f.K); err != nil {
		return 0, iku.Wrap(err, iku.Invalid, "%s: %s", tf.at("k"), iku.ErrorMessage(err))
	}
	return *f.K, nil
}
