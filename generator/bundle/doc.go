// Package bundle reads and writes the CSV bundle: the one format for the
// embedded demo data, the open-data downloads and every frozen release.
//
// A bundle is a folder (or a zip of one) holding one CSV file per table and
// a datapackage.json (Frictionless Data Package) describing columns, types
// and units. The tables and columns are exactly those of the database's
// publik views, in this order, so that a bundle is what the exporter read:
//
//	sectors.csv     slug, code, name, name_en
//	agencies.csv    slug, code, name, short_name, kind, sector_slug, name_en
//	predicates.csv  agency_slug, year, predicate
//	indicators.csv  slug, code, agency_slug, sector_slug, name, unit, polarity,
//	                consolidation, decimals, multiplier, min_value, max_value,
//	                definition, formula, source, verification, limitations,
//	                frequency, valid_from, valid_to, name_en,
//	                definition_en, unit_en
//	targets.csv     indicator_slug, year, quarter, basis, value, value_high
//	results.csv     indicator_slug, year, quarter, actual, numerator,
//	                denominator, provisional
//	explanations.csv indicator_slug, year, quarter, supporting, inhibiting,
//	                follow_up (optional: an older bundle without it has no
//	                explanations)
//	ratings.csv     agency_slug, year, predicate, count, rated (optional:
//	                civil servants per individual SKP predicate; an empty
//	                agency_slug is the whole city. Raw counts: kinerja
//	                suppresses them itself and refuses empty counts, except
//	                in a bundle kinerja published, marked so by
//	                "ratings_published": true in datapackage.json, whose
//	                empty counts were suppressed by disclosure control)
//	unit_results.csv indicator_slug, unit_slug, year, quarter, actual,
//	                numerator, denominator, count, provisional, unit_name,
//	                unit_kind, kecamatan_slug, agency_slug, unit_name_en,
//	                suppressed (optional: results per service unit, the
//	                view publik.unit_results; suppressed is kinerja's mark
//	                on a row whose value it withheld, and may be left out)
//
// Conventions: UTF-8 without BOM, comma separated, RFC 4180 quoting, a
// header row, "\n" line ends. An empty cell is NULL. Decimals are written
// exactly as the database gave them ("12.50" stays "12.50"). Quarters in
// valid_from/valid_to are "2021-Q1"; targets.quarter is empty for an annual
// target, else 1–4; results.quarter is 1–4. Booleans are "true"/"false".
// Rows are sorted: sectors, agencies and indicators in dataset order;
// targets by indicator, year, quarter (annual first); results by
// indicator, year, quarter.
//
// Quoting: a cell is put in double quotes when it holds a comma, a double
// quote (written twice), a line break, starts or ends with a space, or
// starts with a byte order mark. Line breaks inside a quoted cell are kept
// exactly, "\r\n" included. A row of one empty cell is written as "" (an
// empty line is skipped by readers).
//
// Spreadsheet safety (CSV injection): a cell whose text starts with "=",
// "+", "-", "@", a tab or a carriage return is written with one single
// quote in front, unless it is a plain number (an optional sign, digits
// and an optional fraction), so that Excel and LibreOffice show it as text
// instead of running it. So that this can be undone exactly, a text that
// is a single quote followed by text that needs the quote also gets one
// more quote in front. A reader removes the first character of a cell when
// it is a single quote and the rest of the cell needs the quote by the same
// rule; every other cell is read as it stands:
//
//	text                    cell in the file
//	=HYPERLINK("http://x")  '=HYPERLINK("http://x")
//	-12.5                   -12.5
//	-5 kasus                '-5 kasus
//	'=x                     ''=x
//	'kutip                  'kutip
//
// The rule applies to every column; the values Write puts in numeric,
// boolean and quarter columns never need it.
//
// The *_en columns are the English text of the English site, empty where
// not translated. They came later: a bundle written before them lacks them,
// and a header may leave out such trailing optional columns.
//
// Reading is strict about the format and lenient about its transport: the
// header must name exactly the columns above in that order, and every cell
// must parse (a decimal, a whole number in range, a quarter, true or
// false, one of the allowed words), or Load fails with an iku.Invalid error
// naming the file, line and column and what to write instead. Every cell
// is UTF-8 text without control characters (iku.CheckText): a file saved
// as Latin-1 or UTF-16, a NUL or an escape sequence is refused; tabs and
// line breaks are kept in the running-text columns (definition, formula,
// source, verification, limitations, definition_en, and the
// explanations) and refused elsewhere. An agency's kind is read as its
// code, trimmed and in lower case ("Kecamatan" is kecamatan), and must be
// one of the codes listed above. A byte order
// mark, "\r\n" line ends and empty lines are accepted, and the
// datapackage.json is not needed for reading. A zip may hold the files at
// its top or in one folder.
//
// The embedded demo (Demo) is the bundle Write makes from
// demo.Tanjungbalai().Dataset(), kept in the demo folder next to this file;
// `go generate ./generator/bundle` rewrites it, and a test fails when it is
// out of date.
package bundle
