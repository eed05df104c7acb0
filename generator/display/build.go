package display

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Input is what one build shows.
type Input struct {
	Report  *iku.Report
	Dataset *iku.Dataset
	// Releases are the releases the site shows, oldest first, one entry
	// per version; Revisions the values they revised.
	Releases  []ReleaseIn
	Revisions []RevisionIn
	// RatingRevisions are the years of ratings the releases revised.
	RatingRevisions []RatingRevisionIn
	// Calendar is the office's release calendar (data/kalender.toml),
	// earliest first.
	Calendar []CalendarEntry
	// Files maps pages ("iku/<slug>", "opd/<slug>", "sektor/<slug>",
	// "all", "latest", "bundle", "asn", "catalogue") to their downloads.
	// It may be set after Build with Model.SetFiles.
	Files map[string][]FileIn
	// K is the privacy threshold the ratings were suppressed with.
	K int
	// UnitMinCount is the threshold the service units' results were
	// suppressed with (data/privasi.toml), for the sentence that a count
	// is too small to judge.
	UnitMinCount int
	// Units are the service units' reports (iku.EvaluateUnits); Build
	// evaluates them when nil and the dataset has unit results.
	Units []iku.UnitReport
	// Preview: a preview (kinerja serve), which alone says that a
	// release without a publication day is not published.
	Preview bool
	// Address is the site's public address ("https://kinerja.tanjungbalaikota.go.id/"),
	// which a release's cards and suggested post name; "" leaves it out.
	Address string
}

// CalendarEntry is one planned release.
type CalendarEntry struct {
	Quarter iku.Quarter
	Date    string // "2027-01-29"
}

// FileIn is one download, as the downloads stage wrote it.
type FileIn struct {
	Format string
	Path   string
	Bytes  int
}

// Model is everything a build shows, in one language.
type Model struct {
	Lang        string       `json:"lang"`
	Site        Site         `json:"site"`
	Indicators  []Indicator  `json:"-"`
	Agencies    []Agency     `json:"-"`
	Sectors     []Sector     `json:"-"`
	Comparisons []Comparison `json:"-"`
	Releases    []Release    `json:"-"`
	Units       []Unit       `json:"-"`
	UnitKinds   []UnitKind   `json:"-"`
	Check       *CheckPage   `json:"-"` // a preview's data check; nil in a published build

	l          *lang
	in         Input
	indicators map[string]int
	agencies   map[string]int
	sectors    map[string]int
	anchors    []string // of Input.Revisions on their release pages
}

// Indicator returns the record of the indicator slug, or nil.
func (m *Model) Indicator(slug string) *Indicator {
	if i, ok := m.indicators[slug]; ok {
		return &m.Indicators[i]
	}
	return nil
}

// Agency returns the record of the agency slug, or nil.
func (m *Model) Agency(slug string) *Agency {
	if i, ok := m.agencies[slug]; ok {
		return &m.Agencies[i]
	}
	return nil
}

// Sector returns the record of the sector slug, or nil.
func (m *Model) Sector(slug string) *Sector {
	if i, ok := m.sectors[slug]; ok {
		return &m.Sectors[i]
	}
	return nil
}

// Report is the evaluated report the model shows, and Dataset its data:
// the downloads and the API read their keys and exact values (slugs,
// codes, definitions, targets) there, and everything else from the
// records.
func (m *Model) Report() *iku.Report { return m.in.Report }

// Dataset is the dataset the model shows (see Report).
func (m *Model) Dataset() *iku.Dataset { return m.in.Dataset }

// Report is the evaluated indicator the record shows: its metadata and
// targets, for the downloads and the API.
func (ind *Indicator) Report() *iku.IndicatorReport { return ind.rep }

// Report is the evaluated agency the record shows.
func (a *Agency) Report() *iku.AgencyReport { return a.rep }

// Build builds the display model of in in language l.
func Build(in Input, l Lang) (*Model, error) {
	if in.Report == nil || in.Dataset == nil {
		return nil, iku.Errorf(iku.Internal, "display: no report to show")
	}
	if l.Words == nil {
		return nil, iku.Errorf(iku.Internal, "display: no words for language %q", l.Code)
	}
	m := &Model{Lang: l.Code, l: newLang(l), in: in,
		indicators: map[string]int{}, agencies: map[string]int{}, sectors: map[string]int{}}
	rep := in.Report
	for i := range rep.Sectors {
		m.sectors[rep.Sectors[i].Sector.Slug] = i
	}
	for i := range rep.Agencies {
		m.agencies[rep.Agencies[i].Agency.Slug] = i
	}
	for i := range rep.Indicators {
		m.indicators[rep.Indicators[i].Indicator.Slug] = i
	}
	// Names first: every record links others by name.
	m.Sectors = make([]Sector, len(rep.Sectors))
	for i := range rep.Sectors {
		s := &rep.Sectors[i].Sector
		m.Sectors[i] = Sector{Slug: s.Slug, URL: m.l.url("sektor/" + s.Slug + "/"), Name: m.l.text(s.Name, s.NameEN)}
		m.Sectors[i].Title = m.Sectors[i].Name.Text
	}
	m.Agencies = make([]Agency, len(rep.Agencies))
	for i := range rep.Agencies {
		a := &rep.Agencies[i].Agency
		m.Agencies[i] = Agency{Slug: a.Slug, URL: m.l.url("opd/" + a.Slug + "/"), Name: m.l.text(a.Name, a.NameEN),
			Kind: a.Kind, Code: a.Code, rep: &rep.Agencies[i]}
		m.Agencies[i].Title = m.Agencies[i].Name.Text
		if a.ShortName != "" && a.ShortName != a.Name {
			m.Agencies[i].ShortName = a.ShortName
		}
	}
	m.anchors = m.revisionAnchors()
	revised := m.revisionMarks()
	m.Indicators = make([]Indicator, len(rep.Indicators))
	for i := range rep.Indicators {
		m.indicator(&m.Indicators[i], &rep.Indicators[i], revised)
	}
	for i := range m.Agencies {
		m.agency(&m.Agencies[i])
	}
	for i := range m.Sectors {
		m.sector(&m.Sectors[i], &rep.Sectors[i])
	}
	m.comparisons()
	m.releases()
	m.site()
	m.ratings(in.K)
	units := in.Units
	if units == nil && len(in.Dataset.UnitResults) > 0 {
		var err error
		if units, err = iku.EvaluateUnits(in.Dataset, rep); err != nil {
			return nil, err
		}
	}
	m.units(units)
	if in.Files != nil {
		m.SetFiles(in.Files)
	}
	return m, nil
}

// Word is message id of the site's i18n files in the model's language:
// the words that belong to no record, such as a chart's axis names.
func (m *Model) Word(id string) string { return m.l.w(id) }

// agencyLink links the agency slug.
func (m *Model) agencyLink(slug string) Link {
	if a := m.Agency(slug); a != nil {
		return Link{Text: a.Name, URL: a.URL}
	}
	return Link{Text: Text{Text: slug}}
}

// sectorLink links the sector slug.
func (m *Model) sectorLink(slug string) Link {
	if s := m.Sector(slug); s != nil {
		return Link{Text: s.Name, URL: s.URL}
	}
	return Link{Text: Text{Text: slug}}
}

// indicatorLink links the indicator slug.
func (m *Model) indicatorLink(slug string) Link {
	if ind := m.Indicator(slug); ind != nil {
		return Link{Text: ind.Name, URL: ind.URL}
	}
	return Link{Text: Text{Text: slug}}
}

// statusIcons are the icons of statuses and categories, redundant with
// their labels (never colour or shape alone). The category table's keys
// beyond the default five get "•".
var statusIcons = map[string]string{
	"sangat_baik": "★", "baik": "●", "cukup": "◐", "kurang": "○", "sangat_kurang": "✕",
	"met": "✓", "met_so_far": "✓", "not_met": "✗", "in_progress": "→", "not_reported": "?", "no_target": "–",
	"incomplete": "…", "none": "·",
}

// status is the status (or category) s.
func (l *lang) status(s iku.Status, category string, exceeds bool) Status {
	key := string(s)
	label := ""
	switch {
	case s == iku.StatusCategory && category != "":
		key = category
		label = l.w("category_" + category)
	case s == "":
		key = "none"
		label = l.w("status_none")
	default:
		label = l.w("status_" + key)
	}
	st := Status{Key: key, Icon: cmpOr(statusIcons[key], "•"), Label: cmpOr(label, key)}
	if exceeds {
		st.Exceeds = l.w("exceeds")
	}
	return st
}

// statusOf is status(s, category, exceeds), shared by every row that
// shows it.
func (l *lang) statusOf(s iku.Status, category string, exceeds bool) *Status {
	return intern(&l.mu, l.statuses, l.status(s, category, exceeds))
}

// trendOf is trend(t, vs), shared by every row that shows it.
func (l *lang) trendOf(t iku.Trend, vs string) *Trend {
	return intern(&l.mu, l.trends, l.trend(t, vs))
}

// intern is the one copy of v in m.
func intern[T comparable](mu *sync.Mutex, m map[T]*T, v T) *T {
	mu.Lock()
	defer mu.Unlock()
	if p, ok := m[v]; ok {
		return p
	}
	p := &v
	m[v] = p
	return p
}

var trendIcons = map[iku.Trend]string{iku.TrendImproving: "↗", iku.TrendWorsening: "↘", iku.TrendSteady: "→"}

// trend is trend t against the period named vs.
func (l *lang) trend(t iku.Trend, vs string) Trend {
	out := Trend{Key: string(t), Icon: cmpOr(trendIcons[t], "–")}
	if t == iku.TrendUnknown {
		out.Label = l.w("trend_unknown")
	} else {
		out.Label = l.w("trend_" + string(t))
	}
	if vs != "" {
		out.Vs = l.memoT("trend_vs", vs, map[string]any{"Period": vs})
	}
	return out
}

// value is a figure with its unit, or reason na when it is missing.
func (l *lang) value(d *iku.Decimal, unit, na string) Cell {
	if d == nil {
		return l.na(l.w(na))
	}
	v := l.dec(d)
	return Cell{Text: v, Unit: withUnit(v, unit), Sort: d.String()}.compact()
}

// Shown is the cell as a sentence writes it: with its unit when it has
// one; "" when missing.
func (c Cell) Shown() string { return cmpOr(c.Unit, c.Text) }

// compact leaves out Unit when it is Text (a table cell whose header names
// the unit): the layouts print Unit, else Text.
func (c Cell) compact() Cell {
	if c.Unit == c.Text {
		c.Unit = ""
	}
	return c
}

// target is the target t: one value or a range, or "target belum
// ditetapkan".
func (l *lang) target(t *iku.Target, unit string) Cell {
	if t == nil {
		return l.na(l.w("na_no_target"))
	}
	v := l.dec(&t.Value)
	if t.High != nil {
		v = l.t("target_range", map[string]any{"Low": v, "High": l.dec(t.High)})
	}
	return Cell{Text: v, Unit: withUnit(v, unit), Sort: t.Value.String()}.compact()
}

// naAchievement names why an evaluation has no achievement.
func naAchievement(s iku.Status) string {
	switch s {
	case iku.StatusMet, iku.StatusMetSoFar, iku.StatusNotMet:
		return "na_target_zero"
	case iku.StatusNotReported:
		return "na_not_reported"
	case iku.StatusNoTarget:
		return "na_no_target"
	case iku.StatusIncomplete:
		return "na_incomplete"
	}
	return "na_no_data"
}

// achievement is an evaluation's achievement in %, or the count against
// the year's limit (annual_ceiling), or why there is none.
//
// unit is the indicator's unit, for a limit; pct adds "%" to a
// percentage (tables whose header says "%" leave it out).
func (l *lang) achievement(e *iku.Evaluation, unit string, pct bool) Cell {
	switch {
	case e.Basis == iku.BasisAnnualCeiling && e.Compared != nil && e.Target != nil:
		lim := e.Target.Value
		if e.Target.High != nil {
			lim = *e.Target.High
		}
		v := l.t("ceiling", map[string]any{"Value": l.dec(e.Compared), "Limit": withUnit(l.dec(&lim), unit)})
		return Cell{Text: v, Sort: e.Compared.String()}
	case e.Achievement != nil:
		v := l.dec(e.Achievement)
		c := Cell{Text: v, Unit: v, Sort: e.Achievement.String()}
		if pct {
			c.Unit = withUnit(v, "%")
		}
		if e.Basis == iku.BasisAnnualProgress {
			l.setHint(&c, l.w("progress_short"))
		}
		return c.compact()
	}
	return l.na(l.w(naAchievement(e.Status)))
}

// yearAchievement is a year's achievement, or why there is none.
func (l *lang) yearAchievement(y *iku.Year) Cell {
	if y.Achievement != nil {
		v := l.dec(y.Achievement)
		return Cell{Text: v, Sort: y.Achievement.String()}
	}
	return l.na(l.w(naAchievement(y.Status)))
}

// ytdHint names a compared value that is the year to date.
func ytdKey(cons iku.Consolidation, base string) string {
	if cons == iku.Average {
		return base + "_average"
	}
	return base
}

// sortedBy sorts slugs by key, then slug, in place.
func sortedBy(slugs []string, key func(string) string) []string {
	slices.SortStableFunc(slugs, func(a, b string) int {
		return cmp.Or(collate(key(a), key(b)), strings.Compare(a, b))
	})
	return slugs
}

// collate compares names as a reader sorts them: case and accents aside.
func collate(a, b string) int {
	return strings.Compare(foldName(a), foldName(b))
}

func foldName(s string) string {
	return strings.ToLower(s)
}

// countText is "N indikator" in the language.
func (l *lang) indicatorsN(n int) string {
	return l.t("indicators_n", map[string]any{"Count": n})
}

func (l *lang) agenciesN(n int) string {
	return l.t("agencies_n", map[string]any{"Count": n})
}

// num is a whole number as a cell.
func (l *lang) num(n int) Cell {
	return Cell{Text: l.Int(n), Sort: fmt.Sprint(n)}
}
