package postgres

import (
	"fmt"
	"strings"
)

// The queries the exporter runs, all of them, against the publik views only
// (the contract of ../bundle/doc.go: the same tables and columns in the
// same order). NUMERIC columns are read as text, never through float64.
//
// Sectors, agencies and indicators come in the order of their codes (then
// slugs, so that the order is total): that order is the dataset order.
// Targets come by indicator slug, year and quarter with the annual target
// first, results by indicator slug, year and quarter; Load then moves each
// indicator's rows to its place in the dataset order (rows.go). COLLATE "C"
// makes the order the same on every server, whatever its locale.
const (
	selectSectors = `
SELECT slug, code, name, %s
FROM publik.sectors
ORDER BY code COLLATE "C", slug COLLATE "C"`

	selectAgencies = `
SELECT slug, code, name, short_name, kind, sector_slug, %s
FROM publik.agencies
ORDER BY code COLLATE "C", slug COLLATE "C"`

	selectPredicates = `
SELECT agency_slug, year, predicate
FROM publik.predicates
ORDER BY agency_slug COLLATE "C", year`

	selectIndicators = `
SELECT slug, code, agency_slug, sector_slug, name, unit, polarity,
       consolidation, decimals, multiplier::text AS multiplier,
       min_value::text AS min_value, max_value::text AS max_value,
       definition, formula, source, verification, limitations,
       frequency, valid_from, valid_to, %s
FROM publik.indicators
ORDER BY code COLLATE "C", slug COLLATE "C"`

	selectTargets = `
SELECT indicator_slug, year, quarter, basis,
       value::text AS value, value_high::text AS value_high
FROM publik.targets
ORDER BY indicator_slug COLLATE "C", year, quarter NULLS FIRST`

	selectResults = `
SELECT indicator_slug, year, quarter,
       actual::text AS actual, numerator::text AS numerator,
       denominator::text AS denominator, provisional
FROM publik.results
ORDER BY indicator_slug COLLATE "C", year, quarter`

	// The unit results view is optional in a city's own database (older
	// contracts lack it): hasUnitResults says whether it exists.
	hasUnitResults = `SELECT to_regclass('publik.unit_results') IS NOT NULL`

	selectUnitResults = `
SELECT indicator_slug, unit_slug, year, quarter,
       actual::text AS actual, numerator::text AS numerator,
       denominator::text AS denominator, count::text AS count, provisional,
       unit_name, unit_kind, coalesce(kecamatan_slug, '') AS kecamatan_slug,
       agency_slug, unit_name_en
FROM publik.unit_results
ORDER BY indicator_slug COLLATE "C", unit_slug COLLATE "C", year, quarter`

	// selectEnglishColumns lists the optional English columns (the %s of
	// the queries above) that the publik views have: a city's own views
	// may lack them, and then they read as NULL.
	selectEnglishColumns = `
SELECT table_name::text AS view, column_name::text AS col
FROM information_schema.columns
WHERE table_schema = 'publik' AND column_name IN ('name_en', 'definition_en', 'unit_en')`

	selectExplanations = `
SELECT indicator_slug, year, quarter,
       coalesce(supporting, '') AS supporting, coalesce(inhibiting, '') AS inhibiting,
       coalesce(follow_up, '') AS follow_up
FROM publik.explanations
ORDER BY indicator_slug COLLATE "C", year, quarter`

	// The ratings view is optional in a city's own database (older
	// contracts lack it): hasRatings says whether it exists.
	hasRatings = `SELECT to_regclass('publik.ratings') IS NOT NULL`

	selectRatings = `
SELECT coalesce(agency_slug, '') AS agency_slug, year, predicate, count, rated
FROM publik.ratings
ORDER BY year, agency_slug COLLATE "C" NULLS LAST,
         array_position(ARRAY['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'], predicate::text)`
)

// englishColumns are the optional English columns of each view, in the
// order the queries select them.
var englishColumns = map[string][]string{
	"sectors":    {"name_en"},
	"agencies":   {"name_en"},
	"indicators": {"name_en", "definition_en", "unit_en"},
}

// withEnglish fills the %s of a query with the view's English columns:
// the column where the view has it, else NULL under its name.
func withEnglish(query, view string, has map[string]bool) string {
	cols := englishColumns[view]
	parts := make([]string, len(cols))
	for i, c := range cols {
		if has[view+"."+c] {
			parts[i] = c
		} else {
			parts[i] = "NULL::text AS " + c
		}
	}
	return fmt.Sprintf(query, strings.Join(parts, ", "))
}
