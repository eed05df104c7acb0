package display

import (
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// ReleaseIn is one version of a quarter's release.
type ReleaseIn struct {
	Key       string // "2026-q3": /rilis/<key>/
	Quarter   iku.Quarter
	Version   int
	Published string // "2026-10-15"; "" for a release not published (a build without releases)
	Reason    string // why this version revised the last
	Forced    string // why it was published despite blocking problems
	Current   bool   // the release whose data the site shows
	// Report is the evaluated data of the newest version of each quarter
	// (nil for versions a later one replaced).
	Report *iku.Report
	Files  []FileIn // its frozen files
	Zip    FileIn
}

// RevisionIn is a published value that a later release changed.
type RevisionIn struct {
	Indicator string
	Quarter   iku.Quarter
	Old, New  *iku.Decimal
	From, In  string // "2026-Q2 v1", "2026-Q3 v1"
	InKey     string // the key of the release that revised it
	Reason    string
}

// RatingRevisionIn is a year of civil servants' ratings that a release
// revised, or whose correction it kept back; never a count.
type RatingRevisionIn struct {
	Year  int
	InKey string
	Kept  bool
}

// Release is one quarter's release page.
type Release struct {
	Key          string        `json:"key"`
	URL          string        `json:"url"`
	Title        string        `json:"title"`  // "Rilis Triwulan III 2026"
	Period       string        `json:"period"` // "Triwulan III 2026"
	Draft        bool          `json:"draft"`
	Current      bool          `json:"current"`
	Lead         string        `json:"lead"`
	Next         string        `json:"next,omitempty"`
	Summary      string        `json:"summary"`
	Counts       Counts        `json:"counts"`
	Improved     []Mover       `json:"improved"`
	Declined     []Mover       `json:"declined"`
	NotReporting []SectorLink  `json:"not_reporting"`
	Revisions    []RevisionRow `json:"revisions"`
	RatingNotes  []string      `json:"rating_notes,omitempty"` // years of ratings revised or kept back, in words
	RevCaption   string        `json:"revisions_caption"`
	Versions     []Version     `json:"versions"` // newest first
	Published    string        `json:"published"`
	PublishedAt  string        `json:"published_text"`
	Listed       string        `json:"listed"` // the list's column: the day, or what stands for it
	FeedTitle    string        `json:"feed_title"`
	FeedSummary  string        `json:"feed_summary"`
	Version      int           `json:"version"` // the newest
	quarter      iku.Quarter
}

// Version is one version of a release and its frozen files.
type Version struct {
	Heading string `json:"heading"` // "Versi 2 · 15 Oktober 2026"
	Reason  string `json:"reason,omitempty"`
	Forced  string `json:"forced,omitempty"`
	Zip     *File  `json:"zip,omitempty"`
	Files   []File `json:"files"`
}

// RevisionRow is one revised value on the page of the release that
// revised it.
type RevisionRow struct {
	Anchor    string `json:"anchor"`
	Indicator Link   `json:"indicator"`
	Period    string `json:"period"`
	Old       Cell   `json:"old"`
	New       Cell   `json:"new"`
	FromIn    string `json:"from_in"` // "2026-Q2 v1 → 2026-Q3 v1"
	Reason    string `json:"reason"`
}

// revisionAnchor is the id of a revision's row on its release page.
func revisionAnchor(indicator, periodKey string) string {
	return "revisi-" + indicator + "-" + strings.ToLower(periodKey)
}

// revisionMarks are the "revised" marks by indicator and period key.
func (m *Model) revisionMarks() map[string][]Mark {
	l := m.l
	freq := map[string]iku.Frequency{}
	for _, ind := range m.in.Dataset.Indicators {
		freq[ind.Slug] = ind.Frequency
	}
	out := map[string][]Mark{}
	for _, rv := range m.in.Revisions {
		p := l.period(freq[rv.Indicator], rv.Quarter)
		old := l.dec(rv.Old)
		if old == "" {
			old = l.w("na_not_reported")
		}
		k := rv.Indicator + "/" + p.Key
		out[k] = append(out[k], Mark{Label: l.w("revised_mark"), Title: l.t("revised_title", map[string]any{"In": rv.In, "Old": old}),
			URL: l.url("rilis/" + rv.InKey + "/#" + revisionAnchor(rv.Indicator, p.Key))})
	}
	return out
}

func (m *Model) releases() {
	l := m.l
	freq := map[string]iku.Frequency{}
	for _, ind := range m.in.Dataset.Indicators {
		freq[ind.Slug] = ind.Frequency
	}
	at := map[string]int{}
	for _, ri := range m.in.Releases {
		i, ok := at[ri.Key]
		if !ok {
			i = len(m.Releases)
			at[ri.Key] = i
			p := l.quarter(ri.Quarter)
			m.Releases = append(m.Releases, Release{Key: ri.Key, URL: l.url("rilis/" + ri.Key + "/"), Period: p.Name,
				Title: l.t("release_title", map[string]any{"Quarter": p.Name}), quarter: ri.Quarter,
				Improved: []Mover{}, Declined: []Mover{}, NotReporting: []SectorLink{}, Revisions: []RevisionRow{},
				RevCaption: l.t("release_revisions_caption", map[string]any{"Quarter": p.Name})})
		}
		r := &m.Releases[i]
		r.Current = r.Current || ri.Current
		r.Draft = ri.Published == ""
		r.Version, r.Published = ri.Version, ri.Published
		v := Version{Heading: l.t("release_version", map[string]any{"Version": ri.Version}), Files: []File{}}
		if ri.Published != "" {
			v.Heading += " · " + l.date(ri.Published)
		}
		if ri.Reason != "" {
			v.Reason = l.t("release_reason", map[string]any{"Reason": ri.Reason})
		}
		if ri.Forced != "" {
			v.Forced = l.t("release_forced", map[string]any{"Reason": ri.Forced})
		}
		for _, f := range ri.Files {
			v.Files = append(v.Files, l.file(f))
		}
		if ri.Zip.Path != "" {
			z := l.file(ri.Zip)
			z.Label = l.w("release_zip")
			v.Zip = &z
		}
		r.Versions = append([]Version{v}, r.Versions...)
		if rep := ri.Report; rep != nil {
			r.Counts = m.counts(rep.Counts)
			r.Improved = m.movers(rep.Improvements)
			r.Declined = m.movers(rep.Declines)
			r.NotReporting = []SectorLink{}
			for _, ar := range rep.Agencies {
				if n := ar.Counts.NotReported; n > 0 {
					r.NotReporting = append(r.NotReporting, SectorLink{Link: m.agencyLink(ar.Agency.Slug), Note: l.indicatorsN(n)})
				}
			}
			r.Summary = l.t("release_summary", map[string]any{"Quarter": r.Period, "Met": r.Counts.OnTrack, "GoodNames": m.goodNames(),
				"Total": r.Counts.Total, "NotReported": rep.Counts.NotReported, "NotDue": rep.Counts.NotDue})
		}
	}
	for _, rv := range m.in.Revisions {
		i, ok := at[rv.InKey]
		if !ok {
			continue
		}
		p := l.period(freq[rv.Indicator], rv.Quarter)
		m.Releases[i].Revisions = append(m.Releases[i].Revisions, RevisionRow{
			Anchor: revisionAnchor(rv.Indicator, p.Key), Indicator: m.indicatorLink(rv.Indicator), Period: p.Name,
			Old: l.value(rv.Old, "", "na_not_reported"), New: l.value(rv.New, "", "na_not_reported"),
			FromIn: rv.From + " → " + rv.In, Reason: cmpOr(rv.Reason, l.w("revision_no_reason")),
		})
	}
	for _, rv := range m.in.RatingRevisions {
		if i, ok := at[rv.InKey]; ok {
			key := "release_ratings_revised"
			if rv.Kept {
				key = "release_ratings_kept"
			}
			m.Releases[i].RatingNotes = append(m.Releases[i].RatingNotes, l.t(key, map[string]any{"Year": rv.Year}))
		}
	}
	for i := range m.Releases {
		r := &m.Releases[i]
		switch {
		case r.Draft && m.in.Preview:
			r.Lead, r.Listed = l.w("release_draft"), l.w("release_draft_short")
		case r.Draft:
			// A plain build's own data, never frozen: what the office
			// deploys, so nothing about being unpublished.
			r.Lead = l.t("release_latest", map[string]any{"Quarter": r.Period})
			r.Listed = l.w("release_latest_short")
		default:
			r.PublishedAt = l.date(r.Published)
			r.Listed = r.PublishedAt
			r.Lead = l.t("release_published", map[string]any{"Date": r.PublishedAt, "Version": r.Version})
		}
		r.Next = m.nextRelease(r.quarter)
		r.FeedTitle = r.Title
		if len(r.Versions) > 1 {
			r.FeedTitle += " (" + l.t("release_version", map[string]any{"Version": r.Version}) + ")"
		}
		r.FeedSummary = r.Summary
		if n := len(r.Revisions); n > 0 {
			r.FeedSummary += " " + l.t("release_feed_revisions", map[string]any{"Count": n})
		}
	}
}

// file is one download as a page lists it.
func (l *lang) file(f FileIn) File {
	name := f.Path[strings.LastIndex(f.Path, "/")+1:]
	return File{Format: f.Format, Label: cmpOr(l.w("format_"+f.Format), f.Format), Path: f.Path, Name: name, Bytes: f.Bytes, Size: l.bytes(f.Bytes)}
}
