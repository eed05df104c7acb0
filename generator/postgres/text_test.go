package postgres_test

import (
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Text a page cannot show is refused on reading, naming the view, the
// row's key and the column: an escape sequence in a name (PostgreSQL's
// text holds any character but NUL), and in an explanation; tabs and
// line breaks are text there. (Bytes that are not UTF-8 never arrive:
// the server refuses to send them to a UTF8 client, even from an
// SQL_ASCII database, and the error names the view.)
func TestLoadRefusesControlCharacters(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	db := src.DB()
	exec(t, db, `INSERT INTO kinerja.explanations (indicator_id, year, quarter, supporting, inhibiting, follow_up)
		SELECT id, 2025, 1, E'Baris satu\r\nbaris dua', E'\tdengan tab', NULL FROM kinerja.indicators WHERE slug = 'kasus-gizi-buruk'`)
	ds, err := src.Load(testContext(t))
	if err != nil {
		t.Fatalf("Load with tabs and line breaks in an explanation: %v", err)
	}
	if x := ds.Explanations[0]; x.Supporting != "Baris satu\r\nbaris dua" || x.Inhibiting != "\tdengan tab" {
		t.Errorf("explanation read as %q, %q; want the text as stored", x.Supporting, x.Inhibiting)
	}

	exec(t, db, `UPDATE kinerja.explanations SET follow_up = 'Rapat ' || chr(27) || '[2J'`)
	_, err = src.Load(testContext(t))
	wantError(t, err, iku.Invalid,
		`the view publik.explanations, row 1 (indicator_slug "kasus-gizi-buruk", year 2025, quarter 1), column follow_up, holds the control character U+001B (ESC) at character 7: fix the view or the data behind it`)

	exec(t, db, `DELETE FROM kinerja.explanations`)
	exec(t, db, `UPDATE kinerja.indicators SET name = 'Jumlah kasus' || chr(10) || 'gizi buruk' WHERE slug = 'kasus-gizi-buruk'`)
	_, err = src.Load(testContext(t))
	wantError(t, err, iku.Invalid,
		`the view publik.indicators, row 2 (slug "kasus-gizi-buruk"), column name, holds a line break (U+000A) at character 13: fix the view or the data behind it`)
}

// An agency's kind is read as its code ("Kecamatan " is kecamatan); any
// other text is refused, with the codes allowed.
func TestLoadAgencyKinds(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	exec(t, src.DB(), `UPDATE kinerja.agencies SET kind = ' RSUD ' WHERE slug = 'rsud'`)
	ds, err := src.Load(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range ds.Agencies {
		if a.Slug == "rsud" && a.Kind != "rsud" {
			t.Errorf("kind ' RSUD ' reads as %q; want rsud", a.Kind)
		}
	}
	exec(t, src.DB(), `UPDATE kinerja.agencies SET kind = '../rumah-sakit' WHERE slug = 'rsud'`)
	_, err = src.Load(testContext(t))
	wantError(t, err, iku.Invalid,
		`the view publik.agencies, row 2 (slug "rsud"), has kind "../rumah-sakit", which is not a kind of agency (dinas, badan, rsud, kecamatan, inspektorat, sekretariat or satuan): fix the view or the data behind it`)
}
