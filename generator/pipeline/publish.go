package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/download"
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
	// Demo allows publishing the embedded demo data (fictitious), which
	// a publish without a data source would otherwise refuse.
	Demo bool
	// At, when set, is called at each point where a test may stop the
	// process (cmd/kinerja: KINERJA_TEST_KILL_AT): "locked",
	// "release-started", "release-written", "index-written",
	// "site-staged" (the new site complete, not yet published) and
	// "site-published".
	At func(stage string)
}

// WIB is Western Indonesia Time (UTC+7, no daylight saving): the day a
// release is published is a day in Tanjungbalai.
var WIB = time.FixedZone("WIB", 7*60*60)

// Published is the summary of a publication.
type Published struct {
	Release *release.Release
	Site    site.Stats // zero when no site was built (Resumed, and it was already published)
	Bytes   int64      // of the published site
	// Resumed: this run finished a publish of Release that was killed
	// after writing it, and did nothing else.
	Resumed bool
}

// Publish checks the data of o.Source for po.Quarter, freezes it as the
// next version of that quarter's release in po.Releases, and builds the
// site from all releases into out, holding the releases folder's lock
// throughout: a second publish stops at once. A blocking problem of the
// check stops it unless po.Force gives a reason; an existing release of
// the quarter stops it unless po.Revise gives one. When the site cannot
// be built the new release is removed again: a failed publish leaves the
// releases and the published site as they were. A publish that was
// killed is finished by the next one when it had written its release
// (and that is all the next one does when it is for the same quarter),
// else forgotten.
func Publish(ctx context.Context, o Options, po PublishOptions, out string) (*Published, error) {
	if err := demoRail(o.Source, po.Demo); err != nil {
		return nil, err
	}
	if _, err := time.Parse("2006-01-02", po.Date); err != nil {
		return nil, iku.Errorf(iku.Invalid, "the publication date %q is not a day written as 2026-10-15: fix --date", po.Date)
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	stderr := o.Stderr
	at := po.At
	if at == nil {
		at = func(string) {}
	}
	unlock, err := release.Lock(po.Releases, "kinerja publish --quarter "+po.Quarter.String())
	if err != nil {
		return nil, err
	}
	defer unlock()
	at("locked")
	if err := release.Clean(po.Releases); err != nil {
		return nil, err
	}
	f, err := release.Open(po.Releases)
	if err != nil {
		return nil, err
	}
	if f.Pending != nil {
		p, err := resume(ctx, o, f, out, at)
		if err != nil || p != nil && p.Release.Q == po.Quarter {
			return p, err
		}
	}

	versions := release.OfQuarter(f.Releases, po.Quarter)
	if len(versions) > 0 && po.Revise == "" {
		last := versions[len(versions)-1]
		return nil, iku.Errorf(iku.Invalid, "the release %s already exists (version %d, published %s) and releases are never replaced: to correct it, publish a new version with --revise \"the reason\"%s", last.Quarter, last.Version, last.Published, unbuilt(out, po.Releases, last))
	}
	if len(versions) == 0 && po.Revise != "" {
		return nil, iku.Errorf(iku.Invalid, "there is no release %s to revise in %q: publish it first without --revise", po.Quarter, po.Releases)
	}

	// Load and check the data exactly as a build would, against the
	// version it revises, else the latest release, for what changed since.
	o.Latest = po.Quarter
	o.History = f.Releases
	if last := previous(f.Releases, po.Quarter); last != nil {
		prev, err := last.Dataset()
		if err != nil {
			return nil, err
		}
		o.Previous, o.PreviousName = prev, last.Label()
	}
	chk, err := Check(ctx, o)
	if err != nil {
		return nil, err
	}
	if chk.Blocking > 0 && po.Force == "" {
		first := ""
		for _, x := range chk.Findings {
			if x.Severity == iku.Blocking {
				first = x.Message
				break
			}
		}
		return nil, iku.Errorf(iku.Invalid, "the data check found %s, so %s is not published (first: %s); fix the data (kinerja check lists every problem), or publish anyway with --force \"the reason\"",
			plural(chk.Blocking, "blocking problem"), po.Quarter, strings.TrimSuffix(first, "."))
	}

	// What changes how results are judged is said before it is published
	// (kinerja check lists every other warning).
	for _, x := range chk.Findings {
		if x.Severity == iku.Warning && slices.Contains(judging, x.Code) {
			fmt.Fprintf(stderr, "  warning: %s\n", x.Message)
		}
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
		return nil, iku.Errorf(iku.Invalid, "the data of %s is the same as in its version %d, so there is nothing to revise: change the data first%s", last.Quarter, last.Version, unbuilt(out, po.Releases, last))
	}
	if err := f.Add(r, at); err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "%-9s %s written to %s (%.2f s)\n", "release:", r.Label(), r.Dir, time.Since(t).Seconds())

	// Build the site from the releases; undo the release on failure.
	p, err := publishSite(ctx, o, f.Dir, out, r, at)
	if err != nil {
		if uerr := f.Undo(r); uerr != nil {
			fmt.Fprintf(stderr, "  warning: %s\n", iku.ErrorMessage(uerr))
		}
		return nil, err
	}
	return p, f.Done()
}

// judging are the findings a publish repeats in the terminal even when
// they do not block it: changes of what judges an indicator's results.
var judging = []iku.Code{iku.CodeZeroTarget, iku.CodeTargetEased, iku.CodeTargetEasedYear,
	iku.CodeUnitChanged, iku.CodePolarityChanged, iku.CodeDefinitionChanged}

// ErrDemoData is the sentence of a publish that would freeze the embedded
// demo data because no data source was given.
const ErrDemoData = "no data source is given (--db, $DATABASE_URL or --from), so this would publish the demo data kinerja carries, whose numbers are fictitious: give the database with --db DSN or DATABASE_URL, or a bundle with --from; to publish the demo on purpose (a test site), add --demo"

// ErrDemoWithSource is the sentence of --demo given with a data source.
const ErrDemoWithSource = "--demo publishes the demo data kinerja carries, so it cannot go with --db, $DATABASE_URL or --from: leave out --demo to publish that data, or the source to publish the demo"

// demoRail refuses a publish of the embedded demo data unless demo says
// so, and --demo beside a real source.
func demoRail(s Source, demo bool) error {
	embedded := s.From == "" && !s.DBSet && s.DatabaseURL == ""
	switch {
	case embedded && !demo:
		return iku.Errorf(iku.Invalid, "%s", ErrDemoData)
	case !embedded && demo:
		return iku.Errorf(iku.Invalid, "%s", ErrDemoWithSource)
	}
	return nil
}

// resume ends the publish that the journal of f says was killed: it
// finishes it when its release was written (the index, then the site),
// else it forgets it. It says in one line what it did, and returns the
// publication it finished, or nil.
func resume(ctx context.Context, o Options, f *release.Folder, out string, at func(string)) (*Published, error) {
	pd := f.Pending
	if pd.Release == nil {
		fmt.Fprintf(o.Stderr, "%-9s a publish of %s was interrupted before its release was written; nothing of it remains, and this publish starts afresh\n", "recover:", pd.Label())
		return nil, f.Done()
	}
	r := pd.Release
	if published(out, r) {
		fmt.Fprintf(o.Stderr, "%-9s a publish of %s was interrupted after its site in %s was published; nothing was left to do\n", "recover:", pd.Label(), out)
		return &Published{Release: r, Resumed: true}, f.Done()
	}
	what := "the index, then the site"
	if pd.Indexed {
		what = "the site"
	}
	fmt.Fprintf(o.Stderr, "%-9s a publish of %s was interrupted after its release was written; finishing it: %s\n", "recover:", pd.Label(), what)
	if err := f.Resume(); err != nil {
		return nil, err
	}
	p, err := publishSite(ctx, o, f.Dir, out, r, at)
	if err != nil {
		return nil, err // the journal stays: the next publish tries again
	}
	p.Resumed = true
	return p, f.Done()
}

// publishSite builds the site from the releases folder (whose lock the
// caller holds) into out, for the publication of r.
func publishSite(ctx context.Context, o Options, releases, out string, r *release.Release, at func(string)) (*Published, error) {
	b := o
	b.Releases, b.Latest, b.Source = releases, iku.Quarter{}, Source{}
	st, err := build(ctx, b, out, at)
	if err != nil {
		return nil, err
	}
	at("site-published")
	var size int64
	_ = filepath.Walk(out, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			size += info.Size()
		}
		return nil
	})
	return &Published{Release: r, Site: st, Bytes: size}, nil
}

// published reports whether the site in out was built with the release r:
// it serves r's frozen manifest.
func published(out string, r *release.Release) bool {
	b, err := os.ReadFile(filepath.Join(out, download.Folder, "rilis", r.Key(), "v"+strconv.Itoa(r.Version), release.ManifestFile))
	return err == nil && bytes.Equal(b, r.Files()[release.ManifestFile])
}

// unbuilt is what a refusal adds when the site in out was not built with
// the release r: its publish may have been killed before the site was
// (by a kinerja that kept no journal).
func unbuilt(out, releases string, r *release.Release) string {
	if published(out, r) {
		return ""
	}
	return fmt.Sprintf("; if its publish was interrupted before the site in %q was built, build the site from the releases: kinerja build --releases %s --out %s", out, releases, out)
}
