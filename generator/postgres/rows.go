package postgres

import (
	"cmp"
	"database/sql"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The rows of the publik views as lib/pq delivers them. NUMERIC columns are
// strings: lib/pq sends NUMERIC as text, and text is what we keep.

type sectorRow struct {
	Slug   string         `db:"slug"`
	Code   string         `db:"code"`
	Name   string         `db:"name"`
	NameEN sql.NullString `db:"name_en"`
}

type agencyRow struct {
	Slug       string         `db:"slug"`
	Code       string         `db:"code"`
	Name       string         `db:"name"`
	ShortName  string         `db:"short_name"`
	Kind       string         `db:"kind"`
	SectorSlug string         `db:"sector_slug"`
	NameEN     sql.NullString `db:"name_en"`
}

type predicateRow struct {
	AgencySlug string `db:"agency_slug"`
	Year       int    `db:"year"`
	Predicate  string `db:"predicate"`
}

type indicatorRow struct {
	Slug          string         `db:"slug"`
	Code          string         `db:"code"`
	AgencySlug    string         `db:"agency_slug"`
	SectorSlug    string         `db:"sector_slug"`
	Name          string         `db:"name"`
	Unit          string         `db:"unit"`
	Polarity      string         `db:"polarity"`
	Consolidation string         `db:"consolidation"`
	Decimals      int            `db:"decimals"`
	Multiplier    sql.NullString `db:"multiplier"`
	MinValue      sql.NullString `db:"min_value"`
	MaxValue      sql.NullString `db:"max_value"`
	Definition    sql.NullString `db:"definition"`
	Formula       sql.NullString `db:"formula"`
	Source        sql.NullString `db:"source"`
	Verification  sql.NullString `db:"verification"`
	Limitations   sql.NullString `db:"limitations"`
	Frequency     sql.NullString `db:"frequency"`
	ValidFrom     string         `db:"valid_from"`
	ValidTo       sql.NullString `db:"valid_to"`
	NameEN        sql.NullString `db:"name_en"`
	DefinitionEN  sql.NullString `db:"definition_en"`
	UnitEN        sql.NullString `db:"unit_en"`
}

type targetRow struct {
	IndicatorSlug string         `db:"indicator_slug"`
	Year          int            `db:"year"`
	Quarter       sql.NullInt32  `db:"quarter"`
	Basis         sql.NullString `db:"basis"`
	Value         string         `db:"value"`
	ValueHigh     sql.NullString `db:"value_high"`
}

type resultRow struct {
	IndicatorSlug string         `db:"indicator_slug"`
	Year          int            `db:"year"`
	Quarter       int            `db:"quarter"`
	Actual        sql.NullString `db:"actual"`
	Numerator     sql.NullString `db:"numerator"`
	Denominator   sql.NullString `db:"denominator"`
	Provisional   bool           `db:"provisional"`
}

type rawRows struct {
	sectors      []sectorRow
	agencies     []agencyRow
	predicates   []predicateRow
	indicators   []indicatorRow
	targets      []targetRow
	results      []resultRow
	explanations []explanationRow
	ratings      []ratingRow
	units        []unitResultRow
}

type unitResultRow struct {
	IndicatorSlug string         `db:"indicator_slug"`
	UnitSlug      string         `db:"unit_slug"`
	Year          int            `db:"year"`
	Quarter       int            `db:"quarter"`
	Actual        sql.NullString `db:"actual"`
	Numerator     sql.NullString `db:"numerator"`
	Denominator   sql.NullString `db:"denominator"`
	Count         sql.NullString `db:"count"`
	Provisional   bool           `db:"provisional"`
	UnitName      string         `db:"unit_name"`
	UnitKind      string         `db:"unit_kind"`
	KecamatanSlug string         `db:"kecamatan_slug"`
	AgencySlug    string         `db:"agency_slug"`
	UnitNameEN    sql.NullString `db:"unit_name_en"`
}

type ratingRow struct {
	AgencySlug string        `db:"agency_slug"`
	Year       int           `db:"year"`
	Predicate  string        `db:"predicate"`
	Count      sql.NullInt64 `db:"count"`
	Rated      int           `db:"rated"`
}

type explanationRow struct {
	IndicatorSlug string `db:"indicator_slug"`
	Year          int    `db:"year"`
	Quarter       int    `db:"quarter"`
	Supporting    string `db:"supporting"`
	Inhibiting    string `db:"inhibiting"`
	FollowUp      string `db:"follow_up"`
}

// cell names one value of one view for error messages.
type cell struct {
	view string
	row  int    // 1-based, in the order of the query
	key  string // the row's identity: `slug "x"`, `indicator_slug "x", 2026`
	col  string
}

func (c cell) invalid(value, want string) error {
	return iku.Errorf(iku.Invalid, "the view %s, row %d (%s), has %s %q, which is not %s: fix the view or the data behind it", c.view, c.row, c.key, c.col, value, want)
}

func (c cell) decimal(s string) (iku.Decimal, error) {
	d, err := iku.ParseDecimal(s)
	if err != nil {
		return iku.Decimal{}, c.invalid(s, "a decimal number")
	}
	return d, nil
}

func (c cell) optDecimal(s sql.NullString) (*iku.Decimal, error) {
	if !s.Valid {
		return nil, nil
	}
	d, err := c.decimal(s.String)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func (c cell) quarter(s string) (iku.Quarter, error) {
	q, err := iku.ParseQuarter(s)
	if err != nil {
		return iku.Quarter{}, c.invalid(s, "a quarter such as 2021-Q1")
	}
	return q, nil
}

func (c cell) at(col string) cell { c.col = col; return c }

// dataset converts the rows into the domain's Dataset, refusing values the
// domain cannot hold with an Invalid error naming the view, row and column.
func (r *rawRows) dataset() (*iku.Dataset, error) {
	if err := r.checkText(); err != nil {
		return nil, err
	}
	ds := &iku.Dataset{
		Sectors:    make([]iku.Sector, 0, len(r.sectors)),
		Agencies:   make([]iku.Agency, 0, len(r.agencies)),
		Predicates: make([]iku.Predicate, 0, len(r.predicates)),
		Indicators: make([]iku.Indicator, 0, len(r.indicators)),
		Targets:    make([]iku.Target, 0, len(r.targets)),
		Results:    make([]iku.Result, 0, len(r.results)),
	}
	for _, s := range r.sectors {
		ds.Sectors = append(ds.Sectors, iku.Sector{Slug: s.Slug, Code: s.Code, Name: s.Name, NameEN: s.NameEN.String})
	}
	for i, a := range r.agencies {
		// The kind becomes part of a comparison's address: read as its
		// code, never as free text.
		kind, ok := iku.NormaliseKind(a.Kind)
		if !ok {
			c := cell{view: "publik.agencies", row: i + 1, key: fmt.Sprintf("slug %q", a.Slug), col: "kind"}
			return nil, c.invalid(a.Kind, "a kind of agency ("+iku.KindList()+")")
		}
		ds.Agencies = append(ds.Agencies, iku.Agency{
			Slug: a.Slug, Code: a.Code, Name: a.Name, ShortName: a.ShortName,
			Kind: kind, SectorSlug: a.SectorSlug, NameEN: a.NameEN.String,
		})
	}
	for _, p := range r.predicates {
		ds.Predicates = append(ds.Predicates, iku.Predicate{AgencySlug: p.AgencySlug, Year: p.Year, Predicate: p.Predicate})
	}
	for i, row := range r.indicators {
		ind, err := row.indicator(cell{view: "publik.indicators", row: i + 1, key: fmt.Sprintf("slug %q", row.Slug)})
		if err != nil {
			return nil, err
		}
		ds.Indicators = append(ds.Indicators, ind)
	}
	for i, row := range r.targets {
		key := fmt.Sprintf("indicator_slug %q, year %d", row.IndicatorSlug, row.Year)
		if row.Quarter.Valid {
			key += fmt.Sprintf(", quarter %d", row.Quarter.Int32)
		}
		t, err := row.target(cell{view: "publik.targets", row: i + 1, key: key})
		if err != nil {
			return nil, err
		}
		ds.Targets = append(ds.Targets, t)
	}
	for i, row := range r.results {
		key := fmt.Sprintf("indicator_slug %q, year %d, quarter %d", row.IndicatorSlug, row.Year, row.Quarter)
		res, err := row.result(cell{view: "publik.results", row: i + 1, key: key})
		if err != nil {
			return nil, err
		}
		ds.Results = append(ds.Results, res)
	}
	for _, x := range r.explanations {
		ds.Explanations = append(ds.Explanations, iku.Explanation{IndicatorSlug: x.IndicatorSlug,
			Quarter: iku.Quarter{Year: x.Year, Q: x.Quarter}, Supporting: x.Supporting, Inhibiting: x.Inhibiting, FollowUp: x.FollowUp})
	}
	for _, x := range r.ratings {
		rc := iku.RatingCount{AgencySlug: x.AgencySlug, Year: x.Year, Predicate: x.Predicate, Rated: x.Rated}
		if x.Count.Valid {
			n := int(x.Count.Int64)
			rc.Count = &n
		}
		ds.Ratings = append(ds.Ratings, rc)
	}
	if err := r.unitResults(ds); err != nil {
		return nil, err
	}
	inDatasetOrder(ds)
	return ds, nil
}

// unitResults turns the rows of publik.unit_results into the dataset's
// Units (each unit once, by slug, from its first row; a unit described
// differently by two rows is refused) and UnitResults.
func (r *rawRows) unitResults(ds *iku.Dataset) error {
	units := map[string]iku.ServiceUnit{}
	for i, row := range r.units {
		c := cell{view: "publik.unit_results", row: i + 1,
			key: fmt.Sprintf("indicator_slug %q, unit_slug %q, year %d, quarter %d", row.IndicatorSlug, row.UnitSlug, row.Year, row.Quarter)}
		u := iku.ServiceUnit{Slug: row.UnitSlug, Name: row.UnitName, NameEN: row.UnitNameEN.String,
			Kind: strings.ToLower(strings.TrimSpace(row.UnitKind)), AgencySlug: row.AgencySlug, KecamatanSlug: row.KecamatanSlug}
		if seen, ok := units[u.Slug]; !ok {
			units[u.Slug] = u
		} else if seen != u {
			return iku.Errorf(iku.Invalid, "the view publik.unit_results, row %d (%s), describes service unit %q differently from an earlier row (name, kind, kecamatan or agency): a unit has one description, so fix the view or the data behind it", c.row, c.key, u.Slug)
		}
		if row.Quarter < 1 || row.Quarter > 4 {
			return c.at("quarter").invalid(fmt.Sprint(row.Quarter), "a quarter number 1–4")
		}
		res := iku.UnitResult{IndicatorSlug: row.IndicatorSlug, UnitSlug: row.UnitSlug,
			Quarter: iku.Quarter{Year: row.Year, Q: row.Quarter}, Provisional: row.Provisional}
		var err error
		if res.Actual, err = c.at("actual").optDecimal(row.Actual); err != nil {
			return err
		}
		if res.Numerator, err = c.at("numerator").optDecimal(row.Numerator); err != nil {
			return err
		}
		if res.Denominator, err = c.at("denominator").optDecimal(row.Denominator); err != nil {
			return err
		}
		if res.Count, err = c.at("count").optDecimal(row.Count); err != nil {
			return err
		}
		ds.UnitResults = append(ds.UnitResults, res)
	}
	for _, slug := range slices.Sorted(maps.Keys(units)) {
		ds.Units = append(ds.Units, units[slug])
	}
	return nil
}

// inDatasetOrder sorts targets and results by their indicator's position in
// the dataset (the queries sort them by slug, year and quarter, and a stable
// sort keeps that within one indicator). Rows naming an indicator the
// dataset lacks go last, for the data checks to report.
func inDatasetOrder(ds *iku.Dataset) {
	pos := make(map[string]int, len(ds.Indicators))
	for i, ind := range ds.Indicators {
		pos[ind.Slug] = i
	}
	at := func(slug string) int {
		if i, ok := pos[slug]; ok {
			return i
		}
		return len(pos)
	}
	slices.SortStableFunc(ds.Targets, func(a, b iku.Target) int {
		return cmp.Compare(at(a.IndicatorSlug), at(b.IndicatorSlug))
	})
	slices.SortStableFunc(ds.Results, func(a, b iku.Result) int {
		return cmp.Compare(at(a.IndicatorSlug), at(b.IndicatorSlug))
	})
	slices.SortStableFunc(ds.Explanations, func(a, b iku.Explanation) int {
		return cmp.Compare(at(a.IndicatorSlug), at(b.IndicatorSlug))
	})
	slices.SortStableFunc(ds.UnitResults, func(a, b iku.UnitResult) int {
		return cmp.Compare(at(a.IndicatorSlug), at(b.IndicatorSlug))
	})
}

func (row indicatorRow) indicator(c cell) (iku.Indicator, error) {
	ind := iku.Indicator{
		Slug:          row.Slug,
		Code:          row.Code,
		AgencySlug:    row.AgencySlug,
		SectorSlug:    row.SectorSlug,
		Name:          row.Name,
		Unit:          row.Unit,
		Polarity:      iku.Polarity(row.Polarity),
		Consolidation: iku.Consolidation(row.Consolidation),
		Decimals:      row.Decimals,
		Definition:    row.Definition.String,
		Formula:       row.Formula.String,
		Source:        row.Source.String,
		Verification:  row.Verification.String,
		Limitations:   row.Limitations.String,
		Frequency:     iku.Frequency(row.Frequency.String),
		NameEN:        row.NameEN.String,
		DefinitionEN:  row.DefinitionEN.String,
		UnitEN:        row.UnitEN.String,
	}
	switch ind.Polarity {
	case iku.Positive, iku.Negative:
	default:
		return ind, c.at("polarity").invalid(row.Polarity, "positive or negative")
	}
	if !ind.Consolidation.Valid() {
		return ind, c.at("consolidation").invalid(row.Consolidation, iku.ConsolidationCodes())
	}
	if row.Decimals < 0 {
		return ind, c.at("decimals").invalid(fmt.Sprint(row.Decimals), "a number of decimals (0 or more)")
	}
	var err error
	if row.Multiplier.Valid {
		if ind.Multiplier, err = c.at("multiplier").decimal(row.Multiplier.String); err != nil {
			return ind, err
		}
	} else {
		ind.Multiplier = iku.MustDecimal("1")
	}
	if ind.MinValue, err = c.at("min_value").optDecimal(row.MinValue); err != nil {
		return ind, err
	}
	if ind.MaxValue, err = c.at("max_value").optDecimal(row.MaxValue); err != nil {
		return ind, err
	}
	if ind.ValidFrom, err = c.at("valid_from").quarter(row.ValidFrom); err != nil {
		return ind, err
	}
	if row.ValidTo.Valid {
		q, err := c.at("valid_to").quarter(row.ValidTo.String)
		if err != nil {
			return ind, err
		}
		ind.ValidTo = &q
	}
	return ind, nil
}

func (row targetRow) target(c cell) (iku.Target, error) {
	t := iku.Target{IndicatorSlug: row.IndicatorSlug, Year: row.Year}
	if row.Quarter.Valid {
		t.Quarter = int(row.Quarter.Int32)
		if t.Quarter < 1 || t.Quarter > 4 {
			return t, c.at("quarter").invalid(fmt.Sprint(t.Quarter), "a quarter number 1–4 (or empty for an annual target)")
		}
	}
	switch b := iku.TargetBasis(row.Basis.String); {
	case !row.Basis.Valid && !row.Quarter.Valid:
	case row.Quarter.Valid && (b == iku.PerQuarter || b == iku.Cumulative):
		t.Basis = b
	case !row.Quarter.Valid:
		return t, c.at("basis").invalid(row.Basis.String, "empty, as an annual target has no basis")
	default:
		return t, c.at("basis").invalid(row.Basis.String, "per_quarter or cumulative, as a quarterly target needs one")
	}
	var err error
	if t.Value, err = c.at("value").decimal(row.Value); err != nil {
		return t, err
	}
	if t.High, err = c.at("value_high").optDecimal(row.ValueHigh); err != nil {
		return t, err
	}
	return t, nil
}

func (row resultRow) result(c cell) (iku.Result, error) {
	res := iku.Result{
		IndicatorSlug: row.IndicatorSlug,
		Quarter:       iku.Quarter{Year: row.Year, Q: row.Quarter},
		Provisional:   row.Provisional,
	}
	if row.Quarter < 1 || row.Quarter > 4 {
		return res, c.at("quarter").invalid(fmt.Sprint(row.Quarter), "a quarter number 1–4")
	}
	var err error
	if res.Actual, err = c.at("actual").optDecimal(row.Actual); err != nil {
		return res, err
	}
	if res.Numerator, err = c.at("numerator").optDecimal(row.Numerator); err != nil {
		return res, err
	}
	if res.Denominator, err = c.at("denominator").optDecimal(row.Denominator); err != nil {
		return res, err
	}
	return res, nil
}

// checkText refuses text a page cannot show (iku.CheckText: not UTF-8, or
// a control character where it does not belong) in every text column of
// every view, naming the view, the row's key and the column.
func (r *rawRows) checkText() error {
	for _, v := range []struct {
		view string
		rows any      // a slice of one of the row structs above
		key  []string // the columns that name a row in messages
	}{
		{"publik.sectors", r.sectors, []string{"slug"}},
		{"publik.agencies", r.agencies, []string{"slug"}},
		{"publik.predicates", r.predicates, []string{"agency_slug", "year"}},
		{"publik.indicators", r.indicators, []string{"slug"}},
		{"publik.targets", r.targets, []string{"indicator_slug", "year", "quarter"}},
		{"publik.results", r.results, []string{"indicator_slug", "year", "quarter"}},
		{"publik.explanations", r.explanations, []string{"indicator_slug", "year", "quarter"}},
		{"publik.ratings", r.ratings, []string{"agency_slug", "year", "predicate"}},
		{"publik.unit_results", r.units, []string{"indicator_slug", "unit_slug", "year", "quarter"}},
	} {
		rows := reflect.ValueOf(v.rows)
		typ := rows.Type().Elem()
		table := strings.TrimPrefix(v.view, "publik.")
		for i := range rows.Len() {
			row := rows.Index(i)
			for f := range typ.NumField() {
				text, ok := textOf(row.Field(f))
				if !ok || text == "" {
					continue
				}
				col := typ.Field(f).Tag.Get("db")
				if te := iku.CheckText(text, iku.LongColumn(table, col)); te != nil {
					fix := "fix the view or the data behind it"
					if te.Encoding {
						fix = "convert the text to UTF-8"
					}
					return iku.Errorf(iku.Invalid, "the view %s, row %d (%s), column %s, %s: %s", v.view, i+1, rowKey(row, v.key), col, te.Problem(), fix)
				}
			}
		}
	}
	return nil
}

// textOf is the text of a string or sql.NullString field.
func textOf(v reflect.Value) (string, bool) {
	switch x := v.Interface().(type) {
	case string:
		return x, true
	case sql.NullString:
		return x.String, x.Valid
	}
	return "", false
}

// rowKey names a row by the values of cols: `indicator_slug "x", year
// 2026, quarter 3` (a NULL column is left out).
func rowKey(row reflect.Value, cols []string) string {
	var parts []string
	for _, col := range cols {
		for f := range row.NumField() {
			if row.Type().Field(f).Tag.Get("db") != col {
				continue
			}
			switch x := row.Field(f).Interface().(type) {
			case string:
				parts = append(parts, fmt.Sprintf("%s %q", col, x))
			case sql.NullInt32:
				if x.Valid {
					parts = append(parts, fmt.Sprintf("%s %d", col, x.Int32))
				}
			default:
				parts = append(parts, fmt.Sprintf("%s %v", col, x))
			}
		}
	}
	return strings.Join(parts, ", ")
}
