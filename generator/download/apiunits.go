package download

import (
	"github.com/tanjungbalai/kinerja/generator/display"
)

// The API's documents of service units: api/v1/unit/<slug>.json, one per
// unit, read from its display record (display.Unit) as its page prints
// it. A period whose count is too small has suppressed true and null
// actual, count and achievement: nothing in the API tells its value.
type (
	// UnitSummary
	apiUnitSummary struct {
		Slug      string  `json:"slug"`
		Name      string  `json:"name"`
		Kind      string  `json:"kind"`
		Kecamatan *string `json:"kecamatan"`
		Agency    string  `json:"agency"`
		URL       string  `json:"url"`
		Page      string  `json:"page"`
	}
	// Unit
	apiUnit struct {
		Version       string             `json:"version"`
		Slug          string             `json:"slug"`
		Name          string             `json:"name"`
		Kind          string             `json:"kind"`
		Kecamatan     *string            `json:"kecamatan"`
		Agency        string             `json:"agency"`
		Licence       apiLicence         `json:"licence"`
		Fictitious    bool               `json:"fictitious"`
		LatestQuarter string             `json:"latest_quarter"`
		Indicators    []apiUnitIndicator `json:"indicators"`
		Links         apiUnitLinks       `json:"links"`
	}
	// UnitIndicator
	apiUnitIndicator struct {
		Indicator  string          `json:"indicator"`
		Unit       string          `json:"unit"`
		Comparable bool            `json:"judged_against_target"`
		Series     []apiUnitPeriod `json:"series"`
	}
	// UnitPeriod
	apiUnitPeriod struct {
		Period      string  `json:"period"`
		Quarter     string  `json:"quarter"`
		Actual      *string `json:"actual"`
		Count       *string `json:"count"`
		Suppressed  bool    `json:"suppressed"`
		CityActual  *string `json:"city_actual"`
		Target      *string `json:"target"`
		TargetHigh  *string `json:"target_high"`
		Achievement *string `json:"achievement"`
		Status      string  `json:"status"`
		Provisional bool    `json:"provisional"`
	}
	// UnitLinks
	apiUnitLinks struct {
		Self string `json:"self"`
		Page string `json:"page"`
	}
)

// apiUnitDoc is one unit's document but its licence, quarter and links.
func apiUnitDoc(m *display.Model, u *display.Unit) *apiUnit {
	ds := m.Dataset()
	doc := &apiUnit{Version: apiVersion, Slug: u.Slug, Name: u.Name.Text, Agency: "", Indicators: []apiUnitIndicator{}}
	for i := range ds.Units {
		if su := &ds.Units[i]; su.Slug == u.Slug {
			doc.Kind, doc.Agency, doc.Kecamatan = su.Kind, su.AgencySlug, optional(su.KecamatanSlug)
		}
	}
	for _, s := range u.Sections {
		ind := m.Indicator(s.ID)
		if ind == nil {
			continue
		}
		ai := apiUnitIndicator{Indicator: s.ID, Unit: ind.Unit.Text, Comparable: s.Note == "", Series: []apiUnitPeriod{}}
		for _, r := range s.Rows {
			e := r.Eval
			p := apiUnitPeriod{Period: r.Key, Quarter: e.Quarter.String(), Actual: decimal(e.Actual), Count: decimal(r.CountValue),
				Suppressed: r.Suppressed, Achievement: decimal(e.Achievement), Status: r.Status.Key, Provisional: e.Provisional && e.Actual != nil}
			if r.CityEval != nil {
				p.CityActual = decimal(r.CityEval.Actual)
			}
			if ai.Comparable && e.Target != nil {
				p.Target, p.TargetHigh = optional(number(e.Target.Value)), decimal(e.Target.High)
			}
			if !ai.Comparable {
				p.Achievement = nil
			}
			if r.Suppressed {
				p.Actual, p.Count, p.Achievement = nil, nil, nil
			}
			ai.Series = append(ai.Series, p)
		}
		doc.Indicators = append(doc.Indicators, ai)
	}
	return doc
}
