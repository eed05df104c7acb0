package bundle

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// field is one column of a table, as datapackage.json describes it.
type field struct {
	name, typ, desc string
	unit            string // for decimals: what the number counts
	required        bool
	optional        bool // a trailing column that older bundles lack: read as empty
	enum            []string
	pattern         string
	min, max        int // integers: bounds when max > 0
}

type foreignKey struct {
	field, resource, refField string
}

// table is one CSV file of the bundle.
type table struct {
	name, title, desc string
	optional          bool // older bundles lack the file: read as empty
	fields            []field
	primaryKey        []string
	foreignKeys       []foreignKey
	write             func(w *csvWriter, ds *iku.Dataset)
	read              func(c *cursor, ds *iku.Dataset)
}

func (t *table) file() string { return t.name + ".csv" }

func (t *table) columns() []string {
	cols := make([]string, len(t.fields))
	for i, f := range t.fields {
		cols[i] = f.name
	}
	return cols
}

const (
	unitOfIndicator = "the unit of the indicator (indicators.unit)"
	nameEN          = "Name in English, for the English site; empty when not translated (the site then shows the Indonesian name)."
	quarterPattern  = `^[0-9]{4}-Q[1-4]$`
)

// tables are the bundle's CSV files, in the order they are written and
// read. Their columns are those of bundle/doc.go.
var tables = []*table{
	{
		name: "sectors", title: "Sektor (urusan)", desc: "Policy areas (urusan pemerintahan), in the order the site lists them.",
		fields: []field{
			{name: "slug", typ: "string", desc: "Stable identifier used in URLs (/sektor/<slug>/).", required: true, pattern: slugPattern},
			{name: "code", typ: "string", desc: "Code of the urusan in the national nomenclature (Permendagri 90/2019)."},
			{name: "name", typ: "string", desc: "Name in Indonesian."},
			{name: "name_en", typ: "string", desc: nameEN, optional: true},
		},
		primaryKey: []string{"slug"},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, s := range ds.Sectors {
				w.row(s.Slug, s.Code, s.Name, s.NameEN)
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			ds.Sectors = append(ds.Sectors, iku.Sector{Slug: c.text(0), Code: c.text(1), Name: c.text(2), NameEN: c.text(3)})
		},
	},
	{
		name: "agencies", title: "Perangkat daerah", desc: "City agencies (perangkat daerah): dinas, badan, RSUD, kecamatan, inspektorat.",
		fields: []field{
			{name: "slug", typ: "string", desc: "Stable identifier used in URLs (/opd/<slug>/).", required: true, pattern: slugPattern},
			{name: "code", typ: "string", desc: "Code of the agency in the regional nomenclature."},
			{name: "name", typ: "string", desc: "Full name in Indonesian."},
			{name: "short_name", typ: "string", desc: "Short name or acronym (Dinkes, RSUD, Bapperida)."},
			{name: "kind", typ: "string", desc: "The kind of agency, as a code: dinas, badan, rsud, kecamatan, inspektorat, sekretariat or satuan (a reader trims it and puts it in lower case).", enum: iku.AgencyKinds},
			{name: "sector_slug", typ: "string", desc: "The agency's main policy area (sectors.slug).", required: true},
			{name: "name_en", typ: "string", desc: nameEN, optional: true},
		},
		primaryKey:  []string{"slug"},
		foreignKeys: []foreignKey{{"sector_slug", "sectors", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, a := range ds.Agencies {
				w.row(a.Slug, a.Code, a.Name, a.ShortName, a.Kind, a.SectorSlug, a.NameEN)
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			ds.Agencies = append(ds.Agencies, iku.Agency{Slug: c.text(0), Code: c.text(1), Name: c.text(2),
				ShortName: c.text(3), Kind: c.kind(4), SectorSlug: c.text(5), NameEN: c.text(6)})
		},
	},
	{
		name: "predicates", title: "Predikat organisasi", desc: "The organisation predicate of PermenPANRB 6/2022 for an agency and year: a leadership judgement, listed only where it has been made.",
		fields: []field{
			{name: "agency_slug", typ: "string", desc: "The agency (agencies.slug).", required: true},
			{name: "year", typ: "integer", desc: "The year judged.", required: true, min: 1900, max: 9999},
			{name: "predicate", typ: "string", desc: "The predicate.", required: true, enum: predicates},
		},
		primaryKey:  []string{"agency_slug", "year"},
		foreignKeys: []foreignKey{{"agency_slug", "agencies", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, p := range ds.Predicates {
				w.row(p.AgencySlug, strconv.Itoa(p.Year), p.Predicate)
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			ds.Predicates = append(ds.Predicates, iku.Predicate{AgencySlug: c.text(0), Year: c.year(1),
				Predicate: c.oneOf(2, "predicate of PermenPANRB 6/2022", predicates...)})
		},
	},
	{
		name: "indicators", title: "Indikator kinerja utama (IKU)", desc: "Key performance indicators with their metadata (Satu Data Indonesia, BPS MS-Ind).",
		fields: []field{
			{name: "slug", typ: "string", desc: "Stable identifier used in URLs (/iku/<slug>/).", required: true, pattern: slugPattern},
			{name: "code", typ: "string", desc: "The indicator's code in the agency's plan."},
			{name: "agency_slug", typ: "string", desc: "The agency responsible (agencies.slug).", required: true},
			{name: "sector_slug", typ: "string", desc: "The policy area (sectors.slug).", required: true},
			{name: "name", typ: "string", desc: "Name in Indonesian."},
			{name: "unit", typ: "string", desc: "Unit of the actual and the targets (%, menit, kunjungan, IKM, …)."},
			{name: "polarity", typ: "string", desc: "positive: higher is better; negative: lower is better.", required: true,
				enum: []string{string(iku.Positive), string(iku.Negative)}},
			{name: "consolidation", typ: "string", desc: "How quarters roll up into a year: sum of the quarters, average recomputed from numerator and denominator, last (a level: the last quarter, each quarter judged against the annual target), or cumulative (a running total since January written as a level: the last quarter, and before Q4 progress toward the annual target, as for sum).", required: true,
				enum: consolidations},
			{name: "decimals", typ: "integer", desc: "Decimal places the actual is published with.", required: true, min: 0, max: 10},
			{name: "multiplier", typ: "number", desc: "Average indicators: actual = numerator / denominator × multiplier (100 for percentages).", unit: "1 (a pure number)", required: true},
			{name: "min_value", typ: "number", desc: "Lowest plausible actual, for data checks; empty when none.", unit: unitOfIndicator},
			{name: "max_value", typ: "number", desc: "Highest plausible actual, for data checks; empty when none.", unit: unitOfIndicator},
			{name: "definition", typ: "string", desc: "Concept and definition."},
			{name: "formula", typ: "string", desc: "How the actual is computed."},
			{name: "source", typ: "string", desc: "Data source and producer."},
			{name: "verification", typ: "string", desc: "How the data is verified."},
			{name: "limitations", typ: "string", desc: "Known limitations."},
			{name: "frequency", typ: "string", desc: "How often the indicator is reported: quarterly (Q1–Q4), semiannual (Q2 and Q4: the half-year) or annual (Q4: the year)."},
			{name: "valid_from", typ: "string", desc: "First quarter the indicator is in force, as 2021-Q1.", required: true, pattern: quarterPattern},
			{name: "valid_to", typ: "string", desc: "Last quarter the indicator is in force; empty while it still is.", pattern: quarterPattern},
			{name: "name_en", typ: "string", desc: nameEN, optional: true},
			{name: "definition_en", typ: "string", desc: "Concept and definition in English; empty when not translated.", optional: true},
			{name: "unit_en", typ: "string", desc: "Unit in English; empty when not translated.", optional: true},
		},
		primaryKey:  []string{"slug"},
		foreignKeys: []foreignKey{{"agency_slug", "agencies", "slug"}, {"sector_slug", "sectors", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, i := range ds.Indicators {
				w.row(i.Slug, i.Code, i.AgencySlug, i.SectorSlug, i.Name, i.Unit, string(i.Polarity),
					string(i.Consolidation), strconv.Itoa(i.Decimals), i.Multiplier.String(),
					optDecimal(i.MinValue), optDecimal(i.MaxValue), i.Definition, i.Formula, i.Source,
					i.Verification, i.Limitations, string(i.Frequency), i.ValidFrom.String(), optQuarter(i.ValidTo),
					i.NameEN, i.DefinitionEN, i.UnitEN)
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			ds.Indicators = append(ds.Indicators, iku.Indicator{
				Slug: c.text(0), Code: c.text(1), AgencySlug: c.text(2), SectorSlug: c.text(3),
				Name: c.text(4), Unit: c.text(5),
				Polarity:      iku.Polarity(c.oneOf(6, "polarity", string(iku.Positive), string(iku.Negative))),
				Consolidation: iku.Consolidation(c.oneOf(7, "consolidation", consolidations...)),
				Decimals:      c.integer(8, 0, 10),
				Multiplier:    c.decimal(9),
				MinValue:      c.optDecimal(10), MaxValue: c.optDecimal(11),
				Definition: c.text(12), Formula: c.text(13), Source: c.text(14), Verification: c.text(15),
				Limitations: c.text(16), Frequency: iku.Frequency(c.text(17)),
				ValidFrom: c.quarter(18), ValidTo: c.optQuarter(19),
				NameEN: c.text(20), DefinitionEN: c.text(21), UnitEN: c.text(22),
			})
		},
	},
	{
		name: "targets", title: "Target", desc: "Targets per indicator and year (annual, quarter empty) and optionally per quarter, with the quarter's basis. A target with value_high is the range [value, value_high].",
		fields: []field{
			{name: "indicator_slug", typ: "string", desc: "The indicator (indicators.slug).", required: true},
			{name: "year", typ: "integer", desc: "The year.", required: true, min: 1900, max: 9999},
			{name: "quarter", typ: "integer", desc: "1–4 for a quarterly target; empty for the annual target.", min: 1, max: 4},
			{name: "basis", typ: "string", desc: "Quarterly targets: per_quarter (that quarter alone) or cumulative (from the start of the year); empty for annual targets.",
				enum: []string{string(iku.PerQuarter), string(iku.Cumulative)}},
			{name: "value", typ: "number", desc: "The target, or the low end of a range target.", unit: unitOfIndicator, required: true},
			{name: "value_high", typ: "number", desc: "The high end of a range target; empty otherwise.", unit: unitOfIndicator},
		},
		foreignKeys: []foreignKey{{"indicator_slug", "indicators", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, t := range ds.Targets {
				q := ""
				if t.Quarter != 0 {
					q = strconv.Itoa(t.Quarter)
				}
				w.row(t.IndicatorSlug, strconv.Itoa(t.Year), q, string(t.Basis), t.Value.String(), optDecimal(t.High))
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			t := iku.Target{IndicatorSlug: c.text(0), Year: c.year(1)}
			if c.text(2) != "" {
				t.Quarter = c.integer(2, 1, 4)
				t.Basis = iku.TargetBasis(c.oneOf(3, "basis", string(iku.PerQuarter), string(iku.Cumulative)))
			} else if c.text(3) != "" {
				c.fail(3, "an annual target (empty quarter) has no basis: empty the basis, or give the quarter 1–4")
			}
			t.Value = c.decimal(4)
			t.High = c.optDecimal(5)
			ds.Targets = append(ds.Targets, t)
		},
	},
	{
		name: "results", title: "Realisasi", desc: "Actual results per indicator and quarter, aggregated to the agency. An empty actual means not reported (belum dilaporkan).",
		fields: []field{
			{name: "indicator_slug", typ: "string", desc: "The indicator (indicators.slug).", required: true},
			{name: "year", typ: "integer", desc: "The year.", required: true, min: 1900, max: 9999},
			{name: "quarter", typ: "integer", desc: "The quarter (triwulan), 1–4.", required: true, min: 1, max: 4},
			{name: "actual", typ: "number", desc: "The actual (realisasi); empty when not reported.", unit: unitOfIndicator},
			{name: "numerator", typ: "number", desc: "Average indicators: Σ of the measured quantity (minutes waited, patients within the standard, …); empty otherwise.", unit: "as the indicator's formula says"},
			{name: "denominator", typ: "number", desc: "Average indicators: Σ of the weights (patients, respondents, …); empty otherwise.", unit: "as the indicator's formula says"},
			{name: "provisional", typ: "boolean", desc: "true while the agency has not verified the value (sementara).", required: true},
		},
		primaryKey:  []string{"indicator_slug", "year", "quarter"},
		foreignKeys: []foreignKey{{"indicator_slug", "indicators", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, r := range ds.Results {
				w.row(r.IndicatorSlug, strconv.Itoa(r.Quarter.Year), strconv.Itoa(r.Quarter.Q),
					optDecimal(r.Actual), optDecimal(r.Numerator), optDecimal(r.Denominator), strconv.FormatBool(r.Provisional))
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			ds.Results = append(ds.Results, iku.Result{
				IndicatorSlug: c.text(0),
				Quarter:       iku.Quarter{Year: c.year(1), Q: c.integer(2, 1, 4)},
				Actual:        c.optDecimal(3), Numerator: c.optDecimal(4), Denominator: c.optDecimal(5),
				Provisional: c.boolean(6),
			})
		},
	},
	{
		name: "explanations", title: "Penjelasan capaian", optional: true,
		desc: "The agency's explanation of an indicator's result in one due period (LKjIP): supporting factors, inhibiting factors and follow-up. Optional: a bundle without this file has no explanations.",
		fields: []field{
			{name: "indicator_slug", typ: "string", desc: "The indicator (indicators.slug).", required: true, pattern: slugPattern},
			{name: "year", typ: "integer", desc: "Year.", required: true, min: 1900, max: 9999},
			{name: "quarter", typ: "integer", desc: "The quarter (1–4) the explanation is about.", required: true, min: 1, max: 4},
			{name: "supporting", typ: "string", desc: "Faktor pendukung: what helped."},
			{name: "inhibiting", typ: "string", desc: "Faktor penghambat: what hindered."},
			{name: "follow_up", typ: "string", desc: "Tindak lanjut: what the agency will do next."},
		},
		primaryKey:  []string{"indicator_slug", "year", "quarter"},
		foreignKeys: []foreignKey{{"indicator_slug", "indicators", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, x := range ds.Explanations {
				w.row(x.IndicatorSlug, strconv.Itoa(x.Quarter.Year), strconv.Itoa(x.Quarter.Q), x.Supporting, x.Inhibiting, x.FollowUp)
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			ds.Explanations = append(ds.Explanations, iku.Explanation{
				IndicatorSlug: c.text(0),
				Quarter:       iku.Quarter{Year: c.year(1), Q: c.integer(2, 1, 4)},
				Supporting:    c.text(3), Inhibiting: c.text(4), FollowUp: c.text(5),
			})
		},
	},
	{
		name: "ratings", title: "Predikat kinerja pegawai ASN (jumlah)", optional: true,
		desc: "How many civil servants of each agency (and of the whole city: agency_slug empty) received each individual SKP predicate of PermenPANRB 6/2022 in a year, with the headcount rated. Counts of people, never a person. A bundle given to kinerja holds the exact counts (0 included), which kinerja suppresses itself; a bundle kinerja published (ratings_published in datapackage.json) carries the counts after disclosure control: an empty count is suppressed (fewer than k people, or a cell that would let one be narrowed down; see the methodology). Optional: a bundle without this file has no ratings.",
		fields: []field{
			{name: "agency_slug", typ: "string", desc: "The agency (agencies.slug); empty for the whole city."},
			{name: "year", typ: "integer", desc: "The year rated.", required: true, min: 1900, max: 9999},
			{name: "predicate", typ: "string", desc: "The individual SKP predicate.", required: true, enum: iku.SKPPredicates},
			{name: "count", typ: "integer", desc: "Civil servants with this predicate; empty when suppressed (only in a bundle kinerja published).", min: 0, max: 10_000_000},
			{name: "rated", typ: "integer", desc: "The agency's (or city's) civil servants rated that year.", required: true, min: 0, max: 10_000_000},
		},
		write: func(w *csvWriter, ds *iku.Dataset) {
			for _, r := range ds.Ratings {
				n := ""
				if r.Count != nil {
					n = strconv.Itoa(*r.Count)
				}
				w.row(r.AgencySlug, strconv.Itoa(r.Year), r.Predicate, n, strconv.Itoa(r.Rated))
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			rc := iku.RatingCount{AgencySlug: c.text(0), Year: c.year(1),
				Predicate: c.oneOf(2, "predicate of PermenPANRB 6/2022", iku.SKPPredicates...), Rated: c.integer(4, 0, 10_000_000)}
			if c.text(3) != "" {
				n := c.integer(3, 0, 10_000_000)
				rc.Count = &n
			}
			ds.Ratings = append(ds.Ratings, rc)
		},
	},
	{
		name: "unit_results", title: "Realisasi per unit layanan", optional: true,
		desc: "Actual results per indicator, service unit (puskesmas, school, tourist site, polyclinic) and quarter, consolidated by the indicator's rule as results.csv is for the agency, with the count each value rests on and the unit's name, kind, kecamatan and agency. Units are places, never people: kinerja publishes no value of a unit-quarter whose count is below unit_min_count (data/privasi.toml), and marks such a row suppressed. Optional: a bundle without this file has no unit results.",
		fields: []field{
			{name: "indicator_slug", typ: "string", desc: "The indicator (indicators.slug).", required: true},
			{name: "unit_slug", typ: "string", desc: "Stable identifier of the service unit, used in URLs (/unit/<slug>/).", required: true, pattern: slugPattern},
			{name: "year", typ: "integer", desc: "The year.", required: true, min: 1900, max: 9999},
			{name: "quarter", typ: "integer", desc: "The quarter (triwulan), 1–4.", required: true, min: 1, max: 4},
			{name: "actual", typ: "number", desc: "The unit's actual; empty when not reported, or when suppressed.", unit: unitOfIndicator},
			{name: "numerator", typ: "number", desc: "Average indicators: Σ of the unit's measured quantity; empty otherwise, or when suppressed.", unit: "as the indicator's formula says"},
			{name: "denominator", typ: "number", desc: "Average indicators: Σ of the unit's weights (patients, pupils, …); empty otherwise, or when suppressed.", unit: "as the indicator's formula says"},
			{name: "count", typ: "number", desc: "What the value rests on: the denominator of a ratio (patients, pupils assessed), else the value itself (visits); empty when nothing was measured.", unit: "patients, pupils, visits, … as the indicator measures"},
			{name: "provisional", typ: "boolean", desc: "true while a measurement of the quarter is not verified (sementara).", required: true},
			{name: "unit_name", typ: "string", desc: "The unit's name in Indonesian.", required: true},
			{name: "unit_kind", typ: "string", desc: "The kind of unit, as a code used in URLs (/unit/jenis/<kind>/): puskesmas, sekolah, destinasi, poliklinik, …", required: true, pattern: slugPattern},
			{name: "kecamatan_slug", typ: "string", desc: "The kecamatan the unit is in (agencies.slug of an agency of kind kecamatan); empty when not placed in one."},
			{name: "agency_slug", typ: "string", desc: "The agency the unit belongs to (agencies.slug).", required: true},
			{name: "unit_name_en", typ: "string", desc: nameEN},
			{name: "suppressed", typ: "boolean", desc: "true when kinerja withheld the value because the count is below unit_min_count, or because it could be derived from the agency's total (only in a bundle kinerja published); a view or raw bundle gives false or leaves the column out.", optional: true},
		},
		primaryKey:  []string{"indicator_slug", "unit_slug", "year", "quarter"},
		foreignKeys: []foreignKey{{"indicator_slug", "indicators", "slug"}, {"agency_slug", "agencies", "slug"}},
		write: func(w *csvWriter, ds *iku.Dataset) {
			units := make(map[string]iku.ServiceUnit, len(ds.Units))
			for _, u := range ds.Units {
				units[u.Slug] = u
			}
			for _, r := range ds.UnitResults {
				u := units[r.UnitSlug]
				w.row(r.IndicatorSlug, r.UnitSlug, strconv.Itoa(r.Quarter.Year), strconv.Itoa(r.Quarter.Q),
					optDecimal(r.Actual), optDecimal(r.Numerator), optDecimal(r.Denominator), optDecimal(r.Count),
					strconv.FormatBool(r.Provisional), u.Name, u.Kind, u.KecamatanSlug, u.AgencySlug, u.NameEN,
					strconv.FormatBool(r.Suppressed))
			}
		},
		read: func(c *cursor, ds *iku.Dataset) {
			r := iku.UnitResult{
				IndicatorSlug: c.text(0), UnitSlug: c.text(1),
				Quarter: iku.Quarter{Year: c.year(2), Q: c.integer(3, 1, 4)},
				Actual:  c.optDecimal(4), Numerator: c.optDecimal(5), Denominator: c.optDecimal(6), Count: c.optDecimal(7),
				Provisional: c.boolean(8),
			}
			if c.text(14) != "" {
				r.Suppressed = c.boolean(14)
			}
			if r.Suppressed && (r.Actual != nil || r.Numerator != nil || r.Denominator != nil) {
				c.fail(4, "holds a value in a row marked suppressed: empty actual, numerator and denominator, or set suppressed to false")
			}
			u := iku.ServiceUnit{Slug: r.UnitSlug, Name: c.text(9), Kind: strings.ToLower(strings.TrimSpace(c.text(10))), KecamatanSlug: c.text(11),
				AgencySlug: c.text(12), NameEN: c.text(13)}
			if n := len(ds.Units); n > 0 && ds.Units[n-1].Slug == u.Slug {
				if ds.Units[n-1] != u {
					c.fail(9, fmt.Sprintf("describes service unit %q differently from the row before (name, kind, kecamatan, agency or English name): give a unit the same description on every row", u.Slug))
				}
			} else if i := slices.IndexFunc(ds.Units, func(x iku.ServiceUnit) bool { return x.Slug == u.Slug }); i < 0 {
				ds.Units = append(ds.Units, u)
			} else if ds.Units[i] != u {
				c.fail(9, fmt.Sprintf("describes service unit %q differently from an earlier row (name, kind, kecamatan, agency or English name): give a unit the same description on every row", u.Slug))
			}
			ds.UnitResults = append(ds.UnitResults, r)
		},
	},
}

const slugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// predicates are the organisation predicates of PermenPANRB 6/2022.
var predicates = []string{"Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"}

// consolidations are the codes of iku.Consolidations.
var consolidations = func() []string {
	out := make([]string, len(iku.Consolidations))
	for i, c := range iku.Consolidations {
		out[i] = string(c)
	}
	return out
}()

func optDecimal(d *iku.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func optQuarter(q *iku.Quarter) string {
	if q == nil {
		return ""
	}
	return q.String()
}
