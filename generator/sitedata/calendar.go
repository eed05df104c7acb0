package sitedata

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	tf := newTOMLFile(p, b)
	var f struct {
		Rilis []struct {
			Triwulan string `toml:"triwulan"`
			Tanggal  any    `toml:"tanggal"` // "2027-01-29", or a TOML date
		} `toml:"rilis"`
	}
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, tf.decodeError(err, `write each release as [[rilis]] with triwulan = "2026-Q4" and tanggal = "2027-01-29"`)
	}
	var out []display.CalendarEntry
	var twice []string
	seen := map[iku.Quarter]int{}
	for i, r := range f.Rilis {
		entry := fmt.Sprintf("rilis.%d", i+1)
		q, err := iku.ParseQuarter(r.Triwulan)
		if err != nil {
			return nil, tf.errorf(entry+".triwulan", "the quarter %q of release %d is not written as \"2026-Q4\": fix triwulan", r.Triwulan, i+1)
		}
		day := ""
		switch v := r.Tanggal.(type) {
		case string:
			day = v
		case toml.LocalDate:
			day = v.String()
		case nil:
			return nil, tf.errorf(entry, "release %d (%s) has no day: add tanggal = \"2027-01-29\"", i+1, r.Triwulan)
		default:
			day = fmt.Sprint(v)
		}
		if _, err := time.Parse(time.DateOnly, day); err != nil {
			return nil, tf.errorf(entry+".tanggal", "the day %q of release %d (%s) is not a day written as \"2027-01-29\": fix tanggal", day, i+1, r.Triwulan)
		}
		if j, dup := seen[q]; dup {
			twice = append(twice, fmt.Sprintf("%s (%s and line %d)", q, tf.at(fmt.Sprintf("rilis.%d", j+1)), lineOf(tf, entry)))
			continue
		}
		seen[q] = i
		if n := len(out); n > 0 && (!out[n-1].Quarter.Before(q) || day <= out[n-1].Date) {
			return nil, tf.errorf(entry, "release %d (%s, %s) comes after %s, %s: list the releases from the earliest to the latest, each on a later day", i+1, q, day, out[n-1].Quarter, out[n-1].Date)
		}
		out = append(out, display.CalendarEntry{Quarter: q, Date: day})
	}
	if len(twice) > 0 {
		return nil, iku.Errorf(iku.Invalid, "%s lists a quarter twice: %s; keep one release per quarter", p, strings.Join(twice, ", "))
	}
	return out, nil
}

// lineOf is the line of key in f (0 when unknown).
func lineOf(f *tomlFile, key string) int { return f.lines[key] }
