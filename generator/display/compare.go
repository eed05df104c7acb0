package display

import (
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// comparisons builds the comparison pages and each agency's place in
// them.
func (m *Model) comparisons() {
	l := m.l
	rep := m.in.Report
	m.Comparisons = make([]Comparison, len(rep.Comparisons))
	for i := range rep.Comparisons {
		c := &rep.Comparisons[i]
		out := &m.Comparisons[i]
		name := l.text(c.Name, c.NameEN)
		if name.Lang == "" {
			// The "…" stands for the agency's name: said in words when the
			// name is in the page's language.
			name.Text = strings.ReplaceAll(name.Text, "…", l.w("compare_any_agency"))
		}
		unit := l.text(c.Unit, c.UnitEN).Text
		p := l.period(c.Frequency, c.Quarter)
		ranked := 0
		for _, mb := range c.Members {
			if mb.Rank > 0 {
				ranked++
			}
		}
		*out = Comparison{Slug: c.Slug, URL: l.url("banding/" + c.Slug + "/"), Title: name.Text, Name: name, Period: p.Name, cmp: c,
			Answer: l.t("compare_answer", map[string]any{"Quarter": p.Name, "Ranked": ranked, "Count": len(c.Members)}),
			Lead:   l.t("compare_lead", map[string]any{"Cap": l.dec(&rep.Rules.ScoreCap)}) + " " + l.w("polarity_"+string(c.Polarity)),
		}
		out.Chart = Chart{ID: ChartID("banding", c.Slug), Heading: l.t("compare_chart_heading", map[string]any{"Quarter": p.Name}),
			Summary: l.t("compare_summary", map[string]any{"Name": name.Text, "Quarter": p.Name, "Ranked": ranked, "Count": len(c.Members)})}
		out.Table = Table{Caption: l.t("compare_table_caption", map[string]any{"Name": name.Text, "Quarter": p.Name}), Columns: []Column{
			// The achievement (what the rank and the chart are of) and the
			// value right after the name, the rank after them (the rows are
			// in its order): on a phone the numbers are on the first screen.
			{Label: l.w("col_agency")}, {Label: l.w("col_achievement"), Num: true}, {Label: l.w("col_actual"), Num: true},
			{Label: l.w("col_target"), Num: true}, {Label: l.w("col_rank"), Num: true}, {Label: l.w("col_status")},
		}}
		for k := range c.Members {
			mb := &c.Members[k]
			e := &mb.Evaluation
			shown := e.Actual
			if e.Compared != nil {
				shown = e.Compared
			}
			row := CompareRow{Agency: m.agencyLink(mb.Agency), Indicator: l.url("iku/" + mb.Indicator + "/"),
				Value: l.value(shown, unit, "na_not_reported"), Target: l.target(e.Target, unit),
				Achievement: l.achievement(e, unit, true), Status: l.status(e.Status, e.Category, e.Exceeds)}
			if e.Compared != nil && !sameDec(e.Compared, e.Actual) {
				l.setHint(&row.Value, l.w(ytdKey(iku.Sum, "ytd_short")))
			}
			if e.Provisional && shown != nil {
				l.setProv(&row.Value, l.w("provisional"))
			}
			if mb.Rank > 0 {
				row.Rank = l.num(mb.Rank)
			} else {
				row.Rank = l.na(l.w("rank_none"))
			}
			row.Member = mb
			if a := m.Agency(mb.Agency); a != nil {
				row.Label = cmpOr(a.rep.Agency.ShortName, a.Name.Text)
			}
			out.Rows = append(out.Rows, row)
			out.Members = append(out.Members, mb.Agency)
			if k == 0 && mb.Rank > 0 {
				// The answer's figure says what it is: an achievement,
				// "capaian 101,47%", not a bare "101,47%".
				best := row.Achievement
				if best.Text != "" {
					best.Unit = l.t("achievement_named", map[string]any{"Value": best.Shown()})
				}
				out.Best = &BestLine{Agency: row.Agency, Achievement: best}
			}
			if a := m.Agency(mb.Agency); a != nil {
				rank := l.w("rank_none")
				if mb.Rank > 0 {
					rank = l.t("compare_agency_rank", map[string]any{"Rank": mb.Rank, "Count": len(c.Members), "Quarter": p.Name})
				}
				a.Comparisons = append(a.Comparisons, RankLine{Link: Link{Text: name, URL: out.URL}, Rank: rank})
			}
		}
		labels := make([]string, len(out.Rows))
		for k := range out.Rows {
			labels[k] = out.Rows[k].Label
		}
		for k, s := range dropCommonWords(labels) {
			out.Rows[k].Label = s
		}
	}
}

// dropCommonEnds is dropCommonWords at both ends: the leading and the
// trailing words every name shares go, keeping at least one word of each
// ("SMP Negeri 1" and "SD Negeri 132398" of "… Tanjungbalai").
func dropCommonEnds(names []string) []string {
	rev := func(ns []string) []string {
		out := make([]string, len(ns))
		for i, n := range ns {
			w := strings.Fields(n)
			slices.Reverse(w)
			out[i] = strings.Join(w, " ")
		}
		return out
	}
	return rev(dropCommonWords(rev(dropCommonWords(names))))
}

// dropCommonWords removes the leading words every name shares ("Kec.",
// "Kecamatan"), keeping at least one word of each: the chart's heading
// says what they are, and the names must be told apart in the space of
// an axis label.
func dropCommonWords(names []string) []string {
	if len(names) < 2 {
		return names
	}
	words := make([][]string, len(names))
	for i, n := range names {
		words[i] = strings.Fields(n)
	}
	k := 0
shared:
	for ; ; k++ {
		for _, w := range words {
			if k >= len(w)-1 || w[k] != words[0][k] {
				break shared
			}
		}
	}
	out := make([]string, len(names))
	for i, w := range words {
		out[i] = strings.Join(w[k:], " ")
	}
	return out
}
