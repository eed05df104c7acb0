package main

import (
	"os"

	"github.com/tanjungbalai/kinerja/generator/site"
)

const rollbackUsage = `Usage: kinerja rollback [--out public]

Points --out, a link to a build (see "Deploying" in the README), back at
the build before the one it points at now: one step, done at once for the
web server. 'kinerja build --keep N' decides how many builds are kept.

Flags:
`

func (m *Main) rollback(args []string) error {
	fs := newFlags("rollback")
	out := fs.String("out", "public", "the link the web server serves, e.g. /srv/kinerja/current")
	if err := m.parse(fs, rollbackUsage, args); err != nil {
		return err
	}
	if err := site.Rollback(*out); err != nil {
		return err
	}
	target, err := os.Readlink(*out)
	if err != nil {
		return err
	}
	m.printf(m.Stdout, "Rolled back: %s now points at %s.\n", *out, target)
	return nil
}
