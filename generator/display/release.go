package display

import (
	"strconv"
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

// RevisionIn is something published that a later release changed: an
// actual (Old, New), a target (OldTarget, NewTarget) or a field of the
// indicator (OldText, NewText).
type RevisionIn struct {
	Indicator string
	// Field is "actual", "target", or the indicator's "unit", "polarity",
	// "consolidation", "frequency", "definition" or "formula".
	Field string
	// Quarter is an actual's (due) quarter; a target's year, with the
	// quarter 0 for an annual target.
	Quarter              iku.Quarter
	Old, New             *iku.Decimal
	OldTarget, NewTarget *iku.Target
	OldText, NewText     string // a code (polarity, consolidation, frequency) or text (unit, definition, formula)
	OldEN, NewEN         string // the English text of a unit or definition; "" = not translated
	From, In             string // "2026-Q2 v1", "2026-Q3 v1"
	InKey                string // the key of the release that revised it
	Reason               string
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
	// Share is what the communications office posts for the release:
	// its cards and a suggested post text.
	Share   Share `json:"share"`
	quarter iku.Quarter
}

// Share is a release's cards for social media, drawn after Hugo from this
// record and its Counts.Headline (generator/pipeline, generator/preview),
// and the post text the office can copy, in the page's language.
type Share struct {
	Cards []ShareCard `json:"cards"`
	// OG is the card the release page's link preview shows (1200×630),
	// under the site root.
	OG   string `json:"og"`
	Post string `json:"post"`
	// What the cards show besides the site's title, the release's Title
	// and its Counts.Headline.
	Intro   string      `json:"intro"` // "Dari 102 indikator:", before the headline counts
	Movers  []CardMover `json:"-"`     // the most improved, the most declined
	Address string      `json:"-"`     // "kinerja.tanjungbalaikota.go.id/rilis/2026-q3/"
}

// ShareCard is one card of a release, beside its page.
type ShareCard struct {
	Label  string `json:"label"` // "Kartu Instagram, 1080 × 1350 piksel (PNG)"
	Path   string `json:"path"`  // under the site root: "rilis/2026-q3/kartu-1080x1350.png"
	Name   string `json:"name"`  // the name it downloads as
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// CardMover is the most improved or most declined indicator on a card:
// "Paling membaik", its name, "(+14,38 poin)".
type CardMover struct {
	Label, Name, Change string
}

// The sizes of a release's cards: a social-media post (4:5) and a link
// preview (1.91:1), which is also the release page's own.
var ReleaseCards = [...]struct {
	Use  string // "post", "link": the card's label is release_card_<use>
	W, H int
}{{"post", 1080, 1350}, {"link", 1200, 630}}

// releaseCardFile is the file name of a release's card of size w×h,
// beside its page.
func releaseCardFile(w, h int) string {
	return "kartu-" + strconv.Itoa(w) + "x" + strconv.Itoa(h) + ".png"
}

// Version is one version of a release and its frozen files.
type Version struct {
	Heading string `json:"heading"` // "Versi 2 · 15 Oktober 2026"
	Reason  string `json:"reason,omitempty"`
	Forced  string `json:"forced,omitempty"`
	Zip     *File  `json:"zip,omitempty"`
	Files   []File `json:"files"`
}

// RevisionRow is one revision on the page of the release that made it:
// the old and new figure (an actual, a target) or words (a field of the
// indicator: its unit, polarity, …).
type RevisionRow struct {
	Anchor    string `json:"anchor"`
	Indicator Link   `json:"indicator"`
	What      string `json:"what"`   // "Realisasi", "Target", "Satuan", …
	Period    string `json:"period"` // "Triwulan I 2026", "Tahun 2026"; "semua periode" for a field
	Old       *Cell  `json:"old,omitempty"`
	New       *Cell  `json:"new,omitempty"`
	OldText   *Text  `json:"old_text,omitempty"`
	NewText   *Text  `json:"new_text,omitempty"`
	FromIn    string `json:"from_in"` // "2026-Q2 v1 → 2026-Q3 v1"
	Reason    string `json:"reason"`
}

// revisionKey is what a revision revised, for anchors and marks:
// "2026-q1" (an actual's period), "target-2026", "target-2026-q2",
// "unit", "polarity", ….
func (m *Model) revisionKey(rv *RevisionIn) string {
	switch rv.Field {
	case "actual":
		return strings.ToLower(m.l.period(m.frequency(rv.Indicator), rv.Quarter).Key)
	case "target":
		return "target-" + targetKey(rv.Quarter)
	}
	return rv.Field
}

// targetKey names a target's period: "2026", "2026-q2".
func targetKey(q iku.Quarter) string {
	if q.Q == 0 {
		return strconv.Itoa(q.Year)
	}
	return strings.ToLower(q.String())
}

// frequency is the indicator's frequency (quarterly for one the report
// no longer has).
func (m *Model) frequency(slug string) iku.Frequency {
	if i, ok := m.indicators[slug]; ok {
		return m.in.Report.Indicators[i].Indicator.Frequency
	}
	return iku.Quarterly
}

// unit is the indicator's unit in the page's language ("" for one the
// report no longer has).
func (m *Model) unit(slug string) string {
	if i, ok := m.indicators[slug]; ok {
		ind := &m.in.Report.Indicators[i].Indicator
		return m.l.text(ind.Unit, ind.UnitEN).Text
	}
	return ""
}

// revisionAnchors are the ids of the revisions' rows on their release
// pages, in the order of Input.Revisions: "revisi-<slug>-<key>", with
// "-2", "-3" … when the versions of one quarter revised the same thing
// again.
func (m *Model) revisionAnchors() []string {
	out := make([]string, len(m.in.Revisions))
	used := map[string]int{}
	for i := range m.in.Revisions {
		rv := &m.in.Revisions[i]
		a := "revisi-" + rv.Indicator + "-" + m.revisionKey(rv)
		used[rv.InKey+"#"+a]++
		if n := used[rv.InKey+"#"+a]; n > 1 {
			a += "-" + strconv.Itoa(n)
		}
		out[i] = a
	}
	return out
}

// marks are the "revised" marks of the indicator pages, by indicator
// and what was revised (revisionKey): "<slug>/2026-q1",
// "<slug>/target-2026", "<slug>/unit".
type marks map[string][]Mark

// revisionMarks are the "revised" marks of every revision.
func (m *Model) revisionMarks() marks {
	l := m.l
	out := marks{}
	for i := range m.in.Revisions {
		rv := &m.in.Revisions[i]
		old, _ := m.revisedValues(rv)
		k := rv.Indicator + "/" + m.revisionKey(rv)
		out[k] = append(out[k], Mark{Label: l.w("revised_mark"), Title: l.t("revised_title", map[string]any{"In": rv.In, "Old": old}),
			URL: l.url("rilis/" + rv.InKey + "/#" + m.anchors[i])})
	}
	return out
}

// targetRevisedIn are the "target revised" marks of an indicator whose
// targets the release key revised, linking each revision.
func (m *Model) targetRevisedIn(slug, key string) []Mark {
	l := m.l
	var out []Mark
	for i := range m.in.Revisions {
		rv := &m.in.Revisions[i]
		if rv.Field != "target" || rv.Indicator != slug || rv.InKey != key || key == "" {
			continue
		}
		old, _ := m.revisedValues(rv)
		out = append(out, Mark{Label: l.w("revised_target_mark"),
			Title: l.t("revised_target_title", map[string]any{"In": rv.In, "Old": old, "Period": m.targetPeriod(rv.Quarter)}),
			URL:   l.url("rilis/" + rv.InKey + "/#" + m.anchors[i])})
	}
	return out
}

// targetPeriod names a target's period: "Tahun 2026", "Triwulan II 2026".
func (m *Model) targetPeriod(q iku.Quarter) string {
	if q.Q == 0 {
		return m.l.yearPeriod(q.Year).Name
	}
	return m.l.quarter(q).Name
}

// target are the marks of a target: t is the target a figure shows.
func (mk marks) target(slug string, t *iku.Target) []Mark {
	if t == nil {
		return nil
	}
	return mk[slug+"/target-"+targetKey(iku.Quarter{Year: t.Year, Q: t.Quarter})]
}

// revisedValues writes the old and new value of a revision as a sentence
// does, in the page's language: figures with the indicator's unit,
// targets as targets, codes as their words.
func (m *Model) revisedValues(rv *RevisionIn) (old, new string) {
	o, n, ot, nt := m.revisionCells(rv)
	if o != nil {
		return o.Said(), n.Said()
	}
	return ot.Text, nt.Text
}

// revisionCells are the old and new figure of an actual or a target, or
// the old and new words of a field.
func (m *Model) revisionCells(rv *RevisionIn) (old, new *Cell, oldText, newText *Text) {
	l := m.l
	unit := m.unit(rv.Indicator)
	switch rv.Field {
	case "actual":
		o, n := l.value(rv.Old, unit, "na_not_reported"), l.value(rv.New, unit, "na_not_reported")
		return &o, &n, nil, nil
	case "target":
		o, n := l.target(rv.OldTarget, unit), l.target(rv.NewTarget, unit)
		return &o, &n, nil, nil
	}
	word := func(code string) *Text {
		if code == "" {
			return &Text{Text: l.w("na_no_data")}
		}
		switch rv.Field {
		case "polarity", "consolidation", "frequency":
			return &Text{Text: cmpOr(l.w(rv.Field+"_"+code), code)}
		}
		return nil
	}
	text := func(id, en string) *Text {
		if t := word(id); t != nil {
			return t
		}
		t := l.text(id, en)
		return &t
	}
	return nil, nil, text(rv.OldText, rv.OldEN), text(rv.NewText, rv.NewEN)
}

func (m *Model) releases() {
	l := m.l
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
			r.Improved = m.movers(rep.Improvements, ri.Key)
			r.Declined = m.movers(rep.Declines, ri.Key)
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
	for k := range m.in.Revisions {
		rv := &m.in.Revisions[k]
		i, ok := at[rv.InKey]
		if !ok {
			continue
		}
		row := RevisionRow{Anchor: m.anchors[k], Indicator: m.indicatorLink(rv.Indicator),
			FromIn: rv.From + " → " + rv.In, Reason: cmpOr(rv.Reason, l.w("revision_no_reason"))}
		row.Old, row.New, row.OldText, row.NewText = m.revisionCells(rv)
		switch rv.Field {
		case "actual":
			row.What, row.Period = l.w("col_actual"), l.period(m.frequency(rv.Indicator), rv.Quarter).Name
		case "target":
			row.What, row.Period = l.w("col_target"), m.targetPeriod(rv.Quarter)
		default:
			row.What, row.Period = l.w("label_"+rv.Field), l.w("revision_all_periods")
		}
		m.Releases[i].Revisions = append(m.Releases[i].Revisions, row)
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
		r.Share = m.share(r)
	}
}

// share is what a release's cards show and the post text that goes with
// them: the headline counts of the release's quarter (the page shows the
// same lines), its most improved and most declined indicator, and the
// page's address; a demo says first that its data are fictitious.
func (m *Model) share(r *Release) Share {
	l := m.l
	s := Share{Cards: []ShareCard{}, Movers: []CardMover{}}
	dir := strings.TrimPrefix(r.URL, "/")
	for _, c := range ReleaseCards {
		f := releaseCardFile(c.W, c.H)
		s.Cards = append(s.Cards, ShareCard{Label: l.t("release_card_"+c.Use, map[string]any{"Width": c.W, "Height": c.H}),
			Path: dir + f, Name: l.w("release_card_file") + "-" + r.Key + "-" + strings.TrimPrefix(f, "kartu-"), Width: c.W, Height: c.H})
		if c.Use == "link" {
			s.OG = dir + f
		}
	}
	s.Intro = l.t("headline_intro", map[string]any{"Total": r.Counts.Total})
	var post []string
	if m.in.Dataset.Fictitious {
		post = append(post, l.w("demo_title"))
	}
	post = append(post, r.Summary)
	for _, x := range []struct {
		key  string
		list []Mover
	}{{"improved", r.Improved}, {"declined", r.Declined}} {
		if len(x.list) == 0 {
			continue
		}
		mv := x.list[0]
		s.Movers = append(s.Movers, CardMover{Label: l.w("movers_" + x.key), Name: mv.Indicator.Text.Text, Change: "(" + mv.Short + ")"})
		post = append(post, l.t("release_post_"+x.key, map[string]any{"Name": mv.Indicator.Text.Text, "Change": mv.Short}))
	}
	if a := m.in.Address; a != "" {
		page := strings.TrimSuffix(a, "/") + "/" + dir
		s.Address = strings.TrimPrefix(strings.TrimPrefix(page, "https://"), "http://")
		post = append(post, l.t("release_post_more", map[string]any{"URL": page}))
	}
	s.Post = strings.Join(post, "\n")
	return s
}

// file is one download as a page lists it.
func (l *lang) file(f FileIn) File {
	name := f.Path[strings.LastIndex(f.Path, "/")+1:]
	return File{Format: f.Format, Label: cmpOr(l.w("format_"+f.Format), f.Format), Path: f.Path, Name: name, Bytes: f.Bytes, Size: l.bytes(f.Bytes)}
}
