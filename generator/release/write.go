package release

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Chart is a rendered chart: the option JSON for later enhancement and the
// checked SVG the page carries inline.
type Chart struct {
	ID     string
	Option json.RawMessage
	SVG    string
}

// Input is what one build publishes.
type Input struct {
	Dataset   *iku.Dataset
	Report    *iku.Report
	Charts    []Chart
	Demo      bool
	Source    string
	Generated time.Time
	// OverviewChart, AgencyCharts and IndicatorCharts name the chart IDs
	// drawn for each page ("" or absent = none).
	OverviewChart   string
	AgencyCharts    map[string]string
	IndicatorCharts map[string]string
}

// Layout of the build folder that Hugo mounts.
const (
	DataDir   = "data"          // mounted as Hugo's data
	AssetsDir = "assets"        // mounted as Hugo's assets
	ChartsDir = "assets/charts" // <id>.svg and <id>.json
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
			quarters = append(quarters, period(q))
		}
	}
	latestOf := latestEvaluations(r)

	meta := Meta{
		Demo:       in.Demo,
		Source:     in.Source,
		Generated:  in.Generated.UTC().Format(time.RFC3339),
		First:      period(r.First),
		Latest:     period(r.Latest),
		Quarters:   quarters,
		Counts:     counts(r.Counts, r.Rules),
		Improved:   movers(r.Improvements, in.Dataset),
		Declined:   movers(r.Declines, in.Dataset),
		Overview:   in.OverviewChart,
		Warnings:   r.Warnings,
		Agencies:   len(r.Agencies),
		Indicators: len(r.Indicators),
		ScoreCap:   r.Rules.ScoreCap.String(),
	}
	if meta.Warnings == nil {
		meta.Warnings = []string{}
	}
	if err := put("data/kinerja/meta.json", meta); err != nil {
		return nil, err
	}

	sectors := map[string]Sector{}
	for _, s := range r.Sectors {
		sectors[s.Sector.Slug] = Sector{
			Slug: s.Sector.Slug, Code: s.Sector.Code, Name: s.Sector.Name,
			Agencies: nonNil(s.Agencies), Indicators: nonNil(s.Indicators),
			Counts: counts(r.SectorCounts[s.Sector.Slug], r.Rules),
		}
	}
	if err := put("data/kinerja/sectors.json", sectors); err != nil {
		return nil, err
	}

	agencies := map[string]Agency{}
	for _, ar := range r.Agencies {
		a := Agency{
			Slug: ar.Agency.Slug, Code: ar.Agency.Code, Name: ar.Agency.Name,
			ShortName: ar.Agency.ShortName, Kind: ar.Agency.Kind, Sector: ar.Agency.SectorSlug,
			Indicators: nonNil(ar.Indicators), Scores: []Score{}, Predicates: []Predicate{},
			Chart: in.AgencyCharts[ar.Agency.Slug],
		}
		for _, s := range ar.Scores {
			sc := Score{Period: period(s.Quarter), Value: text(s.Value), Counted: s.Counted, Missing: s.Missing}
			a.Scores = append(a.Scores, sc)
			if s.Quarter == r.Latest {
				a.Latest = sc
			}
		}
		for _, p := range ar.Predicates {
			a.Predicates = append(a.Predicates, Predicate{Year: p.Year, Predicate: p.Predicate})
		}
		var c iku.Counts
		for _, slug := range ar.Indicators {
			tally(&c, latestOf[slug])
		}
		a.Counts = counts(c, r.Rules)
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
			Slug: ind.Slug, Code: ind.Code, Name: ind.Name, Agency: ind.AgencySlug,
			Sector: ind.SectorSlug, Unit: ind.Unit, Polarity: string(ind.Polarity),
			Consolidation: string(ind.Consolidation), Decimals: ind.Decimals,
			Definition: ind.Definition, Formula: ind.Formula, Source: ind.Source,
			Verification: ind.Verification, Limitations: ind.Limitations,
			Frequency: ind.Frequency, ValidFrom: ind.ValidFrom.String(),
			Latest: evaluation(latestOf[ind.Slug]), Chart: in.IndicatorCharts[ind.Slug],
		}
		if ind.ValidTo != nil {
			out.ValidTo = ind.ValidTo.String()
		}
		for _, t := range ir.Targets {
			if t.IsRange() {
				out.Range = true
			}
		}
		detail := Detail{Series: []Evaluation{}, Years: []Year{}}
		for _, e := range ir.Series {
			detail.Series = append(detail.Series, evaluation(e))
			if e.Actual != nil {
				out.LastReported = e.Quarter.String()
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

	for _, c := range in.Charts {
		files["assets/charts/"+c.ID+".svg"] = []byte(c.SVG)
		files["assets/charts/"+c.ID+".json"] = append([]byte(nil), c.Option...)
	}
	return files, nil
}

// latestEvaluations maps each indicator in force in the report's latest
// quarter to its evaluation there; an indicator whose series does not
// reach that quarter (ended, or not yet valid) is absent.
func latestEvaluations(r *iku.Report) map[string]iku.Evaluation {
	out := make(map[string]iku.Evaluation, len(r.Indicators))
	for i := range r.Indicators {
		series := r.Indicators[i].Series
		for j := len(series) - 1; j >= 0; j-- {
			if series[j].Quarter == r.Latest {
				out[r.Indicators[i].Indicator.Slug] = series[j]
				break
			}
		}
	}
	return out
}

func evaluation(e iku.Evaluation) Evaluation {
	out := Evaluation{
		Period: period(e.Quarter), Actual: text(e.Actual), YearToDate: text(e.YearToDate),
		Compared: text(e.Compared), Basis: string(e.Basis), Achievement: text(e.Achievement),
		Status: string(e.Status), Category: e.Category, Exceeds: e.Exceeds,
		Provisional: e.Provisional, Grade: e.Grade, VsPrev: string(e.VsPrevious), VsYear: string(e.VsYearAgo),
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

func tally(c *iku.Counts, e iku.Evaluation) {
	if e.Status == "" {
		return // not in force in that quarter
	}
	c.Total++
	switch e.Status {
	case iku.StatusCategory:
		if c.ByCategory == nil {
			c.ByCategory = map[string]int{}
		}
		c.ByCategory[e.Category]++
	case iku.StatusInProgress:
		c.InProgress++
	case iku.StatusMet:
		c.Met++
	case iku.StatusNotMet:
		c.NotMet++
	case iku.StatusNotReported:
		c.NotReported++
	case iku.StatusIncomplete:
		c.Incomplete++
	case iku.StatusNoTarget:
		c.NoTarget++
	}
}

func counts(c iku.Counts, rules iku.Rules) Counts {
	out := Counts{Total: c.Total, InProgress: c.InProgress, Met: c.Met, NotMet: c.NotMet,
		NotReported: c.NotReported, NoTarget: c.NoTarget, Incomplete: c.Incomplete, ByCategory: []CategoryN{}}
	for _, cat := range rules.Categories {
		out.ByCategory = append(out.ByCategory, CategoryN{Key: cat.Key, N: c.ByCategory[cat.Key]})
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

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
