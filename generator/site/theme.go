package site

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// ThemeFiles lists the files of the theme kinerja carries (fsys: the
// site it carries) that a site folder may override: those under layouts/,
// assets/ and i18n/, as paths relative to the theme ("layouts/home.html"),
// sorted.
func ThemeFiles(fsys fs.FS) ([]string, error) {
	root := path.Join("themes", Theme)
	var out []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, root+"/")
		if top, _, _ := strings.Cut(rel, "/"); top == "layouts" || top == "assets" || top == "i18n" {
			out = append(out, rel)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// Overrides reports whether the site folder root has its own copy of the
// theme's file name (ThemeFiles' form), which Hugo uses instead.
func Overrides(root, name string) bool {
	_, err := os.Stat(filepath.Join(root, filepath.FromSlash(name)))
	return err == nil
}

// CopyThemeFile copies the theme's file name (ThemeFiles' form) into the
// site folder root at the same path, where it overrides the theme's, and
// returns where it wrote it. It never overwrites a file.
func CopyThemeFile(fsys fs.FS, root, name string) (string, error) {
	name = strings.TrimPrefix(path.Clean(filepath.ToSlash(name)), "themes/"+Theme+"/")
	files, err := ThemeFiles(fsys)
	if err != nil {
		return "", err
	}
	if !slices.Contains(files, name) {
		return "", iku.Errorf(iku.Invalid, "the theme has no file %q: kinerja theme lists its files, such as layouts/_partials/footer.html", name)
	}
	dst := filepath.Join(root, filepath.FromSlash(name))
	if err := copyFromFS(fsys, path.Join("themes", Theme, name), dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", iku.Errorf(iku.Invalid, "%s exists already, and kinerja theme copy never overwrites a file: edit it, or remove it first to start again from the theme's", dst)
		}
		return "", iku.Wrap(err, iku.Invalid, "cannot write %s (%v): check the folder's permissions", dst, err)
	}
	return dst, nil
}
