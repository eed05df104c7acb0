package download

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// APIOptions tune API.
type APIOptions struct {
	// BaseURL is the site's public address, such as
	// "https://kinerja.tanjungbalaikota.go.id/" (a path after the host is
	// kept: "https://example.go.id/kinerja/"). When set, every link in the
	// documents is an absolute URL and openapi.json names it as the
	// server; when empty, links are paths from the site root ("/iku/x/").
	BaseURL string
}

// The API's fixed texts.
const (
	apiVersion   = "v1"
	apiTitle     = "Indikator Kinerja Utama Kota Tanjungbalai"
	apiPublisher = "Pemerintah Kota Tanjungbalai"
	apiRoot      = "api/" + apiVersion + "/"
)

// openAPISpec is the OpenAPI 3.1 description of the documents; API adds
// its servers.
//
//go:embed openapi.json
var openAPISpec []byte

// API returns the files of the static JSON API, version 1, by slash path
// relative to the site root:
//
//	api/v1/index.json         the API's metadata, the evaluation scale, and
//	                          every sector, agency and indicator with its
//	                          latest state
//	api/v1/iku/<slug>.json    one indicator: metadata, targets, every due
//	                          period, every consolidated year, links
//	api/v1/openapi.json       the OpenAPI 3.1 description of both, with a
//	                          JSON Schema (2020-12) for each document
//
// The documents are written from the display model m of the default
// language (generator/display): every period, status, trend and flag is
// the one its record shows (a row's key, its evaluation, its provisional
// mark), and tercapai is the evaluation's Met (iku), never decided here; the metadata
// and targets are the evaluated indicator's. Numbers are the exact decimal
// text of iku.Decimal, and nothing says when they were written, so the
// same model gives the same bytes.
//
// For the /data/ page (to journalists and researchers):
//
// Besides the downloads, every figure on this site is published as a
// small read-only JSON API that programs and newsrooms can read directly.
// Start at /api/v1/index.json: it lists every sector, agency and
// indicator, with each indicator's latest status and the address of its
// own document, /api/v1/iku/<slug>.json, which holds the indicator's
// definition, formula, source, verification and limitations, its targets,
// one entry per reporting period (quarters "2026-Q3", half-years
// "2026-S1" or years "2026", by the indicator's frequency: a period that
// is not due is simply not listed, it is not missing) and each year's
// consolidated figure. Numbers are strings holding the exact decimal
// ("57.25"), so that no digit is lost on the way; read them with a
// decimal type where every digit matters. A value that does not exist is
// null: an actual of null means the period is due but the agency has not
// reported it, never zero. /api/v1/openapi.json describes every field,
// with a JSON Schema that tools can check the documents against. The
// files change only when the data do, and the field names of v1 never
// change. The data are licensed CC BY 4.0: credit "Pemerintah Kota
// Tanjungbalai" and the agency named with each indicator.
func API(m *display.Model, o APIOptions) (map[string][]byte, error) {
	base, err := apiBase(o.BaseURL)
	if err != nil {
		return nil, err
	}
	rep := m.Report()
	if rep.Latest.IsZero() || rep.First.IsZero() {
		return nil, fmt.Errorf("download: the report has no quarter, so there is nothing to publish in the API")
	}
	link := func(p string) string { return base + p }
	files := map[string][]byte{}
	put := func(name string, v any) error {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("download: encode %s: %w", name, err)
		}
		files[name] = buf.Bytes()
		return nil
	}
	licence := apiLicence{Name: LicenceCCBY4, URL: LicenceCCBY4URL}

	idx := apiIndex{
		Version:       apiVersion,
		Title:         apiTitle,
		Publisher:     apiPublisher,
		Licence:       licence,
		Fictitious:    m.Site.Demo,
		FirstQuarter:  rep.First.String(),
		LatestQuarter: rep.Latest.String(),
		ScoreCap:      number(rep.Rules.ScoreCap),
		Categories:    []apiCategory{},
		Links: apiIndexLinks{
			Self:    link("/" + apiRoot + "index.json"),
			OpenAPI: link("/" + apiRoot + "openapi.json"),
			Data:    link("/data/"),
		},
		Sectors:    []apiSector{},
		Agencies:   []apiAgency{},
		Indicators: []apiIndicatorSummary{},
	}
	for _, c := range rep.Rules.Categories {
		idx.Categories = append(idx.Categories, apiCategory{Key: c.Key, Min: number(c.Min), Good: c.Good})
	}
	for _, sr := range rep.Sectors {
		s := sr.Sector
		if !slugPattern.MatchString(s.Slug) {
			return nil, fmt.Errorf("download: sector slug %q cannot be part of a URL", s.Slug)
		}
		idx.Sectors = append(idx.Sectors, apiSector{Slug: s.Slug, Code: s.Code, Name: m.Sector(s.Slug).Name.Text, URL: link("/sektor/" + s.Slug + "/")})
	}
	for i := range m.Agencies {
		a := &m.Agencies[i]
		ag := a.Report().Agency
		if !slugPattern.MatchString(ag.Slug) {
			return nil, fmt.Errorf("download: agency slug %q cannot be part of a URL", ag.Slug)
		}
		idx.Agencies = append(idx.Agencies, apiAgency{Slug: ag.Slug, Code: ag.Code, Name: a.Name.Text,
			ShortName: ag.ShortName, Kind: ag.Kind, Sector: ag.SectorSlug, URL: link("/opd/" + ag.Slug + "/")})
	}

	for i := range m.Indicators {
		ind := &m.Indicators[i]
		meta := ind.Report().Indicator
		if !slugPattern.MatchString(meta.Slug) {
			return nil, fmt.Errorf("download: indicator slug %q cannot be part of a URL", meta.Slug)
		}
		self := link("/" + apiRoot + "iku/" + meta.Slug + ".json")
		page := link("/iku/" + meta.Slug + "/")
		sum := apiIndicatorSummary{Slug: meta.Slug, Code: meta.Code, Name: ind.Name.Text, Agency: meta.AgencySlug,
			Sector: meta.SectorSlug, Unit: ind.Unit.Text, Polarity: string(meta.Polarity), Frequency: string(meta.Frequency),
			Consolidation: string(meta.Consolidation), URL: self, Page: page}
		if n := len(ind.Rows); n > 0 {
			r := &ind.Rows[n-1]
			e := r.Eval
			sum.Latest = &apiLatest{Period: r.Key, Kind: string(meta.Frequency.Period(e.Quarter).Kind), Quarter: e.Quarter.String(),
				Status: string(e.Status), Category: optional(e.Category), Actual: decimal(e.Actual), Achievement: decimal(e.Achievement),
				Tercapai: tercapai(e.Met)}
		}
		idx.Indicators = append(idx.Indicators, sum)

		doc, err := apiIndicatorDoc(ind)
		if err != nil {
			return nil, err
		}
		doc.Licence, doc.Fictitious, doc.LatestQuarter = licence, m.Site.Demo, rep.Latest.String()
		dl := "/" + Folder + "/iku/" + meta.Slug
		doc.Links = apiIndicatorLinks{Self: self, Page: page}
		for _, f := range IndicatorFormats {
			u := link(f.File(dl))
			switch f {
			case CSV:
				doc.Links.Downloads.CSV = u
			case ExcelCSV:
				doc.Links.Downloads.ExcelCSV = &u
			case XLSX:
				doc.Links.Downloads.XLSX = &u
			case JSON:
				doc.Links.Downloads.JSON = u
			}
		}
		if err := put(apiRoot+"iku/"+meta.Slug+".json", doc); err != nil {
			return nil, err
		}
	}
	for i := range m.Units {
		u := &m.Units[i]
		if !slugPattern.MatchString(u.Slug) {
			return nil, fmt.Errorf("download: service unit slug %q cannot be part of a URL", u.Slug)
		}
		doc := apiUnitDoc(m, u)
		doc.Licence, doc.Fictitious, doc.LatestQuarter = licence, m.Site.Demo, rep.Latest.String()
		self := link("/" + apiRoot + "unit/" + u.Slug + ".json")
		doc.Links = apiUnitLinks{Self: self, Page: link("/" + u.URL)}
		idx.Units = append(idx.Units, apiUnitSummary{Slug: u.Slug, Name: doc.Name, Kind: doc.Kind, Kecamatan: doc.Kecamatan,
			Agency: doc.Agency, URL: self, Page: doc.Links.Page})
		if err := put(apiRoot+"unit/"+u.Slug+".json", doc); err != nil {
			return nil, err
		}
	}
	if err := put(apiRoot+"index.json", idx); err != nil {
		return nil, err
	}

	spec, err := openAPIWithServers(base)
	if err != nil {
		return nil, err
	}
	files[apiRoot+"openapi.json"] = spec
	return files, nil
}

// apiIndicatorDoc is everything of one indicator but the parts that are
// the same for every indicator (licence, links): its metadata and targets
// from the evaluated indicator, every due period and year from the
// display record's rows.
func apiIndicatorDoc(ind *display.Indicator) (*apiIndicator, error) {
	ir := ind.Report()
	meta := ir.Indicator
	f := meta.Frequency
	doc := &apiIndicator{
		Version: apiVersion, Slug: meta.Slug, Code: meta.Code, Name: ind.Name.Text,
		Agency: meta.AgencySlug, AgencyName: ind.Agency.Text.Text, Sector: meta.SectorSlug, SectorName: ind.Sector.Text.Text,
		Unit: ind.Unit.Text, Polarity: string(meta.Polarity), Consolidation: string(meta.Consolidation),
		Frequency: string(f), Decimals: meta.Decimals, Definition: meta.Definition, Formula: meta.Formula,
		Source: meta.Source, Verification: meta.Verification, Limitations: meta.Limitations,
		ValidFrom: meta.ValidFrom.String(), Publisher: apiPublisher, DueNow: ind.DueNow,
		Targets: []apiTarget{}, Series: []apiPeriod{}, Years: []apiYear{},
	}
	if meta.ValidTo != nil {
		doc.ValidTo = optional(meta.ValidTo.String())
	}
	if !ir.NextDue.IsZero() {
		doc.NextDue = optional(ir.NextDue.String())
		doc.NextDuePeriod = optional(f.Period(ir.NextDue).Key())
	}
	for _, t := range ir.Targets {
		kind, err := targetKind(t)
		if err != nil {
			return nil, err
		}
		at := apiTarget{Year: t.Year, Kind: kind, Value: number(t.Value), High: decimal(t.High)}
		if t.Quarter != 0 {
			q := t.Quarter
			at.Quarter = &q
		}
		doc.Targets = append(doc.Targets, at)
	}
	for k := range ind.Rows {
		r := &ind.Rows[k]
		e := r.Eval
		p := f.Period(e.Quarter)
		ap := apiPeriod{
			Period: r.Key, Kind: string(p.Kind), Year: p.Year, Quarter: e.Quarter.String(),
			Actual: decimal(e.Actual), YearToDate: decimal(e.YearToDate), Compared: decimal(e.Compared),
			Basis: optional(string(e.Basis)), Achievement: decimal(e.Achievement), Status: string(e.Status),
			Category: optional(e.Category), Exceeds: r.Status.Exceeds != "", Provisional: r.Actual.Provisional() != "",
			Grade: optional(e.Grade), VsPrevious: optional(r.Trend.Key), VsYearAgo: optional(string(e.VsYearAgo)),
			Tercapai: tercapai(e.Met),
		}
		if t := e.Target; t != nil {
			kind, err := targetKind(*t)
			if err != nil {
				return nil, err
			}
			ap.Target, ap.TargetHigh, ap.TargetKind = decimal(&t.Value), decimal(t.High), &kind
		}
		doc.Series = append(doc.Series, ap)
	}
	// The consolidated years: the rows of the years' table, or, for an
	// annual indicator (whose table lists its years), the years themselves.
	var years []*iku.Year
	if ind.Years != nil {
		for k := range ind.Years.Rows {
			years = append(years, ind.Years.Rows[k].Year)
		}
	} else {
		for k := range ir.Years {
			years = append(years, &ir.Years[k])
		}
	}
	for _, y := range years {
		ay := apiYear{Year: y.Year, Actual: decimal(y.Actual), Complete: y.Complete,
			Achievement: decimal(y.Achievement), Status: string(y.Status), Category: optional(y.Category),
			Tercapai: tercapai(y.Met)}
		if y.Target != nil {
			ay.Target, ay.TargetHigh = decimal(&y.Target.Value), decimal(y.Target.High)
		}
		doc.Years = append(doc.Years, ay)
	}
	return doc, nil
}

// tercapai is the evaluation's Met as the API writes it: true, false or
// null.
func tercapai(m iku.Met) *bool {
	if m == iku.MetUnknown {
		return nil
	}
	met := m == iku.MetYes
	return &met
}

func targetKind(t iku.Target) (string, error) {
	switch {
	case t.Quarter == 0:
		return "annual", nil
	case t.Basis == iku.PerQuarter || t.Basis == iku.Cumulative:
		return string(t.Basis), nil
	}
	return "", fmt.Errorf("download: the target of indicator %q for %d-Q%d has basis %q; use per_quarter or cumulative", t.IndicatorSlug, t.Year, t.Quarter, t.Basis)
}

// slugPattern is what iku accepts as a slug (and so what may become part
// of a file path here).
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// apiBase checks the site's address and returns it without a trailing
// slash, so that base + "/api/v1/…" is a link ("" stays "").
func apiBase(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(s, " \t\r\n") {
		return "", fmt.Errorf("download: the site address %q is not an http(s) URL such as https://kinerja.tanjungbalaikota.go.id/", s)
	}
	return strings.TrimRight(s, "/"), nil
}

// openAPISpec with the site's address as its server (none without one),
// re-encoded with a fixed key order.
func openAPIWithServers(base string) ([]byte, error) {
	var doc struct {
		OpenAPI           string          `json:"openapi"`
		Info              json.RawMessage `json:"info"`
		JSONSchemaDialect string          `json:"jsonSchemaDialect"`
		Servers           []apiServer     `json:"servers,omitempty"`
		Paths             json.RawMessage `json:"paths"`
		Components        json.RawMessage `json:"components"`
	}
	dec := json.NewDecoder(bytes.NewReader(openAPISpec))
	dec.DisallowUnknownFields() // a new top-level key must be added above too
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("download: the embedded openapi.json: %w", err)
	}
	if base != "" {
		doc.Servers = []apiServer{{URL: base, Description: "the portal"}}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("download: encode openapi.json: %w", err)
	}
	return buf.Bytes(), nil
}

// number is d as the API writes it (see numberText).
func number(d iku.Decimal) string { return numberText(d.String()) }

// decimal is d as text, nil (null) when there is none.
func decimal(d *iku.Decimal) *string {
	if d == nil {
		return nil
	}
	s := number(*d)
	return &s
}

// optional is s, or nil (null) when it is empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// The documents, field by field in a fixed order; openapi.json describes
// each (the schema named in the comment). Every field is always present:
// an absent value is null, never a missing key.
type (
	apiServer struct {
		URL         string `json:"url"`
		Description string `json:"description"`
	}
	// Licence
	apiLicence struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	// Index
	apiIndex struct {
		Version       string                `json:"version"`
		Title         string                `json:"title"`
		Publisher     string                `json:"publisher"`
		Licence       apiLicence            `json:"licence"`
		Fictitious    bool                  `json:"fictitious"`
		FirstQuarter  string                `json:"first_quarter"`
		LatestQuarter string                `json:"latest_quarter"`
		ScoreCap      string                `json:"score_cap"`
		Categories    []apiCategory         `json:"categories"`
		Links         apiIndexLinks         `json:"links"`
		Sectors       []apiSector           `json:"sectors"`
		Agencies      []apiAgency           `json:"agencies"`
		Indicators    []apiIndicatorSummary `json:"indicators"`
		// Units are the service units, when the data has them.
		Units []apiUnitSummary `json:"units,omitempty"`
	}
	// Category
	apiCategory struct {
		Key  string `json:"key"`
		Min  string `json:"min"`
		Good bool   `json:"good"`
	}
	// IndexLinks
	apiIndexLinks struct {
		Self    string `json:"self"`
		OpenAPI string `json:"openapi"`
		Data    string `json:"data"`
	}
	// Sector
	apiSector struct {
		Slug string `json:"slug"`
		Code string `json:"code"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	// Agency
	apiAgency struct {
		Slug      string `json:"slug"`
		Code      string `json:"code"`
		Name      string `json:"name"`
		ShortName string `json:"short_name"`
		Kind      string `json:"kind"`
		Sector    string `json:"sector"`
		URL       string `json:"url"`
	}
	// IndicatorSummary
	apiIndicatorSummary struct {
		Slug          string     `json:"slug"`
		Code          string     `json:"code"`
		Name          string     `json:"name"`
		Agency        string     `json:"agency"`
		Sector        string     `json:"sector"`
		Unit          string     `json:"unit"`
		Polarity      string     `json:"polarity"`
		Frequency     string     `json:"frequency"`
		Consolidation string     `json:"consolidation"`
		URL           string     `json:"url"`
		Page          string     `json:"page"`
		Latest        *apiLatest `json:"latest"`
	}
	// LatestState
	apiLatest struct {
		Period      string  `json:"period"`
		Kind        string  `json:"kind"`
		Quarter     string  `json:"quarter"`
		Status      string  `json:"status"`
		Category    *string `json:"category"`
		Actual      *string `json:"actual"`
		Achievement *string `json:"achievement"`
		Tercapai    *bool   `json:"tercapai"`
	}
	// Indicator
	apiIndicator struct {
		Version       string            `json:"version"`
		Slug          string            `json:"slug"`
		Code          string            `json:"code"`
		Name          string            `json:"name"`
		Agency        string            `json:"agency"`
		AgencyName    string            `json:"agency_name"`
		Sector        string            `json:"sector"`
		SectorName    string            `json:"sector_name"`
		Unit          string            `json:"unit"`
		Polarity      string            `json:"polarity"`
		Consolidation string            `json:"consolidation"`
		Frequency     string            `json:"frequency"`
		Decimals      int               `json:"decimals"`
		Definition    string            `json:"definition"`
		Formula       string            `json:"formula"`
		Source        string            `json:"source"`
		Verification  string            `json:"verification"`
		Limitations   string            `json:"limitations"`
		ValidFrom     string            `json:"valid_from"`
		ValidTo       *string           `json:"valid_to"`
		Publisher     string            `json:"publisher"`
		Licence       apiLicence        `json:"licence"`
		Fictitious    bool              `json:"fictitious"`
		LatestQuarter string            `json:"latest_quarter"`
		DueNow        bool              `json:"due_now"`
		NextDue       *string           `json:"next_due"`
		NextDuePeriod *string           `json:"next_due_period"`
		Targets       []apiTarget       `json:"targets"`
		Series        []apiPeriod       `json:"series"`
		Years         []apiYear         `json:"years"`
		Links         apiIndicatorLinks `json:"links"`
	}
	// Target
	apiTarget struct {
		Year    int     `json:"year"`
		Quarter *int    `json:"quarter"`
		Kind    string  `json:"kind"`
		Value   string  `json:"value"`
		High    *string `json:"high"`
	}
	// Period
	apiPeriod struct {
		Period      string  `json:"period"`
		Kind        string  `json:"kind"`
		Year        int     `json:"year"`
		Quarter     string  `json:"quarter"`
		Target      *string `json:"target"`
		TargetHigh  *string `json:"target_high"`
		TargetKind  *string `json:"target_kind"`
		Actual      *string `json:"actual"`
		YearToDate  *string `json:"ytd"`
		Compared    *string `json:"compared"`
		Basis       *string `json:"basis"`
		Achievement *string `json:"achievement"`
		Status      string  `json:"status"`
		Category    *string `json:"category"`
		Exceeds     bool    `json:"exceeds"`
		Provisional bool    `json:"provisional"`
		Grade       *string `json:"grade"`
		VsPrevious  *string `json:"vs_previous"`
		VsYearAgo   *string `json:"vs_year_ago"`
		Tercapai    *bool   `json:"tercapai"`
	}
	// Year
	apiYear struct {
		Year        int     `json:"year"`
		Actual      *string `json:"actual"`
		Complete    bool    `json:"complete"`
		Target      *string `json:"target"`
		TargetHigh  *string `json:"target_high"`
		Achievement *string `json:"achievement"`
		Status      string  `json:"status"`
		Category    *string `json:"category"`
		Tercapai    *bool   `json:"tercapai"`
	}
	// IndicatorLinks
	apiIndicatorLinks struct {
		Self      string       `json:"self"`
		Page      string       `json:"page"`
		Downloads apiDownloads `json:"downloads"`
	}
	// Downloads
	apiDownloads struct {
		CSV      string  `json:"csv"`
		ExcelCSV *string `json:"excel_csv"` // null: not published per indicator (IndicatorFormats)
		XLSX     *string `json:"xlsx"`      // null: as excel_csv
		JSON     string  `json:"json"`
	}
)
