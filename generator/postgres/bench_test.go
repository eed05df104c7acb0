package postgres_test

import (
	"fmt"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/demo"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
)

// measuredCity is a synthetic city of n average indicators, each measured
// monthly by the given number of service units over 2021–2026: n × units ×
// 72 measurements. (demo.Scale has quarterly entries only.)
func measuredCity(n, units int) *demo.City {
	c := fixture()
	c.Indicators, c.Targets, c.Measurements, c.Entries, c.ServiceUnits = nil, nil, nil, nil, nil
	for u := range units {
		c.ServiceUnits = append(c.ServiceUnits, demo.ServiceUnit{Slug: fmt.Sprintf("unit-%d", u), AgencySlug: "rsud", Name: fmt.Sprintf("Unit %d", u), Kind: "poliklinik"})
	}
	for i := range n {
		slug := fmt.Sprintf("indikator-%05d", i)
		c.Indicators = append(c.Indicators, iku.Indicator{
			Slug: slug, Code: fmt.Sprintf("1.02.02.%05d", i), AgencySlug: "rsud", SectorSlug: "kesehatan",
			Name: "Indikator " + slug, Unit: "menit", Polarity: iku.Negative, Consolidation: iku.Average, Frequency: iku.Quarterly,
			Decimals: 2, Multiplier: iku.MustDecimal("1"), ValidFrom: iku.MustQuarter("2021-Q1"),
		})
		for y := 2021; y <= 2026; y++ {
			c.Targets = append(c.Targets, iku.Target{IndicatorSlug: slug, Year: y, Value: iku.MustDecimal("60")})
			for m := 1; m <= 12; m++ {
				for u := range units {
					c.Measurements = append(c.Measurements, demo.Measurement{
						IndicatorSlug: slug, UnitSlug: fmt.Sprintf("unit-%d", u), Year: y, Month: m,
						Numerator:   dec(fmt.Sprintf("%d.5", 1000+i%97+m)),
						Denominator: dec(fmt.Sprint(20 + u)),
						Verified:    m%5 != 0,
					})
				}
			}
		}
	}
	return c
}

func benchmarkSeedAndLoad(b *testing.B, city *demo.City) {
	for b.Loop() {
		b.StopTimer()
		_, src := migrated(b)
		b.StartTimer()
		if err := postgres.Seed(b.Context(), src.DB(), city, postgres.SeedOptions{}); err != nil {
			b.Fatal(err)
		}
		if _, err := src.Load(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
}

// scaleCity is demo.Scale(n) with its employees moved to an agency the city
// has: demo.Scale keeps demo.Canary in "dinas-kesehatan", which a scale
// city lacks, and Seed refuses such a dangling reference.
func scaleCity(n int) *demo.City {
	c := demo.Scale(n)
	has := map[string]bool{}
	for _, a := range c.Agencies {
		has[a.Slug] = true
	}
	for i := range c.Employees {
		if !has[c.Employees[i].AgencySlug] && len(c.Agencies) > 0 {
			c.Employees[i].AgencySlug = c.Agencies[0].Slug
		}
	}
	return c
}

// 10,000 indicators, 230,000 quarterly entries.
func BenchmarkSeedAndLoadScale10000(b *testing.B) { benchmarkSeedAndLoad(b, scaleCity(10000)) }

// 1,000 indicators, 144,000 monthly measurements.
func BenchmarkSeedAndLoadMeasured1000(b *testing.B) { benchmarkSeedAndLoad(b, measuredCity(1000, 2)) }
