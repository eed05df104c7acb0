package demo

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Indicators measured per service unit and month. Every input is a whole
// number (patients, minutes, pupils, visits), so the database's sums are
// exact. Each unit-month draws from its own stream, so the two waiting-time
// indicators of a polyclinic see the same patients.

// months calls f for every month from (y, m) to the last month of Last.
func months(y, m int, f func(y, m int)) {
	for ; y < Last.Year || (y == Last.Year && m <= 3*Last.Q); m++ {
		if m > 12 {
			y, m = y+1, 1
		}
		f(y, m)
	}
}

// monthT runs from 0 in January 2021 to 1 in December 2026.
func monthT(y, m int) float64 { return float64((y-2021)*12+m-1) / 71 }

// verified says whether a unit's month is verified: everything is, except
// some units in the last months of the latest quarter.
func verified(i, y, m int) bool {
	if y != Last.Year || (m-1)/3+1 != Last.Q {
		return true
	}
	return !(i%2 == 0 && m == 3*Last.Q) && !(i == 1 && m == 3*Last.Q-1)
}

// patients is a unit's monthly outpatient volume: fewer in the pandemic
// summer of 2021 and in the month of Idul Fitri, slowly growing.
func patients(u unit, y, m int, r *rand.Rand) float64 {
	f := 1 + 0.03*float64(y-2021)
	if y == 2021 && (m == 7 || m == 8) {
		f *= 0.7
	}
	if lm, _ := idulFitri(y); lm == m {
		f *= 0.8
	}
	return math.Max(1, math.Round(u.size*f*(1+0.08*tri(r))))
}

// waitingTimes measures waiting time per unit and month: with threshold 0
// the numerator is the total minutes waited; with a threshold it is the
// number of patients seen within that many minutes. The denominator is the
// number of patients either way. The mean wait falls from w0 to w1.
func waitingTimes(units []unit, w0, w1 float64, threshold int) func(iku.Indicator) []Measurement {
	return func(ind iku.Indicator) []Measurement {
		var ms []Measurement
		months(2021, 1, func(y, m int) {
			for i, u := range units {
				r := stream(fmt.Sprintf("%s/%04d-%02d", u.slug, y, m))
				w := (w0 + (w1-w0)*monthT(y, m)) * u.factor * (1 + 0.08*tri(r))
				d := patients(u, y, m, r)
				share := min(0.98, max(0.05, 1.30-w/110+0.03*tri(r)))
				me := Measurement{IndicatorSlug: ind.Slug, UnitSlug: u.slug, Year: y, Month: m, Verified: verified(i, y, m)}
				if r.Float64() >= 0.006 { // else the unit skipped the month: a row without values
					n := math.Round(w * d)
					if threshold > 0 {
						n = math.Round(share * d)
					}
					me.Numerator, me.Denominator = intDecimal(n), intDecimal(d)
				}
				ms = append(ms, me)
			}
		})
		return ms
	}
}

// literacy: monthly literacy assessments per school; none in July (school
// holiday) and none during remote learning in 2021-Q3.
func literacy(ind iku.Indicator) []Measurement {
	var ms []Measurement
	months(2021, 1, func(y, m int) {
		if m == 7 || (y == 2021 && m >= 7 && m <= 9) {
			return
		}
		for _, u := range schools {
			r := stream(fmt.Sprintf("literasi/%s/%04d-%02d", u.slug, y, m))
			d := math.Round(u.size * 0.9 * (1 + 0.05*tri(r)))
			p := (0.52 + 0.20*monthT(y, m)) * (1 + (u.factor-1)/2)
			p = min(0.99, max(0.05, p+0.03*tri(r)))
			me := Measurement{IndicatorSlug: ind.Slug, UnitSlug: u.slug, Year: y, Month: m, Verified: true}
			if r.Float64() >= 0.006 {
				me.Numerator, me.Denominator = intDecimal(math.Round(p*d)), intDecimal(d)
			}
			ms = append(ms, me)
		}
	})
	return ms
}

// parents: attendance at school meetings, a programme started in 2023
// whose first quarter had rows but no meetings yet (denominator 0).
func parents(ind iku.Indicator) []Measurement {
	var ms []Measurement
	months(2023, 1, func(y, m int) {
		if m == 7 {
			return
		}
		for i, u := range schools {
			r := stream(fmt.Sprintf("orang-tua/%s/%04d-%02d", u.slug, y, m))
			d := math.Round(u.size * 0.75 * (1 + 0.05*tri(r)))
			t := float64((y-2023)*12+m-4) / 44
			p := (0.45 + 0.23*t) * (1 + (u.factor-1)/2)
			p = min(0.99, max(0.05, p+0.04*tri(r)))
			n := math.Round(p * d)
			if y == 2023 && m <= 3 {
				n, d = 0, 0
			}
			ms = append(ms, Measurement{IndicatorSlug: ind.Slug, UnitSlug: u.slug, Year: y, Month: m,
				Numerator: intDecimal(n), Denominator: intDecimal(d), Verified: verified(i, y, m)})
		}
	})
	return ms
}

// visits: monthly visits per destination, with Idul Fitri and year-end
// peaks, the pandemic of 2021–2022 and growth afterwards.
func visits(ind iku.Indicator) []Measurement {
	var ms []Measurement
	months(2021, 1, func(y, m int) {
		for i, u := range destinations {
			r := stream(fmt.Sprintf("kunjungan/%s/%04d-%02d", u.slug, y, m))
			v := math.Round(expectedVisits(u, y, m) * (1 + 0.1*tri(r)))
			me := Measurement{IndicatorSlug: ind.Slug, UnitSlug: u.slug, Year: y, Month: m, Verified: verified(i, y, m)}
			if r.Float64() >= 0.006 {
				me.Value = intDecimal(v)
			}
			ms = append(ms, me)
		}
	})
	return ms
}

func expectedVisits(u unit, y, m int) float64 {
	growth := 1.0
	if y > 2022 {
		growth += 0.05 * float64(y-2022)
	}
	return u.size * season(y, m) * pandemic(y, m) * growth
}

// visitsPlan: the tourism office plans 3 % above the expected visits.
func visitsPlan(q iku.Quarter) float64 {
	var v float64
	for m := 3*q.Q - 2; m <= 3*q.Q; m++ {
		for _, u := range destinations {
			v += expectedVisits(u, q.Year, m)
		}
	}
	return v * 1.03
}

// idulFitri returns the month of Idul Fitri and the share of its holiday
// peak that falls in the month after (Idul Fitri on 31 March 2025 puts
// most of the holiday week in April).
func idulFitri(y int) (month int, spill float64) {
	switch y {
	case 2021:
		return 5, 0.1 // 13 May
	case 2022:
		return 5, 0 // 2 May
	case 2023:
		return 4, 0.3 // 22 April
	case 2024:
		return 4, 0 // 10 April
	case 2025:
		return 3, 0.6 // 31 March
	case 2026:
		return 3, 0.1 // 20 March
	}
	return 4, 0
}

// season is the relative level of visits in a month: Idul Fitri, school
// holidays (June–July), the year-end holidays.
func season(y, m int) float64 {
	f := [12]float64{1.2, 0.85, 0.9, 0.9, 0.9, 1.15, 1.2, 1, 0.85, 0.85, 0.9, 1.6}[m-1]
	lm, spill := idulFitri(y)
	switch m {
	case lm:
		f += 1.3 * (1 - spill)
	case lm + 1:
		f += 1.3 * spill
	}
	return f
}

// pandemic is the share of normal visits left by COVID-19 restrictions
// (PPKM darurat in July–August 2021).
func pandemic(y, m int) float64 {
	switch y {
	case 2021:
		return [12]float64{0.45, 0.45, 0.45, 0.4, 0.4, 0.4, 0.15, 0.15, 0.3, 0.55, 0.55, 0.55}[m-1]
	case 2022:
		return [4]float64{0.7, 0.85, 0.95, 1}[(m-1)/3]
	}
	return 1
}
