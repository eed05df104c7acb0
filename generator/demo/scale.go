package demo

import (
	"fmt"
	"math"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// IndicatorsPerAgency is how many indicators Scale gives each agency.
const IndicatorsPerAgency = 40

const scaleSectors = 20

// Scale returns a generated city with the given number of indicators, 40
// per agency, spread over up to 20 sectors, with the demo's quarters
// (First to Last), annual targets for every year 2021–2026 and quarterly
// entries only (no service units or measurements). Polarities and
// consolidations rotate, about 1 % of entries are not reported, and the
// latest quarter is partly provisional. Canary is its only employee. It
// is for benchmarks and scale tests: 10,000 indicators take well under a
// second.
func Scale(indicators int) *City {
	indicators = max(indicators, 0)
	r := stream("scale")
	nAgencies := (indicators + IndicatorsPerAgency - 1) / IndicatorsPerAgency
	nSectors := min(scaleSectors, nAgencies)
	c := &City{
		Sectors:    make([]iku.Sector, nSectors),
		Agencies:   make([]iku.Agency, nAgencies),
		Indicators: make([]iku.Indicator, indicators),
		Targets:    make([]iku.Target, 0, indicators*6),
		Entries:    make([]Entry, 0, indicators*(Last.Index()-First.Index()+1)),
	}
	for i := range c.Sectors {
		c.Sectors[i] = iku.Sector{
			Slug: fmt.Sprintf("sektor-%02d", i+1),
			Code: fmt.Sprintf("9.%02d", i+1),
			Name: fmt.Sprintf("Sektor Uji %d", i+1),
		}
	}
	kinds := [...]string{"dinas", "badan", "kecamatan", "satuan"}
	for i := range c.Agencies {
		c.Agencies[i] = iku.Agency{
			Slug:       fmt.Sprintf("opd-%04d", i+1),
			Code:       fmt.Sprintf("9.%02d.%04d", i%nSectors+1, i+1),
			Name:       fmt.Sprintf("Perangkat Daerah Uji %d", i+1),
			ShortName:  fmt.Sprintf("OPD %d", i+1),
			Kind:       kinds[i%len(kinds)],
			SectorSlug: c.Sectors[i%nSectors].Slug,
		}
	}
	one, hundred := iku.MustDecimal("1"), iku.MustDecimal("100")
	consolidations := [...]iku.Consolidation{iku.Sum, iku.Average, iku.Last}
	units := [...]string{"kegiatan", "%", "indeks"}
	for i := range c.Indicators {
		a := c.Agencies[i/IndicatorsPerAgency]
		cons := consolidations[i%3]
		pol := iku.Positive
		if i%4 == 3 {
			pol = iku.Negative
		}
		ind := iku.Indicator{
			Slug:          fmt.Sprintf("iku-%05d", i+1),
			Code:          fmt.Sprintf("%s.%02d", a.Code, i%IndicatorsPerAgency+1),
			AgencySlug:    a.Slug,
			SectorSlug:    c.Sectors[(i/IndicatorsPerAgency+i)%nSectors].Slug,
			Name:          fmt.Sprintf("Indikator uji skala %d", i+1),
			Unit:          units[i%3],
			Polarity:      pol,
			Consolidation: cons,
			Multiplier:    one,
			Definition:    "Indikator buatan untuk uji skala (data fiktif).",
			Formula:       defaultFormula[cons],
			Source:        "Generator data uji skala (data fiktif)",
			Verification:  "Tidak diverifikasi: data uji.",
			Limitations:   "Data acak untuk pengukuran kinerja perangkat lunak.",
			Frequency:     iku.Quarterly,
			ValidFrom:     First,
		}
		if cons != iku.Sum {
			ind.Decimals = 2
		}
		if cons == iku.Average {
			ind.Multiplier = hundred
		}
		c.Indicators[i] = ind

		level := 20 + 60*r.Float64()
		drift := (r.Float64() - 0.4) * level / 20 // per year
		if cons == iku.Sum {
			level *= 10
		}
		for y := First.Year; y <= end.Year; y++ {
			t := level + drift*float64(y-First.Year+1)
			if pol == iku.Negative {
				t = level - drift*float64(y-First.Year+1)
			}
			if cons == iku.Sum {
				t *= 4
			}
			c.Targets = append(c.Targets, iku.Target{IndicatorSlug: ind.Slug, Year: y, Value: *scaledDecimal(nice(max(t, 0), ind.Decimals), ind.Decimals)})
		}
		for q := First; !Last.Before(q); q = q.Add(1) {
			e := Entry{IndicatorSlug: ind.Slug, Quarter: q, Provisional: q == Last && i%3 == 0}
			x := max(0, level+drift*float64(q.Index()-First.Index())/4+level/10*tri(r))
			if r.Float64() < 0.01 {
				c.Entries = append(c.Entries, e)
				continue
			}
			switch cons {
			case iku.Average:
				d := int64(100 + r.IntN(900))
				n := int64(math.Round(min(x, 100) / 100 * float64(d)))
				// n × 100 / d with 2 decimals, rounded half up (n, d ≥ 0).
				e.Value = scaledDecimal((n*10000*2+d)/(2*d), 2)
				e.Numerator, e.Denominator = scaledDecimal(n, 0), scaledDecimal(d, 0)
			default:
				e.Value = scaledDecimal(round(x, ind.Decimals), ind.Decimals)
			}
			c.Entries = append(c.Entries, e)
		}
	}
	// The canary civil servant works at the first agency, so that a scale
	// city seeds the asn schema like the demo does.
	if len(c.Agencies) > 0 {
		canary := Canary
		canary.AgencySlug = c.Agencies[0].Slug
		c.Employees = []Employee{canary}
	}
	c.sortByCode()
	return c
}
