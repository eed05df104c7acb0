package sitedata

import (
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Check is the data check of a preview (iku.Check): the site shows it at
// /pemeriksaan/ only when Input.Check is set, which only the preview does.
type Check struct {
	Quarter  iku.Quarter
	Findings []iku.Finding
}

// CheckReport is data/kinerja/check.json, written only for a preview: the
// findings grouped by agency in iku.Check's order (agencies with a
// blocking finding first, blocking findings first within each).
type CheckReport struct {
	Quarter     Period        `json:"quarter"`
	Blocking    int           `json:"blocking"`
	Warnings    int           `json:"warnings"`
	Publishable bool          `json:"publishable"`
	Agencies    []CheckAgency `json:"agencies"`
}

// CheckAgency is one agency's findings.
type CheckAgency struct {
	Slug     string         `json:"slug"`
	Name     string         `json:"name"`
	Blocking int            `json:"blocking"`
	Findings []CheckFinding `json:"findings"`
}

// CheckFinding is one finding as the page shows it: the template
// translates Code (i18n "check_" + code) with the indicator's name, the
// period and the value; the English message stays in the terminal.
type CheckFinding struct {
	Code      string `json:"code"`
	Severity  string `json:"severity"` // blocking, warning
	Indicator string `json:"indicator"`
	Name      string `json:"name"`
	Unit      string `json:"unit"`
	Period    Period `json:"period"`
	Value     string `json:"value"`
	Numeric   bool   `json:"numeric"` // Value is a decimal, to format as a number
	Ref       string `json:"ref"`
	RefNum    bool   `json:"ref_numeric"`
}

// checkReport groups c's findings by agency for the page.
func checkReport(c *Check, ds *iku.Dataset) CheckReport {
	inds := make(map[string]*iku.Indicator, len(ds.Indicators))
	for i := range ds.Indicators {
		inds[ds.Indicators[i].Slug] = &ds.Indicators[i]
	}
	out := CheckReport{Quarter: quarter(c.Quarter), Agencies: []CheckAgency{}}
	out.Blocking, out.Warnings = iku.Tally(c.Findings)
	out.Publishable = out.Blocking == 0
	byAgency := map[string]*CheckAgency{}
	var order []string
	for _, f := range c.Findings {
		a := byAgency[f.Agency]
		if a == nil {
			a = &CheckAgency{Slug: f.Agency, Findings: []CheckFinding{}}
			for _, ag := range ds.Agencies {
				if ag.Slug == f.Agency {
					a.Name = ag.Name
				}
			}
			byAgency[f.Agency] = a
			order = append(order, f.Agency)
		}
		cf := CheckFinding{Code: string(f.Code), Severity: string(f.Severity), Indicator: f.Indicator,
			Value: f.Value, Ref: f.Ref, Period: quarter(f.Quarter)}
		if ind := inds[f.Indicator]; ind != nil {
			cf.Name, cf.Unit = ind.Name, ind.Unit
			if ind.Frequency.Due(f.Quarter.Q) {
				cf.Period = period(ind.Frequency, f.Quarter)
			}
		}
		_, err := iku.ParseDecimal(f.Value)
		cf.Numeric = err == nil
		_, err = iku.ParseDecimal(f.Ref)
		cf.RefNum = err == nil
		if f.Severity == iku.Blocking {
			a.Blocking++
		}
		a.Findings = append(a.Findings, cf)
	}
	for _, slug := range order {
		out.Agencies = append(out.Agencies, *byAgency[slug])
	}
	return out
}
