package main

import (
	"context"
	"flag"
	"os"
	"time"

	"github.com/tanjungbalai/kinerja/generator/pipeline"
)

const publishUsage = `Usage: kinerja publish --quarter 2026-Q3 [--db DSN | --from BUNDLE] [--releases releases] [--out public] [flags]

Checks the data of the quarter (as 'kinerja check' does), freezes it as a
release in the releases folder (the bundle and a manifest with the SHA-256
of every file), and builds the site from every release into a new folder
that replaces --out only when everything succeeded. A release is never
replaced: correct one with --revise "the reason", which adds a version.
The data comes from --db, $DATABASE_URL or --from; without one publish
refuses, unless --demo asks for the demo data kinerja carries (fictitious,
for a test site).

The releases folder is locked for the whole publish: a second publish (or
a build from the folder) stops at once. A publish that was killed is
finished by running it again when it had written its release (else that
run starts afresh); a build from the releases checks every file against
its manifest and every manifest against releases/SHA256SUMS.

Flags:
`

func (m *Main) publish(ctx context.Context, args []string) error {
	var out, releases, date, revise, force, baseURL *string
	var demo *bool
	return m.withData("publish", publishUsage, args, func(fs *flag.FlagSet) {
		out = fs.String("out", "public", "the folder to publish the site into")
		releases = fs.String("releases", "releases", "the releases folder the office keeps (git, object storage)")
		date = fs.String("date", "", "the publication day, e.g. 2026-10-15 (default: today in WIB, or $SOURCE_DATE_EPOCH's day)")
		revise = fs.String("revise", "", "publish a new version of an existing release, for this reason")
		force = fs.String("force", "", "publish despite blocking problems of the data check, for this reason")
		baseURL = fs.String("base-url", "", "the site's public address (default: baseURL in hugo.toml)")
		demo = fs.Bool("demo", false, "publish the demo data kinerja carries (fictitious): for a test site only")
	}, func(o pipeline.Options) error {
		if o.Latest.IsZero() {
			return m.usage("publish needs --quarter, e.g. --quarter 2026-Q3")
		}
		day := *date
		if day == "" {
			now := time.Now()
			if !o.SourceDate.IsZero() {
				now = o.SourceDate
			}
			day = now.In(pipeline.WIB).Format("2006-01-02")
		}
		o.BaseURL = *baseURL
		v, _ := selfVersion()
		po := pipeline.PublishOptions{Quarter: o.Latest, Releases: *releases, Date: day,
			Revise: *revise, Force: *force, Software: "kinerja " + v, Demo: *demo}
		if stage := m.Getenv("KINERJA_TEST_KILL_AT"); stage != "" {
			// Tests: die at once at the named point, as a kill -9 would.
			po.At = func(s string) {
				if s == stage {
					if p, err := os.FindProcess(os.Getpid()); err == nil {
						_ = p.Kill() // SIGKILL on Unix
					}
				}
			}
		}
		t := time.Now()
		p, err := pipeline.Publish(ctx, o, po, *out)
		if err != nil {
			return err
		}
		r := p.Release
		switch {
		case p.Resumed && p.Site.Files == 0:
			m.printf(m.Stdout, "The interrupted publish of %s (version %d, %s) had already published its site in %s. The release is in %s.\n",
				r.Quarter, r.Version, r.Published, *out, r.Dir)
		case p.Resumed:
			m.printf(m.Stdout, "Finished the interrupted publish of %s (version %d, %s): %d pages, %d files, %.1f MB in %s (%.1f s). The release is in %s; deploy %s to the web server.\n",
				r.Quarter, r.Version, r.Published, p.Site.Pages, p.Site.Files, float64(p.Bytes)/1e6, *out, time.Since(t).Seconds(), r.Dir, *out)
		default:
			m.printf(m.Stdout, "Published %s (version %d, %s): %d pages, %d files, %.1f MB in %s (%.1f s). The release is in %s; deploy %s to the web server.\n",
				r.Quarter, r.Version, day, p.Site.Pages, p.Site.Files, float64(p.Bytes)/1e6, *out, time.Since(t).Seconds(), r.Dir, *out)
		}
		return nil
	})
}
