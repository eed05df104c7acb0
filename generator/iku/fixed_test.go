package iku

import (
	"fmt"
	"math/big"
	"testing"
)

// fixedValues mixes values that fit the int64 form with values that do
// not, and values whose sums, products and quotients overflow it.
var fixedValues = []string{
	"0", "1", "-1", "0.5", "-0.005", "3", "7", "107.14", "60", "-16.67",
	"999999999999999999",       // 18 digits: the largest int64 form
	"-999999999999999999",      //
	"9999999999999999999",      // 19 digits: math/big
	"123456789.123456789",      // scale 9
	"0.00000000000000001",      // scale 17
	"0.000000000000000001",     // scale 18, 19 digits: math/big
	"4611686018427387904",      // 2^62
	"-12345678901234567890.55", //
	"5000000000.000000005",     //
}

// TestFixed checks every operation of the int64 form, and its overflow
// into math/big, against math/big.Rat.
func TestFixed(t *testing.T) {
	rat := func(s string) *big.Rat { return MustDecimal(s).Rat() }
	for _, as := range fixedValues {
		a := fixedOf(MustDecimal(as))
		if a.rat().Cmp(rat(as)) != 0 {
			t.Errorf("fixedOf(%s) = %s", as, a.rat().RatString())
		}
		for _, places := range []int{0, 2, 5, 20} {
			if got, want := a.decimal(places), RatDecimal(rat(as), places); got != want {
				t.Errorf("fixed(%s).decimal(%d) = %s; want %s", as, places, got, want)
			}
		}
		if got, want := a.sign(), rat(as).Sign(); got != want {
			t.Errorf("fixed(%s).sign() = %d; want %d", as, got, want)
		}
		for _, bs := range fixedValues {
			b := fixedOf(MustDecimal(bs))
			type op struct {
				name string
				got  fixed
				want *big.Rat
			}
			ops := []op{
				{"+", a.add(b), new(big.Rat).Add(rat(as), rat(bs))},
				{"−", a.sub(b), new(big.Rat).Sub(rat(as), rat(bs))},
				{"×", a.mul(b), new(big.Rat).Mul(rat(as), rat(bs))},
			}
			if b.sign() != 0 {
				for _, places := range []int{0, 2, 5, 20} {
					q := new(big.Rat).Quo(rat(as), rat(bs))
					ops = append(ops, op{fmt.Sprintf("÷(%d places)", places), a.quo(b, places), roundRat(q, places)})
				}
			}
			for _, op := range ops {
				if op.got.rat().Cmp(op.want) != 0 {
					t.Errorf("%s %s %s = %s; want %s", as, op.name, bs, op.got.rat().RatString(), op.want.RatString())
				}
			}
			if got, want := a.cmp(b), rat(as).Cmp(rat(bs)); got != want {
				t.Errorf("cmp(%s, %s) = %d; want %d", as, bs, got, want)
			}
		}
	}
}

// TestAchievementLarge checks Achievement beyond the int64 form against the
// formulas written with math/big.Rat.
func TestAchievementLarge(t *testing.T) {
	ref := func(p Polarity, t, r *big.Rat) string {
		var a *big.Rat
		if p == Negative {
			a = new(big.Rat).Sub(new(big.Rat).Add(t, t), r)
			a.Quo(a, t)
			if a.Sign() < 0 {
				a.SetInt64(0)
			}
		} else {
			a = new(big.Rat).Quo(r, t)
		}
		return RatDecimal(a.Mul(a, big.NewRat(100, 1)), 2).String()
	}
	for _, p := range []Polarity{Positive, Negative} {
		for _, ts := range fixedValues {
			for _, rs := range fixedValues {
				tv := MustDecimal(ts)
				if tv.Sign() == 0 {
					continue
				}
				got := str(Achievement(p, Target{Value: tv}, MustDecimal(rs)))
				if want := ref(p, tv.Rat(), MustDecimal(rs).Rat()); got != want {
					t.Errorf("Achievement(%s, T=%s, R=%s) = %s; want %s", p, ts, rs, got, want)
				}
			}
		}
	}
}

func TestYearToDateLarge(t *testing.T) {
	sum := Indicator{Consolidation: Sum}
	avg := Indicator{Consolidation: Average, Multiplier: dec("100"), Decimals: 2}
	tests := []struct {
		name string
		ind  Indicator
		rs   []Result
		want string
	}{
		{"sum beyond int64", sum, results("1:9000000000000000000", "2:9000000000000000000.5"), "18000000000000000000.5"},
		{"sum of 18-digit values", sum, results("1:999999999999999999", "2:999999999999999999"), "1999999999999999998"},
		{"average beyond int64", avg, results("1:1:900000000000000000/1000000000000000000", "2:1:900000000000000000/1000000000000000000"), "90.00"},
	}
	for _, tt := range tests {
		if got := str(YearToDate(tt.ind, tt.rs)); got != tt.want {
			t.Errorf("YearToDate(%s) = %s; want %s", tt.name, got, tt.want)
		}
	}
}
