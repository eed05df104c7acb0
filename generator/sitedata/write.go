package sitedata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/release"
)

// Chart is a rendered chart: the option JSON for later enhancement and the
// checked SVG the page carries inline.
type Chart struct {
	ID     string
	Lang   string // the language its words are in: written to assets/charts/<lang>/
	Option json.RawMessage
	SVG    string
}

// Input is what one build publishes.
type Input struct {
	Dataset *iku.Dataset
	Report  *iku.Report
	Charts  []Chart // every language's
	Demo    bool
	// Downloads maps "iku/<slug>", "opd/<slug>", "sektor/<slug>", "all",
	// "latest" and "bundle" to their files; Catalogue lists the data
	// package, the DCAT catalogue and the checksums.
	// Releases are the releases the site shows, oldest first, and the
	// revisions between them.
	Releases   []ReleaseInput
	Revisions  []release.Revision
	Downloads  map[string][]File
	Catalogue  []File
	Dictionary []Column
	// OverviewChart, AgencyCharts and IndicatorCharts name the chart IDs
	// drawn for each page ("" or absent = none).
	OverviewChart   string
	AgencyCharts    map[string]string
	IndicatorCharts map[string]string
	// ComparisonCharts maps comparison slugs to their chart IDs.
	ComparisonCharts map[string]string
	// Ratings, when set, is written as data/kinerja/asn.json (the
	// published ratings table).
	Ratings *Ratings
	// Check, set only for a preview, is written as data/kinerja/check.json
	// and shown at /pemeriksaan/; a published build never has it.
	Check *Check
}

// Layout of the build folder that Hugo mounts.
const (
	DataDir   = "data"          // mounted as Hugo's data
	AssetsDir = "assets"        // mounted as Hugo's assets
	ChartsDir = "assets/charts" // <lang>/<id>.svg and <lang>/<id>.json
)

// Write writes the Hugo data files and charts of one build into dir, which
// must be a fresh folder. Nothing is written outside dir.
func Write(dir string, in Input) error {
	files, err := Files(in)
	if err != nil {
		return err
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("create build folder: %w", err)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// Files returns every file of the build folder, by slash-separated path.
// It is pure, so that tests can compare two builds' generated data.
func Files(in Input) (map[string][]byte, error) {
	r := in.Report
	files := map[string][]byte{}
	put := func(name string, v any) error {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("encode %s: %w", name, err)
		}
		files[name] = buf.Bytes()
		return nil
	}

	quarters := []Period{}
	if !r.First.IsZero() {
		for q := r.First; !r.Latest.Before(q); q = q.Add(1) {
			quarters = append(quarters, quarter(q))
		}
	}

	meta := Meta{
		Demo:       in.Demo,
		First:      quarter(r.First),
		Latest:     quarter(r.Latest),
		Quarters:   quarters,
		Counts:     counts(r.Counts, r.Rules),
		Improved:   movers(r.Improvements, in.Dataset),
		Declined:   movers(r.Declines, in.Dataset),
		Overview:   in.OverviewChart,
		Agencies:   len(r.Agencies),
		Indicators: len(r.Indicators),
		ScoreCap:   r.Rules.ScoreCap.String(),
	}
	if in.Ratings != nil {
		if err := put("data/kinerja/asn.json", in.Ratings); err != nil {
			return nil, err
		}
	}
	if err := put("data/kinerja/meta.json", meta); err != nil {
		return nil, err
	}
	dl := Downloads{All: fileList(in.Downloads["all"]), Latest: fileList(in.Downloads["latest"]),
		Bundle: fileList(in.Downloads["bundle"]), Catalogue: fileList(in.Catalogue), Ratings: fileList(in.Downloads["asn"]), Dictionary: in.Dictionary}
	if dl.Dictionary == nil {
		dl.Dictionary = []Column{}
	}
	for _, fs := range in.Downloads {
		dl.Files += len(fs)
		for _, f := range fs {
			dl.Bytes += f.Bytes
		}
	}
	if err := put("data/kinerja/downloads.json", dl); err != nil {
		return nil, err
	}
	releases, revised := releasesData(in)
	if err := put("data/kinerja/releases.json", releases); err != nil {
		return nil, err
	}

	sectors := map[string]Sector{}
	for _, s := range r.Sectors {
		sectors[s.Sector.Slug] = Sector{
			Slug: s.Sector.Slug, Code: s.Sector.Code, Name: s.Sector.Name, NameEN: s.Sector.NameEN,
			Agencies: nonNil(s.Agencies), Indicators: nonNil(s.Indicators),
			Counts:    counts(r.SectorCounts[s.Sector.Slug], r.Rules),
			Downloads: fileList(in.Downloads["sektor/"+s.Sector.Slug]),
		}
	}
	if err := put("data/kinerja/sectors.json", sectors); err != nil {
		return nil, err
	}

	comparisons := map[string]Comparison{}
	inComparisons := map[string][]string{}
	for _, c := range r.Comparisons {
		out := Comparison{Slug: c.Slug, Name: c.Name, NameEN: c.NameEN, Unit: c.Unit, UnitEN: c.UnitEN,
			Polarity: string(c.Polarity), Frequency: string(c.Frequency), Period: period(c.Frequency, c.Quarter),
			Members: []Member{}, Chart: in.ComparisonCharts[c.Slug]}
		for _, m := range c.Members {
			out.Members = append(out.Members, Member{Indicator: m.Indicator, Agency: m.Agency, Rank: m.Rank,
				Capped: text(m.Capped), Latest: evaluation(c.Frequency, m.Evaluation)})
			if m.Rank > 0 {
				out.Ranked++
			}
			inComparisons[m.Agency] = append(inComparisons[m.Agency], c.Slug)
		}
		comparisons[c.Slug] = out
	}
	if err := put("data/kinerja/comparisons.json", comparisons); err != nil {
		return nil, err
	}

	agencies := map[string]Agency{}
	for _, ar := range r.Agencies {
		a := Agency{
			Slug: ar.Agency.Slug, Code: ar.Agency.Code, Name: ar.Agency.Name, NameEN: ar.Agency.NameEN,
			ShortName: ar.Agency.ShortName, Kind: ar.Agency.Kind, Sector: ar.Agency.SectorSlug,
			Indicators: nonNil(ar.Indicators), Scores: []Score{}, Predicates: []Predicate{},
			Chart: in.AgencyCharts[ar.Agency.Slug], Downloads: fileList(in.Downloads["opd/"+ar.Agency.Slug]),
			Comparisons: nonNil(inComparisons[ar.Agency.Slug]),
		}
		for _, s := range ar.Scores {
			c := s.Counts
			sc := Score{Period: quarter(s.Quarter), Value: text(s.Value), Counted: c.Counted(),
				InProgress: c.InProgress, NotReported: c.NotReported, NotDue: c.NotDue}
			sc.Other = c.Total - sc.Counted - sc.InProgress - sc.NotReported - sc.NotDue
			a.Scores = append(a.Scores, sc)
			if s.Quarter == r.Latest {
				a.Latest = sc
			}
		}
		for _, p := range ar.Predicates {
			a.Predicates = append(a.Predicates, Predicate{Year: p.Year, Predicate: p.Predicate})
		}
		a.Counts = counts(ar.Counts, r.Rules)
		agencies[a.Slug] = a
	}
	if err := put("data/kinerja/agencies.json", agencies); err != nil {
		return nil, err
	}

	indicators := map[string]Indicator{}
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		out := Indicator{
			Slug: ind.Slug, Code: ind.Code, Name: ind.Name, NameEN: ind.NameEN, Agency: ind.AgencySlug,
			Sector: ind.SectorSlug, Unit: ind.Unit, UnitEN: ind.UnitEN, Polarity: string(ind.Polarity),
			Consolidation: string(ind.Consolidation), Decimals: ind.Decimals,
			Definition: ind.Definition, DefinitionEN: ind.DefinitionEN, Formula: ind.Formula, Source: ind.Source,
			Verification: ind.Verification, Limitations: ind.Limitations,
			Frequency: string(ind.Frequency), ValidFrom: ind.ValidFrom.String(),
			Latest: evaluation(ind.Frequency, ir.Latest()), DueNow: ir.DueNow,
			Chart: in.IndicatorCharts[ind.Slug],
		}
		if !ir.NextDue.IsZero() {
			p := quarter(ir.NextDue)
			out.NextDue = &p
		}
		if ind.ValidTo != nil {
			out.ValidTo = ind.ValidTo.String()
		}
		for _, t := range ir.Targets {
			if t.IsRange() {
				out.Range = true
			}
		}
		detail := Detail{Series: []Evaluation{}, Years: []Year{}, Downloads: fileList(in.Downloads["iku/"+ind.Slug])}
		for _, e := range ir.Series {
			ev := evaluation(ind.Frequency, e)
			ev.Revisions = revised[ind.Slug+"/"+ev.Period.Key]
			detail.Series = append(detail.Series, ev)
			if e.Actual != nil {
				out.LastReported = &ev.Period
			}
		}
		for _, y := range ir.Years {
			yy := Year{Year: y.Year, Actual: text(y.Actual), Complete: y.Complete,
				Achievement: text(y.Achievement), Status: string(y.Status), Category: y.Category}
			if y.Target != nil {
				yy.Target = text(&y.Target.Value)
				yy.TargetHigh = text(y.Target.High)
			}
			detail.Years = append(detail.Years, yy)
		}
		if err := put("assets/iku/"+ind.Slug+".json", detail); err != nil {
			return nil, err
		}
		indicators[ind.Slug] = out
	}
	if err := put("data/kinerja/indicators.json", indicators); err != nil {
		return nil, err
	}

	if in.Check != nil {
		if err := put("data/kinerja/check.json", checkReport(in.Check, in.Dataset)); err != nil {
			return nil, err
		}
	}

	for _, c := range in.Charts {
		dir := ChartsDir + "/" + c.Lang + "/"
		files[dir+c.ID+".svg"] = []byte(c.SVG)
		files[dir+c.ID+".json"] = append([]byte(nil), c.Option...)
	}
	return files, nil
}

func evaluation(f iku.Frequency, e iku.Evaluation) Evaluation {
	if e.Quarter.IsZero() {
		return Evaluation{}
	}
	out := Evaluation{
		Period: period(f, e.Quarter), Actual: text(e.Actual), YearToDate: text(e.YearToDate),
		Compared: text(e.Compared), Basis: string(e.Basis), Achievement: text(e.Achievement),
		Status: string(e.Status), Category: e.Category, Exceeds: e.Exceeds,
		Provisional: e.Provisional, Grade: e.Grade, VsPrev: string(e.VsPrevious), VsYear: string(e.VsYearAgo),
		Prev: period(f, f.PrevDue(e.Quarter)), YearAgo: period(f, e.Quarter.Add(-4)),
	}
	if x := e.Explanation; x != nil && x.Supporting+x.Inhibiting+x.FollowUp != "" {
		out.Explanation = &Explanation{Supporting: x.Supporting, Inhibiting: x.Inhibiting, FollowUp: x.FollowUp}
	}
	if t := e.Target; t != nil {
		out.Target = text(&t.Value)
		out.TargetHigh = text(t.High)
		switch {
		case t.Quarter == 0:
			out.TargetKind = "annual"
		default:
			out.TargetKind = string(t.Basis)
		}
	}
	return out
}

// counts writes c for the templates: every status in iku.Statuses order,
// a category for each row of the rules.
func counts(c iku.Counts, rules iku.Rules) Counts {
	out := Counts{Total: c.Total, Counted: c.Counted(), Good: c.Good, InProgress: c.InProgress, Met: c.Met,
		MetSoFar: c.MetSoFar, NotMet: c.NotMet, NotReported: c.NotReported, NoTarget: c.NoTarget,
		Incomplete: c.Incomplete, NotDue: c.NotDue, Items: []CountItem{}}
	h := c.Headline()
	out.OnTrack, out.OffTrack, out.Pending = h.OnTrack, h.OffTrack, h.Pending
	for _, st := range iku.Statuses {
		if st == iku.StatusCategory {
			for _, cat := range rules.Categories {
				out.Items = append(out.Items, CountItem{Status: string(st), Category: cat.Key, Good: cat.Good, N: c.ByCategory[cat.Key]})
			}
			continue
		}
		out.Items = append(out.Items, CountItem{Status: string(st), N: c.Of(st)})
	}
	if !c.NextDue.IsZero() {
		p := quarter(c.NextDue)
		out.NextDue = &p
	}
	return out
}

func movers(ms []iku.Mover, ds *iku.Dataset) []Mover {
	byslug := map[string]iku.Indicator{}
	for _, ind := range ds.Indicators {
		byslug[ind.Slug] = ind
	}
	out := []Mover{}
	for _, m := range ms {
		ind := byslug[m.IndicatorSlug]
		out = append(out, Mover{Indicator: m.IndicatorSlug, Name: ind.Name, Agency: ind.AgencySlug,
			From: m.From.String(), To: m.To.String(), Change: m.Change.String()})
	}
	return out
}

// ReleaseInput is one release version for the site: the release, and for
// the newest version of each quarter its evaluated report.
type ReleaseInput struct {
	Release *release.Release
	Report  *iku.Report // nil for versions a later one of the quarter replaced
	Current bool        // the release that drives the site
	Files   []File      // its frozen files under /data/rilis/
	Zip     File
	Ratings []iku.RatingCount // its ratings table (published, suppressed)
}

// releasesData writes the releases for the templates: one entry per
// quarter (its versions oldest first), with the summary of its newest
// version and the revisions it published; and the revisions by indicator
// and period key.
func releasesData(in Input) ([]Release, map[string][]Revision) {
	names := map[string]string{}
	for _, ind := range in.Dataset.Indicators {
		names[ind.Slug] = ind.Name
	}
	freq := map[string]iku.Frequency{}
	for _, ind := range in.Dataset.Indicators {
		freq[ind.Slug] = ind.Frequency
	}
	out := []Release{}
	at := map[string]int{}
	for _, ri := range in.Releases {
		r := ri.Release
		i, ok := at[r.Key()]
		if !ok {
			i = len(out)
			at[r.Key()] = i
			out = append(out, Release{Key: r.Key(), Quarter: quarter(r.Q), Versions: []ReleaseVersion{},
				Improved: []Mover{}, Declined: []Mover{}, NotReporting: []AgencyCount{}, Revisions: []Revision{}, RatingsRevised: []RatingsRevision{}})
		}
		rel := &out[i]
		rel.Current = rel.Current || ri.Current
		rel.Draft = r.Published == ""
		rel.Versions = append(rel.Versions, ReleaseVersion{Version: r.Version, Published: r.Published, Reason: r.Reason,
			Forced: r.Forced, Files: fileList(ri.Files), Zip: ri.Zip})
		if rep := ri.Report; rep != nil {
			rel.Counts = counts(rep.Counts, rep.Rules)
			rel.Improved = movers(rep.Improvements, in.Dataset)
			rel.Declined = movers(rep.Declines, in.Dataset)
			rel.NotReporting = []AgencyCount{}
			for _, ar := range rep.Agencies {
				if n := ar.Counts.NotReported; n > 0 {
					rel.NotReporting = append(rel.NotReporting, AgencyCount{Agency: ar.Agency.Slug, Name: ar.Agency.Name, N: n})
				}
			}
		}
	}
	ratings := map[*release.Release][]iku.RatingCount{}
	var rels []*release.Release
	for _, ri := range in.Releases {
		ratings[ri.Release] = ri.Ratings
		rels = append(rels, ri.Release)
	}
	for _, rv := range release.RatingRevisions(rels, ratings) {
		if i, ok := at[rv.In.Key()]; ok {
			out[i].RatingsRevised = append(out[i].RatingsRevised, RatingsRevision{Year: rv.Year, In: rv.In.Label(), Kept: rv.Kept})
		}
	}
	revised := map[string][]Revision{}
	for _, rv := range in.Revisions {
		f := freq[rv.Indicator]
		p := period(f, rv.Quarter)
		row := Revision{Indicator: rv.Indicator, Name: names[rv.Indicator], Period: p, Old: text(rv.Old), New: text(rv.New),
			From: rv.From.Label(), In: rv.In.Label(), InKey: rv.In.Key(), Reason: rv.In.Reason,
			Anchor: "revisi-" + rv.Indicator + "-" + strings.ToLower(p.Key)}
		if i, ok := at[rv.In.Key()]; ok {
			out[i].Revisions = append(out[i].Revisions, row)
		}
		revised[rv.Indicator+"/"+p.Key] = append(revised[rv.Indicator+"/"+p.Key], row)
	}
	return out, revised
}

func fileList(fs []File) []File {
	if fs == nil {
		return []File{}
	}
	return fs
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
