package sitedata

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// CalendarFile is the office's release calendar: the quarter and day of
// each planned release, earliest first.
const CalendarFile = "data/kalender.toml"

// LoadCalendar reads the release calendar; a missing file is an empty
// calendar. A quarter or day that is not written as the file's header
// says is refused with the file, entry and value.
func LoadCalendar(siteRoot string) ([]display.CalendarEntry, error) {
	p := filepath.Join(siteRoot, filepath.FromSlash(CalendarFile))
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "cannot read %s", p)
	}
	var f struct {
		Rilis []struct {
			Triwulan string `toml:"triwulan"`
			Tanggal  string `toml:"tanggal"`
		} `toml:"rilis"`
	}
	if err := toml.Unmarshal(b, &f); err != nil {
		return nil, iku.Wrap(err, iku.Invalid, "%s is not valid TOML (%v): fix the file", p, err)
	}
	var out []display.CalendarEntry
	for i, r := range f.Rilis {
		q, err := iku.ParseQuarter(r.Triwulan)
		if err != nil {
			return nil, iku.Errorf(iku.Invalid, "%s, release %d: the quarter %q is not written as \"2026-Q4\": fix triwulan", p, i+1, r.Triwulan)
		}
		if _, err := time.Parse(time.DateOnly, r.Tanggal); err != nil {
			return nil, iku.Errorf(iku.Invalid, "%s, release %d (%s): the day %q is not written as \"2027-01-29\": fix tanggal", p, i+1, r.Triwulan, r.Tanggal)
		}
		out = append(out, display.CalendarEntry{Quarter: q, Date: r.Tanggal})
	}
	return out, nil
}
