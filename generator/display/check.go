package display

import (
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// CheckPage is the data check of a preview (/pemeriksaan/): the findings
// grouped by agency in iku.Check's order (agencies with a blocking
// finding first, blocking findings first within each), every finding a
// sentence in the page language. A published build never has it.
type CheckPage struct {
	Lead     string       `json:"lead"`
	Summary  string       `json:"summary"`
	Verdict  string       `json:"verdict"`
	Settings string       `json:"settings"`
	None     string       `json:"none,omitempty"`
	Agencies []CheckGroup `json:"agencies"`
}

// CheckGroup is one agency's findings.
type CheckGroup struct {
	Slug     string     `json:"slug"`
	Agency   Link       `json:"agency"`
	Caption  string     `json:"caption"`
	Findings []CheckRow `json:"findings"`
}

// CheckRow is one finding.
type CheckRow struct {
	Blocking  bool   `json:"blocking"`
	Severity  string `json:"severity"` // "Menghalangi", "Peringatan"
	Indicator Link   `json:"indicator"`
	Period    string `json:"period"`
	Text      string `json:"text"`
}

// SetCheck adds the data check's findings about quarter q to the model
// (a preview's /pemeriksaan/ page).
func (m *Model) SetCheck(q iku.Quarter, findings []iku.Finding) {
	l := m.l
	ds := m.in.Dataset
	inds := make(map[string]*iku.Indicator, len(ds.Indicators))
	for i := range ds.Indicators {
		inds[ds.Indicators[i].Slug] = &ds.Indicators[i]
	}
	blocking, warnings := iku.Tally(findings)
	out := &CheckPage{
		Lead:     l.t("check_lead", map[string]any{"Quarter": l.quarter(q).Name}),
		Summary:  l.t("check_summary", map[string]any{"Blocking": blocking, "Warnings": warnings}),
		Verdict:  l.w("check_publishable"),
		Settings: l.w("check_settings"),
		Agencies: []CheckGroup{},
	}
	if blocking > 0 {
		out.Verdict = l.w("check_not_publishable")
	}
	if len(findings) == 0 {
		out.None = l.w("check_none")
	}
	at := map[string]int{}
	for _, f := range findings {
		i, ok := at[f.Agency]
		if !ok {
			i = len(out.Agencies)
			at[f.Agency] = i
			out.Agencies = append(out.Agencies, CheckGroup{Slug: f.Agency, Agency: m.agencyLink(f.Agency), Findings: []CheckRow{}})
		}
		g := &out.Agencies[i]
		name := Link{Text: Text{Text: f.Indicator}}
		p := l.quarter(f.Quarter)
		if ind := inds[f.Indicator]; ind != nil {
			name = m.indicatorLink(f.Indicator)
			if ind.Frequency.Due(f.Quarter.Q) {
				p = l.period(ind.Frequency, f.Quarter)
			}
		}
		value, ref := l.findingValue(f.Value), l.findingValue(f.Ref)
		row := CheckRow{Blocking: f.Severity == iku.Blocking, Indicator: name, Period: p.Name,
			Text: l.t("check_"+string(f.Code), map[string]any{"Indicator": name.Text.Text, "Period": p.Name,
				"Year": f.Quarter.Year, "Value": value, "Ref": ref})}
		row.Severity = l.w("check_severity_warning")
		if row.Blocking {
			row.Severity = l.w("check_severity_blocking")
		}
		g.Findings = append(g.Findings, row)
	}
	for i := range out.Agencies {
		g := &out.Agencies[i]
		g.Caption = l.t("check_caption", map[string]any{"Agency": g.Agency.Text.Text, "Count": len(g.Findings)})
	}
	m.Check = out
}

// findingValue writes a finding's value in the page's style: a number
// ("62,5"), a range of numbers ("80–90"), or text as it is.
func (l *lang) findingValue(v string) string {
	if _, err := iku.ParseDecimal(v); err == nil {
		return l.Number(v)
	}
	if lo, hi, ok := strings.Cut(v, "–"); ok {
		_, err1 := iku.ParseDecimal(lo)
		_, err2 := iku.ParseDecimal(hi)
		if err1 == nil && err2 == nil {
			return l.t("target_range", map[string]any{"Low": l.Number(lo), "High": l.Number(hi)})
		}
	}
	return v
}
