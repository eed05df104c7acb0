package display

import (
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// agency builds one agency's page; indicators are built.
func (m *Model) agency(out *Agency) {
	l := m.l
	ar := out.rep
	a := &ar.Agency
	rep := m.in.Report
	q := l.quarter(rep.Latest)
	out.Sector = m.sectorLink(a.SectorSlug)
	out.Counts = m.counts(ar.Counts)
	out.Lead = l.indicatorsN(ar.Counts.Total)
	out.Indicators = slices.Clone(ar.Indicators)
	if out.Indicators == nil {
		out.Indicators = []string{}
	}

	var latest *iku.Score
	for k := range ar.Scores {
		if ar.Scores[k].Quarter == rep.Latest {
			latest = &ar.Scores[k]
		}
	}
	sc := Score{Heading: l.t("score_heading", map[string]any{"Quarter": q.Name}),
		Explain: l.t("score_explain", map[string]any{"Cap": l.dec(&rep.Rules.ScoreCap)})}
	sc.Value = l.na(l.w("score_none"))
	var counted, missing int
	if latest != nil {
		c := latest.Counts
		counted = c.Counted()
		other := c.Total - counted - c.InProgress - c.NotReported - c.NotDue
		missing = c.InProgress + c.NotReported + c.NotDue + other
		if latest.Value != nil {
			v := l.dec(latest.Value)
			sc.Value = Cell{Text: v, Unit: withUnit(v, "%"), Sort: latest.Value.String()}
		}
		if missing == 0 {
			sc.Counted = l.t("score_counted_all", map[string]any{"Counted": counted})
		} else {
			sc.Counted = l.t("score_counted", map[string]any{"Counted": counted, "Missing": missing})
		}
		var why []string
		for _, w := range []struct {
			key string
			n   int
		}{{"why_not_due", c.NotDue}, {"why_not_reported", c.NotReported}, {"why_in_progress", c.InProgress}, {"why_other", other}} {
			if w.n > 0 {
				why = append(why, l.t(w.key, map[string]any{"Count": w.n}))
			}
		}
		if len(why) > 0 {
			sc.Why = l.w("why_intro") + " " + strings.Join(why, "; ") + "."
		}
	}
	out.Score = sc
	if sc.Value.Text != "" {
		out.Summary = l.t("agency_summary", map[string]any{"Quarter": q.Name, "Name": out.Name.Text,
			"Score": sc.Value.Shown(), "Counted": counted, "Missing": missing, "Count": missing})
	} else {
		out.Summary = l.t("agency_summary_none", map[string]any{"Quarter": q.Name, "Name": out.Name.Text})
	}
	out.Card = []string{sc.Heading + ": " + sc.Value.Said(), out.Lead}

	ps := slices.Clone(ar.Predicates)
	slices.SortStableFunc(ps, func(a, b iku.Predicate) int { return b.Year - a.Year })
	out.Predicates = []KV{}
	for _, p := range ps {
		out.Predicates = append(out.Predicates, KV{Label: l.Int(p.Year), Text: &Text{Text: p.Predicate}})
	}

	out.Chart = Chart{ID: ChartID("opd", a.Slug), Heading: l.t("chart_agency_heading", map[string]any{"Quarter": q.Name}), Summary: out.Summary}
	out.Table = m.listTable(l.t("table_agency_caption", map[string]any{"Name": out.Name.Text, "Quarter": q.Name}), false, true)

	out.Scores = Table{Caption: l.t("table_scores_caption", map[string]any{"Name": out.Name.Text}), Columns: []Column{
		{Label: l.w("col_quarter")},
		{Label: l.w("col_score"), Unit: "%", Num: true},
		{Label: l.w("col_counted"), Num: true},
		{Label: l.w("col_missing"), Num: true},
		{Label: l.w("col_not_due"), Num: true},
	}}
	out.ScoreRows = make([]ScoreRow, len(ar.Scores))
	for k := range ar.Scores {
		s := &ar.Scores[k]
		c := s.Counts
		p := l.quarter(s.Quarter)
		row := ScoreRow{Key: p.Key, Period: p.Name, score: s, Value: l.value(s.Value, "", "na_score"),
			Counted: l.num(c.Counted()), Missing: l.num(c.Total - c.Counted() - c.NotDue), NotDue: l.num(c.NotDue)}
		out.ScoreRows[k] = row
	}

	out.List = AgencyRow{Name: Link{Text: out.Name, URL: out.URL}, Sector: out.Sector,
		Indicators: l.num(ar.Counts.Total), Score: l.na(l.w("na_score")), Counts: out.Counts}
	if sc.Value.Text != "" {
		out.List.Score = sc.Value
	}
	out.Comparisons = []RankLine{}
}

// listTable is the table of indicators in lists: name, (agency), value,
// target, achievement, status, (trend).
func (m *Model) listTable(caption string, agency, trend bool) Table {
	l := m.l
	t := Table{Caption: caption, Columns: []Column{{Label: l.w("col_indicator")}}}
	if agency {
		t.Columns = append(t.Columns, Column{Label: l.w("col_agency"), Key: "agency"})
	}
	t.Columns = append(t.Columns,
		Column{Label: l.w("col_actual"), Num: true, Key: "value"},
		Column{Label: l.w("col_target"), Num: true, Key: "target"},
		Column{Label: l.w("col_achievement"), Num: true, Key: "achievement"},
		Column{Label: l.w("col_status"), Key: "status"})
	if trend {
		t.Columns = append(t.Columns, Column{Label: l.w("col_trend"), Key: "trend"})
	}
	return t
}

// sector builds one sector's page; agencies and indicators are built.
func (m *Model) sector(out *Sector, sr *iku.SectorReport) {
	l := m.l
	rep := m.in.Report
	q := l.quarter(rep.Latest)
	c := rep.SectorCounts[sr.Sector.Slug]
	out.Counts = m.counts(c)
	out.Lead = l.t("sector_lead", map[string]any{"Indicators": c.Total, "Agencies": len(sr.Agencies)})
	out.Tile = l.indicatorsN(c.Total) + " · " + l.agenciesN(len(sr.Agencies))
	in := map[string]bool{}
	for _, s := range sr.Indicators {
		in[s] = true
	}
	out.Agencies = []SectorLink{}
	for _, a := range sr.Agencies {
		n := 0
		if ag := m.Agency(a); ag != nil {
			for _, s := range ag.rep.Indicators {
				if in[s] {
					n++
				}
			}
		}
		out.Agencies = append(out.Agencies, SectorLink{Link: m.agencyLink(a), Note: l.t("indicators_in_sector", map[string]any{"Count": n})})
	}
	// Indicators by agency name, then by name, as the page's reader reads
	// them.
	out.Indicators = sortedBy(slices.Clone(sr.Indicators), func(s string) string {
		ind := m.Indicator(s)
		return ind.Agency.Text.Text + "\x00" + ind.Name.Text
	})
	if out.Indicators == nil {
		out.Indicators = []string{}
	}
	out.Table = m.listTable(l.t("table_sector_caption", map[string]any{"Name": out.Name.Text, "Quarter": q.Name}), true, true)
	out.Overview = OverviewRow{Name: Link{Text: out.Name, URL: out.URL}, Agencies: l.num(len(sr.Agencies)),
		Indicators: l.num(c.Total), NotDue: l.num(c.NotDue), sector: sr}
	for _, it := range out.Counts.Items {
		out.Overview.Counts = append(out.Overview.Counts, l.num(it.N))
	}
}

// counts are c by the one definition of each count (DOMAIN.md, "One
// definition per count").
func (m *Model) counts(c iku.Counts) Counts {
	l := m.l
	rules := m.in.Report.Rules
	out := Counts{Total: c.Total, NotDue: c.NotDue, Items: []CountItem{}}
	for _, st := range iku.Statuses {
		if st == iku.StatusCategory {
			for _, cat := range rules.Categories {
				n := c.ByCategory[cat.Key]
				out.Items = append(out.Items, CountItem{Status: l.status(st, cat.Key, false), N: n, Text: l.Int(n)})
			}
			continue
		}
		n := c.Of(st)
		out.Items = append(out.Items, CountItem{Status: l.status(st, "", false), N: n, Text: l.Int(n)})
	}
	if c.NotDue > 0 {
		next := ""
		if !c.NextDue.IsZero() {
			next = l.quarter(c.NextDue).Name
		}
		out.NotDueAt = l.t("not_due_line", map[string]any{"Count": c.NotDue, "Next": next})
	}
	h := c.Headline()
	out.OnTrack = h.OnTrack
	out.Exceeds = c.Exceeds
	out.Prov = c.Provisional
	good := m.goodNames()
	for _, x := range []struct {
		key  string
		n    int
		show bool
	}{
		{"on_track", h.OnTrack, true}, {"off_track", h.OffTrack, true}, {"pending", h.Pending, h.Pending > 0},
		{"not_reported", h.NotReported, true}, {"not_due", h.NotDue, h.NotDue > 0},
	} {
		if x.show {
			out.Headline = append(out.Headline, Line{Key: x.key, N: x.n, Num: l.Int(x.n),
				Text: l.t("headline_"+x.key, map[string]any{"Count": x.n, "GoodNames": good})})
		}
	}
	return out
}

// goodNames names what the headline counts as good or met: the good
// categories, Tercapai and Tercapai sejauh ini, in one list.
func (m *Model) goodNames() string {
	l := m.l
	var names []string
	for _, c := range m.in.Report.Rules.Categories {
		if c.Good {
			names = append(names, l.w("category_"+c.Key))
		}
	}
	names = append(names, l.w("status_met"), l.w("status_met_so_far"))
	return l.list(names)
}
