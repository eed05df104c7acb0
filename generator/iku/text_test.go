package iku

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Text that a page cannot show is refused before anything is computed,
// naming the table, the row's key and the column; line breaks and tabs
// are text in the long fields (definitions, explanations), not in names.
func TestValidateText(t *testing.T) {
	tests := []struct {
		name string
		edit func(ds *Dataset)
		want string
	}{
		{"escape in a name", func(ds *Dataset) { ds.Agencies[1].Name = "RSUD \x1b[31mmerah" },
			`the agencies table, row "rsud", column name, holds the control character U+001B (ESC) at character 6; remove it`},
		{"NUL in a unit", func(ds *Dataset) { ds.Indicators[2].Unit = "menit\x00" },
			`the indicators table, row "waktu-tunggu-rawat-jalan", column unit, holds the control character U+0000 (NUL) at character 6; remove it`},
		{"line break in a name", func(ds *Dataset) { ds.Sectors[0].Name = "Kese\nhatan" },
			`the sectors table, row "kesehatan", column name, holds a line break (U+000A) at character 5; remove it`},
		{"Latin-1 in a definition", func(ds *Dataset) { ds.Indicators[0].Definition = "Kunjungan wisatawan ke caf\xe9" },
			`the indicators table, row "kunjungan-wisata", column definition, is not UTF-8 (byte 0xE9 at character 27, a Latin-1 "é"?); save the data as UTF-8`},
		{"C1 control in an explanation", func(ds *Dataset) {
			ds.Explanations = append(ds.Explanations, Explanation{IndicatorSlug: "bor-rsud", Quarter: MustQuarter("2025-Q2"), FollowUp: "a\u009bb"})
		}, `the explanations table, row "bor-rsud" 2025-Q2, column follow_up, holds the control character U+009B at character 2; remove it`},
		{"DEL in a predicate's agency", func(ds *Dataset) { ds.Predicates[0].AgencySlug = "rsud\x7f" },
			`the predicates table, row "rsud\x7f" 2025, column agency_slug, holds the control character U+007F (DEL) at character 5; remove it`},
		{"capital kind", func(ds *Dataset) { ds.Agencies[0].Kind = "Dinas" },
			`agency "dinkes" has kind "Dinas"; use one of dinas, badan, rsud, kecamatan, inspektorat, sekretariat or satuan, in lower case`},
		{"kind that leaves /banding/", func(ds *Dataset) { ds.Agencies[0].Kind = "../x" },
			`agency "dinkes" has kind "../x"; use one of dinas, badan, rsud, kecamatan, inspektorat, sekretariat or satuan, in lower case`},
	}
	for _, tt := range tests {
		ds := cityDataset()
		tt.edit(ds)
		err := ds.Validate()
		if err == nil {
			t.Errorf("Validate(%s) = nil; want %s", tt.name, tt.want)
			continue
		}
		if msg := ErrorMessage(err); msg != tt.want || ErrorKind(err) != Invalid {
			t.Errorf("Validate(%s) = %s (kind %s)\n\twant %s (kind invalid)", tt.name, msg, ErrorKind(err), tt.want)
		}
	}

	// Tabs and line breaks (also "\r\n") are text in long fields; an empty
	// kind is no kind.
	ds := cityDataset()
	ds.Indicators[0].Definition = "Baris satu.\r\nBaris dua:\tdengan tab."
	ds.Indicators[0].Limitations = "Satu\nDua"
	ds.Agencies[0].Kind = ""
	if err := ds.Validate(); err != nil {
		t.Errorf("Validate(line breaks in a definition, no kind) = %v; want nil", err)
	}
}

func TestNormaliseKind(t *testing.T) {
	for in, want := range map[string]string{
		"kecamatan": "kecamatan", "Kecamatan": "kecamatan", " KECAMATAN\t": "kecamatan", "RSUD": "rsud", "": "",
	} {
		if got, ok := NormaliseKind(in); !ok || got != want {
			t.Errorf("NormaliseKind(%q) = %q, %v; want %q, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"../kecamatan", "kec", "kecamatan-x", "dinas kesehatan", "Kelurahan"} {
		if got, ok := NormaliseKind(in); ok {
			t.Errorf("NormaliseKind(%q) = %q, true; want it refused", in, got)
		}
	}
}

// A comparison's slug becomes its URL under /banding/: it passes the slug
// rule, whatever the agencies' kinds hold (Validate refuses a bad kind;
// this is the second line).
func TestComparisonSlugIsASlug(t *testing.T) {
	rep, err := Evaluate(compareDataset(), DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"../x", "Kecamatan", "kecamatan/../..", ""} {
		for i := range rep.Agencies {
			if strings.HasPrefix(rep.Agencies[i].Agency.Slug, "kecamatan-") {
				rep.Agencies[i].Agency.Kind = kind
			}
		}
		for _, c := range Comparisons(rep) {
			if !isSlug(c.Slug) {
				t.Errorf("kind %q: comparison slug %q is not a slug; it would leave /banding/", kind, c.Slug)
			}
		}
	}
}

// An over-long text does not stop the build: it is a warning of the
// evaluation (printed by build) and a data_warning finding of the check,
// naming the table, the row's key, the column and the size.
func TestLongTextWarnings(t *testing.T) {
	ds := cityDataset()
	ds.Indicators[2].Definition = strings.Repeat("Definisi panjang. ", 600) // 10,800 characters
	ds.Agencies[0].Name = strings.Repeat("é", MaxNameLength+1)
	ds.Sectors[1].NameEN = strings.Repeat("x", 1000)
	ds.Explanations = append(ds.Explanations, Explanation{IndicatorSlug: "bor-rsud", Quarter: MustQuarter("2025-Q2"),
		Inhibiting: strings.Repeat("ab", MaxLongTextLength/2) + "c"})
	ds.Indicators[0].Unit = strings.Repeat("u", MaxNameLength) // at the limit: no warning
	rep, err := Evaluate(ds, DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`the sectors table, row "pariwisata", column name_en, is 1000 characters long; a name should have at most 300: shorten it`,
		`the agencies table, row "dinkes", column name, is 301 characters long; a name should have at most 300: shorten it`,
		`the indicators table, row "waktu-tunggu-rawat-jalan", column definition, is 10800 characters long; a definition or explanation should have at most 10000: shorten it`,
		`the explanations table, row "bor-rsud" 2025-Q2, column inhibiting, is 10001 characters long; a definition or explanation should have at most 10000: shorten it`,
	}
	var got []string
	for _, w := range rep.Warnings {
		if strings.Contains(w, "characters long") {
			got = append(got, w)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("long-text warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var findings []string
	for _, f := range Check(ds, rep, DefaultCheckConfig()) {
		if strings.Contains(f.Message, "characters long") {
			findings = append(findings, fmt.Sprintf("%s %s %s/%s %s", f.Code, f.Severity, f.Agency, f.Indicator, f.Quarter))
		}
	}
	wantFindings := []string{
		"data_warning warning / 2026-Q2",
		"data_warning warning dinkes/ 2026-Q2",
		"data_warning warning rsud/waktu-tunggu-rawat-jalan 2026-Q2",
		"data_warning warning rsud/bor-rsud 2026-Q2",
	}
	slices.Sort(findings)
	slices.Sort(wantFindings)
	if !slices.Equal(findings, wantFindings) {
		t.Errorf("check findings of long texts: %q; want %q", findings, wantFindings)
	}
}
