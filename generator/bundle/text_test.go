package bundle

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Text a page cannot show is refused on reading, naming the file, the CSV
// line and the column, and what to do: a file saved as Latin-1, a NUL or
// an escape sequence (which otherwise fail later, in the chart check or
// the downloads, naming no cell), a line break in a name.
func TestBadText(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		edit       func(string) string
		want       string
	}{
		{"Latin-1", "sectors.csv", replaceLine(2, "s,,Sektor Caf\xe9,"),
			`sectors.csv in ./rilis-uji, line 2, column "name": is not UTF-8 (byte 0xE9 at character 11, a Latin-1 "é"?): save the file as UTF-8 (Excel: "CSV UTF-8"; LibreOffice: character set "Unicode (UTF-8)")`},
		{"Windows-1252 quote", "indicators.csv", func(s string) string { return strings.Replace(s, ",Waktu,", ",\x93Waktu\x94,", 1) },
			`indicators.csv in ./rilis-uji, line 2, column "name": is not UTF-8 (byte 0x93 at character 1): save the file as UTF-8 (Excel: "CSV UTF-8"; LibreOffice: character set "Unicode (UTF-8)")`},
		{"NUL", "agencies.csv", replaceLine(2, "a,1,Dinas\x00,,dinas,s,"),
			`agencies.csv in ./rilis-uji, line 2, column "name": holds the control character U+0000 (NUL) at character 6: remove it`},
		{"escape sequence", "indicators.csv", func(s string) string { return strings.Replace(s, ",menit,", ",\x1b[31mmenit,", 1) },
			`indicators.csv in ./rilis-uji, line 2, column "unit": holds the control character U+001B (ESC) at character 1: remove it`},
		{"line break in a name", "sectors.csv", replaceLine(2, "s,,\"Sek\ntor\","),
			`sectors.csv in ./rilis-uji, line 2, column "name": holds a line break (U+000A) at character 4: remove it`},
		{"tab in a code", "sectors.csv", replaceLine(2, "s,1\t02,Sektor,"),
			`sectors.csv in ./rilis-uji, line 2, column "code": holds a tab (U+0009) at character 2: remove it`},
		{"escape in an explanation", "explanations.csv", func(s string) string { return s + "i,2025,1,ok,\"a\x1bb\",\n" },
			`explanations.csv in ./rilis-uji, line 2, column "inhibiting": holds the control character U+001B (ESC) at character 2: remove it`},
		{"UTF-16", "sectors.csv", func(s string) string { return "\xff\xfes\x00l\x00u\x00g\x00" },
			`sectors.csv in ./rilis-uji is UTF-16 (Excel's "Unicode Text"): save it as "CSV UTF-8" instead`},
		{"unknown kind", "agencies.csv", replaceLine(2, "a,1,Dinas,,kantor,s,"),
			`agencies.csv in ./rilis-uji, line 2, column "kind": "kantor" is not a kind of agency: write dinas, badan, rsud, kecamatan, inspektorat, sekretariat or satuan`},
		{"kind as a path", "agencies.csv", replaceLine(2, "a,1,Dinas,,../dinas,s,"),
			`agencies.csv in ./rilis-uji, line 2, column "kind": "../dinas" is not a kind of agency: write dinas, badan, rsud, kecamatan, inspektorat, sekretariat or satuan`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := broken(t, tc.file, tc.edit).Load(context.Background())
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if k := iku.ErrorKind(err); k != iku.Invalid {
				t.Errorf("error kind %q; want invalid", k)
			}
			if got := iku.ErrorMessage(err); got != tc.want {
				t.Errorf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// Running text keeps its tabs and line breaks; a kind is read as its code
// ("Kecamatan " is kecamatan), so that "Kecamatan" and "kecamatan"
// agencies are one kind with one comparison address.
func TestTextRead(t *testing.T) {
	s := broken(t, "agencies.csv", replaceLine(2, "a,1,Dinas,, Kecamatan ,s,"))
	if got := load(t, s).Agencies[0].Kind; got != "kecamatan" {
		t.Errorf("kind \" Kecamatan \" reads as %q; want kecamatan", got)
	}
	want := edgy()
	want.Indicators[0].Definition = "Baris satu,\r\nbaris dua:\tdengan tab.\nAkhir"
	want.Explanations = []iku.Explanation{{IndicatorSlug: "i", Quarter: iku.MustQuarter("2025-Q1"), Supporting: "a\nb", Inhibiting: "\tc", FollowUp: "d\r\ne"}}
	files, err := Encode(want)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data}
	}
	diff(t, load(t, Open(m, "./rilis-uji")), want)
}
