package iku

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// fixed is the exact arithmetic behind the rules: the decimal m / 10^s
// while it fits in an int64 (r == nil), else the value r. Every operation
// is exact; one that would overflow an int64 is done with math/big.Rat
// instead, so the int64 form is only a faster way to the same numbers
// (Evaluate runs millions of them on a large dataset). A fixed's r is never
// modified once set.
type fixed struct {
	m int64
	s int // 0–18 when r == nil
	r *big.Rat
}

var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

var (
	fixedOne     = fixed{m: 1}
	fixedHundred = fixed{m: 100}
)

// fixedInt is the integer n.
func fixedInt(n int64) fixed { return fixed{m: n} }

// fixedOf parses a Decimal: the int64 form for up to 18 digits.
func fixedOf(d Decimal) fixed {
	t := d.String()
	neg := strings.HasPrefix(t, "-")
	if neg {
		t = t[1:]
	}
	var m int64
	s, digits, dot := 0, 0, false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '.' {
			dot = true
			continue
		}
		if digits == 18 {
			return fixed{r: d.Rat()}
		}
		m = m*10 + int64(c-'0')
		digits++
		if dot {
			s++
		}
	}
	if neg {
		m = -m
	}
	return fixed{m: m, s: s}
}

// rat returns the value as a Rat that the caller must not modify.
func (a fixed) rat() *big.Rat {
	if a.r != nil {
		return a.r
	}
	return new(big.Rat).SetFrac64(a.m, pow10[a.s])
}

func (a fixed) small(b fixed) bool { return a.r == nil && b.r == nil }

func (a fixed) sign() int {
	if a.r != nil {
		return a.r.Sign()
	}
	return cmp.Compare(a.m, 0)
}

func (a fixed) cmp(b fixed) int {
	if a.small(b) {
		if am, bm, _, ok := align(a, b); ok {
			return cmp.Compare(am, bm)
		}
	}
	return a.rat().Cmp(b.rat())
}

func (a fixed) neg() fixed {
	if a.r != nil {
		return fixed{r: new(big.Rat).Neg(a.r)}
	}
	return fixed{m: -a.m, s: a.s} // m is never math.MinInt64
}

func (a fixed) abs() fixed {
	if a.sign() < 0 {
		return a.neg()
	}
	return a
}

func (a fixed) add(b fixed) fixed {
	if a.small(b) {
		if am, bm, s, ok := align(a, b); ok {
			if c, ok := add64(am, bm); ok {
				return fixed{m: c, s: s}
			}
		}
	}
	return fixed{r: new(big.Rat).Add(a.rat(), b.rat())}
}

func (a fixed) sub(b fixed) fixed { return a.add(b.neg()) }

func (a fixed) mul(b fixed) fixed {
	if a.small(b) && a.s+b.s < len(pow10) {
		if c, ok := mul64(a.m, b.m); ok {
			return fixed{m: c, s: a.s + b.s}
		}
	}
	return fixed{r: new(big.Rat).Mul(a.rat(), b.rat())}
}

// quo is a / b rounded half away from zero to places decimals, as
// RatDecimal rounds. b must not be 0.
func (a fixed) quo(b fixed, places int) fixed {
	if a.small(b) {
		// a / b × 10^places = a.m × 10^(b.s + places) / (b.m × 10^a.s)
		num, ok1 := scaleUp(a.m, b.s+places)
		den, ok2 := scaleUp(b.m, a.s)
		if ok1 && ok2 && places < len(pow10) {
			q, r := num/den, num%den
			if ur, ud := uabs(r), uabs(den); ur >= ud-ur {
				if (num < 0) != (den < 0) {
					q--
				} else {
					q++
				}
			}
			return fixed{m: q, s: places}
		}
	}
	q := roundQ(new(big.Rat).Quo(a.rat(), b.rat()), places)
	if q.IsInt64() && places < len(pow10) {
		return fixed{m: q.Int64(), s: places}
	}
	return fixed{r: new(big.Rat).SetFrac(q, pow10Big(places))}
}

// round rounds half away from zero to places decimals.
func (a fixed) round(places int) fixed { return a.quo(fixedOne, places) }

// decimal writes a with exactly places decimals, rounding half away from
// zero when it has more.
func (a fixed) decimal(places int) Decimal {
	if a.r == nil && a.s != places {
		a = a.round(places)
	}
	if a.r != nil {
		return RatDecimal(a.r, places)
	}
	digits := strconv.FormatUint(uabs(a.m), 10)
	if places > 0 {
		if len(digits) <= places {
			digits = strings.Repeat("0", places-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if a.m < 0 {
		digits = "-" + digits
	}
	return Decimal{text: digits}
}

// align writes a and b with the same scale s.
func align(a, b fixed) (am, bm int64, s int, ok bool) {
	s = max(a.s, b.s)
	am, ok1 := scaleUp(a.m, s-a.s)
	bm, ok2 := scaleUp(b.m, s-b.s)
	return am, bm, s, ok1 && ok2
}

func scaleUp(m int64, k int) (int64, bool) {
	if k >= len(pow10) {
		return 0, m == 0
	}
	return mul64(m, pow10[k])
}

func uabs(a int64) uint64 {
	if a < 0 {
		return uint64(-a)
	}
	return uint64(a)
}

// mul64 multiplies, reporting false when the product does not fit in
// (−2⁶³, 2⁶³).
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(a), uabs(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 adds, reporting false when the sum does not fit in (−2⁶³, 2⁶³).
func add64(a, b int64) (int64, bool) {
	c := a + b
	if (a > 0 && b > 0 && c < 0) || (a < 0 && b < 0 && c >= 0) || c == math.MinInt64 {
		return 0, false
	}
	return c, true
}

func pow10Big(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// roundQ is r × 10^places rounded half away from zero to an integer.
func roundQ(r *big.Rat, places int) *big.Int {
	den := r.Denom()
	q, m := new(big.Int).QuoRem(new(big.Int).Mul(r.Num(), pow10Big(places)), den, new(big.Int))
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(den) >= 0 {
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}
