package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/release"
)

// noteFolder says in the terminal what a build from the releases folder f
// should know: a folder without an index (written by an older kinerja),
// and a release that an interrupted publish wrote but did not publish.
func noteFolder(log *stageLog, f *release.Folder) {
	if !f.Indexed && len(f.Releases) > 0 {
		log.printf("  note: the releases folder %q has no %s yet (written by an older kinerja), so each release is checked against its own manifest only; the next kinerja publish writes it\n", f.Dir, release.IndexFile)
	}
	if pd := f.Pending; pd != nil && pd.Release != nil && !pd.Indexed {
		log.printf("  warning: a publish of %s was interrupted after writing its release, which this build leaves out: run kinerja publish --quarter %s --releases %s again to finish it\n", pd.Label(), pd.Quarter, f.Dir)
	}
}

// noteName is a release note's file in content/rilis/: "2026-q4.md" (the
// default language) or "2026-q4.en.md".
var noteName = regexp.MustCompile(`^([0-9]{4}-q[1-4])(\.[a-z]{2,3})?\.md$`)

// warnEarlyNotes warns about release notes the office wrote for a quarter
// that has no release in this build: their page says the release is
// coming (layouts/rilis/page.html), which is right for a note written
// ahead and wrong for a misnamed one.
func warnEarlyNotes(log *stageLog, root string, releases []*release.Release) {
	dir := filepath.Join(root, "content", "rilis")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := noteName.FindStringSubmatch(e.Name())
		if m == nil || slices.ContainsFunc(releases, func(r *release.Release) bool { return r.Key() == m[1] }) {
			continue
		}
		log.printf("  warning: content/rilis/%s is a note for %s, which has no release yet: its page says the release is coming\n", e.Name(), strings.ToUpper(m[1]))
	}
}
