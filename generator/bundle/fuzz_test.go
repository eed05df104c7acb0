package bundle

import (
	"slices"
	"strings"
	"testing"
)

// FuzzCSV checks the bundle's CSV reader and writer on arbitrary input:
// reading any bytes never panics; reading, writing and reading again gives
// the same cells; and any row of texts, written and read, comes back as
// it was (data is also taken as one row, cells split at U+001F). `go
// test` runs the seeds; `go test -run X -fuzz FuzzCSV ./generator/bundle/`
// looks for more.
func FuzzCSV(f *testing.F) {
	for _, seed := range []string{
		"",
		"slug,code,name\nkesehatan,1.02,Kesehatan\n",
		"\uFEFFslug,code\r\na,b\r\n",
		"a,\"b\r\nc\",d\n",
		"\"unclosed",
		"\"a\"b,c\n",
		"a\"b,c\n",
		"'=HYPERLINK(\"http://x\"),''=x,'kutip,-12.5,'-5 kasus\n",
		"=1+1\x1f@SUM(1)\x1f+1\x1f-1+1\x1f\t\x1f\r\x1f'\x1f''\x1f",
		"</script><script>alert(1)</script>\x1f\"\x1f;\x1f,\x1f\n\x1f\r\n\x1f 😀 \x1fWaktu tunggu rawat jalan (menit)",
		"\n\n\r\n",
		"\x1f",
		" a , b \n",
		"\r",
		"a\rb,c\r",
		"\uFEFFslug", // a text starting with a byte order mark, first in the file
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Any bytes: no panic; when they parse, write and read again.
		if first, err := readRecords(data); err == nil {
			again, err := readRecords(writeRecords(first))
			if err != nil {
				t.Fatalf("reading what was written from %q: %v", data, err)
			}
			if !slices.EqualFunc(first, again, slices.Equal) {
				t.Fatalf("read %q, wrote and read again:\n got %q\nwant %q", data, again, first)
			}
		}
		// The same bytes as one row of texts: written and read, it is the
		// same row.
		row := strings.Split(string(data), "\x1f")
		written := writeRecords([][]string{row})
		got, err := readRecords(written)
		if err != nil {
			t.Fatalf("reading the row %q written as %q: %v", row, written, err)
		}
		if len(got) != 1 || !slices.Equal(got[0], row) {
			t.Fatalf("the row %q, written as %q, reads back as %q", row, written, got)
		}
	})
}

// readRecords parses data and restores every cell.
func readRecords(data []byte) ([][]string, error) {
	var recs [][]string
	err := parseCSV(data, func(_ int, cells []string) error {
		rec := make([]string, len(cells))
		for i, c := range cells {
			rec[i] = Restore(c)
		}
		recs = append(recs, rec)
		return nil
	})
	return recs, err
}

func writeRecords(recs [][]string) []byte {
	var w csvWriter
	for _, r := range recs {
		w.row(r...)
	}
	return w.buf.Bytes()
}
