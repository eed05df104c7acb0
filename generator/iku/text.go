package iku

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The rules for text in the data (README, "The contract"): one place
// decides them, and the sources (bundle, PostgreSQL) apply them while
// reading, to name the file, line or view row of a problem.
//
//   - Text is UTF-8. A byte that is not (a file saved as Latin-1 or
//     Windows-1252) is refused.
//   - No control characters: NUL, ESC and the rest of U+0000–U+001F,
//     U+007F–U+009F are refused, except that the long fields
//     (definitions, formulas, sources, explanations) may hold tabs and
//     line breaks ("\n", "\r\n").
//   - A name, unit or code has at most MaxNameLength characters and a long
//     field at most MaxLongTextLength; longer text is a warning, not an
//     error (a page shows it whole).

// MaxNameLength is the most characters a name, short name, unit or code
// should have: a long Indonesian agency name has about 80.
const MaxNameLength = 300

// MaxLongTextLength is the most characters a definition, formula, source,
// verification, limitation or explanation should have: about four pages.
const MaxLongTextLength = 10_000

// TextError says why a text cannot be published; its Problem completes a
// sentence about the cell ("… column name, holds …").
type TextError struct {
	At       int  // character position (1-based) of the problem
	Rune     rune // the control character; utf8.RuneError when Encoding
	Byte     byte // the byte that is not UTF-8, when Encoding
	Encoding bool // the text is not UTF-8
}

func (e *TextError) Error() string { return e.Problem() }

// Problem describes the problem without the fix: "holds the control
// character U+001B (ESC) at character 6", "is not UTF-8 (byte 0xE9 at
// character 27, a Latin-1 "é"?)".
func (e *TextError) Problem() string {
	if e.Encoding {
		guess := ""
		if e.Byte >= 0xA0 {
			guess = fmt.Sprintf(", a Latin-1 %q?", string(rune(e.Byte)))
		}
		return fmt.Sprintf("is not UTF-8 (byte 0x%02X at character %d%s)", e.Byte, e.At, guess)
	}
	switch e.Rune {
	case '\n', '\r':
		return fmt.Sprintf("holds a line break (U+%04X) at character %d", e.Rune, e.At)
	case '\t':
		return fmt.Sprintf("holds a tab (U+0009) at character %d", e.At)
	}
	if name := controlNames[e.Rune]; name != "" {
		return fmt.Sprintf("holds the control character U+%04X (%s) at character %d", e.Rune, name, e.At)
	}
	return fmt.Sprintf("holds the control character U+%04X at character %d", e.Rune, e.At)
}

var controlNames = map[rune]string{0: "NUL", 7: "BEL", 8: "BS", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC", 0x7f: "DEL"}

// CheckText returns a *TextError when s is not UTF-8 or holds a control
// character; long allows tabs and line breaks (the long fields). nil when
// s can be published.
func CheckText(s string, long bool) *TextError {
	n := 0
	for i := 0; i < len(s); {
		b := s[i]
		n++
		if b < utf8.RuneSelf {
			if b < 0x20 || b == 0x7f {
				if !long || (b != '\t' && b != '\n' && b != '\r') {
					return &TextError{At: n, Rune: rune(b)}
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return &TextError{At: n, Rune: r, Byte: b, Encoding: true}
		}
		if r >= 0x80 && r <= 0x9f {
			return &TextError{At: n, Rune: r}
		}
		i += size
	}
	return nil
}

// AgencyKinds are the codes of an agency's kind (the contract's
// agencies.kind): a comparison of agencies of one kind takes its address
// from the code (/banding/kecamatan-paten/).
var AgencyKinds = []string{"dinas", "badan", "rsud", "kecamatan", "inspektorat", "sekretariat", "satuan"}

// NormaliseKind turns kind into its code: trimmed and in lower case
// ("Kecamatan " → "kecamatan"). ok is false when the result is not one of
// AgencyKinds; "" (no kind given) stays "".
func NormaliseKind(kind string) (code string, ok bool) {
	code = strings.ToLower(strings.TrimSpace(kind))
	return code, code == "" || slices.Contains(AgencyKinds, code)
}

// KindList names the allowed kinds for messages: "dinas, badan, … or
// satuan".
func KindList() string {
	return strings.Join(AgencyKinds[:len(AgencyKinds)-1], ", ") + " or " + AgencyKinds[len(AgencyKinds)-1]
}

// longColumns are the columns of the contract's tables that hold running
// text: tabs and line breaks are allowed there, and the longer limit.
var longColumns = map[string]bool{
	"indicators.definition": true, "indicators.formula": true, "indicators.source": true,
	"indicators.verification": true, "indicators.limitations": true, "indicators.definition_en": true,
	"explanations.supporting": true, "explanations.inhibiting": true, "explanations.follow_up": true,
}

// LongColumn reports whether column of table ("indicators",
// "definition") holds running text (see CheckText); every other text
// column is one line.
func LongColumn(table, column string) bool { return longColumns[table+"."+column] }

// textField is one text cell of a dataset, for the checks of this file.
type textField struct {
	table, key, column string
	value              string
	long               bool
	agency, indicator  string // what a warning about it is filed under
}

// where names the cell in messages: `the agencies table, row "rsud",
// column name`.
func (f *textField) where() string {
	return fmt.Sprintf("the %s table, row %s, column %s", f.table, f.key, f.column)
}

// texts calls yield for every text cell of ds, table by table in the
// order of Validate, and stops when yield returns false.
func (ds *Dataset) texts(yield func(f *textField) bool) {
	var f textField
	cell := func(column, value string) bool {
		if value == "" {
			return true
		}
		f.column, f.value, f.long = column, value, LongColumn(f.table, column)
		return yield(&f)
	}
	for _, s := range ds.Sectors {
		f = textField{table: "sectors", key: fmt.Sprintf("%q", s.Slug)}
		if !cell("slug", s.Slug) || !cell("code", s.Code) || !cell("name", s.Name) || !cell("name_en", s.NameEN) {
			return
		}
	}
	for _, a := range ds.Agencies {
		f = textField{table: "agencies", key: fmt.Sprintf("%q", a.Slug), agency: a.Slug}
		if !cell("slug", a.Slug) || !cell("code", a.Code) || !cell("name", a.Name) ||
			!cell("short_name", a.ShortName) || !cell("kind", a.Kind) || !cell("sector_slug", a.SectorSlug) ||
			!cell("name_en", a.NameEN) {
			return
		}
	}
	for _, p := range ds.Predicates {
		f = textField{table: "predicates", key: fmt.Sprintf("%q %d", p.AgencySlug, p.Year), agency: p.AgencySlug}
		if !cell("agency_slug", p.AgencySlug) || !cell("predicate", p.Predicate) {
			return
		}
	}
	for i := range ds.Indicators {
		ind := &ds.Indicators[i]
		f = textField{table: "indicators", key: fmt.Sprintf("%q", ind.Slug), agency: ind.AgencySlug, indicator: ind.Slug}
		if !cell("slug", ind.Slug) || !cell("code", ind.Code) || !cell("agency_slug", ind.AgencySlug) ||
			!cell("sector_slug", ind.SectorSlug) || !cell("name", ind.Name) || !cell("unit", ind.Unit) ||
			!cell("definition", ind.Definition) || !cell("formula", ind.Formula) || !cell("source", ind.Source) ||
			!cell("verification", ind.Verification) || !cell("limitations", ind.Limitations) ||
			!cell("name_en", ind.NameEN) || !cell("definition_en", ind.DefinitionEN) || !cell("unit_en", ind.UnitEN) {
			return
		}
	}
	for _, t := range ds.Targets {
		f = textField{table: "targets", key: fmt.Sprintf("%q %s", t.IndicatorSlug, targetPeriod(&t)), indicator: t.IndicatorSlug}
		if !cell("indicator_slug", t.IndicatorSlug) {
			return
		}
	}
	for _, r := range ds.Results {
		f = textField{table: "results", key: fmt.Sprintf("%q %s", r.IndicatorSlug, r.Quarter), indicator: r.IndicatorSlug}
		if !cell("indicator_slug", r.IndicatorSlug) {
			return
		}
	}
	for _, x := range ds.Explanations {
		f = textField{table: "explanations", key: fmt.Sprintf("%q %s", x.IndicatorSlug, x.Quarter), indicator: x.IndicatorSlug}
		if !cell("indicator_slug", x.IndicatorSlug) || !cell("supporting", x.Supporting) ||
			!cell("inhibiting", x.Inhibiting) || !cell("follow_up", x.FollowUp) {
			return
		}
	}
	for _, r := range ds.Ratings {
		f = textField{table: "ratings", key: fmt.Sprintf("%q %d %q", r.AgencySlug, r.Year, r.Predicate), agency: r.AgencySlug}
		if !cell("agency_slug", r.AgencySlug) || !cell("predicate", r.Predicate) {
			return
		}
	}
}

// checkTexts refuses the first text of ds that CheckText refuses.
func checkTexts(ds *Dataset) error {
	var err error
	ds.texts(func(f *textField) bool {
		if te := CheckText(f.value, f.long); te != nil {
			fix := "remove it"
			if te.Encoding {
				fix = "save the data as UTF-8"
			}
			err = Errorf(Invalid, "%s, %s; %s", f.where(), te.Problem(), fix)
			return false
		}
		return true
	})
	return err
}

// longTexts warns about every text longer than its limit, in the order of
// texts.
func (e *evaluator) longTexts() {
	e.ds.texts(func(f *textField) bool {
		limit, what := MaxNameLength, "a name"
		if f.long {
			limit, what = MaxLongTextLength, "a definition or explanation"
		}
		if len(f.value) <= limit { // bytes ≥ characters: most texts stop here
			return true
		}
		if n := utf8.RuneCountInString(f.value); n > limit {
			msg := fmt.Sprintf("%s, is %d characters long; %s should have at most %d: shorten it", f.where(), n, what, limit)
			e.rep.Warnings = append(e.rep.Warnings, msg)
			e.rep.DataWarnings = append(e.rep.DataWarnings, DataWarning{Kind: WarnLongText, Agency: f.agency, Indicator: f.indicator, Message: msg})
		}
		return true
	})
}
