package main

import (
	"fmt"
	"os"
	"path/filepath"

	embedded "github.com/tanjungbalai/kinerja"
	"github.com/tanjungbalai/kinerja/generator/site"
)

const themeUsage = `Usage:
  kinerja theme [--site DIR]                 list the theme's files
  kinerja theme copy FILE [--site DIR]       copy one into the site folder

The theme (layouts, CSS, the words of the pages) is inside kinerja. A file
of the same path in the site folder overrides the theme's: 'kinerja theme
copy layouts/_partials/footer.html' copies the theme's own into the site
folder, to edit there. It never overwrites a file. The site folder is
--site DIR, else the current folder when it holds hugo.toml.

Flags:
`

func (m *Main) theme(args []string) error {
	fs := newFlags("theme")
	siteDir := fs.String("site", "", "the site folder made by 'kinerja init' (default: the current folder when it holds hugo.toml)")
	// Flags may come before or after the subcommand and the file.
	var pos []string
	for {
		if err := m.parse(fs, themeUsage, args, true); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	root := *siteDir
	if root == "" {
		if _, err := os.Stat("hugo.toml"); err == nil {
			root = "."
		}
	} else if _, err := os.Stat(filepath.Join(root, "hugo.toml")); err != nil {
		return m.usage("there is no hugo.toml in %q: name a site folder made by 'kinerja init'", root)
	}
	switch {
	case len(pos) == 0:
		files, err := site.ThemeFiles(embedded.Site)
		if err != nil {
			return err
		}
		for _, f := range files {
			if root != "" && site.Overrides(root, f) {
				m.printf(m.Stdout, "%s  (overridden by the site folder)\n", f)
			} else {
				fmt.Fprintln(m.Stdout, f)
			}
		}
		return nil
	case pos[0] == "copy" && len(pos) == 2:
		if root == "" {
			return m.usage("kinerja theme copy writes into a site folder: run it inside one (made by 'kinerja init') or give --site DIR")
		}
		dst, err := site.CopyThemeFile(embedded.Site, root, pos[1])
		if err != nil {
			return err
		}
		m.printf(m.Stdout, "Copied the theme's %s to %s: edit it there; it replaces the theme's at the next build.\n", pos[1], dst)
		return nil
	case pos[0] == "copy":
		return m.usage("theme copy needs one file: kinerja theme copy layouts/_partials/footer.html ('kinerja theme' lists them)")
	}
	return m.usage("unknown theme subcommand %q: use 'kinerja theme' to list the files, 'kinerja theme copy FILE' to copy one", pos[0])
}
