package display

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Words are the words of one language: the site's i18n messages (the
// theme's i18n/<lang>.toml, overridden by the site's own), with the
// templates and plural forms Hugo's i18n gives them. generator/sitedata
// loads them; tests may use a map.
type Words interface {
	// T returns message id filled with data; data["Count"], when set,
	// picks the plural form. A message that does not exist is "".
	T(id string, data map[string]any) string
}

// Lang is one language of the site.
type Lang struct {
	Code   string // "id", "en"
	Prefix string // URL prefix of the language: "" for the default language, "en/"
	Words  Words
	// Default reports whether this is the site's default language, whose
	// data text (names, definitions, units) the others fall back to.
	Default bool
	// Fallback is the code of the default language (the language of the
	// data's own text), used to mark untranslated text: "id".
	Fallback string
	// City is the city's name in this language (hugo.toml's params.city):
	// "Kota Tanjungbalai", "Tanjungbalai City".
	City string
}

// lang is a Lang with its formatting state: memoised words and marks.
type lang struct {
	Lang
	group, decimal string
	fallback       string
	mu             sync.Mutex
	memo           map[string]string
	// statuses and trends are the rows' shared statuses and trends.
	statuses map[Status]*Status
	trends   map[Trend]*Trend
	notes    map[Note]*Note
}

// na is a cell without a figure, for the reason s.
func (l *lang) na(s string) Cell {
	c := Cell{}
	l.setNA(&c, s)
	return c
}

// setNA, setHint and setProv set one field of c's note: a note of its
// own, shared by every cell that says the same.
func (l *lang) setNA(c *Cell, s string)   { l.setNote(c, func(n *Note) { n.NA = s }) }
func (l *lang) setHint(c *Cell, s string) { l.setNote(c, func(n *Note) { n.Hint = s }) }
func (l *lang) setProv(c *Cell, s string) { l.setNote(c, func(n *Note) { n.Prov = s }) }

func (l *lang) setNote(c *Cell, edit func(*Note)) {
	var n Note
	if c.Note != nil {
		n = *c.Note
	}
	edit(&n)
	if n == (Note{}) {
		c.Note = nil
		return
	}
	c.Note = intern(&l.mu, l.notes, n)
}

func newLang(l Lang) *lang {
	x := &lang{Lang: l, memo: map[string]string{}, fallback: cmpOr(l.Fallback, "id"),
		statuses: map[Status]*Status{}, trends: map[Trend]*Trend{}, notes: map[Note]*Note{}}
	x.group = l.Words.T("number_group_mark", nil)
	x.decimal = cmpOr(l.Words.T("number_decimal_mark", nil), ".")
	return x
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// t translates id with data (no memo: data varies).
func (l *lang) t(id string, data map[string]any) string { return l.Words.T(id, data) }

// w translates id without data, memoised.
func (l *lang) w(id string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s, ok := l.memo[id]; ok {
		return s
	}
	s := l.Words.T(id, nil)
	l.memo[id] = s
	return s
}

// memoT translates id with data, memoised by key (which must name
// everything data holds).
func (l *lang) memoT(id, key string, data map[string]any) string {
	k := id + "\x00" + key
	l.mu.Lock()
	s, ok := l.memo[k]
	l.mu.Unlock()
	if ok {
		return s
	}
	s = l.t(id, data)
	l.mu.Lock()
	l.memo[k] = s
	l.mu.Unlock()
	return s
}

// url is the path of a page of the site in this language, relative to
// the site's root (for Hugo's relURL and absURL, which add the path of
// the baseURL): "iku/x/", "en/iku/x/".
func (l *lang) url(path string) string { return l.Prefix + path }

// text is data text in this language: the English column on the English
// site when it is set, else the default language's text marked with its
// language.
func (l *lang) text(id, en string) Text {
	switch {
	case l.Default:
		return Text{Text: id}
	case l.Code == "en" && en != "":
		return Text{Text: en}
	case id == "":
		return Text{}
	}
	return Text{Text: id, Lang: l.fallback}
}

// Number writes exact decimal text ("1250", "107.14", "-16.67") in the
// language's style ("1.250", "107,14", "-16,67"), keeping exactly the
// digits it has: the number never becomes a float. "" stays "".
func (l *lang) Number(s string) string {
	if s == "" {
		return ""
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if intPart == "" {
		intPart = "0"
	}
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	n := len(intPart)
	for i := 0; i < n; i++ {
		if i > 0 && (n-i)%3 == 0 {
			b.WriteString(l.group)
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteString(l.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// dec formats d; "" for nil.
func (l *lang) dec(d *iku.Decimal) string {
	if d == nil {
		return ""
	}
	return l.Number(d.String())
}

// Int formats a whole number.
func (l *lang) Int(n int) string { return l.Number(strconv.Itoa(n)) }

// withUnit attaches a unit to a formatted number: "%" directly ("85,50%"),
// any other unit after a no-break space ("55,2 menit").
func withUnit(v, unit string) string {
	switch {
	case v == "" || unit == "":
		return v
	case unit == "%":
		return v + "%"
	}
	return v + "\u00a0" + unit
}

// Period is a reporting period as a reader sees it.
type Period struct {
	Key   string `json:"key"`   // "2026-Q3", "2026-S1", "2026": stable, for data and anchors
	Name  string `json:"name"`  // "Triwulan III 2026", "Semester I 2026", "Tahun 2026"
	Short string `json:"short"` // "TW III 2026": charts and narrow columns
}

// period names the reporting period of frequency f that quarter q
// closes; the zero Period for a zero quarter.
func (l *lang) period(f iku.Frequency, q iku.Quarter) Period {
	if q.IsZero() {
		return Period{}
	}
	key := string(f) + "/" + q.String()
	l.mu.Lock()
	name, ok := l.memo["period:"+key]
	short := l.memo["short:"+key]
	l.mu.Unlock()
	if ok {
		return Period{Key: f.Period(q).Key(), Name: name, Short: short}
	}
	p := f.Period(q)
	switch p.Kind {
	case iku.PeriodYear:
		name = l.t("year_period", map[string]any{"Year": q.Year})
		short = l.t("year_short", map[string]any{"Year": q.Year})
	case iku.PeriodHalf:
		roman := []string{"", "I", "II"}[p.N]
		d := map[string]any{"Roman": roman, "Half": p.N, "Year": q.Year}
		name = l.t("half", d)
		short = l.t("half_short", d)
	default:
		d := map[string]any{"Roman": q.Roman(), "Quarter": q.Q, "Year": q.Year}
		name = l.t("quarter", d)
		short = l.t("quarter_short", d)
	}
	l.mu.Lock()
	l.memo["period:"+key] = name
	l.memo["short:"+key] = short
	l.mu.Unlock()
	return Period{Key: p.Key(), Name: name, Short: short}
}

// quarter names quarter q as a quarter.
func (l *lang) quarter(q iku.Quarter) Period { return l.period(iku.Quarterly, q) }

// yearPeriod names a calendar year.
func (l *lang) yearPeriod(y int) Period {
	return l.period(iku.Annual, iku.Quarter{Year: y, Q: 4})
}

// months of the year, for dates: i18n "month_1" … "month_12".
func (l *lang) date(day string) string {
	if len(day) != len("2006-01-02") {
		return day
	}
	y, err1 := strconv.Atoi(day[:4])
	m, err2 := strconv.Atoi(day[5:7])
	d, err3 := strconv.Atoi(day[8:10])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 {
		return day
	}
	return l.t("date_long", map[string]any{"Day": d, "Month": l.w(fmt.Sprintf("month_%d", m)), "Year": y})
}

// bytes writes a file size: "830 B", "12 KB", "1,4 MB" (KB and MB of
// 1024), in whole-number arithmetic.
func (l *lang) bytes(b int) string {
	switch {
	case b < 1024:
		return l.t("bytes_b", map[string]any{"N": b})
	case b < 1<<20:
		return l.t("bytes_kb", map[string]any{"N": l.Int((b + 512) / 1024)})
	}
	tenths := (b*10 + 1<<19) >> 20
	return l.t("bytes_mb", map[string]any{"N": fmt.Sprintf("%s%s%d", l.Int(tenths/10), l.decimal, tenths%10)})
}

// list joins items with ", " and the language's last separator
// ("Sangat Baik, Baik atau Tercapai").
func (l *lang) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + l.w("list_or") + items[len(items)-1]
}
