package main

import (
	"errors"
	"flag"
	"fmt"
	"runtime/debug"
	"strings"

	embedded "github.com/tanjungbalai/kinerja"
	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/site"
)

const initUsage = `Usage: kinerja init DIR

Writes an editable site folder into DIR, which must be new or empty:
hugo.toml, the pages (content/), the category table (data/kategori.toml),
the hook partials (layouts/_partials/hooks/), an empty
assets/css/custom.css and a README.md for the office. The theme stays inside
kinerja; files in DIR override the theme's files of the same name ('kinerja
theme' lists them). Then run 'kinerja build' inside DIR, or 'kinerja build --site DIR'.
`

func (m *Main) init(args []string) error {
	fs := newFlags("init")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(m.Stdout, m.tr(initUsage))
			return flag.ErrHelp
		}
		return m.usage("init: %v", err)
	}
	if fs.NArg() != 1 {
		return m.usage("init needs one folder: kinerja init DIR")
	}
	dir := fs.Arg(0)
	if err := site.Init(embedded.Site, dir); err != nil {
		return err
	}
	m.printf(m.Stdout, "Wrote a new site into %s: edit it (its README.md says where), then run 'kinerja build' inside it, or 'kinerja build --site %s'.\n", dir, dir)
	return nil
}

// versions prints kinerja's version and commit, and those of the Hugo and
// ECharts it carries.
func (m *Main) versions() {
	v, commit := selfVersion()
	line := "kinerja " + v
	if commit != "" {
		line += " (commit " + commit + ")"
	}
	fmt.Fprintln(m.Stdout, line)
	fmt.Fprintln(m.Stdout, "Hugo v"+strings.TrimPrefix(site.HugoVersion(), "v"))
	fmt.Fprintln(m.Stdout, "ECharts "+chart.EChartsVersion())
}

// selfVersion is kinerja's version (and commit, when the build recorded
// one) from the build information, or "dev".
func selfVersion() (v, commit string) {
	v = "dev"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if commit != "" && modified {
			commit += ", with uncommitted changes"
		}
	}
	if version != "dev" { // set with -ldflags "-X main.version=…"
		v = version
	}
	return v, commit
}
