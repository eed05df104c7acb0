// Package download writes the open-data files of the portal: every table
// (one agency, one sector, the latest quarter, the whole dataset, each
// indicator's years, each agency's scores) in four formats and each
// indicator's in CSV and JSON, one SQLite database of every table, the
// static API, a checksum list, a Frictionless data package and a DCAT-AP
// catalogue.
// They are written from the display model of the default language
// (generator/display), so that a file says exactly what the page says,
// into a file store (generator/filestore) that the site links them from.
// What follows is written for the people who use the files; the /data/
// page shows it.
//
// # The formats
//
// The tables of an agency, a sector, the latest quarter and the whole
// dataset come in four files with the same columns and rows; one
// indicator's table, whose rows are in its agency's and sector's tables
// too, in the first and the last:
//
//	name.csv        CSV for programs (R, Python, pandas, databases)
//	name-excel.csv  CSV for Excel set to Indonesian
//	name.xlsx       an Excel workbook, with a data dictionary
//	name.json       JSON for programs and web pages
//
// CSV for programs (WriteCSV): UTF-8 without a byte order mark, comma
// separated, quoted as RFC 4180 says (a cell holding a comma, a double
// quote, a line break, or a space at either end is put in double quotes,
// and a double quote inside it is written twice), lines ending in "\n"
// (a line feed, as Unix writes them; RFC 4180 names "\r\n", and every CSV
// reader accepts both). The first row holds the column names, in
// snake_case, which never change. Numbers have a decimal point and no
// thousands separator ("1250.50"), dates are ISO 8601 ("2026-09-30"),
// yes/no columns are true or false, and an empty cell means there is no
// value (not zero).
//
// CSV for Excel (WriteExcelCSV): the same table, written the way Excel set
// to Indonesian reads a CSV when opened with a double click: UTF-8 with a
// byte order mark (so that "é" and "😀" survive), cells separated by
// semicolons, numbers with a decimal comma ("1250,50"), lines ending in
// "\r\n". Excel keeps 15 significant digits of a number: for longer
// numbers, use the XLSX (where they are text) or the other formats. Excel
// also turns some text into numbers or dates ("1.02" may become a date);
// the XLSX does not.
//
// XLSX (WriteXLSX): sheet "Data" holds the table with a bold header row
// that stays in view while scrolling and a filter on every column.
// Numbers are real numbers, shown with the decimals of their indicator
// ("0.00"), so they can be summed and charted. A spreadsheet keeps only
// 15 significant digits, so a number with more (rare) is written as text
// with every digit, and the data dictionary says how many in each column.
// Dates are dates, yes/no values are TRUE/FALSE. Text is always text:
// nothing in the file is a formula. Sheet "Kamus data" (data dictionary)
// lists each column's name, title, type, unit and description, then the
// source, licence, publisher, how to cite, and notes.
//
// JSON (WriteJSON): one object with the table's name and title, the
// dataset, source, publisher, licence, citation, publication time and
// notes, the fields (name, title, type, unit, description), and the rows,
// each an object with the columns in order. Numbers are strings holding
// the exact decimal ("1250.50"), because most JSON readers (JavaScript's
// JSON.parse among them) turn JSON numbers into binary floating point,
// which keeps about 15 significant digits and cannot hold most decimals
// exactly. Convert them with a decimal type where every digit matters
// (Python's decimal.Decimal), or to a float where 15 digits are enough.
// Whole numbers such as years and quarters are JSON numbers. No value is null. The characters <, > and &
// inside texts are written as \u003c, \u003e and \u0026, which every JSON
// reader turns back into the characters.
//
// Numbers are published exactly as the agencies' database holds them:
// "12.50" stays "12.50" in every format, and no number passes through
// binary floating point on its way to a file. Each indicator has its
// number of decimals; an achievement (capaian) is rounded to 2.
//
// # Text that starts like a formula
//
// A spreadsheet runs a CSV cell that starts with =, +, -, or @ as a
// formula, which can harm the computer that opens it (CSV injection). So
// in both CSV files a text that starts with =, +, -, @, a tab or a
// carriage return, and is not a plain number, gets one single quote (')
// in front: =HYPERLINK("http://x") is written '=HYPERLINK("http://x").
// Spreadsheets then show it as text. To get the original text back,
// remove that first quote; a text that itself starts with a quote before
// such a character gets one more quote, so the rule undoes exactly:
//
//	text                    cell in the CSV
//	=HYPERLINK("http://x")  '=HYPERLINK("http://x")
//	-12.5                   -12.5   (a number, left alone)
//	-5 kasus                '-5 kasus
//	'=x                     ''=x
//	'kutip                  'kutip
//
// Only text columns are changed, and numbers never are (a negative number
// is not a formula). The XLSX and JSON files hold every text as it is:
// there, text cannot run. This is the same rule as the release bundles
// (package bundle: bundle.Neutralise and bundle.Restore).
//
// # One table per question, and every table in SQL
//
// iku-tahunan (one row per indicator and year: the annual target, the
// year's actual consolidated by the indicator's rule, achievement,
// category, status and tercapai) and skor-opd (one row per agency and
// quarter: the score and how many indicators were counted, in progress,
// not reported, not due or without a percentage) come in the four
// formats too. tercapai is true when the target was met (achievement of
// at least 100, or a zero target met), false when it was not, and empty
// where neither applies: the same definition as every page and count.
//
// kinerja.sqlite (WriteSQLite) holds every table in one SQLite database:
// sectors, agencies, indicators, targets, periods, years and scores,
// joined by foreign keys, a data dictionary (kamus_data), the data's
// metadata (tentang), and the views iku_semua, iku_terbaru, iku_tahunan
// and skor_opd, each with the rows and columns of its download table.
// The tables keep every number as its exact decimal text; the views give
// numbers as SQL numbers (REAL) and yes/no as 1/0, so that
// "achievement < 100" compares numbers. PRAGMA user_version is the
// schema's version. The same data give the same file, byte for byte.
//
// # Checksums, data package, catalogue
//
// SHA256SUMS (WriteChecksums) lists the SHA-256 of every file, one line
// each ("<64 hex digits>  <path>"), sorted by path. To check a download,
// run `sha256sum -c SHA256SUMS` in the folder that holds the files (on
// Windows: `CertUtil -hashfile name.csv SHA256` and compare).
//
// datapackage.json (DataPackage) describes the files as a Frictionless
// Data Package (https://specs.frictionlessdata.io/): each file's path,
// format, media type, encoding, size in bytes and SHA-256, and for each
// CSV a Table Schema with every column's type, title, description and
// unit (in the property "unit"), so that tools such as frictionless,
// Open Data Editor or a CKAN portal can read the files with the right
// types.
//
// The DCAT catalogue (DCAT) describes the same files in DCAT-AP 3, as
// JSON-LD, so that a data portal (CKAN with ckanext-dcat, Satu Data
// Indonesia) can harvest them: datasets with their pages, titles and
// descriptions in Indonesian and English, theme, publisher, contact
// point, licence, temporal coverage and update frequency, and one
// distribution per file with its download address, description, media
// type, size and checksum.
//
// # Licence and citation
//
// The data are published under the Creative Commons Attribution 4.0
// licence (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/): use,
// share and adapt them freely, crediting "Pemerintah Kota Tanjungbalai"
// and the agency named with each indicator. Every XLSX, JSON and data
// package says how to cite the release it comes from.
//
// # Same data, same bytes
//
// Writing the same table twice gives identical files: the files carry the
// release's publication time, never the time they were written, and
// keys, rows and sheets are always in the same order. So a checksum
// changes only when the data change.
package download
