// Package bundle reads and writes the CSV bundle: the one format for the
// embedded demo data, the open-data downloads and every frozen release.
//
// A bundle is a folder (or a zip of one) holding one CSV file per table and
// a datapackage.json (Frictionless Data Package) describing columns, types
// and units. The tables and columns are exactly those of the database's
// publik views, in this order, so that a bundle is what the exporter read:
//
//	sectors.csv     slug, code, name
//	agencies.csv    slug, code, name, short_name, kind, sector_slug
//	predicates.csv  agency_slug, year, predicate
//	indicators.csv  slug, code, agency_slug, sector_slug, name, unit, polarity,
//	                consolidation, decimals, multiplier, min_value, max_value,
//	                definition, formula, source, verification, limitations,
//	                frequency, valid_from, valid_to
//	targets.csv     indicator_slug, year, quarter, basis, value, value_high
//	results.csv     indicator_slug, year, quarter, actual, numerator,
//	                denominator, provisional
//
// Conventions: UTF-8 without BOM, comma separated, RFC 4180 quoting, a
// header row, "\n" line ends. An empty cell is NULL. Decimals are written
// exactly as the database gave them ("12.50" stays "12.50"). Quarters in
// valid_from/valid_to are "2021-Q1"; targets.quarter is empty for an annual
// target, else 1–4; results.quarter is 1–4. Booleans are "true"/"false".
// Rows are sorted: sectors, agencies and indicators in dataset order;
// targets by indicator, year, quarter (annual first); results by
// indicator, year, quarter.
package bundle
