package iku

import (
	"cmp"
	"slices"
	"strings"
)

// MinComparison is the fewest agencies that make a comparison.
const MinComparison = 3

// Comparison is one indicator that several agencies report the same way
// (the PATEN service of each kecamatan office): their latest due period
// side by side, ranked by capped achievement.
//
// An indicator is shared when its agencies report it with the same unit,
// polarity, consolidation and frequency, and its name is the same once the
// agency's own name (or short name) is taken out ("… PATEN Kecamatan Teluk
// Nibung yang selesai …"). This is read from the data already published,
// so a name that differs in any other word keeps an indicator out of a
// comparison: it never puts unlike indicators side by side.
type Comparison struct {
	Slug string // stable: the members' agency kind and the slug part they share, "kecamatan-paten"
	Kind string // the members' agency kind when they share one, else ""
	// Name is the shared name with the agency's name replaced by its kind
	// ("Persentase layanan PATEN kecamatan yang …"), or by "…" when the
	// agencies are of different kinds. NameEN likewise from the English
	// names; "" when they are not all translated.
	Name, NameEN string
	Unit, UnitEN string
	Polarity     Polarity
	Frequency    Frequency
	Quarter      Quarter // the latest due period compared
	// Members are ranked: the highest capped achievement first (Rank 1;
	// equal achievements share a rank), then those without an achievement
	// in Quarter (Rank 0: not reported, no target, not due), by slug.
	Members []Member
}

// Member is one agency's indicator in a comparison.
type Member struct {
	Indicator  string // slug
	Agency     string // slug
	Evaluation Evaluation
	Capped     *Decimal // achievement capped at Rules.ScoreCap; nil when not ranked
	Rank       int      // 1 = best; 0 = not ranked
}

// Comparisons finds the indicators shared by MinComparison or more
// agencies in r and ranks each group in r's latest due period, in the
// order of their first member in r.Indicators.
func Comparisons(r *Report) []Comparison {
	agencies := make(map[string]Agency, len(r.Agencies))
	for _, a := range r.Agencies {
		agencies[a.Agency.Slug] = a.Agency
	}
	type key struct {
		unit          string
		pol           Polarity
		cons          Consolidation
		freq          Frequency
		before, after string // the name around the agency's name
	}
	groups := map[key][]*IndicatorReport{}
	var order []key
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		a, ok := agencies[ind.AgencySlug]
		if !ok || len(ir.Series) == 0 {
			continue
		}
		before, after, ok := cutName(ind.Name, a.Name, a.ShortName)
		if !ok {
			continue
		}
		k := key{unit: ind.Unit, pol: ind.Polarity, cons: ind.Consolidation, freq: ind.Frequency, before: before, after: after}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], ir)
	}

	var out []Comparison
	slugs := map[string]bool{}
	for _, k := range order {
		irs := groups[k]
		if len(irs) < MinComparison {
			continue
		}
		c, ok := compare(irs, agencies, r.Rules.ScoreCap)
		if !ok || slugs[c.Slug] {
			continue // no stable address: left out rather than renamed later
		}
		slugs[c.Slug] = true
		word := "…"
		if c.Kind != "" {
			word = c.Kind
		}
		c.Name = strings.TrimSpace(k.before + word + k.after)
		c.NameEN = nameEN(irs, agencies)
		out = append(out, c)
	}
	return out
}

// nameEN is the English name the indicators share once their agencies'
// English names are taken out, with "…" in their place; "" unless every
// one is translated alike. An agency's article goes with its name ("the
// services of the Education Office", "the services of Dr. Tengku Mansyur
// Regional Hospital": "the services of …"), so that the words put in its
// place ("the agency") take their own.
func nameEN(irs []*IndicatorReport, agencies map[string]Agency) string {
	shared := ""
	for i, ir := range irs {
		a := agencies[ir.Indicator.AgencySlug].NameEN
		the := ""
		if a != "" {
			the = "the " + a
		}
		b, f, ok := cutName(ir.Indicator.NameEN, the, a)
		if !ok || (i > 0 && b+"…"+f != shared) {
			return ""
		}
		shared = b + "…" + f
	}
	return strings.TrimSpace(shared)
}

// cutName cuts name around the first of the agency's names it contains.
func cutName(name string, agencyNames ...string) (before, after string, ok bool) {
	for _, a := range agencyNames {
		if a == "" {
			continue
		}
		if before, after, ok = strings.Cut(name, a); ok {
			return before, after, true
		}
	}
	return "", "", false
}

// compare ranks one group of indicators, one per agency; ok is false when
// the group has no stable slug (its indicators' slugs end in no common
// part) or an agency reports it twice.
func compare(irs []*IndicatorReport, agencies map[string]Agency, scoreCap Decimal) (Comparison, bool) {
	first := irs[0].Indicator
	c := Comparison{Unit: first.Unit, UnitEN: first.UnitEN, Polarity: first.Polarity, Frequency: first.Frequency,
		Kind: agencies[first.AgencySlug].Kind}
	suffix := strings.Split(first.Slug, "-")
	seen := map[string]bool{}
	for _, ir := range irs {
		ind := ir.Indicator
		if seen[ind.AgencySlug] {
			return Comparison{}, false
		}
		seen[ind.AgencySlug] = true
		// The slug's part after the agency's ("kecamatan-x-paten" of
		// kecamatan-x) when it has one, else the words its slug ends in.
		words := strings.Split(strings.TrimPrefix(ind.Slug, ind.AgencySlug+"-"), "-")
		n := 0
		for n < len(words) && n < len(suffix) && words[len(words)-1-n] == suffix[len(suffix)-1-n] {
			n++
		}
		suffix = suffix[len(suffix)-n:]
		if agencies[ind.AgencySlug].Kind != c.Kind {
			c.Kind = ""
		}
		if q := ir.Latest().Quarter; c.Quarter.Before(q) {
			c.Quarter = q
		}
	}
	if len(suffix) == 0 {
		return Comparison{}, false
	}
	c.Slug = strings.Join(suffix, "-")
	if c.Kind != "" {
		c.Slug = c.Kind + "-" + c.Slug
	}
	if !isSlug(c.Slug) {
		// The slug is the page's address (/banding/<slug>/): it passes the
		// slug rule of the slug columns, or the group gets no page.
		return Comparison{}, false
	}
	for _, ir := range irs {
		m := Member{Indicator: ir.Indicator.Slug, Agency: ir.Indicator.AgencySlug}
		if e, ok := ir.At(c.Quarter); ok {
			m.Evaluation = e
			if a := e.Achievement; a != nil && e.Status == StatusCategory {
				capped := *a
				if capped.Cmp(scoreCap) > 0 {
					capped = scoreCap.Round(2)
				}
				m.Capped = &capped
			}
		} else {
			m.Evaluation = Evaluation{Quarter: c.Quarter, Status: StatusNotReported}
		}
		c.Members = append(c.Members, m)
	}
	slices.SortStableFunc(c.Members, func(a, b Member) int {
		switch {
		case a.Capped == nil && b.Capped == nil:
			return cmp.Compare(a.Indicator, b.Indicator)
		case a.Capped == nil:
			return 1
		case b.Capped == nil:
			return -1
		}
		return cmp.Or(b.Capped.Cmp(*a.Capped), cmp.Compare(a.Indicator, b.Indicator))
	})
	for i := range c.Members {
		m := &c.Members[i]
		if m.Capped == nil {
			continue
		}
		m.Rank = i + 1
		if i > 0 && c.Members[i-1].Capped != nil && c.Members[i-1].Capped.Cmp(*m.Capped) == 0 {
			m.Rank = c.Members[i-1].Rank
		}
	}
	return c, true
}
