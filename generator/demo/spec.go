package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// spec describes one demo indicator: its metadata and the model of its
// fictitious numbers. The expected value moves linearly from v0 (at the
// start of the indicator's validity) to v1 (at 2026-Q4), the targets from
// v0 to p1; noise is added, shape multiplies both (seasons, the pandemic,
// year-to-date coverage).
type spec struct {
	agency, sector, slug, name, unit string
	pol                              iku.Polarity
	cons                             iku.Consolidation
	dec                              int
	mult                             string // average indicators: "100" for percentages; "" = "1"
	min, max                         string // plausible bounds; "%" defaults to 0–100
	def, formula                     string
	source, verify, limits           string        // "" = the defaults below
	freq                             iku.Frequency // "" = quarterly
	from, to                         string        // validity; "" = 2021-Q1 and still in force

	v0, v1, p1 float64 // p1 == 0: the plan follows v1
	noise      float64 // amplitude of the (triangular) noise, in the unit of v0
	shape      func(q iku.Quarter) float64
	path       func(q iku.Quarter) float64 // replaces the linear v0 → v1
	plan       func(q iku.Quarter) float64 // replaces the linear v0 → p1 (with shape)
	rows       []int                       // quarters of the year with data; nil = all four
	den        float64                     // average indicators from entries: typical denominator
	basis      iku.TargetBasis             // quarterly targets; "" = annual only
	target     func(year int) (lo, hi string, ok bool)

	measure func(ind iku.Indicator) []Measurement
}

// end is the end of the demo's planning horizon (Renstra 2021–2026).
var end = iku.Quarter{Year: 2026, Q: 4}

func (s *spec) validity() (from iku.Quarter, to *iku.Quarter) {
	from = First
	if s.from != "" {
		from = iku.MustQuarter(s.from)
	}
	if s.to != "" {
		q := iku.MustQuarter(s.to)
		to = &q
	}
	return from, to
}

func (s *spec) indicator(a iku.Agency, n int) iku.Indicator {
	from, to := s.validity()
	ind := iku.Indicator{
		Slug:          s.slug,
		Code:          fmt.Sprintf("%s.%02d", a.Code, n),
		AgencySlug:    a.Slug,
		SectorSlug:    cmpOr(s.sector, a.SectorSlug),
		Name:          s.name,
		Unit:          s.unit,
		Polarity:      s.pol,
		Consolidation: s.cons,
		Decimals:      s.dec,
		Multiplier:    iku.MustDecimal(cmpOr(s.mult, "1")),
		Definition:    s.def,
		Formula:       s.formula,
		Source:        cmpOr(s.source, "Laporan kinerja triwulanan "+a.Name) + " (data demo fiktif)",
		Verification:  cmpOr(s.verify, "Diverifikasi berjenjang oleh kepala bidang dan sekretaris "+a.ShortName+", lalu direviu Inspektorat sebelum rilis triwulanan."),
		Limitations:   cmpOr(s.limits, defaultLimits[s.cons]),
		Frequency:     cmp.Or(s.freq, iku.Quarterly),
		ValidFrom:     from,
		ValidTo:       to,
	}
	if a.Slug == "inspektorat" && s.verify == "" {
		ind.Verification = "Diverifikasi oleh sekretaris Inspektorat dan direviu Bapperida sebelum rilis triwulanan."
	}
	lo, hi := s.bounds()
	if s.min != "" || s.unit == "%" {
		ind.MinValue = iku.DecimalPtr(lo)
	}
	if s.max != "" || s.unit == "%" {
		ind.MaxValue = iku.DecimalPtr(hi)
	}
	if ind.Formula == "" {
		ind.Formula = defaultFormula[s.cons]
	}
	return ind
}

var defaultLimits = map[iku.Consolidation]string{
	iku.Sum:          "Angka triwulan terakhir dapat bertambah bila laporan susulan masuk; angka tahunan adalah jumlah empat triwulan.",
	iku.Last:         "Nilai menggambarkan keadaan pada akhir triwulan; perubahan metode pendataan antartahun dapat memengaruhi perbandingan.",
	iku.Average:      "Nilai tahunan dihitung ulang dari pembilang dan penyebut, bukan rata-rata dari nilai triwulan.",
	iku.RunningTotal: "Angka kumulatif sejak Januari: sebelum triwulan IV nilainya adalah progres menuju target tahunan, bukan capaian.",
}

var defaultFormula = map[iku.Consolidation]string{
	iku.Sum:          "Jumlah kejadian atau kegiatan dalam periode",
	iku.Last:         "Nilai pada akhir periode",
	iku.Average:      "Σ pembilang / Σ penyebut",
	iku.RunningTotal: "Nilai kumulatif sejak Januari pada akhir periode",
}

// bounds are the plausible bounds as text ("0", "100" for percentages).
func (s *spec) bounds() (lo, hi string) {
	lo, hi = s.min, s.max
	if s.unit == "%" {
		lo, hi = cmpOr(lo, "0"), cmpOr(hi, "100")
	}
	return lo, hi
}

func (s *spec) clamp(x float64) float64 {
	lo, hi := s.bounds()
	if lo != "" {
		x = max(x, iku.MustDecimal(lo).Float64())
	} else {
		x = max(x, 0) // every demo quantity is a count, a share or a level
	}
	if hi != "" {
		x = min(x, iku.MustDecimal(hi).Float64())
	}
	return x
}

// linear interpolates from a (at the start of validity) to b (at 2026-Q4,
// or the end of validity).
func (s *spec) linear(q iku.Quarter, a, b float64) float64 {
	from, to := s.validity()
	last := end
	if to != nil {
		last = *to
	}
	n := last.Index() - from.Index()
	if n <= 0 {
		return a
	}
	t := float64(q.Index()-from.Index()) / float64(n)
	return a + (b-a)*t
}

func (s *spec) shaped(q iku.Quarter, x float64) float64 {
	if s.shape != nil {
		return x * s.shape(q)
	}
	return x
}

// base is the expected value before shape and noise.
func (s *spec) base(q iku.Quarter) float64 {
	if s.path != nil {
		return s.path(q)
	}
	return s.linear(q, s.v0, s.v1)
}

// planned is the value the targets are set from.
func (s *spec) planned(q iku.Quarter) float64 {
	if s.plan != nil {
		return s.plan(q)
	}
	if s.p1 == 0 {
		return s.shaped(q, s.base(q))
	}
	return s.shaped(q, s.linear(q, s.v0, s.p1))
}

// quarters lists the quarters with data: within validity, up to Last, in
// the quarters of the year that s.rows names.
func (s *spec) quarters() []iku.Quarter {
	from, to := s.validity()
	var qs []iku.Quarter
	for q := from; !Last.Before(q); q = q.Add(1) {
		if to != nil && to.Before(q) {
			break
		}
		if s.rows != nil && !slices.Contains(s.rows, q.Q) {
			continue
		}
		qs = append(qs, q)
	}
	return qs
}

// years lists the years of the indicator's validity within the plan.
func (s *spec) years() []int {
	from, to := s.validity()
	last := end.Year
	if to != nil {
		last = to.Year
	}
	var ys []int
	for y := from.Year; y <= last; y++ {
		ys = append(ys, y)
	}
	return ys
}

// Quarters with no rows at all: the agency never opened them.
var gaps = map[string][]iku.Quarter{
	"satpolpp-trantibum-tertangani": {{Year: 2022, Q: 2}},
	"bpbd-waktu-tanggap":            {{Year: 2021, Q: 3}},
	"dinsos-anak-terlantar":         {{Year: 2023, Q: 1}},
	"kecamatan-teluk-nibung-paten":  {{Year: 2024, Q: 1}},
}

// Agencies whose latest-quarter rows exist but are still empty, and
// agencies whose latest-quarter entries are not verified yet.
var (
	lateAgencies        = []string{"satpol-pp", "kecamatan-teluk-nibung"}
	provisionalAgencies = []string{
		"dinas-kesehatan", "dinas-pendidikan", "disporapar", "dpmptsp", "dinas-putr",
		"dinas-lingkungan-hidup", "bpbd", "kecamatan-datuk-bandar", "kecamatan-tanjungbalai-utara",
	}
)

// The indicator-years left without an annual target on purpose (target
// belum ditetapkan).
var missingTargets = map[string]int{"kominfo-dataset-satu-data": 2026}

// entries draws the agency's quarterly values.
func (s *spec) entries(ind iku.Indicator) []Entry {
	r := stream("entries/" + s.slug)
	var es []Entry
	for _, q := range s.quarters() {
		noise, dnoise, missing := tri(r), tri(r), r.Float64()
		if slices.Contains(gaps[s.slug], q) {
			continue
		}
		e := Entry{IndicatorSlug: s.slug, Quarter: q}
		late := q == Last && slices.Contains(lateAgencies, ind.AgencySlug)
		if late || (missing < 0.012 && q != ind.ValidFrom) {
			es = append(es, e)
			continue
		}
		e.Provisional = q == Last && slices.Contains(provisionalAgencies, ind.AgencySlug)
		x := s.clamp(s.shaped(q, s.base(q)+s.noise*noise))
		if s.cons == iku.Average {
			mult := ind.Multiplier.Float64()
			d := math.Max(1, math.Round(s.den*(1+0.1*dnoise)))
			n := math.Round(x / mult * d)
			e.Numerator, e.Denominator = intDecimal(n), intDecimal(d)
			v := new(big.Rat).SetFrac64(int64(n), int64(d))
			v.Mul(v, ind.Multiplier.Rat())
			value := iku.RatDecimal(v, s.dec)
			e.Value = &value
		} else {
			e.Value = scaledDecimal(round(x, s.dec), s.dec)
		}
		es = append(es, e)
	}
	return es
}

// targets sets the annual targets (and quarterly ones when s.basis says)
// from the planned values, sorted by year, quarter (annual first).
func (s *spec) targets(ind iku.Indicator) []iku.Target {
	var ts []iku.Target
	for _, y := range s.years() {
		if missingTargets[s.slug] == y {
			continue
		}
		if s.target != nil {
			if lo, hi, ok := s.target(y); ok {
				t := iku.Target{IndicatorSlug: s.slug, Year: y, Value: iku.MustDecimal(lo)}
				if hi != "" {
					t.High = iku.DecimalPtr(hi)
				}
				ts = append(ts, t)
				for q := 1; q <= 4 && s.basis != ""; q++ {
					t.Quarter, t.Basis = q, s.basis
					ts = append(ts, t)
				}
				continue
			}
		}
		var quarterly [4]int64
		var annual int64
		for q := 1; q <= 4; q++ {
			p := s.planned(iku.Quarter{Year: y, Q: q})
			switch {
			case s.cons == iku.Sum:
				quarterly[q-1] = nice(p, s.dec)
			case s.basis == iku.Cumulative:
				quarterly[q-1] = nice(s.clamp(p), s.dec)
			}
		}
		switch {
		case s.cons == iku.Sum && s.basis != "":
			for _, v := range quarterly {
				annual += v
			}
		case s.cons == iku.Sum:
			var sum float64
			for q := 1; q <= 4; q++ {
				sum += s.planned(iku.Quarter{Year: y, Q: q})
			}
			annual = nice(sum, s.dec)
		default:
			annual = nice(s.clamp(s.planned(iku.Quarter{Year: y, Q: 4})), s.dec)
		}
		ts = append(ts, iku.Target{IndicatorSlug: s.slug, Year: y, Value: *scaledDecimal(annual, s.dec)})
		var cum int64
		for q := 1; q <= 4 && s.basis != ""; q++ {
			v := annual
			switch {
			case s.cons == iku.Sum && s.basis == iku.PerQuarter:
				v = quarterly[q-1]
			case s.cons == iku.Sum:
				cum += quarterly[q-1]
				v = cum
			case s.basis == iku.Cumulative:
				v = quarterly[q-1]
			}
			ts = append(ts, iku.Target{IndicatorSlug: s.slug, Year: y, Quarter: q, Basis: s.basis, Value: *scaledDecimal(v, s.dec)})
		}
	}
	return ts
}

// tri is triangular noise in [−1, 1], from uniform draws only (no
// transcendental functions, whose last bit may differ between platforms).
func tri(r *rand.Rand) float64 { return r.Float64() + r.Float64() - 1 }

var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// round returns x rounded to dec places, as an integer count of 10^−dec.
func round(x float64, dec int) int64 { return int64(math.Round(x * pow10[dec])) }

// nice rounds a planned value the way a planner writes a target: one
// decimal for small values, whole numbers below 1,000, then two or three
// significant digits (12,345 → 12,300). The result counts 10^−dec.
func nice(x float64, dec int) int64 {
	if dec > 0 && x < 1000 {
		return int64(math.Round(x*10)) * int64(pow10[dec-1])
	}
	step := 1.0
	for x >= 1000*step {
		step *= 10
	}
	return int64(math.Round(x/step)*step) * int64(pow10[dec])
}

// scaledDecimal writes n × 10^−dec with exactly dec places.
func scaledDecimal(n int64, dec int) *iku.Decimal {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	if dec > 0 {
		if len(s) <= dec {
			s = strings.Repeat("0", dec-len(s)+1) + s
		}
		s = s[:len(s)-dec] + "." + s[len(s)-dec:]
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return iku.DecimalPtr(s)
}

func intDecimal(x float64) *iku.Decimal { return scaledDecimal(int64(x), 0) }

func cmpOr(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}
