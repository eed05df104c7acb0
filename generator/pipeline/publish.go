package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/release"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// PublishOptions say what kinerja publish freezes.
type PublishOptions struct {
	Quarter  iku.Quarter // the quarter released
	Releases string      // the releases folder the office keeps
	Date     string      // the publication day, "2026-10-15"
	Revise   string      // the reason for a new version of an existing release
	Force    string      // the reason to publish despite blocking problems
	Software string      // "kinerja v1.2.0"
}

// WIB is Western Indonesia Time (UTC+7, no daylight saving): the day a
// release is published is a day in Tanjungbalai.
var WIB = time.FixedZone("WIB", 7*60*60)

// Published is the summary of a publication.
type Published struct {
	Release *release.Release
	Site    site.Stats
	Bytes   int64 // of the published site
}

// Publish checks the data of o.Source for po.Quarter, freezes it as the
// next version of that quarter's release in po.Releases, and builds the
// site from all releases into out. A blocking problem of the check stops
// it unless po.Force gives a reason; an existing release of the quarter
// stops it unless po.Revise gives one. When the site cannot be built the
// new release is removed again: a failed publish leaves the releases and
// the published site as they were.
func Publish(ctx context.Context, o Options, po PublishOptions, out string) (*Published, error) {
	if _, err := time.Parse("2006-01-02", po.Date); err != nil {
		return nil, iku.Errorf(iku.Invalid, "the publication date %q is not a day written as 2026-10-15: fix --date", po.Date)
	}
	stderr := o.Stderr
	rels, err := release.List(po.Releases)
	if err != nil {
		return nil, err
	}
	versions := release.OfQuarter(rels, po.Quarter)
	if len(versions) > 0 && po.Revise == "" {
		last := versions[len(versions)-1]
		return nil, iku.Errorf(iku.Invalid, "the release %s already exists (version %d, published %s) and releases are never replaced: to correct it, publish a new version with --revise \"the reason\"", last.Quarter, last.Version, last.Published)
	}
	if len(versions) == 0 && po.Revise != "" {
		return nil, iku.Errorf(iku.Invalid, "there is no release %s to revise in %q: publish it first without --revise", po.Quarter, po.Releases)
	}

	// Load and check the data exactly as a build would, against the
	// latest release for what changed since.
	o.Latest = po.Quarter
	o.History = rels
	if last := release.Latest(rels); last != nil {
		prev, err := last.Dataset()
		if err != nil {
			return nil, err
		}
		o.Previous = prev
	}
	chk, err := Check(ctx, o)
	if err != nil {
		return nil, err
	}
	if chk.Blocking > 0 && po.Force == "" {
		first := ""
		for _, f := range chk.Findings {
			if f.Severity == iku.Blocking {
				first = f.Message
				break
			}
		}
		return nil, iku.Errorf(iku.Invalid, "the data check found %s, so %s is not published (first: %s); fix the data (kinerja check lists every problem), or publish anyway with --force \"the reason\"",
			plural(chk.Blocking, "blocking problem"), po.Quarter, strings.TrimSuffix(first, "."))
	}

	t := time.Now()
	r, err := release.Freeze(chk.Dataset, po.Quarter, release.Manifest{
		Version: len(versions) + 1, Published: po.Date, Source: sourceKind(o.Source), Software: po.Software,
		Reason: po.Revise, Forced: po.Force,
	})
	if err != nil {
		return nil, err
	}
	if len(versions) > 0 && release.SameData(r, versions[len(versions)-1]) {
		last := versions[len(versions)-1]
		return nil, iku.Errorf(iku.Invalid, "the data of %s is the same as in its version %d, so there is nothing to revise: change the data first", last.Quarter, last.Version)
	}
	if err := release.Write(po.Releases, r); err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "%-9s %s written to %s (%.2f s)\n", "release:", r.Label(), r.Dir, time.Since(t).Seconds())

	// Build the site from the releases; undo the release on failure.
	b := o
	b.Releases, b.Latest, b.Source = po.Releases, iku.Quarter{}, Source{}
	st, err := Build(ctx, b, out)
	if err != nil {
		os.RemoveAll(r.Dir)
		if entries, _ := os.ReadDir(filepath.Dir(r.Dir)); len(entries) == 0 {
			os.Remove(filepath.Dir(r.Dir))
		}
		return nil, err
	}
	var size int64
	_ = filepath.Walk(out, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			size += info.Size()
		}
		return nil
	})
	return &Published{Release: r, Site: st, Bytes: size}, nil
}
